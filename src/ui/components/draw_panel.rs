//! 双随机抽取 on a sampling plan's page: draw the objects each target still needs from the
//! roster and assign two officers to each (one documented method, `docs/draw.md`), see the
//! result before it counts, then record it with the plan and add the objects; every recorded
//! draw can be downloaded as its 公示 list (XLSX) and the list it was drawn from (to re-check).

use super::outcome_alert::OutcomeAlert;
use super::seed_field::SeedField;
use leptos::prelude::*;

use super::notice_print::{notice_actions, notice_facts, NoticePrint};
use super::print_button::PrintButton;
use crate::browser;
use crate::domain::draw::{
    canonical, double_random, plan_candidates, DrawRecord, DrawResult, DrawnUnit, Officer,
};
use crate::domain::export::draw_notice::{xlsx, NoticeFacts, NoticeRow};
use crate::domain::inspection::MIN_INSPECTORS;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::storage::preferences;

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
    let officer_name = move |id: &str| {
        roster
            .inspectors
            .get(id)
            .map(|i| i.display_name().to_string())
            .unwrap_or_else(|| "（已删除）".into())
    };
    let institution = move |id: &str| roster.institutions.get(id);
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
    let confirm = move |_| {
        let Some((result, list)) = pending.get_untracked() else {
            return;
        };
        let record = DrawRecord {
            id: browser::new_id(),
            seed_text: result.seed_text.clone(),
            list_sha256: result.list_sha256.clone(),
            canonical_list: list,
            drawn_at: browser::now(),
            drawn_by: preferences::recorder(),
            drawn: result
                .drawn
                .iter()
                .map(|d| DrawnUnit {
                    institution_id: d.candidate.id.clone(),
                    officer_ids: d.officers.clone(),
                })
                .collect(),
        };
        let count = record.drawn.len();
        work.plans.edit(&plan_id.get_value(), move |p| {
            for unit in &record.drawn {
                if !p.institution_ids.contains(&unit.institution_id) {
                    p.institution_ids.push(unit.institution_id.clone());
                }
            }
            p.draws.push(record);
        });
        pending.set(None);
        message.set(Some(Ok(format!("已记录本次抽取，{count} 个单位加入任务"))));
    };
    let notice = move |record: &DrawRecord| -> Option<(NoticeFacts, Vec<NoticeRow>)> {
        let plan = plan.get_untracked()?;
        let rows: Vec<NoticeRow> = record
            .drawn
            .iter()
            .map(|unit| {
                let found = institution(&unit.institution_id);
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
                    officers: unit
                        .officer_ids
                        .iter()
                        .map(|id| officer_name(id))
                        .collect::<Vec<_>>()
                        .join("、"),
                }
            })
            .collect();
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
            {move || pending.get().map(|(result, _)| {
                let notes: Vec<String> = result
                    .short
                    .iter()
                    .map(|(group, asked, had)| format!("{group}：需抽取 {asked} 个，名录中只有 {had} 个可抽"))
                    .chain((!result.understaffed.is_empty()).then(|| format!("{} 个单位的执法人员不足两名，请补充执法人员名录", result.understaffed.len())))
                    .collect();
                view! {
                    <div class="notice" data-testid="draw-result">
                        <p>{format!("种子“{}”，名单 SHA-256 {}", result.seed_text, result.list_sha256)}</p>
                        <ol>
                            {result.drawn.iter().map(|d| {
                                let officers = d.officers.iter().map(|id| officer_name(id)).collect::<Vec<_>>().join("、");
                                view! { <li data-testid="drawn-unit">{format!("{}（{}）— {}", d.candidate.name, d.candidate.group, officers)}</li> }
                            }).collect_view()}
                        </ol>
                        <ul class="problems">{notes.into_iter().map(|n| view! { <li class="warn-text">{n}</li> }).collect_view()}</ul>
                        <div class="actions">
                            <button class="primary" data-testid="draw-confirm" on:click=confirm>"记录本次抽取并加入任务"</button>
                            <button on:click=move |_| pending.set(None)>"放弃"</button>
                        </div>
                    </div>
                }
            })}
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
