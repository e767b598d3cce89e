//! The problem register (问题登记) of a stay: every 不符合 answer of its sheets and every
//! complaint found 属实 or 部分属实, grouped by content area and then by scene (scenes in the
//! catalog's order, then 书面审查 and 社会反映问题), each with its evidence and, after the 汇总会,
//! its handling. Sheets of scenes the hospital lacks (合理缺项) contribute nothing. Pure.

use chrono::{DateTime, NaiveDate, Utc};

use super::scenes::{Area, Point, StationedCatalog};
use super::sheet::{ProblemHandling, SceneSheet};
use crate::domain::inspection::Verdict;

/// What a problem comes from inside its sheet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemSource {
    Point(String),
    Complaint(String),
}

/// Where a problem is: its sheet and what inside it. Stable across edits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProblemRef {
    pub sheet_id: String,
    pub source: ProblemSource,
}

/// One problem of the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem<'a> {
    pub at: ProblemRef,
    /// The scene or list id, and its name (场景 or 书面审查, 社会反映问题核查).
    pub target: &'a str,
    pub target_name: &'a str,
    pub area: &'a Area,
    /// The check point (none for a complaint).
    pub point: Option<&'a Point>,
    /// For a complaint, its 反映内容.
    pub complaint: Option<&'a str>,
    /// 问题描述 (for a complaint, its 核查情况).
    pub description: &'a str,
    pub evidence: &'a str,
    pub found_on: NaiveDate,
    pub updated_at: DateTime<Utc>,
    pub handling: Option<&'a ProblemHandling>,
}

impl Problem<'_> {
    /// 法律依据 (a complaint has none of its own).
    pub fn basis(&self) -> &str {
        self.point.map_or("", |p| p.basis.as_str())
    }

    /// The check point's text or the complaint's content: what was checked.
    pub fn checked(&self) -> &str {
        self.point
            .map(|p| p.text.as_str())
            .or(self.complaint)
            .unwrap_or("")
    }

    /// Settled: a handling with nothing missing.
    pub fn is_settled(&self) -> bool {
        self.handling.is_some_and(|h| h.missing().is_none())
    }
}

/// A scene's (or list's) problems within an area.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetGroup<'a> {
    pub target: &'a str,
    pub name: &'a str,
    pub problems: Vec<Problem<'a>>,
}

/// An area's problems, scene by scene.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaGroup<'a> {
    pub area: &'a Area,
    pub targets: Vec<TargetGroup<'a>>,
}

impl AreaGroup<'_> {
    pub fn len(&self) -> usize {
        self.targets.iter().map(|t| t.problems.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The targets in register order: the catalog's scenes, then its lists, with their names.
fn targets(catalog: &StationedCatalog) -> impl Iterator<Item = (&str, &str)> {
    catalog
        .scenes
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .chain(
            catalog
                .lists
                .iter()
                .map(|l| (l.id.as_str(), l.title.as_str())),
        )
}

/// The area a complaint names, or the last area (其他) when it names none the catalog knows.
fn complaint_area<'c>(catalog: &'c StationedCatalog, id: &str) -> Option<&'c Area> {
    catalog
        .areas
        .iter()
        .find(|a| a.id == id)
        .or(catalog.areas.last())
}

/// Every problem of the sheets (of one stay), in register order: by target, then by the
/// target's point order, then complaints in the order entered.
pub fn problems<'a>(catalog: &'a StationedCatalog, sheets: &[&'a SceneSheet]) -> Vec<Problem<'a>> {
    let mut all = Vec::new();
    for (target, name) in targets(catalog) {
        for sheet in sheets
            .iter()
            .filter(|s| s.target == target && s.not_applicable.is_none())
        {
            for id in sheet.point_ids(catalog) {
                let (Some(answer), Some(point)) = (sheet.answers.get(id), catalog.point(id)) else {
                    continue;
                };
                if answer.verdict != Verdict::NonCompliant {
                    continue;
                }
                let Some(area) = catalog.area_of(point) else {
                    continue;
                };
                all.push(Problem {
                    at: ProblemRef {
                        sheet_id: sheet.id.clone(),
                        source: ProblemSource::Point(id.clone()),
                    },
                    target,
                    target_name: name,
                    area,
                    point: Some(point),
                    complaint: None,
                    description: &answer.description,
                    evidence: &answer.evidence,
                    found_on: answer.on,
                    updated_at: answer.updated_at,
                    handling: answer.handling.as_ref(),
                });
            }
            for complaint in sheet.complaints.iter().filter(|c| c.is_problem()) {
                let Some(area) = complaint_area(catalog, &complaint.area) else {
                    continue;
                };
                all.push(Problem {
                    at: ProblemRef {
                        sheet_id: sheet.id.clone(),
                        source: ProblemSource::Complaint(complaint.id.clone()),
                    },
                    target,
                    target_name: name,
                    area,
                    point: None,
                    complaint: Some(&complaint.content),
                    description: &complaint.description,
                    evidence: &complaint.evidence,
                    found_on: complaint.on,
                    updated_at: complaint.updated_at,
                    handling: complaint.handling.as_ref(),
                });
            }
        }
    }
    all
}

/// The register: problems grouped by area (catalog order), then by scene (register order);
/// areas and scenes without problems are left out.
pub fn register<'a>(
    catalog: &'a StationedCatalog,
    sheets: &[&'a SceneSheet],
) -> Vec<AreaGroup<'a>> {
    let all = problems(catalog, sheets);
    catalog
        .areas
        .iter()
        .map(|area| {
            let mut targets: Vec<TargetGroup<'a>> = Vec::new();
            for problem in all.iter().filter(|p| p.area.id == area.id) {
                match targets.last_mut() {
                    Some(group) if group.target == problem.target => {
                        group.problems.push(problem.clone())
                    }
                    _ => targets.push(TargetGroup {
                        target: problem.target,
                        name: problem.target_name,
                        problems: vec![problem.clone()],
                    }),
                }
            }
            AreaGroup { area, targets }
        })
        .filter(|group| !group.is_empty())
        .collect()
}

impl SceneSheet {
    /// The handling of one of its problems, if settled.
    pub fn handling(&self, source: &ProblemSource) -> Option<&ProblemHandling> {
        match source {
            ProblemSource::Point(id) => self.answers.get(id)?.handling.as_ref(),
            ProblemSource::Complaint(id) => self
                .complaints
                .iter()
                .find(|c| &c.id == id)?
                .handling
                .as_ref(),
        }
    }

    /// Sets (or clears) the handling of one of its problems; false if there is no such problem.
    pub fn set_handling(
        &mut self,
        source: &ProblemSource,
        handling: Option<ProblemHandling>,
        now: DateTime<Utc>,
    ) -> bool {
        // The problem's own time changes too: merging tablets compares answers one by one.
        let slot = match source {
            ProblemSource::Point(id) => self
                .answers
                .get_mut(id)
                .filter(|a| a.verdict == Verdict::NonCompliant)
                .map(|a| (&mut a.handling, &mut a.updated_at)),
            ProblemSource::Complaint(id) => self
                .complaints
                .iter_mut()
                .find(|c| &c.id == id && c.is_problem())
                .map(|c| (&mut c.handling, &mut c.updated_at)),
        };
        match slot {
            Some((slot, changed)) => {
                *slot = handling;
                *changed = now;
                self.updated_at = now;
                true
            }
            None => false,
        }
    }
}
