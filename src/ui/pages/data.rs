//! 数据: where the data lives, whether the browser keeps it, and how much space it uses.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::storage_budget::{megabytes, MediaTotals, Room};
use crate::state::exchange::snapshot;

use crate::state::autosave::use_autosave;
use crate::state::roster::use_roster;
use crate::state::sample::{load_sample, remove_sample, sample_count};
use crate::state::storage_status::{use_storage_status, DatabaseState};
use crate::state::work::use_work;
use crate::storage::schema;
use crate::ui::components::backup_panel::BackupPanel;
use crate::ui::components::confirm_button::ConfirmButton;
use crate::ui::components::outcome_alert::OutcomeAlert;

/// The data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let storage = use_storage_status();
    let (roster, work) = (use_roster(), use_work());
    let database = move || match storage.database.get() {
        DatabaseState::Opening => "正在打开…".to_string(),
        DatabaseState::Blocked => "被其他标签页阻止".to_string(),
        DatabaseState::Ready { version } => format!(
            "正常（IndexedDB “{}”，结构版本 {version}）",
            schema::DATABASE_NAME
        ),
        DatabaseState::Failed(message) => format!("不可用：{message}"),
    };
    let persisted = move || {
        match storage.report.get().map(|r| r.persisted) {
        None => "正在查询…",
        Some(Some(true)) => "已获准持久保存：浏览器不会因空间不足自动清除本应用数据",
        Some(Some(false)) => "未获准持久保存：设备空间紧张时浏览器可能清除数据，请定期导出备份（可将本应用添加到主屏幕后再试）",
        Some(None) => "此浏览器不支持持久保存查询",
    }
    };
    let usage = move || {
        storage
            .report
            .get()
            .map(|r| match (r.usage_bytes, r.quota_bytes) {
                (Some(used), Some(quota)) => format!(
                    "已用 {}，可用上限约 {}",
                    format_bytes(used),
                    format_bytes(quota)
                ),
                (Some(used), None) => format!("已用 {}", format_bytes(used)),
                _ => "此浏览器不提供存储用量".to_string(),
            })
    };
    let media_usage = move || {
        work.inspections.with(|inspections| {
            work.scene_sheets
                .with(|sheets| MediaTotals::of(inspections, sheets).describe())
        })
    };
    // The records' own size, as their exchange JSON (close to what IndexedDB keeps).
    let records_usage = move || {
        let records = snapshot(roster, work);
        let bytes = serde_json::to_vec(&records).map(|v| v.len()).unwrap_or(0);
        format!("{} 条，约 {}", records.len(), megabytes(bytes as f64))
    };
    let room = move || {
        storage
            .report
            .get()
            .and_then(|r| Room::judge(r.usage_bytes, r.quota_bytes, 0.0).message())
    };
    view! {
        <h1>"数据"</h1>
        {move || room().map(|m| view! { <div class="alert alert-warn" role="status" data-testid="storage-low">{m}</div> })}
        <dl class="facts">
            <dt>"数据库"</dt>
            <dd data-testid="database-state">{database}</dd>
            <dt>"持久保存"</dt>
            <dd data-testid="persisted">{persisted}</dd>
            <dt>"存储用量"</dt>
            <dd data-testid="usage">{usage}</dd>
            <dt>"记录"</dt>
            <dd data-testid="records-usage">{records_usage}</dd>
            <dt>"照片、录像与签名"</dt>
            <dd data-testid="media-usage">{media_usage}</dd>
        </dl>
        <p>"所有数据只保存在本设备的浏览器中，不会上传到任何服务器；只有您主动导出时才会离开本设备。"</p>
        <SampleSection />
        <BackupPanel />
    }
}

/// 示例数据: how many sample records there are, loading or removing them (正在写入… until the
/// write committed, then what was done).
#[component]
fn SampleSection() -> impl IntoView {
    let (roster, work, autosave) = (use_roster(), use_work(), use_autosave());
    let samples = Memo::new(move |_| sample_count(roster, work));
    let has_samples = move || samples.get() > 0;
    let writing = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let run = move |remove: bool| {
        if writing.get_untracked() {
            return;
        }
        writing.set(true);
        outcome.set(None);
        spawn_local(async move {
            let done = if remove {
                remove_sample(roster, work, autosave).await
            } else {
                load_sample(roster, work, autosave).await
            };
            outcome.set(Some(done));
            writing.set(false);
        });
    };
    view! {
        <h2>"示例数据"</h2>
        <Show
            when=move || !writing.get()
            fallback=|| view! { <p class="notice" role="status" data-testid="sample-writing">"正在写入…"</p> }
        >
            <Show
                when=has_samples
                fallback=move || view! {
                    <p>"示例数据为虚构的机构、人员、任务和检查记录，便于熟悉各项功能。"</p>
                    <button data-testid="load-sample" on:click=move |_| run(false)>"载入示例数据"</button>
                }
            >
                <p data-testid="sample-count">{move || format!("本机有示例数据 {} 条。删除示例数据不会影响您自己录入的记录。", samples.get())}</p>
                <ConfirmButton
                    label="删除示例数据"
                    question=Signal::derive(|| "确定删除全部示例数据？".to_string())
                    on_confirm=Callback::new(move |_| run(true))
                />
            </Show>
        </Show>
        <OutcomeAlert outcome=outcome testid="sample" />
    }
}

/// Bytes as a short Chinese-friendly size ("1.2 MB").
fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
