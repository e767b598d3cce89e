//! One area of an inspection's checklist: a collapsible section whose header shows its counts
//! (e.g. "12/15 已查，2 不符合"), with its sub-items and their check points.

use leptos::prelude::*;

use super::answer_picker::AnswerPicker;
use crate::domain::catalog::AreaChecklist;
use crate::state::work::use_work;

/// A checklist section.
#[component]
pub fn ChecklistSection(
    /// The area and its applicable points.
    area: AreaChecklist<'static>,
    /// The inspection being filled.
    inspection_id: String,
    /// The inspector named on changes.
    recorder: Signal<Option<String>>,
) -> impl IntoView {
    let work = use_work();
    let ids: Vec<&'static str> = area
        .sub_items
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.id.as_str()))
        .collect();
    let counts_id = inspection_id.clone();
    let inspection = work.inspections.watch(&counts_id);
    let counts = Memo::new(move |_| {
        inspection.with(|i| {
            i.as_ref()
                .map(|i| i.counts(ids.iter().copied()))
                .unwrap_or_default()
        })
    });
    let testid = format!("area-{}", area.area.id);
    view! {
        <details class="section" open data-testid=testid>
            <summary>
                <span class="section-title">{area.area.title.clone()}</span>
                <span class="section-counts" data-testid="section-counts">
                    {move || {
                        let c = counts.get();
                        let mut text = format!("{}/{} 已查", c.checked, c.total);
                        if c.non_compliant > 0 {
                            text.push_str(&format!("，{} 不符合", c.non_compliant));
                        }
                        if c.not_applicable > 0 {
                            text.push_str(&format!("，{} 合理缺项", c.not_applicable));
                        }
                        text
                    }}
                </span>
            </summary>
            {area
                .sub_items
                .into_iter()
                .map(|sub| {
                    let inspection_id = inspection_id.clone();
                    view! {
                        <h3 class="sub-item">{sub.sub_item.title.clone()}</h3>
                        <ul class="points">
                            {sub
                                .points
                                .into_iter()
                                .map(|point| view! { <AnswerPicker point=point inspection_id=inspection_id.clone() recorder=recorder /> })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </details>
    }
}
