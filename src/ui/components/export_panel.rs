//! 导出（备份） on 数据: download everything or one plan as an exchange file, optionally sealed
//! with a passphrase for files that leave the office; see when the last full backup was made
//! and set after how many days without one the app reminds.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::domain::exchange::sealed::passphrase_problem;
use crate::domain::safekeeping::REMINDER_DAYS_RANGE;
use crate::state::autosave::use_autosave;
use crate::state::exchange::export;
use crate::state::roster::use_roster;
use crate::state::safekeeping::use_safekeeping;
use crate::state::work::use_work;

/// The export panel.
#[component]
pub fn ExportPanel(
    /// Where the outcome of an export is shown (shared with the import panel).
    outcome: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let (roster, work, autosave) = (use_roster(), use_work(), use_autosave());
    let safekeeping = use_safekeeping();
    let plan_choice = RwSignal::new(String::new());
    let plans = Memo::new(move |_| {
        work.plans.with(|all| {
            all.iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let seal = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let run = move |plan_id: Option<String>| {
        let pass = if seal.get_untracked() {
            let (p, r) = (passphrase.get_untracked(), repeated.get_untracked());
            if let Some(problem) = passphrase_problem(&p, &r) {
                outcome.set(Some(Err(problem)));
                return;
            }
            Some(p)
        } else {
            None
        };
        let full = plan_id.is_none();
        busy.set(true);
        spawn_local(async move {
            let result = export(roster, work, autosave, plan_id, pass).await;
            if full && result.is_ok() {
                safekeeping.exported(browser::now());
            }
            outcome.set(Some(result));
            busy.set(false);
        });
    };
    let set_days = move |ev: leptos::ev::Event| {
        if let Ok(days) = event_target_value(&ev).trim().parse::<u32>() {
            if REMINDER_DAYS_RANGE.contains(&days) {
                safekeeping.set_reminder_days(days);
            }
        }
    };
    view! {
        <h2>"导出（备份）"</h2>
        <p data-testid="last-export">
            {move || match safekeeping.last_export.get() {
                Some(at) => format!("上次导出全部数据：{}", browser::local_time(at)),
                None => "本机尚未导出过全部数据。浏览器数据可能被清除，请定期导出备份并妥善保存。".to_string(),
            }}
        </p>
        <label class="inline-field">
            "有未导出的修改且超过"
            <input type="number" inputmode="numeric" min="1" max="90" class="days" data-testid="reminder-days"
                aria-label="备份提醒间隔（天）"
                prop:value=move || safekeeping.reminder_days.get().to_string()
                on:change=set_days />
            "天未导出时提醒"
        </label>
        <label class="check">
            <input type="checkbox" data-testid="export-seal" prop:checked=move || seal.get()
                on:change=move |ev| seal.set(event_target_checked(&ev)) />
            "用密码加密（文件需带出办公室时使用；忘记密码将无法恢复）"
        </label>
        <Show when=move || seal.get()>
            <div class="penalty-fields">
                <label class="field">
                    "密码（至少8个字符）"
                    <input type="password" autocomplete="new-password" data-testid="export-passphrase"
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    "再次输入密码"
                    <input type="password" autocomplete="new-password" data-testid="export-passphrase-repeat"
                        prop:value=move || repeated.get() on:input=move |ev| repeated.set(event_target_value(&ev)) />
                </label>
            </div>
        </Show>
        <div class="actions">
            <button class="primary" data-testid="export-all" disabled=move || busy.get() on:click=move |_| run(None)>"导出全部数据"</button>
        </div>
        <div class="actions">
            <select data-testid="export-plan-choice" aria-label="选择要导出的任务" on:change=move |ev| plan_choice.set(event_target_value(&ev))>
                <option value="">"选择任务…"</option>
                {move || plans.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
            </select>
            <button data-testid="export-plan" disabled=move || plan_choice.get().is_empty() || busy.get()
                on:click=move |_| run(Some(plan_choice.get_untracked()))>"导出所选任务"</button>
        </div>
        <Show when=move || busy.get()>
            <p class="muted" role="status">"正在生成文件…"</p>
        </Show>
    }
}
