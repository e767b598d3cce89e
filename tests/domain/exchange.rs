use chrono::{TimeZone, Utc};
use jiandu::domain::catalog::edition_2022;
use jiandu::domain::exchange::merge::{plan as merge_plan, Choice, Outcome};
use jiandu::domain::exchange::{read, write, ImportError, Records, Scope};
use jiandu::domain::sample::sample;

use super::at;

/// The sample's records, as a device would export them.
pub fn sample_records() -> Records {
    let s = sample(
        edition_2022(),
        at(1),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    )
    .unwrap();
    Records {
        institutions: s.institutions,
        inspectors: s.inspectors,
        plans: s.plans,
        inspections: s.inspections,
        stays: s.stays,
        scene_sheets: s.scene_sheets,
    }
}

pub fn exported(records: &Records, device: &str) -> Vec<u8> {
    write(
        records,
        device,
        "0.1.0",
        Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap(),
        Scope::All,
    )
}

#[test]
fn a_written_file_reads_back_as_the_same_records() {
    let records = sample_records();
    let file = read(&exported(&records, "device-a")).unwrap();
    assert_eq!(file.header.device_id, "device-a");
    assert_eq!(file.records.len(), records.len());
    // Records never stamped with a device are marked as the exporter's.
    assert!(file
        .records
        .institutions
        .iter()
        .all(|i| i.changed_on.as_deref() == Some("device-a")));
    let mut expected = records.clone();
    for i in &mut expected.institutions {
        i.changed_on = Some("device-a".into());
    }
    assert_eq!(file.records.institutions, expected.institutions);
}

#[test]
fn a_changed_byte_in_the_records_fails_the_checksum() {
    let bytes = exported(&sample_records(), "device-a");
    let text = String::from_utf8(bytes).unwrap();
    let tampered = text.replacen("示例", "实例", 1);
    assert_eq!(
        read(tampered.as_bytes()),
        Err(ImportError::ChecksumMismatch)
    );
}

#[test]
fn a_plan_exported_alone_carries_what_it_refers_to() {
    let records = sample_records();
    let plan = &records.plans[2];
    let alone = records.for_plan(&plan.id);
    assert_eq!(alone.plans.len(), 1);
    assert!(!alone.inspections.is_empty());
    let file = write(
        &alone,
        "device-a",
        "0.1.0",
        at(2),
        Scope::Plan {
            plan_id: plan.id.clone(),
            plan_name: plan.name.clone(),
        },
    );
    assert_eq!(read(&file).unwrap().records.len(), alone.len());
}

#[test]
fn importing_into_an_empty_device_adds_everything_and_twice_changes_nothing() {
    let records = read(&exported(&sample_records(), "device-a"))
        .unwrap()
        .records;
    let first = merge_plan(&Records::default(), &records, "device-b");
    assert_eq!(first.tally().added, records.len());
    let written = first.records_to_write(|_, _| None);
    assert_eq!(written, records);
    let second = merge_plan(&written, &records, "device-b");
    assert_eq!(second.tally().unchanged, records.len());
    assert!(second.records_to_write(|_, _| None).is_empty());
}

#[test]
fn an_edit_made_here_is_never_overwritten_silently() {
    let records = read(&exported(&sample_records(), "device-a"))
        .unwrap()
        .records;
    let mut local = records.clone();
    // Edited on this device after the import, later than the incoming copy.
    local.institutions[0].name = "本机改过的名称".into();
    local.institutions[0].changed_on = Some("device-b".into());
    local.institutions[0].updated_at = at(20);
    // Another record edited on device A later: a plain update.
    let mut incoming = records.clone();
    incoming.institutions[1].name = "A 机改过的名称".into();
    incoming.institutions[1].updated_at = at(21);
    incoming.institutions[0].name = "A 机也改了".into();
    incoming.institutions[0].updated_at = at(19);
    let plan = merge_plan(&local, &incoming, "device-b");
    assert_eq!(plan.institutions[0].outcome, Outcome::Conflict);
    assert_eq!(
        plan.institutions[0].default_choice(),
        Choice::KeepLocal,
        "the later change wins"
    );
    assert_eq!(plan.institutions[1].outcome, Outcome::Updated);
    let tally = plan.tally();
    assert_eq!((tally.conflicts, tally.updated), (1, 1));
    let kept = plan.records_to_write(|_, _| None);
    assert_eq!(kept.institutions.len(), 1, "only the update");
    let taken =
        plan.records_to_write(|kind, _| (kind == "监督对象").then_some(Choice::TakeIncoming));
    assert_eq!(taken.institutions.len(), 2);
    assert_eq!(taken.institutions[0].name, "A 机也改了");
}

#[test]
fn the_same_clinic_added_on_two_tablets_becomes_one() {
    let records = read(&exported(&sample_records(), "device-a"))
        .unwrap()
        .records;
    let mut local = Records::default();
    let mut mine = records.institutions[0].clone();
    mine.id = "local-id".into();
    mine.changed_on = Some("device-b".into());
    local.institutions.push(mine);
    let plan = merge_plan(&local, &records, "device-b");
    assert_eq!(
        plan.matched,
        vec![(records.institutions[0].id.clone(), "local-id".to_string())]
    );
    assert_eq!(plan.institutions[0].incoming.id, "local-id");
    // References follow the match.
    let refers = |id: &str| {
        plan.inspections
            .iter()
            .filter(|i| i.incoming.institution_id == id)
            .count()
    };
    let originally = records
        .inspections
        .iter()
        .filter(|i| i.institution_id == records.institutions[0].id)
        .count();
    assert_eq!(refers("local-id"), originally);
}

#[test]
fn records_that_went_to_another_tablet_and_came_back_are_unchanged() {
    // The sample on A was changed on no device; A's export stamps it as A's.
    let on_a = sample_records();
    let to_b = read(&exported(&on_a, "device-a")).unwrap().records;
    let on_b = merge_plan(&Records::default(), &to_b, "device-b").records_to_write(|_, _| None);
    let back = read(&exported(&on_b, "device-b")).unwrap().records;
    let plan = merge_plan(&on_a, &back, "device-a");
    assert_eq!(plan.tally().unchanged, on_a.len(), "{:?}", plan.tally());
    assert!(plan.conflicts().is_empty());
}
