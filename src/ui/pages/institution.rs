//! One institution's form: every change is autosaved; problems show next to their field.

use leptos::prelude::*;

use crate::browser;
use crate::domain::institution::{
    validate, HospitalLevel, Institution, InstitutionField, InstitutionType, Ownership,
    RegistrationKind, Service,
};
use crate::domain::labelled::Labelled;
use crate::domain::references::institution_uses;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::ui::components::confirm_button::ConfirmButton;
use crate::ui::components::field::{SelectField, TextField};
use crate::ui::components::penalty_editor::PenaltyEditor;
use crate::ui::components::record_page::RecordPage;
use crate::ui::form_errors::FormErrors;

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
    let roster = use_roster();
    let work = crate::state::work::use_work();
    let record = {
        let id = id.clone();
        Memo::new(move |_| {
            roster
                .institutions
                .with(|all| all.iter().find(|i| i.id == id).cloned())
        })
    };
    let get = move |read: fn(&Institution) -> String| {
        Signal::derive(move || record.with(|r| r.as_ref().map(read).unwrap_or_default()))
    };
    let edit = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Institution)>| roster.institutions.edit(&id, change)
    };
    let edit = StoredValue::new_local(edit);
    let started_blank =
        record.with_untracked(|r| r.as_ref().is_some_and(|r| r.name.trim().is_empty()));
    let errors = Memo::new(move |_| record.with(|r| r.as_ref().map(validate).unwrap_or_default()));
    let errors = FormErrors::new(errors, started_blank);
    let error = move |field: InstitutionField| errors.for_field(field);
    let text_setter = move |field: Option<InstitutionField>,
                            write: fn(&mut Institution, String)| {
        Callback::new(move |value: String| {
            if let Some(field) = field {
                errors.touch(field);
            }
            edit.with_value(|edit| edit(Box::new(move |r| write(r, value))));
        })
    };
    let choice = move |read: fn(&Institution) -> Option<&'static str>| {
        Signal::derive(move || record.with(|r| r.as_ref().and_then(read)))
    };
    let is_hospital = move || {
        record.with(|r| {
            r.as_ref()
                .and_then(|r| r.kind)
                .is_some_and(InstitutionType::is_hospital)
        })
    };
    let delete_id = id.clone();
    let question = Signal::derive(move || {
        format!(
            "确定删除“{}”？此操作不可撤销。",
            record.with(|r| r
                .as_ref()
                .map(|r| r.display_name().to_string())
                .unwrap_or_default())
        )
    });

    view! {
        <h1>{move || record.with(|r| r.as_ref().map(|r| r.display_name().to_string()).unwrap_or_default())}</h1>
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <TextField
                label="机构名称"
                name="name"
                required=true
                value=get(|r| r.name.clone())
                error=error(InstitutionField::Name)
                on_input=text_setter(Some(InstitutionField::Name), |r, v| r.name = v)
            />
            <SelectField
                label="证照类型"
                name="registration-kind"
                value=choice(|r| Some(r.registration_kind.code()))
                options={options::<RegistrationKind>()}
                on_change=Callback::new(move |code: Option<String>| {
                    let kind = code.and_then(|c| RegistrationKind::from_code(&c)).unwrap_or(RegistrationKind::CreditCode);
                    edit.with_value(|edit| edit(Box::new(move |r| r.registration_kind = kind)));
                })
            />
            <TextField
                label="统一社会信用代码/登记号"
                name="registration-number"
                required=true
                hint="统一社会信用代码为18位，系统自动核对校验位；没有的请将证照类型改为“其他登记号”"
                value=get(|r| r.registration_number.clone())
                error=error(InstitutionField::RegistrationNumber)
                on_input=text_setter(Some(InstitutionField::RegistrationNumber), |r, v| r.registration_number = v)
            />
            <SelectField
                label="机构类别"
                name="kind"
                required=true
                value=choice(|r| r.kind.map(Labelled::code))
                options={options::<InstitutionType>()}
                error=error(InstitutionField::Kind)
                on_change=Callback::new(move |code: Option<String>| {
                    errors.touch(InstitutionField::Kind);
                    let kind = code.and_then(|c| InstitutionType::from_code(&c));
                    edit.with_value(|edit| edit(Box::new(move |r| r.set_kind(kind))));
                })
            />
            <Show when=is_hospital>
                <SelectField
                    label="医院级别"
                    name="level"
                    required=true
                    value=choice(|r| r.level.map(Labelled::code))
                    options={options::<HospitalLevel>()}
                    error=error(InstitutionField::Level)
                    on_change=Callback::new(move |code: Option<String>| {
                        errors.touch(InstitutionField::Level);
                        let level = code.and_then(|c| HospitalLevel::from_code(&c));
                        edit.with_value(|edit| edit(Box::new(move |r| r.level = level)));
                    })
                />
                <SelectField
                    label="所有制"
                    name="ownership"
                    required=true
                    value=choice(|r| r.ownership.map(Labelled::code))
                    options={options::<Ownership>()}
                    error=error(InstitutionField::Ownership)
                    on_change=Callback::new(move |code: Option<String>| {
                        errors.touch(InstitutionField::Ownership);
                        let ownership = code.and_then(|c| Ownership::from_code(&c));
                        edit.with_value(|edit| edit(Box::new(move |r| r.ownership = ownership)));
                    })
                />
            </Show>
            <TextField
                label="地址"
                name="address"
                value=get(|r| r.address.clone())
                on_input=text_setter(None, |r, v| r.address = v)
            />
            <TextField
                label="乡镇/街道"
                name="township"
                value=get(|r| r.township.clone())
                error=error(InstitutionField::Township)
                on_input=text_setter(Some(InstitutionField::Township), |r, v| r.township = v)
            />
            <TextField
                label="法定代表人（负责人）"
                name="legal-representative"
                value=get(|r| r.legal_representative.clone())
                on_input=text_setter(None, |r, v| r.legal_representative = v)
            />
            <TextField
                label="联系人"
                name="contact-person"
                value=get(|r| r.contact_person.clone())
                on_input=text_setter(None, |r, v| r.contact_person = v)
            />
            <TextField
                label="联系电话"
                name="contact-phone"
                inputmode="tel"
                value=get(|r| r.contact_phone.clone())
                error=error(InstitutionField::ContactPhone)
                on_input=text_setter(Some(InstitutionField::ContactPhone), |r, v| r.contact_phone = v)
            />
            <fieldset class="services">
                <legend>"开展的服务" <span class="muted">"（标“重点”的为随机抽查重点）"</span></legend>
                {Service::ALL
                    .iter()
                    .map(|&service| {
                        let checked = move || record.with(|r| r.as_ref().is_some_and(|r| r.services.contains(&service)));
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    data-testid=format!("service-{}", service.code())
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        edit.with_value(|edit| edit(Box::new(move |r| {
                                            if on { r.services.insert(service); } else { r.services.remove(&service); }
                                        })));
                                    }
                                />
                                {service.label()}
                                {service.is_focus().then(|| view! { <span class="badge focus">"重点"</span> })}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </form>
        <PenaltyEditor institution_id=id.clone() />
        <p class="muted" data-testid="updated-at">
            {move || record.with(|r| r.as_ref().map(|r| format!("最后修改：{}", browser::local_time(r.updated_at))).unwrap_or_default())}
        </p>
        {move || {
            let uses = work.plans.with(|plans| {
                work.inspections.with(|inspections| {
                    work.stays.with(|stays| institution_uses(&delete_id, plans, inspections, stays))
                })
            });
            if uses.is_empty() {
                let delete_id = delete_id.clone();
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
        }}
    }
}

/// A vocabulary as (code, label) options for a select.
fn options<T: Labelled>() -> Vec<(&'static str, &'static str)> {
    T::ALL.iter().map(|&v| (v.code(), v.label())).collect()
}
