//! 随机抽签 on a 驻点监督 plan: the order in which the county's graded hospitals (public and
//! private) are supervised over a 3-year round, drawn by the app's one method (`docs/draw.md`),
//! shown before it counts, then recorded with the plan (never redone silently: another draw is
//! another record), downloadable as its 公示 list with the list drawn from, and printable as the
//! order by year.

use super::outcome_alert::OutcomeAlert;
use super::seed_field::SeedField;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::notice_print::{notice_actions, notice_facts, NoticePrint};
use super::print_button::PrintButton;
use crate::browser;
use crate::domain::draw::{canonical, Candidate, DrawRecord, DrawnUnit};
use crate::domain::export::draw_notice::{NoticeFacts, NoticeRow};
use crate::domain::stationed::lottery::{draw_round, eligible, schedule};
use crate::state::draw::{new_record, record_draw};
use crate::state::roster::{use_roster, Roster};
use crate::state::work::use_work;

/// The lottery panel of one 驻点监督 plan.
#[component]
pub fn LotteryPanel(
    /// The plan.
    plan_id: String,
) -> impl IntoView {
    let (roster, work) = (use_roster(), use_work());
    let plan_id = StoredValue::new(plan_id);
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let seed = RwSignal::new(
        plan.get_untracked()
            .map(|p| format!("{} 驻点监督抽签 {}", p.name, browser::today()))
            .unwrap_or_default(),
    );
    let pending = RwSignal::new(None::<(String, Vec<(i32, Vec<Candidate>)>, String)>);
    let message = RwSignal::new(None::<Result<String, String>>);
    let draw = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        let text = seed.get_untracked();
        if text.trim().is_empty() {
            message.set(Some(Err(
                "请填写种子（例如抽签日期和地点），公示时一并公布".into(),
            )));
            return;
        }
        let (hash, years, list) = roster.institutions.with(|all| {
            let (hash, years) = draw_round(text.trim(), all, plan.year);
            (hash, years, canonical(&eligible(all)).1)
        });
        if years.iter().all(|(_, h)| h.is_empty()) {
            message.set(Some(Err(
                "名录中没有一级以上医院（请在监督对象中填写医院级别）".into(),
            )));
            return;
        }
        message.set(None);
        pending.set(Some((hash, years, list)));
    };
    let writing = RwSignal::new(false);
    let confirm = move |()| {
        if writing.get_untracked() {
            return;
        }
        let Some((hash, years, list)) = pending.get_untracked() else {
            return;
        };
        let drawn: Vec<DrawnUnit> = years
            .iter()
            .flat_map(|(_, h)| h.iter())
            .map(|c| DrawnUnit {
                institution_id: c.id.clone(),
                officer_ids: Vec::new(),
            })
            .collect();
        let count = drawn.len();
        let record = new_record(seed.get_untracked().trim().to_string(), hash, list, drawn);
        writing.set(true);
        message.set(None);
        spawn_local(async move {
            let recorded = record_draw(work, &plan_id.get_value(), record, "抽签").await;
            if recorded.is_ok() {
                pending.set(None);
            }
            message.set(Some(
                recorded.map(|()| format!("已记录本次抽签：{count} 家医院的驻点顺序")),
            ));
            writing.set(false);
        });
    };
    // The 公示 of a recorded draw: the hospitals by year of the round.
    let notice = move |record: &DrawRecord| -> Option<(NoticeFacts, Vec<NoticeRow>)> {
        let plan = plan.get_untracked()?;
        let rows = notice_rows(roster, record, plan.year);
        Some((
            notice_facts(format!("{} 驻点监督顺序抽签结果公示", plan.name), record),
            rows,
        ))
    };
    // The 公示 list printed alone (print styles hide the rest of the page while it is shown).
    let printing = RwSignal::new(None::<(NoticeFacts, Vec<NoticeRow>)>);
    let (download, print) = notice_actions("驻点抽签", notice, printing, message);
    view! {
        <section class="draw" data-testid="lottery">
            <h2>"随机抽签（驻点顺序）"</h2>
            <p class="muted">"从名录中的一级以上公立和民营医院随机抽签确定驻点监督顺序，每3年一轮，按年度分配。种子与名单一并记录，可公示复核。"</p>
            <SeedField seed=seed noun="抽签" testid="lottery" on_run=Callback::new(draw) />
            {move || pending.get().map(|(hash, years, _)| view! {
                <LotteryPending hash=hash years=years writing=writing on_confirm=Callback::new(confirm) on_drop=Callback::new(move |()| pending.set(None)) />
            })}
            {move || writing.get().then(|| view! { <p class="notice" role="status" data-testid="lottery-writing">"正在写入…"</p> })}
            <OutcomeAlert outcome=message testid="lottery" />
            <ul class="rows">
                {move || plan.get().map(|p| p.draws).unwrap_or_default().into_iter().rev().map(|record| {
                    let summary = format!("{} · 种子“{}” · {} 家医院", browser::local_time(record.drawn_at), record.seed_text, record.drawn.len());
                    view! {
                        <li class="row-item" data-testid="lottery-record">
                            <span class="row-title">{summary}</span>
                            <span class="row-actions">
                                <button data-testid="lottery-notice" on:click={
                                    let record = record.clone();
                                    move |_| download(record.clone())
                                }>"下载公示与名单"</button>
                                <PrintButton label="打印驻点顺序" testid="lottery-print" print=Callback::new(move |()| print(record.clone())) />
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <NoticePrint shown=printing group_label="年度" with_officers=false />
        </section>
    }
}

/// A drawn order shown before it counts, by year of the round, with the buttons that record it
/// (disabled while it is being written) or drop it.
#[component]
fn LotteryPending(
    hash: String,
    years: Vec<(i32, Vec<Candidate>)>,
    writing: RwSignal<bool>,
    on_confirm: Callback<()>,
    on_drop: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="notice" data-testid="lottery-result">
            <p>{format!("名单 SHA-256 {hash}")}</p>
            {years.into_iter().map(|(year, hospitals)| view! {
                <p><strong>{format!("{year}年")}</strong></p>
                <ol>{hospitals.into_iter().map(|h| view! { <li data-testid="lottery-hospital">{h.name}</li> }).collect_view()}</ol>
            }).collect_view()}
            <div class="actions">
                <button class="primary" data-testid="lottery-confirm" disabled=move || writing.get() on:click=move |_| on_confirm.run(())>"记录本次抽签"</button>
                <button disabled=move || writing.get() on:click=move |_| on_drop.run(())>"放弃"</button>
            </div>
        </div>
    }
}

/// The 公示 rows of a recorded lottery: the hospitals (as the roster has them now) by year of
/// the round starting in `year`.
fn notice_rows(roster: Roster, record: &DrawRecord, year: i32) -> Vec<NoticeRow> {
    let order: Vec<Candidate> = record
        .drawn
        .iter()
        .filter_map(|u| roster.institutions.get(&u.institution_id))
        .map(|i| Candidate {
            id: i.id.clone(),
            name: i.display_name().to_string(),
            registration_number: i.registration_number.clone(),
            group: String::new(),
        })
        .collect();
    schedule(&order, year)
        .into_iter()
        .flat_map(|(year, hospitals)| {
            hospitals.into_iter().map(move |h| NoticeRow {
                name: h.name,
                registration_number: h.registration_number,
                group: format!("{year}年"),
                officers: String::new(),
            })
        })
        .collect()
}
