//! 首页: what is on this device and where to go next.

use leptos::prelude::*;

use crate::state::roster::use_roster;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let roster = use_roster();
    let institutions = move || roster.institutions.with(Vec::len);
    let inspectors = move || roster.inspectors.with(Vec::len);
    view! {
        <h1>"卫生监督检查"</h1>
        <p class="lead">"供卫生监督员离线开展双随机抽查、“回头看”和驻点监督，数据只保存在本设备。"</p>
        <div class="cards">
            <a class="card" href="#/institutions">
                <span class="card-title">"监督对象"</span>
                <span class="card-figure" data-testid="home-institution-count">{institutions}</span>
                <span>"家"</span>
            </a>
            <a class="card" href="#/inspectors">
                <span class="card-title">"执法人员"</span>
                <span class="card-figure" data-testid="home-inspector-count">{inspectors}</span>
                <span>"人"</span>
            </a>
        </div>
        <p class="muted">"“回头看”（附表3）和驻点监督尚在建设中，相应页面会明确标注。"</p>
    }
}
