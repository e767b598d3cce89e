//! A stay's 问题汇总表 as file bytes. XLSX is the printed form: the title, a line with the
//! dates and the group, then one numbered row per problem under a merged heading row per content
//! area, and a count of handlings; A4 landscape, one page wide, the header repeated on every
//! page. CSV is the same problem rows for other programs: the area as a column, no title. Pure.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Format, FormatAlign, FormatBorder, FormatPattern, Workbook, Worksheet, XlsxError,
};

use super::csv::{push_line, text, BOM};
use super::paper::{self, PrintLayout};
use crate::domain::labelled::Labelled;
use crate::domain::stationed::documents::{
    chinese_date, chinese_number, handling_counts, problem_text, StayFacts,
};
use crate::domain::stationed::register::Problem;
use crate::domain::stationed::sheet::ProblemHandling;

/// The worksheet's name.
pub const SHEET_NAME: &str = "问题汇总表";
/// The printed table's columns; the CSV adds 监督内容 (the area) after 序号.
pub const COLUMNS: [&str; 10] = [
    "序号",
    "场景",
    "检查要点",
    "问题描述",
    "法律依据",
    "证据",
    "发现日期",
    "处理方式",
    "整改期限",
    "复查结果",
];
/// Shown where a problem has no handling yet.
pub const PENDING: &str = "待定";
/// Shown for a 责令限期改正 past its deadline with no 复查.
pub const OVERDUE: &str = "逾期未复查";

/// Column widths in Excel's character units (a Chinese character takes about 2).
pub const WIDTHS: [f64; 10] = [5.0, 10.0, 22.0, 24.0, 20.0, 16.0, 11.0, 12.0, 11.0, 14.0];
/// The sheet row of the table's header (title, then the dates and group line).
const HEADER_ROW: u32 = 2;
const FONT: &str = "宋体";
/// The table's font size, in points.
const FONT_SIZE: f64 = 10.0;

/// One problem as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRow {
    /// 序号, from 1 through the whole table.
    pub number: usize,
    /// 监督内容: the content area's title.
    pub area: String,
    pub scene: String,
    /// 检查要点 (for a complaint, 反映内容).
    pub checked: String,
    pub description: String,
    pub basis: String,
    pub evidence: String,
    pub found_on: String,
    pub handling: String,
    pub deadline: String,
    pub recheck: String,
}

impl RegisterRow {
    /// The printed cells, in [`COLUMNS`] order (序号 as text).
    fn cells(&self) -> [String; 10] {
        [
            self.number.to_string(),
            self.scene.clone(),
            self.checked.clone(),
            self.description.clone(),
            self.basis.clone(),
            self.evidence.clone(),
            self.found_on.clone(),
            self.handling.clone(),
            self.deadline.clone(),
            self.recheck.clone(),
        ]
    }
}

/// The table's title: "<医院名称>驻点监督问题汇总表".
pub fn title(facts: &StayFacts) -> String {
    format!("{}驻点监督问题汇总表", facts.hospital)
}

/// The line under the title: "驻点时间：…　监督组：…".
pub fn info_line(facts: &StayFacts) -> String {
    format!(
        "驻点时间：{}　　监督组：{}",
        facts.period(),
        facts.group.line()
    )
}

/// A content area's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaRows {
    /// 监督内容: the area's title.
    pub area: String,
    pub rows: Vec<RegisterRow>,
}

/// The rows by content area, in register order, numbered through; areas without problems are
/// left out. 复查 and 逾期 are as on `today`.
pub fn rows(facts: &StayFacts, today: NaiveDate) -> Vec<AreaRows> {
    let mut number = 0;
    facts
        .register()
        .iter()
        .map(|area| {
            let rows = area
                .targets
                .iter()
                .flat_map(|t| &t.problems)
                .map(|p| {
                    number += 1;
                    row(number, p, today)
                })
                .collect();
            AreaRows {
                area: area.area.title.clone(),
                rows,
            }
        })
        .collect()
}

fn row(number: usize, problem: &Problem, today: NaiveDate) -> RegisterRow {
    let checked = match problem.complaint {
        Some(content) => format!("反映内容：{}", content.trim()),
        None => problem.checked().to_string(),
    };
    let (handling, deadline, recheck) = handling_cells(problem.handling, today);
    RegisterRow {
        number,
        area: problem.area.title.clone(),
        scene: problem.target_name.to_string(),
        checked,
        description: problem_text(problem).to_string(),
        basis: problem.basis().to_string(),
        evidence: problem.evidence.trim().to_string(),
        found_on: iso(problem.found_on),
        handling,
        deadline,
        recheck,
    }
}

/// 处理方式, 整改期限 and 复查结果 of a handling on `today`.
fn handling_cells(
    handling: Option<&ProblemHandling>,
    today: NaiveDate,
) -> (String, String, String) {
    let Some(h) = handling else {
        return (PENDING.to_string(), String::new(), String::new());
    };
    let label = h.kind().label();
    let with = |detail: &str| {
        let detail = detail.trim();
        if detail.is_empty() {
            label.to_string()
        } else {
            format!("{label}（{detail}）")
        }
    };
    match h {
        ProblemHandling::Rectify { deadline, recheck } => {
            let result = match (recheck, deadline) {
                (Some(r), _) if r.note.trim().is_empty() => {
                    format!("{} {}", iso(r.on), r.result.label())
                }
                (Some(r), _) => format!("{} {}（{}）", iso(r.on), r.result.label(), r.note.trim()),
                (None, _) if h.is_overdue(today) => OVERDUE.to_string(),
                (None, Some(_)) => "待复查".to_string(),
                (None, None) => String::new(),
            };
            let deadline = deadline.map_or(PENDING.to_string(), iso);
            (label.to_string(), deadline, result)
        }
        ProblemHandling::Case { note } | ProblemHandling::Opinion { note } => {
            (with(note), String::new(), String::new())
        }
        ProblemHandling::Transfer { department } => {
            let to = if department.trim().is_empty() {
                "部门待定"
            } else {
                department
            };
            (with(to), String::new(), String::new())
        }
        ProblemHandling::Advice => (label.to_string(), String::new(), String::new()),
    }
}

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The line under the table: the count per handling, and the day 复查 is counted to.
pub fn total_line(facts: &StayFacts, today: NaiveDate) -> String {
    let register = facts.register();
    let problems: Vec<&Problem> = register
        .iter()
        .flat_map(|a| a.targets.iter().flat_map(|t| &t.problems))
        .collect();
    if problems.is_empty() {
        return format!("未发现问题。统计日期：{}", chinese_date(today));
    }
    format!(
        "共{}项问题：{}。复查情况统计至{}。",
        problems.len(),
        handling_counts(problems.iter().copied()),
        chinese_date(today)
    )
}

/// The CSV bytes: UTF-8 with BOM, CRLF; one header line (序号, 监督内容, then the printed
/// columns), one line per problem.
pub fn csv(facts: &StayFacts, today: NaiveDate) -> Vec<u8> {
    let mut out = String::from(BOM);
    let header = [COLUMNS[0], "监督内容"]
        .into_iter()
        .chain(COLUMNS[1..].iter().copied());
    push_line(&mut out, header.map(text));
    for area in rows(facts, today) {
        for row in area.rows {
            let cells = row.cells();
            let line = std::iter::once(cells[0].clone())
                .chain(std::iter::once(text(&row.area)))
                .chain(cells[1..].iter().map(|c| text(c)));
            push_line(&mut out, line);
        }
    }
    out.into_bytes()
}

/// The XLSX bytes.
pub fn xlsx(facts: &StayFacts, today: NaiveDate) -> Result<Vec<u8>, String> {
    write(facts, today).map_err(|e| format!("生成问题汇总表失败：{e}"))
}

struct Formats {
    title: Format,
    info: Format,
    header: Format,
    area: Format,
    cell: Format,
    centred: Format,
    total: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(10);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        Self {
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            info: base
                .clone()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            area: cell
                .clone()
                .set_bold()
                .set_pattern(FormatPattern::Solid)
                .set_background_color(0xF2F2F2)
                .set_align(FormatAlign::VerticalCenter),
            centred: cell.clone().set_align(FormatAlign::Center),
            cell,
            total: base.set_text_wrap().set_align(FormatAlign::VerticalCenter),
        }
    }
}

fn write(facts: &StayFacts, today: NaiveDate) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    let last = COLUMNS.len() as u16 - 1;
    paper::merge_text(sheet, (0, 0), (0, last), &title(facts), &formats.title)?;
    sheet.set_row_height(0, 32)?;
    merged_line(sheet, 1, &info_line(facts), &formats.info)?;
    for (column, (name, width)) in (0u16..).zip(COLUMNS.iter().zip(WIDTHS)) {
        paper::write_text(sheet, HEADER_ROW, column, name, &formats.header)?;
        sheet.set_column_width(column, width)?;
    }
    let header: Vec<(&str, f64)> = COLUMNS.iter().copied().zip(WIDTHS).collect();
    sheet.set_row_height(HEADER_ROW, paper::row_height(&header, FONT_SIZE).max(22.0))?;
    let mut r = HEADER_ROW + 1;
    for (index, AreaRows { area, rows }) in rows(facts, today).iter().enumerate() {
        let heading = format!(
            "{}、{}（{}项）",
            chinese_number(index + 1),
            area,
            rows.len()
        );
        merged_line(sheet, r, &heading, &formats.area)?;
        r += 1;
        for row in rows {
            let cells = row.cells();
            let fitted: Vec<(&str, f64)> = cells.iter().map(String::as_str).zip(WIDTHS).collect();
            sheet.set_row_height(r, paper::row_height(&fitted, FONT_SIZE))?;
            for (column, cell) in (0u16..).zip(cells.iter()) {
                let format = if matches!(column, 0 | 6 | 8) {
                    &formats.centred
                } else {
                    &formats.cell
                };
                if column == 0 {
                    sheet.write_with_format(r, column, row.number as u32, format)?;
                } else {
                    paper::write_text(sheet, r, column, cell, format)?;
                }
            }
            r += 1;
        }
    }
    merged_line(sheet, r, &total_line(facts, today), &formats.total)?;
    page_setup(sheet, r)?;
    workbook.save_to_buffer()
}

/// A line merged over the table's width, as tall as its wrapped text needs (Excel does not fit
/// a merged row's height by itself).
fn merged_line(
    sheet: &mut Worksheet,
    row: u32,
    line: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let last = COLUMNS.len() as u16 - 1;
    paper::merge_text(sheet, (row, 0), (row, last), line, format)?;
    let width = WIDTHS.iter().sum::<f64>();
    sheet.set_row_height(row, paper::row_height(&[(line, width)], FONT_SIZE))?;
    Ok(())
}

/// A4 landscape, one page wide and as many tall as needed, the header row on every page,
/// centred, the page number in the footer, the panes frozen under the header.
fn page_setup(sheet: &mut Worksheet, last_row: u32) -> Result<(), XlsxError> {
    paper::set_up_printing(
        sheet,
        &PrintLayout {
            landscape: true,
            header_row: HEADER_ROW,
            last_row,
            last_column: COLUMNS.len() as u16 - 1,
        },
    )
}
