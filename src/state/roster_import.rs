//! Writing a confirmed roster import (导入名录): the units, and the plan they join when one was
//! chosen, in one strict transaction, told done only once it is on disk; a failed write puts
//! memory back as it was, so the user can simply retry.

use super::autosave::Autosave;
use super::record_list::puts;
use super::roster::Roster;
use super::work::Work;
use crate::browser;
use crate::domain::roster_import::RosterImport;
use crate::storage::Write;

/// Writes `import` (and adds its units to plan `plan_id`, if any); returns the done line.
pub async fn write_import(
    roster: Roster,
    work: Work,
    autosave: Autosave,
    import: &RosterImport,
    plan_id: Option<&str>,
) -> Result<String, String> {
    let device = browser::device_id();
    let records: Vec<_> = import
        .to_write()
        .into_iter()
        .map(|mut r| {
            r.changed_on = Some(device.clone());
            r
        })
        .collect();
    let mut message = format!("已导入 {} 个监督对象", records.len());
    let mut writes = puts(&records).map_err(|e| e.message())?;
    let units_before = roster
        .institutions
        .before(records.iter().map(|r| r.id.as_str()));
    let plan_before = work.plans.before(plan_id);
    if let Some(plan) = plan_id.and_then(|id| work.plans.get(id)) {
        let ids = import.unit_ids();
        let added = ids
            .iter()
            .filter(|id| !plan.institution_ids.contains(id))
            .count();
        let joined = work.plans.change_in_memory(&plan.id, move |p| {
            for id in ids {
                if !p.institution_ids.contains(&id) {
                    p.institution_ids.push(id);
                }
            }
        });
        if let Some(joined) = joined {
            match Write::put(&joined) {
                Ok(write) => writes.push(write),
                Err(e) => {
                    work.plans.restore(plan_before);
                    return Err(e.message());
                }
            }
        }
        message.push_str(&format!("，{added} 个加入任务“{}”", plan.name));
    }
    roster.institutions.put_many_in_memory(records);
    match autosave.apply_alone(writes).await {
        Ok(()) => Ok(message),
        Err(e) => {
            roster.institutions.restore(units_before);
            work.plans.restore(plan_before);
            Err(format!(
                "导入未完成，没有写入任何记录：{}。请重试。",
                e.message()
            ))
        }
    }
}
