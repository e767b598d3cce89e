//! A document as printed on A4 (the 反馈意见, 监督建议书, 现场检查笔录, 卫生监督意见书): the
//! title, 文号, header facts, addressee, sections with their photos, the signature block, the
//! 落款 and notes. Photos and signatures are read from the device's media store; print styles
//! keep each photo and each signature line whole on a page.

use leptos::prelude::*;

use super::media_strip::StoredMedia;
use crate::domain::document::{Document, Figure, Section, SignatureLine};
use crate::domain::media::MediaRef;

/// A stored image in a document (a placeholder when the bytes are not on this device).
#[component]
fn StoredImage(media: MediaRef, #[prop(into)] alt: String) -> impl IntoView {
    let url = StoredMedia::load(&media);
    move || match url.get() {
        Some(Some(u)) => view! { <img src=u alt=alt.clone() /> }.into_any(),
        Some(None) => view! { <span class="thumb-missing">"（照片不在本机）"</span> }.into_any(),
        None => view! { <span class="thumb-loading">"…"</span> }.into_any(),
    }
}

fn figure_view(figure: Figure) -> impl IntoView {
    view! {
        <figure class="document-figure" data-testid="document-figure">
            <StoredImage media=figure.media alt=figure.caption.clone() />
            <figcaption>{figure.caption}</figcaption>
        </figure>
    }
}

fn signature_view(line: SignatureLine) -> impl IntoView {
    let date = line.date();
    let detail = line.detail.clone().map(|d| format!("　{d}"));
    view! {
        <div class="signature-line" data-testid="document-signature">
            {line.statement.clone().map(|s| view! { <p class="statement">{s}</p> })}
            <p>
                <span class="signature-label">{format!("{}：", line.label)}</span>
                {match line.image.clone() {
                    Some(image) => view! { <span class="signature-image"><StoredImage media=image alt="签名" /></span> }.into_any(),
                    None => view! { <span class="signature-blank"></span> }.into_any(),
                }}
                <span>{line.name.clone()}</span>
                {detail}
                <span class="signature-date">{date}</span>
            </p>
        </div>
    }
}

/// A document as printed.
#[component]
pub fn DocumentView(mut document: Document) -> impl IntoView {
    // The last section, the change alert, the signatures and the 落款 print as one block when
    // they fit, so neither the signatures nor the 落款 stand alone on the last page.
    let last = document.sections.pop();
    view! {
        <article class="document" class:party-signs-each-page=document.party_signs_each_page data-testid="document">
            <h1>{document.title}</h1>
            {document.number.map(|n| view! { <p class="document-number" data-testid="document-number">{n}</p> })}
            {(!document.facts.is_empty()).then(|| view! {
                <div class="document-facts">
                    {document.facts.into_iter().map(|f| view! { <p>{f.line()}</p> }).collect_view()}
                </div>
            })}
            {(!document.addressee.is_empty()).then(|| view! { <p class="addressee">{format!("{}：", document.addressee)}</p> })}
            {document.sections.into_iter().map(section_view).collect_view()}
            <div class="document-closing">
                {last.map(section_view)}
                {document.alert.map(|text| view! {
                    <p class="document-alert" role="status" data-testid="document-alert"><strong>{text}</strong></p>
                })}
                {(!document.signatures.is_empty()).then(|| view! {
                    <div class="document-signatures">{document.signatures.into_iter().map(signature_view).collect_view()}</div>
                })}
                {(!document.signature.is_empty()).then(|| view! {
                    <div class="signature">{document.signature.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}</div>
                })}
            </div>
            {(!document.notes.is_empty()).then(|| view! {
                <div class="document-notes">{document.notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}</div>
            })}
        </article>
    }
}

fn section_view(section: Section) -> impl IntoView {
    view! {
        <section>
            {section.heading.map(|h| if section.level <= 1 {
                view! { <h2>{h}</h2> }.into_any()
            } else {
                view! { <h3>{h}</h3> }.into_any()
            })}
            {section.paragraphs.into_iter().map(|p| view! { <p class="indent">{p}</p> }).collect_view()}
            {section.items.into_iter().map(|p| view! { <p class="indent item">{p}</p> }).collect_view()}
            {section.figures.into_iter().map(figure_view).collect_view()}
        </section>
    }
}
