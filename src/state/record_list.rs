//! A list of one kind of record, loaded once and kept in memory; every change updates the list
//! first (so nothing typed is lost) and then goes to the autosave queue.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

mod merge;
mod watch;

pub use merge::TheirVersion;

use super::autosave::Autosave;
use crate::browser;
use crate::domain::{
    inspection::Inspection,
    inspector::Inspector,
    institution::Institution,
    plan::Plan,
    stationed::{sheet::SceneSheet, stay::Stay},
};
use crate::storage::{Record, Write};

/// A record kind kept in a list.
pub trait Listed: Record + serde::de::DeserializeOwned + Clone + Send + Sync + 'static {
    fn id(&self) -> &str;
    /// Marks the record as changed now, on this device.
    fn touch(&mut self, now: DateTime<Utc>, device: &str);
}

macro_rules! listed {
    ($($record:ty),+) => {$(
        impl Listed for $record {
            fn id(&self) -> &str {
                &self.id
            }
            fn touch(&mut self, now: DateTime<Utc>, device: &str) {
                self.updated_at = now;
                self.changed_on = Some(device.to_string());
            }
        }
    )+};
}
listed!(Institution, Inspector, Plan, Inspection, Stay, SceneSheet);

/// A put of each record, for one batch; fails if a record cannot be converted.
pub fn puts<R: Record>(records: &[R]) -> Result<Vec<Write>, crate::storage::StorageError> {
    records.iter().map(Write::put).collect()
}

/// When a change is written.
#[derive(Clone, Copy)]
enum Save {
    /// After the autosave debounce (typing).
    Debounced,
    /// At once (add, delete).
    Now,
    /// At once, strict durability (completing an inspection).
    Durable,
}

/// A change to a list, as told to its observer: one record put or removed, or the whole list
/// replaced (at load).
pub enum ListChange<'a, R> {
    Put(&'a R),
    Removed(&'a str),
    Reset(&'a [R]),
}

/// Told of every change to a list, after it is made; keeps derived indexes current one
/// record at a time instead of rebuilding them from the whole list.
pub type Observer<R> = Arc<dyn Fn(ListChange<'_, R>) + Send + Sync>;

/// The in-memory list of one record kind. Cheap to copy.
pub struct RecordList<R: Listed> {
    pub items: RwSignal<Vec<R>>,
    autosave: Autosave,
    observer: Option<StoredValue<Observer<R>>>,
    /// This tab's own edits, for merging another tab's version (see `merge`).
    edits: StoredValue<merge::EditMemory<R>>,
    /// The per-record signals handed out by `watch`.
    watchers: StoredValue<watch::Watchers<R>>,
}

impl<R: Listed> Clone for RecordList<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Listed> Copy for RecordList<R> {}

impl<R: Listed> RecordList<R> {
    pub fn new(autosave: Autosave) -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            autosave,
            observer: None,
            edits: StoredValue::new(merge::EditMemory::default()),
            watchers: StoredValue::new(Default::default()),
        }
    }

    /// A list whose every change is told to `observer`.
    pub fn observed(autosave: Autosave, observer: Observer<R>) -> Self {
        Self {
            observer: Some(StoredValue::new(observer)),
            ..Self::new(autosave)
        }
    }

    fn notify(&self, change: ListChange<'_, R>) {
        self.tell_watchers(&change);
        if let Some(observer) = self.observer {
            observer.with_value(|tell| tell(change));
        }
    }

    /// Replaces the whole list (after reading it from the database).
    pub fn replace_all(&self, records: Vec<R>) {
        self.notify(ListChange::Reset(&records));
        self.items.set(records);
    }

    /// Reads the list with `f`, tracking it.
    pub fn with<T>(&self, f: impl FnOnce(&Vec<R>) -> T) -> T {
        self.items.with(f)
    }

    /// One record by id, cloned.
    pub fn get(&self, id: &str) -> Option<R> {
        self.items
            .with(|all| all.iter().find(|r| r.id() == id).cloned())
    }

    /// Adds a record and saves it at once; returns its id.
    pub fn add(&self, mut record: R) -> String {
        record.touch(browser::now(), &browser::device_id());
        let id = record.id().to_string();
        self.save(&record, Save::Now);
        self.notify(ListChange::Put(&record));
        self.items.update(|l| l.push(record));
        id
    }

    /// Changes one record; the change is autosaved.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut R)) {
        let before = self.get_untracked(id);
        if let Some(record) = self.change_in_memory(id, change) {
            if let Some(before) = &before {
                self.note_edit(before);
            }
            self.save(&record, Save::Debounced);
        }
    }

    /// Changes one record and writes it at once with strict durability: for actions that must
    /// survive a power loss the moment the user sees them acknowledged.
    pub fn edit_durably(&self, id: &str, change: impl FnOnce(&mut R)) {
        if let Some(record) = self.change_in_memory(id, change) {
            self.save(&record, Save::Durable);
        }
    }

    /// Changes one record with strict durability and shows the change only once it is on disk:
    /// for what the user is told happened (completed, reviewed, reopened). Edits typed while the
    /// write was under way are kept: the change then goes onto the record as it is by then (and
    /// is autosaved with them).
    pub async fn commit(
        &self,
        id: &str,
        change: impl Fn(&mut R),
    ) -> Result<(), crate::storage::StorageError> {
        let mut record = self
            .get_untracked(id)
            .ok_or_else(|| crate::storage::StorageError::Other("记录已被删除".into()))?;
        change(&mut record);
        record.touch(browser::now(), &browser::device_id());
        self.autosave
            .apply_alone(vec![Write::put(&record)?])
            .await?;
        self.edit(id, change);
        Ok(())
    }

    /// Changes one record in memory only (marked as changed here, observers told) and returns
    /// it; the caller writes it, e.g. together with other writes in one transaction.
    pub fn change_in_memory(&self, id: &str, change: impl FnOnce(&mut R)) -> Option<R> {
        let mut changed = None;
        self.items.update(|l| {
            if let Some(record) = l.iter_mut().find(|r| r.id() == id) {
                change(record);
                record.touch(browser::now(), &browser::device_id());
                changed = Some(record.clone());
            }
        });
        if let Some(record) = &changed {
            self.notify(ListChange::Put(record));
        }
        changed
    }

    /// A put of every record in the list, for one batch.
    pub fn all_puts(&self) -> Result<Vec<Write>, crate::storage::StorageError> {
        self.items.with_untracked(|l| puts(l))
    }

    /// Adds many records in memory and returns their writes, for one batch transaction.
    pub fn extend(&self, records: Vec<R>) -> Result<Vec<Write>, crate::storage::StorageError> {
        let writes = records
            .iter()
            .map(Write::put)
            .collect::<Result<Vec<_>, _>>()?;
        for record in &records {
            self.notify(ListChange::Put(record));
        }
        self.items.update(|l| l.extend(records));
        Ok(writes)
    }

    /// Puts many records in memory, replacing those with the same id and adding the others; the
    /// caller writes them (an import converts every record first, then changes memory, then
    /// writes one batch).
    pub fn put_many_in_memory(&self, records: Vec<R>) {
        for record in &records {
            self.notify(ListChange::Put(record));
        }
        self.items.update(|list| {
            for record in records {
                match list.iter_mut().find(|r| r.id() == record.id()) {
                    Some(slot) => *slot = record,
                    None => list.push(record),
                }
            }
        });
    }

    /// The records with these ids as they are now (none for an id not held): what
    /// [`RecordList::restore`] puts back when the write of a change made in memory fails.
    pub fn before<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<(String, Option<R>)> {
        ids.into_iter()
            .map(|id| (id.to_string(), self.get_untracked(id)))
            .collect()
    }

    /// Puts back in memory the records as [`RecordList::before`] saw them (nothing is written:
    /// the change they undo never reached the database).
    pub fn restore(&self, saved: Vec<(String, Option<R>)>) {
        for (id, record) in saved {
            self.refresh_in_memory(&id, record);
        }
    }

    fn get_untracked(&self, id: &str) -> Option<R> {
        self.items
            .with_untracked(|all| all.iter().find(|r| r.id() == id).cloned())
    }

    /// Takes another tab's version of one record (or its removal) into memory, without
    /// saving it again.
    pub fn refresh_in_memory(&self, id: &str, record: Option<R>) {
        match record {
            Some(record) => self.put_many_in_memory(vec![record]),
            None => {
                let present = self
                    .items
                    .with_untracked(|l| l.iter().any(|r| r.id() == id));
                if present {
                    self.items.update(|l| l.retain(|r| r.id() != id));
                    self.notify(ListChange::Removed(id));
                }
            }
        }
    }

    /// Removes the records whose id matches in memory and returns their deletes, for one batch.
    pub fn remove_where(&self, matches: impl Fn(&str) -> bool) -> Vec<Write> {
        let mut removed = Vec::new();
        self.items.update(|l| {
            l.retain(|r| {
                let gone = matches(r.id());
                if gone {
                    removed.push(r.id().to_string());
                }
                !gone
            })
        });
        for id in &removed {
            self.notify(ListChange::Removed(id));
        }
        removed.iter().map(|id| Write::delete::<R>(id)).collect()
    }

    /// Deletes one record, at once.
    pub fn delete(&self, id: &str) {
        self.items.update(|l| l.retain(|r| r.id() != id));
        self.notify(ListChange::Removed(id));
        self.autosave.queue_now(Write::delete::<R>(id));
    }

    fn save(&self, record: &R, when: Save) {
        if let Save::Debounced = when {
            // Converted when the queue is written, from the record as it is by then.
            let (list, id) = (*self, record.id().to_string());
            let make = move || list.get_untracked(&id).and_then(|r| converted(&r));
            return self
                .autosave
                .queue_later(R::STORE, record.id(), std::rc::Rc::new(make));
        }
        if let Some(write) = converted(record) {
            match when {
                Save::Now => self.autosave.queue_now(write),
                _ => self.autosave.queue_durable(write),
            }
        }
    }
}

/// A record's write; a record that cannot be converted is a programming error, reported loudly.
fn converted<R: Record>(record: &R) -> Option<Write> {
    Write::put(record)
        .map_err(|e| web_sys::console::error_1(&format!("cannot store record: {e:?}").into()))
        .ok()
}
