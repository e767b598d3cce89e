//! One scene's 现场监督表 in a stay (or the 书面审查 list, or the 社会反映问题 list): the answers
//! to its check points, the complaints verified, whether the hospital lacks the scene (合理缺项
//! as a whole) and whether the group has finished it. One record per stay and scene, with an id
//! made of both, so two tablets that open the same scene hold the same record. Pure.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::scenes::{ListKind, StationedCatalog};
use crate::domain::inspection::Verdict;
use crate::domain::labelled::{labelled_enum, Labelled};
use crate::domain::media::{has_photo, MediaRef};

/// The handling a problem gets after the 汇总会 (one per problem, as the plan's 总结反馈 lists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemHandling {
    /// 立案查处: the violation reaches the threshold for a penalty.
    Case { note: String },
    /// 责令限期改正: corrected by a deadline, then a 复查; not corrected → 立案查处.
    Rectify {
        deadline: Option<NaiveDate>,
        recheck: Option<Recheck>,
    },
    /// 整改意见: a breach of internal rules or professional self-regulation.
    Opinion { note: String },
    /// 移送: another department's jurisdiction.
    Transfer { department: String },
    /// The hospital is flagged for a 监督建议书 (管理混乱、违法行为突出、屡教不改), reported to
    /// the county health bureau.
    Advice,
}

/// A 复查 of a 责令限期改正.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recheck {
    pub on: NaiveDate,
    pub result: RecheckResult,
    pub note: String,
}

labelled_enum! {
    /// What a 复查 found.
    RecheckResult {
        Corrected = "corrected" => "已改正",
        /// Not corrected by the deadline: the plan says 立案查处, so it counts as a case.
        NotCorrected = "not_corrected" => "逾期未改正，转立案查处",
    }
}

labelled_enum! {
    /// The kinds of handling, for pickers and counts.
    HandlingKind {
        Case = "case" => "立案查处",
        Rectify = "rectify" => "责令限期改正",
        Opinion = "opinion" => "整改意见",
        Transfer = "transfer" => "移送",
        Advice = "advice" => "监督建议书",
    }
}

impl ProblemHandling {
    /// A handling of this kind with nothing filled in.
    pub fn blank(kind: HandlingKind) -> Self {
        match kind {
            HandlingKind::Case => Self::Case {
                note: String::new(),
            },
            HandlingKind::Rectify => Self::Rectify {
                deadline: None,
                recheck: None,
            },
            HandlingKind::Opinion => Self::Opinion {
                note: String::new(),
            },
            HandlingKind::Transfer => Self::Transfer {
                department: String::new(),
            },
            HandlingKind::Advice => Self::Advice,
        }
    }

    pub fn kind(&self) -> HandlingKind {
        match self {
            Self::Case { .. } => HandlingKind::Case,
            Self::Rectify { .. } => HandlingKind::Rectify,
            Self::Opinion { .. } => HandlingKind::Opinion,
            Self::Transfer { .. } => HandlingKind::Transfer,
            Self::Advice => HandlingKind::Advice,
        }
    }

    /// What is missing for the handling to be settled (a deadline, a department), in Chinese.
    pub fn missing(&self) -> Option<&'static str> {
        match self {
            Self::Rectify { deadline: None, .. } => Some("请填写整改期限"),
            Self::Transfer { department } if department.trim().is_empty() => Some("请填写移送部门"),
            _ => None,
        }
    }

    /// The deadline of a 责令限期改正, if set.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self {
            Self::Rectify { deadline, .. } => *deadline,
            _ => None,
        }
    }

    /// A 责令限期改正 past its deadline on `today` with no 复查 yet.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        matches!(self, Self::Rectify { deadline: Some(d), recheck: None } if *d < today)
    }

    /// Whether it ends in a case: 立案查处, or a 复查 that found the problem not corrected.
    pub fn is_case(&self) -> bool {
        match self {
            Self::Case { .. } => true,
            Self::Rectify {
                recheck: Some(r), ..
            } => r.result == RecheckResult::NotCorrected,
            _ => false,
        }
    }

    /// A 复查 found it corrected.
    pub fn is_verified_corrected(&self) -> bool {
        matches!(self, Self::Rectify { recheck: Some(r), .. } if r.result == RecheckResult::Corrected)
    }
}

/// One check point's answer in a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StayAnswer {
    pub verdict: Verdict,
    /// 问题描述, required for 不符合.
    pub description: String,
    /// 证据: what was seen, where, documents copied, photos taken (notes for now).
    pub evidence: String,
    /// Why the point does not apply, required for 合理缺项.
    pub not_applicable_reason: String,
    /// The local day it was recorded (the coverage board counts work per day).
    pub on: NaiveDate,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<String>,
    /// Settled at the 汇总会; only a 不符合 has one.
    pub handling: Option<ProblemHandling>,
    /// Photos and videos proving it (取证).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<MediaRef>,
}

labelled_enum! {
    /// What verifying a complaint found.
    ComplaintFinding {
        Pending = "pending" => "核查中",
        Confirmed = "confirmed" => "属实",
        PartlyConfirmed = "partly_confirmed" => "部分属实",
        Unfounded = "unfounded" => "不属实",
    }
}

/// A 社会反映问题 (from staff or the public) and what verifying it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    /// Stable within the sheet.
    pub id: String,
    /// 反映内容.
    pub content: String,
    /// 来源, e.g. 从业人员反映, 12345热线.
    pub source: String,
    /// The content area it concerns (an area id of the catalog).
    pub area: String,
    pub finding: ComplaintFinding,
    /// 核查情况.
    pub description: String,
    pub evidence: String,
    pub on: NaiveDate,
    pub updated_at: DateTime<Utc>,
    pub handling: Option<ProblemHandling>,
    /// Photos and videos of what verifying it found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<MediaRef>,
}

impl Complaint {
    /// A confirmed (or partly confirmed) complaint is a problem of the register.
    pub fn is_problem(&self) -> bool {
        matches!(
            self.finding,
            ComplaintFinding::Confirmed | ComplaintFinding::PartlyConfirmed
        )
    }
}

labelled_enum! {
    /// A sheet's progress, as the coverage board shows it.
    SheetStatus {
        NotStarted = "not_started" => "未开始",
        InProgress = "in_progress" => "进行中",
        Done = "done" => "已完成",
        NotApplicable = "not_applicable" => "合理缺项",
    }
}

/// A sheet as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SceneSheet {
    /// [`SceneSheet::id_for`] of its stay and target.
    pub id: String,
    pub stay_id: String,
    /// A scene id of the catalog, or the id of the 书面审查 or 社会反映问题 list.
    pub target: String,
    /// 合理缺项 as a whole: the hospital lacks the scene; the reason.
    pub not_applicable: Option<String>,
    /// Answers by check point id; a point with no entry is 未检查.
    pub answers: BTreeMap<String, StayAnswer>,
    /// The 社会反映问题 list only.
    #[serde(default)]
    pub complaints: Vec<Complaint>,
    /// Marked finished by the group (every point answered).
    pub done: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub changed_on: Option<String>,
}

/// Why a sheet cannot be marked finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    Unchecked(usize),
    /// A 不符合 without its 问题描述 (point id).
    NoDescription(String),
    /// A 合理缺项 point without its reason (point id).
    NoReason(String),
    /// A complaint still 核查中 (complaint id).
    Pending(String),
    /// A 不符合 on a point whose catalog entry requires a photo has none (point id).
    NoPhoto(String),
}

impl SheetProblem {
    pub fn message(&self) -> String {
        match self {
            Self::Unchecked(n) => format!("还有{n}项未检查"),
            Self::NoDescription(id) => format!("{id}：不符合须填写问题描述"),
            Self::NoReason(id) => format!("{id}：合理缺项须说明原因"),
            Self::Pending(_) => "尚有社会反映问题未核查完毕".into(),
            Self::NoPhoto(id) => format!("{id}：该项不符合须附照片"),
        }
    }
}

impl SceneSheet {
    /// The id of a stay's sheet for a target.
    pub fn id_for(stay_id: &str, target: &str) -> String {
        format!("{stay_id}/{target}")
    }

    pub fn new(stay_id: &str, target: &str, now: DateTime<Utc>) -> Self {
        Self {
            id: Self::id_for(stay_id, target),
            stay_id: stay_id.to_string(),
            target: target.to_string(),
            not_applicable: None,
            answers: BTreeMap::new(),
            complaints: Vec::new(),
            done: false,
            created_at: now,
            updated_at: now,
            changed_on: None,
        }
    }

    /// The check point ids of its target (empty for the complaints list or an unknown target).
    pub fn point_ids<'c>(&self, catalog: &'c StationedCatalog) -> &'c [String] {
        if let Some(scene) = catalog.scene(&self.target) {
            &scene.points
        } else {
            catalog
                .lists
                .iter()
                .find(|l| l.id == self.target)
                .map_or(&[], |l| &l.points)
        }
    }

    /// Whether the target is the 社会反映问题 list.
    pub fn is_complaints(&self, catalog: &StationedCatalog) -> bool {
        catalog
            .list(ListKind::Complaints)
            .is_some_and(|l| l.id == self.target)
    }

    /// Changes one answer, recording the day, time and who.
    pub fn answer(
        &mut self,
        point_id: &str,
        on: NaiveDate,
        now: DateTime<Utc>,
        by: Option<String>,
        change: impl FnOnce(&mut StayAnswer),
    ) {
        let answer = self
            .answers
            .entry(point_id.to_string())
            .or_insert_with(|| StayAnswer {
                verdict: Verdict::Unchecked,
                description: String::new(),
                evidence: String::new(),
                not_applicable_reason: String::new(),
                on,
                updated_at: now,
                updated_by: None,
                handling: None,
                media: Vec::new(),
            });
        change(answer);
        if answer.verdict != Verdict::NonCompliant {
            answer.handling = None;
        }
        answer.on = on;
        answer.updated_at = now;
        answer.updated_by = by;
    }

    /// Every media reference of the sheet: its answers' and its complaints'.
    pub fn media_refs(&self) -> impl Iterator<Item = &MediaRef> + '_ {
        self.answers
            .values()
            .flat_map(|a| a.media.iter())
            .chain(self.complaints.iter().flat_map(|c| c.media.iter()))
    }

    pub fn verdict(&self, point_id: &str) -> Verdict {
        self.answers
            .get(point_id)
            .map_or(Verdict::Unchecked, |a| a.verdict)
    }

    /// Progress: not applicable as a whole, done, started (any answer or complaint) or not.
    pub fn status(&self) -> SheetStatus {
        if self.not_applicable.is_some() {
            SheetStatus::NotApplicable
        } else if self.done {
            SheetStatus::Done
        } else if self
            .answers
            .values()
            .any(|a| a.verdict != Verdict::Unchecked)
            || !self.complaints.is_empty()
        {
            SheetStatus::InProgress
        } else {
            SheetStatus::NotStarted
        }
    }

    /// What stands in the way of marking it finished.
    pub fn completion_problems(&self, catalog: &StationedCatalog) -> Vec<SheetProblem> {
        let mut problems = Vec::new();
        let ids = self.point_ids(catalog);
        let unchecked = ids
            .iter()
            .filter(|id| self.verdict(id) == Verdict::Unchecked)
            .count();
        if unchecked > 0 {
            problems.push(SheetProblem::Unchecked(unchecked));
        }
        for id in ids {
            let Some(a) = self.answers.get(id) else {
                continue;
            };
            match a.verdict {
                Verdict::NonCompliant if a.description.trim().is_empty() => {
                    problems.push(SheetProblem::NoDescription(id.clone()));
                }
                Verdict::NotApplicable if a.not_applicable_reason.trim().is_empty() => {
                    problems.push(SheetProblem::NoReason(id.clone()));
                }
                _ => {}
            }
            let photo_required = catalog.point(id).is_some_and(|p| p.photo_required);
            if a.verdict == Verdict::NonCompliant && photo_required && !has_photo(&a.media) {
                problems.push(SheetProblem::NoPhoto(id.clone()));
            }
        }
        problems.extend(
            self.complaints
                .iter()
                .filter(|c| c.finding == ComplaintFinding::Pending)
                .map(|c| SheetProblem::Pending(c.id.clone())),
        );
        problems
    }

    /// The days on which anything in it was recorded.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.answers
            .values()
            .filter(|a| a.verdict != Verdict::Unchecked)
            .map(|a| a.on)
            .chain(self.complaints.iter().map(|c| c.on))
    }
}
