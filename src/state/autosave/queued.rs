//! A write waiting in the autosave queue: ready (an add, a delete, a batch), or made from memory
//! when the queue is written (an edit while typing: the record is converted once per write, not
//! once per keystroke, and the write carries the record as it is by then).

use std::rc::Rc;

use crate::storage::Write;

/// Makes the write of a record from memory; `None` when the record is no longer held (its
/// delete is queued on its own).
pub type MakeWrite = Rc<dyn Fn() -> Option<Write>>;

#[derive(Clone)]
pub enum Queued {
    Ready(Write),
    Later {
        store: &'static str,
        key: String,
        make: MakeWrite,
    },
}

impl Queued {
    /// The (store, key) written; a later write to the same target supersedes this one.
    pub fn target(&self) -> (&'static str, &str) {
        match self {
            Self::Ready(write) => write.target(),
            Self::Later { store, key, .. } => (store, key),
        }
    }

    /// The write as of now.
    pub fn write(&self) -> Option<Write> {
        match self {
            Self::Ready(write) => Some(write.clone()),
            Self::Later { make, .. } => make(),
        }
    }
}
