//! One data row as field values (with the problems of its cells), and how those values are
//! applied to a record: an imported value replaces the record's, an empty cell never clears
//! it, and a later duplicate row only fills what the first row left empty.

use std::collections::BTreeSet;

use super::mapping::Field;
use super::table::{SourceRow, SourceTable};
use super::values;
use super::RowProblem;
use crate::domain::credit_code;
use crate::domain::institution::{
    HospitalLevel, Institution, InstitutionType, Ownership, RegistrationKind, Service,
};
use crate::domain::labelled::Labelled;

/// The column each field is read from (the first one mapped to it) and its header text.
pub(super) struct Columns<'a> {
    columns: Vec<Option<(usize, &'a str)>>,
}

impl<'a> Columns<'a> {
    pub fn new(table: &'a SourceTable, mapping: &[Option<Field>]) -> Self {
        let columns = Field::ALL
            .iter()
            .map(|field| {
                let at = mapping.iter().position(|m| *m == Some(*field))?;
                Some((at, table.header.get(at).map_or("", String::as_str)))
            })
            .collect();
        Self { columns }
    }

    fn at(&self, field: Field) -> Option<(usize, &'a str)> {
        let index = Field::ALL.iter().position(|f| *f == field)?;
        self.columns[index]
    }

    /// The header text of a field's column, or the field's name when no column fills it.
    pub fn header(&self, field: Field) -> String {
        self.at(field)
            .map_or(field.label(), |(_, header)| header)
            .to_string()
    }

    /// Whether a column is imported.
    pub fn imports(&self, column: usize) -> bool {
        self.columns.iter().flatten().any(|(at, _)| *at == column)
    }
}

/// What one row says; empty texts and `None` mean the file leaves the field empty.
#[derive(Debug, Default, Clone)]
pub(super) struct Values {
    pub name: String,
    pub number: Option<(RegistrationKind, String)>,
    pub kind: Option<InstitutionType>,
    pub level: Option<HospitalLevel>,
    pub ownership: Option<Ownership>,
    pub address: String,
    pub township: String,
    pub legal_representative: String,
    pub contact_person: String,
    pub contact_phone: String,
    pub services: BTreeSet<Service>,
}

impl Values {
    /// The normalised registration number, if the row has one.
    pub fn number_key(&self) -> Option<String> {
        self.number
            .as_ref()
            .map(|(_, n)| credit_code::normalize(n))
            .filter(|n| !n.is_empty())
    }
}

/// Reads a row's cells into values; every problem names the row and the column.
pub(super) fn parse(row: &SourceRow, columns: &Columns<'_>) -> (Values, Vec<RowProblem>) {
    let mut values = Values::default();
    let mut problems = Vec::new();
    let r = row.row;
    for &field in Field::ALL {
        let Some((at, header)) = columns.at(field) else {
            continue;
        };
        let cell = row.cell(at);
        if cell.is_empty() || values::is_placeholder(cell) {
            continue;
        }
        let mut error = |message: String| problems.push(RowProblem::error(r, header, message));
        match field {
            Field::Name => values.name = cell.to_string(),
            Field::RegistrationNumber => {
                match values::registration(cell, values::takes_other_numbers(header)) {
                    Ok(number) => values.number = Some(number),
                    Err(message) => error(message),
                }
            }
            Field::Kind => match values::kind(cell) {
                Ok((kind, warning)) => {
                    values.kind = Some(kind);
                    if let Some(warning) = warning {
                        problems.push(RowProblem::warning(r, header, warning));
                    }
                }
                Err(message) => error(message),
            },
            Field::Level => match values::level(cell) {
                Ok(level) => values.level = Some(level),
                Err(message) => error(message),
            },
            Field::Ownership => match values::ownership(cell) {
                Ok(ownership) => values.ownership = Some(ownership),
                Err(message) => error(message),
            },
            Field::Address => values.address = cell.to_string(),
            Field::Township => values.township = cell.to_string(),
            Field::LegalRepresentative => values.legal_representative = cell.to_string(),
            Field::ContactPerson => values.contact_person = cell.to_string(),
            Field::ContactPhone => values.contact_phone = cell.to_string(),
            Field::Services => {
                let (found, unknown) = values::services(cell);
                values.services = found;
                if !unknown.is_empty() {
                    let items = unknown.join("、");
                    if header.contains("科目") {
                        // A licence's 诊疗科目 lists 内科, 外科, …: only some are services.
                        let message = format!("以下诊疗科目不是开展服务，未导入：{items}");
                        problems.push(RowProblem::warning(r, header, message));
                    } else {
                        let accepted = values::accepted_services();
                        error(format!("无法识别服务“{items}”，可填写：{accepted}"));
                    }
                }
            }
        }
    }
    if values.name.is_empty() {
        problems.push(RowProblem::error(
            r,
            columns.header(Field::Name),
            "未填写名称",
        ));
    }
    (values, problems)
}

/// Applies a row's values to a record. With `fill_only` (a later duplicate row) a value only
/// fills an empty field, and a different value is reported instead of applied. Level and
/// ownership are kept only for hospitals; dropping one is reported.
pub(super) fn apply(
    record: &mut Institution,
    values: &Values,
    fill_only: bool,
    columns: &Columns<'_>,
    row: usize,
    first_row: usize,
) -> Vec<RowProblem> {
    // Fields where the row differs from the value kept, and hospital-only values dropped.
    let mut kept: Vec<(Field, String)> = Vec::new();
    let mut dropped: Vec<(Field, &'static str)> = Vec::new();
    let k = &mut kept;
    fill_text(k, fill_only, Field::Name, &mut record.name, &values.name);
    fill_text(
        k,
        fill_only,
        Field::Address,
        &mut record.address,
        &values.address,
    );
    fill_text(
        k,
        fill_only,
        Field::Township,
        &mut record.township,
        &values.township,
    );
    fill_text(
        k,
        fill_only,
        Field::LegalRepresentative,
        &mut record.legal_representative,
        &values.legal_representative,
    );
    let person = &mut record.contact_person;
    fill_text(
        k,
        fill_only,
        Field::ContactPerson,
        person,
        &values.contact_person,
    );
    let phone = &mut record.contact_phone;
    fill_text(
        k,
        fill_only,
        Field::ContactPhone,
        phone,
        &values.contact_phone,
    );
    if let Some((kind, number)) = &values.number {
        let same = credit_code::normalize(&record.registration_number)
            == credit_code::normalize(number)
            && record.registration_kind == *kind;
        if same {
        } else if fill_only && !record.registration_number.trim().is_empty() {
            let current = record.registration_number.trim().to_string();
            kept.push((Field::RegistrationNumber, current));
        } else {
            record.registration_kind = *kind;
            record.registration_number = number.clone();
        }
    }
    if let Some(kind) = values.kind {
        match record.kind {
            Some(current) if current == kind => {}
            Some(current) if fill_only => kept.push((Field::Kind, current.label().to_string())),
            _ => record.set_kind(Some(kind)),
        }
    }
    let hospital = record.kind.is_some_and(InstitutionType::is_hospital);
    if let Some(level) = values.level {
        if hospital {
            choose(&mut kept, fill_only, Field::Level, &mut record.level, level);
        } else {
            dropped.push((Field::Level, level.label()));
        }
    }
    if let Some(ownership) = values.ownership {
        if hospital {
            choose(
                &mut kept,
                fill_only,
                Field::Ownership,
                &mut record.ownership,
                ownership,
            );
        } else {
            dropped.push((Field::Ownership, ownership.label()));
        }
    }
    record.services.extend(values.services.iter().copied());
    let differs = kept.into_iter().map(|(field, value)| {
        let message = format!("与第{first_row}行不同，保留第{first_row}行的“{value}”");
        RowProblem::warning(row, columns.header(field), message)
    });
    let dropped = dropped.into_iter().map(|(field, value)| {
        let message = format!("机构类别不是医院，“{value}”未导入");
        RowProblem::warning(row, columns.header(field), message)
    });
    differs.chain(dropped).collect()
}

fn fill_text(
    kept: &mut Vec<(Field, String)>,
    fill_only: bool,
    field: Field,
    target: &mut String,
    value: &str,
) {
    if value.is_empty() || target.trim() == value {
    } else if fill_only && !target.trim().is_empty() {
        kept.push((field, target.trim().to_string()));
    } else {
        *target = value.to_string();
    }
}

fn choose<T: Labelled + PartialEq>(
    kept: &mut Vec<(Field, String)>,
    fill_only: bool,
    field: Field,
    slot: &mut Option<T>,
    value: T,
) {
    match *slot {
        Some(current) if current == value => {}
        Some(current) if fill_only => kept.push((field, current.label().to_string())),
        _ => *slot = Some(value),
    }
}
