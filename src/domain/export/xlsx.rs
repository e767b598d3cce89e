//! The plan's result table as XLSX, built with rust_xlsxwriter and made to print: a title row,
//! a bold wrapped header, then a row per target with counts and 万元 amounts as numbers (so the
//! sheet can be summed and pasted into the city platform); text wraps, every row is as tall as
//! its text needs, and it prints on A4 landscape, one page wide, the header on every page.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::paper::{self, PrintLayout};
use crate::domain::plan_result::Cell;

/// Width of a column that holds text (the 机构类别 names), in Excel's character units.
pub const TEXT_WIDTH: f64 = 22.0;
/// Width of a column of counts or amounts: its long header wraps to a few lines.
pub const NUMBER_WIDTH: f64 = 12.5;
/// The sheet row of the table's header (under the title).
pub const HEADER_ROW: u32 = 1;
/// Excel's default font size, which the cells keep.
const FONT_SIZE: f64 = 11.0;
const TITLE_SIZE: f64 = 14.0;

/// The file's bytes: `title` merged over the first row, `header` under it, then `rows`.
pub fn build(
    sheet_name: &str,
    title: &str,
    header: &[String],
    rows: &[Vec<Cell>],
) -> Result<Vec<u8>, String> {
    write(sheet_name, title, header, rows).map_err(|e| format!("生成 XLSX 失败：{e}"))
}

/// The width of each column: [`TEXT_WIDTH`] for the first column and any column with text in
/// it, [`NUMBER_WIDTH`] for one of numbers only.
pub fn column_widths(header: &[String], rows: &[Vec<Cell>]) -> Vec<f64> {
    (0..header.len())
        .map(|column| {
            let text = rows
                .iter()
                .any(|row| matches!(row.get(column), Some(Cell::Text(t)) if !t.is_empty()));
            if column == 0 || text {
                TEXT_WIDTH
            } else {
                NUMBER_WIDTH
            }
        })
        .collect()
}

fn write(
    sheet_name: &str,
    title: &str,
    header: &[String],
    rows: &[Vec<Cell>],
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name)?;
    let border = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let title_format = Format::new()
        .set_bold()
        .set_font_size(TITLE_SIZE)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let header_format = border
        .clone()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center);
    let text_format = border.clone().set_text_wrap();
    let amount_format = border.clone().set_num_format("0.####");
    let widths = column_widths(header, rows);
    let last_column = header.len().saturating_sub(1) as u16;
    if last_column > 0 {
        paper::merge_text(sheet, (0, 0), (0, last_column), title, &title_format)?;
    } else {
        paper::write_text(sheet, 0, 0, title, &title_format)?;
    }
    let table_width = widths.iter().sum::<f64>().max(TEXT_WIDTH);
    sheet.set_row_height(0, paper::row_height(&[(title, table_width)], TITLE_SIZE))?;
    for (column, (text, width)) in (0u16..).zip(header.iter().zip(&widths)) {
        paper::write_text(sheet, HEADER_ROW, column, text, &header_format)?;
        sheet.set_column_width(column, *width)?;
    }
    let header_cells: Vec<(&str, f64)> = header
        .iter()
        .map(String::as_str)
        .zip(widths.iter().copied())
        .collect();
    sheet.set_row_height(HEADER_ROW, paper::row_height(&header_cells, FONT_SIZE))?;
    let mut last_row = HEADER_ROW;
    for (r, row) in (HEADER_ROW + 1..).zip(rows) {
        last_row = r;
        let texts: Vec<(&str, f64)> = row
            .iter()
            .zip(
                widths
                    .iter()
                    .copied()
                    .chain(std::iter::repeat(NUMBER_WIDTH)),
            )
            .filter_map(|(cell, width)| match cell {
                Cell::Text(t) => Some((t.as_str(), width)),
                _ => None,
            })
            .collect();
        sheet.set_row_height(r, paper::row_height(&texts, FONT_SIZE))?;
        for (c, cell) in (0u16..).zip(row) {
            match cell {
                Cell::Text(t) => paper::write_text(sheet, r, c, t, &text_format)?,
                Cell::Count(n) => {
                    sheet.write_with_format(r, c, *n, &border)?;
                }
                // The exact decimal text becomes the nearest double, as any typed number would.
                Cell::Wan(w) => {
                    sheet.write_with_format(
                        r,
                        c,
                        w.parse::<f64>().unwrap_or(0.0),
                        &amount_format,
                    )?;
                }
            };
        }
    }
    paper::set_up_printing(
        sheet,
        &PrintLayout {
            landscape: true,
            header_row: HEADER_ROW,
            last_row,
            last_column,
        },
    )?;
    workbook.save_to_buffer()
}
