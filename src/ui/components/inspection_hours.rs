//! 检查时间 on the inspection page: the start and end the officers type, each falling back to
//! what the data recorded (shown beside them), as printed on the 现场检查笔录.

use leptos::prelude::*;

use crate::domain::inspection::{Hours, END_BEFORE_START};
use crate::state::work::use_work;

/// The two time fields of inspection `inspection_id`.
#[component]
pub fn InspectionHours(inspection_id: String) -> impl IntoView {
    let work = use_work();
    let id = StoredValue::new(inspection_id);
    let inspection = work.inspections.watch(&id.get_value());
    let typed = move || inspection.with(|i| i.as_ref().map(|i| i.hours).unwrap_or_default());
    let recorded =
        move || inspection.with(|i| i.as_ref().map(|i| i.recorded_hours()).unwrap_or_default());
    let value =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    let set = move |end: bool, text: String| {
        let time = Hours::parse_typed(&text);
        work.inspections.edit(&id.get_value(), move |i| {
            if end {
                i.hours.end = time;
            } else {
                i.hours.start = time;
            }
        });
    };
    let note = move || {
        let r = recorded();
        if r.is_empty() {
            "未填写时留空，打印后手写。".to_string()
        } else {
            format!(
                "未填写时按记录：{}至{}",
                Hours::clock(r.start).trim(),
                Hours::clock(r.end).trim()
            )
        }
    };
    view! {
        <div class="field hours" class:has-error=move || typed().is_inverted()>
            <span class="field-label" id="label-inspection-hours">"检查时间"</span>
            <div class="hours-range" role="group" aria-labelledby="label-inspection-hours">
                <input type="time" data-testid="inspection-start" aria-label="开始时间"
                    prop:value=move || value(typed().start)
                    on:change=move |ev| set(false, event_target_value(&ev)) />
                <span>"至"</span>
                <input type="time" data-testid="inspection-end" aria-label="结束时间"
                    prop:value=move || value(typed().end)
                    on:change=move |ev| set(true, event_target_value(&ev)) />
            </div>
            <p class="field-message" data-testid="inspection-hours-note">
                {move || if typed().is_inverted() {
                    view! { <span class="error" role="alert">{END_BEFORE_START}</span> }.into_any()
                } else {
                    view! { <span class="hint">{note()}</span> }.into_any()
                }}
            </p>
        </div>
    }
}
