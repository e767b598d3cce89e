//! The 卫生监督意见书: to the inspected unit, the problems found, each with its legal basis from
//! the catalog and what it must correct by when (责令改正 from the finding's measure, in the
//! standard wording), the closing lines, the officers' and the receiving party's lines (签收), and
//! the issuing body's 落款.

use chrono::NaiveDate;

use super::{areas, correction_day, officers, Correction, Problem};
use crate::domain::catalog::Catalog;
use crate::domain::document::{
    chinese_date, Document, Fact, Section, SignatureLine, DATE_PLACEHOLDER,
};
use crate::domain::handling::Handling;
use crate::domain::inspection::Inspection;
use crate::domain::inspector::Inspector;
use crate::domain::institution::Institution;

/// What the letter needs beyond the inspection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterDetails {
    /// The 文号 (from the series or typed); none: not printed.
    pub number: Option<String>,
    /// The deadline for problems whose 责令改正 has none, and for problems without 责令改正.
    pub deadline: Option<NaiveDate>,
    /// The issuing 卫生行政机关 as printed in the 落款 (empty: a placeholder).
    pub body: String,
    /// The date under the body; none: a blank date to fill in by hand.
    pub dated: Option<NaiveDate>,
}

/// The 卫生监督意见书 to `institution` about the 不符合 of `inspection`, in checklist order.
pub fn opinion_letter(
    catalog: &Catalog,
    inspection: &Inspection,
    institution: &Institution,
    roster: &[Inspector],
    details: &LetterDetails,
) -> Document {
    let problems: Vec<Problem> = areas(catalog, inspection, institution)
        .map(|(_, areas)| areas.iter().flat_map(|a| a.problems(inspection)).collect())
        .unwrap_or_default();
    let body = match details.body.trim() {
        "" => "（卫生行政机关名称）".to_string(),
        body => body.to_string(),
    };
    let when = inspection.date.map_or(String::new(), chinese_date);
    let mut sections = Vec::new();
    if problems.is_empty() {
        sections.push(Section::plain(vec![
            format!("经{when}现场监督检查，未发现你单位存在违法违规问题。"),
            "请你单位继续落实依法执业主体责任，健全内部管理制度，规范执业行为。".to_string(),
        ]));
    } else {
        sections.push(Section::plain(vec![format!(
            "经{when}现场监督检查，发现你单位存在下列问题："
        )]));
        let mut dues = Vec::new();
        let items = problems
            .iter()
            .enumerate()
            .map(|(index, problem)| {
                let (demand, due) = demand(problem, inspection.date, details.deadline);
                dues.push(due);
                format!(
                    "{}．{}{}{demand}",
                    index + 1,
                    problem.description(),
                    problem.basis()
                )
            })
            .collect();
        sections.push(Section {
            items,
            ..Section::default()
        });
        sections.push(Section::plain(vec![closing(&dues, &body)]));
    }
    let officers = officers(inspection, roster);
    let mut signatures: Vec<SignatureLine> = officers
        .iter()
        .map(|o| SignatureLine {
            detail: Some(o.certificate_line()),
            ..SignatureLine::blank("卫生监督员（签名）", &o.name)
        })
        .collect();
    signatures.push(SignatureLine::blank("被监督单位签收", ""));
    Document {
        title: "卫生监督意见书".to_string(),
        number: details
            .number
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        facts: vec![
            Fact::new("被监督单位", &institution.name),
            Fact::blank("法定代表人（负责人）"),
            Fact::new("地址", &institution.address),
            Fact::new("联系电话", &institution.contact_phone),
        ],
        sections,
        signatures,
        signature: vec![
            body,
            details
                .dated
                .map_or(DATE_PLACEHOLDER.to_string(), chinese_date),
        ],
        notes: vec!["本意见书一式两份，一份交被监督单位，一份留存执法案卷。".to_string()],
        ..Document::default()
    }
}

/// What the unit must do about one problem: "责令你单位立即改正。" / "责令你单位于…前改正。"
/// from its 责令改正 (its deadline, else the letter's); without one, "请你单位于…前整改。" (the
/// letter's deadline) or "请你单位及时整改。"; an 整改意见 is stated before it.
fn demand(
    problem: &Problem,
    inspected: Option<NaiveDate>,
    fallback: Option<NaiveDate>,
) -> (String, Correction) {
    let mut text = String::new();
    for measure in &problem.answer.handling {
        if let Handling::RectificationAdvice { text: advice } = measure {
            let advice = advice.trim().trim_end_matches(['。', '；', ';']);
            if !advice.is_empty() {
                text.push_str(&format!("整改意见：{advice}。"));
            }
        }
    }
    let ordered = problem.answer.handling.iter().find_map(|m| match m {
        Handling::OrderCorrection { deadline } => Some(*deadline),
        _ => None,
    });
    let due = match ordered {
        Some(deadline) => {
            let when = correction_day(deadline.or(fallback), inspected);
            text.push_str(&match when {
                Correction::Now => "责令你单位立即改正。".to_string(),
                Correction::By(day) => format!("责令你单位于{}前改正。", chinese_date(day)),
                Correction::Unset => format!("责令你单位于{DATE_PLACEHOLDER}前改正。"),
            });
            when
        }
        None => {
            let when = correction_day(fallback, inspected);
            text.push_str(&match when {
                Correction::Now => "请你单位立即整改。".to_string(),
                Correction::By(day) => format!("请你单位于{}前整改。", chinese_date(day)),
                Correction::Unset => "请你单位及时整改。".to_string(),
            });
            when
        }
    };
    (text, due)
}

/// The written report, due by the last deadline when every problem has one.
fn closing(dues: &[Correction], body: &str) -> String {
    let last = dues
        .iter()
        .map(|d| match d {
            Correction::By(day) => Some(Some(*day)),
            Correction::Now => Some(None),
            Correction::Unset => None,
        })
        .collect::<Option<Vec<_>>>()
        .and_then(|days| days.into_iter().flatten().max());
    let report = match last {
        Some(day) => format!("并于{}前将整改情况书面报告{body}", chinese_date(day)),
        None => format!("并及时将整改情况书面报告{body}"),
    };
    format!(
        "请你单位接到本意见书后，按照上述意见认真整改，{report}。逾期不改正的，将依法予以处理。"
    )
}
