//! Review separated from recording (issue 13, item 4): the 组长 reviews, and not as the 记录人
//! of the last change unless they give a reason, which the history keeps.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use jiandu::domain::catalog::edition_2022;
use jiandu::domain::inspection::{
    Inspection, InspectionStatus, LastChange, StatusChange, StatusEvent, StatusProblem,
    MAX_REVIEW_NOTE_CHARS,
};
use jiandu::domain::inspector::AssignmentRole;
use jiandu::domain::institution::InstitutionType;
use jiandu::domain::media::{MediaKind, MediaRef};
use jiandu::domain::sample::sample;

use super::at;
use super::inspection::{catalog, inspection};

/// The fixture's inspection (组长 `a`, 组员 `b`) answered by `answered_by` on day 6 and
/// completed by `completed_by` on day 7.
fn completed(answered_by: Option<&str>, completed_by: Option<&str>) -> Inspection {
    let catalog = catalog();
    let checklist = catalog
        .checklist_for(InstitutionType::Clinic, &BTreeSet::new())
        .unwrap();
    let mut record = inspection();
    record.answer("M1.1.1", at(6), answered_by.map(String::from), |a| {
        a.verdict = jiandu::domain::inspection::Verdict::Compliant
    });
    record
        .complete(&checklist, None, at(7), completed_by.map(String::from))
        .unwrap();
    record
}

fn last_event(record: &Inspection) -> &StatusEvent {
    record.history.last().unwrap()
}

#[test]
fn the_leader_reviews_what_another_officer_recorded_last() {
    let mut record = completed(Some("a"), Some("b"));
    assert_eq!(
        record.last_change(),
        Some(LastChange {
            at: at(7),
            by: Some("b")
        })
    );
    assert_eq!(record.review_problem("a"), None);
    record.review(at(8), "a").unwrap();
    assert_eq!(record.status, InspectionStatus::Reviewed);
    let event = last_event(&record);
    assert_eq!(
        (event.change, event.by.as_deref(), event.note.as_deref()),
        (StatusChange::Reviewed, Some("a"), None)
    );
}

#[test]
fn a_change_after_completion_is_the_last_change() {
    // 组长 completed, then 组员 corrected an answer: the 组员 recorded the last change.
    let mut record = completed(Some("a"), Some("a"));
    record.answer("M1.1.1", at(8), Some("b".into()), |a| {
        a.note = "复核".into()
    });
    assert_eq!(record.last_change().unwrap().by, Some("b"));
    record.review(at(9), "a").unwrap();

    // 组员 completed, then the 组长 changed an answer: the 组长 recorded the last change.
    let mut record = completed(Some("b"), Some("b"));
    record.answer("M1.1.1", at(8), Some("a".into()), |a| {
        a.note = "复核".into()
    });
    assert_eq!(record.review(at(9), "a"), Err(StatusProblem::SelfReview));
}

#[test]
fn the_leader_who_recorded_the_last_change_is_refused_and_told_why() {
    let mut record = completed(Some("b"), Some("a"));
    let refused = record.review(at(8), "a");
    assert_eq!(refused, Err(StatusProblem::SelfReview));
    let problem = refused.unwrap_err();
    assert!(problem.asks_reason());
    assert!(
        problem.messages()[0].starts_with("审核人不应是最后修改的记录人"),
        "{:?}",
        problem.messages()
    );
    assert!(problem.messages()[0].contains("说明理由后审核"));
    assert_eq!(record.status, InspectionStatus::Completed);
    assert_eq!(record.history.len(), 1, "nothing recorded");
    assert_eq!(record.review_problem("a"), Some(StatusProblem::SelfReview));
}

#[test]
fn with_a_reason_the_leader_reviews_and_the_history_keeps_it() {
    let mut record = completed(Some("a"), Some("a"));
    for blank in ["", "   "] {
        assert_eq!(
            record.review_with_reason(at(8), "a", blank),
            Err(StatusProblem::BadReason)
        );
    }
    let long = "理".repeat(MAX_REVIEW_NOTE_CHARS + 1);
    assert_eq!(
        record.review_with_reason(at(8), "a", &long),
        Err(StatusProblem::BadReason)
    );
    assert!(StatusProblem::BadReason.asks_reason());
    assert_eq!(record.status, InspectionStatus::Completed);

    record
        .review_with_reason(at(8), "a", "  组员已返回单位，经科长同意由组长审核 ")
        .unwrap();
    assert_eq!(record.status, InspectionStatus::Reviewed);
    let event = last_event(&record);
    assert_eq!(
        (event.change, event.by.as_deref(), event.note.as_deref()),
        (
            StatusChange::Reviewed,
            Some("a"),
            Some("组员已返回单位，经科长同意由组长审核")
        )
    );
}

#[test]
fn a_reason_not_needed_is_not_kept() {
    let mut record = completed(Some("b"), Some("b"));
    record.review_with_reason(at(8), "a", "不需要").unwrap();
    assert_eq!(last_event(&record).note, None);
}

#[test]
fn only_the_leader_reviews_reason_or_not() {
    let mut record = completed(Some("a"), Some("a"));
    assert_eq!(record.review(at(8), "b"), Err(StatusProblem::NotLeader));
    assert_eq!(
        record.review_with_reason(at(8), "b", "组长不在"),
        Err(StatusProblem::NotLeader)
    );
    assert!(!StatusProblem::NotLeader.asks_reason());
    assert_eq!(
        record.review(at(8), "z"),
        Err(StatusProblem::NotLeader),
        "nor someone outside the team"
    );
    // A draft is refused for its status first.
    let mut draft = inspection();
    assert_eq!(
        draft.review_with_reason(at(8), "a", "理由"),
        Err(StatusProblem::WrongStatus(InspectionStatus::Draft))
    );
}

#[test]
fn an_unknown_last_recorder_needs_a_reason_too() {
    // Answered by the 组员, completed with no 记录人 chosen: separation cannot be checked.
    let mut record = completed(Some("b"), None);
    assert_eq!(record.last_change().unwrap().by, None);
    assert_eq!(
        record.review(at(8), "a"),
        Err(StatusProblem::UnknownRecorder)
    );
    assert!(StatusProblem::UnknownRecorder.messages()[0].contains("说明理由后审核"));
    record
        .review_with_reason(at(8), "a", "旧设备未记录记录人")
        .unwrap();
    assert_eq!(
        last_event(&record).note.as_deref(),
        Some("旧设备未记录记录人")
    );
}

#[test]
fn a_team_cut_to_its_leader_after_completion_reviews_only_with_a_reason() {
    let mut record = completed(Some("a"), Some("a"));
    record
        .inspectors
        .retain(|a| a.role == AssignmentRole::Leader);
    assert_eq!(record.review(at(8), "a"), Err(StatusProblem::SelfReview));
    record.review_with_reason(at(8), "a", "组员调离").unwrap();
}

fn photo(id: &str, day: u32, by: &str) -> MediaRef {
    MediaRef {
        id: id.into(),
        kind: MediaKind::Photo,
        mime: "image/jpeg".into(),
        bytes: 1000,
        sha256: "0".repeat(64),
        width: None,
        height: None,
        captured_at: None,
        added_at: at(day),
        added_by: Some(by.into()),
        file_name: String::new(),
    }
}

#[test]
fn the_last_change_counts_rectifications_and_photos_not_reopening() {
    let mut record = inspection();
    assert_eq!(record.last_change(), None);
    record.answer("M1.1.1", at(6), Some("a".into()), |_| {});
    record.rectify("v1", at(7), Some("b".into()), |c| c.note = "已整改".into());
    assert_eq!(
        record.last_change().unwrap().by,
        Some("b"),
        "a rectification"
    );
    record
        .answers
        .get_mut("M1.1.1")
        .unwrap()
        .media
        .push(photo("p1", 8, "a"));
    assert_eq!(
        record.last_change(),
        Some(LastChange {
            at: at(8),
            by: Some("a")
        }),
        "a photo of an answer"
    );
    record.media.push(photo("p2", 9, "b"));
    assert_eq!(
        record.last_change().unwrap().by,
        Some("b"),
        "a photo of the whole"
    );

    // Completion at the same time as the last edit counts as the later one.
    let catalog = catalog();
    let checklist = catalog
        .checklist_for(InstitutionType::Clinic, &BTreeSet::new())
        .unwrap();
    record
        .complete(&checklist, None, at(9), Some("a".into()))
        .unwrap();
    assert_eq!(record.last_change().unwrap().by, Some("a"));
    // Reopening changes no content.
    record.reopen(at(10), Some("b".into())).unwrap();
    assert_eq!(record.last_change().unwrap().at, at(9));
}

#[test]
fn the_note_is_optional_in_stored_and_exchanged_events() {
    let old = r#"{"change":"reviewed","at":"2026-11-08T09:00:00Z","by":"a"}"#;
    let event: StatusEvent = serde_json::from_str(old).unwrap();
    assert_eq!(event.note, None);
    assert_eq!(
        serde_json::to_string(&event).unwrap(),
        old,
        "written as before"
    );
    let noted = StatusEvent {
        note: Some("组员调离".into()),
        ..event
    };
    let json = serde_json::to_string(&noted).unwrap();
    assert!(json.ends_with(r#","note":"组员调离"}"#), "{json}");
    assert_eq!(serde_json::from_str::<StatusEvent>(&json).unwrap(), noted);
}

#[test]
fn the_sample_is_reviewed_by_leaders_who_did_not_record_the_last_change() {
    let sample = sample(
        edition_2022(),
        at(20),
        NaiveDate::from_ymd_opt(2022, 10, 25).unwrap(),
    )
    .unwrap();
    let reviewed: Vec<&Inspection> = sample
        .inspections
        .iter()
        .filter(|i| i.status == InspectionStatus::Reviewed)
        .collect();
    assert!(reviewed.len() >= 2, "the medical and the 回头看 samples");
    for record in reviewed {
        let review = last_event(record);
        let leader = record
            .inspectors
            .iter()
            .find(|a| a.role == AssignmentRole::Leader)
            .map(|a| a.inspector_id.as_str());
        assert_eq!(review.by.as_deref(), leader, "{}", record.id);
        let mut completed = record.clone();
        completed.status = InspectionStatus::Completed;
        completed.history.pop();
        assert_eq!(
            completed.review_problem(leader.unwrap()),
            None,
            "{}",
            record.id
        );
    }
}
