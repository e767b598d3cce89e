//! Loading and removing the built-in sample: each is one strict transaction over every store
//! it touches, so the sample is either wholly there or wholly gone.

use leptos::prelude::*;

use crate::browser;
use crate::browser::media::draw_card;
use crate::domain::catalog::edition_2022;
use crate::domain::inspection::Inspection;
use crate::domain::media::{sha256_hex, MediaKind, MediaRef};
use crate::domain::sample::photos::{attach_sample_photo, sample_photos};
use crate::domain::sample::{is_sample, sample};
use crate::domain::stationed::sheet::SceneSheet;
use crate::state::autosave::Autosave;
use crate::state::roster::Roster;
use crate::state::work::Work;
use crate::storage::Write;

/// Adds the sample to the lists and writes it, its evidence photos drawn first (before any
/// transaction); returns a message if it cannot be built.
pub async fn load_sample(roster: Roster, work: Work, autosave: Autosave) -> Result<(), String> {
    autosave.mark_saving();
    let result = build_and_write(roster, work, autosave).await;
    if result.is_err() {
        // Nothing was queued: let the status settle.
        autosave.flush();
    }
    result
}

async fn build_and_write(roster: Roster, work: Work, autosave: Autosave) -> Result<(), String> {
    let mut sample = sample(edition_2022(), browser::now(), browser::today())?;
    let mut media_writes = Vec::new();
    for photo in sample_photos(&sample) {
        let (blob, bytes, width, height) = draw_card(&photo.lines).await?;
        let media = MediaRef {
            id: photo.id.clone(),
            kind: MediaKind::Photo,
            mime: "image/jpeg".into(),
            bytes: bytes.len() as u64,
            sha256: sha256_hex(&bytes),
            width: Some(width),
            height: Some(height),
            captured_at: Some(photo.taken_at),
            added_at: browser::now(),
            added_by: None,
            file_name: format!("{}.jpg", photo.id),
        };
        media_writes.push(Write::put_media(&media, &blob).map_err(|e| e.message())?);
        attach_sample_photo(&mut sample, &photo.target, media);
    }
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
    writes.extend(media_writes);
    autosave.queue_batch_durable(writes);
    Ok(())
}

/// Removes every sample record (user records stay, even if they refer to sample ones).
pub fn remove_sample(roster: Roster, work: Work, autosave: Autosave) {
    let writes = remove_in_memory(roster, work);
    autosave.queue_batch_durable(writes);
}

fn remove_in_memory(roster: Roster, work: Work) -> Vec<crate::storage::Write> {
    // The sample's photos go with it (their ids carry the sample prefix too).
    let mut writes: Vec<Write> = work.inspections.items.with_untracked(|inspections| {
        work.scene_sheets.items.with_untracked(|sheets| {
            inspections
                .iter()
                .flat_map(Inspection::media_refs)
                .chain(sheets.iter().flat_map(SceneSheet::media_refs))
                .filter(|m| is_sample(&m.id))
                .map(|m| Write::delete_media(&m.id))
                .collect()
        })
    });
    writes.extend(roster.institutions.remove_where(is_sample));
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
