use jiandu::domain::institution::{HospitalLevel, Institution, InstitutionType, Ownership};
use jiandu::domain::stationed::lottery::{draw_round, eligible, schedule};

use super::at;

fn hospital(id: &str, level: Option<HospitalLevel>, ownership: Ownership) -> Institution {
    let mut i = Institution::new(id.into(), at(1));
    i.name = format!("{id}医院");
    i.kind = Some(InstitutionType::Hospital);
    i.level = level;
    i.ownership = Some(ownership);
    i
}

fn county() -> Vec<Institution> {
    let mut all: Vec<Institution> = (0..7)
        .map(|n| {
            let level = [
                HospitalLevel::First,
                HospitalLevel::Second,
                HospitalLevel::Third,
            ][n % 3];
            let ownership = if n % 2 == 0 {
                Ownership::Public
            } else {
                Ownership::Private
            };
            hospital(&format!("h{n}"), Some(level), ownership)
        })
        .collect();
    all.push(hospital(
        "ungraded",
        Some(HospitalLevel::Ungraded),
        Ownership::Private,
    ));
    let mut clinic = Institution::new("clinic".into(), at(1));
    clinic.kind = Some(InstitutionType::Clinic);
    all.push(clinic);
    all
}

#[test]
fn only_graded_hospitals_public_and_private_are_drawn() {
    let ids: Vec<String> = eligible(&county()).into_iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 7);
    assert!(!ids.contains(&"ungraded".to_string()) && !ids.contains(&"clinic".to_string()));
}

#[test]
fn a_round_covers_every_hospital_once_spread_over_three_years() {
    let (hash, plan) = draw_round("2024年驻点监督抽签", &county(), 2024);
    assert_eq!(hash.len(), 64);
    let sizes: Vec<(i32, usize)> = plan.iter().map(|(y, h)| (*y, h.len())).collect();
    assert_eq!(sizes, [(2024, 3), (2025, 2), (2026, 2)]);
    let mut all: Vec<String> = plan
        .into_iter()
        .flat_map(|(_, h)| h)
        .map(|c| c.id)
        .collect();
    all.sort();
    assert_eq!(all, (0..7).map(|n| format!("h{n}")).collect::<Vec<_>>());
    // The same list and seed give the same order; the input order does not matter.
    let mut reversed = county();
    reversed.reverse();
    assert_eq!(
        draw_round("2024年驻点监督抽签", &reversed, 2024),
        draw_round("2024年驻点监督抽签", &county(), 2024)
    );
}

#[test]
fn a_short_list_still_fills_the_years_in_order() {
    let order = eligible(&county());
    let plan = schedule(&order[..2], 2024);
    assert_eq!(
        plan.iter().map(|(_, h)| h.len()).collect::<Vec<_>>(),
        [1, 1, 0]
    );
}
