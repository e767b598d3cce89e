//! What each kind of plan (campaign) does, asked of `PlanKind` instead of compared with it: what
//! it draws (双随机, the 驻点 lottery or nothing), whether it follows up penalties (回头看), which
//! summary it has (the plan result table, 附表3, the stationed figures), what a unit of it is
//! worked through (an inspection or a stay) and which optional panels its plan page shows.
//!
//! Every answer is an exhaustive `match` on the kind, so a new kind is refused by the compiler
//! until each question is answered for it.

use super::{Plan, PlanKind};

/// How a plan of some kind chooses its units or their order by lot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DrawMethod {
    /// 双随机: units drawn per target, each with officers.
    DoubleRandom,
    /// The 驻点 lottery: the order of a 3-year round of hospitals.
    Lottery,
}

/// The summary a plan of some kind has on 汇总.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanSummary {
    /// The plan result table (`plan_result`), downloaded as XLSX and CSV.
    ResultTable,
    /// 附表3《医疗卫生“回头看”检查情况汇总表》.
    Fubiao3,
    /// The year's 驻点 figures.
    StationedFigures,
}

/// The record a unit of the plan is worked through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitWork {
    /// One inspection with its checklist.
    Inspection,
    /// One 驻点 stay with its scene sheets.
    Stay,
}

/// A panel of the plan page that only some kinds show (name, dates, targets and units are
/// shown for every kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanPanel {
    /// 双随机: draw units and officers, record the draw, its 公示.
    DoubleRandomDraw,
    /// The 驻点 order of a 3-year round by lot.
    Lottery,
    /// 回头看: the population per 附表3 row, adding last year's penalised units, and the
    /// penalised units listed first among the candidates.
    FollowUp,
}

impl PlanKind {
    /// What a plan of this kind draws by lot, if anything.
    pub fn draw(self) -> Option<DrawMethod> {
        match self {
            Self::MedicalSampling | Self::BloodSampling => Some(DrawMethod::DoubleRandom),
            Self::Stationed => Some(DrawMethod::Lottery),
            Self::Huitoukan => None,
        }
    }

    /// Whether a plan of this kind follows up penalties (回头看): its units are the penalised
    /// ones, and each of its inspections settles the unit's original violations.
    pub fn follows_up_penalties(self) -> bool {
        match self {
            Self::Huitoukan => true,
            Self::MedicalSampling | Self::BloodSampling | Self::Stationed => false,
        }
    }

    /// The summary a plan of this kind has on 汇总.
    pub fn summary(self) -> PlanSummary {
        match self {
            Self::MedicalSampling | Self::BloodSampling => PlanSummary::ResultTable,
            Self::Huitoukan => PlanSummary::Fubiao3,
            Self::Stationed => PlanSummary::StationedFigures,
        }
    }

    /// The record each unit of a plan of this kind is worked through.
    pub fn unit_work(self) -> UnitWork {
        match self {
            Self::MedicalSampling | Self::BloodSampling | Self::Huitoukan => UnitWork::Inspection,
            Self::Stationed => UnitWork::Stay,
        }
    }

    /// Whether the plan page of this kind has `panel`.
    pub fn shows(self, panel: PlanPanel) -> bool {
        match panel {
            PlanPanel::DoubleRandomDraw => self.draw() == Some(DrawMethod::DoubleRandom),
            PlanPanel::Lottery => self.draw() == Some(DrawMethod::Lottery),
            PlanPanel::FollowUp => self.follows_up_penalties(),
        }
    }

    /// The optional panels of the plan page of this kind, in page order.
    pub fn panels(self) -> Vec<PlanPanel> {
        [
            PlanPanel::DoubleRandomDraw,
            PlanPanel::Lottery,
            PlanPanel::FollowUp,
        ]
        .into_iter()
        .filter(|&panel| self.shows(panel))
        .collect()
    }
}

impl Plan {
    /// Whether this plan's page shows `panel` now: its kind has it, and a 双随机 draw has
    /// targets to draw for.
    pub fn shows(&self, panel: PlanPanel) -> bool {
        self.kind.shows(panel)
            && match panel {
                PlanPanel::DoubleRandomDraw => !self.targets.is_empty(),
                PlanPanel::Lottery | PlanPanel::FollowUp => true,
            }
    }
}
