use jiandu::domain::exchange::sealed::{
    is_sealed, open_envelope, passphrase_problem, seal, MIN_ITERATIONS,
};

fn envelope(iterations: u32, salt: &[u8], iv: &[u8]) -> Vec<u8> {
    seal(salt, iv, iterations, &[7u8; 40])
}

#[test]
fn a_sealed_file_is_recognised_and_its_envelope_read_back() {
    let bytes = envelope(MIN_ITERATIONS, &[1; 16], &[2; 12]);
    assert!(is_sealed(&bytes));
    assert!(!is_sealed(br#"{"format":"jiandu-exchange"}"#));
    let sealed = open_envelope(&bytes).unwrap();
    assert_eq!(
        (
            sealed.iterations,
            sealed.salt.len(),
            sealed.iv.len(),
            sealed.ciphertext.len()
        ),
        (MIN_ITERATIONS, 16, 12, 40)
    );
}

#[test]
fn weak_or_damaged_envelopes_are_refused_with_their_reason() {
    let cases: [(Vec<u8>, &str); 6] = [
        (envelope(100_000, &[1; 16], &[2; 12]), "派生次数过少"),
        (envelope(MIN_ITERATIONS, &[1; 8], &[2; 12]), "盐值过短"),
        (
            envelope(MIN_ITERATIONS, &[1; 16], &[2; 16]),
            "初始向量长度不对",
        ),
        (
            String::from_utf8(envelope(MIN_ITERATIONS, &[1; 16], &[2; 12]))
                .unwrap()
                .replace("AES-GCM", "AES-CBC")
                .into_bytes(),
            "不支持的加密方式",
        ),
        (
            String::from_utf8(envelope(MIN_ITERATIONS, &[1; 16], &[2; 12]))
                .unwrap()
                .replace("\"format_version\": 1", "\"format_version\": 9")
                .into_bytes(),
            "较新版本",
        ),
        (
            br#"{"format": "jiandu-exchange-sealed""#.to_vec(),
            "加密文件不完整",
        ),
    ];
    for (bytes, expected) in cases {
        let message = open_envelope(&bytes).unwrap_err();
        assert!(
            message.contains(expected),
            "{message} should say {expected}"
        );
    }
}

#[test]
fn a_passphrase_must_be_long_enough_and_typed_twice_alike() {
    assert!(passphrase_problem("短密码", "短密码")
        .unwrap()
        .contains("至少8个字符"));
    assert!(passphrase_problem("correct horse", "correct hose")
        .unwrap()
        .contains("不一致"));
    assert_eq!(passphrase_problem("correct horse", "correct horse"), None);
}
