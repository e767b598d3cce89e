use chrono::NaiveDate;
use jiandu::domain::catalog::{edition_2022, SummaryColumn};
use jiandu::domain::fubiao3::{fubiao3, Fubiao3};
use jiandu::domain::handling::{yuan_as_wan_4 as wan_4, Handling};
use jiandu::domain::huitoukan::{Campaign, Penalty, SummaryRow};
use jiandu::domain::inspection::{Answer, Inspection, InspectionStatus, Verdict};
use jiandu::domain::institution::{Institution, InstitutionType};
use jiandu::domain::labelled::Labelled;
use jiandu::domain::plan::{templates_2022, Plan};
use proptest::prelude::*;

use super::at;

fn penalised(id: &str, kind: InstitutionType, campaigns: &[Campaign]) -> Institution {
    let mut record = Institution::new(id.into(), at(1));
    record.name = id.into();
    record.kind = Some(kind);
    record.penalties = campaigns
        .iter()
        .map(|&campaign| Penalty {
            id: format!("{id}-{}", campaign.code()),
            campaign,
            year: 2021,
            decision_number: "卫医罚〔2021〕1号".into(),
            violations: Vec::new(),
        })
        .collect();
    record
}

fn answer(verdict: Verdict, handling: Vec<Handling>) -> Answer {
    let mut a = Answer::blank(at(2));
    a.verdict = verdict;
    a.description = "问题".into();
    a.handling = handling;
    a
}

fn follow_up(
    plan: &Plan,
    unit: &str,
    status: InspectionStatus,
    answers: Vec<(&str, Answer)>,
) -> Inspection {
    let mut i = Inspection::start(
        format!("i-{unit}"),
        plan,
        &penalised(unit, InstitutionType::Clinic, &[]),
        NaiveDate::from_ymd_opt(2022, 10, 10).unwrap(),
        at(2),
    );
    i.status = status;
    i.answers = answers
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    i
}

fn plan() -> Plan {
    let mut plan = templates_2022().unwrap()[2].instantiate("h".into(), at(1));
    plan.institution_ids = ["A", "B", "C", "D", "F"].map(String::from).to_vec();
    plan
}

/// The hand-worked fixture: A (依法执业) with three prescription findings and one medical
/// record finding, three fines of 1,000 元 and a case; B (依法执业) still a draft; C (非医疗机构,
/// 医疗美容) fined 20,000 元; D (医疗美容 and 随机监督, a clinic) with a revoked licence; E
/// penalised but not in the plan; F in the plan without a penalty.
fn fixture() -> (Plan, Vec<Institution>, Vec<Inspection>) {
    let plan = plan();
    let institutions = vec![
        penalised("A", InstitutionType::Clinic, &[Campaign::LawfulPractice]),
        penalised("B", InstitutionType::Clinic, &[Campaign::LawfulPractice]),
        penalised(
            "C",
            InstitutionType::NonMedical,
            &[Campaign::IllegalCosmetology],
        ),
        penalised(
            "D",
            InstitutionType::Clinic,
            &[Campaign::IllegalCosmetology, Campaign::RandomSupervision],
        ),
        penalised("E", InstitutionType::Clinic, &[Campaign::LawfulPractice]),
        penalised("F", InstitutionType::Clinic, &[]),
    ];
    let fine = |yuan| Handling::Fine { amount_yuan: yuan };
    let inspections = vec![
        follow_up(
            &plan,
            "A",
            InspectionStatus::Completed,
            vec![
                (
                    "M5.1.1",
                    answer(
                        Verdict::NonCompliant,
                        vec![
                            fine(1_000),
                            Handling::CaseFiled {
                                case_number: "1".into(),
                            },
                        ],
                    ),
                ),
                ("M5.1.2", answer(Verdict::NonCompliant, vec![fine(1_000)])),
                ("M5.1.3", answer(Verdict::NonCompliant, vec![fine(1_000)])),
                ("M5.2.1", answer(Verdict::NonCompliant, vec![])),
                ("M1.1.1", answer(Verdict::Compliant, vec![])),
            ],
        ),
        follow_up(
            &plan,
            "B",
            InspectionStatus::Draft,
            vec![("M5.1.1", answer(Verdict::NonCompliant, vec![fine(50_000)]))],
        ),
        follow_up(
            &plan,
            "C",
            InspectionStatus::Reviewed,
            vec![("M4.3.1", answer(Verdict::NonCompliant, vec![fine(20_000)]))],
        ),
        follow_up(
            &plan,
            "D",
            InspectionStatus::Completed,
            vec![(
                "M4.3.2",
                answer(Verdict::NonCompliant, vec![Handling::RevokeLicense]),
            )],
        ),
        follow_up(
            &plan,
            "E",
            InspectionStatus::Completed,
            vec![("M5.1.1", answer(Verdict::NonCompliant, vec![]))],
        ),
    ];
    (plan, institutions, inspections)
}

fn compute(plan: &Plan, institutions: &[Institution], inspections: &[Inspection]) -> Fubiao3 {
    fubiao3(
        plan,
        institutions,
        inspections,
        edition_2022(),
        NaiveDate::from_ymd_opt(2022, 11, 1).unwrap(),
    )
}

/// The cell index of a 不符合 column: after 被处罚单位数 and 检查单位数; then come 查处案件数 (29),
/// 罚没款 (30), 吊销许可证 (31) and 吊销诊疗科目 (32).
fn column(name: SummaryColumn) -> usize {
    2 + SummaryColumn::ALL.iter().position(|&c| c == name).unwrap()
}

#[test]
fn the_table_matches_the_hand_count() {
    let (plan, institutions, inspections) = fixture();
    let table = compute(&plan, &institutions, &inspections);
    let labels: Vec<&str> = table.rows.iter().map(|r| r.label()).collect();
    assert_eq!(
        labels,
        SummaryRow::ALL
            .iter()
            .map(|r| r.label())
            .collect::<Vec<_>>()
    );
    let expect = |row: usize, cells: &[(usize, &str)]| {
        let actual = table.rows[row].cells();
        assert_eq!(actual.len(), 33);
        let mut expected = vec!["0".to_string(); 33];
        expected[30] = "0.0000".into();
        for &(index, value) in cells {
            expected[index] = value.into();
        }
        assert_eq!(actual, expected, "row {}", table.rows[row].label());
    };
    // 依法执业: A and B penalised, A inspected; three prescription findings count once.
    expect(
        0,
        &[
            (0, "2"),
            (1, "1"),
            (column(SummaryColumn::Prescription), "1"),
            (column(SummaryColumn::MedicalRecord), "1"),
            (29, "1"),
            (30, "0.3000"),
        ],
    );
    // 随机监督: D, its licence revoked.
    expect(
        1,
        &[
            (0, "1"),
            (1, "1"),
            (column(SummaryColumn::MedicalCosmetology), "1"),
            (31, "1"),
        ],
    );
    // 医疗美容 非医疗机构: C.
    expect(
        2,
        &[
            (0, "1"),
            (1, "1"),
            (column(SummaryColumn::MedicalCosmetology), "1"),
            (30, "2.0000"),
        ],
    );
    // 医疗美容 医疗机构: D again.
    expect(
        3,
        &[
            (0, "1"),
            (1, "1"),
            (column(SummaryColumn::MedicalCosmetology), "1"),
            (31, "1"),
        ],
    );
    assert_eq!(table.warnings.len(), 1, "{:?}", table.warnings);
    assert!(table.warnings[0].contains("没有登记原处罚信息"));
}

#[test]
fn a_unit_failing_two_sub_items_counts_in_both() {
    let (plan, institutions, inspections) = fixture();
    let row = &compute(&plan, &institutions, &inspections).rows[0];
    assert_eq!(row.non_compliant.iter().sum::<u32>(), 2);
}

#[test]
fn money_is_shown_in_wan_with_four_decimals() {
    assert_eq!(wan_4(3 * 1_000), "0.3000");
    assert_eq!(wan_4(0), "0.0000");
    assert_eq!(wan_4(123_456), "12.3456");
}

#[test]
fn a_missing_follow_up_after_the_deadline_is_a_warning() {
    let (plan, institutions, mut inspections) = fixture();
    inspections.retain(|i| i.institution_id != "C");
    let late = fubiao3(
        &plan,
        &institutions,
        &inspections,
        edition_2022(),
        NaiveDate::from_ymd_opt(2022, 12, 1).unwrap(),
    );
    assert!(late.warnings.iter().any(|w| w.contains("“C”已过截止日期")));
    assert!(
        late.warnings.iter().any(|w| w.contains("“B”已过截止日期")),
        "a draft is not a follow-up"
    );
}

/// A unit: campaign index, type index, whether it was followed up.
type UnitSpec = (usize, usize, bool);
/// A follow-up: the unit's index and its answers as (point index, verdict index, measure index).
type FollowUpSpec = (usize, Vec<(usize, u8, u8)>);

/// Random follow-ups: each of six units in one campaign row, each answer a random verdict at a
/// random point with random measures.
fn random_case() -> impl Strategy<Value = (Vec<UnitSpec>, Vec<FollowUpSpec>)> {
    let units = prop::collection::vec((0usize..3, 0usize..4, any::<bool>()), 6);
    let answers = prop::collection::vec(
        (
            0usize..6,
            prop::collection::vec((0usize..40, 0u8..3, 0u8..4), 0..8),
        ),
        0..8,
    );
    (units, answers)
}

fn build(
    units: &[UnitSpec],
    answers: &[FollowUpSpec],
) -> (Plan, Vec<Institution>, Vec<Inspection>) {
    let points: Vec<String> = edition_2022()
        .table_for(InstitutionType::Clinic)
        .unwrap()
        .points()
        .map(|p| p.id.clone())
        .take(40)
        .collect();
    let mut plan = plan();
    plan.institution_ids = (0..units.len()).map(|n| format!("u{n}")).collect();
    let institutions: Vec<Institution> = units
        .iter()
        .enumerate()
        .map(|(n, &(campaign, kind, _))| {
            let kind = [
                InstitutionType::Clinic,
                InstitutionType::NonMedical,
                InstitutionType::Hospital,
                InstitutionType::VillageClinic,
            ][kind];
            penalised(&format!("u{n}"), kind, &[Campaign::ALL[campaign]])
        })
        .collect();
    let inspections = answers
        .iter()
        .filter(|(unit, _)| units[*unit].2)
        .map(|(unit, list)| {
            let list = list
                .iter()
                .map(|&(point, verdict, measure)| {
                    let verdict = [
                        Verdict::Compliant,
                        Verdict::NonCompliant,
                        Verdict::NotApplicable,
                    ][verdict as usize];
                    let handling = match measure {
                        0 => vec![],
                        1 => vec![Handling::Fine { amount_yuan: 1_234 }],
                        2 => vec![
                            Handling::RevokeLicense,
                            Handling::CaseFiled {
                                case_number: "x".into(),
                            },
                        ],
                        _ => vec![Handling::RevokeSubject {
                            subject: "美容科".into(),
                        }],
                    };
                    (points[point].as_str(), answer(verdict, handling))
                })
                .collect();
            let mut i = follow_up(
                &plan,
                &format!("u{unit}"),
                InspectionStatus::Completed,
                list,
            );
            i.id = format!("i-{unit}-{}", i.answers.len());
            i
        })
        .collect();
    (plan, institutions, inspections)
}

proptest! {
    #[test]
    fn unit_cells_never_exceed_the_inspected_units((units, answers) in random_case()) {
        let (plan, institutions, inspections) = build(&units, &answers);
        for row in compute(&plan, &institutions, &inspections).rows {
            prop_assert!(row.inspected <= row.penalised);
            for &cell in row.non_compliant.iter().chain([row.revoked_licence, row.revoked_subject].iter()) {
                prop_assert!(cell <= row.inspected, "{} > {} in {}", cell, row.inspected, row.label());
            }
        }
    }

    #[test]
    fn a_compliant_answer_never_changes_a_cell((units, answers) in random_case(), unit in 0usize..6, point in 0usize..40) {
        let (plan, institutions, mut inspections) = build(&units, &answers);
        let before = compute(&plan, &institutions, &inspections);
        let points: Vec<String> = edition_2022().table_for(InstitutionType::Clinic).unwrap().points().map(|p| p.id.clone()).take(40).collect();
        if let Some(inspection) = inspections.iter_mut().find(|i| i.institution_id == format!("u{unit}")) {
            // Only a point not answered yet, so the added answer is a new compliant finding.
            if !inspection.answers.contains_key(&points[point]) {
                inspection.answers.insert(points[point].clone(), answer(Verdict::Compliant, vec![]));
            }
        }
        prop_assert_eq!(before, compute(&plan, &institutions, &inspections));
    }
}
