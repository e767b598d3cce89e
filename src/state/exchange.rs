//! Export and import of exchange files: the device's records in, a downloaded file out, and an
//! import written as one strict transaction (all or nothing) after the user saw its preview.

use chrono::SecondsFormat;

use crate::browser::{self, crypto};
use crate::domain::exchange::merge::{self, Choice, MergePlan};
use crate::domain::exchange::{self, Exchange, ImportError, Records, Scope};
use crate::state::autosave::Autosave;
use crate::state::record_list::puts;
use crate::state::roster::Roster;
use crate::state::work::Work;
use crate::storage::preferences;

/// The app's version, written in every file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Every record on the device, as it is in memory.
pub fn snapshot(roster: Roster, work: Work) -> Records {
    Records {
        institutions: roster.institutions.with(Clone::clone),
        inspectors: roster.inspectors.with(Clone::clone),
        plans: work.plans.with(Clone::clone),
        inspections: work.inspections.with(Clone::clone),
        stays: work.stays.with(Clone::clone),
        scene_sheets: work.scene_sheets.with(Clone::clone),
    }
}

/// Downloads everything, or one plan, as an exchange file, sealed with `passphrase` when one
/// is given (for files that leave the office), and remembers when a full export was made.
pub async fn export(
    roster: Roster,
    work: Work,
    plan_id: Option<String>,
    passphrase: Option<String>,
) -> Result<String, String> {
    let all = snapshot(roster, work);
    let (records, scope) = match &plan_id {
        None => (all, Scope::All),
        Some(id) => {
            let name = work.plans.get(id).map(|p| p.name).ok_or("未找到该任务")?;
            (
                all.for_plan(id),
                Scope::Plan {
                    plan_id: id.clone(),
                    plan_name: name,
                },
            )
        }
    };
    let now = browser::now();
    let mut bytes = exchange::write(&records, &browser::device_id(), APP_VERSION, now, scope);
    if let Some(passphrase) = &passphrase {
        bytes = crypto::seal(passphrase, &bytes).await?;
    }
    let stamp = browser::local_time(now)
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>();
    let what = if plan_id.is_none() {
        "全部"
    } else {
        "任务"
    };
    let sealed = if passphrase.is_some() { "-加密" } else { "" };
    let name = format!("卫生监督数据-{what}-{stamp}{sealed}.json");
    browser::download(&name, "application/json", &bytes)?;
    if plan_id.is_none() {
        preferences::set_last_export(&now.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    Ok(format!("已导出 {} 条记录：{name}", records.len()))
}

/// Reads a file and plans its merge; nothing is written.
pub fn preview(
    roster: Roster,
    work: Work,
    bytes: &[u8],
) -> Result<(Exchange, MergePlan), ImportError> {
    let file = exchange::read(bytes)?;
    let plan = merge::plan(
        &snapshot(roster, work),
        &file.records,
        &browser::device_id(),
    );
    Ok((file, plan))
}

/// Writes what the user confirmed: every added and updated record and each conflict resolved
/// for the incoming copy, in one strict transaction. Returns how many records were written.
pub fn apply(
    roster: Roster,
    work: Work,
    autosave: Autosave,
    plan: &MergePlan,
    choice: impl Fn(&str, &str) -> Option<Choice>,
) -> Result<usize, String> {
    let records = plan.records_to_write(choice);
    let count = records.len();
    // Every record is converted before memory changes, so a failure changes nothing.
    let writes = (|| {
        let mut writes = puts(&records.institutions)?;
        writes.extend(puts(&records.inspectors)?);
        writes.extend(puts(&records.plans)?);
        writes.extend(puts(&records.inspections)?);
        writes.extend(puts(&records.stays)?);
        writes.extend(puts(&records.scene_sheets)?);
        Ok::<_, crate::storage::StorageError>(writes)
    })()
    .map_err(|e| e.message())?;
    roster.institutions.put_many_in_memory(records.institutions);
    roster.inspectors.put_many_in_memory(records.inspectors);
    work.plans.put_many_in_memory(records.plans);
    work.inspections.put_many_in_memory(records.inspections);
    work.stays.put_many_in_memory(records.stays);
    work.scene_sheets.put_many_in_memory(records.scene_sheets);
    autosave.queue_batch_durable(writes);
    Ok(count)
}
