//! Native tests of the pure core: run with `cargo test`.

mod agency;
mod catalog;
mod credit_code;
mod document_number;
mod draw;
mod exchange;
mod exchange_archive;
mod exchange_files;
mod exchange_stationed;
mod field_merge;
mod fixtures;
mod fubiao3;
mod fubiao3_export;
mod handling;
mod hostile_files;
mod hostile_roster;
mod inspection;
mod inspection_documents;
mod inspector;
mod institution;
mod law;
mod media;
mod paper;
mod paper_workbooks;
mod photo_required;
mod plan;
mod plan_kind;
mod plan_result;
mod plan_units;
mod references;
mod review;
mod roster;
mod roster_import;
mod route;
mod safekeeping;
mod sample;
mod sample_stationed;
mod sealed;
mod stationed_combine;
mod stationed_coverage;
mod stationed_documents;
mod stationed_figures;
mod stationed_lottery;
mod stationed_register;
mod stationed_scenes;
mod stationed_stay;
mod stay_fixture;
mod stay_register_export;
mod storage_budget;
mod tidy;
mod xlsx_quote;

use chrono::{DateTime, TimeZone, Utc};

/// A fixed instant, so tests never read the clock.
pub fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0)
        .single()
        .expect("valid date")
}

/// A minimal valid catalog edition: one medical and one blood point. Catalog tests break it
/// one rule at a time; inspection tests use it as a small, stable checklist.
pub const CATALOG_FIXTURE: &str = r#"{
  "edition": "test", "title": "t", "source": "s",
  "tables": [
    {"id": "medical", "annex": "附表1", "title": "m", "institution_types": ["clinic", "village_clinic"],
     "areas": [{"id": "M1", "title": "资质", "sub_items": [{"id": "M1.1", "title": "许可", "points": [
       {"id": "M1.1.1", "text": "持证", "basis": "《医疗机构管理条例》第十四条", "institution_types": null,
        "services": null, "summary_column": "license", "phrasings": ["未取得许可证"]}]}]}]},
    {"id": "blood", "annex": "附表2", "title": "b", "institution_types": ["central_blood_station"],
     "areas": [{"id": "B1", "title": "资质", "sub_items": [{"id": "B1.1", "title": "许可", "points": [
       {"id": "B1.1.1", "text": "按许可范围", "basis": "《血站管理办法》第二十条", "institution_types": null,
        "services": null, "summary_column": null, "phrasings": ["超范围"]}]}]}]}
  ]
}"#;
