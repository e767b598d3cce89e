//! The institution and inspector rosters.

use leptos::prelude::*;

use super::autosave::Autosave;
use super::record_list::RecordList;
use crate::browser;
use crate::domain::{inspector::Inspector, institution::Institution};
use crate::storage::{Database, StorageError};

/// The roster context.
#[derive(Clone, Copy)]
pub struct Roster {
    pub institutions: RecordList<Institution>,
    pub inspectors: RecordList<Inspector>,
    /// False until the lists have been read from the database.
    pub loaded: RwSignal<bool>,
}

pub fn provide_roster(autosave: Autosave) -> Roster {
    let roster = Roster {
        institutions: RecordList::new(autosave),
        inspectors: RecordList::new(autosave),
        loaded: RwSignal::new(false),
    };
    provide_context(roster);
    roster
}

pub fn use_roster() -> Roster {
    expect_context::<Roster>()
}

impl Roster {
    /// Reads both lists from the database.
    pub async fn load(&self, database: &Database) -> Result<(), StorageError> {
        self.institutions
            .items
            .set(database.all::<Institution>().await?);
        self.inspectors
            .items
            .set(database.all::<Inspector>().await?);
        Ok(())
    }

    /// Shows the pages: the data is read, or it cannot be (then the lists start empty in
    /// memory, the storage alert says why, and edits wait in the autosave queue).
    pub fn mark_loaded(&self) {
        self.loaded.set(true);
    }

    /// Adds a blank institution, saved at once, and returns its id.
    pub fn add_institution(&self) -> String {
        self.institutions
            .add(Institution::new(browser::new_id(), browser::now()))
    }

    /// Adds a blank inspector, saved at once, and returns its id.
    pub fn add_inspector(&self) -> String {
        self.inspectors
            .add(Inspector::new(browser::new_id(), browser::now()))
    }
}
