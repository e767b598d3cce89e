//! On a 驻点监督 plan, a hospital's row opens its stay, or starts one.

use leptos::prelude::*;

use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::scenes::edition_2024;
use crate::domain::stationed::stay::Stay;
use crate::route::Route;
use crate::state::work::use_work;

/// 开始驻点 or the stay's phase with a link to it.
#[component]
pub fn StayAction(plan_id: String, institution_id: String) -> impl IntoView {
    let work = use_work();
    let ids = StoredValue::new((plan_id, institution_id));
    let stay = Memo::new(move |_| {
        ids.with_value(|(plan, hospital)| {
            work.stays.with(|all| {
                all.iter()
                    .find(|s| &s.plan_id == plan && &s.institution_id == hospital)
                    .map(|s| (s.id.clone(), s.phase(browser::today())))
            })
        })
    });
    let start = move |_| {
        let (plan, hospital) = ids.get_value();
        let stay = Stay::new(
            Stay::id_for(&plan, &hospital),
            plan,
            hospital,
            edition_2024().edition.clone(),
            browser::now(),
        );
        let id = work.stays.add(stay);
        browser::go_to(&Route::Stay(id));
    };
    move || match stay.get() {
        Some((id, phase)) => view! {
            <span class="badge">{phase.label()}</span>
            <a class="button" data-testid="open-stay" href=Route::Stay(id).href()>"进入驻点"</a>
        }
        .into_any(),
        None => view! {
            <button class="primary" data-testid="start-stay" on:click=start>"开始驻点"</button>
        }
        .into_any(),
    }
}
