//! What the archive may hold, judged before the ZIP reader parses it: its signature, the entry
//! count of its end record (so a hostile directory of millions of entries is never read into
//! memory) and the entry names (`records.json`, `media/<id>`: never a path, a folder or
//! anything else).

use super::MEDIA_FOLDER;

/// The longest media id an entry name carries (a UUID has 36 characters).
pub const MAX_MEDIA_ID_CHARS: usize = 128;

/// Whether a media id can name an entry: 1 to [`MAX_MEDIA_ID_CHARS`] ASCII letters, digits,
/// `-`, `_` or `.`, not starting with `.`. The app's ids (UUIDs, `sample-…`) always can; such a
/// name can never be a path (`../x`, `/x`, `C:\x`) or a folder.
pub fn is_media_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_MEDIA_ID_CHARS
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The entry name of a media file: `media/<id>`.
pub fn entry_name(id: &str) -> String {
    format!("{MEDIA_FOLDER}{id}")
}

/// The media id an entry name gives, if it is `media/<id>` with an id [`is_media_id`] accepts.
pub(super) fn media_id_of(name: &[u8]) -> Option<String> {
    let id = std::str::from_utf8(name.strip_prefix(MEDIA_FOLDER.as_bytes())?).ok()?;
    is_media_id(id).then(|| id.to_string())
}

/// Whether the bytes start as a ZIP does: a local file header, or the end record of an empty
/// archive.
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The number of entries the archive's end record announces, found as ZIP readers find it: the
/// last end-record signature in the final 64 KiB whose comment runs exactly to the end of the
/// bytes. `None` when there is none: the archive was cut off (its directory is at its end).
/// ZIP64 archives (never written here: they start at 65,535 entries or 4 GiB) announce
/// 65,535, which is over the limit.
pub(super) fn entry_count(bytes: &[u8]) -> Option<u64> {
    const SIGNATURE: &[u8] = b"PK\x05\x06";
    const RECORD: usize = 22;
    let last = bytes.len().checked_sub(RECORD)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last).rev().find_map(|at| {
        let record = &bytes[at..];
        if !record.starts_with(SIGNATURE) {
            return None;
        }
        let comment = usize::from(u16::from_le_bytes([record[20], record[21]]));
        let entries = u64::from(u16::from_le_bytes([record[10], record[11]]));
        (RECORD + comment == record.len()).then_some(entries)
    })
}
