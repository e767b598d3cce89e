//! Every stored format version has a fixture in `tests/fixtures/`, and each still reads and
//! merges into the current records without loss. A new version adds a fixture here (made once
//! with `UPDATE_FIXTURES=1 cargo test --test domain fixtures`) and keeps the old ones.

use jiandu::domain::catalog::edition_2022;
use jiandu::domain::exchange::merge::plan as merge_plan;
use jiandu::domain::exchange::{read, Records, FORMAT_VERSION};
use jiandu::domain::fubiao3::fubiao3;

use super::exchange::{exported, sample_records};

const EXCHANGE_V1: &str = "tests/fixtures/exchange-v1.json";

#[test]
fn the_current_version_has_a_fixture() {
    if std::env::var_os("UPDATE_FIXTURES").is_some() && FORMAT_VERSION == 1 {
        std::fs::write(EXCHANGE_V1, exported(&sample_records(), "fixture-device")).unwrap();
    }
    let path = format!("tests/fixtures/exchange-v{FORMAT_VERSION}.json");
    assert!(
        std::path::Path::new(&path).exists(),
        "format version {FORMAT_VERSION} needs its fixture {path}"
    );
}

#[test]
fn an_exchange_file_of_version_1_imports_whole() {
    let bytes = std::fs::read(EXCHANGE_V1).unwrap();
    let file = read(&bytes).unwrap();
    assert_eq!(file.header.format_version, 1);
    assert_eq!(file.header.device_id, "fixture-device");
    let records = file.records;
    assert_eq!(
        (
            records.institutions.len(),
            records.inspectors.len(),
            records.plans.len(),
            records.inspections.len()
        ),
        (15, 3, 3, 11)
    );
    // Merged into an empty device, every record arrives as it was.
    let written =
        merge_plan(&Records::default(), &records, "another-device").records_to_write(|_, _| None);
    assert_eq!(written, records);
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
        chrono::NaiveDate::from_ymd_opt(2022, 10, 25).unwrap(),
    );
    let fines: Vec<String> = table.rows.iter().map(|r| r.cells()[30].clone()).collect();
    assert_eq!(fines, ["2.5000", "0.3000", "2.3500", "1.5000"]);
}
