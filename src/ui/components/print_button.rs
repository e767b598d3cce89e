//! Printing: the 打印 button of every printed document and table, and the question asked once
//! before the first print on a device without a 落款单位 (the name goes in each 落款 and at the
//! top of every page), which also lets the user print the blanks to fill by hand.

use leptos::prelude::*;

use crate::browser;
use crate::domain::agency::{Agency, MAX_CHARS};
use crate::state::agency::use_agency;

/// Prints with `print` (the browser's dialog by default) once the agency is settled.
#[component]
pub fn PrintButton(
    label: &'static str,
    testid: &'static str,
    #[prop(optional)] primary: bool,
    /// How to print, reporting its own failure (a 公示 printed alone sets its class around
    /// the dialog); none: the browser's dialog, failures shown here.
    #[prop(optional, into)]
    print: Option<Callback<()>>,
) -> impl IntoView {
    let agency = use_agency();
    let error = RwSignal::new(None::<String>);
    let print = print.unwrap_or_else(|| Callback::new(move |()| error.set(browser::print().err())));
    view! {
        <button type="button" class:primary=primary data-testid=testid on:click=move |_| agency.print(print)>{label}</button>
        {move || error.get().map(|e| view! { <div class="alert alert-error no-print" role="alert">{e}</div> })}
    }
}

/// The question for the 落款单位, shown over the page while a print waits for it.
#[component]
pub fn AgencyQuestion() -> impl IntoView {
    let agency = use_agency();
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let save = move |_| {
        let typed = draft.get_untracked();
        if Agency::from_typed(&typed).is_some() {
            error.set(None);
            agency.answer(Some(typed));
        } else {
            error.set(Some("请填写落款单位，或选择“留空打印”。"));
        }
    };
    view! {
        <Show when=move || agency.waiting.with(Option::is_some)>
            <div class="print-ask no-print" role="dialog" aria-modal="true" aria-label="落款单位" data-testid="agency-ask">
                <p>"打印前请填写落款单位（卫生行政机关或监督机构全称）。它印在文书落款和每页页眉，本机所有文书共用，只需填写一次。"</p>
                <input type="text" data-testid="agency-ask-name" aria-label="落款单位" placeholder="如：XX县卫生健康局" autofocus
                    maxlength=MAX_CHARS.to_string()
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev)) />
                {move || error.get().map(|e| view! { <p class="field-message" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="button" class="primary" data-testid="agency-ask-save" on:click=save>"保存并打印"</button>
                    <button type="button" data-testid="agency-ask-skip" on:click=move |_| agency.answer(None)>"留空打印（手写）"</button>
                    <button type="button" data-testid="agency-ask-cancel" on:click=move |_| agency.waiting.set(None)>"取消"</button>
                </div>
            </div>
        </Show>
    }
}
