//! The page of a section whose feature is not built yet: says so plainly.

use leptos::prelude::*;

/// A section that is not available yet.
#[component]
pub fn PlannedPage(
    /// The section name.
    title: &'static str,
    /// What the section will do.
    what: &'static str,
) -> impl IntoView {
    view! {
        <h1>{title}</h1>
        <div class="notice" data-testid="not-built">
            <p><strong>"此功能尚未开放。"</strong></p>
            <p>"计划提供：" {what}</p>
            <p>"目前可以使用：" <a href="#/institutions">"监督对象"</a> "、" <a href="#/inspectors">"执法人员"</a> "名录。"</p>
        </div>
    }
}
