//! A law and its articles as the 依据 panel and the 法规 page show them: title, kind, issuing
//! body, 令号, the version in force and its date (with a warning when the day of the work is
//! earlier), then each article's text, or 待核实 with what was tried.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::document::chinese_date;
use crate::domain::law::{article_label, Article, CitedArticle, Law};
use crate::route::Route;

/// The heading of a law; `on` is the day of the work the citation belongs to, if any.
pub fn law_heading(law: &Law, on: Option<NaiveDate>, linked: bool) -> impl IntoView {
    let title = law.title();
    let href = Route::Law(law.id.clone()).href();
    let number = (!law.document_number.is_empty()).then(|| format!(" · {}", law.document_number));
    let early = on.filter(|&day| !law.in_force_on(day)).map(|day| {
        format!(
            "注意：本版本{}起施行，晚于{}，当日施行的是此前的版本。",
            chinese_date(law.in_force_from),
            chinese_date(day)
        )
    });
    let note = (!law.note.trim().is_empty()).then(|| law.note.clone());
    view! {
        <header class="law-heading">
            <h3 class="law-title">
                {if linked {
                    view! { <a href=href>{title}</a> }.into_any()
                } else {
                    view! { <span>{title}</span> }.into_any()
                }}
            </h3>
            <p class="small muted">
                {law.kind.label()} " · " {law.authority.clone()} {number} " · " {law.version_line()}
            </p>
            {early.map(|text| view! { <p class="warn-text small">{text}</p> })}
            {note.map(|text| view! { <p class="small muted law-note">{text}</p> })}
        </header>
    }
}

/// One cited article as the library holds it.
pub fn cited_article(cited: &CitedArticle<'_>) -> AnyView {
    match cited {
        CitedArticle::Verified(article) | CitedArticle::Unverified(article) => {
            article_view(article).into_any()
        }
        CitedArticle::Missing(number) => view! {
            <div class="article unsure">
                <p class="article-label">{article_label(*number)} <span class="badge warn">"待核实"</span></p>
                <p class="small">"法规库未收录本条。"</p>
            </div>
        }
        .into_any(),
    }
}

/// An article: its label and paragraphs; an unverified one says 待核实 and why, and shows what
/// was read, if anything, as not settled.
pub fn article_view(article: &Article) -> impl IntoView {
    let unsure = !article.verified;
    let paragraphs: Vec<String> = article.paragraphs().map(str::to_string).collect();
    let read = (!paragraphs.is_empty()).then(|| {
        view! {
            {unsure.then(|| view! { <p class="small muted">"已读到的文字（未核实，可能不完整）："</p> })}
            {paragraphs.into_iter().map(|p| view! { <p class="article-text">{p}</p> }).collect_view()}
        }
    });
    let note = (unsure && !article.note.is_empty()).then(|| article.note.clone());
    let source = (!article.source.is_empty()).then(|| format!("来源：{}", article.source));
    view! {
        <div class="article" class:unsure=unsure data-testid=format!("article-{}", article.number)>
            <p class="article-label">
                {article.label()}
                {unsure.then(|| view! { <span class="badge warn">"待核实"</span> })}
            </p>
            {read}
            {unsure.then(|| view! {
                <p class="small warn-text">"本条条号或原文尚未在可靠来源中核对，引用前请查阅官方文本。"</p>
            })}
            {note.map(|text| view! {
                <details class="small check-record">
                    <summary>"核查记录"</summary>
                    <p>{text}</p>
                </details>
            })}
            {source.map(|text| view! { <p class="small muted source">{text}</p> })}
        </div>
    }
}

/// What a citation naming no article says: complete for a text cited as a whole, else 待核实.
pub fn whole_citation(cited_as_whole: bool) -> AnyView {
    if cited_as_whole {
        view! { <p class="small muted">"引用整部文件，未指明条款；应用内未收录全文。"</p> }
            .into_any()
    } else {
        view! {
            <p class="small">
                <span class="badge warn">"待核实"</span>
                " 依据未指明条款：与本要点对应的条款尚未在可靠来源中核对，引用前请查阅官方文本。"
            </p>
        }
        .into_any()
    }
}
