//! Tells the user that a new version is ready; switching saves pending edits first.

use leptos::prelude::*;

use crate::browser::service_worker;
use crate::state::autosave::use_autosave;

/// The update banner; shown once a new version is fully cached.
#[component]
pub fn UpdateBanner(
    /// Set when the service worker reports a waiting new version.
    ready: RwSignal<bool>,
) -> impl IntoView {
    let autosave = use_autosave();
    let update = move |_| {
        autosave.flush();
        // Reload only once the edits are written; otherwise keep the banner for a retry.
        let wait = move || {
            if !autosave.has_unsaved() {
                service_worker::activate_waiting_version();
            }
        };
        let _ = set_timeout_with_handle(wait, std::time::Duration::from_millis(50));
    };
    view! {
        <Show when=move || ready.get()>
            <div class="alert alert-info" role="status" data-testid="update-banner">
                <span>"新版本已就绪。"</span>
                <button on:click=update>"保存并更新"</button>
            </div>
        </Show>
    }
}
