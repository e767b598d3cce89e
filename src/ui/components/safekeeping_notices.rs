//! Page-wide notices that keep the data safe: the database came up empty on a device that held
//! records (restore a backup); no backup for too long; on iPhone/iPad in a browser tab, add the
//! app to the Home Screen, as Safari may clear the data of sites used only in a tab.

use leptos::prelude::*;

use crate::browser;
use crate::domain::safekeeping::{advise_home_screen, backup_reminder};
use crate::route::Route;
use crate::state::safekeeping::use_safekeeping;
use crate::storage::preferences;

/// The safekeeping notices under the navigation; empty when all is well.
#[component]
pub fn SafekeepingNotices() -> impl IntoView {
    let safekeeping = use_safekeeping();
    let reminder = Memo::new(move |_| {
        let (last_change, first_record) = safekeeping.span.get();
        backup_reminder(
            safekeeping.last_export.get(),
            last_change,
            first_record,
            browser::now(),
            safekeeping.reminder_days.get(),
        )
    });
    let (user_agent, touch_points, standalone) = browser::platform();
    let advise = RwSignal::new(
        advise_home_screen(&user_agent, touch_points, standalone)
            && !preferences::home_screen_advice_dismissed(),
    );
    view! {
        <Show when=move || safekeeping.maybe_cleared.get()>
            <div class="alert alert-error" role="alert" data-testid="data-cleared">
                <span>
                    {format!(
                        "本机数据库是空的，但这台设备上次使用时有 {} 条记录：数据可能已被浏览器或系统清除。如有导出的备份文件，请在“数据”页导入恢复。",
                        safekeeping.seen_before
                    )}
                </span>
                <a class="button" href=Route::Data.href()>"去恢复"</a>
                <button data-testid="data-cleared-ok" on:click=move |_| safekeeping.acknowledge_cleared()>"从空白开始"</button>
            </div>
        </Show>
        {move || reminder.get().map(|r| {
            let text = if r.never_exported {
                format!("本机数据还没有导出过备份（最早的记录已有 {} 天）。浏览器数据可能被清除，请在“数据”页导出全部数据并妥善保存。", r.days)
            } else {
                format!("已有 {} 天没有导出备份，期间有新的修改。浏览器数据可能被清除，请在“数据”页导出全部数据。", r.days)
            };
            view! {
                <div class="alert alert-info" role="status" data-testid="backup-reminder">
                    <span>{text}</span>
                    <a class="button" href=Route::Data.href()>"去导出"</a>
                </div>
            }
        })}
        <Show when=move || advise.get()>
            <div class="alert alert-info" role="status" data-testid="home-screen-advice">
                <span>"在 iPhone/iPad 的浏览器标签页中使用时，Safari 可能在 7 天未使用后清除本应用的数据。请点“分享”→“添加到主屏幕”，以后从主屏幕打开本应用。"</span>
                <button on:click=move |_| {
                    preferences::dismiss_home_screen_advice();
                    advise.set(false);
                }>"知道了"</button>
            </div>
        </Show>
    }
}
