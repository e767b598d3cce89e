//! The official layout of 附表3 (being written).
