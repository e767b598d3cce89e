//! The handling of one problem of a stay, settled at the 汇总会: 立案查处, 责令限期改正 (deadline,
//! then the 复查 and its result; not corrected → 立案查处), 整改意见, 移送 (which department), or
//! the hospital flagged for a 监督建议书.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::register::ProblemRef;
use crate::domain::stationed::sheet::{HandlingKind, ProblemHandling, Recheck, RecheckResult};
use crate::state::work::use_work;

/// The handling editor of one problem; it reads the handling from the sheet, so typing in a
/// field does not rebuild the editor.
#[component]
pub fn ProblemHandlingEditor(
    at: ProblemRef,
    /// False once the 反馈 is given: the handling is decided, only the 复查 is still recorded.
    editable: Signal<bool>,
) -> impl IntoView {
    let work = use_work();
    let at = StoredValue::new(at);
    let sheet = work
        .scene_sheets
        .watch(&at.with_value(|at| at.sheet_id.clone()));
    let handling = Memo::new(move |_| {
        at.with_value(|at| sheet.with(|s| s.as_ref().and_then(|s| s.handling(&at.source).cloned())))
    });
    let set = move |h: Option<ProblemHandling>| {
        let at = at.get_value();
        work.scene_sheets.edit(&at.sheet_id, move |s| {
            s.set_handling(&at.source, h, browser::now());
        });
    };
    let kind = Memo::new(move |_| handling.with(|h| h.as_ref().map(ProblemHandling::kind)));
    let has_recheck = Memo::new(move |_| {
        handling.with(|h| {
            matches!(
                h,
                Some(ProblemHandling::Rectify {
                    recheck: Some(_),
                    ..
                })
            )
        })
    });
    let note = move || match handling.get() {
        Some(ProblemHandling::Case { note } | ProblemHandling::Opinion { note }) => note,
        _ => String::new(),
    };
    let deadline = move || match handling.get() {
        Some(ProblemHandling::Rectify { deadline, .. }) => deadline,
        _ => None,
    };
    let recheck = move || match handling.get() {
        Some(ProblemHandling::Rectify { recheck, .. }) => recheck,
        _ => None,
    };
    let parse = |ev: &leptos::ev::Event| {
        NaiveDate::parse_from_str(&event_target_value(ev), "%Y-%m-%d").ok()
    };
    let with_recheck = move |f: Box<dyn FnOnce(&mut Recheck)>| {
        let mut r = recheck().unwrap_or(Recheck {
            on: browser::today(),
            result: RecheckResult::Corrected,
            note: String::new(),
        });
        f(&mut r);
        set(Some(ProblemHandling::Rectify {
            deadline: deadline(),
            recheck: Some(r),
        }));
    };
    let locked = move || !editable.get();
    let details = move || {
        match kind.get() {
        None => ().into_any(),
        Some(k @ (HandlingKind::Case | HandlingKind::Opinion)) => {
            let is_case = k == HandlingKind::Case;
            let label = if is_case { "立案情况（案号等）" } else { "整改意见" };
            view! {
                <fieldset class="plain" prop:disabled=locked>
                <label>{label}</label>
                <textarea data-testid="handling-note" aria-label=label prop:value=note on:input=move |ev| {
                    let note = event_target_value(&ev);
                    set(Some(if is_case { ProblemHandling::Case { note } } else { ProblemHandling::Opinion { note } }));
                }></textarea>
                </fieldset>
            }
            .into_any()
        }
        Some(HandlingKind::Transfer) => view! {
            <fieldset class="plain" prop:disabled=locked>
            <label>"移送部门" <span class="required">"*"</span></label>
            <input type="text" data-testid="handling-department" aria-label="移送部门" placeholder="如：市场监督管理局"
                prop:value=move || match handling.get() { Some(ProblemHandling::Transfer { department }) => department, _ => String::new() }
                on:input=move |ev| set(Some(ProblemHandling::Transfer { department: event_target_value(&ev) })) />
            </fieldset>
        }
        .into_any(),
        Some(HandlingKind::Advice) => view! { <p class="muted">"该问题列入监督建议书，报送县卫生健康局。"</p> }.into_any(),
        Some(HandlingKind::Rectify) => view! {
            <fieldset class="plain" prop:disabled=locked>
            <label>"整改期限" <span class="required">"*"</span></label>
            <input type="date" data-testid="handling-deadline" aria-label="整改期限"
                prop:value=move || deadline().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| set(Some(ProblemHandling::Rectify { deadline: parse(&ev), recheck: recheck() })) />
            </fieldset>
            // The 复查 comes after the 反馈, so it stays open when the decision is locked.
            <div class="recheck" data-testid="recheck">
                <label>"复查"</label>
                <select data-testid="recheck-result" aria-label="复查结果" on:change=move |ev| {
                    match RecheckResult::from_code(&event_target_value(&ev)) {
                        Some(result) => with_recheck(Box::new(move |r| r.result = result)),
                        None => set(Some(ProblemHandling::Rectify { deadline: deadline(), recheck: None })),
                    }
                }>
                    <option value="" selected=move || recheck().is_none()>"尚未复查"</option>
                    {RecheckResult::ALL.iter().map(|r| {
                        let r = *r;
                        view! { <option value=r.code() selected=move || recheck().is_some_and(|s| s.result == r)>{r.label()}</option> }
                    }).collect_view()}
                </select>
                <Show when=move || has_recheck.get()>
                    <input type="date" data-testid="recheck-date" aria-label="复查日期"
                        prop:value=move || recheck().map(|r| r.on.to_string()).unwrap_or_default()
                        on:change=move |ev| if let Some(on) = parse(&ev) { with_recheck(Box::new(move |r| r.on = on)) } />
                    <input type="text" data-testid="recheck-note" aria-label="复查情况" placeholder="复查情况"
                        prop:value=move || recheck().map(|r| r.note).unwrap_or_default()
                        on:input=move |ev| { let note = event_target_value(&ev); with_recheck(Box::new(move |r| r.note = note)) } />
                </Show>
            </div>
        }
        .into_any(),
    }
    };
    let missing = move || handling.with(|h| h.as_ref().and_then(ProblemHandling::missing));
    view! {
        <div class="handling">
            <fieldset class="plain" prop:disabled=locked>
            <div class="verdicts" role="radiogroup" aria-label="处理方式">
                {HandlingKind::ALL.iter().map(|k| {
                    let k = *k;
                    view! {
                        <button type="button" role="radio" class="verdict" data-kind=k.code() aria-checked=move || (kind.get() == Some(k)).to_string()
                            on:click=move |_| {
                                if kind.get_untracked() != Some(k) {
                                    set(Some(ProblemHandling::blank(k)));
                                }
                            }>{k.label()}</button>
                    }
                }).collect_view()}
            </div>
            </fieldset>
            {details}
            {move || missing().map(|m| view! { <p class="field-message"><span class="error">{m}</span></p> })}
        </div>
    }
}
