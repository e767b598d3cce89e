//! Tells the user that a new version is ready; switching saves pending edits first.

use leptos::prelude::*;

use crate::browser::service_worker;
use crate::state::autosave::{use_autosave, Autosave, SaveStatus};

/// The update banner; shown once a new version is fully cached.
#[component]
pub fn UpdateBanner(
    /// Set when the service worker reports a waiting new version.
    ready: RwSignal<bool>,
) -> impl IntoView {
    let autosave = use_autosave();
    let switching = RwSignal::new(false);
    let update = move |_| {
        switching.set(true);
        autosave.flush();
        activate_when_saved(autosave, switching, 100);
    };
    view! {
        <Show when=move || ready.get()>
            <div class="alert alert-info" role="status" data-testid="update-banner">
                <span>"新版本已就绪。"</span>
                <button on:click=update disabled=move || switching.get()>
                    {move || if switching.get() { "正在保存…" } else { "保存并更新" }}
                </button>
            </div>
        </Show>
    }
}

/// Switches to the new version once nothing is left unsaved; if saving fails (the alert says
/// why) or takes over `tries` × 50 ms, the banner stays for another attempt.
fn activate_when_saved(autosave: Autosave, switching: RwSignal<bool>, tries: u32) {
    if !autosave.has_unsaved() {
        if !service_worker::activate_new_version() {
            switching.set(false);
        }
        return;
    }
    if tries == 0 || matches!(autosave.status().get_untracked(), SaveStatus::Failed(_)) {
        switching.set(false);
        return;
    }
    let next = move || activate_when_saved(autosave, switching, tries - 1);
    if set_timeout_with_handle(next, std::time::Duration::from_millis(50)).is_err() {
        switching.set(false);
    }
}
