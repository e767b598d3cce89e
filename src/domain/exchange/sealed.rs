//! An exchange file sealed with a passphrase, for files that leave the office: the whole file
//! encrypted with AES-256-GCM under a key derived from the passphrase with PBKDF2-SHA256
//! (at least [`MIN_ITERATIONS`], at most [`MAX_ITERATIONS`]), wrapped in a small JSON envelope
//! that says how. The encryption itself is the browser's (WebCrypto); this module writes and
//! checks the envelope, and bounds everything in it that costs work before anything is derived
//! or decrypted. Every refusal is in Chinese (no serde text).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::problems::{explain, megabytes, shorten};

/// The envelope's format name.
pub const SEALED_FORMAT: &str = "jiandu-exchange-sealed";
/// The envelope version this app writes and reads.
pub const SEALED_VERSION: u32 = 1;
/// PBKDF2 iterations written and the least accepted (OWASP's 2023 figure for SHA-256).
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most PBKDF2 iterations accepted: ten times what the app writes. Deriving costs time in
/// proportion (about a second per [`MIN_ITERATIONS`] on a laptop, several on a tablet), and the
/// file chooses the count: 4,294,967,295 would keep 解密 busy for hours. Checked before
/// anything is derived.
pub const MAX_ITERATIONS: u32 = 10 * MIN_ITERATIONS;
/// Salt and IV lengths in bytes (the salt written; the least accepted).
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// The longest salt accepted (PBKDF2 allows any; no tool writes more than this).
pub const MAX_SALT_BYTES: usize = 64;
/// AES-GCM's tag, appended to the ciphertext.
pub const TAG_BYTES: usize = 16;
/// The largest file sealed or opened: the largest exchange file (an archive with its media).
pub const MAX_PLAIN_BYTES: usize = super::archive::MAX_ARCHIVE_BYTES;
/// The largest ciphertext accepted: the largest file and its tag.
pub const MAX_CIPHERTEXT_BYTES: usize = MAX_PLAIN_BYTES + TAG_BYTES;
/// The largest sealed file read: the Base64 of the largest ciphertext and the envelope's other
/// fields (a few hundred bytes; 4 KiB allows any white space a tool may add).
pub const MAX_SEALED_BYTES: usize = base64_len(MAX_CIPHERTEXT_BYTES) + 4096;

/// The length of the (padded) Base64 text of `bytes` bytes.
const fn base64_len(bytes: usize) -> usize {
    bytes.div_ceil(3) * 4
}
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

/// Reads and checks an envelope; the message says what is wrong. Its size, iteration count,
/// salt, IV and ciphertext are bounded here, so what `browser::crypto::unseal` is given costs at
/// most [`MAX_ITERATIONS`] iterations and [`MAX_CIPHERTEXT_BYTES`] bytes.
pub fn open_envelope(bytes: &[u8]) -> Result<Sealed, String> {
    if bytes.len() > MAX_SEALED_BYTES {
        return Err(format!(
            "加密文件过大（{}），超过导入上限 {}",
            megabytes(bytes.len()),
            megabytes(MAX_SEALED_BYTES)
        ));
    }
    let envelope = parse(bytes)?;
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
    if envelope.kdf.iterations > MAX_ITERATIONS {
        return Err(format!(
            "加密文件的密钥派生次数过多（{}次，最多{MAX_ITERATIONS}次），解密将耗时过长，已拒绝；本应用加密时使用{MIN_ITERATIONS}次",
            envelope.kdf.iterations
        ));
    }
    // Lengths are checked on the text first, so nothing over a limit is decoded.
    let decode = |what: &str, text: &str, max_bytes: usize| {
        if text.len() > base64_len(max_bytes) {
            return Err(format!("加密文件的{what}过长"));
        }
        STANDARD
            .decode(text)
            .map_err(|_| format!("加密文件的{what}不是有效的 Base64 文本"))
    };
    let salt = decode("盐值", &envelope.kdf.salt, MAX_SALT_BYTES)?;
    // The IV's exact length is checked below; this only keeps a long text from being decoded.
    let iv = decode("初始向量", &envelope.iv, MAX_SALT_BYTES)?;
    let ciphertext = decode("密文", &envelope.ciphertext, MAX_CIPHERTEXT_BYTES)?;
    if salt.len() < SALT_BYTES {
        return Err("加密文件的盐值过短".into());
    }
    if salt.len() > MAX_SALT_BYTES {
        return Err("加密文件的盐值过长".into());
    }
    if iv.len() != IV_BYTES {
        return Err("加密文件的初始向量长度不对".into());
    }
    if ciphertext.len() < TAG_BYTES {
        return Err("加密文件的密文不完整".into());
    }
    if ciphertext.len() > MAX_CIPHERTEXT_BYTES {
        return Err(format!(
            "加密文件的密文过大（{}），超过导入上限 {}",
            megabytes(ciphertext.len()),
            megabytes(MAX_CIPHERTEXT_BYTES)
        ));
    }
    Ok(Sealed {
        iterations: envelope.kdf.iterations,
        salt,
        iv,
        ciphertext,
    })
}

/// The envelope's JSON, every serde error said in Chinese: where in the file (line and
/// column, or the field's path) and what is wrong.
fn parse(bytes: &[u8]) -> Result<Envelope, String> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let envelope: Envelope = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| refusal(&e.path().to_string(), e.inner()))?;
    deserializer.end().map_err(|e| refusal(".", &e))?;
    Ok(envelope)
}

/// A serde error reading the envelope, at `path` (`.` for the document), in Chinese.
fn refusal(path: &str, e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let detail = e.to_string();
    match e.classify() {
        Category::Eof => {
            "加密文件不完整：内容在结尾前中断，可能下载或复制时被截断，请重新导出".into()
        }
        _ if detail.contains("recursion limit") => {
            "加密文件结构嵌套过深（超过128层），不是本应用导出的文件".into()
        }
        _ if detail.contains("trailing characters") => format!(
            "加密文件在数据结束后还有多余的内容（从第{}行第{}列起），可能被其他程序改动或拼接过",
            e.line(),
            e.column()
        ),
        Category::Data if path == "." => format!("加密文件的格式有误：{}", explain(&detail)),
        Category::Data => format!("加密文件“{}”有误：{}", shorten(path), explain(&detail)),
        _ => format!(
            "加密文件的格式有误（第{}行第{}列附近），不是有效的加密数据文件",
            e.line(),
            e.column()
        ),
    }
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
