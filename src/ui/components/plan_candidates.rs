//! Adding units to a plan: the roster searched by name or code, showing the institutions the
//! plan may take (`Plan::candidates`); an incomplete record links to its page instead.

use leptos::prelude::*;

use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::plan_units::institution_meta;

/// Candidates shown at once when adding institutions.
const CANDIDATE_ROWS: usize = 30;

/// One candidate as listed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct CandidateRow {
    institution_id: String,
    name: String,
    meta: String,
    complete: bool,
}

/// The search and the candidates of a plan.
#[component]
pub fn PlanCandidates(
    /// The plan.
    plan_id: String,
) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let plan_id = StoredValue::new(plan_id);
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let query = RwSignal::new(String::new());
    let candidates = Memo::new(move |_| {
        let Some(plan) = plan.get() else {
            return Vec::new();
        };
        roster.institutions.with(|all| {
            plan.candidates(all, &query.get(), CANDIDATE_ROWS)
                .into_iter()
                .map(|c| CandidateRow {
                    institution_id: c.institution.id.clone(),
                    name: c.institution.display_name().to_string(),
                    meta: institution_meta(c.institution),
                    complete: c.complete,
                })
                .collect::<Vec<_>>()
        })
    });
    let follows_up =
        move || plan.with(|p| p.as_ref().is_some_and(|p| p.kind.follows_up_penalties()));
    view! {
        <Show when=follows_up>
            <p class="muted">"下方先列出登记了原处罚信息的单位；搜索可找到其他单位。处罚信息在监督对象页面登记。"</p>
        </Show>
        <input
            type="search"
            class="wide"
            data-testid="candidate-search"
            aria-label="搜索监督对象"
            placeholder="按名称或代码搜索监督对象名录"
            prop:value=move || query.get()
            on:input=move |ev| query.set(event_target_value(&ev))
        />
        <ul class="rows candidates" data-testid="plan-candidates">
            <For each=move || candidates.get() key=|row| row.clone() let:row>
                <li class="row-item">
                    <span class="row-title">{row.name}</span>
                    <span class="row-meta">{row.meta}</span>
                    <span class="row-actions">
                        {if row.complete {
                            let id = row.institution_id;
                            view! {
                                <button data-testid="add-to-plan" on:click=move |_| {
                                    let id = id.clone();
                                    work.plans.edit(&plan_id.get_value(), move |p| p.institution_ids.push(id));
                                }>"加入"</button>
                            }
                                .into_any()
                        } else {
                            view! {
                                <a class="badge warn" href=Route::Institution(row.institution_id).href()>"信息待完善，先补全"</a>
                            }
                                .into_any()
                        }}
                    </span>
                </li>
            </For>
        </ul>
    }
}
