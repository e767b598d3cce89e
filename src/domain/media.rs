//! Evidence media (取证照片、录像) and signatures: what a record keeps about each file it refers
//! to. The bytes themselves live in the `media` store as Blobs, never in the records; a record
//! and the media it refers to are written in one transaction. What is taken and how a photo is
//! stored are decided here too: `intake.rs` (which files, size limits, refusals), `photo.rs`
//! (downscaled size, JPEG quality, capture time from EXIF). Pure.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::labelled::{labelled_enum, Labelled};

mod intake;
mod photo;

pub use super::digest::{sha256_hex, short_fingerprint};
pub use intake::{classify, limits_note, MediaProblem, MAX_PHOTO_BYTES, MAX_VIDEO_BYTES};
pub use photo::{capture_time, target_size, JPEG_QUALITY, MAX_LONG_EDGE};

labelled_enum! {
    /// What a stored file is.
    MediaKind {
        Photo = "photo" => "照片",
        Video = "video" => "录像",
        Signature = "signature" => "签名",
    }
}

/// A stored file as the record that owns it refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaRef {
    /// The key of its bytes in the `media` store.
    pub id: String,
    pub kind: MediaKind,
    /// The stored bytes' type, e.g. image/jpeg.
    pub mime: String,
    /// The stored bytes' size.
    pub bytes: u64,
    /// SHA-256 (lower-case hex) of the stored bytes, computed when stored: a later change of the
    /// bytes is detectable.
    pub sha256: String,
    /// Pixel size of a photo or signature as stored.
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
    /// When the photo was taken, from the file's own record (EXIF), in the camera's local time.
    #[serde(default)]
    pub captured_at: Option<NaiveDateTime>,
    /// When it was added to the record.
    pub added_at: DateTime<Utc>,
    /// The officer who added it (记录人), if chosen.
    #[serde(default)]
    pub added_by: Option<String>,
    /// The name of the chosen file, as a hint for the user.
    #[serde(default)]
    pub file_name: String,
}

impl MediaRef {
    /// "照片 · 2026-11-25 10:31 · 312 KB".
    pub fn caption(&self) -> String {
        let when = self
            .captured_at
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let size = if self.bytes >= 1024 * 1024 {
            format!("{:.1} MB", self.bytes as f64 / (1024.0 * 1024.0))
        } else {
            format!("{} KB", self.bytes.div_ceil(1024))
        };
        [self.kind.label().to_string(), when, size]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Whether these media hold a photo: what a check point marked `photo_required` needs on a
/// 不符合. A video does not count (a still shows the licence or label sharp and prints in the
/// record), nor does a signature.
pub fn has_photo(media: &[MediaRef]) -> bool {
    media.iter().any(|m| m.kind == MediaKind::Photo)
}

/// Who signs an on-site record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Signer {
    /// An officer of the inspection (执法人员), by roster id.
    Inspector { inspector_id: String },
    /// The inspected party's representative (被检查单位负责人或在场人员), by name and position.
    Party { name: String, position: String },
}

/// A signature drawn on the screen, stored as an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub signer: Signer,
    pub image: MediaRef,
    pub signed_at: DateTime<Utc>,
    /// SHA-256 of the document's content the signature was given under
    /// (`Document::content_digest`); none for a signature made before digests were kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_sha256: Option<String>,
}
