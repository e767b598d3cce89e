//! Telling the app's other tabs which records were written (a `BroadcastChannel`), and hearing
//! what they wrote. A message names records only; the listener reads them from IndexedDB.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "jiandu-records";

/// The records one tab wrote: (store, key) pairs.
pub type Written = Vec<(String, String)>;

/// This tab's end of the channel. Cheap to clone.
#[derive(Clone)]
pub struct Tabs {
    channel: BroadcastChannel,
}

impl Tabs {
    /// Opens the channel; `on_written` hears what the other tabs wrote. `None` where the
    /// browser has no BroadcastChannel (then each tab sees the others' edits on reload).
    pub fn open(on_written: impl Fn(Written) + 'static) -> Option<Self> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if let Ok(written) = serde_json::from_str::<Written>(&text) {
                on_written(written);
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        // The channel lives as long as the page.
        listener.forget();
        Some(Self { channel })
    }

    /// Tells the other tabs which records this tab wrote (a tab does not hear itself).
    pub fn announce(&self, written: &[(&str, &str)]) {
        if let Ok(text) = serde_json::to_string(written) {
            let _ = self.channel.post_message(&JsValue::from_str(&text));
        }
    }
}
