//! The exchange file with its evidence media (format version 3): when the exported records
//! refer to stored files (photos, videos, signatures) and the device has their bytes, the file
//! is a ZIP archive of `records.json` (the JSON exchange file of `file.rs`, unchanged) and one
//! entry `media/<id>` per stored file, named by its `MediaRef::id`; otherwise it is the JSON
//! file alone. No manifest: each `MediaRef` in the checksummed records already gives its file's
//! size and SHA-256, so the records' checksum covers the media too.
//!
//! `read` takes either kind (a ZIP, or a plain JSON file of version 1, 2 or 3) and checks
//! everything before returning: the archive's shape and limits, `records.json` with every check
//! of `file::read`, and each media entry against its reference. A reference whose file the
//! archive does not carry is accepted and reported (`Imported::missing`): a file written before
//! media travelled, or by a device that lacked the bytes, still imports and loses nothing.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write as _};

use chrono::{DateTime, Datelike, Timelike, Utc};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

mod imported;
mod names;

use super::file::{self, Exchange, Scope, MAX_FILE_BYTES};
use super::problems::{megabytes, ImportError};
use super::Records;
use crate::domain::digest::sha256_hex;
use crate::domain::labelled::Labelled;
use crate::domain::media::{MediaRef, MAX_PHOTO_BYTES, MAX_VIDEO_BYTES};

pub use imported::{Carried, FileKind, Imported, MediaWrites, Written};
pub use names::{entry_name, is_media_id, MAX_MEDIA_ID_CHARS};

/// The archive's entry holding the JSON exchange file.
pub const RECORDS_ENTRY: &str = "records.json";
/// The folder of the media entries: `media/<id>`.
pub const MEDIA_FOLDER: &str = "media/";
/// The largest archive written or read: reading holds the archive and the files taken out of it
/// in memory at once (about twice its size, plus the Blobs made of them), which a tablet's
/// browser tab must still afford. A device holding more exports plan by plan.
pub const MAX_ARCHIVE_BYTES: usize = 512 * 1024 * 1024;
/// The most media files in one archive (a plan's few hundred photos and signatures fit many
/// times over); refused before the ZIP's directory is read.
pub const MAX_MEDIA_FILES: usize = 10_000;
/// The largest media file accepted: the largest file the app stores.
pub const MAX_MEDIA_BYTES: u64 = if MAX_PHOTO_BYTES > MAX_VIDEO_BYTES {
    MAX_PHOTO_BYTES
} else {
    MAX_VIDEO_BYTES
};

/// The exchange file of `records` with the bytes of the media they refer to (`media`: id and
/// bytes, as read from the device's media store; ids no record refers to are ignored). A ZIP
/// when at least one media file is carried, else the JSON file alone. Refused (with a message)
/// only when the result would be over a limit that `read` enforces: such a file could not be
/// imported, so it is not written.
pub fn write(
    records: &Records,
    device_id: &str,
    app_version: &str,
    exported_at: DateTime<Utc>,
    scope: Scope,
    media: &[(String, Vec<u8>)],
) -> Result<Written, String> {
    if let Some((kind, count)) = super::checks::too_many(records) {
        return Err(format!(
            "{kind}记录共 {count} 条，超过单个文件上限 {} 条；请按任务分别导出",
            file::MAX_RECORDS_PER_KIND
        ));
    }
    let json = file::write(records, device_id, app_version, exported_at, scope);
    if json.len() > MAX_FILE_BYTES {
        return Err(format!(
            "记录数据过大（{}），超过单个文件上限 {}；请按任务分别导出",
            megabytes(json.len()),
            megabytes(MAX_FILE_BYTES)
        ));
    }
    let given: HashMap<&str, &[u8]> = media
        .iter()
        .map(|(id, bytes)| (id.as_str(), bytes.as_slice()))
        .collect();
    let mut carried: Vec<(&MediaRef, &[u8])> = Vec::new();
    let mut missing = Vec::new();
    let mut left_out = Vec::new();
    for reference in records.media_refs() {
        match given.get(reference.id.as_str()) {
            None => missing.push(reference.clone()),
            Some(bytes) if matches(reference, bytes).is_ok() && is_media_id(&reference.id) => {
                carried.push((reference, bytes));
            }
            Some(_) => left_out.push(reference.clone()),
        }
    }
    if carried.is_empty() {
        return Ok(Written {
            bytes: json,
            kind: FileKind::Json,
            carried: 0,
            missing,
            left_out,
        });
    }
    if carried.len() > MAX_MEDIA_FILES {
        return Err(format!(
            "照片、录像和签名共 {} 个，超过单个文件上限 {MAX_MEDIA_FILES} 个；请按任务分别导出",
            carried.len()
        ));
    }
    let total = json.len() + carried.iter().map(|(_, b)| b.len()).sum::<usize>();
    if total > MAX_ARCHIVE_BYTES {
        return Err(too_large(total));
    }
    // Writing into memory does not fail; if it ever did, the ZIP library's English stays out.
    let bytes = zipped(&json, &carried, exported_at)
        .map_err(|_| "生成压缩包失败，请重试或按任务分别导出".to_string())?;
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(too_large(bytes.len()));
    }
    Ok(Written {
        bytes,
        kind: FileKind::Zip,
        carried: carried.len(),
        missing,
        left_out,
    })
}

fn too_large(bytes: usize) -> String {
    format!(
        "导出文件将达 {}，超过单个文件上限 {}；请按任务分别导出",
        megabytes(bytes),
        megabytes(MAX_ARCHIVE_BYTES)
    )
}

/// The ZIP: `records.json` deflated, then each media file stored as it is, all dated with the
/// export time (UTC), so the same export gives the same bytes.
fn zipped(
    json: &[u8],
    carried: &[(&MediaRef, &[u8])],
    exported_at: DateTime<Utc>,
) -> zip::result::ZipResult<Vec<u8>> {
    let time = zip::DateTime::from_date_and_time(
        u16::try_from(exported_at.year()).unwrap_or(1980),
        exported_at.month() as u8,
        exported_at.day() as u8,
        exported_at.hour() as u8,
        exported_at.minute() as u8,
        exported_at.second() as u8,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(
        RECORDS_ENTRY,
        options.compression_method(CompressionMethod::Deflated),
    )?;
    zip.write_all(json)?;
    for (media, bytes) in carried {
        zip.start_file(
            entry_name(&media.id),
            options.compression_method(CompressionMethod::Stored),
        )?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Whether `bytes` are the file `media` refers to; else what differs, in words.
fn matches(media: &MediaRef, bytes: &[u8]) -> Result<(), String> {
    if bytes.len() as u64 != media.bytes {
        return Err(format!(
            "大小不符（记录为 {} 字节，文件中为 {} 字节）",
            media.bytes,
            bytes.len()
        ));
    }
    if sha256_hex(bytes) != media.sha256.to_ascii_lowercase() {
        return Err("SHA-256 不符".into());
    }
    if bytes.len() as u64 > MAX_MEDIA_BYTES {
        return Err("超过单个文件上限".into());
    }
    Ok(())
}

/// Reads and checks an exchange file of either kind; nothing of it may be written unless this
/// returns `Ok`.
pub fn read(bytes: &[u8]) -> Result<Imported, ImportError> {
    if !names::is_zip(bytes) {
        let exchange = file::read(bytes)?;
        let missing = exchange.records.media_refs().into_iter().cloned().collect();
        return Ok(Imported {
            exchange,
            media: Vec::new(),
            missing,
        });
    }
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(ImportError::TooLarge(bytes.len(), MAX_ARCHIVE_BYTES));
    }
    // The entry count, from the end record, before the directory is read into memory.
    let count = names::entry_count(bytes).ok_or(ImportError::Truncated)?;
    if count > (MAX_MEDIA_FILES + 1) as u64 {
        return Err(ImportError::TooManyFiles(count, MAX_MEDIA_FILES + 1));
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::ArchiveDamaged)?;
    let Some(records_index) = zip.index_for_name(RECORDS_ENTRY) else {
        return Err(ImportError::NotOurArchive);
    };
    if zip.has_duplicate_names() {
        return Err(ImportError::DuplicateEntries);
    }
    let media_entries = media_entries(&mut zip)?;
    let json = take(&mut zip, records_index).ok_or(ImportError::ArchiveDamaged)?;
    let exchange = file::read(&json)?;
    if exchange.header.format_version < 3 {
        return Err(ImportError::BadHeader(
            "format_version".into(),
            format!(
                "压缩包中的数据应为格式版本 3 或更高，文件中是 {}",
                exchange.header.format_version
            ),
        ));
    }
    let mut taken = checked_media(&mut zip, media_entries, &exchange.records)?;
    let mut media = Vec::new();
    let mut missing = Vec::new();
    for reference in exchange.records.media_refs() {
        match taken.remove(&reference.id) {
            Some(bytes) => media.push(Carried {
                media: reference.clone(),
                bytes,
            }),
            None => missing.push(reference.clone()),
        }
    }
    Ok(Imported {
        exchange,
        media,
        missing,
    })
}

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// The media entries (index and id), after every entry's name, method and declared size is
/// checked from the directory, nothing decompressed.
fn media_entries(zip: &mut Zip) -> Result<Vec<(usize, String)>, ImportError> {
    let mut total = 0u64;
    let mut media = Vec::new();
    for index in 0..zip.len() {
        let entry = zip
            .by_index_raw(index)
            .map_err(|_| ImportError::ArchiveDamaged)?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let id = match names::media_id_of(entry.name_raw()) {
            Some(id) => Some(id),
            None if name == RECORDS_ENTRY => None,
            None => return Err(ImportError::OddEntry(name)),
        };
        if entry.encrypted()
            || !matches!(
                entry.compression(),
                CompressionMethod::Stored | CompressionMethod::Deflated
            )
        {
            return Err(ImportError::UnsupportedEntry(name));
        }
        let limit = if id.is_some() {
            MAX_MEDIA_BYTES
        } else {
            MAX_FILE_BYTES as u64
        };
        if entry.size() > limit {
            return Err(ImportError::EntryTooLarge(name, entry.size(), limit));
        }
        total = total.saturating_add(entry.size());
        if total > MAX_ARCHIVE_BYTES as u64 {
            return Err(ImportError::ContentTooLarge(total, MAX_ARCHIVE_BYTES));
        }
        if let Some(id) = id {
            media.push((index, id));
        }
    }
    Ok(media)
}

/// The bytes of every media entry by id, each referred to by a record and matching every
/// reference with its id (size and SHA-256).
fn checked_media(
    zip: &mut Zip,
    entries: Vec<(usize, String)>,
    records: &Records,
) -> Result<HashMap<String, Vec<u8>>, ImportError> {
    // Every reference, repeats included: each must match the one file of its id.
    let mut refs: HashMap<&str, Vec<&MediaRef>> = HashMap::new();
    for reference in records.all_media_refs() {
        refs.entry(reference.id.as_str())
            .or_default()
            .push(reference);
    }
    let mut taken = HashMap::new();
    for (index, id) in entries {
        let Some(references) = refs.get(id.as_str()) else {
            return Err(ImportError::UnreferencedMedia(id));
        };
        let what = || described(references[0]);
        let bytes = take(zip, index)
            .ok_or_else(|| ImportError::MediaMismatch(what(), "压缩包中的内容校验失败".into()))?;
        for reference in references {
            matches(reference, &bytes)
                .map_err(|problem| ImportError::MediaMismatch(what(), problem))?;
        }
        taken.insert(id, bytes);
    }
    Ok(taken)
}

/// An entry's bytes, read whole and checked (CRC-32, declared size); `None` if damaged.
fn take(zip: &mut Zip, index: usize) -> Option<Vec<u8>> {
    let mut entry = zip.by_index(index).ok()?;
    let size = entry.size();
    let mut bytes = Vec::with_capacity(usize::try_from(size).ok()?);
    entry.by_ref().take(size + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 == size).then_some(bytes)
}

/// A media file as a message names it: 照片“IMG_0001.jpg”, or 签名（编号 …）.
fn described(media: &MediaRef) -> String {
    let kind = media.kind.label();
    if media.file_name.trim().is_empty() {
        format!("{kind}（编号 {}）", super::problems::shorten(&media.id))
    } else {
        format!("{kind}“{}”", super::problems::shorten(&media.file_name))
    }
}
