//! Small user preferences in localStorage (never inspection data): the last roster filter and
//! who uses this device.

use gloo_storage::{LocalStorage, Storage};

const ROSTER_TYPE_FILTER: &str = "jiandu.pref.roster_type_filter";
const RECORDER: &str = "jiandu.pref.recorder";
const WELCOME_DISMISSED: &str = "jiandu.pref.welcome_dismissed";
const DEVICE_ID: &str = "jiandu.device_id";
const LAST_EXPORT: &str = "jiandu.last_export";
const RECORDS_SEEN: &str = "jiandu.records_seen";
const REMINDER_DAYS: &str = "jiandu.pref.backup_reminder_days";
const HOME_SCREEN_ADVICE_DISMISSED: &str = "jiandu.pref.home_screen_advice_dismissed";

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

/// How many records this device held when the app last saw them: kept apart from the
/// database, so an emptied database can be told from a new device.
pub fn records_seen() -> usize {
    LocalStorage::get(RECORDS_SEEN).unwrap_or(0)
}

/// Remembers how many records the device holds.
pub fn set_records_seen(count: usize) {
    let _ = LocalStorage::set(RECORDS_SEEN, count);
}

/// Days without a backup before the app reminds (the user's setting), if set.
pub fn reminder_days() -> Option<u32> {
    LocalStorage::get(REMINDER_DAYS).ok()
}

/// Sets the days without a backup before the app reminds.
pub fn set_reminder_days(days: u32) {
    let _ = LocalStorage::set(REMINDER_DAYS, days);
}

/// Whether the user closed the advice to add the app to the Home Screen.
pub fn home_screen_advice_dismissed() -> bool {
    LocalStorage::get::<bool>(HOME_SCREEN_ADVICE_DISMISSED).unwrap_or(false)
}

/// Records that the user closed the Home Screen advice.
pub fn dismiss_home_screen_advice() {
    let _ = LocalStorage::set(HOME_SCREEN_ADVICE_DISMISSED, true);
}

/// The supervising body that signs a stay's documents (e.g. XX县卫生计生监督所).
const ISSUING_BODY: &str = "jiandu.pref.issuing_body";

/// The supervising body's name, as last typed on this device.
pub fn issuing_body() -> Option<String> {
    LocalStorage::get(ISSUING_BODY).ok()
}

/// Remembers the supervising body's name; a failure only means it is asked again.
pub fn set_issuing_body(name: &str) {
    let _ = LocalStorage::set(ISSUING_BODY, name);
}

/// The 卫生监督意见书's 文号 series on this device.
const OPINION_SERIES: &str = "jiandu.pref.opinion_series";

/// The series as last set or advanced on this device.
pub fn opinion_series() -> Option<crate::domain::document_number::DocumentSeries> {
    LocalStorage::get(OPINION_SERIES).ok()
}

/// Keeps the series; false if the browser refused (the user is told: a number could repeat).
pub fn set_opinion_series(series: &crate::domain::document_number::DocumentSeries) -> bool {
    LocalStorage::set(OPINION_SERIES, series).is_ok()
}
