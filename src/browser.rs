//! Browser calls other than storage: the clock, random ids, the storage manager and the
//! service worker. Every call returns an error instead of panicking.

pub mod crypto;
pub mod media;
pub mod service_worker;
pub mod tabs;

use chrono::{DateTime, TimeZone, Utc};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The current time, from the browser clock.
pub fn now() -> DateTime<Utc> {
    let millis = js_sys::Date::now() as i64;
    Utc.timestamp_millis_opt(millis)
        .single()
        .unwrap_or_default()
}

/// A random UUID (v4). Uses `crypto.getRandomValues`, which unlike `crypto.randomUUID` also
/// exists on plain-http LAN addresses.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Never expected in a browser that runs WebAssembly; still unique enough per device.
        let seed = (js_sys::Math::random() * 2f64.powi(52)) as u64 ^ js_sys::Date::now() as u64;
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..]
            .copy_from_slice(&((js_sys::Math::random() * 2f64.powi(52)) as u64).to_le_bytes());
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// What `navigator.storage` says about this site's storage.
#[derive(Debug, Clone, PartialEq)]
pub struct StorageReport {
    /// `Some(true)` when the browser promised not to evict the data under storage pressure.
    pub persisted: Option<bool>,
    pub usage_bytes: Option<f64>,
    pub quota_bytes: Option<f64>,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers and insecure contexts have no `navigator.storage`.
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .filter(|v| !v.is_undefined())?;
    Some(navigator.storage())
}

async fn promise(p: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(p.ok()?).await.ok()
}

/// What the browser says it uses and allows now (none where it does not say).
pub async fn storage_estimate() -> (Option<f64>, Option<f64>) {
    let Some(manager) = storage_manager() else {
        return (None, None);
    };
    let estimate = promise(manager.estimate())
        .await
        .map(web_sys::StorageEstimate::from);
    (
        estimate.as_ref().and_then(|e| e.get_usage()),
        estimate.as_ref().and_then(|e| e.get_quota()),
    )
}

/// Asks the browser to keep this site's data under storage pressure (answered once; later
/// calls return the same answer), then reads usage and quota.
pub async fn request_persistent_storage() -> StorageReport {
    let Some(manager) = storage_manager() else {
        return StorageReport {
            persisted: None,
            usage_bytes: None,
            quota_bytes: None,
        };
    };
    let persisted = match promise(manager.persisted()).await.and_then(|v| v.as_bool()) {
        Some(true) => Some(true),
        _ => promise(manager.persist()).await.and_then(|v| v.as_bool()),
    };
    let estimate = promise(manager.estimate())
        .await
        .map(web_sys::StorageEstimate::from);
    StorageReport {
        persisted,
        usage_bytes: estimate.as_ref().and_then(|e| e.get_usage()),
        quota_bytes: estimate.as_ref().and_then(|e| e.get_quota()),
    }
}

/// Goes to a page by setting the URL hash, so the back button returns to the current one.
pub fn go_to(route: &crate::route::Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

/// A time as the device's local clock shows it, e.g. "2026-11-23 14:05".
pub fn local_time(time: DateTime<Utc>) -> String {
    // getTimezoneOffset is minutes *behind* UTC (China: -480).
    let offset_minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let offset = chrono::FixedOffset::east_opt(offset_minutes * 60)
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset"));
    time.with_timezone(&offset)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Today's date on the device's clock.
pub fn today() -> chrono::NaiveDate {
    let date = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_default()
}

/// Hands `bytes` to the browser as a downloaded file named `file_name`. The data never leaves
/// the device: it goes from memory to a blob: URL to the downloads folder.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |e: JsValue| failure("下载失败，请重试。", &e);
    let window = web_sys::window().ok_or("下载失败：没有窗口")?;
    let document = window.document().ok_or("下载失败：没有文档")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: the download reads the blob after this handler returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Opens the browser's print dialog (print styles decide what is printed).
pub fn print() -> Result<(), String> {
    web_sys::window()
        .ok_or("打印失败：没有窗口")?
        .print()
        .map_err(|e| failure("打印失败，请重试。", &e))
}

/// A failure as the user reads it (Chinese only); the browser's own error goes to the console.
pub fn failure(message: &str, error: &JsValue) -> String {
    web_sys::console::warn_2(&message.into(), error);
    message.to_string()
}

/// This device's id (kept in localStorage, made on first use).
pub fn device_id() -> String {
    thread_local! {
        static DEVICE: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
    }
    DEVICE.with(|cell| {
        cell.get_or_init(|| crate::storage::preferences::device_id(new_id))
            .clone()
    })
}

/// The file input an event came from, if it came from one.
pub fn file_input_of(event: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    event.target()?.dyn_into().ok()
}

/// The bytes and name of the file chosen in a file input, if one is chosen. A file over
/// `limit` bytes (one of `domain::chosen_file`'s limits) is refused before any of it is read.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    limit: u64,
) -> Result<Option<(String, Vec<u8>)>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    // `size` is a whole number of bytes held in an f64; the cast saturates.
    crate::domain::chosen_file::check_file_size(&file.name(), file.size() as u64, limit)?;
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        web_sys::console::warn_2(&"读取所选文件失败：".into(), &e);
        format!("无法读取文件“{}”，请重新选择。", file.name())
    })?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(Some((file.name(), bytes)))
}

/// What the page knows about the device: its user agent, how many touch points it has, and
/// whether the app runs from the Home Screen (standalone) rather than in a browser tab.
pub fn platform() -> (String, i32, bool) {
    let Some(window) = web_sys::window() else {
        return (String::new(), 0, false);
    };
    let navigator = window.navigator();
    let standalone_media = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // Safari's own flag for a Home Screen web app.
    let standalone_safari = js_sys::Reflect::get(&navigator, &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    (
        navigator.user_agent().unwrap_or_default(),
        navigator.max_touch_points(),
        standalone_media || standalone_safari,
    )
}

/// Sets (or, with none, removes) a custom property on the root element, where print styles
/// read it (the page header's agency name). The CSP forbids inline `<style>`; CSSOM is allowed.
pub fn set_root_property(name: &str, value: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return;
    };
    let style = root.style();
    let _ = match value {
        Some(value) => style.set_property(name, value),
        None => style.remove_property(name).map(|_| ()),
    };
}

/// Marks the document as printing one thing (a class on `<html>` the print styles read), or
/// clears the mark.
pub fn set_printing(class: &str, on: bool) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let list = root.class_list();
    let _ = if on {
        list.add_1(class)
    } else {
        list.remove_1(class)
    };
}

/// The text of a file of this build (relative to the page, so it works from any sub-folder),
/// answered by the service worker's cache when offline; a Chinese message on failure.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let failed = |what: &str| format!("读取 {path} 失败（{what}）");
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| failed("网络或缓存不可用"))?;
    let response: web_sys::Response = response.into();
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let text = promise(response.text())
        .await
        .ok_or_else(|| failed("内容不可读"))?;
    text.as_string().ok_or_else(|| failed("内容不是文本"))
}
