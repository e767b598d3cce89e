//! The issuing agency (落款单位) field: one setting for the device, kept as typed, printed in
//! every document's 落款 and page header.

use leptos::prelude::*;

use crate::domain::agency::MAX_CHARS;
use crate::state::agency::use_agency;

/// The 落款单位 input; `placeholder` suggests the kind of body the page's document names.
#[component]
pub fn AgencyField(placeholder: &'static str) -> impl IntoView {
    let agency = use_agency();
    view! {
        <div class="field">
            <label for="field-issuing-body">"落款单位（本机所有文书共用）"</label>
            <input id="field-issuing-body" type="text" data-testid="issuing-body" placeholder=placeholder
                maxlength=MAX_CHARS.to_string()
                prop:value=move || agency.typed()
                on:input=move |ev| agency.set(event_target_value(&ev)) />
        </div>
    }
}
