//! What the last action did, in one line: done (`{testid}-done`) or refused with its reason
//! (`{testid}-error`). Shared by the panels that export, import and draw.

use leptos::prelude::*;

/// The outcome line; empty until an action ran.
#[component]
pub fn OutcomeAlert(
    /// The last outcome: a message of what was done, or why not.
    outcome: RwSignal<Option<Result<String, String>>>,
    /// Prefix of the `data-testid`s.
    testid: &'static str,
) -> impl IntoView {
    move || {
        outcome.get().map(|result| match result {
            Ok(text) => view! {
                <div class="alert alert-info" role="status" data-testid=format!("{testid}-done")>{text}</div>
            }
            .into_any(),
            Err(text) => view! {
                <div class="alert alert-error" role="alert" data-testid=format!("{testid}-error")>{text}</div>
            }
            .into_any(),
        })
    }
}
