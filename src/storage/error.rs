//! Storage failures, classified so the UI can say what happened and what to do, in Chinese.

use wasm_bindgen::{JsCast, JsValue};

/// Why a read or write did not happen. The user's input is never dropped on any of these:
/// the autosave queue keeps it in memory until a retry succeeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No IndexedDB (some private modes, or storage disabled by policy).
    Unavailable(String),
    /// Another tab holds the database open with an older version and must be closed.
    Blocked,
    /// The device or the browser's quota for this site is full.
    QuotaExceeded,
    /// Another tab upgraded the database; this tab must reload.
    VersionChanged,
    /// The browser closed the connection (memory pressure, site data cleared); it is reopened.
    Closed,
    /// A record could not be converted to or from its stored shape.
    Corrupt(String),
    /// Anything else the browser reported.
    Other(String),
}

impl StorageError {
    /// Classifies a JavaScript error (usually a `DOMException`) by its name.
    pub fn from_js(value: &JsValue) -> Self {
        let (name, message) = match value.dyn_ref::<web_sys::DomException>() {
            Some(e) => (e.name(), e.message()),
            None => match value.dyn_ref::<js_sys::Error>() {
                Some(e) => (String::from(e.name()), String::from(e.message())),
                None => (
                    String::new(),
                    value.as_string().unwrap_or_else(|| format!("{value:?}")),
                ),
            },
        };
        match name.as_str() {
            "QuotaExceededError" => Self::QuotaExceeded,
            "VersionError" | "InvalidStateError" if message.contains("version") => {
                Self::VersionChanged
            }
            "InvalidStateError" | "SecurityError" | "NotAllowedError" => Self::Unavailable(message),
            "DataCloneError" | "DataError" => Self::Corrupt(message),
            _ if name.is_empty() => Self::Other(message),
            _ => Self::Other(format!("{name}: {message}")),
        }
    }

    /// What the user reads: Chinese only. A browser's own (English) detail is left out here; the
    /// autosave logs the whole error to the console.
    pub fn message(&self) -> String {
        match self {
            Self::Unavailable(detail) => format!(
                "浏览器不允许本应用保存数据（可能处于无痕/隐私模式，或存储已被禁用）。请使用普通模式打开。{}",
                shown(detail)
            ),
            Self::Blocked => "数据库升级被其他标签页阻止：请关闭本应用的其他标签页，然后刷新本页。".into(),
            Self::QuotaExceeded => {
                "设备存储空间已满，数据暂未保存（仍保留在本页内存中）。请清理设备空间或导出后删除旧数据，再点“重试”。".into()
            }
            Self::VersionChanged => "本应用已在其他标签页更新，请刷新本页后继续（未保存的内容会先保留在本页）。".into(),
            Self::Closed => "浏览器关闭了本机数据库的连接，正在重新连接并重试保存（内容保留在本页）。".into(),
            Self::Corrupt(detail) => format!("数据格式错误，无法读写。{}", shown(detail)),
            Self::Other(detail) => format!("保存失败。{}", shown(detail)),
        }
    }
}

/// A detail worth showing: one of the app's own (Chinese) explanations, not a browser's text.
fn shown(detail: &str) -> String {
    let chinese = detail
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if chinese {
        format!("详情：{detail}")
    } else {
        "详情已记录在浏览器控制台。".into()
    }
}

impl From<serde_wasm_bindgen::Error> for StorageError {
    fn from(e: serde_wasm_bindgen::Error) -> Self {
        Self::Corrupt(e.to_string())
    }
}
