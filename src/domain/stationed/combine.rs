//! Two copies of one scene sheet combined part by part, for merging the tablets of a group: the
//! members of a stay often answer different points of the same scene (or verify different
//! complaints) on their own tablets, and each answer and each complaint is a fact of its own.
//! Per point and per complaint the later change wins (the device's copy on a tie); the sheet's
//! own marks (合理缺项 as a whole, finished) come from the copy changed later. Pure.

use std::collections::BTreeMap;

use super::sheet::SceneSheet;

impl SceneSheet {
    /// This copy (the device's) and `other` (a file's) combined. The result equals `self` or
    /// `other` when that copy already holds everything the other has, so a merge can tell
    /// nothing new from an update.
    pub fn combined(&self, other: &SceneSheet) -> SceneSheet {
        let (later, earlier) = if other.updated_at > self.updated_at {
            (other, self)
        } else {
            (self, other)
        };
        let mut answers = later.answers.clone();
        for (point, answer) in &earlier.answers {
            match answers.get(point) {
                Some(kept) if kept.updated_at >= answer.updated_at => {}
                _ => {
                    answers.insert(point.clone(), answer.clone());
                }
            }
        }
        let mut complaints = later.complaints.clone();
        for complaint in &earlier.complaints {
            match complaints.iter_mut().find(|c| c.id == complaint.id) {
                Some(kept) if kept.updated_at >= complaint.updated_at => {}
                Some(kept) => *kept = complaint.clone(),
                None => complaints.push(complaint.clone()),
            }
        }
        // A tie between the copies of one answer keeps this device's.
        if other.updated_at > self.updated_at {
            keep_ties(&mut answers, &self.answers);
        }
        let combined = SceneSheet {
            answers,
            complaints,
            ..later.clone()
        };
        // A copy that already says everything stands as it is, whoever stamped it.
        if same_content(&combined, self) {
            self.clone()
        } else if same_content(&combined, other) {
            other.clone()
        } else {
            combined
        }
    }
}

/// The same answers, complaints and marks (the stamps of the last change aside).
fn same_content(a: &SceneSheet, b: &SceneSheet) -> bool {
    a.answers == b.answers
        && a.complaints == b.complaints
        && a.not_applicable == b.not_applicable
        && a.done == b.done
}

/// Where both copies changed an answer at the same moment, this device's copy stands.
fn keep_ties(
    answers: &mut BTreeMap<String, super::sheet::StayAnswer>,
    mine: &BTreeMap<String, super::sheet::StayAnswer>,
) {
    for (point, answer) in mine {
        if answers
            .get(point)
            .is_some_and(|a| a.updated_at == answer.updated_at && a != answer)
        {
            answers.insert(point.clone(), answer.clone());
        }
    }
}
