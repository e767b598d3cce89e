//! 回避 on an officer's page: the institutions the officer must not inspect (kin, a former
//! employer, …). Draws never assign the officer there.

use leptos::prelude::*;

use crate::domain::roster::{search, InstitutionQuery};
use crate::route::Route;
use crate::state::roster::use_roster;

/// A change to an officer's list of conflicts.
type ConflictsChange = Box<dyn FnOnce(&mut Vec<String>)>;

/// Candidates shown at once.
const ROWS: usize = 8;

/// The conflicts of one officer.
#[component]
pub fn ConflictEditor(
    /// The officer.
    inspector_id: String,
) -> impl IntoView {
    let roster = use_roster();
    let inspector_id = StoredValue::new(inspector_id);
    let conflicts = Memo::new(move |_| {
        roster
            .inspectors
            .get(&inspector_id.get_value())
            .map(|i| i.conflicts)
            .unwrap_or_default()
    });
    let query = RwSignal::new(String::new());
    let found = Memo::new(move |_| {
        let text = query.get();
        if text.trim().is_empty() {
            return Vec::new();
        }
        let taken = conflicts.get();
        roster.institutions.with(|all| {
            search(
                all,
                &InstitutionQuery {
                    text,
                    ..Default::default()
                },
            )
            .into_iter()
            .filter(|i| !taken.contains(&i.id))
            .take(ROWS)
            .map(|i| (i.id.clone(), i.display_name().to_string()))
            .collect::<Vec<_>>()
        })
    });
    let change = move |f: ConflictsChange| {
        roster
            .inspectors
            .edit(&inspector_id.get_value(), move |i| f(&mut i.conflicts));
    };
    view! {
        <section class="conflicts" data-testid="conflicts">
            <h2>"回避单位"</h2>
            <p class="muted">"该执法人员应当回避的单位（如近亲属任职、曾任职的单位）。双随机抽取时不会把该人员分配到这些单位。"</p>
            <ul class="rows">
                {move || conflicts.get().into_iter().map(|id| {
                    let name = roster.institutions.get(&id).map(|i| i.display_name().to_string()).unwrap_or_else(|| "（监督对象已删除）".into());
                    let remove_id = id.clone();
                    view! {
                        <li class="row-item" data-testid="conflict">
                            <a class="row-title" href=Route::Institution(id.clone()).href()>{name}</a>
                            <span class="row-actions">
                                <button on:click=move |_| {
                                    let id = remove_id.clone();
                                    change(Box::new(move |list| list.retain(|c| *c != id)));
                                }>"移除"</button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <input type="search" class="wide" data-testid="conflict-search" aria-label="搜索要回避的单位"
                placeholder="按名称或代码搜索要回避的单位"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
            <ul class="rows candidates">
                {move || found.get().into_iter().map(|(id, name)| view! {
                    <li class="row-item">
                        <span class="row-title">{name}</span>
                        <span class="row-actions">
                            <button data-testid="add-conflict" on:click=move |_| {
                                let id = id.clone();
                                change(Box::new(move |list| list.push(id)));
                            }>"加入回避"</button>
                        </span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
