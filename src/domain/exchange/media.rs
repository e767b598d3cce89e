//! The media records refer to, for export and import: which stored files an export must read,
//! which an import must store with the records it writes, and which a merge leaves without a
//! record. Media travel with their records: a record written by a merge brings its files, in
//! the same transaction.
//!
//! Files that no record refers to any more after a merge (a photo removed on the other tablet,
//! or the device's copy of a record given up in a conflict) are kept, never deleted by the
//! import: they are evidence, a conflict's choice may be regretted, and a later export or a
//! cleanup can still find them ([`media_left_behind`] names them).

use std::collections::HashSet;

use super::Records;
use crate::domain::inspection::Inspection;
use crate::domain::media::MediaRef;
use crate::domain::stationed::sheet::SceneSheet;

impl Records {
    /// Every media reference in the records, repeats included: answers' and inspections' photos
    /// and videos, signatures' images, 驻点 answers' and complaints' media.
    pub fn all_media_refs(&self) -> impl Iterator<Item = &MediaRef> + '_ {
        let inspections = self.inspections.iter().flat_map(Inspection::media_refs);
        inspections.chain(self.scene_sheets.iter().flat_map(SceneSheet::media_refs))
    }

    /// Every stored file the records refer to, one reference per media id (the first), in
    /// record order: the files an export reads from the media store.
    pub fn media_refs(&self) -> Vec<&MediaRef> {
        let mut seen = HashSet::new();
        self.all_media_refs()
            .filter(|m| seen.insert(m.id.as_str()))
            .collect()
    }
}

/// The files the device's records will refer to once an import stored `written` (what
/// `MergePlan::records_to_write` gives) over `local` (the device's records), and that the device
/// lacks (`local_has` says whether its media store holds an id): one reference per id. Those the
/// file carries (`archive::Imported::media_writes` pairs them) are stored in the same
/// transaction as the records. Records the import leaves as they are count too: a file that
/// carries the bytes of a photo the device only knew by reference fills it in.
pub fn media_to_write<'a>(
    local: &'a Records,
    written: &'a Records,
    local_has: impl Fn(&str) -> bool,
) -> Vec<&'a MediaRef> {
    let mut seen = HashSet::new();
    after_import(local, written)
        .filter(|m| !local_has(&m.id) && seen.insert(m.id.as_str()))
        .collect()
}

/// The ids of the device's media that its records (`local`) refer to and no longer will once
/// `written` is stored over them: the files a merge leaves without a record. Kept by the import
/// (see the module's note); listed for the preview or a later cleanup.
pub fn media_left_behind(local: &Records, written: &Records) -> Vec<String> {
    let after: HashSet<&str> = after_import(local, written)
        .map(|m| m.id.as_str())
        .collect();
    local
        .media_refs()
        .into_iter()
        .filter(|m| !after.contains(m.id.as_str()))
        .map(|m| m.id.clone())
        .collect()
}

/// Every media reference of the device's records once `written` is stored over `local`: the
/// written records' and those of the device's records not replaced (only inspections and scene
/// sheets hold media).
fn after_import<'a>(
    local: &'a Records,
    written: &'a Records,
) -> impl Iterator<Item = &'a MediaRef> + 'a {
    let replaced_inspections: HashSet<&str> =
        written.inspections.iter().map(|i| i.id.as_str()).collect();
    let replaced_sheets: HashSet<&str> =
        written.scene_sheets.iter().map(|s| s.id.as_str()).collect();
    let kept_inspections = local
        .inspections
        .iter()
        .filter(move |i| !replaced_inspections.contains(i.id.as_str()))
        .flat_map(Inspection::media_refs);
    let kept_sheets = local
        .scene_sheets
        .iter()
        .filter(move |s| !replaced_sheets.contains(s.id.as_str()))
        .flat_map(SceneSheet::media_refs);
    written
        .all_media_refs()
        .chain(kept_inspections)
        .chain(kept_sheets)
}
