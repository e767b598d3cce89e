use chrono::NaiveDate;
use jiandu::domain::catalog::{edition_2022, SummaryColumn};
use jiandu::domain::fubiao3::{fubiao3, Fubiao3, Fubiao3Index};
use jiandu::domain::handling::{yuan_as_wan_4 as wan_4, Handling};
use jiandu::domain::huitoukan::{
    follow_up_problems, Campaign, OriginalViolation, Penalty, Rectification, SummaryRow,
};
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
            violations: vec![OriginalViolation {
                id: format!("{id}-{}-v1", campaign.code()),
                text: "原违法行为".into(),
                column: None,
            }],
            recorded_at: None,
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
    assert_eq!(table.warnings.len(), 2, "{:?}", table.warnings);
    assert!(table.warnings[0].contains("“F”没有登记原处罚信息"));
    assert!(
        table.warnings[1].contains("“E”有已完成的回头看检查，但不在本任务的检查对象中"),
        "E's follow-up is not counted, and the user is told"
    );
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
        .enumerate()
        .filter(|(_, (unit, _))| units[*unit].2)
        .map(|(n, (unit, list))| {
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
            // Ids are unique, as the app's UUIDs are.
            i.id = format!("i-{n}");
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

/// C's original violation, mapped to 病历管理, and what the follow-up found about it.
fn with_standing_violation(status: Option<Rectification>) -> Fubiao3 {
    let (plan, mut institutions, mut inspections) = fixture();
    let c = institutions.iter_mut().find(|i| i.id == "C").unwrap();
    c.penalties[0].violations[0].column = Some(SummaryColumn::MedicalRecord);
    let violation = c.penalties[0].violations[0].id.clone();
    let follow_up = inspections
        .iter_mut()
        .find(|i| i.institution_id == "C")
        .unwrap();
    follow_up.rectify(&violation, at(3), None, |check| {
        check.status = status;
        check.note = "仍未建立病历".into();
    });
    compute(&plan, &institutions, &inspections)
}

#[test]
fn a_violation_still_standing_counts_under_its_column() {
    let cell =
        |table: &Fubiao3| table.rows[2].cells()[column(SummaryColumn::MedicalRecord)].clone();
    assert_eq!(
        cell(&with_standing_violation(Some(Rectification::NotRectified))),
        "1"
    );
    assert_eq!(
        cell(&with_standing_violation(Some(Rectification::Partly))),
        "1"
    );
    assert_eq!(
        cell(&with_standing_violation(Some(Rectification::Rectified))),
        "0"
    );
    assert_eq!(cell(&with_standing_violation(None)), "0");
}

#[test]
fn a_follow_up_is_complete_only_when_every_violation_is_settled() {
    let (plan, institutions, _) = fixture();
    let unit = &institutions[0];
    let mut follow_up = follow_up(&plan, "A", InspectionStatus::Draft, vec![]);
    let problems = |i: &Inspection| follow_up_problems(unit, &i.rectifications);
    assert_eq!(
        problems(&follow_up),
        vec!["原违法行为1：请选择整改情况".to_string()]
    );
    let id = unit.penalties[0].violations[0].id.clone();
    follow_up.rectify(&id, at(3), None, |c| c.status = Some(Rectification::Partly));
    assert_eq!(
        problems(&follow_up),
        vec!["原违法行为1：部分整改须说明尚未整改的内容".to_string()]
    );
    follow_up.rectify(&id, at(3), None, |c| c.note = "处方仍无医师签名".into());
    assert!(problems(&follow_up).is_empty());
}

#[test]
fn each_non_zero_cell_lists_the_units_and_findings_behind_it() {
    let (plan, institutions, inspections) = fixture();
    let index = Fubiao3Index::build(edition_2022(), &inspections);
    let sources = |row, cell| {
        index.sources(
            &plan,
            &institutions,
            &inspections,
            edition_2022(),
            row,
            cell,
        )
    };
    let prescription = sources(
        SummaryRow::LawfulPractice,
        column(SummaryColumn::Prescription),
    );
    assert_eq!(prescription.len(), 1);
    assert_eq!(prescription[0].institution_id, "A");
    assert_eq!(prescription[0].inspection_ids, vec!["i-A".to_string()]);
    assert_eq!(
        prescription[0].details.len(),
        3,
        "{:?}",
        prescription[0].details
    );
    let fines = sources(SummaryRow::LawfulPractice, 30);
    assert_eq!(fines[0].details.len(), 3);
    assert!(fines[0].details[0].ends_with("罚没款 1000元（0.1万元）"));
    let penalised: Vec<String> = sources(SummaryRow::LawfulPractice, 0)
        .into_iter()
        .map(|s| s.institution_id)
        .collect();
    assert_eq!(penalised, ["A", "B"]);
    assert!(sources(SummaryRow::LawfulPractice, column(SummaryColumn::Nurse)).is_empty());
    let table = compute(&plan, &institutions, &inspections);
    for row in &table.rows {
        for cell in 0..33 {
            let listed = sources(row.row, cell).len();
            assert_eq!(
                listed == 0,
                row.is_zero(cell),
                "{} cell {cell}",
                row.label()
            );
        }
    }
}

/// An edit to apply: which inspection, and what to do to it.
#[derive(Debug, Clone)]
enum Edit {
    Answer(usize, usize, u8),
    Status(usize, u8),
    Remove(usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        prop_oneof![
            (0usize..8, 0usize..40, 0u8..3).prop_map(|(i, p, v)| Edit::Answer(i, p, v)),
            (0usize..8, 0u8..3).prop_map(|(i, s)| Edit::Status(i, s)),
            (0usize..8).prop_map(Edit::Remove),
        ],
        1..12,
    )
}

proptest! {
    #[test]
    fn an_index_updated_edit_by_edit_equals_one_built_afresh((units, answers) in random_case(), edits in edits()) {
        let (plan, institutions, mut inspections) = build(&units, &answers);
        let points: Vec<String> = edition_2022().table_for(InstitutionType::Clinic).unwrap().points().map(|p| p.id.clone()).take(40).collect();
        let mut index = Fubiao3Index::build(edition_2022(), &inspections);
        let today = NaiveDate::from_ymd_opt(2022, 11, 1).unwrap();
        for edit in edits {
            if inspections.is_empty() {
                break;
            }
            match edit {
                Edit::Answer(i, p, v) => {
                    let i = i % inspections.len();
                    let verdict = [Verdict::Compliant, Verdict::NonCompliant, Verdict::NotApplicable][v as usize];
                    inspections[i].answer(&points[p], at(4), None, |a| {
                        a.verdict = verdict;
                        a.handling = vec![Handling::Fine { amount_yuan: 500 }];
                    });
                    index.upsert(&inspections[i]);
                }
                Edit::Status(i, s) => {
                    let i = i % inspections.len();
                    inspections[i].status = InspectionStatus::ALL[s as usize];
                    index.upsert(&inspections[i]);
                }
                Edit::Remove(i) => {
                    let removed = inspections.remove(i % inspections.len());
                    index.remove(&removed.id);
                }
            }
            prop_assert_eq!(
                index.table(&plan, &institutions, today),
                compute(&plan, &institutions, &inspections)
            );
        }
    }
}
