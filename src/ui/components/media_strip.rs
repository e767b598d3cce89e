//! The evidence of a finding (or an inspection, a 驻点 problem, a complaint): thumbnails of its
//! photos and videos, 拍照 with the tablet camera or 选择文件 from the gallery (several at
//! once), and a full-screen viewer with swipe and delete. Each photo is downscaled and
//! re-encoded before it is stored; its SHA-256 is shown so a later change can be detected.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::media_viewer::MediaViewer;
use crate::browser;
use crate::browser::media::{object_url, prepare, revoke};
use crate::domain::media::{has_photo, limits_note, short_fingerprint, MediaKind, MediaRef};
use crate::domain::storage_budget::Room;
use crate::state::autosave::use_autosave;
use crate::state::media::{attach, Owner};
use crate::state::work::use_work;

/// The strip of one owner's media.
#[component]
pub fn MediaStrip(
    owner: Owner,
    /// The officer named on additions (记录人), if chosen.
    recorder: Signal<Option<String>>,
    /// False once the record is locked (completed, fed back).
    editable: Signal<bool>,
    /// The catalog asks for a photo of this finding before completion.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let work = use_work();
    let autosave = use_autosave();
    let owner = StoredValue::new(owner);
    let media = Memo::new(move |_| owner.with_value(|o| o.media(work)));
    let busy = RwSignal::new(0usize);
    let problems = RwSignal::new(Vec::<String>::new());
    let viewing = RwSignal::new(None::<usize>);
    let add_files = move |ev: leptos::ev::Event| {
        let Some(input) = browser::file_input_of(&ev) else {
            return;
        };
        let Some(files) = input.files() else {
            return;
        };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|n| files.get(n)).collect();
        input.set_value("");
        if files.is_empty() {
            return;
        }
        busy.update(|n| *n += files.len());
        problems.set(Vec::new());
        let by = recorder.get_untracked();
        spawn_local(async move {
            let mut ready = Vec::new();
            let mut refused = Vec::new();
            // Decoding and re-encoding happen here, before any transaction opens.
            for file in &files {
                match prepare(file, browser::new_id(), browser::now(), by.clone()).await {
                    Ok(p) => ready.push(p),
                    Err(e) => refused.push(e),
                }
            }
            if !ready.is_empty() {
                // Room is judged before writing: a file that does not fit is refused, not failed.
                let needed: f64 = ready.iter().map(|p| p.media.bytes as f64).sum();
                let (usage, quota) = browser::storage_estimate().await;
                let room = Room::judge(usage, quota, needed);
                match room {
                    Room::Insufficient { .. } => refused.extend(room.message()),
                    _ => {
                        if let Err(e) = attach(work, autosave, &owner.get_value(), ready).await {
                            refused.push(format!("照片未保存：{e}"));
                        }
                        refused.extend(room.message());
                    }
                }
            }
            busy.update(|n| *n = n.saturating_sub(files.len()));
            problems.set(refused);
        });
    };
    view! {
        <div class="media-strip" data-testid="media-strip">
            <ul class="thumbs">
                {move || media.get().into_iter().enumerate().map(|(n, m)| view! {
                    <li>
                        <button type="button" class="thumb" data-testid="media-thumb" data-sha256=m.sha256.clone()
                            aria-label=format!("查看{}", m.caption()) on:click=move |_| viewing.set(Some(n))>
                            <Thumb media=m.clone() />
                        </button>
                        <span class="muted small" data-testid="media-hash" title=m.sha256.clone()>{format!("SHA-256 {}", short_fingerprint(&m.sha256))}</span>
                    </li>
                }).collect_view()}
            </ul>
            <Show when=move || required && !has_photo(&media.get())>
                <p class="field-message"><span class="error" data-testid="photo-required">"该项不符合须附照片"</span></p>
            </Show>
            <Show when=move || editable.get()>
                <div class="inline-form">
                    <label class="button">
                        "拍照"
                        <input type="file" class="visually-hidden" data-testid="media-camera" accept="image/*" capture="environment" on:change=add_files />
                    </label>
                    <label class="button">
                        "选择照片或录像"
                        <input type="file" class="visually-hidden" data-testid="media-file" accept="image/*,video/*" multiple on:change=add_files />
                    </label>
                    <span class="muted small">{limits_note()}</span>
                    <Show when=move || { busy.get() > 0 }>
                        <span class="muted" data-testid="media-busy">"正在处理照片…"</span>
                    </Show>
                </div>
            </Show>
            <Show when=move || problems.with(|p| !p.is_empty())>
                <ul class="field-message" role="alert" data-testid="media-problems">
                    {move || problems.get().into_iter().map(|p| view! { <li class="error">{p}</li> }).collect_view()}
                </ul>
            </Show>
            {move || viewing.get().map(|start| view! {
                <MediaViewer owner=owner.get_value() start=start editable=editable on_close=Callback::new(move |_| viewing.set(None)) />
            })}
        </div>
    }
}

/// One stored file shown small: its bytes read from the database into a blob: URL, freed
/// when the thumbnail goes away.
#[component]
pub fn Thumb(media: MediaRef) -> impl IntoView {
    let url = StoredMedia::load(&media);
    let kind = media.kind;
    move || match url.get() {
        Some(Some(url)) if kind == MediaKind::Video => {
            view! { <video src=url muted preload="metadata"></video> }.into_any()
        }
        Some(Some(url)) => view! { <img src=url alt="" /> }.into_any(),
        Some(None) => view! { <span class="thumb-missing">"文件不在本机"</span> }.into_any(),
        None => view! { <span class="thumb-loading">"…"</span> }.into_any(),
    }
}

/// A stored file's blob: URL, loaded once and revoked on cleanup.
pub struct StoredMedia;

impl StoredMedia {
    /// `None` while loading, `Some(None)` when the bytes are not on this device.
    pub fn load(media: &MediaRef) -> RwSignal<Option<Option<String>>> {
        let autosave = use_autosave();
        let url = RwSignal::new(None::<Option<String>>);
        let id = media.id.clone();
        spawn_local(async move {
            let blob = match autosave.database() {
                Some(db) => db.media_blob(&id).await.ok().flatten(),
                None => None,
            };
            let shown = blob.as_ref().and_then(object_url);
            if url.try_set(Some(shown.clone())).is_some() {
                // The thumbnail is gone already: free the URL at once.
                if let Some(u) = shown {
                    revoke(&u);
                }
            }
        });
        on_cleanup(move || {
            if let Some(Some(Some(u))) = url.try_get_untracked() {
                revoke(&u);
            }
        });
        url
    }
}
