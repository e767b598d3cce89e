use jiandu::domain::references::{inspector_uses, institution_uses, Uses};

use super::exchange::sample_records;

#[test]
fn a_roster_record_in_use_is_counted_where_it_is_used() {
    let records = sample_records();
    // 示例县人民医院: in the 2022 sampling plan and the 驻点 plan, inspected once, and the hospital
    // of the stay in progress.
    let hospital = records
        .institutions
        .iter()
        .find(|i| i.name == "示例县人民医院")
        .expect("in the sample");
    let uses = institution_uses(
        &hospital.id,
        &records.plans,
        &records.inspections,
        &records.stays,
    );
    assert_eq!(uses.stays, 1);
    assert!(uses.plans >= 2, "{uses:?}");
    assert!(!uses.is_empty());
    // An officer in both stays' groups.
    let officer = records
        .inspectors
        .iter()
        .find(|i| i.name.starts_with("赵强"))
        .expect("in the sample");
    let uses = inspector_uses(&officer.id, &records.inspections, &records.stays);
    assert_eq!(uses.stays, 2);
    // Nobody refers to an id that is not there.
    assert!(institution_uses(
        "nobody",
        &records.plans,
        &records.inspections,
        &records.stays
    )
    .is_empty());
    assert!(inspector_uses("nobody", &records.inspections, &records.stays).is_empty());
}

#[test]
fn uses_are_described_in_chinese_without_empty_kinds() {
    let uses = Uses {
        plans: 2,
        inspections: 0,
        stays: 1,
    };
    assert_eq!(uses.describe(), "2个任务、1个驻点");
    assert_eq!(Uses::default().describe(), "");
}
