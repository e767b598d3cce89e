//! A stay (驻点): a group stationed in one hospital for one to three weeks, with its dates, its
//! members, its temporary office and the milestones of its end (汇总会, 反馈). The scene-by-scene
//! work is in [`super::sheet`], one record per scene, so members on several tablets merge
//! without conflicts. Pure.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::inspector::AssignmentRole;
use crate::domain::labelled::{labelled_enum, Labelled};

/// The shortest stay the plan foresees, in days (one week).
pub const MIN_DAYS: i64 = 7;
/// The longest stay the plan foresees, in days (three weeks).
pub const MAX_DAYS: i64 = 21;

/// Who is stationed: 组长 1, 副组长 1, 成员 several (all from the 执法人员 roster), and township
/// staff (乡镇卫生院 or 卫生监督协管 staff) added by name, as they are not on the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StayGroup {
    pub leader: Option<String>,
    pub deputy: Option<String>,
    pub members: Vec<String>,
    pub township_staff: Vec<String>,
}

impl StayGroup {
    /// Every roster officer with their role, 组长 first.
    pub fn officers(&self) -> Vec<(&str, AssignmentRole)> {
        let mut all = Vec::new();
        if let Some(id) = &self.leader {
            all.push((id.as_str(), AssignmentRole::Leader));
        }
        if let Some(id) = &self.deputy {
            all.push((id.as_str(), AssignmentRole::Deputy));
        }
        all.extend(
            self.members
                .iter()
                .map(|id| (id.as_str(), AssignmentRole::Member)),
        );
        all
    }

    /// Puts an officer in a role: 组长 and 副组长 replace whoever held them; an officer holds
    /// one role, so any earlier role of theirs is given up.
    pub fn assign(&mut self, inspector_id: &str, role: AssignmentRole) {
        self.remove(inspector_id);
        match role {
            AssignmentRole::Leader => self.leader = Some(inspector_id.to_string()),
            AssignmentRole::Deputy => self.deputy = Some(inspector_id.to_string()),
            AssignmentRole::Member => self.members.push(inspector_id.to_string()),
        }
    }

    /// Takes an officer out of the group.
    pub fn remove(&mut self, inspector_id: &str) {
        if self.leader.as_deref() == Some(inspector_id) {
            self.leader = None;
        }
        if self.deputy.as_deref() == Some(inspector_id) {
            self.deputy = None;
        }
        self.members.retain(|m| m != inspector_id);
    }
}

labelled_enum! {
    /// Where a stay is in its life, derived from its dates and milestones.
    StayPhase {
        Preparing = "preparing" => "准备中",
        Stationed = "stationed" => "驻点中",
        Summarised = "summarised" => "已召开汇总会",
        FedBack = "fed_back" => "已反馈",
    }
}

/// A stay as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stay {
    pub id: String,
    /// The 驻点监督 plan it belongs to.
    pub plan_id: String,
    /// The hospital.
    pub institution_id: String,
    /// The 现场监督表 edition its sheets answer (`scenes::edition_2024().edition`).
    pub catalog_edition: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub group: StayGroup,
    /// 临时办公室: where the group sits in the hospital.
    pub office: String,
    /// The day of the 汇总会 (驻点工作总结会议, after the work on site), where each problem's
    /// handling is settled.
    pub summary_meeting: Option<NaiveDate>,
    /// The 监督建议书's suggestions as the group edited them (one paragraph a line); none: the
    /// drafted text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice_suggestions: Option<String>,
    /// The day the 反馈意见 was given to the hospital; the stay is then over.
    pub feedback_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The device of the last change (see `exchange`).
    #[serde(default)]
    pub changed_on: Option<String>,
}

/// Something about a stay's dates or group, error or warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StayProblem {
    NoDates,
    EndBeforeStart,
    /// Outside one to three weeks: a warning, the stay may still run.
    Length(i64),
    NoLeader,
    NoDeputy,
    /// The 汇总会 (held when the work on site is over) is dated before the stay began.
    MeetingBeforeStart,
    /// 反馈 dated before the 汇总会.
    FeedbackBeforeMeeting,
}

impl StayProblem {
    /// The message shown on the stay page.
    pub fn message(&self) -> String {
        match self {
            Self::NoDates => "请填写驻点起止日期".into(),
            Self::EndBeforeStart => "结束日期早于开始日期".into(),
            Self::Length(days) => format!(
                "驻点时间共{days}天，方案要求驻点1至3周（{MIN_DAYS}至{MAX_DAYS}天），请确认"
            ),
            Self::NoLeader => "请指定组长".into(),
            Self::NoDeputy => "请指定副组长".into(),
            Self::MeetingBeforeStart => "汇总会日期早于驻点开始日期".into(),
            Self::FeedbackBeforeMeeting => "反馈日期早于汇总会日期".into(),
        }
    }

    /// A warning lets the stay go on; the others are errors to fix.
    pub fn is_warning(&self) -> bool {
        matches!(self, Self::Length(_) | Self::NoDeputy)
    }
}

impl Stay {
    /// The id of a plan's stay at a hospital. A plan supervises a hospital once, so two tablets
    /// of the group that start the same stay hold the same record (and its sheets merge).
    pub fn id_for(plan_id: &str, institution_id: &str) -> String {
        format!("{plan_id}~{institution_id}")
    }

    /// A new stay of a plan at a hospital, without dates or group yet.
    pub fn new(
        id: String,
        plan_id: String,
        institution_id: String,
        catalog_edition: String,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            plan_id,
            institution_id,
            catalog_edition,
            start: None,
            end: None,
            group: StayGroup::default(),
            office: String::new(),
            summary_meeting: None,
            advice_suggestions: None,
            feedback_on: None,
            created_at: now,
            updated_at: now,
            changed_on: None,
        }
    }

    /// Days from start to end, both counted.
    pub fn days(&self) -> Option<i64> {
        Some((self.end? - self.start?).num_days() + 1)
    }

    /// Whether `day` falls within the stay.
    pub fn covers(&self, day: NaiveDate) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if s <= day && day <= e)
    }

    /// The days of the stay, start to end (none without both dates or with the end first).
    pub fn each_day(&self) -> Vec<NaiveDate> {
        match (self.start, self.end) {
            (Some(start), Some(end)) if start <= end => {
                start.iter_days().take_while(|d| *d <= end).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Where the stay is on `today`.
    pub fn phase(&self, today: NaiveDate) -> StayPhase {
        if self.feedback_on.is_some() {
            StayPhase::FedBack
        } else if self.summary_meeting.is_some() {
            StayPhase::Summarised
        } else if self.start.is_some_and(|s| s <= today) {
            StayPhase::Stationed
        } else {
            StayPhase::Preparing
        }
    }

    /// Every problem with the dates and the group, errors first.
    pub fn problems(&self) -> Vec<StayProblem> {
        let mut problems = Vec::new();
        match (self.start, self.end) {
            (Some(start), Some(end)) if end < start => problems.push(StayProblem::EndBeforeStart),
            (Some(_), Some(_)) => {}
            _ => problems.push(StayProblem::NoDates),
        }
        if self.group.leader.is_none() {
            problems.push(StayProblem::NoLeader);
        }
        if let Some(day) = self.summary_meeting {
            if self.start.is_some_and(|s| day < s) {
                problems.push(StayProblem::MeetingBeforeStart);
            }
            if self.feedback_on.is_some_and(|f| f < day) {
                problems.push(StayProblem::FeedbackBeforeMeeting);
            }
        }
        if let Some(days) = self.days().filter(|d| *d > 0) {
            if !(MIN_DAYS..=MAX_DAYS).contains(&days) {
                problems.push(StayProblem::Length(days));
            }
        }
        if self.group.deputy.is_none() {
            problems.push(StayProblem::NoDeputy);
        }
        problems
    }
}
