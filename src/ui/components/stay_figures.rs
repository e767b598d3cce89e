//! The figures of a year's 驻点监督 for the yearly work summary: stays done, scenes covered,
//! problems by content area and by handling, rectifications verified.

use leptos::prelude::*;

use super::print_button::PrintButton;
use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::figures::{year_figures, UNHANDLED};
use crate::domain::stationed::scenes::edition_2024;
use crate::domain::stationed::sheet::SceneSheet;
use crate::domain::stationed::stay::Stay;
use crate::state::work::use_work;

/// The figures of `year`, over every stay on the device.
#[component]
pub fn StayFigures(#[prop(into)] year: Signal<i32>) -> impl IntoView {
    let work = use_work();
    let figures = move || {
        let stays = work.stays.with(Clone::clone);
        let sheets = work.scene_sheets.with(Clone::clone);
        let stay_refs: Vec<&Stay> = stays.iter().collect();
        let sheet_refs: Vec<&SceneSheet> = sheets.iter().collect();
        let f = year_figures(
            edition_2024(),
            year.get(),
            &stay_refs,
            &sheet_refs,
            browser::today(),
        );
        let line = |label: &str, value: String| view! { <tr><th scope="row">{label.to_string()}</th><td>{value}</td></tr> };
        let by_area = f
            .problems_by_area
            .iter()
            .map(|(area, n)| line(&area.title, n.to_string()))
            .collect_view();
        let by_handling = f
            .problems_by_handling
            .iter()
            .map(|(kind, n)| line(kind.label(), n.to_string()))
            .collect_view();
        view! {
            <h2>{format!("{}年驻点监督工作情况", f.year)}</h2>
            <table class="result" data-testid="stay-figures">
                <tbody>
                    {line("完成驻点（已反馈）", format!("{}家", f.stays_done))}
                    {line("驻点进行中", format!("{}家", f.stays_in_progress))}
                    {line("覆盖医院", format!("{}家", f.hospitals_covered))}
                    {line("完成检查的场景", format!("{}个（合理缺项{}个）", f.scenes_done, f.scenes_not_applicable))}
                    {line("发现问题", format!("{}个", f.problems))}
                </tbody>
            </table>
            <h3>"问题按监督内容"</h3>
            <table class="result" data-testid="stay-figures-areas"><tbody>{by_area}</tbody></table>
            <h3>"问题按处理方式"</h3>
            <table class="result" data-testid="stay-figures-handling">
                <tbody>
                    {by_handling}
                    {line(UNHANDLED, f.unhandled.to_string())}
                </tbody>
            </table>
            <h3>"整改与核查"</h3>
            <table class="result" data-testid="stay-figures-rechecks">
                <tbody>
                    {line("立案查处（含逾期未改正转立案）", f.cases.to_string())}
                    {line("复查已改正", f.corrected.to_string())}
                    {line("逾期未改正", f.not_corrected.to_string())}
                    {line("逾期未复查", f.overdue.to_string())}
                    {line("核查社会反映问题", format!("{}条（属实{}条，部分属实{}条）", f.complaints_verified, f.complaints_confirmed, f.complaints_partly_confirmed))}
                </tbody>
            </table>
        }
    };
    view! {
        {figures}
        <p class="muted">"统计当年已反馈的驻点；进行中的驻点只计数，其问题在汇总会后计入。逾期按今天计算。"</p>
        <div class="actions no-print">
            <PrintButton label="打印" testid="print-figures" />
        </div>
    }
}
