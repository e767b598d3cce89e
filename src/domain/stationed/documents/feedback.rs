//! The 反馈意见 to the hospital (总结反馈): what the group did, every problem by content area
//! with its legal basis and the handling settled at the 汇总会, and what the hospital must do.
//! Problems still without a settled handling are returned beside it, never printed as final.

use chrono::NaiveDate;

use super::{
    basis_sentence, chinese_date, chinese_number, finding, handling_counts, sentence, unsettled,
    Document, Issuer, Section, StayFacts, Unsettled, DATE_PLACEHOLDER,
};
use crate::domain::stationed::register::Problem;
use crate::domain::stationed::scenes::ListKind;
use crate::domain::stationed::sheet::{ComplaintFinding, ProblemHandling, SceneSheet, SheetStatus};

/// The 反馈意见 and what keeps it from being final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub document: Document,
    /// Problems whose handling is not settled, in register order: their items read "处理意见待定"
    /// or leave the deadline or department blank.
    pub unsettled: Vec<Unsettled>,
}

impl Feedback {
    /// Every problem has a settled handling.
    pub fn is_final(&self) -> bool {
        self.unsettled.is_empty()
    }
}

/// The 反馈意见 of a stay, signed by `issuer`.
pub fn feedback(facts: &StayFacts, issuer: &Issuer) -> Feedback {
    let register = facts.register();
    let problems: Vec<&Problem> = register
        .iter()
        .flat_map(|a| a.targets.iter().flat_map(|t| &t.problems))
        .collect();
    let mut sections = vec![Section::plain(vec![opening(facts)])];
    let mut found = Section::headed(1, "一、发现的问题及处理意见".to_string());
    if problems.is_empty() {
        found
            .paragraphs
            .push("本次驻点监督未发现违法违规问题。".to_string());
        sections.push(found);
    } else {
        found.paragraphs.push(format!(
            "本次驻点监督共发现问题{}项（{}），具体如下：",
            problems.len(),
            handling_counts(problems.iter().copied())
        ));
        sections.push(found);
        let mut number = 0;
        for (index, area) in register.iter().enumerate() {
            let mut section = Section::headed(
                2,
                format!("（{}）{}", chinese_number(index + 1), area.area.title),
            );
            for problem in area.targets.iter().flat_map(|t| &t.problems) {
                number += 1;
                section.items.push(item(number, problem, &issuer.bureau));
            }
            sections.push(section);
        }
    }
    let mut demands = Section::headed(1, "二、整改要求".to_string());
    demands.paragraphs.push(closing(&problems));
    sections.push(demands);
    Feedback {
        document: Document {
            title: format!("关于{}驻点监督情况的反馈意见", facts.hospital),
            addressee: facts.hospital.clone(),
            sections,
            signature: issuer.signature(),
            ..Document::default()
        },
        unsettled: unsettled(facts),
    }
}

/// When, who and what was checked: scenes, 书面审查, complaints verified.
fn opening(facts: &StayFacts) -> String {
    let leader = facts
        .group
        .leader
        .as_ref()
        .map_or(String::new(), |name| format!("（组长：{name}）"));
    let mut done = Vec::new();
    let scenes = facts
        .sheets
        .iter()
        .filter(|s| facts.catalog.scene(&s.target).is_some() && worked(s))
        .count();
    if scenes > 0 {
        done.push(format!(
            "对你院{scenes}个科室（场所）逐一进行了现场监督检查"
        ));
    }
    let review = facts.catalog.list(ListKind::DocumentReview);
    if facts
        .sheets
        .iter()
        .any(|s| review.is_some_and(|l| l.id == s.target) && worked(s))
    {
        done.push("对许可文件和执业记录逐项进行了书面审查".to_string());
    }
    let complaints: Vec<_> = facts
        .sheets
        .iter()
        .filter(|s| s.is_complaints(facts.catalog) && s.not_applicable.is_none())
        .flat_map(|s| &s.complaints)
        .filter(|c| c.finding != ComplaintFinding::Pending)
        .collect();
    if !complaints.is_empty() {
        let confirmed = complaints.iter().filter(|c| c.is_problem()).count();
        done.push(format!(
            "对{}件社会反映问题进行了核查（其中属实或部分属实{confirmed}件）",
            complaints.len()
        ));
    }
    if done.is_empty() {
        done.push("开展了现场监督检查".to_string());
    }
    format!(
        "{}，我所驻点监督组{leader}进驻你院，对你院依法执业情况开展了驻点监督。监督组按照监督内容，{}。现将有关情况反馈如下：",
        facts.period(),
        done.join("，")
    )
}

/// A sheet with any work in it (not lacking, not untouched).
fn worked(sheet: &SceneSheet) -> bool {
    matches!(sheet.status(), SheetStatus::InProgress | SheetStatus::Done)
}

/// "1．急诊科：……。法律依据：……。处理意见：……。"
fn item(number: usize, problem: &Problem, bureau: &str) -> String {
    let what = finding(problem, "反映", "核查情况：");
    let basis = basis_sentence(problem);
    format!(
        "{number}．{}：{what}{basis}处理意见：{}",
        problem.target_name,
        handling_sentence(problem.handling, bureau)
    )
}

/// The handling as the hospital reads it.
pub fn handling_sentence(handling: Option<&ProblemHandling>, bureau: &str) -> String {
    match handling {
        None => "待定。".to_string(),
        Some(ProblemHandling::Case { .. }) => "依法立案查处。".to_string(),
        Some(ProblemHandling::Rectify { deadline, .. }) => format!(
            "责令限期改正，请于{}前整改完毕，我所将进行复查。",
            deadline.map_or(DATE_PLACEHOLDER.to_string(), chinese_date)
        ),
        Some(ProblemHandling::Opinion { note }) if !note.trim().is_empty() => {
            format!("{}请你院按照整改意见落实整改。", sentence(note))
        }
        Some(ProblemHandling::Opinion { .. }) => "请你院按照整改意见落实整改。".to_string(),
        Some(ProblemHandling::Transfer { department }) => {
            let department = department.trim();
            let to = if department.is_empty() {
                "有关部门"
            } else {
                department
            };
            format!("移送{to}处理。")
        }
        Some(ProblemHandling::Advice) => {
            format!("纳入《卫生监督建议书》，报送{bureau}。")
        }
    }
}

/// The written rectification report, due by the last 责令限期改正 deadline when there is one.
fn closing(problems: &[&Problem]) -> String {
    if problems.is_empty() {
        return "请你院继续落实依法执业主体责任，健全内部管理制度，规范执业行为。".to_string();
    }
    let last: Option<NaiveDate> = problems
        .iter()
        .filter_map(|p| match p.handling {
            Some(ProblemHandling::Rectify {
                deadline: Some(d), ..
            }) => Some(*d),
            _ => None,
        })
        .max();
    let report = match last {
        Some(day) => format!("并于{}前将书面整改报告报送我所", chinese_date(day)),
        None => "并及时将书面整改报告报送我所".to_string(),
    };
    format!(
        "请你院高度重视反馈的问题，认真分析原因，举一反三，按照上述处理意见逐项落实整改，{report}。逾期不改正的，我所将依法立案查处。"
    )
}
