//! The problem register of a stay and the handling of one problem.

use chrono::NaiveDate;
use jiandu::domain::inspection::Verdict;
use jiandu::domain::labelled::Labelled;
use jiandu::domain::stationed::register::{problems, register, ProblemSource};
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::{
    Complaint, ComplaintFinding, HandlingKind, ProblemHandling, Recheck, RecheckResult, SceneSheet,
};

use super::at;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, month, d).expect("valid date")
}

fn answered(target: &str, answers: &[(&str, Verdict)]) -> SceneSheet {
    let mut sheet = SceneSheet::new("s1", target, at(1));
    for (id, verdict) in answers {
        sheet.answer(id, day(10, 8), at(8), None, |a| {
            a.verdict = *verdict;
            a.description = format!("{id}问题");
        });
    }
    sheet
}

fn complaint(id: &str, area: &str, finding: ComplaintFinding) -> Complaint {
    Complaint {
        id: id.into(),
        content: format!("{id}反映内容"),
        source: "从业人员反映".into(),
        area: area.into(),
        finding,
        description: format!("{id}核查情况"),
        evidence: String::new(),
        on: day(10, 9),
        updated_at: at(9),
        handling: None,
        media: Vec::new(),
    }
}

use ComplaintFinding::{Confirmed, PartlyConfirmed, Unfounded};
use Verdict::{Compliant, NonCompliant};

/// Two scenes, the 书面审查 list, a 合理缺项 scene and the complaints, in no particular order.
fn sheets() -> Vec<SceneSheet> {
    let mut fever = answered("fever_clinic", &[("Z-CR-12", NonCompliant)]);
    fever.not_applicable = Some("未设置发热门诊".into());
    let mut complaints = SceneSheet::new("s1", "complaints", at(1));
    complaints.complaints = vec![
        complaint("c1", "FY", Confirmed),
        complaint("c2", "YL", Unfounded),
        complaint("c3", "XX", PartlyConfirmed),
    ];
    vec![
        complaints,
        answered(
            "documents",
            &[("Z-CR-06", NonCompliant), ("Z-YL-01", NonCompliant)],
        ),
        fever,
        answered(
            "emergency",
            &[
                ("Z-CR-08", Compliant),
                ("Z-CR-07", NonCompliant),
                ("Z-YL-06", NonCompliant),
            ],
        ),
        answered(
            "outpatient_hall",
            &[
                ("Z-QT-01", NonCompliant),
                ("Z-CR-11", NonCompliant),
                ("Z-YL-02", NonCompliant),
                ("Z-YL-13", Compliant),
            ],
        ),
    ]
}

fn source(s: &ProblemSource) -> &str {
    match s {
        ProblemSource::Point(id) | ProblemSource::Complaint(id) => id,
    }
}

#[test]
fn problems_follow_the_catalog_order_of_targets_and_points() {
    let catalog = edition_2024();
    let sheets = sheets();
    let refs: Vec<&SceneSheet> = sheets.iter().collect();
    let all = problems(catalog, &refs);
    let order: Vec<(&str, &str)> = all
        .iter()
        .map(|p| (p.target, source(&p.at.source)))
        .collect();
    assert_eq!(
        order,
        [
            ("outpatient_hall", "Z-YL-02"),
            ("outpatient_hall", "Z-CR-11"),
            ("outpatient_hall", "Z-QT-01"),
            ("emergency", "Z-YL-06"),
            ("emergency", "Z-CR-07"),
            ("documents", "Z-YL-01"),
            ("documents", "Z-CR-06"),
            ("complaints", "c1"),
            ("complaints", "c3"),
        ]
    );
    let c1 = &all[7];
    assert_eq!(c1.target_name, "社会反映问题核查");
    assert_eq!((c1.checked(), c1.basis()), ("c1反映内容", ""));
    assert_eq!(c1.description, "c1核查情况");
    assert_eq!(all[0].target_name, "门诊大厅");
    assert_eq!(all[0].at.sheet_id, "s1/outpatient_hall");
    assert!(!all[0].basis().is_empty());
}

/// An area id with its targets, each with its problems' point or complaint ids.
type Grouped<'a> = (&'a str, Vec<(&'a str, Vec<&'a str>)>);

#[test]
fn the_register_groups_by_area_then_scene() {
    let catalog = edition_2024();
    let sheets = sheets();
    let refs: Vec<&SceneSheet> = sheets.iter().collect();
    let groups = register(catalog, &refs);
    let grouped: Vec<Grouped<'_>> = groups
        .iter()
        .map(|area| {
            (
                area.area.id.as_str(),
                area.targets
                    .iter()
                    .map(|t| {
                        (
                            t.target,
                            t.problems.iter().map(|p| source(&p.at.source)).collect(),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        grouped,
        [
            (
                "YL",
                vec![
                    ("outpatient_hall", vec!["Z-YL-02"]),
                    ("emergency", vec!["Z-YL-06"]),
                    ("documents", vec!["Z-YL-01"]),
                ]
            ),
            (
                "CR",
                vec![
                    ("outpatient_hall", vec!["Z-CR-11"]),
                    ("emergency", vec!["Z-CR-07"]),
                    ("documents", vec!["Z-CR-06"]),
                ]
            ),
            ("FY", vec![("complaints", vec!["c1"])]),
            // c3 names no known area, so it falls under 其他.
            (
                "QT",
                vec![
                    ("outpatient_hall", vec!["Z-QT-01"]),
                    ("complaints", vec!["c3"]),
                ]
            ),
        ]
    );
    let total: usize = groups.iter().map(|a| a.len()).sum();
    assert_eq!(total, 9);
}

#[test]
fn set_handling_refuses_what_is_not_a_problem() {
    let catalog = edition_2024();
    let mut sheets = sheets();
    let case = Some(ProblemHandling::blank(HandlingKind::Case));
    let emergency = &mut sheets[3];
    for id in ["Z-CR-08", "Z-CR-99"] {
        assert!(!emergency.set_handling(&ProblemSource::Point(id.into()), case.clone(), at(10)));
    }
    let rectify = ProblemHandling::blank(HandlingKind::Rectify);
    assert!(emergency.set_handling(
        &ProblemSource::Point("Z-CR-07".into()),
        Some(rectify),
        at(10)
    ));
    assert_eq!(emergency.updated_at, at(10));
    let complaints = &mut sheets[0];
    assert!(!complaints.set_handling(&ProblemSource::Complaint("c2".into()), case.clone(), at(10)));
    assert!(!complaints.set_handling(&ProblemSource::Complaint("c9".into()), case.clone(), at(10)));
    assert!(complaints.set_handling(&ProblemSource::Complaint("c1".into()), case.clone(), at(10)));

    let refs: Vec<&SceneSheet> = sheets.iter().collect();
    let all = problems(catalog, &refs);
    let cr07 = all
        .iter()
        .find(|p| p.at.source == ProblemSource::Point("Z-CR-07".into()))
        .expect("Z-CR-07 is a problem");
    // A 责令限期改正 without its deadline is not settled.
    assert_eq!(cr07.handling.map(|h| h.kind()), Some(HandlingKind::Rectify));
    assert!(!cr07.is_settled());
    let c1 = all
        .iter()
        .find(|p| p.at.source == ProblemSource::Complaint("c1".into()))
        .expect("c1 is a problem");
    assert!(c1.is_settled());
    assert_eq!(all.iter().filter(|p| p.handling.is_some()).count(), 2);
}

fn rectify(deadline: Option<NaiveDate>, recheck: Option<RecheckResult>) -> ProblemHandling {
    ProblemHandling::Rectify {
        deadline,
        recheck: recheck.map(|result| Recheck {
            on: day(11, 20),
            result,
            note: String::new(),
        }),
    }
}

#[test]
fn a_rectification_is_overdue_only_past_its_deadline_without_a_recheck() {
    let due = rectify(Some(day(11, 10)), None);
    assert!(!due.is_overdue(day(11, 10)));
    assert!(due.is_overdue(day(11, 11)));
    assert!(!rectify(Some(day(11, 10)), Some(RecheckResult::Corrected)).is_overdue(day(12, 1)));
    assert!(!rectify(None, None).is_overdue(day(12, 1)));
    assert!(!ProblemHandling::blank(HandlingKind::Case).is_overdue(day(12, 1)));
    assert_eq!(due.deadline(), Some(day(11, 10)));
    assert_eq!(ProblemHandling::blank(HandlingKind::Case).deadline(), None);
}

#[test]
fn a_case_is_filed_or_a_rectification_found_not_corrected() {
    assert!(ProblemHandling::blank(HandlingKind::Case).is_case());
    let not_corrected = rectify(Some(day(11, 10)), Some(RecheckResult::NotCorrected));
    assert!(not_corrected.is_case());
    assert!(!not_corrected.is_verified_corrected());
    let corrected = rectify(Some(day(11, 10)), Some(RecheckResult::Corrected));
    assert!(!corrected.is_case());
    assert!(corrected.is_verified_corrected());
    for kind in [
        HandlingKind::Opinion,
        HandlingKind::Transfer,
        HandlingKind::Advice,
    ] {
        assert!(!ProblemHandling::blank(kind).is_case());
    }
    assert_eq!(
        RecheckResult::NotCorrected.label(),
        "逾期未改正，转立案查处"
    );
}

#[test]
fn what_a_handling_misses() {
    assert_eq!(rectify(None, None).missing(), Some("请填写整改期限"));
    assert_eq!(rectify(Some(day(11, 10)), None).missing(), None);
    assert_eq!(
        ProblemHandling::blank(HandlingKind::Transfer).missing(),
        Some("请填写移送部门")
    );
    let blank_department = ProblemHandling::Transfer {
        department: "  ".into(),
    };
    assert_eq!(blank_department.missing(), Some("请填写移送部门"));
    let named = ProblemHandling::Transfer {
        department: "市场监督管理局".into(),
    };
    assert_eq!(named.missing(), None);
    for kind in HandlingKind::ALL {
        assert_eq!(ProblemHandling::blank(*kind).kind(), *kind);
        if !matches!(kind, HandlingKind::Rectify | HandlingKind::Transfer) {
            assert_eq!(ProblemHandling::blank(*kind).missing(), None);
        }
    }
}
