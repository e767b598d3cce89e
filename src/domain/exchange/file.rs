//! Writing and reading the exchange file. The file is one JSON object: a header (format,
//! format version, app version, device, export time, scope, SHA-256 of the records) and the
//! records. Reading checks, in order, size, kind of file, encoding, JSON, format and version,
//! header, checksum, text lengths, every record's shape, ids and references; only a file that
//! passes all of them yields records.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::checks::{check_counts, check_ids, check_lengths, check_references};
use super::problems::{explain, shorten, ImportError};
use super::Records;

/// The format's name, written in every file.
pub const FORMAT: &str = "jiandu-exchange";
/// The format version this app writes; it reads every version up to it. Version 2 added
/// `stays` and `scene_sheets` to the records (a version-1 file reads with none); version 3 the
/// evidence media: the records' `MediaRef`s, and the files themselves beside this JSON in a ZIP
/// (`archive.rs`). The JSON's shape is that of version 2.
pub const FORMAT_VERSION: u32 = 3;
/// The largest JSON file accepted, alone or as `records.json` in an archive (media travel
/// beside it, never in it).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The longest text accepted in a record: far beyond any field the app lets a user type.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The most records of one kind in a file (监督对象, 检查记录, …): five times the largest roster
/// import, far beyond a county's records; every record read is merged and written in one
/// transaction, so the count is bounded before any record is built.
pub const MAX_RECORDS_PER_KIND: usize = 100_000;

/// What a file holds: everything on the exporting device, or one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scope {
    All,
    Plan { plan_id: String, plan_name: String },
}

/// The header of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub format: String,
    pub format_version: u32,
    /// The version of the app that wrote it.
    pub app_version: String,
    /// The exporting device.
    pub device_id: String,
    pub exported_at: DateTime<Utc>,
    pub scope: Scope,
    /// SHA-256 (lower-case hex) of the `records` value exactly as written.
    pub records_sha256: String,
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub header: Header,
    pub records: Records,
}

/// The file as written: the header's fields, then the records.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileShape<'a> {
    format: String,
    format_version: u32,
    app_version: String,
    device_id: String,
    exported_at: DateTime<Utc>,
    scope: Scope,
    records_sha256: String,
    #[serde(borrow)]
    records: &'a RawValue,
}

/// The top level of a document, its values left unparsed: only an object reads as this, so
/// it tells a JSON object from other JSON before the format and version are looked at.
type TopLevel<'a> = HashMap<String, &'a RawValue>;

/// JSON's white space (not Unicode's).
const JSON_WHITESPACE: [char; 4] = [' ', '\t', '\n', '\r'];

/// The bytes of an exchange file. Records last changed on no device (built-in or older
/// records) are marked as changed on `device_id`, the device that holds them now.
pub fn write(
    records: &Records,
    device_id: &str,
    app_version: &str,
    exported_at: DateTime<Utc>,
    scope: Scope,
) -> Vec<u8> {
    let records = records.clone().stamped(device_id);
    // Plain data with string keys: serialising it cannot fail.
    let json = serde_json::to_string(&records).unwrap_or_default();
    let raw = RawValue::from_string(json).unwrap_or_else(|_| empty_records());
    let file = FileShape {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: app_version.into(),
        device_id: device_id.into(),
        exported_at,
        scope,
        records_sha256: sha256_hex(raw.get().as_bytes()),
        records: &raw,
    };
    serde_json::to_vec_pretty(&file).unwrap_or_default()
}

fn empty_records() -> Box<RawValue> {
    RawValue::from_string(
        r#"{"institutions":[],"inspectors":[],"plans":[],"inspections":[],"stays":[],"scene_sheets":[]}"#
            .into(),
    )
    .expect("a constant JSON object")
}

/// SHA-256 as lower-case hex; kept here under its old path, defined in `domain::digest`.
pub use crate::domain::digest::sha256_hex;

/// Reads and checks a whole file; nothing in it may be written unless this returns `Ok`.
pub fn read(bytes: &[u8]) -> Result<Exchange, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len(), MAX_FILE_BYTES));
    }
    if let Some(what) = other_file_type(bytes) {
        return Err(ImportError::OtherFileType(what));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| match e.error_len() {
        // The bytes end inside a character: cut off, not another encoding.
        None => ImportError::Truncated,
        Some(_) => ImportError::NotUtf8,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Blank);
    }
    let top: TopLevel = serde_json::from_str(text).map_err(|e| json_error(&e, text))?;
    match top.get("format").map(|raw| raw.get()) {
        None => return Err(ImportError::NotExchangeFile),
        Some(raw) if serde_json::from_str::<String>(raw).is_ok_and(|f| f == FORMAT) => {}
        Some(raw) => return Err(ImportError::OtherFormat(shorten(raw))),
    }
    check_version(top.get("format_version").map(|raw| raw.get()))?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let file: FileShape = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let detail = e.inner().to_string();
        if detail.contains("recursion limit") {
            ImportError::TooDeep
        } else {
            ImportError::BadHeader(path_of(e.path()), explain(&detail))
        }
    })?;
    // serde lets a unit variant of a tagged enum carry any other field: refuse them here.
    if file.scope == Scope::All {
        let fields: TopLevel = top
            .get("scope")
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
            .unwrap_or_default();
        if let Some(field) = fields.keys().find(|k| *k != "kind") {
            return Err(ImportError::BadHeader(
                "scope".into(),
                format!("有本应用不认识的字段 {}", shorten(field)),
            ));
        }
    }
    let header_texts = [
        ("app_version", file.app_version.as_str()),
        ("device_id", file.device_id.as_str()),
    ];
    let scope_texts = match &file.scope {
        Scope::All => vec![],
        Scope::Plan { plan_id, plan_name } => vec![
            ("scope.plan_id", plan_id.as_str()),
            ("scope.plan_name", plan_name.as_str()),
        ],
    };
    for (field, text) in header_texts.into_iter().chain(scope_texts) {
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(ImportError::BadHeader(
                field.into(),
                format!("文字过长（{chars}字）"),
            ));
        }
    }
    if sha256_hex(file.records.get().as_bytes()) != file.records_sha256.to_ascii_lowercase() {
        return Err(ImportError::ChecksumMismatch);
    }
    // The text was read once without building values: what can fail now is the depth of
    // nesting or a number out of range (1e400).
    let value: Value = serde_json::from_str(file.records.get()).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            ImportError::TooDeep
        } else {
            ImportError::BadValue(String::new(), explain(&e.to_string()))
        }
    })?;
    if !value.is_object() {
        return Err(ImportError::BadValue(
            String::new(),
            format!("records 应为 JSON 对象，文件中是{}", kind_of(&value)),
        ));
    }
    check_counts(&value)?;
    check_lengths(&value, &mut String::new())?;
    let records: Records = serde_path_to_error::deserialize(value)
        .map_err(|e| ImportError::BadValue(path_of(e.path()), explain(&e.inner().to_string())))?;
    check_ids(&records)?;
    check_references(&records)?;
    Ok(Exchange {
        header: Header {
            format: file.format,
            format_version: file.format_version,
            app_version: file.app_version,
            device_id: file.device_id,
            exported_at: file.exported_at,
            scope: file.scope,
            records_sha256: file.records_sha256,
        },
        records,
    })
}

/// What a file is, by its first bytes, when it is a kind people pick by mistake (a photo, a
/// spreadsheet, a document) or text saved again in another encoding.
fn other_file_type(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 10] = [
        (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
        (b"\xff\xd8\xff", "JPEG 图片"),
        (b"GIF8", "GIF 图片"),
        (b"%PDF-", "PDF 文件"),
        (
            b"PK\x03\x04",
            "ZIP 压缩包（或 Excel .xlsx、Word .docx 文件）",
        ),
        (
            b"PK\x05\x06",
            "ZIP 压缩包（或 Excel .xlsx、Word .docx 文件）",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "旧版 Excel（.xls）或 Word（.doc）文件",
        ),
        (b"Rar!\x1a\x07", "RAR 压缩包"),
        (b"\xff\xfe", "UTF-16 编码的文本（可能被记事本等程序另存过）"),
        (b"\xfe\xff", "UTF-16 编码的文本（可能被记事本等程序另存过）"),
    ];
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// The reason a JSON document could not be read as an object.
fn json_error(e: &serde_json::Error, text: &str) -> ImportError {
    use serde_json::error::Category;
    let detail = e.to_string();
    match e.classify() {
        Category::Eof => ImportError::Truncated,
        _ if detail.contains("recursion limit") => ImportError::TooDeep,
        _ if detail.contains("trailing characters") => {
            ImportError::TrailingData(e.line(), e.column())
        }
        // Valid JSON of another type: only the top level is typed here.
        Category::Data => ImportError::NotAnObject(
            match text.trim_start_matches(JSON_WHITESPACE).bytes().next() {
                Some(b'[') => "数组",
                Some(b'"') => "文本",
                Some(b't' | b'f') => "布尔值",
                Some(b'n') => "空值 null",
                _ => "数字",
            },
        ),
        _ => ImportError::NotJson(e.line(), e.column()),
    }
}

/// Refuses a format version this app cannot read; `raw` is its JSON text.
fn check_version(raw: Option<&str>) -> Result<(), ImportError> {
    let bad = |problem: String| ImportError::BadHeader("format_version".into(), problem);
    let Some(raw) = raw else {
        return Err(ImportError::BadHeader(
            String::new(),
            "缺少字段 format_version".into(),
        ));
    };
    match raw.parse::<u64>() {
        Ok(v) if v > u64::from(FORMAT_VERSION) => Err(ImportError::NewerVersion(
            u32::try_from(v).unwrap_or(u32::MAX),
        )),
        Ok(0) => Err(ImportError::UnknownVersion(0)),
        Ok(_) => Ok(()),
        Err(_) if raw.starts_with('"') => {
            Err(bad(format!("应为整数，文件中是文本 {}", shorten(raw))))
        }
        Err(_) if raw.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => Err(bad(format!(
            "{} 不是有效的格式版本，应为正整数",
            shorten(raw)
        ))),
        Err(_) => Err(bad(format!("应为整数，文件中是 {}", shorten(raw)))),
    }
}

/// A serde path as a message shows it: empty for the document itself.
fn path_of(path: &serde_path_to_error::Path) -> String {
    let path = path.to_string();
    if path == "." {
        String::new()
    } else {
        path
    }
}

/// A JSON value's type, in words.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "空值 null",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "文本",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}
