//! The documents that close a stay, on screen and printed: the 反馈意见 to the hospital (problems
//! by content area with their handling and deadlines; problems still without a settled handling
//! are listed above it and it is marked 未定稿) and the 监督建议书 draft to the county health
//! bureau with its suggestions editable.

use leptos::prelude::*;

use crate::domain::stationed::documents::{
    advice, draft_suggestions, feedback, flagged_for_advice, AdviceScope, Document, Issuer,
    COUNTY_BUREAU,
};
use crate::route::Route;
use crate::state::agency::use_agency;
use crate::state::roster::use_roster;
use crate::state::stay_facts::StayInputs;
use crate::state::work::use_work;
use crate::ui::components::agency_field::AgencyField;
use crate::ui::components::document_view::DocumentView;
use crate::ui::components::print_button::PrintButton;
use crate::ui::components::record_page::RecordPage;

/// The page of one of a stay's documents.
#[component]
pub fn StayDocumentPage(
    id: String,
    /// The 监督建议书 instead of the 反馈意见.
    advice: bool,
) -> impl IntoView {
    let work = use_work();
    let lookup = id.clone();
    let exists = Signal::derive(move || work.stays.with(|all| all.iter().any(|s| s.id == lookup)));
    view! {
        <RecordPage back=Route::Stay(id.clone()) back_label="‹ 返回驻点" missing="未找到该驻点，可能已被删除。" exists=exists>
            <StayDocument id=id.clone() advice=advice />
        </RecordPage>
    }
}

/// What the page shows: the document, problems keeping it from being final, and for the
/// 监督建议书 whether the stay flagged any problem for it.
struct Shown {
    document: Document,
    unsettled: Vec<String>,
    flagged: bool,
}

#[component]
fn StayDocument(id: String, advice: bool) -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let stay_id = StoredValue::new(id);
    let agency = use_agency();
    let shown = move || {
        let inputs = StayInputs::read(work, roster, &stay_id.get_value())?;
        let (stay, facts) = (inputs.stay(), inputs.facts());
        let issuer = Issuer {
            body: agency
                .agency()
                .map_or_else(|| "（监督机构名称）".into(), |a| a.name().to_string()),
            bureau: COUNTY_BUREAU.to_string(),
            dated: if advice { None } else { stay.feedback_on },
        };
        Some(if advice {
            let flagged = flagged_for_advice(&facts);
            let scope = if flagged {
                AdviceScope::Flagged
            } else {
                AdviceScope::All
            };
            Shown {
                document: self::advice(&facts, &issuer, &scope, stay.advice_suggestions.as_deref()),
                unsettled: Vec::new(),
                flagged,
            }
        } else {
            let result = feedback(&facts, &issuer);
            Shown {
                unsettled: result.unsettled.iter().map(|u| u.message()).collect(),
                document: result.document,
                flagged: false,
            }
        })
    };
    let suggestions = move || {
        work.stays.get(&stay_id.get_value()).map(|s| {
            let hospital = roster
                .institutions
                .get(&s.institution_id)
                .map(|i| i.name)
                .unwrap_or_default();
            s.advice_suggestions
                .unwrap_or_else(|| draft_suggestions(&hospital))
        })
    };
    view! {
        <div class="no-print">
            <AgencyField placeholder="如：XX县卫生计生监督所" />
            {advice.then(|| view! {
                <div class="field">
                    <label for="field-advice-suggestions">"建议内容（每行一段，可修改）"</label>
                    <textarea id="field-advice-suggestions" data-testid="advice-suggestions" rows="6"
                        prop:value=move || suggestions().unwrap_or_default()
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            work.stays.edit(&stay_id.get_value(), move |s| s.advice_suggestions = Some(value));
                        }></textarea>
                    <button type="button" class="link" on:click=move |_| work.stays.edit(&stay_id.get_value(), |s| s.advice_suggestions = None)>"恢复起草的文字"</button>
                </div>
            })}
            <div class="actions">
                <PrintButton label="打印" testid="print-document" primary=true />
            </div>
        </div>
        {move || shown().map(|s| view! {
            {(!s.unsettled.is_empty()).then(|| view! {
                <div class="alert alert-warn no-print document-warnings" role="status" data-testid="document-warnings">
                    <p><strong>"未定稿：以下问题尚未确定处理方式，请在“问题汇总与处理”中补全后再打印。"</strong></p>
                    <ul>{s.unsettled.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
                </div>
            })}
            {(advice && !s.flagged).then(|| view! {
                <div class="notice no-print" data-testid="advice-not-flagged">
                    "本次驻点没有处理方式为“监督建议书”的问题，下稿列入全部问题；如只需列入部分问题，请在“问题汇总与处理”中将其处理方式定为监督建议书。"
                </div>
            })}
            <DocumentView document=s.document />
        })}
    }
}
