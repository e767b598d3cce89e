//! What importing a table would do, row by row, before anything is written: which rows add an
//! institution, update one already in the roster, change nothing, repeat an earlier row, or
//! are refused, with every problem found.
//!
//! Matching: a row is the same institution as a roster record (or an earlier row) with the
//! same normalised registration number, the key that merging between devices uses; a row
//! without one, or whose match has none, matches by exact name and address instead. Two
//! different numbers never match.
//!
//! Completeness: the roster stores records as typed and marks incomplete ones 信息待完善, so
//! a row that is readable but incomplete (a hospital without its level, no type) is imported
//! with a warning rather than refused. Only unreadable values refuse a row: no name, a wrong
//! credit code, a type, level, ownership or service that names nothing known, or an unreadable
//! cell (a formula without its value).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::mapping::Field;
use super::row::{self, Columns, Values};
use super::table::{CellProblem, SourceTable};
use super::RowProblem;
use crate::domain::credit_code;
use crate::domain::institution::{validate, Institution, InstitutionField};

/// What a row does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Adds an institution.
    New,
    /// Changes a roster record.
    Update { existing_id: String },
    /// Names a roster record and changes nothing.
    Unchanged { existing_id: String },
    /// The same institution as an earlier row, merged into it (it fills only what that row
    /// left empty).
    Duplicate { first_row: usize },
    /// Not imported because of an error in its problems.
    Refused,
}

/// One data row of the file and what it would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The spreadsheet row number.
    pub row: usize,
    /// The record the row would become (for a duplicate: the merged record of its first row;
    /// for a refused row: what could be read, with no id).
    pub institution: Institution,
    pub outcome: Outcome,
    /// Errors (the row is refused) and warnings, in the order found.
    pub problems: Vec<RowProblem>,
}

/// The plan for a whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterImport {
    pub rows: Vec<ImportRow>,
    /// Rows with nothing in the imported columns (a 序号 alone, a 备注), left out of `rows`.
    pub skipped: Vec<usize>,
}

/// Counts for the confirmation ("新增12个，更新3个…").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows merged into an earlier row.
    pub duplicates: usize,
    pub refused: usize,
    /// Rows with nothing to import.
    pub skipped: usize,
    /// Imported rows (new or updated) that carry a warning.
    pub with_warnings: usize,
}

impl RosterImport {
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            skipped: self.skipped.len(),
            ..Summary::default()
        };
        for row in &self.rows {
            match row.outcome {
                Outcome::New => summary.new += 1,
                Outcome::Update { .. } => summary.updated += 1,
                Outcome::Unchanged { .. } => summary.unchanged += 1,
                Outcome::Duplicate { .. } => summary.duplicates += 1,
                Outcome::Refused => summary.refused += 1,
            }
            let imported = matches!(row.outcome, Outcome::New | Outcome::Update { .. });
            if imported && !row.problems.is_empty() {
                summary.with_warnings += 1;
            }
        }
        summary
    }

    /// The records to put: new and updated ones, in row order. `updated_at` is the `now` given
    /// to [`plan_import`]; marking them as changed on this device is the caller's.
    pub fn to_write(&self) -> Vec<Institution> {
        self.rows
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::New | Outcome::Update { .. }))
            .map(|r| r.institution.clone())
            .collect()
    }

    /// The ids of the units the file names and the import keeps (new, updated or unchanged;
    /// not refused), each once, in row order: what joins a plan chosen with the import.
    pub fn unit_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for row in &self.rows {
            let id = match &row.outcome {
                Outcome::Update { existing_id } | Outcome::Unchanged { existing_id } => existing_id,
                Outcome::New => &row.institution.id,
                _ => continue,
            };
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    }

    /// Every problem of every row, in row order.
    pub fn problems(&self) -> impl Iterator<Item = &RowProblem> {
        self.rows.iter().flat_map(|r| r.problems.iter())
    }
}

/// An institution being built from one or more rows.
struct Group {
    /// Index of its first row in the plan's rows.
    first: usize,
    existing: Option<usize>,
    record: Institution,
}

/// Where a number or a name and address were seen first.
#[derive(Default)]
struct Index {
    by_number: HashMap<String, usize>,
    by_place: HashMap<(String, String), usize>,
}

impl Index {
    fn add(&mut self, record: &Institution, at: usize) {
        let number = credit_code::normalize(&record.registration_number);
        if !number.is_empty() {
            self.by_number.entry(number).or_insert(at);
        }
        let place = (
            record.name.trim().to_string(),
            record.address.trim().to_string(),
        );
        self.by_place.entry(place).or_insert(at);
    }

    /// The entry with the row's registration number.
    fn number(&self, values: &Values) -> Option<usize> {
        self.by_number.get(&values.number_key()?).copied()
    }

    /// The entry with the row's name and address, unless both have numbers (then they
    /// differ, or [`Index::number`] would have found it).
    fn place(&self, values: &Values, number_of: impl Fn(usize) -> String) -> Option<usize> {
        let place = (values.name.clone(), values.address.clone());
        let at = *self.by_place.get(&place)?;
        (values.number_key().is_none() || number_of(at).is_empty()).then_some(at)
    }
}

/// What a row joins.
enum Target {
    /// The group of an earlier row.
    Group(usize),
    /// A roster record no earlier row named.
    Existing(usize),
    New,
}

/// Plans the import of a table with a column mapping (see `guess_mapping`) against the roster.
/// `new_id` is called once per new institution, in row order; `now` stamps new and updated
/// records. A field mapped by several columns is read from the first.
pub fn plan_import(
    table: &SourceTable,
    mapping: &[Option<Field>],
    existing: &[Institution],
    mut new_id: impl FnMut() -> String,
    now: DateTime<Utc>,
) -> RosterImport {
    let columns = Columns::new(table, mapping);
    let mut roster = Index::default();
    for (at, record) in existing.iter().enumerate() {
        roster.add(record, at);
    }
    let mut rows: Vec<ImportRow> = Vec::with_capacity(table.rows.len());
    let mut groups: Vec<Group> = Vec::new();
    let mut seen = Index::default();
    let mut group_of_existing: HashMap<usize, usize> = HashMap::new();
    let mut group_of_row: Vec<Option<usize>> = Vec::with_capacity(table.rows.len());
    let mut cells_by_row: HashMap<usize, Vec<&CellProblem>> = HashMap::new();
    for problem in &table.cell_problems {
        cells_by_row.entry(problem.row).or_default().push(problem);
    }
    let mut skipped = Vec::new();
    for source in &table.rows {
        let unreadable = cells_by_row.get(&source.row).into_iter().flatten();
        let imports = |column: usize| columns.imports(column);
        let blank = |(column, cell): (usize, &String)| !imports(column) || cell.is_empty();
        if source.cells.iter().enumerate().all(blank)
            && !unreadable.clone().any(|p| imports(p.column))
        {
            skipped.push(source.row);
            continue;
        }
        let (values, mut problems) = row::parse(source, &columns);
        problems.extend(unreadable.filter(|p| columns.imports(p.column)).map(|p| {
            let header = table.header.get(p.column).map_or("", String::as_str);
            RowProblem::error(p.row, header, &p.message)
        }));
        if problems.iter().any(RowProblem::is_blocking) {
            let mut record = Institution::new(String::new(), now);
            problems.extend(row::apply(
                &mut record,
                &values,
                false,
                &columns,
                source.row,
                0,
            ));
            rows.push(refused(source.row, record, problems));
            group_of_row.push(None);
            continue;
        }
        let number_of = |r: &Institution| credit_code::normalize(&r.registration_number);
        let target = seen
            .number(&values)
            .map(Target::Group)
            .or_else(|| roster.number(&values).map(Target::Existing))
            .or_else(|| {
                let at = seen.place(&values, |g| number_of(&groups[g].record))?;
                Some(Target::Group(at))
            })
            .or_else(|| {
                let at = roster.place(&values, |e| number_of(&existing[e]))?;
                Some(Target::Existing(at))
            })
            .unwrap_or(Target::New);
        let target = match target {
            Target::Existing(e) => group_of_existing
                .get(&e)
                .map_or(Target::Existing(e), |g| Target::Group(*g)),
            other => other,
        };
        let (g, first_row) = match target {
            Target::Group(g) => {
                let first_row = rows[groups[g].first].row;
                let same_number = values.number_key() == Some(number_of(&groups[g].record));
                let (field, why) = if same_number {
                    (Field::RegistrationNumber, "统一社会信用代码/登记号相同")
                } else {
                    (Field::Name, "名称和地址相同")
                };
                let message =
                    format!("与第{first_row}行是同一机构（{why}），已合并到第{first_row}行");
                problems.push(RowProblem::warning(
                    source.row,
                    columns.header(field),
                    message,
                ));
                (g, Some(first_row))
            }
            Target::Existing(e) => {
                group_of_existing.insert(e, groups.len());
                groups.push(Group {
                    first: rows.len(),
                    existing: Some(e),
                    record: existing[e].clone(),
                });
                (groups.len() - 1, None)
            }
            Target::New => {
                groups.push(Group {
                    first: rows.len(),
                    existing: None,
                    record: Institution::new(new_id(), now),
                });
                (groups.len() - 1, None)
            }
        };
        let group = &mut groups[g];
        let (fill_only, first) = (first_row.is_some(), first_row.unwrap_or(0));
        let record = &mut group.record;
        problems.extend(row::apply(
            record, &values, fill_only, &columns, source.row, first,
        ));
        seen.add(&group.record, g);
        let outcome = match first_row {
            Some(first_row) => Outcome::Duplicate { first_row },
            None => Outcome::New,
        };
        rows.push(ImportRow {
            row: source.row,
            institution: group.record.clone(),
            outcome,
            problems,
        });
        group_of_row.push(Some(g));
    }
    for group in &mut groups {
        finish(group, &mut rows[group.first], existing, &columns, now);
    }
    for (row, g) in rows.iter_mut().zip(group_of_row) {
        if let (Some(g), Outcome::Duplicate { .. }) = (g, &row.outcome) {
            row.institution = groups[g].record.clone();
        }
    }
    RosterImport { rows, skipped }
}

fn refused(row: usize, institution: Institution, problems: Vec<RowProblem>) -> ImportRow {
    ImportRow {
        row,
        institution,
        outcome: Outcome::Refused,
        problems,
    }
}

/// Decides a group's outcome once all its rows are merged, stamps it and warns about what
/// the record still lacks.
fn finish(
    group: &mut Group,
    first: &mut ImportRow,
    existing: &[Institution],
    columns: &Columns<'_>,
    now: DateTime<Utc>,
) {
    first.outcome = match group.existing {
        Some(e) if existing[e] == group.record => Outcome::Unchanged {
            existing_id: existing[e].id.clone(),
        },
        Some(e) => Outcome::Update {
            existing_id: existing[e].id.clone(),
        },
        None => Outcome::New,
    };
    if let Outcome::Unchanged { .. } = first.outcome {
        first.institution = group.record.clone();
        return;
    }
    group.record.updated_at = now;
    first.institution = group.record.clone();
    for error in validate(&group.record) {
        let field = match error.field {
            InstitutionField::Name => Field::Name,
            InstitutionField::RegistrationNumber => Field::RegistrationNumber,
            InstitutionField::Kind => Field::Kind,
            InstitutionField::Level => Field::Level,
            InstitutionField::Ownership => Field::Ownership,
            InstitutionField::Township => Field::Township,
            InstitutionField::ContactPhone => Field::ContactPhone,
        };
        let message = format!("信息待完善：{}", error.message);
        let problem = RowProblem::warning(first.row, columns.header(field), message);
        first.problems.push(problem);
    }
}
