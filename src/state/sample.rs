//! Loading and removing the built-in sample: each is one strict transaction over every store
//! it touches, so the sample is either wholly there or wholly gone, and each is told done only
//! once that transaction committed; a failed write puts memory back as it was.

use std::cell::Cell;

use leptos::prelude::*;

use crate::browser;
use crate::browser::media::draw_card;
use crate::domain::catalog::edition_2022;
use crate::domain::inspection::Inspection;
use crate::domain::inspector::Inspector;
use crate::domain::institution::Institution;
use crate::domain::media::{sha256_hex, MediaKind, MediaRef};
use crate::domain::plan::Plan;
use crate::domain::sample::photos::{attach_sample_photo, sample_photos};
use crate::domain::sample::{is_sample, sample, Sample};
use crate::domain::stationed::sheet::SceneSheet;
use crate::domain::stationed::stay::Stay;
use crate::state::autosave::Autosave;
use crate::state::record_list::{Listed, RecordList};
use crate::state::roster::Roster;
use crate::state::work::Work;
use crate::storage::Write;

thread_local! {
    /// Set while a load or removal is being written: a second one waits for it to end.
    static WRITING: Cell<bool> = const { Cell::new(false) };
}

/// Marks a load or removal under way for as long as it lives.
struct Writing;

impl Writing {
    fn start() -> Result<Self, String> {
        if WRITING.with(|w| w.replace(true)) {
            return Err("示例数据正在写入，请稍候".into());
        }
        Ok(Self)
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        WRITING.with(|w| w.set(false));
    }
}

/// Adds the sample to the lists and writes it, its evidence photos drawn first (before any
/// transaction); returns the done line once it is on disk, or why nothing was written.
pub async fn load_sample(roster: Roster, work: Work, autosave: Autosave) -> Result<String, String> {
    let _writing = Writing::start()?;
    autosave.mark_saving();
    let built = build().await;
    let (sample, media_writes) = match built {
        Ok(built) => built,
        Err(e) => {
            // Nothing was queued: let the status settle.
            autosave.flush();
            return Err(e);
        }
    };
    let count = sample.institutions.len()
        + sample.inspectors.len()
        + sample.plans.len()
        + sample.inspections.len()
        + sample.stays.len()
        + sample.scene_sheets.len();
    let before = Before::take(roster, work, Some(&sample));
    // Loading again replaces the sample: its old records are dropped first (the batch deletes
    // them, then puts the new ones, in order, in the same transaction).
    let (mut writes, _) = remove_in_memory(roster, work);
    let converted = (|| {
        writes.extend(roster.institutions.extend(sample.institutions)?);
        writes.extend(roster.inspectors.extend(sample.inspectors)?);
        writes.extend(work.plans.extend(sample.plans)?);
        writes.extend(work.inspections.extend(sample.inspections)?);
        writes.extend(work.stays.extend(sample.stays)?);
        writes.extend(work.scene_sheets.extend(sample.scene_sheets)?);
        Ok::<_, crate::storage::StorageError>(())
    })();
    if let Err(e) = converted {
        before.restore(roster, work);
        autosave.flush();
        return Err(e.message());
    }
    writes.extend(media_writes);
    match autosave.apply_alone(writes).await {
        Ok(()) => Ok(format!("已载入示例数据 {count} 条")),
        Err(e) => {
            before.restore(roster, work);
            Err(format!(
                "示例数据未载入，没有写入任何记录：{}。请重试。",
                e.message()
            ))
        }
    }
}

/// The sample with its photos drawn, and the writes of the photos.
async fn build() -> Result<(Sample, Vec<Write>), String> {
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
    Ok((sample, media_writes))
}

/// Removes every sample record (user records stay, even if they refer to sample ones) in one
/// strict transaction; returns the done line once it is on disk, or why nothing was removed.
pub async fn remove_sample(
    roster: Roster,
    work: Work,
    autosave: Autosave,
) -> Result<String, String> {
    let _writing = Writing::start()?;
    let before = Before::take(roster, work, None);
    let (writes, count) = remove_in_memory(roster, work);
    match autosave.apply_alone(writes).await {
        Ok(()) => Ok(format!("已删除示例数据 {count} 条")),
        Err(e) => {
            before.restore(roster, work);
            Err(format!(
                "示例数据未删除，没有改变任何记录：{}。请重试。",
                e.message()
            ))
        }
    }
}

/// The sample records held in memory before a load or removal, and the ids a load adds: what
/// is put back when its write fails.
struct Before {
    institutions: Vec<(String, Option<Institution>)>,
    inspectors: Vec<(String, Option<Inspector>)>,
    plans: Vec<(String, Option<Plan>)>,
    inspections: Vec<(String, Option<Inspection>)>,
    stays: Vec<(String, Option<Stay>)>,
    scene_sheets: Vec<(String, Option<SceneSheet>)>,
}

impl Before {
    fn take(roster: Roster, work: Work, incoming: Option<&Sample>) -> Self {
        Self {
            institutions: held(roster.institutions, incoming.map(|s| &s.institutions[..])),
            inspectors: held(roster.inspectors, incoming.map(|s| &s.inspectors[..])),
            plans: held(work.plans, incoming.map(|s| &s.plans[..])),
            inspections: held(work.inspections, incoming.map(|s| &s.inspections[..])),
            stays: held(work.stays, incoming.map(|s| &s.stays[..])),
            scene_sheets: held(work.scene_sheets, incoming.map(|s| &s.scene_sheets[..])),
        }
    }

    fn restore(self, roster: Roster, work: Work) {
        roster.institutions.restore(self.institutions);
        roster.inspectors.restore(self.inspectors);
        work.plans.restore(self.plans);
        work.inspections.restore(self.inspections);
        work.stays.restore(self.stays);
        work.scene_sheets.restore(self.scene_sheets);
    }
}

/// The sample records of `list` as they are now, and the ids of `incoming` (absent until added).
fn held<R: Listed>(list: RecordList<R>, incoming: Option<&[R]>) -> Vec<(String, Option<R>)> {
    let mut ids: Vec<String> = list.items.with_untracked(|all| {
        all.iter()
            .map(|r| r.id())
            .filter(|id| is_sample(id))
            .map(String::from)
            .collect()
    });
    for record in incoming.unwrap_or_default() {
        if !ids.iter().any(|id| id == record.id()) {
            ids.push(record.id().to_string());
        }
    }
    list.before(ids.iter().map(String::as_str))
}

/// Removes the sample records and their photos from memory; returns their deletes and how many
/// records went.
fn remove_in_memory(roster: Roster, work: Work) -> (Vec<Write>, usize) {
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
    let photos = writes.len();
    writes.extend(roster.institutions.remove_where(is_sample));
    writes.extend(roster.inspectors.remove_where(is_sample));
    writes.extend(work.plans.remove_where(is_sample));
    writes.extend(work.inspections.remove_where(is_sample));
    writes.extend(work.stays.remove_where(is_sample));
    writes.extend(work.scene_sheets.remove_where(is_sample));
    let records = writes.len() - photos;
    (writes, records)
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
