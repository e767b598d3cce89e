//! The plan's result table (任务结果汇总表): per institution type (or target group) the target,
//! the units inspected, the non-compliant units per checklist area, the cases filed and the
//! fines. Computed from the inspections alone; pure.

use std::collections::{BTreeMap, BTreeSet};

use super::catalog::Catalog;
use super::handling::{cases_and_fines, yuan_as_wan};
use super::inspection::{Inspection, InspectionStatus, Verdict};
use super::institution::{Institution, InstitutionType};
use super::labelled::Labelled;
use super::plan::Plan;

/// One row: a target (or an institution type the plan has no target for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultRow {
    pub label: String,
    /// `None` when the plan sets no target for these types.
    pub target: Option<u32>,
    /// Distinct units whose inspection is completed or reviewed.
    pub inspected: u32,
    /// Distinct non-compliant units, one number per area of the checklist table.
    pub non_compliant_by_area: Vec<u32>,
    /// Distinct units with at least one non-compliant finding anywhere.
    pub non_compliant: u32,
    /// 立案 measures.
    pub cases: u32,
    /// Sum of 罚没款, in whole 元.
    pub fines_yuan: u64,
}

/// The whole table, ready to show or export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultTable {
    pub title: String,
    /// The checklist areas, in catalog order (the per-area columns).
    pub areas: Vec<String>,
    pub rows: Vec<ResultRow>,
    pub total: ResultRow,
}

impl ResultTable {
    /// The header row, as the table is shown and exported.
    pub fn header(&self) -> Vec<String> {
        let mut header = vec![
            "机构类别".to_string(),
            "目标数".into(),
            "已检查单位数".into(),
            "不合格单位数".into(),
        ];
        header.extend(self.areas.iter().map(|a| format!("{a}不合格单位数")));
        header.extend(["查处案件数".to_string(), "罚没款金额（万元）".to_string()]);
        header
    }

    /// Every row as text cells (numbers as they are shown), the total last.
    pub fn cells(&self) -> Vec<Vec<Cell>> {
        self.rows
            .iter()
            .chain(std::iter::once(&self.total))
            .map(row_cells)
            .collect()
    }
}

/// A table cell: text, a count, or an amount already in 万元 (exact decimal text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Count(u32),
    Wan(String),
}

fn row_cells(row: &ResultRow) -> Vec<Cell> {
    let mut cells = vec![
        Cell::Text(row.label.clone()),
        row.target.map_or(Cell::Text(String::new()), Cell::Count),
        Cell::Count(row.inspected),
        Cell::Count(row.non_compliant),
    ];
    cells.extend(row.non_compliant_by_area.iter().map(|&n| Cell::Count(n)));
    cells.push(Cell::Count(row.cases));
    cells.push(Cell::Wan(yuan_as_wan(row.fines_yuan)));
    cells
}

/// Computes the result table of `plan`. Only inspections of this plan that are 已完成 or 已审核
/// count; a draft is not yet an inspected unit.
pub fn plan_result(
    plan: &Plan,
    institutions: &[Institution],
    inspections: &[Inspection],
    catalog: &Catalog,
) -> ResultTable {
    let kinds: BTreeMap<&str, InstitutionType> = institutions
        .iter()
        .filter_map(|i| Some((i.id.as_str(), i.kind?)))
        .collect();
    let table = plan
        .kind
        .institution_types()
        .iter()
        .find_map(|&t| catalog.table_for(t));
    let areas: Vec<(&str, Vec<&str>)> = table
        .map(|t| {
            t.areas
                .iter()
                .map(|a| {
                    (
                        a.title.as_str(),
                        a.sub_items
                            .iter()
                            .flat_map(|s| s.points.iter().map(|p| p.id.as_str()))
                            .collect(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let counted: Vec<(&Inspection, InstitutionType)> = inspections
        .iter()
        .filter(|i| i.plan_id == plan.id && i.status != InspectionStatus::Draft)
        .filter_map(|i| Some((i, *kinds.get(i.institution_id.as_str())?)))
        .collect();

    let mut groups: Vec<(String, Option<u32>, BTreeSet<InstitutionType>)> = plan
        .targets
        .iter()
        .map(|t| (t.label(), Some(t.count), t.types.clone()))
        .collect();
    let targeted: BTreeSet<InstitutionType> = plan
        .targets
        .iter()
        .flat_map(|t| t.types.iter().copied())
        .collect();
    let untargeted: BTreeSet<InstitutionType> = counted
        .iter()
        .map(|(_, k)| *k)
        .filter(|k| !targeted.contains(k))
        .collect();
    groups.extend(
        untargeted
            .into_iter()
            .map(|k| (k.label().to_string(), None, BTreeSet::from([k]))),
    );

    let rows: Vec<ResultRow> = groups
        .into_iter()
        .map(|(label, target, types)| {
            let members: Vec<&Inspection> = counted
                .iter()
                .filter(|(_, k)| types.contains(k))
                .map(|(i, _)| *i)
                .collect();
            row(label, target, &members, &areas)
        })
        .collect();
    let all: Vec<&Inspection> = counted.iter().map(|(i, _)| *i).collect();
    let total_target = plan.targets.iter().map(|t| t.count).sum::<u32>();
    let total = row(
        "合计".to_string(),
        (!plan.targets.is_empty()).then_some(total_target),
        &all,
        &areas,
    );
    ResultTable {
        title: format!("{}结果汇总表", plan.name),
        areas: areas.iter().map(|(title, _)| title.to_string()).collect(),
        rows,
        total,
    }
}

fn row(
    label: String,
    target: Option<u32>,
    inspections: &[&Inspection],
    areas: &[(&str, Vec<&str>)],
) -> ResultRow {
    let units = |pred: &dyn Fn(&Inspection) -> bool| -> u32 {
        inspections
            .iter()
            .filter(|i| pred(i))
            .map(|i| i.institution_id.as_str())
            .collect::<BTreeSet<_>>()
            .len() as u32
    };
    let fails =
        |i: &Inspection, ids: &[&str]| ids.iter().any(|id| i.verdict(id) == Verdict::NonCompliant);
    let measures = || {
        inspections
            .iter()
            .flat_map(|i| i.answers.values())
            .filter(|a| a.verdict == Verdict::NonCompliant)
            .flat_map(|a| a.handling.iter())
    };
    let (cases, fines_yuan) = cases_and_fines(measures());
    ResultRow {
        label,
        target,
        inspected: units(&|_| true),
        non_compliant_by_area: areas
            .iter()
            .map(|(_, ids)| units(&|i| fails(i, ids)))
            .collect(),
        non_compliant: units(&|i| {
            i.answers
                .values()
                .any(|a| a.verdict == Verdict::NonCompliant)
        }),
        cases,
        fines_yuan,
    }
}
