//! Export and import of exchange files: the device's records in, a downloaded file out, and an
//! import written as one strict transaction (all or nothing) after the user saw its preview.

use chrono::SecondsFormat;

use crate::browser::{self, crypto, media};
use crate::domain::exchange::archive::{self, Imported};
use crate::domain::exchange::merge::{self, Choice, MergePlan};
use crate::domain::exchange::{ImportError, Records, Scope};
use crate::state::autosave::Autosave;
use crate::state::record_list::puts;
use crate::state::roster::Roster;
use crate::state::work::Work;
use crate::storage::{preferences, Write};

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
    autosave: Autosave,
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
    // The photos travel with their records: their bytes are read before the file is built.
    let media = read_media(autosave, &records).await?;
    let written = archive::write(
        &records,
        &browser::device_id(),
        APP_VERSION,
        now,
        scope,
        &media,
    )?;
    let mut bytes = written.bytes.clone();
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
    // A sealed file is JSON (the envelope) whatever it wraps.
    let (extension, mime) = if passphrase.is_some() {
        ("json", "application/json")
    } else {
        (written.kind.extension(), written.kind.mime())
    };
    let sealed = if passphrase.is_some() { "-加密" } else { "" };
    let name = format!("卫生监督数据-{what}-{stamp}{sealed}.{extension}");
    browser::download(&name, mime, &bytes)?;
    if plan_id.is_none() {
        preferences::set_last_export(&now.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    let mut message = format!("已导出 {} 条记录", records.len());
    if written.carried > 0 {
        message.push_str(&format!("和 {} 个照片、录像或签名文件", written.carried));
    }
    message.push_str(&format!("：{name}"));
    for note in written.notes() {
        message.push_str(&format!("。{note}"));
    }
    Ok(message)
}

/// The bytes of every file the records refer to that this device holds.
async fn read_media(
    autosave: Autosave,
    records: &Records,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let refs = records.media_refs();
    if refs.is_empty() {
        return Ok(Vec::new());
    }
    let database = autosave.database().ok_or("数据库暂不可用，无法读取照片")?;
    let mut media = Vec::with_capacity(refs.len());
    for media_ref in refs {
        if let Some(blob) = database
            .media_blob(&media_ref.id)
            .await
            .map_err(|e| e.message())?
        {
            media.push((media_ref.id.clone(), media::bytes_of(&blob).await?));
        }
    }
    Ok(media)
}

/// Reads a file (JSON, or a ZIP with its photos) and plans its merge; nothing is written.
pub fn preview(
    roster: Roster,
    work: Work,
    bytes: &[u8],
) -> Result<(Imported, MergePlan), ImportError> {
    let file = archive::read(bytes)?;
    let plan = merge::plan(
        &snapshot(roster, work),
        &file.exchange.records,
        &browser::device_id(),
    );
    Ok((file, plan))
}

/// Writes what the user confirmed: every added and updated record, each conflict resolved for
/// the incoming copy, and the files the written records need that this device lacks, in one
/// strict transaction, awaited: returns (how many records were written, what could not be
/// brought) only once they are on disk.
pub async fn apply(
    roster: Roster,
    work: Work,
    autosave: Autosave,
    imported: &Imported,
    plan: &MergePlan,
    choice: impl Fn(&str, &str) -> Option<Choice>,
) -> Result<(usize, Option<String>), String> {
    // 保存中 from the click on: the media store is read before the batch is queued.
    autosave.mark_saving();
    let result = write_import(roster, work, autosave, imported, plan, choice).await;
    if result.is_err() {
        autosave.flush();
    }
    result
}

async fn write_import(
    roster: Roster,
    work: Work,
    autosave: Autosave,
    imported: &Imported,
    plan: &MergePlan,
    choice: impl Fn(&str, &str) -> Option<Choice>,
) -> Result<(usize, Option<String>), String> {
    let records = plan.records_to_write(choice);
    let count = records.len();
    let held = match autosave.database() {
        Some(database) => database.media_ids().await.map_err(|e| e.message())?,
        None => Default::default(),
    };
    let local = snapshot(roster, work);
    let media = imported.media_writes(&local, &records, |id| held.contains(id));
    let note = media.absent_note();
    // Every record and file is converted before memory changes, so a failure changes nothing.
    let writes = (|| {
        let mut writes = puts(&records.institutions)?;
        writes.extend(puts(&records.inspectors)?);
        writes.extend(puts(&records.plans)?);
        writes.extend(puts(&records.inspections)?);
        writes.extend(puts(&records.stays)?);
        writes.extend(puts(&records.scene_sheets)?);
        for carried in &media.store {
            let blob = media::blob_of(&carried.bytes, &carried.media.mime)
                .map_err(crate::storage::StorageError::Other)?;
            writes.push(Write::put_media(&carried.media, &blob)?);
        }
        Ok::<_, crate::storage::StorageError>(writes)
    })()
    .map_err(|e| e.message())?;
    fn ids<R: crate::storage::Record>(records: &[R]) -> impl Iterator<Item = &str> {
        records.iter().map(|r| r.key())
    }
    let before = (
        roster.institutions.before(ids(&records.institutions)),
        roster.inspectors.before(ids(&records.inspectors)),
        work.plans.before(ids(&records.plans)),
        work.inspections.before(ids(&records.inspections)),
        work.stays.before(ids(&records.stays)),
        work.scene_sheets.before(ids(&records.scene_sheets)),
    );
    roster.institutions.put_many_in_memory(records.institutions);
    roster.inspectors.put_many_in_memory(records.inspectors);
    work.plans.put_many_in_memory(records.plans);
    work.inspections.put_many_in_memory(records.inspections);
    work.stays.put_many_in_memory(records.stays);
    work.scene_sheets.put_many_in_memory(records.scene_sheets);
    // Told done only once the strict transaction committed; a failure puts memory back.
    if let Err(e) = autosave.apply_alone(writes).await {
        roster.institutions.restore(before.0);
        roster.inspectors.restore(before.1);
        work.plans.restore(before.2);
        work.inspections.restore(before.3);
        work.stays.restore(before.4);
        work.scene_sheets.restore(before.5);
        return Err(format!("没有写入任何记录：{}。请重试。", e.message()));
    }
    Ok((count, note))
}
