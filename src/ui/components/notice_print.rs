//! A draw's 公示 list as printed alone (print styles hide the rest of the page while
//! `html.printing-draw` is set): the 双随机 units with their officers, or the 驻点 order by year.

use leptos::prelude::*;

use crate::browser;
use crate::domain::export::draw_notice::{NoticeFacts, NoticeRow, METHOD};

/// Prints `notice` alone; returns the browser's refusal, if any.
pub fn print_notice(
    shown: RwSignal<Option<(NoticeFacts, Vec<NoticeRow>)>>,
    notice: Option<(NoticeFacts, Vec<NoticeRow>)>,
) -> Result<(), String> {
    shown.set(notice);
    browser::set_printing("printing-draw", true);
    let result = browser::print();
    browser::set_printing("printing-draw", false);
    result
}

/// The printed 公示 of the notice in `shown`, if any.
#[component]
pub fn NoticePrint(
    shown: RwSignal<Option<(NoticeFacts, Vec<NoticeRow>)>>,
    /// The heading of the rows' group column (类别, 年度).
    group_label: &'static str,
    /// Whether the rows carry officers (双随机) or not (驻点 order).
    with_officers: bool,
) -> impl IntoView {
    move || {
        shown.get().map(|(facts, rows)| view! {
            <div class="draw-print" data-testid="draw-print-view">
                <h2>{facts.title.clone()}</h2>
                <table class="result plain">
                    <thead><tr>
                        <th>"序号"</th><th>"单位名称"</th><th>"统一社会信用代码"</th><th>{group_label}</th>
                        {with_officers.then(|| view! { <th>"检查人员"</th> })}
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().enumerate().map(|(n, r)| view! {
                            <tr>
                                <td>{n + 1}</td><td>{r.name}</td><td>{r.registration_number}</td><td>{r.group}</td>
                                {with_officers.then(|| view! { <td>{r.officers}</td> })}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p>{format!("抽取时间：{}", facts.drawn_at)}</p>
                <p>{format!("种子：{}", facts.seed_text)}</p>
                <p class="hash">{format!("抽取名单 SHA-256：{}", facts.list_sha256)}</p>
                <p>{METHOD}</p>
            </div>
        })
    }
}
