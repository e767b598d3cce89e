//! A destructive action that asks once more, inline (no browser dialog, which tablets show
//! badly and which blocks the page).

use leptos::prelude::*;

/// A button that asks for confirmation before running `on_confirm`.
#[component]
pub fn ConfirmButton(
    /// The button text, e.g. "删除".
    label: &'static str,
    /// The question asked, e.g. "确定删除该监督对象？此操作不可撤销。".
    #[prop(into)]
    question: Signal<String>,
    /// Runs after the user confirms.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || {
                view! {
                    <button class="danger" data-testid="delete" on:click=move |_| asking.set(true)>
                        {label}
                    </button>
                }
            }
        >
            <div class="confirm" role="alertdialog" aria-label=label>
                <p>{move || question.get()}</p>
                <button class="danger" data-testid="confirm-delete" on:click=move |_| on_confirm.run(())>
                    "确认" {label}
                </button>
                <button on:click=move |_| asking.set(false)>"取消"</button>
            </div>
        </Show>
    }
}
