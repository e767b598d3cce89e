//! The user interface: the app root, one file per page, and reusable components. All text is
//! Simplified Chinese with the official terms verbatim; user text is only ever rendered as
//! text, never as HTML.

pub mod app;
pub mod components;
pub mod form_errors;
pub mod pages;
