//! A file's bytes as a table of text cells: the header and the data rows, each row numbered
//! as the user sees it in the spreadsheet. CSV and XLSX are told apart by the first bytes
//! (an XLSX is a ZIP archive) and by the file name's extension.

use super::decode::{binary_kind, decode, Encoding};
use super::mapping::field_for_header;
use super::{
    column_letter, xlsx, ImportProblem, MAX_CELL_CHARS, MAX_COLUMNS, MAX_DATA_ROWS, MAX_FILE_BYTES,
};

/// The header is looked for among this many first non-empty rows.
pub(super) const HEADER_SEARCH_ROWS: usize = 20;

/// A file read as text cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceTable {
    /// How a CSV file was decoded; `None` for an XLSX.
    pub encoding: Option<Encoding>,
    /// The worksheet read, for an XLSX.
    pub sheet: Option<String>,
    /// The spreadsheet row of the header (1 unless title rows are above it).
    pub header_row: usize,
    /// One text per column, trimmed; an empty header cell reads as its column ("D列").
    pub header: Vec<String>,
    /// The non-empty rows below the header, in order.
    pub rows: Vec<SourceRow>,
    /// Cells that could not be read (a formula without a cached value, an error value like
    /// #N/A); a row is refused for one only if its column is imported.
    pub cell_problems: Vec<CellProblem>,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// The 1-based row number in the spreadsheet (for a CSV: the record's row as a
    /// spreadsheet shows it, empty lines counted).
    pub row: usize,
    /// The trimmed cells; may be shorter than the header (trailing empty cells are dropped).
    pub cells: Vec<String>,
}

impl SourceRow {
    /// The cell in a column, empty past the row's end.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

/// A cell that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    /// The 1-based spreadsheet row.
    pub row: usize,
    /// The 0-based column.
    pub column: usize,
    pub message: String,
}

/// A non-empty row before the header is known.
#[derive(Debug)]
pub(super) struct RawRow {
    pub row: usize,
    pub cells: Vec<String>,
}

/// Reads a roster file: an XLSX (by its ZIP signature), else CSV text; an old .xls, a UTF-16
/// text, a picture or a file over [`MAX_FILE_BYTES`] is refused with its own message.
pub fn read_table(file_name: &str, bytes: &[u8]) -> Result<SourceTable, ImportProblem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportProblem::TooLarge(bytes.len()));
    }
    if bytes.is_empty() {
        return Err(ImportProblem::Empty);
    }
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") {
        let (sheet, raw, problems) = xlsx::read(bytes)?;
        return assemble(raw, problems, None, Some(sheet));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") || matches!(extension.as_str(), "xls" | "et") {
        return Err(ImportProblem::OldExcel);
    }
    if matches!(extension.as_str(), "xlsx" | "xlsm") {
        return Err(ImportProblem::BadXlsx("not a ZIP archive".to_string()));
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(ImportProblem::NotText(Some(what)));
    }
    let decoded = decode(bytes)?;
    let (raw, problems) = read_csv(&decoded.text)?;
    assemble(raw, problems, Some(decoded.encoding), None)
}

/// A cell's text without surrounding white space (including the ideographic space and a
/// stray byte-order mark).
pub(super) fn clean(cell: &str) -> String {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
        .to_string()
}

/// A cell's text, unless it is longer than [`MAX_CELL_CHARS`]: then none, and why.
pub(super) fn bounded(text: String) -> (String, Option<String>) {
    let chars = text.chars().count();
    if chars > MAX_CELL_CHARS {
        let why = format!("单元格内容过长（{chars}个字），最多{MAX_CELL_CHARS}个字");
        return (String::new(), Some(why));
    }
    (text, None)
}

/// Comma-separated, unless the first line with a separator has tabs and no commas.
fn delimiter(text: &str) -> u8 {
    let line = text
        .lines()
        .find(|l| l.contains([',', '\t']))
        .unwrap_or_default();
    if line.contains('\t') && !line.contains(',') {
        b'\t'
    } else {
        b','
    }
}

/// The non-empty rows of a CSV text and its cells over [`MAX_CELL_CHARS`].
fn read_csv(text: &str) -> Result<(Vec<RawRow>, Vec<CellProblem>), ImportProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let (mut rows, mut problems) = (Vec::new(), Vec::new());
    // The csv reader's record position may point at the previous line's terminator, so the
    // line is counted here from the first byte after it. Line breaks inside quoted cells
    // make a later record start on a later line of the file but on the next spreadsheet row.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line, mut inner_breaks) = (0, 1, 0);
    for record in reader.records() {
        let record = record.map_err(|e| ImportProblem::BadCsv(e.to_string()))?;
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        let start = start.clamp(counted_to, bytes.len());
        line += bytes[counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start;
        let row = line.saturating_sub(inner_breaks).max(1);
        inner_breaks += record
            .iter()
            .map(|f| f.matches('\n').count())
            .sum::<usize>();
        if record
            .iter()
            .skip(MAX_COLUMNS)
            .any(|f| !clean(f).is_empty())
        {
            return Err(ImportProblem::TooManyColumns(row));
        }
        let mut cells: Vec<String> = Vec::with_capacity(record.len().min(MAX_COLUMNS));
        // An unreadable cell is kept, empty, so its row and column stay.
        let mut keep = 0;
        for (column, field) in record.iter().take(MAX_COLUMNS).enumerate() {
            let (text, problem) = bounded(clean(field));
            if let Some(message) = problem {
                keep = column + 1;
                problems.push(CellProblem {
                    row,
                    column,
                    message,
                });
            }
            cells.push(text);
        }
        while cells.len() > keep && cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if !cells.is_empty() {
            rows.push(RawRow { row, cells });
            if rows.len() > MAX_DATA_ROWS + HEADER_SEARCH_ROWS {
                return Err(ImportProblem::TooManyRows);
            }
        }
    }
    Ok((rows, problems))
}

/// Finds the header (the first row with two cells naming known fields, else the first row)
/// and keeps the rows below it.
pub(super) fn assemble(
    raw: Vec<RawRow>,
    mut cell_problems: Vec<CellProblem>,
    encoding: Option<Encoding>,
    sheet: Option<String>,
) -> Result<SourceTable, ImportProblem> {
    let known = |row: &RawRow| {
        row.cells
            .iter()
            .filter(|c| field_for_header(c).is_some())
            .count()
    };
    let at = raw
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|r| known(r) >= 2)
        .unwrap_or(0);
    let mut raw = raw.into_iter().skip(at);
    let header_raw = raw.next().ok_or(ImportProblem::NoRows)?;
    let rows: Vec<SourceRow> = raw
        .map(|r| SourceRow {
            row: r.row,
            cells: r.cells,
        })
        .collect();
    if rows.len() > MAX_DATA_ROWS {
        return Err(ImportProblem::TooManyRows);
    }
    let width = rows
        .iter()
        .map(|r| r.cells.len())
        .chain([header_raw.cells.len()])
        .max()
        .unwrap_or(0);
    let header = (0..width)
        .map(|i| match header_raw.cells.get(i) {
            Some(text) if !text.is_empty() => text.clone(),
            _ => format!("{}列", column_letter(i)),
        })
        .collect();
    cell_problems.retain(|p| p.row > header_raw.row);
    Ok(SourceTable {
        encoding,
        sheet,
        header_row: header_raw.row,
        header,
        rows,
        cell_problems,
    })
}
