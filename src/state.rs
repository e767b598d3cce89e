//! Leptos contexts over the loaded data: one per concern, each with `provide_x()` / `use_x()`
//! in the file that owns it. Domain values stay plain data; signals wrap them here.

pub mod agency;
pub mod autosave;
pub mod connection;
pub mod draw;
pub mod exchange;
pub mod laws;
pub mod media;
pub mod opinion_number;
pub mod record_list;
pub mod roster;
pub mod roster_import;
pub mod safekeeping;
pub mod sample;
pub mod signing;
pub mod stay_facts;
pub mod storage_status;
pub mod tabs;
pub mod work;
