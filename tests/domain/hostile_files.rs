//! Hostile files: every number a sealed or exchange file controls that costs work is bounded
//! (PBKDF2 iterations, sizes, record counts, nesting), and every refusal a user reads is Chinese,
//! with no parser text in English. `assert_plain_chinese` is the check; the malformed-file table
//! (`exchange_files.rs`) and the archive refusals (`exchange_archive/refusals.rs`) run it on
//! every message they produce, and the tests here run it on every refusal of the sealed
//! envelope and on a wrong value of every type in every field of the format.

use std::collections::BTreeSet;

use jiandu::domain::exchange::archive;
use jiandu::domain::exchange::file::MAX_RECORDS_PER_KIND;
use jiandu::domain::exchange::sealed::{
    open_envelope, seal, MAX_ITERATIONS, MAX_SALT_BYTES, MAX_SEALED_BYTES, MIN_ITERATIONS,
};
use jiandu::domain::exchange::{read, ImportError, Records, Scope};
use serde_json::{json, Value};

use super::exchange::{exported, sample_records};
use super::exchange_archive::media_records;
use super::exchange_files::records as edited;
use super::exchange_stationed::every_stationed_shape;

// ---------------------------------------------------------------------------------------------
// The check

/// Latin words a message may hold: names of formats, programs and encodings, JSON's literals
/// and the sealed envelope's fields. Everything else in Latin letters must be an identifier
/// (see `is_identifier`), a field of the exchange format (its JSON Schema's property names), or
/// a word the tests below and the malformed-file table put in their files.
#[rustfmt::skip]
const ALLOWED: &[&str] = &[
    // formats, programs, encodings
    "JSON", "ZIP", "XLSX", "CSV", "SHA", "UTF", "GBK", "PNG", "JPEG", "GIF", "PDF", "RAR",
    "Excel", "Word", "json", "zip", "xlsx", "docx", "xls", "doc", "Base64", "HTTPS", "PBKDF2",
    "AES", "GCM", "Unicode", "WPS",
    // JSON's literals
    "null", "true", "false",
    // the sealed envelope's fields
    "kdf", "iterations", "salt", "cipher", "ciphertext", "hash",
];

/// Words the files of the tests put where a message quotes them (an unknown field, a code
/// that is not one).
const FROM_THE_FILES: &[&str] = &[
    "signature",
    "photos",
    "everything",
    "maybe",
    "spa",
    "jail",
    "extra",
];

/// The exchange format's field names, from its published schema.
fn format_fields() -> BTreeSet<String> {
    fn walk(value: &Value, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(fields) => {
                for (key, item) in fields {
                    if key == "properties" {
                        if let Value::Object(properties) = item {
                            out.extend(properties.keys().cloned());
                        }
                    }
                    walk(item, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    let schema: Value = serde_json::from_str(include_str!("../../docs/exchange.schema.json"))
        .expect("the schema is JSON");
    let mut fields = BTreeSet::new();
    walk(&schema, &mut fields);
    assert!(fields.len() > 100, "the schema's fields were found");
    fields
}

/// An id, a path, a file name or a number: it holds `_`, `-`, `/`, `[`, `]`, `~`, a digit or a
/// dot inside it (`sample-institution-hospital`, `inspections[0].date`, `records.json`,
/// `SHA-256`), which no English sentence word does.
fn is_identifier(token: &str) -> bool {
    token.contains(['_', '-', '/', '[', ']', '~'])
        || token.bytes().any(|b| b.is_ascii_digit())
        || token.contains('.')
}

/// The Latin words of three or more letters in `message` that are neither allowed nor part of
/// an identifier: serde's "unknown field", "EOF while parsing a value", "invalid type", ….
pub fn english_words(message: &str) -> Vec<String> {
    let fields = format_fields();
    let repeated = "x".repeat(40);
    message
        .split(|c: char| !(c.is_ascii_alphanumeric() || "_-./[]~".contains(c)))
        .map(|token| token.trim_end_matches('.'))
        .filter(|token| !token.is_empty() && !is_identifier(token))
        .filter(|word| word.len() >= 3)
        .filter(|word| {
            !ALLOWED.contains(word)
                && !FROM_THE_FILES.contains(word)
                && !fields.contains(*word)
                && *word != repeated
        })
        .map(str::to_string)
        .collect()
}

/// A message a user reads is Chinese and holds no English parser text.
pub fn assert_plain_chinese(context: &str, message: &str) {
    assert_plain_chinese_quoting(context, message, "");
}

/// The same for a message about `file`, which may quote any word of it (a changed file's
/// field name, say).
pub fn assert_plain_chinese_quoting(context: &str, message: &str, file: &str) {
    assert!(
        message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{context}: not Chinese: {message}"
    );
    let words: Vec<String> = english_words(message)
        .into_iter()
        .filter(|word| file.is_empty() || !file.contains(word.as_str()))
        .collect();
    assert!(
        words.is_empty(),
        "{context}: English words {words:?} in: {message}"
    );
}

#[test]
fn the_check_catches_what_serde_says() {
    // The two messages the reliability review found (F4), and serde's other kinds.
    for message in [
        "加密文件的格式有误：unknown field `extra`, expected one of `format`, `format_version`, `kdf`, `cipher`, `iv`, `ciphertext` at line 13 column 9",
        "加密文件的格式有误：EOF while parsing a value at line 10 column 11",
        "记录有误：内容无效（invalid type: map, expected a string）",
        "文件头有误：recursion limit exceeded",
        "生成压缩包失败：I/O error: broken pipe",
    ] {
        assert!(!english_words(message).is_empty(), "{message}");
    }
    // What the messages legitimately quote passes.
    for message in [
        "记录 inspections[0].answers.M1.1.1.verdict 有误：取值 maybe 不在允许范围内",
        "照片“许可证.jpg”已损坏或被改动：SHA-256 不符",
        "这是 ZIP 压缩包（或 Excel .xlsx、Word .docx 文件），不是本应用导出的数据交换文件",
        "文件头“format_version”有误：缺少字段 records",
        "加密文件的盐值不是有效的 Base64 文本",
    ] {
        assert_eq!(english_words(message), Vec::<String>::new(), "{message}");
    }
}

// ---------------------------------------------------------------------------------------------
// The sealed envelope

fn envelope() -> Value {
    serde_json::from_slice(&seal(&[1; 16], &[2; 12], MIN_ITERATIONS, &[7; 40])).expect("JSON")
}

fn with(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut value = envelope();
    edit(&mut value);
    serde_json::to_vec_pretty(&value).expect("JSON")
}

fn text_of(edit: impl FnOnce(String) -> String) -> Vec<u8> {
    edit(String::from_utf8(with(|_| {})).expect("UTF-8")).into_bytes()
}

/// Every way an envelope is refused, and what its message must say.
#[rustfmt::skip]
fn sealed_cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let b64 = |n: usize| base64_of(&vec![3u8; n]);
    vec![
        ("empty", vec![], "加密文件不完整"),
        ("cut off", text_of(|t| t[..t.len() / 2].to_string()), "加密文件不完整"),
        ("not JSON", b"jiandu-exchange-sealed: hello".to_vec(), "加密文件的格式有误（第1行第1列附近）"),
        ("broken syntax", text_of(|t| t.replacen(':', " ", 1)), "加密文件的格式有误（第2行"),
        ("not UTF-8", text_of(|t| t.replacen("PBKDF2", "PBKDF\u{fffd}", 1)).into_iter().map(|b| if b == 0xEF { 0xFF } else { b }).collect(), "加密文件"),
        ("trailing data", [with(|_| {}), b"\n}garbage".to_vec()].concat(), "加密文件在数据结束后还有多余的内容"),
        ("an extra field", with(|v| v["extra"] = json!(1)), "有本应用不认识的字段 extra"),
        ("an extra kdf field", with(|v| v["kdf"]["extra"] = json!(1)), "加密文件“kdf.extra”有误"),
        ("a field twice", text_of(|t| t.replacen('{', "{\"cipher\": \"AES-GCM\",", 1)), "字段 cipher 重复出现"),
        ("no cipher", with(|v| drop(v.as_object_mut().unwrap().remove("cipher"))), "缺少字段 cipher"),
        ("no salt", with(|v| drop(v["kdf"].as_object_mut().unwrap().remove("salt"))), "缺少字段 salt"),
        ("an array", b"[\"jiandu-exchange-sealed\"]".to_vec(), "加密文件的格式有误"),
        ("nested 200 deep", format!("{}\"jiandu-exchange-sealed\"{}", "[".repeat(200), "]".repeat(200)).into_bytes(), "加密文件"),
        ("iterations as text", with(|v| v["kdf"]["iterations"] = json!("600000")), "“kdf.iterations”有误：类型错误：应为不小于 0 的整数，文件中是文本"),
        ("iterations as a fraction", with(|v| v["kdf"]["iterations"] = json!(6e5)), "文件中是小数"),
        ("iterations negative", with(|v| v["kdf"]["iterations"] = json!(-1)), "不能为负数"),
        ("iterations over 32 bits", with(|v| v["kdf"]["iterations"] = json!(4_294_967_296_u64)), "数值 4294967296 超出允许范围"),
        ("iterations 4,294,967,295", with(|v| v["kdf"]["iterations"] = json!(u32::MAX)), "密钥派生次数过多（4294967295次，最多6000000次）"),
        ("iterations one over the bound", with(|v| v["kdf"]["iterations"] = json!(MAX_ITERATIONS + 1)), "密钥派生次数过多"),
        ("iterations too few", with(|v| v["kdf"]["iterations"] = json!(100_000)), "派生次数过少"),
        ("another format", with(|v| v["format"] = json!("other")), "不是本应用的加密数据文件"),
        ("a newer version", with(|v| v["format_version"] = json!(9)), "较新版本"),
        ("another cipher", with(|v| v["cipher"] = json!("AES-CBC")), "不支持的加密方式"),
        ("another hash", with(|v| v["kdf"]["hash"] = json!("MD5")), "不支持的加密方式"),
        ("a salt not Base64", with(|v| v["kdf"]["salt"] = json!("!!!!")), "盐值不是有效的 Base64 文本"),
        ("an IV not Base64", with(|v| v["iv"] = json!("%%%%")), "初始向量不是有效的 Base64 文本"),
        ("a ciphertext not Base64", with(|v| v["ciphertext"] = json!("密文")), "密文不是有效的 Base64 文本"),
        ("a short salt", with(|v| v["kdf"]["salt"] = json!(b64(8))), "盐值过短"),
        ("a long salt", with(|v| v["kdf"]["salt"] = json!(b64(MAX_SALT_BYTES + 1))), "盐值过长"),
        ("a megabyte of salt", with(|v| v["kdf"]["salt"] = json!("A".repeat(1 << 20))), "盐值过长"),
        ("a long IV", with(|v| v["iv"] = json!(b64(16))), "初始向量长度不对"),
        ("a megabyte of IV", with(|v| v["iv"] = json!("A".repeat(1 << 20))), "初始向量过长"),
        ("a short IV", with(|v| v["iv"] = json!(b64(6))), "初始向量长度不对"),
        ("a short ciphertext", with(|v| v["ciphertext"] = json!(b64(15))), "密文不完整"),
        ("over the size limit", [with(|_| {}), vec![b' '; MAX_SEALED_BYTES]].concat(), "加密文件过大"),
    ]
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn every_refusal_of_a_sealed_file_says_why_in_chinese() {
    assert!(
        open_envelope(&with(|_| {})).is_ok(),
        "the base envelope opens"
    );
    let mut seen = BTreeSet::new();
    for (name, bytes, expected) in sealed_cases() {
        let message = match open_envelope(&bytes) {
            Ok(_) => panic!("{name}: opened"),
            Err(message) => message,
        };
        assert!(
            message.contains(expected),
            "{name}: “{message}” does not say “{expected}”"
        );
        assert_plain_chinese(name, &message);
        assert!(message.chars().count() < 200, "{name}: short: {message}");
        seen.insert(message);
    }
    assert!(seen.len() >= 25, "{seen:#?}");
}

#[test]
fn a_sealed_file_cut_or_changed_anywhere_is_refused_in_chinese() {
    let whole = with(|_| {});
    for cut in 0..whole.len() - 1 {
        if let Err(message) = open_envelope(&whole[..cut]) {
            assert_plain_chinese(&format!("cut at {cut}"), &message);
        }
    }
    // Any one byte replaced by each of a few that break JSON or a value (a message may quote
    // the changed file's words: a field name that is no longer one).
    for at in 0..whole.len() {
        for byte in [b'"', b'{', b']', b'x', b'-', b'9', 0xFF, b'\\'] {
            let mut changed = whole.clone();
            changed[at] = byte;
            if let Err(message) = open_envelope(&changed) {
                let file = String::from_utf8_lossy(&changed);
                assert_plain_chinese_quoting(&format!("byte {at} = {byte:#x}"), &message, &file);
            }
        }
    }
}

#[test]
fn the_iteration_count_is_bounded_on_both_sides_before_deriving() {
    for iterations in [MIN_ITERATIONS, MAX_ITERATIONS] {
        let sealed = open_envelope(&seal(&[1; 16], &[2; 12], iterations, &[7; 40])).unwrap();
        assert_eq!(sealed.iterations, iterations);
    }
    // A small multiple of what the app writes: 解密 costs at most ten times an ordinary one.
    assert_eq!(MAX_ITERATIONS, 10 * MIN_ITERATIONS);
    for iterations in [MIN_ITERATIONS - 1, MAX_ITERATIONS + 1, u32::MAX] {
        let message = open_envelope(&seal(&[1; 16], &[2; 12], iterations, &[7; 40])).unwrap_err();
        assert!(message.contains(&format!("{iterations}次")), "{message}");
    }
    // The largest salt accepted, and what the app writes.
    assert!(open_envelope(&seal(
        &[1; MAX_SALT_BYTES],
        &[2; 12],
        MIN_ITERATIONS,
        &[7; 40]
    ))
    .is_ok());
}

// ---------------------------------------------------------------------------------------------
// The exchange file

#[test]
fn more_records_of_a_kind_than_allowed_are_refused_before_any_is_built() {
    let small = exported(&media_records(), "device-a");
    for (list, kind) in [("inspectors", "执法人员"), ("scene_sheets", "现场监督表")] {
        // Empty objects: the count is judged before any record's shape.
        let over = edited(&small, |r| {
            r[list] = json!(vec![json!({}); MAX_RECORDS_PER_KIND + 1])
        });
        let error = read(&over).unwrap_err();
        assert_eq!(
            error,
            ImportError::TooManyRecords(kind, MAX_RECORDS_PER_KIND + 1, MAX_RECORDS_PER_KIND)
        );
        assert_plain_chinese(list, &error.message());
        assert!(
            error.message().contains("超过导入上限 100000 条"),
            "{}",
            error.message()
        );
        // At the limit the count passes and the records' shapes decide.
        let at = edited(&small, |r| {
            r[list] = json!(vec![json!({}); MAX_RECORDS_PER_KIND])
        });
        assert!(matches!(read(&at), Err(ImportError::BadValue(..))));
    }
    // A file that could not be read is not written either.
    let mut records = media_records();
    let officer = records.inspectors[0].clone();
    records.inspectors = (0..=MAX_RECORDS_PER_KIND)
        .map(|n| {
            let mut o = officer.clone();
            o.id = format!("officer-{n}");
            o
        })
        .collect();
    let refused =
        archive::write(&records, "device-a", "0.1.0", super::at(1), Scope::All, &[]).unwrap_err();
    assert!(
        refused.contains("执法人员记录共 100001 条，超过单个文件上限"),
        "{refused}"
    );
    assert_plain_chinese("write", &refused);
}

/// JSON pointers to every value of `value` (objects and arrays too), the first of each field
/// only (indices and map keys read as `*`), so every field of the format is visited once.
fn one_of_each_field(
    value: &Value,
    at: String,
    shape: String,
    seen: &mut BTreeSet<String>,
    out: &mut Vec<String>,
) {
    if !at.is_empty() && !seen.insert(shape.clone()) {
        return;
    }
    if !at.is_empty() {
        out.push(at.clone());
    }
    let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
    match value {
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                one_of_each_field(item, format!("{at}/{n}"), format!("{shape}/*"), seen, out);
            }
        }
        Value::Object(fields) => {
            // A map keyed by check point or target: its keys are data, not fields.
            let keyed = at.ends_with("/answers") || at.ends_with("/targets");
            for (key, item) in fields {
                let field = if keyed { "*".to_string() } else { escape(key) };
                one_of_each_field(
                    item,
                    format!("{at}/{}", escape(key)),
                    format!("{shape}/{field}"),
                    seen,
                    out,
                );
            }
        }
        _ => {}
    }
}

/// A wrong value of every JSON type, and values out of every range.
fn wrong_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(1.5),
        json!(4_294_967_296_u64),
        json!(-9.5e300),
        json!("x"),
        json!("2026-13-45T25:61:00Z"),
        json!([]),
        json!([1, "x"]),
        json!({}),
        json!({"kind": "x"}),
    ]
}

#[test]
fn a_wrong_value_in_any_field_is_refused_in_chinese() {
    let mut sets: Vec<Records> = vec![
        media_records(),
        every_stationed_shape(),
        sample_records().for_plan("sample-plan-2022-huitoukan"),
    ];
    sets.push(sample_records().for_plan("sample-plan-2022-medical-sampling"));
    let mut fields = 0;
    let mut refused = 0;
    // Each field once, in the smallest file that has it.
    let mut seen = BTreeSet::new();
    for records in &sets {
        let file = exported(records, "device-a");
        let value: Value = serde_json::from_slice(&file).unwrap();
        let mut pointers = Vec::new();
        one_of_each_field(
            &value["records"],
            String::new(),
            String::new(),
            &mut seen,
            &mut pointers,
        );
        fields += pointers.len();
        for pointer in &pointers {
            for wrong in wrong_values() {
                let changed = edited(&file, |r| {
                    *r.pointer_mut(pointer).expect("a value") = wrong.clone()
                });
                if let Err(error) = read(&changed) {
                    refused += 1;
                    assert_plain_chinese(&format!("{pointer} = {wrong}"), &error.message());
                }
            }
        }
    }
    assert!(fields > 100, "{fields} fields visited");
    assert!(refused > 700, "{refused} refusals checked");
    eprintln!("{fields} fields, {refused} refusals");
}
