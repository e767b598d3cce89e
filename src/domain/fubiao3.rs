//! 附表3 (医疗卫生"回头看"检查情况汇总表) computed from the data: four rows by campaign, 33
//! data columns. Unit columns count distinct units (a unit with three prescription problems
//! counts once under 处方管理); 罚没款 sums exact integer 元 shown in 万元; revocations count
//! distinct units. Pure.

pub mod layout;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::catalog::{Catalog, SummaryColumn};
use super::handling::{cases_and_fines, yuan_as_wan_4, Handling};
use super::huitoukan::SummaryRow;
use super::inspection::{Inspection, InspectionStatus, Verdict};
use super::institution::Institution;
use super::labelled::Labelled;
use super::plan::Plan;

/// One row of 附表3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fubiao3Row {
    pub row: SummaryRow,
    /// 被处罚单位数: the row's units in the follow-up population.
    pub penalised: u32,
    /// 检查单位数: of those, the units whose follow-up is completed or reviewed.
    pub inspected: u32,
    /// The 27 不符合要求单位数 columns, in [`SummaryColumn::ALL`] order.
    pub non_compliant: Vec<u32>,
    /// 查处案件数.
    pub cases: u32,
    /// 罚没款, whole 元 (shown in 万元).
    pub fines_yuan: u64,
    /// 吊销《医疗机构执业许可证》单位数.
    pub revoked_licence: u32,
    /// 吊销诊疗科目单位数.
    pub revoked_subject: u32,
}

/// The whole table and what in the data breaks its logic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fubiao3 {
    pub rows: Vec<Fubiao3Row>,
    /// Warnings, not errors (e.g. a penalised unit with no follow-up after the deadline).
    pub warnings: Vec<String>,
}

/// Computes 附表3 for a 回头看 plan: its institutions are the follow-up population, each in the
/// row of every campaign it was penalised in; only inspections of this plan that are 已完成 or
/// 已审核 count. `today` decides which missing follow-ups are overdue.
pub fn fubiao3(
    plan: &Plan,
    institutions: &[Institution],
    inspections: &[Inspection],
    catalog: &Catalog,
    today: NaiveDate,
) -> Fubiao3 {
    let columns: HashMap<&str, SummaryColumn> = catalog
        .points()
        .filter_map(|p| Some((p.id.as_str(), p.summary_column?)))
        .collect();
    let by_id: HashMap<&str, &Institution> =
        institutions.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut done: BTreeMap<&str, Vec<&Inspection>> = BTreeMap::new();
    for inspection in inspections
        .iter()
        .filter(|i| i.plan_id == plan.id && i.status != InspectionStatus::Draft)
    {
        done.entry(inspection.institution_id.as_str())
            .or_default()
            .push(inspection);
    }
    let mut population: BTreeMap<SummaryRow, BTreeSet<&str>> = BTreeMap::new();
    let mut warnings = Vec::new();
    for id in &plan.institution_ids {
        let Some(institution) = by_id.get(id.as_str()) else {
            continue;
        };
        if institution.penalties.is_empty() {
            warnings.push(format!(
                "“{}”没有登记原处罚信息，未计入附表3",
                institution.display_name()
            ));
        }
        for penalty in &institution.penalties {
            population
                .entry(SummaryRow::of(penalty.campaign, institution.kind))
                .or_default()
                .insert(id.as_str());
        }
        let overdue = plan.deadline.is_some_and(|d| d < today);
        if overdue && !institution.penalties.is_empty() && !done.contains_key(id.as_str()) {
            warnings.push(format!(
                "“{}”已过截止日期仍未完成回头看检查",
                institution.display_name()
            ));
        }
    }
    let rows = SummaryRow::ALL
        .iter()
        .map(|&row| {
            let units = population.get(&row).cloned().unwrap_or_default();
            let followed: Vec<(&str, &Inspection)> = units
                .iter()
                .flat_map(|u| done.get(u).into_iter().flatten().map(move |i| (*u, *i)))
                .collect();
            let findings = || {
                followed.iter().flat_map(|(unit, i)| {
                    i.answers
                        .iter()
                        .filter(|(_, a)| a.verdict == Verdict::NonCompliant)
                        .map(move |(point, a)| (*unit, point, a))
                })
            };
            let distinct = |f: &dyn Fn(&Handling) -> bool| {
                findings()
                    .filter(|(_, _, a)| a.handling.iter().any(f))
                    .map(|(u, _, _)| u)
                    .collect::<BTreeSet<_>>()
                    .len() as u32
            };
            let non_compliant = SummaryColumn::ALL
                .iter()
                .map(|&column| {
                    findings()
                        .filter(|(_, point, _)| columns.get(point.as_str()) == Some(&column))
                        .map(|(u, _, _)| u)
                        .collect::<BTreeSet<_>>()
                        .len() as u32
                })
                .collect();
            let (cases, fines_yuan) =
                cases_and_fines(findings().flat_map(|(_, _, a)| a.handling.iter()));
            Fubiao3Row {
                row,
                penalised: units.len() as u32,
                inspected: followed
                    .iter()
                    .map(|(u, _)| *u)
                    .collect::<BTreeSet<_>>()
                    .len() as u32,
                non_compliant,
                cases,
                fines_yuan,
                revoked_licence: distinct(&|h| matches!(h, Handling::RevokeLicense)),
                revoked_subject: distinct(&|h| matches!(h, Handling::RevokeSubject { .. })),
            }
        })
        .collect();
    Fubiao3 { rows, warnings }
}

impl Fubiao3Row {
    /// The row's 33 data cells as text, in the official column order; 罚没款 with 4 decimals.
    pub fn cells(&self) -> Vec<String> {
        let mut cells = vec![self.penalised.to_string(), self.inspected.to_string()];
        cells.extend(self.non_compliant.iter().map(u32::to_string));
        cells.push(self.cases.to_string());
        cells.push(yuan_as_wan_4(self.fines_yuan));
        cells.push(self.revoked_licence.to_string());
        cells.push(self.revoked_subject.to_string());
        cells
    }

    /// The row's label as the table prints it.
    pub fn label(&self) -> &'static str {
        self.row.label()
    }
}
