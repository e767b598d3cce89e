//! An inspection's life: 草稿 → 已完成 → 已审核 (the group leader reviews it, not as the 记录人 of
//! the last change unless they say why: `review.rs`). A reviewed inspection is changed only by
//! reopening it, and every change of status is recorded.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::review::MAX_REVIEW_NOTE_CHARS;
use super::{CompletionProblem, Inspection};
use crate::domain::catalog::Checklist;
use crate::domain::institution::Institution;
use crate::domain::labelled::{labelled_enum, Labelled};

labelled_enum! {
    /// Where an inspection stands.
    InspectionStatus {
        Draft = "draft" => "草稿",
        Completed = "completed" => "已完成",
        Reviewed = "reviewed" => "已审核",
    }
}

labelled_enum! {
    /// A recorded change of status.
    StatusChange {
        Completed = "completed" => "完成检查",
        Reviewed = "reviewed" => "审核通过",
        Reopened = "reopened" => "重新打开",
    }
}

/// One line of an inspection's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEvent {
    pub change: StatusChange,
    pub at: DateTime<Utc>,
    /// The inspector who did it, if the device's 记录人 was chosen.
    pub by: Option<String>,
    /// Why the 组长 reviewed an inspection whose last change they recorded themselves (or whose
    /// 记录人 is not known); absent otherwise, and in files written before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Why a status change is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusProblem {
    /// Completion rules not met.
    Incomplete(Vec<CompletionProblem>),
    /// Only a completed inspection can be reviewed, only a draft completed.
    WrongStatus(InspectionStatus),
    /// Review is the group leader's (组长) and the 记录人 is not the leader.
    NotLeader,
    /// The 组长 recorded the inspection's last change (or completed it) and gave no reason.
    SelfReview,
    /// Who recorded the last change is not known, and no reason was given.
    UnknownRecorder,
    /// The reason for reviewing one's own record is blank or too long.
    BadReason,
}

impl StatusProblem {
    pub fn messages(&self) -> Vec<String> {
        match self {
            Self::Incomplete(problems) => problems.iter().map(CompletionProblem::message).collect(),
            Self::WrongStatus(status) => {
                vec![format!("当前状态为“{}”，不能进行此操作", status.label())]
            }
            Self::NotLeader => vec!["审核须由本次检查的组长进行：请将记录人选为组长".to_string()],
            Self::SelfReview => vec![
                "审核人不应是最后修改的记录人：本次检查的最后修改（或完成检查）由组长本人记录。请由其他检查人员完成检查后再由组长审核，或说明理由后审核".to_string(),
            ],
            Self::UnknownRecorder => vec![
                "无法确认最后修改的记录人（修改时未选择记录人），不能核对审核与记录是否分离：请说明理由后审核".to_string(),
            ],
            Self::BadReason => vec![format!(
                "请填写由组长本人审核的理由（不超过{MAX_REVIEW_NOTE_CHARS}字）"
            )],
        }
    }

    /// Whether a stated reason would allow the refused review (see [`Inspection::review_with_reason`]).
    pub fn asks_reason(&self) -> bool {
        matches!(
            self,
            Self::SelfReview | Self::UnknownRecorder | Self::BadReason
        )
    }
}

impl Inspection {
    /// Whether answers and details may be changed (not while 已审核).
    pub fn is_editable(&self) -> bool {
        self.status != InspectionStatus::Reviewed
    }

    /// When it was last completed, if it is not a draft.
    pub fn completed_at(&self) -> Option<DateTime<Utc>> {
        if self.status == InspectionStatus::Draft {
            return None;
        }
        self.history
            .iter()
            .rev()
            .find(|e| e.change == StatusChange::Completed)
            .map(|e| e.at)
    }

    /// 草稿 → 已完成, if the completion rules hold (unchecked points are the caller's to confirm);
    /// `penalised` is the unit of a 回头看 follow-up (see [`Inspection::completion_problems`]).
    pub fn complete(
        &mut self,
        checklist: &Checklist<'_>,
        penalised: Option<&Institution>,
        now: DateTime<Utc>,
        by: Option<String>,
    ) -> Result<(), StatusProblem> {
        if self.status != InspectionStatus::Draft {
            return Err(StatusProblem::WrongStatus(self.status));
        }
        let problems = self.completion_problems(checklist, penalised);
        if !problems.is_empty() {
            return Err(StatusProblem::Incomplete(problems));
        }
        self.change_status(
            InspectionStatus::Completed,
            StatusChange::Completed,
            now,
            by,
            None,
        );
        Ok(())
    }

    /// 已完成 → 已审核, by the inspection's 组长 only, and not as the 记录人 of its last change
    /// (see `review.rs`: that needs [`Inspection::review_with_reason`]).
    pub fn review(&mut self, now: DateTime<Utc>, by: &str) -> Result<(), StatusProblem> {
        self.review_as(now, by, None)
    }

    /// 已完成 → 已审核 by the 组长 with a reason, which allows reviewing a record whose last
    /// change they recorded (or whose 记录人 is not known) and is kept on the history's event.
    pub fn review_with_reason(
        &mut self,
        now: DateTime<Utc>,
        by: &str,
        reason: &str,
    ) -> Result<(), StatusProblem> {
        self.review_as(now, by, Some(reason))
    }

    fn review_as(
        &mut self,
        now: DateTime<Utc>,
        by: &str,
        reason: Option<&str>,
    ) -> Result<(), StatusProblem> {
        if self.status != InspectionStatus::Completed {
            return Err(StatusProblem::WrongStatus(self.status));
        }
        let note = self.review_note(by, reason)?;
        self.change_status(
            InspectionStatus::Reviewed,
            StatusChange::Reviewed,
            now,
            Some(by.to_string()),
            note,
        );
        Ok(())
    }

    /// 已完成 or 已审核 → 草稿, recorded, so the inspection can be changed again.
    pub fn reopen(&mut self, now: DateTime<Utc>, by: Option<String>) -> Result<(), StatusProblem> {
        if self.status == InspectionStatus::Draft {
            return Err(StatusProblem::WrongStatus(self.status));
        }
        self.change_status(
            InspectionStatus::Draft,
            StatusChange::Reopened,
            now,
            by,
            None,
        );
        Ok(())
    }

    fn change_status(
        &mut self,
        status: InspectionStatus,
        change: StatusChange,
        now: DateTime<Utc>,
        by: Option<String>,
        note: Option<String>,
    ) {
        self.status = status;
        self.history.push(StatusEvent {
            change,
            at: now,
            by,
            note,
        });
    }
}
