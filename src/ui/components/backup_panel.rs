//! 导出与导入 on 数据: the export and import panels, with one line for what the last action did.

use super::outcome_alert::OutcomeAlert;
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
            <OutcomeAlert outcome=outcome testid="exchange" />
        </section>
    }
}
