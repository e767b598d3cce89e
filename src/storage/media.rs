//! The bytes of evidence media in the `media` store: one object per file, `{id, blob, sha256,
//! mime}`, the Blob kept as the browser's own binary value (never base64). A record's
//! `MediaRef` names the id; the record and its media are written in one transaction.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::idb::request_done;
use super::{schema, Database, Durability, StorageError, Write};
use crate::domain::media::MediaRef;

impl Write {
    /// A put of a file's bytes under its reference's id.
    pub fn put_media(media: &MediaRef, blob: &Blob) -> Result<Self, StorageError> {
        let object = Object::new();
        let set = |k: &str, v: &JsValue| {
            Reflect::set(&object, &k.into(), v).map_err(|e| StorageError::from_js(&e))
        };
        set("id", &media.id.as_str().into())?;
        set("blob", blob)?;
        set("sha256", &media.sha256.as_str().into())?;
        set("mime", &media.mime.as_str().into())?;
        Ok(Self::Put {
            store: schema::MEDIA,
            key: media.id.clone(),
            value: object.into(),
        })
    }

    /// A delete of a file's bytes.
    pub fn delete_media(id: &str) -> Self {
        Self::Delete {
            store: schema::MEDIA,
            key: id.to_string(),
        }
    }
}

impl Database {
    /// The bytes stored under `id`, if any.
    pub async fn media_blob(&self, id: &str) -> Result<Option<Blob>, StorageError> {
        self.check_open()?;
        let tx = self.transaction(&[schema::MEDIA], "readonly", Durability::Relaxed)?;
        let request = tx
            .object_store(schema::MEDIA)
            .and_then(|s| s.get(&JsValue::from_str(id)))
            .map_err(|e| StorageError::from_js(&e))?;
        let value = request_done(&request).await?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        Ok(Reflect::get(&value, &"blob".into())
            .ok()
            .and_then(|b| b.dyn_into::<Blob>().ok()))
    }
}

impl Database {
    /// The ids of every stored file (keys only: no bytes are read).
    pub async fn media_ids(&self) -> Result<std::collections::HashSet<String>, StorageError> {
        self.check_open()?;
        let tx = self.transaction(&[schema::MEDIA], "readonly", Durability::Relaxed)?;
        let request = tx
            .object_store(schema::MEDIA)
            .and_then(|s| s.get_all_keys())
            .map_err(|e| StorageError::from_js(&e))?;
        let keys = request_done(&request).await?;
        Ok(js_sys::Array::from(&keys)
            .iter()
            .filter_map(|k| k.as_string())
            .collect())
    }
}
