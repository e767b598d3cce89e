//! Searching and filtering the institution roster. Kept in plain Rust over the in-memory list
//! so that it stays fast with thousands of institutions (no per-keystroke JS conversion).

use std::collections::BTreeSet;

use super::institution::{Institution, InstitutionType};

/// What the inspector typed and picked above the roster list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstitutionQuery {
    /// Matched against the name and the registration number; blank matches all.
    pub text: String,
    pub kind: Option<InstitutionType>,
    /// Exact township; `None` matches all.
    pub township: Option<String>,
}

impl InstitutionQuery {
    /// Whether one institution matches.
    pub fn matches(&self, institution: &Institution) -> bool {
        if let Some(kind) = self.kind {
            if institution.kind != Some(kind) {
                return false;
            }
        }
        if let Some(township) = &self.township {
            if institution.township.trim() != township {
                return false;
            }
        }
        let needle = normalize(&self.text);
        needle.is_empty()
            || normalize(&institution.name).contains(&needle)
            || normalize(&institution.registration_number).contains(&needle)
    }
}

fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The institutions matching `query`, sorted by name (pinyin order is not available offline,
/// so Unicode order; stable for equal names by id).
pub fn search<'a>(
    institutions: &'a [Institution],
    query: &InstitutionQuery,
) -> Vec<&'a Institution> {
    let mut found: Vec<&Institution> = institutions.iter().filter(|i| query.matches(i)).collect();
    found.sort_by(|a, b| {
        a.name
            .trim()
            .cmp(b.name.trim())
            .then_with(|| a.id.cmp(&b.id))
    });
    found
}

/// Every township named in the roster, sorted, for the filter list.
pub fn townships(institutions: &[Institution]) -> Vec<String> {
    institutions
        .iter()
        .map(|i| i.township.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}
