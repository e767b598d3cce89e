//! 随机抽签 of the order in which the county's hospitals are supervised on site: every public
//! and private hospital of 一级 and above, each once per 3-year round, the order drawn with the
//! app's one draw method (`domain::draw`, `docs/draw.md`). Pure.

use crate::domain::draw::{lottery, Candidate};
use crate::domain::institution::{HospitalLevel, Institution, InstitutionType};
use crate::domain::labelled::Labelled;

/// Years in one round: every hospital is supervised once per round.
pub const ROUND_YEARS: i32 = 3;

/// The hospitals the lottery draws from: hospitals graded 一级, 二级 or 三级 (未定级 ones are
/// not 一级以上), public and private alike.
pub fn eligible(institutions: &[Institution]) -> Vec<Candidate> {
    institutions
        .iter()
        .filter(|i| i.kind == Some(InstitutionType::Hospital))
        .filter(|i| {
            matches!(
                i.level,
                Some(HospitalLevel::First | HospitalLevel::Second | HospitalLevel::Third)
            )
        })
        .map(|i| Candidate {
            id: i.id.clone(),
            name: i.name.clone(),
            registration_number: i.registration_number.clone(),
            group: InstitutionType::Hospital.code().to_string(),
        })
        .collect()
}

/// The drawn order spread over the round: the first third (rounded up) in the first year, and
/// so on, so each year has about the same number of stays.
pub fn schedule(order: &[Candidate], first_year: i32) -> Vec<(i32, Vec<Candidate>)> {
    let years = ROUND_YEARS as usize;
    let mut plan = Vec::with_capacity(years);
    let mut rest = order;
    for n in 0..years {
        let take = rest.len().div_ceil(years - n);
        let (this, next) = rest.split_at(take);
        plan.push((first_year + n as i32, this.to_vec()));
        rest = next;
    }
    plan
}

/// Draws the order of a round: the list's SHA-256 and the schedule by year.
pub fn draw_round(
    seed_text: &str,
    institutions: &[Institution],
    first_year: i32,
) -> (String, Vec<(i32, Vec<Candidate>)>) {
    let (list_sha256, order) = lottery(seed_text, &eligible(institutions));
    (list_sha256, schedule(&order, first_year))
}
