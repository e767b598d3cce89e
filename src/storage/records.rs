//! Which store each domain record lives in and what its key is.

use serde::Serialize;

use super::schema;
use crate::domain::{
    inspection::Inspection,
    inspector::Inspector,
    institution::Institution,
    plan::Plan,
    stationed::{sheet::SceneSheet, stay::Stay},
};

/// A domain record persisted as one object in one store, keyed by its id.
pub trait Record: Serialize {
    const STORE: &'static str;
    fn key(&self) -> &str;
}

macro_rules! record {
    ($($record:ty => $store:expr),+) => {$(
        impl Record for $record {
            const STORE: &'static str = $store;
            fn key(&self) -> &str {
                &self.id
            }
        }
    )+};
}

record!(
    Institution => schema::INSTITUTIONS,
    Inspector => schema::INSPECTORS,
    Plan => schema::PLANS,
    Inspection => schema::INSPECTIONS,
    Stay => schema::STAYS,
    SceneSheet => schema::SCENE_SHEETS
);
