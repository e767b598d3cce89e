//! A cell's text as a field value: institution types, levels, ownership and services by their
//! official labels or the words lists commonly use, and registration numbers by their form.
//! Each failure is a message in Chinese that lists what is accepted.

use std::collections::BTreeSet;

use crate::domain::credit_code;
use crate::domain::institution::{
    HospitalLevel, InstitutionType, Ownership, RegistrationKind, Service,
};
use crate::domain::labelled::Labelled;

/// Full-width ASCII (Ａ, １, （, ／) as half-width, as Chinese input methods often type it.
pub(super) fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// A value for comparison: half-width, without any white space.
fn normalize(value: &str) -> String {
    half_width(value)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Cells that say "nothing here" ("/", "无", "-"), read as empty.
pub(super) fn is_placeholder(value: &str) -> bool {
    matches!(
        normalize(value).as_str(),
        "/" | "-" | "--" | "—" | "——" | "无" | "暂无" | "空" | "N/A" | "n/a"
    )
}

fn accepted<T: Labelled>() -> String {
    T::ALL
        .iter()
        .map(|v| v.label())
        .collect::<Vec<_>>()
        .join("、")
}

/// Words that name a type exactly, besides the official labels.
const TYPE_WORDS: &[(&str, InstitutionType)] = &[
    ("医院", InstitutionType::Hospital),
    ("社区卫生服务中心", InstitutionType::CommunityHealthService),
    ("社区卫生服务站", InstitutionType::CommunityHealthService),
    ("生活美容", InstitutionType::NonMedical),
    ("美容院", InstitutionType::NonMedical),
    ("生活美容机构", InstitutionType::NonMedical),
];

/// Kinds of institution that have no type of their own here (门诊部 is one in reality): they
/// are imported as 诊所, the closest type and checklist, with a warning so the inspector
/// checks the record.
const COUNTED_AS_CLINIC: &[&str] = &["门诊部", "医务室", "卫生所", "卫生所(室)", "卫生保健所"];

/// The institution type, and a warning when the word was only close to one.
pub(super) fn kind(value: &str) -> Result<(InstitutionType, Option<String>), String> {
    use InstitutionType as T;
    let v = normalize(value);
    let labelled = T::ALL
        .iter()
        .find(|t| normalize(t.label()) == v || t.code() == v)
        .copied();
    let found = labelled
        .or_else(|| TYPE_WORDS.iter().find(|(w, _)| *w == v).map(|(_, t)| *t))
        .or_else(|| {
            Some(match () {
                _ if v.starts_with("社区卫生服务") => T::CommunityHealthService,
                _ if v.contains("养老") => T::ElderCareMedicalUnit,
                _ if v.ends_with("血站") => T::CentralBloodStation,
                _ if v.ends_with("卫生院") => T::TownshipHealthCenter,
                _ if v.ends_with("卫生室") => T::VillageClinic,
                _ if v.ends_with("医院") => T::Hospital,
                _ if v.ends_with("诊所") => T::Clinic,
                _ if v.starts_with("非医疗机构") => T::NonMedical,
                _ => return None,
            })
        });
    if let Some(kind) = found {
        return Ok((kind, None));
    }
    if COUNTED_AS_CLINIC.contains(&v.as_str()) {
        return Ok((
            T::Clinic,
            Some(format!(
                "“{value}”没有单独的机构类别，已按“诊所”导入，请核对"
            )),
        ));
    }
    Err(format!(
        "无法识别机构类别“{value}”，可填写：{}",
        accepted::<InstitutionType>()
    ))
}

/// The hospital level: 一级/二级/三级 with or without 甲等/乙等, 三甲, or 未定级.
pub(super) fn level(value: &str) -> Result<HospitalLevel, String> {
    use HospitalLevel as L;
    let v = normalize(value);
    let grade = |first: char| match first {
        '一' | '1' => Some(L::First),
        '二' | '2' => Some(L::Second),
        '三' | '3' => Some(L::Third),
        _ => None,
    };
    let mut chars = v.chars();
    let first = chars.next().and_then(grade);
    let rest: String = chars.collect();
    let graded = rest.starts_with('级') || matches!(rest.as_str(), "甲" | "乙" | "丙");
    match first {
        Some(level) if graded => Ok(level),
        _ if matches!(
            v.as_str(),
            "未定级" | "未评级" | "未定等" | "未评" | "未定" | "无级别" | "未分级" | "未评定"
        ) =>
        {
            Ok(L::Ungraded)
        }
        _ => Err(format!(
            "无法识别级别“{value}”，可填写：{}",
            accepted::<HospitalLevel>()
        )),
    }
}

/// Public or private, by clear words only: 非营利性 says nothing about who owns a hospital.
pub(super) fn ownership(value: &str) -> Result<Ownership, String> {
    let v = normalize(value);
    const PUBLIC: &[&str] = &[
        "公立",
        "公办",
        "国有",
        "政府办",
        "政府举办",
        "公立医院",
        "国营",
    ];
    const PRIVATE: &[&str] = &[
        "民营",
        "私立",
        "私营",
        "民办",
        "个体",
        "社会办",
        "社会办医",
        "营利性",
        "民营医院",
        "私人",
    ];
    if PUBLIC.contains(&v.as_str()) {
        Ok(Ownership::Public)
    } else if PRIVATE.contains(&v.as_str()) {
        Ok(Ownership::Private)
    } else {
        let hint = if v.contains("非营利") {
            "（非营利性医院也可能是民营的）"
        } else {
            ""
        };
        Err(format!(
            "无法确定所有制“{value}”{hint}，可填写：{}",
            accepted::<Ownership>()
        ))
    }
}

/// Words for services besides the official labels.
const SERVICE_WORDS: &[(&str, Service)] = &[
    ("医疗美容科", Service::MedicalCosmetology),
    ("美容外科", Service::MedicalCosmetology),
    ("医学美容", Service::MedicalCosmetology),
    ("医学检验科", Service::ClinicalLaboratory),
    ("检验科", Service::ClinicalLaboratory),
    ("临床检验", Service::ClinicalLaboratory),
    ("体检", Service::HealthCheckup),
    ("健康检查", Service::HealthCheckup),
    ("口腔科", Service::Dental),
    ("牙科", Service::Dental),
    ("屈光手术", Service::MyopiaCorrection),
    ("输血", Service::ClinicalBloodUse),
    ("放射", Service::Radiology),
    ("放射科", Service::Radiology),
    ("医学影像科", Service::Radiology),
    ("母婴保健", Service::MaternalInfantCare),
    ("计划生育", Service::FamilyPlanning),
    ("计划生育技术服务", Service::FamilyPlanning),
    ("血透", Service::Hemodialysis),
    ("透析", Service::Hemodialysis),
    ("中医科", Service::TraditionalChineseMedicine),
    ("基因扩增", Service::ClinicalGeneAmplification),
    ("PCR", Service::ClinicalGeneAmplification),
    ("干细胞", Service::StemCellResearch),
];

/// The services listed in a cell (split on 、,，;；/ and line breaks) and the items that name
/// none.
pub(super) fn services(value: &str) -> (BTreeSet<Service>, Vec<String>) {
    let mut found = BTreeSet::new();
    let mut unknown = Vec::new();
    let items = value.split(['、', ',', '，', ';', '；', '/', '\n', '\r']);
    for item in items.map(str::trim).filter(|i| !i.is_empty()) {
        let v = normalize(item);
        let service = Service::ALL
            .iter()
            .find(|s| s.label() == v || s.code() == v)
            .copied()
            .or_else(|| SERVICE_WORDS.iter().find(|(w, _)| *w == v).map(|(_, s)| *s));
        match service {
            Some(s) => {
                found.insert(s);
            }
            None => unknown.push(item.to_string()),
        }
    }
    (found, unknown)
}

/// The accepted services, for messages.
pub(super) fn accepted_services() -> String {
    accepted::<Service>()
}

/// Whether a registration column may hold other registration numbers besides credit codes
/// (its header names 登记号, a licence number or the old organisation code).
pub(super) fn takes_other_numbers(header: &str) -> bool {
    ["登记号", "许可证", "组织机构代码"]
        .iter()
        .any(|w| header.contains(w))
}

/// The registration kind and number to store: an 18-character value is a credit code and
/// must pass its check (stored normalised); another value is a 登记号 if the column takes
/// them (stored as typed).
pub(super) fn registration(
    value: &str,
    other_allowed: bool,
) -> Result<(RegistrationKind, String), String> {
    let code = credit_code::normalize(value);
    if code.chars().count() == 18 {
        return match credit_code::validate(&code) {
            Ok(()) => Ok((RegistrationKind::CreditCode, code)),
            Err(e) => Err(format!(
                "{}；如无统一社会信用代码，可填写登记号",
                e.message()
            )),
        };
    }
    if !other_allowed {
        let message = credit_code::validate(&code).err().map(|e| e.message());
        return Err(format!(
            "{}；如无统一社会信用代码，可填写登记号，并把列名改为“统一社会信用代码/登记号”",
            message.unwrap_or_default()
        ));
    }
    if code.chars().count() > 50 {
        return Err("登记号不超过50个字符".to_string());
    }
    Ok((RegistrationKind::Other, value.trim().to_string()))
}
