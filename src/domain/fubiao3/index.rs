//! The compact, incrementally updated form 附表3 is counted from: one small record of facts
//! per inspection (which of the 27 columns it fails, as bits; its cases, fines and
//! revocations; the original violations that still stand), grouped by plan and unit. An edit
//! of one inspection replaces one record; the table is then a sum over the plan's units, never
//! a pass over every inspection.

use std::collections::{BTreeMap, HashMap};

use crate::domain::catalog::{Catalog, SummaryColumn};
use crate::domain::handling::{cases_and_fines, Handling};
use crate::domain::inspection::{Inspection, InspectionStatus, Verdict};
use crate::domain::labelled::Labelled;

/// What one inspection contributes to 附表3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpFacts {
    pub plan_id: String,
    pub institution_id: String,
    /// 已完成 or 已审核: only these count.
    pub counted: bool,
    /// Bit `n` set: a 不符合 answer under `SummaryColumn::ALL[n]`.
    pub columns: u32,
    /// 立案 measures on its 不符合 answers.
    pub cases: u32,
    /// 罚没款 on its 不符合 answers, whole 元.
    pub fines_yuan: u64,
    pub revoked_licence: bool,
    pub revoked_subject: bool,
    /// Original violations found 部分整改 or 未整改 (their columns come from the unit's record).
    pub standing_violations: Vec<String>,
}

/// The bit of a column in [`FollowUpFacts::columns`].
pub fn column_bit(column: SummaryColumn) -> u32 {
    let index = SummaryColumn::ALL
        .iter()
        .position(|&c| c == column)
        .unwrap_or(0);
    1 << index
}

/// Every inspection's facts, by plan and unit; kept current by [`Fubiao3Index::upsert`] and
/// [`Fubiao3Index::remove`].
#[derive(Debug, Clone, Default)]
pub struct Fubiao3Index {
    /// Check point id → its column's bit.
    point_bits: HashMap<String, u32>,
    /// Inspection id → its facts.
    facts: HashMap<String, FollowUpFacts>,
    /// Plan id → unit id → inspection ids.
    by_unit: HashMap<String, HashMap<String, Vec<String>>>,
}

impl Fubiao3Index {
    /// An empty index for a catalog's points.
    pub fn new(catalog: &Catalog) -> Self {
        let point_bits = catalog
            .points()
            .filter_map(|p| Some((p.id.clone(), column_bit(p.summary_column?))))
            .collect();
        Self {
            point_bits,
            facts: HashMap::new(),
            by_unit: HashMap::new(),
        }
    }

    /// An index of all `inspections`.
    pub fn build<'a>(
        catalog: &Catalog,
        inspections: impl IntoIterator<Item = &'a Inspection>,
    ) -> Self {
        let mut index = Self::new(catalog);
        for inspection in inspections {
            index.upsert(inspection);
        }
        index
    }

    /// The facts of one inspection, computed from it alone.
    pub fn facts_of(&self, inspection: &Inspection) -> FollowUpFacts {
        let mut columns = 0;
        let mut revoked_licence = false;
        let mut revoked_subject = false;
        let non_compliant = inspection
            .answers
            .iter()
            .filter(|(_, a)| a.verdict == Verdict::NonCompliant);
        for (point, answer) in non_compliant.clone() {
            columns |= self.point_bits.get(point).copied().unwrap_or(0);
            for measure in &answer.handling {
                match measure {
                    Handling::RevokeLicense => revoked_licence = true,
                    Handling::RevokeSubject { .. } => revoked_subject = true,
                    _ => {}
                }
            }
        }
        let (cases, fines_yuan) = cases_and_fines(non_compliant.flat_map(|(_, a)| &a.handling));
        FollowUpFacts {
            plan_id: inspection.plan_id.clone(),
            institution_id: inspection.institution_id.clone(),
            counted: inspection.status != InspectionStatus::Draft,
            columns,
            cases,
            fines_yuan,
            revoked_licence,
            revoked_subject,
            standing_violations: inspection
                .rectifications
                .iter()
                .filter(|(_, c)| c.status.is_some_and(|s| s.still_stands()))
                .map(|(id, _)| id.clone())
                .collect(),
        }
    }

    /// Adds or replaces one inspection's facts.
    pub fn upsert(&mut self, inspection: &Inspection) {
        let facts = self.facts_of(inspection);
        if self.facts.get(&inspection.id) == Some(&facts) {
            return;
        }
        self.remove(&inspection.id);
        self.by_unit
            .entry(facts.plan_id.clone())
            .or_default()
            .entry(facts.institution_id.clone())
            .or_default()
            .push(inspection.id.clone());
        self.facts.insert(inspection.id.clone(), facts);
    }

    /// Forgets one inspection.
    pub fn remove(&mut self, inspection_id: &str) {
        let Some(old) = self.facts.remove(inspection_id) else {
            return;
        };
        if let Some(units) = self.by_unit.get_mut(&old.plan_id) {
            if let Some(ids) = units.get_mut(&old.institution_id) {
                ids.retain(|id| id != inspection_id);
                if ids.is_empty() {
                    units.remove(&old.institution_id);
                }
            }
            if units.is_empty() {
                self.by_unit.remove(&old.plan_id);
            }
        }
    }

    /// How many inspections it holds.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// The counted (已完成/已审核) facts of one unit in one plan, with their inspection ids.
    pub fn counted<'a>(
        &'a self,
        plan_id: &str,
        institution_id: &str,
    ) -> impl Iterator<Item = (&'a str, &'a FollowUpFacts)> + 'a {
        self.by_unit
            .get(plan_id)
            .and_then(|units| units.get(institution_id))
            .into_iter()
            .flatten()
            .filter_map(|id| Some((id.as_str(), self.facts.get(id)?)))
            .filter(|(_, f)| f.counted)
    }

    /// The counted facts of one unit in one plan, ordered by inspection id.
    pub fn counted_by_id(
        &self,
        plan_id: &str,
        institution_id: &str,
    ) -> BTreeMap<&str, &FollowUpFacts> {
        self.counted(plan_id, institution_id).collect()
    }

    /// Whether a unit has a counted inspection in a plan.
    pub fn followed_up(&self, plan_id: &str, institution_id: &str) -> bool {
        self.counted(plan_id, institution_id).next().is_some()
    }

    /// Units with counted inspections in a plan.
    pub fn units_followed_up<'a>(&'a self, plan_id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.by_unit
            .get(plan_id)
            .into_iter()
            .flat_map(|u| u.keys())
            .filter(move |unit| self.followed_up(plan_id, unit))
            .map(String::as_str)
    }
}
