//! The exchange file (数据交换文件): every record of the device, or one plan with what it
//! refers to, in one versioned JSON file with a SHA-256 of its records, for backups and for
//! bringing several tablets' work together. `file` writes and reads it (reading validates the
//! whole file before anything may be written); `merge` compares it with the device's records
//! and says what would be added, updated or is in conflict. Pure: bytes in, records out.
//! Format version 2 added the 驻点监督 stays and their scene sheets; version 3 the evidence
//! media: `archive` writes a ZIP of the JSON file and the stored photos, videos and signatures
//! when there are any, and reads either kind; `media` says which files travel with which
//! records.

pub mod archive;
mod checks;
pub mod file;
pub mod media;
pub mod merge;
mod problems;
pub mod sealed;

use serde::{Deserialize, Serialize};

use super::inspection::Inspection;
use super::inspector::Inspector;
use super::institution::Institution;
use super::plan::Plan;
use super::stationed::sheet::SceneSheet;
use super::stationed::stay::Stay;

pub use archive::{Carried, FileKind, Imported, MediaWrites, Written, MAX_ARCHIVE_BYTES};
pub use file::{read, write, Exchange, Header, Scope, FORMAT, FORMAT_VERSION, MAX_FILE_BYTES};
pub use media::{media_left_behind, media_to_write};
pub use problems::ImportError;

/// The records an exchange file carries, one list per kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    pub institutions: Vec<Institution>,
    pub inspectors: Vec<Inspector>,
    pub plans: Vec<Plan>,
    pub inspections: Vec<Inspection>,
    /// 驻点监督 stays (since format version 2; a version-1 file has none).
    #[serde(default)]
    pub stays: Vec<Stay>,
    /// 现场监督表 sheets, one per stay and scene (since format version 2).
    #[serde(default)]
    pub scene_sheets: Vec<SceneSheet>,
}

impl Records {
    /// How many records in all.
    pub fn len(&self) -> usize {
        self.institutions.len()
            + self.inspectors.len()
            + self.plans.len()
            + self.inspections.len()
            + self.stays.len()
            + self.scene_sheets.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The records with every one last changed on no device (built-in or older records) marked
    /// as changed on `device`, the device that holds them now.
    pub fn stamped(mut self, device: &str) -> Records {
        let mark = |changed_on: &mut Option<String>| {
            changed_on.get_or_insert_with(|| device.to_string());
        };
        self.institutions
            .iter_mut()
            .for_each(|r| mark(&mut r.changed_on));
        self.inspectors
            .iter_mut()
            .for_each(|r| mark(&mut r.changed_on));
        self.plans.iter_mut().for_each(|r| mark(&mut r.changed_on));
        self.inspections
            .iter_mut()
            .for_each(|r| mark(&mut r.changed_on));
        self.stays.iter_mut().for_each(|r| mark(&mut r.changed_on));
        self.scene_sheets
            .iter_mut()
            .for_each(|r| mark(&mut r.changed_on));
        self
    }

    /// One plan and what it needs to stand on its own: its inspections and stays, the stays'
    /// scene sheets, the institutions it lists, inspected or stayed at, and the officers
    /// assigned to its inspections or in its stays' groups (组长, 副组长, 成员).
    pub fn for_plan(&self, plan_id: &str) -> Records {
        let plans: Vec<Plan> = self
            .plans
            .iter()
            .filter(|p| p.id == plan_id)
            .cloned()
            .collect();
        let inspections: Vec<Inspection> = self
            .inspections
            .iter()
            .filter(|i| i.plan_id == plan_id)
            .cloned()
            .collect();
        let stays: Vec<Stay> = self
            .stays
            .iter()
            .filter(|s| s.plan_id == plan_id)
            .cloned()
            .collect();
        let scene_sheets: Vec<SceneSheet> = self
            .scene_sheets
            .iter()
            .filter(|sheet| stays.iter().any(|s| s.id == sheet.stay_id))
            .cloned()
            .collect();
        let wanted_institution = |id: &str| {
            plans
                .iter()
                .any(|p| p.institution_ids.iter().any(|i| i == id))
                || inspections.iter().any(|i| i.institution_id == id)
                || stays.iter().any(|s| s.institution_id == id)
        };
        let wanted_inspector = |id: &str| {
            inspections
                .iter()
                .any(|i| i.inspectors.iter().any(|a| a.inspector_id == id))
                || stays
                    .iter()
                    .any(|s| s.group.officers().iter().any(|(o, _)| *o == id))
        };
        Records {
            institutions: self
                .institutions
                .iter()
                .filter(|i| wanted_institution(&i.id))
                .cloned()
                .collect(),
            inspectors: self
                .inspectors
                .iter()
                .filter(|i| wanted_inspector(&i.id))
                .cloned()
                .collect(),
            plans,
            inspections,
            stays,
            scene_sheets,
        }
    }
}
