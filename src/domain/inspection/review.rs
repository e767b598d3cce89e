//! Review separated from recording (issue 13, item 4): 已完成 → 已审核 is the 组长's, and not as
//! the 记录人 of the inspection's last change, unless the 组长 says why; the reason is kept in
//! the history beside 审核通过.
//!
//! The last change is the latest, by its recorded time, of
//! - an answer (`updated_at`, `updated_by`): verdict, description, reason, note and handling all
//!   change through [`Inspection::answer`], which stamps both;
//! - a 回头看 rectification (`updated_at`, `updated_by`), stamped the same way by
//!   [`Inspection::rectify`];
//! - a photo or video, of an answer or of the inspection as a whole (`added_at`, `added_by`):
//!   attaching one does not restamp its answer;
//! - the last 完成检查 (`at`, `by`): completing vouches for the whole record, so whoever completed
//!   it recorded its final state. On a tie it counts as the last (it closes the edits before it).
//!
//! Left out: signatures (the signers attest the content, they do not change it), reopening and
//! reviewing (status only), the details that carry no recorder (date, place, team, the 意见书's
//! number and deadline) and what leaves no trace (a removed photo). The times are those of the
//! devices that recorded them, so after a merge a skewed clock may pick another change as the
//! last: the rule keeps one officer from recording and approving alone; it proves nothing.
//!
//! "Where the team has more than one officer": completion already refuses a team of fewer than
//! [`MIN_INSPECTORS`](super::MIN_INSPECTORS) officers, so every inspection that reaches review
//! had a second officer who could record or complete it, and there is no one-officer exemption.
//! A team cut to one officer after completion, or a last change whose 记录人 is not known (no
//! 记录人 was chosen on the device), is treated like self-review: reviewed only with a reason.

use chrono::{DateTime, Utc};

use super::status::{StatusChange, StatusProblem};
use super::Inspection;
use crate::domain::inspector::AssignmentRole;

/// The longest reason for a self-review, in characters.
pub const MAX_REVIEW_NOTE_CHARS: usize = 500;

/// The inspection's last recorded change of content: when, and by which 记录人 (none when the
/// device had no 记录人 chosen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastChange<'a> {
    pub at: DateTime<Utc>,
    pub by: Option<&'a str>,
}

impl Inspection {
    /// The last recorded change of the content (see the module header for what counts); none
    /// for a record with no answer, rectification, photo or completion.
    pub fn last_change(&self) -> Option<LastChange<'_>> {
        let answers = self
            .answers
            .values()
            .map(|a| (a.updated_at, a.updated_by.as_deref()));
        let rectifications = self
            .rectifications
            .values()
            .map(|r| (r.updated_at, r.updated_by.as_deref()));
        let media = self
            .answers
            .values()
            .flat_map(|a| a.media.iter())
            .chain(self.media.iter())
            .map(|m| (m.added_at, m.added_by.as_deref()));
        let completed = self
            .history
            .iter()
            .filter(|e| e.change == StatusChange::Completed)
            .map(|e| (e.at, e.by.as_deref()));
        // `max_by_key` keeps the last of equal keys: the completion, chained last, wins a tie.
        answers
            .chain(rectifications)
            .chain(media)
            .chain(completed)
            .max_by_key(|(at, _)| *at)
            .map(|(at, by)| LastChange { at, by })
    }

    /// Why `by` may not review now (as if no reason were given); none when the review may go
    /// ahead without one. [`StatusProblem::asks_reason`] tells whether a reason would allow it.
    pub fn review_problem(&self, by: &str) -> Option<StatusProblem> {
        self.review_note(by, None).err()
    }

    /// The note a review by `by` keeps, or why it is refused: none when `by` is the 组长 and
    /// someone else recorded the last change; the trimmed `reason` when `by` recorded it or its
    /// 记录人 is not known (refused without a reason). A reason not needed is not kept.
    pub(super) fn review_note(
        &self,
        by: &str,
        reason: Option<&str>,
    ) -> Result<Option<String>, StatusProblem> {
        let is_leader = self
            .inspectors
            .iter()
            .any(|a| a.inspector_id == by && a.role == AssignmentRole::Leader);
        if !is_leader {
            return Err(StatusProblem::NotLeader);
        }
        let refusal = match self.last_change().and_then(|c| c.by) {
            Some(recorder) if recorder != by => return Ok(None),
            Some(_) => StatusProblem::SelfReview,
            None => StatusProblem::UnknownRecorder,
        };
        match reason.map(str::trim) {
            None => Err(refusal),
            Some(r) if r.is_empty() || r.chars().count() > MAX_REVIEW_NOTE_CHARS => {
                Err(StatusProblem::BadReason)
            }
            Some(r) => Ok(Some(r.to_string())),
        }
    }
}
