use chrono::{Duration, TimeZone, Utc};
use jiandu::domain::safekeeping::{
    advise_home_screen, backup_reminder, data_may_be_cleared, BackupReminder,
};

#[test]
fn a_backup_is_asked_for_after_the_set_days_with_unexported_changes() {
    let day = |n: i64| Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + Duration::days(n);
    let check = |export: Option<i64>, change: Option<i64>, first: Option<i64>, now: i64| {
        backup_reminder(
            export.map(day),
            change.map(day),
            first.map(day),
            day(now),
            7,
        )
    };
    // No records, nothing to back up.
    assert_eq!(check(None, None, None, 30), None);
    // Exported after the last change: nothing new.
    assert_eq!(check(Some(5), Some(4), Some(0), 30), None);
    // Changes since an export 6 days ago: not yet; 7 days: yes.
    assert_eq!(check(Some(0), Some(3), Some(0), 6), None);
    assert_eq!(
        check(Some(0), Some(3), Some(0), 7),
        Some(BackupReminder {
            days: 7,
            never_exported: false
        })
    );
    // Never exported: counted from the first record.
    assert_eq!(check(None, Some(9), Some(2), 8), None);
    assert_eq!(
        check(None, Some(9), Some(2), 9),
        Some(BackupReminder {
            days: 7,
            never_exported: true
        })
    );
}

#[test]
fn the_home_screen_is_advised_on_ios_and_ipados_in_a_browser_tab_only() {
    let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";
    let ipad_desktop = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15";
    let android =
        "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";
    assert!(advise_home_screen(iphone, 5, false));
    assert!(
        !advise_home_screen(iphone, 5, true),
        "already on the Home Screen"
    );
    assert!(
        advise_home_screen(ipad_desktop, 5, false),
        "iPadOS reports a Mac with touch"
    );
    assert!(!advise_home_screen(ipad_desktop, 0, false), "a real Mac");
    assert!(!advise_home_screen(android, 5, false));
}

#[test]
fn an_empty_database_on_a_device_that_held_records_is_reported() {
    assert!(data_may_be_cleared(0, 12));
    assert!(!data_may_be_cleared(0, 0), "a new device");
    assert!(!data_may_be_cleared(3, 12), "records are there");
}
