//! Law-enforcement officers (执法人员) in the roster. A person's role in a group (组长, 副组长,
//! 成员) belongs to each assignment, not to the person, so it is not stored here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::labelled::{labelled_enum, Labelled};
use super::validation::{FieldError, MAX_TEXT_CHARS};

/// An officer who can be assigned to inspections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspector {
    pub id: String,
    pub name: String,
    /// 执法证号: the number on the officer's law-enforcement certificate.
    pub certificate_number: String,
    /// The officer's unit (e.g. 区卫生健康执法支队).
    pub unit: String,
    /// 回避: institutions this officer must not inspect (kin, former employer, …); draws
    /// never assign them there.
    #[serde(default)]
    pub conflicts: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The device whose user made the last change (see `exchange`): an import keeps the
    /// other device's id, so merging can tell an edit made here from one brought in.
    #[serde(default)]
    pub changed_on: Option<String>,
}

labelled_enum! {
    /// The role an officer holds in one assignment (a plan's group or a stationed team).
    AssignmentRole {
        Leader = "leader" => "组长",
        Deputy = "deputy" => "副组长",
        Member = "member" => "成员",
    }
}

/// A form field of the inspector record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InspectorField {
    Name,
    CertificateNumber,
    Unit,
}

impl Inspector {
    /// A blank record, as created by "新增执法人员".
    pub fn new(id: String, now: DateTime<Utc>) -> Self {
        Self {
            id,
            name: String::new(),
            certificate_number: String::new(),
            unit: String::new(),
            conflicts: Vec::new(),
            created_at: now,
            updated_at: now,
            changed_on: None,
        }
    }

    /// The name to show in lists.
    pub fn display_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() {
            "（未填写姓名）"
        } else {
            name
        }
    }
}

/// Everything wrong with an inspector record; `others` is the rest of the roster, used to
/// refuse a certificate number that is already registered to someone else.
pub fn validate(record: &Inspector, others: &[Inspector]) -> Vec<FieldError<InspectorField>> {
    use InspectorField as F;
    let mut errors = Vec::new();
    let name = record.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new(F::Name, "请填写姓名"));
    } else if name.chars().count() > 30 {
        errors.push(FieldError::new(F::Name, "姓名不超过30个字"));
    }
    let number = normalize_certificate(&record.certificate_number);
    if number.is_empty() {
        errors.push(FieldError::new(F::CertificateNumber, "请填写执法证号"));
    } else if number.chars().count() > 40 {
        errors.push(FieldError::new(
            F::CertificateNumber,
            "执法证号不超过40个字符",
        ));
    } else if let Some(other) = others
        .iter()
        .find(|o| o.id != record.id && normalize_certificate(&o.certificate_number) == number)
    {
        errors.push(FieldError::new(
            F::CertificateNumber,
            format!("该执法证号已登记给“{}”", other.display_name()),
        ));
    }
    if record.unit.trim().chars().count() > MAX_TEXT_CHARS {
        errors.push(FieldError::new(
            F::Unit,
            format!("单位不超过{MAX_TEXT_CHARS}个字"),
        ));
    }
    errors
}

/// Certificate numbers compare without spaces and case, so "ab 123" and "AB123" are one.
fn normalize_certificate(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
