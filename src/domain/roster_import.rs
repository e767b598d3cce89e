//! Importing the institution roster, typically the city platform's 双随机名单, from a CSV or
//! XLSX file. A pure pipeline; nothing is written until the user confirms:
//!
//! 1. [`read_table`] turns the file's bytes into a [`SourceTable`]: CSV decoded from UTF-8 or
//!    GBK/GB18030 ([`decode`]), or the first non-empty sheet of an XLSX; title rows above the
//!    header are skipped and every row keeps the number the user sees in the spreadsheet.
//! 2. [`guess_mapping`] proposes which [`Field`] each column fills (the user may change it;
//!    [`mapping_problems`] says what is wrong with a mapping).
//! 3. [`plan_import`] says for every row what it would become (new, update, unchanged,
//!    duplicate of an earlier row, refused) with its problems, each naming the row and the
//!    column as the user sees them; [`RosterImport::to_write`] gives the records to put.
//!
//! Cells are taken as text and never evaluated: a CSV cell such as `=1+1` is imported as the
//! text `=1+1`. Every export neutralises such text again (`export::csv::text`), so it cannot
//! run as a formula in the spreadsheet of whoever opens an export.

mod decode;
mod mapping;
mod plan;
mod row;
mod table;
mod values;
mod xlsx;
mod xlsx_bounds;

pub use decode::{decode, Decoded, Encoding};
pub use mapping::{guess_mapping, mapping_problems, Field, IGNORE_LABEL};
pub use plan::{plan_import, ImportRow, Outcome, RosterImport, Summary};
pub use table::{read_table, CellProblem, SourceRow, SourceTable};

/// The largest file accepted, in bytes (10 MB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The most data rows accepted in one file.
pub const MAX_DATA_ROWS: usize = 20_000;
/// The most columns read; a file with content beyond them is refused (a roster has a few
/// dozen at most).
pub const MAX_COLUMNS: usize = 200;
/// The longest cell accepted, in characters; a longer one is a cell problem of its row (the
/// longest field a unit keeps is far shorter, and an exchange file refuses texts over
/// `exchange::file::MAX_TEXT_CHARS`).
pub const MAX_CELL_CHARS: usize = 2_000;
/// The most parts (files inside the ZIP) of an XLSX workbook; Excel writes a few dozen.
pub const MAX_XLSX_PARTS: usize = 1_000;
/// The most bytes all parts of an XLSX workbook may unpack to (100 MB): a 20,000-row roster
/// unpacks to a few tens of MB, while a hostile ZIP of 10 MB can unpack to gigabytes.
pub const MAX_XLSX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// The most shared strings a workbook may announce: the spreadsheet reader reserves memory for
/// that many at once, so a forged count would exhaust it. More than the cells of
/// [`MAX_DATA_ROWS`] rows of 50 distinct texts each.
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;

/// Why a whole file cannot be read; [`ImportProblem::message`] is what the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// No bytes at all.
    Empty,
    /// Larger than [`MAX_FILE_BYTES`]; holds the size in bytes.
    TooLarge(usize),
    /// More than [`MAX_DATA_ROWS`] data rows.
    TooManyRows,
    /// Content beyond [`MAX_COLUMNS`] columns; holds the first spreadsheet row with some.
    TooManyColumns(usize),
    /// An XLSX of more than [`MAX_XLSX_PARTS`] parts; holds their number.
    TooManyParts(usize),
    /// An XLSX whose parts unpack to more than [`MAX_XLSX_UNPACKED_BYTES`].
    UnpackedTooLarge,
    /// An XLSX announcing more than [`MAX_SHARED_STRINGS`] shared strings; holds the number.
    TooManySharedStrings(u64),
    /// A text file in UTF-16 (Excel's "Unicode 文本").
    Utf16,
    /// Neither UTF-8 nor GBK/GB18030 text.
    UnknownEncoding,
    /// Binary content that is no spreadsheet; holds what it looks like, if known ("PNG图片").
    NotText(Option<&'static str>),
    /// An old binary Excel file (.xls) or a WPS .et file.
    OldExcel,
    /// A file named .xlsx (or a ZIP) that cannot be read as a workbook; holds the reader's
    /// reason for the record.
    BadXlsx(String),
    /// The CSV reader failed; holds its reason for the record.
    BadCsv(String),
    /// The file holds no non-empty row.
    NoRows,
}

impl ImportProblem {
    /// The message shown to the user, in Chinese.
    pub fn message(&self) -> String {
        const SAVE_AS: &str =
            "请在Excel中另存为“Excel工作簿(*.xlsx)”或“CSV(逗号分隔)(*.csv)”后再导入";
        match self {
            Self::Empty => "文件是空的".to_string(),
            Self::TooLarge(bytes) => format!(
                "文件过大（{:.1} MB），最多导入{} MB的文件，请分成几个文件导入",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            Self::TooManyRows => format!("文件超过{MAX_DATA_ROWS}行数据，请分成几个文件导入"),
            Self::TooManyColumns(row) => format!(
                "第{row}行在第{MAX_COLUMNS}列之后还有内容，名单最多{MAX_COLUMNS}列，\
                 请删除多余的列后再导入"
            ),
            Self::TooManyParts(parts) => format!(
                "这个XLSX文件内含{parts}个部件，超过上限{MAX_XLSX_PARTS}个，不是普通的名单表格，{SAVE_AS}"
            ),
            Self::UnpackedTooLarge => format!(
                "这个XLSX文件解压后超过{} MB，未读取；请删除无关的工作表和图片，或分成几个文件导入",
                MAX_XLSX_UNPACKED_BYTES / (1024 * 1024)
            ),
            Self::TooManySharedStrings(count) => format!(
                "这个XLSX文件声明有{count}个共享文本，超过上限{MAX_SHARED_STRINGS}个，\
                 文件可能已损坏，{SAVE_AS}"
            ),
            Self::Utf16 => format!("不支持UTF-16编码（“Unicode文本”）的文件，{SAVE_AS}"),
            Self::UnknownEncoding => {
                format!("无法识别文件的编码（既不是UTF-8也不是GBK/GB18030），{SAVE_AS}")
            }
            Self::NotText(Some(what)) => {
                format!("这是{what}，不是名单表格，请选择XLSX或CSV格式的名单文件")
            }
            Self::NotText(None) => {
                "文件不是文本，也不是XLSX表格，请选择XLSX或CSV格式的名单文件".to_string()
            }
            Self::OldExcel => format!("不支持旧版Excel（.xls）或WPS（.et）文件，{SAVE_AS}"),
            Self::BadXlsx(_) => format!("无法读取这个XLSX文件，文件可能已损坏，{SAVE_AS}"),
            Self::BadCsv(_) => format!("无法读取这个CSV文件，{SAVE_AS}"),
            Self::NoRows => "文件中没有数据".to_string(),
        }
    }
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Whether a row problem keeps the row out of the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The row is not imported.
    Error,
    /// The row is imported; the user should check it.
    Warning,
}

/// One problem of one row: the spreadsheet row number (header is row 1 unless title rows are
/// above it), the column as its header reads, and the reason in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: String,
    pub message: String,
    pub severity: Severity,
}

impl RowProblem {
    pub fn error(row: usize, column: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(row, column, message, Severity::Error)
    }

    pub fn warning(row: usize, column: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(row, column, message, Severity::Warning)
    }

    fn new(row: usize, column: impl Into<String>, message: impl Into<String>, s: Severity) -> Self {
        Self {
            row,
            column: column.into(),
            message: message.into(),
            severity: s,
        }
    }

    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The whole message: "第5行“统一社会信用代码”：…" (without a column when it has none).
    pub fn text(&self) -> String {
        if self.column.is_empty() {
            format!("第{}行：{}", self.row, self.message)
        } else {
            format!("第{}行“{}”：{}", self.row, self.column, self.message)
        }
    }
}

/// The spreadsheet name of a 0-based column: 0 → "A", 26 → "AA".
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}
