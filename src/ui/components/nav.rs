//! The main navigation: one link per section, the current one marked.

use leptos::prelude::*;

use crate::route::Route;

/// The sections in the order inspectors use them.
const SECTIONS: [(Route, &str); 8] = [
    (Route::Home, "首页"),
    (Route::Plans, "任务"),
    (Route::Institutions, "监督对象"),
    (Route::Inspectors, "执法人员"),
    (Route::Inspections, "检查"),
    (Route::Summary, "汇总"),
    (Route::Laws, "法规"),
    (Route::Data, "数据"),
];

/// The navigation bar.
#[component]
pub fn Nav(
    /// The page being shown.
    route: ReadSignal<Route>,
) -> impl IntoView {
    view! {
        <nav class="app-nav" aria-label="主导航">
            {SECTIONS
                .into_iter()
                .map(|(section, label)| {
                    let href = section.href();
                    let current = move || (route.get().section() == section).then_some("page");
                    view! {
                        <a href=href aria-current=current>
                            {label}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
