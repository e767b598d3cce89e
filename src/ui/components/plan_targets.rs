//! A plan's targets with their progress (e.g. 村卫生室 3/5): counts can be changed, targets
//! added for the plan's other institution types, and removed.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::inspection::InspectionStatus;
use crate::domain::institution::InstitutionType;
use crate::domain::labelled::Labelled;
use crate::state::roster::use_roster;
use crate::state::work::use_work;

/// The targets and progress of a plan.
#[component]
pub fn PlanTargets(
    /// The plan.
    plan_id: String,
) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let plan_id = StoredValue::new(plan_id);
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let progress = Memo::new(move |_| {
        let completed: BTreeSet<String> = work.inspections.with(|all| {
            all.iter()
                .filter(|i| i.plan_id == plan_id.get_value() && i.status != InspectionStatus::Draft)
                .map(|i| i.institution_id.clone())
                .collect()
        });
        plan.with(|p| {
            p.as_ref()
                .map(|p| roster.institutions.with(|all| p.progress(all, &completed)))
                .unwrap_or_default()
        })
    });
    let addable = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.kind
                        .institution_types()
                        .iter()
                        .copied()
                        .filter(|k| !p.targets.iter().any(|t| t.types.contains(k)))
                        .collect::<Vec<InstitutionType>>()
                })
                .unwrap_or_default()
        })
    });
    let rows = move || progress.get().into_iter().enumerate().collect::<Vec<_>>();
    let edit = move |f: Box<dyn FnOnce(&mut crate::domain::plan::Plan)>| {
        work.plans.edit(&plan_id.get_value(), f)
    };
    view! {
        <h2>"目标与进度"</h2>
        <Show when=move || progress.with(Vec::is_empty)>
            <p class="muted">"此任务还没有按机构类别设定目标数。"</p>
        </Show>
        <ul class="progress" data-testid="plan-progress">
            <For
                each=rows
                key=|(index, p)| (*index, p.clone())
                let:row
            >
                {
                    let (index, p) = row;
                    let done = p.done >= p.target;
                    view! {
                        <li class:done=done>
                            <span>{p.label.clone()}</span>
                            <strong>{format!("{}/{}", p.done, p.target)}</strong>
                            <span class="muted">{format!("已列入 {} 家", p.listed)}</span>
                            <label class="target-count">
                                "目标数"
                                <input
                                    type="number"
                                    min="0"
                                    inputmode="numeric"
                                    data-testid="target-count"
                                    value=p.target
                                    on:change=move |ev| {
                                        if let Ok(count) = event_target_value(&ev).trim().parse::<u32>() {
                                            edit(Box::new(move |plan| if let Some(t) = plan.targets.get_mut(index) { t.count = count }));
                                        }
                                    }
                                />
                            </label>
                            <button type="button" on:click=move |_| edit(Box::new(move |plan| {
                                if index < plan.targets.len() { plan.targets.remove(index); }
                            }))>"移除"</button>
                        </li>
                    }
                }
            </For>
        </ul>
        <Show when=move || !addable.with(Vec::is_empty)>
            <select
                class="wide"
                data-testid="add-target"
                aria-label="添加目标"
                prop:value=move || { progress.track(); "" }
                on:change=move |ev| {
                    if let Some(kind) = InstitutionType::from_code(&event_target_value(&ev)) {
                        edit(Box::new(move |plan| { plan.add_target(kind, 1); }));
                    }
                }
            >
                <option value="">"为其他机构类别添加目标数…"</option>
                {move || addable.get().into_iter().map(|k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
            </select>
        </Show>
    }
}
