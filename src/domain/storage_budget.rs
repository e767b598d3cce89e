//! How much room the device has for evidence: the media the records refer to, and whether the
//! browser's quota leaves room for more. The browser's estimate is coarse, so the app warns while
//! there is still room and refuses a file that would not fit, before any write fails. Pure.

use super::inspection::Inspection;
use super::media::{MediaKind, MediaRef};
use super::stationed::sheet::SceneSheet;

const MB: f64 = 1024.0 * 1024.0;
/// Below this much free space the app warns (or below [`LOW_SHARE`] of the quota, whichever is
/// larger): about a hundred photos at 1600 px.
pub const LOW_BYTES: f64 = 100.0 * MB;
/// The share of the quota below which the app warns.
pub const LOW_SHARE: f64 = 0.1;
/// Kept free after storing a file, for the records' own writes.
pub const RESERVE_BYTES: f64 = 10.0 * MB;

/// The media the records refer to, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MediaTotals {
    pub photos: usize,
    pub videos: usize,
    pub signatures: usize,
    pub bytes: u64,
}

impl MediaTotals {
    fn add(&mut self, media: &MediaRef) {
        match media.kind {
            MediaKind::Photo => self.photos += 1,
            MediaKind::Video => self.videos += 1,
            MediaKind::Signature => self.signatures += 1,
        }
        self.bytes += media.bytes;
    }

    /// Every media reference of the inspections and scene sheets.
    pub fn of(inspections: &[Inspection], sheets: &[SceneSheet]) -> Self {
        let mut totals = Self::default();
        inspections
            .iter()
            .flat_map(Inspection::media_refs)
            .chain(sheets.iter().flat_map(SceneSheet::media_refs))
            .for_each(|m| totals.add(m));
        totals
    }

    /// "照片12张、录像1段、签名3个，共 18.4 MB".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.photos, "张照片"),
            (self.videos, "段录像"),
            (self.signatures, "个签名"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
        if parts.is_empty() {
            "没有照片、录像或签名".into()
        } else {
            format!("{}，共 {}", parts.join("、"), megabytes(self.bytes as f64))
        }
    }
}

/// What the quota allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Room {
    /// Enough room.
    Ample,
    /// Still room, but little: warn.
    Low { free: f64 },
    /// `needed` would not fit in `free`: refuse before writing.
    Insufficient { free: f64, needed: f64 },
}

impl Room {
    /// Judges adding `needed` bytes with the browser's `usage` and `quota` (unknown: ample, as
    /// nothing better can be said).
    pub fn judge(usage: Option<f64>, quota: Option<f64>, needed: f64) -> Self {
        let (Some(usage), Some(quota)) = (usage, quota) else {
            return Self::Ample;
        };
        let free = (quota - usage).max(0.0);
        if needed > 0.0 && needed + RESERVE_BYTES > free {
            Self::Insufficient { free, needed }
        } else if free - needed < LOW_BYTES.max(quota * LOW_SHARE) {
            Self::Low { free }
        } else {
            Self::Ample
        }
    }

    /// The warning or refusal shown to the user (none when there is room).
    pub fn message(&self) -> Option<String> {
        match self {
            Self::Ample => None,
            Self::Low { free } => Some(format!(
                "本机存储空间即将用尽（约剩 {}）：请尽快在“数据”页导出备份，并删除不再需要的照片或录像",
                megabytes(*free)
            )),
            Self::Insufficient { free, needed } => Some(format!(
                "存储空间不足：需要 {}，本机约剩 {}。照片未保存，已填写的内容不受影响；请先导出备份并清理空间",
                megabytes(*needed),
                megabytes(*free)
            )),
        }
    }
}

/// Bytes as "18.4 MB".
pub fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / MB)
}

/// Bytes in MB with one decimal, rounded up, so a size just over a limit never reads as the
/// limit itself ("50.1 MB", not "50.0 MB").
pub fn megabytes_up(bytes: u64) -> String {
    let tenths = (u128::from(bytes) * 10).div_ceil(1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}
