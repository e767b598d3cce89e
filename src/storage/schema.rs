//! The persisted schema: database name, version, store names, indexes and the upgrade steps.
//! Every store name the app uses is a constant here.

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

use super::StorageError;

/// The database the app uses; tests open their own names.
pub const DATABASE_NAME: &str = "jiandu";
/// Bumped with every structural change; each bump adds a step to [`upgrade`].
pub const VERSION: u32 = 2;

pub const INSTITUTIONS: &str = "institutions";
pub const INSPECTORS: &str = "inspectors";
pub const PLANS: &str = "plans";
pub const INSPECTIONS: &str = "inspections";
pub const FINDINGS: &str = "findings";
pub const MEDIA: &str = "media";
/// 驻点监督 stays (since version 2).
pub const STAYS: &str = "stays";
/// One 现场监督表 per stay and scene (since version 2), indexed by `stay_id`.
pub const SCENE_SHEETS: &str = "scene_sheets";
/// Key-value facts about the database itself (schema history, import marks).
pub const META: &str = "meta";

/// Runs every upgrade step from `old_version` (0 for a new database) to [`VERSION`] inside the
/// browser's versionchange transaction; a failing step aborts the whole upgrade.
pub fn upgrade(
    db: &IdbDatabase,
    tx: &IdbTransaction,
    old_version: u32,
) -> Result<(), StorageError> {
    let js = |e: JsValue| StorageError::from_js(&e);
    for step in old_version + 1..=VERSION {
        match step {
            1 => {
                for store in [
                    INSTITUTIONS,
                    INSPECTORS,
                    PLANS,
                    INSPECTIONS,
                    FINDINGS,
                    MEDIA,
                ] {
                    create_store(db, store, "id")?;
                }
                create_store(db, META, "key")?;
                let inspections = tx.object_store(INSPECTIONS).map_err(js)?;
                inspections
                    .create_index_with_str("plan_id", "plan_id")
                    .map_err(js)?;
                inspections
                    .create_index_with_str("institution_id", "institution_id")
                    .map_err(js)?;
                let findings = tx.object_store(FINDINGS).map_err(js)?;
                findings
                    .create_index_with_str("inspection_id", "inspection_id")
                    .map_err(js)?;
                let media = tx.object_store(MEDIA).map_err(js)?;
                media
                    .create_index_with_str("finding_id", "finding_id")
                    .map_err(js)?;
            }
            2 => {
                create_store(db, STAYS, "id")?;
                create_store(db, SCENE_SHEETS, "id")?;
                tx.object_store(STAYS)
                    .map_err(js)?
                    .create_index_with_str("plan_id", "plan_id")
                    .map_err(js)?;
                tx.object_store(SCENE_SHEETS)
                    .map_err(js)?
                    .create_index_with_str("stay_id", "stay_id")
                    .map_err(js)?;
            }
            other => return Err(StorageError::Other(format!("unknown schema step {other}"))),
        }
    }
    Ok(())
}

fn create_store(db: &IdbDatabase, name: &str, key_path: &str) -> Result<(), StorageError> {
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&JsValue::from_str(key_path));
    db.create_object_store_with_optional_parameters(name, &params)
        .map(|_| ())
        .map_err(|e| StorageError::from_js(&e))
}
