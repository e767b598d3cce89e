//! Drawing by lot, one method for every draw in the app (双随机 objects and inspectors, the 驻点
//! lottery): the candidates are put in a canonical order and written as a canonical list; the
//! ChaCha20 generator is seeded with SHA-256(seed text, a zero byte, the canonical list); a
//! uniform index in `0..n` is taken from its 64-bit outputs by rejection; the draw is a
//! Fisher–Yates shuffle in that order. Anyone with the seed text and the same list gets the
//! same result on any device (`docs/draw.md`). Pure: the seed text is the caller's.

use std::collections::HashMap;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use sha2::{Digest, Sha256};

use super::credit_code;
use super::digest::sha256_hex;

/// One object that may be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    /// 统一社会信用代码 or registration number, as typed.
    pub registration_number: String,
    /// The group it is drawn within (e.g. an institution type's code); one draw per group.
    pub group: String,
}

/// The candidates in canonical order (group, registration number, name, id) and the list's text,
/// one line per candidate: `group<TAB>number<TAB>name<TAB>id`.
pub fn canonical(candidates: &[Candidate]) -> (Vec<Candidate>, String) {
    let mut sorted: Vec<Candidate> = candidates.to_vec();
    let key = |c: &Candidate| {
        (
            c.group.clone(),
            credit_code::normalize(&c.registration_number),
            c.name.trim().to_string(),
            c.id.clone(),
        )
    };
    sorted.sort_by_key(key);
    sorted.dedup_by(|a, b| a.id == b.id);
    let text = sorted
        .iter()
        .map(|c| {
            let (group, number, name, id) = key(c);
            format!("{group}\t{number}\t{name}\t{id}\n")
        })
        .collect();
    (sorted, text)
}

/// The generator for a seed text and a canonical list.
pub fn generator(seed_text: &str, canonical_list: &str) -> ChaCha20Rng {
    let mut hasher = Sha256::new();
    hasher.update(seed_text.as_bytes());
    hasher.update([0u8]);
    hasher.update(canonical_list.as_bytes());
    ChaCha20Rng::from_seed(hasher.finalize().into())
}

/// A uniform index in `0..n` (n > 0): 64-bit outputs at or above the largest multiple of `n`
/// are rejected, so every index is equally likely.
pub fn uniform(rng: &mut ChaCha20Rng, n: u64) -> u64 {
    let zone = u64::MAX - (u64::MAX % n);
    loop {
        let x = rng.next_u64();
        if x < zone {
            return x % n;
        }
    }
}

/// `items` in drawn order: a Fisher–Yates shuffle from the first position on.
pub fn shuffle<T>(rng: &mut ChaCha20Rng, items: &mut [T]) {
    let n = items.len();
    for i in 0..n.saturating_sub(1) {
        let j = i + uniform(rng, (n - i) as u64) as usize;
        items.swap(i, j);
    }
}

/// An officer who may be assigned, with the candidates they must not inspect (回避).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub id: String,
    pub avoid: Vec<String>,
}

/// One drawn object with its officers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub candidate: Candidate,
    pub officers: Vec<String>,
}

/// A finished draw: what anyone needs to re-check it, and the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawResult {
    pub seed_text: String,
    /// SHA-256 (hex) of the canonical list drawn from.
    pub list_sha256: String,
    pub drawn: Vec<Drawn>,
    /// Groups that had fewer candidates than asked for: (group, asked, available).
    pub short: Vec<(String, usize, usize)>,
    /// Drawn objects that could not get enough officers without a conflict.
    pub understaffed: Vec<String>,
}

/// The double random draw (双随机): from each group draw the asked number of candidates, then
/// give each drawn object `per_object` officers, never one who must avoid it, spreading the
/// work (fewest assignments first, ties by an order drawn once from the same generator).
pub fn double_random(
    seed_text: &str,
    candidates: &[Candidate],
    asked: &[(String, usize)],
    officers: &[Officer],
    per_object: usize,
) -> DrawResult {
    let (sorted, list) = canonical(candidates);
    let mut rng = generator(seed_text, &list);
    let mut drawn = Vec::new();
    let mut short = Vec::new();
    for (group, count) in asked {
        let mut pool: Vec<&Candidate> = sorted.iter().filter(|c| &c.group == group).collect();
        shuffle(&mut rng, &mut pool);
        if pool.len() < *count {
            short.push((group.clone(), *count, pool.len()));
        }
        drawn.extend(pool.into_iter().take(*count).cloned());
    }
    let mut order: Vec<&Officer> = {
        let mut officers: Vec<&Officer> = officers.iter().collect();
        officers.sort_by(|a, b| a.id.cmp(&b.id));
        officers
    };
    shuffle(&mut rng, &mut order);
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(n, o)| (o.id.as_str(), n))
        .collect();
    let mut load: HashMap<&str, usize> = HashMap::new();
    let mut understaffed = Vec::new();
    let mut staffed = Vec::with_capacity(drawn.len());
    // The objects with the fewest eligible officers are staffed first, so avoiding a conflict
    // does not leave the work uneven.
    let eligible_count = |c: &Candidate| order.iter().filter(|o| !o.avoid.contains(&c.id)).count();
    let mut queue: Vec<(usize, Candidate)> = drawn.into_iter().enumerate().collect();
    queue.sort_by_key(|(n, c)| (eligible_count(c), *n));
    for (position, candidate) in queue {
        let mut eligible: Vec<&str> = order
            .iter()
            .filter(|o| !o.avoid.contains(&candidate.id))
            .map(|o| o.id.as_str())
            .collect();
        eligible.sort_by_key(|id| (load.get(id).copied().unwrap_or(0), rank[id]));
        eligible.truncate(per_object);
        for id in &eligible {
            *load.entry(id).or_default() += 1;
        }
        if eligible.len() < per_object {
            understaffed.push(candidate.id.clone());
        }
        staffed.push((
            position,
            Drawn {
                candidate,
                officers: eligible.into_iter().map(String::from).collect(),
            },
        ));
    }
    // Back in drawn order.
    staffed.sort_by_key(|(position, _)| *position);
    let staffed: Vec<Drawn> = staffed.into_iter().map(|(_, d)| d).collect();
    DrawResult {
        seed_text: seed_text.to_string(),
        list_sha256: sha256_hex(list.as_bytes()),
        drawn: staffed,
        short,
        understaffed,
    }
}

/// The order of all candidates by lot (the 驻点 lottery of hospitals): the same method.
pub fn lottery(seed_text: &str, candidates: &[Candidate]) -> (String, Vec<Candidate>) {
    let (mut sorted, list) = canonical(candidates);
    let mut rng = generator(seed_text, &list);
    shuffle(&mut rng, &mut sorted);
    (sha256_hex(list.as_bytes()), sorted)
}

/// A draw as recorded with its plan: never redone silently; a new draw is a new record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DrawRecord {
    pub id: String,
    pub seed_text: String,
    pub list_sha256: String,
    /// The canonical list drawn from, kept so the draw can be re-checked later.
    pub canonical_list: String,
    pub drawn_at: chrono::DateTime<chrono::Utc>,
    /// The officer who drew (记录人), if chosen.
    pub drawn_by: Option<String>,
    /// Drawn institutions in order, each with its officers.
    pub drawn: Vec<DrawnUnit>,
}

/// One drawn institution and its officers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DrawnUnit {
    pub institution_id: String,
    pub officer_ids: Vec<String>,
}

/// The candidates of a plan's draw: every valid institution of the types its targets cover
/// and not yet in the plan, grouped by target (its label), with the count each target still
/// needs.
pub fn plan_candidates(
    plan: &super::plan::Plan,
    institutions: &[super::institution::Institution],
) -> (Vec<Candidate>, Vec<(String, usize)>) {
    let mut candidates = Vec::new();
    let mut asked = Vec::new();
    for target in &plan.targets {
        let group = target.label();
        let listed = institutions
            .iter()
            .filter(|i| plan.institution_ids.contains(&i.id))
            .filter(|i| i.kind.is_some_and(|k| target.types.contains(&k)))
            .count();
        asked.push((
            group.clone(),
            (target.count as usize).saturating_sub(listed),
        ));
        candidates.extend(
            institutions
                .iter()
                .filter(|i| !plan.institution_ids.contains(&i.id))
                .filter(|i| i.kind.is_some_and(|k| target.types.contains(&k)))
                .filter(|i| super::institution::validate(i).is_empty())
                .map(|i| Candidate {
                    id: i.id.clone(),
                    name: i.name.clone(),
                    registration_number: i.registration_number.clone(),
                    group: group.clone(),
                }),
        );
    }
    (candidates, asked)
}
