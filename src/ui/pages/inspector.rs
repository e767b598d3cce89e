//! One inspector's form, autosaved like every form.

use leptos::prelude::*;

use crate::browser;
use crate::domain::inspector::{validate, Inspector, InspectorField};
use crate::domain::references::inspector_uses;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::confirm_button::ConfirmButton;
use crate::ui::components::conflict_editor::ConflictEditor;
use crate::ui::components::field::TextField;
use crate::ui::components::record_page::RecordPage;
use crate::ui::form_errors::FormErrors;

/// The inspector form page.
#[component]
pub fn InspectorPage(
    /// The inspector's id, from the URL.
    id: String,
) -> impl IntoView {
    let roster = use_roster();
    let lookup_id = id.clone();
    let exists = Signal::derive(move || {
        roster
            .inspectors
            .with(|all| all.iter().any(|i| i.id == lookup_id))
    });
    view! {
        <RecordPage back=Route::Inspectors back_label="‹ 返回执法人员列表" missing="未找到该执法人员，可能已被删除。" exists=exists>
            <InspectorForm id=id.clone() />
        </RecordPage>
    }
}

#[component]
fn InspectorForm(id: String) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let record = {
        let id = id.clone();
        Memo::new(move |_| {
            roster
                .inspectors
                .with(|all| all.iter().find(|i| i.id == id).cloned())
        })
    };
    let started_blank =
        record.with_untracked(|r| r.as_ref().is_some_and(|r| r.name.trim().is_empty()));
    let errors = Memo::new(move |_| {
        roster
            .inspectors
            .with(|all| record.with(|r| r.as_ref().map(|r| validate(r, all)).unwrap_or_default()))
    });
    let errors = FormErrors::new(errors, started_blank);
    let error = move |field: InspectorField| errors.for_field(field);
    let get = move |read: fn(&Inspector) -> String| {
        Signal::derive(move || record.with(|r| r.as_ref().map(read).unwrap_or_default()))
    };
    let edit_id = StoredValue::new(id.clone());
    let setter = move |field: InspectorField, write: fn(&mut Inspector, String)| {
        Callback::new(move |value: String| {
            errors.touch(field);
            roster
                .inspectors
                .edit(&edit_id.get_value(), move |r| write(r, value));
        })
    };
    let name = move || {
        record.with(|r| {
            r.as_ref()
                .map(|r| r.display_name().to_string())
                .unwrap_or_default()
        })
    };
    let question =
        Signal::derive(move || format!("确定删除执法人员“{}”？此操作不可撤销。", name()));
    view! {
        <h1>{name}</h1>
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <TextField label="姓名" name="inspector-name" required=true value=get(|r| r.name.clone())
                error=error(InspectorField::Name) on_input=setter(InspectorField::Name, |r, v| r.name = v) />
            <TextField label="执法证号" name="certificate-number" required=true value=get(|r| r.certificate_number.clone())
                error=error(InspectorField::CertificateNumber)
                on_input=setter(InspectorField::CertificateNumber, |r, v| r.certificate_number = v) />
            <TextField label="单位" name="unit" value=get(|r| r.unit.clone())
                error=error(InspectorField::Unit) on_input=setter(InspectorField::Unit, |r, v| r.unit = v) />
        </form>
        <ConflictEditor inspector_id=edit_id.get_value() />
        <p class="muted">
            {move || record.with(|r| r.as_ref().map(|r| format!("最后修改：{}", browser::local_time(r.updated_at))).unwrap_or_default())}
        </p>
        {move || {
            let uses = work.inspections.with(|inspections| {
                work.stays.with(|stays| inspector_uses(&edit_id.get_value(), inspections, stays))
            });
            if uses.is_empty() {
                view! {
                    <ConfirmButton
                        label="删除"
                        question=question
                        on_confirm=Callback::new(move |_| {
                            roster.inspectors.delete(&edit_id.get_value());
                            browser::go_to(&Route::Inspectors);
                        })
                    />
                }
                .into_any()
            } else {
                view! { <p class="muted" data-testid="in-use">{format!("已用于{}，不能删除。", uses.describe())}</p> }.into_any()
            }
        }}
    }
}
