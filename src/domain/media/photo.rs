//! The rules a photo is stored by: its size after downscaling, the JPEG quality, and the time
//! it was taken as the file itself records it (EXIF). The browser decodes, draws and encodes
//! (`browser/media.rs`); what size and quality it uses is decided here. Pure.
//!
//! Every photo is re-encoded, even one already small and already JPEG: the stored bytes are then
//! always a JPEG the app made, upright (the browser applies the EXIF orientation when decoding),
//! without the camera's other metadata (GPS position, device serial), and of a known size. The
//! capture time is read from the original before that and kept in the record.

use std::io::Cursor;

use chrono::NaiveDateTime;
use exif::{In, Reader, Tag, Value};

/// The longest edge of a stored photo, in pixels. An A4 licence or register page filling the
/// frame keeps about 5 px per mm, so a printed character 3 mm high is about 16 px high and
/// legible, while a stored photo stays around 200–500 KB.
pub const MAX_LONG_EDGE: u32 = 1600;

/// The JPEG quality of a stored photo (the canvas encoder's 0–1 scale). 0.85 keeps the thin
/// strokes of small Chinese characters on a licence or a label sharp (below about 0.75 ringing
/// and blocking blur them), and costs about half the bytes of the browsers' default 0.92 for
/// no difference one can see at 1600 px.
pub const JPEG_QUALITY: f64 = 0.85;

/// The stored size of a photo of `width` × `height` pixels: the long edge brought down to
/// [`MAX_LONG_EDGE`] with the aspect ratio kept (the short edge rounded to the nearest pixel,
/// never 0); a photo already within the limit keeps its size. Portrait and landscape are treated
/// alike.
pub fn target_size(width: u32, height: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= MAX_LONG_EDGE {
        return (width.max(1), height.max(1));
    }
    let scale = |edge: u32| -> u32 {
        let scaled =
            (u64::from(edge) * u64::from(MAX_LONG_EDGE) + u64::from(long) / 2) / u64::from(long);
        // At most MAX_LONG_EDGE, since edge <= long.
        u32::try_from(scaled).unwrap_or(MAX_LONG_EDGE).max(1)
    };
    (scale(width), scale(height))
}

/// When the photo was taken, as the file records it: EXIF DateTimeOriginal, else
/// DateTimeDigitized, else DateTime (the last change, which a camera sets to the same time), in
/// the camera's local time. Read from JPEG, HEIF/HEIC, PNG, WebP and TIFF files; `None` when the
/// file has no such record, the value is blank or not a real date, or the file is not one of
/// these or is malformed (never a panic).
pub fn capture_time(bytes: &[u8]) -> Option<NaiveDateTime> {
    let exif = Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .ok()?;
    [Tag::DateTimeOriginal, Tag::DateTimeDigitized, Tag::DateTime]
        .into_iter()
        .find_map(|tag| {
            let field = exif.get_field(tag, In::PRIMARY)?;
            match &field.value {
                Value::Ascii(values) => values.iter().find_map(|v| exif_date_time(v)),
                _ => None,
            }
        })
}

/// "2026:11:25 09:30:12" (EXIF's form, possibly padded with NULs or spaces) as a date and time.
fn exif_date_time(raw: &[u8]) -> Option<NaiveDateTime> {
    let text = std::str::from_utf8(raw).ok()?;
    let text = text.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    NaiveDateTime::parse_from_str(text.get(..19)?, "%Y:%m:%d %H:%M:%S").ok()
}
