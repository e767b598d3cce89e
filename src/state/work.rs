//! Plans (任务) and their inspections (检查), loaded once and kept in memory.

use leptos::prelude::*;

use std::sync::Arc;

use super::autosave::Autosave;
use super::record_list::{ListChange, RecordList};
use crate::domain::catalog::edition_2022;
use crate::domain::fubiao3::Fubiao3Index;
use crate::domain::{inspection::Inspection, plan::Plan};
use crate::storage::{Database, StorageError};

/// The work context.
#[derive(Clone, Copy)]
pub struct Work {
    pub plans: RecordList<Plan>,
    pub inspections: RecordList<Inspection>,
    /// What every inspection contributes to 附表3, kept current edit by edit.
    pub fubiao3_index: RwSignal<Fubiao3Index>,
}

pub fn provide_work(autosave: Autosave) -> Work {
    let fubiao3_index = RwSignal::new(Fubiao3Index::new(edition_2022()));
    let index_inspections = Arc::new(move |change: ListChange<'_, Inspection>| {
        fubiao3_index.update(|index| match change {
            ListChange::Put(inspection) => index.upsert(inspection),
            ListChange::Removed(id) => index.remove(id),
            ListChange::Reset(all) => *index = Fubiao3Index::build(edition_2022(), all),
        })
    });
    let work = Work {
        plans: RecordList::new(autosave),
        inspections: RecordList::observed(autosave, index_inspections),
        fubiao3_index,
    };
    provide_context(work);
    work
}

pub fn use_work() -> Work {
    expect_context::<Work>()
}

impl Work {
    /// Reads plans and inspections from the database.
    pub async fn load(&self, database: &Database) -> Result<(), StorageError> {
        self.plans.replace_all(database.all::<Plan>().await?);
        self.inspections
            .replace_all(database.all::<Inspection>().await?);
        Ok(())
    }
}
