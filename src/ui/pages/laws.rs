//! 法规: the laws, regulations, rules and standards the checklists cite, in the version in force,
//! with the text of every cited article (or 待核实 and why); a search over titles and article
//! texts; one law alone at `#/laws/<id>`. Read from the law library, offline once the app has
//! been opened.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::law::LawLibrary;
use crate::route::Route;
use crate::state::laws::{use_laws, LawsState};
use crate::ui::components::law_text::{article_view, law_heading, whole_citation};

/// The 法规 page, or one law of it.
#[component]
pub fn LawsPage(
    /// A law's id: that law alone.
    #[prop(optional, into)]
    law: Option<String>,
) -> impl IntoView {
    let laws = use_laws();
    laws.load();
    let query = RwSignal::new(String::new());
    let single = law.is_some();
    let law = StoredValue::new(law);
    let results = move || match laws.state.get() {
        LawsState::Ready(library) => match law.get_value() {
            Some(id) => one_law(&library, &id),
            None => listing(&library, &query.get()),
        },
        LawsState::Failed(message) => view! {
            <p class="warn-text">{message}</p>
            <button type="button" on:click=move |_| laws.load()>"重试"</button>
        }
        .into_any(),
        _ => view! { <p class="muted">"正在读取法规…"</p> }.into_any(),
    };
    view! {
        <div class="page-head">
            <h1>"法规"</h1>
            {single.then(|| view! { <a href=Route::Laws.href()>"‹ 全部法规"</a> })}
        </div>
        <p class="muted small">{move || totals(&laws.state.get())}</p>
        {(!single).then(|| view! {
            <input
                type="search"
                class="law-search"
                placeholder="搜索法规名称、标准号或条文内容"
                aria-label="搜索法规"
                data-testid="law-search"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        })}
        <div class="law-list" data-testid="law-list">{results}</div>
    }
}

/// "收录法律法规、规章和标准80部，被检查要点引用的条文294条（待核实68条）".
fn totals(state: &LawsState) -> String {
    let LawsState::Ready(library) = state else {
        return String::new();
    };
    let (laws, articles, unsure) = library.totals();
    format!(
        "检查要点引用的法律、法规、规章和标准{laws}部，引用条文{articles}条（其中待核实{unsure}条）。均为现行版本，离线可查；标“待核实”的条文条号或原文尚未在可靠来源中核对。"
    )
}

/// The laws matching the query, each folded to its heading unless searched for.
fn listing(library: &Arc<LawLibrary>, query: &str) -> AnyView {
    let found = library.search(query);
    if found.is_empty() {
        return view! { <p class="muted">"没有找到包含“" {query.trim().to_string()} "”的法规或条文。"</p> }
            .into_any();
    }
    let searching = !query.trim().is_empty();
    found
        .into_iter()
        .map(|(law, articles)| {
            let count = format!("引用条文{}条", law.articles.len());
            view! {
                <details class="law" id=law.id.clone() open=searching data-testid=format!("law-{}", law.id)>
                    <summary>
                        <span class="law-name">{law.title()}</span>
                        " "
                        <span class="small muted">{law.kind.label()} " · " {count}</span>
                    </summary>
                    {law_heading(law, None, true)}
                    {articles.into_iter().map(article_view).collect_view()}
                </details>
            }
        })
        .collect_view()
        .into_any()
}

/// One law with all its cited articles.
fn one_law(library: &Arc<LawLibrary>, id: &str) -> AnyView {
    match library.by_id(id) {
        Some(law) => view! {
            <section class="law" data-testid=format!("law-{}", law.id)>
                {law_heading(law, None, false)}
                {law.articles.is_empty().then(|| whole_citation(law.cited_as_whole))}
                {law.articles.iter().map(article_view).collect_view()}
            </section>
        }
        .into_any(),
        None => view! { <p class="warn-text">"法规库中没有这部法规。"</p> }.into_any(),
    }
}
