//! A small typed layer over the raw IndexedDB API (web-sys), written here rather than taken
//! from a crate so that two rules are visible in one place:
//! - a user action is one readwrite transaction whose requests are all issued synchronously,
//!   then committed; nothing else is awaited while it is open (awaiting anything but an
//!   IndexedDB request lets the browser auto-commit it half done);
//! - the durability of each transaction is chosen by the caller (`relaxed` for autosave,
//!   `strict` for what must survive a power loss the moment it is acknowledged).

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Object, Promise, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbVersionChangeEvent};

use super::{records::Record, schema, StorageError};

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase` seen through the one method web-sys offers only behind its
    /// unstable-API flag: `transaction(stores, mode, { durability })`.
    #[wasm_bindgen(extends = IdbDatabase)]
    type DatabaseWithDurability;

    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &DatabaseWithDurability,
        stores: &Array,
        mode: &str,
        options: &Object,
    ) -> Result<IdbTransaction, JsValue>;
}

/// How hard the browser must try before it reports a write as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Done once the OS has the data; the debounced autosave of ordinary edits.
    Relaxed,
    /// Done once the data is flushed to disk (10–20× slower on tablets): completing an
    /// inspection, an import, a schema migration.
    Strict,
}

impl Durability {
    fn as_str(self) -> &'static str {
        match self {
            Self::Relaxed => "relaxed",
            Self::Strict => "strict",
        }
    }
}

/// One change to one record.
#[derive(Debug, Clone)]
pub enum Write {
    Put {
        store: &'static str,
        key: String,
        value: JsValue,
    },
    Delete {
        store: &'static str,
        key: String,
    },
}

impl Write {
    /// A put of a typed record, converted to its stored shape now.
    pub fn put<R: Record>(record: &R) -> Result<Self, StorageError> {
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
        let value = record.serialize(&serializer)?;
        Ok(Self::Put {
            store: R::STORE,
            key: record.key().to_string(),
            value,
        })
    }

    /// A delete of a typed record.
    pub fn delete<R: Record>(key: &str) -> Self {
        Self::Delete {
            store: R::STORE,
            key: key.to_string(),
        }
    }

    /// The (store, key) this write targets; a later write to the same target supersedes it.
    pub fn target(&self) -> (&'static str, &str) {
        match self {
            Self::Put { store, key, .. } | Self::Delete { store, key } => (store, key),
        }
    }
}

/// Who is told when another tab upgrades the schema.
type VersionChangeListener = Rc<std::cell::RefCell<Option<Box<dyn Fn()>>>>;

/// An open database connection. Cheap to clone.
#[derive(Clone)]
pub struct Database {
    db: IdbDatabase,
    version_changed: Rc<Cell<bool>>,
    /// Set when the browser closed the connection on its own (the `close` event).
    closed: Rc<Cell<bool>>,
    /// Told when another tab upgrades the schema and this connection steps aside.
    on_version_change: VersionChangeListener,
}

impl Database {
    /// Opens (creating or upgrading) the database `name`. `on_blocked` runs if another tab
    /// holds an older version open; the open then waits until that tab closes or reloads.
    pub async fn open(name: &str, on_blocked: impl Fn() + 'static) -> Result<Self, StorageError> {
        let factory = web_sys::window()
            .ok_or_else(|| StorageError::Unavailable("no window".into()))?
            .indexed_db()
            .map_err(|e| StorageError::from_js(&e))?
            .ok_or_else(|| StorageError::Unavailable("IndexedDB 不可用".into()))?;
        let request = factory
            .open_with_u32(name, schema::VERSION)
            .map_err(|e| StorageError::from_js(&e))?;
        let upgraded = Rc::new(Cell::new(false));
        let upgrade_error: Rc<std::cell::RefCell<Option<StorageError>>> = Rc::default();
        {
            let upgraded = upgraded.clone();
            let upgrade_error = upgrade_error.clone();
            let on_upgrade = Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(
                move |event: IdbVersionChangeEvent| {
                    let Some(request) = event
                        .target()
                        .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
                    else {
                        return;
                    };
                    let (Ok(result), Some(tx)) = (request.result(), request.transaction()) else {
                        return;
                    };
                    let db: IdbDatabase = result.unchecked_into();
                    if let Err(e) = schema::upgrade(&db, &tx, event.old_version() as u32) {
                        *upgrade_error.borrow_mut() = Some(e);
                        let _ = tx.abort();
                    } else {
                        upgraded.set(true);
                    }
                },
            );
            request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
            on_upgrade.forget();
        }
        let on_blocked = Closure::<dyn FnMut()>::new(on_blocked);
        request.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));
        on_blocked.forget();

        let result = request_done(&request).await;
        if let Some(e) = upgrade_error.borrow_mut().take() {
            return Err(e);
        }
        let db: IdbDatabase = result?.unchecked_into();
        let version_changed = Rc::new(Cell::new(false));
        let on_version_change: VersionChangeListener = Rc::default();
        {
            // Another tab wants a newer schema: let it proceed, tell this page to reload, and
            // make our writes fail with a clear message (the autosave keeps the input in
            // memory) instead of blocking it.
            let flag = version_changed.clone();
            let db2 = db.clone();
            let tell = on_version_change.clone();
            let on_change = Closure::<dyn FnMut()>::new(move || {
                flag.set(true);
                db2.close();
                if let Some(tell) = tell.borrow().as_ref() {
                    tell();
                }
            });
            db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
        }
        let closed = Rc::new(Cell::new(false));
        {
            // Fired only when the browser closes the connection itself (memory pressure, site
            // data cleared): writes then fail with `Closed` and the autosave reopens.
            let flag = closed.clone();
            let on_close = Closure::<dyn FnMut()>::new(move || flag.set(true));
            db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
            on_close.forget();
        }
        let database = Self {
            db,
            version_changed,
            closed,
            on_version_change,
        };
        if upgraded.get() {
            // The versionchange transaction's durability cannot be chosen; a strict write right
            // after it flushes the same log, so the migration is on disk before any edit.
            let mark = Write::Put {
                store: schema::META,
                key: "schema".into(),
                value: meta_value("schema", schema::VERSION)?,
            };
            database.apply(&[mark], Durability::Strict).await?;
        }
        Ok(database)
    }

    /// The version this connection was opened at.
    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    /// Every record of a store, in key order.
    pub async fn all<R: Record + DeserializeOwned>(&self) -> Result<Vec<R>, StorageError> {
        self.check_open()?;
        let tx = self.transaction(&[R::STORE], "readonly", Durability::Relaxed)?;
        let store = tx
            .object_store(R::STORE)
            .map_err(|e| StorageError::from_js(&e))?;
        let request = store.get_all().map_err(|e| StorageError::from_js(&e))?;
        let values: Array = request_done(&request).await?.unchecked_into();
        values
            .iter()
            .map(|v| serde_wasm_bindgen::from_value(v).map_err(Into::into))
            .collect()
    }

    /// One record by key, if the store holds it.
    pub async fn get<R: Record + DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<R>, StorageError> {
        self.check_open()?;
        let tx = self.transaction(&[R::STORE], "readonly", Durability::Relaxed)?;
        let store = tx
            .object_store(R::STORE)
            .map_err(|e| StorageError::from_js(&e))?;
        let request = store
            .get(&JsValue::from_str(key))
            .map_err(|e| StorageError::from_js(&e))?;
        let value = request_done(&request).await?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        serde_wasm_bindgen::from_value(value)
            .map(Some)
            .map_err(Into::into)
    }

    /// Applies every write in one readwrite transaction: all or nothing.
    pub async fn apply(
        &self,
        writes: &[Write],
        durability: Durability,
    ) -> Result<(), StorageError> {
        if writes.is_empty() {
            return Ok(());
        }
        self.check_open()?;
        let mut stores: Vec<&'static str> = writes.iter().map(|w| w.target().0).collect();
        stores.sort_unstable();
        stores.dedup();
        let tx = self.transaction(&stores, "readwrite", durability)?;
        let done = transaction_done(&tx);
        for write in writes {
            let issued = match write {
                Write::Put { store, value, .. } => {
                    tx.object_store(store).and_then(|s| s.put(value))
                }
                Write::Delete { store, key } => tx
                    .object_store(store)
                    .and_then(|s| s.delete(&JsValue::from_str(key))),
            };
            if let Err(e) = issued {
                let _ = tx.abort();
                let _ = done.await;
                return Err(StorageError::from_js(&e));
            }
        }
        // Ask for the commit now rather than when the event loop comes round: the write is
        // under way even if the page is being hidden or unloaded.
        // web-sys marks commit() deprecated only because older browsers lack it; where it is
        // missing the transaction still auto-commits.
        #[allow(deprecated)]
        let _ = tx.commit();
        done.await
    }

    pub(super) fn transaction(
        &self,
        stores: &[&str],
        mode: &str,
        durability: Durability,
    ) -> Result<IdbTransaction, StorageError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let options = Object::new();
        Reflect::set(&options, &"durability".into(), &durability.as_str().into())
            .map_err(|e| StorageError::from_js(&e))?;
        self.db
            .unchecked_ref::<DatabaseWithDurability>()
            .transaction_with_options(&names, mode, &options)
            .map_err(|e| {
                if self.version_changed.get() {
                    StorageError::VersionChanged
                } else if self.closed.get() {
                    StorageError::Closed
                } else {
                    StorageError::from_js(&e)
                }
            })
    }

    pub(super) fn check_open(&self) -> Result<(), StorageError> {
        if self.version_changed.get() {
            Err(StorageError::VersionChanged)
        } else if self.closed.get() {
            Err(StorageError::Closed)
        } else {
            Ok(())
        }
    }

    /// Sets what is told when another tab upgrades the schema (this connection then closes).
    pub fn on_version_change(&self, tell: impl Fn() + 'static) {
        *self.on_version_change.borrow_mut() = Some(Box::new(tell));
    }

    /// Whether the browser closed this connection on its own.
    pub fn is_closed(&self) -> bool {
        self.closed.get()
    }

    /// How many records the app's record stores hold in all.
    pub async fn record_count(&self) -> Result<u32, StorageError> {
        self.check_open()?;
        let stores = [
            schema::INSTITUTIONS,
            schema::INSPECTORS,
            schema::PLANS,
            schema::INSPECTIONS,
            schema::STAYS,
            schema::SCENE_SHEETS,
        ];
        let tx = self.transaction(&stores, "readonly", Durability::Relaxed)?;
        let mut total = 0;
        for store in stores {
            let request = tx
                .object_store(store)
                .and_then(|s| s.count())
                .map_err(|e| StorageError::from_js(&e))?;
            total += request_done(&request).await?.as_f64().unwrap_or(0.0) as u32;
        }
        Ok(total)
    }
}

fn meta_value(key: &str, version: u32) -> Result<JsValue, StorageError> {
    let object = Object::new();
    let set = |k: &str, v: JsValue| {
        Reflect::set(&object, &k.into(), &v).map_err(|e| StorageError::from_js(&e))
    };
    set("key", key.into())?;
    set("version", version.into())?;
    set("at", js_sys::Date::new_0().to_iso_string().into())?;
    Ok(object.into())
}

/// Resolves with the request's result once it succeeds, or its error.
pub(super) async fn request_done(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_request = request.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_request.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_request = request.clone();
        let err = Closure::once_into_js(move || {
            let error = err_request
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| StorageError::from_js(&e))
}

/// Resolves when the transaction commits, or with the reason it aborted.
fn transaction_done(
    tx: &IdbTransaction,
) -> impl std::future::Future<Output = Result<(), StorageError>> {
    let promise = Promise::new(&mut |resolve, reject| {
        let complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let abort_tx = tx.clone();
        let abort = Closure::once_into_js(move || {
            let error = abort_tx
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("transaction aborted"));
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(complete.unchecked_ref()));
        tx.set_onabort(Some(abort.unchecked_ref()));
    });
    async move {
        JsFuture::from(promise)
            .await
            .map(|_| ())
            .map_err(|e| StorageError::from_js(&e))
    }
}
