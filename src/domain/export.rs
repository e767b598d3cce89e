//! Export building: the bytes of downloadable files (CSV, XLSX) made from a computed table.
//! Pure: no browser; the shell only hands the bytes to a download.

pub mod csv;
pub mod draw_notice;
pub mod fubiao3;
pub mod paper;
pub mod stay_register;
pub mod xlsx;
