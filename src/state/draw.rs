//! Recording a confirmed draw (双随机 on a sampling plan, the 驻点 lottery on a 驻点监督 plan):
//! the draw record and the units it adds to the plan live in one record, the plan, written with
//! strict durability and changed in memory, and told done, only once it is on disk; a failed
//! write leaves the plan as it was, so the user can simply confirm again.

use super::work::Work;
use crate::browser;
use crate::domain::draw::{DrawRecord, DrawnUnit};
use crate::domain::plan::Plan;
use crate::storage::preferences;

/// A draw as it is recorded now, by this device's 记录人.
pub fn new_record(
    seed_text: String,
    list_sha256: String,
    canonical_list: String,
    drawn: Vec<DrawnUnit>,
) -> DrawRecord {
    DrawRecord {
        id: browser::new_id(),
        seed_text,
        list_sha256,
        canonical_list,
        drawn_at: browser::now(),
        drawn_by: preferences::recorder(),
        drawn,
    }
}

/// Records `record` with plan `plan_id` (its units join the plan's objects) in one strict
/// write; `what` names the draw in the refusal (抽取, 抽签).
pub async fn record_draw(
    work: Work,
    plan_id: &str,
    record: DrawRecord,
    what: &str,
) -> Result<(), String> {
    work.plans
        .commit(plan_id, move |plan| join(plan, record.clone()))
        .await
        .map_err(|e| {
            format!(
                "未能记录本次{what}：{}。任务没有改变，请重试。",
                e.message()
            )
        })
}

/// The drawn units become the plan's objects (each once), and the draw is kept with the plan.
fn join(plan: &mut Plan, record: DrawRecord) {
    for unit in &record.drawn {
        if !plan.institution_ids.contains(&unit.institution_id) {
            plan.institution_ids.push(unit.institution_id.clone());
        }
    }
    plan.draws.push(record);
}
