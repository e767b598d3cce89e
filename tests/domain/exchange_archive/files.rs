//! What the archive tests are made of: a tiny JPEG and PNG built here byte by byte, records of
//! one inspection with a photo and a signature, and a way to rebuild an archive entry by entry
//! (so a test can change, add or rename entries with their CRC-32 still right).

use std::io::{Cursor, Read, Write};

use chrono::{NaiveDate, TimeZone, Utc};
use jiandu::domain::exchange::archive::{self, Written};
use jiandu::domain::exchange::{Records, Scope};
use jiandu::domain::inspection::{Assignment, Inspection, Verdict};
use jiandu::domain::inspector::{AssignmentRole, Inspector};
use jiandu::domain::institution::{Institution, InstitutionType};
use jiandu::domain::media::{sha256_hex, MediaKind, MediaRef, Signature, Signer};
use jiandu::domain::plan::{Plan, PlanKind};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::at;

pub const PHOTO: &str = "3f9a2c1e-7b4d-4e8a-9c01-5d6e7f8a9b0c";
pub const SIGNATURE: &str = "8c7b6a59-4d3e-4f21-8a0b-1c2d3e4f5a6b";
pub const LEADER: &str = "v3-officer-1";

/// An 8×8 grey baseline JPEG (141 bytes): quantisation, frame, one-symbol Huffman tables for
/// the DC difference 0 and end of block, and one block coded as those two 1-bit codes.
pub fn tiny_jpeg() -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8];
    j.extend([0xFF, 0xDB, 0x00, 0x43, 0x00]);
    j.extend([1u8; 64]);
    j.extend([
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,
    ]);
    for class in [0x00, 0x10] {
        j.extend([0xFF, 0xC4, 0x00, 0x14, class, 0x01]);
        j.extend([0u8; 15]);
        j.push(0x00);
    }
    j.extend([
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F, 0xFF, 0xD9,
    ]);
    j
}

/// A greyscale PNG of `width` × `height` with a diagonal stroke, its pixels in one stored
/// deflate block: what a signature pad stores, small.
pub fn tiny_png(width: u32, height: u32) -> Vec<u8> {
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0); // filter: none
        raw.extend((0..width).map(|x| if x == y { 0 } else { 255 }));
    }
    let length = u16::try_from(raw.len()).expect("a small image");
    let mut zlib = vec![0x78, 0x01, 0x01];
    zlib.extend(length.to_le_bytes());
    zlib.extend((!length).to_le_bytes());
    zlib.extend(&raw);
    zlib.extend(adler32(&raw).to_be_bytes());
    let mut header = width.to_be_bytes().to_vec();
    header.extend(height.to_be_bytes());
    header.extend([8, 0, 0, 0, 0]); // 8-bit greyscale
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", header), (b"IDAT", zlib), (b"IEND", Vec::new())] {
        png.extend(u32::try_from(data.len()).unwrap().to_be_bytes());
        let mut chunk = kind.to_vec();
        chunk.extend(&data);
        png.extend(&chunk);
        png.extend(crc32(&chunk).to_be_bytes());
    }
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in bytes {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// A reference to `bytes` as the browser makes it.
pub fn reference(id: &str, kind: MediaKind, mime: &str, bytes: &[u8], name: &str) -> MediaRef {
    MediaRef {
        id: id.into(),
        kind,
        mime: mime.into(),
        bytes: bytes.len() as u64,
        sha256: sha256_hex(bytes),
        width: Some(8),
        height: Some(8),
        captured_at: None,
        added_at: at(20),
        added_by: Some(LEADER.into()),
        file_name: name.into(),
    }
}

/// The photo and the signature's bytes by id, as the browser reads them from the media store.
pub fn stored() -> Vec<(String, Vec<u8>)> {
    vec![
        (PHOTO.into(), tiny_jpeg()),
        (SIGNATURE.into(), tiny_png(8, 8)),
    ]
}

/// One clinic, two officers, a plan and one inspection with a 不符合 proven by a photo and
/// signed by its leader: what the version-3 fixture holds.
pub fn media_records() -> Records {
    let mut clinic = Institution::new("v3-clinic".into(), at(1));
    clinic.name = "示例口腔诊所（照片示例）".into();
    clinic.registration_number = "91500000MA0001000F".into();
    clinic.kind = Some(InstitutionType::Clinic);
    clinic.address = "城关镇示例路8号".into();
    let officer = |id: &str, name: &str| {
        let mut o = Inspector::new(id.into(), at(1));
        o.name = name.into();
        o.certificate_number = format!("示例执法{}", &id[id.len() - 1..]);
        o
    };
    let mut plan = Plan::new(
        "v3-plan".into(),
        PlanKind::MedicalSampling,
        2026,
        "2022",
        at(1),
    );
    plan.add_target(InstitutionType::Clinic, 1);
    plan.institution_ids.push(clinic.id.clone());
    let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let mut inspection = Inspection::start("v3-inspection".into(), &plan, &clinic, day, at(20));
    inspection.inspectors = [
        (LEADER, AssignmentRole::Leader),
        ("v3-officer-2", AssignmentRole::Member),
    ]
    .map(|(id, role)| Assignment {
        inspector_id: id.into(),
        role,
    })
    .to_vec();
    let photo = reference(
        PHOTO,
        MediaKind::Photo,
        "image/jpeg",
        &tiny_jpeg(),
        "许可证.jpg",
    );
    inspection.answer("M1.1.1", at(20), Some(LEADER.into()), |a| {
        a.verdict = Verdict::NonCompliant;
        a.description = "《医疗机构执业许可证》已过有效期".into();
        a.media.push(photo);
    });
    inspection.signatures.push(Signature {
        signer: Signer::Inspector {
            inspector_id: LEADER.into(),
        },
        image: reference(
            SIGNATURE,
            MediaKind::Signature,
            "image/png",
            &tiny_png(8, 8),
            "",
        ),
        signed_at: at(20),
        content_sha256: None,
    });
    Records {
        institutions: vec![clinic],
        inspectors: vec![
            officer(LEADER, "张伟（示例）"),
            officer("v3-officer-2", "李华（示例）"),
        ],
        plans: vec![plan],
        inspections: vec![inspection],
        ..Records::default()
    }
}

/// `records` written by `device` with `media`, as the app exports them.
pub fn archived(records: &Records, device: &str, media: &[(String, Vec<u8>)]) -> Written {
    archive::write(
        records,
        device,
        "0.1.0",
        Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap(),
        Scope::All,
        media,
    )
    .expect("written")
}

/// The media records' archive, with both files.
pub fn archive_bytes() -> Vec<u8> {
    archived(&media_records(), "device-a", &stored()).bytes
}

/// The entries of an archive, in order: name and bytes.
pub fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).expect("a ZIP");
    (0..zip.len())
        .map(|n| {
            let mut entry = zip.by_index(n).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            (entry.name().unwrap().to_string(), data)
        })
        .collect()
}

/// A ZIP of these entries (stored), as another program might write it.
pub fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, data) in entries {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The archive rebuilt after `edit` changed its entries.
pub fn rebuilt(bytes: &[u8], edit: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> Vec<u8> {
    let mut all = entries(bytes);
    edit(&mut all);
    zip_of(&all)
}
