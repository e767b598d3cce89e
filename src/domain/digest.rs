//! SHA-256 digests as the app writes and shows them: the exchange file's checksum, a draw's
//! list hash and each stored evidence file's hash all use [`sha256_hex`]. Pure.

use sha2::{Digest, Sha256};

/// SHA-256 as lower-case hex (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A digest shortened for display, its first 8 and last 4 characters ("ba7816bf…15ad"):
/// enough to compare a file with the value shown at capture at a glance; the whole digest is
/// still shown where it is compared for certain. Shorter text is returned as it is.
pub fn short_fingerprint(hex: &str) -> String {
    let chars: Vec<char> = hex.trim().chars().collect();
    if chars.len() <= 12 {
        return chars.into_iter().collect();
    }
    let head: String = chars[..8].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}
