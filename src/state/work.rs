//! Plans (任务), their inspections (检查), and the 驻点监督 stays with their scene sheets,
//! loaded once and kept in memory.

use leptos::prelude::*;

use std::sync::Arc;

use super::autosave::Autosave;
use super::record_list::{ListChange, RecordList};
use crate::domain::catalog::edition_2022;
use crate::domain::fubiao3::Fubiao3Index;
use crate::domain::stationed::{sheet::SceneSheet, stay::Stay};
use crate::domain::{inspection::Inspection, plan::Plan};
use crate::storage::{Database, StorageError};

/// The work context.
#[derive(Clone, Copy)]
pub struct Work {
    pub plans: RecordList<Plan>,
    pub inspections: RecordList<Inspection>,
    /// 驻点监督 stays.
    pub stays: RecordList<Stay>,
    /// One 现场监督表 per stay and scene.
    pub scene_sheets: RecordList<SceneSheet>,
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
        stays: RecordList::new(autosave),
        scene_sheets: RecordList::new(autosave),
        fubiao3_index,
    };
    provide_context(work);
    work
}

pub fn use_work() -> Work {
    expect_context::<Work>()
}

impl Work {
    /// Reads plans, inspections, stays and sheets from the database.
    pub async fn load(&self, database: &Database) -> Result<(), StorageError> {
        self.plans.replace_all(database.all::<Plan>().await?);
        self.inspections
            .replace_all(database.all::<Inspection>().await?);
        self.stays.replace_all(database.all::<Stay>().await?);
        self.scene_sheets
            .replace_all(database.all::<SceneSheet>().await?);
        Ok(())
    }
}

impl Work {
    /// Changes a stay's sheet for a scene or list, creating it on the first change (a scene
    /// merely opened leaves no record behind).
    pub fn edit_sheet(&self, stay_id: &str, target: &str, change: impl FnOnce(&mut SceneSheet)) {
        let id = SceneSheet::id_for(stay_id, target);
        if self.scene_sheets.get(&id).is_some() {
            self.scene_sheets.edit(&id, change);
        } else {
            let mut sheet = SceneSheet::new(stay_id, target, crate::browser::now());
            change(&mut sheet);
            self.scene_sheets.add(sheet);
        }
    }

    /// A stay's sheets, cloned.
    pub fn sheets_of(&self, stay_id: &str) -> Vec<SceneSheet> {
        self.scene_sheets.with(|all| {
            all.iter()
                .filter(|s| s.stay_id == stay_id)
                .cloned()
                .collect()
        })
    }
}
