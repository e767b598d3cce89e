//! Taking another tab's version of a record without losing this tab's edits: an unsaved edit is
//! merged field by field onto the other version (`domain::field_merge`) and written on top of
//! it; the fields typed in since the focus last moved are never replaced under the cursor. A
//! same-field disagreement keeps this tab's value and is returned, with the other value, for
//! the notice.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use serde_json::Value;

use super::{Listed, RecordList};
use crate::domain::field_merge::{changed_paths, get_at, merge, set_at, Conflict, FieldPath, Step};

/// Bookkeeping fields: stamped anew on every write, never a conflict.
const BOOKKEEPING: &[&str] = &["updated_at", "changed_on", "updated_by"];

/// What this tab remembers of its own edits, per record id.
pub(super) struct EditMemory<R> {
    /// The version an unsaved edit was made on: the last one this tab read or wrote.
    bases: HashMap<String, R>,
    /// The record as the first edit since the focus last moved found it (its JSON, taken once
    /// per focus, not per keystroke): what differs from it was typed here since.
    touched: HashMap<String, Value>,
    /// Records whose memory kept a typed field against a written other version: written when
    /// the focus moves.
    deferred: HashSet<String>,
}

impl<R> Default for EditMemory<R> {
    fn default() -> Self {
        Self {
            bases: HashMap::new(),
            touched: HashMap::new(),
            deferred: HashSet::new(),
        }
    }
}

/// What taking another tab's version did here.
pub enum TheirVersion {
    /// Taken as it is (nothing of this tab's was unsaved or being typed).
    Taken,
    /// Merged with this tab's edits; the fields both changed, this tab's value kept.
    Merged(Vec<Conflict>),
    /// The other tab deleted the record; `true` if an unsaved edit of it was dropped.
    Removed(bool),
}

fn json<R: serde::Serialize>(record: &R) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

impl<R: Listed> RecordList<R> {
    /// Remembers an edit about to be queued: the version it was made on (unless an older
    /// unsaved edit's base is kept) and, at the first edit since the focus moved, the record as
    /// it was.
    pub(super) fn note_edit(&self, before: &R) {
        let id = before.id();
        let unsaved = self.autosave.is_unsaved(R::STORE, id);
        self.edits.update_value(|edits| {
            if !unsaved || !edits.bases.contains_key(id) {
                edits.bases.insert(id.to_string(), before.clone());
            }
            if !edits.touched.contains_key(id) {
                edits.touched.insert(id.to_string(), json(before));
            }
        });
    }

    /// The fields typed in here since the focus last moved.
    fn typed_here(&self, key: &str, mine: &Value) -> Vec<FieldPath> {
        self.edits.with_value(|edits| {
            edits
                .touched
                .get(key)
                .map(|before| changed_paths(before, mine))
                .unwrap_or_default()
        })
    }

    /// Takes the version of `key` another tab wrote (`None`: it deleted the record).
    pub fn take_theirs(&self, key: &str, theirs: Option<R>) -> TheirVersion {
        let Some(theirs) = theirs else {
            let dropped = self.autosave.is_pending(R::STORE, key);
            self.autosave.discard(R::STORE, key);
            self.forget(key);
            self.refresh_in_memory(key, None);
            return TheirVersion::Removed(dropped);
        };
        let unsaved = self.autosave.is_unsaved(R::STORE, key);
        let Some(mine) = self.get_untracked(key) else {
            self.refresh_in_memory(key, Some(theirs));
            return TheirVersion::Taken;
        };
        let mine_json = json(&mine);
        let protected = self.typed_here(key, &mine_json);
        let base = self
            .edits
            .with_value(|edits| edits.bases.get(key).filter(|_| unsaved).map(json))
            .unwrap_or_else(|| mine_json.clone());
        let merged = merge(&base, &mine_json, &json(&theirs), &protected, BOOKKEEPING);
        let record = match serde_json::from_value::<R>(merged.value) {
            Ok(record) if unsaved || !merged.conflicts.is_empty() => record,
            // Nothing of this tab's survives (or, never expected, the merge does not read
            // back as a record): the other version as it is.
            _ => {
                self.autosave.discard(R::STORE, key);
                self.edits.update_value(|edits| {
                    edits.bases.remove(key);
                    edits.deferred.remove(key);
                });
                self.refresh_in_memory(key, Some(theirs));
                self.keep_typed(key, &protected);
                return TheirVersion::Taken;
            }
        };
        self.refresh_in_memory(key, Some(record));
        if unsaved {
            // The queued write was made on the older version: the merge replaces it.
            self.autosave.discard(R::STORE, key);
            self.edit(key, |_| {});
        }
        self.keep_typed(key, &protected);
        self.edits.update_value(|edits| {
            // The merge was made on the other version: a later merge starts from it.
            edits.bases.insert(key.to_string(), theirs);
            if !unsaved {
                // Only a field being typed in differs: written when the focus moves, so two
                // tabs typing in one field do not answer each other's writes forever.
                edits.deferred.insert(key.to_string());
            }
        });
        TheirVersion::Merged(merged.conflicts)
    }

    /// The focus moved: no field is being typed in any more; what was kept for it is written.
    pub fn settle_focus(&self) {
        let deferred = self.edits.try_update_value(|edits| {
            edits.touched.clear();
            std::mem::take(&mut edits.deferred)
        });
        for id in deferred.into_iter().flatten() {
            self.edit(&id, |_| {});
        }
    }

    /// Sets one field of a record to `value` (the other tab's value of a conflict, chosen by the
    /// user); false if the record or the field's place is gone.
    pub fn set_field(&self, id: &str, path: &[Step], value: Option<Value>) -> bool {
        let Some(mut record) = self.get_untracked(id).map(|r| json(&r)) else {
            return false;
        };
        if !set_at(&mut record, path, value) {
            return false;
        }
        let Ok(record) = serde_json::from_value::<R>(record) else {
            return false;
        };
        self.edit(id, move |slot| *slot = record);
        true
    }

    /// After taking another version in, the fields typed here still count as typed here: the
    /// focus snapshot becomes the record now, with their values as the focus found them.
    fn keep_typed(&self, key: &str, typed: &[FieldPath]) {
        let Some(now) = self.get_untracked(key).map(|r| json(&r)) else {
            return;
        };
        self.edits.update_value(|edits| {
            let Some(before) = edits.touched.get(key) else {
                return;
            };
            let mut snapshot = now;
            for path in typed {
                set_at(&mut snapshot, path, get_at(before, path).cloned());
            }
            edits.touched.insert(key.to_string(), snapshot);
        });
    }

    fn forget(&self, key: &str) {
        self.edits.update_value(|edits| {
            edits.bases.remove(key);
            edits.touched.remove(key);
            edits.deferred.remove(key);
        });
    }
}
