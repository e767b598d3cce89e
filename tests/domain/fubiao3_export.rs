//! 附表3's official layout (header tiling, labels, row-label merges) and its XLSX and CSV files,
//! read back cell by cell.

use std::collections::BTreeSet;
use std::io::Cursor;

use calamine::{
    open_workbook_from_rs, BorderStyle, Data, HorizontalAlignment, Range, Reader, Xlsx,
};
use jiandu::domain::catalog::SummaryColumn;
use jiandu::domain::export::fubiao3::{csv, csv_in, xlsx, SHEET_NAME};
use jiandu::domain::fubiao3::layout::{
    edition_2022, HeaderCell, COLUMNS, DATA_COLUMNS, HEADER_ROWS, LABEL_COLUMNS,
};
use jiandu::domain::fubiao3::{Fubiao3, Fubiao3Row};
use jiandu::domain::huitoukan::SummaryRow;
use jiandu::domain::labelled::Labelled;

const TITLE: &str = "医疗卫生“回头看”检查情况汇总表";
const NOTE: &str =
    "注：数据包含2022 年度重庆市卫生健康领域“双随机、一公开” 市级监督抽查中有关医院的检查数据";
const FINES: [u64; 4] = [3_000, 123_456_789, 0, 1];

/// A table built by hand: every cell different, so a shifted column shows.
fn table() -> Fubiao3 {
    let rows = (0u32..)
        .zip(SummaryRow::ALL)
        .zip(FINES)
        .map(|((i, &row), fines_yuan)| Fubiao3Row {
            row,
            penalised: 100 + i,
            inspected: 90 + i,
            non_compliant: (0..27).map(|k| i * 1000 + k).collect(),
            cases: 50 + i,
            fines_yuan,
            revoked_licence: 60 + i,
            revoked_subject: 70 + i,
        })
        .collect();
    Fubiao3 {
        rows,
        warnings: Vec::new(),
    }
}

fn expected_leaves() -> Vec<&'static str> {
    let mut leaves = vec!["被处罚单位数", "检查单位数"];
    leaves.extend(SummaryColumn::ALL.iter().map(|c| c.label()));
    leaves.extend([
        "查处案件数",
        "罚没款金额（万元）",
        "吊销《医疗机构执业许可证》单位数",
        "吊销诊疗科目单位数",
    ]);
    leaves
}

/// How many cells cover each grid cell of a `rows` × `columns` block.
fn coverage(cells: &[HeaderCell], rows: u16, columns: u16) -> Vec<Vec<u32>> {
    let mut grid = vec![vec![0u32; columns as usize]; rows as usize];
    for cell in cells {
        assert!(cell.row_span >= 1 && cell.column_span >= 1, "{cell:?}");
        assert!(
            cell.last_row() < rows && cell.last_column() < columns,
            "{cell:?}"
        );
        for row in cell.row..=cell.last_row() {
            for column in cell.column..=cell.last_column() {
                grid[row as usize][column as usize] += 1;
            }
        }
    }
    grid
}

fn span(cell: &HeaderCell) -> (&'static str, u16, u16, u16, u16) {
    (
        cell.text,
        cell.row,
        cell.column,
        cell.row_span,
        cell.column_span,
    )
}

// ---- layout ----

#[test]
fn the_layout_names_the_2022_edition_its_title_and_note_verbatim() {
    let layout = edition_2022();
    assert_eq!(layout.edition, "2022");
    assert_eq!(layout.title, TITLE);
    assert_eq!(layout.note, NOTE);
    assert_eq!(
        (COLUMNS, LABEL_COLUMNS, DATA_COLUMNS, HEADER_ROWS),
        (35, 2, 33, 3)
    );
    assert_eq!(layout.rows, SummaryRow::ALL);
}

#[test]
fn the_leaf_headers_are_the_33_data_columns_in_order() {
    let layout = edition_2022();
    assert_eq!(layout.leaf_labels(), expected_leaves());
    let columns: Vec<u16> = layout.leaves().iter().map(|c| c.column).collect();
    assert_eq!(columns, (2..35).collect::<Vec<u16>>());
    let distinct: BTreeSet<_> = layout.leaf_labels().into_iter().collect();
    assert_eq!(distinct.len(), 33, "CSV columns are matched by name");
}

#[test]
fn the_header_spans_tile_the_35_by_3_block_exactly_once() {
    let grid = coverage(&edition_2022().header, HEADER_ROWS, COLUMNS);
    assert!(grid.iter().flatten().all(|&n| n == 1), "{grid:?}");
}

#[test]
fn the_row_labels_tile_the_类别_block_of_the_4_rows_exactly_once() {
    let layout = edition_2022();
    let grid = coverage(&layout.row_labels, 4, LABEL_COLUMNS);
    assert!(grid.iter().flatten().all(|&n| n == 1), "{grid:?}");
}

#[test]
fn the_header_rows_carry_the_official_groups_and_spans() {
    let rows = edition_2022().header_rows();
    assert_eq!(rows.len(), 3);
    let top: Vec<_> = rows[0].iter().map(|c| span(c)).collect();
    assert_eq!(
        top,
        [
            ("类别", 0, 0, 3, 2),
            ("被处罚单位数", 0, 2, 3, 1),
            ("检查单位数", 0, 3, 3, 1),
            ("不合格情况", 0, 4, 1, 27),
            ("行政处罚情况", 0, 31, 1, 4),
        ]
    );
    let middle: Vec<_> = rows[1].iter().map(|c| span(c)).collect();
    assert_eq!(
        middle,
        [
            ("医疗机构资质管理", 1, 4, 1, 4),
            ("医疗卫生人员管理", 1, 8, 1, 7),
            ("药品和医疗器械管理", 1, 15, 1, 3),
            ("医疗技术管理", 1, 18, 1, 6),
            ("医疗文书管理", 1, 24, 1, 3),
            ("临床用血管理", 1, 27, 1, 4),
            ("查处案件数", 1, 31, 2, 1),
            ("罚没款金额（万元）", 1, 32, 2, 1),
            ("吊销《医疗机构执业许可证》单位数", 1, 33, 2, 1),
            ("吊销诊疗科目单位数", 1, 34, 2, 1),
        ]
    );
    let bottom: Vec<_> = rows[2].iter().map(|c| c.text).collect();
    let labels: Vec<_> = SummaryColumn::ALL.iter().map(|c| c.label()).collect();
    assert_eq!(bottom, labels);
}

#[test]
fn the_row_labels_merge_the_cosmetology_campaign_over_its_two_rows() {
    let layout = edition_2022();
    let rows: Vec<Vec<_>> = layout
        .row_label_rows()
        .iter()
        .map(|r| r.iter().map(|c| span(c)).collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec![("医疗机构依法执业专项监督检查回头看", 0, 0, 1, 2)],
            vec![("医疗卫生随机监督检查回头看", 1, 0, 1, 2)],
            vec![
                ("打击非法医疗美容服务专项整治回头看", 2, 0, 2, 1),
                ("非医疗机构", 2, 1, 1, 1),
            ],
            vec![("医疗机构", 3, 1, 1, 1)],
        ]
    );
    assert_eq!(layout.row_index(SummaryRow::CosmetologyMedical), Some(3));
}

#[test]
fn each_leaf_has_the_path_of_headers_above_it() {
    let paths = edition_2022().leaf_paths();
    assert_eq!(paths.len(), 33);
    assert_eq!(paths[0], ["被处罚单位数"]);
    assert_eq!(
        paths[2],
        [
            "不合格情况",
            "医疗机构资质管理",
            "执业许可证管理不符合要求单位数"
        ]
    );
    assert_eq!(
        paths[28],
        [
            "不合格情况",
            "临床用血管理",
            "应急用血采血管理不符合要求单位数"
        ]
    );
    assert_eq!(paths[30], ["行政处罚情况", "罚没款金额（万元）"]);
}

// ---- XLSX ----

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
    fn at(&self, row: u32, column: u16) -> Data {
        self.cells
            .get_value((row, u32::from(column)))
            .cloned()
            .unwrap_or(Data::Empty)
    }
}

fn text(s: &str) -> Data {
    Data::String(s.to_string())
}

#[test]
fn the_xlsx_has_the_title_every_header_and_label_and_the_note() {
    let sheet = open(xlsx(&table(), TITLE).unwrap());
    let layout = edition_2022();
    assert_eq!(sheet.at(0, 0), text(TITLE));
    for cell in &layout.header {
        assert_eq!(
            sheet.at(1 + u32::from(cell.row), cell.column),
            text(cell.text)
        );
    }
    assert_eq!(sheet.at(1, 0), text("类别"));
    assert_eq!(sheet.at(2, 32), text("罚没款金额（万元）"));
    assert_eq!(sheet.at(3, 32), Data::Empty, "inside the merge");
    for cell in &layout.row_labels {
        assert_eq!(
            sheet.at(4 + u32::from(cell.row), cell.column),
            text(cell.text)
        );
    }
    assert_eq!(sheet.at(6, 0), text("打击非法医疗美容服务专项整治回头看"));
    assert_eq!(sheet.at(7, 1), text("医疗机构"));
    assert_eq!(sheet.at(8, 0), text(NOTE));
    assert_eq!(sheet.cells.end(), Some((8, 34)), "nothing under the note");
}

#[test]
fn the_xlsx_merges_exactly_the_title_header_spans_labels_and_note() {
    let mut sheet = open(xlsx(&table(), TITLE).unwrap());
    let merged: BTreeSet<((u32, u32), (u32, u32))> = sheet
        .book
        .merge_cells_by_sheet_name(SHEET_NAME)
        .unwrap()
        .iter()
        .map(|d| (d.start, d.end))
        .collect();
    let expected: BTreeSet<((u32, u32), (u32, u32))> = [
        ((0, 0), (0, 34)),
        ((1, 0), (3, 1)),
        ((1, 2), (3, 2)),
        ((1, 3), (3, 3)),
        ((1, 4), (1, 30)),
        ((1, 31), (1, 34)),
        ((2, 4), (2, 7)),
        ((2, 8), (2, 14)),
        ((2, 15), (2, 17)),
        ((2, 18), (2, 23)),
        ((2, 24), (2, 26)),
        ((2, 27), (2, 30)),
        ((2, 31), (3, 31)),
        ((2, 32), (3, 32)),
        ((2, 33), (3, 33)),
        ((2, 34), (3, 34)),
        ((4, 0), (4, 1)),
        ((5, 0), (5, 1)),
        ((6, 0), (7, 0)),
        ((8, 0), (8, 34)),
    ]
    .into_iter()
    .collect();
    assert_eq!(merged, expected);
}

#[test]
fn the_xlsx_holds_numbers_at_their_cells() {
    let table = table();
    let sheet = open(xlsx(&table, TITLE).unwrap());
    for (r, row) in (4u32..).zip(&table.rows) {
        assert_eq!(sheet.at(r, 2), Data::Float(f64::from(row.penalised)));
        assert_eq!(sheet.at(r, 3), Data::Float(f64::from(row.inspected)));
        for (column, n) in (4u16..).zip(&row.non_compliant) {
            assert_eq!(sheet.at(r, column), Data::Float(f64::from(*n)));
        }
        assert_eq!(sheet.at(r, 31), Data::Float(f64::from(row.cases)));
        assert_eq!(sheet.at(r, 33), Data::Float(f64::from(row.revoked_licence)));
        assert_eq!(sheet.at(r, 34), Data::Float(f64::from(row.revoked_subject)));
        // Every cell agrees with the text the table gives for it.
        for (column, cell) in (2u16..).zip(row.cells()) {
            assert_eq!(sheet.at(r, column), Data::Float(cell.parse().unwrap()));
        }
    }
    assert_eq!(sheet.at(4, 32), Data::Float(0.3));
    assert_eq!(sheet.at(5, 32), Data::Float(12_345.678_9));
    assert_eq!(sheet.at(6, 32), Data::Float(0.0));
    assert_eq!(sheet.at(7, 32), Data::Float(0.0001));
    assert_eq!(sheet.at(5, 4 + 26), Data::Float(1026.0));
}

#[test]
fn the_xlsx_formats_fines_with_4_decimals_and_borders_the_table() {
    let mut sheet = open(xlsx(&table(), TITLE).unwrap());
    let styles = sheet.book.worksheet_style(SHEET_NAME).unwrap();
    let format = |row: u32, column: u32| {
        styles
            .get((row, column))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
    };
    assert_eq!(format(4, 32).as_deref(), Some("0.0000"));
    assert_eq!(format(4, 31).as_deref(), Some("0"));
    for row in 1..=7 {
        for column in 0..35 {
            let style = styles.get((row, column)).expect("a styled cell");
            let borders = style.borders.as_ref().expect("borders");
            for side in [&borders.left, &borders.right, &borders.top, &borders.bottom] {
                assert_eq!(side.style, BorderStyle::Thin, "({row}, {column})");
            }
        }
    }
    for (row, column) in [(1, 0), (2, 4), (3, 5), (2, 33)] {
        let alignment = styles
            .get((row, column))
            .unwrap()
            .alignment
            .clone()
            .unwrap();
        assert!(alignment.wrap_text, "({row}, {column})");
        assert_eq!(alignment.horizontal, HorizontalAlignment::Center);
    }
    let note = styles.get((8, 0)).unwrap();
    assert!(note
        .borders
        .as_ref()
        .is_none_or(|b| !b.has_visible_borders()));
}

#[test]
fn the_xlsx_title_can_be_the_plans_and_defaults_to_the_official_one() {
    let named = open(xlsx(&table(), "2022年度回头看 汇总").unwrap());
    assert_eq!(named.at(0, 0), text("2022年度回头看 汇总"));
    let blank = open(xlsx(&table(), " ").unwrap());
    assert_eq!(blank.at(0, 0), text(TITLE));
}

#[test]
fn a_row_missing_from_the_table_is_left_blank_not_zero() {
    let mut partial = table();
    partial
        .rows
        .retain(|r| r.row != SummaryRow::RandomSupervision);
    let sheet = open(xlsx(&partial, TITLE).unwrap());
    assert_eq!(sheet.at(5, 0), text("医疗卫生随机监督检查回头看"));
    assert_eq!(sheet.at(5, 2), Data::Empty);
    assert_eq!(sheet.at(6, 2), Data::Float(102.0));
    let csv = String::from_utf8(csv(&partial)).unwrap();
    let line = format!("医疗卫生随机监督检查回头看{}\r\n", ",".repeat(33));
    assert!(csv.contains(&line), "{csv}");
}

// ---- CSV ----

#[test]
fn the_csv_has_a_bom_crlf_lines_one_header_and_four_rows() {
    let bytes = csv(&table());
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let body = String::from_utf8(bytes).unwrap();
    let body = body.trim_start_matches('\u{feff}');
    assert!(body.ends_with("\r\n"));
    assert_eq!(body.matches('\n').count(), body.matches("\r\n").count());
    let lines: Vec<&str> = body.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 5, "no title or note lines");
    let mut header = vec!["类别"];
    header.extend(expected_leaves());
    assert_eq!(lines[0], header.join(","));
    for line in &lines {
        assert_eq!(line.split(',').count(), 34, "{line}");
    }
}

#[test]
fn the_csv_rows_carry_full_labels_and_fines_with_4_decimals() {
    let table = table();
    let body = String::from_utf8(csv(&table)).unwrap();
    let lines: Vec<&str> = body.split_terminator("\r\n").skip(1).collect();
    for (line, row) in lines.iter().zip(&table.rows) {
        let mut cells = vec![row.label().to_string()];
        cells.extend(row.cells());
        assert_eq!(*line, cells.join(","));
    }
    assert!(lines[2].starts_with("打击非法医疗美容服务专项整治回头看 — 非医疗机构,102,92,"));
    assert!(lines[3].starts_with("打击非法医疗美容服务专项整治回头看 — 医疗机构,"));
    let fines: Vec<&str> = lines
        .iter()
        .map(|l| l.split(',').nth(31).unwrap())
        .collect();
    assert_eq!(fines, ["0.3000", "12345.6789", "0.0000", "0.0001"]);
}

#[test]
fn a_formula_looking_label_is_neutralised_in_the_csv() {
    let mut layout = edition_2022().clone();
    let leaf = layout
        .header
        .iter_mut()
        .find(|c| c.text == "查处案件数")
        .unwrap();
    leaf.text = "=HYPERLINK(\"http://x\",\"案件\")";
    layout.header[0].text = "@类别";
    let body = String::from_utf8(csv_in(&layout, &table())).unwrap();
    let header = body.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(header.starts_with("'@类别,被处罚单位数,"), "{header}");
    assert!(
        header.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"案件\"\")\","),
        "{header}"
    );
}
