//! Attaching evidence media to a record and removing it: the record and the media's bytes are
//! written in one strict transaction of their own (never a record naming a file that was not
//! stored, nor a file no record names). Pending edits are written first, so when storage is
//! full and the photo cannot be stored, the finding's text is already safe; the record is then
//! put back as it was, and the user told.

use chrono::{DateTime, Utc};

use crate::browser::media::Prepared;
use crate::domain::inspection::Inspection;
use crate::domain::media::{MediaRef, Signature, Signer};
use crate::domain::stationed::sheet::SceneSheet;
use crate::storage::{StorageError, Write};

use super::autosave::Autosave;
use super::record_list::{Listed, RecordList};
use super::work::Work;

/// What media is attached to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A check point's answer in an inspection (a finding).
    Answer {
        inspection_id: String,
        point_id: String,
    },
    /// An inspection as a whole.
    Inspection { inspection_id: String },
    /// A check point's answer in a stay's scene sheet.
    StayAnswer { sheet_id: String, point_id: String },
    /// A 社会反映问题 in a stay's complaints sheet.
    Complaint {
        sheet_id: String,
        complaint_id: String,
    },
}

/// The media list of an owner inside its record.
fn slot_of_inspection<'a>(owner: &Owner, i: &'a mut Inspection) -> Option<&'a mut Vec<MediaRef>> {
    match owner {
        Owner::Answer { point_id, .. } => i.answers.get_mut(point_id).map(|a| &mut a.media),
        Owner::Inspection { .. } => Some(&mut i.media),
        _ => None,
    }
}

fn slot_of_sheet<'a>(owner: &Owner, s: &'a mut SceneSheet) -> Option<&'a mut Vec<MediaRef>> {
    match owner {
        Owner::StayAnswer { point_id, .. } => s.answers.get_mut(point_id).map(|a| &mut a.media),
        Owner::Complaint { complaint_id, .. } => s
            .complaints
            .iter_mut()
            .find(|c| &c.id == complaint_id)
            .map(|c| &mut c.media),
        _ => None,
    }
}

/// The same lists, read in place (no record is cloned to read them: a strip re-reads its list
/// on every edit of its record).
fn media_in_inspection<'a>(owner: &Owner, i: &'a Inspection) -> Option<&'a Vec<MediaRef>> {
    match owner {
        Owner::Answer { point_id, .. } => i.answers.get(point_id).map(|a| &a.media),
        Owner::Inspection { .. } => Some(&i.media),
        _ => None,
    }
}

fn media_in_sheet<'a>(owner: &Owner, s: &'a SceneSheet) -> Option<&'a Vec<MediaRef>> {
    match owner {
        Owner::StayAnswer { point_id, .. } => s.answers.get(point_id).map(|a| &a.media),
        Owner::Complaint { complaint_id, .. } => s
            .complaints
            .iter()
            .find(|c| &c.id == complaint_id)
            .map(|c| &c.media),
        _ => None,
    }
}

impl Owner {
    /// The owner's media as the lists hold them now (tracked).
    pub fn media(&self, work: Work) -> Vec<MediaRef> {
        match self {
            Owner::Answer { inspection_id, .. } | Owner::Inspection { inspection_id } => work
                .inspections
                .with_record(inspection_id, |found| {
                    media_in_inspection(self, found?).cloned()
                })
                .unwrap_or_default(),
            Owner::StayAnswer { sheet_id, .. } | Owner::Complaint { sheet_id, .. } => work
                .scene_sheets
                .with_record(sheet_id, |found| media_in_sheet(self, found?).cloned())
                .unwrap_or_default(),
        }
    }
}

/// Changes the owner's media list with `change` and writes the record with `media_writes` in one
/// transaction; on failure the list is changed back with `undo` (written by the autosave).
async fn write_with(
    work: Work,
    autosave: Autosave,
    owner: &Owner,
    change: impl Fn(&mut Vec<MediaRef>) + Clone + 'static,
    undo: impl Fn(&mut Vec<MediaRef>) + Clone + 'static,
    media_writes: Vec<Write>,
) -> Result<(), String> {
    async fn in_list<R: Listed>(
        list: RecordList<R>,
        autosave: Autosave,
        id: &str,
        slot: impl Fn(&mut R) -> Option<&mut Vec<MediaRef>> + Clone,
        change: impl Fn(&mut Vec<MediaRef>),
        undo: impl Fn(&mut Vec<MediaRef>),
        mut writes: Vec<Write>,
    ) -> Result<(), String> {
        let pick = slot.clone();
        let record = list
            .change_in_memory(id, move |r| {
                if let Some(media) = pick(r) {
                    change(media);
                }
            })
            .ok_or("记录已被删除")?;
        writes.push(Write::put(&record).map_err(|e| e.message())?);
        // The text typed so far is written first, in its own transaction.
        match autosave.apply_alone(writes).await {
            Ok(()) => Ok(()),
            Err(e) => {
                list.edit(id, move |r| {
                    if let Some(media) = slot(r) {
                        undo(media);
                    }
                });
                Err(media_failure(&e))
            }
        }
    }
    match owner {
        Owner::Answer { inspection_id, .. } | Owner::Inspection { inspection_id } => {
            let owner = owner.clone();
            in_list(
                work.inspections,
                autosave,
                inspection_id,
                move |i| slot_of_inspection(&owner, i),
                change,
                undo,
                media_writes,
            )
            .await
        }
        Owner::StayAnswer { sheet_id, .. } | Owner::Complaint { sheet_id, .. } => {
            let owner = owner.clone();
            in_list(
                work.scene_sheets,
                autosave,
                sheet_id,
                move |s| slot_of_sheet(&owner, s),
                change,
                undo,
                media_writes,
            )
            .await
        }
    }
}

/// Why a media write failed, for the user: the file was not stored, the text typed is safe.
fn media_failure(error: &StorageError) -> String {
    match error {
        StorageError::QuotaExceeded => "设备存储空间已满（文字内容已保存）。请在“数据”页导出备份，删除不再需要的照片或录像后重新添加".into(),
        other => format!("{}（文字内容已保存）", other.message()),
    }
}

/// Stores prepared files and attaches them to `owner`, all in one transaction.
pub async fn attach(
    work: Work,
    autosave: Autosave,
    owner: &Owner,
    prepared: Vec<Prepared>,
) -> Result<(), String> {
    let writes = prepared
        .iter()
        .map(|p| Write::put_media(&p.media, &p.blob))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.message())?;
    let refs: Vec<MediaRef> = prepared.into_iter().map(|p| p.media).collect();
    let ids: Vec<String> = refs.iter().map(|m| m.id.clone()).collect();
    write_with(
        work,
        autosave,
        owner,
        move |media| media.extend(refs.iter().cloned()),
        move |media| media.retain(|m| !ids.contains(&m.id)),
        writes,
    )
    .await
}

/// Removes one file from `owner` and deletes its bytes, in one transaction.
pub async fn remove(
    work: Work,
    autosave: Autosave,
    owner: &Owner,
    media: MediaRef,
) -> Result<(), String> {
    let id = media.id.clone();
    let position = owner
        .media(work)
        .iter()
        .position(|m| m.id == id)
        .unwrap_or(0);
    write_with(
        work,
        autosave,
        owner,
        {
            let id = id.clone();
            move |list| list.retain(|m| m.id != id)
        },
        move |list| {
            if !list.iter().any(|m| m.id == media.id) {
                list.insert(position.min(list.len()), media.clone());
            }
        },
        vec![Write::delete_media(&id)],
    )
    .await
}

/// Stores a signature drawn on the screen and puts it on the inspection, replacing the same
/// signer's earlier one (whose bytes are deleted in the same transaction). `content_sha256` is
/// the digest of the 现场检查笔录 it is given under.
pub async fn sign(
    work: Work,
    autosave: Autosave,
    inspection_id: &str,
    signer: Signer,
    prepared: Prepared,
    signed_at: DateTime<Utc>,
    content_sha256: String,
) -> Result<(), String> {
    let before = work
        .inspections
        .get(inspection_id)
        .ok_or("检查记录已被删除")?
        .signatures;
    let mut writes =
        vec![Write::put_media(&prepared.media, &prepared.blob).map_err(|e| e.message())?];
    writes.extend(
        before
            .iter()
            .filter(|s| s.signer == signer)
            .map(|s| Write::delete_media(&s.image.id)),
    );
    let signature = Signature {
        signer: signer.clone(),
        image: prepared.media,
        signed_at,
        content_sha256: Some(content_sha256),
    };
    let record = work
        .inspections
        .change_in_memory(inspection_id, move |i| {
            i.signatures.retain(|s| s.signer != signer);
            i.signatures.push(signature);
        })
        .ok_or("检查记录已被删除")?;
    writes.push(Write::put(&record).map_err(|e| e.message())?);
    match autosave.apply_alone(writes).await {
        Ok(()) => Ok(()),
        Err(e) => {
            work.inspections
                .edit(inspection_id, move |i| i.signatures = before);
            Err(media_failure(&e))
        }
    }
}
