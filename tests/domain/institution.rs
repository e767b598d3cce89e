use jiandu::domain::institution::{
    validate, HospitalLevel, Institution, InstitutionField, InstitutionType, Ownership,
    RegistrationKind, Service,
};
use jiandu::domain::labelled::Labelled;

use super::at;

fn clinic() -> Institution {
    let mut record = Institution::new("i1".into(), at(1));
    record.name = "某某口腔诊所".into();
    record.registration_number = "91350100M000100Y43".into();
    record.kind = Some(InstitutionType::Clinic);
    record
}

fn fields(record: &Institution) -> Vec<InstitutionField> {
    validate(record).into_iter().map(|e| e.field).collect()
}

#[test]
fn a_complete_clinic_is_valid() {
    assert_eq!(fields(&clinic()), vec![]);
}

#[test]
fn a_blank_record_lists_what_is_missing() {
    let blank = Institution::new("i1".into(), at(1));
    assert_eq!(
        fields(&blank),
        vec![
            InstitutionField::Name,
            InstitutionField::RegistrationNumber,
            InstitutionField::Kind
        ]
    );
}

#[test]
fn an_invalid_credit_code_is_refused_with_a_message() {
    let mut record = clinic();
    record.registration_number = "91350100M000100Y44".into();
    let errors = validate(&record);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, InstitutionField::RegistrationNumber);
    assert!(errors[0].message.contains("校验位"));
}

#[test]
fn a_lower_case_or_spaced_credit_code_is_accepted() {
    let mut record = clinic();
    record.registration_number = " 91350100m000100y43".into();
    assert_eq!(fields(&record), vec![]);
}

#[test]
fn another_registration_number_is_free_form_but_required() {
    let mut record = clinic();
    record.registration_kind = RegistrationKind::Other;
    record.registration_number = "PDY00012350010211A1002".into();
    assert_eq!(fields(&record), vec![]);
    record.registration_number = "  ".into();
    assert_eq!(fields(&record), vec![InstitutionField::RegistrationNumber]);
}

#[test]
fn hospitals_need_level_and_ownership() {
    let mut record = clinic();
    record.kind = Some(InstitutionType::Hospital);
    assert_eq!(
        fields(&record),
        vec![InstitutionField::Level, InstitutionField::Ownership]
    );
    record.level = Some(HospitalLevel::Second);
    record.ownership = Some(Ownership::Public);
    assert_eq!(fields(&record), vec![]);
    // Hospital-only fields do not linger on a record changed to another type.
    record.set_kind(Some(InstitutionType::Clinic));
    assert_eq!((record.level, record.ownership), (None, None));
    record.set_kind(Some(InstitutionType::Hospital));
    assert_eq!(
        fields(&record),
        vec![InstitutionField::Level, InstitutionField::Ownership]
    );
}

#[test]
fn phone_numbers() {
    let cases = [
        ("", true),
        ("13800138000", true),
        ("023-12345678", true),
        ("(023)12345678转123", true),
        ("23800138000", false),
        ("12345", false),
        ("电话13800138000", false),
    ];
    for (phone, ok) in cases {
        let mut record = clinic();
        record.contact_phone = phone.into();
        assert_eq!(fields(&record).is_empty(), ok, "{phone:?}");
    }
}

#[test]
fn focus_follows_the_offered_services() {
    let mut record = clinic();
    record.services.insert(Service::Radiology);
    assert!(!record.is_focus());
    record.services.insert(Service::Dental);
    assert!(record.is_focus());
    let focus: Vec<&str> = Service::ALL
        .iter()
        .filter(|s| s.is_focus())
        .map(|s| s.label())
        .collect();
    assert_eq!(
        focus,
        ["医疗美容", "医学检验", "健康体检", "口腔", "近视矫正"]
    );
}

#[test]
fn vocabularies_use_the_official_terms_and_round_trip_their_codes() {
    let types: Vec<&str> = InstitutionType::ALL.iter().map(|t| t.label()).collect();
    assert_eq!(
        types,
        [
            "医院(含中医院)",
            "社区卫生服务机构",
            "卫生院",
            "村卫生室",
            "诊所",
            "养老机构内设医疗机构",
            "中心血站",
            "非医疗机构"
        ]
    );
    assert_eq!(Service::ALL.len(), 14);
    for &t in InstitutionType::ALL {
        assert_eq!(InstitutionType::from_code(t.code()), Some(t));
        assert_eq!(
            serde_json::to_value(t).unwrap(),
            serde_json::Value::String(t.code().into())
        );
    }
    for &s in Service::ALL {
        assert_eq!(Service::from_code(s.code()), Some(s));
    }
}

#[test]
fn a_record_survives_a_serde_round_trip() {
    let mut record = clinic();
    record.services.insert(Service::MedicalCosmetology);
    let json = serde_json::to_string(&record).unwrap();
    assert_eq!(serde_json::from_str::<Institution>(&json).unwrap(), record);
}

#[test]
fn display_name_has_a_placeholder() {
    assert_eq!(
        Institution::new("x".into(), at(1)).display_name(),
        "（未填写名称）"
    );
    assert_eq!(clinic().display_name(), "某某口腔诊所");
}
