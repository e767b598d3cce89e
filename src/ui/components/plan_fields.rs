//! A plan's own fields: its name, year (2000 to 2100, refused otherwise) and deadline.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::plan::parse_year;
use crate::state::work::use_work;
use crate::ui::components::field::TextField;

/// The name, year and deadline of a plan, each written as it changes.
#[component]
pub fn PlanFields(
    /// The plan.
    plan_id: String,
) -> impl IntoView {
    let work = use_work();
    let plan_id = StoredValue::new(plan_id);
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let edit = move |change: Box<dyn FnOnce(&mut crate::domain::plan::Plan)>| {
        work.plans.edit(&plan_id.get_value(), change)
    };
    let read = move |f: fn(&crate::domain::plan::Plan) -> String| {
        move || plan.with(|p| p.as_ref().map(f).unwrap_or_default())
    };
    let year_error = RwSignal::new(false);
    let set_year = move |ev: leptos::ev::Event| match parse_year(&event_target_value(&ev)) {
        Some(year) => {
            year_error.set(false);
            edit(Box::new(move |p| p.year = year));
        }
        None => year_error.set(true),
    };
    let set_deadline = move |ev: leptos::ev::Event| {
        let date = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
        edit(Box::new(move |p| p.deadline = date));
    };
    view! {
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <TextField
                label="任务名称"
                name="plan-name"
                required=true
                value=Signal::derive(read(|p| p.name.clone()))
                on_input=Callback::new(move |value: String| edit(Box::new(move |p| p.name = value)))
            />
            <div class="field">
                <label for="field-plan-year">"年度"</label>
                <input
                    id="field-plan-year"
                    type="number"
                    inputmode="numeric"
                    min="2000"
                    max="2100"
                    data-testid="plan-year"
                    prop:value=read(|p| p.year.to_string())
                    on:change=set_year
                />
                <p class="field-message">
                    {move || year_error.get().then(|| view! { <span class="error">"年度应为2000至2100之间的四位数"</span> })}
                </p>
            </div>
            <div class="field">
                <label for="field-plan-deadline">"截止日期"</label>
                <input
                    id="field-plan-deadline"
                    type="date"
                    data-testid="plan-deadline"
                    prop:value=read(|p| p.deadline.map(|d| d.to_string()).unwrap_or_default())
                    on:change=set_deadline
                />
                <p class="field-message"></p>
            </div>
        </form>
    }
}
