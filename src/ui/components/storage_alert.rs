//! A page-wide message when the database cannot be used or the last save failed (says what
//! happened and that the input is kept in memory), and what other tabs' writes did here.

use leptos::prelude::*;

use super::tab_notices::TabNotices;

use crate::state::autosave::{use_autosave, SaveStatus};
use crate::state::connection::use_connection;
use crate::state::storage_status::{use_storage_status, DatabaseState};

/// The storage alert under the navigation; empty when all is well.
#[component]
pub fn StorageAlert() -> impl IntoView {
    let storage = use_storage_status();
    let status = use_autosave().status();
    let connection = use_connection();
    let restored = move || {
        connection.restored_from_memory.get().map(|count| {
            view! {
                <div class="alert alert-info" role="status" data-testid="restored-from-memory">
                    <span>
                        {format!(
                            "浏览器关闭并清空了本机数据库；本页仍保留着全部 {count} 条记录，已重新写入。建议立即在“数据”页导出备份。"
                        )}
                    </span>
                    <button on:click=move |_| connection.restored_from_memory.set(None)>"知道了"</button>
                </div>
            }
        })
    };
    let storage_message = move || {
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
    };
    view! {
        <TabNotices />
        {restored}
        {storage_message}
    }
}
