//! Where a roster record is used. A record that others refer to is not deleted: an exchange
//! file must carry what its records refer to, so a dangling reference would make the device's
//! own backup unreadable. Pure.

use super::inspection::Inspection;
use super::plan::Plan;
use super::stationed::stay::Stay;

/// How many records refer to one roster record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Uses {
    pub plans: usize,
    pub inspections: usize,
    pub stays: usize,
}

impl Uses {
    pub fn is_empty(&self) -> bool {
        self.plans + self.inspections + self.stays == 0
    }

    /// "2个任务、3次检查、1个驻点" (kinds without uses left out).
    pub fn describe(&self) -> String {
        [
            (self.plans, "个任务"),
            (self.inspections, "次检查"),
            (self.stays, "个驻点"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect::<Vec<_>>()
        .join("、")
    }
}

/// Where an institution is used: listed in plans, inspected, or the hospital of a stay.
pub fn institution_uses(
    id: &str,
    plans: &[Plan],
    inspections: &[Inspection],
    stays: &[Stay],
) -> Uses {
    Uses {
        plans: plans
            .iter()
            .filter(|p| p.institution_ids.iter().any(|i| i == id))
            .count(),
        inspections: inspections
            .iter()
            .filter(|i| i.institution_id == id)
            .count(),
        stays: stays.iter().filter(|s| s.institution_id == id).count(),
    }
}

/// Where an officer is used: assigned to inspections, or in a stay's group.
pub fn inspector_uses(id: &str, inspections: &[Inspection], stays: &[Stay]) -> Uses {
    Uses {
        plans: 0,
        inspections: inspections
            .iter()
            .filter(|i| i.inspectors.iter().any(|a| a.inspector_id == id))
            .count(),
        stays: stays
            .iter()
            .filter(|s| s.group.officers().iter().any(|(o, _)| *o == id))
            .count(),
    }
}
