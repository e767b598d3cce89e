//! Plans (任务): a year's piece of work of one kind, with a deadline, target counts per
//! institution type (or group of types) and the institutions chosen for it. Templates of the
//! official plans are data (`plan/templates-2022.json`), not code. What each kind of plan does
//! is asked of the kind (`kind.rs`); the rules of a plan's units are in `units.rs`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::institution::{Institution, InstitutionType};
use super::labelled::{labelled_enum, Labelled};

mod kind;
mod units;

pub use kind::{DrawMethod, PlanPanel, PlanSummary, UnitWork};
pub use units::{has_work, parse_year, PenalisedUnits, PlanCandidate, YEARS};

labelled_enum! {
    /// The four kinds of work.
    PlanKind {
        MedicalSampling = "medical_sampling" => "医疗机构随机抽查",
        BloodSampling = "blood_sampling" => "采供血机构随机抽查",
        /// huitoukan: 回头看, the follow-up re-inspection of units penalised in an earlier campaign.
        Huitoukan = "huitoukan" => "回头看",
        /// zhudian: 驻点监督, multi-week stationed supervision of a hospital, scene by scene.
        Stationed = "stationed" => "驻点监督",
    }
}

impl PlanKind {
    /// The institution types a plan of this kind inspects.
    pub fn institution_types(self) -> &'static [InstitutionType] {
        use InstitutionType as T;
        match self {
            Self::MedicalSampling => &[
                T::Hospital,
                T::CommunityHealthService,
                T::TownshipHealthCenter,
                T::VillageClinic,
                T::Clinic,
                T::ElderCareMedicalUnit,
            ],
            Self::BloodSampling => &[T::CentralBloodStation],
            // Penalised units include 非医疗机构 (illegal cosmetology) as well as medical ones.
            Self::Huitoukan => InstitutionType::ALL,
            Self::Stationed => &[T::Hospital],
        }
    }
}

/// How many institutions of some types the plan must inspect. One type, or a group counted
/// together (the seed's text counts 卫生院, 村卫生室 and 诊所 as "9家").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub types: BTreeSet<InstitutionType>,
    pub count: u32,
}

impl Target {
    /// The label shown with the progress, e.g. "村卫生室" or "卫生院、村卫生室、诊所".
    pub fn label(&self) -> String {
        self.types
            .iter()
            .map(|t| t.label())
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// A plan as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub kind: PlanKind,
    pub year: i32,
    pub name: String,
    pub deadline: Option<NaiveDate>,
    pub targets: Vec<Target>,
    /// The checklist edition its inspections use.
    pub catalog_edition: String,
    /// The institutions chosen for the plan, in the order they were added.
    pub institution_ids: Vec<String>,
    /// The draws made for it (双随机), oldest first.
    #[serde(default)]
    pub draws: Vec<super::draw::DrawRecord>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The device whose user made the last change (see `exchange`): an import keeps the
    /// other device's id, so merging can tell an edit made here from one brought in.
    #[serde(default)]
    pub changed_on: Option<String>,
}

/// How far one target is: e.g. 村卫生室 3/5.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TargetProgress {
    pub label: String,
    pub done: u32,
    pub target: u32,
    /// Institutions of these types in the plan, inspected or not.
    pub listed: u32,
}

impl Plan {
    /// A blank plan of a kind for a year ("新建任务"), using the current checklist edition.
    pub fn new(
        id: String,
        kind: PlanKind,
        year: i32,
        catalog_edition: &str,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            kind,
            year,
            name: format!("{year}年{}", kind.label()),
            deadline: None,
            targets: Vec::new(),
            catalog_edition: catalog_edition.to_string(),
            institution_ids: Vec::new(),
            draws: Vec::new(),
            created_at: now,
            updated_at: now,
            changed_on: None,
        }
    }

    /// Adds a target for one type, unless a target already covers it; returns whether it did.
    pub fn add_target(&mut self, kind: InstitutionType, count: u32) -> bool {
        if !self.kind.institution_types().contains(&kind)
            || self.targets.iter().any(|t| t.types.contains(&kind))
        {
            return false;
        }
        self.targets.push(Target {
            types: BTreeSet::from([kind]),
            count,
        });
        true
    }

    /// Progress per target: `done` counts the plan's institutions of the target's types whose
    /// inspection is completed (`completed` holds their ids).
    pub fn progress(
        &self,
        institutions: &[Institution],
        completed: &BTreeSet<String>,
    ) -> Vec<TargetProgress> {
        let kinds: BTreeMap<&str, InstitutionType> = institutions
            .iter()
            .filter_map(|i| Some((i.id.as_str(), i.kind?)))
            .collect();
        self.targets
            .iter()
            .map(|target| {
                let in_target: Vec<&String> = self
                    .institution_ids
                    .iter()
                    .filter(|id| {
                        kinds
                            .get(id.as_str())
                            .is_some_and(|k| target.types.contains(k))
                    })
                    .collect();
                TargetProgress {
                    label: target.label(),
                    done: in_target
                        .iter()
                        .filter(|id| completed.contains(id.as_str()))
                        .count() as u32,
                    target: target.count,
                    listed: in_target.len() as u32,
                }
            })
            .collect()
    }
}

/// An official plan to start from ("从模板新建").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanTemplate {
    pub id: String,
    pub kind: PlanKind,
    pub year: i32,
    pub name: String,
    pub deadline: Option<NaiveDate>,
    pub catalog_edition: String,
    pub targets: Vec<Target>,
    /// Where the template comes from and what it says that the numbers do not.
    pub note: String,
}

impl PlanTemplate {
    /// A new plan from this template.
    pub fn instantiate(&self, id: String, now: DateTime<Utc>) -> Plan {
        Plan {
            id,
            kind: self.kind,
            year: self.year,
            name: self.name.clone(),
            deadline: self.deadline,
            targets: self.targets.clone(),
            catalog_edition: self.catalog_edition.clone(),
            institution_ids: Vec::new(),
            draws: Vec::new(),
            created_at: now,
            updated_at: now,
            changed_on: None,
        }
    }
}

/// The templates of the 2022 plan (seed 000: 附表1, 附表2 and the 回头看 of 6 units).
pub fn templates_2022() -> Result<Vec<PlanTemplate>, String> {
    serde_json::from_str(include_str!("plan/templates-2022.json"))
        .map_err(|e| format!("任务模板格式错误：{e}"))
}
