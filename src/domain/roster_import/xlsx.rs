//! Reading the first non-empty visible worksheet of an XLSX workbook as text cells, streamed
//! cell by cell (so a huge sheet is refused before it is all in memory). Numbers keep the
//! digits the user typed (no trailing ".0"), dates read as YYYY-MM-DD, and a formula gives
//! its cached value; one saved without a value is reported as a cell problem.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};

use super::table::{bounded, clean, CellProblem, RawRow, HEADER_SEARCH_ROWS};
use super::{ImportProblem, MAX_COLUMNS, MAX_DATA_ROWS};

/// The sheet's name, its non-empty rows and its unreadable cells.
type Sheet = (String, Vec<RawRow>, Vec<CellProblem>);

fn bad(error: calamine::XlsxError) -> ImportProblem {
    ImportProblem::BadXlsx(error.to_string())
}

/// The first non-empty visible worksheet, once the workbook passed `xlsx_bounds::check`.
pub(super) fn read(bytes: &[u8]) -> Result<Sheet, ImportProblem> {
    super::xlsx_bounds::check(bytes)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(bad)?;
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    for name in names {
        let (rows, problems) = read_sheet(&mut book, &name)?;
        if !rows.is_empty() {
            return Ok((name, rows, problems));
        }
    }
    Err(ImportProblem::NoRows)
}

/// Reads one sheet; `Ok` with no rows for an empty one.
fn read_sheet(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<(Vec<RawRow>, Vec<CellProblem>), ImportProblem> {
    let mut reader = book.worksheet_cells_reader(name).map_err(bad)?;
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    // The metadata reader, not `next_cell_with_formula`: that one grows a table to the index a
    // shared formula names (`si="4000000000"`), which a hostile file controls.
    while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(bad)? {
        let (row, column) = (cell.pos.0, cell.pos.1 as usize);
        let (text, problem) = cell_text(&cell.value, cell.formula.is_some());
        if text.is_empty() && problem.is_none() {
            continue;
        }
        if column >= MAX_COLUMNS {
            return Err(ImportProblem::TooManyColumns(row as usize + 1));
        }
        if let Some(message) = problem {
            problems.push(CellProblem {
                row: row as usize + 1,
                column,
                message,
            });
        }
        let cells = rows.entry(row).or_default();
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = text;
        if rows.len() > MAX_DATA_ROWS + HEADER_SEARCH_ROWS {
            return Err(ImportProblem::TooManyRows);
        }
    }
    Ok((
        rows.into_iter()
            .map(|(row, cells)| RawRow {
                row: row as usize + 1,
                cells,
            })
            .collect(),
        problems,
    ))
}

/// A cell's text, or none and why it cannot be read: a formula saved without its value, an
/// error value, a text over [`MAX_CELL_CHARS`](super::MAX_CELL_CHARS).
fn cell_text(value: &DataRef<'_>, formula: bool) -> (String, Option<String>) {
    match value {
        DataRef::Empty if formula => (
            String::new(),
            Some("公式没有保存计算结果，请在Excel中打开并保存文件后再导入".to_string()),
        ),
        DataRef::Error(error) => (String::new(), Some(format!("单元格是错误值{error}"))),
        value => bounded(text_of(value)),
    }
}

/// A cell's value as the user sees it.
fn text_of(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => clean(s),
        DataRef::SharedString(s) => clean(s),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        DataRef::DateTime(dt) => number(dt.as_f64()),
        DataRef::Error(e) => e.to_string(),
    }
}

/// A number as Excel shows it in a General cell: whole numbers without ".0" (a phone number
/// or code typed as a number keeps its digits), others rounded to Excel's 15 significant
/// digits (so 0.1 + 0.2 reads 0.3).
fn number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let rounded: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    format!("{rounded}")
}
