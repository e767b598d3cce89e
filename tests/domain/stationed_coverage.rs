//! The coverage board of a hand-built stay (8–14 October 2024), counted by hand from
//! scenes-2024.json.

use chrono::NaiveDate;
use jiandu::domain::inspection::Verdict;
use jiandu::domain::stationed::coverage::{coverage, Cell, Coverage, Row};
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::{Complaint, ComplaintFinding, SceneSheet, SheetStatus};
use jiandu::domain::stationed::stay::Stay;

use super::at;

use SheetStatus::{Done, InProgress, NotApplicable, NotStarted};
use Verdict::{Compliant, NonCompliant};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 10, d).expect("valid date")
}

fn stay() -> Stay {
    let mut stay = Stay::new("s1".into(), "p1".into(), "h1".into(), "2024".into(), at(1));
    stay.start = Some(day(8));
    stay.end = Some(day(14));
    stay
}

fn answer(sheet: &mut SceneSheet, on: u32, answers: &[(&str, Verdict)]) {
    for (id, verdict) in answers {
        sheet.answer(id, day(on), at(on), None, |a| a.verdict = *verdict);
    }
}

fn complaint(id: &str, area: &str, finding: ComplaintFinding, on: u32) -> Complaint {
    Complaint {
        id: id.into(),
        content: "反映内容".into(),
        source: "患者反映".into(),
        area: area.into(),
        finding,
        description: String::new(),
        evidence: String::new(),
        on: day(on),
        updated_at: at(on),
        handling: None,
        media: Vec::new(),
    }
}

/// 急诊科: 传染病 all answered (Z-CR-17 合理缺项), one 医疗服务 point; 发热门诊 合理缺项 as a
/// whole with a stale answer; 药房 marked done with Z-YL-35 unanswered; 污水房 both points
/// 合理缺项; 书面审查 one problem after the stay; three complaints; and another stay's sheet.
fn sheets() -> Vec<SceneSheet> {
    let mut emergency = SceneSheet::new("s1", "emergency", at(1));
    answer(
        &mut emergency,
        8,
        &[
            ("Z-CR-07", NonCompliant),
            ("Z-CR-08", Compliant),
            ("Z-CR-11", Compliant),
            ("Z-CR-17", Verdict::NotApplicable),
        ],
    );
    answer(
        &mut emergency,
        9,
        &[("Z-CR-23", Compliant), ("Z-YL-06", Compliant)],
    );
    let mut fever = SceneSheet::new("s1", "fever_clinic", at(1));
    answer(&mut fever, 9, &[("Z-CR-07", NonCompliant)]);
    fever.not_applicable = Some("未设置发热门诊".into());
    let mut pharmacy = SceneSheet::new("s1", "pharmacy", at(1));
    answer(
        &mut pharmacy,
        8,
        &[
            ("Z-YL-12", Compliant),
            ("Z-YL-14", Compliant),
            ("Z-YL-31", NonCompliant),
            ("Z-YL-32", Compliant),
            ("Z-YL-33", Compliant),
            ("Z-YL-34", Compliant),
        ],
    );
    pharmacy.done = true;
    let mut sewage = SceneSheet::new("s1", "sewage", at(1));
    answer(
        &mut sewage,
        8,
        &[
            ("Z-CR-28", Verdict::NotApplicable),
            ("Z-CR-29", Verdict::NotApplicable),
        ],
    );
    let mut documents = SceneSheet::new("s1", "documents", at(1));
    answer(&mut documents, 16, &[("Z-YL-01", NonCompliant)]);
    let mut complaints = SceneSheet::new("s1", "complaints", at(1));
    complaints.complaints = vec![
        complaint("c1", "CR", ComplaintFinding::Confirmed, 10),
        complaint("c2", "YL", ComplaintFinding::Pending, 10),
        complaint("c3", "FY", ComplaintFinding::Unfounded, 7),
    ];
    let mut elsewhere = SceneSheet::new("s2", "emergency", at(1));
    answer(&mut elsewhere, 9, &[("Z-YL-09", NonCompliant)]);
    vec![
        complaints, sewage, elsewhere, documents, pharmacy, fever, emergency,
    ]
}

fn cell(state: SheetStatus, checked: usize, total: usize, problems: usize) -> Option<Cell> {
    Some(Cell {
        state,
        checked,
        total,
        problems,
    })
}

fn with_board(check: impl FnOnce(&Coverage<'_>)) {
    let sheets = sheets();
    let refs: Vec<&SceneSheet> = sheets.iter().collect();
    check(&coverage(edition_2024(), &stay(), &refs));
}

fn row<'c>(board: &'c Coverage<'_>, target: &str) -> &'c Row<'c> {
    board
        .rows
        .iter()
        .find(|r| r.target == target)
        .unwrap_or_else(|| panic!("no row {target}"))
}

#[test]
fn rows_are_the_scenes_then_the_document_review_and_columns_the_areas() {
    with_board(|board| {
        assert_eq!(board.rows.len(), 33);
        assert_eq!(board.rows[1].name, "急诊科");
        assert_eq!(board.rows[32].name, "书面审查");
        let columns: Vec<&str> = board.columns.iter().map(|c| c.area.id.as_str()).collect();
        assert_eq!(columns, ["YL", "CR", "FY", "FS", "QT"]);
    });
}

#[test]
fn cells_follow_their_areas_points() {
    with_board(|board| {
        let emergency = row(board, "emergency");
        // 传染病 is all answered though the sheet is not marked done; 合理缺项 is out of 4/4.
        assert_eq!(
            emergency.cells,
            [
                cell(InProgress, 1, 6, 0),
                cell(Done, 4, 4, 1),
                None,
                None,
                None
            ]
        );
        assert_eq!(emergency.status, InProgress);
        assert_eq!(
            (emergency.checked, emergency.total, emergency.problems),
            (5, 10, 1)
        );

        // Marked done: 已完成 even with Z-YL-35 unanswered.
        let pharmacy = row(board, "pharmacy");
        assert_eq!(pharmacy.cells[0], cell(Done, 6, 7, 1));
        assert_eq!(pharmacy.status, Done);

        // 合理缺项 as a whole: nothing counts, not even the stale 不符合.
        let fever = row(board, "fever_clinic");
        assert_eq!(fever.cells[1], cell(NotApplicable, 0, 0, 0));
        assert_eq!(fever.status, NotApplicable);

        // Every point 合理缺项: the cell is 合理缺项, the sheet still in progress.
        let sewage = row(board, "sewage");
        assert_eq!(sewage.cells[1], cell(NotApplicable, 0, 0, 0));
        assert_eq!(sewage.status, InProgress);

        let hall = row(board, "outpatient_hall");
        assert_eq!(
            hall.cells,
            [
                cell(NotStarted, 0, 2, 0),
                cell(NotStarted, 0, 1, 0),
                None,
                None,
                cell(NotStarted, 0, 4, 0)
            ]
        );
        assert_eq!(hall.status, NotStarted);

        // 书面审查 has cells where it has points: all five areas.
        let documents = row(board, "documents");
        assert_eq!(
            documents.cells,
            [
                cell(InProgress, 1, 8, 1),
                cell(NotStarted, 0, 6, 0),
                cell(NotStarted, 0, 3, 0),
                cell(NotStarted, 0, 8, 0),
                cell(NotStarted, 0, 1, 0)
            ]
        );
        assert_eq!(
            (documents.checked, documents.total, documents.problems),
            (1, 26, 1)
        );
    });
}

#[test]
fn columns_count_cells_points_and_problems_with_the_complaints() {
    with_board(|board| {
        let figures: Vec<(usize, usize, usize, usize, usize)> = board
            .columns
            .iter()
            .map(|c| (c.done, c.applicable, c.checked, c.total, c.problems))
            .collect();
        assert_eq!(
            figures,
            [
                // 25 scenes + 书面审查; 78 + 8 points; 药房 and 书面审查 one problem each.
                (1, 26, 8, 86, 2),
                // 26 scenes + 书面审查, less 发热门诊 and 污水房; 106 + 6 points less
                // Z-CR-17 of 急诊科, 发热门诊's 10 and 污水房's 2; 急诊科 and complaint c1.
                (1, 25, 4, 99, 2),
                (0, 5, 0, 17, 0),
                (0, 5, 0, 38, 0),
                (0, 5, 0, 8, 0),
            ]
        );
        let complaints = board.complaints.as_ref().expect("complaints row");
        assert_eq!(complaints.name, "社会反映问题核查");
        assert_eq!(complaints.status, InProgress);
        assert_eq!(
            (
                complaints.complaints,
                complaints.pending,
                complaints.problems
            ),
            (3, 1, 1)
        );
        assert_eq!(complaints.problems_by_area, [0, 1, 0, 0, 0]);
    });
}

#[test]
fn the_summary_says_what_is_left() {
    with_board(|board| {
        let s = &board.summary;
        assert_eq!(
            (s.done, s.not_applicable, s.in_progress, s.not_started),
            (1, 1, 3, 28)
        );
        assert_eq!(s.left.len(), 31);
        assert_eq!(
            &s.left[..3],
            ["outpatient_hall", "emergency", "enteric_clinic"]
        );
        assert_eq!(s.left.last(), Some(&"documents"));
        assert!(!s.left.contains(&"pharmacy"));
        assert!(!s.left.contains(&"fever_clinic"));
        assert!(s.left.contains(&"sewage"));
        assert_eq!(s.pending_complaints, 1);
    });
}

/// A day's work as a tuple: day, within the stay, targets, answered, complaints, problems.
type DayRow<'a> = (NaiveDate, bool, Vec<&'a str>, usize, usize, usize);

#[test]
fn work_is_counted_per_day_including_days_outside_the_stay() {
    with_board(|board| {
        let days: Vec<DayRow<'_>> = board
            .days
            .iter()
            .map(|d| {
                (
                    d.day,
                    d.in_stay,
                    d.targets.clone(),
                    d.answered,
                    d.complaints,
                    d.problems,
                )
            })
            .collect();
        assert_eq!(
            days,
            [
                (day(7), false, vec!["complaints"], 0, 1, 0),
                (
                    day(8),
                    true,
                    vec!["emergency", "pharmacy", "sewage"],
                    12,
                    0,
                    2
                ),
                (day(9), true, vec!["emergency"], 2, 0, 0),
                (day(10), true, vec!["complaints"], 0, 2, 1),
                (day(11), true, vec![], 0, 0, 0),
                (day(12), true, vec![], 0, 0, 0),
                (day(13), true, vec![], 0, 0, 0),
                (day(14), true, vec![], 0, 0, 0),
                (day(16), false, vec!["documents"], 1, 0, 1),
            ]
        );
        assert!(board.days[4..8].iter().all(|d| d.is_empty()));
    });
}

#[test]
fn a_stay_without_sheets_has_everything_left() {
    let board = coverage(edition_2024(), &stay(), &[]);
    assert_eq!(board.summary.not_started, 33);
    assert_eq!(board.summary.left.len(), 33);
    assert_eq!(board.columns[0].applicable, 26);
    assert_eq!(board.columns[0].total, 86);
    assert_eq!(board.days.len(), 7);
    let complaints = board.complaints.expect("complaints row");
    assert_eq!((complaints.status, complaints.complaints), (NotStarted, 0));
}
