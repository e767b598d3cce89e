//! How large a file the user chooses may be before it is read into memory at all. The browser
//! says a chosen file's size without reading it; a file over the limit of its use is refused
//! by [`check_file_size`] with a message naming both sizes, and nothing of it is read. Each
//! limit is the largest file its reader could accept, so the reader's own checks still decide
//! every file under it.

use super::exchange::archive::MAX_ARCHIVE_BYTES;
use super::exchange::sealed::MAX_SEALED_BYTES;
use super::exchange::MAX_FILE_BYTES;
use super::roster_import;
use super::storage_budget::megabytes_up;

const fn larger(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

/// The largest exchange file (导入 on 数据: a backup or another device's data) read: the
/// largest of a JSON exchange file, a ZIP with media and a passphrase-sealed file of either.
pub const MAX_EXCHANGE_FILE_BYTES: u64 =
    larger(MAX_SEALED_BYTES, larger(MAX_ARCHIVE_BYTES, MAX_FILE_BYTES)) as u64;

/// The largest roster file (导入名录: CSV or XLSX) read: `roster_import::MAX_FILE_BYTES`.
pub const MAX_ROSTER_FILE_BYTES: u64 = roster_import::MAX_FILE_BYTES as u64;

/// Refuses a file of `bytes` over `limit` before it is read:
/// "文件“名单.xlsx”过大（12.5 MB），超过上限 10.0 MB，未读取。"
pub fn check_file_size(file_name: &str, bytes: u64, limit: u64) -> Result<(), String> {
    if bytes <= limit {
        return Ok(());
    }
    Err(format!(
        "文件“{file_name}”过大（{}），超过上限 {}，未读取。",
        megabytes_up(bytes),
        megabytes_up(limit)
    ))
}
