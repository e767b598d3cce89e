//! 记录人 of a stay's sheets: the officer using this device, picked from the stay's group and
//! remembered on the device.

use leptos::prelude::*;

use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::storage::preferences;

/// The recorder picker.
#[component]
pub fn StayRecorder(stay_id: String, recorder: RwSignal<Option<String>>) -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let officers = Memo::new(move |_| {
        work.stays
            .get(&stay_id)
            .map(|s| {
                s.group
                    .officers()
                    .into_iter()
                    .filter_map(|(id, role)| {
                        roster.inspectors.get(id).map(|i| {
                            (
                                i.id.clone(),
                                format!(
                                    "{}（{}）",
                                    i.display_name(),
                                    crate::domain::labelled::Labelled::label(role)
                                ),
                            )
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <div class="field recorder">
            <label for="field-stay-recorder">"记录人（本机使用者）"</label>
            <select
                id="field-stay-recorder"
                data-testid="recorder"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let value = (!value.is_empty()).then_some(value);
                    preferences::set_recorder(value.as_deref());
                    recorder.set(value);
                }
            >
                <option value="" selected=move || recorder.get().is_none()>"未选择"</option>
                {move || officers.get().into_iter().map(|(id, name)| {
                    let selected = id.clone();
                    view! { <option value=id selected=move || recorder.get().as_deref() == Some(selected.as_str())>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
