//! A batch written at once in a strict transaction of its own, its result handed to the caller:
//! for the actions that say what they did only once it is on disk.

use leptos::prelude::*;

use super::{Autosave, SaveStatus};
use crate::storage::{Durability, StorageError, Write};

impl Autosave {
    /// Writes a batch at once in a strict transaction of its own, after everything pending, and
    /// hands the result to the caller instead of retrying it (attaching a photo: on failure the
    /// caller undoes its change and says so). The header shows 保存中 meanwhile, and other tabs
    /// are told of what was written.
    pub async fn apply_alone(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        // A queued write of a record in this batch is older than the batch's copy (built from
        // memory now): drop it, or it would be written after the batch and undo it.
        self.queue.update_value(|q| {
            for write in &writes {
                let (store, key) = write.target();
                q.pending.retain(|(_, w)| w.target() != (store, key));
                q.latest.remove(&(store, key.to_string()));
            }
        });
        self.flush();
        let database = self
            .database()
            .ok_or_else(|| StorageError::Unavailable("数据库暂不可用".into()))?;
        self.queue.update_value(|q| q.in_flight += 1);
        self.status.set(SaveStatus::Saving);
        let result = database.apply(&writes, Durability::Strict).await;
        let remaining = self
            .queue
            .try_update_value(|q| {
                q.in_flight -= 1;
                if result.is_ok() {
                    if let Some(tell) = &q.on_saved {
                        tell(&writes);
                    }
                }
                q.pending.len() + q.in_flight
            })
            .unwrap_or(0);
        if matches!(result, Err(StorageError::Closed)) {
            self.reconnect();
        }
        if remaining == 0 && !matches!(self.status.get_untracked(), SaveStatus::Failed(_)) {
            self.status.set(SaveStatus::Saved);
        }
        result
    }
}
