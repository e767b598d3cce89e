//! The supervised institution (监督对象 / 被监督单位) as an inspector records it in the roster,
//! and the rules that decide whether a record is complete and correct. Pure data, no I/O.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::credit_code;
use super::huitoukan::Penalty;
use super::labelled::{labelled_enum, Labelled};
use super::validation::{FieldError, MAX_TEXT_CHARS};

labelled_enum! {
    /// The kind of institution; it decides which checklists apply and how plans count it.
    InstitutionType {
        Hospital = "hospital" => "医院(含中医院)",
        CommunityHealthService = "community_health_service" => "社区卫生服务机构",
        TownshipHealthCenter = "township_health_center" => "卫生院",
        VillageClinic = "village_clinic" => "村卫生室",
        Clinic = "clinic" => "诊所",
        ElderCareMedicalUnit = "elder_care_medical_unit" => "养老机构内设医疗机构",
        CentralBloodStation = "central_blood_station" => "中心血站",
        NonMedical = "non_medical" => "非医疗机构",
    }
}

labelled_enum! {
    /// Hospital grade; only recorded for hospitals.
    HospitalLevel {
        First = "first" => "一级",
        Second = "second" => "二级",
        Third = "third" => "三级",
        Ungraded = "ungraded" => "未定级",
    }
}

labelled_enum! {
    /// Public or private ownership; only recorded for hospitals.
    Ownership {
        Public = "public" => "公立",
        Private = "private" => "民营",
    }
}

labelled_enum! {
    /// A service the institution offers. Services decide which check points apply and which
    /// are focus points (重点) of a random sampling plan.
    Service {
        MedicalCosmetology = "medical_cosmetology" => "医疗美容",
        ClinicalLaboratory = "clinical_laboratory" => "医学检验",
        HealthCheckup = "health_checkup" => "健康体检",
        Dental = "dental" => "口腔",
        MyopiaCorrection = "myopia_correction" => "近视矫正",
        ClinicalBloodUse = "clinical_blood_use" => "临床用血",
        Radiology = "radiology" => "放射诊疗",
        MaternalInfantCare = "maternal_infant_care" => "母婴保健技术",
        FamilyPlanning = "family_planning" => "计划生育技术",
        Hemodialysis = "hemodialysis" => "血液透析",
        TraditionalChineseMedicine = "traditional_chinese_medicine" => "中医",
        ClinicalGeneAmplification = "clinical_gene_amplification" => "临床基因扩增",
        StemCellResearch = "stem_cell_research" => "干细胞临床研究",
        ClinicalResearch = "clinical_research" => "临床研究",
    }
}

labelled_enum! {
    /// Which registration number identifies the institution.
    RegistrationKind {
        CreditCode = "credit_code" => "统一社会信用代码",
        Other = "other" => "其他登记号",
    }
}

impl InstitutionType {
    /// Hospitals carry a level and an ownership; no other type does.
    pub fn is_hospital(self) -> bool {
        self == Self::Hospital
    }
}

impl Service {
    /// The focus services of the random sampling plan (重点抽查: 医疗美容, 医学检验, 健康体检,
    /// 口腔, 近视矫正).
    pub fn is_focus(self) -> bool {
        matches!(
            self,
            Self::MedicalCosmetology
                | Self::ClinicalLaboratory
                | Self::HealthCheckup
                | Self::Dental
                | Self::MyopiaCorrection
        )
    }
}

/// An institution as stored: exactly what the inspector entered, so that nothing typed is
/// lost, even while a field is still wrong. [`validate`] says what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Institution {
    pub id: String,
    pub name: String,
    pub registration_kind: RegistrationKind,
    /// The credit code or other registration number as typed.
    pub registration_number: String,
    pub kind: Option<InstitutionType>,
    pub level: Option<HospitalLevel>,
    pub ownership: Option<Ownership>,
    pub address: String,
    /// 乡镇/街道.
    pub township: String,
    /// 法定代表人（负责人）, printed on the 现场检查笔录; empty in records made before it was kept
    /// (written to files only when not empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal_representative: String,
    pub contact_person: String,
    pub contact_phone: String,
    pub services: BTreeSet<Service>,
    /// Penalties from earlier campaigns (the 回头看 population).
    #[serde(default)]
    pub penalties: Vec<Penalty>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The device whose user made the last change (see `exchange`): an import keeps the
    /// other device's id, so merging can tell an edit made here from one brought in.
    #[serde(default)]
    pub changed_on: Option<String>,
}

impl Institution {
    /// A blank record, as created by "新增监督对象".
    pub fn new(id: String, now: DateTime<Utc>) -> Self {
        Self {
            id,
            name: String::new(),
            registration_kind: RegistrationKind::CreditCode,
            registration_number: String::new(),
            kind: None,
            level: None,
            ownership: None,
            address: String::new(),
            township: String::new(),
            legal_representative: String::new(),
            contact_person: String::new(),
            contact_phone: String::new(),
            services: BTreeSet::new(),
            penalties: Vec::new(),
            created_at: now,
            updated_at: now,
            changed_on: None,
        }
    }

    /// The name to show in lists, with a placeholder for a record not yet named.
    pub fn display_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() {
            "（未填写名称）"
        } else {
            name
        }
    }

    /// Sets the type; level and ownership are hospital-only, so they are cleared for others.
    pub fn set_kind(&mut self, kind: Option<InstitutionType>) {
        self.kind = kind;
        if !kind.is_some_and(InstitutionType::is_hospital) {
            self.level = None;
            self.ownership = None;
        }
    }

    /// Whether the offered services include a focus service (重点).
    pub fn is_focus(&self) -> bool {
        self.services.iter().any(|s| s.is_focus())
    }
}

/// A form field of the institution record, so errors can be shown next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InstitutionField {
    Name,
    RegistrationNumber,
    Kind,
    Level,
    Ownership,
    Township,
    ContactPhone,
}

/// Everything wrong with a record, field by field; empty when the record is complete.
pub fn validate(record: &Institution) -> Vec<FieldError<InstitutionField>> {
    use InstitutionField as F;
    let mut errors = Vec::new();
    let name = record.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new(F::Name, "请填写机构名称"));
    } else if name.chars().count() > MAX_TEXT_CHARS {
        errors.push(FieldError::new(
            F::Name,
            format!("名称不超过{MAX_TEXT_CHARS}个字"),
        ));
    }
    if let Some(message) = registration_error(record.registration_kind, &record.registration_number)
    {
        errors.push(FieldError::new(F::RegistrationNumber, message));
    }
    match record.kind {
        None => errors.push(FieldError::new(F::Kind, "请选择机构类别")),
        Some(kind) if kind.is_hospital() => {
            if record.level.is_none() {
                errors.push(FieldError::new(F::Level, "医院请选择级别"));
            }
            if record.ownership.is_none() {
                errors.push(FieldError::new(F::Ownership, "医院请选择所有制"));
            }
        }
        Some(_) => {}
    }
    if record.township.trim().chars().count() > MAX_TEXT_CHARS {
        errors.push(FieldError::new(
            F::Township,
            format!("乡镇/街道不超过{MAX_TEXT_CHARS}个字"),
        ));
    }
    if let Some(message) = phone_error(&record.contact_phone) {
        errors.push(FieldError::new(F::ContactPhone, message));
    }
    errors
}

fn registration_error(kind: RegistrationKind, number: &str) -> Option<String> {
    let number = credit_code::normalize(number);
    match kind {
        RegistrationKind::CreditCode if number.is_empty() => {
            Some("请填写统一社会信用代码；没有的请改选“其他登记号”".to_string())
        }
        RegistrationKind::CreditCode => credit_code::validate(&number).err().map(|e| e.message()),
        RegistrationKind::Other if number.is_empty() => Some("请填写登记号".to_string()),
        RegistrationKind::Other if number.chars().count() > 50 => {
            Some("登记号不超过50个字符".to_string())
        }
        RegistrationKind::Other => None,
    }
}

/// A phone is optional; when given it must hold 7 to 20 digits (landline with area code and
/// extension, or an 11-digit mobile number starting with 1).
fn phone_error(phone: &str) -> Option<String> {
    let phone = phone.trim();
    if phone.is_empty() {
        return None;
    }
    let allowed = |c: char| c.is_ascii_digit() || " -+()（）转".contains(c);
    if !phone.chars().all(allowed) {
        return Some("电话只能包含数字、“-”、括号和“转”".to_string());
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if phone.chars().all(|c| c.is_ascii_digit()) && digits.len() == 11 && !digits.starts_with('1') {
        return Some("11位手机号应以1开头".to_string());
    }
    if !(7..=20).contains(&digits.len()) {
        return Some("电话号码位数不正确".to_string());
    }
    None
}
