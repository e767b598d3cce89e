//! Benchmark of 附表3 (回头看) at city scale: a deterministic synthetic city of 100,000
//! inspections (and a county of 10,000 for comparison), counted through `Fubiao3Index`, the
//! compact facts updated incrementally on an edit. Measures the index build at load, one edit
//! (change an answer, `upsert`), the 回头看 plan's table from the index, and, for comparison,
//! the naive rebuild on every change (`fubiao3::fubiao3` over all inspections) and a serde_json
//! round trip of all inspections (a stand-in for converting JS objects on every change).
//! Prints figures and ratios; asserts nothing about time. It does check, once, that the
//! incrementally updated index gives the same table as a fresh computation, and exits non-zero
//! if not. Run with `scripts/bench.sh` (or `cargo bench --bench fubiao3`).

use std::collections::BTreeSet;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use jiandu::domain::catalog::{edition_2022, Catalog, CheckPoint, SummaryColumn};
use jiandu::domain::fubiao3::{self, Fubiao3, Fubiao3Index};
use jiandu::domain::handling::{yuan_as_wan_4, Handling};
use jiandu::domain::huitoukan::{Campaign, OriginalViolation, Penalty, Rectification};
use jiandu::domain::inspection::{
    Answer, Assignment, Inspection, InspectionStatus, StatusChange, StatusEvent, Verdict,
    NOT_APPLICABLE_REASONS,
};
use jiandu::domain::inspector::AssignmentRole;
use jiandu::domain::institution::{Institution, InstitutionType, Service};
use jiandu::domain::labelled::Labelled;
use jiandu::domain::plan::{Plan, PlanKind};

/// The years of the random-sampling plans (one medical and one blood plan per year).
const SAMPLING_YEARS: std::ops::RangeInclusive<i32> = 2018..=2025;

/// xorshift64*: deterministic, seeded with a constant, good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn at(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(hour, 0, 0).expect("valid time"))
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// A date in `year` between March and November.
fn date_in(rng: &mut Rng, year: i32) -> NaiveDate {
    day(year, 3 + rng.below(9) as u32, 1 + rng.below(28) as u32)
}

/// The catalog's points per table, with the columns they count under, and a scratch
/// permutation per table for sampling points without repetition.
struct Tables {
    catalog: &'static Catalog,
    points: Vec<Vec<&'static CheckPoint>>,
    columns: Vec<Vec<SummaryColumn>>,
    scratch: Vec<Vec<usize>>,
}

impl Tables {
    fn new() -> Self {
        let catalog = edition_2022();
        let points: Vec<Vec<&CheckPoint>> = catalog
            .tables
            .iter()
            .map(|t| t.points().collect())
            .collect();
        let columns = points
            .iter()
            .map(|ps| {
                let set: BTreeSet<SummaryColumn> =
                    ps.iter().filter_map(|p| p.summary_column).collect();
                set.into_iter().collect()
            })
            .collect();
        let scratch = points.iter().map(|ps| (0..ps.len()).collect()).collect();
        Self {
            catalog,
            points,
            columns,
            scratch,
        }
    }

    /// The index of the table for a type (`catalog::edition_2022().table_for(kind)`).
    fn of(&self, kind: InstitutionType) -> usize {
        let table = self
            .catalog
            .table_for(kind)
            .expect("every type has a table");
        self.catalog
            .tables
            .iter()
            .position(|t| t.id == table.id)
            .expect("table of the catalog")
    }

    /// `n` distinct points of a table (or all of them if it has fewer).
    fn sample(&mut self, rng: &mut Rng, table: usize, n: usize) -> Vec<&'static CheckPoint> {
        let order = &mut self.scratch[table];
        let n = n.min(order.len());
        for i in 0..n {
            let j = i + rng.below(order.len() - i);
            order.swap(i, j);
        }
        order[..n].iter().map(|&k| self.points[table][k]).collect()
    }
}

/// A city: its roster, its plans and every inspection of them.
struct City {
    institutions: Vec<Institution>,
    follow_up: Plan,
    sampling_plans: Vec<Plan>,
    inspections: Vec<Inspection>,
    /// The day the table is looked at (after the 回头看 deadline: missing follow-ups warn).
    today: NaiveDate,
}

/// What the generator needs while making inspections.
struct Generator {
    rng: Rng,
    tables: Tables,
    next_id: usize,
}

impl Generator {
    fn handling(&mut self, date: NaiveDate) -> Vec<Handling> {
        let rng = &mut self.rng;
        let mut measures = vec![Handling::OrderCorrection {
            deadline: date.checked_add_days(Days::new(30)),
        }];
        if rng.chance(250) {
            measures.push(Handling::Fine {
                amount_yuan: (1 + rng.below(100) as u64) * 500,
            });
        }
        if rng.chance(100) {
            measures.push(Handling::CaseFiled {
                case_number: format!("卫医罚〔{}〕{}号", date.format("%Y"), 1 + rng.below(999)),
            });
        }
        if rng.chance(5) {
            measures.push(Handling::RevokeLicense);
        }
        if rng.chance(5) {
            measures.push(Handling::RevokeSubject {
                subject: "医疗美容科".into(),
            });
        }
        measures
    }

    /// An inspection of `unit` in `plan` with 20–60 answers on its table's points, about
    /// `non_compliant` per mille of them 不符合 with handling.
    fn inspection(
        &mut self,
        plan: &Plan,
        unit: &Institution,
        date: NaiveDate,
        status: InspectionStatus,
        non_compliant: usize,
    ) -> Inspection {
        let id = format!("insp-{:07}", self.next_id);
        self.next_id += 1;
        let leader = format!("officer-{:03}", self.rng.below(120));
        let member = format!("officer-{:03}", self.rng.below(120));
        let now = at(date, 9);
        let mut inspection = Inspection::start(id, plan, unit, date, now);
        inspection.inspectors = vec![
            Assignment {
                inspector_id: leader.clone(),
                role: AssignmentRole::Leader,
            },
            Assignment {
                inspector_id: member,
                role: AssignmentRole::Member,
            },
        ];
        let table = self.tables.of(unit.kind.expect("typed"));
        let count = 20 + self.rng.below(41);
        for point in self.tables.sample(&mut self.rng, table, count) {
            let mut answer = Answer::blank(at(date, 10));
            answer.updated_by = Some(leader.clone());
            let roll = self.rng.below(1000);
            if roll < non_compliant {
                answer.verdict = Verdict::NonCompliant;
                answer.description = point
                    .phrasings
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "现场检查发现问题".into());
                answer.handling = self.handling(date);
            } else if roll < non_compliant + 30 {
                answer.verdict = Verdict::NotApplicable;
                answer.not_applicable_reason = self.rng.pick(&NOT_APPLICABLE_REASONS).to_string();
            } else if roll < non_compliant + 40 {
                answer.note = "待补充材料".into();
            } else {
                answer.verdict = Verdict::Compliant;
            }
            inspection.answers.insert(point.id.clone(), answer);
        }
        set_status(&mut inspection, status, at(date, 17), &leader);
        inspection
    }

    /// A 回头看 follow-up: an inspection plus the rectification of every original violation.
    fn follow_up(
        &mut self,
        plan: &Plan,
        unit: &Institution,
        status: InspectionStatus,
    ) -> Inspection {
        let date = day(
            2022,
            9 + self.rng.below(3) as u32,
            1 + self.rng.below(28) as u32,
        );
        let mut inspection = self.inspection(plan, unit, date, status, 80);
        let by = inspection.inspectors[0].inspector_id.clone();
        for penalty in &unit.penalties {
            for violation in &penalty.violations {
                if status == InspectionStatus::Draft && self.rng.chance(500) {
                    continue;
                }
                let roll = self.rng.below(100);
                let found = if roll < 70 {
                    Rectification::Rectified
                } else if roll < 90 {
                    Rectification::Partly
                } else {
                    Rectification::NotRectified
                };
                inspection.rectify(&violation.id, at(date, 11), Some(by.clone()), |c| {
                    c.status = Some(found);
                    c.observation = "现场查看".into();
                    if found.still_stands() {
                        c.note = "尚未完成整改".into();
                    }
                });
            }
        }
        inspection
    }
}

fn set_status(inspection: &mut Inspection, status: InspectionStatus, now: DateTime<Utc>, by: &str) {
    inspection.status = status;
    inspection.history.clear();
    if status != InspectionStatus::Draft {
        inspection.history.push(StatusEvent {
            change: StatusChange::Completed,
            at: now,
            by: Some(by.to_string()),
            note: None,
        });
    }
    if status == InspectionStatus::Reviewed {
        inspection.history.push(StatusEvent {
            change: StatusChange::Reviewed,
            at: now,
            by: Some(by.to_string()),
            note: None,
        });
    }
}

/// A medical type (not a blood station, not 非医疗机构), weighted as a city's roster is.
fn medical_kind(rng: &mut Rng) -> InstitutionType {
    match rng.below(100) {
        0..=4 => InstitutionType::Hospital,
        5..=12 => InstitutionType::CommunityHealthService,
        13..=20 => InstitutionType::TownshipHealthCenter,
        21..=50 => InstitutionType::VillageClinic,
        51..=92 => InstitutionType::Clinic,
        _ => InstitutionType::ElderCareMedicalUnit,
    }
}

fn penalty(
    rng: &mut Rng,
    tables: &Tables,
    unit: &Institution,
    campaign: Campaign,
    n: usize,
) -> Penalty {
    let year = 2019 + rng.below(3) as i32;
    let columns = &tables.columns[tables.of(unit.kind.expect("typed"))];
    let mut penalty = Penalty::new(
        format!("{}-p{n}", unit.id),
        campaign,
        year,
        at(day(year, 12, 1), 9),
    );
    penalty.decision_number = format!("卫医罚〔{year}〕{}号", 1 + rng.below(999));
    penalty.violations = (0..1 + rng.below(3))
        .map(|v| OriginalViolation {
            id: format!("{}-p{n}-v{v}", unit.id),
            text: "原违法行为".into(),
            column: (!rng.chance(200)).then(|| *rng.pick(columns)),
        })
        .collect();
    penalty
}

/// A deterministic city of `size` inspections: `size / 5` institutions, one in ten penalised
/// (spread over the three campaigns, the cosmetology one over 非医疗机构 and 医疗机构), a 回头看
/// plan holding the penalised units, and one medical and one blood random-sampling plan per year.
fn city(size: usize) -> City {
    let mut g = Generator {
        rng: Rng(0x9E37_79B9_7F4A_7C15),
        tables: Tables::new(),
        next_id: 0,
    };
    let edition = g.tables.catalog.edition.clone();
    let created = at(day(2018, 1, 2), 9);
    let townships = ["城关镇", "河西镇", "新华街道", "东山乡", "南湖街道"];
    let institutions: Vec<Institution> = (0..size / 5)
        .map(|n| {
            let rng = &mut g.rng;
            let mut unit = Institution::new(format!("inst-{n:06}"), created);
            let kind = if n % 1000 == 999 {
                InstitutionType::CentralBloodStation
            } else {
                medical_kind(rng)
            };
            unit.set_kind(Some(kind));
            unit.township = rng.pick(&townships).to_string();
            unit.address = format!("{}幸福路{}号", unit.township, 1 + rng.below(300));
            unit.name = format!("{}第{n}号{}", unit.township, kind.label());
            if n % 10 == 0 {
                let campaign = match rng.below(100) {
                    0..=34 => Campaign::LawfulPractice,
                    35..=69 => Campaign::RandomSupervision,
                    _ => Campaign::IllegalCosmetology,
                };
                if campaign == Campaign::IllegalCosmetology {
                    if rng.chance(500) {
                        unit.set_kind(Some(InstitutionType::NonMedical));
                        unit.name = format!("{}第{n}号美容店", unit.township);
                    } else {
                        unit.services.insert(Service::MedicalCosmetology);
                    }
                }
                let first = penalty(rng, &g.tables, &unit, campaign, 0);
                unit.penalties.push(first);
                if unit.kind != Some(InstitutionType::NonMedical) && rng.chance(50) {
                    let second = if campaign == Campaign::LawfulPractice {
                        Campaign::RandomSupervision
                    } else {
                        Campaign::LawfulPractice
                    };
                    let more = penalty(rng, &g.tables, &unit, second, 1);
                    unit.penalties.push(more);
                }
            }
            unit
        })
        .collect();

    let mut follow_up = Plan::new(
        "plan-huitoukan-2022".into(),
        PlanKind::Huitoukan,
        2022,
        &edition,
        created,
    );
    follow_up.deadline = Some(day(2022, 11, 30));
    follow_up.institution_ids = institutions
        .iter()
        .filter(|i| !i.penalties.is_empty())
        .map(|i| i.id.clone())
        .collect();

    let mut inspections = Vec::with_capacity(size);
    for unit in institutions.iter().filter(|i| !i.penalties.is_empty()) {
        if g.rng.chance(50) {
            continue; // not followed up yet
        }
        let status = match g.rng.below(100) {
            0..=14 => InspectionStatus::Draft,
            15..=59 => InspectionStatus::Completed,
            _ => InspectionStatus::Reviewed,
        };
        inspections.push(g.follow_up(&follow_up, unit, status));
        if g.rng.chance(30) {
            // 复查: a second follow-up after 限期整改.
            inspections.push(g.follow_up(&follow_up, unit, InspectionStatus::Completed));
        }
    }
    // A few completed follow-ups of units outside the plan (the table warns about them).
    for n in 0..1 + size / 50_000 {
        let unit = &institutions[10 * n + 1];
        inspections.push(g.follow_up(&follow_up, unit, InspectionStatus::Completed));
    }

    let medical: Vec<&Institution> = institutions
        .iter()
        .filter(|i| {
            PlanKind::MedicalSampling
                .institution_types()
                .contains(&i.kind.expect("typed"))
        })
        .collect();
    let blood: Vec<&Institution> = institutions
        .iter()
        .filter(|i| i.kind == Some(InstitutionType::CentralBloodStation))
        .collect();
    let mut sampling_plans = Vec::new();
    for year in SAMPLING_YEARS {
        for (kind, units) in [
            (PlanKind::MedicalSampling, &medical),
            (PlanKind::BloodSampling, &blood),
        ] {
            let id = format!("plan-{}-{year}", kind.code());
            let mut plan = Plan::new(id, kind, year, &edition, created);
            plan.deadline = Some(day(year, 11, 30));
            let per_plan = if kind == PlanKind::BloodSampling {
                units.len()
            } else {
                // What is left, shared evenly by the remaining years' medical plans.
                let years_left = (SAMPLING_YEARS.end() - year + 1) as usize;
                (size - inspections.len() - blood.len() * years_left) / years_left
            };
            let mut chosen = BTreeSet::new();
            for k in 0..per_plan {
                let unit = if kind == PlanKind::BloodSampling {
                    units[k]
                } else {
                    *g.rng.pick(units)
                };
                chosen.insert(unit.id.clone());
                let status = match g.rng.below(100) {
                    0..=7 => InspectionStatus::Draft,
                    8..=39 => InspectionStatus::Completed,
                    _ => InspectionStatus::Reviewed,
                };
                let date = date_in(&mut g.rng, year);
                inspections.push(g.inspection(&plan, unit, date, status, 30));
            }
            plan.institution_ids = chosen.into_iter().collect();
            sampling_plans.push(plan);
        }
    }
    assert_eq!(
        inspections.len(),
        size,
        "the generator fills exactly `size`"
    );
    City {
        institutions,
        follow_up,
        sampling_plans,
        inspections,
        today: day(2022, 12, 15),
    }
}

/// The median of `runs` timings of `work`; what it returns is dropped outside the timing.
fn median<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let out = black_box(work());
            let time = start.elapsed();
            drop(out);
            time
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The median per-operation time of `runs` batches of `batch` operations.
fn median_per_op(runs: usize, batch: usize, mut op: impl FnMut()) -> Duration {
    median(runs, || {
        for _ in 0..batch {
            op();
        }
    }) / batch as u32
}

/// How many times each operation is repeated at a scale.
struct Runs {
    build: usize,
    table: usize,
    naive: usize,
    serde: usize,
}

/// The figures of one scale.
struct Figures {
    institutions: usize,
    penalised: usize,
    plans: usize,
    indexed: usize,
    answers: f64,
    non_compliant: f64,
    json_bytes: usize,
    build: Duration,
    edit: Duration,
    edit_unchanged: Duration,
    table: Duration,
    population: Duration,
    unit_totals: Duration,
    naive: Duration,
    serde: Duration,
}

/// The inspection the timed edits change (a completed follow-up in the 回头看 plan) and a point
/// of its table it has no answer for yet.
fn edit_target(city: &City, tables: &Tables) -> (usize, String) {
    let k = city
        .inspections
        .iter()
        .position(|i| i.plan_id == city.follow_up.id && i.status == InspectionStatus::Completed)
        .expect("a completed follow-up");
    let unit = city
        .institutions
        .iter()
        .find(|u| u.id == city.inspections[k].institution_id)
        .expect("its unit");
    let point = tables.points[tables.of(unit.kind.expect("typed"))]
        .iter()
        .find(|p| p.summary_column.is_some() && !city.inspections[k].answers.contains_key(&p.id))
        .expect("an unanswered point");
    (k, point.id.clone())
}

fn measure(city: &mut City, runs: &Runs) -> (Figures, Fubiao3Index) {
    let catalog = edition_2022();
    let tables = Tables::new();
    let plan = &city.follow_up;

    let build = median(runs.build, || {
        Fubiao3Index::build(catalog, black_box(&city.inspections))
    });
    let mut index = Fubiao3Index::build(catalog, &city.inspections);

    let (k, point) = edit_target(city, &tables);
    let now = at(day(2022, 10, 20), 10);
    let mut fined = false;
    let edit = median_per_op(101, 100, || {
        fined = !fined;
        let inspection = &mut city.inspections[k];
        inspection.answer(&point, now, Some("officer-001".into()), |a| {
            if fined {
                a.verdict = Verdict::NonCompliant;
                a.description = "未按规定书写处方".into();
                a.handling = vec![Handling::Fine { amount_yuan: 1_000 }];
            } else {
                a.verdict = Verdict::Compliant;
                a.description.clear();
                a.handling.clear();
            }
        });
        index.upsert(black_box(&*inspection));
    });
    let mut keystrokes = 0usize;
    let edit_unchanged = median_per_op(101, 100, || {
        keystrokes += 1;
        let inspection = &mut city.inspections[k];
        inspection.answer(&point, now, Some("officer-001".into()), |a| {
            a.note = "备注".repeat(keystrokes % 20);
        });
        index.upsert(black_box(&*inspection));
    });

    let table = median(runs.table, || {
        index.table(plan, black_box(&city.institutions), city.today)
    });
    let population = median(runs.table, || {
        fubiao3::population(plan, black_box(&city.institutions))
    });
    let rows = fubiao3::population(plan, &city.institutions);
    let unit_totals = median(runs.table, || {
        rows.values()
            .flatten()
            .map(|unit| index.unit_totals(&plan.id, unit).columns.count_ones())
            .sum::<u32>()
    });

    let naive = median(runs.naive, || {
        fubiao3::fubiao3(
            plan,
            &city.institutions,
            black_box(&city.inspections),
            catalog,
            city.today,
        )
    });
    let mut json_bytes = 0;
    let serde = median(runs.serde, || {
        let json = serde_json::to_string(black_box(&city.inspections)).expect("serialises");
        let back: Vec<Inspection> = serde_json::from_str(&json).expect("parses");
        json_bytes = json.len();
        (json, back)
    });

    let answers: usize = city.inspections.iter().map(|i| i.answers.len()).sum();
    let non_compliant: usize = city
        .inspections
        .iter()
        .flat_map(|i| i.answers.values())
        .filter(|a| a.verdict == Verdict::NonCompliant)
        .count();
    let figures = Figures {
        institutions: city.institutions.len(),
        penalised: plan.institution_ids.len(),
        plans: 1 + city.sampling_plans.len(),
        indexed: index.len(),
        answers: answers as f64 / city.inspections.len() as f64,
        non_compliant: non_compliant as f64 / city.inspections.len() as f64,
        json_bytes,
        build,
        edit,
        edit_unchanged,
        table,
        population,
        unit_totals,
        naive,
        serde,
    };
    (figures, index)
}

/// Random edits through the incremental path (answers, status, rectifications, a unit changed,
/// deletions, new follow-ups), each followed by `upsert` or `remove`, as the app would do.
fn random_edits(city: &mut City, index: &mut Fubiao3Index, count: usize) {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut g = Generator {
        rng: Rng(0x2545_F491_4F6C_DD1D),
        tables: Tables::new(),
        next_id: 9_000_000,
    };
    let now = at(day(2022, 11, 2), 10);
    let follow_ups: Vec<usize> = (0..city.inspections.len())
        .filter(|&k| city.inspections[k].plan_id == city.follow_up.id)
        .collect();
    let penalised = city.follow_up.institution_ids.clone();
    for _ in 0..count {
        let k = if rng.chance(800) {
            *rng.pick(&follow_ups)
        } else {
            rng.below(city.inspections.len())
        };
        let k = k.min(city.inspections.len() - 1);
        match rng.below(6) {
            0 => {
                let inspection = &mut city.inspections[k];
                let Some(point) = inspection.answers.keys().next().cloned() else {
                    continue;
                };
                let fine = 500 * (1 + rng.below(40) as u64);
                inspection.answer(&point, now, None, |a| {
                    if a.verdict == Verdict::NonCompliant {
                        a.verdict = Verdict::Compliant;
                        a.handling.clear();
                    } else {
                        a.verdict = Verdict::NonCompliant;
                        a.description = "问题".into();
                        a.handling = vec![
                            Handling::Fine { amount_yuan: fine },
                            Handling::CaseFiled {
                                case_number: "1".into(),
                            },
                        ];
                    }
                });
                index.upsert(inspection);
            }
            1 => {
                let inspection = &mut city.inspections[k];
                let status = match inspection.status {
                    InspectionStatus::Draft => InspectionStatus::Completed,
                    InspectionStatus::Completed => InspectionStatus::Reviewed,
                    InspectionStatus::Reviewed => InspectionStatus::Draft,
                };
                set_status(inspection, status, now, "officer-002");
                index.upsert(inspection);
            }
            2 => {
                let inspection = &mut city.inspections[k];
                let Some(violation) = inspection.rectifications.keys().next().cloned() else {
                    continue;
                };
                let found = *rng.pick(Rectification::ALL);
                inspection.rectify(&violation, now, None, |c| c.status = Some(found));
                index.upsert(inspection);
            }
            3 => {
                let inspection = &mut city.inspections[k];
                inspection.institution_id = rng.pick(&penalised).clone();
                index.upsert(inspection);
            }
            4 => {
                let removed = city.inspections.swap_remove(k);
                index.remove(&removed.id);
            }
            _ => {
                let id = rng.pick(&penalised);
                let unit = city
                    .institutions
                    .iter()
                    .find(|u| &u.id == id)
                    .expect("penalised unit");
                let inspection = g.follow_up(&city.follow_up, unit, InspectionStatus::Completed);
                index.upsert(&inspection);
                city.inspections.push(inspection);
            }
        }
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn time(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.3} s")
    } else if s >= 1e-3 {
        format!("{:.3} ms", s * 1e3)
    } else {
        format!("{:.3} µs", s * 1e6)
    }
}

fn print_table(label: &str, table: &Fubiao3) {
    println!("{label}");
    println!(
        "  {:>6} {:>6} {:>9} {:>6} {:>12} {:>8}  row",
        "units", "seen", "non-comp", "cases", "fines 万元", "revoked"
    );
    for row in &table.rows {
        println!(
            "  {:>6} {:>6} {:>9} {:>6} {:>12} {:>8}  {}",
            row.penalised,
            row.inspected,
            row.non_compliant.iter().sum::<u32>(),
            row.cases,
            yuan_as_wan_4(row.fines_yuan),
            row.revoked_licence + row.revoked_subject,
            row.label()
        );
    }
    println!("  warnings: {}", table.warnings.len());
}

fn main() -> ExitCode {
    let scales = [
        (
            10_000,
            Runs {
                build: 11,
                table: 51,
                naive: 11,
                serde: 5,
            },
        ),
        (
            100_000,
            Runs {
                build: 7,
                table: 21,
                naive: 7,
                serde: 3,
            },
        ),
    ];
    let mut figures = Vec::new();
    let mut check = None;
    for (size, runs) in &scales {
        let start = Instant::now();
        let mut city = city(*size);
        let generated = start.elapsed();
        let (f, index) = measure(&mut city, runs);
        eprintln!(
            "({} inspections: generated in {}, measured in {})",
            thousands(*size),
            time(generated),
            time(start.elapsed() - generated)
        );
        figures.push(f);
        check = Some((city, index));
    }
    let (a, b) = (&figures[0], &figures[1]);

    println!(
        "{:<38} {:>14} {:>14}",
        "synthetic city",
        thousands(a.indexed),
        thousands(b.indexed)
    );
    let count = |label: &str, f: fn(&Figures) -> usize| {
        println!(
            "{label:<38} {:>14} {:>14}",
            thousands(f(a)),
            thousands(f(b))
        );
    };
    count("institutions", |f| f.institutions);
    count("penalised units in the follow-up plan", |f| f.penalised);
    count("plans", |f| f.plans);
    count("indexed inspections", |f| f.indexed);
    println!(
        "{:<38} {:>14.1} {:>14.1}",
        "answers per inspection (mean)", a.answers, b.answers
    );
    println!(
        "{:<38} {:>14.2} {:>14.2}",
        "non-compliant answers per inspection", a.non_compliant, b.non_compliant
    );
    println!(
        "{:<38} {:>11.1} MB {:>11.1} MB",
        "JSON of all inspections",
        a.json_bytes as f64 / 1e6,
        b.json_bytes as f64 / 1e6
    );
    println!();
    println!(
        "{:<38} {:>14} {:>14} {:>8}",
        "附表3 work (median)", "10,000", "100,000", "ratio"
    );
    let row = |label: &str, f: fn(&Figures) -> Duration| {
        println!(
            "{label:<38} {:>14} {:>14} {:>7.1}x",
            time(f(a)),
            time(f(b)),
            f(b).as_secs_f64() / f(a).as_secs_f64()
        );
    };
    row("1 build index (once, at load)", |f| f.build);
    row("2 edit one answer + upsert", |f| f.edit);
    row("  edit a note + upsert (facts same)", |f| f.edit_unchanged);
    row("3 table of the follow-up plan", |f| f.table);
    row("  of which population", |f| f.population);
    row("  of which unit totals", |f| f.unit_totals);
    row("  rest (warnings, row sums)", |f| {
        f.table.saturating_sub(f.population + f.unit_totals)
    });
    row("4 naive: fubiao3() from all", |f| f.naive);
    row("5 serde_json round trip of all", |f| f.serde);
    let ratio = |label: &str, f: fn(&Figures) -> Duration| {
        let r = |x: &Figures| f(x).as_secs_f64() / (x.edit + x.table).as_secs_f64();
        println!("{label:<38} {:>13.0}x {:>13.0}x", r(a), r(b));
    };
    ratio("naive / (edit + table)", |f| f.naive);
    ratio("serde round trip / (edit + table)", |f| f.serde);
    println!();

    let (mut city, mut index) = check.expect("measured");
    random_edits(&mut city, &mut index, 2_000);
    let incremental = index.table(&city.follow_up, &city.institutions, city.today);
    let rebuilt = fubiao3::fubiao3(
        &city.follow_up,
        &city.institutions,
        &city.inspections,
        edition_2022(),
        city.today,
    );
    print_table(
        "附表3 of the follow-up plan at 100,000 inspections, after 2,000 random incremental edits:",
        &rebuilt,
    );
    if incremental == rebuilt && index.len() == city.inspections.len() {
        println!("check: incremental == rebuilt: ok");
        ExitCode::SUCCESS
    } else {
        println!("check: incremental == rebuilt: FAILED");
        print_table("incremental:", &incremental);
        eprintln!(
            "indexed {} inspections, {} exist",
            index.len(),
            city.inspections.len()
        );
        ExitCode::FAILURE
    }
}
