//! 驻点监督 (zhudian): stationed supervision of a hospital.

pub mod lottery;
pub mod scenes;
