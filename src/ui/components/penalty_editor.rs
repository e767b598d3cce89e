//! The penalties an institution received in earlier campaigns (原处罚信息): campaign, year,
//! decision number and the original violations, each mapped to a 附表3 column where it maps to
//! one. They make the unit part of a 回头看 population.

use chrono::Datelike;
use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::summary_column::group;
use crate::domain::catalog::SummaryColumn;
use crate::domain::huitoukan::{Campaign, OriginalViolation, Penalty};
use crate::domain::labelled::Labelled;
use crate::state::roster::use_roster;

/// An institution's penalties, tracked.
pub fn penalties_of(institution_id: StoredValue<String>) -> Memo<Vec<Penalty>> {
    let roster = use_roster();
    Memo::new(move |_| {
        roster
            .institutions
            .get(&institution_id.get_value())
            .map(|i| i.penalties)
            .unwrap_or_default()
    })
}

/// A change to one penalty.
type PenaltyChange = dyn FnOnce(&mut Penalty);

/// The penalties of one institution.
#[component]
pub fn PenaltyEditor(
    /// The institution.
    institution_id: String,
) -> impl IntoView {
    let roster = use_roster();
    let institution_id = StoredValue::new(institution_id);
    let penalties = penalties_of(institution_id);
    let penalty_ids =
        move || penalties.with(|all| all.iter().map(|p| p.id.clone()).collect::<Vec<_>>());
    let add = move |_| {
        let year = browser::today().year() - 1;
        let penalty = Penalty::new(
            browser::new_id(),
            Campaign::LawfulPractice,
            year,
            browser::now(),
        );
        roster
            .institutions
            .edit(&institution_id.get_value(), move |i| {
                i.penalties.push(penalty)
            });
    };
    view! {
        <section class="penalties" data-testid="penalties">
            <h2>"原处罚信息（回头看）"</h2>
            <p class="muted">
                "登记该单位在以往专项检查中受到的行政处罚及原违法行为；登记后可列入“回头看”任务，并按专项计入附表3。"
            </p>
            <For each=penalty_ids key=|id| id.clone() let:penalty_id>
                <PenaltyCard institution_id=institution_id.get_value() penalty_id=penalty_id />
            </For>
            <button type="button" data-testid="add-penalty" on:click=add>"＋登记原处罚"</button>
        </section>
    }
}

/// One penalty with its violations.
#[component]
fn PenaltyCard(institution_id: String, penalty_id: String) -> impl IntoView {
    let roster = use_roster();
    let institution_id = StoredValue::new(institution_id);
    let penalty_id = StoredValue::new(penalty_id);
    let penalty = Memo::new(move |_| {
        roster
            .institutions
            .get(&institution_id.get_value())
            .and_then(|i| {
                i.penalties
                    .into_iter()
                    .find(|p| p.id == penalty_id.get_value())
            })
    });
    let change = move |f: Box<PenaltyChange>| {
        roster
            .institutions
            .edit(&institution_id.get_value(), move |i| {
                if let Some(p) = i
                    .penalties
                    .iter_mut()
                    .find(|p| p.id == penalty_id.get_value())
                {
                    f(p);
                    p.recorded_at = Some(browser::now());
                }
            })
    };
    let read = move |f: fn(&Penalty) -> String| {
        move || penalty.with(|p| p.as_ref().map(f).unwrap_or_default())
    };
    let year_error = RwSignal::new(false);
    let set_year = move |ev: leptos::ev::Event| match event_target_value(&ev).trim().parse::<i32>()
    {
        Ok(year) if (2000..=2100).contains(&year) => {
            year_error.set(false);
            change(Box::new(move |p| p.year = year));
        }
        _ => year_error.set(true),
    };
    let asking = RwSignal::new(false);
    let violation_ids = move || {
        penalty.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.violations
                        .iter()
                        .map(|v| v.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="penalty" data-testid="penalty">
            <div class="penalty-fields">
                <label class="field">
                    "专项"
                    <select data-testid="penalty-campaign" on:change=move |ev| {
                        if let Some(c) = Campaign::from_code(&event_target_value(&ev)) {
                            change(Box::new(move |p| p.campaign = c));
                        }
                    }>
                        {Campaign::ALL
                            .iter()
                            .map(|&c| {
                                let selected = move || penalty.with(|p| p.as_ref().is_some_and(|p| p.campaign == c));
                                view! { <option value=c.code() selected=selected>{c.label()}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    "处罚年度"
                    <input type="number" inputmode="numeric" min="2000" max="2100" data-testid="penalty-year"
                        prop:value=read(|p| p.year.to_string())
                        on:change=set_year />
                    {move || year_error.get().then(|| view! { <span class="error">"年度应为2000至2100之间的四位数"</span> })}
                </label>
                <label class="field">
                    "行政处罚决定书文号"
                    <input type="text" data-testid="penalty-decision" placeholder="例如 X卫医罚〔2021〕12号"
                        prop:value=read(|p| p.decision_number.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            change(Box::new(move |p| p.decision_number = value));
                        } />
                </label>
            </div>
            <h3>"原违法行为"</h3>
            <ol class="violations">
                <For each=violation_ids key=|id| id.clone() let:violation_id>
                    <ViolationRow penalty=penalty violation_id=violation_id change=Callback::new(move |f: PenaltyChangeBox| change(f.0)) />
                </For>
            </ol>
            <button type="button" data-testid="add-violation" on:click=move |_| {
                let violation = OriginalViolation { id: browser::new_id(), text: String::new(), column: None };
                change(Box::new(move |p| p.violations.push(violation)));
            }>"＋原违法行为"</button>
            <ul class="problems">
                {move || penalty.with(|p| p.as_ref().map(Penalty::problems).unwrap_or_default())
                    .into_iter()
                    .map(|m| view! { <li class="error">{m}</li> })
                    .collect_view()}
            </ul>
            <Show
                when=move || asking.get()
                fallback=move || view! { <button type="button" class="danger" data-testid="remove-penalty" on:click=move |_| asking.set(true)>"删除该处罚记录"</button> }
            >
                <div class="confirm" role="alertdialog">
                    <p>"确定删除该处罚记录？已完成的回头看检查中对应的整改情况将不再计入附表3。"</p>
                    <button type="button" class="danger" data-testid="confirm-remove-penalty" on:click=move |_| {
                        roster.institutions.edit(&institution_id.get_value(), move |i| {
                            i.penalties.retain(|p| p.id != penalty_id.get_value())
                        });
                    }>"确认删除"</button>
                    <button type="button" on:click=move |_| asking.set(false)>"取消"</button>
                </div>
            </Show>
        </div>
    }
}

/// A boxed penalty change that a callback can carry.
struct PenaltyChangeBox(Box<PenaltyChange>);

/// One original violation: its text and 附表3 column.
#[component]
fn ViolationRow(
    penalty: Memo<Option<Penalty>>,
    violation_id: String,
    change: Callback<PenaltyChangeBox>,
) -> impl IntoView {
    let violation_id = StoredValue::new(violation_id);
    let violation = move || {
        penalty.with(|p| {
            p.as_ref().and_then(|p| {
                p.violations
                    .iter()
                    .find(|v| v.id == violation_id.get_value())
                    .cloned()
            })
        })
    };
    let edit = move |f: Box<dyn FnOnce(&mut OriginalViolation)>| {
        change.run(PenaltyChangeBox(Box::new(move |p: &mut Penalty| {
            if let Some(v) = p
                .violations
                .iter_mut()
                .find(|v| v.id == violation_id.get_value())
            {
                f(v);
            }
        })))
    };
    view! {
        <li class="violation" data-testid="violation">
            <input type="text" class="wide" aria-label="原违法行为" placeholder="例如：使用非卫生技术人员从事医疗卫生技术工作" data-testid="violation-text"
                prop:value=move || violation().map(|v| v.text).unwrap_or_default()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    edit(Box::new(move |v| v.text = text));
                } />
            <select aria-label="对应附表3栏目" data-testid="violation-column" on:change=move |ev| {
                let column = SummaryColumn::from_code(&event_target_value(&ev));
                edit(Box::new(move |v| v.column = column));
            }>
                <option value="" selected=move || violation().is_some_and(|v| v.column.is_none())>"不对应附表3栏目"</option>
                {SummaryColumn::ALL
                    .iter()
                    .map(|&c| {
                        let selected = move || violation().is_some_and(|v| v.column == Some(c));
                        let text = format!("{} · {}", group(c), short_label(c));
                        view! { <option value=c.code() selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
            <button type="button" on:click=move |_| {
                change.run(PenaltyChangeBox(Box::new(move |p: &mut Penalty| {
                    p.violations.retain(|v| v.id != violation_id.get_value())
                })))
            }>"移除"</button>
        </li>
    }
}

/// A column's label without the common "不符合要求(的)单位数" ending, for choosing.
pub fn short_label(column: SummaryColumn) -> &'static str {
    column
        .label()
        .trim_end_matches("不符合要求单位数")
        .trim_end_matches("不符合要求的单位数")
}
