//! The status of an inspection and its actions: 完成检查 (refused when the rules are not met,
//! confirmed when points are still 未检查), 审核通过 by the group leader (when the leader recorded
//! the last change, only with a reason, asked here and kept in the history: see the domain's
//! `inspection/review.rs`), 重新打开, and the recorded history of these changes. The rules are
//! the domain's; this panel renders them and dispatches the actions.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::domain::catalog::Checklist;
use crate::domain::inspection::{
    Inspection, InspectionStatus, StatusEvent, StatusProblem, MAX_REVIEW_NOTE_CHARS,
};
use crate::domain::labelled::Labelled;
use crate::domain::signing;
use crate::state::roster::{use_roster, Roster};
use crate::state::signing::changed_signers;
use crate::state::work::{use_work, Work};

/// A status change tried on a copy of the inspection before it is stored.
type StatusAction = dyn Fn(&mut Inspection) -> Result<(), StatusProblem>;

/// What the panel asks or says besides the buttons.
#[derive(Clone, PartialEq)]
enum Prompt {
    None,
    Refused(Vec<String>),
    /// A review refused that a stated reason would allow: the refusal, a reason field and
    /// 说明理由后审核.
    ReviewReason(Vec<String>),
    ConfirmUnchecked(Vec<String>),
    /// Reopening a signed inspection: what happens to the signatures, asked before it acts.
    ConfirmReopen,
    /// A status change being written: shown as done only once it is on disk.
    Writing,
}

impl Prompt {
    fn refusal(problem: &StatusProblem) -> Self {
        if problem.asks_reason() {
            Self::ReviewReason(problem.messages())
        } else {
            Self::Refused(problem.messages())
        }
    }
}

/// The panel's state and actions, shared by its parts (every field is a reactive handle).
#[derive(Clone, Copy)]
struct Panel {
    work: Work,
    roster: Roster,
    inspection_id: StoredValue<String>,
    inspection: Signal<Option<Inspection>>,
    checklist: StoredValue<Option<Checklist<'static>>, LocalStorage>,
    recorder: Signal<Option<String>>,
    prompt: RwSignal<Prompt>,
    /// The reason typed for reviewing one's own record, kept while the prompt is redrawn.
    reason: RwSignal<String>,
}

impl Panel {
    fn status(self) -> InspectionStatus {
        self.inspection
            .with(|i| i.as_ref().map_or(InspectionStatus::Draft, |i| i.status))
    }

    /// Tries `change` on a copy; writes the new status and history with strict durability and
    /// shows them only once on disk (正在写入… meanwhile), or shows why it was refused.
    fn apply(self, change: Box<StatusAction>) {
        if self.prompt.get_untracked() == Prompt::Writing {
            return;
        }
        let Some(mut draft) = self.inspection.get_untracked() else {
            return;
        };
        if let Err(problem) = change(&mut draft) {
            return self.prompt.set(Prompt::refusal(&problem));
        }
        self.prompt.set(Prompt::Writing);
        spawn_local(async move {
            let id = self.inspection_id.get_value();
            let written = self
                .work
                .inspections
                .commit(&id, move |i| {
                    i.status = draft.status;
                    i.history = draft.history.clone();
                })
                .await;
            match written {
                Ok(()) => {
                    self.prompt.set(Prompt::None);
                    self.reason.set(String::new());
                }
                Err(e) => self.prompt.set(Prompt::Refused(vec![format!(
                    "未能写入，状态没有改变：{}。请重试。",
                    e.message()
                )])),
            }
        });
    }

    /// A 回头看 follow-up also needs every original violation settled: its unit.
    fn penalised(self) -> Option<crate::domain::institution::Institution> {
        let record = self.inspection.get_untracked()?;
        let plan = self.work.plans.get(&record.plan_id)?;
        plan.kind
            .follows_up_penalties()
            .then(|| self.roster.institutions.get(&record.institution_id))
            .flatten()
    }

    /// Signatures given under other content refuse completing and reviewing (signing.rs).
    fn signatures_changed(self, action: &str) -> bool {
        let changed =
            untrack(|| changed_signers(self.work, self.roster, &self.inspection_id.get_value()));
        let refused = !changed.is_empty();
        if refused {
            self.prompt
                .set(Prompt::Refused(vec![signing::refusal(&changed, action)]));
        }
        refused
    }

    fn complete(self) {
        let Some(checklist) = self.checklist.with_value(|c| c.clone()) else {
            return;
        };
        let unit = self.penalised();
        let by = self.recorder.get_untracked();
        self.apply(Box::new(move |i| {
            i.complete(&checklist, unit.as_ref(), browser::now(), by.clone())
        }));
    }

    /// Completes, or first lists the points still 未检查 to confirm.
    fn try_complete(self) {
        let Some(record) = self.inspection.get_untracked() else {
            return;
        };
        if self.signatures_changed("完成检查") {
            return;
        }
        let unit = self.penalised();
        let (unchecked, refused) = self.checklist.with_value(|c| {
            let Some(c) = c.as_ref() else {
                return (Vec::new(), false);
            };
            let ids = record.unchecked(c);
            let unchecked: Vec<String> = c
                .points()
                .filter(|p| ids.contains(&p.id.as_str()))
                .map(|p| format!("{} {}", p.id, p.text))
                .collect();
            let refused = !record.completion_problems(c, unit.as_ref()).is_empty();
            (unchecked, refused)
        });
        if refused || unchecked.is_empty() {
            self.complete();
        } else {
            self.prompt.set(Prompt::ConfirmUnchecked(unchecked));
        }
    }

    /// 审核通过 as the device's 记录人, with the reason typed when `explained`.
    fn review(self, explained: bool) {
        if self.signatures_changed("审核") {
            return;
        }
        let Some(by) = self.recorder.get_untracked() else {
            self.prompt
                .set(Prompt::Refused(StatusProblem::NotLeader.messages()));
            return;
        };
        let reason = explained.then(|| self.reason.get_untracked());
        self.apply(Box::new(move |i| match &reason {
            Some(reason) => i.review_with_reason(browser::now(), &by, reason),
            None => i.review(browser::now(), &by),
        }));
    }

    fn reopen(self) {
        let by = self.recorder.get_untracked();
        self.apply(Box::new(move |i| i.reopen(browser::now(), by.clone())));
    }

    /// Reopens, or first says what reopening does to the signatures.
    fn try_reopen(self) {
        let signed = self
            .inspection
            .with_untracked(|i| i.as_ref().is_some_and(|i| !i.signatures.is_empty()));
        if signed {
            self.prompt.set(Prompt::ConfirmReopen);
        } else {
            self.reopen();
        }
    }

    /// One history line without its note: "2026-11-25 10:31 审核通过 · 张三".
    fn history_line(self, event: &StatusEvent) -> String {
        let by = event
            .by
            .as_deref()
            .and_then(|id| self.roster.inspectors.get(id))
            .map(|p| format!(" · {}", p.display_name()))
            .unwrap_or_default();
        format!(
            "{} {}{by}",
            browser::local_time(event.at),
            event.change.label()
        )
    }
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
    let work = use_work();
    let inspection_id = StoredValue::new(inspection_id);
    let panel = Panel {
        work,
        roster: use_roster(),
        inspection_id,
        inspection: work.inspections.watch(&inspection_id.get_value()),
        checklist,
        recorder,
        prompt: RwSignal::new(Prompt::None),
        reason: RwSignal::new(String::new()),
    };
    view! {
        <section class="completion" aria-label="检查状态">
            {status_line(panel)}
            {move || prompt_view(panel)}
            {status_buttons(panel)}
            {status_history(panel)}
        </section>
    }
}

/// "状态：已审核" with what that means for editing.
fn status_line(panel: Panel) -> impl IntoView {
    let status = move || panel.status();
    view! {
        <p class="status-line" data-testid="inspection-status">
            "状态：" {move || status().label()}
            {move || (status() == InspectionStatus::Reviewed).then_some("（已审核的检查只能重新打开后修改）")}
        </p>
    }
}

/// The current prompt: a refusal, a question, or nothing.
fn prompt_view(panel: Panel) -> AnyView {
    let prompt = panel.prompt;
    match prompt.get() {
        Prompt::None => ().into_any(),
        Prompt::Writing => view! { <p class="notice" role="status" data-testid="status-writing">"正在写入…"</p> }.into_any(),
        Prompt::Refused(problems) => refused(problems).into_any(),
        Prompt::ReviewReason(problems) => view! {
            {refused(problems)}
            {review_reason(panel)}
        }
        .into_any(),
        Prompt::ConfirmUnchecked(points) => view! {
            <div class="confirm" role="alertdialog" data-testid="confirm-unchecked">
                <p>{format!("还有 {} 项未检查：", points.len())}</p>
                <ul class="unchecked">{points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                <button class="primary" data-testid="confirm-complete" on:click=move |_| panel.complete()>"仍然完成"</button>
                <button on:click=move |_| prompt.set(Prompt::None)>"返回继续检查"</button>
            </div>
        }
        .into_any(),
        Prompt::ConfirmReopen => view! {
            <div class="confirm" role="alertdialog" data-testid="confirm-reopen">
                <p>{signing::REOPEN_WARNING}</p>
                <button class="primary" data-testid="confirm-reopen-button" on:click=move |_| panel.reopen()>"重新打开"</button>
                <button on:click=move |_| prompt.set(Prompt::None)>"取消"</button>
            </div>
        }
        .into_any(),
    }
}

/// Why the action was refused, one line per problem.
fn refused(problems: Vec<String>) -> impl IntoView {
    view! {
        <div class="alert alert-error" role="alert" data-testid="completion-refused">
            <p><strong>"不能进行此操作："</strong></p>
            <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        </div>
    }
}

/// The reason for reviewing one's own record, and 说明理由后审核 (kept in the history).
fn review_reason(panel: Panel) -> impl IntoView {
    let reason = panel.reason;
    view! {
        <div class="confirm" role="alertdialog" data-testid="review-reason-prompt">
            <label class="field">
                <span>"由组长本人审核的理由（记入状态记录）"</span>
                <textarea rows="2" maxlength=MAX_REVIEW_NOTE_CHARS data-testid="review-reason"
                    prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev)) />
            </label>
            <button class="primary" data-testid="review-with-reason" on:click=move |_| panel.review(true)>"说明理由后审核"</button>
            <button on:click=move |_| panel.prompt.set(Prompt::None)>"取消"</button>
        </div>
    }
}

/// The actions the status allows.
fn status_buttons(panel: Panel) -> impl IntoView {
    let status = move || panel.status();
    view! {
        <div class="actions">
            <Show when=move || status() == InspectionStatus::Draft>
                <button class="primary" data-testid="complete-inspection" on:click=move |_| panel.try_complete()>"完成检查"</button>
            </Show>
            <Show when=move || status() == InspectionStatus::Completed>
                <button class="primary" data-testid="review-inspection" on:click=move |_| panel.review(false)>"审核通过（组长）"</button>
            </Show>
            <Show when=move || status() != InspectionStatus::Draft>
                <button data-testid="reopen-inspection" on:click=move |_| panel.try_reopen()>"重新打开"</button>
            </Show>
        </div>
    }
}

/// Every change of status, oldest first, each review with its reason if one was given.
fn status_history(panel: Panel) -> impl IntoView {
    let lines = move || {
        panel.inspection.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.history
                        .iter()
                        .map(|e| (panel.history_line(e), e.note.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <h3>"状态记录"</h3>
            <ul class="history" data-testid="status-history">
                {move || lines().into_iter().map(|(line, note)| view! {
                    <li>
                        {line}
                        {note.map(|n| view! { <span class="history-note" data-testid="review-note">{format!("（理由：{n}）")}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </Show>
    }
}
