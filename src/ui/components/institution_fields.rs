//! The parts of an institution's form: who it is (name, registration, type, and for a hospital
//! its level and ownership), how to reach it, and the services it offers. Each part edits the
//! record through one `InstitutionEdit`, so every change is autosaved and errors show under
//! their field once it was touched (or at once for a record filled in before).

use leptos::prelude::*;

use crate::domain::institution::{
    validate, HospitalLevel, Institution, InstitutionField, InstitutionType, Ownership,
    RegistrationKind, Service,
};
use crate::domain::labelled::Labelled;
use crate::state::roster::{use_roster, Roster};
use crate::ui::components::field::{SelectField, TextField};
use crate::ui::form_errors::FormErrors;

/// One institution being edited: its record, the errors shown, and how a change is written.
#[derive(Clone, Copy)]
pub struct InstitutionEdit {
    roster: Roster,
    id: StoredValue<String>,
    /// The record as it is now (`None` once deleted).
    pub record: Memo<Option<Institution>>,
    errors: FormErrors<InstitutionField>,
}

impl InstitutionEdit {
    /// The form state of the institution `id`.
    pub fn new(id: String) -> Self {
        let roster = use_roster();
        let id = StoredValue::new(id);
        let record = Memo::new(move |_| {
            id.with_value(|id| {
                roster
                    .institutions
                    .with(|all| all.iter().find(|i| &i.id == id).cloned())
            })
        });
        let started_blank =
            record.with_untracked(|r| r.as_ref().is_some_and(|r| r.name.trim().is_empty()));
        let errors =
            Memo::new(move |_| record.with(|r| r.as_ref().map(validate).unwrap_or_default()));
        Self {
            roster,
            id,
            record,
            errors: FormErrors::new(errors, started_blank),
        }
    }

    fn edit(self, change: impl FnOnce(&mut Institution)) {
        self.roster.institutions.edit(&self.id.get_value(), change);
    }

    fn text(self, read: fn(&Institution) -> String) -> Signal<String> {
        Signal::derive(move || {
            self.record
                .with(|r| r.as_ref().map(read).unwrap_or_default())
        })
    }

    fn choice(
        self,
        read: fn(&Institution) -> Option<&'static str>,
    ) -> Signal<Option<&'static str>> {
        Signal::derive(move || self.record.with(|r| r.as_ref().and_then(read)))
    }

    fn error(self, field: InstitutionField) -> Signal<Option<String>> {
        self.errors.for_field(field)
    }

    /// Writes a typed text, touching `field` when it has errors of its own.
    fn text_setter(
        self,
        field: Option<InstitutionField>,
        write: fn(&mut Institution, String),
    ) -> Callback<String> {
        Callback::new(move |value: String| {
            if let Some(field) = field {
                self.errors.touch(field);
            }
            self.edit(move |r| write(r, value));
        })
    }

    /// Writes a choice from a select of `T`'s codes (`None` for the empty option).
    fn chooser<T: Labelled + Send + Sync>(
        self,
        field: Option<InstitutionField>,
        write: fn(&mut Institution, Option<T>),
    ) -> Callback<Option<String>> {
        Callback::new(move |code: Option<String>| {
            if let Some(field) = field {
                self.errors.touch(field);
            }
            let value = code.and_then(|c| T::from_code(&c));
            self.edit(move |r| write(r, value));
        })
    }
}

/// A vocabulary as (code, label) options for a select.
fn options<T: Labelled>() -> Vec<(&'static str, &'static str)> {
    T::ALL.iter().map(|&v| (v.code(), v.label())).collect()
}

/// Name, registration, type, and a hospital's level and ownership.
#[component]
pub fn IdentityFields(form: InstitutionEdit) -> impl IntoView {
    use InstitutionField as F;
    let is_hospital = move || {
        form.record.with(|r| {
            r.as_ref()
                .and_then(|r| r.kind)
                .is_some_and(InstitutionType::is_hospital)
        })
    };
    view! {
        <TextField
            label="机构名称"
            name="name"
            required=true
            value=form.text(|r| r.name.clone())
            error=form.error(F::Name)
            on_input=form.text_setter(Some(F::Name), |r, v| r.name = v)
        />
        <SelectField
            label="证照类型"
            name="registration-kind"
            value=form.choice(|r| Some(r.registration_kind.code()))
            options={options::<RegistrationKind>()}
            on_change=form.chooser(None, |r, kind| r.registration_kind = kind.unwrap_or(RegistrationKind::CreditCode))
        />
        <TextField
            label="统一社会信用代码/登记号"
            name="registration-number"
            required=true
            hint="统一社会信用代码为18位，系统自动核对校验位；没有的请将证照类型改为“其他登记号”"
            value=form.text(|r| r.registration_number.clone())
            error=form.error(F::RegistrationNumber)
            on_input=form.text_setter(Some(F::RegistrationNumber), |r, v| r.registration_number = v)
        />
        <SelectField
            label="机构类别"
            name="kind"
            required=true
            value=form.choice(|r| r.kind.map(Labelled::code))
            options={options::<InstitutionType>()}
            error=form.error(F::Kind)
            on_change=form.chooser(Some(F::Kind), Institution::set_kind)
        />
        <Show when=is_hospital>
            <SelectField
                label="医院级别"
                name="level"
                required=true
                value=form.choice(|r| r.level.map(Labelled::code))
                options={options::<HospitalLevel>()}
                error=form.error(F::Level)
                on_change=form.chooser(Some(F::Level), |r, level| r.level = level)
            />
            <SelectField
                label="所有制"
                name="ownership"
                required=true
                value=form.choice(|r| r.ownership.map(Labelled::code))
                options={options::<Ownership>()}
                error=form.error(F::Ownership)
                on_change=form.chooser(Some(F::Ownership), |r, ownership| r.ownership = ownership)
            />
        </Show>
    }
}

/// Address, township, representative, contact person and phone.
#[component]
pub fn ContactFields(form: InstitutionEdit) -> impl IntoView {
    use InstitutionField as F;
    view! {
        <TextField label="地址" name="address" value=form.text(|r| r.address.clone()) on_input=form.text_setter(None, |r, v| r.address = v) />
        <TextField
            label="乡镇/街道"
            name="township"
            value=form.text(|r| r.township.clone())
            error=form.error(F::Township)
            on_input=form.text_setter(Some(F::Township), |r, v| r.township = v)
        />
        <TextField
            label="法定代表人（负责人）"
            name="legal-representative"
            value=form.text(|r| r.legal_representative.clone())
            on_input=form.text_setter(None, |r, v| r.legal_representative = v)
        />
        <TextField
            label="联系人"
            name="contact-person"
            value=form.text(|r| r.contact_person.clone())
            on_input=form.text_setter(None, |r, v| r.contact_person = v)
        />
        <TextField
            label="联系电话"
            name="contact-phone"
            inputmode="tel"
            value=form.text(|r| r.contact_phone.clone())
            error=form.error(F::ContactPhone)
            on_input=form.text_setter(Some(F::ContactPhone), |r, v| r.contact_phone = v)
        />
    }
}

/// The services the institution offers, 重点 ones marked.
#[component]
pub fn ServiceFields(form: InstitutionEdit) -> impl IntoView {
    let service_box = move |service: Service| {
        let checked = move || {
            form.record
                .with(|r| r.as_ref().is_some_and(|r| r.services.contains(&service)))
        };
        let toggle = move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            form.edit(move |r| {
                if on {
                    r.services.insert(service);
                } else {
                    r.services.remove(&service);
                }
            });
        };
        view! {
            <label class="check">
                <input type="checkbox" data-testid=format!("service-{}", service.code()) prop:checked=checked on:change=toggle />
                {service.label()}
                {service.is_focus().then(|| view! { <span class="badge focus">"重点"</span> })}
            </label>
        }
    };
    view! {
        <fieldset class="services">
            <legend>"开展的服务" <span class="muted">"（标“重点”的为随机抽查重点）"</span></legend>
            {Service::ALL.iter().map(|&service| service_box(service)).collect_view()}
        </fieldset>
    }
}
