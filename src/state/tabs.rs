//! Several tabs on the same data: each written batch is announced to the other tabs, which
//! read those records again from IndexedDB into memory, so no tab keeps showing (and later
//! writes back) an old copy. A record another tab wrote while this tab still had an unsaved
//! edit of it is a stale write: it is dropped, not applied, and the user is told.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autosave::Autosave;
use super::record_list::{Listed, RecordList};
use super::roster::Roster;
use super::work::Work;
use crate::browser::tabs::{Tabs, Written};
use crate::storage::{schema, Database, Record};

/// Records this tab dropped a stale edit of, for the notice.
#[derive(Clone, Copy)]
pub struct TabNotices {
    pub stale: RwSignal<Vec<String>>,
}

pub fn provide_tab_notices() -> TabNotices {
    let notices = TabNotices {
        stale: RwSignal::new(Vec::new()),
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
            if autosave.is_pending(&store, &key) {
                autosave.discard(&store, &key);
                notices
                    .stale
                    .update(|s| s.push(store_label(&store).to_string()));
            }
            // The connection of the moment: it may have been reopened since the start.
            let Some(database) = autosave.database() else {
                continue;
            };
            spawn_local(async move {
                match store.as_str() {
                    schema::INSTITUTIONS => reload(&database, roster.institutions, &key).await,
                    schema::INSPECTORS => reload(&database, roster.inspectors, &key).await,
                    schema::PLANS => reload(&database, work.plans, &key).await,
                    schema::INSPECTIONS => reload(&database, work.inspections, &key).await,
                    schema::STAYS => reload(&database, work.stays, &key).await,
                    schema::SCENE_SHEETS => reload(&database, work.scene_sheets, &key).await,
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
}

/// Reads one record again and takes it into the list (or drops it if it is gone).
async fn reload<R>(database: &Database, list: RecordList<R>, key: &str)
where
    R: Listed + Record + serde::de::DeserializeOwned,
{
    if let Ok(record) = database.get::<R>(key).await {
        list.refresh_in_memory(key, record);
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
