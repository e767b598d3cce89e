//! The only code that touches IndexedDB and localStorage. Everything above it sees typed
//! records, [`Write`] batches and [`StorageError`]s with a Chinese message.

mod error;
mod idb;
mod media;
pub mod preferences;
mod records;
pub mod schema;

pub use error::StorageError;
pub use idb::{Database, Durability, Write};
pub use records::Record;
