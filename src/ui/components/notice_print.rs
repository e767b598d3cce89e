//! A draw's 公示 list as printed alone (print styles hide the rest of the page while
//! `html.printing-draw` is set): the 双随机 units with their officers, or the 驻点 order by year.

use leptos::prelude::*;

use super::draw_panel::download_notice;
use crate::browser;
use crate::domain::draw::DrawRecord;
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

/// The 公示's facts of a recorded draw, under `title`.
pub fn notice_facts(title: String, record: &DrawRecord) -> NoticeFacts {
    NoticeFacts {
        title,
        drawn_at: browser::local_time(record.drawn_at),
        seed_text: record.seed_text.clone(),
        list_sha256: record.list_sha256.clone(),
    }
}

/// What a recorded draw's 公示 shows: its facts and rows, if the plan is still there.
pub type Notice = Option<(NoticeFacts, Vec<NoticeRow>)>;

/// The two actions on a recorded draw: download its 公示 and list (files named after `what`),
/// and print the 公示 alone (shown in `printing`). Failures go to `message`.
pub fn notice_actions(
    what: &'static str,
    notice: impl Fn(&DrawRecord) -> Notice + Copy + 'static,
    printing: RwSignal<Notice>,
    message: RwSignal<Option<Result<String, String>>>,
) -> (impl Fn(DrawRecord) + Copy, impl Fn(DrawRecord) + Copy) {
    let download = move |record: DrawRecord| {
        if let Some((facts, rows)) = notice(&record) {
            let result = download_notice(what, &facts, &rows, &record.canonical_list);
            message.set(result.err().map(Err));
        }
    };
    let print = move |record: DrawRecord| {
        message.set(print_notice(printing, notice(&record)).err().map(Err));
    };
    (download, print)
}
