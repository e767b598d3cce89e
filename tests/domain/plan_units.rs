//! The rules of a plan's units (`domain::plan::units`): candidates and their order, the 回头看
//! population and last year's penalised units, the drawn officers of a new inspection, the year
//! typed on the plan page, and when a plan may be deleted.

use chrono::NaiveDate;
use jiandu::domain::draw::{DrawRecord, DrawnUnit};
use jiandu::domain::huitoukan::{Campaign, Penalty, SummaryRow};
use jiandu::domain::inspection::{Assignment, Inspection};
use jiandu::domain::inspector::AssignmentRole;
use jiandu::domain::institution::{Institution, InstitutionType, RegistrationKind};
use jiandu::domain::plan::{has_work, parse_year, PenalisedUnits, Plan, PlanKind};
use jiandu::domain::stationed::stay::Stay;

use super::at;

/// A complete (valid) institution.
fn unit(id: &str, name: &str, kind: InstitutionType) -> Institution {
    let mut record = Institution::new(id.into(), at(1));
    record.name = name.into();
    record.kind = Some(kind);
    record.registration_kind = RegistrationKind::Other;
    record.registration_number = format!("REG-{id}");
    record
}

fn penalised(id: &str, name: &str, kind: InstitutionType, year: i32) -> Institution {
    let mut record = unit(id, name, kind);
    let mut penalty = Penalty::new(format!("{id}-p"), Campaign::RandomSupervision, year, at(1));
    penalty.decision_number = "卫医罚〔2021〕1号".into();
    record.penalties.push(penalty);
    record
}

fn plan(kind: PlanKind, year: i32) -> Plan {
    Plan::new("plan".into(), kind, year, "2022", at(1))
}

fn ids<'a>(candidates: &[jiandu::domain::plan::PlanCandidate<'a>]) -> Vec<&'a str> {
    candidates
        .iter()
        .map(|c| c.institution.id.as_str())
        .collect()
}

#[test]
fn candidates_are_of_the_kinds_types_and_not_yet_in_the_plan() {
    let roster = [
        unit("a", "甲诊所", InstitutionType::Clinic),
        unit("b", "乙血站", InstitutionType::CentralBloodStation),
        unit("c", "丙诊所", InstitutionType::Clinic),
        unit("n", "丁美容店", InstitutionType::NonMedical),
    ];
    let mut medical = plan(PlanKind::MedicalSampling, 2022);
    medical.institution_ids.push("c".into());
    assert_eq!(ids(&medical.candidates(&roster, "", 30)), ["a"]);
    let blood = plan(PlanKind::BloodSampling, 2022);
    assert_eq!(ids(&blood.candidates(&roster, "", 30)), ["b"]);
}

#[test]
fn candidates_follow_the_search_and_the_limit() {
    let roster = [
        unit("a", "甲诊所", InstitutionType::Clinic),
        unit("b", "乙诊所", InstitutionType::Clinic),
        unit("c", "丙诊所", InstitutionType::Clinic),
    ];
    let medical = plan(PlanKind::MedicalSampling, 2022);
    assert_eq!(ids(&medical.candidates(&roster, "乙", 30)), ["b"]);
    assert_eq!(medical.candidates(&roster, "", 2).len(), 2);
    assert_eq!(medical.candidates(&roster, "", 30).len(), 3);
}

#[test]
fn an_incomplete_candidate_is_listed_but_marked_incomplete() {
    let mut incomplete = unit("a", "甲诊所", InstitutionType::Clinic);
    incomplete.registration_number.clear();
    let roster = [incomplete, unit("b", "乙诊所", InstitutionType::Clinic)];
    let medical = plan(PlanKind::MedicalSampling, 2022);
    let found = medical.candidates(&roster, "", 30);
    let complete: Vec<(&str, bool)> = found
        .iter()
        .map(|c| (c.institution.id.as_str(), c.complete))
        .collect();
    assert!(complete.contains(&("a", false)) && complete.contains(&("b", true)));
}

#[test]
fn a_follow_up_plan_lists_only_penalised_units_until_something_is_searched() {
    let roster = [
        unit("a", "甲诊所", InstitutionType::Clinic),
        penalised("p", "乙诊所", InstitutionType::Clinic, 2021),
        unit("n", "丙美容店", InstitutionType::NonMedical),
    ];
    let follow_up = plan(PlanKind::Huitoukan, 2022);
    assert_eq!(ids(&follow_up.candidates(&roster, "", 30)), ["p"]);
    assert_eq!(ids(&follow_up.candidates(&roster, "  ", 30)), ["p"]);
    // 非医疗机构 can be followed up too.
    assert_eq!(ids(&follow_up.candidates(&roster, "丙", 30)), ["n"]);
}

#[test]
fn the_follow_up_population_counts_units_per_row_and_only_for_a_follow_up_plan() {
    let roster = [
        penalised("p", "乙诊所", InstitutionType::Clinic, 2021),
        penalised("q", "丙诊所", InstitutionType::Clinic, 2020),
        penalised("r", "丁诊所", InstitutionType::Clinic, 2021),
    ];
    let mut follow_up = plan(PlanKind::Huitoukan, 2022);
    assert_eq!(follow_up.follow_up_population(&roster), Some(Vec::new()));
    follow_up.institution_ids = vec!["p".into(), "q".into()];
    assert_eq!(
        follow_up.follow_up_population(&roster),
        Some(vec![(SummaryRow::RandomSupervision, 2)])
    );
    let mut medical = plan(PlanKind::MedicalSampling, 2022);
    medical.institution_ids = vec!["p".into()];
    assert_eq!(medical.follow_up_population(&roster), None);
}

#[test]
fn penalised_last_year_means_a_complete_unit_penalised_the_year_before_not_yet_in_the_plan() {
    let mut incomplete = penalised("x", "戊诊所", InstitutionType::Clinic, 2021);
    incomplete.registration_number.clear();
    let roster = [
        penalised("p", "乙诊所", InstitutionType::Clinic, 2021),
        penalised("q", "丙诊所", InstitutionType::Clinic, 2020),
        penalised("r", "丁诊所", InstitutionType::Clinic, 2021),
        incomplete,
        unit("a", "甲诊所", InstitutionType::Clinic),
    ];
    let mut follow_up = plan(PlanKind::Huitoukan, 2022);
    follow_up.institution_ids.push("r".into());
    assert_eq!(
        follow_up.penalised_last_year(&roster),
        Some(PenalisedUnits {
            year: 2021,
            ids: vec!["p".into()]
        })
    );
    follow_up.year = 2021;
    assert_eq!(
        follow_up.penalised_last_year(&roster),
        Some(PenalisedUnits {
            year: 2020,
            ids: vec!["q".into()]
        })
    );
    assert_eq!(
        plan(PlanKind::MedicalSampling, 2022).penalised_last_year(&roster),
        None
    );
}

fn draw(id: &str, drawn: &[(&str, &[&str])]) -> DrawRecord {
    DrawRecord {
        id: id.into(),
        seed_text: "seed".into(),
        list_sha256: String::new(),
        canonical_list: String::new(),
        drawn_at: at(2),
        drawn_by: None,
        drawn: drawn
            .iter()
            .map(|(unit, officers)| DrawnUnit {
                institution_id: unit.to_string(),
                officer_ids: officers.iter().map(|o| o.to_string()).collect(),
            })
            .collect(),
    }
}

fn assigned(id: &str, role: AssignmentRole) -> Assignment {
    Assignment {
        inspector_id: id.into(),
        role,
    }
}

#[test]
fn a_new_inspection_gets_the_officers_of_the_latest_draw_of_its_unit_the_first_leading() {
    let mut medical = plan(PlanKind::MedicalSampling, 2022);
    medical.draws = vec![
        draw("d1", &[("a", &["o1", "o2"]), ("b", &["o3", "o4"])]),
        draw("d2", &[("a", &["o5", "o6", "o7"])]),
    ];
    let today = NaiveDate::from_ymd_opt(2022, 10, 10).unwrap();
    let a = medical.start_inspection(
        "i".into(),
        &unit("a", "甲", InstitutionType::Clinic),
        today,
        at(3),
    );
    assert_eq!(
        a.inspectors,
        [
            assigned("o5", AssignmentRole::Leader),
            assigned("o6", AssignmentRole::Member),
            assigned("o7", AssignmentRole::Member)
        ]
    );
    assert_eq!(
        (a.plan_id.as_str(), a.institution_id.as_str()),
        ("plan", "a")
    );
    assert_eq!(a.date, Some(today));
    let b = medical.start_inspection(
        "j".into(),
        &unit("b", "乙", InstitutionType::Clinic),
        today,
        at(3),
    );
    assert_eq!(
        b.inspectors,
        [
            assigned("o3", AssignmentRole::Leader),
            assigned("o4", AssignmentRole::Member)
        ]
    );
}

#[test]
fn a_unit_no_draw_drew_starts_with_no_officers() {
    let medical = plan(PlanKind::MedicalSampling, 2022);
    assert_eq!(medical.drawn_officers("c"), None);
    let c = medical.start_inspection(
        "i".into(),
        &unit("c", "丙", InstitutionType::Clinic),
        NaiveDate::from_ymd_opt(2022, 10, 10).unwrap(),
        at(3),
    );
    assert!(c.inspectors.is_empty());
}

#[test]
fn a_year_is_four_digits_from_2000_to_2100() {
    assert_eq!(parse_year(" 2022 "), Some(2022));
    assert_eq!(parse_year("2000"), Some(2000));
    assert_eq!(parse_year("2100"), Some(2100));
    assert_eq!(parse_year("1999"), None);
    assert_eq!(parse_year("2101"), None);
    assert_eq!(parse_year("二〇二二"), None);
    assert_eq!(parse_year(""), None);
}

#[test]
fn a_plan_with_an_inspection_or_a_stay_has_work() {
    let medical = plan(PlanKind::MedicalSampling, 2022);
    let inspection = Inspection::start(
        "i".into(),
        &medical,
        &unit("a", "甲", InstitutionType::Clinic),
        NaiveDate::from_ymd_opt(2022, 10, 10).unwrap(),
        at(3),
    );
    let stay = Stay::new(
        "s".into(),
        "stationed".into(),
        "h".into(),
        "2024".into(),
        at(3),
    );
    assert!(!has_work("plan", &[], &[]));
    assert!(has_work("plan", std::slice::from_ref(&inspection), &[]));
    assert!(!has_work("other", std::slice::from_ref(&inspection), &[]));
    assert!(has_work("stationed", &[], std::slice::from_ref(&stay)));
}
