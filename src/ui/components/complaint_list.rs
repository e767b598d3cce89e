//! The 社会反映问题 of a stay: each complaint entered as received (content, source, content
//! area), then verified (核查中 → 属实 / 部分属实 / 不属实, with what was found and the
//! evidence). A confirmed complaint becomes a problem of the register.

use leptos::prelude::*;

use super::media_strip::MediaStrip;
use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::scenes::edition_2024;
use crate::domain::stationed::sheet::{Complaint, ComplaintFinding, SceneSheet};
use crate::state::media::Owner;
use crate::state::work::use_work;

/// The complaints list of a stay.
#[component]
pub fn ComplaintList(
    stay_id: String,
    target: String,
    /// The officer named on added photos (记录人), if chosen.
    recorder: Signal<Option<String>>,
    editable: Signal<bool>,
) -> impl IntoView {
    let work = use_work();
    let sheet_id = SceneSheet::id_for(&stay_id, &target);
    let ids = StoredValue::new((stay_id, target));
    let sheet = work.scene_sheets.watch(&sheet_id);
    let complaints = Memo::new(move |_| {
        sheet.with(|s| s.as_ref().map(|s| s.complaints.clone()).unwrap_or_default())
    });
    let edit = move |id: String, f: Box<dyn FnOnce(&mut Complaint)>| {
        let (stay, target) = ids.get_value();
        work.edit_sheet(&stay, &target, move |s| {
            if let Some(c) = s.complaints.iter_mut().find(|c| c.id == id) {
                f(c);
                c.on = browser::today();
                c.updated_at = browser::now();
                if !c.is_problem() {
                    c.handling = None;
                }
            }
        });
    };
    let add = move |_| {
        let (stay, target) = ids.get_value();
        work.edit_sheet(&stay, &target, |s| {
            s.complaints.push(Complaint {
                id: browser::new_id(),
                content: String::new(),
                source: String::new(),
                area: edition_2024()
                    .areas
                    .first()
                    .map(|a| a.id.clone())
                    .unwrap_or_default(),
                finding: ComplaintFinding::Pending,
                description: String::new(),
                evidence: String::new(),
                on: browser::today(),
                updated_at: browser::now(),
                handling: None,
                media: Vec::new(),
            })
        });
    };
    let complaint_ids =
        move || complaints.with(|all| all.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    view! {
        <Show when=move || complaints.with(Vec::is_empty)>
            <p class="muted">"尚未录入社会反映问题。"</p>
        </Show>
        <ol class="complaints" data-testid="complaints">
            <For each=complaint_ids key=|id| id.clone() let:id>
                {
                    let read = move |id: &str, f: fn(&Complaint) -> String| {
                        complaints.with(|all| all.iter().find(|c| c.id == id).map(f).unwrap_or_default())
                    };
                    let field = move |id: String, label: &'static str, testid: &'static str, get: fn(&Complaint) -> String, set: fn(&mut Complaint, String)| {
                        let shown = id.clone();
                        view! {
                            <label>{label}</label>
                            <textarea
                                data-testid=testid
                                aria-label=label
                                prop:value=move || read(&shown, get)
                                on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    edit(id.clone(), Box::new(move |c| set(c, value)));
                                }
                            ></textarea>
                        }
                    };
                    let (area_id, finding_id, source_id, remove_id) = (id.clone(), id.clone(), id.clone(), id.clone());
                    let source_shown = id.clone();
                    let source_value = move || read(&source_shown, |c| c.source.clone());
                    view! {
                        <li class="complaint" data-testid="complaint">
                            <fieldset class="plain" prop:disabled=move || !editable.get()>
                            {field(id.clone(), "反映内容", "complaint-content", |c| c.content.clone(), |c, v| c.content = v)}
                            <label>"来源"</label>
                            <input
                                type="text"
                                data-testid="complaint-source"
                                aria-label="来源"
                                placeholder="如：从业人员反映、12345热线"
                                prop:value=source_value
                                on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    edit(source_id.clone(), Box::new(move |c| c.source = value));
                                }
                            />
                            <label>"监督内容"</label>
                            <select
                                data-testid="complaint-area"
                                aria-label="监督内容"
                                on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    edit(area_id.clone(), Box::new(move |c| c.area = value));
                                }
                            >
                                {edition_2024().areas.iter().map(|a| {
                                    let (shown, code) = (id.clone(), a.id.clone());
                                    view! { <option value=a.id.clone() selected=move || read(&shown, |c| c.area.clone()) == code>{a.title.clone()}</option> }
                                }).collect_view()}
                            </select>
                            <label>"核查结果"</label>
                            <select
                                data-testid="complaint-finding"
                                aria-label="核查结果"
                                on:change=move |ev| {
                                    if let Some(f) = ComplaintFinding::from_code(&event_target_value(&ev)) {
                                        edit(finding_id.clone(), Box::new(move |c| c.finding = f));
                                    }
                                }
                            >
                                {ComplaintFinding::ALL.iter().map(|f| {
                                    let shown = id.clone();
                                    let code = f.code();
                                    view! { <option value=code selected=move || read(&shown, |c| c.finding.code().to_string()) == code>{f.label()}</option> }
                                }).collect_view()}
                            </select>
                            {field(id.clone(), "核查情况", "complaint-description", |c| c.description.clone(), |c, v| c.description = v)}
                            {field(id.clone(), "证据", "complaint-evidence", |c| c.evidence.clone(), |c, v| c.evidence = v)}
                            <MediaStrip
                                owner=Owner::Complaint { sheet_id: SceneSheet::id_for(&ids.get_value().0, &ids.get_value().1), complaint_id: id.clone() }
                                recorder=recorder
                                editable=editable
                            />
                            <button type="button" class="link" on:click=move |_| {
                                let (stay, target) = ids.get_value();
                                let id = remove_id.clone();
                                work.edit_sheet(&stay, &target, move |s| s.complaints.retain(|c| c.id != id));
                            }>"删除此条"</button>
                            </fieldset>
                        </li>
                    }
                }
            </For>
        </ol>
        <button type="button" data-testid="add-complaint" prop:disabled=move || !editable.get() on:click=add>"录入社会反映问题"</button>
    }
}
