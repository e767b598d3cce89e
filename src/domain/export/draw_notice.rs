//! The 公示 list of a draw as XLSX: what was drawn, with whom, and what anyone needs to
//! re-check it (the seed text, the SHA-256 of the list drawn from, the method). Made to print
//! on A4 portrait: text wraps, rows are as tall as their text, the header on every page. Pure.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::paper::{self, PrintLayout};

/// One drawn unit as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeRow {
    pub name: String,
    pub registration_number: String,
    /// The group it was drawn in (the plan target's label).
    pub group: String,
    /// Officers' names, joined.
    pub officers: String,
}

/// What identifies the draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeFacts {
    pub title: String,
    /// When it was drawn, as the user reads time.
    pub drawn_at: String,
    pub seed_text: String,
    pub list_sha256: String,
}

/// The line telling how to re-check the draw.
pub const METHOD: &str = "复核方法：用上述种子和抽取名单，按本应用公开的抽取方法（ChaCha20，种子为种子文本与名单的 SHA-256）重新抽取，结果应完全一致。";

/// The columns and their widths in Excel's character units (A4 portrait holds about 98).
pub const COLUMNS: [(&str, f64); 5] = [
    ("序号", 6.0),
    ("单位名称", 30.0),
    ("统一社会信用代码", 22.0),
    ("类别", 16.0),
    ("检查人员", 24.0),
];
/// The sheet row of the table's header (under the title).
pub const HEADER_ROW: u32 = 1;
/// Excel's default font size, which the cells keep.
const FONT_SIZE: f64 = 11.0;
const TITLE_SIZE: f64 = 14.0;

/// The XLSX bytes.
pub fn xlsx(facts: &NoticeFacts, rows: &[NoticeRow]) -> Result<Vec<u8>, String> {
    write(facts, rows).map_err(|e| format!("生成公示名单失败：{e}"))
}

fn write(facts: &NoticeFacts, rows: &[NoticeRow]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("公示名单")?;
    let border = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let header = border.clone().set_bold().set_align(FormatAlign::Center);
    let title = Format::new()
        .set_bold()
        .set_font_size(TITLE_SIZE)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let widths = COLUMNS.map(|(_, width)| width);
    let table_width: f64 = widths.iter().sum();
    paper::merge_text(sheet, (0, 0), (0, 4), &facts.title, &title)?;
    sheet.set_row_height(
        0,
        paper::row_height(&[(&facts.title, table_width)], TITLE_SIZE),
    )?;
    for (column, (text, width)) in (0u16..).zip(COLUMNS) {
        paper::write_text(sheet, HEADER_ROW, column, text, &header)?;
        sheet.set_column_width(column, width)?;
    }
    sheet.set_row_height(HEADER_ROW, paper::row_height(&COLUMNS, FONT_SIZE))?;
    for (n, row) in rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + n as u32;
        let number = (n + 1).to_string();
        let cells = [
            number.as_str(),
            &row.name,
            &row.registration_number,
            &row.group,
            &row.officers,
        ];
        let fitted: Vec<(&str, f64)> = cells.iter().copied().zip(widths).collect();
        sheet.set_row_height(r, paper::row_height(&fitted, FONT_SIZE))?;
        sheet.write_with_format(r, 0, n as u32 + 1, &border)?;
        for (column, text) in (1u16..).zip(&cells[1..]) {
            paper::write_text(sheet, r, column, text, &border)?;
        }
    }
    let foot = rows.len() as u32 + 3;
    let lines = [
        format!("抽取时间：{}", facts.drawn_at),
        format!("种子：{}", facts.seed_text),
        format!("抽取名单 SHA-256：{}", facts.list_sha256),
        METHOD.to_string(),
    ];
    let foot_format = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    for (r, line) in (foot..).zip(&lines) {
        paper::merge_text(sheet, (r, 0), (r, 4), line, &foot_format)?;
        sheet.set_row_height(r, paper::row_height(&[(line, table_width)], FONT_SIZE))?;
    }
    paper::set_up_printing(
        sheet,
        &PrintLayout {
            landscape: false,
            header_row: HEADER_ROW,
            last_row: foot + lines.len() as u32 - 1,
            last_column: 4,
        },
    )?;
    workbook.save_to_buffer()
}
