//! Malformed exchange files: each is refused by `read` with its own message in Chinese, so
//! nothing of it can reach a merge; cut, mutated and random files never read as records; what
//! is written reads back the same; and the published JSON Schema matches what `write` writes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use jiandu::domain::exchange::file::{sha256_hex, MAX_TEXT_CHARS};
use jiandu::domain::exchange::merge::plan as merge_plan;
use jiandu::domain::exchange::{
    read, write, ImportError, Records, Scope, FORMAT, FORMAT_VERSION, MAX_FILE_BYTES,
};
use jiandu::domain::handling::{Handling, KINDS};
use jiandu::domain::inspection::Verdict;
use jiandu::domain::labelled::Labelled;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

use super::exchange::exported;
use super::exchange_archive::media_records;
use super::exchange_stationed::{every_stationed_shape, stationed_records, PLAN};

/// The sample's records, built once (the property tests use them in every case).
fn sample_records() -> Records {
    static SAMPLE: std::sync::OnceLock<Records> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(super::exchange::sample_records).clone()
}

// ---------------------------------------------------------------------------------------------
// Building files

/// The sample exported by device A: the valid file every malformed case starts from.
fn base() -> Vec<u8> {
    exported(&sample_records(), "device-a")
}

/// A small valid set: one 回头看 plan with one follow-up (rectifications, history, measures
/// including a fine and 整改意见, a few plain answers), its unit and its two officers.
fn small_records() -> Records {
    let mut records = sample_records().for_plan("sample-plan-2022-huitoukan");
    let mut inspection = records
        .inspections
        .iter()
        .find(|i| i.id == "sample-inspection-huitoukan-renhe")
        .expect("the sample's 仁和 follow-up")
        .clone();
    let with_measures: BTreeSet<String> = inspection
        .answers
        .iter()
        .filter(|(_, a)| !a.handling.is_empty())
        .map(|(id, _)| id.clone())
        .collect();
    let plain: BTreeSet<String> = inspection
        .answers
        .keys()
        .filter(|id| !with_measures.contains(*id))
        .take(3)
        .cloned()
        .collect();
    inspection
        .answers
        .retain(|id, _| with_measures.contains(id) || plain.contains(id));
    records
        .institutions
        .retain(|i| i.id == inspection.institution_id);
    records.plans[0]
        .institution_ids
        .retain(|id| *id == inspection.institution_id);
    records
        .inspectors
        .retain(|o| inspection.inspectors.iter().any(|a| a.inspector_id == o.id));
    records.inspections = vec![inspection];
    records
}

fn small() -> Vec<u8> {
    exported(&small_records(), "device-a")
}

/// Rebuilds a file from its JSON: `edit` changes the header fields and the records; the
/// records are written compactly and `records_sha256` recomputed over exactly that text, as
/// `write` does, unless `edit` changed or removed the checksum itself. (Keys come out sorted:
/// the reader does not care about their order.)
fn rebuild(file: &[u8], edit: impl FnOnce(&mut Map<String, Value>, &mut Value)) -> Vec<u8> {
    let Value::Object(mut header) = serde_json::from_slice(file).expect("a valid file") else {
        panic!("a file is an object");
    };
    let mut records = header.remove("records").expect("records");
    let checksum = header.get("records_sha256").cloned();
    edit(&mut header, &mut records);
    let text = serde_json::to_string(&records).expect("JSON");
    if checksum.is_some() && header.get("records_sha256") == checksum.as_ref() {
        header.insert(
            "records_sha256".into(),
            Value::String(sha256_hex(text.as_bytes())),
        );
    }
    header.insert("records".into(), Value::String("@@RECORDS@@".into()));
    serde_json::to_string_pretty(&header)
        .expect("JSON")
        .replacen("\"@@RECORDS@@\"", &text, 1)
        .into_bytes()
}

/// A file with one header change (records and checksum as they were).
fn header(file: &[u8], edit: impl FnOnce(&mut Map<String, Value>)) -> Vec<u8> {
    rebuild(file, |h, _| edit(h))
}

/// A file with changed records and a checksum that matches them, so the record checks (not
/// the checksum) decide.
pub(super) fn records(file: &[u8], edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    rebuild(file, |_, r| edit(r))
}

/// A file whose records text is edited as text (for what `Value` cannot hold, like 1e400),
/// with the checksum recomputed over the new text.
fn records_text(file: &[u8], edit: impl FnOnce(&str) -> String) -> Vec<u8> {
    let text = String::from_utf8(file.to_vec()).expect("UTF-8");
    let start = text.find("\"records\": ").expect("records") + "\"records\": ".len();
    let end = text.rfind('}').expect("the closing brace");
    let old = &text[start..end].trim_end();
    let new = edit(old);
    let sum = |t: &str| sha256_hex(t.as_bytes());
    text.replacen(&sum(old), &sum(&new), 1)
        .replacen(old, &new, 1)
        .into_bytes()
}

/// The first fine (罚没款) of the records: its amount.
fn fine(records: &mut Value) -> &mut Value {
    records["inspections"]
        .as_array_mut()
        .expect("inspections")
        .iter_mut()
        .flat_map(|i| i["answers"].as_object_mut().expect("answers").values_mut())
        .flat_map(|a| a["handling"].as_array_mut().expect("handling").iter_mut())
        .find(|h| h["kind"] == "fine")
        .map(|h| &mut h["amount_yuan"])
        .expect("the sample has a fine")
}

/// The first answer of the first inspection.
fn first_answer(records: &mut Value) -> &mut Value {
    records["inspections"][0]["answers"]
        .as_object_mut()
        .expect("answers")
        .values_mut()
        .next()
        .expect("an answer")
}

/// A value nested `depth` arrays deep.
fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("深"), |inner, _| Value::Array(vec![inner]))
}

/// The base file with the sample hospital's name in GBK ("监督对象": BC E0 B6 BD B6 D4 CF F3)
/// where UTF-8 is expected, as a file re-saved by a spreadsheet or an old editor would be.
fn gbk_file() -> Vec<u8> {
    let gbk_name = [0xBC, 0xE0, 0xB6, 0xBD, 0xB6, 0xD4, 0xCF, 0xF3];
    let text = String::from_utf8(base()).expect("UTF-8");
    let at = text.find("示例县人民医院").expect("the sample hospital");
    let bytes = text.as_bytes();
    [
        &bytes[..at],
        &gbk_name,
        &bytes[at + "示例县人民医院".len()..],
    ]
    .concat()
}

/// The file cut inside a Chinese character (the first byte of a 3-byte sequence kept).
fn cut_inside_a_character(file: &[u8]) -> Vec<u8> {
    let at = file.iter().position(|b| *b >= 0xE0).expect("Chinese text");
    file[..=at].to_vec()
}

/// The file without its records (the header as written, closed).
fn without_records(file: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(file.to_vec()).expect("UTF-8");
    let at = text.find(",\n  \"records\"").expect("records");
    format!("{}\n}}", &text[..at]).into_bytes()
}

fn utf16(file: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(file.to_vec()).expect("UTF-8");
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The table of malformed files

/// What a case must give.
enum Expect {
    /// Exactly this error.
    Is(ImportError),
    /// An error whose message contains this.
    Says(&'static str),
}

use Expect::{Is, Says};
use ImportError as E;

type Case = (&'static str, fn(&[u8]) -> Vec<u8>, Expect);

/// The malformed files: name, how to make it from the valid base file, what `read` must say.
#[rustfmt::skip]
fn cases() -> Vec<Case> {
    vec![
        ("empty", |_| vec![], Is(E::Empty)),
        ("only white space", |_| b" \r\n\t \n".to_vec(), Is(E::Blank)),
        ("a byte-order mark only", |_| b"\xEF\xBB\xBF".to_vec(), Is(E::Blank)),
        ("GBK text declared as UTF-8", |_| gbk_file(), Is(E::NotUtf8)),
        ("a PNG picture", |_| b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec(), Says("这是 PNG 图片，不是本应用导出的数据交换文件")),
        ("a ZIP (an .xlsx is one)", |_| b"PK\x03\x04\x14\0\x06\0\x08\0".to_vec(), Says("这是 ZIP 压缩包（或 Excel .xlsx、Word .docx 文件）")),
        ("re-saved as UTF-16", utf16, Says("这是 UTF-16 编码的文本")),
        ("plain text", |_| b"hello".to_vec(), Is(E::NotJson(1, 1))),
        ("a JSON array", |_| b"[1, 2]".to_vec(), Is(E::NotAnObject("数组"))),
        ("a JSON number", |_| b"42".to_vec(), Is(E::NotAnObject("数字"))),
        ("an empty object", |_| b"{}".to_vec(), Is(E::NotExchangeFile)),
        ("another format", |b| header(b, |h| h["format"] = json!("other-app")), Says("格式标识是 \"other-app\"")),
        ("format version 0", |b| header(b, |h| h["format_version"] = json!(0)), Is(E::UnknownVersion(0))),
        ("format version 4 (newer)", |b| header(b, |h| h["format_version"] = json!(4)), Is(E::NewerVersion(4))),
        ("format version as text", |b| header(b, |h| h["format_version"] = json!("1")), Says("“format_version”有误：应为整数，文件中是文本 \"1\"")),
        ("format version -1", |b| header(b, |h| h["format_version"] = json!(-1)), Says("“format_version”有误：-1 不是有效的格式版本")),
        ("format version missing", |b| header(b, |h| drop(h.remove("format_version"))), Says("文件头有误：缺少字段 format_version")),
        ("device_id missing", |b| header(b, |h| drop(h.remove("device_id"))), Says("文件头有误：缺少字段 device_id")),
        ("exported_at missing", |b| header(b, |h| drop(h.remove("exported_at"))), Says("文件头有误：缺少字段 exported_at")),
        ("scope missing", |b| header(b, |h| drop(h.remove("scope"))), Says("文件头有误：缺少字段 scope")),
        ("records_sha256 missing", |b| header(b, |h| drop(h.remove("records_sha256"))), Says("文件头有误：缺少字段 records_sha256")),
        ("records missing", without_records, Says("文件头有误：缺少字段 records")),
        ("an unknown header field", |b| header(b, |h| drop(h.insert("signature".into(), json!("x")))), Says("“signature”有误：有本应用不认识的字段 signature")),
        ("a header field twice", |b| String::from_utf8_lossy(b).replacen('{', "{\n  \"device_id\": \"device-z\",", 1).into_bytes(), Says("字段 device_id 重复出现")),
        ("device_id a number", |b| header(b, |h| h["device_id"] = json!(5)), Says("“device_id”有误：类型错误：应为文本，文件中是整数 5")),
        ("device_id 30,000 characters", |b| header(b, |h| h["device_id"] = json!("机".repeat(30_000))), Says("“device_id”有误：文字过长（30000字）")),
        ("impossible export time", |b| header(b, |h| h["exported_at"] = json!("2026-13-45T00:00:00Z")), Says("“exported_at”有误：日期或时间无效")),
        ("unknown scope kind", |b| header(b, |h| h["scope"] = json!({"kind": "everything"})), Says("“scope.kind”有误：取值 everything 不在允许范围内")),
        ("an unknown scope field", |b| header(b, |h| h["scope"] = json!({"kind": "all", "plan_id": "p"})), Says("“scope”有误：有本应用不认识的字段 plan_id")),
        ("checksum of another file", |b| header(b, |h| h["records_sha256"] = json!(sha256_hex(b"another file"))), Is(E::ChecksumMismatch)),
        ("records edited, checksum kept", |b| String::from_utf8_lossy(b).replacen("示例县人民医院", "示例县人民医院（改）", 1).into_bytes(), Is(E::ChecksumMismatch)),
        ("records not an object", |b| records(b, |r| *r = json!([[], [], [], []])), Says("records 应为 JSON 对象，文件中是数组")),
        ("a negative fine", |b| records(b, |r| *fine(r) = json!(-5)), Says("handling[2] 有误：不能为负数")),
        ("a fine of 12.5 元", |b| records(b, |r| *fine(r) = json!(12.5)), Says("应为不小于 0 的整数，文件中是小数 12.5")),
        ("a fine as text", |b| records(b, |r| *fine(r) = json!("12")), Says("应为不小于 0 的整数，文件中是文本 \"12\"")),
        ("a number beyond f64 (1e400)", |b| records_text(b, |t| t.replacen("\"year\":2022", "\"year\":1e400", 1)), Says("记录有误：数值超出范围")),
        ("an impossible date", |b| records(b, |r| r["inspections"][0]["date"] = json!("2022-02-30")), Says("inspections[0].date 有误：日期或时间无效")),
        ("a year out of range", |b| records(b, |r| r["institutions"][0]["updated_at"] = json!("99999-01-01T00:00:00Z")), Says("institutions[0].updated_at 有误：日期或时间无效")),
        ("a date as a number", |b| records(b, |r| r["plans"][0]["deadline"] = json!(20221130)), Says("plans[0].deadline 有误：类型错误：应为日期文本")),
        ("an unknown verdict", |b| records(b, |r| first_answer(r)["verdict"] = json!("maybe")), Says("verdict 有误：取值 maybe 不在允许范围内")),
        ("a 15,000-character code", |b| records(b, |r| first_answer(r)["verdict"] = json!("x".repeat(15_000))), Says("取值 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… 不在允许范围内")),
        ("a 15,000-character answer key", |b| records(b, |r| drop(r["inspections"][0]["answers"].as_object_mut().unwrap().insert("点".repeat(15_000), json!({"verdict": "maybe"})))), Says("inspections[0].answers.点点点点点点点点点点点点点点点点点点点点点点点点点…点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点点.verdict 有误：取值 maybe")),
        ("an unknown institution type", |b| records(b, |r| r["institutions"][0]["kind"] = json!("spa")), Says("institutions[0].kind 有误：取值 spa 不在允许范围内")),
        ("an unknown measure", |b| records(b, |r| first_measure(r)["kind"] = json!("jail")), Says("handling[0].kind 有误：取值 jail 不在允许范围内")),
        ("inspection without plan_id", |b| records(b, |r| drop(r["inspections"][0].as_object_mut().unwrap().remove("plan_id"))), Says("inspections[0] 有误：缺少字段 plan_id")),
        ("an unknown records key", |b| records(b, |r| r["photos"] = json!([])), Says("记录 photos 有误：有本应用不认识的字段 photos")),
        ("two institutions, one id", |b| records(b, |r| r["institutions"][1]["id"] = r["institutions"][0]["id"].clone()), Says("两条监督对象使用同一编号 sample-institution-hospital")),
        ("two inspections, one id", |b| records(b, |r| r["inspections"][1]["id"] = r["inspections"][0]["id"].clone()), Says("两条检查记录使用同一编号 sample-inspection-hospital")),
        ("an empty id", |b| records(b, |r| r["inspectors"][0]["id"] = json!(" ")), Says("记录 inspectors[0].id 有误：执法人员编号为空")),
        ("an inspection's plan missing", |b| records(b, |r| r["inspections"][0]["plan_id"] = json!("missing-plan")), Says("引用的任务 missing-plan 不在文件中")),
        ("an inspection's institution missing", |b| records(b, |r| r["inspections"][0]["institution_id"] = json!("missing-clinic")), Says("引用的监督对象 missing-clinic 不在文件中")),
        ("an inspection's officer missing", |b| records(b, |r| r["inspections"][0]["inspectors"][0]["inspector_id"] = json!("missing-officer")), Says("引用的执法人员 missing-officer 不在文件中")),
        ("a plan listing a missing institution", |b| records(b, |r| r["plans"][0]["institution_ids"].as_array_mut().unwrap().push(json!("missing-hospital"))), Says("” 引用的监督对象 missing-hospital 不在文件中")),
        ("a 30,000-character name", |b| records(b, |r| r["institutions"][0]["name"] = json!("名".repeat(30_000))), Is(E::TooLong("institutions[0].name".into(), 30_000))),
        ("a note nested 200 deep", |b| records(b, |r| first_answer(r)["note"] = nested(200)), Is(E::TooDeep)),
        ("over the size limit", |b| [b, &vec![b' '; MAX_FILE_BYTES + 1 - b.len()][..]].concat(), Is(E::TooLarge(MAX_FILE_BYTES + 1, MAX_FILE_BYTES))),
        ("trailing garbage", |b| [b, &b"\n}garbage"[..]].concat(), Says("文件在数据结束后还有多余的内容（从第")),
        ("cut in the middle", |b| b[..b.len() / 2].to_vec(), Is(E::Truncated)),
        ("cut inside a character", cut_inside_a_character, Is(E::Truncated)),
    ]
}

/// The first measure (处理) of the records.
fn first_measure(records: &mut Value) -> &mut Value {
    records["inspections"]
        .as_array_mut()
        .expect("inspections")
        .iter_mut()
        .flat_map(|i| i["answers"].as_object_mut().expect("answers").values_mut())
        .flat_map(|a| a["handling"].as_array_mut().expect("handling").iter_mut())
        .next()
        .expect("the sample has measures")
}

/// What an import does with a file before anything is written: read it, then plan its merge
/// into the device (here an empty one) and take what would be written.
fn what_would_be_written(bytes: &[u8]) -> Result<Records, ImportError> {
    let file = read(bytes)?;
    Ok(merge_plan(&Records::default(), &file.records, "device-b").records_to_write(|_, _| None))
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_malformed_file_is_refused_with_its_own_message() {
    let base = base();
    assert!(read(&base).is_ok(), "the base file is valid");
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut messages: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (name, make, expect) in &cases {
        let bytes = make(&base);
        let error = match read(&bytes) {
            Ok(_) => panic!("{name}: read as a valid file"),
            Err(error) => error,
        };
        // Nothing of it reaches a merge, so nothing of it can be written.
        assert_eq!(
            what_would_be_written(&bytes),
            Err(error.clone()),
            "{name}: refused before the merge"
        );
        let message = error.message();
        match expect {
            Is(expected) => assert_eq!(&error, expected, "{name}: {message}"),
            Says(part) => assert!(
                message.contains(part),
                "{name}: “{message}” does not say “{part}”"
            ),
        }
        assert!(
            has_chinese(&message),
            "{name}: the message is Chinese: {message}"
        );
        super::hostile_files::assert_plain_chinese(name, &message);
        assert!(
            message.chars().count() < 300,
            "{name}: the message is short: {message}"
        );
        messages.entry(message).or_default().push(name);
    }
    // One message per fault. Only cases that are the same fault share theirs: no content
    // (white space, a lone byte-order mark), cut off (anywhere, or inside a character), and
    // records that do not match their checksum (edited, or another file's checksum).
    let shared: BTreeSet<Vec<&str>> = messages
        .values()
        .filter(|names| names.len() > 1)
        .cloned()
        .collect();
    let same_fault = BTreeSet::from([
        vec!["only white space", "a byte-order mark only"],
        vec!["cut in the middle", "cut inside a character"],
        vec!["checksum of another file", "records edited, checksum kept"],
    ]);
    assert_eq!(shared, same_fault, "{messages:#?}");
    assert!(messages.len() >= 25);
}

#[test]
fn a_checksum_in_upper_case_is_accepted() {
    // Hex is case-insensitive: a tool that upper-cases it changes nothing that matters.
    let base = small();
    let original = read(&base).unwrap();
    let sum = &original.header.records_sha256;
    assert_eq!(sum, &sum.to_ascii_lowercase(), "written in lower case");
    let text = String::from_utf8(base.clone()).unwrap();
    let upper = text.replacen(sum.as_str(), &sum.to_ascii_uppercase(), 1);
    let file = read(upper.as_bytes()).expect("accepted");
    assert_eq!(file.records, original.records);
}

#[test]
fn a_byte_order_mark_and_any_key_order_are_accepted() {
    let base = small();
    let original = read(&base).unwrap().records;
    let with_bom = [&b"\xEF\xBB\xBF"[..], &base].concat();
    assert_eq!(read(&with_bom).unwrap().records, original);
    // Keys sorted, records re-serialised compactly with a matching checksum.
    let sorted = rebuild(&base, |_, _| {});
    assert_eq!(read(&sorted).unwrap().records, original);
}

#[test]
fn a_plan_scope_with_an_overlong_name_is_refused() {
    let base = small();
    let bytes = header(
        &base,
        |h| {
            h["scope"] = json!({"kind": "plan", "plan_id": "p", "plan_name": "名".repeat(MAX_TEXT_CHARS + 1)})
        },
    );
    assert_eq!(
        read(&bytes).unwrap_err().message(),
        format!(
            "文件头“scope.plan_name”有误：文字过长（{}字）",
            MAX_TEXT_CHARS + 1
        )
    );
}

#[test]
fn deep_nesting_anywhere_is_refused_without_overflowing_the_stack() {
    let deep = "[".repeat(1_000_000) + &"]".repeat(1_000_000);
    let base = String::from_utf8(small()).unwrap();
    // In an unknown header field, in the scope, and in the records (checksum recomputed).
    let in_header = base.replacen('{', &format!("{{\"x\": {deep},"), 1);
    assert!(matches!(
        read(in_header.as_bytes()),
        Err(E::BadHeader(field, _)) if field == "x"
    ));
    let in_scope = base.replacen(
        "\"kind\": \"all\"",
        &format!("\"kind\": \"all\", \"x\": {deep}"),
        1,
    );
    assert_eq!(read(in_scope.as_bytes()), Err(E::TooDeep));
    let in_records = records_text(base.as_bytes(), |t| {
        t.replacen(
            "{\"institutions\":[",
            &format!("{{\"institutions\":[{deep},"),
            1,
        )
    });
    assert_eq!(read(&in_records), Err(E::TooDeep));
}

#[test]
fn a_file_just_over_the_limit_does_not_show_as_equal_to_it() {
    let message = E::TooLarge(MAX_FILE_BYTES + 1, MAX_FILE_BYTES).message();
    assert_eq!(message, "文件过大（64.1 MB），超过导入上限 64.0 MB");
}

// ---------------------------------------------------------------------------------------------
// Cut, mutated and random files

#[test]
fn a_file_cut_at_any_byte_is_refused_as_truncated() {
    let file = small();
    assert!(read(&file).is_ok());
    assert_eq!(read(&file[..0]), Err(E::Empty));
    for end in 1..file.len() {
        assert_eq!(
            read(&file[..end]),
            Err(E::Truncated),
            "cut after {end} of {} bytes",
            file.len()
        );
    }
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    /// XOR one byte (at a position taken modulo the length) with a non-zero mask.
    Flip(usize, u8),
    /// Delete up to 64 bytes.
    Delete(usize, usize),
    /// Insert a few bytes.
    Insert(usize, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(at, mask)| Mutation::Flip(at, mask)),
        (any::<usize>(), 1..64usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
    ]
}

fn mutate(file: &mut Vec<u8>, mutation: &Mutation) {
    let len = file.len().max(1);
    match mutation {
        Mutation::Flip(at, mask) => {
            if !file.is_empty() {
                file[at % len] ^= mask;
            }
        }
        Mutation::Delete(at, n) => {
            let start = (at % len).min(file.len());
            let end = (start + n).min(file.len());
            file.drain(start..end);
        }
        Mutation::Insert(at, bytes) => {
            let at = at % (file.len() + 1);
            file.splice(at..at, bytes.iter().copied());
        }
    }
}

/// A JSON scalar of any type, or a text that looks like a date, an id or a code.
fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e6..1e6f64).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]".prop_map(Value::String),
        "sample-[a-z-]{0,12}|fine|compliant|hospital|draft".prop_map(Value::String),
    ]
}

/// JSON pointers to every scalar of a value.
fn scalars(value: &Value, at: String, out: &mut Vec<String>) {
    let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
    match value {
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                scalars(item, format!("{at}/{n}"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                scalars(item, format!("{at}/{}", escape(key)), out);
            }
        }
        _ => out.push(at),
    }
}

/// `cases` cases; a failure is reported, not saved to a regressions file beside the tests.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_read_as_a_file(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert!(read(&bytes).is_err());
    }

    #[test]
    fn arbitrary_text_after_a_valid_looking_start_never_reads_as_a_file(
        tail in "\\PC{0,512}",
    ) {
        let text = format!("{{\"format\":\"{FORMAT}\",\"format_version\":{FORMAT_VERSION},{tail}");
        prop_assert!(read(text.as_bytes()).is_err());
    }

    #[test]
    fn a_mutated_file_never_panics_and_reads_only_with_its_own_records(
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let original = small();
        let records = read(&original).unwrap().records;
        let mut file = original.clone();
        for m in &mutations {
            mutate(&mut file, m);
        }
        if let Ok(exchange) = read(&file) {
            // Only a change the checksum does not cover (a header value, the checksum's
            // case, white space between header fields) can leave the file readable.
            prop_assert_eq!(exchange.records, records);
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Any one scalar of the records replaced, checksum recomputed: refused with a message, or
    /// read into records that write and read back the same.
    #[test]
    fn a_changed_value_is_refused_or_round_trips(pick in any::<usize>(), value in scalar()) {
        let base = small();
        let file = records(&base, |r| {
            let mut pointers = Vec::new();
            scalars(r, String::new(), &mut pointers);
            let pointer = &pointers[pick % pointers.len()];
            *r.pointer_mut(pointer).expect("a scalar") = value;
        });
        match read(&file) {
            Ok(exchange) => {
                let again = write(
                    &exchange.records,
                    "device-a",
                    "0.1.0",
                    exchange.header.exported_at,
                    exchange.header.scope.clone(),
                );
                // Only a device left empty is filled in, as `write` documents.
                prop_assert_eq!(
                    read(&again).unwrap().records,
                    stamped(exchange.records, "device-a")
                );
            }
            Err(error) => prop_assert!(has_chinese(&error.message())),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Round trips

/// One edit of the sample's records, by index (taken modulo the list's length).
#[derive(Debug, Clone)]
enum Edit {
    InstitutionName(usize, String),
    InspectorUnit(usize, String),
    PlanDeadline(usize, Option<i64>),
    InspectionDate(usize, Option<i64>),
    Verdict(usize, usize, usize),
    Note(usize, usize, String),
    Fine(usize, usize, u64),
    ChangedOn(usize, Option<String>),
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,24}", "(?s).{0,12}", Just(String::new())]
}

fn edit() -> impl Strategy<Value = Edit> {
    let day = prop::option::of(-40_000i64..40_000);
    prop_oneof![
        (any::<usize>(), text()).prop_map(|(i, t)| Edit::InstitutionName(i, t)),
        (any::<usize>(), text()).prop_map(|(i, t)| Edit::InspectorUnit(i, t)),
        (any::<usize>(), day.clone()).prop_map(|(i, d)| Edit::PlanDeadline(i, d)),
        (any::<usize>(), day).prop_map(|(i, d)| Edit::InspectionDate(i, d)),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(i, a, v)| Edit::Verdict(i, a, v)),
        (any::<usize>(), any::<usize>(), text()).prop_map(|(i, a, t)| Edit::Note(i, a, t)),
        (any::<usize>(), any::<usize>(), any::<u64>()).prop_map(|(i, a, y)| Edit::Fine(i, a, y)),
        (any::<usize>(), prop::option::of("device-[a-z]")).prop_map(|(i, d)| Edit::ChangedOn(i, d)),
    ]
}

fn date(days: Option<i64>) -> Option<NaiveDate> {
    days.map(|d| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(d))
}

fn edit_answer(
    records: &mut Records,
    i: usize,
    a: usize,
    change: impl FnOnce(&mut jiandu::domain::inspection::Answer),
) {
    let n = records.inspections.len();
    let inspection = &mut records.inspections[i % n];
    let keys: Vec<String> = inspection.answers.keys().cloned().collect();
    let key = match keys.len() {
        0 => "M1.1.1".to_string(),
        len => keys[a % len].clone(),
    };
    inspection.answer(
        &key,
        super::at(3),
        Some("sample-inspector-1".into()),
        change,
    );
}

fn apply(records: &mut Records, edit: &Edit) {
    match edit {
        Edit::InstitutionName(i, t) => {
            let n = records.institutions.len();
            records.institutions[i % n].name = t.clone();
        }
        Edit::InspectorUnit(i, t) => {
            let n = records.inspectors.len();
            records.inspectors[i % n].unit = t.clone();
        }
        Edit::PlanDeadline(i, d) => {
            let n = records.plans.len();
            records.plans[i % n].deadline = date(*d);
        }
        Edit::InspectionDate(i, d) => {
            let n = records.inspections.len();
            records.inspections[i % n].date = date(*d);
        }
        Edit::Verdict(i, a, v) => edit_answer(records, *i, *a, |answer| {
            answer.verdict = Verdict::ALL[v % Verdict::ALL.len()]
        }),
        Edit::Note(i, a, t) => edit_answer(records, *i, *a, |answer| answer.note = t.clone()),
        Edit::Fine(i, a, yuan) => edit_answer(records, *i, *a, |answer| {
            answer.handling.push(Handling::Fine { amount_yuan: *yuan })
        }),
        Edit::ChangedOn(i, d) => {
            let n = records.inspections.len();
            records.inspections[i % n].changed_on = d.clone();
        }
    }
}

/// What `write` documents: a record last changed on no device is marked as the exporter's.
fn stamped(records: Records, device: &str) -> Records {
    records.stamped(device)
}

proptest! {
    #![proptest_config(config(64))]

    /// Export → read gives the records written; import into an empty device → export again →
    /// read gives them once more (export → clear → import keeps every record as it was).
    #[test]
    fn edited_records_survive_export_clear_and_import(edits in prop::collection::vec(edit(), 0..12)) {
        let mut records = sample_records();
        for edit in &edits {
            apply(&mut records, edit);
        }
        let exported_at = Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap();
        let bytes = write(&records, "device-a", "0.1.0", exported_at, Scope::All);
        let file = read(&bytes).expect("a written file reads");
        let expected = stamped(records, "device-a");
        prop_assert_eq!(&file.records, &expected);
        prop_assert_eq!(file.header.device_id.as_str(), "device-a");

        // The other device starts empty: everything is added, nothing in conflict.
        let plan = merge_plan(&Records::default(), &file.records, "device-b");
        prop_assert_eq!(plan.tally().added, expected.len());
        let stored = plan.records_to_write(|_, _| None);
        prop_assert_eq!(&stored, &expected);
        let again = write(&stored, "device-b", "0.1.0", exported_at, Scope::All);
        prop_assert_eq!(read(&again).unwrap().records, expected.clone());
        // Importing the same file again changes nothing.
        let twice = merge_plan(&stored, &file.records, "device-b");
        prop_assert_eq!(twice.tally().unchanged, expected.len());
    }
}

// ---------------------------------------------------------------------------------------------
// The published schema

const SCHEMA: &str = include_str!("../../docs/exchange.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

#[test]
fn the_schema_describes_the_header_as_written() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
    let mut header_in_schema = keys(&schema["properties"]);
    assert!(header_in_schema.remove("records"));
    // The Header struct's fields, as serde names them.
    let file = read(&base()).unwrap();
    let header_fields = keys(&serde_json::to_value(&file.header).unwrap());
    assert_eq!(header_in_schema, header_fields);
    // The sample export's top level: exactly the header and the records.
    let exported: Value = serde_json::from_slice(&base()).unwrap();
    let mut exported_keys = keys(&exported);
    assert!(exported_keys.remove("records"));
    assert_eq!(exported_keys, header_fields);
    // Every field of the file is required.
    let required: BTreeSet<String> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    assert_eq!(required, keys(&exported));
    assert_eq!(schema["properties"]["format"]["const"], FORMAT);
}

#[test]
fn the_schema_lists_every_code_the_app_knows() {
    use jiandu::domain::catalog::SummaryColumn;
    use jiandu::domain::huitoukan::{Campaign, Rectification};
    use jiandu::domain::inspection::{InspectionStatus, StatusChange};
    use jiandu::domain::inspector::AssignmentRole;
    use jiandu::domain::institution::{
        HospitalLevel, InstitutionType, Ownership, RegistrationKind, Service,
    };
    use jiandu::domain::plan::PlanKind;

    fn codes<T: Labelled>() -> Vec<String> {
        T::ALL.iter().map(|v| v.code().to_string()).collect()
    }
    let schema = schema();
    let listed = |name: &str| -> Vec<String> {
        schema["$defs"][name]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("$defs/{name} has an enum"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(listed("institution_type"), codes::<InstitutionType>());
    assert_eq!(listed("hospital_level"), codes::<HospitalLevel>());
    assert_eq!(listed("ownership"), codes::<Ownership>());
    assert_eq!(listed("service"), codes::<Service>());
    assert_eq!(listed("registration_kind"), codes::<RegistrationKind>());
    assert_eq!(listed("plan_kind"), codes::<PlanKind>());
    assert_eq!(listed("verdict"), codes::<Verdict>());
    assert_eq!(listed("assignment_role"), codes::<AssignmentRole>());
    assert_eq!(listed("inspection_status"), codes::<InspectionStatus>());
    assert_eq!(listed("status_change"), codes::<StatusChange>());
    assert_eq!(listed("campaign"), codes::<Campaign>());
    assert_eq!(listed("rectification"), codes::<Rectification>());
    assert_eq!(listed("summary_column"), codes::<SummaryColumn>());
    let measures: Vec<String> = schema["$defs"]["handling"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|variant| {
            variant["properties"]["kind"]["const"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let kinds: Vec<String> = KINDS.iter().map(|(code, _)| code.to_string()).collect();
    assert_eq!(measures, kinds);
    // 驻点监督 (format version 2).
    use jiandu::domain::stationed::sheet::{ComplaintFinding, HandlingKind, RecheckResult};
    assert_eq!(listed("recheck_result"), codes::<RecheckResult>());
    assert_eq!(listed("complaint_finding"), codes::<ComplaintFinding>());
    let handlings: Vec<String> = schema["$defs"]["problem_handling"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|variant| {
            variant["properties"]["kind"]["const"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(handlings, codes::<HandlingKind>());
    // Evidence media (format version 3).
    assert_eq!(
        listed("media_kind"),
        codes::<jiandu::domain::media::MediaKind>()
    );
}

/// A measure of every kind on one answer, so the schema is checked against each variant, and a
/// review with its reason (a status event's optional `note`).
fn every_measure() -> Records {
    let mut records = small_records();
    let inspection = &mut records.inspections[0];
    inspection.answer("M1.1.1", super::at(3), None, |answer| {
        answer.verdict = Verdict::NonCompliant;
        answer.handling = KINDS
            .iter()
            .filter_map(|(code, _)| Handling::blank(code))
            .collect();
        answer.handling.push(Handling::OrderCorrection {
            deadline: NaiveDate::from_ymd_opt(2026, 12, 31),
        });
    });
    records.institutions[0].penalties[0].recorded_at = None;
    inspection_with_review_note(&mut records.inspections[0]);
    records
}

/// A reviewed event that keeps the 组长's reason for reviewing their own record.
fn inspection_with_review_note(inspection: &mut jiandu::domain::inspection::Inspection) {
    use jiandu::domain::inspection::{StatusChange, StatusEvent};
    inspection.history.push(StatusEvent {
        change: StatusChange::Reviewed,
        at: super::at(4),
        by: None,
        note: Some("组员已返回单位，由组长审核".into()),
    });
}

/// The version-3 records with media everywhere a record holds them: an answer's photo, the
/// inspection's own video, signatures of an officer and of the party, a 驻点 answer's and a
/// complaint's photo, with every optional field of a reference set or null.
fn with_every_media_shape() -> Records {
    use jiandu::domain::media::Signer;
    let mut records = media_records();
    let mut stationed = every_stationed_shape();
    let inspection = &mut records.inspections[0];
    let photo = inspection.answers["M1.1.1"].media[0].clone();
    let mut video = photo.clone();
    video.id = "video-1".into();
    video.mime = "video/mp4".into();
    video.kind = jiandu::domain::media::MediaKind::Video;
    video.width = None;
    video.height = None;
    video.added_by = None;
    video.captured_at = NaiveDate::from_ymd_opt(2026, 11, 20)
        .unwrap()
        .and_hms_opt(10, 31, 0);
    inspection.media.push(video);
    let mut party = inspection.signatures[0].clone();
    party.signer = Signer::Party {
        name: "王某".into(),
        position: "负责人".into(),
    };
    party.image.id = "signature-2".into();
    inspection.signatures.push(party);
    inspection.opinion_number = Some("X卫医监〔2026〕12号".into());
    inspection.opinion_deadline = NaiveDate::from_ymd_opt(2026, 12, 10);
    // 检查时间 typed at one end only: the other is what the records tell.
    inspection.hours.start = chrono::NaiveTime::from_hms_opt(8, 40, 0);
    for sheet in &mut stationed.scene_sheets {
        for answer in sheet.answers.values_mut() {
            answer.media.push(photo.clone());
        }
        for complaint in &mut sheet.complaints {
            complaint.media.push(photo.clone());
        }
    }
    records.institutions.extend(stationed.institutions);
    records.inspectors.extend(stationed.inspectors);
    records.plans.extend(stationed.plans);
    records.stays = stationed.stays;
    records.scene_sheets = stationed.scene_sheets;
    records
}

#[test]
fn every_file_the_app_writes_conforms_to_the_schema() {
    let schema = schema();
    let plan = &sample_records().plans[2];
    let files = [
        base(),
        small(),
        exported(&every_measure(), "device-a"),
        exported(&Records::default(), "device-a"),
        exported(&stationed_records(), "device-a"),
        exported(&every_stationed_shape(), "device-a"),
        exported(&with_every_media_shape(), "device-a"),
        write(
            &stationed_records(),
            "device-a",
            "0.1.0",
            super::at(2),
            Scope::Plan {
                plan_id: PLAN.into(),
                plan_name: "驻点".into(),
            },
        ),
        write(
            &small_records(),
            "device-a",
            "0.1.0",
            super::at(2),
            Scope::Plan {
                plan_id: plan.id.clone(),
                plan_name: plan.name.clone(),
            },
        ),
    ];
    for file in &files {
        let value: Value = serde_json::from_slice(file).unwrap();
        if let Err(problem) = conforms(&schema, &schema, &value, "") {
            panic!("{problem}");
        }
    }
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let schema = schema();
    let base = small();
    let stationed = exported(&stationed_records(), "device-a");
    let refused: [(&str, Vec<u8>); 14] = [
        ("negative fine", records(&base, |r| *fine(r) = json!(-5))),
        (
            "fractional fine",
            records(&base, |r| *fine(r) = json!(12.5)),
        ),
        (
            "unknown verdict",
            records(&base, |r| first_answer(r)["verdict"] = json!("maybe")),
        ),
        (
            "unknown type",
            records(&base, |r| r["institutions"][0]["kind"] = json!("spa")),
        ),
        (
            "no plan_id",
            records(&base, |r| {
                drop(
                    r["inspections"][0]
                        .as_object_mut()
                        .unwrap()
                        .remove("plan_id"),
                )
            }),
        ),
        (
            "unknown records key",
            records(&base, |r| r["photos"] = json!([])),
        ),
        (
            "unknown header field",
            header(&base, |h| drop(h.insert("signature".into(), json!("x")))),
        ),
        (
            "unknown scope",
            header(&base, |h| h["scope"] = json!({"kind": "everything"})),
        ),
        (
            "long name",
            records(&base, |r| {
                r["institutions"][0]["name"] = json!("名".repeat(30_000))
            }),
        ),
        (
            "unknown problem handling",
            records(&stationed, |r| {
                r["scene_sheets"][0]["answers"]["Z-YL-02"]["handling"]["kind"] = json!("jail")
            }),
        ),
        (
            "sheet without stay_id",
            records(&stationed, |r| {
                drop(
                    r["scene_sheets"][0]
                        .as_object_mut()
                        .unwrap()
                        .remove("stay_id"),
                )
            }),
        ),
        (
            "a photo without its SHA-256",
            records(&exported(&media_records(), "device-a"), |r| {
                drop(
                    r["inspections"][0]["answers"]["M1.1.1"]["media"][0]
                        .as_object_mut()
                        .unwrap()
                        .remove("sha256"),
                )
            }),
        ),
        (
            "a signature of an unknown signer",
            records(&exported(&media_records(), "device-a"), |r| {
                r["inspections"][0]["signatures"][0]["signer"]["role"] = json!("witness")
            }),
        ),
        (
            "a group member not a text",
            records(&stationed, |r| {
                r["stays"][0]["group"]["members"] = json!([1])
            }),
        ),
    ];
    for (name, file) in refused {
        assert!(read(&file).is_err(), "{name}: the reader refuses it");
        let value: Value = serde_json::from_slice(&file).unwrap();
        assert!(
            conforms(&schema, &schema, &value, "").is_err(),
            "{name}: the schema refuses it"
        );
    }
}

/// Checks `value` against `schema`: the keywords the published schema uses (`$ref` to
/// `#/$defs/…`, `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `const`, `oneOf`, `anyOf`, `minimum`, `maximum`, `minLength`, `maxLength`, `uniqueItems`);
/// `pattern` and `format` are taken as annotations. Any other keyword fails, so the schema
/// cannot use one this check would silently skip.
fn conforms(root: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    const ANNOTATIONS: [&str; 8] = [
        "$schema",
        "$id",
        "$defs",
        "$comment",
        "title",
        "description",
        "pattern",
        "format",
    ];
    let fail = |why: String| Err(format!("{at}: {why}"));
    let schema = schema
        .as_object()
        .ok_or(format!("{at}: a schema is an object"))?;
    for (keyword, rule) in schema {
        match keyword.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .ok_or(format!("{at}: only local $refs"))?;
                let target = root["$defs"]
                    .get(name)
                    .ok_or(format!("{at}: no $defs/{name}"))?;
                conforms(root, target, value, at)?;
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => return fail("bad type".into()),
                };
                let is = |t: &str| match t {
                    "null" => value.is_null(),
                    "boolean" => value.is_boolean(),
                    "string" => value.is_string(),
                    "array" => value.is_array(),
                    "object" => value.is_object(),
                    "number" => value.is_number(),
                    "integer" => value.is_i64() || value.is_u64(),
                    _ => false,
                };
                if !types.iter().any(|t| is(t)) {
                    return fail(format!("{value} is not {types:?}"));
                }
            }
            "properties" => {
                if let Some(fields) = value.as_object() {
                    for (key, sub) in rule.as_object().ok_or("properties")? {
                        if let Some(v) = fields.get(key) {
                            conforms(root, sub, v, &format!("{at}/{key}"))?;
                        }
                    }
                }
            }
            "required" => {
                if let Some(fields) = value.as_object() {
                    for key in rule.as_array().ok_or("required")? {
                        let key = key.as_str().ok_or("required")?;
                        if !fields.contains_key(key) {
                            return fail(format!("missing {key}"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Some(fields) = value.as_object() {
                    let known = schema.get("properties").and_then(Value::as_object);
                    for (key, v) in fields {
                        if known.is_some_and(|k| k.contains_key(key)) {
                            continue;
                        }
                        match rule {
                            Value::Bool(false) => return fail(format!("unknown field {key}")),
                            Value::Bool(true) => {}
                            sub => conforms(root, sub, v, &format!("{at}/{key}"))?,
                        }
                    }
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (n, item) in items.iter().enumerate() {
                        conforms(root, rule, item, &format!("{at}/{n}"))?;
                    }
                }
            }
            "uniqueItems" => {
                if let (Some(items), Value::Bool(true)) = (value.as_array(), rule) {
                    let distinct: BTreeSet<String> = items.iter().map(Value::to_string).collect();
                    if distinct.len() != items.len() {
                        return fail("items repeat".into());
                    }
                }
            }
            "enum" => {
                if !rule.as_array().ok_or("enum")?.contains(value) {
                    return fail(format!("{value} not in the enum"));
                }
            }
            "const" => {
                if rule != value {
                    return fail(format!("{value} is not {rule}"));
                }
            }
            "oneOf" | "anyOf" => {
                let matching = rule
                    .as_array()
                    .ok_or("oneOf")?
                    .iter()
                    .filter(|sub| conforms(root, sub, value, at).is_ok())
                    .count();
                let ok = if keyword == "oneOf" {
                    matching == 1
                } else {
                    matching >= 1
                };
                if !ok {
                    return fail(format!("{matching} of {keyword} match {value}"));
                }
            }
            "minimum" | "maximum" => {
                let as_int = |v: &Value| {
                    v.as_i64()
                        .map(i128::from)
                        .or_else(|| v.as_u64().map(i128::from))
                };
                if let (Some(n), Some(bound)) = (as_int(value), as_int(rule)) {
                    if (keyword == "minimum" && n < bound) || (keyword == "maximum" && n > bound) {
                        return fail(format!("{n} beyond {keyword} {bound}"));
                    }
                } else if value.is_number() {
                    return fail(format!("{value} is not an integer within bounds"));
                }
            }
            "minLength" | "maxLength" => {
                if let (Some(text), Some(bound)) = (value.as_str(), rule.as_u64()) {
                    let chars = text.chars().count() as u64;
                    if (keyword == "minLength" && chars < bound)
                        || (keyword == "maxLength" && chars > bound)
                    {
                        return fail(format!("{chars} characters beyond {keyword} {bound}"));
                    }
                }
            }
            other => return fail(format!("keyword {other} is not checked here")),
        }
    }
    Ok(())
}

const FORMAT_DOC: &str = include_str!("../../docs/exchange-format.md");

#[test]
fn the_documented_example_is_a_file_the_app_writes() {
    let start = FORMAT_DOC.find("```json\n").expect("an example") + "```json\n".len();
    let end = start + FORMAT_DOC[start..].find("\n```").expect("its end");
    let example = &FORMAT_DOC[start..end];
    let file = read(example.as_bytes()).expect("the example reads");
    assert_eq!(file.records.len(), 5);
    let answer = &file.records.inspections[0].answers["M1.1.1"];
    assert_eq!(answer.handling[1], Handling::Fine { amount_yuan: 5000 });
    let again = write(
        &file.records,
        &file.header.device_id,
        &file.header.app_version,
        file.header.exported_at,
        file.header.scope.clone(),
    );
    assert_eq!(String::from_utf8(again).unwrap(), example, "byte for byte");
    let value: Value = serde_json::from_str(example).unwrap();
    if let Err(problem) = conforms(&schema(), &schema(), &value, "") {
        panic!("{problem}");
    }
}
