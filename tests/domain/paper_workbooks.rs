//! The printed workbooks read back: the 问题汇总表, the plan result table and the 公示 list wrap
//! their long-text columns, set every data row's height from the estimate (taller where the text
//! needs more lines), and print on A4 with the header row repeated on every page.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Xlsx};
use jiandu::domain::export::draw_notice::{self, NoticeFacts, NoticeRow};
use jiandu::domain::export::paper::{lines_height, row_height};
use jiandu::domain::export::stay_register::{self, WIDTHS};
use jiandu::domain::export::xlsx;
use jiandu::domain::plan_result::{ResultRow, ResultTable};

use crate::stay_fixture::{facts, sheets, stay, today};

/// A workbook's parts as text, and its one sheet's wrapped cells.
struct Book {
    sheet: String,
    book: String,
    /// (row, column) from 0 → wraps.
    wrap: BTreeMap<(u32, u32), bool>,
}

fn read(bytes: Vec<u8>, name: &str) -> Book {
    let part = |part: &str| {
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).expect("zip");
        let mut text = String::new();
        archive
            .by_name(part)
            .expect("part")
            .read_to_string(&mut text)
            .expect("utf-8");
        text
    };
    let (sheet, book) = (part("xl/worksheets/sheet1.xml"), part("xl/workbook.xml"));
    let mut reader: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("xlsx");
    let styles = reader.worksheet_style(name).expect("styles");
    let mut wrap = BTreeMap::new();
    for row in 0..200 {
        for column in 0..20 {
            if let Some(style) = styles.get((row, column)) {
                let wraps = style.alignment.as_ref().is_some_and(|a| a.wrap_text);
                wrap.insert((row, column), wraps);
            }
        }
    }
    Book { sheet, book, wrap }
}

/// The value of `name="…"` in an XML tag's text (the attributes, with or without the name).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = if tag.starts_with(&key) {
        key.len()
    } else {
        tag.find(&format!(" {key}"))? + key.len() + 1
    };
    tag[start..].split('"').next()
}

impl Book {
    fn wraps(&self, row: u32, column: u32) -> bool {
        self.wrap.get(&(row, column)).copied().unwrap_or(false)
    }

    /// Rows (from 0) given a height of their own, in points.
    fn heights(&self) -> BTreeMap<u32, f64> {
        self.sheet
            .split("<row ")
            .skip(1)
            .map(|tag| tag.split('>').next().unwrap_or(""))
            .filter(|tag| attribute(tag, "customHeight") == Some("1"))
            .map(|tag| {
                let r: u32 = attribute(tag, "r").unwrap().parse().unwrap();
                (r - 1, attribute(tag, "ht").unwrap().parse().unwrap())
            })
            .collect()
    }

    fn height(&self, row: u32) -> f64 {
        *self
            .heights()
            .get(&row)
            .unwrap_or_else(|| panic!("row {row} has no height of its own"))
    }

    /// Column (from 0) → width, as written (Excel adds its padding to the width asked for).
    fn widths(&self) -> BTreeMap<u32, f64> {
        self.sheet
            .split("<col ")
            .skip(1)
            .flat_map(|tag| {
                let at = |name| attribute(tag, name).unwrap().parse::<u32>().unwrap();
                let width: f64 = attribute(tag, "width").unwrap().parse().unwrap();
                (at("min") - 1..at("max")).map(move |column| (column, width))
            })
            .collect()
    }

    /// A4 in the orientation, fitted one page wide, the given 1-based row on every page.
    fn assert_prints(&self, sheet_name: &str, orientation: &str, title_row: u32) {
        let setup = self.sheet.split("<pageSetup ").nth(1).expect("page setup");
        assert_eq!(attribute(setup, "paperSize"), Some("9"), "A4");
        assert_eq!(attribute(setup, "orientation"), Some(orientation));
        assert_eq!(attribute(setup, "fitToHeight"), Some("0"));
        assert!(self.sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"));
        assert!(
            self.sheet.contains("第 &amp;P 页，共 &amp;N 页"),
            "page numbers"
        );
        let titles = format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">{sheet_name}!${title_row}:${title_row}</definedName>"
        );
        assert!(self.book.contains(&titles), "{}", self.book);
        assert!(self.book.contains("_xlnm.Print_Area"), "{}", self.book);
    }
}

#[test]
fn the_register_sizes_each_problem_row_for_its_wrapped_text() {
    let (sheets, stay) = (sheets(), stay());
    let facts = facts(&sheets, &stay);
    let book = read(
        stay_register::xlsx(&facts, today()).unwrap(),
        stay_register::SHEET_NAME,
    );
    let one = lines_height(1, 10.0);
    let mut r = 3;
    let mut tallest: f64 = 0.0;
    for area in stay_register::rows(&facts, today()) {
        assert_eq!(
            book.height(r),
            one,
            "the area heading {} is one line",
            area.area
        );
        r += 1;
        for row in &area.rows {
            let cells = [
                row.number.to_string(),
                row.scene.clone(),
                row.checked.clone(),
                row.description.clone(),
                row.basis.clone(),
                row.evidence.clone(),
                row.found_on.clone(),
                row.handling.clone(),
                row.deadline.clone(),
                row.recheck.clone(),
            ];
            let fitted: Vec<(&str, f64)> = cells.iter().map(String::as_str).zip(WIDTHS).collect();
            assert_eq!(book.height(r), row_height(&fitted, 10.0), "row {r}");
            tallest = tallest.max(book.height(r));
            // 场景, 检查要点, 问题描述, 法律依据, 证据, 处理方式, 复查结果 and the rest.
            for column in 1..10 {
                assert!(book.wraps(r, column), "({r}, {column}) wraps");
            }
            r += 1;
        }
    }
    assert_eq!(r, 15, "every problem row was seen");
    assert!(
        tallest >= lines_height(3, 10.0),
        "a long 法律依据 takes lines: {tallest}"
    );
    assert!(book.height(r) >= one, "the count line has a height");
    book.assert_prints(stay_register::SHEET_NAME, "landscape", 3);
}

fn result_row(label: &str, inspected: u32) -> ResultRow {
    ResultRow {
        label: label.into(),
        target: Some(3),
        inspected,
        non_compliant_by_area: vec![1, 0, 0],
        non_compliant: 1,
        cases: 0,
        fines_yuan: 20_000,
    }
}

const LONG_LABEL: &str = "妇幼保健院、专科疾病防治机构、急救中心（站）、疗养院、临床检验中心";

#[test]
fn the_plan_result_table_wraps_its_names_and_prints_on_a4_landscape() {
    let table = ResultTable {
        title: "2022年医疗机构国家随机监督抽查结果汇总表".into(),
        areas: vec![
            "医疗机构资质管理".into(),
            "医疗卫生人员管理".into(),
            "药品和医疗器械管理".into(),
        ],
        rows: vec![result_row("诊所", 1), result_row(LONG_LABEL, 2)],
        total: result_row("合计", 3),
    };
    let header = table.header();
    let bytes = xlsx::build("结果汇总", &table.title, &header, &table.cells()).unwrap();
    let book = read(bytes, "结果汇总");
    let one = lines_height(1, 11.0);
    assert_eq!(book.height(2), one, "诊所 is one line");
    assert!(book.height(3) > one, "the long name wraps to more lines");
    assert_eq!(book.height(4), one, "合计");
    assert!(book.height(1) > one, "the header's long names wrap");
    for row in 1..=4 {
        assert!(book.wraps(row, 0), "机构类别 in row {row} wraps");
    }
    for column in 0..header.len() as u32 {
        assert!(book.wraps(1, column), "header column {column} wraps");
    }
    let widths = book.widths();
    assert_eq!(widths.len(), header.len());
    assert!(
        widths[&0] > widths[&1] + 5.0,
        "names wider than numbers: {widths:?}"
    );
    book.assert_prints("结果汇总", "landscape", 2);
}

#[test]
fn the_notice_wraps_long_names_and_prints_on_a4_portrait() {
    let facts = NoticeFacts {
        title: "2022年医疗机构国家随机监督抽查 双随机抽取结果公示".into(),
        drawn_at: "2022-10-12 09:30".into(),
        seed_text: "2022年10月12日 抽取".into(),
        list_sha256: "ab".repeat(32),
    };
    let row = |name: &str, officers: &str| NoticeRow {
        name: name.into(),
        registration_number: "91350100M000100Y43".into(),
        group: "诊所".into(),
        officers: officers.into(),
    };
    let rows = vec![
        row("甲诊所", "张三、李四"),
        row(
            "某某市某某区某某街道社区卫生服务中心附属口腔门诊部（第二诊疗点）",
            "张三、李四",
        ),
        row("乙诊所", "欧阳明月、司马长风、上官飞燕、诸葛青云、东方不败"),
    ];
    let book = read(draw_notice::xlsx(&facts, &rows).unwrap(), "公示名单");
    let one = lines_height(1, 11.0);
    assert_eq!(book.height(2), one);
    assert!(book.height(3) > one, "the long name wraps");
    assert!(book.height(4) > one, "the long list of officers wraps");
    for r in 2..=4 {
        for column in 1..5 {
            assert!(book.wraps(r, column), "({r}, {column}) wraps");
        }
    }
    let foot = rows.len() as u32 + 3;
    assert!(book.wraps(foot + 3, 0));
    assert!(book.height(foot + 3) > one, "复核方法 takes two lines");
    assert!(
        book.height(foot + 2) >= one,
        "the SHA-256 line has a height"
    );
    book.assert_prints("公示名单", "portrait", 2);
}
