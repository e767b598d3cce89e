//! The 卫生监督建议书 draft: for a hospital whose problems show 管理混乱、违法行为突出、屡教不改, the
//! plan has the supervising body report it to the county health bureau with suggestions. The
//! facts are the problems flagged for it (or those the user picks), by content area; the
//! suggestions are a drafted text the user edits.

use super::{
    basis_sentence, chinese_date, chinese_number, finding, Document, Issuer, Section, StayFacts,
};
use crate::domain::labelled::Labelled;
use crate::domain::stationed::register::{Problem, ProblemRef};
use crate::domain::stationed::sheet::{HandlingKind, ProblemHandling};

/// Which problems the 监督建议书 states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdviceScope {
    /// Those handled as 监督建议书 at the 汇总会.
    Flagged,
    /// Every problem of the stay.
    All,
    /// Those the user picked, in register order whatever the order given.
    Chosen(Vec<ProblemRef>),
}

impl AdviceScope {
    fn includes(&self, problem: &Problem) -> bool {
        match self {
            Self::Flagged => problem.handling.map(|h| h.kind()) == Some(HandlingKind::Advice),
            Self::All => true,
            Self::Chosen(refs) => refs.contains(&problem.at),
        }
    }
}

/// Whether any problem of the stay is handled as 监督建议书 (the UI then offers the draft).
pub fn flagged_for_advice(facts: &StayFacts) -> bool {
    facts
        .register()
        .iter()
        .flat_map(|a| a.targets.iter().flat_map(|t| &t.problems))
        .any(|p| AdviceScope::Flagged.includes(p))
}

/// The suggestions as drafted, one paragraph a line, for the user to edit.
pub fn draft_suggestions(hospital: &str) -> String {
    [
        "建议你局：".to_string(),
        format!(
            "1．约谈{hospital}主要负责人，通报驻点监督发现的问题，督促其切实履行依法执业主体责任；"
        ),
        "2．将上述问题纳入对该院的依法执业评价和《医疗机构执业许可证》校验管理；".to_string(),
        "3．督促该院建立健全内部管理制度，全面落实整改，我所将跟踪复查并依法查处违法行为。"
            .to_string(),
    ]
    .join("\n")
}

/// The 卫生监督建议书 to `issuer.bureau` about the stay's hospital, stating the problems of
/// `scope` and the `suggestions` (one paragraph a line; none: [`draft_suggestions`]).
pub fn advice(
    facts: &StayFacts,
    issuer: &Issuer,
    scope: &AdviceScope,
    suggestions: Option<&str>,
) -> Document {
    let mut sections = vec![Section::plain(vec![format!(
        "{}，我所驻点监督组对{}依法执业情况开展了驻点监督，发现该院存在下列问题。根据医疗机构驻点监督工作方案，对管理混乱、违法行为突出、屡教不改的医疗机构提出监督建议书并报送你局。现将有关情况报告如下：",
        facts.period(),
        facts.hospital
    )])];
    sections.push(Section::headed(1, "一、存在的问题".to_string()));
    let mut number = 0;
    let mut area_number = 0;
    for area in facts.register() {
        let problems: Vec<&Problem> = area
            .targets
            .iter()
            .flat_map(|t| &t.problems)
            .filter(|p| scope.includes(p))
            .collect();
        if problems.is_empty() {
            continue;
        }
        area_number += 1;
        let mut section = Section::headed(
            2,
            format!("（{}）{}", chinese_number(area_number), area.area.title),
        );
        for problem in problems {
            number += 1;
            section.items.push(item(number, problem));
        }
        sections.push(section);
    }
    if number == 0 {
        if let Some(heading) = sections.last_mut() {
            heading
                .paragraphs
                .push("（尚未选定列入监督建议书的问题）".to_string());
        }
    }
    let text = suggestions.map_or_else(|| draft_suggestions(&facts.hospital), str::to_string);
    let mut suggested = Section::headed(1, "二、监督建议".to_string());
    suggested.paragraphs = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    sections.push(suggested);
    sections.push(Section::plain(vec!["以上建议，请研究处理。".to_string()]));
    Document {
        title: "卫生监督建议书".to_string(),
        addressee: issuer.bureau.clone(),
        sections,
        signature: issuer.signature(),
        ..Document::default()
    }
}

/// "1．急诊科：……。法律依据：……。处理情况：……。" (the handling only when it is not the
/// 监督建议书 itself).
fn item(number: usize, problem: &Problem) -> String {
    let what = finding(problem, "社会反映", "经核查：");
    let basis = basis_sentence(problem);
    let handled = match problem.handling {
        None | Some(ProblemHandling::Advice) => String::new(),
        Some(ProblemHandling::Rectify {
            deadline: Some(day),
            ..
        }) => format!(
            "处理情况：{}（整改期限{}）。",
            HandlingKind::Rectify.label(),
            chinese_date(*day)
        ),
        Some(h) => format!("处理情况：{}。", h.kind().label()),
    };
    format!("{number}．{}：{what}{basis}{handled}", problem.target_name)
}
