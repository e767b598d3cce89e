//! What a stay's documents and tables are built from, read out of the in-memory lists: the stay,
//! its sheets, the hospital's name and the officers' names. Owned, so a `StayFacts` can borrow it.

use std::collections::HashMap;

use super::roster::Roster;
use super::work::Work;
use crate::domain::stationed::documents::StayFacts;
use crate::domain::stationed::scenes::edition_2024;
use crate::domain::stationed::sheet::SceneSheet;
use crate::domain::stationed::stay::Stay;

/// A stay's inputs, read (and tracked) from the lists.
pub struct StayInputs {
    stay: Stay,
    sheets: Vec<SceneSheet>,
    hospital: String,
    names: HashMap<String, String>,
}

impl StayInputs {
    /// Reads the stay `id`; none if it is gone.
    pub fn read(work: Work, roster: Roster, id: &str) -> Option<Self> {
        let stay = work.stays.get(id)?;
        let sheets = work.sheets_of(id);
        let hospital = roster
            .institutions
            .get(&stay.institution_id)
            .map(|i| i.name)
            .unwrap_or_default();
        let names = stay
            .group
            .officers()
            .into_iter()
            .filter_map(|(id, _)| Some((id.to_string(), roster.inspectors.get(id)?.name)))
            .collect();
        Some(Self {
            stay,
            sheets,
            hospital,
            names,
        })
    }

    pub fn stay(&self) -> &Stay {
        &self.stay
    }

    /// The facts the documents and the 问题汇总表 are built from.
    pub fn facts(&self) -> StayFacts<'_> {
        StayFacts::new(
            edition_2024(),
            &self.stay,
            &self.hospital,
            &self.sheets,
            |id| self.names.get(id).cloned(),
        )
    }
}
