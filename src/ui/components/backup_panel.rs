//! 导出与导入 on 数据: download everything or one plan as an exchange file (and see when the last
//! full backup was made); choose a file to import, see what it would add, update and where it
//! conflicts with edits made here, pick each conflict, then write it all at once.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::domain::exchange::merge::{Choice, MergePlan};
use crate::domain::exchange::{Header, Scope};
use crate::domain::safekeeping::REMINDER_DAYS_RANGE;
use crate::state::autosave::use_autosave;
use crate::state::exchange::{apply, export, preview};
use crate::state::roster::use_roster;
use crate::state::safekeeping::use_safekeeping;
use crate::state::work::use_work;

/// A read file waiting for the user's confirmation.
#[derive(Clone, PartialEq)]
struct Pending {
    file_name: String,
    header: Header,
    plan: MergePlan,
}

/// The backup and import panel.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let (roster, work, autosave) = (use_roster(), use_work(), use_autosave());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let safekeeping = use_safekeeping();
    let plan_choice = RwSignal::new(String::new());
    let plans = Memo::new(move |_| {
        work.plans.with(|all| {
            all.iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let export_all = move |_| {
        let result = export(roster, work, None);
        if result.is_ok() {
            safekeeping.exported(browser::now());
        }
        outcome.set(Some(result));
    };
    let set_days = move |ev: leptos::ev::Event| {
        if let Ok(days) = event_target_value(&ev).trim().parse::<u32>() {
            if REMINDER_DAYS_RANGE.contains(&days) {
                safekeeping.set_reminder_days(days);
            }
        }
    };
    let export_plan = move |_| {
        let id = plan_choice.get_untracked();
        if !id.is_empty() {
            outcome.set(Some(export(roster, work, Some(&id))));
        }
    };
    let pending = RwSignal::new(None::<Pending>);
    let choices = RwSignal::new(HashMap::<(String, String), Choice>::new());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        outcome.set(None);
        pending.set(None);
        leptos::task::spawn_local(async move {
            let read = browser::read_chosen_file(&input).await;
            // The same file can be chosen again after a refusal.
            input.set_value("");
            match read {
                Ok(Some((file_name, bytes))) => match preview(roster, work, &bytes) {
                    Ok((file, plan)) => {
                        choices.set(HashMap::new());
                        pending.set(Some(Pending {
                            file_name,
                            header: file.header,
                            plan,
                        }));
                    }
                    Err(e) => {
                        outcome.set(Some(Err(format!("未导入“{file_name}”：{}", e.message()))))
                    }
                },
                Ok(None) => {}
                Err(message) => outcome.set(Some(Err(message))),
            }
        });
    };
    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let picked = choices.get_untracked();
        let result = apply(roster, work, autosave, &p.plan, |kind, id| {
            picked.get(&(kind.to_string(), id.to_string())).copied()
        });
        outcome.set(Some(
            result.map(|n| format!("已导入“{}”：写入 {n} 条记录", p.file_name)),
        ));
        pending.set(None);
    };
    view! {
        <section class="backup" data-testid="backup">
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
            <div class="actions">
                <button class="primary" data-testid="export-all" on:click=export_all>"导出全部数据"</button>
            </div>
            <div class="actions">
                <select data-testid="export-plan-choice" aria-label="选择要导出的任务" on:change=move |ev| plan_choice.set(event_target_value(&ev))>
                    <option value="">"选择任务…"</option>
                    {move || plans.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
                <button data-testid="export-plan" disabled=move || plan_choice.get().is_empty() on:click=export_plan>"导出所选任务"</button>
            </div>
            <h2>"导入（恢复或合并）"</h2>
            <p class="muted">"导入本应用导出的数据交换文件（.json）。导入前会先完整检查文件并列出将新增、更新的记录和冲突；确认后一次写入，不会部分导入。"</p>
            <label class="file-pick">
                <span class="button">"选择文件…"</span>
                <input type="file" accept=".json,application/json" data-testid="import-file" on:change=on_file />
            </label>
            {move || outcome.get().map(|r| match r {
                Ok(text) => view! { <div class="alert alert-info" role="status" data-testid="exchange-done">{text}</div> }.into_any(),
                Err(text) => view! { <div class="alert alert-error" role="alert" data-testid="exchange-error">{text}</div> }.into_any(),
            })}
            {move || pending.get().map(|p| view! {
                <ImportPreview pending=p choices=choices on_confirm=Callback::new(confirm) on_cancel=Callback::new(move |_| pending.set(None)) />
            })}
        </section>
    }
}

/// What an import would do, and the conflicts to pick.
#[component]
fn ImportPreview(
    pending: Pending,
    choices: RwSignal<HashMap<(String, String), Choice>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let tally = pending.plan.tally();
    let scope = match &pending.header.scope {
        Scope::All => "全部数据".to_string(),
        Scope::Plan { plan_name, .. } => format!("任务“{plan_name}”"),
    };
    let source = format!(
        "文件“{}”：{}，导出于 {}（应用版本 {}）",
        pending.file_name,
        scope,
        browser::local_time(pending.header.exported_at),
        pending.header.app_version
    );
    let conflicts = pending.plan.conflicts();
    let has_conflicts = !conflicts.is_empty();
    view! {
        <div class="notice" data-testid="import-preview">
            <p>{source}</p>
            <p data-testid="import-tally">
                {format!(
                    "新增 {} 条，更新 {} 条，相同 {} 条，本机较新保留 {} 条，冲突 {} 条",
                    tally.added, tally.updated, tally.unchanged, tally.kept, tally.conflicts
                )}
            </p>
            {(!pending.plan.matched.is_empty()).then(|| view! {
                <p class="muted">{format!("{} 个监督对象按统一社会信用代码（登记号）与本机已有记录合并为同一单位。", pending.plan.matched.len())}</p>
            })}
            {has_conflicts.then(|| view! {
                <h3>"冲突：本机修改过、与导入文件不同的记录"</h3>
                <p class="muted">"默认保留最后修改的版本，可逐条改选。"</p>
            })}
            <ul class="rows">
                {conflicts
                    .into_iter()
                    .map(|c| {
                        let key = (c.kind.to_string(), c.id.clone());
                        let chosen = {
                            let key = key.clone();
                            move || choices.with(|m| m.get(&key).copied()).unwrap_or(c.default)
                        };
                        let chosen_too = chosen.clone();
                        let pick = move |choice: Choice| {
                            let key = key.clone();
                            move |_| choices.update(|m| {
                                m.insert(key.clone(), choice);
                            })
                        };
                        view! {
                            <li class="row-item conflict" data-testid="import-conflict">
                                <span class="row-title">{format!("{}：{}", c.kind, c.title)}</span>
                                <span class="row-meta">
                                    {format!(
                                        "本机：{}（修改于 {}）；导入文件：{}（修改于 {}）",
                                        c.local_title,
                                        browser::local_time(c.local_at),
                                        c.title,
                                        browser::local_time(c.incoming_at)
                                    )}
                                </span>
                                <span class="row-actions" role="radiogroup" aria-label="选择保留的版本">
                                    <button type="button" role="radio" class="verdict" data-testid="keep-local"
                                        aria-checked=move || (chosen() == Choice::KeepLocal).to_string()
                                        on:click=pick(Choice::KeepLocal)>"保留本机"</button>
                                    <button type="button" role="radio" class="verdict" data-testid="take-incoming"
                                        aria-checked=move || (chosen_too() == Choice::TakeIncoming).to_string()
                                        on:click=pick(Choice::TakeIncoming)>"采用导入"</button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <div class="actions">
                <button class="primary" data-testid="import-confirm" on:click=move |_| on_confirm.run(())>"确认导入"</button>
                <button data-testid="import-cancel" on:click=move |_| on_cancel.run(())>"取消"</button>
            </div>
        </div>
    }
}
