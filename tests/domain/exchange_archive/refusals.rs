//! Archives `read` refuses, each with its own message, before anything may be written: files
//! that differ from their references, entries no record refers to, other programs' ZIPs, cut or
//! damaged archives, odd names, too many or too large entries. And the one thing accepted: a
//! reference whose file the archive does not carry.

use jiandu::domain::exchange::archive::{
    self, MAX_ARCHIVE_BYTES, MAX_MEDIA_BYTES, MAX_MEDIA_FILES, MEDIA_FOLDER, RECORDS_ENTRY,
};
use jiandu::domain::exchange::ImportError;
use proptest::prelude::*;

use super::files::{archive_bytes, rebuilt, tiny_jpeg, zip_of, PHOTO, SIGNATURE};

fn refused(bytes: &[u8]) -> ImportError {
    let error = archive::read(bytes).expect_err("refused");
    super::super::hostile_files::assert_plain_chinese("archive", &error.message());
    error
}

fn media(id: &str) -> String {
    format!("{MEDIA_FOLDER}{id}")
}

/// The offsets of the central directory's headers, one per entry in order.
fn central_headers(bytes: &[u8]) -> Vec<usize> {
    bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x01\x02")
        .map(|(at, _)| at)
        .collect()
}

/// The archive with the declared uncompressed size of entry `n` set to `size`.
fn declared(mut bytes: Vec<u8>, n: usize, size: u32) -> Vec<u8> {
    let at = central_headers(&bytes)[n] + 24;
    bytes[at..at + 4].copy_from_slice(&size.to_le_bytes());
    bytes
}

#[test]
fn a_file_that_differs_from_its_reference_is_refused_naming_it() {
    let changed = rebuilt(&archive_bytes(), |e| e[1].1[100] ^= 1);
    let error = refused(&changed);
    assert_eq!(
        error.message(),
        "照片“许可证.jpg”已损坏或被改动：SHA-256 不符；为防止导入与记录不符的证据，已拒绝导入整个文件"
    );
    let longer = rebuilt(&archive_bytes(), |e| e[2].1.push(0));
    let size = super::tiny_png(8, 8).len();
    assert!(refused(&longer).message().starts_with(&format!(
        "签名（编号 {SIGNATURE}）已损坏或被改动：大小不符（记录为 {size} 字节，文件中为 {} 字节）",
        size + 1
    )));
    // A byte changed in the archive itself fails the entry's CRC-32 first.
    let mut damaged = archive_bytes();
    let jpeg = tiny_jpeg();
    let at = damaged.windows(jpeg.len()).position(|w| w == jpeg).unwrap();
    damaged[at + 100] ^= 1;
    assert_eq!(
        refused(&damaged),
        ImportError::MediaMismatch("照片“许可证.jpg”".into(), "压缩包中的内容校验失败".into())
    );
}

#[test]
fn a_reference_without_its_file_is_accepted_and_reported() {
    let without_photo = rebuilt(&archive_bytes(), |e| drop(e.remove(1)));
    let imported = archive::read(&without_photo).unwrap();
    assert_eq!(imported.media.len(), 1);
    assert_eq!(imported.media[0].media.id, SIGNATURE);
    assert_eq!(imported.missing.len(), 1);
    assert_eq!(imported.missing[0].id, PHOTO);
    // Only records.json: every reference missing, nothing refused.
    let records_only = rebuilt(&archive_bytes(), |e| e.truncate(1));
    assert_eq!(archive::read(&records_only).unwrap().missing.len(), 2);
}

#[test]
fn a_file_no_record_refers_to_is_refused() {
    let extra = rebuilt(&archive_bytes(), |e| {
        e.push((media("unused-1"), tiny_jpeg()))
    });
    let error = refused(&extra);
    assert_eq!(error, ImportError::UnreferencedMedia("unused-1".into()));
    assert!(error.message().contains("“media/unused-1”没有任何记录引用"));
}

#[test]
fn a_zip_that_is_not_ours_is_refused() {
    let docx = zip_of(&[("word/document.xml".into(), b"<w:document/>".to_vec())]);
    assert_eq!(refused(&docx), ImportError::NotOurArchive);
    assert!(refused(&docx).message().contains("没有 records.json"));
    assert_eq!(refused(&zip_of(&[])), ImportError::NotOurArchive);
    // records.json that is not an exchange file: refused as `file::read` refuses it.
    let other = zip_of(&[(RECORDS_ENTRY.into(), b"{\"a\": 1}".to_vec())]);
    assert_eq!(refused(&other), ImportError::NotExchangeFile);
    // A version-2 file inside a ZIP was not written by any app.
    let v2 = std::fs::read("tests/fixtures/exchange-v2.json").unwrap();
    let zipped_v2 = zip_of(&[(RECORDS_ENTRY.into(), v2)]);
    assert!(refused(&zipped_v2)
        .message()
        .contains("压缩包中的数据应为格式版本 3 或更高，文件中是 2"));
    // The records changed inside the archive fail their checksum as in a JSON file.
    let edited = rebuilt(&archive_bytes(), |e| {
        let text = String::from_utf8(e[0].1.clone()).unwrap();
        e[0].1 = text.replacen("示例", "实例", 1).into_bytes();
    });
    assert_eq!(refused(&edited), ImportError::ChecksumMismatch);
}

#[test]
fn an_archive_cut_at_any_byte_is_refused() {
    let whole = archive_bytes();
    let in_records = 30 + RECORDS_ENTRY.len() + 10;
    let jpeg = tiny_jpeg();
    let in_photo = whole.windows(jpeg.len()).position(|w| w == jpeg).unwrap() + 50;
    let in_directory = central_headers(&whole)[1] + 10;
    for cut in [
        4,
        20,
        in_records,
        in_photo,
        in_directory,
        whole.len() - 22,
        whole.len() - 1,
    ] {
        assert_eq!(
            refused(&whole[..cut]),
            ImportError::Truncated,
            "cut at {cut}"
        );
    }
    assert!(refused(&whole[..in_photo]).message().contains("截断"));
    for cut in 4..whole.len() {
        let error = refused(&whole[..cut]);
        assert!(
            matches!(error, ImportError::Truncated | ImportError::ArchiveDamaged),
            "cut at {cut}: {error:?}"
        );
    }
}

#[test]
fn odd_entry_names_are_refused() {
    let long = media(&"a".repeat(129));
    let names = [
        "../records.json",
        "media/../records.json",
        "/media/x",
        "media/sub/x",
        "media/.hidden",
        "media/..",
        "media/",
        "media\\x",
        "C:\\media\\x",
        "media/照片",
        "media/a b",
        "Media/x",
        "__MACOSX/._records.json",
        long.as_str(),
    ];
    for name in names {
        let odd = rebuilt(&archive_bytes(), |e| e.push((name.into(), tiny_jpeg())));
        let error = refused(&odd);
        assert!(
            matches!(&error, ImportError::OddEntry(n) if n == name),
            "{name}: {error:?}"
        );
        assert!(error.message().contains("本应用不会写入的文件"), "{name}");
    }
}

#[test]
fn two_entries_of_one_name_are_refused() {
    let twin = format!("{}x", &PHOTO[..PHOTO.len() - 1]);
    let bytes = rebuilt(&archive_bytes(), |e| e.push((media(&twin), tiny_jpeg())));
    // Give the second the first one's name, in its local header and in the directory.
    let (from, to) = (twin.as_bytes(), PHOTO.as_bytes());
    let mut patched = bytes.clone();
    for at in (0..bytes.len() - from.len()).filter(|&at| &bytes[at..at + from.len()] == from) {
        patched[at..at + from.len()].copy_from_slice(to);
    }
    assert_eq!(refused(&patched), ImportError::DuplicateEntries);
}

#[test]
fn encrypted_or_unknown_compression_is_refused() {
    let name = media(PHOTO);
    for (offset, value) in [(8, 1u16), (10, 12), (10, 99)] {
        let mut bytes = archive_bytes();
        let at = central_headers(&bytes)[1] + offset;
        bytes[at..at + 2].copy_from_slice(&value.to_le_bytes());
        let error = refused(&bytes);
        assert_eq!(
            error,
            ImportError::UnsupportedEntry(name.clone()),
            "field {offset} = {value}"
        );
        assert!(error
            .message()
            .contains("经过加密或使用了本应用不支持的压缩方式"));
    }
}

#[test]
fn too_many_or_too_large_entries_are_refused_before_they_are_read() {
    // More entries than allowed.
    let many: Vec<(String, Vec<u8>)> = std::iter::once((RECORDS_ENTRY.to_string(), Vec::new()))
        .chain((0..=MAX_MEDIA_FILES).map(|n| (media(&format!("m{n}")), Vec::new())))
        .collect();
    let error = refused(&zip_of(&many));
    assert_eq!(
        error,
        ImportError::TooManyFiles(MAX_MEDIA_FILES as u64 + 2, MAX_MEDIA_FILES + 1)
    );
    assert!(error.message().contains("超过导入上限 10001 个"));
    // One file declared larger than any the app stores (a deflate bomb is refused by its
    // declared size, and a lying size fails on reading).
    let big = u32::try_from(MAX_MEDIA_BYTES + 1).unwrap();
    let error = refused(&declared(archive_bytes(), 1, big));
    assert_eq!(
        error,
        ImportError::EntryTooLarge(media(PHOTO), u64::from(big), MAX_MEDIA_BYTES)
    );
    assert!(
        error.message().contains("超过上限 50.0 MB"),
        "{}",
        error.message()
    );
    // Files that add up to more than an archive may hold.
    let each = u32::try_from(MAX_MEDIA_BYTES).unwrap();
    let eleven: Vec<(String, Vec<u8>)> = std::iter::once((RECORDS_ENTRY.to_string(), Vec::new()))
        .chain((0..11).map(|n| (media(&format!("m{n}")), vec![0])))
        .collect();
    let mut bytes = zip_of(&eleven);
    for n in 1..=11 {
        bytes = declared(bytes, n, each);
    }
    assert!(matches!(
        refused(&bytes),
        ImportError::ContentTooLarge(_, MAX_ARCHIVE_BYTES)
    ));
    // A size that lies is caught when the entry is read.
    let lying = declared(archive_bytes(), 2, 3);
    assert_eq!(
        refused(&lying),
        ImportError::MediaMismatch(
            format!("签名（编号 {SIGNATURE}）"),
            "压缩包中的内容校验失败".into()
        )
    );
    // The archive itself over the limit: refused by its length alone.
    let mut huge = vec![0u8; MAX_ARCHIVE_BYTES + 1];
    huge[..4].copy_from_slice(b"PK\x03\x04");
    assert_eq!(
        refused(&huge),
        ImportError::TooLarge(MAX_ARCHIVE_BYTES + 1, MAX_ARCHIVE_BYTES)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Changed bytes anywhere never panic the reader, and never read as records or files other
    /// than the archive's own (a change it accepts touched nothing that is read: a date, say).
    #[test]
    fn a_changed_archive_is_refused_or_reads_as_itself(
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4)
    ) {
        let original = archive::read(&archive_bytes()).unwrap();
        let mut bytes = archive_bytes();
        for (at, value) in &changes {
            let at = at.index(bytes.len());
            bytes[at] = *value;
        }
        if let Ok(read) = archive::read(&bytes) {
            prop_assert_eq!(read, original);
        }
    }
}
