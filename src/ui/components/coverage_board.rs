//! The coverage board of a stay: scenes × content areas at a glance (未开始 / 进行中 / 已完成 /
//! 合理缺项 with checked points and problem counts), what is left, and the work of each day, so
//! the 组长 sees what remains before the stay ends. Each scene opens its 现场监督表.

use leptos::prelude::*;

use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::coverage::{coverage, Cell};
use crate::domain::stationed::scenes::edition_2024;
use crate::domain::stationed::sheet::SceneSheet;
use crate::route::Route;
use crate::state::work::use_work;

fn cell_view(cell: Option<Cell>) -> AnyView {
    match cell {
        None => view! { <td class="cell-none"></td> }.into_any(),
        Some(c) => {
            let problems = (c.problems > 0).then(
                || view! { <span class="cell-problems">{format!("问题{}", c.problems)}</span> },
            );
            view! {
                <td class=format!("cell cell-{}", c.state.code()) title=c.state.label()>
                    <span class="cell-state">{c.state.label()}</span>
                    <span class="cell-count">{format!("{}/{}", c.checked, c.total)}</span>
                    {problems}
                </td>
            }
            .into_any()
        }
    }
}

/// The board of one stay.
#[component]
pub fn CoverageBoard(stay_id: String) -> impl IntoView {
    let work = use_work();
    let catalog = edition_2024();
    let stay_id = StoredValue::new(stay_id);
    let board = move || {
        let stay = work.stays.get(&stay_id.get_value())?;
        // Days still ahead are left out until something is recorded on them.
        let today = browser::today();
        let sheets = work.sheets_of(&stay.id);
        let refs: Vec<&SceneSheet> = sheets.iter().collect();
        let board = coverage(catalog, &stay, &refs);
        let name_of = |target: &str| {
            catalog
                .scene(target)
                .map(|s| s.name.clone())
                .or_else(|| {
                    catalog
                        .lists
                        .iter()
                        .find(|l| l.id == target)
                        .map(|l| l.title.clone())
                })
                .unwrap_or_else(|| target.to_string())
        };
        let s = &board.summary;
        let left: Vec<String> = s.left.iter().map(|t| name_of(t)).collect();
        let summary = format!(
            "已完成{}个，合理缺项{}个，进行中{}个，未开始{}个{}",
            s.done,
            s.not_applicable,
            s.in_progress,
            s.not_started,
            if s.pending_complaints > 0 {
                format!("；社会反映问题{}条待核查", s.pending_complaints)
            } else {
                String::new()
            }
        );
        let head = board
            .columns
            .iter()
            .map(|c| view! { <th scope="col">{c.area.title.clone()}</th> })
            .collect_view();
        let rows = board.rows.iter().map(|row| {
            let href = Route::StaySheet(stay.id.clone(), row.target.to_string()).href();
            let cells = row.cells.iter().map(|c| cell_view(*c)).collect_view();
            view! {
                <tr data-testid="board-row" data-target=row.target.to_string() data-status=row.status.code()>
                    <th scope="row"><a href=href>{row.name.to_string()}</a> <span class="badge">{row.status.label()}</span></th>
                    {cells}
                    <td class="cell-total">{format!("{}/{}", row.checked, row.total)} {(row.problems > 0).then(|| format!(" · 问题{}", row.problems))}</td>
                </tr>
            }
        }).collect_view();
        let complaints = board.complaints.as_ref().map(|c| {
            let href = Route::StaySheet(stay.id.clone(), c.target.to_string()).href();
            let cells = c.problems_by_area.iter().map(|n| view! { <td>{(*n > 0).then(|| format!("问题{n}"))}</td> }).collect_view();
            view! {
                <tr data-testid="board-row" data-target=c.target.to_string() data-status=c.status.code()>
                    <th scope="row"><a href=href>{c.name.to_string()}</a> <span class="badge">{c.status.label()}</span></th>
                    {cells}
                    <td class="cell-total">{format!("{}条，属实{}条", c.complaints, c.problems)}</td>
                </tr>
            }
        });
        let totals = board.columns.iter().map(|c| view! {
            <td>{format!("完成{}/{}", c.done, c.applicable)} {(c.problems > 0).then(|| format!(" · 问题{}", c.problems))}</td>
        }).collect_view();
        let days = board.days.iter().filter(|d| !d.is_empty() || (d.in_stay && d.day <= today)).map(|d| {
            let what = if d.is_empty() {
                "无记录".to_string()
            } else {
                let names: Vec<String> = d.targets.iter().map(|t| name_of(t)).collect();
                format!("{}：检查{}项，发现问题{}个{}", names.join("、"), d.answered, d.problems,
                    if d.complaints > 0 { format!("，社会反映问题{}条", d.complaints) } else { String::new() })
            };
            view! { <li data-testid="board-day"><strong>{d.day.format("%m月%d日").to_string()}</strong> " " {what}</li> }
        }).collect_view();
        Some(view! {
            <p data-testid="board-summary">{summary}</p>
            {(!left.is_empty()).then(|| view! { <p class="muted" data-testid="board-left">{format!("尚未完成：{}", left.join("、"))}</p> })}
            <div class="table-frame">
                <table class="coverage-board" data-testid="coverage-board">
                    <thead><tr><th scope="col">"场景"</th>{head}<th scope="col">"合计"</th></tr></thead>
                    <tbody>{rows}{complaints}</tbody>
                    <tfoot><tr><th scope="row">"合计"</th>{totals}<td></td></tr></tfoot>
                </table>
            </div>
            <h3>"每日工作"</h3>
            <ul class="board-days">{days}</ul>
        })
    };
    view! { {board} }
}
