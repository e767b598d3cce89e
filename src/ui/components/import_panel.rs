//! 导入（恢复或合并） on 数据: choose an exchange file (asking for its passphrase when it is
//! sealed), see what it would add, update and where it conflicts with edits made here, pick
//! each conflict, then write it all at once; a refused file says why and writes nothing.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{self, crypto};
use crate::domain::exchange::merge::{Choice, MergePlan};
use crate::domain::exchange::sealed::{is_sealed, open_envelope, Sealed};
use crate::domain::exchange::{Header, Imported, Scope};
use crate::state::autosave::use_autosave;
use crate::state::exchange::{apply, preview};
use crate::state::roster::use_roster;
use crate::state::work::use_work;

/// A read file waiting for the user's confirmation.
#[derive(Clone, PartialEq)]
struct Pending {
    file_name: String,
    header: Header,
    plan: MergePlan,
    /// The checked file with the media it carries.
    imported: std::sync::Arc<Imported>,
}

/// The import panel.
#[component]
pub fn ImportPanel(
    /// Where the outcome of an import is shown (shared with the export panel).
    outcome: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let (roster, work, autosave) = (use_roster(), use_work(), use_autosave());
    let pending = RwSignal::new(None::<Pending>);
    let sealed = RwSignal::new(None::<(String, Sealed)>);
    let passphrase = RwSignal::new(String::new());
    let choices = RwSignal::new(HashMap::<(String, String), Choice>::new());
    let busy = RwSignal::new(false);
    let show = move |file_name: String, bytes: Vec<u8>| match preview(roster, work, &bytes) {
        Ok((file, plan)) => {
            choices.set(HashMap::new());
            pending.set(Some(Pending {
                file_name,
                header: file.exchange.header.clone(),
                plan,
                imported: std::sync::Arc::new(file),
            }));
        }
        Err(e) => outcome.set(Some(Err(format!("未导入“{file_name}”：{}", e.message())))),
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = browser::file_input_of(&ev) else {
            return;
        };
        outcome.set(None);
        pending.set(None);
        sealed.set(None);
        spawn_local(async move {
            let read = browser::read_chosen_file(
                &input,
                crate::domain::chosen_file::MAX_EXCHANGE_FILE_BYTES,
            )
            .await;
            // The same file can be chosen again after a refusal.
            input.set_value("");
            match read {
                Ok(Some((file_name, bytes))) if is_sealed(&bytes) => match open_envelope(&bytes) {
                    Ok(envelope) => {
                        passphrase.set(String::new());
                        sealed.set(Some((file_name, envelope)));
                    }
                    Err(message) => {
                        outcome.set(Some(Err(format!("未导入“{file_name}”：{message}"))))
                    }
                },
                Ok(Some((file_name, bytes))) => show(file_name, bytes),
                Ok(None) => {}
                Err(message) => outcome.set(Some(Err(message))),
            }
        });
    };
    let unseal = move |_| {
        let Some((file_name, envelope)) = sealed.get_untracked() else {
            return;
        };
        let pass = passphrase.get_untracked();
        busy.set(true);
        spawn_local(async move {
            match crypto::unseal(&pass, &envelope).await {
                Ok(bytes) => {
                    sealed.set(None);
                    show(file_name, bytes);
                }
                Err(message) => outcome.set(Some(Err(format!("未导入“{file_name}”：{message}")))),
            }
            busy.set(false);
        });
    };
    let writing = RwSignal::new(false);
    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let picked = choices.get_untracked();
        pending.set(None);
        writing.set(true);
        spawn_local(async move {
            let result = apply(roster, work, autosave, &p.imported, &p.plan, |kind, id| {
                picked.get(&(kind.to_string(), id.to_string())).copied()
            })
            .await;
            outcome.set(Some(result.map(|(n, note)| {
                let mut text = format!("已导入“{}”：写入 {n} 条记录", p.file_name);
                if let Some(note) = note {
                    text.push_str(&format!("。{note}"));
                }
                text
            })));
            writing.set(false);
        });
    };
    view! {
        <h2>"导入（恢复或合并）"</h2>
        <p class="muted">"导入本应用导出的数据交换文件（.json，带照片的为 .zip；加密的文件会要求输入密码）。导入前会先完整检查文件并列出将新增、更新的记录和冲突；确认后一次写入，不会部分导入。"</p>
        <label class="file-pick">
            <span class="button">"选择文件…"</span>
            <input type="file" accept=".json,.zip,application/json,application/zip" data-testid="import-file" on:change=on_file />
        </label>
        {move || sealed.get().map(|(file_name, _)| view! {
            <div class="notice" data-testid="import-sealed">
                <p>{format!("“{file_name}”已加密，请输入导出时设置的密码。")}</p>
                <label class="inline-field">
                    "密码"
                    <input type="password" autocomplete="current-password" data-testid="import-passphrase"
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                    <button class="primary" data-testid="import-unseal" disabled=move || busy.get() on:click=unseal>"解密"</button>
                </label>
            </div>
        })}
        {move || writing.get().then(|| view! { <p class="notice" role="status" data-testid="import-writing">"正在写入…"</p> })}
        {move || pending.get().map(|p| view! {
            <ImportPreview pending=p choices=choices on_confirm=Callback::new(confirm) on_cancel=Callback::new(move |_| pending.set(None)) />
        })}
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
                    "新增 {} 条，更新 {} 条，相同 {} 条，本机较新保留 {} 条，冲突 {} 条{}",
                    tally.added, tally.updated, tally.unchanged, tally.kept, tally.conflicts,
                    if tally.combined > 0 { format!("，现场监督表逐项合并 {} 份", tally.combined) } else { String::new() }
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
