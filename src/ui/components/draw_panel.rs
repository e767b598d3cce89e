//! 双随机抽取 on a sampling plan's page: draw the objects each target still needs from the
//! roster and assign two officers to each (one documented method, `docs/draw.md`), see the
//! result before it counts, then record it with the plan and add the objects; every recorded
//! draw can be downloaded as its 公示 list (XLSX) and the list it was drawn from (to re-check).

use super::outcome_alert::OutcomeAlert;
use super::seed_field::SeedField;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::notice_print::{notice_actions, notice_facts, NoticePrint};
use super::print_button::PrintButton;
use crate::browser;
use crate::domain::draw::{
    canonical, double_random, plan_candidates, DrawRecord, DrawResult, DrawnUnit, Officer,
};
use crate::domain::export::draw_notice::{xlsx, NoticeFacts, NoticeRow};
use crate::domain::inspection::MIN_INSPECTORS;
use crate::state::draw::{new_record, record_draw};
use crate::state::roster::{use_roster, Roster};
use crate::state::work::use_work;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The draw panel of one plan.
#[component]
pub fn DrawPanel(
    /// The plan.
    plan_id: String,
) -> impl IntoView {
    let (roster, work) = (use_roster(), use_work());
    let plan_id = StoredValue::new(plan_id);
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let default_seed = plan
        .get_untracked()
        .map(|p| format!("{} {}", p.name, browser::today()))
        .unwrap_or_default();
    let seed = RwSignal::new(default_seed);
    let pending = RwSignal::new(None::<(DrawResult, String)>);
    let message = RwSignal::new(None::<Result<String, String>>);
    let draw = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        let text = seed.get_untracked();
        if text.trim().is_empty() {
            message.set(Some(Err(
                "请填写种子（例如抽取日期和地点），公示时一并公布".into(),
            )));
            return;
        }
        let (candidates, asked) = roster.institutions.with(|all| plan_candidates(&plan, all));
        let officers: Vec<Officer> = roster.inspectors.with(|all| {
            all.iter()
                .map(|i| Officer {
                    id: i.id.clone(),
                    avoid: i.conflicts.clone(),
                })
                .collect()
        });
        let result = double_random(text.trim(), &candidates, &asked, &officers, MIN_INSPECTORS);
        let (_, list) = canonical(&candidates);
        message.set(None);
        pending.set(Some((result, list)));
    };
    let writing = RwSignal::new(false);
    let confirm = move |()| {
        if writing.get_untracked() {
            return;
        }
        let Some((result, list)) = pending.get_untracked() else {
            return;
        };
        let drawn: Vec<DrawnUnit> = result
            .drawn
            .iter()
            .map(|d| DrawnUnit {
                institution_id: d.candidate.id.clone(),
                officer_ids: d.officers.clone(),
            })
            .collect();
        let count = drawn.len();
        let record = new_record(result.seed_text, result.list_sha256, list, drawn);
        writing.set(true);
        message.set(None);
        spawn_local(async move {
            let recorded = record_draw(work, &plan_id.get_value(), record, "抽取").await;
            if recorded.is_ok() {
                pending.set(None);
            }
            message.set(Some(
                recorded.map(|()| format!("已记录本次抽取，{count} 个单位加入任务")),
            ));
            writing.set(false);
        });
    };
    let notice = move |record: &DrawRecord| -> Option<(NoticeFacts, Vec<NoticeRow>)> {
        let plan = plan.get_untracked()?;
        let rows = notice_rows(roster, record);
        Some((
            notice_facts(format!("{} 双随机抽取结果公示", plan.name), record),
            rows,
        ))
    };
    // The 公示 list printed alone (print styles hide the rest of the page while it is shown).
    let printing = RwSignal::new(None::<(NoticeFacts, Vec<NoticeRow>)>);
    let (download, print) = notice_actions("双随机抽取", notice, printing, message);
    view! {
        <section class="draw" data-testid="draw">
            <h2>"双随机抽取"</h2>
            <p class="muted">"按各类别目标数从名录中随机抽取尚未列入的单位，每个单位随机分配两名执法人员。种子与抽取名单会一并记录并可公示，任何人可据此复核。"</p>
            <SeedField seed=seed noun="抽取" testid="draw" on_run=Callback::new(draw) />
            {move || pending.get().map(|(result, _)| view! {
                <DrawPending result=result writing=writing on_confirm=Callback::new(confirm) on_drop=Callback::new(move |()| pending.set(None)) />
            })}
            {move || writing.get().then(|| view! { <p class="notice" role="status" data-testid="draw-writing">"正在写入…"</p> })}
            <OutcomeAlert outcome=message testid="draw" />
            <ul class="rows" data-testid="draw-records">
                {move || plan.get().map(|p| p.draws).unwrap_or_default().into_iter().rev().map(|record| {
                    let summary = format!("{} · 种子“{}” · {} 个单位", browser::local_time(record.drawn_at), record.seed_text, record.drawn.len());
                    view! {
                        <li class="row-item" data-testid="draw-record">
                            <span class="row-title">{summary}</span>
                            <span class="row-actions">
                                <button data-testid="draw-notice" on:click={
                                    let record = record.clone();
                                    move |_| download(record.clone())
                                }>"下载公示名单"</button>
                                <PrintButton label="打印公示" testid="draw-print" print=Callback::new(move |()| print(record.clone())) />
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <NoticePrint shown=printing group_label="类别" with_officers=true />
        </section>
    }
}

/// A draw shown before it counts: the units with their officers, what fell short, and the
/// buttons that record it (disabled while it is being written) or drop it.
#[component]
fn DrawPending(
    result: DrawResult,
    writing: RwSignal<bool>,
    on_confirm: Callback<()>,
    on_drop: Callback<()>,
) -> impl IntoView {
    let roster = use_roster();
    let notes: Vec<String> = result
        .short
        .iter()
        .map(|(group, asked, had)| format!("{group}：需抽取 {asked} 个，名录中只有 {had} 个可抽"))
        .chain((!result.understaffed.is_empty()).then(|| {
            format!(
                "{} 个单位的执法人员不足两名，请补充执法人员名录",
                result.understaffed.len()
            )
        }))
        .collect();
    view! {
        <div class="notice" data-testid="draw-result">
            <p>{format!("种子“{}”，名单 SHA-256 {}", result.seed_text, result.list_sha256)}</p>
            <ol>
                {result.drawn.iter().map(|d| {
                    let officers = officer_names(roster, &d.officers);
                    view! { <li data-testid="drawn-unit">{format!("{}（{}）— {}", d.candidate.name, d.candidate.group, officers)}</li> }
                }).collect_view()}
            </ol>
            <ul class="problems">{notes.into_iter().map(|n| view! { <li class="warn-text">{n}</li> }).collect_view()}</ul>
            <div class="actions">
                <button class="primary" data-testid="draw-confirm" disabled=move || writing.get() on:click=move |_| on_confirm.run(())>"记录本次抽取并加入任务"</button>
                <button disabled=move || writing.get() on:click=move |_| on_drop.run(())>"放弃"</button>
            </div>
        </div>
    }
}

/// The officers' names, joined with 、 (（已删除） for one no longer in the roster).
fn officer_names(roster: Roster, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            roster
                .inspectors
                .get(id)
                .map(|i| i.display_name().to_string())
                .unwrap_or_else(|| "（已删除）".into())
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// The 公示 rows of a recorded draw: each unit as the roster has it now, with its officers.
fn notice_rows(roster: Roster, record: &DrawRecord) -> Vec<NoticeRow> {
    record
        .drawn
        .iter()
        .map(|unit| {
            let found = roster.institutions.get(&unit.institution_id);
            NoticeRow {
                name: found
                    .as_ref()
                    .map(|i| i.display_name().to_string())
                    .unwrap_or_default(),
                registration_number: found
                    .as_ref()
                    .map(|i| i.registration_number.clone())
                    .unwrap_or_default(),
                group: found
                    .and_then(|i| i.kind)
                    .map(|k| crate::domain::labelled::Labelled::label(k).to_string())
                    .unwrap_or_default(),
                officers: officer_names(roster, &unit.officer_ids),
            }
        })
        .collect()
}

/// Downloads a draw's 公示 list (XLSX) and the canonical list it was drawn from (text), named
/// after `what` (双随机抽取, 驻点抽签) and the time of the draw.
pub fn download_notice(
    what: &str,
    facts: &NoticeFacts,
    rows: &[NoticeRow],
    canonical_list: &str,
) -> Result<(), String> {
    let stamp: String = facts
        .drawn_at
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    xlsx(facts, rows).and_then(|bytes| {
        browser::download(&format!("{what}公示-{stamp}.xlsx"), XLSX_MIME, &bytes)
    })?;
    browser::download(
        &format!("{what}名单-{stamp}.txt"),
        "text/plain;charset=utf-8",
        canonical_list.as_bytes(),
    )
}
