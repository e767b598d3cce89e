use std::collections::BTreeSet;

use chrono::NaiveDate;
use jiandu::domain::catalog::Catalog;
use jiandu::domain::inspection::{
    Answer, Assignment, CompletionProblem, Inspection, InspectionStatus, StatusChange,
    StatusProblem, Verdict,
};
use jiandu::domain::inspector::AssignmentRole;
use jiandu::domain::institution::{InstitutionType, Service};

use super::{at, CATALOG_FIXTURE};

/// A catalog with three clinic points, one of them for 医疗美容 only.
pub(super) fn catalog() -> Catalog {
    let extra = r#"{"id": "M1.1.2", "text": "执业范围", "basis": "《医疗机构管理条例》第二十六条", "institution_types": ["clinic"],
        "services": null, "summary_column": "practice_activity", "phrasings": ["超范围"]},
       {"id": "M1.1.3", "text": "美容主诊医师", "basis": "《医疗美容服务管理办法》第十一条", "institution_types": null,
        "services": ["medical_cosmetology"], "summary_column": "medical_cosmetology", "phrasings": ["无主诊医师"]},
       {"id": "M1.1.1""#;
    Catalog::parse(&CATALOG_FIXTURE.replacen(r#"{"id": "M1.1.1""#, extra, 1))
        .expect("valid fixture")
}

fn answer(verdict: Verdict, description: &str, reason: &str) -> Answer {
    Answer {
        verdict,
        description: description.into(),
        not_applicable_reason: reason.into(),
        note: String::new(),
        handling: Vec::new(),
        media: Vec::new(),
        updated_at: at(6),
        updated_by: None,
    }
}

/// A draft at a clinic: 组长 `a`, 组员 `b`, dated, no answers.
pub(super) fn inspection() -> Inspection {
    Inspection {
        id: "x".into(),
        plan_id: "p".into(),
        institution_id: "i".into(),
        catalog_edition: "test".into(),
        date: NaiveDate::from_ymd_opt(2022, 10, 20),
        place: "诊所".into(),
        inspectors: vec![
            Assignment {
                inspector_id: "a".into(),
                role: AssignmentRole::Leader,
            },
            Assignment {
                inspector_id: "b".into(),
                role: AssignmentRole::Member,
            },
        ],
        answers: Default::default(),
        rectifications: Default::default(),
        media: Vec::new(),
        signatures: Vec::new(),
        opinion_number: None,
        hours: Default::default(),
        opinion_deadline: None,
        changed_on: None,
        status: InspectionStatus::Draft,
        history: Vec::new(),
        created_at: at(6),
        updated_at: at(6),
    }
}

#[test]
fn counts_leave_not_applicable_out_of_every_number() {
    let mut record = inspection();
    record.answers.insert(
        "M1.1.2".into(),
        answer(Verdict::NonCompliant, "超出登记的诊疗科目", ""),
    );
    record.answers.insert(
        "M1.1.3".into(),
        answer(Verdict::NotApplicable, "", "未开展该项业务"),
    );
    let counts = record.counts(["M1.1.1", "M1.1.2", "M1.1.3"]);
    assert_eq!(
        (
            counts.checked,
            counts.total,
            counts.non_compliant,
            counts.not_applicable
        ),
        (1, 2, 1, 1)
    );
    assert_eq!(record.verdict("M1.1.1"), Verdict::Unchecked);
}

#[test]
fn completion_needs_two_officers_a_date_descriptions_and_reasons() {
    let catalog = catalog();
    let services: BTreeSet<Service> = [Service::MedicalCosmetology].into();
    let checklist = catalog
        .checklist_for(InstitutionType::Clinic, &services)
        .unwrap();
    let mut record = inspection();
    assert_eq!(record.completion_problems(&checklist, None), vec![]);
    record.inspectors.truncate(1);
    record.date = None;
    record
        .answers
        .insert("M1.1.2".into(), answer(Verdict::NonCompliant, " ", ""));
    record
        .answers
        .insert("M1.1.3".into(), answer(Verdict::NotApplicable, "", ""));
    assert_eq!(
        record.completion_problems(&checklist, None),
        vec![
            CompletionProblem::TooFewInspectors(1),
            CompletionProblem::NoDate,
            CompletionProblem::MissingDescription("M1.1.2".into()),
            CompletionProblem::MissingReason("M1.1.3".into()),
        ]
    );
    // The same officer twice is still one officer.
    record.inspectors.push(record.inspectors[0].clone());
    assert!(record
        .completion_problems(&checklist, None)
        .contains(&CompletionProblem::TooFewInspectors(1)));
    assert!(CompletionProblem::TooFewInspectors(1)
        .message()
        .contains("不得少于2人"));
}

#[test]
fn unchecked_points_are_listed_in_checklist_order() {
    let catalog = catalog();
    let checklist = catalog
        .checklist_for(InstitutionType::Clinic, &BTreeSet::new())
        .unwrap();
    let mut record = inspection();
    assert_eq!(record.unchecked(&checklist), ["M1.1.2", "M1.1.1"]);
    record
        .answers
        .insert("M1.1.1".into(), answer(Verdict::Compliant, "", ""));
    assert_eq!(record.unchecked(&checklist), ["M1.1.2"]);
}

#[test]
fn applicability_follows_type_and_services() {
    let catalog = catalog();
    let ids = |kind, services: &[Service]| -> Vec<String> {
        let services = services.iter().copied().collect();
        catalog
            .checklist_for(kind, &services)
            .map(|c| c.points().map(|p| p.id.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(ids(InstitutionType::VillageClinic, &[]), ["M1.1.1"]);
    assert_eq!(ids(InstitutionType::Clinic, &[]), ["M1.1.2", "M1.1.1"]);
    assert_eq!(
        ids(InstitutionType::Clinic, &[Service::MedicalCosmetology]),
        ["M1.1.2", "M1.1.3", "M1.1.1"]
    );
    assert_eq!(
        ids(
            InstitutionType::CentralBloodStation,
            &[Service::MedicalCosmetology]
        ),
        ["B1.1.1"]
    );
    assert!(ids(InstitutionType::NonMedical, &[]).is_empty());
    assert!(catalog.point("M1.1.3").unwrap().is_focus());
}

#[test]
fn status_moves_draft_completed_reviewed_and_reopening_is_recorded() {
    let catalog = catalog();
    let checklist = catalog
        .checklist_for(InstitutionType::Clinic, &BTreeSet::new())
        .unwrap();
    let mut record = inspection();
    assert!(record.is_editable());
    assert_eq!(
        record.review(at(7), "a"),
        Err(StatusProblem::WrongStatus(InspectionStatus::Draft))
    );

    record.inspectors.truncate(1);
    assert!(matches!(
        record.complete(&checklist, None, at(7), None),
        Err(StatusProblem::Incomplete(_))
    ));
    assert_eq!(record.status, InspectionStatus::Draft);
    record.inspectors.push(Assignment {
        inspector_id: "b".into(),
        role: AssignmentRole::Member,
    });

    record
        .complete(&checklist, None, at(7), Some("b".into()))
        .unwrap();
    assert_eq!(record.status, InspectionStatus::Completed);
    assert_eq!(record.completed_at(), Some(at(7)));
    assert!(
        record.is_editable(),
        "a completed inspection's answers can still change"
    );

    // Only the group leader reviews.
    assert_eq!(record.review(at(8), "b"), Err(StatusProblem::NotLeader));
    record.review(at(8), "a").unwrap();
    assert_eq!(record.status, InspectionStatus::Reviewed);
    assert!(!record.is_editable());

    record.reopen(at(9), Some("b".into())).unwrap();
    assert_eq!(record.status, InspectionStatus::Draft);
    assert_eq!(record.completed_at(), None);
    let changes: Vec<(StatusChange, Option<&str>)> = record
        .history
        .iter()
        .map(|e| (e.change, e.by.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            (StatusChange::Completed, Some("b")),
            (StatusChange::Reviewed, Some("a")),
            (StatusChange::Reopened, Some("b"))
        ]
    );
    assert_eq!(
        record.reopen(at(9), None),
        Err(StatusProblem::WrongStatus(InspectionStatus::Draft))
    );
}

#[test]
fn answering_records_when_and_by_whom() {
    let mut record = inspection();
    record.answer("M1.1.1", at(10), Some("a".into()), |a| {
        a.verdict = Verdict::NonCompliant
    });
    record.answer("M1.1.1", at(11), Some("b".into()), |a| {
        a.description = "未悬挂许可证".into()
    });
    let answer = &record.answers["M1.1.1"];
    assert_eq!(
        (answer.verdict, answer.description.as_str()),
        (Verdict::NonCompliant, "未悬挂许可证")
    );
    assert_eq!(
        (answer.updated_at, answer.updated_by.as_deref()),
        (at(11), Some("b"))
    );
}

#[test]
fn a_measure_without_its_detail_refuses_completion() {
    use jiandu::domain::handling::Handling;
    let catalog = catalog();
    let checklist = catalog
        .checklist_for(InstitutionType::Clinic, &BTreeSet::new())
        .unwrap();
    let mut record = inspection();
    let mut finding = answer(Verdict::NonCompliant, "未悬挂许可证", "");
    finding.handling = vec![
        Handling::OrderCorrection { deadline: None },
        Handling::Fine { amount_yuan: 5000 },
    ];
    record.answers.insert("M1.1.2".into(), finding);
    assert_eq!(
        record.completion_problems(&checklist, None),
        vec![CompletionProblem::IncompleteHandling(
            "M1.1.2".into(),
            "责令改正须填写改正期限"
        )]
    );
}
