//! A stay's dates and group, and a scene sheet's answers, completion and status.

use chrono::NaiveDate;
use jiandu::domain::inspection::Verdict;
use jiandu::domain::inspector::AssignmentRole;
use jiandu::domain::labelled::Labelled;
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::{
    Complaint, ComplaintFinding, HandlingKind, ProblemHandling, SceneSheet, SheetProblem,
    SheetStatus,
};
use jiandu::domain::stationed::stay::{Stay, StayPhase, StayProblem};

use super::at;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, month, d).expect("valid date")
}

/// A stay with a leader and a deputy, so only the dates speak.
fn stay(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Stay {
    let mut stay = Stay::new("s1".into(), "p1".into(), "h1".into(), "2024".into(), at(1));
    stay.start = start;
    stay.end = end;
    stay.group.assign("i1", AssignmentRole::Leader);
    stay.group.assign("i2", AssignmentRole::Deputy);
    stay
}

fn lasting(days: u32) -> Stay {
    stay(Some(day(10, 1)), Some(day(10, days)))
}

#[test]
fn a_new_stay_lacks_dates_leader_and_deputy() {
    let fresh = Stay::new("s1".into(), "p1".into(), "h1".into(), "2024".into(), at(1));
    assert_eq!(
        fresh.problems(),
        [
            StayProblem::NoDates,
            StayProblem::NoLeader,
            StayProblem::NoDeputy
        ]
    );
    assert_eq!(
        stay(Some(day(10, 1)), None).problems(),
        [StayProblem::NoDates]
    );
    assert!(fresh.each_day().is_empty());
    assert_eq!(fresh.days(), None);
}

#[test]
fn an_end_before_the_start_is_an_error_without_a_length_warning() {
    let stay = stay(Some(day(10, 8)), Some(day(10, 6)));
    assert_eq!(stay.problems(), [StayProblem::EndBeforeStart]);
    assert!(!StayProblem::EndBeforeStart.is_warning());
    assert!(stay.each_day().is_empty());
}

#[test]
fn one_to_three_weeks_pass_and_outside_is_a_warning() {
    assert_eq!(lasting(6).problems(), [StayProblem::Length(6)]);
    assert_eq!(lasting(22).problems(), [StayProblem::Length(22)]);
    assert!(lasting(7).problems().is_empty());
    assert!(lasting(21).problems().is_empty());
    assert_eq!(lasting(7).days(), Some(7));
    assert!(StayProblem::Length(6).is_warning());
    assert_eq!(
        StayProblem::Length(6).message(),
        "驻点时间共6天，方案要求驻点1至3周（7至21天），请确认"
    );
    let days = lasting(7).each_day();
    assert_eq!(days.len(), 7);
    assert_eq!((days[0], days[6]), (day(10, 1), day(10, 7)));
}

#[test]
fn a_stay_needs_a_leader() {
    let mut stay = lasting(10);
    stay.group.remove("i1");
    assert_eq!(stay.problems(), [StayProblem::NoLeader]);
    assert!(!StayProblem::NoLeader.is_warning());
    stay.group.remove("i2");
    assert_eq!(
        stay.problems(),
        [StayProblem::NoLeader, StayProblem::NoDeputy]
    );
    assert!(StayProblem::NoDeputy.is_warning());
}

#[test]
fn the_meeting_follows_the_start_and_the_feedback_follows_the_meeting() {
    let mut stay = lasting(10);
    stay.summary_meeting = Some(day(9, 30));
    assert_eq!(stay.problems(), [StayProblem::MeetingBeforeStart]);
    stay.summary_meeting = Some(day(10, 12));
    stay.feedback_on = Some(day(10, 11));
    assert_eq!(stay.problems(), [StayProblem::FeedbackBeforeMeeting]);
    stay.feedback_on = Some(day(10, 12));
    assert!(stay.problems().is_empty());
}

#[test]
fn the_phase_follows_the_dates_and_milestones() {
    let mut stay = lasting(10);
    assert_eq!(stay.phase(day(9, 30)), StayPhase::Preparing);
    assert_eq!(stay.phase(day(10, 1)), StayPhase::Stationed);
    stay.summary_meeting = Some(day(10, 12));
    assert_eq!(stay.phase(day(10, 12)), StayPhase::Summarised);
    stay.feedback_on = Some(day(10, 15));
    assert_eq!(stay.phase(day(10, 15)), StayPhase::FedBack);
}

#[test]
fn an_officer_holds_one_role_and_a_new_leader_replaces_the_old() {
    let mut stay = lasting(10);
    stay.group.assign("i3", AssignmentRole::Member);
    stay.group.assign("i3", AssignmentRole::Leader);
    assert_eq!(stay.group.leader.as_deref(), Some("i3"));
    assert!(stay.group.members.is_empty());
    // i1, the leader replaced, is out of the group; the deputy becomes a member.
    stay.group.assign("i2", AssignmentRole::Member);
    assert_eq!(stay.group.deputy, None);
    assert_eq!(
        stay.group.officers(),
        [
            ("i3", AssignmentRole::Leader),
            ("i2", AssignmentRole::Member)
        ]
    );
}

fn emergency() -> SceneSheet {
    SceneSheet::new("s1", "emergency", at(1))
}

#[test]
fn a_handling_goes_when_the_verdict_leaves_non_compliant() {
    let mut sheet = emergency();
    sheet.answer("Z-CR-07", day(10, 8), at(8), Some("i1".into()), |a| {
        a.verdict = Verdict::NonCompliant;
        a.description = "未按规定登记传染病".into();
        a.handling = Some(ProblemHandling::blank(HandlingKind::Case));
    });
    // Another edit that keeps 不符合 keeps the handling.
    sheet.answer("Z-CR-07", day(10, 9), at(9), None, |a| {
        a.evidence = "登记本".into()
    });
    let answer = &sheet.answers["Z-CR-07"];
    assert_eq!(
        answer.handling,
        Some(ProblemHandling::blank(HandlingKind::Case))
    );
    assert_eq!(
        (answer.on, answer.updated_by.as_deref()),
        (day(10, 9), None)
    );
    sheet.answer("Z-CR-07", day(10, 9), at(9), None, |a| {
        a.verdict = Verdict::Compliant;
    });
    assert_eq!(sheet.answers["Z-CR-07"].handling, None);
    assert_eq!(sheet.verdict("Z-CR-07"), Verdict::Compliant);
    assert_eq!(sheet.verdict("Z-CR-08"), Verdict::Unchecked);
}

#[test]
fn completion_is_refused_until_every_point_is_answered_and_explained() {
    let catalog = edition_2024();
    let mut sheet = emergency();
    assert_eq!(sheet.point_ids(catalog).len(), 11);
    sheet.answer("Z-CR-08", day(10, 8), at(8), None, |a| {
        a.verdict = Verdict::NotApplicable
    });
    sheet.answer("Z-YL-09", day(10, 8), at(8), None, |a| {
        a.verdict = Verdict::NonCompliant
    });
    assert_eq!(
        sheet.completion_problems(catalog),
        [
            SheetProblem::Unchecked(9),
            SheetProblem::NoDescription("Z-YL-09".into()),
            SheetProblem::NoReason("Z-CR-08".into()),
        ]
    );
    assert_eq!(SheetProblem::Unchecked(9).message(), "还有9项未检查");
    for id in catalog.scene("emergency").expect("scene").points.clone() {
        sheet.answer(&id, day(10, 9), at(9), None, |a| {
            if a.verdict == Verdict::Unchecked {
                a.verdict = Verdict::Compliant;
            }
            a.description = "描述".into();
            a.not_applicable_reason = "未开展该项业务".into();
        });
    }
    assert!(sheet.completion_problems(catalog).is_empty());

    let mut list = SceneSheet::new("s1", "complaints", at(1));
    assert!(list.is_complaints(catalog));
    list.complaints.push(Complaint {
        id: "c1".into(),
        content: "候诊区无预检分诊".into(),
        source: "12345热线".into(),
        area: "CR".into(),
        finding: ComplaintFinding::Pending,
        description: String::new(),
        evidence: String::new(),
        on: day(10, 8),
        updated_at: at(8),
        handling: None,
        media: Vec::new(),
    });
    assert_eq!(
        list.completion_problems(catalog),
        [SheetProblem::Pending("c1".into())]
    );
    assert_eq!(list.status(), SheetStatus::InProgress);
}

#[test]
fn the_status_goes_from_not_started_to_done_and_not_applicable_wins() {
    let mut sheet = emergency();
    assert_eq!(sheet.status(), SheetStatus::NotStarted);
    sheet.answer("Z-CR-07", day(10, 8), at(8), None, |_| {});
    assert_eq!(sheet.status(), SheetStatus::NotStarted);
    sheet.answer("Z-CR-07", day(10, 8), at(8), None, |a| {
        a.verdict = Verdict::Compliant
    });
    assert_eq!(sheet.status(), SheetStatus::InProgress);
    sheet.done = true;
    assert_eq!(sheet.status(), SheetStatus::Done);
    sheet.not_applicable = Some("未设置急诊科".into());
    assert_eq!(sheet.status(), SheetStatus::NotApplicable);
    assert_eq!(SheetStatus::NotApplicable.label(), "合理缺项");
    assert_eq!(SceneSheet::id_for("s1", "emergency"), sheet.id);
}

#[test]
fn the_same_stay_started_on_two_tablets_is_one_record() {
    assert_eq!(Stay::id_for("plan-1", "h-1"), Stay::id_for("plan-1", "h-1"));
    assert_ne!(Stay::id_for("plan-1", "h-1"), Stay::id_for("plan-1", "h-2"));
    assert_ne!(Stay::id_for("plan-1", "h-1"), Stay::id_for("plan-2", "h-1"));
    assert!(
        !Stay::id_for("plan-1", "h-1").contains('/'),
        "a sheet's id adds /scene"
    );
}
