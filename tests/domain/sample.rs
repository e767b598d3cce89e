use std::collections::BTreeSet;

use chrono::NaiveDate;
use jiandu::domain::catalog::{edition_2022, SummaryColumn};
use jiandu::domain::fubiao3::{
    fubiao3, Fubiao3, CASES_CELL, DATA_CELLS, FINES_CELL, FIRST_COLUMN_CELL, INSPECTED_CELL,
    PENALISED_CELL, REVOKED_SUBJECT_CELL,
};
use jiandu::domain::handling::Handling;
use jiandu::domain::huitoukan::{Campaign, SummaryRow};
use jiandu::domain::inspection::{InspectionStatus, Verdict};
use jiandu::domain::inspector;
use jiandu::domain::institution::{validate, InstitutionType};
use jiandu::domain::labelled::Labelled;
use jiandu::domain::plan::{Plan, PlanKind};
use jiandu::domain::plan_result::plan_result;
use jiandu::domain::sample::{is_sample, sample, Sample};

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
        .chain(sample.inspections.iter().map(|i| &i.id))
        .chain(sample.stays.iter().map(|s| &s.id))
        .chain(sample.scene_sheets.iter().map(|s| &s.id));
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

/// The sample's 回头看 plan.
fn huitoukan_plan(sample: &Sample) -> &Plan {
    sample
        .plans
        .iter()
        .find(|p| p.kind == PlanKind::Huitoukan)
        .expect("the sample has a 回头看 plan")
}

/// 附表3 of the sample's 回头看, on a day before its deadline.
fn sample_fubiao3(sample: &Sample, today: NaiveDate) -> Fubiao3 {
    fubiao3(
        huitoukan_plan(sample),
        &sample.institutions,
        &sample.inspections,
        edition_2022(),
        today,
    )
}

/// The data cell of a 不符合 column.
fn column(name: SummaryColumn) -> usize {
    FIRST_COLUMN_CELL + SummaryColumn::ALL.iter().position(|&c| c == name).unwrap()
}

/// The 回头看 plan comes from the 2022 template: due 2022-11-04, six units, two per campaign.
#[test]
fn the_sample_has_a_huitoukan_plan_of_six_penalised_units() {
    let sample = build();
    let plan = huitoukan_plan(&sample);
    assert_eq!(plan.deadline, NaiveDate::from_ymd_opt(2022, 11, 4));
    assert_eq!(plan.institution_ids.len(), 6);
    let campaigns: Vec<Campaign> = plan
        .institution_ids
        .iter()
        .map(|id| {
            let unit = sample.institutions.iter().find(|i| &i.id == id).unwrap();
            assert_eq!(unit.penalties.len(), 1, "{}", unit.name);
            unit.penalties[0].campaign
        })
        .collect();
    use Campaign as C;
    assert_eq!(
        campaigns,
        [
            C::LawfulPractice,
            C::LawfulPractice,
            C::RandomSupervision,
            C::RandomSupervision,
            C::IllegalCosmetology,
            C::IllegalCosmetology,
        ]
    );
    let follow_ups = sample
        .inspections
        .iter()
        .filter(|i| i.plan_id == plan.id)
        .count();
    assert_eq!(follow_ups, 6, "one follow-up per unit, one of them a draft");
}

/// The hand count of the sample's 附表3 (cells not listed are 0, 罚没款 "0.0000"):
/// - 依法执业 (示例康宁诊所, 示例仁和医院; both followed up): 被处罚 2, 检查 2; 护士 1 (仁和
///   M2.6.1); 处方 2 (康宁: M5.1.2 and its 部分整改 original violation, once; 仁和: M5.1.5);
///   病历 1 (仁和 M5.2.5; its original 病历 violation is 已整改, its 医疗废物 one has no
///   column); 人员资格 0 (康宁's original one 已整改); 案件 2; 罚没款 5,000 + 20,000 元 = 2.5000.
/// - 随机监督 (示例河口镇卫生院 completed, 示例惠民中医诊所 still a draft): 被处罚 2, 检查 1;
///   抗菌药物 1 (M3.2.2 and the 部分整改 original violation); 医疗器械 1 (M3.3.2); 诊疗活动 0
///   (已整改); 案件 1; 罚没款 3,000 元 = 0.3000.
/// - 医疗美容 非医疗机构 (示例美容工作室): 被处罚 1, 检查 1; 执业许可证 1 (N1.1.1, N5.1.1 and the
///   未整改 original violation); 医师 1 (N2.2.1); 医疗美容 1 (N3.1.1); 医疗器械 1 (N4.2.1,
///   N4.2.2, N5.1.2); 人员资格 0 (已整改); 案件 1; 罚没款 20,000 + 3,500 元 = 2.3500.
/// - 医疗美容 医疗机构 (示例悦颜医疗美容诊所): 被处罚 1, 检查 1; 医疗美容 1 (M4.3.1, M4.3.7 and
///   the 未整改 original violation); 案件 2; 罚没款 10,000 + 5,000 元 = 1.5000; 吊销诊疗科目 1.
#[test]
fn the_sample_fubiao3_matches_the_hand_count() {
    let sample = build();
    let table = sample_fubiao3(&sample, NaiveDate::from_ymd_opt(2022, 10, 25).unwrap());
    assert_eq!(table.warnings, Vec::<String>::new(), "before the deadline");
    let rows: Vec<SummaryRow> = table.rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, SummaryRow::ALL);
    let expect = |row: usize, cells: &[(usize, &str)]| {
        let mut expected = vec!["0".to_string(); DATA_CELLS];
        expected[FINES_CELL] = "0.0000".into();
        for &(index, value) in cells {
            expected[index] = value.into();
        }
        assert_eq!(
            table.rows[row].cells(),
            expected,
            "{}",
            table.rows[row].label()
        );
    };
    use SummaryColumn as C;
    expect(
        0,
        &[
            (PENALISED_CELL, "2"),
            (INSPECTED_CELL, "2"),
            (column(C::Nurse), "1"),
            (column(C::Prescription), "2"),
            (column(C::MedicalRecord), "1"),
            (CASES_CELL, "2"),
            (FINES_CELL, "2.5000"),
        ],
    );
    expect(
        1,
        &[
            (PENALISED_CELL, "2"),
            (INSPECTED_CELL, "1"),
            (column(C::Antimicrobial), "1"),
            (column(C::MedicalDevice), "1"),
            (CASES_CELL, "1"),
            (FINES_CELL, "0.3000"),
        ],
    );
    expect(
        2,
        &[
            (PENALISED_CELL, "1"),
            (INSPECTED_CELL, "1"),
            (column(C::License), "1"),
            (column(C::Physician), "1"),
            (column(C::MedicalCosmetology), "1"),
            (column(C::MedicalDevice), "1"),
            (CASES_CELL, "1"),
            (FINES_CELL, "2.3500"),
        ],
    );
    expect(
        3,
        &[
            (PENALISED_CELL, "1"),
            (INSPECTED_CELL, "1"),
            (column(C::MedicalCosmetology), "1"),
            (CASES_CELL, "2"),
            (FINES_CELL, "1.5000"),
            (REVOKED_SUBJECT_CELL, "1"),
        ],
    );
}

/// Every row shows something beyond 被处罚单位数: each has inspected units and at least one
/// 不符合 column (rows 1 to 4: 3, 2, 4 and 1 non-zero 不符合 columns, see the hand count above);
/// and 随机监督 shows 检查单位数 1 < 被处罚单位数 2 (示例惠民中医诊所's follow-up is a draft).
#[test]
fn every_row_of_the_sample_fubiao3_has_data() {
    let sample = build();
    let table = sample_fubiao3(&sample, NaiveDate::from_ymd_opt(2022, 10, 25).unwrap());
    for row in &table.rows {
        assert!(!row.is_zero(INSPECTED_CELL), "{}", row.label());
        assert!(
            row.non_compliant.iter().any(|&n| n > 0),
            "{}: no 不符合 column",
            row.label()
        );
        assert!(row.inspected <= row.penalised, "{}", row.label());
        assert!(row.non_compliant.iter().all(|&n| n <= row.inspected));
    }
    let short: Vec<SummaryRow> = table
        .rows
        .iter()
        .filter(|r| r.inspected < r.penalised)
        .map(|r| r.row)
        .collect();
    assert_eq!(short, [SummaryRow::RandomSupervision]);
}

/// After the deadline (2022-11-04) the one unit without a counted follow-up is warned about.
#[test]
fn after_the_deadline_the_draft_follow_up_is_warned_about() {
    let sample = build();
    let table = sample_fubiao3(&sample, NaiveDate::from_ymd_opt(2022, 11, 10).unwrap());
    assert_eq!(
        table.warnings,
        ["“示例惠民中医诊所”已过截止日期仍未完成回头看检查"]
    );
}

/// Every completed or reviewed sample inspection meets the completion rules against its own
/// checklist (5 of the 回头看 with their unit's original violations; 4 of the other plans:
/// the hospital, the cosmetic clinic, village clinic 1 and the blood station);
/// every 回头看 one records a rectification for each original violation, and its 不符合
/// answers all carry measures. The revocation column has its source: one 吊销诊疗科目.
#[test]
fn completed_sample_inspections_have_no_completion_problems() {
    let sample = build();
    let huitoukan = huitoukan_plan(&sample);
    let mut checked = (0, 0);
    for inspection in sample
        .inspections
        .iter()
        .filter(|i| i.status != InspectionStatus::Draft)
    {
        let unit = sample
            .institutions
            .iter()
            .find(|i| i.id == inspection.institution_id)
            .unwrap();
        let checklist = edition_2022()
            .checklist_for(unit.kind.unwrap(), &unit.services)
            .unwrap();
        let follow_up = inspection.plan_id == huitoukan.id;
        let penalised = follow_up.then_some(unit);
        assert_eq!(
            inspection.completion_problems(&checklist, penalised),
            vec![],
            "{}",
            inspection.id
        );
        assert!(inspection.completed_at().is_some(), "{}", inspection.id);
        if follow_up {
            checked.0 += 1;
            let violations = unit.penalties.iter().flat_map(|p| &p.violations);
            for violation in violations {
                let check = &inspection.rectifications[&violation.id];
                assert!(check.status.is_some() && !check.observation.is_empty());
            }
            assert!(inspection
                .answers
                .values()
                .filter(|a| a.verdict == Verdict::NonCompliant)
                .all(|a| !a.handling.is_empty()));
        } else {
            checked.1 += 1;
        }
    }
    assert_eq!(checked, (5, 4));
    let revocations = sample
        .inspections
        .iter()
        .flat_map(|i| i.answers.values())
        .flat_map(|a| &a.handling)
        .filter(|h| matches!(h, Handling::RevokeSubject { .. } | Handling::RevokeLicense))
        .count();
    assert_eq!(revocations, 1);
}

/// Every sample institution validates (15: the 10 of every type and 5 added for the 回头看),
/// and each of the 6 penalties is complete.
#[test]
fn sample_institutions_and_penalties_are_valid() {
    let sample = build();
    assert_eq!(sample.institutions.len(), 15);
    for institution in &sample.institutions {
        assert_eq!(validate(institution), vec![], "{}", institution.name);
    }
    let penalties: Vec<_> = sample
        .institutions
        .iter()
        .flat_map(|i| &i.penalties)
        .collect();
    assert_eq!(penalties.len(), 6);
    for penalty in penalties {
        assert_eq!(penalty.problems(), Vec::<String>::new(), "{}", penalty.id);
        assert_eq!(penalty.year, 2021);
    }
}

/// Every id of the sample, penalties and original violations included (6 and 12) and the two
/// stays, is unique within its kind and starts with `sample-<kind>-`.
#[test]
fn sample_ids_are_unique_and_marked() {
    let sample = build();
    let penalties = sample.institutions.iter().flat_map(|i| &i.penalties);
    let kinds: [(&str, Vec<&String>); 7] = [
        (
            "institution",
            sample.institutions.iter().map(|i| &i.id).collect(),
        ),
        (
            "inspector",
            sample.inspectors.iter().map(|i| &i.id).collect(),
        ),
        ("plan", sample.plans.iter().map(|p| &p.id).collect()),
        (
            "inspection",
            sample.inspections.iter().map(|i| &i.id).collect(),
        ),
        ("stay", sample.stays.iter().map(|s| &s.id).collect()),
        ("penalty", penalties.clone().map(|p| &p.id).collect()),
        (
            "violation",
            penalties
                .flat_map(|p| &p.violations)
                .map(|v| &v.id)
                .collect(),
        ),
    ];
    for (kind, ids) in kinds {
        let unique: BTreeSet<&String> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{kind} ids repeat");
        for id in ids {
            assert!(is_sample(id), "{id}");
            assert!(id.starts_with(&format!("sample-{kind}-")), "{id}");
        }
    }
    assert_eq!(sample.plans.len(), 4, "2 sampling plans, 回头看, 驻点监督");
    assert_eq!(sample.inspections.len(), 11);
    assert_eq!(sample.inspectors.len(), 4);
}

#[test]
fn the_sample_names_photos_for_real_findings_and_they_attach() {
    use jiandu::domain::media::{MediaKind, MediaRef};
    use jiandu::domain::sample::photos::{attach_sample_photo, sample_photos, PhotoTarget};
    let mut s = build();
    let photos = sample_photos(&s);
    assert_eq!(
        photos.len(),
        5,
        "three findings of inspections, two 驻点 problems"
    );
    let stay_photos = photos
        .iter()
        .filter(|p| matches!(p.target, PhotoTarget::StayAnswer { .. }))
        .count();
    assert_eq!(stay_photos, 2);
    for photo in &photos {
        assert!(photo.id.starts_with("sample-"), "removed with the sample");
        assert!(
            photo.lines.iter().all(|l| !l.trim().is_empty()),
            "{photo:?}"
        );
        let media = MediaRef {
            id: photo.id.clone(),
            kind: MediaKind::Photo,
            mime: "image/jpeg".into(),
            bytes: 1,
            sha256: "00".into(),
            width: None,
            height: None,
            captured_at: Some(photo.taken_at),
            added_at: at(1),
            added_by: None,
            file_name: String::new(),
        };
        assert!(
            attach_sample_photo(&mut s, &photo.target, media),
            "{photo:?}"
        );
    }
}
