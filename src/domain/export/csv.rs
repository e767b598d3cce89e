//! CSV for Excel users: UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF lines,
//! RFC 4180 quoting, and text cells that begin like a formula neutralised (CSV injection).

use crate::domain::plan_result::Cell;

/// The byte-order mark that makes Excel read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// The file's bytes: a header row, then the rows.
pub fn build(header: &[String], rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut out = String::from(BOM);
    push_line(&mut out, header.iter().map(|h| text(h)));
    for row in rows {
        push_line(
            &mut out,
            row.iter().map(|cell| match cell {
                Cell::Text(t) => text(t),
                Cell::Count(n) => n.to_string(),
                Cell::Wan(w) => w.clone(),
            }),
        );
    }
    out.into_bytes()
}

/// Appends one CSV line: the cells joined by commas, then CRLF.
pub fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push_str(&cells.collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
}

/// A text cell, safe to open in a spreadsheet: a leading =, +, -, @, tab or carriage return
/// would make Excel evaluate it as a formula, so it is prefixed with an apostrophe; then the
/// cell is quoted when it holds a comma, quote or line break.
pub fn text(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}
