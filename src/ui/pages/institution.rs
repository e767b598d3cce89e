//! One institution's form: every change is autosaved; problems show next to their field.

use leptos::prelude::*;

use crate::browser;
use crate::domain::references::institution_uses;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::confirm_button::ConfirmButton;
use crate::ui::components::institution_fields::{
    ContactFields, IdentityFields, InstitutionEdit, ServiceFields,
};
use crate::ui::components::penalty_editor::PenaltyEditor;
use crate::ui::components::record_page::RecordPage;

/// The institution form page.
#[component]
pub fn InstitutionPage(
    /// The institution's id, from the URL.
    id: String,
) -> impl IntoView {
    let roster = use_roster();
    let lookup_id = id.clone();
    let exists = Signal::derive(move || {
        roster
            .institutions
            .with(|all| all.iter().any(|i| i.id == lookup_id))
    });
    view! {
        <RecordPage back=Route::Institutions back_label="‹ 返回监督对象列表" missing="未找到该监督对象，可能已被删除。" exists=exists>
            <InstitutionForm id=id.clone() />
        </RecordPage>
    }
}

#[component]
fn InstitutionForm(id: String) -> impl IntoView {
    let form = InstitutionEdit::new(id.clone());
    let record = form.record;
    view! {
        <h1>{move || record.with(|r| r.as_ref().map(|r| r.display_name().to_string()).unwrap_or_default())}</h1>
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <IdentityFields form=form />
            <ContactFields form=form />
            <ServiceFields form=form />
        </form>
        <PenaltyEditor institution_id=id.clone() />
        <p class="muted" data-testid="updated-at">
            {move || record.with(|r| r.as_ref().map(|r| format!("最后修改：{}", browser::local_time(r.updated_at))).unwrap_or_default())}
        </p>
        <InstitutionDelete form=form id=id />
    }
}

/// 删除, offered only while no plan, inspection or stay uses the institution.
#[component]
fn InstitutionDelete(form: InstitutionEdit, id: String) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let record = form.record;
    let question = Signal::derive(move || {
        format!(
            "确定删除“{}”？此操作不可撤销。",
            record.with(|r| r
                .as_ref()
                .map(|r| r.display_name().to_string())
                .unwrap_or_default())
        )
    });
    move || {
        let uses = work.plans.with(|plans| {
            work.inspections.with(|inspections| {
                work.stays
                    .with(|stays| institution_uses(&id, plans, inspections, stays))
            })
        });
        if uses.is_empty() {
            let delete_id = id.clone();
            view! {
                <ConfirmButton
                    label="删除"
                    question=question
                    on_confirm=Callback::new(move |_| {
                        roster.institutions.delete(&delete_id);
                        browser::go_to(&Route::Institutions);
                    })
                />
            }
            .into_any()
        } else {
            view! { <p class="muted" data-testid="in-use">{format!("已用于{}，不能删除。", uses.describe())}</p> }.into_any()
        }
    }
}
