//! A stay's group: 组长 1, 副组长 1 and 成员 from the 执法人员 roster (an officer who declared a
//! conflict of interest (回避) with the hospital is marked), and township staff added by name.

use leptos::prelude::*;

use crate::domain::inspector::{validate, AssignmentRole};
use crate::domain::labelled::Labelled;
use crate::domain::stationed::stay::StayGroup;
use crate::state::roster::use_roster;
use crate::state::work::use_work;

/// The group editor of a stay.
#[component]
pub fn StayGroupEditor(stay_id: String, editable: Signal<bool>) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let stay_id = StoredValue::new(stay_id);
    let stay = Memo::new(move |_| work.stays.get(&stay_id.get_value()));
    let group =
        Memo::new(move |_| stay.with(|s| s.as_ref().map(|s| s.group.clone()).unwrap_or_default()));
    let edit = move |f: Box<dyn FnOnce(&mut StayGroup)>| {
        work.stays
            .edit(&stay_id.get_value(), move |s| f(&mut s.group));
    };
    let hospital = move || {
        stay.with(|s| {
            s.as_ref()
                .map(|s| s.institution_id.clone())
                .unwrap_or_default()
        })
    };
    let officers = Memo::new(move |_| {
        group.with(|g| {
            g.officers()
                .into_iter()
                .map(|(id, role)| {
                    let officer = roster.inspectors.get(id);
                    let name = officer
                        .as_ref()
                        .map(|i| i.display_name().to_string())
                        .unwrap_or_else(|| "（已删除的执法人员）".into());
                    let conflict = officer.is_some_and(|i| i.conflicts.contains(&hospital()));
                    (id.to_string(), role, name, conflict)
                })
                .collect::<Vec<_>>()
        })
    });
    let available = Memo::new(move |_| {
        let taken: Vec<String> = officers.with(|o| o.iter().map(|o| o.0.clone()).collect());
        roster.inspectors.with(|all| {
            all.iter()
                .filter(|i| !taken.contains(&i.id) && validate(i, all).is_empty())
                .map(|i| (i.id.clone(), i.display_name().to_string()))
                .collect::<Vec<_>>()
        })
    });
    let pick = RwSignal::new(String::new());
    let role = RwSignal::new(AssignmentRole::Leader);
    let staff_name = RwSignal::new(String::new());
    view! {
        <fieldset class="assignments" data-testid="stay-group" prop:disabled=move || !editable.get()>
            <legend>"监督组"</legend>
            <ul class="rows">
                {move || officers.get().into_iter().map(|(id, role, name, conflict)| view! {
                    <li class="row-item" data-testid="group-officer">
                        <span class="row-title">{name}</span>
                        <span class="row-meta">{role.label()}</span>
                        {conflict.then(|| view! { <span class="badge warn">"已声明回避该医院"</span> })}
                        <span class="row-actions">
                            <button type="button" on:click=move |_| { let id = id.clone(); edit(Box::new(move |g| g.remove(&id))) }>"移出"</button>
                        </span>
                    </li>
                }).collect_view()}
            </ul>
            <div class="inline-form">
                <select data-testid="group-pick" aria-label="执法人员" on:change=move |ev| pick.set(event_target_value(&ev))>
                    <option value="" selected=move || pick.with(String::is_empty)>"选择执法人员"</option>
                    {move || available.get().into_iter().map(|(id, name)| {
                        let selected = id.clone();
                        view! { <option value=id selected=move || pick.get() == selected>{name}</option> }
                    }).collect_view()}
                </select>
                <select data-testid="group-role" aria-label="组内职务" on:change=move |ev| {
                    if let Some(r) = AssignmentRole::from_code(&event_target_value(&ev)) { role.set(r) }
                }>
                    {AssignmentRole::ALL.iter().map(|r| {
                        let r = *r;
                        view! { <option value=r.code() selected=move || role.get() == r>{r.label()}</option> }
                    }).collect_view()}
                </select>
                <button type="button" data-testid="group-add" prop:disabled=move || pick.with(String::is_empty) on:click=move |_| {
                    let (id, r) = (pick.get(), role.get());
                    edit(Box::new(move |g| g.assign(&id, r)));
                    pick.set(String::new());
                    role.set(AssignmentRole::Member);
                }>"加入监督组"</button>
            </div>
            <p class="muted">"组长、副组长各1人，再加入的同一职务会替换原来的人选。"</p>
            <h3>"乡镇人员"</h3>
            <ul class="rows">
                {move || group.with(|g| g.township_staff.clone()).into_iter().enumerate().map(|(n, name)| view! {
                    <li class="row-item" data-testid="township-staff">
                        <span class="row-title">{name}</span>
                        <span class="row-actions">
                            <button type="button" on:click=move |_| edit(Box::new(move |g| { if n < g.township_staff.len() { g.township_staff.remove(n); } }))>"移出"</button>
                        </span>
                    </li>
                }).collect_view()}
            </ul>
            <div class="inline-form">
                <input type="text" data-testid="township-name" aria-label="乡镇人员姓名" placeholder="姓名（单位）"
                    prop:value=move || staff_name.get() on:input=move |ev| staff_name.set(event_target_value(&ev)) />
                <button type="button" data-testid="township-add" prop:disabled=move || staff_name.with(|n| n.trim().is_empty()) on:click=move |_| {
                    let name = staff_name.get().trim().to_string();
                    edit(Box::new(move |g| g.township_staff.push(name)));
                    staff_name.set(String::new());
                }>"加入"</button>
            </div>
        </fieldset>
    }
}
