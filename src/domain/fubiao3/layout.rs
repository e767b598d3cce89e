//! The official layout of 附表3 (医疗卫生“回头看”检查情况汇总表) as versioned data: the title, the
//! 3-row header with its merged cells, the label cells of the 4 data rows, and the note under
//! the table. The XLSX export, the on-screen table and the print view are all drawn from it, so
//! they cannot disagree. The 27 不合格情况 columns and their six groups come from
//! [`SummaryColumn`], the row labels from [`SummaryRow`]; nothing is typed twice.
//!
//! Coordinates: the grid is [`COLUMNS`] wide (类别 takes columns A:B, then 33 data columns).
//! Header cells count rows from the top of the header block (0..3); row-label cells count rows
//! from the first data row (0..4). A spreadsheet adds its own offset (the title row above).

use std::sync::OnceLock;

use crate::domain::catalog::summary_column::group;
use crate::domain::catalog::SummaryColumn;
use crate::domain::huitoukan::SummaryRow;
use crate::domain::labelled::Labelled;

/// Columns taken by the 类别 labels (A:B).
pub const LABEL_COLUMNS: u16 = 2;
/// Data columns: 被处罚单位数, 检查单位数, 27 不合格情况, 4 行政处罚情况.
pub const DATA_COLUMNS: u16 = 33;
/// The grid's whole width.
pub const COLUMNS: u16 = LABEL_COLUMNS + DATA_COLUMNS;
/// Rows of the header block.
pub const HEADER_ROWS: u16 = 3;

/// The 行政处罚情况 columns, in table order.
const PENALTY_COLUMNS: [&str; 4] = [
    "查处案件数",
    "罚没款金额（万元）",
    "吊销《医疗机构执业许可证》单位数",
    "吊销诊疗科目单位数",
];

/// A labelled cell of the grid (a column header, or a row label) with its merge span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderCell {
    /// The official text, verbatim.
    pub text: &'static str,
    /// First row, relative to its block (header or data).
    pub row: u16,
    /// First column, from column A = 0.
    pub column: u16,
    /// Rows covered (HTML `rowspan`), at least 1.
    pub row_span: u16,
    /// Columns covered (HTML `colspan`), at least 1.
    pub column_span: u16,
}

impl HeaderCell {
    const fn new(
        text: &'static str,
        row: u16,
        column: u16,
        row_span: u16,
        column_span: u16,
    ) -> Self {
        Self {
            text,
            row,
            column,
            row_span,
            column_span,
        }
    }

    /// The last row covered.
    pub fn last_row(&self) -> u16 {
        self.row + self.row_span - 1
    }

    /// The last column covered.
    pub fn last_column(&self) -> u16 {
        self.column + self.column_span - 1
    }

    /// Whether the cell covers more than one grid cell (a spreadsheet merge).
    pub fn is_merged(&self) -> bool {
        self.row_span > 1 || self.column_span > 1
    }

    /// Whether the cell covers grid column `column`.
    pub fn covers_column(&self, column: u16) -> bool {
        (self.column..=self.last_column()).contains(&column)
    }
}

/// One edition of 附表3's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fubiao3Layout {
    /// The edition's id, e.g. "2022".
    pub edition: &'static str,
    /// The table's title.
    pub title: &'static str,
    /// The note printed under the table, verbatim.
    pub note: &'static str,
    /// Header cells in row order, left to right within a row.
    pub header: Vec<HeaderCell>,
    /// The data rows, top to bottom.
    pub rows: Vec<SummaryRow>,
    /// The 类别 label cells of the data rows, in row order, left to right within a row.
    pub row_labels: Vec<HeaderCell>,
}

impl Fubiao3Layout {
    /// The header cells grouped by the row they start in (3 rows), for HTML `<tr>`s.
    pub fn header_rows(&self) -> Vec<Vec<&HeaderCell>> {
        by_row(&self.header, HEADER_ROWS)
    }

    /// The row-label cells grouped by the data row they start in (one entry per data row; the
    /// last row of a label merged over two rows has only its own 类别 cell), for HTML `<tr>`s.
    pub fn row_label_rows(&self) -> Vec<Vec<&HeaderCell>> {
        by_row(&self.row_labels, self.rows.len() as u16)
    }

    /// The header cells directly above the data (one per data column, left to right): 被处罚单位数,
    /// 检查单位数, the 27 不合格情况 columns, the 4 行政处罚情况 columns.
    pub fn leaves(&self) -> Vec<&HeaderCell> {
        let mut leaves: Vec<&HeaderCell> = self
            .header
            .iter()
            .filter(|c| c.column >= LABEL_COLUMNS && c.last_row() == HEADER_ROWS - 1)
            .collect();
        leaves.sort_by_key(|c| c.column);
        leaves
    }

    /// The 33 data columns' labels, left to right.
    pub fn leaf_labels(&self) -> Vec<&'static str> {
        self.leaves().iter().map(|c| c.text).collect()
    }

    /// Every header text standing over a data column, top to bottom (e.g. 不合格情况,
    /// 医疗机构资质管理, 执业许可证管理不符合要求单位数), one path per data column.
    pub fn leaf_paths(&self) -> Vec<Vec<&'static str>> {
        self.leaves()
            .iter()
            .map(|leaf| {
                let mut path: Vec<&HeaderCell> = self
                    .header
                    .iter()
                    .filter(|c| c.covers_column(leaf.column))
                    .collect();
                path.sort_by_key(|c| c.row);
                path.iter().map(|c| c.text).collect()
            })
            .collect()
    }

    /// The label of the 类别 column (the header cell over A:B).
    pub fn category_label(&self) -> &'static str {
        self.header
            .iter()
            .find(|c| c.row == 0 && c.column == 0)
            .map_or("类别", |c| c.text)
    }

    /// The data row a table row is printed in.
    pub fn row_index(&self, row: SummaryRow) -> Option<usize> {
        self.rows.iter().position(|&r| r == row)
    }
}

/// The 2022 edition (the seed's 附表3), built once.
pub fn edition_2022() -> &'static Fubiao3Layout {
    static LAYOUT: OnceLock<Fubiao3Layout> = OnceLock::new();
    LAYOUT.get_or_init(|| Fubiao3Layout {
        edition: "2022",
        title: "医疗卫生“回头看”检查情况汇总表",
        note: "注：数据包含2022 年度重庆市卫生健康领域“双随机、一公开” 市级监督抽查中有关医院的检查数据",
        header: header_2022(),
        rows: SummaryRow::ALL.to_vec(),
        row_labels: row_labels(SummaryRow::ALL),
    })
}

/// The 3-row header: 类别 and the two unit counts 3 rows high, 不合格情况 over its six groups
/// over the 27 columns, 行政处罚情况 over its 4 columns (each 2 rows high).
fn header_2022() -> Vec<HeaderCell> {
    let first_area = LABEL_COLUMNS + 2;
    let areas = SummaryColumn::ALL.len() as u16;
    let first_penalty = first_area + areas;
    let mut cells = vec![
        HeaderCell::new("类别", 0, 0, 3, LABEL_COLUMNS),
        HeaderCell::new("被处罚单位数", 0, LABEL_COLUMNS, 3, 1),
        HeaderCell::new("检查单位数", 0, LABEL_COLUMNS + 1, 3, 1),
        HeaderCell::new("不合格情况", 0, first_area, 1, areas),
        HeaderCell::new(
            "行政处罚情况",
            0,
            first_penalty,
            1,
            PENALTY_COLUMNS.len() as u16,
        ),
    ];
    cells.extend(groups(first_area));
    cells.extend(
        (first_penalty..)
            .zip(PENALTY_COLUMNS)
            .map(|(column, text)| HeaderCell::new(text, 1, column, 2, 1)),
    );
    cells.extend(
        (first_area..)
            .zip(SummaryColumn::ALL)
            .map(|(column, c)| HeaderCell::new(c.label(), 2, column, 1, 1)),
    );
    cells
}

/// One row-1 cell per run of consecutive [`SummaryColumn`]s in the same group.
fn groups(first_column: u16) -> Vec<HeaderCell> {
    let mut cells: Vec<HeaderCell> = Vec::new();
    for (column, &c) in (first_column..).zip(SummaryColumn::ALL) {
        match cells.last_mut() {
            Some(last) if last.text == group(c) => last.column_span += 1,
            _ => cells.push(HeaderCell::new(group(c), 1, column, 1, 1)),
        }
    }
    cells
}

/// The 类别 cells of the data rows. A label "campaign — kind" puts the campaign in column A,
/// merged down over consecutive rows of the same campaign, and the kind in column B; any other
/// label spans A:B.
fn row_labels(rows: &[SummaryRow]) -> Vec<HeaderCell> {
    let mut cells: Vec<HeaderCell> = Vec::new();
    let mut campaign: Option<usize> = None;
    for (row, &r) in (0u16..).zip(rows) {
        match r.label().split_once('—') {
            Some((name, kind)) => {
                let name = name.trim();
                match campaign.and_then(|i| cells.get_mut(i)) {
                    Some(cell) if cell.text == name && cell.last_row() + 1 == row => {
                        cell.row_span += 1;
                    }
                    _ => {
                        campaign = Some(cells.len());
                        cells.push(HeaderCell::new(name, row, 0, 1, 1));
                    }
                }
                cells.push(HeaderCell::new(kind.trim(), row, 1, 1, 1));
            }
            None => {
                campaign = None;
                cells.push(HeaderCell::new(r.label(), row, 0, 1, LABEL_COLUMNS));
            }
        }
    }
    cells
}

/// Cells grouped by their first row, `rows` groups, each left to right.
fn by_row(cells: &[HeaderCell], rows: u16) -> Vec<Vec<&HeaderCell>> {
    (0..rows)
        .map(|row| {
            let mut in_row: Vec<&HeaderCell> = cells.iter().filter(|c| c.row == row).collect();
            in_row.sort_by_key(|c| c.column);
            in_row
        })
        .collect()
}
