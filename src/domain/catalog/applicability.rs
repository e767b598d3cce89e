//! Which check points apply to one institution: those of the table covering its type, minus
//! points for other types and points for services it does not offer. Items left out here are
//! not 合理缺项: they never appear. 合理缺项 is the inspector's answer for a point that is
//! listed but does not apply in practice.

use std::collections::BTreeSet;

use super::{Area, Catalog, CheckPoint, ChecklistTable, SubItem};
use crate::domain::institution::{InstitutionType, Service};

/// The checklist generated for one institution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist<'a> {
    pub table: &'a ChecklistTable,
    /// Areas with at least one applicable point, in catalog order.
    pub areas: Vec<AreaChecklist<'a>>,
}

/// One area of a generated checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaChecklist<'a> {
    pub area: &'a Area,
    pub sub_items: Vec<SubItemChecklist<'a>>,
}

/// One sub-item of a generated checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubItemChecklist<'a> {
    pub sub_item: &'a SubItem,
    pub points: Vec<&'a CheckPoint>,
}

impl CheckPoint {
    /// Whether the point applies to an institution of this type offering these services.
    pub fn applies_to(&self, kind: InstitutionType, services: &BTreeSet<Service>) -> bool {
        let type_ok = self
            .institution_types
            .as_ref()
            .is_none_or(|types| types.contains(&kind));
        let service_ok = self
            .services
            .as_ref()
            .is_none_or(|needed| needed.iter().any(|s| services.contains(s)));
        type_ok && service_ok
    }
}

impl Catalog {
    /// The checklist for an institution type and its offered services; `None` when no table
    /// covers the type.
    pub fn checklist_for(
        &self,
        kind: InstitutionType,
        services: &BTreeSet<Service>,
    ) -> Option<Checklist<'_>> {
        let table = self.table_for(kind)?;
        let areas = table
            .areas
            .iter()
            .map(|area| AreaChecklist {
                area,
                sub_items: area
                    .sub_items
                    .iter()
                    .map(|sub_item| SubItemChecklist {
                        sub_item,
                        points: sub_item
                            .points
                            .iter()
                            .filter(|p| p.applies_to(kind, services))
                            .collect(),
                    })
                    .filter(|s| !s.points.is_empty())
                    .collect(),
            })
            .filter(|a: &AreaChecklist| !a.sub_items.is_empty())
            .collect();
        Some(Checklist { table, areas })
    }
}

impl<'a> Checklist<'a> {
    /// Every applicable point, in order.
    pub fn points(&self) -> impl Iterator<Item = &'a CheckPoint> + '_ {
        self.areas
            .iter()
            .flat_map(|a| a.sub_items.iter())
            .flat_map(|s| s.points.iter().copied())
    }
}
