//! The seed of a draw (公示时公布) and the button that draws; shared by 双随机 and the 驻点
//! lottery, which use the same draw method.

use leptos::prelude::*;

/// The seed input and the draw button.
#[component]
pub fn SeedField(
    /// The seed text.
    seed: RwSignal<String>,
    /// What the draw is called (抽取, 抽签); the button says it.
    noun: &'static str,
    /// Prefix of the `data-testid`s (`{testid}-seed`, `{testid}-run`).
    testid: &'static str,
    /// Runs the draw.
    on_run: Callback<()>,
) -> impl IntoView {
    view! {
        <label class="field">
            {format!("种子（公示时公布，例如{noun}日期、地点）")}
            <input type="text" data-testid=format!("{testid}-seed") prop:value=move || seed.get()
                on:input=move |ev| seed.set(event_target_value(&ev)) />
        </label>
        <div class="actions">
            <button class="primary" data-testid=format!("{testid}-run") on:click=move |_| on_run.run(())>{noun}</button>
        </div>
    }
}
