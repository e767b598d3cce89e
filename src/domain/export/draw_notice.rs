//! The 公示 list of a draw as XLSX: what was drawn, with whom, and what anyone needs to
//! re-check it (the seed text, the SHA-256 of the list drawn from, the method). Pure.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

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

/// The XLSX bytes.
pub fn xlsx(facts: &NoticeFacts, rows: &[NoticeRow]) -> Result<Vec<u8>, String> {
    write(facts, rows).map_err(|e| format!("生成公示名单失败：{e}"))
}

fn write(facts: &NoticeFacts, rows: &[NoticeRow]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("公示名单")?;
    let border = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let header = border.clone().set_bold().set_align(FormatAlign::Center);
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    sheet.merge_range(0, 0, 0, 4, &facts.title, &title)?;
    for (column, (text, width)) in [
        ("序号", 6.0),
        ("单位名称", 30.0),
        ("统一社会信用代码", 22.0),
        ("类别", 16.0),
        ("检查人员", 24.0),
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_with_format(1, column as u16, text, &header)?;
        sheet.set_column_width(column as u16, width)?;
    }
    for (n, row) in rows.iter().enumerate() {
        let r = n as u32 + 2;
        sheet.write_with_format(r, 0, n as u32 + 1, &border)?;
        sheet.write_with_format(r, 1, &row.name, &border)?;
        sheet.write_with_format(r, 2, &row.registration_number, &border)?;
        sheet.write_with_format(r, 3, &row.group, &border)?;
        sheet.write_with_format(r, 4, &row.officers, &border)?;
    }
    let foot = rows.len() as u32 + 3;
    let lines = [
        format!("抽取时间：{}", facts.drawn_at),
        format!("种子：{}", facts.seed_text),
        format!("抽取名单 SHA-256：{}", facts.list_sha256),
        METHOD.to_string(),
    ];
    for (n, line) in lines.iter().enumerate() {
        sheet.merge_range(
            foot + n as u32,
            0,
            foot + n as u32,
            4,
            line,
            &Format::new().set_text_wrap(),
        )?;
    }
    workbook.save_to_buffer()
}
