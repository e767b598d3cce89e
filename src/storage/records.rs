//! Which store each domain record lives in and what its key is.

use serde::Serialize;

use super::schema;
use crate::domain::{inspector::Inspector, institution::Institution};

/// A domain record persisted as one object in one store, keyed by its id.
pub trait Record: Serialize {
    const STORE: &'static str;
    fn key(&self) -> &str;
}

impl Record for Institution {
    const STORE: &'static str = schema::INSTITUTIONS;
    fn key(&self) -> &str {
        &self.id
    }
}

impl Record for Inspector {
    const STORE: &'static str = schema::INSPECTORS;
    fn key(&self) -> &str {
        &self.id
    }
}
