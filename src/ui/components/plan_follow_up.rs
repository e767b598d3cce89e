//! 回头看 on a plan page: the plan's units counted per 附表3 row, and a button adding last
//! year's penalised units in one tap (`Plan::follow_up_population`, `Plan::penalised_last_year`).

use leptos::prelude::*;

use crate::domain::labelled::Labelled;
use crate::state::roster::use_roster;
use crate::state::work::use_work;

/// The follow-up population of a plan and the 加入…年被处罚单位 button.
#[component]
pub fn PlanFollowUp(
    /// The plan (one that follows up penalties).
    plan_id: String,
) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let plan_id = StoredValue::new(plan_id);
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let population = Memo::new(move |_| {
        let rows = roster
            .institutions
            .with(|all| plan.with(|p| p.as_ref()?.follow_up_population(all)))?;
        Some(
            rows.into_iter()
                .map(|(row, units)| format!("{} {units}家", row.label()))
                .collect::<Vec<_>>(),
        )
    });
    let penalised = Memo::new(move |_| {
        roster
            .institutions
            .with(|all| plan.with(|p| p.as_ref()?.penalised_last_year(all)))
    });
    view! {
        {move || population.get().map(|rows| view! {
            <div class="notice" data-testid="population">
                <p><strong>"回头看对象（按附表3类别）"</strong></p>
                {if rows.is_empty() {
                    view! { <p>"尚未加入登记了原处罚信息的单位。"</p> }.into_any()
                } else {
                    view! { <ul>{rows.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> }.into_any()
                }}
            </div>
        })}
        {move || penalised.get().filter(|units| !units.ids.is_empty()).map(|units| {
            let count = units.ids.len();
            let ids = units.ids;
            view! {
                <button class="primary" data-testid="add-penalised" on:click=move |_| {
                    let ids = ids.clone();
                    work.plans.edit(&plan_id.get_value(), move |p| p.institution_ids.extend(ids));
                }>{format!("加入{}年被处罚单位（{count}家）", units.year)}</button>
            }
        })}
    }
}
