//! Evidence media: the downscale size rules, which files are taken (with the refusals' wording),
//! the capture time read from EXIF and the SHA-256 shown at capture.

use chrono::NaiveDateTime;
use jiandu::domain::media::{
    capture_time, classify, limits_note, sha256_hex, short_fingerprint, target_size, MediaKind,
    MediaProblem, JPEG_QUALITY, MAX_LONG_EDGE, MAX_PHOTO_BYTES, MAX_VIDEO_BYTES,
};
use proptest::prelude::*;

const MB: u64 = 1024 * 1024;

#[test]
fn the_long_edge_is_brought_to_1600_keeping_the_aspect_ratio() {
    assert_eq!(MAX_LONG_EDGE, 1600);
    assert!((0.75..=0.92).contains(&JPEG_QUALITY));
    assert_eq!(target_size(4032, 3024), (1600, 1200));
    assert_eq!(target_size(3024, 4032), (1200, 1600));
    assert_eq!(target_size(4000, 4000), (1600, 1600));
    // 3000 × 1600 / 4000 = 1200; 1080 × 1600 / 1920 = 900; 2000 × 1600 / 3000 = 1066.7 → 1067.
    assert_eq!(target_size(1920, 1080), (1600, 900));
    assert_eq!(target_size(3000, 2000), (1600, 1067));
    assert_eq!(target_size(10_000, 100), (1600, 16));
}

#[test]
fn a_small_photo_keeps_its_size_and_no_edge_is_ever_0() {
    assert_eq!(target_size(1600, 1200), (1600, 1200));
    assert_eq!(target_size(800, 600), (800, 600));
    assert_eq!(target_size(1, 1), (1, 1));
    assert_eq!(target_size(1, 5000), (1, 1600));
    assert_eq!(target_size(100_000, 1), (1600, 1));
    assert_eq!(target_size(0, 0), (1, 1));
    assert_eq!(target_size(u32::MAX, u32::MAX), (1600, 1600));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn target_sizes_fit_and_keep_the_shape(width in 1u32..60_000, height in 1u32..60_000) {
        let (w, h) = target_size(width, height);
        prop_assert!(w >= 1 && h >= 1);
        prop_assert!(w.max(h) <= MAX_LONG_EDGE);
        prop_assert!(w <= width && h <= height);
        if width.max(height) > MAX_LONG_EDGE {
            prop_assert_eq!(w.max(h), MAX_LONG_EDGE);
            // The short edge is the exact one rounded: within half a pixel (or raised to 1).
            let (long, short, got) = if width >= height { (width, height, h) } else { (height, width, w) };
            let exact = f64::from(short) * f64::from(MAX_LONG_EDGE) / f64::from(long);
            prop_assert!((f64::from(got) - exact).abs() <= 0.5 || got == 1);
        } else {
            prop_assert_eq!((w, h), (width, height));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_exif_reader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = capture_time(&bytes);
        // The same behind a JPEG start and an Exif header, to reach the TIFF parser.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1];
        jpeg.extend_from_slice(&((bytes.len() + 8) as u16).to_be_bytes());
        jpeg.extend_from_slice(b"Exif\0\0");
        jpeg.extend_from_slice(&bytes);
        let _ = capture_time(&jpeg);
    }
}

#[test]
fn photos_and_videos_are_taken_by_type_or_else_by_extension() {
    let photo = Ok(MediaKind::Photo);
    let video = Ok(MediaKind::Video);
    assert_eq!(classify("image/jpeg", "a.jpg", 300_000), photo);
    assert_eq!(classify("image/png", "屏幕截图.png", 300_000), photo);
    assert_eq!(classify("image/heic", "IMG_0001.HEIC", 3 * MB), photo);
    assert_eq!(classify("IMAGE/WEBP; x=1", "a", 10), photo);
    assert_eq!(classify("video/mp4", "a.mp4", 20 * MB), video);
    assert_eq!(classify("video/quicktime", "IMG_0002.MOV", 20 * MB), video);
    assert_eq!(classify("video/webm", "a.webm", 1), video);
    // No type: the extension decides, whatever its case.
    assert_eq!(classify("", "IMG_0003.JPG", 1), photo);
    assert_eq!(classify("", "IMG_0004.heic", 1), photo);
    assert_eq!(classify("application/octet-stream", "v.MOV", 1), video);
    assert_eq!(classify("", "v.3gp", 1), video);
    // A type that says what the file is wins over its name.
    assert_eq!(
        classify("application/pdf", "a.jpg", 1).map_err(|p| p.message()),
        Err("文件“a.jpg”不是照片或录像".to_string())
    );
}

#[test]
fn other_files_empty_files_and_files_too_large_are_refused_by_name() {
    let refused = |mime: &str, name: &str, bytes: u64| {
        classify(mime, name, bytes).expect_err("refused").message()
    };
    assert_eq!(
        refused("application/pdf", "a.pdf", 1000),
        "文件“a.pdf”不是照片或录像"
    );
    assert_eq!(
        refused("image/svg+xml", "logo.svg", 1000),
        "文件“logo.svg”不是照片或录像"
    );
    assert_eq!(
        refused("", "说明.docx", 1000),
        "文件“说明.docx”不是照片或录像"
    );
    assert_eq!(
        refused("", "noextension", 1000),
        "文件“noextension”不是照片或录像"
    );
    assert_eq!(refused("image/", "x", 1000), "文件“x”不是照片或录像");
    assert_eq!(refused("image/jpeg", "b.jpg", 0), "文件“b.jpg”是空文件");
    assert_eq!(
        refused("application/pdf", "c.pdf", 0),
        "文件“c.pdf”是空文件"
    );
    assert_eq!(refused("", "", 0), "所选文件是空文件");
    let mov = 63 * MB + MB / 5;
    assert_eq!(
        refused("video/quicktime", "x.mov", mov),
        "文件“x.mov”为 63.2 MB，超过录像上限 50 MB"
    );
    // Just over the limit reads as over it.
    assert_eq!(
        refused("video/mp4", "y.mp4", MAX_VIDEO_BYTES + 1),
        "文件“y.mp4”为 50.1 MB，超过录像上限 50 MB"
    );
    assert_eq!(
        refused("image/jpeg", "z.jpg", 45 * MB),
        "文件“z.jpg”为 45.0 MB，超过照片上限 40 MB"
    );
    assert_eq!(
        classify("image/jpeg", "z.jpg", 45 * MB),
        Err(MediaProblem::TooLarge {
            file_name: "z.jpg".into(),
            kind: MediaKind::Photo,
            bytes: 45 * MB,
            limit: MAX_PHOTO_BYTES,
        })
    );
    // At the limit is still taken.
    assert_eq!(
        classify("video/mp4", "v.mp4", MAX_VIDEO_BYTES),
        Ok(MediaKind::Video)
    );
    assert_eq!(
        classify("image/jpeg", "p.jpg", MAX_PHOTO_BYTES),
        Ok(MediaKind::Photo)
    );
    assert_eq!(
        limits_note(),
        "可添加照片（单个不超过 40 MB）和短录像（单个不超过 50 MB）"
    );
}

/// A little-endian TIFF block: IFD0 with these ASCII fields (and a pointer to the Exif IFD if
/// `exif` has any), then the Exif IFD with its ASCII fields, then the values.
fn tiff(ifd0: &[(u16, &str)], exif: &[(u16, &str)]) -> Vec<u8> {
    let ifd_size = |n: usize| 2 + 12 * n + 4;
    let n0 = ifd0.len() + usize::from(!exif.is_empty());
    let exif_at = 8 + ifd_size(n0);
    let mut data_at = exif_at
        + if exif.is_empty() {
            0
        } else {
            ifd_size(exif.len())
        };
    let mut data = Vec::new();
    let mut ifd = |fields: &[(u16, &str)], pointer: Option<usize>| {
        let mut out = Vec::new();
        let count = fields.len() + usize::from(pointer.is_some());
        out.extend_from_slice(&(count as u16).to_le_bytes());
        for (tag, text) in fields {
            let mut value = text.as_bytes().to_vec();
            value.push(0);
            out.extend_from_slice(&tag.to_le_bytes());
            out.extend_from_slice(&2u16.to_le_bytes()); // ASCII
            out.extend_from_slice(&(value.len() as u32).to_le_bytes());
            out.extend_from_slice(&(data_at as u32).to_le_bytes());
            data_at += value.len();
            data.extend_from_slice(&value);
        }
        if let Some(offset) = pointer {
            out.extend_from_slice(&0x8769u16.to_le_bytes()); // ExifIFDPointer
            out.extend_from_slice(&4u16.to_le_bytes()); // LONG
            out.extend_from_slice(&1u32.to_le_bytes());
            out.extend_from_slice(&(offset as u32).to_le_bytes());
        }
        out.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
        out
    };
    let mut out = b"II\x2A\x00\x08\x00\x00\x00".to_vec();
    out.extend(ifd(ifd0, (!exif.is_empty()).then_some(exif_at)));
    if !exif.is_empty() {
        out.extend(ifd(exif, None));
    }
    out.extend(data);
    out
}

/// A minimal JPEG: SOI, an APP1 Exif segment holding `tiff`, EOI.
fn jpeg_with(tiff: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(tiff);
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

const DATE_TIME: u16 = 0x0132;
const DATE_TIME_ORIGINAL: u16 = 0x9003;

fn time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").ok()
}

#[test]
fn the_capture_time_is_read_from_date_time_original() {
    let original = [(DATE_TIME_ORIGINAL, "2026:11:25 09:30:12")];
    let jpeg = jpeg_with(&tiff(&[], &original));
    assert_eq!(capture_time(&jpeg), time("2026-11-25 09:30:12"));
    // DateTimeOriginal wins over DateTime (the last change).
    let both = jpeg_with(&tiff(&[(DATE_TIME, "2026:12:01 17:00:00")], &original));
    assert_eq!(capture_time(&both), time("2026-11-25 09:30:12"));
    // A bare TIFF is read too.
    assert_eq!(
        capture_time(&tiff(&[], &original)),
        time("2026-11-25 09:30:12")
    );
}

#[test]
fn date_time_is_the_fallback_and_a_blank_or_false_date_is_none() {
    let only = jpeg_with(&tiff(&[(DATE_TIME, "2026:12:01 17:00:00")], &[]));
    assert_eq!(capture_time(&only), time("2026-12-01 17:00:00"));
    let blank = jpeg_with(&tiff(&[], &[(DATE_TIME_ORIGINAL, "    :  :     :  :  ")]));
    assert_eq!(capture_time(&blank), None);
    let zero = jpeg_with(&tiff(&[], &[(DATE_TIME_ORIGINAL, "0000:00:00 00:00:00")]));
    assert_eq!(capture_time(&zero), None);
    let impossible = jpeg_with(&tiff(&[], &[(DATE_TIME_ORIGINAL, "2026:02:30 25:00:00")]));
    assert_eq!(capture_time(&impossible), None);
    // A blank original falls back on DateTime.
    let fallback = jpeg_with(&tiff(
        &[(DATE_TIME, "2026:12:01 17:00:00")],
        &[(DATE_TIME_ORIGINAL, "    :  :     :  :  ")],
    ));
    assert_eq!(capture_time(&fallback), time("2026-12-01 17:00:00"));
}

#[test]
fn garbage_truncated_or_exif_less_files_have_no_capture_time() {
    let jpeg = jpeg_with(&tiff(&[], &[(DATE_TIME_ORIGINAL, "2026:11:25 09:30:12")]));
    for cut in [0, 1, 2, 3, 5, 10, 20, 40, jpeg.len() - 30, jpeg.len() - 10] {
        assert_eq!(capture_time(&jpeg[..cut]), None, "cut at {cut}");
    }
    assert_eq!(capture_time(b""), None);
    assert_eq!(capture_time(b"not an image at all"), None);
    assert_eq!(capture_time(&[0xFF, 0xD8, 0xFF, 0xD9]), None);
    // A pointer to the Exif IFD far outside the file.
    let mut broken = tiff(&[], &[(DATE_TIME_ORIGINAL, "2026:11:25 09:30:12")]);
    broken[18..22].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(capture_time(&jpeg_with(&broken)), None);
}

#[test]
fn the_hash_is_sha_256_in_lower_case_hex_with_a_short_form() {
    let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_eq!(sha256_hex(b"abc"), abc);
    assert_eq!(
        sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    // The old path still works and is the same function.
    assert_eq!(jiandu::domain::exchange::file::sha256_hex(b"abc"), abc);
    assert_eq!(short_fingerprint(abc), "ba7816bf…15ad");
    assert_eq!(short_fingerprint("abc"), "abc");
}
