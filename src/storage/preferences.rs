//! Small user preferences in localStorage (never inspection data): the last roster filter and
//! who uses this device.

use gloo_storage::{LocalStorage, Storage};

const ROSTER_TYPE_FILTER: &str = "jiandu.pref.roster_type_filter";
const RECORDER: &str = "jiandu.pref.recorder";
const WELCOME_DISMISSED: &str = "jiandu.pref.welcome_dismissed";
const DEVICE_ID: &str = "jiandu.device_id";
const LAST_EXPORT: &str = "jiandu.last_export";

/// The institution type last picked in the roster filter (a storage code), if any.
pub fn roster_type_filter() -> Option<String> {
    LocalStorage::get(ROSTER_TYPE_FILTER).ok()
}

/// Remembers the roster type filter; failures (private mode, quota) are harmless here.
pub fn set_roster_type_filter(code: Option<&str>) {
    match code {
        Some(code) => {
            let _ = LocalStorage::set(ROSTER_TYPE_FILTER, code);
        }
        None => LocalStorage::delete(ROSTER_TYPE_FILTER),
    }
}

/// The inspector who uses this device (记录人), named on every answer they change.
pub fn recorder() -> Option<String> {
    LocalStorage::get(RECORDER).ok()
}

/// Remembers the recorder; failures are harmless (the choice is asked again).
pub fn set_recorder(inspector_id: Option<&str>) {
    match inspector_id {
        Some(id) => {
            let _ = LocalStorage::set(RECORDER, id);
        }
        None => LocalStorage::delete(RECORDER),
    }
}

/// Whether the first-open offer (载入示例数据 / 从空白开始) was answered.
pub fn welcome_dismissed() -> bool {
    LocalStorage::get::<bool>(WELCOME_DISMISSED).unwrap_or(false)
}

/// Records that the first-open offer was answered.
pub fn dismiss_welcome() {
    let _ = LocalStorage::set(WELCOME_DISMISSED, true);
}

/// This device's id, made once (a random UUID from `new_id`) and kept; it names the device on
/// every change and in exported files. Without localStorage (private mode) it lasts the session.
pub fn device_id(new_id: impl FnOnce() -> String) -> String {
    if let Ok(id) = LocalStorage::get::<String>(DEVICE_ID) {
        return id;
    }
    let id = new_id();
    let _ = LocalStorage::set(DEVICE_ID, &id);
    id
}

/// When the last export (backup) was made, as RFC 3339 text.
pub fn last_export() -> Option<String> {
    LocalStorage::get(LAST_EXPORT).ok()
}

/// Records the time of an export.
pub fn set_last_export(at: &str) {
    let _ = LocalStorage::set(LAST_EXPORT, at);
}
