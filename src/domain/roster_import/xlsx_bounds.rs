//! What an XLSX workbook may cost before the spreadsheet reader opens it. An XLSX is a ZIP of
//! XML parts; ten megabytes of ZIP can unpack to gigabytes (a "zip bomb"), and the reader
//! trusts numbers written in the parts. So, before it runs: the parts are counted, each is
//! unpacked once into nothing while what it unpacks to is counted (the ZIP reader stops a part
//! at the size its headers declare, so a part cannot cost more than it claims, and a claim is
//! counted by what is actually read), and every `uniqueCount` attribute is read, since the
//! reader reserves memory for that many shared strings at once. Nesting costs nothing: the XML is read as a stream of events,
//! without recursion.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{ImportProblem, MAX_SHARED_STRINGS, MAX_XLSX_PARTS, MAX_XLSX_UNPACKED_BYTES};

/// Checks the workbook's parts against [`MAX_XLSX_PARTS`], [`MAX_XLSX_UNPACKED_BYTES`] and
/// [`MAX_SHARED_STRINGS`]. A part that cannot be unpacked is left to the reader, which refuses
/// it if it needs it.
pub(super) fn check(bytes: &[u8]) -> Result<(), ImportProblem> {
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportProblem::BadXlsx(e.to_string()))?;
    if zip.len() > MAX_XLSX_PARTS {
        return Err(ImportProblem::TooManyParts(zip.len()));
    }
    let mut total: u64 = 0;
    let mut chunk = vec![0u8; 64 * 1024];
    for index in 0..zip.len() {
        let Ok(mut part) = zip.by_index(index) else {
            continue;
        };
        let mut counts = UniqueCounts::default();
        while let Ok(read) = part.read(&mut chunk) {
            if read == 0 {
                break;
            }
            total += read as u64;
            if total > MAX_XLSX_UNPACKED_BYTES {
                return Err(ImportProblem::UnpackedTooLarge);
            }
            counts.feed(&chunk[..read])?;
        }
    }
    Ok(())
}

const KEY: &[u8; 11] = b"uniqueCount";

/// Finds every `uniqueCount = "digits"` in a stream fed in chunks, as the reader's attribute
/// parser reads it (white space around `=`, either quote, leading zeros), wherever it stands:
/// in the shared strings' `<sst>` tag or anywhere else, which only refuses more. (The reader
/// reads ASCII-compatible XML only, so a UTF-16 part never reaches its reservation.)
#[derive(Default)]
struct UniqueCounts {
    /// The last bytes seen, to find the key across chunk ends.
    window: u128,
    state: State,
}

#[derive(Default)]
enum State {
    #[default]
    Seeking,
    /// After the key, before `=`.
    Key,
    /// After `=`, before the quote.
    Equals,
    /// Inside the quoted value: its quote, its value so far, whether all digits so far.
    Value(u8, u64, bool),
}

impl UniqueCounts {
    fn feed(&mut self, bytes: &[u8]) -> Result<(), ImportProblem> {
        const MASK: u128 = (1 << (8 * KEY.len())) - 1;
        let key = KEY.iter().fold(0u128, |w, b| (w << 8) | u128::from(*b));
        for &byte in bytes {
            self.window = ((self.window << 8) | u128::from(byte)) & MASK;
            self.state = match std::mem::take(&mut self.state) {
                State::Seeking | State::Key | State::Equals if self.window == key => State::Key,
                State::Key if byte.is_ascii_whitespace() => State::Key,
                State::Key if byte == b'=' => State::Equals,
                State::Equals if byte.is_ascii_whitespace() => State::Equals,
                State::Equals if matches!(byte, b'"' | b'\'') => State::Value(byte, 0, true),
                State::Value(quote, value, digits) if byte == quote => {
                    if digits && value > MAX_SHARED_STRINGS {
                        return Err(ImportProblem::TooManySharedStrings(value));
                    }
                    State::Seeking
                }
                State::Value(quote, value, digits) => match byte {
                    b'0'..=b'9' if digits => State::Value(
                        quote,
                        value
                            .saturating_mul(10)
                            .saturating_add(u64::from(byte - b'0')),
                        true,
                    ),
                    _ => State::Value(quote, value, false),
                },
                _ => State::Seeking,
            };
        }
        Ok(())
    }
}
