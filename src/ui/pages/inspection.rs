//! One inspection: date, hours, place and officers, the checklist generated from the catalog for the
//! institution's type and services, and completion (refused with fewer than two officers,
//! confirmed when points are still 未检查).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::catalog::{edition_2022, Checklist};
use crate::domain::labelled::Labelled;
use crate::domain::plan::PlanKind;
use crate::route::Route;
use crate::state::media::Owner;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::storage::preferences;
use crate::ui::components::checklist_section::ChecklistSection;
use crate::ui::components::field::TextField;
use crate::ui::components::inspection_hours::InspectionHours;
use crate::ui::components::inspection_status::InspectionStatusPanel;
use crate::ui::components::inspector_assignments::InspectorAssignments;
use crate::ui::components::media_strip::MediaStrip;
use crate::ui::components::record_page::RecordPage;
use crate::ui::components::rectification_section::RectificationSection;
use crate::ui::components::signature_pad::InspectionSignatures;

/// The inspection page.
#[component]
pub fn InspectionPage(
    /// The inspection's id, from the URL.
    id: String,
) -> impl IntoView {
    let work = use_work();
    let lookup_id = id.clone();
    let exists = Signal::derive(move || {
        work.inspections
            .with(|all| all.iter().any(|i| i.id == lookup_id))
    });
    view! {
        <RecordPage back=Route::Inspections back_label="‹ 返回检查列表" missing="未找到该检查记录，可能已被删除。" exists=exists>
            <InspectionForm id=id.clone() />
        </RecordPage>
    }
}

#[component]
fn InspectionForm(id: String) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let inspection_id = StoredValue::new(id.clone());
    let inspection = work.inspections.watch(&inspection_id.get_value());
    let institution = move || {
        inspection.with(|i| {
            i.as_ref()
                .and_then(|i| roster.institutions.get(&i.institution_id))
        })
    };
    // The checklist is generated once per visit from the institution's type and services.
    let checklist: Option<Checklist<'static>> = institution().and_then(|i| {
        let edition =
            inspection.with_untracked(|x| x.as_ref().map(|x| x.catalog_edition.clone()))?;
        (edition == edition_2022().edition).then_some(())?;
        edition_2022().checklist_for(i.kind?, &i.services)
    });
    let checklist = StoredValue::new_local(checklist);
    // A 回头看 follow-up shows the unit's original violations before the checklist.
    let follow_up_of = inspection.with_untracked(|i| {
        let i = i.as_ref()?;
        let plan = work.plans.get(&i.plan_id)?;
        (plan.kind == PlanKind::Huitoukan).then(|| i.institution_id.clone())
    });
    let recorder = RwSignal::new(preferences::recorder());
    let recorder_signal = Signal::derive(move || {
        let assigned = inspection.with(|i| {
            i.as_ref().map(|i| {
                i.inspectors
                    .iter()
                    .any(|a| Some(&a.inspector_id) == recorder.get().as_ref())
            })
        });
        recorder.get().filter(|_| assigned == Some(true))
    });
    let edit = move |f: Box<dyn FnOnce(&mut crate::domain::inspection::Inspection)>| {
        work.inspections.edit(&inspection_id.get_value(), f)
    };
    let editable = move || inspection.with(|i| i.as_ref().is_some_and(|i| i.is_editable()));

    let header = move || {
        let name = institution()
            .map(|i| i.display_name().to_string())
            .unwrap_or_else(|| "（监督对象已删除）".into());
        let meta = institution()
            .map(|i| {
                let services: Vec<&str> = i.services.iter().map(|s| s.label()).collect();
                format!(
                    "{}{}",
                    i.kind.map(|k| k.label()).unwrap_or("未选择类别"),
                    if services.is_empty() {
                        String::new()
                    } else {
                        format!(" · 开展：{}", services.join("、"))
                    }
                )
            })
            .unwrap_or_default();
        let plan = inspection.with(|i| i.as_ref().and_then(|i| work.plans.get(&i.plan_id)));
        let focus = institution().is_some_and(|i| i.is_focus());
        view! {
            <h1>{name} {focus.then(|| view! { <span class="badge focus">"重点"</span> })}</h1>
            <p class="muted">{meta}</p>
            {plan.map(|p| view! { <p><a href=Route::Plan(p.id.clone()).href()>{format!("任务：{}", p.name)}</a></p> })}
        }
    };

    view! {
        {header}
        <div class="field recorder">
            <label for="field-recorder">"记录人（本机使用者）"</label>
            <select
                id="field-recorder"
                data-testid="recorder"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let value = (!value.is_empty()).then_some(value);
                    preferences::set_recorder(value.as_deref());
                    recorder.set(value);
                }
            >
                <option value="" selected=move || recorder_signal.get().is_none()>"未选择"</option>
                {move || {
                    inspection
                        .with(|i| i.as_ref().map(|i| i.inspectors.clone()).unwrap_or_default())
                        .into_iter()
                        .filter_map(|a| roster.inspectors.get(&a.inspector_id))
                        .map(|officer| {
                            let selected_id = officer.id.clone();
                            view! {
                                <option value=officer.id.clone() selected=move || recorder_signal.get().as_deref() == Some(selected_id.as_str())>
                                    {officer.display_name().to_string()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
        <fieldset class="plain" prop:disabled=move || !editable()>
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="field-inspection-date">"检查日期" <span class="required">"*"</span></label>
                <input
                    id="field-inspection-date"
                    type="date"
                    data-testid="inspection-date"
                    prop:value=move || inspection.with(|i| i.as_ref().and_then(|i| i.date).map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let date = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                        edit(Box::new(move |i| i.date = date));
                    }
                />
                <p class="field-message"></p>
            </div>
            <InspectionHours inspection_id=id.clone() />
            <TextField
                label="检查地点"
                name="inspection-place"
                value=Signal::derive(move || inspection.with(|i| i.as_ref().map(|i| i.place.clone()).unwrap_or_default()))
                on_input=Callback::new(move |value: String| edit(Box::new(move |i| i.place = value)))
            />
        </form>
        <InspectorAssignments inspection_id=id.clone() />
        {follow_up_of.map(|unit| view! { <RectificationSection inspection_id=id.clone() institution_id=unit recorder=recorder_signal /> })}
        {checklist.with_value(|c| match c {
            None => view! {
                <div class="notice" data-testid="no-checklist">
                    "没有适用的检查表：请先在监督对象中选择机构类别。"
                </div>
            }
                .into_any(),
            Some(c) => {
                let title = format!("{} {}", c.table.annex, c.table.title);
                let sections = c.areas.clone();
                view! {
                    <h2>{title}</h2>
                    {sections
                        .into_iter()
                        .map(|area| view! { <ChecklistSection area=area inspection_id=id.clone() recorder=recorder_signal /> })
                        .collect_view()}
                }
                    .into_any()
            }
        })}
        <h2>"现场照片"</h2>
        <MediaStrip owner=Owner::Inspection { inspection_id: id.clone() } recorder=recorder_signal editable=Signal::derive(editable) />
        </fieldset>
        <InspectionSignatures inspection_id=id.clone() />
        <p class="actions">
            <a class="button" data-testid="open-record" href=Route::InspectionRecord(id.clone()).href()>"现场检查笔录"</a>
            <a class="button" data-testid="open-opinion" href=Route::InspectionOpinion(id.clone()).href()>"卫生监督意见书"</a>
        </p>
        <InspectionStatusPanel inspection_id=id.clone() checklist=checklist recorder=recorder_signal />
    }
}
