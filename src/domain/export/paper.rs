//! Layout rules for XLSX sheets that are printed: how wide a text is in Excel's character
//! units, how many lines it wraps to in a column, how tall a row of wrapped cells must be, and
//! the common print setup (A4, one page wide, page numbers, the header row on every page).
//! Spreadsheet programs do not fit a row's height to wrapped text by themselves when the file
//! comes from another program (nor ever for merged cells), so the workbooks set it from this
//! estimate. The estimate errs on the tall side: a little white space is better than a clipped
//! word on paper. And every text cell of every workbook is written here (`write_text`,
//! `merge_text`), so a text that Excel would take for a formula once edited carries the quote
//! prefix. Pure.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// Excel's paper size number for A4.
pub const PAPER_A4: u8 = 9;
/// The printed footer: 第 X 页，共 Y 页, centred.
pub const FOOTER: &str = "&C第 &P 页，共 &N 页";
/// Excel's tallest row, in points.
pub const MAX_ROW_HEIGHT: f64 = 409.0;
/// The font size the display widths are measured at: at this size a narrow character is one
/// Excel character unit and a Chinese character two. (A Chinese glyph at 10 pt is about 1.9
/// units of the default 11 pt font, so measuring at 10 pt rounds up.)
const REFERENCE_SIZE: f64 = 10.0;
/// What a cell's margins take from its column, in character units.
const CELL_PADDING: f64 = 1.0;
/// A line's height as a multiple of the font size (Chinese fonts need about 1.45).
const LINE_SPACING: f64 = 1.5;
/// One pixel at 96 dpi, in points.
const PIXEL: f64 = 0.75;
/// Space above and below the lines of a row, in points.
const ROW_PADDING: f64 = 3.0;

/// Whether `c` is drawn full width by a Chinese font: East Asian wide and fullwidth
/// characters, and the punctuation a Chinese font draws full width (quotes, dashes, the
/// ellipsis, the middle dot, ×, circled numbers, roman numerals, geometric shapes).
pub fn is_wide(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00B7
            | 0x00D7
            | 0x00F7
            | 0x1100..=0x115F
            | 0x2010..=0x203B
            | 0x2160..=0x217F
            | 0x2460..=0x24FF
            | 0x25A0..=0x25FF
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x20000..=0x3FFFD
    )
}

/// One character's display width: 2 for a wide character, else 1.
pub fn char_width(c: char) -> u32 {
    if is_wide(c) {
        2
    } else {
        1
    }
}

/// The display width of `text` in Excel character units at 10 pt: its widest line, where an
/// explicit newline starts a new line, a wide character counts 2 and any other 1.
pub fn display_width(text: &str) -> u32 {
    explicit_lines(text)
        .map(|line| line.chars().map(char_width).sum())
        .max()
        .unwrap_or(0)
}

/// The lines `text` takes when wrapped in a column `column_width` character units wide at
/// `font_size` points: each explicit line wraps on its own (a Chinese character may start a
/// line anywhere, a run of other characters moves to the next line whole unless it is longer
/// than a line), and an empty text takes one line.
pub fn line_count(text: &str, column_width: f64, font_size: f64) -> u32 {
    let scale = font_size.max(1.0) / REFERENCE_SIZE;
    // Room for at least one wide character per line, however narrow the column.
    let capacity = ((column_width - CELL_PADDING) / scale).max(2.0);
    explicit_lines(text)
        .map(|line| wrapped_lines(line, capacity))
        .sum::<u32>()
        .max(1)
}

/// The height in points of a row of wrapped cells, each given with its column's width (the sum
/// of the widths for a merged cell): the tallest cell's lines, at least one.
pub fn row_height(cells: &[(&str, f64)], font_size: f64) -> f64 {
    let lines = cells
        .iter()
        .map(|(text, width)| line_count(text, *width, font_size))
        .max()
        .unwrap_or(1);
    lines_height(lines, font_size)
}

/// The height in points of `lines` lines at `font_size` (one line at least), rounded up to
/// whole pixels (0.75 pt, as the file stores heights), Excel's maximum at most.
pub fn lines_height(lines: u32, font_size: f64) -> f64 {
    let height = f64::from(lines.max(1)) * font_size * LINE_SPACING + ROW_PADDING;
    ((height / PIXEL).ceil() * PIXEL).min(MAX_ROW_HEIGHT)
}

/// The lines of `text` split at explicit newlines (CRLF or LF).
fn explicit_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
}

/// Greedy wrapping of one line without newlines into lines of `capacity` display units.
fn wrapped_lines(line: &str, capacity: f64) -> u32 {
    let mut lines = 1;
    let mut used = 0.0;
    let mut word = 0.0;
    // Places a run of narrow characters: on this line if it fits, else whole on the next, else
    // broken wherever the line is full.
    let place_word = |word: f64, used: &mut f64, lines: &mut u32| {
        if word <= 0.0 {
            return;
        }
        if *used + word <= capacity {
            *used += word;
        } else if word <= capacity {
            *lines += 1;
            *used = word;
        } else {
            let mut left = word;
            if *used > 0.0 {
                *lines += 1;
            }
            while left > capacity {
                *lines += 1;
                left -= capacity.floor();
            }
            *used = left;
        }
    };
    for c in line.chars() {
        if c == ' ' {
            place_word(word, &mut used, &mut lines);
            word = 0.0;
            // A space at the end of a line hangs past the edge, as in Excel.
            if used > 0.0 && used + 1.0 <= capacity {
                used += 1.0;
            }
        } else if is_wide(c) {
            place_word(word, &mut used, &mut lines);
            word = 0.0;
            if used + 2.0 > capacity {
                lines += 1;
                used = 0.0;
            }
            used += 2.0;
        } else {
            word += 1.0;
        }
    }
    place_word(word, &mut used, &mut lines);
    lines
}

/// Whether Excel would turn `text` into a formula (or a DDE call) if a user edited its cell and
/// pressed Enter: it starts with `=`, `+`, `-` or `@`, or with a tab or carriage return (before
/// one of them, or not). The same set as the CSV export neutralises (`csv::text`).
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `format` for `text`: with Excel's quote prefix when the text looks like a formula, so the
/// cell stays text when edited (the prefix is not shown, printed or part of the value).
fn text_format(text: &str, format: &Format) -> Format {
    if looks_like_formula(text) {
        format.clone().set_quote_prefix()
    } else {
        format.clone()
    }
}

/// Writes a text cell: how every workbook of the app writes text (a name, an id, a heading).
pub fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, column, text, &text_format(text, format))?;
    Ok(())
}

/// Writes a text over merged cells, as [`write_text`] does.
pub fn merge_text(
    sheet: &mut Worksheet,
    (first_row, first_column): (u32, u16),
    (last_row, last_column): (u32, u16),
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.merge_range(
        first_row,
        first_column,
        last_row,
        last_column,
        text,
        &text_format(text, format),
    )?;
    Ok(())
}

/// The print setup of a sheet made for paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintLayout {
    /// A4 landscape (else portrait).
    pub landscape: bool,
    /// The sheet row of the table's header: printed on every page, the panes frozen under it.
    pub header_row: u32,
    /// The last row and column printed.
    pub last_row: u32,
    pub last_column: u16,
}

/// A4 in the layout's orientation, one page wide and as many tall as needed, centred, with
/// margins, 第 X 页，共 Y 页 in the footer, the header row on every page, the print area
/// from A1 to the last cell, and the panes frozen under the header.
pub fn set_up_printing(sheet: &mut Worksheet, layout: &PrintLayout) -> Result<(), XlsxError> {
    sheet
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_print_center_horizontally(true)
        .set_footer(FOOTER);
    if layout.landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet.set_repeat_rows(layout.header_row, layout.header_row)?;
    sheet.set_print_area(0, 0, layout.last_row, layout.last_column)?;
    sheet.set_freeze_panes(layout.header_row + 1, 0)?;
    Ok(())
}
