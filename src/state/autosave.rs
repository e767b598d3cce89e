//! The autosave queue: every edit becomes a pending write (an edit while typing is converted from
//! memory only when the queue is written, not per keystroke), written in one relaxed
//! transaction 300 ms after typing pauses, or 1 s after the first unsaved edit while typing goes
//! on (so a crash, which fires no event, loses at most about a second of typing), at once on
//! `visibilitychange`/`pagehide`, and kept in memory (with a visible 保存失败 and a retry) for
//! as long as the database refuses it.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::storage::{Database, Durability, StorageError, Write};

mod alone;
mod queued;

pub use queued::MakeWrite;
use queued::Queued;

/// How long typing may pause before the edit is written.
pub const DEBOUNCE: Duration = Duration::from_millis(300);
/// The longest an edit waits while typing goes on without a pause: what a crash can cost.
pub const MAX_WAIT: Duration = Duration::from_millis(1000);

/// What the save indicator shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    /// Edits are waiting for the debounce or for a transaction to finish.
    Saving,
    /// The last write failed; the edits are kept in memory.
    Failed(String),
}

/// Told of every batch written.
type SavedListener = Box<dyn Fn(&[Write])>;

struct Queue {
    database: Option<Database>,
    /// Writes not yet handed to a transaction, oldest first, at most one per target.
    pending: Vec<(u64, Queued)>,
    /// The newest sequence number queued per target: a failed write is re-queued only if no
    /// newer write for the same record was made since.
    latest: HashMap<(&'static str, String), u64>,
    next_seq: u64,
    in_flight: usize,
    timer: Option<TimeoutHandle>,
    /// The [`MAX_WAIT`] timer, set by the first edit after a flush and not moved by later ones.
    deadline: Option<TimeoutHandle>,
    /// Set when the database cannot be used at all (so retries say why).
    unavailable: Option<StorageError>,
    /// Told of every batch written (to tell the other tabs).
    on_saved: Option<SavedListener>,
    /// Called once when the browser closed the connection, to reopen it.
    on_closed: Option<Box<dyn Fn()>>,
    reconnecting: bool,
}

/// The autosave context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Autosave {
    queue: StoredValue<Queue, LocalStorage>,
    status: RwSignal<SaveStatus>,
}

/// Creates the queue, flushes it when the page is hidden or unloaded, and warns before an
/// unload that would lose edits the database refused.
pub fn provide_autosave() -> Autosave {
    let autosave = Autosave {
        queue: StoredValue::new_local(Queue {
            database: None,
            pending: Vec::new(),
            latest: HashMap::new(),
            next_seq: 0,
            in_flight: 0,
            timer: None,
            deadline: None,
            unavailable: None,
            on_saved: None,
            on_closed: None,
            reconnecting: false,
        }),
        status: RwSignal::new(SaveStatus::Saved),
    };
    for event in ["visibilitychange", "pagehide"] {
        let handle = window_event_listener_untyped(event, move |_| autosave.flush());
        // Page-lifetime listeners: the app never unmounts its root.
        std::mem::forget(handle);
    }
    // Pending edits are flushed on pagehide; only edits the database already refused would be
    // lost by leaving, so only then does the browser ask the user to confirm.
    let handle = window_event_listener_untyped("beforeunload", move |event| {
        if matches!(autosave.status.get_untracked(), SaveStatus::Failed(_))
            && autosave.has_unsaved()
        {
            event.prevent_default();
        }
    });
    std::mem::forget(handle);
    provide_context(autosave);
    autosave
}

/// The autosave context provided by the app root.
pub fn use_autosave() -> Autosave {
    expect_context::<Autosave>()
}

impl Autosave {
    /// The save indicator's state.
    pub fn status(&self) -> ReadSignal<SaveStatus> {
        self.status.read_only()
    }

    /// Sets who is told of every batch written.
    pub fn on_saved(&self, tell: impl Fn(&[Write]) + 'static) {
        self.queue
            .update_value(|q| q.on_saved = Some(Box::new(tell)));
    }

    /// Sets what reopens the database when the browser closed the connection.
    pub fn on_closed(&self, reopen: impl Fn() + 'static) {
        self.queue
            .update_value(|q| q.on_closed = Some(Box::new(reopen)));
    }

    /// The open database, if any.
    pub fn database(&self) -> Option<Database> {
        self.queue.with_value(|q| q.database.clone())
    }

    /// Queues writes to go with the next flush (after a reconnection, the records this page
    /// holds, when the browser emptied the database).
    pub fn queue_for_attach(&self, writes: Vec<Write>) {
        for write in writes {
            self.enqueue(Queued::Ready(write));
        }
    }

    /// Whether a write of this record waits in the queue (not yet handed to a transaction).
    pub fn is_pending(&self, store: &str, key: &str) -> bool {
        self.queue
            .with_value(|q| q.pending.iter().any(|(_, w)| w.target() == (store, key)))
    }

    /// Whether an edit of this record is not yet known to be on disk (queued or being written).
    pub fn is_unsaved(&self, store: &'static str, key: &str) -> bool {
        self.queue
            .with_value(|q| q.latest.contains_key(&(store, key.to_string())))
    }

    /// Drops the queued write of this record: another tab wrote the record since this tab's
    /// copy was read, so this write is stale and must not be applied (a merged one replaces it).
    pub fn discard(&self, store: &str, key: &str) {
        self.queue.update_value(|q| {
            q.pending.retain(|(_, w)| w.target() != (store, key));
            q.latest.retain(|(s, k), _| !(*s == store && k == key));
        });
    }

    /// Connects the queue to the opened database and writes what was queued before.
    pub fn attach(&self, database: Database) {
        self.queue.update_value(|q| {
            q.database = Some(database);
            q.unavailable = None;
            q.reconnecting = false;
        });
        self.flush();
    }

    /// Records that the database cannot be opened; edits stay in memory.
    pub fn detach(&self, error: StorageError) {
        self.status.set(SaveStatus::Failed(error.message()));
        self.queue.update_value(|q| q.unavailable = Some(error));
    }

    /// Queues an edit; it is written after [`DEBOUNCE`] without further edits, and at the
    /// latest [`MAX_WAIT`] after the first edit not yet written.
    pub fn queue(&self, write: Write) {
        self.queue_queued(Queued::Ready(write));
    }

    /// Queues an edit of a record like [`Autosave::queue`], its write made from memory only when
    /// the queue is written.
    pub fn queue_later(&self, store: &'static str, key: &str, make: MakeWrite) {
        self.queue_queued(Queued::Later {
            store,
            key: key.to_string(),
            make,
        });
    }

    fn queue_queued(&self, write: Queued) {
        self.enqueue(write);
        let this = *self;
        let timer = set_timeout_with_handle(move || this.flush(), DEBOUNCE).ok();
        let needs_deadline = self.queue.with_value(|q| q.deadline.is_none());
        let deadline = needs_deadline
            .then(|| set_timeout_with_handle(move || this.flush(), MAX_WAIT).ok())
            .flatten();
        self.queue.update_value(|q| {
            if let Some(old) = std::mem::replace(&mut q.timer, timer) {
                old.clear();
            }
            if deadline.is_some() {
                q.deadline = deadline;
            }
        });
    }

    /// Queues a discrete action (add, delete) and writes it, with whatever else is pending, now.
    pub fn queue_now(&self, write: Write) {
        self.enqueue(Queued::Ready(write));
        self.flush();
    }

    /// Whether some edit is not yet known to be on disk.
    pub fn has_unsaved(&self) -> bool {
        self.queue
            .with_value(|q| !q.pending.is_empty() || q.in_flight > 0)
    }

    fn enqueue(&self, write: Queued) {
        self.queue.update_value(|q| {
            let (store, key) = write.target();
            let target = (store, key.to_string());
            q.next_seq += 1;
            let seq = q.next_seq;
            q.latest.insert(target.clone(), seq);
            q.pending
                .retain(|(_, w)| w.target() != (target.0, target.1.as_str()));
            q.pending.push((seq, write));
        });
        if !matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            self.status.set(SaveStatus::Saving);
        }
    }

    /// Queues an action that must survive a power loss once acknowledged (completing an
    /// inspection, an import) and writes it, with everything pending, in one strict transaction.
    pub fn queue_durable(&self, write: Write) {
        self.enqueue(Queued::Ready(write));
        self.flush_with(Durability::Strict);
    }

    /// Shows 保存中 while something is being prepared for writing (the sample's photos being
    /// drawn); the next flush settles the status again.
    pub fn mark_saving(&self) {
        if !matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            self.status.set(SaveStatus::Saving);
        }
    }

    /// Reopens the database once (the failed writes stay queued and go with the next flush).
    pub(super) fn reconnect(&self) {
        let reopen = self.queue.try_update_value(|q| {
            if q.reconnecting {
                return false;
            }
            q.reconnecting = true;
            q.database = None;
            true
        });
        if reopen == Some(true) {
            self.queue.with_value(|q| {
                if let Some(reopen) = &q.on_closed {
                    reopen();
                }
            });
        }
    }

    /// Writes everything pending in one relaxed transaction, now.
    pub fn flush(&self) {
        self.flush_with(Durability::Relaxed);
    }

    fn flush_with(&self, durability: Durability) {
        let batch = self.queue.try_update_value(|q| {
            for timer in [q.timer.take(), q.deadline.take()].into_iter().flatten() {
                timer.clear();
            }
            if q.pending.is_empty() {
                return Ok(None);
            }
            match &q.database {
                Some(db) => {
                    q.in_flight += 1;
                    Ok(Some((db.clone(), std::mem::take(&mut q.pending))))
                }
                None => Err(q.unavailable.clone()),
            }
        });
        let (database, batch) = match batch {
            Some(Ok(Some(work))) => work,
            Some(Ok(None)) => {
                if self.queue.with_value(|q| q.in_flight == 0) {
                    self.status.set(SaveStatus::Saved);
                }
                return;
            }
            // Not opened yet: the open will flush. Opening failed: say so again.
            Some(Err(error)) => {
                if let Some(error) = error {
                    self.status.set(SaveStatus::Failed(error.message()));
                }
                return;
            }
            None => return,
        };
        self.status.set(SaveStatus::Saving);
        // Edits queued as `Later` are converted now, from the records as memory holds them.
        let batch: Vec<(u64, Write)> = batch
            .into_iter()
            .filter_map(|(seq, queued)| Some((seq, queued.write()?)))
            .collect();
        let this = *self;
        spawn_local(async move {
            let writes: Vec<Write> = batch.iter().map(|(_, w)| w.clone()).collect();
            let result = database.apply(&writes, durability).await;
            this.finish(batch, result);
        });
    }

    fn finish(&self, batch: Vec<(u64, Write)>, result: Result<(), StorageError>) {
        let (failed, remaining) = self
            .queue
            .try_update_value(|q| {
                q.in_flight -= 1;
                let failed = result.err();
                if failed.is_some() {
                    let mut requeue: Vec<(u64, Queued)> = batch
                        .into_iter()
                        .filter(|(seq, w)| {
                            let (store, key) = w.target();
                            q.latest.get(&(store, key.to_string())) == Some(seq)
                        })
                        .map(|(seq, w)| (seq, Queued::Ready(w)))
                        .collect();
                    requeue.append(&mut q.pending);
                    q.pending = requeue;
                } else {
                    if let Some(tell) = &q.on_saved {
                        let written: Vec<Write> = batch.iter().map(|(_, w)| w.clone()).collect();
                        tell(&written);
                    }
                    for (seq, w) in &batch {
                        let (store, key) = w.target();
                        let target = (store, key.to_string());
                        if q.latest.get(&target) == Some(seq) {
                            q.latest.remove(&target);
                        }
                    }
                }
                (failed, q.pending.len() + q.in_flight)
            })
            .unwrap_or((None, 0));
        if matches!(failed, Some(StorageError::Closed)) {
            self.reconnect();
        }
        match failed {
            Some(error) => {
                web_sys::console::warn_1(&format!("autosave failed: {error:?}").into());
                self.status.set(SaveStatus::Failed(error.message()));
            }
            None if remaining == 0 => self.status.set(SaveStatus::Saved),
            None => {}
        }
    }
}
