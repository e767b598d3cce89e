//! The frame of a page about one record (an institution, an inspector): a link back to its
//! list, and a plain notice when the record does not exist (deleted, or a stale link).

use leptos::prelude::*;

use crate::route::Route;

/// One record's page; `children` render only while the record exists.
#[component]
pub fn RecordPage(
    /// The list to go back to.
    back: Route,
    /// The back link's text, e.g. "‹ 返回监督对象列表".
    back_label: &'static str,
    /// What to say when the record is not there.
    missing: &'static str,
    /// Whether the record exists.
    #[prop(into)]
    exists: Signal<bool>,
    /// The record's form.
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <p class="no-print">
            <a href=back.href()>{back_label}</a>
        </p>
        <Show
            when=move || exists.get()
            fallback=move || view! { <div class="notice">{missing}</div> }
        >
            {children()}
        </Show>
    }
}
