//! The officers of one inspection with their roles (组长/副组长/成员 per assignment), and the
//! roster to add more from. A law-enforcement check needs at least two.

use leptos::prelude::*;

use crate::domain::inspection::{Assignment, MIN_INSPECTORS};
use crate::domain::inspector::{validate, AssignmentRole};
use crate::domain::labelled::Labelled;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;

/// A change to the list of assignments.
type AssignmentsChange = dyn FnOnce(&mut Vec<Assignment>);

/// The officers of an inspection.
#[component]
pub fn InspectorAssignments(
    /// The inspection.
    inspection_id: String,
) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let inspection_id = StoredValue::new(inspection_id);
    let assigned = Memo::new(move |_| {
        work.inspections
            .get(&inspection_id.get_value())
            .map(|i| i.inspectors)
            .unwrap_or_default()
    });
    let edit = move |f: Box<AssignmentsChange>| {
        work.inspections
            .edit(&inspection_id.get_value(), move |i| f(&mut i.inspectors));
    };
    let available = Memo::new(move |_| {
        let taken: Vec<String> =
            assigned.with(|a| a.iter().map(|a| a.inspector_id.clone()).collect());
        roster.inspectors.with(|all| {
            all.iter()
                .filter(|i| !taken.contains(&i.id) && validate(i, all).is_empty())
                .map(|i| {
                    (
                        i.id.clone(),
                        format!("{}（{}）", i.display_name(), i.certificate_number.trim()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="assignments">
            <legend>"执法人员" <span class="muted">{format!("（不少于{MIN_INSPECTORS}人）")}</span></legend>
            <ul class="rows" data-testid="assigned-inspectors">
                {move || {
                    assigned
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, assignment)| {
                            let name = roster
                                .inspectors
                                .get(&assignment.inspector_id)
                                .map(|i| format!("{}（{}）", i.display_name(), i.certificate_number.trim()))
                                .unwrap_or_else(|| "（已删除的执法人员）".into());
                            let role = assignment.role;
                            view! {
                                <li class="row-item">
                                    <span class="row-title">{name}</span>
                                    <select
                                        aria-label="角色"
                                        on:change=move |ev| {
                                            if let Some(role) = AssignmentRole::from_code(&event_target_value(&ev)) {
                                                edit(Box::new(move |list| if let Some(a) = list.get_mut(index) { a.role = role }));
                                            }
                                        }
                                    >
                                        {AssignmentRole::ALL
                                            .iter()
                                            .map(|&r| view! { <option value=r.code() selected=r == role>{r.label()}</option> })
                                            .collect_view()}
                                    </select>
                                    <button type="button" on:click=move |_| edit(Box::new(move |list| {
                                        if index < list.len() { list.remove(index); }
                                    }))>"移除"</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Show
                when=move || !available.with(Vec::is_empty)
                fallback=|| view! {
                    <p class="muted">"名录中没有可加入的执法人员。" <a href=Route::Inspectors.href()>"去登记执法人员"</a></p>
                }
            >
                <select
                    data-testid="add-assignment"
                    prop:value=move || { assigned.track(); "" }
                    aria-label="加入执法人员"
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if id.is_empty() { return; }
                        let role = if assigned.with(Vec::is_empty) { AssignmentRole::Leader } else { AssignmentRole::Member };
                        edit(Box::new(move |list| list.push(Assignment { inspector_id: id, role })));
                    }
                >
                    <option value="" selected=true>"加入执法人员…"</option>
                    <For each=move || available.get() key=|a| a.0.clone() let:a>
                        <option value=a.0.clone()>{a.1.clone()}</option>
                    </For>
                </select>
            </Show>
        </fieldset>
    }
}
