//! XLSX built with rust_xlsxwriter: a title row, a bold wrapped header, counts and 万元 amounts
//! as numbers so the sheet can be summed and pasted into the city platform.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::domain::plan_result::Cell;

/// The file's bytes: `title` merged over the first row, `header` under it, then `rows`.
pub fn build(
    sheet_name: &str,
    title: &str,
    header: &[String],
    rows: &[Vec<Cell>],
) -> Result<Vec<u8>, String> {
    write(sheet_name, title, header, rows).map_err(|e| format!("生成 XLSX 失败：{e}"))
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
    let border = Format::new().set_border(FormatBorder::Thin);
    let title_format = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let header_format = border
        .clone()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let amount_format = border.clone().set_num_format("0.####");
    let last_column = header.len().saturating_sub(1) as u16;
    if last_column > 0 {
        sheet.merge_range(0, 0, 0, last_column, title, &title_format)?;
    } else {
        sheet.write_with_format(0, 0, title, &title_format)?;
    }
    sheet.set_row_height(1, 48)?;
    for (column, text) in header.iter().enumerate() {
        sheet.write_with_format(1, column as u16, text.as_str(), &header_format)?;
        sheet.set_column_width(column as u16, if column == 0 { 22 } else { 12 })?;
    }
    for (index, row) in rows.iter().enumerate() {
        let r = index as u32 + 2;
        for (column, cell) in row.iter().enumerate() {
            let c = column as u16;
            match cell {
                Cell::Text(t) => sheet.write_with_format(r, c, t.as_str(), &border)?,
                Cell::Count(n) => sheet.write_with_format(r, c, *n, &border)?,
                // The exact decimal text becomes the nearest double, as any typed number would.
                Cell::Wan(w) => sheet.write_with_format(
                    r,
                    c,
                    w.parse::<f64>().unwrap_or(0.0),
                    &amount_format,
                )?,
            };
        }
    }
    workbook.save_to_buffer()
}
