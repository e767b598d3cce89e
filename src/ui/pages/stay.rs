//! One 驻点监督 stay: the hospital, the dates (1–3 weeks, warned outside), the temporary office,
//! the group, the coverage board with every scene, and the end of the stay: the 汇总会 that
//! settles each problem's handling, and the 反馈 to the hospital.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser;
use crate::domain::labelled::Labelled;
use crate::domain::stationed::stay::Stay;
use crate::route::Route;
use crate::state::roster::use_roster;
use crate::state::work::use_work;
use crate::ui::components::confirm_button::ConfirmButton;
use crate::ui::components::coverage_board::CoverageBoard;
use crate::ui::components::field::TextField;
use crate::ui::components::record_page::RecordPage;
use crate::ui::components::stay_group::StayGroupEditor;

/// The stay page.
#[component]
pub fn StayPage(id: String) -> impl IntoView {
    let work = use_work();
    let lookup = id.clone();
    let exists = Signal::derive(move || work.stays.with(|all| all.iter().any(|s| s.id == lookup)));
    let back = work
        .stays
        .get(&id)
        .map_or(Route::Plans, |s| Route::Plan(s.plan_id));
    view! {
        <RecordPage back=back back_label="‹ 返回任务" missing="未找到该驻点，可能已被删除。" exists=exists>
            <StayForm id=id.clone() />
        </RecordPage>
    }
}

/// A date input bound to one of the stay's dates.
fn date_field(
    label: &'static str,
    testid: &'static str,
    value: Signal<Option<NaiveDate>>,
    set: impl Fn(Option<NaiveDate>) + Copy + 'static,
) -> impl IntoView {
    let id = format!("field-{testid}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="date"
                data-testid=testid
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| set(NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok())
            />
        </div>
    }
}

#[component]
fn StayForm(id: String) -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let stay_id = StoredValue::new(id.clone());
    let stay = Memo::new(move |_| work.stays.get(&stay_id.get_value()));
    let edit = move |f: Box<dyn FnOnce(&mut Stay)>| work.stays.edit(&stay_id.get_value(), f);
    let read = move |f: fn(&Stay) -> Option<NaiveDate>| {
        Signal::derive(move || stay.with(|s| s.as_ref().and_then(f)))
    };
    let fed_back = move || stay.with(|s| s.as_ref().is_some_and(|s| s.feedback_on.is_some()));
    let editable = Signal::derive(move || !fed_back());
    let hospital = move || {
        stay.with(|s| {
            s.as_ref()
                .and_then(|s| roster.institutions.get(&s.institution_id))
        })
        .map(|i| i.display_name().to_string())
        .unwrap_or_else(|| "（医院已删除）".into())
    };
    let plan = move || stay.with(|s| s.as_ref().and_then(|s| work.plans.get(&s.plan_id)));
    let problems = move || stay.with(|s| s.as_ref().map(|s| s.problems()).unwrap_or_default());
    let phase = move || {
        stay.with(|s| {
            s.as_ref()
                .map(|s| s.phase(browser::today()).label())
                .unwrap_or_default()
        })
    };
    let has_sheets = move || {
        work.scene_sheets
            .with(|all| all.iter().any(|s| s.stay_id == stay_id.get_value()))
    };
    view! {
        <h1 data-testid="stay-title">{hospital} " 驻点监督"</h1>
        <p class="muted">
            {move || plan().map(|p| view! { <a href=Route::Plan(p.id.clone()).href()>{format!("任务：{}", p.name)}</a> })}
            " · " <span data-testid="stay-phase">{phase}</span>
        </p>
        <fieldset class="plain" prop:disabled=move || !editable.get()>
            <form class="form" on:submit=|ev| ev.prevent_default()>
                {date_field("驻点开始日期", "stay-start", read(|s| s.start), move |d| edit(Box::new(move |s| s.start = d)))}
                {date_field("驻点结束日期", "stay-end", read(|s| s.end), move |d| edit(Box::new(move |s| s.end = d)))}
                <TextField
                    label="临时办公室"
                    name="stay-office"
                    value=Signal::derive(move || stay.with(|s| s.as_ref().map(|s| s.office.clone()).unwrap_or_default()))
                    on_input=Callback::new(move |value: String| edit(Box::new(move |s| s.office = value)))
                />
            </form>
        </fieldset>
        <ul class="stay-problems" data-testid="stay-problems">
            {move || problems().into_iter().map(|p| {
                let class = if p.is_warning() { "warn" } else { "error" };
                view! { <li class=class>{p.message()}</li> }
            }).collect_view()}
        </ul>
        <StayGroupEditor stay_id=id.clone() editable=editable />
        <h2>"场景进度"</h2>
        <CoverageBoard stay_id=id.clone() />
        <h2>"汇总与反馈"</h2>
        <p class="muted">"现场检查结束后召开驻点工作总结会议（汇总会），对发现的问题分类汇总，逐项确定处理意见，再向院方全面反馈。"</p>
        <p class="actions">
            <a class="button" data-testid="open-register" href=Route::StayRegister(id.clone()).href()>"问题汇总与处理"</a>
            <a class="button" data-testid="open-feedback" href=Route::StayFeedback(id.clone()).href()>"反馈意见"</a>
            <a class="button" data-testid="open-advice" href=Route::StayAdvice(id.clone()).href()>"监督建议书"</a>
        </p>
        <form class="form" on:submit=|ev| ev.prevent_default()>
            {date_field("汇总会日期", "stay-meeting", read(|s| s.summary_meeting), move |d| edit(Box::new(move |s| s.summary_meeting = d)))}
            {date_field("反馈日期（反馈后驻点结束，记录不再修改）", "stay-feedback-on", read(|s| s.feedback_on), move |d| edit(Box::new(move |s| s.feedback_on = d)))}
        </form>
        <Show when=move || !has_sheets()>
            <ConfirmButton
                label="删除驻点"
                question=Signal::derive(|| "确定删除该驻点？此操作不可撤销。".to_string())
                on_confirm=Callback::new(move |_| {
                    let back = stay.get_untracked().map_or(Route::Plans, |s| Route::Plan(s.plan_id));
                    work.stays.delete(&stay_id.get_value());
                    browser::go_to(&back);
                })
            />
        </Show>
    }
}
