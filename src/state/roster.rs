//! The institution and inspector rosters, loaded once from IndexedDB and kept in Rust; every
//! change updates the in-memory list first (so nothing typed is lost) and then the autosave.

use leptos::prelude::*;

use super::autosave::Autosave;
use crate::browser;
use crate::domain::{inspector::Inspector, institution::Institution};
use crate::storage::{Database, Record, StorageError, Write};

/// The roster context.
#[derive(Clone, Copy)]
pub struct Roster {
    pub institutions: RwSignal<Vec<Institution>>,
    pub inspectors: RwSignal<Vec<Inspector>>,
    /// False until the lists have been read from the database.
    pub loaded: RwSignal<bool>,
    autosave: Autosave,
}

pub fn provide_roster(autosave: Autosave) -> Roster {
    let roster = Roster {
        institutions: RwSignal::new(Vec::new()),
        inspectors: RwSignal::new(Vec::new()),
        loaded: RwSignal::new(false),
        autosave,
    };
    provide_context(roster);
    roster
}

pub fn use_roster() -> Roster {
    expect_context::<Roster>()
}

/// A record kind kept in a roster list.
trait Listed: Record + Clone + Send + Sync + 'static {
    fn id(&self) -> &str;
    fn touch(&mut self, now: chrono::DateTime<chrono::Utc>);
}

impl Listed for Institution {
    fn id(&self) -> &str {
        &self.id
    }
    fn touch(&mut self, now: chrono::DateTime<chrono::Utc>) {
        self.updated_at = now;
    }
}

impl Listed for Inspector {
    fn id(&self) -> &str {
        &self.id
    }
    fn touch(&mut self, now: chrono::DateTime<chrono::Utc>) {
        self.updated_at = now;
    }
}

impl Roster {
    /// Reads both lists from the database.
    pub async fn load(&self, database: &Database) -> Result<(), StorageError> {
        let institutions = database.all::<Institution>().await?;
        let inspectors = database.all::<Inspector>().await?;
        self.institutions.set(institutions);
        self.inspectors.set(inspectors);
        self.loaded.set(true);
        Ok(())
    }

    /// Lets the user work with empty in-memory lists when the database cannot be read; the
    /// storage alert says why, and edits wait in the autosave queue.
    pub fn start_without_storage(&self) {
        self.loaded.set(true);
    }

    /// Adds a blank institution, saved at once, and returns its id.
    pub fn add_institution(&self) -> String {
        let record = Institution::new(browser::new_id(), browser::now());
        self.add(self.institutions, record)
    }

    /// Adds a blank inspector, saved at once, and returns its id.
    pub fn add_inspector(&self) -> String {
        let record = Inspector::new(browser::new_id(), browser::now());
        self.add(self.inspectors, record)
    }

    /// Changes one institution; the change is autosaved.
    pub fn edit_institution(&self, id: &str, change: impl FnOnce(&mut Institution)) {
        self.edit(self.institutions, id, change);
    }

    /// Changes one inspector; the change is autosaved.
    pub fn edit_inspector(&self, id: &str, change: impl FnOnce(&mut Inspector)) {
        self.edit(self.inspectors, id, change);
    }

    pub fn delete_institution(&self, id: &str) {
        self.delete(self.institutions, id);
    }

    pub fn delete_inspector(&self, id: &str) {
        self.delete(self.inspectors, id);
    }

    fn add<R: Listed>(&self, list: RwSignal<Vec<R>>, record: R) -> String {
        let id = record.id().to_string();
        self.save(&record, true);
        list.update(|l| l.push(record));
        id
    }

    fn edit<R: Listed>(&self, list: RwSignal<Vec<R>>, id: &str, change: impl FnOnce(&mut R)) {
        let mut saved = None;
        list.update(|l| {
            if let Some(record) = l.iter_mut().find(|r| r.id() == id) {
                change(record);
                record.touch(browser::now());
                saved = Some(record.clone());
            }
        });
        if let Some(record) = saved {
            self.save(&record, false);
        }
    }

    fn delete<R: Listed>(&self, list: RwSignal<Vec<R>>, id: &str) {
        list.update(|l| l.retain(|r| r.id() != id));
        self.autosave.queue_now(Write::delete::<R>(id));
    }

    fn save<R: Listed>(&self, record: &R, now: bool) {
        match Write::put(record) {
            Ok(write) if now => self.autosave.queue_now(write),
            Ok(write) => self.autosave.queue(write),
            // A record that cannot be converted is a programming error; report it loudly.
            Err(e) => web_sys::console::error_1(&format!("cannot store record: {e:?}").into()),
        }
    }
}
