//! What `write` produced and what `read` found, with the notes the user reads about media that
//! did not travel.

use super::super::media::media_to_write;
use super::super::Records;
use super::Exchange;
use crate::domain::media::MediaRef;

/// What kind of file `write` produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The JSON exchange file alone: no media carried.
    Json,
    /// A ZIP of `records.json` and the media.
    Zip,
}

impl FileKind {
    /// The file name's extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Zip => "zip",
        }
    }

    /// The MIME type for a download.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::Zip => "application/zip",
        }
    }
}

/// A written exchange file and what it could not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub bytes: Vec<u8>,
    pub kind: FileKind,
    /// How many media files it carries.
    pub carried: usize,
    /// Referenced media whose bytes were not given (not on this device): the records keep their
    /// references, the file does not carry the bytes.
    pub missing: Vec<MediaRef>,
    /// Referenced media whose given bytes differ from their reference (size or SHA-256: damaged
    /// on this device), or whose id or size the format cannot carry: left out, so the file stays
    /// importable; the records keep their references.
    pub left_out: Vec<MediaRef>,
}

/// One media file taken from an archive, its bytes checked against its reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    pub media: MediaRef,
    pub bytes: Vec<u8>,
}

/// A file that passed every check, with the media it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub exchange: Exchange,
    /// One per media id, in the order of `Records::media_refs`.
    pub media: Vec<Carried>,
    /// References (one per id) whose files the file does not carry: a plain JSON file, or an
    /// archive from a device that lacked them. Shown to the user as 照片未随文件附带.
    pub missing: Vec<MediaRef>,
}

impl Imported {
    /// The carried file of a reference: same id and same SHA-256 (so a device whose record
    /// names other bytes under that id never takes these).
    pub fn carried_for(&self, media: &MediaRef) -> Option<&Carried> {
        self.media
            .iter()
            .find(|c| c.media.id == media.id && c.media.sha256.eq_ignore_ascii_case(&media.sha256))
    }

    /// The media an import stores with its records: for every file the device's records will
    /// refer to and the device lacks (see `media_to_write`), the carried file, or else the
    /// reference as absent.
    pub fn media_writes<'a>(
        &'a self,
        local: &'a Records,
        written: &'a Records,
        local_has: impl Fn(&str) -> bool,
    ) -> MediaWrites<'a> {
        let mut writes = MediaWrites::default();
        for media in media_to_write(local, written, local_has) {
            match self.carried_for(media) {
                Some(carried) => writes.store.push(carried),
                None => writes.absent.push(media),
            }
        }
        writes
    }
}

/// The media an import stores with its records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MediaWrites<'a> {
    /// Files to put in the media store, in the same transaction as the records.
    pub store: Vec<&'a Carried>,
    /// Files the records will refer to that neither the device nor the file holds: the records
    /// keep their references (name, size, SHA-256), and a later file that carries them fills
    /// them in.
    pub absent: Vec<&'a MediaRef>,
}

impl MediaWrites<'_> {
    /// The preview's line about absent files, if any.
    pub fn absent_note(&self) -> Option<String> {
        (!self.absent.is_empty()).then(|| {
            format!(
                "有 {} 个照片、录像或签名未随文件附带（本机也没有）：记录中保留其名称、大小和 SHA-256，日后导入附带这些文件的数据文件即可补上",
                self.absent.len()
            )
        })
    }
}

impl Written {
    /// The lines the user reads after an export about media that did not travel.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.missing.is_empty() {
            notes.push(format!(
                "有 {} 个照片、录像或签名本机没有其文件，未随文件导出（记录中保留其引用）",
                self.missing.len()
            ));
        }
        if !self.left_out.is_empty() {
            notes.push(format!(
                "有 {} 个照片、录像或签名在本机已损坏（与记录的大小或 SHA-256 不符），未随文件导出",
                self.left_out.len()
            ));
        }
        notes
    }
}
