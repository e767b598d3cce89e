//! What the other tabs' writes did here: a field both tabs changed (this tab's value kept, the
//! other shown, one click to take it instead), and a record the other tab deleted while this
//! tab had an unsaved edit of it.

use leptos::prelude::*;

use crate::state::roster::use_roster;
use crate::state::tabs::{take_their_value, use_tab_notices, TabConflict};
use crate::state::work::use_work;

/// The notices, under the navigation; empty when the other tabs changed nothing edited here.
#[component]
pub fn TabNotices() -> impl IntoView {
    let notices = use_tab_notices();
    let removed = move || {
        let mut kinds = notices.removed.get();
        (!kinds.is_empty()).then(|| {
            kinds.sort_unstable();
            kinds.dedup();
            view! {
                <div class="alert alert-error" role="alert" data-testid="stale-write">
                    <span>
                        {format!(
                            "另一个标签页删除了本页正在修改的{}：本页对它尚未保存的修改没有写入。",
                            kinds.join("、"),
                        )}
                    </span>
                    <button on:click=move |_| notices.removed.set(Vec::new())>"知道了"</button>
                </div>
            }
        })
    };
    view! {
        {removed}
        <For
            each=move || notices.conflicts.get()
            key=|conflict| (conflict.store, conflict.key.clone(), conflict.path.clone())
            let:conflict
        >
            <ConflictNotice conflict />
        </For>
    }
}

#[component]
fn ConflictNotice(conflict: TabConflict) -> impl IntoView {
    let notices = use_tab_notices();
    let (roster, work) = (use_roster(), use_work());
    let conflict = StoredValue::new(conflict);
    let dismiss = move || {
        let shown = conflict.get_value();
        notices.conflicts.update(|all| all.retain(|c| *c != shown));
    };
    view! {
        <div class="alert alert-warn" role="alert" data-testid="tab-conflict">
            <span>{conflict.with_value(|c| c.message.clone())}</span>
            <button on:click=move |_| {
                conflict.with_value(|c| take_their_value(c, roster, work));
                dismiss();
            }>"改用另一个标签页的值"</button>
            <button on:click=move |_| dismiss()>"保留本页的值"</button>
        </div>
    }
}
