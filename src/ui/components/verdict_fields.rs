//! The widgets every check point's answer is made of, in an inspection and in a stay's scene
//! sheet alike: the four verdicts large enough for a thumb, the problem description helped by
//! the 规范用语, the reason for 合理缺项, and tappable suggestions.

use leptos::prelude::*;

use crate::domain::inspection::{Verdict, NOT_APPLICABLE_REASONS};
use crate::domain::labelled::Labelled;

/// The four verdicts as a radio group; a tap hands the verdict to `pick`.
pub fn verdict_buttons(
    verdict: impl Fn() -> Verdict + Copy + Send + Sync + 'static,
    pick: impl Fn(Verdict) + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="verdicts" role="radiogroup" aria-label="检查结果">
            {[Verdict::Compliant, Verdict::NonCompliant, Verdict::NotApplicable, Verdict::Unchecked]
                .into_iter()
                .map(|v| view! {
                    <button
                        type="button"
                        role="radio"
                        class=format!("verdict verdict-{}", v.code())
                        aria-checked=move || (verdict() == v).to_string()
                        on:click=move |_| pick(v)
                    >
                        {v.label()}
                    </button>
                })
                .collect_view()}
        </div>
    }
}

/// 问题描述 of a 不符合: the 规范用语 as chips, the text, and the error while it is empty.
pub fn description_field(
    phrasings: &'static [String],
    description: Signal<String>,
    set: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label>"问题描述" <span class="required">"*"</span></label>
        {chips(phrasings.iter().map(String::as_str), move |phrase| set(phrase.to_string()))}
        <textarea
            data-testid="description"
            aria-label="问题描述"
            prop:value=move || description.get()
            on:input=move |ev| set(event_target_value(&ev))
        ></textarea>
        <Show when=move || description.with(|d| d.trim().is_empty())>
            <p class="field-message"><span class="error">"不符合项须填写问题描述（可点上方规范用语后修改）"</span></p>
        </Show>
    }
}

/// Why a point is 合理缺项: the usual reasons as chips, and the text.
pub fn reason_field(
    reason: Signal<String>,
    set: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label>"合理缺项原因" <span class="required">"*"</span></label>
        {chips(NOT_APPLICABLE_REASONS.iter().copied(), move |r| set(r.to_string()))}
        <input
            type="text"
            data-testid="reason"
            aria-label="合理缺项原因"
            prop:value=move || reason.get()
            on:input=move |ev| set(event_target_value(&ev))
        />
    }
}

/// Tappable suggestions (规范用语, reasons): a tap hands the text to `pick`.
pub fn chips(
    texts: impl Iterator<Item = &'static str>,
    pick: impl Fn(&'static str) + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="chips">
            {texts
                .map(|text| view! { <button type="button" class="chip" on:click=move |_| pick(text)>{text}</button> })
                .collect_view()}
        </div>
    }
}
