//! On 首页: the stays under way (驻点中, or 汇总会 held but no 反馈 yet), each with its day and
//! progress, one tap from the coverage board.

use leptos::prelude::*;

use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::coverage::coverage;
use crate::domain::stationed::scenes::edition_2024;
use crate::domain::stationed::sheet::SceneSheet;
use crate::domain::stationed::stay::StayPhase;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;

/// The list (nothing when no stay is under way).
#[component]
pub fn StaysUnderWay() -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let rows = Memo::new(move |_| {
        let today = browser::today();
        let stays = work.stays.with(|all| {
            all.iter()
                .filter(|s| matches!(s.phase(today), StayPhase::Stationed | StayPhase::Summarised))
                .cloned()
                .collect::<Vec<_>>()
        });
        stays
            .into_iter()
            .map(|stay| {
                let sheets = work.sheets_of(&stay.id);
                let refs: Vec<&SceneSheet> = sheets.iter().collect();
                let board = coverage(edition_2024(), &stay, &refs);
                let s = &board.summary;
                let scenes = s.done + s.not_applicable + s.in_progress + s.not_started;
                let day = match (stay.start, stay.days()) {
                    (Some(start), Some(days)) => {
                        format!("第{}天/共{days}天", (today - start).num_days() + 1)
                    }
                    _ => String::new(),
                };
                let hospital = roster
                    .institutions
                    .get(&stay.institution_id)
                    .map(|i| i.display_name().to_string())
                    .unwrap_or_default();
                let text = format!(
                    "{hospital} · {} {day} · 已完成{}/{scenes}个场景",
                    stay.phase(today).label(),
                    s.done + s.not_applicable
                );
                (stay.id, text)
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <div class="notice" data-testid="stays-under-way">
                <p><strong>"进行中的驻点监督"</strong></p>
                <ul>
                    {move || rows.get().into_iter().map(|(id, text)| view! {
                        <li><a href=Route::Stay(id).href()>{text}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
