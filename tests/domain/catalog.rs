use std::collections::BTreeSet;

use jiandu::domain::catalog::{edition_2022, validate, Catalog, SummaryColumn};
use jiandu::domain::institution::{InstitutionType, Service};
use jiandu::domain::labelled::Labelled;

use super::CATALOG_FIXTURE as FIXTURE;

fn services(list: &[Service]) -> BTreeSet<Service> {
    list.iter().copied().collect()
}

fn point_ids(kind: InstitutionType, offered: &[Service]) -> Vec<String> {
    let catalog = edition_2022();
    let checklist = catalog
        .checklist_for(kind, &services(offered))
        .expect("a table covers the type");
    checklist.points().map(|p| p.id.clone()).collect()
}

#[test]
fn the_2022_edition_is_valid() {
    let problems = validate(edition_2022(), &super::law::shipped_library());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_2022_edition_covers_the_seed() {
    let catalog = edition_2022();
    assert_eq!(catalog.edition, "2022");
    let medical = catalog
        .table_for(InstitutionType::Clinic)
        .expect("medical table");
    let blood = catalog
        .table_for(InstitutionType::CentralBloodStation)
        .expect("blood table");
    assert_eq!(medical.annex, "附表1");
    assert_eq!(blood.annex, "附表2");
    let titles = |t: &jiandu::domain::catalog::ChecklistTable| {
        t.areas.iter().map(|a| a.title.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        titles(medical),
        [
            "医疗机构资质管理",
            "医疗卫生人员管理",
            "药品和医疗器械管理",
            "医疗技术管理",
            "医疗文书管理",
            "临床用血管理"
        ]
    );
    assert_eq!(
        titles(blood),
        ["资质管理", "血源管理", "血液检测", "包装储存运输", "其它"]
    );
    assert!(
        medical.points().count() >= 60,
        "{} medical points",
        medical.points().count()
    );
    assert!(
        blood.points().count() >= 15,
        "{} blood points",
        blood.points().count()
    );
    for kind in [
        InstitutionType::Hospital,
        InstitutionType::CommunityHealthService,
        InstitutionType::TownshipHealthCenter,
        InstitutionType::VillageClinic,
        InstitutionType::Clinic,
        InstitutionType::ElderCareMedicalUnit,
    ] {
        assert_eq!(
            catalog.table_for(kind).map(|t| t.annex.as_str()),
            Some("附表1"),
            "{kind:?}"
        );
    }
    let non_medical = catalog
        .table_for(InstitutionType::NonMedical)
        .expect("non-medical table");
    assert_eq!(non_medical.id, "non_medical");
    assert_eq!(non_medical.institution_types, [InstitutionType::NonMedical]);
    assert!(non_medical.counts_in_summary());
    assert!(!blood.counts_in_summary());
    // Every type has exactly one table.
    for &kind in InstitutionType::ALL {
        let covering = catalog
            .tables
            .iter()
            .filter(|t| t.institution_types.contains(&kind))
            .count();
        assert_eq!(covering, 1, "{kind:?}");
    }
}

#[test]
fn ids_are_unique_across_the_edition() {
    let catalog = edition_2022();
    let mut ids: Vec<&str> = Vec::new();
    for table in &catalog.tables {
        ids.push(&table.id);
        for area in &table.areas {
            ids.push(&area.id);
            for sub_item in &area.sub_items {
                ids.push(&sub_item.id);
                ids.extend(sub_item.points.iter().map(|p| p.id.as_str()));
            }
        }
    }
    let mut seen = BTreeSet::new();
    let duplicates: Vec<&str> = ids.into_iter().filter(|id| !seen.insert(*id)).collect();
    assert!(duplicates.is_empty(), "{duplicates:?}");
}

#[test]
fn a_non_medical_unit_gets_the_unlicensed_practice_checklist() {
    let catalog = edition_2022();
    let table = catalog.table_for(InstitutionType::NonMedical).unwrap();
    // Whatever services are recorded (a beauty salon usually has none), the whole table applies.
    for offered in [&[][..], &[Service::MedicalCosmetology][..]] {
        let checklist = catalog
            .checklist_for(InstitutionType::NonMedical, &services(offered))
            .expect("a table covers 非医疗机构");
        assert_eq!(checklist.table.id, "non_medical");
        let points: Vec<_> = checklist.points().collect();
        assert!(!points.is_empty());
        assert_eq!(points.len(), table.points().count(), "{offered:?}");
        for point in &points {
            assert!(point.id.starts_with('N'), "{}", point.id);
            assert!(
                point.summary_column.is_some(),
                "{} has no 附表3 column",
                point.id
            );
            assert!(
                (2..=4).contains(&point.phrasings.len()),
                "{}: {} 规范用语",
                point.id,
                point.phrasings.len()
            );
            assert!(
                point.basis.contains('第') && point.basis.contains('条'),
                "{}: basis names no article",
                point.id
            );
        }
        let columns: BTreeSet<SummaryColumn> =
            points.iter().filter_map(|p| p.summary_column).collect();
        for column in [
            SummaryColumn::License,
            SummaryColumn::StaffQualification,
            SummaryColumn::MedicalCosmetology,
        ] {
            assert!(columns.contains(&column), "{column:?}");
        }
    }
    assert!(
        table.points().count() >= 10,
        "{} points",
        table.points().count()
    );
}

#[test]
fn medical_institutions_do_not_get_non_medical_points() {
    for kind in [InstitutionType::Clinic, InstitutionType::Hospital] {
        let ids = point_ids(kind, &[Service::MedicalCosmetology]);
        assert!(ids.iter().all(|id| id.starts_with('M')), "{kind:?}");
    }
}

#[test]
fn every_summary_column_has_check_points() {
    let used: BTreeSet<SummaryColumn> = edition_2022()
        .points()
        .filter_map(|p| p.summary_column)
        .collect();
    let missing: Vec<&str> = SummaryColumn::ALL
        .iter()
        .filter(|c| !used.contains(c))
        .map(|c| c.label())
        .collect();
    assert!(missing.is_empty(), "columns without points: {missing:?}");
    assert_eq!(SummaryColumn::ALL.len(), 27);
}

#[test]
fn a_blood_station_gets_only_annex_2_points() {
    let ids = point_ids(InstitutionType::CentralBloodStation, &[]);
    assert!(!ids.is_empty());
    let catalog = edition_2022();
    for id in &ids {
        let point = catalog.point(id).expect("point exists");
        assert_eq!(point.summary_column, None, "{id}");
        assert!(id.starts_with('B'), "{id}");
    }
    assert_eq!(
        ids.len(),
        catalog
            .table_for(InstitutionType::CentralBloodStation)
            .unwrap()
            .points()
            .count()
    );
}

#[test]
fn a_village_clinic_without_services_gets_no_cosmetology_or_blood_use_points() {
    let catalog = edition_2022();
    let ids = point_ids(InstitutionType::VillageClinic, &[]);
    assert!(!ids.is_empty());
    for id in &ids {
        let column = catalog.point(id).and_then(|p| p.summary_column);
        assert!(
            !matches!(
                column,
                Some(
                    SummaryColumn::MedicalCosmetology
                        | SummaryColumn::BloodSource
                        | SummaryColumn::BloodStorage
                        | SummaryColumn::BloodOrganization
                        | SummaryColumn::EmergencyBlood
                )
            ),
            "{id} should not apply to a village clinic without services"
        );
        assert!(!catalog.point(id).unwrap().is_focus(), "{id}");
    }
}

#[test]
fn a_clinic_offering_cosmetology_gets_those_points_flagged_focus() {
    let catalog = edition_2022();
    let without = point_ids(InstitutionType::Clinic, &[]);
    let with = point_ids(InstitutionType::Clinic, &[Service::MedicalCosmetology]);
    let added: Vec<&String> = with.iter().filter(|id| !without.contains(id)).collect();
    assert!(!added.is_empty());
    for id in added {
        let point = catalog.point(id).unwrap();
        assert!(point.is_focus(), "{id}");
        assert!(
            point
                .services
                .as_ref()
                .is_some_and(|s| s.contains(&Service::MedicalCosmetology)),
            "{id}"
        );
    }
    assert!(with
        .iter()
        .any(|id| catalog.point(id).unwrap().summary_column
            == Some(SummaryColumn::MedicalCosmetology)));
}

#[test]
fn blood_use_points_follow_the_clinical_blood_use_service() {
    let catalog = edition_2022();
    let with = point_ids(InstitutionType::Hospital, &[Service::ClinicalBloodUse]);
    let columns: BTreeSet<_> = with
        .iter()
        .filter_map(|id| catalog.point(id).unwrap().summary_column)
        .collect();
    for column in [
        SummaryColumn::BloodSource,
        SummaryColumn::BloodStorage,
        SummaryColumn::BloodOrganization,
        SummaryColumn::EmergencyBlood,
    ] {
        assert!(columns.contains(&column), "{column:?}");
    }
}

fn check(from: &str, to: &str, expected: &str) {
    assert!(FIXTURE.contains(from), "fixture lacks {from}");
    let broken = FIXTURE.replacen(from, to, 1);
    match Catalog::parse(&broken) {
        Ok(_) => panic!("{to} should be refused"),
        Err(problems) => assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{problems:?} lacks {expected}"
        ),
    }
}

#[test]
fn the_fixture_is_valid() {
    assert!(Catalog::parse(FIXTURE).is_ok());
}

#[test]
fn validation_refuses_broken_editions() {
    check(
        r#""basis": "《医疗机构管理条例》第十四条""#,
        r#""basis": "  ""#,
        "缺少法律法规依据",
    );
    check(
        r#""basis": "《医疗机构管理条例》第十四条""#,
        r#""basis": "管理条例第十四条""#,
        "M1.1.1: 法律法规依据格式错误：「管理条例第十四条」应以《法规名称》开头",
    );
    check(
        r#""summary_column": "license""#,
        r#""summary_column": null"#,
        "缺少附表3对应栏目",
    );
    check(
        r#""summary_column": null, "phrasings": ["超范围"]"#,
        r#""summary_column": "license", "phrasings": ["超范围"]"#,
        "不计入附表3",
    );
    check(
        r#""phrasings": ["未取得许可证"]"#,
        r#""phrasings": []"#,
        "缺少规范用语",
    );
    check(r#""id": "B1.1.1""#, r#""id": "M1.1.1""#, "编号重复");
    check(r#""id": "M1.1.1""#, r#""id": "M2.1.1""#, "编号应以所属子项");
    check(
        r#""institution_types": null,
        "services": null, "summary_column": "license""#,
        r#""institution_types": ["hospital"],
        "services": null, "summary_column": "license""#,
        "不在本表范围内",
    );
    check(
        r#""services": null, "summary_column": "license""#,
        r#""services": [], "summary_column": "license""#,
        "适用服务为空",
    );
    check(
        r#"["central_blood_station"]"#,
        r#"["central_blood_station", "clinic"]"#,
        "已由其他检查表覆盖",
    );
    check(
        r#""summary_column": "license""#,
        r#""summary_column": "licence""#,
        "格式错误",
    );
    check(
        r#""title": "许可", "points": [
       {"id": "M1.1.1""#,
        r#""title": "许可", "extra": 1, "points": [
       {"id": "M1.1.1""#,
        "格式错误",
    );
}
