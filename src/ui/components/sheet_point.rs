//! One check point of a 现场监督表 in a stay: its text and basis, the four answers, a problem
//! description (helped by the 规范用语) and the evidence for 不符合, a reason for 合理缺项. The
//! handling is decided later, at the 汇总会, in the problem register.

use leptos::prelude::*;

use super::basis_line::BasisLine;

use super::media_strip::MediaStrip;
use super::verdict_fields;
use crate::browser;
use crate::domain::inspection::Verdict;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::scenes::Point;
use crate::domain::stationed::sheet::{SceneSheet, StayAnswer};
use crate::state::media::Owner;
use crate::state::work::use_work;

/// The answer picker of one point in a stay's sheet.
#[component]
pub fn SheetPoint(
    point: &'static Point,
    stay_id: String,
    /// The scene or list id.
    target: String,
    /// The officer named on changes (记录人), if chosen.
    recorder: Signal<Option<String>>,
    /// False once the sheet is finished or the scene is 合理缺项.
    editable: Signal<bool>,
) -> impl IntoView {
    let work = use_work();
    let sheet_id = SceneSheet::id_for(&stay_id, &target);
    let sheet = work.scene_sheets.watch(&sheet_id);
    let answer = Memo::new(move |_| {
        sheet.with(|s| s.as_ref().and_then(|s| s.answers.get(&point.id).cloned()))
    });
    let ids = StoredValue::new((stay_id, target));
    let start = Signal::derive(move || {
        let stay_id = ids.with_value(|(stay, _)| stay.clone());
        work.stays
            .with(|all| all.iter().find(|s| s.id == stay_id).and_then(|s| s.start))
    });
    let change = move |f: Box<dyn FnOnce(&mut StayAnswer)>| {
        let by = recorder.get_untracked();
        let (stay, target) = ids.get_value();
        work.edit_sheet(&stay, &target, move |s| {
            s.answer(&point.id, browser::today(), browser::now(), by, f)
        });
    };
    let verdict = move || answer.with(|a| a.as_ref().map_or(Verdict::Unchecked, |a| a.verdict));
    let text = move |read: fn(&StayAnswer) -> String| {
        Signal::derive(move || answer.with(|a| a.as_ref().map(read).unwrap_or_default()))
    };
    let description = text(|a| a.description.clone());
    let evidence = text(|a| a.evidence.clone());
    let reason = text(|a| a.not_applicable_reason.clone());
    let testid = format!("point-{}", point.id);
    view! {
        <li class="check-point" data-testid=testid data-verdict=move || verdict().code()>
            <p class="point-text">
                <span class="point-id">{point.id.clone()}</span>
                {point.text.clone()}
            </p>
            <BasisLine basis=point.basis.clone() on=start />
            <fieldset class="plain" prop:disabled=move || !editable.get()>
            {verdict_fields::verdict_buttons(verdict, move |v| change(Box::new(move |a| a.verdict = v)))}
            <Show when=move || verdict() == Verdict::NonCompliant>
                <div class="answer-detail">
                    {verdict_fields::description_field(&point.phrasings, description, move |text| {
                        change(Box::new(move |a| a.description = text))
                    })}
                    <MediaStrip
                        owner=Owner::StayAnswer { sheet_id: SceneSheet::id_for(&ids.get_value().0, &ids.get_value().1), point_id: point.id.clone() }
                        recorder=recorder
                        editable=editable
                        required=point.photo_required
                    />
                    <label>"证据"</label>
                    <textarea
                        data-testid="evidence"
                        aria-label="证据"
                        placeholder="现场所见、调取的资料、拍照录像的编号等"
                        prop:value=move || evidence.get()
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            change(Box::new(move |a| a.evidence = value));
                        }
                    ></textarea>
                </div>
            </Show>
            <Show when=move || verdict() == Verdict::NotApplicable>
                <div class="answer-detail">
                    {verdict_fields::reason_field(reason, move |text| {
                        change(Box::new(move |a| a.not_applicable_reason = text))
                    })}
                </div>
            </Show>
            </fieldset>
            <p class="muted small">
                {move || answer.with(|a| a.as_ref().filter(|a| a.verdict != Verdict::Unchecked).map(|a| {
                    format!("{} 记录 · 最后修改：{}", a.on.format("%Y-%m-%d"), browser::local_time(a.updated_at))
                }))}
            </p>
        </li>
    }
}
