//! 卫生监督检查: an offline-first web app for health supervision inspectors (卫生监督员).
//!
//! Codemap (see ARCHITECTURE.md for the data flow):
//! - [`domain`]: plain Rust; institutions, inspectors, validation, roster search. Native tests.
//! - [`route`]: the pages and their hash URLs. Pure.
//! - `storage`: the only code that touches IndexedDB and localStorage (wasm only).
//! - `browser`: clock, ids, service worker and storage-manager calls (wasm only).
//! - `state`: Leptos contexts over the loaded data and the autosave queue (wasm only).
//! - `ui`: pages and components (wasm only).
//!
//! Invariant: the domain never sees a browser type; the shells never decide a domain rule.

pub mod domain;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
