//! Several tabs on the same data: each written batch is announced to the other tabs, which
//! read those records again from IndexedDB. A record this tab has an unsaved edit of, or a field
//! of which is being typed in, is merged field by field with the other tab's version
//! (`RecordList::take_theirs`): edits to different fields are all kept, and a field both tabs
//! changed keeps this tab's value and is shown with the other one, which the user may take.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use super::autosave::Autosave;
use super::record_list::{Listed, RecordList, TheirVersion};
use super::roster::Roster;
use super::work::Work;
use crate::browser::tabs::{Tabs, Written};
use crate::domain::field_merge::labels::{field_label, value_text};
use crate::domain::field_merge::{Conflict, FieldPath};
use crate::storage::{schema, Database};

/// A field both tabs changed: this tab's value was kept.
#[derive(Clone, Debug, PartialEq)]
pub struct TabConflict {
    pub store: &'static str,
    pub key: String,
    pub path: FieldPath,
    /// What the notice says: the record kind, the field and both values.
    pub message: String,
    /// The other tab's value, to take instead.
    pub theirs: Option<Value>,
}

/// What the notices under the navigation say about the other tabs' writes.
#[derive(Clone, Copy)]
pub struct TabNotices {
    /// Kinds of records the other tab deleted while this tab had an unsaved edit of them.
    pub removed: RwSignal<Vec<String>>,
    pub conflicts: RwSignal<Vec<TabConflict>>,
}

pub fn provide_tab_notices() -> TabNotices {
    let notices = TabNotices {
        removed: RwSignal::new(Vec::new()),
        conflicts: RwSignal::new(Vec::new()),
    };
    provide_context(notices);
    notices
}

pub fn use_tab_notices() -> TabNotices {
    expect_context::<TabNotices>()
}

/// Connects this tab to the others once the database is open and the lists are loaded.
pub fn connect_tabs(roster: Roster, work: Work, autosave: Autosave, notices: TabNotices) {
    let tabs = Tabs::open(move |written: Written| {
        for (store, key) in written {
            // The connection of the moment: it may have been reopened since the start.
            let Some(database) = autosave.database() else {
                continue;
            };
            spawn_local(async move {
                let store = store.as_str();
                let key = key.as_str();
                match store {
                    schema::INSTITUTIONS => {
                        take(&database, roster.institutions, key, notices).await
                    }
                    schema::INSPECTORS => take(&database, roster.inspectors, key, notices).await,
                    schema::PLANS => take(&database, work.plans, key, notices).await,
                    schema::INSPECTIONS => take(&database, work.inspections, key, notices).await,
                    schema::STAYS => take(&database, work.stays, key, notices).await,
                    schema::SCENE_SHEETS => take(&database, work.scene_sheets, key, notices).await,
                    _ => {}
                }
            });
        }
    });
    if let Some(tabs) = tabs {
        autosave.on_saved(move |writes| {
            let written: Vec<(&str, &str)> = writes.iter().map(|w| w.target()).collect();
            tabs.announce(&written);
        });
    }
    // A field stops being "under the cursor" when the focus leaves it.
    let handle = window_event_listener_untyped("focusout", move |_| {
        roster.institutions.settle_focus();
        roster.inspectors.settle_focus();
        work.plans.settle_focus();
        work.inspections.settle_focus();
        work.stays.settle_focus();
        work.scene_sheets.settle_focus();
    });
    // Page-lifetime listener: the app never unmounts its root.
    std::mem::forget(handle);
}

/// Puts the other tab's value of a conflict in place of this tab's (the user chose it).
pub fn take_their_value(conflict: &TabConflict, roster: Roster, work: Work) {
    let (key, path, value) = (&conflict.key, &conflict.path, conflict.theirs.clone());
    match conflict.store {
        schema::INSTITUTIONS => roster.institutions.set_field(key, path, value),
        schema::INSPECTORS => roster.inspectors.set_field(key, path, value),
        schema::PLANS => work.plans.set_field(key, path, value),
        schema::INSPECTIONS => work.inspections.set_field(key, path, value),
        schema::STAYS => work.stays.set_field(key, path, value),
        schema::SCENE_SHEETS => work.scene_sheets.set_field(key, path, value),
        _ => false,
    };
}

/// Reads one record again and takes it into the list, merged with this tab's edits.
async fn take<R: Listed>(database: &Database, list: RecordList<R>, key: &str, notices: TabNotices) {
    let Ok(theirs) = database.get::<R>(key).await else {
        return;
    };
    match list.take_theirs(key, theirs) {
        TheirVersion::Taken | TheirVersion::Removed(false) => {}
        TheirVersion::Removed(true) => notices
            .removed
            .update(|kinds| kinds.push(store_label(R::STORE).to_string())),
        TheirVersion::Merged(conflicts) => notices.conflicts.update(|shown| {
            for conflict in conflicts {
                let conflict = describe(R::STORE, key, conflict);
                shown.retain(|c| {
                    (c.store, &c.key, &c.path) != (conflict.store, &conflict.key, &conflict.path)
                });
                shown.push(conflict);
            }
        }),
    }
}

fn describe(store: &'static str, key: &str, conflict: Conflict) -> TabConflict {
    let message = format!(
        "另一个标签页同时修改了这条{}的「{}」。本页保留的是：{}；另一个标签页的是：{}。",
        store_label(store),
        field_label(store, &conflict.path),
        value_text(conflict.mine.as_ref()),
        value_text(conflict.theirs.as_ref()),
    );
    TabConflict {
        store,
        key: key.to_string(),
        path: conflict.path,
        message,
        theirs: conflict.theirs,
    }
}
fn store_label(store: &str) -> &'static str {
    match store {
        schema::INSTITUTIONS => "监督对象",
        schema::INSPECTORS => "执法人员",
        schema::PLANS => "任务",
        schema::INSPECTIONS => "检查记录",
        schema::STAYS => "驻点",
        schema::SCENE_SHEETS => "现场监督表",
        _ => "记录",
    }
}
