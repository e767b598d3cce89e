//! Small user preferences in localStorage (never inspection data): the last roster filters.

use gloo_storage::{LocalStorage, Storage};

const ROSTER_TYPE_FILTER: &str = "jiandu.pref.roster_type_filter";

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
