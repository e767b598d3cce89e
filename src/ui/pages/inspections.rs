//! 检查: every inspection on this device, newest first, with its status and counts.

use leptos::prelude::*;

use crate::domain::catalog::edition_2022;
use crate::domain::labelled::Labelled;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::link_rows::{LinkRow, LinkRows};

/// The inspections page.
#[component]
pub fn InspectionsPage() -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let rows = Memo::new(move |_| {
        let mut rows: Vec<(String, String, String, String)> = work.inspections.with(|all| {
            all.iter()
                .map(|inspection| {
                    let institution = roster.institutions.get(&inspection.institution_id);
                    let name = institution
                        .as_ref()
                        .map(|i| i.display_name().to_string())
                        .unwrap_or_else(|| "（监督对象已删除）".into());
                    let plan = work
                        .plans
                        .get(&inspection.plan_id)
                        .map(|p| p.name)
                        .unwrap_or_default();
                    let counts = institution
                        .and_then(|i| Some((i.kind?, i.services)))
                        .and_then(|(kind, services)| {
                            let checklist = edition_2022().checklist_for(kind, &services)?;
                            Some(inspection.counts(checklist.points().map(|p| p.id.as_str())))
                        })
                        .map(|c| {
                            format!("{}/{} 已查，{} 不符合", c.checked, c.total, c.non_compliant)
                        })
                        .unwrap_or_default();
                    let date = inspection.date.map(|d| d.to_string()).unwrap_or_default();
                    (
                        inspection.id.clone(),
                        name,
                        format!("{date} · {plan} · {} · {counts}", inspection.status.label()),
                        date,
                    )
                })
                .collect()
        });
        rows.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.1.cmp(&b.1)));
        rows
    });
    view! {
        <h1>"检查"</h1>
        <Show when=move || work.inspections.with(Vec::is_empty)>
            <div class="notice">
                "还没有检查记录。在" <a href=Route::Plans.href()>"任务"</a> "中选择检查对象后点“开始检查”。"
            </div>
        </Show>
        <LinkRows
            rows=Signal::derive(move || {
                rows.get()
                    .into_iter()
                    .map(|(id, title, meta, ..)| LinkRow { href: Route::Inspection(id).href(), title, meta })
                    .collect::<Vec<_>>()
            })
            list_testid="inspection-list"
            row_testid="inspection-row"
        />
    }
}
