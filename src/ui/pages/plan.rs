//! One plan: its name and deadline, its targets with progress, the institutions chosen for it with
//! their inspection status, and the roster to add more from.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser;
use crate::domain::fubiao3::population;
use crate::domain::inspection::{Assignment, Inspection, InspectionStatus};
use crate::domain::inspector::AssignmentRole;
use crate::domain::institution::{validate, Institution};
use crate::domain::labelled::Labelled;
use crate::domain::plan::PlanKind;
use crate::domain::roster::{search, InstitutionQuery};
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::confirm_button::ConfirmButton;
use crate::ui::components::draw_panel::DrawPanel;
use crate::ui::components::field::TextField;
use crate::ui::components::lottery_panel::LotteryPanel;
use crate::ui::components::plan_targets::PlanTargets;
use crate::ui::components::record_page::RecordPage;
use crate::ui::components::stay_action::StayAction;

/// Candidates shown at once when adding institutions.
const CANDIDATE_ROWS: usize = 30;

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
    let roster = use_roster();
    let work = use_work();
    let plan_id = StoredValue::new(id.clone());
    let plan = Memo::new(move |_| work.plans.get(&plan_id.get_value()));
    let edit = move |change: Box<dyn FnOnce(&mut crate::domain::plan::Plan)>| {
        work.plans.edit(&plan_id.get_value(), change)
    };
    let inspection_of = move |institution_id: &str| {
        work.inspections.with(|all| {
            all.iter()
                .find(|i| i.plan_id == plan_id.get_value() && i.institution_id == institution_id)
                .cloned()
        })
    };
    let chosen = Memo::new(move |_| {
        let ids = plan.with(|p| {
            p.as_ref()
                .map(|p| p.institution_ids.clone())
                .unwrap_or_default()
        });
        ids.into_iter()
            .filter_map(|id| roster.institutions.get(&id))
            .map(|i| {
                let status = inspection_of(&i.id);
                (
                    i.id.clone(),
                    i.display_name().to_string(),
                    institution_meta(&i),
                    status,
                )
            })
            .collect::<Vec<_>>()
    });
    let is_huitoukan =
        move || plan.with(|p| p.as_ref().is_some_and(|p| p.kind == PlanKind::Huitoukan));
    // 回头看: the follow-up population per 附表3 row, and the units penalised the year before.
    let population = Memo::new(move |_| {
        let plan = plan.get().filter(|p| p.kind == PlanKind::Huitoukan)?;
        Some(roster.institutions.with(|all| {
            population(&plan, all)
                .into_iter()
                .map(|(row, units)| format!("{} {}家", row.label(), units.len()))
                .collect::<Vec<_>>()
        }))
    });
    let penalised_last_year = Memo::new(move |_| {
        let plan = plan.get().filter(|p| p.kind == PlanKind::Huitoukan)?;
        let ids: Vec<String> = roster.institutions.with(|all| {
            all.iter()
                .filter(|i| !plan.institution_ids.contains(&i.id) && validate(i).is_empty())
                .filter(|i| i.penalties.iter().any(|p| p.year == plan.year - 1))
                .map(|i| i.id.clone())
                .collect()
        });
        Some((plan.year - 1, ids))
    });
    let query = RwSignal::new(String::new());
    let year_error = RwSignal::new(false);
    let set_year = move |ev: leptos::ev::Event| match event_target_value(&ev).trim().parse::<i32>()
    {
        Ok(year) if (2000..=2100).contains(&year) => {
            year_error.set(false);
            edit(Box::new(move |p| p.year = year));
        }
        _ => year_error.set(true),
    };
    let candidates = Memo::new(move |_| {
        let Some(plan) = plan.get() else {
            return Vec::new();
        };
        let types = plan.kind.institution_types();
        roster.institutions.with(|all| {
            search(
                all,
                &InstitutionQuery {
                    text: query.get(),
                    ..Default::default()
                },
            )
            .into_iter()
            .filter(|i| {
                i.kind.is_some_and(|k| types.contains(&k)) && !plan.institution_ids.contains(&i.id)
            })
            // A 回头看 plan lists the penalised units first.
            .filter(|i| {
                plan.kind != PlanKind::Huitoukan
                    || !i.penalties.is_empty()
                    || !query.get().trim().is_empty()
            })
            .take(CANDIDATE_ROWS)
            .map(|i| {
                (
                    i.id.clone(),
                    i.display_name().to_string(),
                    institution_meta(i),
                    validate(i).is_empty(),
                )
            })
            .collect::<Vec<_>>()
        })
    });
    let start = move |institution_id: String| {
        let (Some(plan), Some(institution)) = (
            plan.get_untracked(),
            roster.institutions.get(&institution_id),
        ) else {
            return;
        };
        let now = browser::now();
        let mut inspection = Inspection::start(
            browser::new_id(),
            &plan,
            &institution,
            browser::today(),
            now,
        );
        // Officers drawn for this unit (双随机) are assigned at once: the first leads.
        if let Some(unit) = plan
            .draws
            .iter()
            .rev()
            .flat_map(|d| &d.drawn)
            .find(|u| u.institution_id == institution.id)
        {
            inspection.inspectors = unit
                .officer_ids
                .iter()
                .enumerate()
                .map(|(n, id)| Assignment {
                    inspector_id: id.clone(),
                    role: if n == 0 {
                        AssignmentRole::Leader
                    } else {
                        AssignmentRole::Member
                    },
                })
                .collect();
        }
        let id = work.inspections.add(inspection);
        browser::go_to(&Route::Inspection(id));
    };
    let has_inspections = move || {
        work.inspections
            .with(|all| all.iter().any(|i| i.plan_id == plan_id.get_value()))
            || work
                .stays
                .with(|all| all.iter().any(|s| s.plan_id == plan_id.get_value()))
    };

    view! {
        <h1>{move || plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())}</h1>
        <p class="muted">
            {move || plan.with(|p| p.as_ref().map(|p| format!("{} · {}年", p.kind.label(), p.year)).unwrap_or_default())}
        </p>
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <TextField
                label="任务名称"
                name="plan-name"
                required=true
                value=Signal::derive(move || plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default()))
                on_input=Callback::new(move |value: String| edit(Box::new(move |p| p.name = value)))
            />
            <div class="field">
                <label for="field-plan-year">"年度"</label>
                <input
                    id="field-plan-year"
                    type="number"
                    inputmode="numeric"
                    min="2000"
                    max="2100"
                    data-testid="plan-year"
                    prop:value=move || plan.with(|p| p.as_ref().map(|p| p.year.to_string()).unwrap_or_default())
                    on:change=set_year
                />
                <p class="field-message">
                    {move || year_error.get().then(|| view! { <span class="error">"年度应为2000至2100之间的四位数"</span> })}
                </p>
            </div>
            <div class="field">
                <label for="field-plan-deadline">"截止日期"</label>
                <input
                    id="field-plan-deadline"
                    type="date"
                    data-testid="plan-deadline"
                    prop:value=move || plan.with(|p| p.as_ref().and_then(|p| p.deadline).map(|d| d.to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let date = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                        edit(Box::new(move |p| p.deadline = date));
                    }
                />
                <p class="field-message"></p>
            </div>
        </form>
        <PlanTargets plan_id=id.clone() />
        <Show when=move || plan.with(|p| p.as_ref().is_some_and(|p| matches!(p.kind, PlanKind::MedicalSampling | PlanKind::BloodSampling) && !p.targets.is_empty()))>
            <DrawPanel plan_id=plan_id.get_value() />
        </Show>
        <Show when=move || plan.with(|p| p.as_ref().is_some_and(|p| p.kind == PlanKind::Stationed))>
            <LotteryPanel plan_id=plan_id.get_value() />
        </Show>
        <h2>"检查对象"</h2>
        {move || population.get().map(|rows| view! {
            <div class="notice" data-testid="population">
                <p><strong>"回头看对象（按附表3类别）"</strong></p>
                {if rows.is_empty() {
                    view! { <p>"尚未加入登记了原处罚信息的单位。"</p> }.into_any()
                } else {
                    view! { <ul>{rows.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> }.into_any()
                }}
            </div>
        })}
        {move || penalised_last_year.get().filter(|(_, ids)| !ids.is_empty()).map(|(year, ids)| {
            let count = ids.len();
            view! {
                <button class="primary" data-testid="add-penalised" on:click=move |_| {
                    let ids = ids.clone();
                    edit(Box::new(move |p| p.institution_ids.extend(ids)));
                }>{format!("加入{year}年被处罚单位（{count}家）")}</button>
            }
        })}
        <Show when=move || chosen.with(Vec::is_empty)>
            <p class="muted">"还没有检查对象，请从下方监督对象名录中加入。"</p>
        </Show>
        <ul class="rows" data-testid="plan-institutions">
            <For each=move || chosen.get() key=|row| (row.0.clone(), row.1.clone(), row.3.as_ref().map(|i| (i.id.clone(), i.status))) let:row>
                {
                    let (institution_id, name, kind, inspection) = row;
                    let stationed = plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.kind == PlanKind::Stationed));
                    let action = match inspection {
                        _ if stationed => view! {
                            <StayAction plan_id=plan_id.get_value() institution_id=institution_id.clone() />
                        }
                            .into_any(),
                        Some(inspection) => {
                            let label = if inspection.status == InspectionStatus::Draft { "继续检查" } else { "查看检查" };
                            view! {
                                <span class="badge">{inspection.status.label()}</span>
                                <a class="button" href=Route::Inspection(inspection.id.clone()).href()>{label}</a>
                            }
                                .into_any()
                        }
                        None => {
                            let start_id = institution_id.clone();
                            let remove_id = institution_id.clone();
                            view! {
                                <button class="primary" data-testid="start-inspection" on:click=move |_| start(start_id.clone())>
                                    "开始检查"
                                </button>
                                <button on:click=move |_| {
                                    let id = remove_id.clone();
                                    edit(Box::new(move |p| p.institution_ids.retain(|i| *i != id)));
                                }>"移出"</button>
                            }
                                .into_any()
                        }
                    };
                    view! {
                        <li class="row-item" data-testid="plan-institution">
                            <span class="row-title">{name}</span>
                            <span class="row-meta">{kind}</span>
                            <span class="row-actions">{action}</span>
                        </li>
                    }
                }
            </For>
        </ul>
        <h3>"加入检查对象"</h3>
        <Show when=is_huitoukan>
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
                {
                    let (institution_id, name, kind, valid) = row;
                    view! {
                        <li class="row-item">
                            <span class="row-title">{name}</span>
                            <span class="row-meta">{kind}</span>
                            <span class="row-actions">
                                {if valid {
                                    view! {
                                        <button data-testid="add-to-plan" on:click=move |_| {
                                            let id = institution_id.clone();
                                            edit(Box::new(move |p| p.institution_ids.push(id)));
                                        }>"加入"</button>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <a class="badge warn" href=Route::Institution(institution_id.clone()).href()>"信息待完善，先补全"</a>
                                    }
                                        .into_any()
                                }}
                            </span>
                        </li>
                    }
                }
            </For>
        </ul>
        <Show
            when=has_inspections
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

/// The type shown beside an institution, with its penalties when it has any (回头看).
fn institution_meta(institution: &Institution) -> String {
    let kind = institution.kind.map(|k| k.label()).unwrap_or("");
    let penalties: Vec<String> = institution
        .penalties
        .iter()
        .map(|p| format!("{}年{}", p.year, p.campaign.label()))
        .collect();
    if penalties.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} · 原处罚：{}", penalties.join("、"))
    }
}
