//! Labelled form fields with their error shown right under them.

use leptos::prelude::*;

/// A labelled text input; every keystroke goes to `on_input` (the caller autosaves).
#[component]
pub fn TextField(
    /// The label text.
    label: &'static str,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every input.
    on_input: Callback<String>,
    /// The problem with the value, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// `data-testid` and id of the input.
    name: &'static str,
    /// A hint shown under the field when there is no error.
    #[prop(optional)]
    hint: &'static str,
    /// The input's `inputmode` (e.g. "tel").
    #[prop(optional)]
    inputmode: &'static str,
    /// Whether the field must be filled.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let (id, error_id) = ids(name);
    view! {
        <FieldFrame label=label name=name required=required error=error hint=hint>
            <input
                id=id
                type="text"
                data-testid=name
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                autocomplete="off"
                prop:value=move || value.get()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=error_id.clone()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </FieldFrame>
    }
}

/// A labelled single choice from a fixed list; the empty option means "not chosen".
#[component]
pub fn SelectField(
    /// The label text.
    label: &'static str,
    /// The chosen option's code, if any.
    #[prop(into)]
    value: Signal<Option<&'static str>>,
    /// The options as (code, label).
    options: Vec<(&'static str, &'static str)>,
    /// Called with the chosen code, or `None` for the empty option.
    on_change: Callback<Option<String>>,
    /// The problem with the choice, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// `data-testid` and id of the select.
    name: &'static str,
    /// Whether a choice is needed.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let (id, error_id) = ids(name);
    view! {
        <FieldFrame label=label name=name required=required error=error hint="">
            <select
                id=id
                data-testid=name
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=error_id.clone()
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    on_change.run((!code.is_empty()).then_some(code));
                }
            >
                <option value="" selected=move || value.get().is_none()>"请选择"</option>
                {options
                    .into_iter()
                    .map(|(code, text)| {
                        view! {
                            <option value=code selected=move || value.get() == Some(code)>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </FieldFrame>
    }
}

/// The control's id and the id of its message line, from the field's name.
fn ids(name: &str) -> (String, String) {
    (format!("field-{name}"), format!("field-{name}-error"))
}

/// The label above a control and the error (or hint) line under it.
#[component]
fn FieldFrame(
    label: &'static str,
    name: &'static str,
    required: bool,
    error: Signal<Option<String>>,
    hint: &'static str,
    children: Children,
) -> impl IntoView {
    let (id, error_id) = ids(name);
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id>
                {label}
                {required.then_some(view! { <span class="required">"*"</span> })}
            </label>
            {children()}
            <p id=error_id class="field-message" aria-live="polite">
                {move || match error.get() {
                    Some(message) => {
                        view! { <span class="error" data-testid="field-error">{message}</span> }
                            .into_any()
                    }
                    None => view! { <span class="hint">{hint}</span> }.into_any(),
                }}
            </p>
        </div>
    }
}
