//! 导入名录: the institution roster or the city platform's double-random list (双随机名单) from a
//! CSV (UTF-8 or GBK) or XLSX file. The columns are matched to fields (guessed, changeable),
//! every row is checked and shown with what it would do and what is wrong (row, column,
//! reason), and nothing is written until the user confirms; the imported units can become a
//! plan's objects at once.

use crate::ui::components::outcome_alert::OutcomeAlert;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::roster_import::{
    guess_mapping, mapping_problems, plan_import, read_table, Field, Outcome, RosterImport,
    SourceTable, IGNORE_LABEL,
};
use crate::route::Route;
use crate::state::autosave::use_autosave;
use crate::state::roster::use_roster;
use crate::state::roster_import::write_import;
use crate::state::work::use_work;

/// Rows shown in the preview table.
const PREVIEW_ROWS: usize = 100;

/// The import page.
#[component]
pub fn RosterImportPage() -> impl IntoView {
    let (roster, work, autosave) = (use_roster(), use_work(), use_autosave());
    let table = RwSignal::new(None::<(String, SourceTable)>);
    let mapping = RwSignal::new(Vec::<Option<Field>>::new());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let target_plan = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = browser::file_input_of(&ev) else {
            return;
        };
        outcome.set(None);
        table.set(None);
        spawn_local(async move {
            let read = browser::read_chosen_file(
                &input,
                crate::domain::chosen_file::MAX_ROSTER_FILE_BYTES,
            )
            .await;
            input.set_value("");
            match read {
                Ok(Some((name, bytes))) => match read_table(&name, &bytes) {
                    Ok(source) => {
                        mapping.set(guess_mapping(&source.header));
                        table.set(Some((name, source)));
                    }
                    Err(problem) => outcome.set(Some(Err(format!(
                        "无法读取“{name}”：{}",
                        problem.message()
                    )))),
                },
                Ok(None) => {}
                Err(message) => outcome.set(Some(Err(message))),
            }
        });
    };
    // Recomputed whenever the mapping or the roster changes; ids are only used if confirmed.
    let plan = Memo::new(move |_| {
        let (_, source) = table.get()?;
        let mapping = mapping.get();
        Some(roster.institutions.with(|existing| {
            plan_import(&source, &mapping, existing, browser::new_id, browser::now())
        }))
    });
    let writing = RwSignal::new(false);
    let confirm = move |_| {
        if writing.get_untracked() {
            return;
        }
        let Some(import) = plan.get_untracked() else {
            return;
        };
        let plan_id = Some(target_plan.get_untracked()).filter(|id| !id.is_empty());
        writing.set(true);
        outcome.set(None);
        spawn_local(async move {
            let written = write_import(roster, work, autosave, &import, plan_id.as_deref()).await;
            if written.is_ok() {
                table.set(None);
            }
            outcome.set(Some(written));
            writing.set(false);
        });
    };
    view! {
        <p><a href=Route::Institutions.href()>"‹ 返回监督对象列表"</a></p>
        <h1>"导入名录"</h1>
        <p class="muted">
            "从市执法平台导出的双随机名单或机构名录（CSV 或 XLSX；CSV 可为 UTF-8 或 Excel 默认的 GBK 编码）导入监督对象。导入前会逐行检查并显示结果，确认后才写入；已有的单位按统一社会信用代码（登记号）或名称加地址识别并更新，文件中空白的内容不会清除已有信息。"
        </p>
        <label class="file-pick">
            <span class="button">"选择文件…"</span>
            <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                data-testid="roster-file" on:change=on_file />
        </label>
        {move || writing.get().then(|| view! { <p class="notice" role="status" data-testid="roster-writing">"正在写入…"</p> })}
        <OutcomeAlert outcome=outcome testid="roster" />
        {move || table.get().map(|(name, source)| view! {
            <MappingTable name=name source=source mapping=mapping />
        })}
        {move || plan.get().map(|import| view! {
            <ImportSummary import=import />
            <div class="actions">
                <select data-testid="roster-plan" aria-label="导入后加入任务" on:change=move |ev| target_plan.set(event_target_value(&ev))>
                    <option value="">"只导入名录，不加入任务"</option>
                    {work.plans.with(|all| all.iter().map(|p| view! { <option value=p.id.clone()>{format!("导入后加入任务：{}", p.name)}</option> }).collect_view())}
                </select>
                <button class="primary" data-testid="roster-confirm"
                    disabled=move || writing.get() || table.with(|t| t.as_ref().is_some_and(|(_, s)| !mapping_problems(&s.header, &mapping.get()).is_empty()))
                    on:click=confirm>"确认导入"</button>
                <button on:click=move |_| table.set(None)>"取消"</button>
            </div>
        })}
    }
}

/// The file's columns with sample values, each matched to a field.
#[component]
fn MappingTable(
    name: String,
    source: SourceTable,
    mapping: RwSignal<Vec<Option<Field>>>,
) -> impl IntoView {
    let about = format!(
        "“{name}”：{}{}第{}行为表头，{} 行数据",
        source
            .encoding
            .map(|e| format!("{}编码，", e.label()))
            .unwrap_or_default(),
        source
            .sheet
            .as_ref()
            .map(|s| format!("工作表“{s}”，"))
            .unwrap_or_default(),
        source.header_row,
        source.rows.len()
    );
    let header = source.header.clone();
    let problems = move || mapping_problems(&header, &mapping.get());
    view! {
        <h2>"列与字段"</h2>
        <p data-testid="roster-about">{about}</p>
        <div class="table-frame">
            <table class="result plain mapping" data-testid="roster-mapping">
                <thead><tr><th>"文件中的列"</th><th>"前几行内容"</th><th>"导入为"</th></tr></thead>
                <tbody>
                    {source
                        .header
                        .iter()
                        .enumerate()
                        .map(|(column, title)| {
                            let samples: Vec<&str> = source.rows.iter().take(3).map(|r| r.cell(column)).collect();
                            view! {
                                <tr>
                                    <th scope="row">{title.clone()}</th>
                                    <td class="samples">{samples.join(" / ")}</td>
                                    <td>
                                        <select data-testid="roster-column" aria-label=format!("“{title}”导入为") on:change=move |ev| {
                                            let field = Field::from_code(&event_target_value(&ev));
                                            mapping.update(|m| {
                                                if let Some(slot) = m.get_mut(column) {
                                                    *slot = field;
                                                }
                                            });
                                        }>
                                            <option value="" selected=move || mapping.with(|m| m.get(column).copied().flatten().is_none())>{IGNORE_LABEL}</option>
                                            {Field::ALL.iter().map(|&f| view! {
                                                <option value=f.code() selected=move || mapping.with(|m| m.get(column).copied().flatten() == Some(f))>{f.label()}</option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <ul class="problems" data-testid="roster-mapping-problems">
            {move || problems().into_iter().map(|p| view! { <li class="error">{p}</li> }).collect_view()}
        </ul>
    }
}

/// What the import would do, and every problem found.
#[component]
fn ImportSummary(import: RosterImport) -> impl IntoView {
    let s = import.summary();
    let counts = format!(
        "新增 {}，更新 {}，无变化 {}，文件内重复已合并 {}，不能导入 {}，空行跳过 {}",
        s.new, s.updated, s.unchanged, s.duplicates, s.refused, s.skipped
    );
    let problems: Vec<(bool, String)> = import
        .problems()
        .map(|p| (p.is_blocking(), p.text()))
        .collect();
    let shown_rows: Vec<(usize, String, &'static str)> = import
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| {
            let what = match r.outcome {
                Outcome::New => "新增",
                Outcome::Update { .. } => "更新",
                Outcome::Unchanged { .. } => "无变化",
                Outcome::Duplicate { .. } => "重复，已合并",
                Outcome::Refused => "不能导入",
            };
            (r.row, r.institution.display_name().to_string(), what)
        })
        .collect();
    view! {
        <h2>"检查结果"</h2>
        <p data-testid="roster-summary">{counts}</p>
        {(!problems.is_empty()).then(|| view! {
            <ul class="problems" data-testid="roster-problems">
                {problems.into_iter().map(|(blocking, text)| {
                    let class = if blocking { "error" } else { "warn-text" };
                    view! { <li class=class>{text}</li> }
                }).collect_view()}
            </ul>
        })}
        <div class="table-frame">
            <table class="result plain" data-testid="roster-rows">
                <thead><tr><th>"行"</th><th>"单位"</th><th>"结果"</th></tr></thead>
                <tbody>
                    {shown_rows.into_iter().map(|(row, name, what)| view! {
                        <tr><td>{row}</td><th scope="row">{name}</th><td>{what}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
