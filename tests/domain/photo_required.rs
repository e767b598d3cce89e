//! The photo a 不符合 needs on the check points whose catalog entry says so: an inspection is not
//! completed, nor a stay's scene sheet finished, without one.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use jiandu::domain::catalog::{edition_2022, Catalog};
use jiandu::domain::inspection::{
    Answer, Assignment, CompletionProblem, Inspection, InspectionStatus, Verdict,
};
use jiandu::domain::inspector::AssignmentRole;
use jiandu::domain::institution::InstitutionType;
use jiandu::domain::labelled::Labelled;
use jiandu::domain::media::{sha256_hex, MediaKind, MediaRef};
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::{SceneSheet, SheetProblem};

use super::{at, CATALOG_FIXTURE};

fn media(kind: MediaKind) -> MediaRef {
    MediaRef {
        id: format!("m-{}", kind.code()),
        kind,
        mime: "image/jpeg".into(),
        bytes: 1000,
        sha256: sha256_hex(b"x"),
        width: None,
        height: None,
        captured_at: None,
        added_at: at(6),
        added_by: None,
        file_name: String::new(),
    }
}

fn inspection(verdict: Verdict, media: Vec<MediaRef>) -> Inspection {
    let officer = |id: &str, role| Assignment {
        inspector_id: id.into(),
        role,
    };
    let mut record = Inspection {
        id: "x".into(),
        plan_id: "p".into(),
        institution_id: "i".into(),
        catalog_edition: "test".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 25),
        place: "诊所".into(),
        inspectors: vec![
            officer("a", AssignmentRole::Leader),
            officer("b", AssignmentRole::Member),
        ],
        answers: Default::default(),
        rectifications: Default::default(),
        media: Vec::new(),
        signatures: Vec::new(),
        opinion_number: None,
        hours: Default::default(),
        opinion_deadline: None,
        status: InspectionStatus::Draft,
        history: Vec::new(),
        created_at: at(6),
        updated_at: at(6),
        changed_on: None,
    };
    record.answer("M1.1.1", at(6), None, |a: &mut Answer| {
        a.verdict = verdict;
        a.description = "未悬挂许可证".into();
        a.media = media;
    });
    record
}

#[test]
fn a_non_compliance_on_a_photo_required_point_needs_a_photo() {
    let json = CATALOG_FIXTURE.replacen(
        r#""phrasings": ["未取得许可证"]}"#,
        r#""phrasings": ["未取得许可证"], "photo_required": true}"#,
        1,
    );
    let catalog = Catalog::parse(&json).expect("valid fixture");
    assert!(catalog.point("M1.1.1").expect("point").photo_required);
    assert!(!catalog.point("B1.1.1").expect("point").photo_required);
    let checklist = catalog
        .checklist_for(InstitutionType::Clinic, &BTreeSet::new())
        .expect("checklist");
    let missing = vec![CompletionProblem::MissingPhoto("M1.1.1".into())];
    let problems = |r: Inspection| r.completion_problems(&checklist, None);
    assert_eq!(problems(inspection(Verdict::NonCompliant, vec![])), missing);
    assert_eq!(missing[0].message(), "M1.1.1：该项不符合须附照片");
    // A video or a signature is not a photo.
    let others = vec![media(MediaKind::Video), media(MediaKind::Signature)];
    assert_eq!(problems(inspection(Verdict::NonCompliant, others)), missing);
    let photo = vec![media(MediaKind::Video), media(MediaKind::Photo)];
    assert_eq!(problems(inspection(Verdict::NonCompliant, photo)), vec![]);
    // Other verdicts need none.
    assert_eq!(problems(inspection(Verdict::Compliant, vec![])), vec![]);
    // Without the mark, a 不符合 needs no photo.
    let plain = Catalog::parse(CATALOG_FIXTURE).expect("valid fixture");
    let checklist = plain
        .checklist_for(InstitutionType::Clinic, &BTreeSet::new())
        .expect("checklist");
    let record = inspection(Verdict::NonCompliant, vec![]);
    assert_eq!(record.completion_problems(&checklist, None), vec![]);
}

#[test]
fn the_editions_mark_a_few_points_photo_required() {
    let marked = |ids: Vec<&str>| ids.into_iter().map(String::from).collect::<Vec<_>>();
    let checklist: Vec<String> = edition_2022()
        .points()
        .filter(|p| p.photo_required)
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(
        checklist,
        marked(vec![
            "M1.1.4", "M1.3.4", "M3.1.3", "M6.3.4", "N1.2.1", "N4.1.1"
        ])
    );
    let stationed: Vec<String> = edition_2024()
        .points
        .iter()
        .filter(|p| p.photo_required)
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(stationed, marked(vec!["Z-YL-02", "Z-CR-17", "Z-CR-25"]));
}

#[test]
fn a_stay_sheet_refuses_finishing_a_photo_required_problem_without_a_photo() {
    let catalog = edition_2024();
    let on = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let mut sheet = SceneSheet::new("s1", "medical_waste", at(6));
    for id in sheet.point_ids(catalog).to_vec() {
        sheet.answer(&id, on, at(6), None, |a| a.verdict = Verdict::Compliant);
    }
    sheet.answer("Z-CR-25", on, at(7), None, |a| {
        a.verdict = Verdict::NonCompliant;
        a.description = "医疗废物露天存放".into();
    });
    assert_eq!(
        sheet.completion_problems(catalog),
        [SheetProblem::NoPhoto("Z-CR-25".into())]
    );
    assert_eq!(
        SheetProblem::NoPhoto("Z-CR-25".into()).message(),
        "Z-CR-25：该项不符合须附照片"
    );
    sheet.answer("Z-CR-25", on, at(8), None, |a| {
        a.media.push(media(MediaKind::Photo))
    });
    assert!(sheet.completion_problems(catalog).is_empty());
}
