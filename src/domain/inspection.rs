//! An inspection of one institution within a plan: who inspected, when and where, and the
//! answer to every check point of its generated checklist. Pure data and rules.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

mod hours;
mod review;
mod status;

pub use hours::{Hours, END_BEFORE_START};
pub use review::{LastChange, MAX_REVIEW_NOTE_CHARS};
pub use status::{InspectionStatus, StatusChange, StatusEvent, StatusProblem};

use super::catalog::Checklist;
use super::handling::Handling;
use super::huitoukan::{follow_up_problems, RectificationCheck};
use super::inspector::AssignmentRole;
use super::institution::Institution;
use super::labelled::{labelled_enum, Labelled};
use super::media::{has_photo, MediaRef, Signature};

labelled_enum! {
    /// The answer to one check point.
    Verdict {
        Unchecked = "unchecked" => "未检查",
        Compliant = "compliant" => "符合",
        NonCompliant = "non_compliant" => "不符合",
        /// 合理缺项: the point does not apply to this institution's actual business; it is left
        /// out of every count and every denominator.
        NotApplicable = "not_applicable" => "合理缺项",
    }
}

/// Reasons offered for 合理缺项; the inspector may also type one.
pub const NOT_APPLICABLE_REASONS: [&str; 4] = [
    "未开展该项业务",
    "未设置相关科室",
    "无相关人员",
    "无相关药品或设备",
];

/// The least number of officers for a law-enforcement inspection.
pub const MIN_INSPECTORS: usize = 2;

/// One check point's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub verdict: Verdict,
    /// The problem, required for 不符合.
    pub description: String,
    /// Why the point does not apply, required for 合理缺项.
    pub not_applicable_reason: String,
    /// Free note on any answer.
    pub note: String,
    /// What is done about a 不符合 (several measures may apply).
    #[serde(default)]
    pub handling: Vec<Handling>,
    /// Photos and videos proving a 不符合 (取证).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<MediaRef>,
    pub updated_at: DateTime<Utc>,
    /// The inspector who last changed it, if known.
    pub updated_by: Option<String>,
}

impl Answer {
    /// A point not yet answered.
    pub fn blank(now: DateTime<Utc>) -> Self {
        Self {
            verdict: Verdict::Unchecked,
            description: String::new(),
            not_applicable_reason: String::new(),
            note: String::new(),
            handling: Vec::new(),
            media: Vec::new(),
            updated_at: now,
            updated_by: None,
        }
    }
}

/// An officer's place in this inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub inspector_id: String,
    pub role: AssignmentRole,
}

/// An inspection as stored (findings with photos and handling are stored beside it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub id: String,
    pub plan_id: String,
    pub institution_id: String,
    /// The checklist edition the answers refer to.
    pub catalog_edition: String,
    pub date: Option<NaiveDate>,
    pub place: String,
    pub inspectors: Vec<Assignment>,
    /// Answers by check point id; a point with no entry is 未检查.
    pub answers: BTreeMap<String, Answer>,
    /// 回头看 only: what was found about each original violation, by violation id.
    #[serde(default)]
    pub rectifications: BTreeMap<String, RectificationCheck>,
    /// Photos and videos of the inspection as a whole (not of one check point).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<MediaRef>,
    /// The on-site record's signatures: officers and the inspected party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<Signature>,
    /// 检查时间 as typed by the officers (either end may be empty: see [`Inspection::hours`]).
    #[serde(default, skip_serializing_if = "Hours::is_empty")]
    pub hours: Hours,
    /// The 卫生监督意见书's 文号 once taken from its series (a reprint shows the same number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion_number: Option<String>,
    /// The 卫生监督意见书's general deadline for corrections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion_deadline: Option<NaiveDate>,
    pub status: InspectionStatus,
    /// Every change of status, oldest first.
    pub history: Vec<StatusEvent>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The device whose user made the last change (see `exchange`): an import keeps the
    /// other device's id, so merging can tell an edit made here from one brought in.
    #[serde(default)]
    pub changed_on: Option<String>,
}

/// Counts for a section header, e.g. "12/15 已查, 2 不符合". 合理缺项 is in neither number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SectionCounts {
    pub checked: usize,
    pub total: usize,
    pub non_compliant: usize,
    pub not_applicable: usize,
}

/// Why an inspection cannot be completed, or what needs confirming first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompletionProblem {
    /// Refused: a law-enforcement check needs at least two officers.
    TooFewInspectors(usize),
    /// Refused: the date is missing.
    NoDate,
    /// Refused: the typed 检查时间 ends before it starts.
    InvertedHours,
    /// Refused: a 不符合 without a problem description.
    MissingDescription(String),
    /// Refused: a 合理缺项 without a reason.
    MissingReason(String),
    /// Refused: a measure on a 不符合 lacks its detail (deadline, case number, amount, …).
    IncompleteHandling(String, &'static str),
    /// Refused (回头看): an original violation's rectification is not recorded fully.
    FollowUp(String),
    /// Refused: a 不符合 on a point whose catalog entry requires a photo has none (point id).
    MissingPhoto(String),
}

impl CompletionProblem {
    pub fn message(&self) -> String {
        match self {
            Self::TooFewInspectors(n) => {
                format!("执法检查人员不得少于{MIN_INSPECTORS}人（当前{n}人）")
            }
            Self::NoDate => "请填写检查日期".to_string(),
            Self::InvertedHours => END_BEFORE_START.to_string(),
            Self::MissingDescription(id) => format!("{id}：不符合项须填写问题描述"),
            Self::MissingReason(id) => format!("{id}：合理缺项须填写原因"),
            Self::IncompleteHandling(id, problem) => format!("{id}：{problem}"),
            Self::FollowUp(problem) => problem.clone(),
            Self::MissingPhoto(id) => format!("{id}：该项不符合须附照片"),
        }
    }
}

impl Inspection {
    /// A new inspection of `institution` in `plan`, dated `today`, at the institution's address.
    pub fn start(
        id: String,
        plan: &super::plan::Plan,
        institution: &super::institution::Institution,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            plan_id: plan.id.clone(),
            institution_id: institution.id.clone(),
            catalog_edition: plan.catalog_edition.clone(),
            date: Some(today),
            place: institution.address.trim().to_string(),
            inspectors: Vec::new(),
            answers: BTreeMap::new(),
            rectifications: BTreeMap::new(),
            media: Vec::new(),
            signatures: Vec::new(),
            hours: Hours::default(),
            opinion_number: None,
            opinion_deadline: None,
            status: InspectionStatus::Draft,
            history: Vec::new(),
            created_at: now,
            updated_at: now,
            changed_on: None,
        }
    }

    /// Changes one point's answer, recording when and by whom.
    pub fn answer(
        &mut self,
        point_id: &str,
        now: DateTime<Utc>,
        by: Option<String>,
        change: impl FnOnce(&mut Answer),
    ) {
        let answer = self
            .answers
            .entry(point_id.to_string())
            .or_insert_with(|| Answer::blank(now));
        change(answer);
        answer.updated_at = now;
        answer.updated_by = by;
    }

    /// Changes what the follow-up found about one original violation (回头看).
    pub fn rectify(
        &mut self,
        violation_id: &str,
        now: DateTime<Utc>,
        by: Option<String>,
        change: impl FnOnce(&mut RectificationCheck),
    ) {
        let check = self
            .rectifications
            .entry(violation_id.to_string())
            .or_insert_with(|| RectificationCheck::blank(now));
        change(check);
        check.updated_at = now;
        check.updated_by = by;
    }

    /// The verdict for a point (未检查 when never answered).
    /// Every media reference of the inspection, repeats included: its answers' photos and
    /// videos, its own, and its signatures' images.
    pub fn media_refs(&self) -> impl Iterator<Item = &MediaRef> + '_ {
        self.answers
            .values()
            .flat_map(|a| a.media.iter())
            .chain(self.media.iter())
            .chain(self.signatures.iter().map(|s| &s.image))
    }

    pub fn verdict(&self, point_id: &str) -> Verdict {
        self.answers
            .get(point_id)
            .map_or(Verdict::Unchecked, |a| a.verdict)
    }

    /// Counts over a set of point ids (a section, or the whole checklist).
    pub fn counts<'a>(&self, point_ids: impl IntoIterator<Item = &'a str>) -> SectionCounts {
        let mut counts = SectionCounts::default();
        for id in point_ids {
            match self.verdict(id) {
                Verdict::NotApplicable => counts.not_applicable += 1,
                verdict => {
                    counts.total += 1;
                    if verdict != Verdict::Unchecked {
                        counts.checked += 1;
                    }
                    if verdict == Verdict::NonCompliant {
                        counts.non_compliant += 1;
                    }
                }
            }
        }
        counts
    }

    /// What refuses completion; empty when it may be completed. Points still 未检查 are not
    /// refused: see [`Inspection::unchecked`], which the UI asks the user to confirm. For a
    /// 回头看 follow-up, `penalised` is the unit: each original violation needs its
    /// rectification recorded.
    pub fn completion_problems(
        &self,
        checklist: &Checklist<'_>,
        penalised: Option<&Institution>,
    ) -> Vec<CompletionProblem> {
        let mut problems = Vec::new();
        let officers = self
            .inspectors
            .iter()
            .map(|a| &a.inspector_id)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        if officers < MIN_INSPECTORS {
            problems.push(CompletionProblem::TooFewInspectors(officers));
        }
        if self.date.is_none() {
            problems.push(CompletionProblem::NoDate);
        }
        if self.hours.is_inverted() {
            problems.push(CompletionProblem::InvertedHours);
        }
        for point in checklist.points() {
            let Some(answer) = self.answers.get(&point.id) else {
                continue;
            };
            match answer.verdict {
                Verdict::NonCompliant if answer.description.trim().is_empty() => {
                    problems.push(CompletionProblem::MissingDescription(point.id.clone()))
                }
                Verdict::NotApplicable if answer.not_applicable_reason.trim().is_empty() => {
                    problems.push(CompletionProblem::MissingReason(point.id.clone()))
                }
                _ => {}
            }
            if answer.verdict == Verdict::NonCompliant {
                if point.photo_required && !has_photo(&answer.media) {
                    problems.push(CompletionProblem::MissingPhoto(point.id.clone()));
                }
                for problem in answer.handling.iter().filter_map(Handling::problem) {
                    problems.push(CompletionProblem::IncompleteHandling(
                        point.id.clone(),
                        problem,
                    ));
                }
            }
        }
        if let Some(unit) = penalised {
            problems.extend(
                follow_up_problems(unit, &self.rectifications)
                    .into_iter()
                    .map(CompletionProblem::FollowUp),
            );
        }
        problems
    }

    /// The ids of points still 未检查, in checklist order.
    pub fn unchecked<'c>(&self, checklist: &'c Checklist<'c>) -> Vec<&'c str> {
        checklist
            .points()
            .filter(|p| self.verdict(&p.id) == Verdict::Unchecked)
            .map(|p| p.id.as_str())
            .collect()
    }
}
