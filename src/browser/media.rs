//! Turning a chosen or captured file into what is stored: a photo decoded by the browser,
//! downscaled (long edge at most `media::MAX_LONG_EDGE`) and re-encoded as JPEG; a video kept as
//! it came; a signature drawn on a canvas as PNG. The SHA-256 of the stored bytes is computed
//! here, before any transaction opens. The size rules and the hash are the domain's.

use chrono::{DateTime, Utc};
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, File, HtmlCanvasElement};

use crate::domain::media::{self, MediaKind, MediaRef};

/// A file ready to be stored: its bytes as a Blob and the reference its record keeps.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub blob: Blob,
    pub media: MediaRef,
}

fn fail(what: &str) -> impl Fn(JsValue) -> String + '_ {
    move |e| super::failure(what, &e)
}

/// The bytes of a Blob (a File is one).
pub async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(fail("读取文件失败"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A Blob of `bytes` typed `mime`.
pub fn blob_of(bytes: &[u8], mime: &str) -> Result<Blob, String> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail("保存文件失败"))
}

/// Prepares a chosen file: a photo is downscaled and re-encoded, a video kept as it is; a file
/// that is neither, or too large, is refused with the domain's message.
pub async fn prepare(
    file: &File,
    id: String,
    added_at: DateTime<Utc>,
    added_by: Option<String>,
) -> Result<Prepared, String> {
    let name = file.name();
    let kind =
        media::classify(&file.type_(), &name, file.size() as u64).map_err(|p| p.message())?;
    let original = bytes_of(file).await?;
    let (blob, bytes, width, height, mime) = match kind {
        MediaKind::Photo => {
            let (bytes, width, height) = reencode(file, &name).await?;
            let blob = blob_of(&bytes, "image/jpeg")?;
            (
                blob,
                bytes,
                Some(width),
                Some(height),
                "image/jpeg".to_string(),
            )
        }
        _ => {
            let mime = if file.type_().is_empty() {
                "application/octet-stream".to_string()
            } else {
                file.type_()
            };
            (file.clone().into(), original.clone(), None, None, mime)
        }
    };
    Ok(Prepared {
        blob,
        media: MediaRef {
            id,
            kind,
            mime,
            bytes: bytes.len() as u64,
            sha256: media::sha256_hex(&bytes),
            width,
            height,
            captured_at: media::capture_time(&original),
            added_at,
            added_by,
            file_name: name,
        },
    })
}

/// Decodes a photo (the browser applies its EXIF orientation), draws it at its target size and
/// encodes it as JPEG: the bytes and the pixel size.
async fn reencode(file: &File, name: &str) -> Result<(Vec<u8>, u32, u32), String> {
    let window = web_sys::window().ok_or("没有窗口")?;
    let not_decoded = |_| format!("照片“{name}”无法读取：文件已损坏，或本浏览器不支持此格式");
    let bitmap: web_sys::ImageBitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob(file)
            .map_err(not_decoded)?,
    )
    .await
    .map_err(not_decoded)?
    .unchecked_into();
    let (width, height) = media::target_size(bitmap.width(), bitmap.height());
    let canvas = canvas(width, height)?;
    let context = context_2d(&canvas)?;
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            &bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(fail("照片处理失败"))?;
    bitmap.close();
    let blob = canvas_blob(&canvas, "image/jpeg", Some(media::JPEG_QUALITY)).await?;
    Ok((bytes_of(&blob).await?, width, height))
}

/// A detached canvas of this size.
pub fn canvas(width: u32, height: u32) -> Result<HtmlCanvasElement, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("没有文档")?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(fail("照片处理失败"))?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    Ok(canvas)
}

/// A canvas's 2D context.
pub fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .map_err(fail("照片处理失败"))?
        .ok_or("本浏览器不支持画布")?
        .dyn_into()
        .map_err(|_| "本浏览器不支持画布".to_string())
}

/// A canvas's pixels encoded as `mime` (with a JPEG quality).
pub async fn canvas_blob(
    canvas: &HtmlCanvasElement,
    mime: &str,
    quality: Option<f64>,
) -> Result<Blob, String> {
    let canvas = canvas.clone();
    let mime = mime.to_string();
    let promise = Promise::new(&mut move |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let quality = quality.map_or(JsValue::UNDEFINED, JsValue::from_f64);
        if let Err(e) =
            canvas.to_blob_with_type_and_encoder_options(done.unchecked_ref(), &mime, &quality)
        {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let blob = JsFuture::from(promise)
        .await
        .map_err(fail("照片编码失败"))?;
    blob.dyn_into::<Blob>()
        .map_err(|_| "照片编码失败：浏览器未生成图片".to_string())
}

/// A signature drawn on `canvas`, stored as PNG.
pub async fn prepare_signature(
    canvas: &HtmlCanvasElement,
    id: String,
    added_at: DateTime<Utc>,
    added_by: Option<String>,
) -> Result<Prepared, String> {
    let blob = canvas_blob(canvas, "image/png", None).await?;
    let bytes = bytes_of(&blob).await?;
    Ok(Prepared {
        media: MediaRef {
            id,
            kind: MediaKind::Signature,
            mime: "image/png".into(),
            bytes: bytes.len() as u64,
            sha256: media::sha256_hex(&bytes),
            width: Some(canvas.width()),
            height: Some(canvas.height()),
            captured_at: None,
            added_at,
            added_by,
            file_name: String::new(),
        },
        blob,
    })
}

/// A blob: URL for showing stored bytes; revoke it when no longer shown.
pub fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

/// Frees a blob: URL.
pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// A photo card drawn by the app (the built-in sample's evidence): `lines` on a paper-coloured
/// card, the first line large, long lines wrapped; encoded as JPEG like a captured photo.
pub async fn draw_card(lines: &[String]) -> Result<(Blob, Vec<u8>, u32, u32), String> {
    const WIDTH: u32 = 1200;
    const HEIGHT: u32 = 900;
    let canvas = canvas(WIDTH, HEIGHT)?;
    let ctx = context_2d(&canvas)?;
    ctx.set_fill_style_str("#ece6d6");
    ctx.fill_rect(0.0, 0.0, f64::from(WIDTH), f64::from(HEIGHT));
    ctx.set_stroke_style_str("#8a6d3b");
    ctx.set_line_width(12.0);
    ctx.stroke_rect(
        30.0,
        30.0,
        f64::from(WIDTH) - 60.0,
        f64::from(HEIGHT) - 60.0,
    );
    ctx.set_fill_style_str("#b3261e");
    ctx.set_font("bold 44px sans-serif");
    let _ = ctx.fill_text("示例照片（虚构）", 80.0, 120.0);
    ctx.set_fill_style_str("#1f2933");
    let mut y = 220.0;
    for (n, line) in lines.iter().enumerate() {
        ctx.set_font(if n == 0 {
            "bold 52px sans-serif"
        } else {
            "40px sans-serif"
        });
        // Wrap by width, character by character (Chinese has no spaces to break at).
        let mut row = String::new();
        for ch in line.chars() {
            row.push(ch);
            let wide = ctx.measure_text(&row).map(|m| m.width()).unwrap_or(0.0);
            if wide > f64::from(WIDTH) - 180.0 {
                row.pop();
                let _ = ctx.fill_text(&row, 80.0, y);
                y += 60.0;
                row = ch.to_string();
            }
        }
        let _ = ctx.fill_text(&row, 80.0, y);
        y += 80.0;
    }
    let blob = canvas_blob(&canvas, "image/jpeg", Some(media::JPEG_QUALITY)).await?;
    let bytes = bytes_of(&blob).await?;
    Ok((blob, bytes, WIDTH, HEIGHT))
}
