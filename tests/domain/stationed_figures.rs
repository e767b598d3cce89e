//! The yearly figures and the overdue list over a hand-built set of stays: A (h1) fed back in
//! October 2024, B (h2) still on site, C (h1) fed back in 2023, D (h3) not begun.

use chrono::NaiveDate;
use jiandu::domain::inspection::Verdict;
use jiandu::domain::stationed::figures::{overdue_problems, year_figures, UNHANDLED};
use jiandu::domain::stationed::register::ProblemSource;
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::{
    Complaint, ComplaintFinding, HandlingKind, ProblemHandling, Recheck, RecheckResult, SceneSheet,
};
use jiandu::domain::stationed::stay::Stay;

use super::at;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn stay(
    id: &str,
    hospital: &str,
    start: NaiveDate,
    days: u64,
    feedback: Option<NaiveDate>,
) -> Stay {
    let mut stay = Stay::new(
        id.into(),
        "p1".into(),
        hospital.into(),
        "2024".into(),
        at(1),
    );
    stay.start = Some(start);
    stay.end = start.checked_add_days(chrono::Days::new(days - 1));
    stay.summary_meeting = feedback;
    stay.feedback_on = feedback;
    stay
}

fn stays() -> Vec<Stay> {
    vec![
        stay("a", "h1", ymd(2024, 10, 8), 7, Some(ymd(2024, 10, 25))),
        stay("b", "h2", ymd(2024, 11, 4), 12, None),
        stay("c", "h1", ymd(2023, 10, 9), 10, Some(ymd(2023, 11, 20))),
        stay("d", "h3", ymd(2025, 1, 6), 10, None),
    ]
}

fn rectify(deadline: NaiveDate, recheck: Option<RecheckResult>) -> Option<ProblemHandling> {
    Some(ProblemHandling::Rectify {
        deadline: Some(deadline),
        recheck: recheck.map(|result| Recheck {
            on: deadline,
            result,
            note: String::new(),
        }),
    })
}

/// A sheet with 不符合 answers, each with its handling.
fn sheet(stay: &str, target: &str, problems: Vec<(&str, Option<ProblemHandling>)>) -> SceneSheet {
    let mut sheet = SceneSheet::new(stay, target, at(1));
    sheet.answer("Z-CR-23", ymd(2024, 10, 8), at(8), None, |a| {
        a.verdict = Verdict::Compliant
    });
    for (id, handling) in problems {
        sheet.answer(id, ymd(2024, 10, 8), at(8), None, |a| {
            a.verdict = Verdict::NonCompliant
        });
        sheet.set_handling(&ProblemSource::Point(id.into()), handling, at(9));
    }
    sheet
}

fn complaint(
    id: &str,
    area: &str,
    finding: ComplaintFinding,
    handling: Option<ProblemHandling>,
) -> Complaint {
    Complaint {
        id: id.into(),
        content: "反映内容".into(),
        source: "12345热线".into(),
        area: area.into(),
        finding,
        description: String::new(),
        evidence: String::new(),
        on: ymd(2024, 10, 9),
        updated_at: at(9),
        handling,
        media: Vec::new(),
    }
}

fn sheets() -> Vec<SceneSheet> {
    let y24 = |m, d| ymd(2024, m, d);
    let mut emergency = sheet(
        "a",
        "emergency",
        vec![
            (
                "Z-YL-06",
                rectify(y24(11, 10), Some(RecheckResult::Corrected)),
            ),
            ("Z-CR-07", rectify(y24(11, 30), None)),
            ("Z-CR-08", Some(ProblemHandling::blank(HandlingKind::Case))),
        ],
    );
    emergency.done = true;
    let mut pharmacy = sheet(
        "a",
        "pharmacy",
        vec![
            (
                "Z-YL-31",
                rectify(y24(11, 10), Some(RecheckResult::NotCorrected)),
            ),
            ("Z-YL-33", None),
        ],
    );
    pharmacy.done = true;
    let mut fever = sheet("a", "fever_clinic", vec![("Z-CR-07", None)]);
    fever.not_applicable = Some("未设置发热门诊".into());
    let mut sewage = SceneSheet::new("a", "sewage", at(1));
    sewage.not_applicable = Some("污水由院区统一处理".into());
    let transfer = ProblemHandling::Transfer {
        department: "市场监督管理局".into(),
    };
    let documents = sheet("a", "documents", vec![("Z-FS-01", Some(transfer))]);
    let mut complaints = SceneSheet::new("a", "complaints", at(1));
    complaints.complaints = vec![
        complaint(
            "c1",
            "FY",
            ComplaintFinding::Confirmed,
            Some(ProblemHandling::blank(HandlingKind::Opinion)),
        ),
        complaint(
            "c2",
            "CR",
            ComplaintFinding::PartlyConfirmed,
            Some(ProblemHandling::Advice),
        ),
        complaint("c3", "YL", ComplaintFinding::Unfounded, None),
        complaint("c4", "YL", ComplaintFinding::Pending, None),
    ];
    let b_emergency = sheet(
        "b",
        "emergency",
        vec![("Z-YL-06", rectify(y24(12, 1), None))],
    );
    let mut b_pharmacy = sheet("b", "pharmacy", vec![]);
    b_pharmacy.done = true;
    let mut c_pharmacy = sheet(
        "c",
        "pharmacy",
        vec![("Z-YL-31", rectify(ymd(2023, 12, 1), None))],
    );
    c_pharmacy.done = true;
    vec![
        emergency,
        pharmacy,
        fever,
        sewage,
        documents,
        complaints,
        b_emergency,
        b_pharmacy,
        c_pharmacy,
    ]
}

#[test]
fn the_figures_of_2024_count_the_stay_fed_back_that_year() {
    let stays = stays();
    let sheets = sheets();
    let stay_refs: Vec<&Stay> = stays.iter().collect();
    let sheet_refs: Vec<&SceneSheet> = sheets.iter().collect();
    let f = year_figures(
        edition_2024(),
        2024,
        &stay_refs,
        &sheet_refs,
        ymd(2024, 12, 20),
    );
    assert_eq!(f.year, 2024);
    // A is done; B is on site; C was 2023; D has not begun.
    assert_eq!(
        (f.stays_done, f.stays_in_progress, f.hospitals_covered),
        (1, 1, 1)
    );
    // 急诊科 and 药房 done; 发热门诊 and 污水房 合理缺项 (B's 药房 is not counted).
    assert_eq!((f.scenes_done, f.scenes_not_applicable), (2, 2));
    // 急诊科 3, 药房 2, 书面审查 1, complaints c1 and c2; 发热门诊's is void.
    assert_eq!(f.problems, 8);
    let by_area: Vec<(&str, usize)> = f
        .problems_by_area
        .iter()
        .map(|(a, n)| (a.id.as_str(), *n))
        .collect();
    assert_eq!(
        by_area,
        [("YL", 3), ("CR", 3), ("FY", 1), ("FS", 1), ("QT", 0)]
    );
    assert_eq!(
        f.problems_by_handling,
        [
            (HandlingKind::Case, 1),
            (HandlingKind::Rectify, 3),
            (HandlingKind::Opinion, 1),
            (HandlingKind::Transfer, 1),
            (HandlingKind::Advice, 1),
        ]
    );
    assert_eq!((f.unhandled, UNHANDLED), (1, "未处理"));
    // Z-CR-08 filed, Z-YL-31 not corrected; Z-YL-06 corrected; Z-CR-07 past 30 November.
    assert_eq!(
        (f.cases, f.corrected, f.not_corrected, f.overdue),
        (2, 1, 1, 1)
    );
    assert_eq!(
        (
            f.complaints_verified,
            f.complaints_confirmed,
            f.complaints_partly_confirmed
        ),
        (3, 1, 1)
    );
}

#[test]
fn another_year_counts_its_own_stays() {
    let stays = stays();
    let sheets = sheets();
    let stay_refs: Vec<&Stay> = stays.iter().collect();
    let sheet_refs: Vec<&SceneSheet> = sheets.iter().collect();
    let f = year_figures(
        edition_2024(),
        2023,
        &stay_refs,
        &sheet_refs,
        ymd(2024, 12, 20),
    );
    // B began after 2023, so it is not 2023's work in progress.
    assert_eq!(
        (f.stays_done, f.stays_in_progress, f.hospitals_covered),
        (1, 0, 1)
    );
    assert_eq!((f.scenes_done, f.problems, f.overdue), (1, 1, 1));
    let f = year_figures(
        edition_2024(),
        2025,
        &stay_refs,
        &sheet_refs,
        ymd(2025, 1, 10),
    );
    // B is still not fed back; D has begun.
    assert_eq!((f.stays_done, f.stays_in_progress, f.problems), (0, 2, 0));
}

#[test]
fn overdue_rectifications_are_listed_across_all_stays_earliest_first() {
    let catalog = edition_2024();
    let stays = stays();
    let sheets = sheets();
    let stay_refs: Vec<&Stay> = stays.iter().collect();
    let sheet_refs: Vec<&SceneSheet> = sheets.iter().collect();
    let list = |today| {
        overdue_problems(catalog, &stay_refs, &sheet_refs, today)
            .into_iter()
            .map(|o| {
                let ProblemSource::Point(point) = o.at.source else {
                    panic!("a point")
                };
                (
                    o.stay_id,
                    o.institution_id,
                    o.target_name,
                    point,
                    o.deadline,
                    o.at.sheet_id,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        list(ymd(2024, 12, 20)),
        [
            (
                "c",
                "h1",
                "药房",
                "Z-YL-31".to_string(),
                ymd(2023, 12, 1),
                "c/pharmacy".to_string()
            ),
            (
                "a",
                "h1",
                "急诊科",
                "Z-CR-07".to_string(),
                ymd(2024, 11, 30),
                "a/emergency".to_string()
            ),
            (
                "b",
                "h2",
                "急诊科",
                "Z-YL-06".to_string(),
                ymd(2024, 12, 1),
                "b/emergency".to_string()
            ),
        ]
    );
    // On its deadline a rectification is not overdue yet.
    assert_eq!(list(ymd(2024, 12, 1)).len(), 2);
    assert!(list(ymd(2023, 12, 1)).is_empty());
}
