//! The exchange file with its media (format version 3): a ZIP of `records.json` and the stored
//! files, written only when there are files to carry; read back with every file checked
//! against its reference; media travelling with their records in a merge; sealed like any
//! other file. Refusals are in `refusals.rs`.

mod files;
mod refusals;

use jiandu::domain::exchange::archive::{self, FileKind, MEDIA_FOLDER, RECORDS_ENTRY};
use jiandu::domain::exchange::merge::{plan as merge_plan, Choice};
use jiandu::domain::exchange::sealed::{is_sealed, open_envelope, seal, MIN_ITERATIONS};
use jiandu::domain::exchange::{media_left_behind, media_to_write, Records, FORMAT_VERSION};
use jiandu::domain::media::{capture_time, sha256_hex, MediaKind};
use jiandu::domain::stationed::sheet::{Complaint, ComplaintFinding, SceneSheet};

pub use files::{archived, media_records, stored, tiny_jpeg, tiny_png, PHOTO, SIGNATURE};

use super::at;
use super::exchange::exported;
use super::exchange_stationed::stationed_records;
use files::{archive_bytes, entries, reference};

#[test]
fn records_with_media_are_written_as_a_zip_and_read_back_whole() {
    let records = media_records();
    let written = archived(&records, "device-a", &stored());
    assert_eq!(written.kind, FileKind::Zip);
    assert_eq!(
        (written.kind.extension(), written.kind.mime()),
        ("zip", "application/zip")
    );
    assert_eq!(written.carried, 2);
    assert!(written.missing.is_empty() && written.left_out.is_empty());
    assert!(written.notes().is_empty());
    // records.json first, then one entry per file, named by its id.
    let names: Vec<String> = entries(&written.bytes)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        [
            RECORDS_ENTRY.to_string(),
            format!("{MEDIA_FOLDER}{PHOTO}"),
            format!("{MEDIA_FOLDER}{SIGNATURE}")
        ]
    );
    let imported = archive::read(&written.bytes).unwrap();
    assert_eq!(imported.exchange.header.format_version, FORMAT_VERSION);
    assert_eq!(FORMAT_VERSION, 3);
    assert_eq!(
        imported.exchange.records,
        records.clone().stamped("device-a")
    );
    assert!(imported.missing.is_empty());
    let carried: Vec<(&str, &[u8])> = imported
        .media
        .iter()
        .map(|c| (c.media.id.as_str(), c.bytes.as_slice()))
        .collect();
    let expected = stored();
    assert_eq!(
        carried,
        expected
            .iter()
            .map(|(id, bytes)| (id.as_str(), bytes.as_slice()))
            .collect::<Vec<_>>()
    );
    for c in &imported.media {
        assert_eq!(sha256_hex(&c.bytes), c.media.sha256);
        assert_eq!(c.bytes.len() as u64, c.media.bytes);
    }
    // The photo is still a JPEG the EXIF reader takes (it has no capture time).
    assert_eq!(capture_time(&imported.media[0].bytes), None);
    // The same export gives the same bytes.
    assert_eq!(archive_bytes(), archive_bytes());
}

#[test]
fn without_files_to_carry_the_file_is_the_json_alone() {
    // No media at all: byte for byte the plain JSON file.
    let plain = stationed_records();
    let written = archived(&plain, "device-a", &[]);
    assert_eq!(written.kind, FileKind::Json);
    assert_eq!(written.bytes, exported(&plain, "device-a"));
    // Media referred to but not on this device: JSON, the references kept, the user told.
    let written = archived(&media_records(), "device-a", &[]);
    assert_eq!((written.kind, written.carried), (FileKind::Json, 0));
    let missing: Vec<&str> = written.missing.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(missing, [PHOTO, SIGNATURE]);
    assert_eq!(
        written.notes(),
        ["有 2 个照片、录像或签名本机没有其文件，未随文件导出（记录中保留其引用）"]
    );
    let imported = archive::read(&written.bytes).unwrap();
    assert!(imported.media.is_empty());
    assert_eq!(imported.missing.len(), 2);
    assert_eq!(imported.exchange.records.media_refs().len(), 2);
}

#[test]
fn damaged_or_unknown_bytes_given_to_the_export_are_left_out() {
    let mut media = stored();
    media[1].1.push(0); // the signature's stored bytes no longer match its reference
    media.push(("no-record-refers-to-this".into(), tiny_jpeg()));
    let written = archived(&media_records(), "device-a", &media);
    assert_eq!((written.kind, written.carried), (FileKind::Zip, 1));
    assert_eq!(written.left_out.len(), 1);
    assert_eq!(written.left_out[0].id, SIGNATURE);
    assert!(written.notes()[0].contains("已损坏"));
    let imported = archive::read(&written.bytes).unwrap();
    assert_eq!(imported.media.len(), 1);
    assert_eq!(imported.missing[0].id, SIGNATURE);
}

#[test]
fn a_plain_json_file_of_every_version_still_reads() {
    for version in [1, 2] {
        let bytes = std::fs::read(format!("tests/fixtures/exchange-v{version}.json")).unwrap();
        let imported = archive::read(&bytes).unwrap();
        assert_eq!(imported.exchange.header.format_version, version);
        assert!(imported.media.is_empty() && imported.missing.is_empty());
    }
    let imported = archive::read(&exported(&stationed_records(), "device-a")).unwrap();
    assert_eq!(imported.exchange.header.format_version, 3);
}

/// The stationed records with a photo on a 驻点 answer and one on a complaint.
fn stationed_with_media() -> Records {
    let mut records = stationed_records();
    let jpeg = tiny_jpeg();
    let photo = |id: &str| reference(id, MediaKind::Photo, "image/jpeg", &jpeg, "现场.jpg");
    let hall = &mut records.scene_sheets[0];
    hall.answers.get_mut("Z-YL-02").unwrap().media = vec![photo("stay-photo")];
    // The same file referred to twice is one file.
    hall.answers.get_mut("Z-YL-13").unwrap().media = vec![photo("stay-photo")];
    let mut complaints = SceneSheet::new(super::exchange_stationed::STAY, "complaints", at(12));
    complaints.complaints.push(Complaint {
        id: "c1".into(),
        content: "候诊区无座椅".into(),
        source: "患者反映".into(),
        area: "A1".into(),
        finding: ComplaintFinding::Confirmed,
        description: "属实".into(),
        evidence: String::new(),
        on: super::exchange_stationed::day(11, 12),
        updated_at: at(12),
        handling: None,
        media: vec![photo("complaint-photo")],
    });
    records.scene_sheets.push(complaints);
    records
}

#[test]
fn every_media_reference_is_found_once_per_file() {
    let mut records = media_records();
    let stationed = stationed_with_media();
    records.stays = stationed.stays;
    records.scene_sheets = stationed.scene_sheets;
    records.inspections[0].media = vec![reference(
        "whole-inspection",
        MediaKind::Video,
        "video/mp4",
        b"not really a video",
        "门诊.mp4",
    )];
    let ids: Vec<&str> = records.media_refs().iter().map(|m| m.id.as_str()).collect();
    // Answers, the inspection's own, signatures; then 驻点 answers and complaints.
    assert_eq!(
        ids,
        [
            PHOTO,
            "whole-inspection",
            SIGNATURE,
            "stay-photo",
            "complaint-photo"
        ]
    );
    assert_eq!(records.all_media_refs().count(), 6);
    // A 驻点 file round-trips its media too.
    let jpeg = tiny_jpeg();
    let media = [("stay-photo", &jpeg), ("complaint-photo", &jpeg)]
        .map(|(id, b)| (id.to_string(), b.clone()));
    let written = archived(&stationed_with_media(), "device-a", &media);
    let imported = archive::read(&written.bytes).unwrap();
    assert_eq!(imported.media.len(), 2);
    assert!(imported.missing.is_empty());
}

#[test]
fn an_import_stores_the_files_its_records_need_and_the_device_lacks() {
    let imported = archive::read(&archive_bytes()).unwrap();
    let incoming = &imported.exchange.records;
    // An empty device: every record added, both files stored with them.
    let local = Records::default();
    let written = merge_plan(&local, incoming, "device-b").records_to_write(|_, _| None);
    let writes = imported.media_writes(&local, &written, |_| false);
    let ids: Vec<&str> = writes.store.iter().map(|c| c.media.id.as_str()).collect();
    assert_eq!(ids, [PHOTO, SIGNATURE]);
    assert!(writes.absent.is_empty() && writes.absent_note().is_none());
    // A device that has the photo already stores only the signature.
    let writes = imported.media_writes(&local, &written, |id| id == PHOTO);
    assert_eq!(writes.store.len(), 1);
    assert_eq!(writes.store[0].media.id, SIGNATURE);
    // The same records, known here by reference only (imported earlier from a JSON file): they
    // are unchanged, nothing is written, and yet the file's bytes fill them in.
    let plan = merge_plan(incoming, incoming, "device-b");
    let written = plan.records_to_write(|_, _| None);
    assert!(written.is_empty());
    let needed: Vec<&str> = media_to_write(incoming, &written, |_| false)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(needed, [PHOTO, SIGNATURE]);
    assert_eq!(
        imported
            .media_writes(incoming, &written, |_| false)
            .store
            .len(),
        2
    );
    // A JSON file without the files: both absent, and the preview says so.
    let plain = archive::read(&archived(&media_records(), "device-a", &[]).bytes).unwrap();
    let writes = plain.media_writes(&local, &plain.exchange.records, |_| false);
    assert!(writes.store.is_empty());
    assert_eq!(writes.absent.len(), 2);
    assert!(writes.absent_note().unwrap().contains("未随文件附带"));
}

#[test]
fn files_a_merge_leaves_without_a_record_are_named_and_kept() {
    let imported = archive::read(&archive_bytes()).unwrap();
    let incoming = imported.exchange.records;
    // On this device the inspection has one more photo, added here; the file's copy is taken.
    let mut local = incoming.clone();
    let inspection = &mut local.inspections[0];
    inspection.media.push(reference(
        "added-here",
        MediaKind::Photo,
        "image/jpeg",
        &tiny_jpeg(),
        "补拍.jpg",
    ));
    inspection.changed_on = Some("device-b".into());
    inspection.updated_at = at(21);
    let plan = merge_plan(&local, &incoming, "device-b");
    let kept = plan.records_to_write(|_, _| None);
    assert!(kept.inspections.is_empty(), "the later change, here, wins");
    assert!(media_left_behind(&local, &kept).is_empty());
    let taken = plan.records_to_write(|_, _| Some(Choice::TakeIncoming));
    assert_eq!(media_left_behind(&local, &taken), ["added-here"]);
    // Nothing the device lacks: no file to store.
    let has = |id: &str| local.media_refs().iter().any(|m| m.id == id);
    assert!(media_to_write(&local, &taken, has).is_empty());
}

#[test]
fn a_sealed_archive_opens_to_the_same_archive() {
    // WebCrypto encrypts in the browser; the envelope carries any bytes as base64, so a ZIP is
    // carried like a JSON file. Here the "ciphertext" is the archive itself.
    let zip = archive_bytes();
    let envelope = seal(&[1; 16], &[2; 12], MIN_ITERATIONS, &zip);
    assert!(is_sealed(&envelope));
    assert!(!is_sealed(&zip));
    let opened = open_envelope(&envelope).unwrap();
    assert_eq!(opened.ciphertext, zip);
    let imported = archive::read(&opened.ciphertext).unwrap();
    assert_eq!(imported.media.len(), 2);
}

#[test]
fn the_png_and_jpeg_built_here_are_what_they_claim() {
    let png = tiny_png(8, 8);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(png.len() < 200);
    let jpeg = tiny_jpeg();
    assert_eq!(
        (jpeg[..2].to_vec(), jpeg[jpeg.len() - 2..].to_vec()),
        (vec![0xFF, 0xD8], vec![0xFF, 0xD9])
    );
}
