use std::collections::BTreeSet;

use chrono::NaiveDate;
use jiandu::domain::institution::{Institution, InstitutionType};
use jiandu::domain::plan::{templates_2022, PlanKind, TargetProgress};

use super::at;

fn institution(id: &str, kind: InstitutionType) -> Institution {
    let mut record = Institution::new(id.into(), at(4));
    record.name = id.into();
    record.kind = Some(kind);
    record
}

#[test]
fn the_2022_templates_carry_the_seed_targets() {
    let templates = templates_2022().expect("templates parse");
    let kinds: Vec<PlanKind> = templates.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            PlanKind::MedicalSampling,
            PlanKind::BloodSampling,
            PlanKind::Huitoukan
        ]
    );
    let medical = &templates[0];
    let targets: Vec<(String, u32)> = medical
        .targets
        .iter()
        .map(|t| (t.label(), t.count))
        .collect();
    assert_eq!(
        targets,
        [
            ("医院(含中医院)".to_string(), 1),
            ("卫生院".to_string(), 1),
            ("村卫生室".to_string(), 5),
            ("诊所".to_string(), 3)
        ]
    );
    assert_eq!(
        medical.targets.iter().skip(1).map(|t| t.count).sum::<u32>(),
        9,
        "the text's 9 primary-level units"
    );
    assert_eq!(templates[1].targets[0].count, 1);
    for template in &templates {
        assert_eq!(template.deadline, NaiveDate::from_ymd_opt(2022, 11, 4));
        assert_eq!(template.catalog_edition, "2022");
    }
}

#[test]
fn progress_counts_completed_inspections_per_target() {
    let templates = templates_2022().unwrap();
    let mut plan = templates[0].instantiate("p1".into(), at(5));
    let institutions = vec![
        institution("v1", InstitutionType::VillageClinic),
        institution("v2", InstitutionType::VillageClinic),
        institution("v3", InstitutionType::VillageClinic),
        institution("v4", InstitutionType::VillageClinic),
        institution("c1", InstitutionType::Clinic),
        institution("h1", InstitutionType::Hospital),
        institution("other", InstitutionType::Clinic),
    ];
    plan.institution_ids = ["v1", "v2", "v3", "v4", "c1", "h1"]
        .map(String::from)
        .to_vec();
    let completed: BTreeSet<String> = ["v1", "v2", "v3", "h1", "other"].map(String::from).into();
    let progress = plan.progress(&institutions, &completed);
    let row = |label: &str, done, target, listed| TargetProgress {
        label: label.into(),
        done,
        target,
        listed,
    };
    assert_eq!(
        progress,
        [
            row("医院(含中医院)", 1, 1, 1),
            row("卫生院", 0, 1, 0),
            row("村卫生室", 3, 5, 4),
            row("诊所", 0, 3, 1)
        ]
    );
}

#[test]
fn a_blank_plan_takes_targets_only_for_its_types_once_each() {
    use jiandu::domain::plan::Plan;
    let mut plan = Plan::new("p".into(), PlanKind::BloodSampling, 2023, "2022", at(6));
    assert_eq!(plan.name, "2023年采供血机构随机抽查");
    assert!(plan.targets.is_empty());
    assert!(
        !plan.add_target(InstitutionType::Clinic, 3),
        "a clinic is not a blood plan's object"
    );
    assert!(plan.add_target(InstitutionType::CentralBloodStation, 1));
    assert!(
        !plan.add_target(InstitutionType::CentralBloodStation, 2),
        "already targeted"
    );
    let mut medical = templates_2022().unwrap()[0].instantiate("m".into(), at(6));
    assert!(
        !medical.add_target(InstitutionType::VillageClinic, 1),
        "the template already targets it"
    );
    assert!(medical.add_target(InstitutionType::CommunityHealthService, 2));
    assert_eq!(
        medical.targets.last().map(|t| (t.label(), t.count)),
        Some(("社区卫生服务机构".to_string(), 2))
    );
}
