//! 附表3 in its official layout as XLSX and CSV bytes (being written).
