//! Signing on the screen with a finger or a stylus (pointer events), kept as a PNG with the time
//! it was signed; and the signatures of an inspection: its officers and the inspected party.

use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::media_strip::Thumb;
use crate::browser;
use crate::browser::media::{context_2d, prepare_signature};
use crate::domain::media::Signer;
use crate::domain::signing::{self, SignatureState};
use crate::state::autosave::use_autosave;
use crate::state::media::sign;
use crate::state::roster::use_roster;
use crate::state::signing::{changed_names, record_digest};
use crate::state::work::use_work;

/// The drawing surface in canvas pixels (CSS scales it to the page's width).
const PAD_WIDTH: u32 = 900;
const PAD_HEIGHT: u32 = 300;

/// A pad; `on_done` gets the canvas once the signer confirms.
#[component]
fn SignaturePad(
    on_done: Callback<web_sys::HtmlCanvasElement>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let drawing = StoredValue::new(false);
    let drawn = RwSignal::new(false);
    // Canvas pixels under a pointer event.
    let point = move |ev: &web_sys::PointerEvent| -> Option<(f64, f64)> {
        let c = canvas.get_untracked()?;
        let rect = c.get_bounding_client_rect();
        let x = (f64::from(ev.client_x()) - rect.left()) * f64::from(PAD_WIDTH) / rect.width();
        let y = (f64::from(ev.client_y()) - rect.top()) * f64::from(PAD_HEIGHT) / rect.height();
        Some((x, y))
    };
    let context = move || canvas.get_untracked().and_then(|c| context_2d(&c).ok());
    let clear = move |_| {
        if let Some(ctx) = context() {
            ctx.clear_rect(0.0, 0.0, f64::from(PAD_WIDTH), f64::from(PAD_HEIGHT));
        }
        drawn.set(false);
    };
    view! {
        <div class="signature-pad" data-testid="signature-pad">
            <canvas
                node_ref=canvas
                width=PAD_WIDTH
                height=PAD_HEIGHT
                data-testid="signature-canvas"
                aria-label="在此处签名"
                on:pointerdown=move |ev| {
                    let (Some(ctx), Some((x, y))) = (context(), point(&ev)) else { return };
                    if let Some(c) = canvas.get_untracked() {
                        let _ = c.set_pointer_capture(ev.pointer_id());
                    }
                    ctx.set_line_width(4.0);
                    ctx.set_line_cap("round");
                    ctx.set_line_join("round");
                    ctx.set_stroke_style_str("#111");
                    ctx.begin_path();
                    ctx.move_to(x, y);
                    drawing.set_value(true);
                }
                on:pointermove=move |ev| {
                    if !drawing.get_value() { return }
                    let (Some(ctx), Some((x, y))) = (context(), point(&ev)) else { return };
                    ctx.line_to(x, y);
                    ctx.stroke();
                    drawn.set(true);
                }
                on:pointerup=move |_| drawing.set_value(false)
                on:pointercancel=move |_| drawing.set_value(false)
            ></canvas>
            <div class="actions">
                <button type="button" on:click=clear>"清除"</button>
                <button type="button" on:click=move |_| on_cancel.run(())>"取消"</button>
                <button type="button" class="primary" data-testid="signature-confirm" prop:disabled=move || !drawn.get()
                    on:click=move |_| if let Some(c) = canvas.get_untracked() { on_done.run(c) }>"确认签名"</button>
            </div>
        </div>
    }
}

/// The signatures of an inspection's on-site record.
#[component]
pub fn InspectionSignatures(inspection_id: String) -> impl IntoView {
    let work = use_work();
    let roster = use_roster();
    let autosave = use_autosave();
    let inspection_id = StoredValue::new(inspection_id);
    let inspection = work.inspections.watch(&inspection_id.get_value());
    // The record's digest, computed once per change for every row and the alert.
    let digest = Memo::new(move |_| record_digest(work, roster, &inspection_id.get_value()));
    let signing = RwSignal::new(None::<Signer>);
    let party_name = RwSignal::new(String::new());
    let party_position = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // Who signs: the officers, then the party (named as typed, or as they signed before).
    let signers = move || {
        let Some(i) = inspection.get() else {
            return Vec::new();
        };
        let mut all: Vec<(Signer, String)> = i
            .inspectors
            .iter()
            .map(|a| {
                let name = roster
                    .inspectors
                    .get(&a.inspector_id)
                    .map(|o| format!("执法人员 {}", o.display_name()))
                    .unwrap_or_else(|| "执法人员".into());
                (
                    Signer::Inspector {
                        inspector_id: a.inspector_id.clone(),
                    },
                    name,
                )
            })
            .collect();
        if let Some(party @ Signer::Party { name, position }) = i
            .signatures
            .iter()
            .map(|s| &s.signer)
            .find(|s| matches!(s, Signer::Party { .. }))
        {
            all.push((party.clone(), format!("被检查单位 {name}（{position}）")));
        }
        all
    };
    let signature_of = move |signer: &Signer| {
        inspection.with(|i| {
            i.as_ref()
                .and_then(|i| i.signatures.iter().find(|s| &s.signer == signer).cloned())
        })
    };
    let done = move |canvas: web_sys::HtmlCanvasElement| {
        let Some(signer) = signing.get_untracked() else {
            return;
        };
        let by = crate::storage::preferences::recorder();
        // Bound to the record as it reads when the signer confirms it.
        let Some(digest) = untrack(|| record_digest(work, roster, &inspection_id.get_value()))
        else {
            return error.set(Some("签名未保存：找不到检查记录或被检查单位".into()));
        };
        spawn_local(async move {
            let result =
                match prepare_signature(&canvas, browser::new_id(), browser::now(), by).await {
                    Ok(p) => {
                        sign(
                            work,
                            autosave,
                            &inspection_id.get_value(),
                            signer,
                            p,
                            browser::now(),
                            digest,
                        )
                        .await
                    }
                    Err(e) => Err(e),
                };
            match result {
                Ok(()) => signing.set(None),
                Err(e) => error.set(Some(format!("签名未保存：{e}"))),
            }
        });
    };
    view! {
        <section class="section" data-testid="signatures">
            <h2>"签名"</h2>
            {move || {
                let changed = digest.with(|d| {
                    inspection.with(|i| match (d, i) {
                        (Some(d), Some(i)) => changed_names(i, d, roster),
                        _ => Vec::new(),
                    })
                });
                (!changed.is_empty()).then(|| view! {
                    <p class="alert alert-warn" role="status" data-testid="signatures-changed">
                        {signing::changed_message(&changed)}
                    </p>
                })
            }}
            <ul class="rows">
                {move || signers().into_iter().map(|(signer, label)| {
                    let signed = signature_of(&signer);
                    let again = signer.clone();
                    view! {
                        <li class="row-item" data-testid="signer">
                            <span class="row-title">{label}</span>
                            {signed.map(|s| {
                                let state = digest.with(|d| d.as_ref().and_then(|d| SignatureState::of(&s, d).label()));
                                view! {
                                    <span class="signature-thumb" data-testid="signature-image"><Thumb media=s.image.clone() /></span>
                                    <span class="muted small">{browser::local_time(s.signed_at)}</span>
                                    {state.map(|text| view! { <span class="badge warn" data-testid="signature-state">{text}</span> })}
                                }
                            })}
                            <span class="row-actions">
                                <button type="button" data-testid="sign" on:click=move |_| signing.set(Some(again.clone()))>"签名"</button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="inline-form">
                <input type="text" data-testid="party-name" aria-label="被检查单位签名人姓名" placeholder="被检查单位签名人姓名"
                    prop:value=move || party_name.get() on:input=move |ev| party_name.set(event_target_value(&ev)) />
                <input type="text" data-testid="party-position" aria-label="职务" placeholder="职务（如：负责人）"
                    prop:value=move || party_position.get() on:input=move |ev| party_position.set(event_target_value(&ev)) />
                <button type="button" data-testid="party-sign" prop:disabled=move || party_name.with(|n| n.trim().is_empty())
                    on:click=move |_| signing.set(Some(Signer::Party { name: party_name.get().trim().to_string(), position: party_position.get().trim().to_string() }))>
                    "被检查单位签名"
                </button>
            </div>
            {move || signing.get().map(|_| view! {
                <SignaturePad on_done=Callback::new(done) on_cancel=Callback::new(move |_| signing.set(None)) />
            })}
            {move || error.get().map(|e| view! { <p class="alert alert-error" role="alert">{e}</p> })}
        </section>
    }
}
