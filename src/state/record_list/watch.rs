//! One record as a signal of its own (`RecordList::watch`): a view of one record wakes when that
//! record changes, not on every change to the list, and finds it without scanning the list.

use std::collections::HashMap;

use leptos::prelude::*;

use super::{ListChange, Listed, RecordList};

/// The signals handed out, by record id; each is set by every change to its record.
pub(super) type Watchers<R> = HashMap<String, ArcRwSignal<Option<R>>>;

impl<R: Listed> RecordList<R> {
    /// The record with this id as a signal (`None` while there is none), kept current by every
    /// change to it: add, edit, another tab's version, removal, a reload of the whole list.
    pub fn watch(&self, id: &str) -> Signal<Option<R>> {
        self.watcher(id).read_only().into()
    }

    /// Reads the record with this id, tracking that record only (for use inside a reactive
    /// closure, where `watch` would make a new signal on every run).
    pub fn with_record<T>(&self, id: &str, read: impl FnOnce(Option<&R>) -> T) -> T {
        self.watcher(id).with(|record| read(record.as_ref()))
    }

    fn watcher(&self, id: &str) -> ArcRwSignal<Option<R>> {
        if let Some(signal) = self.watchers.with_value(|w| w.get(id).cloned()) {
            return signal;
        }
        let signal = ArcRwSignal::new(self.get_untracked(id));
        self.watchers.update_value(|w| {
            w.insert(id.to_string(), signal.clone());
        });
        signal
    }

    /// Tells the signal of each record a change touches.
    pub(super) fn tell_watchers(&self, change: &ListChange<'_, R>) {
        self.watchers.with_value(|watchers| {
            if watchers.is_empty() {
                return;
            }
            match change {
                ListChange::Put(record) => {
                    if let Some(signal) = watchers.get(record.id()) {
                        signal.set(Some((*record).clone()));
                    }
                }
                ListChange::Removed(id) => {
                    if let Some(signal) = watchers.get(*id) {
                        signal.set(None);
                    }
                }
                ListChange::Reset(all) => {
                    let by_id: HashMap<&str, &R> = all.iter().map(|r| (r.id(), r)).collect();
                    for (id, signal) in watchers {
                        signal.set(by_id.get(id.as_str()).map(|r| (*r).clone()));
                    }
                }
            }
        });
    }
}
