//! The units chosen for a plan, each with its work: 开始检查 (with the officers drawn for it,
//! `Plan::start_inspection`) or 移出, the inspection's status and link, or on a 驻点 plan its
//! stay.

use leptos::prelude::*;

use crate::browser;
use crate::domain::inspection::{Inspection, InspectionStatus};
use crate::domain::institution::Institution;
use crate::domain::labelled::Labelled;
use crate::domain::plan::UnitWork;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::stay_action::StayAction;

/// One chosen unit as listed.
#[derive(Debug, Clone, PartialEq)]
struct UnitRow {
    institution_id: String,
    name: String,
    meta: String,
    inspection: Option<Inspection>,
}

/// The list of a plan's units.
#[component]
pub fn PlanUnits(
    /// The plan.
    plan_id: String,
) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let plan_id = StoredValue::new(plan_id);
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let inspection_of = move |institution_id: &str| {
        work.inspections.with(|all| {
            all.iter()
                .find(|i| i.plan_id == plan_id.get_value() && i.institution_id == institution_id)
                .cloned()
        })
    };
    let rows = Memo::new(move |_| {
        let ids = plan.with(|p| {
            p.as_ref()
                .map(|p| p.institution_ids.clone())
                .unwrap_or_default()
        });
        ids.into_iter()
            .filter_map(|id| roster.institutions.get(&id))
            .map(|i| UnitRow {
                institution_id: i.id.clone(),
                name: i.display_name().to_string(),
                meta: institution_meta(&i),
                inspection: inspection_of(&i.id),
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="muted">"还没有检查对象，请从下方监督对象名录中加入。"</p>
        </Show>
        <ul class="rows" data-testid="plan-institutions">
            <For
                each=move || rows.get()
                key=|row| (row.institution_id.clone(), row.name.clone(), row.inspection.as_ref().map(|i| (i.id.clone(), i.status)))
                let:row
            >
                {
                    let work_kind = plan.with_untracked(|p| p.as_ref().map(|p| p.kind.unit_work()));
                    view! {
                        <li class="row-item" data-testid="plan-institution">
                            <span class="row-title">{row.name}</span>
                            <span class="row-meta">{row.meta}</span>
                            <span class="row-actions">
                                <UnitActions plan_id=plan_id.get_value() institution_id=row.institution_id inspection=row.inspection work_kind=work_kind />
                            </span>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

/// What can be done with one unit: its stay, its inspection, or starting one / removing it.
#[component]
fn UnitActions(
    plan_id: String,
    institution_id: String,
    inspection: Option<Inspection>,
    /// The record the plan's units are worked through (`None` while the plan is missing).
    work_kind: Option<UnitWork>,
) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let ids = StoredValue::new((plan_id, institution_id));
    let start = move |_| {
        let (plan_id, institution_id) = ids.get_value();
        let (Some(plan), Some(institution)) = (
            work.plans.get(&plan_id),
            roster.institutions.get(&institution_id),
        ) else {
            return;
        };
        let inspection = plan.start_inspection(
            browser::new_id(),
            &institution,
            browser::today(),
            browser::now(),
        );
        let id = work.inspections.add(inspection);
        browser::go_to(&Route::Inspection(id));
    };
    let remove = move |_| {
        let (plan_id, institution_id) = ids.get_value();
        work.plans.edit(&plan_id, move |p| {
            p.institution_ids.retain(|i| *i != institution_id)
        });
    };
    match (work_kind, inspection) {
        (Some(UnitWork::Stay), _) => {
            let (plan_id, institution_id) = ids.get_value();
            view! { <StayAction plan_id=plan_id institution_id=institution_id /> }.into_any()
        }
        (Some(UnitWork::Inspection) | None, Some(inspection)) => {
            let label = if inspection.status == InspectionStatus::Draft { "继续检查" } else { "查看检查" };
            view! {
                <span class="badge">{inspection.status.label()}</span>
                <a class="button" href=Route::Inspection(inspection.id.clone()).href()>{label}</a>
            }
                .into_any()
        }
        (Some(UnitWork::Inspection) | None, None) => view! {
            <button class="primary" data-testid="start-inspection" on:click=start>"开始检查"</button>
            <button on:click=remove>"移出"</button>
        }
            .into_any(),
    }
}

/// The type shown beside an institution, with its penalties when it has any (回头看).
pub fn institution_meta(institution: &Institution) -> String {
    let kind = institution.kind.map(|k| k.label()).unwrap_or("");
    let penalties: Vec<String> = institution
        .penalties
        .iter()
        .map(|p| format!("{}年{}", p.year, p.campaign.label()))
        .collect();
    if penalties.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} · 原处罚：{}", penalties.join("、"))
    }
}
