//! 首页: what is on this device and where to go next.

use leptos::prelude::*;

use crate::domain::storage_budget::Room;
use crate::state::autosave::use_autosave;
use crate::state::roster::use_roster;
use crate::state::sample::load_sample;
use crate::state::storage_status::use_storage_status;
use crate::state::work::use_work;
use crate::storage::preferences;
use crate::ui::components::outcome_alert::OutcomeAlert;
use crate::ui::components::overdue_rectifications::OverdueRectifications;
use crate::ui::components::stays_under_way::StaysUnderWay;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let roster = use_roster();
    let work = use_work();
    let autosave = use_autosave();
    let storage = use_storage_status();
    // The first-open offer: shown while the device holds nothing and it was not answered.
    let answered = RwSignal::new(preferences::welcome_dismissed());
    let empty = move || {
        roster.institutions.with(Vec::is_empty)
            && roster.inspectors.with(Vec::is_empty)
            && work.plans.with(Vec::is_empty)
    };
    let writing = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    // The offer is answered once the sample is on disk; a failed write offers it again.
    let load = move |_| {
        if writing.get_untracked() {
            return;
        }
        writing.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let done = load_sample(roster, work, autosave).await;
            if done.is_ok() {
                preferences::dismiss_welcome();
                answered.set(true);
            }
            outcome.set(Some(done));
            writing.set(false);
        });
    };
    let start_empty = move |_| {
        preferences::dismiss_welcome();
        answered.set(true);
    };
    let institutions = move || roster.institutions.with(Vec::len);
    let inspectors = move || roster.inspectors.with(Vec::len);
    view! {
        <h1>"卫生监督检查"</h1>
        <p class="lead">"供卫生监督员离线开展双随机抽查、“回头看”和驻点监督，数据只保存在本设备。"</p>
        <Show when=move || writing.get() || (empty() && !answered.get())>
            <div class="notice welcome" data-testid="welcome">
                <p><strong>"欢迎使用。"</strong> "可以先载入一套虚构的示例数据（各类机构、执法人员、2022年双随机和回头看任务、已填写的检查表和处理，以及一次已结束和一次进行中的驻点监督），熟悉后在“数据”页删除；也可以直接从空白开始。"</p>
                <div class="actions">
                    <button class="primary" data-testid="load-sample" disabled=move || writing.get() on:click=load>"载入示例数据"</button>
                    <button data-testid="start-empty" disabled=move || writing.get() on:click=start_empty>"从空白开始"</button>
                </div>
            </div>
        </Show>
        {move || writing.get().then(|| view! { <p class="notice" role="status" data-testid="sample-writing">"正在写入…"</p> })}
        <OutcomeAlert outcome=outcome testid="sample" />
        {move || storage
            .report
            .get()
            .and_then(|r| Room::judge(r.usage_bytes, r.quota_bytes, 0.0).message())
            .map(|m| view! { <div class="alert alert-warn" role="status" data-testid="storage-low">{m}</div> })}
        <OverdueRectifications />
        <StaysUnderWay />
        <div class="cards">
            <a class="card" href="#/institutions">
                <span class="card-title">"监督对象"</span>
                <span class="card-figure" data-testid="home-institution-count">{institutions}</span>
                <span>"家"</span>
            </a>
            <a class="card" href="#/plans">
                <span class="card-title">"任务"</span>
                <span class="card-figure" data-testid="home-plan-count">{move || work.plans.with(Vec::len)}</span>
                <span>"项"</span>
            </a>
            <a class="card" href="#/inspections">
                <span class="card-title">"检查"</span>
                <span class="card-figure" data-testid="home-inspection-count">{move || work.inspections.with(Vec::len)}</span>
                <span>"次"</span>
            </a>
            <a class="card" href="#/inspectors">
                <span class="card-title">"执法人员"</span>
                <span class="card-figure" data-testid="home-inspector-count">{inspectors}</span>
                <span>"人"</span>
            </a>
        </div>
    }
}
