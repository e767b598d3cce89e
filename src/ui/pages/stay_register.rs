//! A stay's problem register (问题汇总): every problem found, by content area and scene, with its
//! evidence; at the 汇总会 each gets its handling here. The 问题汇总表 downloads as XLSX or CSV
//! and prints.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::stationed::register::{problems, register, ProblemRef, ProblemSource};
use crate::domain::stationed::scenes::edition_2024;
use crate::domain::stationed::sheet::SceneSheet;
use crate::route::Route;
use crate::state::media::Owner;
use crate::state::work::use_work;
use crate::ui::components::basis_line::BasisLine;
use crate::ui::components::media_strip::MediaStrip;
use crate::ui::components::problem_handling::ProblemHandlingEditor;
use crate::ui::components::record_page::RecordPage;
use crate::ui::components::stay_downloads::StayRegisterDownloads;

/// What a problem card shows besides its handling (which the editor reads itself).
#[derive(Clone, PartialEq)]
struct Row {
    at: ProblemRef,
    number: usize,
    checked: String,
    basis: String,
    description: String,
    evidence: String,
    found_on: NaiveDate,
}

/// Where a problem's photos are kept.
fn owner_of(at: &ProblemRef) -> Owner {
    match &at.source {
        ProblemSource::Point(point_id) => Owner::StayAnswer {
            sheet_id: at.sheet_id.clone(),
            point_id: point_id.clone(),
        },
        ProblemSource::Complaint(complaint_id) => Owner::Complaint {
            sheet_id: at.sheet_id.clone(),
            complaint_id: complaint_id.clone(),
        },
    }
}

/// An area's scenes and their problems.
type Groups = Vec<(String, Vec<(String, Vec<Row>)>)>;

/// The register page.
#[component]
pub fn StayRegisterPage(id: String) -> impl IntoView {
    let work = use_work();
    let lookup = id.clone();
    let exists = Signal::derive(move || work.stays.with(|all| all.iter().any(|s| s.id == lookup)));
    view! {
        <RecordPage back=Route::Stay(id.clone()) back_label="‹ 返回驻点" missing="未找到该驻点，可能已被删除。" exists=exists>
            <Register id=id.clone() />
        </RecordPage>
    }
}

#[component]
fn Register(id: String) -> impl IntoView {
    let work = use_work();
    let catalog = edition_2024();
    let stay_id = StoredValue::new(id.clone());
    let sheets = Memo::new(move |_| work.sheets_of(&stay_id.get_value()));
    let groups = Memo::new(move |_| {
        sheets.with(|sheets| {
            let refs: Vec<&SceneSheet> = sheets.iter().collect();
            let mut number = 0;
            register(catalog, &refs)
                .into_iter()
                .map(|area| {
                    let targets = area
                        .targets
                        .into_iter()
                        .map(|t| {
                            let rows = t
                                .problems
                                .iter()
                                .map(|p| {
                                    number += 1;
                                    Row {
                                        at: p.at.clone(),
                                        number,
                                        checked: p.checked().to_string(),
                                        basis: p.basis().to_string(),
                                        description: p.description.to_string(),
                                        evidence: p.evidence.to_string(),
                                        found_on: p.found_on,
                                    }
                                })
                                .collect();
                            (t.name.to_string(), rows)
                        })
                        .collect();
                    (area.area.title.clone(), targets)
                })
                .collect::<Groups>()
        })
    });
    let counts = Memo::new(move |_| {
        sheets.with(|sheets| {
            let refs: Vec<&SceneSheet> = sheets.iter().collect();
            let all = problems(catalog, &refs);
            let settled = all.iter().filter(|p| p.is_settled()).count();
            (all.len(), settled)
        })
    });
    let fed_back = move || {
        work.stays
            .get(&stay_id.get_value())
            .is_some_and(|s| s.feedback_on.is_some())
    };
    let editable = Signal::derive(move || !fed_back());
    view! {
        <h1 class="no-print">"问题汇总与处理"</h1>
        <p class="no-print" data-testid="register-counts">
            {move || {
                let (total, settled) = counts.get();
                if total == 0 {
                    "尚未发现问题。".to_string()
                } else if settled == total {
                    format!("共{total}个问题，已全部确定处理方式。")
                } else {
                    format!("共{total}个问题，已确定处理方式{settled}个，待定{}个。", total - settled)
                }
            }}
        </p>
        <StayRegisterDownloads stay_id=id.clone() />
        {move || groups.get().into_iter().map(|(area, targets)| view! {
            <section class="section register-area no-print" data-testid="register-area">
                <h2>{area}</h2>
                {targets.into_iter().map(|(name, rows)| view! {
                    <h3 class="sub-item">{name}</h3>
                    <ol class="problems">
                        {rows.into_iter().map(|row| view! {
                            <li class="problem" data-testid="problem" value=row.number.to_string()>
                                <p class="point-text">{row.checked}</p>
                                <p><strong>"问题：" </strong>{row.description}</p>
                                {(!row.evidence.is_empty()).then(|| view! { <p><strong>"证据：" </strong>{row.evidence.clone()}</p> })}
                                {(!row.basis.is_empty()).then(|| view! { <BasisLine basis=row.basis.clone() /> })}
                                <p class="muted small">{format!("发现日期：{}", row.found_on)}</p>
                                <MediaStrip owner=owner_of(&row.at) recorder=Signal::derive(|| None) editable=editable />
                                <ProblemHandlingEditor at=row.at editable=editable />
                            </li>
                        }).collect_view()}
                    </ol>
                }).collect_view()}
            </section>
        }).collect_view()}
    }
}
