//! Text cells that Excel would take for a formula once edited (starting with = + - @, or a tab
//! or carriage return) carry the quote prefix in every workbook the app writes: the plan result
//! table, the 公示 list, the 问题汇总表 and 附表3. Read back from the workbook's XML: the cell's
//! `xf` in `xl/styles.xml` has `quotePrefix="1"` exactly when its text looks like a formula,
//! the text itself is unchanged, and no cell is a formula.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use jiandu::domain::export::draw_notice::{self, NoticeFacts, NoticeRow};
use jiandu::domain::export::paper::looks_like_formula;
use jiandu::domain::export::{fubiao3, stay_register, xlsx};
use jiandu::domain::fubiao3::Fubiao3;
use jiandu::domain::plan_result::Cell;
use jiandu::domain::stationed::documents::StayFacts;
use jiandu::domain::stationed::scenes::edition_2024;

use crate::stay_fixture::{name, sheets, stay, today};

/// Texts a user can type that Excel would turn into formulas, and lookalikes that it would not.
const FORMULAS: [&str; 7] = [
    "=1+1",
    "+8613800000000",
    "-5",
    "@SUM(A1:A2)",
    "=HYPERLINK(\"http://example.com\",\"点击\")",
    "\t=1+1",
    "\r-2",
];
const PLAIN: [&str; 4] = [" =1+1", "a=b", "－5", "诊所=医疗机构"];

/// `part` of the workbook, as text.
fn part(bytes: &[u8], part: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    archive
        .by_name(part)
        .expect("part")
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

/// The value of `name="…"` in a tag's attributes.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    tag[start..].split('"').next()
}

/// (row, column) from 0 of a cell reference like `AB12`.
fn position(reference: &str) -> (u32, u32) {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    let column = letters
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
        - 1;
    let row: u32 = reference[letters.len()..].parse().expect("a row number");
    (row - 1, column)
}

/// Every text cell of the workbook's one sheet: its position, text, and whether its format
/// carries the quote prefix.
fn text_cells(bytes: &[u8], sheet_name: &str) -> Vec<((u32, u32), String, bool)> {
    let styles = part(bytes, "xl/styles.xml");
    let cell_xfs = styles
        .split("<cellXfs")
        .nth(1)
        .and_then(|rest| rest.split("</cellXfs>").next())
        .expect("cellXfs");
    let prefixed: Vec<bool> = cell_xfs
        .split("<xf ")
        .skip(1)
        .map(|xf| {
            xf.split('>')
                .next()
                .unwrap_or("")
                .contains("quotePrefix=\"1\"")
        })
        .collect();
    let sheet = part(bytes, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no cell is a formula");
    let style_of: BTreeMap<(u32, u32), usize> = sheet
        .split("<c ")
        .skip(1)
        .map(|tag| {
            let tag = format!(" {}", tag.split('>').next().unwrap_or(""));
            let at = position(attribute(&tag, "r").expect("a reference"));
            let style = attribute(&tag, "s").map_or(0, |s| s.parse().expect("a style index"));
            (at, style)
        })
        .collect();
    let mut reader: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("xlsx");
    let range = reader.worksheet_range(sheet_name).expect("the sheet");
    let (top, left) = range.start().expect("cells");
    range
        .cells()
        .filter_map(|(r, c, data)| match data {
            Data::String(text) => {
                let at = (top + r as u32, left + c as u32);
                let style = style_of.get(&at).copied().unwrap_or(0);
                Some((at, text.clone(), prefixed[style]))
            }
            _ => None,
        })
        .collect()
}

/// Asserts the prefix is on exactly the cells that look like formulas, and that each of
/// `expected` is in the sheet, unchanged.
fn assert_quoted(what: &str, bytes: &[u8], sheet_name: &str, expected: &[&str]) {
    let cells = text_cells(bytes, sheet_name);
    assert!(cells.len() > 5, "{what}: text cells read back");
    for (at, text, prefixed) in &cells {
        assert_eq!(
            *prefixed,
            looks_like_formula(text),
            "{what}: cell {at:?} {text:?} quote prefix"
        );
    }
    for text in expected {
        assert!(
            cells.iter().any(|(_, t, _)| t == text),
            "{what}: {text:?} is in the sheet as written: {cells:?}"
        );
    }
    let quoted = cells.iter().filter(|(_, _, p)| *p).count();
    assert!(
        quoted >= expected.iter().filter(|t| looks_like_formula(t)).count(),
        "{what}: {quoted} cells quoted"
    );
}

#[test]
fn what_looks_like_a_formula_is_what_the_csv_neutralises() {
    for text in FORMULAS {
        assert!(looks_like_formula(text), "{text:?}");
        assert!(
            jiandu::domain::export::csv::text(text).starts_with(['\'', '"']),
            "{text:?}"
        );
    }
    for text in PLAIN {
        assert!(!looks_like_formula(text), "{text:?}");
    }
}

#[test]
fn the_plan_result_table_quotes_formula_text() {
    let texts: Vec<&str> = FORMULAS.iter().chain(&PLAIN).copied().collect();
    let header: Vec<String> = ["机构类别", "-", "监督户次"].map(String::from).to_vec();
    let rows: Vec<Vec<Cell>> = texts
        .iter()
        .map(|t| {
            vec![
                Cell::Text(t.to_string()),
                Cell::Text("=2".into()),
                Cell::Count(1),
            ]
        })
        .collect();
    let bytes = xlsx::build("结果汇总", "=1+1 结果汇总表", &header, &rows).unwrap();
    let mut expected = texts.clone();
    expected.extend(["=1+1 结果汇总表", "-", "=2"]);
    assert_quoted("结果汇总", &bytes, "结果汇总", &expected);
    // A title alone (one column) is written, not merged: quoted too.
    let one = xlsx::build("结果汇总", "@标题", &["机构类别".into()], &[]).unwrap();
    let cells = text_cells(&one, "结果汇总");
    assert!(cells.contains(&((0, 0), "@标题".into(), true)), "{cells:?}");
}

#[test]
fn the_notice_quotes_formula_text() {
    let facts = NoticeFacts {
        title: "=HYPERLINK(\"http://example.com\",\"公示\")".into(),
        drawn_at: "2022-10-12 09:30".into(),
        seed_text: "=1+1".into(),
        list_sha256: "ab".repeat(32),
    };
    let rows: Vec<NoticeRow> = FORMULAS
        .iter()
        .chain(&PLAIN)
        .map(|t| NoticeRow {
            name: t.to_string(),
            registration_number: "-91350100M000100Y43".into(),
            group: "@诊所".into(),
            officers: "+张三".into(),
        })
        .collect();
    let bytes = draw_notice::xlsx(&facts, &rows).unwrap();
    let mut expected: Vec<&str> = FORMULAS.iter().chain(&PLAIN).copied().collect();
    expected.extend([
        facts.title.as_str(),
        "-91350100M000100Y43",
        "@诊所",
        "+张三",
        "种子：=1+1",
    ]);
    assert_quoted("公示名单", &bytes, "公示名单", &expected);
}

#[test]
fn the_register_quotes_formula_text() {
    let mut sheets = sheets();
    let mut answers = sheets[0].answers.values_mut();
    let first = answers.next().unwrap();
    first.description = "=1+1".into();
    first.evidence = "\t=cmd|' /C calc'!A0".into();
    let second = answers.next().unwrap();
    second.description = "-2例未报告".into();
    let stay = stay();
    let facts = StayFacts::new(edition_2024(), &stay, "+XX县人民医院", &sheets, name);
    let bytes = stay_register::xlsx(&facts, today()).unwrap();
    assert_quoted(
        "问题汇总表",
        &bytes,
        stay_register::SHEET_NAME,
        &[
            "+XX县人民医院驻点监督问题汇总表",
            "=1+1",
            // The register shows the evidence trimmed.
            "=cmd|' /C calc'!A0",
            "-2例未报告",
        ],
    );
}

#[test]
fn fubiao3_quotes_a_formula_title() {
    let table = Fubiao3 {
        rows: Vec::new(),
        warnings: Vec::new(),
    };
    let bytes = fubiao3::xlsx(&table, "=1+1 附表3").unwrap();
    assert_quoted("附表3", &bytes, fubiao3::SHEET_NAME, &["=1+1 附表3"]);
    // The official layout's own texts: none looks like a formula, none is quoted.
    let official = fubiao3::xlsx(&table, "").unwrap();
    let cells = text_cells(&official, fubiao3::SHEET_NAME);
    assert!(cells.len() > 30);
    assert!(cells.iter().all(|(_, _, quoted)| !quoted), "{cells:?}");
}
