//! Every stored format version has a fixture in `tests/fixtures/`, and each still reads and
//! merges into the current records without loss. A new version adds a fixture here (made once
//! with `UPDATE_FIXTURES=1 cargo test --test domain fixtures`) and keeps the old ones.

use chrono::NaiveDate;
use jiandu::domain::catalog::edition_2022;
use jiandu::domain::exchange::merge::plan as merge_plan;
use jiandu::domain::exchange::{read, Records, FORMAT_VERSION};
use jiandu::domain::fubiao3::fubiao3;
use jiandu::domain::inspection::Verdict;
use jiandu::domain::plan::PlanKind;
use jiandu::domain::stationed::sheet::{ProblemHandling, SheetStatus};

use super::exchange::exported;
use super::exchange_stationed::stationed_records;

/// The fixture of a format version.
fn fixture(version: u32) -> String {
    format!("tests/fixtures/exchange-v{version}.json")
}

/// The records of the fixture of `version`, checked to read and merge whole: into an empty
/// device every record arrives as it was, and importing it again changes nothing.
fn imports_whole(version: u32) -> Records {
    let bytes = std::fs::read(fixture(version)).unwrap();
    let file = read(&bytes).unwrap_or_else(|e| panic!("v{version}: {}", e.message()));
    assert_eq!(file.header.format_version, version);
    assert_eq!(file.header.device_id, "fixture-device");
    let records = file.records;
    let first = merge_plan(&Records::default(), &records, "another-device");
    assert_eq!(first.tally().added, records.len(), "v{version}");
    let written = first.records_to_write(|_, _| None);
    assert_eq!(written, records, "v{version}");
    let again = merge_plan(&written, &records, "another-device");
    assert_eq!(again.tally().unchanged, records.len(), "v{version}");
    records
}

#[test]
fn the_current_version_has_a_fixture() {
    if std::env::var_os("UPDATE_FIXTURES").is_some() && FORMAT_VERSION == 2 {
        std::fs::write(fixture(2), exported(&stationed_records(), "fixture-device")).unwrap();
    }
    let path = fixture(FORMAT_VERSION);
    assert!(
        std::path::Path::new(&path).exists(),
        "format version {FORMAT_VERSION} needs its fixture {path}"
    );
}

#[test]
fn every_version_imports_whole() {
    for version in 1..=FORMAT_VERSION {
        let records = imports_whole(version);
        assert!(!records.is_empty(), "v{version}");
    }
}

#[test]
fn an_exchange_file_of_version_1_imports_whole() {
    let records = imports_whole(1);
    assert_eq!(
        (
            records.institutions.len(),
            records.inspectors.len(),
            records.plans.len(),
            records.inspections.len()
        ),
        (15, 3, 3, 11)
    );
    // Written before 驻点监督: no stays, no sheets.
    assert!(records.stays.is_empty() && records.scene_sheets.is_empty());
    // The sample's 附表3 computed from the fixture has its hand-counted fines.
    let plan = records
        .plans
        .iter()
        .find(|p| p.name.contains("回头看"))
        .unwrap();
    let table = fubiao3(
        plan,
        &records.institutions,
        &records.inspections,
        edition_2022(),
        NaiveDate::from_ymd_opt(2022, 10, 25).unwrap(),
    );
    let fines: Vec<String> = table.rows.iter().map(|r| r.cells()[30].clone()).collect();
    assert_eq!(fines, ["2.5000", "0.3000", "2.3500", "1.5000"]);
}

#[test]
fn an_exchange_file_of_version_2_imports_whole_with_its_stay() {
    let records = imports_whole(2);
    assert_eq!(
        (
            records.institutions.len(),
            records.inspectors.len(),
            records.plans.len(),
            records.inspections.len(),
            records.stays.len(),
            records.scene_sheets.len()
        ),
        (1, 2, 1, 0, 1, 2)
    );
    let plan = &records.plans[0];
    assert_eq!(plan.kind, PlanKind::Stationed);
    let stay = &records.stays[0];
    assert_eq!(
        (stay.plan_id.as_str(), stay.catalog_edition.as_str()),
        (plan.id.as_str(), "2024")
    );
    assert_eq!(stay.institution_id, records.institutions[0].id);
    assert_eq!(stay.days(), Some(12));
    let officers: Vec<&str> = stay.group.officers().iter().map(|(id, _)| *id).collect();
    let roster: Vec<&str> = records.inspectors.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(officers, roster);
    // 门诊大厅 with a 不符合 to be corrected by 2026-12-10; 血液透析中心 lacked as a whole.
    let hall = &records.scene_sheets[0];
    assert_eq!(hall.id, format!("{}/outpatient_hall", stay.id));
    let answer = &hall.answers["Z-YL-02"];
    assert_eq!(answer.verdict, Verdict::NonCompliant);
    assert_eq!(
        answer.handling,
        Some(ProblemHandling::Rectify {
            deadline: NaiveDate::from_ymd_opt(2026, 12, 10),
            recheck: None
        })
    );
    let dialysis = &records.scene_sheets[1];
    assert_eq!(dialysis.target, "hemodialysis");
    assert_eq!(dialysis.status(), SheetStatus::NotApplicable);
    // The file is one plan whole: exporting that plan again gives every record.
    assert_eq!(records.for_plan(&plan.id), records);
}
