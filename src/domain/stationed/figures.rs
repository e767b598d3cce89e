//! The figures of the yearly 驻点监督 work summary (工作总结, due by 12月31日) and the overdue
//! rectifications across all stays (for the home page). Pure.
//!
//! A year's figures count the stays finished that year: 反馈 given (`feedback_on`) within it.
//! Their problems are the register's (不符合 answers and complaints found 属实 or 部分属实;
//! sheets 合理缺项 as a whole count nothing); a stay still running has not had its 汇总会, so
//! its problems are not classified yet and are left out (it is counted as in progress). Whether
//! a rectification is overdue is judged on `today`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::register::{problems, Problem, ProblemRef};
use super::scenes::{Area, ListKind, StationedCatalog};
use super::sheet::{ComplaintFinding, HandlingKind, SceneSheet, SheetStatus};
use super::stay::{Stay, StayPhase};
use crate::domain::labelled::Labelled;

/// The label of problems with no handling yet.
pub const UNHANDLED: &str = "未处理";

/// The figures of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFigures<'a> {
    pub year: i32,
    /// 反馈 given within the year.
    pub stays_done: usize,
    /// Begun by `today` and by the year's end, 反馈 not given yet.
    pub stays_in_progress: usize,
    /// Distinct hospitals among the stays done.
    pub hospitals_covered: usize,
    /// Scene sheets marked finished (书面审查 and 社会反映问题 are not scenes).
    pub scenes_done: usize,
    /// Scene sheets 合理缺项 as a whole.
    pub scenes_not_applicable: usize,
    pub problems: usize,
    /// Every content area in catalog order, with its problems (zero included).
    pub problems_by_area: Vec<(&'a Area, usize)>,
    /// Every kind of handling in its order, with its problems (zero included).
    pub problems_by_handling: Vec<(HandlingKind, usize)>,
    /// Problems without a handling ([`UNHANDLED`]).
    pub unhandled: usize,
    /// Problems ending in a case: 立案查处, or a 复查 that found them not corrected.
    pub cases: usize,
    /// 责令限期改正 found corrected at the 复查.
    pub corrected: usize,
    /// 责令限期改正 found not corrected at the 复查 (→ 立案查处).
    pub not_corrected: usize,
    /// 责令限期改正 past the deadline on `today` with no 复查.
    pub overdue: usize,
    /// Complaints no longer 核查中.
    pub complaints_verified: usize,
    /// … of which 属实.
    pub complaints_confirmed: usize,
    /// … of which 部分属实.
    pub complaints_partly_confirmed: usize,
}

/// A rectification past its deadline, for the home page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueProblem<'a> {
    pub stay_id: &'a str,
    pub institution_id: &'a str,
    pub at: ProblemRef,
    /// The scene or list name (e.g. 急诊科).
    pub target_name: &'a str,
    pub deadline: NaiveDate,
}

/// Each stay's sheets (sheets of stays not given are dropped), stays in the order given.
fn sheets_by_stay<'a>(
    stays: &[&'a Stay],
    sheets: &[&'a SceneSheet],
) -> Vec<(&'a Stay, Vec<&'a SceneSheet>)> {
    let mut by_id: BTreeMap<&str, Vec<&'a SceneSheet>> = BTreeMap::new();
    for sheet in sheets {
        by_id.entry(&sheet.stay_id).or_default().push(sheet);
    }
    stays
        .iter()
        .map(|stay| {
            (
                *stay,
                by_id.get(stay.id.as_str()).cloned().unwrap_or_default(),
            )
        })
        .collect()
}

/// A stay under way on `today` that had begun by the end of `year`.
fn in_progress(stay: &Stay, year: i32, today: NaiveDate) -> bool {
    let begun_in_time = stay.start.is_none_or(|s| s.year() <= year);
    stay.feedback_on.is_none()
        && matches!(
            stay.phase(today),
            StayPhase::Stationed | StayPhase::Summarised
        )
        && begun_in_time
}

/// The figures of `year` over all stays and sheets.
pub fn year_figures<'a>(
    catalog: &'a StationedCatalog,
    year: i32,
    stays: &[&'a Stay],
    sheets: &[&'a SceneSheet],
    today: NaiveDate,
) -> YearFigures<'a> {
    let mut figures = YearFigures {
        year,
        stays_done: 0,
        stays_in_progress: 0,
        hospitals_covered: 0,
        scenes_done: 0,
        scenes_not_applicable: 0,
        problems: 0,
        problems_by_area: catalog.areas.iter().map(|a| (a, 0)).collect(),
        problems_by_handling: HandlingKind::ALL.iter().map(|k| (*k, 0)).collect(),
        unhandled: 0,
        cases: 0,
        corrected: 0,
        not_corrected: 0,
        overdue: 0,
        complaints_verified: 0,
        complaints_confirmed: 0,
        complaints_partly_confirmed: 0,
    };
    let complaints_list = catalog.list(ListKind::Complaints).map(|l| l.id.as_str());
    let mut hospitals = BTreeSet::new();
    for (stay, stay_sheets) in sheets_by_stay(stays, sheets) {
        if in_progress(stay, year, today) {
            figures.stays_in_progress += 1;
        }
        if stay.feedback_on.is_none_or(|d| d.year() != year) {
            continue;
        }
        figures.stays_done += 1;
        hospitals.insert(stay.institution_id.as_str());
        for sheet in &stay_sheets {
            if catalog.scene(&sheet.target).is_some() {
                match sheet.status() {
                    SheetStatus::Done => figures.scenes_done += 1,
                    SheetStatus::NotApplicable => figures.scenes_not_applicable += 1,
                    _ => {}
                }
            }
            if Some(sheet.target.as_str()) == complaints_list && sheet.not_applicable.is_none() {
                for complaint in &sheet.complaints {
                    match complaint.finding {
                        ComplaintFinding::Pending => continue,
                        ComplaintFinding::Confirmed => figures.complaints_confirmed += 1,
                        ComplaintFinding::PartlyConfirmed => {
                            figures.complaints_partly_confirmed += 1
                        }
                        ComplaintFinding::Unfounded => {}
                    }
                    figures.complaints_verified += 1;
                }
            }
        }
        for problem in problems(catalog, &stay_sheets) {
            count(&mut figures, &problem, today);
        }
    }
    figures.hospitals_covered = hospitals.len();
    figures
}

/// Adds one problem to the figures.
fn count(figures: &mut YearFigures<'_>, problem: &Problem<'_>, today: NaiveDate) {
    figures.problems += 1;
    if let Some((_, n)) = figures
        .problems_by_area
        .iter_mut()
        .find(|(a, _)| a.id == problem.area.id)
    {
        *n += 1;
    }
    let Some(handling) = problem.handling else {
        figures.unhandled += 1;
        return;
    };
    if let Some((_, n)) = figures
        .problems_by_handling
        .iter_mut()
        .find(|(k, _)| *k == handling.kind())
    {
        *n += 1;
    }
    if handling.is_case() {
        figures.cases += 1;
    }
    if handling.is_verified_corrected() {
        figures.corrected += 1;
    }
    if handling.is_case() && handling.kind() == HandlingKind::Rectify {
        // A 复查 found it not corrected.
        figures.not_corrected += 1;
    }
    if handling.is_overdue(today) {
        figures.overdue += 1;
    }
}

/// Every 责令限期改正 past its deadline on `today` with no 复查, across all stays (whatever
/// their phase), earliest deadline first.
pub fn overdue_problems<'a>(
    catalog: &'a StationedCatalog,
    stays: &[&'a Stay],
    sheets: &[&'a SceneSheet],
    today: NaiveDate,
) -> Vec<OverdueProblem<'a>> {
    let mut all = Vec::new();
    for (stay, stay_sheets) in sheets_by_stay(stays, sheets) {
        for problem in problems(catalog, &stay_sheets) {
            let Some(handling) = problem.handling.filter(|h| h.is_overdue(today)) else {
                continue;
            };
            let Some(deadline) = handling.deadline() else {
                continue;
            };
            all.push(OverdueProblem {
                stay_id: &stay.id,
                institution_id: &stay.institution_id,
                at: problem.at,
                target_name: problem.target_name,
                deadline,
            });
        }
    }
    all.sort_by(|a, b| (a.deadline, a.stay_id, &a.at).cmp(&(b.deadline, b.stay_id, &b.at)));
    all
}
