//! The save state every page shows: 已保存 / 保存中 / 保存失败 with a retry.

use leptos::prelude::*;

use crate::state::autosave::{use_autosave, SaveStatus};

/// The save indicator in the header.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let autosave = use_autosave();
    let status = autosave.status();
    view! {
        <div class="save-indicator" role="status" aria-live="polite" data-testid="save-status">
            {move || match status.get() {
                SaveStatus::Saved => view! { <span class="saved">"已保存"</span> }.into_any(),
                SaveStatus::Saving => view! { <span class="saving">"保存中…"</span> }.into_any(),
                SaveStatus::Failed(message) => {
                    view! {
                        <span class="failed" title=message.clone()>"保存失败"</span>
                        <button class="retry" on:click=move |_| autosave.flush()>"重试"</button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
