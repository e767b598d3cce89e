//! A stay's 问题汇总表 as XLSX (read back cell by cell, merges, print setup) and CSV (the same
//! problem rows, the area as a column).

use std::collections::BTreeSet;
use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use jiandu::domain::export::stay_register::{
    csv, rows, xlsx, COLUMNS, OVERDUE, PENDING, SHEET_NAME,
};
use jiandu::domain::stationed::scenes::edition_2024;

use crate::stay_fixture::{facts, sheets, stay, today};

struct Sheet {
    book: Xlsx<Cursor<Vec<u8>>>,
    cells: Range<Data>,
}

fn open(bytes: Vec<u8>) -> Sheet {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX file");
    assert_eq!(book.sheet_names(), [SHEET_NAME]);
    let cells = book.worksheet_range(SHEET_NAME).expect("the sheet");
    Sheet { book, cells }
}

impl Sheet {
    fn at(&self, row: u32, column: u32) -> Data {
        self.cells
            .get_value((row, column))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    fn text(&self, row: u32, column: u32) -> String {
        match self.at(row, column) {
            Data::String(s) => s,
            Data::Empty => String::new(),
            other => panic!("({row}, {column}) is {other:?}"),
        }
    }

    /// The printed row: 序号 then the other nine columns as text.
    fn row(&self, row: u32) -> Vec<String> {
        let mut cells = vec![match self.at(row, 0) {
            Data::Float(n) => n.to_string(),
            other => format!("{other:?}"),
        }];
        cells.extend((1..10).map(|c| self.text(row, c)));
        cells
    }
}

fn workbook() -> Sheet {
    let (sheets, stay) = (sheets(), stay());
    open(xlsx(&facts(&sheets, &stay), today()).expect("xlsx"))
}

fn basis(point: &str) -> String {
    edition_2024().point(point).unwrap().basis.clone()
}

fn text_of(point: &str) -> String {
    edition_2024().point(point).unwrap().text.clone()
}

#[test]
fn the_title_and_the_line_of_dates_and_group_head_the_sheet() {
    let sheet = workbook();
    assert_eq!(sheet.text(0, 0), "XX县人民医院驻点监督问题汇总表");
    assert_eq!(
        sheet.text(1, 0),
        "驻点时间：2024年10月8日至2024年10月25日　　监督组：组长：张三；副组长：李四；成员：王五、（未知人员）；乡镇参与人员：钱七"
    );
    let header: Vec<String> = (0..10).map(|c| sheet.text(2, c)).collect();
    assert_eq!(header, COLUMNS);
}

#[test]
fn problems_sit_under_their_area_heading_numbered_through() {
    let sheet = workbook();
    assert_eq!(sheet.text(3, 0), "一、医疗服务（含中医）（4项）");
    assert_eq!(sheet.text(8, 0), "二、传染病（4项）");
    assert_eq!(sheet.text(13, 0), "三、放射卫生防护、职业健康体检（1项）");
    let numbers: Vec<Data> = [4, 5, 6, 7, 9, 10, 11, 12, 14]
        .iter()
        .map(|r| sheet.at(*r, 0))
        .collect();
    let expected: Vec<Data> = (1..=9).map(|n| Data::Float(f64::from(n))).collect();
    assert_eq!(numbers, expected);
    let scenes: Vec<String> = [4, 5, 6, 7, 9, 10, 11, 12, 14]
        .iter()
        .map(|r| sheet.text(*r, 1))
        .collect();
    assert_eq!(
        scenes,
        [
            "急诊科",
            "医务科",
            "书面审查",
            "社会反映问题核查",
            "急诊科",
            "发热门诊",
            "口腔科",
            "医疗废物处置",
            "口腔科",
        ]
    );
    assert_eq!(
        sheet.text(15, 0),
        "共9项问题：立案查处1项、责令限期改正2项、整改意见1项、移送2项、监督建议书2项、待定1项。复查情况统计至2024年11月20日。"
    );
    assert_eq!(sheet.cells.end(), Some((15, 9)), "nothing under the count");
}

#[test]
fn a_rechecked_rectification_shows_its_deadline_and_result() {
    let sheet = workbook();
    assert_eq!(
        sheet.row(9),
        [
            "5".into(),
            "急诊科".into(),
            text_of("Z-CR-07"),
            "2例流感病例未按规定报告。".into(),
            basis("Z-CR-07"),
            "门诊日志第12页".into(),
            "2024-10-09".into(),
            "责令限期改正".into(),
            "2024-11-10".into(),
            "2024-11-12 已改正".into(),
        ]
    );
}

#[test]
fn handlings_deadlines_and_rechecks_read_as_settled_or_pending() {
    let sheet = workbook();
    // 待定 for the unhandled one, nothing after it.
    assert_eq!(sheet.text(4, 7), PENDING);
    assert_eq!(
        (sheet.text(4, 8), sheet.text(4, 9)),
        (String::new(), String::new())
    );
    assert_eq!(sheet.text(5, 7), "立案查处（卫医罚〔2024〕1号）");
    assert_eq!(sheet.text(6, 7), "监督建议书");
    assert_eq!(sheet.text(7, 2), "反映内容：夜间急诊无医师值班");
    assert_eq!(sheet.text(7, 3), "10月12日夜间急诊由护士接诊");
    assert_eq!(sheet.text(7, 4), "", "a complaint has no basis of its own");
    assert_eq!(sheet.text(7, 7), "移送（部门待定）");
    // Past its deadline on `today`, never rechecked.
    assert_eq!(sheet.text(10, 8), "2024-11-15");
    assert_eq!(sheet.text(10, 9), OVERDUE);
    assert_eq!(sheet.text(11, 7), "整改意见（建立器械消毒登记制度）");
    assert_eq!(sheet.text(12, 7), "移送（县生态环境局）");
}

#[test]
fn before_the_deadline_a_rectification_awaits_its_recheck() {
    let (sheets, stay) = (sheets(), stay());
    let facts = facts(&sheets, &stay);
    let early = rows(
        &facts,
        chrono::NaiveDate::from_ymd_opt(2024, 11, 15).unwrap(),
    );
    let fever = &early[1].rows[1];
    assert_eq!((fever.number, fever.scene.as_str()), (6, "发热门诊"));
    assert_eq!(fever.recheck, "待复查");
    let late = rows(&facts, today());
    assert_eq!(late[1].rows[1].recheck, OVERDUE);
}

#[test]
fn the_title_header_area_rows_and_count_are_merged_across_the_table() {
    let mut sheet = workbook();
    let merged: BTreeSet<((u32, u32), (u32, u32))> = sheet
        .book
        .merge_cells_by_sheet_name(SHEET_NAME)
        .unwrap()
        .iter()
        .map(|d| (d.start, d.end))
        .collect();
    let expected: BTreeSet<_> = [0, 1, 3, 8, 13, 15]
        .into_iter()
        .map(|r| ((r, 0), (r, 9)))
        .collect();
    assert_eq!(merged, expected);
    let styles = sheet.book.worksheet_style(SHEET_NAME).unwrap();
    let wraps = |row: u32, column: u32| {
        styles
            .get((row, column))
            .and_then(|s| s.alignment.as_ref())
            .is_some_and(|a| a.wrap_text)
    };
    assert!(wraps(9, 3) && wraps(9, 4) && wraps(2, 2));
}

/// The text of one part of the XLSX package.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut file = archive.by_name(name).expect("part");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8");
    text
}

#[test]
fn it_prints_on_a4_landscape_one_page_wide_with_the_header_on_every_page() {
    let (sheets, stay) = (sheets(), stay());
    let bytes = xlsx(&facts(&sheets, &stay), today()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
    assert!(sheet.contains("paperSize=\"9\""), "{sheet}");
    assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
    assert!(sheet.contains("fitToHeight=\"0\""), "{sheet}");
    assert!(!sheet.contains("fitToWidth=\"0\""), "{sheet}");
    assert!(
        sheet.contains("<col min=\"3\" max=\"3\""),
        "column widths are set"
    );
    let book = part(&bytes, "xl/workbook.xml");
    assert!(
        book.contains(&format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">{SHEET_NAME}!$3:$3</definedName>"
        )),
        "{book}"
    );
}

#[test]
fn the_csv_has_the_same_problem_rows_with_the_area_as_a_column() {
    let (sheets, stay) = (sheets(), stay());
    let facts = facts(&sheets, &stay);
    let bytes = csv(&facts, today());
    let body = String::from_utf8(bytes).unwrap();
    let body = body.strip_prefix('\u{feff}').expect("BOM");
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let mut header = vec!["序号", "监督内容"];
    header.extend(&COLUMNS[1..]);
    assert_eq!(records[0], header);
    assert_eq!(records.len(), 10, "a header and nine problems, no title");
    let sheet = workbook();
    for (record, row) in records[1..].iter().zip([4, 5, 6, 7, 9, 10, 11, 12, 14]) {
        let mut printed = sheet.row(row);
        let area = record[1].clone();
        printed.insert(1, area);
        assert_eq!(record, &printed);
    }
    let areas: Vec<&str> = records[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(areas[0], "医疗服务（含中医）");
    assert_eq!(areas[4], "传染病");
    assert_eq!(areas[8], "放射卫生防护、职业健康体检");
    assert!(body.ends_with("\r\n"));
}
