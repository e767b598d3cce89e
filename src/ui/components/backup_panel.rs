//! 导出与导入 on 数据: the export and import panels, with one line for what the last action did.

use leptos::prelude::*;

use super::export_panel::ExportPanel;
use super::import_panel::ImportPanel;

/// The backup and import panels.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let outcome = RwSignal::new(None::<Result<String, String>>);
    view! {
        <section class="backup" data-testid="backup">
            <ExportPanel outcome=outcome />
            <ImportPanel outcome=outcome />
            {move || outcome.get().map(|r| match r {
                Ok(text) => view! { <div class="alert alert-info" role="status" data-testid="exchange-done">{text}</div> }.into_any(),
                Err(text) => view! { <div class="alert alert-error" role="alert" data-testid="exchange-error">{text}</div> }.into_any(),
            })}
        </section>
    }
}
