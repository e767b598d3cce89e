//! A check point's 依据 line: the basis as the catalog writes it (and the documents print it),
//! which opens the cited articles below it when tapped. The law library is read on the first
//! tap, from the service worker's cache when offline.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::law_text::{cited_article, law_heading, whole_citation};
use crate::domain::law::{LawLibrary, Resolved};
use crate::state::laws::{use_laws, LawsState};

/// The 依据 line of a check point.
#[component]
pub fn BasisLine(
    /// The point's basis text.
    basis: String,
    /// The day of the inspection or stay, to warn of a version not yet in force then; read
    /// once when the panel opens, so closed panels cost nothing.
    #[prop(into, default = Signal::stored(None))]
    on: Signal<Option<NaiveDate>>,
) -> impl IntoView {
    let laws = use_laws();
    let open = RwSignal::new(false);
    let toggle = move |_| {
        laws.load();
        open.update(|o| *o = !*o);
    };
    let shown = StoredValue::new(basis.clone());
    view! {
        <div class="basis">
            <p class="point-basis">
                "依据："
                <button
                    type="button"
                    class="link basis-toggle"
                    aria-expanded=move || open.get().to_string()
                    title="查看条文"
                    data-testid="basis-toggle"
                    on:click=toggle
                >
                    {basis}
                </button>
            </p>
            <Show when=move || open.get()>
                <div class="basis-panel" data-testid="basis-panel">
                    {move || match laws.state.get() {
                        LawsState::Ready(library) => {
                            let day = on.get_untracked();
                            shown.with_value(|b| cited(&library, b, day))
                        }
                        LawsState::Failed(message) => view! {
                            <p class="warn-text small">{message}</p>
                            <button type="button" class="link" on:click=move |_| laws.load()>"重试"</button>
                        }
                        .into_any(),
                        _ => view! { <p class="muted small">"正在读取法规…"</p> }.into_any(),
                    }}
                </div>
            </Show>
        </div>
    }
}

/// Each citation of the basis: the law's heading and the cited articles, or why it is unsure.
fn cited(library: &LawLibrary, basis: &str, on: Option<NaiveDate>) -> AnyView {
    let citations = match library.resolve_basis(basis) {
        Ok(citations) => citations,
        Err(e) => return view! { <p class="warn-text small">"依据格式有误：" {e}</p> }.into_any(),
    };
    citations
        .into_iter()
        .map(|(citation, resolved)| match resolved {
            Resolved::UnknownLaw => view! {
                <section class="cited-law">
                    <h3 class="law-title">{citation.to_string()}</h3>
                    <p class="small"><span class="badge warn">"待核实"</span> " 法规库未收录此法规。"</p>
                </section>
            }
            .into_any(),
            Resolved::Law { law, articles } => {
                let whole = articles.is_empty().then(|| whole_citation(law.cited_as_whole));
                view! {
                    <section class="cited-law">
                        {law_heading(law, on, true)}
                        {whole}
                        {articles.iter().map(cited_article).collect_view()}
                    </section>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}
