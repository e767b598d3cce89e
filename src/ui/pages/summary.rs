//! 汇总: a plan's result table computed from its inspections, downloadable as XLSX and CSV;
//! for a 回头看 plan, 附表3 in the official layout.

use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::edition_2022;
use crate::domain::export::{csv, xlsx};
use crate::domain::plan::PlanSummary;
use crate::domain::plan_result::{plan_result, Cell, ResultTable};
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::fubiao3_view::Fubiao3View;
use crate::ui::components::stay_figures::StayFigures;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What the summary page shows for the chosen plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// The plan result table with its downloads (also while no plan is chosen).
    ResultTable,
    /// 附表3.
    Fubiao3,
    /// The 驻点 figures of the plan's year.
    StationedFigures(i32),
}

/// The summary page.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let plans = Memo::new(move |_| {
        let mut plans: Vec<(String, String)> = work
            .plans
            .with(|all| all.iter().map(|p| (p.id.clone(), p.name.clone())).collect());
        plans.sort_by(|a, b| a.1.cmp(&b.1));
        plans
    });
    let chosen = RwSignal::new(None::<String>);
    let plan_id = move || {
        chosen
            .get()
            .or_else(|| plans.with(|p| p.first().map(|p| p.0.clone())))
    };
    // What the chosen plan is summed up by, as its kind says.
    let shown = Memo::new(move |_| {
        let Some(plan) = plan_id().and_then(|id| work.plans.get(&id)) else {
            return Shown::ResultTable;
        };
        match plan.kind.summary() {
            PlanSummary::ResultTable => Shown::ResultTable,
            PlanSummary::Fubiao3 => Shown::Fubiao3,
            PlanSummary::StationedFigures => Shown::StationedFigures(plan.year),
        }
    });
    let table = Memo::new(move |_| {
        let plan = work.plans.get(&plan_id()?)?;
        // Only a kind summed up by the result table has one (回头看 has 附表3 instead).
        if plan.kind.summary() != PlanSummary::ResultTable {
            return None;
        }
        Some(roster.institutions.with(|institutions| {
            work.inspections
                .with(|inspections| plan_result(&plan, institutions, inspections, edition_2022()))
        }))
    });
    let error = RwSignal::new(None::<String>);
    let download = move |kind: &'static str| {
        let Some(table) = table.get_untracked() else {
            return;
        };
        let (header, rows) = (table.header(), table.cells());
        let result = match kind {
            "xlsx" => xlsx::build("结果汇总", &table.title, &header, &rows).and_then(|bytes| {
                browser::download(&format!("{}.xlsx", table.title), XLSX_MIME, &bytes)
            }),
            _ => browser::download(
                &format!("{}.csv", table.title),
                "text/csv;charset=utf-8",
                &csv::build(&header, &rows),
            ),
        };
        error.set(result.err());
    };
    view! {
        <h1 class="no-print">"汇总"</h1>
        <Show
            when=move || !plans.with(Vec::is_empty)
            fallback=|| view! { <div class="notice">"还没有任务。请先在" <a href=Route::Plans.href()>"任务"</a> "中新建。"</div> }
        >
            <div class="field no-print">
                <label for="field-summary-plan">"任务"</label>
                <select
                    id="field-summary-plan"
                    data-testid="summary-plan"
                    on:change=move |ev| chosen.set(Some(event_target_value(&ev)))
                >
                    {move || {
                        plans
                            .get()
                            .into_iter()
                            .map(|(id, name)| {
                                let selected = plan_id().as_deref() == Some(id.as_str());
                                view! { <option value=id selected=selected>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            {move || match shown.get() {
                Shown::Fubiao3 => {
                    view! { <Fubiao3View plan_id=Signal::derive(move || plan_id().unwrap_or_default()) /> }.into_any()
                }
                Shown::StationedFigures(year) => view! { <StayFigures year=year /> }.into_any(),
                Shown::ResultTable => view! {
                    {move || table.get().map(|t| view! { <ResultTableView table=t /> })}
                    <p class="muted">"只统计已完成或已审核的检查；不合格单位数按单位去重（同一单位多个问题只计一次）。"</p>
                    <div class="actions">
                        <button class="primary" data-testid="download-xlsx" on:click=move |_| download("xlsx")>"下载 XLSX"</button>
                        <button data-testid="download-csv" on:click=move |_| download("csv")>"下载 CSV"</button>
                    </div>
                    {move || error.get().map(|e| view! { <div class="alert alert-error" role="alert">{e}</div> })}
                }
                    .into_any(),
            }}
        </Show>
    }
}

/// A result table on screen, inside its own scrolling frame.
#[component]
fn ResultTableView(
    /// The computed table.
    table: ResultTable,
) -> impl IntoView {
    let header = table.header();
    let rows = table.cells();
    view! {
        <h2>{table.title.clone()}</h2>
        <div class="table-frame">
            <table class="result" data-testid="result-table">
                <thead>
                    <tr>{header.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    {row
                                        .into_iter()
                                        .enumerate()
                                        .map(|(column, cell)| {
                                            let text = match cell {
                                                Cell::Text(t) | Cell::Wan(t) => t,
                                                Cell::Count(n) => n.to_string(),
                                            };
                                            if column == 0 {
                                                view! { <th scope="row">{text}</th> }.into_any()
                                            } else {
                                                view! { <td>{text}</td> }.into_any()
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
