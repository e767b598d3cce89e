//! The 27 "不符合要求单位数" columns of 附表3 (医疗卫生"回头看"检查情况汇总表), in table order,
//! grouped under their six header areas. Every medical check point counts under one of them,
//! so one finding feeds both the plan's result table and 附表3.

use crate::domain::labelled::{labelled_enum, Labelled};

labelled_enum! {
    /// One 附表3 column of non-compliant units.
    SummaryColumn {
        License = "license" => "执业许可证管理不符合要求单位数",
        StaffQualification = "staff_qualification" => "人员资格管理（未使用非卫生技术人员）不符合要求单位数",
        PracticeActivity = "practice_activity" => "医疗机构诊疗活动管理不符合要求单位数",
        HealthCheckup = "health_checkup" => "健康体检管理不符合要求单位数",
        Physician = "physician" => "医师管理不符合要求单位数",
        ForeignPhysician = "foreign_physician" => "外国医师管理不符合要求单位数",
        HkMacaoPhysician = "hk_macao_physician" => "香港、澳门特别行政区医师管理不符合要求单位数",
        TaiwanPhysician = "taiwan_physician" => "台湾医师管理不符合要求单位数",
        VillageDoctor = "village_doctor" => "乡村医生管理不符合要求单位数",
        Nurse = "nurse" => "护士管理不符合要求单位数",
        MedicalTechnician = "medical_technician" => "医技人员管理不符合要求单位数",
        NarcoticPsychotropic = "narcotic_psychotropic" => "麻醉药品和精神药品管理不符合要求单位数",
        Antimicrobial = "antimicrobial" => "抗菌药物管理不符合要求单位数",
        MedicalDevice = "medical_device" => "医疗器械管理不符合要求单位数",
        ProhibitedTechnology = "prohibited_technology" => "禁止临床应用技术管理不符合要求单位数",
        RestrictedTechnology = "restricted_technology" => "限制临床应用技术管理不符合要求单位数",
        MedicalCosmetology = "medical_cosmetology" => "医疗美容管理不符合要求单位数",
        GeneAmplification = "gene_amplification" => "临床基因扩增管理不符合要求单位数",
        StemCell = "stem_cell" => "干细胞临床研究管理不符合要求单位数",
        ClinicalResearch = "clinical_research" => "临床研究管理不符合要求单位数",
        Prescription = "prescription" => "处方管理不符合要求单位数",
        MedicalRecord = "medical_record" => "病历管理不符合要求单位数",
        MedicalCertificate = "medical_certificate" => "医学证明文件管理不符合要求单位数",
        BloodSource = "blood_source" => "用血来源管理不符合要求单位数",
        BloodStorage = "blood_storage" => "血液储存管理不符合要求的单位数",
        BloodOrganization = "blood_organization" => "用血管理组织和制度不符合要求单位数",
        EmergencyBlood = "emergency_blood" => "应急用血采血管理不符合要求单位数",
    }
}

/// The header group a column stands under in 附表3.
pub fn group(column: SummaryColumn) -> &'static str {
    let index = SummaryColumn::ALL
        .iter()
        .position(|&c| c == column)
        .unwrap_or(0);
    match index {
        0..=3 => "医疗机构资质管理",
        4..=10 => "医疗卫生人员管理",
        11..=13 => "药品和医疗器械管理",
        14..=19 => "医疗技术管理",
        20..=22 => "医疗文书管理",
        _ => "临床用血管理",
    }
}
