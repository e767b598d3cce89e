//! Passphrase encryption of exchange files with WebCrypto: PBKDF2-SHA256 derives an AES-256-GCM
//! key from the passphrase and a random salt; the envelope is `domain::exchange::sealed`'s.
//! WebCrypto exists only in secure contexts (HTTPS, localhost), so elsewhere this says so.
//! Every message is Chinese: the browser's own error (English, and naming JavaScript types)
//! goes to the console for whoever debugs, never into a message the user reads.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::domain::exchange::sealed::{self, Sealed, IV_BYTES, MIN_ITERATIONS, SALT_BYTES};

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("此浏览器不支持加密")?;
    // `crypto.subtle` is undefined outside secure contexts.
    let subtle = Reflect::get(&crypto, &"subtle".into())
        .ok()
        .filter(|s| !s.is_undefined())
        .ok_or("加密需要通过 HTTPS（或本机地址）打开本应用")?;
    Ok((crypto, subtle.unchecked_into()))
}

const ENCRYPT_FAILED: &str = "加密失败，请重试";
const DERIVE_FAILED: &str = "无法由密码生成密钥，请重试";

/// Logs the browser's error to the console and gives the user's `message` instead.
fn failed(message: &'static str) -> impl Fn(JsValue) -> String {
    move |error| {
        web_sys::console::warn_2(&format!("{message}：").into(), &error);
        message.to_string()
    }
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, String> {
    let o = Object::new();
    for (key, value) in fields {
        Reflect::set(&o, &(*key).into(), value).map_err(failed(ENCRYPT_FAILED))?;
    }
    Ok(o)
}

async fn resolve(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The AES-GCM key for a passphrase and salt.
async fn derive(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, String> {
    let fail = failed(DERIVE_FAILED);
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&"deriveKey".into());
    let base = resolve(subtle.import_key_with_object(
        "raw",
        &raw,
        &object(&[("name", "PBKDF2".into())])?,
        false,
        &usages,
    ))
    .await
    .map_err(&fail)?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ])?;
    let key_type = object(&[("name", "AES-GCM".into()), ("length", 256.into())])?;
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = resolve(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &key_type,
        false,
        &usages,
    ))
    .await
    .map_err(&fail)?;
    Ok(key.unchecked_into())
}

/// Encrypts an exchange file with a passphrase; returns the sealed file's bytes.
pub async fn seal(passphrase: &str, plain: &[u8]) -> Result<Vec<u8>, String> {
    let (crypto, subtle) = subtle()?;
    let mut salt = [0u8; SALT_BYTES];
    let mut iv = [0u8; IV_BYTES];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .and_then(|_| crypto.get_random_values_with_u8_array(&mut iv))
        .map_err(failed(ENCRYPT_FAILED))?;
    let key = derive(&subtle, passphrase, &salt, MIN_ITERATIONS).await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&iv[..]).into()),
    ])?;
    let ciphertext = resolve(subtle.encrypt_with_object_and_u8_array(&params, &key, plain))
        .await
        .map_err(failed(ENCRYPT_FAILED))?;
    let ciphertext = Uint8Array::new(&ciphertext).to_vec();
    Ok(sealed::seal(&salt, &iv, MIN_ITERATIONS, &ciphertext))
}

/// Decrypts a sealed file; a wrong passphrase and a damaged file both fail the GCM tag.
pub async fn unseal(passphrase: &str, sealed: &Sealed) -> Result<Vec<u8>, String> {
    let (_, subtle) = subtle()?;
    let key = derive(&subtle, passphrase, &sealed.salt, sealed.iterations).await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&sealed.iv[..]).into()),
    ])?;
    let plain = resolve(subtle.decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext))
        .await
        .map_err(|e| {
            web_sys::console::warn_2(&"解密失败：".into(), &e);
            "密码错误，或文件已损坏：无法解密".to_string()
        })?;
    Ok(Uint8Array::new(&plain).to_vec())
}
