//! Native tests of the pure core: run with `cargo test`.

mod credit_code;
mod inspector;
mod institution;
mod roster;
mod route;
mod tidy;

use chrono::{DateTime, TimeZone, Utc};

/// A fixed instant, so tests never read the clock.
pub fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0)
        .single()
        .expect("valid date")
}
