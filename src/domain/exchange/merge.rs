//! Merging an exchange file into the device's records. Every incoming record is matched with
//! the device's copy (by id; institutions also by 统一社会信用代码 or registration number, so two
//! tablets that added the same clinic end up with one; a scene sheet's id is its stay and scene,
//! so two tablets that opened the same scene hold one record) and classified: added, updated (the
//! device's copy came from elsewhere and is older), unchanged, kept (the device's copy is a
//! newer one from elsewhere), or in conflict (the device's copy was changed on this device and
//! differs). Nothing is decided silently against an edit made here: the user picks each
//! conflict, with last-change-wins offered as the default. Importing the same file twice
//! changes nothing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::Records;
use crate::domain::credit_code;
use crate::domain::inspection::Inspection;
use crate::domain::inspector::Inspector;
use crate::domain::institution::Institution;
use crate::domain::plan::Plan;
use crate::domain::stationed::sheet::SceneSheet;
use crate::domain::stationed::stay::Stay;

/// A record kind that merges.
pub trait Mergeable: Clone + PartialEq {
    /// The kind's name in the UI (监督对象, 执法人员, 任务, 检查记录, 驻点, 现场监督表).
    const KIND: &'static str;
    fn id(&self) -> &str;
    fn updated_at(&self) -> DateTime<Utc>;
    fn changed_on(&self) -> Option<&str>;
    /// A short name for lists.
    fn title(&self) -> String;
    /// Marks the record as last changed on `device`.
    fn stamp(&mut self, device: &str);
    /// The device's copy (`self`) and the file's combined part by part, for kinds whose parts
    /// change independently (a scene sheet's answers); `None` for kinds the user picks between.
    fn combine(&self, _incoming: &Self) -> Option<Self> {
        None
    }
}

macro_rules! mergeable {
    ($($record:ty => $kind:literal, $title:expr $(, combine $combine:path)?);+ $(;)?) => {$(
        impl Mergeable for $record {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn updated_at(&self) -> DateTime<Utc> {
                self.updated_at
            }
            fn changed_on(&self) -> Option<&str> {
                self.changed_on.as_deref()
            }
            fn title(&self) -> String {
                let title: fn(&Self) -> String = $title;
                title(self)
            }
            fn stamp(&mut self, device: &str) {
                self.changed_on = Some(device.to_string());
            }
            $(fn combine(&self, incoming: &Self) -> Option<Self> {
                Some($combine(self, incoming))
            })?
        }
    )+};
}

mergeable! {
    Institution => "监督对象", |r| r.display_name().to_string();
    Inspector => "执法人员", |r| r.display_name().to_string();
    Plan => "任务", |r| r.name.clone();
    Inspection => "检查记录", |r| format!("{}（{}）", r.id, r.date.map(|d| d.to_string()).unwrap_or_default());
    Stay => "驻点", |r| format!("{}（{}）", r.institution_id, r.start.map_or_else(|| "未定日期".to_string(), |d| format!("{d}起")));
    SceneSheet => "现场监督表", |r| r.id.clone(), combine SceneSheet::combined;
}

/// What importing a record would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// New on this device.
    Added,
    /// Replaces an older copy that came from elsewhere.
    Updated,
    /// Identical already.
    Unchanged,
    /// This device holds a newer copy that came from elsewhere: kept.
    KeptNewer,
    /// Changed on this device and different: the user picks.
    Conflict,
    /// Both copies hold parts the other lacks (answers of one scene sheet made on two tablets):
    /// written combined, part by part, the later change of each part winning.
    Combined,
}

/// The user's pick for a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    KeepLocal,
    TakeIncoming,
}

/// One incoming record and what importing it would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<R> {
    /// The record as it would be stored (ids already mapped to this device's).
    pub incoming: R,
    pub local: Option<R>,
    pub outcome: Outcome,
}

impl<R: Mergeable> Item<R> {
    /// Last change wins: the copy changed later.
    pub fn default_choice(&self) -> Choice {
        match &self.local {
            Some(local) if local.updated_at() >= self.incoming.updated_at() => Choice::KeepLocal,
            _ => Choice::TakeIncoming,
        }
    }
}

/// What an import would do, kind by kind, before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct MergePlan {
    pub institutions: Vec<Item<Institution>>,
    pub inspectors: Vec<Item<Inspector>>,
    pub plans: Vec<Item<Plan>>,
    pub inspections: Vec<Item<Inspection>>,
    pub stays: Vec<Item<Stay>>,
    pub scene_sheets: Vec<Item<SceneSheet>>,
    /// Incoming institution ids taken as an institution of this device with the same
    /// registration number: (incoming id, this device's id).
    pub matched: Vec<(String, String)>,
}

/// Counts of outcomes, for the preview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub kept: usize,
    pub conflicts: usize,
    /// Scene sheets written combined with the device's copy.
    pub combined: usize,
}

/// Plans the merge of `incoming` into `local` on the device `this_device`.
pub fn plan(local: &Records, incoming: &Records, this_device: &str) -> MergePlan {
    // A record changed on no device (built-in, or older than devices) is this device's: it was
    // stamped so when exported, and its copy coming back from another tablet is the same record.
    let local = &local.clone().stamped(this_device);
    let matched = match_institutions(&local.institutions, &incoming.institutions);
    let map: HashMap<&str, &str> = matched
        .iter()
        .map(|(from, to)| (from.as_str(), to.as_str()))
        .collect();
    let remap = |id: &mut String| {
        if let Some(to) = map.get(id.as_str()) {
            *id = to.to_string();
        }
    };
    let mut incoming = incoming.clone();
    for institution in &mut incoming.institutions {
        remap(&mut institution.id);
    }
    for plan in &mut incoming.plans {
        plan.institution_ids.iter_mut().for_each(remap);
    }
    for inspection in &mut incoming.inspections {
        remap(&mut inspection.institution_id);
    }
    for stay in &mut incoming.stays {
        remap(&mut stay.institution_id);
    }
    MergePlan {
        institutions: classify(&local.institutions, incoming.institutions, this_device),
        inspectors: classify(&local.inspectors, incoming.inspectors, this_device),
        plans: classify(&local.plans, incoming.plans, this_device),
        inspections: classify(&local.inspections, incoming.inspections, this_device),
        stays: classify(&local.stays, incoming.stays, this_device),
        scene_sheets: classify(&local.scene_sheets, incoming.scene_sheets, this_device),
        matched,
    }
}

/// Incoming institutions that are not on the device by id but are by registration number.
fn match_institutions(local: &[Institution], incoming: &[Institution]) -> Vec<(String, String)> {
    let key = |i: &Institution| {
        let number = credit_code::normalize(&i.registration_number);
        (!number.is_empty()).then_some((i.registration_kind, number))
    };
    let by_number: HashMap<_, &str> = local
        .iter()
        .filter_map(|i| Some((key(i)?, i.id.as_str())))
        .collect();
    let local_ids: std::collections::HashSet<&str> = local.iter().map(|i| i.id.as_str()).collect();
    incoming
        .iter()
        .filter(|i| !local_ids.contains(i.id.as_str()))
        .filter_map(|i| {
            let to = by_number.get(&key(i)?)?;
            Some((i.id.clone(), to.to_string()))
        })
        .collect()
}

fn classify<R: Mergeable>(local: &[R], incoming: Vec<R>, this_device: &str) -> Vec<Item<R>> {
    let by_id: HashMap<&str, &R> = local.iter().map(|r| (r.id(), r)).collect();
    incoming
        .into_iter()
        .map(|incoming| {
            let local = by_id.get(incoming.id()).map(|r| (*r).clone());
            let (outcome, incoming) = match &local {
                None => (Outcome::Added, incoming),
                Some(l) if *l == incoming => (Outcome::Unchanged, incoming),
                Some(l) => match l.combine(&incoming) {
                    Some(both) if both == *l => (Outcome::KeptNewer, incoming),
                    Some(both) if both == incoming => (Outcome::Updated, incoming),
                    Some(mut both) => {
                        // A state neither device had: made here.
                        both.stamp(this_device);
                        (Outcome::Combined, both)
                    }
                    // Changed here (or before devices were recorded): never overwritten silently.
                    None if l.changed_on().is_none_or(|d| d == this_device) => {
                        (Outcome::Conflict, incoming)
                    }
                    None if incoming.updated_at() >= l.updated_at() => (Outcome::Updated, incoming),
                    None => (Outcome::KeptNewer, incoming),
                },
            };
            Item {
                incoming,
                local,
                outcome,
            }
        })
        .collect()
}

impl MergePlan {
    /// Counts of every outcome over all kinds.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        let mut count = |outcome: Outcome| match outcome {
            Outcome::Added => tally.added += 1,
            Outcome::Updated => tally.updated += 1,
            Outcome::Unchanged => tally.unchanged += 1,
            Outcome::KeptNewer => tally.kept += 1,
            Outcome::Conflict => tally.conflicts += 1,
            Outcome::Combined => tally.combined += 1,
        };
        self.institutions.iter().for_each(|i| count(i.outcome));
        self.inspectors.iter().for_each(|i| count(i.outcome));
        self.plans.iter().for_each(|i| count(i.outcome));
        self.inspections.iter().for_each(|i| count(i.outcome));
        self.stays.iter().for_each(|i| count(i.outcome));
        self.scene_sheets.iter().for_each(|i| count(i.outcome));
        tally
    }

    /// The records to write: every added and updated one, and each conflict the user (or the
    /// default, when `choice` says nothing) resolved for the incoming copy. `choice` is asked
    /// with the kind and the record id.
    pub fn records_to_write(&self, choice: impl Fn(&str, &str) -> Option<Choice>) -> Records {
        fn pick<R: Mergeable>(
            items: &[Item<R>],
            choice: &dyn Fn(&str, &str) -> Option<Choice>,
        ) -> Vec<R> {
            items
                .iter()
                .filter(|item| match item.outcome {
                    Outcome::Added | Outcome::Updated | Outcome::Combined => true,
                    Outcome::Conflict => {
                        choice(R::KIND, item.incoming.id()).unwrap_or_else(|| item.default_choice())
                            == Choice::TakeIncoming
                    }
                    Outcome::Unchanged | Outcome::KeptNewer => false,
                })
                .map(|item| item.incoming.clone())
                .collect()
        }
        Records {
            institutions: pick(&self.institutions, &choice),
            inspectors: pick(&self.inspectors, &choice),
            plans: pick(&self.plans, &choice),
            inspections: pick(&self.inspections, &choice),
            stays: pick(&self.stays, &choice),
            scene_sheets: pick(&self.scene_sheets, &choice),
        }
    }
}

/// One conflict as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictSummary {
    pub kind: &'static str,
    pub id: String,
    /// The incoming copy's name.
    pub title: String,
    /// This device's copy's name.
    pub local_title: String,
    /// When this device's copy was last changed.
    pub local_at: DateTime<Utc>,
    /// When the incoming copy was last changed.
    pub incoming_at: DateTime<Utc>,
    /// Last change wins.
    pub default: Choice,
}

impl MergePlan {
    /// Every conflict, kind by kind.
    pub fn conflicts(&self) -> Vec<ConflictSummary> {
        fn of<R: Mergeable>(items: &[Item<R>]) -> impl Iterator<Item = ConflictSummary> + '_ {
            items
                .iter()
                .filter(|i| i.outcome == Outcome::Conflict)
                .filter_map(|i| {
                    let local = i.local.as_ref()?;
                    Some(ConflictSummary {
                        kind: R::KIND,
                        id: i.incoming.id().to_string(),
                        title: i.incoming.title(),
                        local_title: local.title(),
                        local_at: local.updated_at(),
                        incoming_at: i.incoming.updated_at(),
                        default: i.default_choice(),
                    })
                })
        }
        of(&self.institutions)
            .chain(of(&self.inspectors))
            .chain(of(&self.plans))
            .chain(of(&self.inspections))
            .chain(of(&self.stays))
            .chain(of(&self.scene_sheets))
            .collect()
    }
}
