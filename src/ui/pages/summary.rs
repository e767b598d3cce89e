//! 汇总: a plan's result table computed from its inspections, downloadable as XLSX and CSV;
//! for a 回头看 plan, 附表3 in the official layout.

use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::edition_2022;
use crate::domain::export::{csv, xlsx};
use crate::domain::plan::PlanKind;
use crate::domain::plan_result::{plan_result, Cell, ResultTable};
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::fubiao3_view::Fubiao3View;
use crate::ui::components::stay_figures::StayFigures;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
    let table = Memo::new(move |_| {
        let plan = work.plans.get(&plan_id()?)?;
        // A 回头看 plan is summed up by 附表3 instead.
        if plan.kind == PlanKind::Huitoukan {
            return None;
        }
        Some(roster.institutions.with(|institutions| {
            work.inspections
                .with(|inspections| plan_result(&plan, institutions, inspections, edition_2022()))
        }))
    });
    let is_huitoukan = Memo::new(move |_| {
        plan_id()
            .and_then(|id| work.plans.get(&id))
            .is_some_and(|p| p.kind == PlanKind::Huitoukan)
    });
    let stationed_year = Memo::new(move |_| {
        plan_id()
            .and_then(|id| work.plans.get(&id))
            .filter(|p| p.kind == PlanKind::Stationed)
            .map(|p| p.year)
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
            {move || {
                if is_huitoukan.get() {
                    view! { <Fubiao3View plan_id=Signal::derive(move || plan_id().unwrap_or_default()) /> }.into_any()
                } else if let Some(year) = stationed_year.get() {
                    view! { <StayFigures year=year /> }.into_any()
                } else {
                    view! {
                        {move || table.get().map(|t| view! { <ResultTableView table=t /> })}
                        <p class="muted">"只统计已完成或已审核的检查；不合格单位数按单位去重（同一单位多个问题只计一次）。"</p>
                        <div class="actions">
                            <button class="primary" data-testid="download-xlsx" on:click=move |_| download("xlsx")>"下载 XLSX"</button>
                            <button data-testid="download-csv" on:click=move |_| download("csv")>"下载 CSV"</button>
                        </div>
                        {move || error.get().map(|e| view! { <div class="alert alert-error" role="alert">{e}</div> })}
                    }
                        .into_any()
                }
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
