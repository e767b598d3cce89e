//! Signatures bound to what was signed (签名与内容绑定). A signature keeps the SHA-256 of the
//! document content it was given under (`Document::content_digest`); when the content changes
//! afterwards (a finding added, a handling or wording edited), the signature no longer matches.
//! Such a signature is never printed under the changed text: the document says 签名后内容已修改
//! and leaves the line to be signed again, and completing or reviewing is refused until the
//! signers sign afresh. A signature made before digests were kept cannot be checked and says so.

use super::media::Signature;

/// How a signature stands against the content as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureState {
    /// Given under exactly this content.
    Matches,
    /// Given under other content: the text changed after signing.
    Changed,
    /// Made before digests were kept: it cannot be checked.
    Unrecorded,
}

impl SignatureState {
    pub fn of(signature: &Signature, digest: &str) -> Self {
        match signature.content_sha256.as_deref() {
            Some(signed) if signed == digest => Self::Matches,
            Some(_) => Self::Changed,
            None => Self::Unrecorded,
        }
    }

    /// What the signature's row says; nothing for a match.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Self::Matches => None,
            Self::Changed => Some("签名后内容已修改，须重新签名"),
            Self::Unrecorded => Some("签名时未记录内容摘要，无法核对"),
        }
    }
}

/// The signatures given under other content than `digest`.
pub fn changed<'a>(signatures: &'a [Signature], digest: &str) -> Vec<&'a Signature> {
    signatures
        .iter()
        .filter(|s| SignatureState::of(s, digest) == SignatureState::Changed)
        .collect()
}

/// "签名后内容已修改：张三、王五的签名不是对当前文本所签，须重新签名。"
pub fn changed_message(names: &[String]) -> String {
    format!(
        "签名后内容已修改：{}的签名不是对当前文本所签，须重新签名。",
        names.join("、")
    )
}

/// Why completing or reviewing (`action`: "完成检查", "审核") is refused while signatures no
/// longer match.
pub fn refusal(names: &[String], action: &str) -> String {
    format!(
        "签名后内容已修改（{}的签名与当前现场检查笔录不符），请重新签名后再{action}。",
        names.join("、")
    )
}

/// What reopening a signed inspection will do, said before it acts.
pub const REOPEN_WARNING: &str =
    "重新打开后，对检查内容的任何修改都会使已有签名与现场检查笔录不符，须重新签名后才能再次完成。";
