//! 驻点监督 (zhudian): stationed supervision of a hospital. `lottery` draws the order of a
//! 3-year round; a `stay` is one hospital's 1–3 weeks with its group; each scene's work is a
//! `sheet`; the `register` gathers the problems found and their handling; `coverage` is a stay's
//! board of scenes × content areas and its work per day; `figures` counts a year's stays for the
//! work summary and lists overdue rectifications.

pub mod combine;
pub mod coverage;
pub mod documents;
pub mod figures;
pub mod lottery;
pub mod register;
pub mod scenes;
pub mod sheet;
pub mod stay;
