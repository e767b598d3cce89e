//! Which chosen files are taken as evidence, before anything is decoded or stored: photos and
//! videos up to a size the user is told beforehand ([`limits_note`]); anything else, an empty
//! file or a file over its limit is refused with a message naming the file. Pure.
//!
//! A photo is any `image/*` type but SVG (a drawing, not a photo): which formats a browser can
//! decode differs (JPEG, PNG, WebP, GIF and BMP everywhere; HEIC/HEIF only in Safari; AVIF in
//! recent ones), so the browser is the judge, and a photo it cannot decode is refused when it is
//! decoded, with its own message. A video is any `video/*` type: it is stored as it comes, not
//! decoded. A file without a type (or typed `application/octet-stream`, as some Android file
//! pickers do) is judged by its extension.

use super::MediaKind;
use crate::domain::storage_budget::megabytes_up;

const MB: u64 = 1024 * 1024;

/// The largest photo file taken, before downscaling: a 100-megapixel JPEG is about 30 MB, and
/// decoding a larger file can exhaust a tablet's memory.
pub const MAX_PHOTO_BYTES: u64 = 40 * MB;

/// The largest video taken, stored as it is: about 50 seconds of a phone's 1080p video (HEVC,
/// about 1 MB per second), enough to show a practice in progress without filling a tablet's
/// browser storage with a few videos.
pub const MAX_VIDEO_BYTES: u64 = 50 * MB;

/// Extensions of photos, for a file without a type.
const PHOTO_EXTENSIONS: [&str; 11] = [
    "jpg", "jpeg", "jpe", "jfif", "png", "webp", "gif", "bmp", "heic", "heif", "avif",
];

/// Extensions of videos, for a file without a type.
const VIDEO_EXTENSIONS: [&str; 8] = ["mp4", "m4v", "mov", "webm", "3gp", "3g2", "mkv", "avi"];

/// Why a chosen file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaProblem {
    /// The file has no bytes.
    Empty { file_name: String },
    /// Neither a photo nor a video (a PDF, a document, an SVG drawing, …).
    NotMedia { file_name: String },
    /// Over the limit of its kind.
    TooLarge {
        file_name: String,
        kind: MediaKind,
        bytes: u64,
        limit: u64,
    },
}

impl MediaProblem {
    /// The refusal in Chinese, naming the file, e.g. "文件“x.mov”为 63.2 MB，超过录像上限 50 MB".
    pub fn message(&self) -> String {
        match self {
            Self::Empty { file_name } => format!("{}是空文件", file(file_name)),
            Self::NotMedia { file_name } => format!("{}不是照片或录像", file(file_name)),
            Self::TooLarge {
                file_name,
                kind,
                bytes,
                limit,
            } => {
                let what = match kind {
                    MediaKind::Video => "录像",
                    _ => "照片",
                };
                format!(
                    "{}为 {}，超过{what}上限 {}",
                    file(file_name),
                    megabytes_up(*bytes),
                    limit_text(*limit)
                )
            }
        }
    }
}

/// "文件“a.pdf”", or "所选文件" when the name is blank.
fn file(name: &str) -> String {
    if name.trim().is_empty() {
        "所选文件".to_string()
    } else {
        format!("文件“{name}”")
    }
}

/// A limit as the user reads it: "50 MB".
fn limit_text(bytes: u64) -> String {
    if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

/// What the user is told before choosing a file: "可添加照片（单个不超过 40 MB）和短录像（单个不超过 50 MB）".
pub fn limits_note() -> String {
    format!(
        "可添加照片（单个不超过 {}）和短录像（单个不超过 {}）",
        limit_text(MAX_PHOTO_BYTES),
        limit_text(MAX_VIDEO_BYTES)
    )
}

/// Whether a chosen file is taken, and as what: its type as the browser reports it (`File.type`,
/// possibly empty), its name and its size in bytes. The order of the checks: empty, then kind,
/// then the kind's limit.
pub fn classify(mime: &str, file_name: &str, bytes: u64) -> Result<MediaKind, MediaProblem> {
    let name = || file_name.to_string();
    if bytes == 0 {
        return Err(MediaProblem::Empty { file_name: name() });
    }
    let kind = kind_of_type(mime)
        .or_else(|| {
            is_untyped(mime)
                .then(|| kind_of_extension(file_name))
                .flatten()
        })
        .ok_or_else(|| MediaProblem::NotMedia { file_name: name() })?;
    let limit = match kind {
        MediaKind::Video => MAX_VIDEO_BYTES,
        _ => MAX_PHOTO_BYTES,
    };
    if bytes > limit {
        return Err(MediaProblem::TooLarge {
            file_name: name(),
            kind,
            bytes,
            limit,
        });
    }
    Ok(kind)
}

/// The essence of a MIME type, lower-case, without parameters ("image/jpeg; q=1" → "image/jpeg").
fn essence(mime: &str) -> String {
    mime.split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// A type that says nothing about the content.
fn is_untyped(mime: &str) -> bool {
    matches!(essence(mime).as_str(), "" | "application/octet-stream")
}

fn kind_of_type(mime: &str) -> Option<MediaKind> {
    let mime = essence(mime);
    if mime == "image/svg+xml" {
        None
    } else if mime.starts_with("image/") && mime.len() > "image/".len() {
        Some(MediaKind::Photo)
    } else if mime.starts_with("video/") && mime.len() > "video/".len() {
        Some(MediaKind::Video)
    } else {
        None
    }
}

fn kind_of_extension(file_name: &str) -> Option<MediaKind> {
    let (_, extension) = file_name.trim().rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    if PHOTO_EXTENSIONS.contains(&extension.as_str()) {
        Some(MediaKind::Photo)
    } else if VIDEO_EXTENSIONS.contains(&extension.as_str()) {
        Some(MediaKind::Video)
    } else {
        None
    }
}
