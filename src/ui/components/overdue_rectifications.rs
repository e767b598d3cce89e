//! On 首页: every 责令限期改正 of a stay past its deadline with no 复查, so it stands out.

use leptos::prelude::*;

use crate::browser;
use crate::domain::stationed::figures::overdue_problems;
use crate::domain::stationed::scenes::edition_2024;
use crate::domain::stationed::sheet::SceneSheet;
use crate::domain::stationed::stay::Stay;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;

/// The overdue list (nothing when none is overdue).
#[component]
pub fn OverdueRectifications() -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let rows = Memo::new(move |_| {
        let stays = work.stays.with(Clone::clone);
        let sheets = work.scene_sheets.with(Clone::clone);
        let stay_refs: Vec<&Stay> = stays.iter().collect();
        let sheet_refs: Vec<&SceneSheet> = sheets.iter().collect();
        overdue_problems(edition_2024(), &stay_refs, &sheet_refs, browser::today())
            .into_iter()
            .map(|o| {
                let hospital = roster
                    .institutions
                    .get(o.institution_id)
                    .map(|i| i.display_name().to_string())
                    .unwrap_or_default();
                (
                    o.stay_id.to_string(),
                    format!("{hospital} · {} · 整改期限{}", o.target_name, o.deadline),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <div class="alert alert-warn" role="status" data-testid="overdue">
                <p><strong>{move || format!("驻点监督：{}项责令限期改正已逾期未复查", rows.with(Vec::len))}</strong></p>
                <ul>
                    {move || rows.get().into_iter().map(|(stay, text)| view! {
                        <li><a href=Route::StayRegister(stay).href()>{text}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
