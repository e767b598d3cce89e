//! huitoukan (回头看): the follow-up of units penalised in an earlier campaign. Which campaign
//! a penalty belongs to decides the unit's row of 附表3; the original violations are kept with
//! the 附表3 column each maps to, where it maps to one, and a follow-up inspection records
//! whether each was rectified (整改落实). Pure data and rules.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::catalog::SummaryColumn;
use super::institution::{Institution, InstitutionType};
use super::labelled::{labelled_enum, Labelled};

labelled_enum! {
    /// The earlier campaign a unit was penalised in.
    Campaign {
        LawfulPractice = "lawful_practice" => "医疗机构依法执业专项监督检查",
        RandomSupervision = "random_supervision" => "医疗卫生随机监督检查",
        IllegalCosmetology = "illegal_cosmetology" => "打击非法医疗美容服务专项整治",
    }
}

labelled_enum! {
    /// A row of 附表3, in table order.
    SummaryRow {
        LawfulPractice = "lawful_practice" => "医疗机构依法执业专项监督检查回头看",
        RandomSupervision = "random_supervision" => "医疗卫生随机监督检查回头看",
        CosmetologyNonMedical = "cosmetology_non_medical" => "打击非法医疗美容服务专项整治回头看 — 非医疗机构",
        CosmetologyMedical = "cosmetology_medical" => "打击非法医疗美容服务专项整治回头看 — 医疗机构",
    }
}

labelled_enum! {
    /// Whether an original violation was rectified, as found in the follow-up.
    Rectification {
        Rectified = "rectified" => "已整改",
        Partly = "partly" => "部分整改",
        NotRectified = "not_rectified" => "未整改",
    }
}

impl SummaryRow {
    /// The row a unit penalised in `campaign` counts in: the cosmetology campaign splits into
    /// 非医疗机构 and 医疗机构.
    pub fn of(campaign: Campaign, kind: Option<InstitutionType>) -> Self {
        match campaign {
            Campaign::LawfulPractice => Self::LawfulPractice,
            Campaign::RandomSupervision => Self::RandomSupervision,
            Campaign::IllegalCosmetology if kind == Some(InstitutionType::NonMedical) => {
                Self::CosmetologyNonMedical
            }
            Campaign::IllegalCosmetology => Self::CosmetologyMedical,
        }
    }
}

impl Rectification {
    /// Whether the violation still stands: it then counts as a non-compliance of this
    /// follow-up under its 附表3 column.
    pub fn still_stands(self) -> bool {
        self != Self::Rectified
    }
}

/// A violation found in the original campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginalViolation {
    /// Stable id (unique on the device that made it, e.g. a UUID), so a follow-up's
    /// rectification can refer to it and records from two devices merge.
    pub id: String,
    pub text: String,
    /// The 附表3 column it belongs to, where it maps to one.
    pub column: Option<SummaryColumn>,
}

/// A penalty from an earlier campaign, recorded on the institution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Penalty {
    /// Stable id, so penalties recorded on two devices merge.
    pub id: String,
    pub campaign: Campaign,
    pub year: i32,
    /// 行政处罚决定书文号.
    pub decision_number: String,
    pub violations: Vec<OriginalViolation>,
    /// When it was recorded (merging keeps the later edit).
    #[serde(default)]
    pub recorded_at: Option<DateTime<Utc>>,
}

/// What the follow-up found about one original violation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RectificationCheck {
    /// `None` until the inspector decides.
    pub status: Option<Rectification>,
    /// Required for 部分整改 and 未整改: what is still wrong.
    pub note: String,
    /// What the inspector saw now, shown beside the original finding.
    pub observation: String,
    pub updated_at: DateTime<Utc>,
    /// The inspector who last changed it, if known.
    pub updated_by: Option<String>,
}

impl RectificationCheck {
    /// Nothing decided yet.
    pub fn blank(now: DateTime<Utc>) -> Self {
        Self {
            status: None,
            note: String::new(),
            observation: String::new(),
            updated_at: now,
            updated_by: None,
        }
    }
}

impl Penalty {
    /// A new penalty in `campaign` for `year`, with no violations yet.
    pub fn new(id: String, campaign: Campaign, year: i32, now: DateTime<Utc>) -> Self {
        Self {
            id,
            campaign,
            year,
            decision_number: String::new(),
            violations: Vec::new(),
            recorded_at: Some(now),
        }
    }

    /// What is missing or wrong, in Chinese; empty when complete.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !(2000..=2100).contains(&self.year) {
            problems.push("处罚年度应为2000至2100之间的四位数".to_string());
        }
        if self.decision_number.trim().is_empty() {
            problems.push("请填写行政处罚决定书文号".to_string());
        }
        if self.violations.is_empty() {
            problems.push("请至少登记一项原违法行为".to_string());
        }
        if self.violations.iter().any(|v| v.text.trim().is_empty()) {
            problems.push("原违法行为须填写内容".to_string());
        }
        problems
    }
}

/// One original violation of a unit with the penalty it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct ViolationRef<'a> {
    pub penalty: &'a Penalty,
    pub violation: &'a OriginalViolation,
}

/// Every original violation of a unit, penalty by penalty.
pub fn violations(institution: &Institution) -> impl Iterator<Item = ViolationRef<'_>> {
    institution.penalties.iter().flat_map(|penalty| {
        penalty
            .violations
            .iter()
            .map(move |violation| ViolationRef { penalty, violation })
    })
}

/// Why a follow-up cannot be completed yet: a violation without a rectification status, or a
/// 部分整改 / 未整改 without a note. Messages in Chinese, one per problem.
pub fn follow_up_problems(
    institution: &Institution,
    checks: &std::collections::BTreeMap<String, RectificationCheck>,
) -> Vec<String> {
    violations(institution)
        .enumerate()
        .filter_map(|(n, v)| {
            let check = checks.get(&v.violation.id);
            match check.and_then(|c| c.status) {
                None => Some(format!("原违法行为{}：请选择整改情况", n + 1)),
                Some(status)
                    if status.still_stands() && check.is_some_and(|c| c.note.trim().is_empty()) =>
                {
                    Some(format!(
                        "原违法行为{}：{}须说明尚未整改的内容",
                        n + 1,
                        status.label()
                    ))
                }
                Some(_) => None,
            }
        })
        .collect()
}
