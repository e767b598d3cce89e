//! A page-wide message when the database cannot be used or the last save failed: says what
//! happened and that the input is kept in memory.

use leptos::prelude::*;

use crate::state::autosave::{use_autosave, SaveStatus};
use crate::state::storage_status::{use_storage_status, DatabaseState};

/// The storage alert under the navigation; empty when all is well.
#[component]
pub fn StorageAlert() -> impl IntoView {
    let storage = use_storage_status();
    let status = use_autosave().status();
    move || {
        let message = match (storage.database.get(), status.get()) {
            (DatabaseState::Blocked, _) => Some(
                "数据库升级被本应用的其他标签页阻止：请关闭其他标签页，本页会自动继续。"
                    .to_string(),
            ),
            (DatabaseState::Failed(message), _) => Some(message),
            (_, SaveStatus::Failed(message)) => Some(message),
            _ => None,
        };
        message.map(|message| {
            view! {
                <div class="alert alert-error" role="alert" data-testid="storage-alert">
                    {message}
                </div>
            }
        })
    }
}
