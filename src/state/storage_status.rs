//! Whether the database is open, and what `navigator.storage` says (persistence, usage).

use leptos::prelude::*;

use crate::browser::StorageReport;

/// The database connection's state, as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseState {
    Opening,
    /// Another tab holds an older version open.
    Blocked,
    Ready {
        version: u32,
    },
    Failed(String),
}

/// The storage-status context.
#[derive(Clone, Copy)]
pub struct StorageStatus {
    pub database: RwSignal<DatabaseState>,
    pub report: RwSignal<Option<StorageReport>>,
}

pub fn provide_storage_status() -> StorageStatus {
    let status = StorageStatus {
        database: RwSignal::new(DatabaseState::Opening),
        report: RwSignal::new(None),
    };
    provide_context(status);
    status
}

pub fn use_storage_status() -> StorageStatus {
    expect_context::<StorageStatus>()
}
