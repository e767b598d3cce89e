//! The rules of a plan's units: which institutions may be added (and in what order), the
//! 回头看 population and last year's penalised units, the officers drawn for a unit when its
//! inspection starts, and when a plan may be deleted. Pure: the plan page renders and
//! dispatches what these return.

use chrono::{DateTime, NaiveDate, Utc};

use super::Plan;
use crate::domain::fubiao3::population;
use crate::domain::huitoukan::SummaryRow;
use crate::domain::inspection::{Assignment, Inspection};
use crate::domain::inspector::AssignmentRole;
use crate::domain::institution::{validate, Institution};
use crate::domain::roster::{search, InstitutionQuery};
use crate::domain::stationed::stay::Stay;

/// The years a plan (or a penalty) may be set in.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A plan's year as typed: a number within `YEARS`, else `None`.
pub fn parse_year(text: &str) -> Option<i32> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|year| YEARS.contains(year))
}

/// An institution that may be added to a plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanCandidate<'a> {
    pub institution: &'a Institution,
    /// Whether its record is complete (valid): only then can it be added; otherwise it is
    /// shown with a link to complete it first.
    pub complete: bool,
}

/// Last year's penalised units not yet in a 回头看 plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PenalisedUnits {
    /// The year they were penalised in: the plan's year minus one.
    pub year: i32,
    /// Their ids, in roster order.
    pub ids: Vec<String>,
}

impl Plan {
    /// The institutions that may be added, matching `text` (name or code, as the roster
    /// search), at most `limit`: those of the kind's types not yet in the plan, in the roster
    /// search's order. A plan following up penalties lists only penalised units until
    /// something is searched for.
    pub fn candidates<'a>(
        &self,
        institutions: &'a [Institution],
        text: &str,
        limit: usize,
    ) -> Vec<PlanCandidate<'a>> {
        let types = self.kind.institution_types();
        let searching = !text.trim().is_empty();
        let query = InstitutionQuery {
            text: text.to_string(),
            ..Default::default()
        };
        search(institutions, &query)
            .into_iter()
            .filter(|i| {
                i.kind.is_some_and(|k| types.contains(&k)) && !self.institution_ids.contains(&i.id)
            })
            .filter(|i| !self.kind.follows_up_penalties() || !i.penalties.is_empty() || searching)
            .take(limit)
            .map(|institution| PlanCandidate {
                institution,
                complete: validate(institution).is_empty(),
            })
            .collect()
    }

    /// 回头看: the plan's units counted per 附表3 row they were penalised for; `None` for a
    /// kind that does not follow up penalties.
    pub fn follow_up_population(
        &self,
        institutions: &[Institution],
    ) -> Option<Vec<(SummaryRow, usize)>> {
        self.kind.follows_up_penalties().then(|| {
            population(self, institutions)
                .into_iter()
                .map(|(row, units)| (row, units.len()))
                .collect()
        })
    }

    /// 回头看: the complete units not yet in the plan with a penalty of the year before the
    /// plan's; `None` for a kind that does not follow up penalties.
    pub fn penalised_last_year(&self, institutions: &[Institution]) -> Option<PenalisedUnits> {
        if !self.kind.follows_up_penalties() {
            return None;
        }
        let year = self.year - 1;
        let ids = institutions
            .iter()
            .filter(|i| !self.institution_ids.contains(&i.id) && validate(i).is_empty())
            .filter(|i| i.penalties.iter().any(|p| p.year == year))
            .map(|i| i.id.clone())
            .collect();
        Some(PenalisedUnits { year, ids })
    }

    /// The officers drawn for a unit (双随机) in the latest draw that drew it, the first as
    /// leader; `None` when no draw drew it.
    pub fn drawn_officers(&self, institution_id: &str) -> Option<Vec<Assignment>> {
        let unit = self
            .draws
            .iter()
            .rev()
            .flat_map(|d| &d.drawn)
            .find(|u| u.institution_id == institution_id)?;
        Some(
            unit.officer_ids
                .iter()
                .enumerate()
                .map(|(n, id)| Assignment {
                    inspector_id: id.clone(),
                    role: if n == 0 {
                        AssignmentRole::Leader
                    } else {
                        AssignmentRole::Member
                    },
                })
                .collect(),
        )
    }

    /// A new inspection of one of the plan's units (`Inspection::start`), with the officers
    /// drawn for it assigned at once.
    pub fn start_inspection(
        &self,
        id: String,
        institution: &Institution,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Inspection {
        let mut inspection = Inspection::start(id, self, institution, today, now);
        if let Some(officers) = self.drawn_officers(&institution.id) {
            inspection.inspectors = officers;
        }
        inspection
    }
}

/// Whether a plan has work recorded (an inspection or a stay): such a plan cannot be deleted.
pub fn has_work(plan_id: &str, inspections: &[Inspection], stays: &[Stay]) -> bool {
    inspections.iter().any(|i| i.plan_id == plan_id) || stays.iter().any(|s| s.plan_id == plan_id)
}
