//! 随机抽签 on a 驻点监督 plan: the order in which the county's graded hospitals (public and
//! private) are supervised over a 3-year round, drawn by the app's one method (`docs/draw.md`),
//! shown before it counts, then recorded with the plan (never redone silently: another draw is
//! another record), downloadable as its 公示 list with the list drawn from, and printable as the
//! order by year.

use super::outcome_alert::OutcomeAlert;
use super::seed_field::SeedField;
use leptos::prelude::*;

use super::notice_print::{notice_actions, notice_facts, NoticePrint};
use super::print_button::PrintButton;
use crate::browser;
use crate::domain::draw::{canonical, Candidate, DrawRecord, DrawnUnit};
use crate::domain::export::draw_notice::{NoticeFacts, NoticeRow};
use crate::domain::stationed::lottery::{draw_round, eligible, schedule};
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::storage::preferences;

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
    let confirm = move |_| {
        let Some((hash, years, list)) = pending.get_untracked() else {
            return;
        };
        let order: Vec<String> = years
            .iter()
            .flat_map(|(_, h)| h.iter().map(|c| c.id.clone()))
            .collect();
        let record = DrawRecord {
            id: browser::new_id(),
            seed_text: seed.get_untracked().trim().to_string(),
            list_sha256: hash,
            canonical_list: list,
            drawn_at: browser::now(),
            drawn_by: preferences::recorder(),
            drawn: order
                .iter()
                .map(|id| DrawnUnit {
                    institution_id: id.clone(),
                    officer_ids: Vec::new(),
                })
                .collect(),
        };
        let count = order.len();
        work.plans.edit(&plan_id.get_value(), move |p| {
            for id in order {
                if !p.institution_ids.contains(&id) {
                    p.institution_ids.push(id);
                }
            }
            p.draws.push(record);
        });
        pending.set(None);
        message.set(Some(Ok(format!(
            "已记录本次抽签：{count} 家医院的驻点顺序"
        ))));
    };
    // The 公示 of a recorded draw: the hospitals by year of the round.
    let notice = move |record: &DrawRecord| -> Option<(NoticeFacts, Vec<NoticeRow>)> {
        let plan = plan.get_untracked()?;
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
        let rows: Vec<NoticeRow> = schedule(&order, plan.year)
            .into_iter()
            .flat_map(|(year, hospitals)| {
                hospitals.into_iter().map(move |h| NoticeRow {
                    name: h.name,
                    registration_number: h.registration_number,
                    group: format!("{year}年"),
                    officers: String::new(),
                })
            })
            .collect();
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
                <div class="notice" data-testid="lottery-result">
                    <p>{format!("名单 SHA-256 {hash}")}</p>
                    {years.into_iter().map(|(year, hospitals)| view! {
                        <p><strong>{format!("{year}年")}</strong></p>
                        <ol>{hospitals.into_iter().map(|h| view! { <li data-testid="lottery-hospital">{h.name}</li> }).collect_view()}</ol>
                    }).collect_view()}
                    <div class="actions">
                        <button class="primary" data-testid="lottery-confirm" on:click=confirm>"记录本次抽签"</button>
                        <button on:click=move |_| pending.set(None)>"放弃"</button>
                    </div>
                </div>
            })}
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
