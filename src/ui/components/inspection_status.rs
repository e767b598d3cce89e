//! The status of an inspection and its actions: 完成检查 (refused when the rules are not met,
//! confirmed when points are still 未检查), 审核通过 by the group leader, 重新打开, and the
//! recorded history of these changes.

use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::Checklist;
use crate::domain::inspection::{Inspection, InspectionStatus, StatusProblem};
use crate::domain::labelled::Labelled;
use crate::domain::plan::PlanKind;
use crate::domain::signing;
use crate::state::roster::use_roster;
use crate::state::signing::changed_signers;
use crate::state::work::use_work;

/// A status change tried on a copy of the inspection before it is stored.
type StatusAction = dyn Fn(&mut Inspection) -> Result<(), StatusProblem>;

/// What the panel asks or says besides the buttons.
#[derive(Clone, PartialEq)]
enum Prompt {
    None,
    Refused(Vec<String>),
    ConfirmUnchecked(Vec<String>),
    /// Reopening a signed inspection: what happens to the signatures, asked before it acts.
    ConfirmReopen,
}

/// The status panel.
#[component]
pub fn InspectionStatusPanel(
    /// The inspection.
    inspection_id: String,
    /// Its generated checklist (none for a type without one).
    checklist: StoredValue<Option<Checklist<'static>>, LocalStorage>,
    /// The inspector who acts (记录人), if chosen and assigned.
    recorder: Signal<Option<String>>,
) -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let inspection_id = StoredValue::new(inspection_id);
    let inspection = Memo::new(move |_| work.inspections.get(&inspection_id.get_value()));
    let status =
        move || inspection.with(|i| i.as_ref().map_or(InspectionStatus::Draft, |i| i.status));
    let prompt = RwSignal::new(Prompt::None);

    // Status changes are written with strict durability: acknowledged means on disk.
    let apply = move |change: Box<StatusAction>| {
        let Some(mut draft) = inspection.get_untracked() else {
            return;
        };
        match change(&mut draft) {
            Ok(()) => {
                work.inspections
                    .edit_durably(&inspection_id.get_value(), move |i| {
                        i.status = draft.status;
                        i.history = draft.history;
                    });
                prompt.set(Prompt::None);
            }
            Err(problem) => prompt.set(Prompt::Refused(problem.messages())),
        }
    };
    // A 回头看 follow-up also needs every original violation settled.
    let penalised = move || {
        let record = inspection.get_untracked()?;
        let plan = work.plans.get(&record.plan_id)?;
        (plan.kind == PlanKind::Huitoukan)
            .then(|| roster.institutions.get(&record.institution_id))
            .flatten()
    };
    let complete = move || {
        checklist.with_value(|c| {
            if let Some(c) = c {
                let c = c.clone();
                let unit = penalised();
                apply(Box::new(move |i| {
                    i.complete(&c, unit.as_ref(), browser::now(), recorder.get_untracked())
                }));
            }
        })
    };
    // Signatures given under other content refuse completing and reviewing (signing.rs).
    let signatures_changed = move |action: &str| {
        let changed = untrack(|| changed_signers(work, roster, &inspection_id.get_value()));
        let refused = !changed.is_empty();
        if refused {
            prompt.set(Prompt::Refused(vec![signing::refusal(&changed, action)]));
        }
        refused
    };
    let try_complete = move |_| {
        let Some(record) = inspection.get_untracked() else {
            return;
        };
        if signatures_changed("完成检查") {
            return;
        }
        let unchecked: Vec<String> = checklist.with_value(|c| {
            c.as_ref()
                .map(|c| {
                    let ids = record.unchecked(c);
                    c.points()
                        .filter(|p| ids.contains(&p.id.as_str()))
                        .map(|p| format!("{} {}", p.id, p.text))
                        .collect()
                })
                .unwrap_or_default()
        });
        let refused = checklist.with_value(|c| {
            c.as_ref()
                .map(|c| record.completion_problems(c, penalised().as_ref()))
                .unwrap_or_default()
        });
        if !refused.is_empty() || unchecked.is_empty() {
            complete();
        } else {
            prompt.set(Prompt::ConfirmUnchecked(unchecked));
        }
    };
    let review = move |_| match recorder.get_untracked() {
        _ if signatures_changed("审核") => {}
        Some(by) => apply(Box::new(move |i| i.review(browser::now(), &by))),
        None => prompt.set(Prompt::Refused(StatusProblem::NotLeader.messages())),
    };
    let reopen = move || {
        apply(Box::new(move |i| {
            i.reopen(browser::now(), recorder.get_untracked())
        }))
    };
    let try_reopen = move |_| {
        let signed =
            inspection.with_untracked(|i| i.as_ref().is_some_and(|i| !i.signatures.is_empty()));
        if signed {
            prompt.set(Prompt::ConfirmReopen);
        } else {
            reopen();
        }
    };
    let history = move || {
        inspection.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.history
                        .iter()
                        .map(|e| {
                            let by =
                                e.by.as_deref()
                                    .and_then(|id| roster.inspectors.get(id))
                                    .map(|p| format!(" · {}", p.display_name()))
                                    .unwrap_or_default();
                            format!("{} {}{by}", browser::local_time(e.at), e.change.label())
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    view! {
        <section class="completion" aria-label="检查状态">
            <p class="status-line" data-testid="inspection-status">
                "状态：" {move || status().label()}
                {move || (status() == InspectionStatus::Reviewed).then_some("（已审核的检查只能重新打开后修改）")}
            </p>
            {move || match prompt.get() {
                Prompt::None => ().into_any(),
                Prompt::Refused(problems) => view! {
                    <div class="alert alert-error" role="alert" data-testid="completion-refused">
                        <p><strong>"不能进行此操作："</strong></p>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
                    .into_any(),
                Prompt::ConfirmUnchecked(points) => view! {
                    <div class="confirm" role="alertdialog" data-testid="confirm-unchecked">
                        <p>{format!("还有 {} 项未检查：", points.len())}</p>
                        <ul class="unchecked">{points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        <button class="primary" data-testid="confirm-complete" on:click=move |_| complete()>"仍然完成"</button>
                        <button on:click=move |_| prompt.set(Prompt::None)>"返回继续检查"</button>
                    </div>
                }
                    .into_any(),
                Prompt::ConfirmReopen => view! {
                    <div class="confirm" role="alertdialog" data-testid="confirm-reopen">
                        <p>{signing::REOPEN_WARNING}</p>
                        <button class="primary" data-testid="confirm-reopen-button" on:click=move |_| reopen()>"重新打开"</button>
                        <button on:click=move |_| prompt.set(Prompt::None)>"取消"</button>
                    </div>
                }
                    .into_any(),
            }}
            <div class="actions">
                <Show when=move || status() == InspectionStatus::Draft>
                    <button class="primary" data-testid="complete-inspection" on:click=try_complete>"完成检查"</button>
                </Show>
                <Show when=move || status() == InspectionStatus::Completed>
                    <button class="primary" data-testid="review-inspection" on:click=review>"审核通过（组长）"</button>
                </Show>
                <Show when=move || status() != InspectionStatus::Draft>
                    <button data-testid="reopen-inspection" on:click=try_reopen>"重新打开"</button>
                </Show>
            </div>
            <Show when=move || !history().is_empty()>
                <h3>"状态记录"</h3>
                <ul class="history" data-testid="status-history">
                    {move || history().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
