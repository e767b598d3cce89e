//! The domain: institutions, inspectors and the rules about them, in plain Rust. Nothing here
//! may touch the browser, Leptos, the clock or randomness: time and ids are parameters, and a
//! test (`tests/domain/tidy.rs`) fails if a browser crate is named here.

pub mod agency;
pub mod catalog;
pub mod chosen_file;
pub mod credit_code;
pub mod digest;
pub mod document;
pub mod document_number;
pub mod draw;
pub mod exchange;
pub mod export;
pub mod field_merge;
pub mod fubiao3;
pub mod handling;
pub mod huitoukan;
pub mod inspection;
pub mod inspection_documents;
pub mod inspector;
pub mod institution;
pub mod labelled;
pub mod law;
pub mod media;
pub mod plan;
pub mod plan_result;
pub mod references;
pub mod roster;
pub mod roster_import;
pub mod safekeeping;
pub mod sample;
pub mod signing;
pub mod stationed;
pub mod storage_budget;
pub mod validation;
