//! One scene's 现场监督表 in a stay (or the 书面审查 list, or the 社会反映问题 list): the points
//! of the content areas that apply, 合理缺项 for a scene the hospital lacks, and finishing the
//! scene once every point is answered.

use leptos::prelude::*;

use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::scenes::{edition_2024, ListKind};
use crate::domain::stationed::sheet::{SceneSheet, SheetStatus};
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::storage::preferences;
use crate::ui::components::complaint_list::ComplaintList;
use crate::ui::components::record_page::RecordPage;
use crate::ui::components::sheet_point::SheetPoint;
use crate::ui::components::stay_recorder::StayRecorder;

/// What a sheet's target is.
enum Target {
    Scene,
    Documents,
    Complaints,
}

/// The sheet page.
#[component]
pub fn StaySheetPage(stay_id: String, target: String) -> impl IntoView {
    let work = use_work();
    let catalog = edition_2024();
    let known = catalog.scene(&target).is_some() || catalog.lists.iter().any(|l| l.id == target);
    let lookup = stay_id.clone();
    let exists =
        Signal::derive(move || known && work.stays.with(|all| all.iter().any(|s| s.id == lookup)));
    view! {
        <RecordPage back=Route::Stay(stay_id.clone()) back_label="‹ 返回驻点" missing="未找到该驻点或场景。" exists=exists>
            <SheetForm stay_id=stay_id.clone() target=target.clone() />
        </RecordPage>
    }
}

#[component]
fn SheetForm(stay_id: String, target: String) -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let catalog = edition_2024();
    let sheet_id = SceneSheet::id_for(&stay_id, &target);
    let sheet = work.scene_sheets.watch(&sheet_id);
    let stay = {
        let id = stay_id.clone();
        Memo::new(move |_| work.stays.get(&id))
    };
    let ids = StoredValue::new((stay_id.clone(), target.clone()));
    let edit = move |f: Box<dyn FnOnce(&mut SceneSheet)>| {
        let (stay, target) = ids.get_value();
        work.edit_sheet(&stay, &target, f);
    };
    let (kind, title, note, points): (Target, String, Option<String>, Vec<String>) =
        match catalog.scene(&target) {
            Some(scene) => (
                Target::Scene,
                format!("{} 现场监督表", scene.name),
                scene.note.clone(),
                scene.points.clone(),
            ),
            None => {
                let list = catalog
                    .lists
                    .iter()
                    .find(|l| l.id == target)
                    .expect("checked by the page");
                let kind = match list.kind {
                    ListKind::DocumentReview => Target::Documents,
                    ListKind::Complaints => Target::Complaints,
                };
                (
                    kind,
                    list.title.clone(),
                    Some(list.note.clone()),
                    list.points.clone(),
                )
            }
        };
    let is_scene = matches!(kind, Target::Scene);
    let is_complaints = matches!(kind, Target::Complaints);
    let recorder = RwSignal::new(preferences::recorder());
    let recorder_signal = Signal::derive(move || {
        let member = stay.with(|s| {
            s.as_ref().is_some_and(|s| {
                s.group
                    .officers()
                    .iter()
                    .any(|(id, _)| Some(*id) == recorder.get().as_deref())
            })
        });
        recorder.get().filter(|_| member)
    });
    let status = move || sheet.with(|s| s.as_ref().map_or(SheetStatus::NotStarted, |s| s.status()));
    let fed_back = move || stay.with(|s| s.as_ref().is_some_and(|s| s.feedback_on.is_some()));
    let editable = Signal::derive(move || {
        !fed_back() && matches!(status(), SheetStatus::NotStarted | SheetStatus::InProgress)
    });
    let problems = RwSignal::new(Vec::<String>::new());
    let finish = move |_| {
        let (stay, target) = ids.get_value();
        let found = sheet
            .get_untracked()
            .unwrap_or_else(|| SceneSheet::new(&stay, &target, browser::now()))
            .completion_problems(catalog);
        problems.set(found.iter().map(|p| p.message()).collect());
        if found.is_empty() {
            // A list with nothing to answer (no complaints received) is finished as it is.
            edit(Box::new(|s| s.done = true));
        }
    };
    let na_reason = RwSignal::new(String::new());
    let hospital = move || {
        stay.with(|s| {
            s.as_ref()
                .and_then(|s| roster.institutions.get(&s.institution_id))
        })
        .map(|i| i.display_name().to_string())
        .unwrap_or_default()
    };
    let grouped = catalog.grouped(&points);
    let stay_for_points = stay_id.clone();
    let target_for_points = target.clone();
    view! {
        <h1>{title}</h1>
        <p class="muted">{hospital}</p>
        <p class="badge" data-testid="sheet-status">{move || status().label()}</p>
        {note.map(|n| view! { <p class="notice">{n}</p> })}
        <StayRecorder stay_id=stay_id.clone() recorder=recorder />
        {is_scene.then(|| view! {
            <div class="notice" data-testid="scene-not-applicable">
                {move || match sheet.with(|s| s.as_ref().and_then(|s| s.not_applicable.clone())) {
                    Some(reason) => view! {
                        <p>"本场景为合理缺项：" {reason}</p>
                        <button type="button" prop:disabled=fed_back on:click=move |_| edit(Box::new(|s| s.not_applicable = None))>"撤销合理缺项"</button>
                    }.into_any(),
                    None => view! {
                        <label for="scene-na-reason">"医院无此场景时，整个场景记为合理缺项："</label>
                        <input id="scene-na-reason" type="text" data-testid="scene-na-reason" placeholder="如：未设置血液透析室"
                            prop:value=move || na_reason.get() on:input=move |ev| na_reason.set(event_target_value(&ev)) />
                        <button type="button" data-testid="mark-scene-na" prop:disabled=move || !editable.get() || na_reason.with(|r| r.trim().is_empty())
                            on:click=move |_| { let reason = na_reason.get().trim().to_string(); edit(Box::new(move |s| s.not_applicable = Some(reason))); }>"记为合理缺项"</button>
                    }.into_any(),
                }}
            </div>
        })}
        {grouped.into_iter().map(|(area, points)| {
            let (stay_id, target) = (stay_for_points.clone(), target_for_points.clone());
            view! {
                <section class="section" data-testid=format!("area-{}", area.id)>
                    <h2>{area.title.clone()}</h2>
                    <ul class="points">
                        {points.into_iter().map(|point| view! {
                            <SheetPoint point=point stay_id=stay_id.clone() target=target.clone() recorder=recorder_signal editable=editable />
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
        {is_complaints.then(|| view! { <ComplaintList stay_id=stay_id.clone() target=target.clone() recorder=recorder_signal editable=editable /> })}
        <div class="actions">
            {move || match status() {
                SheetStatus::Done => view! {
                    <button type="button" data-testid="reopen-sheet" prop:disabled=fed_back on:click=move |_| edit(Box::new(|s| s.done = false))>"重新打开本场景"</button>
                }.into_any(),
                SheetStatus::NotApplicable => ().into_any(),
                _ => view! {
                    <button type="button" class="primary" data-testid="finish-sheet" on:click=finish>"本场景检查完毕"</button>
                }.into_any(),
            }}
        </div>
        <Show when=move || problems.with(|p| !p.is_empty())>
            <div class="alert alert-error" role="alert" data-testid="sheet-problems">
                <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}
