//! The 回头看 part of a follow-up inspection: every original violation of the penalised unit,
//! the original finding beside what the inspector sees now, and whether it was rectified
//! (已整改 / 部分整改 / 未整改, with what is still wrong).

use leptos::prelude::*;

use super::penalty_editor::{penalties_of, short_label};
use crate::browser;
use crate::domain::huitoukan::{Rectification, RectificationCheck};
use crate::domain::labelled::Labelled;
use crate::route::Route;
use crate::state::work::use_work;

/// The rectification section of one follow-up.
#[component]
pub fn RectificationSection(
    /// The follow-up inspection.
    inspection_id: String,
    /// The penalised unit.
    institution_id: String,
    /// The inspector named on changes (记录人), if chosen.
    recorder: Signal<Option<String>>,
) -> impl IntoView {
    let institution_id = StoredValue::new(institution_id);
    let penalties = penalties_of(institution_id);
    let inspection_id = StoredValue::new(inspection_id);
    view! {
        <section class="section rectifications" data-testid="rectifications">
            <h2>"原违法行为整改情况"</h2>
            <Show
                when=move || penalties.with(|p| p.iter().any(|p| !p.violations.is_empty()))
                fallback=move || view! {
                    <p class="notice" data-testid="no-penalty">
                        "该单位没有登记原处罚信息或原违法行为，不能核查整改情况，也不计入附表3。请先在"
                        <a href=Route::Institution(institution_id.get_value()).href()>"监督对象"</a>
                        "中登记。"
                    </p>
                }
            >
                {move || {
                    penalties
                        .get()
                        .into_iter()
                        .map(|penalty| {
                            let heading = format!(
                                "{}年{} · {}",
                                penalty.year,
                                penalty.campaign.label(),
                                penalty.decision_number.trim()
                            );
                            view! {
                                <h3 class="sub-item">{heading}</h3>
                                <ol class="points">
                                    {penalty
                                        .violations
                                        .into_iter()
                                        .map(|v| {
                                            let column = v.column.map_or("不对应附表3栏目", short_label);
                                            view! {
                                                <ViolationCheck
                                                    inspection_id=inspection_id.get_value()
                                                    violation_id=v.id
                                                    text=v.text
                                                    column=column
                                                    recorder=recorder
                                                />
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                            }
                        })
                        .collect_view()
                }}
            </Show>
            <p class="muted">"部分整改或未整改的原违法行为，按其对应栏目计为本次检查的不合格。"</p>
        </section>
    }
}

/// One original violation and what the follow-up found.
#[component]
fn ViolationCheck(
    inspection_id: String,
    violation_id: String,
    text: String,
    column: &'static str,
    recorder: Signal<Option<String>>,
) -> impl IntoView {
    let work = use_work();
    let inspection_id = StoredValue::new(inspection_id);
    let violation_id = StoredValue::new(violation_id);
    let inspection = work.inspections.watch(&inspection_id.get_value());
    let check = Memo::new(move |_| {
        inspection.with(|i| {
            i.as_ref()
                .and_then(|i| i.rectifications.get(&violation_id.get_value()).cloned())
        })
    });
    let status = move || check.with(|c| c.as_ref().and_then(|c| c.status));
    let change = move |f: Box<dyn FnOnce(&mut RectificationCheck)>| {
        let by = recorder.get_untracked();
        work.inspections.edit(&inspection_id.get_value(), move |i| {
            i.rectify(&violation_id.get_value(), browser::now(), by, f)
        });
    };
    let read = move |f: fn(&RectificationCheck) -> String| {
        move || check.with(|c| c.as_ref().map(f).unwrap_or_default())
    };
    let note_missing = move || {
        status().is_some_and(Rectification::still_stands)
            && check.with(|c| c.as_ref().is_some_and(|c| c.note.trim().is_empty()))
    };
    view! {
        <li class="check-point" data-testid="rectification" data-status=move || status().map_or("", |s| s.code())>
            <div class="compare">
                <div>
                    <p class="muted small">"原违法行为（" {column} "）"</p>
                    <p class="point-text" data-testid="original-violation">{text}</p>
                </div>
                <label class="field">
                    <span class="muted small">"本次检查所见"</span>
                    <textarea rows="2" data-testid="rectification-observation"
                        prop:value=read(|c| c.observation.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            change(Box::new(move |c| c.observation = value));
                        } />
                </label>
            </div>
            <div class="verdicts" role="radiogroup" aria-label="整改情况">
                {Rectification::ALL
                    .iter()
                    .map(|&r| {
                        view! {
                            <button type="button" role="radio"
                                class=format!("verdict rectification-{}", r.code())
                                data-testid=format!("rectification-{}", r.code())
                                aria-checked=move || (status() == Some(r)).to_string()
                                on:click=move |_| change(Box::new(move |c| c.status = Some(r)))
                            >{r.label()}</button>
                        }
                    })
                    .collect_view()}
            </div>
            <Show when=move || status().is_some_and(Rectification::still_stands)>
                <label class="field">
                    <span>"尚未整改的内容" <span class="required">"*"</span></span>
                    <input type="text" data-testid="rectification-note"
                        prop:value=read(|c| c.note.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            change(Box::new(move |c| c.note = value));
                        } />
                    {move || note_missing().then(|| view! { <span class="error">"须说明尚未整改的内容"</span> })}
                </label>
            </Show>
        </li>
    }
}
