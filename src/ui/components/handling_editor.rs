//! The measures taken on one non-compliant finding (责令改正, 立案, 罚没款, 吊销, 移送, 整改意见):
//! add several, fill each one's detail, remove. Amounts are whole 元.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser;
use crate::domain::catalog::CheckPoint;
use crate::domain::handling::{parse_yuan, Handling, KINDS};
use crate::state::work::use_work;

/// A change to a finding's list of measures.
type MeasuresChange = dyn FnOnce(&mut Vec<Handling>);

/// The handling editor of one finding.
#[component]
pub fn HandlingEditor(
    /// The check point found non-compliant.
    point: &'static CheckPoint,
    /// The inspection.
    inspection_id: String,
    /// The inspector named on changes.
    recorder: Signal<Option<String>>,
) -> impl IntoView {
    let work = use_work();
    let inspection_id = StoredValue::new(inspection_id);
    let inspection = work.inspections.watch(&inspection_id.get_value());
    let measures = Memo::new(move |_| {
        inspection.with(|i| {
            i.as_ref()
                .and_then(|i| i.answers.get(&point.id))
                .map(|a| a.handling.clone())
                .unwrap_or_default()
        })
    });
    let change = move |f: Box<MeasuresChange>| {
        let by = recorder.get_untracked();
        work.inspections.edit(&inspection_id.get_value(), move |i| {
            i.answer(&point.id, browser::now(), by, move |a| f(&mut a.handling))
        });
    };
    let set = move |index: usize, measure: Handling| {
        change(Box::new(move |list| {
            if let Some(slot) = list.get_mut(index) {
                *slot = measure;
            }
        }))
    };
    view! {
        <div class="handling" data-testid="handling">
            <label>"处理"</label>
            // Rows are keyed by position, kind and count, so typing in a row never re-creates it
            // (focus stays), while adding or removing a measure rebuilds the rows.
            <For
                each=move || {
                    let list = measures.get();
                    let count = list.len();
                    list.into_iter().enumerate().map(move |(index, m)| (index, m, count)).collect::<Vec<_>>()
                }
                key=|(index, measure, count)| (*index, measure.kind(), *count)
                let:row
            >
                {
                    let (index, measure, _) = row;
                    let label = measure.label();
                    let problem = move || measures.with(|list| list.get(index).and_then(Handling::problem));
                    let detail = match measure {
                        Handling::OrderCorrection { deadline } => view! {
                            <input type="date" aria-label="改正期限" data-testid="handling-deadline"
                                prop:value=deadline.map(|d| d.to_string()).unwrap_or_default()
                                on:change=move |ev| {
                                    let deadline = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                                    set(index, Handling::OrderCorrection { deadline });
                                } />
                        }
                            .into_any(),
                        Handling::CaseFiled { case_number } => text_input("案件编号", "handling-case", case_number, move |v| {
                            set(index, Handling::CaseFiled { case_number: v })
                        }),
                        Handling::Fine { amount_yuan } => view! {
                            <AmountInput amount=amount_yuan on_change=move |v| set(index, Handling::Fine { amount_yuan: v }) />
                        }
                            .into_any(),
                        Handling::RevokeLicense => ().into_any(),
                        Handling::RevokeSubject { subject } => text_input("诊疗科目", "handling-subject", subject, move |v| {
                            set(index, Handling::RevokeSubject { subject: v })
                        }),
                        Handling::Transfer { department } => text_input("移送部门", "handling-department", department, move |v| {
                            set(index, Handling::Transfer { department: v })
                        }),
                        Handling::RectificationAdvice { text } => text_input("整改意见", "handling-advice", text, move |v| {
                            set(index, Handling::RectificationAdvice { text: v })
                        }),
                    };
                    view! {
                        <div class="measure" data-testid="measure">
                            <span class="measure-label">{label}</span>
                            {detail}
                            <button type="button" on:click=move |_| change(Box::new(move |list| {
                                if index < list.len() { list.remove(index); }
                            }))>"移除"</button>
                            {move || problem().map(|p| view! { <p class="field-message"><span class="error">{p}</span></p> })}
                        </div>
                    }
                }
            </For>
            <div class="chips">
                {KINDS
                    .iter()
                    .map(|&(code, label)| {
                        view! {
                            <button type="button" class="chip" data-testid=format!("add-{code}") on:click=move |_| {
                                if let Some(measure) = Handling::blank(code) {
                                    change(Box::new(move |list| list.push(measure)));
                                }
                            }>{format!("＋{label}")}</button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

fn text_input(
    label: &'static str,
    testid: &'static str,
    value: String,
    on_input: impl Fn(String) + 'static,
) -> AnyView {
    view! {
        <input type="text" aria-label=label placeholder=label data-testid=testid prop:value=value
            on:input=move |ev| on_input(event_target_value(&ev)) />
    }
    .into_any()
}

/// An amount in whole 元: what is typed stays on screen; only a valid amount is stored.
#[component]
fn AmountInput(amount: u64, on_change: impl Fn(u64) + 'static) -> impl IntoView {
    let error = RwSignal::new(None::<&'static str>);
    let initial = if amount == 0 {
        String::new()
    } else {
        amount.to_string()
    };
    view! {
        <input type="text" inputmode="numeric" aria-label="罚没款金额（元）" placeholder="金额（元）" data-testid="handling-amount"
            value=initial
            on:input=move |ev| match parse_yuan(&event_target_value(&ev)) {
                Ok(value) => {
                    error.set(None);
                    on_change(value);
                }
                Err(message) => error.set(Some(message)),
            } />
        <span class="unit">"元"</span>
        {move || error.get().map(|e| view! { <span class="error">{e}</span> })}
    }
}
