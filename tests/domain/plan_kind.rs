//! What each kind of plan does (`PlanKind` capabilities): asked of the kind by the pages, so
//! these pin down today's behaviour of every kind.

use jiandu::domain::labelled::Labelled;
use jiandu::domain::plan::{DrawMethod, Plan, PlanKind, PlanPanel, PlanSummary, UnitWork};

use super::at;

#[test]
fn the_sampling_plans_draw_double_random_and_the_stationed_plan_draws_its_order_by_lot() {
    assert_eq!(
        PlanKind::MedicalSampling.draw(),
        Some(DrawMethod::DoubleRandom)
    );
    assert_eq!(
        PlanKind::BloodSampling.draw(),
        Some(DrawMethod::DoubleRandom)
    );
    assert_eq!(PlanKind::Stationed.draw(), Some(DrawMethod::Lottery));
    assert_eq!(PlanKind::Huitoukan.draw(), None);
}

#[test]
fn only_huitoukan_follows_up_penalties() {
    let following: Vec<PlanKind> = PlanKind::ALL
        .iter()
        .copied()
        .filter(|k| k.follows_up_penalties())
        .collect();
    assert_eq!(following, [PlanKind::Huitoukan]);
}

#[test]
fn each_kind_has_its_summary() {
    assert_eq!(
        PlanKind::MedicalSampling.summary(),
        PlanSummary::ResultTable
    );
    assert_eq!(PlanKind::BloodSampling.summary(), PlanSummary::ResultTable);
    assert_eq!(PlanKind::Huitoukan.summary(), PlanSummary::Fubiao3);
    assert_eq!(PlanKind::Stationed.summary(), PlanSummary::StationedFigures);
}

#[test]
fn stationed_units_are_worked_through_stays_and_the_others_through_inspections() {
    for &kind in PlanKind::ALL {
        let expected = if kind == PlanKind::Stationed {
            UnitWork::Stay
        } else {
            UnitWork::Inspection
        };
        assert_eq!(kind.unit_work(), expected, "{kind:?}");
    }
}

#[test]
fn each_kind_shows_its_panels() {
    assert_eq!(
        PlanKind::MedicalSampling.panels(),
        [PlanPanel::DoubleRandomDraw]
    );
    assert_eq!(
        PlanKind::BloodSampling.panels(),
        [PlanPanel::DoubleRandomDraw]
    );
    assert_eq!(PlanKind::Huitoukan.panels(), [PlanPanel::FollowUp]);
    assert_eq!(PlanKind::Stationed.panels(), [PlanPanel::Lottery]);
}

#[test]
fn a_sampling_plan_shows_its_draw_only_once_it_has_targets() {
    let mut plan = Plan::new("p".into(), PlanKind::MedicalSampling, 2022, "2022", at(1));
    assert!(!plan.shows(PlanPanel::DoubleRandomDraw));
    assert!(plan.add_target(jiandu::domain::institution::InstitutionType::Clinic, 3));
    assert!(plan.shows(PlanPanel::DoubleRandomDraw));
    assert!(!plan.shows(PlanPanel::Lottery) && !plan.shows(PlanPanel::FollowUp));
}

#[test]
fn the_lottery_and_the_follow_up_need_no_targets() {
    let stationed = Plan::new("s".into(), PlanKind::Stationed, 2024, "2022", at(1));
    assert!(stationed.shows(PlanPanel::Lottery));
    assert!(!stationed.shows(PlanPanel::DoubleRandomDraw));
    let follow_up = Plan::new("h".into(), PlanKind::Huitoukan, 2022, "2022", at(1));
    assert!(follow_up.shows(PlanPanel::FollowUp));
    assert!(!follow_up.shows(PlanPanel::Lottery));
}
