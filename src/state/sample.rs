//! Loading and removing the built-in sample: each is one strict transaction over every store
//! it touches, so the sample is either wholly there or wholly gone.

use crate::browser;
use crate::domain::catalog::edition_2022;
use crate::domain::sample::{is_sample, sample};
use crate::state::autosave::Autosave;
use crate::state::roster::Roster;
use crate::state::work::Work;

/// Adds the sample to the lists and writes it; returns a message if it cannot be built.
pub fn load_sample(roster: Roster, work: Work, autosave: Autosave) -> Result<(), String> {
    let sample = sample(edition_2022(), browser::now(), browser::today())?;
    // Loading again replaces the sample: its old records are dropped first (a later put to the
    // same record supersedes its delete in the queue).
    let mut writes = remove_in_memory(roster, work);
    let converted = (|| {
        writes.extend(roster.institutions.extend(sample.institutions)?);
        writes.extend(roster.inspectors.extend(sample.inspectors)?);
        writes.extend(work.plans.extend(sample.plans)?);
        writes.extend(work.inspections.extend(sample.inspections)?);
        writes.extend(work.stays.extend(sample.stays)?);
        writes.extend(work.scene_sheets.extend(sample.scene_sheets)?);
        Ok::<_, crate::storage::StorageError>(())
    })();
    converted.map_err(|e| e.message())?;
    autosave.queue_batch_durable(writes);
    Ok(())
}

/// Removes every sample record (user records stay, even if they refer to sample ones).
pub fn remove_sample(roster: Roster, work: Work, autosave: Autosave) {
    let writes = remove_in_memory(roster, work);
    autosave.queue_batch_durable(writes);
}

fn remove_in_memory(roster: Roster, work: Work) -> Vec<crate::storage::Write> {
    let mut writes = roster.institutions.remove_where(is_sample);
    writes.extend(roster.inspectors.remove_where(is_sample));
    writes.extend(work.plans.remove_where(is_sample));
    writes.extend(work.inspections.remove_where(is_sample));
    writes.extend(work.stays.remove_where(is_sample));
    writes.extend(work.scene_sheets.remove_where(is_sample));
    writes
}

/// How many sample records are on the device.
pub fn sample_count(roster: Roster, work: Work) -> usize {
    let count = |ids: Vec<bool>| ids.into_iter().filter(|&s| s).count();
    count(
        roster
            .institutions
            .with(|l| l.iter().map(|r| is_sample(&r.id)).collect()),
    ) + count(
        roster
            .inspectors
            .with(|l| l.iter().map(|r| is_sample(&r.id)).collect()),
    ) + count(
        work.plans
            .with(|l| l.iter().map(|r| is_sample(&r.id)).collect()),
    ) + count(
        work.inspections
            .with(|l| l.iter().map(|r| is_sample(&r.id)).collect()),
    ) + count(
        work.stays
            .with(|l| l.iter().map(|r| is_sample(&r.id)).collect()),
    ) + count(
        work.scene_sheets
            .with(|l| l.iter().map(|r| is_sample(&r.id)).collect()),
    )
}
