//! 执法人员: the roster of law-enforcement officers.

use leptos::prelude::*;

use crate::browser;
use crate::domain::inspector::{validate, AssignmentRole};
use crate::domain::labelled::Labelled;
use crate::route::Route;
use crate::state::roster::use_roster;

/// The inspector roster page.
#[component]
pub fn InspectorsPage() -> impl IntoView {
    let roster = use_roster();
    let rows = Memo::new(move |_| {
        roster.inspectors.with(|all| {
            let mut rows: Vec<(String, String, String, String, bool)> = all
                .iter()
                .map(|i| {
                    let incomplete = !validate(i, all).is_empty();
                    (
                        i.id.clone(),
                        i.display_name().to_string(),
                        i.certificate_number.trim().to_string(),
                        i.unit.trim().to_string(),
                        incomplete,
                    )
                })
                .collect();
            rows.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
            rows
        })
    });
    let add = move |_| {
        let id = roster.add_inspector();
        browser::go_to(&Route::Inspector(id));
    };
    let roles: Vec<&str> = AssignmentRole::ALL.iter().map(|r| r.label()).collect();
    view! {
        <div class="page-head">
            <h1>"执法人员"</h1>
            <button class="primary" data-testid="add-inspector" on:click=add>"新增执法人员"</button>
        </div>
        <p class="muted">
            "依法执行监督检查的执法人员不得少于两人。" {roles.join("、")} "在每次任务分组时指定，不随人员固定。"
        </p>
        <Show when=move || roster.loaded.get() && roster.inspectors.with(Vec::is_empty)>
            <div class="notice">"还没有执法人员。点“新增执法人员”开始登记。"</div>
        </Show>
        <ul class="rows" data-testid="inspector-list">
            <For each=move || rows.get() key=|row| row.clone() let:row>
                <li>
                    <a class="row-link" href=Route::Inspector(row.0.clone()).href() data-testid="inspector-row">
                        <span class="row-title">{row.1.clone()}</span>
                        <span class="row-meta">
                            {(!row.2.is_empty()).then(|| format!("执法证号 {}", row.2))}
                            {(!row.3.is_empty()).then(|| format!(" · {}", row.3))}
                        </span>
                        <span class="badges">{row.4.then(|| view! { <span class="badge warn">"信息待完善"</span> })}</span>
                    </a>
                </li>
            </For>
        </ul>
    }
}
