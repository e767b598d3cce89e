//! What the app tells the user about keeping the data safe: browsers may clear site data
//! (Safari clears script-written storage of a site not added to the Home Screen after 7 days
//! without use; a user may clear site data), so the app reminds of backups, advises adding it
//! to the Home Screen on iOS/iPadOS, and says so when the database comes up empty on a device
//! that held records before. Pure decisions; the shell supplies times, counts and the browser's
//! facts.

use chrono::{DateTime, Utc};

/// Days without a backup after which the app reminds, unless the user set another number.
pub const DEFAULT_REMINDER_DAYS: u32 = 7;
/// The range the user may set.
pub const REMINDER_DAYS_RANGE: std::ops::RangeInclusive<u32> = 1..=90;

/// The reminder to export a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupReminder {
    /// Whole days since the last export, or since the first record if never exported.
    pub days: i64,
    pub never_exported: bool,
}

/// Remind to export when there are changes not yet exported and the last export (or, if there
/// was none, the first record) is `every_days` or more days old. `last_change` is the latest
/// change of any record, `first_record` the earliest creation.
pub fn backup_reminder(
    last_export: Option<DateTime<Utc>>,
    last_change: Option<DateTime<Utc>>,
    first_record: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    every_days: u32,
) -> Option<BackupReminder> {
    let last_change = last_change?;
    let (since, never_exported) = match last_export {
        Some(exported) if exported >= last_change => return None,
        Some(exported) => (exported, false),
        None => (first_record.unwrap_or(last_change), true),
    };
    let days = (now - since).num_days();
    (days >= i64::from(every_days)).then_some(BackupReminder {
        days,
        never_exported,
    })
}

/// Whether to advise adding the app to the Home Screen: an iPhone, iPod or iPad (iPadOS
/// reports itself as a Mac with a touch screen) where the app runs in a browser tab rather
/// than from the Home Screen.
pub fn advise_home_screen(user_agent: &str, max_touch_points: i32, standalone: bool) -> bool {
    let ios = ["iPhone", "iPad", "iPod"]
        .iter()
        .any(|d| user_agent.contains(d));
    let ipad_as_mac = user_agent.contains("Macintosh") && max_touch_points > 1;
    (ios || ipad_as_mac) && !standalone
}

/// Whether the data may have been cleared: the database holds nothing, but this device held
/// records when the app last saw it (a count kept apart from the database).
pub fn data_may_be_cleared(records_now: usize, records_seen_before: usize) -> bool {
    records_now == 0 && records_seen_before > 0
}
