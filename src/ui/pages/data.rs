//! 数据: where the data lives, whether the browser keeps it, and how much space it uses.

use leptos::prelude::*;

use crate::state::storage_status::{use_storage_status, DatabaseState};
use crate::storage::schema;

/// The data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let storage = use_storage_status();
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
    view! {
        <h1>"数据"</h1>
        <dl class="facts">
            <dt>"数据库"</dt>
            <dd data-testid="database-state">{database}</dd>
            <dt>"持久保存"</dt>
            <dd data-testid="persisted">{persisted}</dd>
            <dt>"存储用量"</dt>
            <dd data-testid="usage">{usage}</dd>
        </dl>
        <p>"所有数据只保存在本设备的浏览器中，不会上传到任何服务器；只有您主动导出时才会离开本设备。"</p>
        <div class="notice" data-testid="not-built">
            <p><strong>"导出、导入与备份功能尚未开放。"</strong></p>
        </div>
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
