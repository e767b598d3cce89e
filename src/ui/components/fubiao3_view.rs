//! 附表3 on screen, in the official layout (merged headers from the layout data, the 类别
//! column sticky while the table scrolls sideways in its own frame), with its warnings, the
//! downloads (下载XLSX, 下载CSV), 打印 (A3 landscape print styles), and what stands behind a
//! tapped cell.

use leptos::prelude::*;

use super::print_button::PrintButton;
use crate::browser;
use crate::domain::catalog::edition_2022 as catalog_2022;
use crate::domain::export::fubiao3 as export;
use crate::domain::fubiao3::layout::{edition_2022 as layout_2022, HeaderCell};
use crate::domain::fubiao3::sources::CellSource;
use crate::domain::fubiao3::{Fubiao3, DATA_CELLS};
use crate::domain::huitoukan::SummaryRow;
use crate::domain::labelled::Labelled;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// 附表3 of one 回头看 plan.
#[component]
pub fn Fubiao3View(
    /// The 回头看 plan.
    #[prop(into)]
    plan_id: Signal<String>,
) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let layout = layout_2022();
    // Counted from the index, which each edit updates for one inspection only.
    let table = Memo::new(move |_| {
        let plan = work.plans.get(&plan_id.get())?;
        let today = browser::today();
        Some(work.fubiao3_index.with(|index| {
            roster
                .institutions
                .with(|institutions| index.table(&plan, institutions, today))
        }))
    });
    let selected = RwSignal::new(None::<(SummaryRow, usize)>);
    Effect::new(move |_| {
        plan_id.track();
        selected.set(None);
    });
    let error = RwSignal::new(None::<String>);
    let file_stem = move || {
        let name = work
            .plans
            .get(&plan_id.get_untracked())
            .map(|p| p.name)
            .unwrap_or_default();
        format!("附表3 {}（{}）", layout.title, name.trim())
    };
    let download = move |kind: &'static str| {
        let Some(table) = table.get_untracked() else {
            return;
        };
        let result = match kind {
            "xlsx" => export::xlsx(&table, "").and_then(|bytes| {
                browser::download(&format!("{}.xlsx", file_stem()), XLSX_MIME, &bytes)
            }),
            _ => browser::download(
                &format!("{}.csv", file_stem()),
                "text/csv;charset=utf-8",
                &export::csv(&table),
            ),
        };
        error.set(result.err());
    };
    let sources = Memo::new(move |_| {
        let (row, cell) = selected.get()?;
        let plan = work.plans.get(&plan_id.get())?;
        Some(work.fubiao3_index.with(|index| {
            roster.institutions.with(|institutions| {
                work.inspections.with(|inspections| {
                    index.sources(&plan, institutions, inspections, catalog_2022(), row, cell)
                })
            })
        }))
    });
    view! {
        <section class="fubiao3-print" data-testid="fubiao3">
            <h2 class="fubiao3-title">"附表3 " {layout.title}</h2>
            <div class="actions no-print">
                <button class="primary" data-testid="fubiao3-xlsx" on:click=move |_| download("xlsx")>"下载XLSX"</button>
                <button data-testid="fubiao3-csv" on:click=move |_| download("csv")>"下载CSV"</button>
            </div>
            <div class="actions no-print"><PrintButton label="打印" testid="fubiao3-print" /></div>
            {move || error.get().map(|e| view! { <div class="alert alert-error no-print" role="alert">{e}</div> })}
            <div class="table-frame fubiao3-frame">
                <table class="fubiao3" data-testid="fubiao3-table">
                    <colgroup>
                        <col class="col-label" />
                        <col class="col-sub" />
                        {(0..DATA_CELLS).map(|_| view! { <col /> }).collect_view()}
                    </colgroup>
                    <thead>
                        {layout
                            .header_rows()
                            .into_iter()
                            .map(|cells| view! { <tr>{cells.into_iter().map(header_cell).collect_view()}</tr> })
                            .collect_view()}
                    </thead>
                    <tbody>
                        {move || table.get().map(|t| body(&t, selected))}
                    </tbody>
                </table>
            </div>
            <p class="table-note">{layout.note}</p>
            <p class="muted no-print">
                "只统计本任务中已完成或已审核的回头看检查；不合格单位数按单位去重。点按非零数字可查看计入的单位和问题。"
            </p>
            {move || {
                let warnings = table.with(|t| t.as_ref().map(|t| t.warnings.clone()).unwrap_or_default());
                (!warnings.is_empty()).then(|| view! {
                    <div class="notice warn no-print" data-testid="fubiao3-warnings">
                        <p><strong>"请核对（不影响下载）："</strong></p>
                        <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            {move || sources.get().zip(selected.get()).map(|(list, (row, cell))| view! {
                <CellSources row=row cell=cell sources=list on_close=Callback::new(move |_| selected.set(None)) />
            })}
        </section>
    }
}

/// One header cell with its spans.
fn header_cell(cell: &HeaderCell) -> impl IntoView {
    let class = if cell.column == 0 { "sticky-col" } else { "" };
    view! {
        <th rowspan=cell.row_span colspan=cell.column_span class=class scope="col">{cell.text}</th>
    }
}

/// The four data rows: label cells from the layout, then 33 numbers; a non-zero number is a
/// button that lists what it counts.
fn body(table: &Fubiao3, selected: RwSignal<Option<(SummaryRow, usize)>>) -> AnyView {
    let layout = layout_2022();
    let labels = layout.row_label_rows();
    layout
        .rows
        .iter()
        .zip(labels)
        .map(|(&summary_row, label_cells)| {
            let row = table.rows.iter().find(|r| r.row == summary_row);
            let cells = row.map(|r| r.cells()).unwrap_or_else(|| vec![String::new(); DATA_CELLS]);
            let labels = label_cells
                .into_iter()
                .map(|c| {
                    let class = if c.column == 0 { "sticky-col row-label" } else { "row-label sub-label" };
                    view! { <th rowspan=c.row_span colspan=c.column_span class=class scope="row">{c.text}</th> }
                })
                .collect_view();
            let numbers = cells
                .into_iter()
                .enumerate()
                .map(|(cell, text)| {
                    let zero = row.is_none_or(|r| r.is_zero(cell));
                    if zero {
                        view! { <td>{text}</td> }.into_any()
                    } else {
                        let is_selected = move || selected.get() == Some((summary_row, cell));
                        view! {
                            <td class:selected=is_selected>
                                <button type="button" class="cell-link" data-testid="fubiao3-cell"
                                    aria-label=format!("{} 第{}项：{}，查看明细", summary_row.label(), cell + 1, text)
                                    on:click=move |_| selected.set(Some((summary_row, cell)))
                                >{text.clone()}</button>
                            </td>
                        }
                            .into_any()
                    }
                })
                .collect_view();
            view! { <tr data-row=summary_row.code()>{labels}{numbers}</tr> }
        })
        .collect_view()
        .into_any()
}

/// What stands behind a tapped cell.
#[component]
fn CellSources(
    row: SummaryRow,
    cell: usize,
    sources: Vec<CellSource>,
    on_close: Callback<()>,
) -> impl IntoView {
    let path = layout_2022()
        .leaf_paths()
        .get(cell)
        .map(|p| p.join(" › "))
        .unwrap_or_default();
    view! {
        <section class="cell-sources no-print" data-testid="cell-sources" aria-live="polite">
            <div class="page-head">
                <h3>{format!("{} · {}", row.label(), path)}</h3>
                <button type="button" on:click=move |_| on_close.run(())>"关闭"</button>
            </div>
            <ul class="rows">
                {sources
                    .into_iter()
                    .map(|s| view! {
                        <li class="row-item source" data-testid="cell-source">
                            <a class="row-title" href=Route::Institution(s.institution_id.clone()).href()>{s.institution_name.clone()}</a>
                            <span class="row-actions">
                                {s.inspection_ids
                                    .iter()
                                    .map(|id| view! { <a class="button" href=Route::Inspection(id.clone()).href()>"查看检查"</a> })
                                    .collect_view()}
                            </span>
                            <ul class="source-details">
                                {s.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                            </ul>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
