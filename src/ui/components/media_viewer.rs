//! A full-screen view of one owner's media: swipe (or 上一张/下一张) through them, read each
//! one's capture time and SHA-256, and delete one after confirming.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::confirm_button::ConfirmButton;
use super::media_strip::StoredMedia;
use crate::domain::media::MediaKind;
use crate::state::autosave::use_autosave;
use crate::state::media::{remove, Owner};
use crate::state::work::use_work;

/// The least horizontal travel of a finger that counts as a swipe, in CSS pixels.
const SWIPE_PX: i32 = 50;

/// The viewer, opened at the `start`th file.
#[component]
pub fn MediaViewer(
    owner: Owner,
    start: usize,
    editable: Signal<bool>,
    on_close: Callback<()>,
) -> impl IntoView {
    let work = use_work();
    let autosave = use_autosave();
    let owner = StoredValue::new(owner);
    let media = Memo::new(move |_| owner.with_value(|o| o.media(work)));
    let index = RwSignal::new(start);
    let error = RwSignal::new(None::<String>);
    let current = move || {
        let list = media.get();
        let n = index.get().min(list.len().saturating_sub(1));
        list.get(n).cloned()
    };
    let step = move |delta: isize| {
        let len = media.with(Vec::len) as isize;
        if len > 0 {
            index.update(|i| *i = ((*i as isize + delta).rem_euclid(len)) as usize);
        }
    };
    let down_x = StoredValue::new(None::<i32>);
    let delete = move |_| {
        let Some(m) = current() else {
            return;
        };
        spawn_local(async move {
            match remove(work, autosave, &owner.get_value(), m).await {
                Ok(()) if media.with_untracked(Vec::is_empty) => on_close.run(()),
                Ok(()) => index.update(|i| *i = i.saturating_sub(1)),
                Err(e) => error.set(Some(format!("删除失败：{e}"))),
            }
        });
    };
    view! {
        <div class="media-viewer" role="dialog" aria-label="查看照片" data-testid="media-viewer"
            on:pointerdown=move |ev| down_x.set_value(Some(ev.client_x()))
            on:pointerup=move |ev| {
                if let Some(x) = down_x.get_value() {
                    let dx = ev.client_x() - x;
                    if dx <= -SWIPE_PX { step(1) } else if dx >= SWIPE_PX { step(-1) }
                }
                down_x.set_value(None);
            }
        >
            <div class="viewer-bar">
                <span data-testid="viewer-position">{move || format!("{}/{}", index.get().min(media.with(Vec::len).saturating_sub(1)) + 1, media.with(Vec::len))}</span>
                <button type="button" on:click=move |_| step(-1)>"上一张"</button>
                <button type="button" on:click=move |_| step(1)>"下一张"</button>
                <button type="button" class="primary" data-testid="viewer-close" on:click=move |_| on_close.run(())>"关闭"</button>
            </div>
            {move || current().map(|m| {
                let url = StoredMedia::load(&m);
                let kind = m.kind;
                let facts = format!(
                    "{}{}",
                    m.caption(),
                    if m.file_name.is_empty() { String::new() } else { format!(" · {}", m.file_name) }
                );
                view! {
                    <figure class="viewer-figure">
                        {move || match url.get() {
                            Some(Some(u)) if kind == MediaKind::Video => view! { <video src=u controls></video> }.into_any(),
                            Some(Some(u)) => view! { <img src=u alt=facts.clone() data-testid="viewer-image" /> }.into_any(),
                            Some(None) => view! { <p class="thumb-missing">"此文件不在本机（可能来自未附带照片的导入文件）"</p> }.into_any(),
                            None => view! { <p>"…"</p> }.into_any(),
                        }}
                        <figcaption>
                            <p>{m.caption()}</p>
                            <p class="hash" data-testid="viewer-hash">{format!("SHA-256：{}", m.sha256)}</p>
                        </figcaption>
                    </figure>
                }
            })}
            <Show when=move || editable.get()>
                <ConfirmButton label="删除" question=Signal::derive(|| "确定删除这张照片？删除后不可恢复。".to_string())
                    on_confirm=Callback::new(delete) />
            </Show>
            {move || error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
        </div>
    }
}
