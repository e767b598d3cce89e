//! Writing and reading the exchange file. The file is one JSON object: a header (format,
//! format version, app version, device, export time, scope, SHA-256 of the records) and the
//! records. Reading checks, in order, size, encoding, JSON, format and version, header,
//! checksum, every record's shape, text lengths, ids and references; only a file that passes
//! all of them yields records.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::problems::{explain, ImportError};
use super::Records;

/// The format's name, written in every file.
pub const FORMAT: &str = "jiandu-exchange";
/// The format version this app writes; it reads every version up to it.
pub const FORMAT_VERSION: u32 = 1;
/// The largest file accepted (photos will travel beside it, not in it).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The longest text accepted in a record: far beyond any field the app lets a user type.
pub const MAX_TEXT_CHARS: usize = 20_000;

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

/// Only what tells whether a JSON document is an exchange file, and of which version.
#[derive(Deserialize)]
struct Probe {
    format: Option<Value>,
    format_version: Option<Value>,
}

/// The bytes of an exchange file. Records last changed on no device (built-in or older
/// records) are marked as changed on `device_id`, the device that holds them now.
pub fn write(
    records: &Records,
    device_id: &str,
    app_version: &str,
    exported_at: DateTime<Utc>,
    scope: Scope,
) -> Vec<u8> {
    let mut records = records.clone();
    let mark = |changed_on: &mut Option<String>| {
        changed_on.get_or_insert_with(|| device_id.to_string());
    };
    records
        .institutions
        .iter_mut()
        .for_each(|r| mark(&mut r.changed_on));
    records
        .inspectors
        .iter_mut()
        .for_each(|r| mark(&mut r.changed_on));
    records
        .plans
        .iter_mut()
        .for_each(|r| mark(&mut r.changed_on));
    records
        .inspections
        .iter_mut()
        .for_each(|r| mark(&mut r.changed_on));
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
        r#"{"institutions":[],"inspectors":[],"plans":[],"inspections":[]}"#.into(),
    )
    .expect("a constant JSON object")
}

/// SHA-256 as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads and checks a whole file; nothing in it may be written unless this returns `Ok`.
pub fn read(bytes: &[u8]) -> Result<Exchange, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(bytes.len(), MAX_FILE_BYTES));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let probe: Probe = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    if probe.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotExchangeFile);
    }
    match probe.format_version.as_ref().and_then(Value::as_u64) {
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(ImportError::NewerVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ))
        }
        Some(v) if v >= 1 => {}
        Some(v) => return Err(ImportError::UnknownVersion(v as u32)),
        None => {
            return Err(ImportError::BadHeader(
                "format_version".into(),
                "缺少或不是正整数".into(),
            ))
        }
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let file: FileShape = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        ImportError::BadHeader(path, explain(&e.inner().to_string()))
    })?;
    if sha256_hex(file.records.get().as_bytes()) != file.records_sha256.to_ascii_lowercase() {
        return Err(ImportError::ChecksumMismatch);
    }
    let value: Value = serde_json::from_str(file.records.get()).map_err(|e| json_error(&e))?;
    check_lengths(&value, &mut String::from("records"))?;
    let records: Records = serde_path_to_error::deserialize(value).map_err(|e| {
        ImportError::BadValue(e.path().to_string(), explain(&e.inner().to_string()))
    })?;
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

/// The reason a JSON document could not be read.
fn json_error(e: &serde_json::Error) -> ImportError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => ImportError::Truncated,
        _ if e.to_string().contains("recursion limit") => ImportError::TooDeep,
        Category::Data => ImportError::NotExchangeFile,
        _ => ImportError::NotJson(e.line(), e.column()),
    }
}

/// Refuses any string longer than [`MAX_TEXT_CHARS`], naming where it is.
fn check_lengths(value: &Value, path: &mut String) -> Result<(), ImportError> {
    match value {
        Value::String(s) => {
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(ImportError::TooLong(path.clone(), chars));
            }
        }
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{n}]"));
                check_lengths(item, path)?;
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                if key.chars().count() > MAX_TEXT_CHARS {
                    return Err(ImportError::TooLong(path.clone(), key.chars().count()));
                }
                let len = path.len();
                path.push('.');
                path.push_str(key);
                check_lengths(item, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_ids(records: &Records) -> Result<(), ImportError> {
    fn unique<'a>(
        kind: &'static str,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<(), ImportError> {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                return Err(ImportError::BadValue(
                    format!("{kind}编号"),
                    "编号为空".into(),
                ));
            }
            if !seen.insert(id) {
                return Err(ImportError::DuplicateId(kind, id.to_string()));
            }
        }
        Ok(())
    }
    unique(
        "监督对象",
        records.institutions.iter().map(|r| r.id.as_str()),
    )?;
    unique("执法人员", records.inspectors.iter().map(|r| r.id.as_str()))?;
    unique("任务", records.plans.iter().map(|r| r.id.as_str()))?;
    unique(
        "检查记录",
        records.inspections.iter().map(|r| r.id.as_str()),
    )
}

/// Every inspection's plan, institution and officers, and every plan's institutions, are in
/// the file: an export always carries what its records refer to.
fn check_references(records: &Records) -> Result<(), ImportError> {
    let institutions: HashSet<&str> = records.institutions.iter().map(|r| r.id.as_str()).collect();
    let inspectors: HashSet<&str> = records.inspectors.iter().map(|r| r.id.as_str()).collect();
    let plans: HashSet<&str> = records.plans.iter().map(|r| r.id.as_str()).collect();
    for plan in &records.plans {
        if let Some(id) = plan
            .institution_ids
            .iter()
            .find(|id| !institutions.contains(id.as_str()))
        {
            return Err(ImportError::Dangling(
                format!("任务“{}”", plan.name),
                id.clone(),
            ));
        }
    }
    for inspection in &records.inspections {
        let what = || format!("检查记录 {}", inspection.id);
        if !plans.contains(inspection.plan_id.as_str()) {
            return Err(ImportError::Dangling(what(), inspection.plan_id.clone()));
        }
        if !institutions.contains(inspection.institution_id.as_str()) {
            return Err(ImportError::Dangling(
                what(),
                inspection.institution_id.clone(),
            ));
        }
        if let Some(a) = inspection
            .inspectors
            .iter()
            .find(|a| !inspectors.contains(a.inspector_id.as_str()))
        {
            return Err(ImportError::Dangling(what(), a.inspector_id.clone()));
        }
    }
    Ok(())
}
