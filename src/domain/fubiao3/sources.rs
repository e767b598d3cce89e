//! What stands behind one cell of 附表3: the units it counts and, for each, the findings,
//! original violations and measures that put it there, so a tap on a number can be checked
//! against the records. Pure.

use crate::domain::catalog::{Catalog, SummaryColumn};
use crate::domain::handling::{yuan_as_wan, Handling};
use crate::domain::huitoukan::{violations, SummaryRow};
use crate::domain::inspection::{Inspection, Verdict};
use crate::domain::institution::Institution;
use crate::domain::labelled::Labelled;
use crate::domain::plan::Plan;

use super::{
    column_bit, population, Fubiao3Index, CASES_CELL, FINES_CELL, FIRST_COLUMN_CELL,
    INSPECTED_CELL, PENALISED_CELL, REVOKED_LICENCE_CELL, REVOKED_SUBJECT_CELL,
};

/// One unit counted in a cell, with what put it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellSource {
    pub institution_id: String,
    pub institution_name: String,
    /// The follow-up inspections concerned, oldest id first.
    pub inspection_ids: Vec<String>,
    /// One line per finding, violation, measure or penalty, in Chinese.
    pub details: Vec<String>,
}

impl Fubiao3Index {
    /// The units behind one data cell (`cell` as in [`super::Fubiao3Row::cells`]) of `row`,
    /// in plan order; empty for a zero cell.
    pub fn sources(
        &self,
        plan: &Plan,
        institutions: &[Institution],
        inspections: &[Inspection],
        catalog: &Catalog,
        row: SummaryRow,
        cell: usize,
    ) -> Vec<CellSource> {
        let population = population(plan, institutions);
        let units = population.get(&row).map(Vec::as_slice).unwrap_or_default();
        units
            .iter()
            .filter_map(|unit| {
                let counted = self.counted_by_id(&plan.id, &unit.id);
                let follow_ups: Vec<&Inspection> = counted
                    .keys()
                    .filter_map(|id| inspections.iter().find(|i| i.id == *id))
                    .collect();
                let details = details(unit, row, &follow_ups, catalog, cell);
                let totals = self.unit_totals(&plan.id, unit);
                let counts = match cell {
                    PENALISED_CELL => true,
                    INSPECTED_CELL => totals.inspected,
                    CASES_CELL => totals.cases > 0,
                    FINES_CELL => totals.fines_yuan > 0,
                    REVOKED_LICENCE_CELL => totals.revoked_licence,
                    REVOKED_SUBJECT_CELL => totals.revoked_subject,
                    n => column_at(n).is_some_and(|c| totals.columns & column_bit(c) != 0),
                };
                counts.then(|| CellSource {
                    institution_id: unit.id.clone(),
                    institution_name: unit.display_name().to_string(),
                    inspection_ids: counted.keys().map(|id| id.to_string()).collect(),
                    details,
                })
            })
            .collect()
    }
}

/// The 不符合 column of a data cell, if it is one.
fn column_at(cell: usize) -> Option<SummaryColumn> {
    SummaryColumn::ALL
        .get(cell.checked_sub(FIRST_COLUMN_CELL)?)
        .copied()
}

/// The lines explaining why `unit` counts in `cell`.
fn details(
    unit: &Institution,
    row: SummaryRow,
    follow_ups: &[&Inspection],
    catalog: &Catalog,
    cell: usize,
) -> Vec<String> {
    let non_compliant = || {
        follow_ups.iter().flat_map(|i| {
            i.answers
                .iter()
                .filter(|(_, a)| a.verdict == Verdict::NonCompliant)
        })
    };
    let measures = |wanted: fn(&Handling) -> Option<String>| -> Vec<String> {
        non_compliant()
            .flat_map(|(point, a)| {
                a.handling
                    .iter()
                    .filter_map(wanted)
                    .map(move |m| format!("{point}：{m}"))
            })
            .collect()
    };
    match cell {
        PENALISED_CELL => unit
            .penalties
            .iter()
            .filter(|p| SummaryRow::of(p.campaign, unit.kind) == row)
            .map(|p| {
                format!(
                    "{}年{} {}",
                    p.year,
                    p.campaign.label(),
                    p.decision_number.trim()
                )
            })
            .collect(),
        INSPECTED_CELL => follow_ups
            .iter()
            .map(|i| {
                let date = i.date.map_or("日期未填".to_string(), |d| d.to_string());
                format!("检查日期 {date}，{}", i.status.label())
            })
            .collect(),
        CASES_CELL => measures(|h| match h {
            Handling::CaseFiled { case_number } => Some(format!("立案 {}", case_number.trim())),
            _ => None,
        }),
        FINES_CELL => measures(|h| match h {
            Handling::Fine { amount_yuan } => Some(format!(
                "罚没款 {amount_yuan}元（{}万元）",
                yuan_as_wan(*amount_yuan)
            )),
            _ => None,
        }),
        REVOKED_LICENCE_CELL => measures(|h| {
            matches!(h, Handling::RevokeLicense).then(|| "吊销《医疗机构执业许可证》".to_string())
        }),
        REVOKED_SUBJECT_CELL => measures(|h| match h {
            Handling::RevokeSubject { subject } => Some(format!("吊销诊疗科目 {}", subject.trim())),
            _ => None,
        }),
        n => {
            let Some(column) = column_at(n) else {
                return Vec::new();
            };
            let mut lines: Vec<String> = non_compliant()
                .filter(|(point, _)| {
                    catalog
                        .point(point)
                        .is_some_and(|p| p.summary_column == Some(column))
                })
                .map(|(point, a)| format!("{point} 不符合：{}", a.description.trim()))
                .collect();
            for v in violations(unit).filter(|v| v.violation.column == Some(column)) {
                let status = follow_ups
                    .iter()
                    .filter_map(|i| i.rectifications.get(&v.violation.id)?.status)
                    .find(|s| s.still_stands());
                if let Some(status) = status {
                    lines.push(format!(
                        "原违法行为（{}）：{}",
                        status.label(),
                        v.violation.text.trim()
                    ));
                }
            }
            lines
        }
    }
}
