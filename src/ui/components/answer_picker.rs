//! One check point in an inspection: its text and legal basis, four answers large enough for a
//! thumb, and what each answer needs (a problem description for 不符合, helped by the
//! catalog's 规范用语; a reason for 合理缺项), plus a note.

use leptos::prelude::*;

use super::basis_line::BasisLine;
use super::handling_editor::HandlingEditor;
use super::media_strip::MediaStrip;
use super::verdict_fields;
use crate::browser;
use crate::domain::catalog::CheckPoint;
use crate::domain::inspection::{Answer, Verdict};
use crate::domain::labelled::Labelled;
use crate::state::media::Owner;
use crate::state::roster::use_roster;
use crate::state::work::use_work;

/// The answer picker of one check point.
#[component]
pub fn AnswerPicker(
    /// The check point.
    point: &'static CheckPoint,
    /// The inspection being filled.
    inspection_id: String,
    /// The inspector named on changes (记录人), if chosen.
    recorder: Signal<Option<String>>,
) -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let inspection_id = StoredValue::new(inspection_id);
    // This inspection only: an edit elsewhere does not wake the point.
    let inspection = work.inspections.watch(&inspection_id.get_value());
    let answer = Memo::new(move |_| {
        inspection.with(|i| i.as_ref().and_then(|i| i.answers.get(&point.id).cloned()))
    });
    let editable = Signal::from(Memo::new(move |_| {
        inspection.with(|i| i.as_ref().is_some_and(|i| i.is_editable()))
    }));
    let verdict = move || answer.with(|a| a.as_ref().map_or(Verdict::Unchecked, |a| a.verdict));
    let change = move |f: Box<dyn FnOnce(&mut Answer)>| {
        let by = recorder.get_untracked();
        work.inspections.edit(&inspection_id.get_value(), move |i| {
            i.answer(&point.id, browser::now(), by, f)
        });
    };
    let text = move |read: fn(&Answer) -> String| {
        Signal::derive(move || answer.with(|a| a.as_ref().map(read).unwrap_or_default()))
    };
    let description = text(|a| a.description.clone());
    let reason = text(|a| a.not_applicable_reason.clone());
    let note = text(|a| a.note.clone());
    let show_note = RwSignal::new(false);
    let changed = move || {
        answer.with(|a| {
            a.as_ref().map(|a| {
                let by = a
                    .updated_by
                    .as_deref()
                    .and_then(|id| roster.inspectors.get(id))
                    .map(|i| format!(" · {}", i.display_name()))
                    .unwrap_or_default();
                format!("最后修改：{}{by}", browser::local_time(a.updated_at))
            })
        })
    };
    let testid = format!("point-{}", point.id);
    let day = Memo::new(move |_| inspection.with(|i| i.as_ref().and_then(|i| i.date)));
    view! {
        <li class="check-point" data-testid=testid data-verdict=move || verdict().code()>
            <p class="point-text">
                <span class="point-id">{point.id.clone()}</span>
                {point.text.clone()}
                {point.is_focus().then(|| view! { <span class="badge focus">"重点"</span> })}
            </p>
            <BasisLine basis=point.basis.clone() on=day />
            {verdict_fields::verdict_buttons(verdict, move |v| change(Box::new(move |a| a.verdict = v)))}
            <Show when=move || verdict() == Verdict::NonCompliant>
                <div class="answer-detail">
                    {verdict_fields::description_field(&point.phrasings, description, move |text| {
                        change(Box::new(move |a| a.description = text))
                    })}
                    <MediaStrip
                        owner=Owner::Answer { inspection_id: inspection_id.get_value(), point_id: point.id.clone() }
                        recorder=recorder
                        editable=editable
                        required=point.photo_required
                    />
                    <HandlingEditor point=point inspection_id=inspection_id.get_value() recorder=recorder />
                </div>
            </Show>
            <Show when=move || verdict() == Verdict::NotApplicable>
                <div class="answer-detail">
                    {verdict_fields::reason_field(reason, move |text| {
                        change(Box::new(move |a| a.not_applicable_reason = text))
                    })}
                </div>
            </Show>
            <Show
                when=move || show_note.get() || note.with(|n| !n.is_empty())
                fallback=move || view! { <button type="button" class="link" on:click=move |_| show_note.set(true)>"添加备注"</button> }
            >
                <textarea
                    class="note"
                    data-testid="note"
                    aria-label="备注"
                    placeholder="备注"
                    prop:value=move || note.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        change(Box::new(move |a| a.note = value));
                    }
                ></textarea>
            </Show>
            <p class="muted small">{changed}</p>
        </li>
    }
}
