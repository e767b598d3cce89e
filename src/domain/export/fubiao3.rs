//! 附表3 in its official layout as file bytes, drawn from [`Fubiao3Layout`]: XLSX is the printed
//! form (title, 3-row merged header, merged 类别 labels, numeric cells, the note; one A3
//! landscape page), CSV is the same numbers for other programs (one header line, one line per
//! row, no title and no note). Pure.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::csv::{push_line, text, BOM};
use super::paper;
use crate::domain::fubiao3::layout::{
    edition_2022, Fubiao3Layout, HeaderCell, COLUMNS, DATA_COLUMNS, HEADER_ROWS, LABEL_COLUMNS,
};
use crate::domain::fubiao3::{Fubiao3, Fubiao3Row};
use crate::domain::handling::yuan_as_wan_4;
use crate::domain::huitoukan::SummaryRow;
use crate::domain::labelled::Labelled;

/// The worksheet's name.
pub const SHEET_NAME: &str = "附表3";

/// Excel's paper size number for A3.
const PAPER_A3: u8 = 8;
/// Sheet row of the header block's first row (the title is row 0).
const HEADER_TOP: u32 = 1;
/// Sheet row of the first data row.
const DATA_TOP: u32 = HEADER_TOP + HEADER_ROWS as u32;
/// Width of column A (the campaign), of column B (医疗机构 / 非医疗机构) and of each data column,
/// in Excel's character units.
const WIDTHS: (f64, f64, f64) = (14.0, 10.0, 6.0);
/// Heights of the title row, the three header rows, a data row and the note row, in points:
/// the leaf row holds labels of up to 26 characters, wrapped about 3 to a line.
const TITLE_HEIGHT: f64 = 36.0;
const HEADER_HEIGHTS: [f64; HEADER_ROWS as usize] = [22.0, 30.0, 120.0];
const DATA_HEIGHT: f64 = 36.0;
const NOTE_HEIGHT: f64 = 22.0;
/// The table's typeface, as on the official form.
const FONT: &str = "宋体";

/// One data cell before formatting.
enum Value {
    /// A count of units or cases.
    Count(u32),
    /// 罚没款 in exact 元, shown in 万元.
    Yuan(u64),
}

/// The XLSX bytes of `table` in the 2022 layout, titled `title` (an empty title prints the
/// layout's official one, [`Fubiao3Layout::title`]).
pub fn xlsx(table: &Fubiao3, title: &str) -> Result<Vec<u8>, String> {
    xlsx_in(edition_2022(), table, title)
}

/// The XLSX bytes of `table` in `layout` (another edition), titled `title` (empty: the layout's).
pub fn xlsx_in(layout: &Fubiao3Layout, table: &Fubiao3, title: &str) -> Result<Vec<u8>, String> {
    let title = if title.trim().is_empty() {
        layout.title
    } else {
        title
    };
    write(layout, table, title).map_err(|e| format!("生成附表3 XLSX 失败：{e}"))
}

/// The CSV bytes of `table` in the 2022 layout: UTF-8 with BOM, CRLF. One header line: 类别,
/// then the 33 data columns by their own (unique) official labels, without the group names
/// above them, so the columns can be matched by name; then one line per row with the row's full
/// label (e.g. 打击非法医疗美容服务专项整治回头看 — 非医疗机构), the counts, and 罚没款 in 万元 with
/// 4 decimals (e.g. 0.3000). No title and no note, to keep the file machine-readable.
pub fn csv(table: &Fubiao3) -> Vec<u8> {
    csv_in(edition_2022(), table)
}

/// The CSV bytes of `table` in `layout` (another edition); see [`csv`].
pub fn csv_in(layout: &Fubiao3Layout, table: &Fubiao3) -> Vec<u8> {
    let mut out = String::from(BOM);
    let header = std::iter::once(layout.category_label()).chain(layout.leaf_labels());
    push_line(&mut out, header.map(text));
    for &row in &layout.rows {
        let cells = match find(table, row) {
            Some(data) => values(data).iter().map(csv_value).collect(),
            None => vec![String::new(); DATA_COLUMNS as usize],
        };
        push_line(&mut out, std::iter::once(text(row.label())).chain(cells));
    }
    out.into_bytes()
}

fn csv_value(value: &Value) -> String {
    match value {
        Value::Count(n) => n.to_string(),
        Value::Yuan(yuan) => yuan_as_wan_4(*yuan),
    }
}

/// The table's row printed in a layout row (the first, if the table repeats one).
fn find(table: &Fubiao3, row: SummaryRow) -> Option<&Fubiao3Row> {
    table.rows.iter().find(|r| r.row == row)
}

/// The 33 data cells of a row in table order, as [`Fubiao3Row::cells`] gives their text; a row
/// built by hand with other than 27 不合格 counts is cut or padded with 0 so that the 行政处罚
/// columns stay in place.
fn values(row: &Fubiao3Row) -> Vec<Value> {
    let areas = DATA_COLUMNS as usize - 6;
    let mut values = vec![Value::Count(row.penalised), Value::Count(row.inspected)];
    values.extend(
        row.non_compliant
            .iter()
            .copied()
            .chain(std::iter::repeat(0))
            .take(areas)
            .map(Value::Count),
    );
    values.extend([
        Value::Count(row.cases),
        Value::Yuan(row.fines_yuan),
        Value::Count(row.revoked_licence),
        Value::Count(row.revoked_subject),
    ]);
    values
}

/// The cell formats of the sheet.
struct Formats {
    title: Format,
    header: Format,
    label: Format,
    count: Format,
    wan: Format,
    note: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_font_name(FONT);
        let cell = base
            .clone()
            .set_font_size(10)
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        Self {
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: cell.clone().set_font_size(9),
            label: cell.clone(),
            count: cell.clone().set_num_format("0"),
            wan: cell.set_num_format("0.0000"),
            note: base
                .set_font_size(10)
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::VerticalCenter),
        }
    }
}

fn write(layout: &Fubiao3Layout, table: &Fubiao3, title: &str) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    let last_column = COLUMNS - 1;
    paper::merge_text(sheet, (0, 0), (0, last_column), title, &formats.title)?;
    for cell in &layout.header {
        place(sheet, HEADER_TOP, cell, &formats.header)?;
    }
    for cell in &layout.row_labels {
        place(sheet, DATA_TOP, cell, &formats.label)?;
    }
    for (index, &row) in (0u32..).zip(&layout.rows) {
        let sheet_row = DATA_TOP + index;
        match find(table, row) {
            Some(data) => write_values(sheet, sheet_row, &values(data), &formats)?,
            None => {
                for column in LABEL_COLUMNS..COLUMNS {
                    sheet.write_blank(sheet_row, column, &formats.count)?;
                }
            }
        }
    }
    let note_row = DATA_TOP + layout.rows.len() as u32;
    paper::merge_text(
        sheet,
        (note_row, 0),
        (note_row, last_column),
        layout.note,
        &formats.note,
    )?;
    size(sheet, note_row)?;
    page_setup(sheet, note_row)?;
    workbook.save_to_buffer()
}

/// Writes a layout cell at `top` + its row, merged over its span when it has one.
fn place(
    sheet: &mut Worksheet,
    top: u32,
    cell: &HeaderCell,
    format: &Format,
) -> Result<(), XlsxError> {
    let row = top + u32::from(cell.row);
    if cell.is_merged() {
        let last_row = top + u32::from(cell.last_row());
        paper::merge_text(
            sheet,
            (row, cell.column),
            (last_row, cell.last_column()),
            cell.text,
            format,
        )?;
    } else {
        paper::write_text(sheet, row, cell.column, cell.text, format)?;
    }
    Ok(())
}

/// Writes a row's numbers: counts as integers, 罚没款 as 万元 with 4 decimals shown.
fn write_values(
    sheet: &mut Worksheet,
    row: u32,
    values: &[Value],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (column, value) in (LABEL_COLUMNS..).zip(values) {
        match value {
            Value::Count(n) => sheet.write_with_format(row, column, *n, &formats.count)?,
            // Exact integer 元 (below 2^53) divided by 10 000 in one IEEE operation: the nearest
            // double to the exact 万元 amount, as a typed number would be.
            Value::Yuan(yuan) => {
                sheet.write_with_format(row, column, *yuan as f64 / 10_000.0, &formats.wan)?
            }
        };
    }
    Ok(())
}

/// Column widths and row heights that keep the labels readable when wrapped.
fn size(sheet: &mut Worksheet, note_row: u32) -> Result<(), XlsxError> {
    let (campaign, kind, data) = WIDTHS;
    sheet.set_column_width(0, campaign)?;
    sheet.set_column_width(1, kind)?;
    sheet.set_column_range_width(LABEL_COLUMNS, COLUMNS - 1, data)?;
    sheet.set_row_height(0, TITLE_HEIGHT)?;
    for (row, height) in (HEADER_TOP..).zip(HEADER_HEIGHTS) {
        sheet.set_row_height(row, height)?;
    }
    for row in DATA_TOP..note_row {
        sheet.set_row_height(row, DATA_HEIGHT)?;
    }
    sheet.set_row_height(note_row, NOTE_HEIGHT)?;
    Ok(())
}

/// One A3 landscape page: fitted 1 page wide by 1 tall, small margins, centred, nothing
/// repeated, the print area exactly the table with its title and note.
fn page_setup(sheet: &mut Worksheet, note_row: u32) -> Result<(), XlsxError> {
    sheet
        .set_paper_size(PAPER_A3)
        .set_landscape()
        .set_print_fit_to_pages(1, 1)
        .set_margins(0.3, 0.3, 0.4, 0.4, 0.2, 0.2)
        .set_print_center_horizontally(true);
    sheet.set_print_area(0, 0, note_row, COLUMNS - 1)?;
    Ok(())
}
