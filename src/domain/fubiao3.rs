//! 附表3 (医疗卫生"回头看"检查情况汇总表) computed from the data: four rows by campaign, 33
//! data columns. Unit columns count distinct units (a unit with three prescription problems
//! counts once under 处方管理); an original violation found 部分整改 or 未整改 counts as a
//! non-compliance of the follow-up under its column; 罚没款 sums exact integer 元 shown in
//! 万元; revocations count distinct units. Counted from [`Fubiao3Index`]; pure.

pub mod index;
pub mod layout;
pub mod sources;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

pub use index::{column_bit, FollowUpFacts, Fubiao3Index};

use super::catalog::{Catalog, SummaryColumn};
use super::handling::yuan_as_wan_4;
use super::huitoukan::{violations, SummaryRow};
use super::inspection::Inspection;
use super::institution::Institution;
use super::labelled::Labelled;
use super::plan::Plan;

/// The number of data cells in a row: 被处罚单位数, 检查单位数, 27 不符合 columns, 查处案件数,
/// 罚没款, 吊销许可证, 吊销诊疗科目.
pub const DATA_CELLS: usize = 33;
/// The data cell of 被处罚单位数.
pub const PENALISED_CELL: usize = 0;
/// The data cell of 检查单位数.
pub const INSPECTED_CELL: usize = 1;
/// The data cell of the first 不符合 column.
pub const FIRST_COLUMN_CELL: usize = 2;
/// The data cell of 查处案件数.
pub const CASES_CELL: usize = 29;
/// The data cell of 罚没款金额（万元）.
pub const FINES_CELL: usize = 30;
/// The data cell of 吊销《医疗机构执业许可证》单位数.
pub const REVOKED_LICENCE_CELL: usize = 31;
/// The data cell of 吊销诊疗科目单位数.
pub const REVOKED_SUBJECT_CELL: usize = 32;

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

/// Computes 附表3 for a 回头看 plan from the inspections (see [`Fubiao3Index::table`]); for
/// one-off use, as it indexes every inspection first.
pub fn fubiao3(
    plan: &Plan,
    institutions: &[Institution],
    inspections: &[Inspection],
    catalog: &Catalog,
    today: NaiveDate,
) -> Fubiao3 {
    Fubiao3Index::build(catalog, inspections).table(plan, institutions, today)
}

/// One unit's follow-up, all its counted inspections of the plan taken together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitTotals {
    pub inspected: bool,
    /// Columns failed, as [`column_bit`]s, original violations still standing included.
    pub columns: u32,
    pub cases: u32,
    pub fines_yuan: u64,
    pub revoked_licence: bool,
    pub revoked_subject: bool,
}

/// The follow-up population of a plan: its units, in plan order, under every row they were
/// penalised for (a unit penalised in two campaigns stands in two rows).
pub fn population<'a>(
    plan: &Plan,
    institutions: &'a [Institution],
) -> BTreeMap<SummaryRow, Vec<&'a Institution>> {
    population_of(plan, &plan_units(plan, institutions))
}

/// The follow-up population from the plan's units already looked up.
fn population_of<'a>(
    plan: &Plan,
    by_id: &HashMap<&str, &'a Institution>,
) -> BTreeMap<SummaryRow, Vec<&'a Institution>> {
    let mut rows: BTreeMap<SummaryRow, Vec<&Institution>> = BTreeMap::new();
    let mut seen = HashSet::new();
    for id in &plan.institution_ids {
        let Some(&unit) = by_id.get(id.as_str()) else {
            continue;
        };
        for penalty in &unit.penalties {
            let row = SummaryRow::of(penalty.campaign, unit.kind);
            if seen.insert((row, id.as_str())) {
                rows.entry(row).or_default().push(unit);
            }
        }
    }
    rows
}

/// The plan's units found in the roster, by id.
fn plan_units<'a>(
    plan: &Plan,
    institutions: &'a [Institution],
) -> HashMap<&'a str, &'a Institution> {
    let wanted: HashSet<&str> = plan.institution_ids.iter().map(String::as_str).collect();
    institutions
        .iter()
        .filter(|i| wanted.contains(i.id.as_str()))
        .map(|i| (i.id.as_str(), i))
        .collect()
}

impl Fubiao3Index {
    /// One unit's follow-up totals in a plan.
    pub fn unit_totals(&self, plan_id: &str, unit: &Institution) -> UnitTotals {
        let mut totals = UnitTotals::default();
        for (_, facts) in self.counted(plan_id, &unit.id) {
            totals.inspected = true;
            totals.columns |= facts.columns;
            totals.cases += facts.cases;
            totals.fines_yuan = totals.fines_yuan.saturating_add(facts.fines_yuan);
            totals.revoked_licence |= facts.revoked_licence;
            totals.revoked_subject |= facts.revoked_subject;
            for v in violations(unit) {
                if facts.standing_violations.contains(&v.violation.id) {
                    totals.columns |= v.violation.column.map_or(0, column_bit);
                }
            }
        }
        totals
    }

    /// 附表3 for a 回头看 plan: its units are the follow-up population, each in the row of
    /// every campaign it was penalised in; only inspections of this plan that are 已完成 or
    /// 已审核 count. `today` decides which missing follow-ups are overdue.
    pub fn table(&self, plan: &Plan, institutions: &[Institution], today: NaiveDate) -> Fubiao3 {
        let by_id = plan_units(plan, institutions);
        let population = population_of(plan, &by_id);
        let rows = SummaryRow::ALL
            .iter()
            .map(|&row| {
                let units = population.get(&row).map(Vec::as_slice).unwrap_or_default();
                let mut out = Fubiao3Row {
                    row,
                    penalised: units.len() as u32,
                    inspected: 0,
                    non_compliant: vec![0; SummaryColumn::ALL.len()],
                    cases: 0,
                    fines_yuan: 0,
                    revoked_licence: 0,
                    revoked_subject: 0,
                };
                for unit in units {
                    let totals = self.unit_totals(&plan.id, unit);
                    out.inspected += u32::from(totals.inspected);
                    for (n, cell) in out.non_compliant.iter_mut().enumerate() {
                        *cell += (totals.columns >> n) & 1;
                    }
                    out.cases += totals.cases;
                    out.fines_yuan = out.fines_yuan.saturating_add(totals.fines_yuan);
                    out.revoked_licence += u32::from(totals.revoked_licence);
                    out.revoked_subject += u32::from(totals.revoked_subject);
                }
                out
            })
            .collect();
        Fubiao3 {
            rows,
            warnings: self.warnings(plan, &by_id, institutions, today),
        }
    }

    /// What in the data breaks the table's logic, in Chinese: units in the plan without a
    /// penalty or with an incomplete one, follow-ups missing after the deadline, and counted
    /// follow-ups of units that are not (or no longer) in the plan.
    fn warnings(
        &self,
        plan: &Plan,
        by_id: &HashMap<&str, &Institution>,
        institutions: &[Institution],
        today: NaiveDate,
    ) -> Vec<String> {
        let overdue = plan.deadline.is_some_and(|d| d < today);
        let mut warnings = Vec::new();
        for id in &plan.institution_ids {
            let Some(unit) = by_id.get(id.as_str()) else {
                continue;
            };
            let name = unit.display_name();
            if unit.penalties.is_empty() {
                warnings.push(format!("“{name}”没有登记原处罚信息，未计入附表3"));
                continue;
            }
            for problem in unit.penalties.iter().flat_map(|p| p.problems()) {
                warnings.push(format!("“{name}”原处罚信息不完整：{problem}"));
            }
            if overdue && !self.followed_up(&plan.id, id) {
                warnings.push(format!("“{name}”已过截止日期仍未完成回头看检查"));
            }
        }
        let in_plan: HashSet<&str> = plan.institution_ids.iter().map(String::as_str).collect();
        let mut strays: Vec<&str> = self
            .units_followed_up(&plan.id)
            .filter(|unit| !in_plan.contains(unit))
            .collect();
        strays.sort_unstable();
        for unit in strays {
            let name = institutions
                .iter()
                .find(|i| i.id == unit)
                .map_or("（监督对象已删除）", Institution::display_name);
            warnings.push(format!(
                "“{name}”有已完成的回头看检查，但不在本任务的检查对象中，检查单位数多于被处罚单位数的部分未计入"
            ));
        }
        warnings
    }
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

    /// Whether a data cell is zero (nothing to list behind it).
    pub fn is_zero(&self, cell: usize) -> bool {
        match cell {
            PENALISED_CELL => self.penalised == 0,
            INSPECTED_CELL => self.inspected == 0,
            CASES_CELL => self.cases == 0,
            FINES_CELL => self.fines_yuan == 0,
            REVOKED_LICENCE_CELL => self.revoked_licence == 0,
            REVOKED_SUBJECT_CELL => self.revoked_subject == 0,
            n => self
                .non_compliant
                .get(n.wrapping_sub(FIRST_COLUMN_CELL))
                .is_none_or(|&c| c == 0),
        }
    }

    /// The row's label as the table prints it.
    pub fn label(&self) -> &'static str {
        self.row.label()
    }
}
