//! 监督对象: the roster list, searchable by name or code and filtered by type and township.

use leptos::prelude::*;

use crate::browser;
use crate::domain::institution::{validate, InstitutionType};
use crate::domain::labelled::Labelled;
use crate::domain::roster::{search, townships, InstitutionQuery};
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::storage::preferences;

/// Rows rendered at first; more on request, so 5,000 institutions stay fast on a tablet.
const PAGE_ROWS: usize = 100;

/// The institution roster page.
#[component]
pub fn InstitutionsPage() -> impl IntoView {
    let roster = use_roster();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(
        preferences::roster_type_filter().and_then(|c| InstitutionType::from_code(&c)),
    );
    let township = RwSignal::new(None::<String>);
    let limit = RwSignal::new(PAGE_ROWS);

    let query = Memo::new(move |_| InstitutionQuery {
        text: text.get(),
        kind: kind.get(),
        township: township.get(),
    });
    let matches = Memo::new(move |_| {
        let query = query.get();
        roster.institutions.with(|all| {
            search(all, &query)
                .into_iter()
                .map(|i| Row {
                    id: i.id.clone(),
                    name: i.display_name().to_string(),
                    kind: i.kind.map(|k| k.label()).unwrap_or("未选择类别"),
                    township: i.township.trim().to_string(),
                    code: i.registration_number.trim().to_string(),
                    focus: i.is_focus(),
                    incomplete: !validate(i).is_empty(),
                })
                .collect::<Vec<_>>()
        })
    });
    let township_options = Memo::new(move |_| roster.institutions.with(|all| townships(all)));
    let has_more = move || matches.with(Vec::len) > limit.get();
    let add = move |_| {
        let id = roster.add_institution();
        browser::go_to(&Route::Institution(id));
    };

    view! {
        <div class="page-head">
            <h1>"监督对象"</h1>
            <button class="primary" data-testid="add-institution" on:click=add>"新增监督对象"</button>
            <a class="button" data-testid="import-roster" href=Route::RosterImport.href()>"从文件导入"</a>
        </div>
        <div class="filters">
            <input
                type="search"
                data-testid="institution-search"
                aria-label="按名称或代码搜索"
                placeholder="按名称或统一社会信用代码搜索"
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    limit.set(PAGE_ROWS);
                }
            />
            <select
                aria-label="机构类别"
                data-testid="institution-type-filter"
                on:change=move |ev| {
                    let picked = InstitutionType::from_code(&event_target_value(&ev));
                    preferences::set_roster_type_filter(picked.map(Labelled::code));
                    kind.set(picked);
                    limit.set(PAGE_ROWS);
                }
            >
                <option value="" selected=move || kind.get().is_none()>"全部类别"</option>
                {InstitutionType::ALL
                    .iter()
                    .map(|&k| view! { <option value=k.code() selected=move || kind.get() == Some(k)>{k.label()}</option> })
                    .collect_view()}
            </select>
            <select
                aria-label="乡镇/街道"
                data-testid="institution-township-filter"
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    township.set((!picked.is_empty()).then_some(picked));
                    limit.set(PAGE_ROWS);
                }
            >
                <option value="" selected=move || township.get().is_none()>"全部乡镇/街道"</option>
                <For each=move || township_options.get() key=|t| t.clone() let:name>
                    {
                        let value = name.clone();
                        let selected = name.clone();
                        view! { <option value=value selected=move || township.get().as_deref() == Some(selected.as_str())>{name}</option> }
                    }
                </For>
            </select>
        </div>
        <p class="muted" data-testid="institution-count">
            {move || {
                let total = roster.institutions.with(Vec::len);
                let found = matches.with(Vec::len);
                if found == total { format!("共 {total} 家") } else { format!("共 {total} 家，符合条件 {found} 家") }
            }}
        </p>
        <Show when=move || roster.loaded.get() && roster.institutions.with(Vec::is_empty)>
            <div class="notice">"还没有监督对象。点“新增监督对象”开始登记。"</div>
        </Show>
        <ul class="rows" data-testid="institution-list">
            <For
                each=move || matches.with(|m| m.iter().take(limit.get()).cloned().collect::<Vec<_>>())
                key=|row| (row.id.clone(), row.name.clone(), row.kind, row.township.clone(), row.code.clone(), row.focus, row.incomplete)
                let:row
            >
                <li>
                    <a class="row-link" href=Route::Institution(row.id.clone()).href() data-testid="institution-row">
                        <span class="row-title">{row.name.clone()}</span>
                        <span class="row-meta">
                            {row.kind} {(!row.township.is_empty()).then(|| format!(" · {}", row.township))}
                            {(!row.code.is_empty()).then(|| format!(" · {}", row.code))}
                        </span>
                        <span class="badges">
                            {row.focus.then(|| view! { <span class="badge focus">"重点"</span> })}
                            {row.incomplete.then(|| view! { <span class="badge warn">"信息待完善"</span> })}
                        </span>
                    </a>
                </li>
            </For>
        </ul>
        <Show when=has_more>
            <button class="more" on:click=move |_| limit.update(|l| *l += PAGE_ROWS)>
                {move || format!("显示更多（还有 {} 家）", matches.with(Vec::len) - limit.get())}
            </button>
        </Show>
    }
}

/// One line of the list, computed from an institution.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    kind: &'static str,
    township: String,
    code: String,
    focus: bool,
    incomplete: bool,
}
