//! A list of records as tappable rows (title over a line of details), each linking to its page.

use leptos::prelude::*;

/// One row: where it links, its title and its details.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LinkRow {
    pub href: String,
    pub title: String,
    pub meta: String,
}

/// The rows.
#[component]
pub fn LinkRows(
    /// The rows, in display order.
    #[prop(into)]
    rows: Signal<Vec<LinkRow>>,
    /// `data-testid` of the list.
    list_testid: &'static str,
    /// `data-testid` of each row's link.
    row_testid: &'static str,
) -> impl IntoView {
    view! {
        <ul class="rows" data-testid=list_testid>
            <For each=move || rows.get() key=|row| row.clone() let:row>
                <li>
                    <a class="row-link" href=row.href data-testid=row_testid>
                        <span class="row-title">{row.title}</span>
                        <span class="row-meta">{row.meta}</span>
                    </a>
                </li>
            </For>
        </ul>
    }
}
