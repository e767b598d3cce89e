use std::collections::BTreeSet;

use chrono::NaiveDate;
use jiandu::domain::catalog::edition_2022;
use jiandu::domain::inspection::{InspectionStatus, Verdict};
use jiandu::domain::inspector;
use jiandu::domain::institution::{validate, InstitutionType};
use jiandu::domain::labelled::Labelled;
use jiandu::domain::plan_result::plan_result;
use jiandu::domain::sample::{is_sample, sample};

use super::at;

fn build() -> jiandu::domain::sample::Sample {
    sample(
        edition_2022(),
        at(20),
        NaiveDate::from_ymd_opt(2022, 10, 25).unwrap(),
    )
    .expect("sample builds")
}

#[test]
fn the_sample_covers_every_type_with_valid_records() {
    let sample = build();
    let types: BTreeSet<InstitutionType> =
        sample.institutions.iter().filter_map(|i| i.kind).collect();
    assert_eq!(types.len(), InstitutionType::ALL.len());
    for institution in &sample.institutions {
        assert_eq!(validate(institution), vec![], "{}", institution.name);
    }
    for officer in &sample.inspectors {
        assert_eq!(
            inspector::validate(officer, &sample.inspectors),
            vec![],
            "{}",
            officer.name
        );
    }
}

#[test]
fn every_sample_id_is_marked_so_it_can_be_removed() {
    let sample = build();
    let ids = sample
        .institutions
        .iter()
        .map(|i| &i.id)
        .chain(sample.inspectors.iter().map(|i| &i.id))
        .chain(sample.plans.iter().map(|p| &p.id))
        .chain(sample.inspections.iter().map(|i| &i.id));
    for id in ids {
        assert!(is_sample(id), "{id}");
    }
    assert!(!is_sample("3f2a-user-record"));
}

#[test]
fn the_sample_has_findings_handling_and_every_status() {
    let sample = build();
    let statuses: BTreeSet<&str> = sample
        .inspections
        .iter()
        .map(|i| i.status.label())
        .collect();
    assert_eq!(statuses, ["已审核", "已完成", "草稿"].into());
    let findings = sample
        .inspections
        .iter()
        .flat_map(|i| i.answers.values())
        .filter(|a| a.verdict == Verdict::NonCompliant);
    assert!(findings.clone().count() >= 5);
    assert!(findings
        .clone()
        .all(|a| !a.description.is_empty() && !a.handling.is_empty()));
    let table = plan_result(
        &sample.plans[0],
        &sample.institutions,
        &sample.inspections,
        edition_2022(),
    );
    assert_eq!(
        table.total.inspected, 3,
        "hospital, cosmetic clinic and village clinic count; the draft does not"
    );
    assert!(table.total.cases > 0 && table.total.fines_yuan > 0);
    assert!(sample
        .inspections
        .iter()
        .filter(|i| i.status != InspectionStatus::Draft)
        .all(|i| i.inspectors.len() >= 2));
}
