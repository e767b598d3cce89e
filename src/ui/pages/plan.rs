//! One plan: its name and deadline, its targets with progress, the panels its kind shows (双随机,
//! the 驻点 lottery, 回头看), the institutions chosen for it with their inspection status, and
//! the roster to add more from. The rules live in `domain::plan`; this page composes.

use leptos::prelude::*;

use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::plan::{has_work, PlanPanel};
use crate::route::Route;
use crate::state::work::use_work;
use crate::ui::components::confirm_button::ConfirmButton;
use crate::ui::components::draw_panel::DrawPanel;
use crate::ui::components::lottery_panel::LotteryPanel;
use crate::ui::components::plan_candidates::PlanCandidates;
use crate::ui::components::plan_fields::PlanFields;
use crate::ui::components::plan_follow_up::PlanFollowUp;
use crate::ui::components::plan_targets::PlanTargets;
use crate::ui::components::plan_units::PlanUnits;
use crate::ui::components::record_page::RecordPage;

/// The plan page.
#[component]
pub fn PlanPage(
    /// The plan's id, from the URL.
    id: String,
) -> impl IntoView {
    let work = use_work();
    let lookup_id = id.clone();
    let exists =
        Signal::derive(move || work.plans.with(|all| all.iter().any(|p| p.id == lookup_id)));
    view! {
        <RecordPage back=Route::Plans back_label="‹ 返回任务列表" missing="未找到该任务，可能已被删除。" exists=exists>
            <PlanForm id=id.clone() />
        </RecordPage>
    }
}

#[component]
fn PlanForm(id: String) -> impl IntoView {
    let work = use_work();
    let plan_id = StoredValue::new(id.clone());
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let shows = move |panel: PlanPanel| plan.with(|p| p.as_ref().is_some_and(|p| p.shows(panel)));
    view! {
        <h1>{move || plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())}</h1>
        <p class="muted">
            {move || plan.with(|p| p.as_ref().map(|p| format!("{} · {}年", p.kind.label(), p.year)).unwrap_or_default())}
        </p>
        <PlanFields plan_id=id.clone() />
        <PlanTargets plan_id=id.clone() />
        <Show when=move || shows(PlanPanel::DoubleRandomDraw)>
            <DrawPanel plan_id=plan_id.get_value() />
        </Show>
        <Show when=move || shows(PlanPanel::Lottery)>
            <LotteryPanel plan_id=plan_id.get_value() />
        </Show>
        <h2>"检查对象"</h2>
        <Show when=move || shows(PlanPanel::FollowUp)>
            <PlanFollowUp plan_id=plan_id.get_value() />
        </Show>
        <PlanUnits plan_id=id.clone() />
        <h3>"加入检查对象"</h3>
        <PlanCandidates plan_id=id.clone() />
        <PlanDelete plan_id=id />
    }
}

/// 删除任务, offered only while the plan has no inspection or stay.
#[component]
fn PlanDelete(plan_id: String) -> impl IntoView {
    let work = use_work();
    let plan_id = StoredValue::new(plan_id);
    let has_work = move || {
        work.inspections.with(|inspections| {
            work.stays
                .with(|stays| has_work(&plan_id.get_value(), inspections, stays))
        })
    };
    view! {
        <Show
            when=has_work
            fallback=move || {
                view! {
                    <ConfirmButton
                        label="删除任务"
                        question=Signal::derive(|| "确定删除该任务？此操作不可撤销。".to_string())
                        on_confirm=Callback::new(move |_| {
                            work.plans.delete(&plan_id.get_value());
                            browser::go_to(&Route::Plans);
                        })
                    />
                }
            }
        >
            <p class="muted">"已有检查记录或驻点的任务不能删除。"</p>
        </Show>
    }
}
