//! Keeping the database connection: when the browser closes it (memory pressure, site data
//! cleared), the autosave asks here to reopen it; if the reopened database came up empty while
//! this page still holds records, every record is written back from memory, and the pending
//! writes go with them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autosave::Autosave;
use super::roster::Roster;
use super::storage_status::{DatabaseState, StorageStatus};
use super::work::Work;
use crate::storage::{schema, Database, StorageError, Write};

/// Whether this page rewrote the database from memory after the browser emptied it.
#[derive(Clone, Copy)]
pub struct Connection {
    pub restored_from_memory: RwSignal<Option<usize>>,
}

pub fn provide_connection() -> Connection {
    let connection = Connection {
        restored_from_memory: RwSignal::new(None),
    };
    provide_context(connection);
    connection
}

pub fn use_connection() -> Connection {
    expect_context::<Connection>()
}

/// A newer version of the app opened in another tab: this page steps aside at once and says to
/// reload, rather than blocking the upgrade.
pub fn step_aside_for_upgrades(database: &Database, storage: StorageStatus) {
    database.on_version_change(move || {
        storage.database.set(DatabaseState::Failed(
            StorageError::VersionChanged.message(),
        ))
    });
}

/// Lets the autosave reopen the database when the browser closed it.
pub fn keep_connected(
    roster: Roster,
    work: Work,
    autosave: Autosave,
    storage: StorageStatus,
    connection: Connection,
) {
    autosave.on_closed(move || {
        spawn_local(async move {
            match Database::open(schema::DATABASE_NAME, move || {
                storage.database.set(DatabaseState::Blocked)
            })
            .await
            {
                Ok(database) => {
                    if database.record_count().await.unwrap_or(0) == 0 {
                        match memory_writes(roster, work) {
                            Ok(writes) if !writes.is_empty() => {
                                connection.restored_from_memory.set(Some(writes.len()));
                                autosave.queue_for_attach(writes);
                            }
                            Ok(_) => {}
                            Err(e) => web_sys::console::error_1(&e.message().into()),
                        }
                    }
                    storage.database.set(DatabaseState::Ready {
                        version: database.version(),
                    });
                    step_aside_for_upgrades(&database, storage);
                    autosave.attach(database);
                }
                Err(e) => {
                    storage.database.set(DatabaseState::Failed(e.message()));
                    autosave.detach(e);
                }
            }
        });
    });
}

/// A put of every record this page holds.
fn memory_writes(roster: Roster, work: Work) -> Result<Vec<Write>, StorageError> {
    let mut writes = roster.institutions.all_puts()?;
    writes.extend(roster.inspectors.all_puts()?);
    writes.extend(work.plans.all_puts()?);
    writes.extend(work.inspections.all_puts()?);
    writes.extend(work.stays.all_puts()?);
    writes.extend(work.scene_sheets.all_puts()?);
    Ok(writes)
}
