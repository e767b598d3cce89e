//! An inspection's documents printed on site on A4: the 现场检查笔录 (with the problems' photos
//! and the signatures drawn on the screen) and the 卫生监督意见书 (with its 文号 taken from the
//! device's series, the deadline and the issuing body).

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::edition_2022;
use crate::domain::document::Document;
use crate::domain::inspection_documents::{onsite_record, opinion_letter, LetterDetails};
use crate::route::Route;
use crate::state::agency::use_agency;
use crate::state::opinion_number::take_opinion_number;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::storage::preferences;
use crate::ui::components::agency_field::AgencyField;
use crate::ui::components::document_view::DocumentView;
use crate::ui::components::print_button::PrintButton;
use crate::ui::components::record_page::RecordPage;

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InspectionDocument {
    OnsiteRecord,
    OpinionLetter,
}

/// The page of one of an inspection's documents.
#[component]
pub fn InspectionDocumentPage(id: String, kind: InspectionDocument) -> impl IntoView {
    let work = use_work();
    let lookup = id.clone();
    let exists = Signal::derive(move || {
        work.inspections
            .with(|all| all.iter().any(|i| i.id == lookup))
    });
    view! {
        <RecordPage back=Route::Inspection(id.clone()) back_label="‹ 返回检查" missing="未找到该检查记录，可能已被删除。" exists=exists>
            <DocumentPanel id=id.clone() kind=kind />
        </RecordPage>
    }
}

#[component]
fn DocumentPanel(id: String, kind: InspectionDocument) -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let inspection_id = StoredValue::new(id);
    let agency = use_agency();
    let series_text = RwSignal::new(
        preferences::opinion_series()
            .map(|s| s.peek(browser::today().year()))
            .unwrap_or_default(),
    );
    let message = RwSignal::new(None::<Result<String, String>>);
    let document = move || -> Option<Document> {
        let inspection = work.inspections.get(&inspection_id.get_value())?;
        let institution = roster.institutions.get(&inspection.institution_id)?;
        let officers = roster.inspectors.with(Clone::clone);
        Some(match kind {
            InspectionDocument::OnsiteRecord => {
                onsite_record(edition_2022(), &inspection, &institution, &officers)
            }
            InspectionDocument::OpinionLetter => opinion_letter(
                edition_2022(),
                &inspection,
                &institution,
                &officers,
                &LetterDetails {
                    number: inspection.opinion_number.clone(),
                    deadline: inspection.opinion_deadline,
                    body: agency
                        .agency()
                        .map(|a| a.name().to_string())
                        .unwrap_or_default(),
                    dated: inspection.date,
                },
            ),
        })
    };
    let number = move || {
        work.inspections
            .get(&inspection_id.get_value())
            .and_then(|i| i.opinion_number)
    };
    let writing = RwSignal::new(false);
    // Takes the next number of the series (as typed, when the user set where it stands).
    let take_number = move |_| {
        if writing.get_untracked() {
            return;
        }
        writing.set(true);
        message.set(None);
        leptos::task::spawn_local(async move {
            let typed = series_text.get_untracked();
            let result = take_opinion_number(work, &inspection_id.get_value(), &typed).await;
            writing.set(false);
            message.set(Some(result.and_then(|taken| {
                series_text.set(taken.next);
                if taken.series_kept {
                    Ok(format!("已取号：{}", taken.number))
                } else {
                    Err(format!(
                        "已取号：{}；但本机未能记住文号序列，下次取号请核对",
                        taken.number
                    ))
                }
            })));
        });
    };
    view! {
        <div class="no-print">
            <AgencyField placeholder="如：XX县卫生健康局" />
            {(kind == InspectionDocument::OpinionLetter).then(|| view! {
                <div class="field">
                    <label for="field-opinion-deadline">"整改期限（未单独设定期限的问题）"</label>
                    <input id="field-opinion-deadline" type="date" data-testid="opinion-deadline"
                        prop:value=move || work.inspections.get(&inspection_id.get_value()).and_then(|i| i.opinion_deadline).map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let day = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                            work.inspections.edit(&inspection_id.get_value(), move |i| i.opinion_deadline = day);
                        } />
                </div>
                <Show
                    when=move || number().is_none()
                    fallback=move || view! { <p data-testid="opinion-number">{format!("文号：{}", number().unwrap_or_default())}</p> }
                >
                    <div class="inline-form">
                        <label for="field-series">"下一个文号"</label>
                        <input id="field-series" type="text" data-testid="opinion-series" placeholder="如：X卫医监〔2026〕1号"
                            prop:value=move || series_text.get() on:input=move |ev| series_text.set(event_target_value(&ev)) />
                        <button type="button" data-testid="take-number" on:click=take_number disabled=move || writing.get()>
                            {move || if writing.get() { "正在写入…" } else { "取号" }}
                        </button>
                    </div>
                </Show>
            })}
            <div class="actions">
                <PrintButton label="打印" testid="print-document" primary=true />
            </div>
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <p class="alert alert-info" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="alert alert-error" role="alert">{text}</p> }.into_any(),
            })}
        </div>
        {move || document().map(|d| view! { <DocumentView document=d /> })}
    }
}
