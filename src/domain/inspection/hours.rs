//! 检查时间: the hours of the inspection day printed on the 现场检查笔录 ("9时05分至11时20分").
//! The officers may type either end; what they leave empty comes from the data: the first
//! answer recorded that day (China Standard Time), and the completion, or the last answer while
//! a draft. What neither tells prints blank, to be written by hand.

use chrono::{DateTime, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::Inspection;
use crate::domain::document::china_time;

/// The start and end of the inspection on its day, to the minute.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hours {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveTime>,
}

/// Refusal of typed hours whose end is not after their start.
pub const END_BEFORE_START: &str = "检查时间：结束时间应晚于开始时间";

impl Hours {
    pub fn is_empty(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// Whether both ends are known and the end is not after the start.
    pub fn is_inverted(&self) -> bool {
        matches!((self.start, self.end), (Some(start), Some(end)) if end <= start)
    }

    /// A time typed in a time field ("09:05", or "09:05:30" as some browsers send), to the
    /// minute; none when empty or not a time.
    pub fn parse_typed(text: &str) -> Option<NaiveTime> {
        let text = text.trim();
        NaiveTime::parse_from_str(text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
            .ok()
            .and_then(|t| t.with_second(0))
    }

    /// "9时05分" for a known time, the blank "　　时　　分" otherwise.
    pub fn clock(time: Option<NaiveTime>) -> String {
        time.map_or("　　时　　分".to_string(), |t| {
            format!("{}时{:02}分", t.hour(), t.minute())
        })
    }
}

impl Inspection {
    /// The hours the data tells: the first answer recorded on the inspection day, and the
    /// completion on that day or else the last answer; an end not after the start is unknown.
    pub fn recorded_hours(&self) -> Hours {
        let Some(day) = self.date else {
            return Hours::default();
        };
        let on_day = |t: DateTime<Utc>| {
            let local = china_time(t);
            (local.date() == day)
                .then(|| {
                    local
                        .time()
                        .with_second(0)
                        .and_then(|t| t.with_nanosecond(0))
                })
                .flatten()
        };
        let times: Vec<NaiveTime> = self
            .answers
            .values()
            .filter_map(|a| on_day(a.updated_at))
            .collect();
        let start = times.iter().min().copied();
        let end = self
            .completed_at()
            .and_then(on_day)
            .or_else(|| times.iter().max().copied())
            .filter(|&end| start.is_some_and(|start| end > start));
        Hours { start, end }
    }

    /// The hours as printed: each typed end over the recorded one; if the result runs
    /// backwards, the typed ends alone (the officers' word over the data's).
    pub fn hours(&self) -> Hours {
        let recorded = self.recorded_hours();
        let merged = Hours {
            start: self.hours.start.or(recorded.start),
            end: self.hours.end.or(recorded.end),
        };
        if merged.is_inverted() {
            self.hours
        } else {
            merged
        }
    }
}
