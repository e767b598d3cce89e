//! The coverage board (覆盖情况) of one stay: every target (the catalog's scenes in order, then
//! the 书面审查 list) against every content area, each cell with its state, its checked/total
//! points and its problems; row and column totals; a summary of what is done and what is left;
//! the 社会反映问题 list as its own row; and the work recorded day by day. Pure.
//!
//! Rules, as the board shows them:
//! - A cell exists where the scene lists the area (for 书面审查, where it has points of the
//!   area). 合理缺项 points are in neither number, like the rest of the app.
//! - A cell is 已完成 when its sheet is marked finished, or when every point of the area has an
//!   answer other than 未检查 even though the sheet is not marked yet: the board shows what has
//!   been looked at. A cell whose points are all answered 合理缺项 is 合理缺项.
//! - A row, the summary and "what is left" follow the sheet's own mark (`SceneSheet::status`):
//!   a scene whose points are all answered but not yet marked finished is still left, since its
//!   completion problems (a missing 问题描述, a missing reason) may still stand.
//! - A sheet that is 合理缺项 as a whole counts nothing (as in the register), including for the
//!   days; a target without a sheet is 未开始.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::register::problems;
use super::scenes::{Area, ListKind, Point, StationedCatalog};
use super::sheet::{ComplaintFinding, SceneSheet, SheetStatus};
use super::stay::Stay;
use crate::domain::inspection::Verdict;

/// A target's points of one content area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub state: SheetStatus,
    /// Points answered 符合 or 不符合.
    pub checked: usize,
    /// Points of the area, 合理缺项 left out.
    pub total: usize,
    /// 不符合 answers.
    pub problems: usize,
}

/// A scene (or the 书面审查 list) across the content areas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub target: &'a str,
    pub name: &'a str,
    /// The sheet's status (未开始 without a sheet).
    pub status: SheetStatus,
    /// One per column, in the columns' order; `None` where the target does not check the area.
    pub cells: Vec<Option<Cell>>,
    pub checked: usize,
    pub total: usize,
    pub problems: usize,
}

/// A content area down the targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column<'a> {
    pub area: &'a Area,
    /// Cells 已完成.
    pub done: usize,
    /// Cells that exist and are not 合理缺项.
    pub applicable: usize,
    pub checked: usize,
    pub total: usize,
    /// The cells' problems plus the confirmed complaints about this area.
    pub problems: usize,
}

/// The 社会反映问题 list: complaints rather than points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintsRow<'a> {
    pub target: &'a str,
    pub name: &'a str,
    pub status: SheetStatus,
    pub complaints: usize,
    /// Still 核查中.
    pub pending: usize,
    /// Found 属实 or 部分属实.
    pub problems: usize,
    /// The problems by column (a complaint naming no known area counts under the last, 其他).
    pub problems_by_area: Vec<usize>,
}

/// Progress over the rows (scenes and 书面审查).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary<'a> {
    pub done: usize,
    pub not_applicable: usize,
    pub in_progress: usize,
    pub not_started: usize,
    /// Targets neither finished nor 合理缺项, in board order.
    pub left: Vec<&'a str>,
    /// Complaints still 核查中.
    pub pending_complaints: usize,
}

/// The work recorded on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayWork<'a> {
    pub day: NaiveDate,
    /// Within the stay's dates (other days appear only when something was recorded on them).
    pub in_stay: bool,
    /// Targets with an answer or a complaint recorded that day, in board order (the
    /// 社会反映问题 list last).
    pub targets: Vec<&'a str>,
    /// Answers other than 未检查 (符合, 不符合, 合理缺项).
    pub answered: usize,
    /// Complaints entered or updated.
    pub complaints: usize,
    /// 不符合 answers and complaints found 属实 or 部分属实.
    pub problems: usize,
}

impl DayWork<'_> {
    /// Nothing was recorded that day.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }
}

/// The whole board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage<'a> {
    pub columns: Vec<Column<'a>>,
    pub rows: Vec<Row<'a>>,
    /// None if the catalog has no 社会反映问题 list.
    pub complaints: Option<ComplaintsRow<'a>>,
    pub summary: Summary<'a>,
    /// Each day of the stay, plus any other day something was recorded, in order.
    pub days: Vec<DayWork<'a>>,
}

/// A target of the board: its id, name, the areas it checks and its points.
struct Target<'a> {
    id: &'a str,
    name: &'a str,
    areas: Vec<(&'a Area, Vec<&'a Point>)>,
}

/// The rows' targets in order: the scenes (each with the areas it lists, even one without
/// points), then the 书面审查 list (the areas of its points).
fn targets(catalog: &StationedCatalog) -> Vec<Target<'_>> {
    let mut all: Vec<Target<'_>> = catalog
        .scenes
        .iter()
        .map(|scene| {
            let grouped = catalog.points_of(scene);
            let areas = catalog
                .areas
                .iter()
                .filter(|a| scene.areas.contains(&a.id))
                .map(|area| {
                    let points = grouped
                        .iter()
                        .find(|(a, _)| a.id == area.id)
                        .map_or_else(Vec::new, |(_, p)| p.clone());
                    (area, points)
                })
                .collect();
            Target {
                id: &scene.id,
                name: &scene.name,
                areas,
            }
        })
        .collect();
    if let Some(list) = catalog.list(ListKind::DocumentReview) {
        all.push(Target {
            id: &list.id,
            name: &list.title,
            areas: catalog.grouped(&list.points),
        });
    }
    all
}

/// One cell from the sheet (if any) and the area's points in the target.
fn cell(sheet: Option<&SceneSheet>, points: &[&Point]) -> Cell {
    let mut cell = Cell {
        state: SheetStatus::NotStarted,
        checked: 0,
        total: 0,
        problems: 0,
    };
    let Some(sheet) = sheet else {
        cell.total = points.len();
        return cell;
    };
    if sheet.not_applicable.is_some() {
        cell.state = SheetStatus::NotApplicable;
        return cell;
    }
    for point in points {
        match sheet.verdict(&point.id) {
            Verdict::NotApplicable => {}
            verdict => {
                cell.total += 1;
                if verdict != Verdict::Unchecked {
                    cell.checked += 1;
                }
                if verdict == Verdict::NonCompliant {
                    cell.problems += 1;
                }
            }
        }
    }
    let all_not_applicable = !points.is_empty() && cell.total == 0;
    cell.state = if all_not_applicable {
        SheetStatus::NotApplicable
    } else if sheet.done || (!points.is_empty() && cell.checked == cell.total) {
        SheetStatus::Done
    } else if cell.checked > 0 {
        SheetStatus::InProgress
    } else {
        SheetStatus::NotStarted
    };
    cell
}

/// The sheet of a target among the stay's sheets.
fn sheet_for<'s>(stay: &Stay, sheets: &[&'s SceneSheet], target: &str) -> Option<&'s SceneSheet> {
    sheets
        .iter()
        .copied()
        .find(|s| s.stay_id == stay.id && s.target == target)
}

/// The coverage board of a stay from its sheets (sheets of other stays are ignored).
pub fn coverage<'a>(
    catalog: &'a StationedCatalog,
    stay: &Stay,
    sheets: &[&'a SceneSheet],
) -> Coverage<'a> {
    let mut columns: Vec<Column<'a>> = catalog
        .areas
        .iter()
        .map(|area| Column {
            area,
            done: 0,
            applicable: 0,
            checked: 0,
            total: 0,
            problems: 0,
        })
        .collect();
    let mut rows = Vec::new();
    let mut summary = Summary::default();
    for target in targets(catalog) {
        let sheet = sheet_for(stay, sheets, target.id);
        let cells: Vec<Option<Cell>> = columns
            .iter()
            .map(|column| {
                target
                    .areas
                    .iter()
                    .find(|(a, _)| a.id == column.area.id)
                    .map(|(_, points)| cell(sheet, points))
            })
            .collect();
        for (column, cell) in columns.iter_mut().zip(&cells) {
            let Some(cell) = cell else { continue };
            if cell.state != SheetStatus::NotApplicable {
                column.applicable += 1;
            }
            if cell.state == SheetStatus::Done {
                column.done += 1;
            }
            column.checked += cell.checked;
            column.total += cell.total;
            column.problems += cell.problems;
        }
        let status = sheet.map_or(SheetStatus::NotStarted, SceneSheet::status);
        match status {
            SheetStatus::Done => summary.done += 1,
            SheetStatus::NotApplicable => summary.not_applicable += 1,
            SheetStatus::InProgress => summary.in_progress += 1,
            SheetStatus::NotStarted => summary.not_started += 1,
        }
        if !matches!(status, SheetStatus::Done | SheetStatus::NotApplicable) {
            summary.left.push(target.id);
        }
        let sum = |f: fn(&Cell) -> usize| cells.iter().flatten().map(f).sum();
        rows.push(Row {
            target: target.id,
            name: target.name,
            status,
            checked: sum(|c| c.checked),
            total: sum(|c| c.total),
            problems: sum(|c| c.problems),
            cells,
        });
    }
    let complaints = catalog.list(ListKind::Complaints).map(|list| {
        let row = complaints_row(catalog, stay, sheets, &list.id, &list.title);
        for (column, n) in columns.iter_mut().zip(&row.problems_by_area) {
            column.problems += n;
        }
        summary.pending_complaints = row.pending;
        row
    });
    Coverage {
        columns,
        rows,
        complaints,
        summary,
        days: days(catalog, stay, sheets),
    }
}

fn complaints_row<'a>(
    catalog: &'a StationedCatalog,
    stay: &Stay,
    sheets: &[&'a SceneSheet],
    id: &'a str,
    name: &'a str,
) -> ComplaintsRow<'a> {
    let sheet = sheet_for(stay, sheets, id).filter(|s| s.not_applicable.is_none());
    let status = sheet_for(stay, sheets, id).map_or(SheetStatus::NotStarted, SceneSheet::status);
    let complaints = sheet.map_or(&[][..], |s| &s.complaints);
    let found = sheet.map_or_else(Vec::new, |s| problems(catalog, &[s]));
    ComplaintsRow {
        target: id,
        name,
        status,
        complaints: complaints.len(),
        pending: complaints
            .iter()
            .filter(|c| c.finding == ComplaintFinding::Pending)
            .count(),
        problems: found.len(),
        problems_by_area: catalog
            .areas
            .iter()
            .map(|a| found.iter().filter(|p| p.area.id == a.id).count())
            .collect(),
    }
}

/// The work day by day: each day of the stay, plus any other day something was recorded.
fn days<'a>(
    catalog: &'a StationedCatalog,
    stay: &Stay,
    sheets: &[&'a SceneSheet],
) -> Vec<DayWork<'a>> {
    let mut by_day: BTreeMap<NaiveDate, DayWork<'a>> = BTreeMap::new();
    for day in stay.each_day() {
        by_day.insert(day, empty_day(stay, day));
    }
    let order = catalog
        .scenes
        .iter()
        .map(|s| s.id.as_str())
        .chain(catalog.lists.iter().map(|l| l.id.as_str()));
    for target in order {
        let Some(sheet) = sheet_for(stay, sheets, target).filter(|s| s.not_applicable.is_none())
        else {
            continue;
        };
        for id in sheet.point_ids(catalog) {
            let Some(answer) = sheet.answers.get(id) else {
                continue;
            };
            if answer.verdict == Verdict::Unchecked {
                continue;
            }
            let work = touch(&mut by_day, stay, answer.on, target);
            work.answered += 1;
            if answer.verdict == Verdict::NonCompliant {
                work.problems += 1;
            }
        }
        for complaint in &sheet.complaints {
            let work = touch(&mut by_day, stay, complaint.on, target);
            work.complaints += 1;
            if complaint.is_problem() {
                work.problems += 1;
            }
        }
    }
    by_day.into_values().collect()
}

/// The day's entry, with the target noted once.
fn touch<'m, 'a>(
    by_day: &'m mut BTreeMap<NaiveDate, DayWork<'a>>,
    stay: &Stay,
    day: NaiveDate,
    target: &'a str,
) -> &'m mut DayWork<'a> {
    let work = by_day.entry(day).or_insert_with(|| empty_day(stay, day));
    if work.targets.last() != Some(&target) {
        work.targets.push(target);
    }
    work
}

fn empty_day<'a>(stay: &Stay, day: NaiveDate) -> DayWork<'a> {
    DayWork {
        day,
        in_stay: stay.covers(day),
        targets: Vec::new(),
        answered: 0,
        complaints: 0,
        problems: 0,
    }
}
