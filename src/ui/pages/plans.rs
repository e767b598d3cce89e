//! 任务: the plans on this device with their progress, and the official templates to start from.

use std::collections::BTreeSet;

use chrono::Datelike;
use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::edition_2022;
use crate::domain::inspection::InspectionStatus;
use crate::domain::labelled::Labelled;
use crate::domain::plan::{templates_2022, Plan, PlanKind};
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::link_rows::{LinkRow, LinkRows};

/// The plans page.
#[component]
pub fn PlansPage() -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let templates = templates_2022();
    let rows = Memo::new(move |_| {
        let completed: BTreeSet<String> = work.inspections.with(|all| {
            all.iter()
                .filter(|i| i.status != InspectionStatus::Draft)
                .map(|i| i.institution_id.clone())
                .collect()
        });
        let mut rows: Vec<(String, String, String)> = work.plans.with(|plans| {
            plans
                .iter()
                .map(|plan| {
                    let progress = roster
                        .institutions
                        .with(|all| plan.progress(all, &completed))
                        .iter()
                        .map(|p| format!("{} {}/{}", p.label, p.done, p.target))
                        .collect::<Vec<_>>()
                        .join("，");
                    let meta = format!(
                        "{} · {}年{}{}",
                        plan.kind.label(),
                        plan.year,
                        plan.deadline
                            .map(|d| format!(" · 截止 {d}"))
                            .unwrap_or_default(),
                        if progress.is_empty() {
                            String::new()
                        } else {
                            format!(" · {progress}")
                        }
                    );
                    (plan.id.clone(), plan.name.clone(), meta)
                })
                .collect()
        });
        rows.sort_by(|a, b| a.1.cmp(&b.1));
        rows
    });
    let new_kind = RwSignal::new(None::<PlanKind>);
    let create_blank = move |_| {
        let Some(kind) = new_kind.get_untracked() else {
            return;
        };
        let year = browser::today().year();
        let plan = Plan::new(
            browser::new_id(),
            kind,
            year,
            &edition_2022().edition,
            browser::now(),
        );
        let id = work.plans.add(plan);
        browser::go_to(&Route::Plan(id));
    };
    view! {
        <h1>"任务"</h1>
        <Show when=move || work.plans.with(Vec::is_empty)>
            <div class="notice">"还没有任务。可从下方模板新建。"</div>
        </Show>
        <LinkRows
            rows=Signal::derive(move || {
                rows.get()
                    .into_iter()
                    .map(|(id, title, meta, ..)| LinkRow { href: Route::Plan(id).href(), title, meta })
                    .collect::<Vec<_>>()
            })
            list_testid="plan-list"
            row_testid="plan-row"
        />
        <h2>"新建任务"</h2>
        <div class="actions">
            <select data-testid="new-plan-kind" aria-label="任务类型" on:change=move |ev| new_kind.set(PlanKind::from_code(&event_target_value(&ev)))>
                <option value="" selected=true>"选择任务类型…"</option>
                {PlanKind::ALL.iter().map(|&k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
            </select>
            <button data-testid="create-plan" disabled=move || new_kind.get().is_none() on:click=create_blank>"新建空白任务"</button>
        </div>
        <h2>"从模板新建"</h2>
        {match templates {
            Err(message) => view! { <div class="alert alert-error">{message}</div> }.into_any(),
            Ok(templates) => {
                view! {
                    <div class="cards">
                        {templates
                            .into_iter()
                            .map(|template| {
                                let targets = template
                                    .targets
                                    .iter()
                                    .map(|t| format!("{}{}家", t.label(), t.count))
                                    .collect::<Vec<_>>()
                                    .join("、");
                                let name = template.name.clone();
                                let note = template.note.clone();
                                let create = move |_| {
                                    let plan = template.instantiate(browser::new_id(), browser::now());
                                    let id = work.plans.add(plan);
                                    browser::go_to(&Route::Plan(id));
                                };
                                view! {
                                    <div class="card template">
                                        <span class="card-title">{name}</span>
                                        <span>{targets}</span>
                                        <span class="muted">{note}</span>
                                        <button class="primary" data-testid="create-from-template" on:click=create>
                                            "从模板新建"
                                        </button>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                }
                    .into_any()
            }
        }}
    }
}
