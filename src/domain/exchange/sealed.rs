//! An exchange file sealed with a passphrase, for files that leave the office: the whole file
//! encrypted with AES-256-GCM under a key derived from the passphrase with PBKDF2-SHA256
//! (at least [`MIN_ITERATIONS`]), wrapped in a small JSON envelope that says how. The
//! encryption itself is the browser's (WebCrypto); this module writes and checks the envelope.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The envelope's format name.
pub const SEALED_FORMAT: &str = "jiandu-exchange-sealed";
/// The envelope version this app writes and reads.
pub const SEALED_VERSION: u32 = 1;
/// PBKDF2 iterations written and the least accepted (OWASP's 2023 figure for SHA-256).
pub const MIN_ITERATIONS: u32 = 600_000;
/// Salt and IV lengths in bytes.
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// The shortest passphrase accepted when sealing.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// How the key is derived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kdf {
    /// Always "PBKDF2".
    pub name: String,
    /// Always "SHA-256".
    pub hash: String,
    pub iterations: u32,
    /// Base64.
    pub salt: String,
}

/// The envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: String,
    pub format_version: u32,
    pub kdf: Kdf,
    /// Always "AES-GCM" (256-bit key, 128-bit tag).
    pub cipher: String,
    /// Base64 of the 12-byte IV.
    pub iv: String,
    /// Base64 of the encrypted exchange file (tag appended, as WebCrypto returns it).
    pub ciphertext: String,
}

/// What decryption needs, read from a checked envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

/// The envelope's bytes around a ciphertext.
pub fn seal(salt: &[u8], iv: &[u8], iterations: u32, ciphertext: &[u8]) -> Vec<u8> {
    let envelope = Envelope {
        format: SEALED_FORMAT.into(),
        format_version: SEALED_VERSION,
        kdf: Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations,
            salt: STANDARD.encode(salt),
        },
        cipher: "AES-GCM".into(),
        iv: STANDARD.encode(iv),
        ciphertext: STANDARD.encode(ciphertext),
    };
    serde_json::to_vec_pretty(&envelope).unwrap_or_default()
}

/// Whether the bytes look like a sealed file (so the app asks for the passphrase).
pub fn is_sealed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    String::from_utf8_lossy(head).contains(SEALED_FORMAT)
}

/// Reads and checks an envelope; the message says what is wrong.
pub fn open_envelope(bytes: &[u8]) -> Result<Sealed, String> {
    let envelope: Envelope =
        serde_json::from_slice(bytes).map_err(|e| format!("加密文件的格式有误：{e}"))?;
    if envelope.format != SEALED_FORMAT {
        return Err("不是本应用的加密数据文件".into());
    }
    if envelope.format_version > SEALED_VERSION {
        return Err(format!(
            "加密文件由较新版本的应用生成（版本 {}），请先更新本应用",
            envelope.format_version
        ));
    }
    if envelope.kdf.name != "PBKDF2"
        || envelope.kdf.hash != "SHA-256"
        || envelope.cipher != "AES-GCM"
    {
        return Err("加密文件使用了本应用不支持的加密方式".into());
    }
    if envelope.kdf.iterations < MIN_ITERATIONS {
        return Err(format!(
            "加密文件的密钥派生次数过少（{}次，至少{MIN_ITERATIONS}次），不够安全，已拒绝",
            envelope.kdf.iterations
        ));
    }
    let decode = |what: &str, text: &str| {
        STANDARD
            .decode(text)
            .map_err(|_| format!("加密文件的{what}不是有效的 Base64 文本"))
    };
    let salt = decode("盐值", &envelope.kdf.salt)?;
    let iv = decode("初始向量", &envelope.iv)?;
    let ciphertext = decode("密文", &envelope.ciphertext)?;
    if salt.len() < SALT_BYTES {
        return Err("加密文件的盐值过短".into());
    }
    if iv.len() != IV_BYTES {
        return Err("加密文件的初始向量长度不对".into());
    }
    if ciphertext.len() < 16 {
        return Err("加密文件的密文不完整".into());
    }
    Ok(Sealed {
        iterations: envelope.kdf.iterations,
        salt,
        iv,
        ciphertext,
    })
}

/// Why a passphrase cannot seal a file, if it cannot.
pub fn passphrase_problem(passphrase: &str, repeated: &str) -> Option<String> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Some(format!("密码至少{MIN_PASSPHRASE_CHARS}个字符"));
    }
    if passphrase != repeated {
        return Some("两次输入的密码不一致".into());
    }
    None
}
