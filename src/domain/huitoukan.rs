//! huitoukan (回头看): the follow-up of units penalised in an earlier campaign. Which campaign
//! a penalty belongs to decides the unit's row of 附表3; the original violations are kept with
//! the 附表3 column each maps to, where it maps to one.

use serde::{Deserialize, Serialize};

use super::catalog::SummaryColumn;
use super::institution::InstitutionType;
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

/// A violation found in the original campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginalViolation {
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
}
