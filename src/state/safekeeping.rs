//! Keeping the data safe: the device's record count kept apart from the database (to tell an
//! emptied database from a new device), the time of the last full export, and the reminder
//! interval. The decisions are `domain::safekeeping`'s.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::roster::Roster;
use super::storage_status::{DatabaseState, StorageStatus};
use super::work::Work;
use crate::domain::safekeeping::{data_may_be_cleared, DEFAULT_REMINDER_DAYS};
use crate::storage::preferences;

/// The latest change and the earliest creation of any record.
pub type RecordSpan = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The safekeeping context.
#[derive(Clone, Copy)]
pub struct Safekeeping {
    /// Records on the device now.
    pub records: Memo<usize>,
    pub span: Memo<RecordSpan>,
    /// How many records the device held when the app last saw it (before this start).
    pub seen_before: usize,
    /// Whether the database came up empty on a device that held records (until the user
    /// restores or acknowledges it).
    pub maybe_cleared: RwSignal<bool>,
    pub last_export: RwSignal<Option<DateTime<Utc>>>,
    pub reminder_days: RwSignal<u32>,
}

pub fn provide_safekeeping(roster: Roster, work: Work, storage: StorageStatus) -> Safekeeping {
    let records = Memo::new(move |_| {
        roster.institutions.with(Vec::len)
            + roster.inspectors.with(Vec::len)
            + work.plans.with(Vec::len)
            + work.inspections.with(Vec::len)
            + work.stays.with(Vec::len)
            + work.scene_sheets.with(Vec::len)
    });
    let span = Memo::new(move |_| {
        let mut last: Option<DateTime<Utc>> = None;
        let mut first: Option<DateTime<Utc>> = None;
        let mut see = |updated: DateTime<Utc>, created: DateTime<Utc>| {
            last = Some(last.map_or(updated, |l| l.max(updated)));
            first = Some(first.map_or(created, |f| f.min(created)));
        };
        roster
            .institutions
            .with(|l| l.iter().for_each(|r| see(r.updated_at, r.created_at)));
        roster
            .inspectors
            .with(|l| l.iter().for_each(|r| see(r.updated_at, r.created_at)));
        work.plans
            .with(|l| l.iter().for_each(|r| see(r.updated_at, r.created_at)));
        work.inspections
            .with(|l| l.iter().for_each(|r| see(r.updated_at, r.created_at)));
        work.stays
            .with(|l| l.iter().for_each(|r| see(r.updated_at, r.created_at)));
        work.scene_sheets
            .with(|l| l.iter().for_each(|r| see(r.updated_at, r.created_at)));
        (last, first)
    });
    let safekeeping = Safekeeping {
        records,
        span,
        seen_before: preferences::records_seen(),
        maybe_cleared: RwSignal::new(false),
        last_export: RwSignal::new(
            preferences::last_export()
                .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                .map(|t| t.with_timezone(&Utc)),
        ),
        reminder_days: RwSignal::new(preferences::reminder_days().unwrap_or(DEFAULT_REMINDER_DAYS)),
    };
    // Decided once the data is read from a working database; the count is then kept current,
    // except while an emptied database waits for the user (so a reload still says so).
    let decided = RwSignal::new(false);
    Effect::new(move |_| {
        let ready = matches!(storage.database.get(), DatabaseState::Ready { .. });
        if !roster.loaded.get() || !ready {
            return;
        }
        let count = records.get();
        let cleared = safekeeping.maybe_cleared;
        if !decided.get_untracked() {
            decided.set(true);
            if data_may_be_cleared(count, safekeeping.seen_before) {
                cleared.set(true);
            }
        }
        if count > 0 && cleared.get_untracked() {
            cleared.set(false);
        }
        if !cleared.get_untracked() {
            preferences::set_records_seen(count);
        }
    });
    provide_context(safekeeping);
    safekeeping
}

pub fn use_safekeeping() -> Safekeeping {
    expect_context::<Safekeeping>()
}

impl Safekeeping {
    /// The user starts afresh on the emptied device: no more warning.
    pub fn acknowledge_cleared(&self) {
        self.maybe_cleared.set(false);
        preferences::set_records_seen(self.records.get_untracked());
    }

    /// Records a full export made now.
    pub fn exported(&self, at: DateTime<Utc>) {
        self.last_export.set(Some(at));
    }

    /// Sets the reminder interval, within the allowed range.
    pub fn set_reminder_days(&self, days: u32) {
        preferences::set_reminder_days(days);
        self.reminder_days.set(days);
    }
}
