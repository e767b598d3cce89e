//! Text of a CSV file: UTF-8 (with or without a byte-order mark) or, failing that, GB18030,
//! which also covers GBK and GB2312 (what Chinese Excel writes for “CSV(逗号分隔)”).

use super::ImportProblem;

/// The encoding a CSV file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Gb18030,
}

impl Encoding {
    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Gb18030 => "GBK/GB18030",
        }
    }
}

/// A decoded text file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Known binary formats, by their first bytes, so the user is told what they picked.
const SIGNATURES: [(&[u8], &str); 6] = [
    (b"\x89PNG", "PNG图片"),
    (b"\xFF\xD8\xFF", "JPEG图片"),
    (b"GIF8", "GIF图片"),
    (b"%PDF", "PDF文件"),
    (b"Rar!", "RAR压缩包"),
    (b"7z\xBC\xAF", "7z压缩包"),
];

/// What a binary file looks like, if its first bytes say so.
pub(super) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// The file's text and its encoding. UTF-8 is tried first (its byte patterns are strict, so a
/// GBK file practically never passes as UTF-8), then GB18030 without replacement characters;
/// text with NUL or other control characters (except tab, line feed and carriage return) is
/// refused as binary.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ImportProblem> {
    if bytes.is_empty() {
        return Err(ImportProblem::Empty);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportProblem::Utf16);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(ImportProblem::NotText(Some(what)));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let decoded = match std::str::from_utf8(body) {
        Ok(text) => Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
        },
        Err(_) => {
            let text = encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(body)
                .ok_or(if body.contains(&0) {
                    ImportProblem::NotText(None)
                } else {
                    ImportProblem::UnknownEncoding
                })?;
            Decoded {
                text: text.into_owned(),
                encoding: Encoding::Gb18030,
            }
        }
    };
    if decoded
        .text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}'))
    {
        return Err(ImportProblem::NotText(None));
    }
    Ok(decoded)
}
