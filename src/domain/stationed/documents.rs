//! The documents that close a stay, as plain structured data the UI renders and prints (never
//! HTML): the 反馈意见 to the hospital (`feedback`) and the 卫生监督建议书 to the county health
//! bureau (`advice`). Here: the stay's facts with names resolved and what keeps the feedback from
//! being final; the `Document` shape and the Chinese dates and numbers live in `domain::document`
//! and are re-exported here. Pure.

pub mod advice;
pub mod feedback;

use chrono::NaiveDate;

use super::register::{register, AreaGroup, Problem, ProblemRef};
use super::scenes::StationedCatalog;
use super::sheet::{HandlingKind, SceneSheet};
use super::stay::{Stay, StayGroup};
use crate::domain::labelled::Labelled;

pub use crate::domain::document::{
    chinese_date, chinese_number, sentence, Document, Fact, Figure, Section, SignatureLine,
    DATE_PLACEHOLDER, UNKNOWN_OFFICER,
};
pub use advice::{advice, draft_suggestions, flagged_for_advice, AdviceScope};
pub use feedback::{feedback, Feedback};

/// The county health bureau as the plan names it: where a 监督建议书 is reported.
pub const COUNTY_BUREAU: &str = "县卫生健康局";

/// Who signs: the supervising body (e.g. XX县卫生计生监督所), the bureau a 监督建议书 goes to,
/// and the date printed under the body (none: a blank date to fill in by hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    pub body: String,
    pub bureau: String,
    pub dated: Option<NaiveDate>,
}

impl Issuer {
    /// The 落款 lines: the body, then the date or its placeholder.
    pub fn signature(&self) -> Vec<String> {
        let date = self
            .dated
            .map_or(DATE_PLACEHOLDER.to_string(), chinese_date);
        vec![self.body.clone(), date]
    }
}

/// The group's names as printed: roster ids resolved, township staff as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupNames {
    pub leader: Option<String>,
    pub deputy: Option<String>,
    pub members: Vec<String>,
    pub township_staff: Vec<String>,
}

impl GroupNames {
    /// Resolves the officers' ids with `name` (an officer it does not know is [`UNKNOWN_OFFICER`]).
    pub fn of(group: &StayGroup, name: impl Fn(&str) -> Option<String>) -> Self {
        let named = |id: &String| name(id).unwrap_or_else(|| UNKNOWN_OFFICER.to_string());
        Self {
            leader: group.leader.as_ref().map(named),
            deputy: group.deputy.as_ref().map(named),
            members: group.members.iter().map(named).collect(),
            township_staff: group
                .township_staff
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }

    /// "组长：张三；副组长：李四；成员：王五、赵六；乡镇参与人员：钱七", roles without anyone left out.
    pub fn line(&self) -> String {
        let parts: Vec<String> = [
            ("组长", self.leader.iter().cloned().collect::<Vec<_>>()),
            ("副组长", self.deputy.iter().cloned().collect()),
            ("成员", self.members.clone()),
            ("乡镇参与人员", self.township_staff.clone()),
        ]
        .into_iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(role, names)| format!("{role}：{}", names.join("、")))
        .collect();
        if parts.is_empty() {
            "未指定".to_string()
        } else {
            parts.join("；")
        }
    }
}

/// What the documents and the 问题汇总表 say about one stay.
#[derive(Debug, Clone)]
pub struct StayFacts<'a> {
    pub catalog: &'a StationedCatalog,
    pub stay: &'a Stay,
    /// 医院名称 as registered.
    pub hospital: String,
    pub group: GroupNames,
    /// The stay's sheets (sheets of other stays are left out).
    pub sheets: Vec<&'a SceneSheet>,
}

impl<'a> StayFacts<'a> {
    /// The facts of `stay` at `hospital`, from any sheets (only the stay's own are kept), with
    /// officers' names looked up by `name`.
    pub fn new(
        catalog: &'a StationedCatalog,
        stay: &'a Stay,
        hospital: &str,
        sheets: impl IntoIterator<Item = &'a SceneSheet>,
        name: impl Fn(&str) -> Option<String>,
    ) -> Self {
        Self {
            catalog,
            stay,
            hospital: hospital.trim().to_string(),
            group: GroupNames::of(&stay.group, name),
            sheets: sheets
                .into_iter()
                .filter(|s| s.stay_id == stay.id)
                .collect(),
        }
    }

    /// The problem register: by content area, then scene.
    pub fn register(&self) -> Vec<AreaGroup<'a>> {
        register(self.catalog, &self.sheets)
    }

    /// "2024年10月8日至2024年10月25日" (placeholders for a missing date).
    pub fn period(&self) -> String {
        let day = |d: Option<NaiveDate>| d.map_or(DATE_PLACEHOLDER.to_string(), chinese_date);
        format!("{}至{}", day(self.stay.start), day(self.stay.end))
    }
}

/// A problem whose handling is not settled: the 反馈意见 is not final while any remains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsettled {
    pub at: ProblemRef,
    /// The scene or list where it was found.
    pub place: String,
    /// Its 问题描述 (or what was checked, when the description is empty).
    pub problem: String,
    /// What is missing, in Chinese.
    pub missing: &'static str,
}

impl Unsettled {
    /// "急诊科：未按规定报告传染病疫情（未确定处理方式）".
    pub fn message(&self) -> String {
        format!("{}：{}（{}）", self.place, self.problem, self.missing)
    }
}

/// Every problem of the stay without a settled handling, in register order.
pub fn unsettled(facts: &StayFacts) -> Vec<Unsettled> {
    facts
        .register()
        .iter()
        .flat_map(|area| area.targets.iter().flat_map(|t| &t.problems))
        .filter(|p| !p.is_settled())
        .map(|p| Unsettled {
            at: p.at.clone(),
            place: p.target_name.to_string(),
            problem: problem_text(p).to_string(),
            missing: p
                .handling
                .and_then(|h| h.missing())
                .unwrap_or("未确定处理方式"),
        })
        .collect()
}

/// What was found, as a sentence: the problem's description, or for a complaint
/// "<lead>“<content>”，<verified><description>".
pub fn finding(problem: &Problem, lead: &str, verified: &str) -> String {
    match problem.complaint {
        Some(content) => format!(
            "{lead}“{}”，{verified}{}",
            content.trim(),
            sentence(problem_text(problem))
        ),
        None => sentence(problem_text(problem)),
    }
}

/// "法律依据：……。", or nothing for a problem without a basis (a complaint).
pub fn basis_sentence(problem: &Problem) -> String {
    let basis = problem.basis().trim();
    if basis.is_empty() {
        String::new()
    } else {
        format!("法律依据：{}", sentence(basis))
    }
}

/// The problem's own words: its description, or what was checked when it has none.
pub fn problem_text<'p>(problem: &'p Problem) -> &'p str {
    let description = problem.description.trim();
    if description.is_empty() {
        problem.checked().trim()
    } else {
        description
    }
}

/// How many problems each handling has, in the order of [`HandlingKind`], then 待定:
/// "立案查处1项、责令限期改正2项、待定1项" (kinds without problems left out).
pub fn handling_counts<'p, 'a: 'p>(problems: impl IntoIterator<Item = &'p Problem<'a>>) -> String {
    let kinds: Vec<Option<HandlingKind>> = problems
        .into_iter()
        .map(|p| p.handling.map(|h| h.kind()))
        .collect();
    HandlingKind::ALL
        .iter()
        .map(|k| (k.label(), Some(*k)))
        .chain([("待定", None)])
        .filter_map(|(label, kind)| {
            let n = kinds.iter().filter(|k| **k == kind).count();
            (n > 0).then(|| format!("{label}{n}项"))
        })
        .collect::<Vec<_>>()
        .join("、")
}
