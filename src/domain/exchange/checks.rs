//! The checks `file::read` runs on records that parsed: the number of records of each kind,
//! text lengths, unique ids (and a scene sheet's id made of its stay and target), and
//! references that stay inside the file.

use std::collections::HashSet;

use serde_json::Value;

use super::file::{MAX_RECORDS_PER_KIND, MAX_TEXT_CHARS};
use super::problems::{shorten, ImportError};
use super::Records;
use crate::domain::stationed::sheet::SceneSheet;

/// Each list of `records` and the kind of record it holds, as messages name it.
const KINDS: [(&str, &str); 6] = [
    ("institutions", "监督对象"),
    ("inspectors", "执法人员"),
    ("plans", "任务"),
    ("inspections", "检查记录"),
    ("stays", "驻点"),
    ("scene_sheets", "现场监督表"),
];

/// Refuses a list of more than [`MAX_RECORDS_PER_KIND`] records, counted on the parsed JSON
/// before any record is built.
pub(super) fn check_counts(records: &Value) -> Result<(), ImportError> {
    for (list, kind) in KINDS {
        let count = records
            .get(list)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if count > MAX_RECORDS_PER_KIND {
            return Err(ImportError::TooManyRecords(
                kind,
                count,
                MAX_RECORDS_PER_KIND,
            ));
        }
    }
    Ok(())
}

/// The first kind of which `records` hold more than a file may carry, and how many: such a file
/// is not written, since it could not be read.
pub(super) fn too_many(records: &Records) -> Option<(&'static str, usize)> {
    let counts = [
        records.institutions.len(),
        records.inspectors.len(),
        records.plans.len(),
        records.inspections.len(),
        records.stays.len(),
        records.scene_sheets.len(),
    ];
    KINDS
        .iter()
        .zip(counts)
        .find(|(_, count)| *count > MAX_RECORDS_PER_KIND)
        .map(|((_, kind), count)| (*kind, count))
}

/// Refuses any string longer than [`MAX_TEXT_CHARS`], naming where it is (a path like
/// `institutions[0].name`, as serde errors give it).
pub(super) fn check_lengths(value: &Value, path: &mut String) -> Result<(), ImportError> {
    match value {
        Value::String(s) => {
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(ImportError::TooLong(path.clone(), chars));
            }
        }
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{n}]"));
                check_lengths(item, path)?;
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                if key.chars().count() > MAX_TEXT_CHARS {
                    return Err(ImportError::TooLong(path.clone(), key.chars().count()));
                }
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                check_lengths(item, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

pub(super) fn check_ids(records: &Records) -> Result<(), ImportError> {
    fn unique<'a>(
        kind: &'static str,
        list: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<(), ImportError> {
        let mut seen = HashSet::new();
        for (n, id) in ids.enumerate() {
            if id.trim().is_empty() {
                return Err(ImportError::BadValue(
                    format!("{list}[{n}].id"),
                    format!("{kind}编号为空"),
                ));
            }
            if !seen.insert(id) {
                return Err(ImportError::DuplicateId(kind, id.to_string()));
            }
        }
        Ok(())
    }
    unique(
        "监督对象",
        "institutions",
        records.institutions.iter().map(|r| r.id.as_str()),
    )?;
    unique(
        "执法人员",
        "inspectors",
        records.inspectors.iter().map(|r| r.id.as_str()),
    )?;
    unique("任务", "plans", records.plans.iter().map(|r| r.id.as_str()))?;
    unique(
        "检查记录",
        "inspections",
        records.inspections.iter().map(|r| r.id.as_str()),
    )?;
    unique("驻点", "stays", records.stays.iter().map(|r| r.id.as_str()))?;
    unique(
        "现场监督表",
        "scene_sheets",
        records.scene_sheets.iter().map(|r| r.id.as_str()),
    )?;
    // Two tablets that open the same scene of a stay hold the same record: the id says which.
    for (n, sheet) in records.scene_sheets.iter().enumerate() {
        let expected = SceneSheet::id_for(&sheet.stay_id, &sheet.target);
        if sheet.id != expected {
            return Err(ImportError::BadValue(
                format!("scene_sheets[{n}].id"),
                format!(
                    "现场监督表编号应为“{}”（驻点编号/场景），文件中是“{}”",
                    shorten(&expected),
                    shorten(&sheet.id)
                ),
            ));
        }
    }
    Ok(())
}

/// Every inspection's plan, institution and officers, every plan's institutions, every stay's
/// plan, hospital and group officers, and every sheet's stay are in the file: an export always
/// carries what its records refer to.
pub(super) fn check_references(records: &Records) -> Result<(), ImportError> {
    let institutions: HashSet<&str> = records.institutions.iter().map(|r| r.id.as_str()).collect();
    let inspectors: HashSet<&str> = records.inspectors.iter().map(|r| r.id.as_str()).collect();
    let plans: HashSet<&str> = records.plans.iter().map(|r| r.id.as_str()).collect();
    for plan in &records.plans {
        if let Some(id) = plan
            .institution_ids
            .iter()
            .find(|id| !institutions.contains(id.as_str()))
        {
            return Err(ImportError::Dangling(
                format!("任务“{}”", shorten(&plan.name)),
                "监督对象",
                id.clone(),
            ));
        }
    }
    for inspection in &records.inspections {
        let what = || format!("检查记录 {}", shorten(&inspection.id));
        if !plans.contains(inspection.plan_id.as_str()) {
            return Err(ImportError::Dangling(
                what(),
                "任务",
                inspection.plan_id.clone(),
            ));
        }
        if !institutions.contains(inspection.institution_id.as_str()) {
            return Err(ImportError::Dangling(
                what(),
                "监督对象",
                inspection.institution_id.clone(),
            ));
        }
        if let Some(a) = inspection
            .inspectors
            .iter()
            .find(|a| !inspectors.contains(a.inspector_id.as_str()))
        {
            return Err(ImportError::Dangling(
                what(),
                "执法人员",
                a.inspector_id.clone(),
            ));
        }
    }
    check_stationed_references(records, &institutions, &inspectors, &plans)
}

/// Every stay's plan, hospital and officers (组长, 副组长, 成员), and every sheet's stay.
fn check_stationed_references(
    records: &Records,
    institutions: &HashSet<&str>,
    inspectors: &HashSet<&str>,
    plans: &HashSet<&str>,
) -> Result<(), ImportError> {
    for stay in &records.stays {
        let what = || format!("驻点 {}", shorten(&stay.id));
        if !plans.contains(stay.plan_id.as_str()) {
            return Err(ImportError::Dangling(what(), "任务", stay.plan_id.clone()));
        }
        if !institutions.contains(stay.institution_id.as_str()) {
            return Err(ImportError::Dangling(
                what(),
                "监督对象",
                stay.institution_id.clone(),
            ));
        }
        if let Some((id, _)) = stay
            .group
            .officers()
            .into_iter()
            .find(|(id, _)| !inspectors.contains(id))
        {
            return Err(ImportError::Dangling(what(), "执法人员", id.to_string()));
        }
    }
    let stays: HashSet<&str> = records.stays.iter().map(|r| r.id.as_str()).collect();
    if let Some(sheet) = records
        .scene_sheets
        .iter()
        .find(|s| !stays.contains(s.stay_id.as_str()))
    {
        return Err(ImportError::Dangling(
            format!("现场监督表 {}", shorten(&sheet.id)),
            "驻点",
            sheet.stay_id.clone(),
        ));
    }
    Ok(())
}
