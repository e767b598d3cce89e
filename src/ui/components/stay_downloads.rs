//! The 问题汇总表 of a stay: XLSX and CSV downloads, and a print-only table (the register page's
//! editors are left out of print).

use leptos::prelude::*;

use super::print_button::PrintButton;
use crate::browser;
use crate::domain::export::stay_register::{self, COLUMNS};
use crate::state::roster::use_roster;
use crate::state::stay_facts::StayInputs;
use crate::state::work::use_work;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Downloads and print of a stay's problem register.
#[component]
pub fn StayRegisterDownloads(stay_id: String) -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let stay_id = StoredValue::new(stay_id);
    let inputs = move || StayInputs::read(work, roster, &stay_id.get_value());
    let error = RwSignal::new(None::<String>);
    let download = move |kind: &'static str| {
        let Some(inputs) = inputs() else {
            return;
        };
        let facts = inputs.facts();
        let title = stay_register::title(&facts);
        let today = browser::today();
        let result = match kind {
            "xlsx" => stay_register::xlsx(&facts, today)
                .and_then(|bytes| browser::download(&format!("{title}.xlsx"), XLSX_MIME, &bytes)),
            _ => browser::download(
                &format!("{title}.csv"),
                "text/csv;charset=utf-8",
                &stay_register::csv(&facts, today),
            ),
        };
        error.set(result.err());
    };
    let printed = move || {
        let inputs = inputs()?;
        let facts = inputs.facts();
        let today = browser::today();
        let areas = stay_register::rows(&facts, today);
        Some(view! {
            <h1>{stay_register::title(&facts)}</h1>
            <p>{stay_register::info_line(&facts)}</p>
            <table class="register-print">
                <thead><tr>{COLUMNS.iter().map(|c| view! { <th>{*c}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {areas.into_iter().map(|area| view! {
                        <tr><th colspan=COLUMNS.len().to_string() class="area-row">{area.area}</th></tr>
                        {area.rows.into_iter().map(|r| view! {
                            <tr>
                                <td>{r.number}</td><td>{r.scene}</td><td>{r.checked}</td><td>{r.description}</td>
                                <td>{r.basis}</td><td>{r.evidence}</td><td>{r.found_on}</td><td>{r.handling}</td>
                                <td>{r.deadline}</td><td>{r.recheck}</td>
                            </tr>
                        }).collect_view()}
                    }).collect_view()}
                </tbody>
            </table>
            <p>{stay_register::total_line(&facts, today)}</p>
        })
    };
    view! {
        <p class="actions no-print">
            <button type="button" class="primary" data-testid="register-xlsx" on:click=move |_| download("xlsx")>"下载问题汇总表 XLSX"</button>
            <button type="button" data-testid="register-csv" on:click=move |_| download("csv")>"下载 CSV"</button>
        </p>
        <div class="actions no-print"><PrintButton label="打印问题汇总表" testid="print-register" /></div>
        {move || error.get().map(|e| view! { <div class="alert alert-error" role="alert">{e}</div> })}
        <div class="print-only register-print-frame">{printed}</div>
    }
}
