//! Plans (任务) and their inspections (检查), loaded once and kept in memory.

use leptos::prelude::*;

use super::autosave::Autosave;
use super::record_list::RecordList;
use crate::domain::{inspection::Inspection, plan::Plan};
use crate::storage::{Database, StorageError};

/// The work context.
#[derive(Clone, Copy)]
pub struct Work {
    pub plans: RecordList<Plan>,
    pub inspections: RecordList<Inspection>,
}

pub fn provide_work(autosave: Autosave) -> Work {
    let work = Work {
        plans: RecordList::new(autosave),
        inspections: RecordList::new(autosave),
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
        self.plans.items.set(database.all::<Plan>().await?);
        self.inspections
            .items
            .set(database.all::<Inspection>().await?);
        Ok(())
    }
}
