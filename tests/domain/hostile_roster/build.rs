//! Workbooks for the hostile roster tests: written by rust_xlsxwriter, then taken apart, edited
//! and packed again, or their ZIP headers patched.

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::Workbook;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// A one-sheet workbook of text cells.
pub fn workbook(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text).expect("cell");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

pub const ROSTER: &[&[&str]] = &[
    &["单位名称", "单位地址", "机构类别"],
    &["某某口腔诊所", "解放路1号", "诊所"],
];

/// The parts of a ZIP, by name.
pub fn parts(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = ZipArchive::new(Cursor::new(zip)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).expect("part");
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).expect("read");
            (part.name().expect("name").to_string(), bytes)
        })
        .collect()
}

pub fn zipped(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        // The fastest level: what is built does not matter, only what it unpacks to.
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(1));
        out.start_file(name.as_str(), options).expect("start");
        out.write_all(bytes).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

/// The workbook with one part's XML edited; the edit must change it.
pub fn rewritten(xlsx: &[u8], part: &str, edit: impl FnOnce(&str) -> String) -> Vec<u8> {
    let mut all = parts(xlsx);
    let (_, bytes) = all.iter_mut().find(|(n, _)| n == part).expect(part);
    let xml = String::from_utf8(bytes.clone()).expect("XML");
    let changed = edit(&xml);
    assert_ne!(changed, xml, "{part} changed");
    *bytes = changed.into_bytes();
    zipped(&all)
}

/// Sets the uncompressed size a part's local header and directory entry declare.
pub fn declare_size(zip: &mut [u8], part: &str, size: u32) {
    let name = part.as_bytes();
    let mut patched = 0;
    for at in 0..zip.len().saturating_sub(46 + name.len()) {
        // The size field and the name of a local header, then of a directory entry.
        let (field, name_at) = match &zip[at..at + 4] {
            b"PK\x03\x04" => (at + 22, at + 30),
            b"PK\x01\x02" => (at + 24, at + 46),
            _ => continue,
        };
        if zip[name_at..].starts_with(name) {
            zip[field..field + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "both headers of {part}");
}
