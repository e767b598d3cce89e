//! What is done about a non-compliant finding (处理): 责令改正 with a deadline, 立案 with a case
//! number, 罚没款 in whole 元, 吊销《医疗机构执业许可证》, 吊销诊疗科目, 移送 to a department,
//! 整改意见. One finding may carry several. Money is exact: integer 元, never floating point.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One measure taken on a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Handling {
    /// 责令改正 (限期改正): re-checked after the deadline (复查).
    OrderCorrection { deadline: Option<NaiveDate> },
    /// 立案: a case opened, with its number.
    CaseFiled { case_number: String },
    /// 罚没款: fines and confiscated income, in whole 元.
    Fine { amount_yuan: u64 },
    /// 吊销《医疗机构执业许可证》.
    RevokeLicense,
    /// 吊销诊疗科目: which subject.
    RevokeSubject { subject: String },
    /// 移送: to which department.
    Transfer { department: String },
    /// 整改意见: advice for breaches of internal or industry rules.
    RectificationAdvice { text: String },
}

/// The kinds in the order the UI offers them.
pub const KINDS: [(&str, &str); 7] = [
    ("order_correction", "责令改正"),
    ("case_filed", "立案"),
    ("fine", "罚没款"),
    ("revoke_license", "吊销《医疗机构执业许可证》"),
    ("revoke_subject", "吊销诊疗科目"),
    ("transfer", "移送"),
    ("rectification_advice", "整改意见"),
];

impl Handling {
    /// A blank measure of a kind (its code from [`KINDS`]).
    pub fn blank(kind: &str) -> Option<Self> {
        Some(match kind {
            "order_correction" => Self::OrderCorrection { deadline: None },
            "case_filed" => Self::CaseFiled {
                case_number: String::new(),
            },
            "fine" => Self::Fine { amount_yuan: 0 },
            "revoke_license" => Self::RevokeLicense,
            "revoke_subject" => Self::RevokeSubject {
                subject: String::new(),
            },
            "transfer" => Self::Transfer {
                department: String::new(),
            },
            "rectification_advice" => Self::RectificationAdvice {
                text: String::new(),
            },
            _ => return None,
        })
    }

    /// The kind's code.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::OrderCorrection { .. } => "order_correction",
            Self::CaseFiled { .. } => "case_filed",
            Self::Fine { .. } => "fine",
            Self::RevokeLicense => "revoke_license",
            Self::RevokeSubject { .. } => "revoke_subject",
            Self::Transfer { .. } => "transfer",
            Self::RectificationAdvice { .. } => "rectification_advice",
        }
    }

    /// The official term.
    pub fn label(&self) -> &'static str {
        KINDS
            .iter()
            .find(|(code, _)| *code == self.kind())
            .map_or("", |(_, label)| label)
    }

    /// What is missing, if anything (a deadline, a case number, an amount, …).
    pub fn problem(&self) -> Option<&'static str> {
        match self {
            Self::OrderCorrection { deadline: None } => Some("责令改正须填写改正期限"),
            Self::CaseFiled { case_number } if case_number.trim().is_empty() => {
                Some("立案须填写案件编号")
            }
            Self::Fine { amount_yuan: 0 } => Some("罚没款金额须大于0元"),
            Self::RevokeSubject { subject } if subject.trim().is_empty() => {
                Some("须填写吊销的诊疗科目")
            }
            Self::Transfer { department } if department.trim().is_empty() => Some("须填写移送部门"),
            Self::RectificationAdvice { text } if text.trim().is_empty() => Some("须填写整改意见"),
            _ => None,
        }
    }
}

/// Reads an amount of 元 as typed: digits with optional thousands separators ("12,000") and an
/// optional "元"; a fraction of a 元 or anything else is refused with a message.
pub fn parse_yuan(input: &str) -> Result<u64, &'static str> {
    let cleaned: String = input
        .trim()
        .trim_end_matches('元')
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    if cleaned.is_empty() {
        return Err("请填写金额（元）");
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit()) {
        return Err("金额须为整数元，例如 5000");
    }
    cleaned.parse::<u64>().map_err(|_| "金额过大")
}

/// 元 as 万元 for the official tables, exactly: 15000 → "1.5", 3 → "0.0003", 0 → "0".
pub fn yuan_as_wan(yuan: u64) -> String {
    let whole = yuan / 10_000;
    let fraction = yuan % 10_000;
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:04}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// 元 in 万元 with exactly four decimals, as 附表3 shows money: 3000 → "0.3000".
pub fn yuan_as_wan_4(yuan: u64) -> String {
    format!("{}.{:04}", yuan / 10_000, yuan % 10_000)
}

/// The cases filed (立案) and the fines in 元 (罚没款) among some measures, as the summary
/// tables count them.
pub fn cases_and_fines<'a>(measures: impl Iterator<Item = &'a Handling>) -> (u32, u64) {
    measures.fold((0, 0), |(cases, fines), measure| match measure {
        Handling::CaseFiled { .. } => (cases + 1, fines),
        Handling::Fine { amount_yuan } => (cases, fines.saturating_add(*amount_yuan)),
        _ => (cases, fines),
    })
}
