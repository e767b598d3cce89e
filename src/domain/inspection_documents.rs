//! The documents printed on site from one inspection, as structured [`Document`]s (never HTML):
//! the 现场检查笔录 (`onsite_record`) and the 卫生监督意见书 (`opinion_letter`). Here: what both
//! read from the inspection (its areas in checklist order with their answers, the problems, the
//! officers' names and 执法证号) and the wording of handling measures. Pure.

mod onsite_record;
mod opinion_letter;

use chrono::NaiveDate;

pub use onsite_record::{onsite_record, onsite_record_digest, signer_name, CONFIRMATION};
pub use opinion_letter::{opinion_letter, LetterDetails};

use super::catalog::{Area, Catalog, CheckPoint, ChecklistTable};
use super::document::{chinese_date, sentence, DATE_PLACEHOLDER, UNKNOWN_OFFICER};
use super::handling::Handling;
use super::inspection::{Answer, Inspection, SectionCounts, Verdict};
use super::inspector::Inspector;
use super::institution::{Institution, RegistrationKind};
use super::labelled::Labelled;

/// One area of the inspection as the documents list it: its points in catalog order.
#[derive(Debug, Clone)]
struct AreaPoints<'a> {
    area: &'a Area,
    points: Vec<&'a CheckPoint>,
}

/// A 不符合 answer with its check point.
#[derive(Debug, Clone, Copy)]
struct Problem<'a> {
    point: &'a CheckPoint,
    answer: &'a Answer,
}

impl Problem<'_> {
    /// What was found: the description, or the point's first 规范用语 when it has none.
    fn description(&self) -> String {
        let typed = self.answer.description.trim();
        let text = if typed.is_empty() {
            self.point
                .phrasings
                .first()
                .map_or(self.point.text.as_str(), String::as_str)
        } else {
            typed
        };
        sentence(text)
    }

    /// "法律依据：《医疗机构管理条例》第二十五条。", or nothing without a basis.
    fn basis(&self) -> String {
        let basis = self.point.basis.trim();
        if basis.is_empty() {
            String::new()
        } else {
            format!("法律依据：{}", sentence(basis))
        }
    }
}

/// The table the inspection was checked against and its areas in order, each with the points
/// the checklist generates for the institution plus any other point answered (so an answer
/// survives a later change of the institution's type or services). Without a type, the table
/// of the answered points and only those.
fn areas<'a>(
    catalog: &'a Catalog,
    inspection: &Inspection,
    institution: &Institution,
) -> Option<(&'a ChecklistTable, Vec<AreaPoints<'a>>)> {
    let answered = |p: &CheckPoint| inspection.verdict(&p.id) != Verdict::Unchecked;
    let table = match institution.kind.and_then(|k| catalog.table_for(k)) {
        Some(table) => table,
        None => catalog.tables.iter().find(|t| t.points().any(&answered))?,
    };
    let applies = |p: &CheckPoint| {
        institution
            .kind
            .is_some_and(|k| p.applies_to(k, &institution.services))
    };
    let areas = table
        .areas
        .iter()
        .map(|area| AreaPoints {
            area,
            points: area
                .sub_items
                .iter()
                .flat_map(|s| &s.points)
                .filter(|p| applies(p) || answered(p))
                .collect(),
        })
        .filter(|a| !a.points.is_empty())
        .collect();
    Some((table, areas))
}

impl<'a> AreaPoints<'a> {
    fn counts(&self, inspection: &Inspection) -> SectionCounts {
        inspection.counts(self.points.iter().map(|p| p.id.as_str()))
    }

    fn problems(&self, inspection: &'a Inspection) -> impl Iterator<Item = Problem<'a>> + '_ {
        self.points.iter().filter_map(move |&point| {
            let answer = inspection.answers.get(&point.id)?;
            (answer.verdict == Verdict::NonCompliant).then_some(Problem { point, answer })
        })
    }
}

/// "共检查12项：符合9项，不符合2项，合理缺项1项" (合理缺项 only when there is one), then "；
/// 另有3项未检查" for points left 未检查; "未检查（共3项）" when none was checked.
fn counts_sentence(counts: SectionCounts) -> String {
    let unchecked = counts.total - counts.checked;
    let checked = counts.checked + counts.not_applicable;
    if checked == 0 {
        return format!("未检查（共{unchecked}项）");
    }
    let mut text = format!(
        "共检查{checked}项：符合{}项，不符合{}项",
        counts.checked - counts.non_compliant,
        counts.non_compliant
    );
    if counts.not_applicable > 0 {
        text.push_str(&format!("，合理缺项{}项", counts.not_applicable));
    }
    if unchecked > 0 {
        text.push_str(&format!("；另有{unchecked}项未检查"));
    }
    text
}

/// The sum of several areas' counts.
fn total(counts: impl IntoIterator<Item = SectionCounts>) -> SectionCounts {
    counts
        .into_iter()
        .fold(SectionCounts::default(), |sum, c| SectionCounts {
            checked: sum.checked + c.checked,
            total: sum.total + c.total,
            non_compliant: sum.non_compliant + c.non_compliant,
            not_applicable: sum.not_applicable + c.not_applicable,
        })
}

/// An officer as printed: the name and 执法证号 from the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Officer {
    id: String,
    name: String,
    certificate: String,
}

impl Officer {
    fn of(id: &str, roster: &[Inspector]) -> Self {
        let found = roster.iter().find(|i| i.id == id);
        Self {
            id: id.to_string(),
            name: found.map_or(UNKNOWN_OFFICER.to_string(), |i| {
                i.display_name().to_string()
            }),
            certificate: found.map_or(String::new(), |i| i.certificate_number.trim().to_string()),
        }
    }

    /// "执法证号：A001" (a blank to fill in by hand when the roster has none).
    fn certificate_line(&self) -> String {
        if self.certificate.is_empty() {
            "执法证号：　　　　　　".to_string()
        } else {
            format!("执法证号：{}", self.certificate)
        }
    }
}

/// The inspection's officers in the order assigned, each once.
fn officers(inspection: &Inspection, roster: &[Inspector]) -> Vec<Officer> {
    let mut ids: Vec<&str> = Vec::new();
    for assignment in &inspection.inspectors {
        if !ids.contains(&assignment.inspector_id.as_str()) {
            ids.push(&assignment.inspector_id);
        }
    }
    ids.into_iter().map(|id| Officer::of(id, roster)).collect()
}

/// "张三、李四".
fn names(officers: &[Officer]) -> String {
    officers
        .iter()
        .map(|o| o.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// The 统一社会信用代码 or 登记号 fact's label.
fn registration_label(kind: RegistrationKind) -> &'static str {
    match kind {
        RegistrationKind::CreditCode => kind.label(),
        RegistrationKind::Other => "登记号",
    }
}

/// The inspection day, or a blank date to fill in by hand.
fn inspection_day(inspection: &Inspection) -> String {
    inspection
        .date
        .map_or(DATE_PLACEHOLDER.to_string(), chinese_date)
}

/// A measure as the 现场检查笔录 records it, e.g. "责令于2026年12月10日前改正".
fn measure_text(measure: &Handling, inspected: Option<NaiveDate>) -> String {
    match measure {
        Handling::OrderCorrection { deadline } => match correction_day(*deadline, inspected) {
            Correction::Now => "责令立即改正".to_string(),
            Correction::By(day) => format!("责令于{}前改正", chinese_date(day)),
            Correction::Unset => format!("责令于{DATE_PLACEHOLDER}前改正"),
        },
        Handling::CaseFiled { case_number } => match case_number.trim() {
            "" => "立案查处".to_string(),
            number => format!("立案查处（案件编号：{number}）"),
        },
        Handling::Fine { amount_yuan } => format!("罚没款{amount_yuan}元"),
        Handling::RevokeLicense => "吊销《医疗机构执业许可证》".to_string(),
        Handling::RevokeSubject { subject } => match subject.trim() {
            "" => "吊销诊疗科目".to_string(),
            subject => format!("吊销诊疗科目（{subject}）"),
        },
        Handling::Transfer { department } => match department.trim() {
            "" => "移送有关部门处理".to_string(),
            department => format!("移送{department}处理"),
        },
        Handling::RectificationAdvice { text } => match text.trim() {
            "" => "提出整改意见".to_string(),
            text => format!("提出整改意见“{}”", text.trim_end_matches(['。', '；', ';'])),
        },
    }
}

/// When a correction is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Correction {
    /// 立即改正: due the day of the inspection (or a deadline before it).
    Now,
    By(NaiveDate),
    /// No deadline: a blank date to fill in by hand.
    Unset,
}

fn correction_day(deadline: Option<NaiveDate>, inspected: Option<NaiveDate>) -> Correction {
    match (deadline, inspected) {
        (None, _) => Correction::Unset,
        (Some(day), Some(inspected)) if day <= inspected => Correction::Now,
        (Some(day), _) => Correction::By(day),
    }
}
