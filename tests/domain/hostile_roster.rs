//! Hostile roster files (导入名录): every number a CSV or XLSX file controls that costs work is
//! bounded (the file's size before it is read, rows, columns, a cell's length, an XLSX's parts,
//! what they unpack to, the shared strings it announces, a shared formula's index, nesting),
//! each refused in Chinese; and no message of the roster import holds English parser text.

use std::io::{Cursor, Write};

use jiandu::domain::chosen_file::{
    check_file_size, MAX_EXCHANGE_FILE_BYTES, MAX_ROSTER_FILE_BYTES,
};
use jiandu::domain::exchange::sealed::MAX_SEALED_BYTES;
use jiandu::domain::exchange::MAX_ARCHIVE_BYTES;
use jiandu::domain::roster_import::{
    guess_mapping, mapping_problems, plan_import, read_table, ImportProblem, Outcome, SourceTable,
    MAX_CELL_CHARS, MAX_COLUMNS, MAX_DATA_ROWS, MAX_FILE_BYTES, MAX_SHARED_STRINGS, MAX_XLSX_PARTS,
    MAX_XLSX_UNPACKED_BYTES,
};
use rust_xlsxwriter::Workbook;
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use super::at;
use super::hostile_files::{assert_plain_chinese, assert_plain_chinese_quoting};

mod build;

use build::{declare_size, parts, rewritten, workbook, zipped, ROSTER};

const MB: u64 = 1024 * 1024;

/// The problem a file is refused for, after checking its message.
fn refused(name: &str, bytes: &[u8]) -> ImportProblem {
    let problem = read_table(name, bytes).expect_err(name);
    assert_plain_chinese(name, &problem.message());
    problem
}

// ---------------------------------------------------------------------------------------------
// The size of a chosen file, before it is read

#[test]
fn a_chosen_file_over_its_limit_is_refused_before_it_is_read() {
    assert_eq!(MAX_ROSTER_FILE_BYTES, MAX_FILE_BYTES as u64);
    assert_eq!(MAX_ROSTER_FILE_BYTES, 10 * MB);
    // Every exchange file the reader could accept may be chosen: sealed is the largest.
    assert_eq!(MAX_EXCHANGE_FILE_BYTES, MAX_SEALED_BYTES as u64);
    assert!(MAX_EXCHANGE_FILE_BYTES >= MAX_ARCHIVE_BYTES as u64);
    for limit in [MAX_ROSTER_FILE_BYTES, MAX_EXCHANGE_FILE_BYTES] {
        assert_eq!(check_file_size("名单.xlsx", 0, limit), Ok(()));
        assert_eq!(check_file_size("名单.xlsx", limit, limit), Ok(()));
        let message = check_file_size("名单.xlsx", limit + 1, limit).unwrap_err();
        assert_plain_chinese("over the limit", &message);
        assert!(message.contains("未读取"), "{message}");
    }
    assert_eq!(
        check_file_size("名单.xlsx", 12 * MB + MB / 2, MAX_ROSTER_FILE_BYTES),
        Err("文件“名单.xlsx”过大（12.5 MB），超过上限 10.0 MB，未读取。".to_string())
    );
    // One byte over reads as over, never as the limit itself.
    let message = check_file_size(
        "备份.json",
        MAX_ROSTER_FILE_BYTES + 1,
        MAX_ROSTER_FILE_BYTES,
    );
    assert!(message.unwrap_err().contains("过大（10.1 MB）"));
    let message = check_file_size("备份.json", u64::MAX, MAX_EXCHANGE_FILE_BYTES).unwrap_err();
    assert!(message.contains("超过上限 682.7 MB"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// Columns, cells and rows

#[test]
fn content_beyond_the_last_column_read_refuses_the_file() {
    let row = |last: usize| {
        let mut cells = vec![String::new(); last + 1];
        cells[0] = "某诊所".to_string();
        cells[last] = "多余".to_string();
        cells.join(",")
    };
    let at_limit = format!("单位名称,单位地址\n{}\n", row(MAX_COLUMNS - 1));
    let table = read_table("名单.csv", at_limit.as_bytes()).expect("200 columns");
    assert_eq!(table.header.len(), MAX_COLUMNS);
    let over = format!("单位名称,单位地址\n{}\n", row(MAX_COLUMNS));
    assert_eq!(
        refused("名单.csv", over.as_bytes()),
        ImportProblem::TooManyColumns(2)
    );
    // Empty cells past the limit cost nothing and are no content.
    let trailing = format!("单位名称,单位地址\n某诊所{}\n", ",".repeat(5 * MAX_COLUMNS));
    assert!(read_table("名单.csv", trailing.as_bytes()).is_ok());
    // The same in a workbook.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "单位名称").expect("cell");
    sheet
        .write_string(2, MAX_COLUMNS as u16, "多余")
        .expect("cell");
    let xlsx = book.save_to_buffer().expect("xlsx");
    assert_eq!(
        refused("名单.xlsx", &xlsx),
        ImportProblem::TooManyColumns(3)
    );
}

fn planned(table: &SourceTable) -> jiandu::domain::roster_import::RosterImport {
    let mapping = guess_mapping(&table.header);
    let mut ids = (1..).map(|n| format!("new-{n}"));
    plan_import(table, &mapping, &[], || ids.next().expect("id"), at(2))
}

#[test]
fn a_cell_over_the_longest_refuses_its_row_in_csv_and_xlsx() {
    let long = "路".repeat(MAX_CELL_CHARS + 1);
    let longest = "路".repeat(MAX_CELL_CHARS);
    let csv = format!(
        "单位名称,单位地址,机构类别\n甲诊所,{longest},诊所\n乙诊所,{long},诊所\n丙诊所,,诊所,{long}\n"
    );
    let xlsx = workbook(&[
        &["单位名称", "单位地址", "机构类别"],
        &["甲诊所", &longest, "诊所"],
        &["乙诊所", &long, "诊所"],
        &["丙诊所", "", "诊所", &long],
    ]);
    for (name, bytes) in [("名单.csv", csv.into_bytes()), ("名单.xlsx", xlsx)] {
        let table = read_table(name, &bytes).expect(name);
        assert_eq!(table.rows[0].cell(1), longest, "{name}");
        assert_eq!(
            table.rows[1].cell(1),
            "",
            "{name}: the long text is not kept"
        );
        let problems: Vec<_> = table
            .cell_problems
            .iter()
            .map(|p| (p.row, p.column))
            .collect();
        assert_eq!(problems, [(3, 1), (4, 3)], "{name}");
        let import = planned(&table);
        let outcomes: Vec<_> = import.rows.iter().map(|r| r.outcome.clone()).collect();
        // The third row's long cell is in a column not imported.
        assert_eq!(
            outcomes,
            [Outcome::New, Outcome::Refused, Outcome::New],
            "{name}"
        );
        let text = import.rows[1].problems[0].text();
        assert_eq!(
            text,
            format!("第3行“单位地址”：单元格内容过长（2001个字），最多{MAX_CELL_CHARS}个字")
        );
        assert_plain_chinese(name, &text);
    }
}

#[test]
fn a_workbook_of_more_rows_than_allowed_is_refused() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "单位名称").expect("cell");
    for row in 1..=(MAX_DATA_ROWS + 21) as u32 {
        sheet.write_number(row, 0, f64::from(row)).expect("cell");
    }
    let xlsx = book.save_to_buffer().expect("xlsx");
    assert_eq!(refused("名单.xlsx", &xlsx), ImportProblem::TooManyRows);
}

// ---------------------------------------------------------------------------------------------
// What an XLSX unpacks to and the numbers in its parts

#[test]
fn a_workbook_of_too_many_parts_is_refused_before_it_is_opened() {
    let mut all = parts(&workbook(ROSTER));
    let tiny = |n: usize| (format!("xl/media/image{n}.png"), Vec::new());
    all.extend((all.len()..MAX_XLSX_PARTS).map(tiny));
    assert!(read_table("名单.xlsx", &zipped(&all)).is_ok());
    all.push(tiny(MAX_XLSX_PARTS));
    assert_eq!(
        refused("名单.xlsx", &zipped(&all)),
        ImportProblem::TooManyParts(MAX_XLSX_PARTS + 1)
    );
}

#[test]
fn a_zip_bomb_is_refused_by_what_it_really_unpacks_to() {
    // A part of zeros just over the limit deflates to about a tenth of a megabyte.
    let xlsx = workbook(ROSTER);
    let mut all = parts(&xlsx);
    let budget = MAX_XLSX_UNPACKED_BYTES as usize - all.iter().map(|(_, b)| b.len()).sum::<usize>();
    all.push(("xl/media/zeros.bin".to_string(), vec![0; budget]));
    let at_limit = zipped(&all);
    assert!(at_limit.len() < MB as usize, "{}", at_limit.len());
    assert!(read_table("名单.xlsx", &at_limit).is_ok());
    // One byte more, in a part of its own, appended without packing the zeros again.
    let mut append = ZipWriter::new_append(Cursor::new(at_limit)).expect("append");
    append
        .start_file("xl/media/one.bin", SimpleFileOptions::default())
        .expect("start");
    append.write_all(&[0]).expect("write");
    let mut bomb = append.finish().expect("finish").into_inner();
    assert_eq!(refused("名单.xlsx", &bomb), ImportProblem::UnpackedTooLarge);
    // Its headers may claim it is small: the ZIP reader then stops at the size claimed, so the
    // claim is what it costs (the part is left to the spreadsheet reader, which needs no media).
    declare_size(&mut bomb, "xl/media/zeros.bin", 10);
    let table = read_table("名单.xlsx", &bomb).expect("the claimed ten bytes are read");
    assert_eq!(table.rows.len(), 1);
    let mut lying = rewritten(&xlsx, "xl/sharedStrings.xml", |x| {
        x.replacen(
            "</sst>",
            &format!("<si><t>{}</t></si></sst>", "字".repeat(1 << 20)),
            1,
        )
    });
    declare_size(&mut lying, "xl/sharedStrings.xml", 100);
    // A part the reader needs, cut at its claimed size, is damaged.
    assert!(matches!(
        refused("名单.xlsx", &lying),
        ImportProblem::BadXlsx(_)
    ));
}

#[test]
fn a_forged_count_of_shared_strings_is_refused_before_memory_is_reserved() {
    let xlsx = workbook(ROSTER);
    let forge = |value: &'static str| {
        rewritten(&xlsx, "xl/sharedStrings.xml", move |xml| {
            let start = xml.find("uniqueCount=\"").expect("uniqueCount");
            let end = start + xml[start..].find("\">").expect("its end");
            format!("{}{value}{}", &xml[..start], &xml[end + 1..])
        })
    };
    // A real count, the largest count accepted, and values the reader ignores.
    for value in [
        "uniqueCount=\"06\"",
        "uniqueCount=\"1000000\"",
        "uniqueCount=\"-5\"",
        "uniqueCount=\"many\"",
    ] {
        let table = read_table("名单.xlsx", &forge(value)).expect(value);
        assert_eq!(table.rows.len(), 1, "{value}");
    }
    assert_eq!(MAX_SHARED_STRINGS, 1_000_000);
    for (value, count) in [
        ("uniqueCount=\"1000001\"", 1_000_001),
        ("uniqueCount=\"4294967295\"", 4_294_967_295),
        ("uniqueCount = '0000018446744073709551615'", u64::MAX),
        ("uniqueCount\n=\t\"99999999999999999999999999\"", u64::MAX),
    ] {
        assert_eq!(
            refused("名单.xlsx", &forge(value)),
            ImportProblem::TooManySharedStrings(count),
            "{value}"
        );
    }
}

#[test]
fn a_forged_shared_formula_index_costs_nothing() {
    // The reader's formula API grows a table to the index; the one used here does not.
    let xlsx = rewritten(&workbook(ROSTER), "xl/worksheets/sheet1.xml", |xml| {
        xml.replacen(
            "<c r=\"C2\"",
            "<c r=\"D2\"><f t=\"shared\" ref=\"D2:D3\" si=\"4000000000\">1+1</f><v>2</v></c><c r=\"C2\"",
            1,
        )
        .replacen("<c r=\"D2\">", "<c r=\"D2\" t=\"n\">", 1)
    });
    let table = read_table("名单.xlsx", &xlsx).expect("readable");
    assert_eq!(table.rows[0].cell(3), "2");
}

#[test]
fn deep_nesting_costs_no_stack() {
    let depth = 200_000;
    let deep = format!("{}{}", "<x>".repeat(depth), "</x>".repeat(depth));
    let in_sheet = rewritten(&workbook(ROSTER), "xl/worksheets/sheet1.xml", |xml| {
        xml.replacen("</sheetData>", &format!("{deep}</sheetData>"), 1)
    });
    let table = read_table("名单.xlsx", &in_sheet).expect("nesting is skipped");
    assert_eq!(table.rows.len(), 1);
    let in_strings = rewritten(&workbook(ROSTER), "xl/sharedStrings.xml", |xml| {
        xml.replacen("</sst>", &format!("<si>{deep}<t>x</t></si></sst>"), 1)
    });
    // Read or refused, but never a crash.
    if let Err(problem) = read_table("名单.xlsx", &in_strings) {
        assert_plain_chinese("nested strings", &problem.message());
    }
}

// ---------------------------------------------------------------------------------------------
// Every message is Chinese

#[test]
fn every_roster_refusal_reads_in_chinese_without_parser_text() {
    let every_problem = [
        ImportProblem::Empty,
        ImportProblem::TooLarge(MAX_FILE_BYTES + 1),
        ImportProblem::TooManyRows,
        ImportProblem::TooManyColumns(7),
        ImportProblem::TooManyParts(MAX_XLSX_PARTS + 1),
        ImportProblem::UnpackedTooLarge,
        ImportProblem::TooManySharedStrings(u64::MAX),
        ImportProblem::Utf16,
        ImportProblem::UnknownEncoding,
        ImportProblem::NotText(Some("PNG图片")),
        ImportProblem::NotText(None),
        ImportProblem::OldExcel,
        ImportProblem::BadXlsx("invalid Zip archive: Could not find EOCD".to_string()),
        ImportProblem::BadCsv("CSV error: record 2 (line: 3, byte: 9): found record".to_string()),
        ImportProblem::NoRows,
    ];
    for problem in &every_problem {
        assert_plain_chinese(&format!("{problem:?}"), &problem.message());
    }
    // Damaged workbooks: calamine's and the ZIP reader's English stays out.
    let xlsx = workbook(ROSTER);
    let sheet = "xl/worksheets/sheet1.xml";
    for (what, bytes) in [
        ("cut off", xlsx[..xlsx.len() / 2].to_vec()),
        (
            "no sheet data",
            rewritten(&xlsx, sheet, |x| x.replace("sheetData", "sheetDaten")),
        ),
        (
            "a bad cell reference",
            rewritten(&xlsx, sheet, |x| x.replacen("r=\"A1\"", "r=\"A\"", 1)),
        ),
        (
            "a string index past the table",
            rewritten(&xlsx, sheet, |x| x.replacen("<v>0</v>", "<v>99</v>", 1)),
        ),
        (
            "broken XML",
            rewritten(&xlsx, "xl/workbook.xml", |x| x.replacen('>', "", 3)),
        ),
    ] {
        let problem = read_table("名单.xlsx", &bytes).expect_err(what);
        assert_plain_chinese(what, &problem.message());
    }
    // Unreadable cells, quoting the error value the cell shows.
    let errors = rewritten(&xlsx, sheet, |x| {
        x.replacen(
            "<c r=\"B2\" t=\"s\"><v>4</v></c>",
            "<c r=\"B2\" t=\"e\"><v>#VALUE!</v></c>",
            1,
        )
    });
    let table = read_table("名单.xlsx", &errors).expect("readable");
    let import = planned(&table);
    let text = import.rows[0].problems[0].text();
    assert_eq!(text, "第2行“单位地址”：单元格是错误值#VALUE!");
    assert_plain_chinese_quoting("an error value", &text, "#VALUE!");
    // Every row problem of a file of bad values, and every mapping problem.
    let rows = "单位名称,统一社会信用代码,机构类别,医院级别,所有制,联系电话,开展服务,单位名称\n\
                ,91350100M000100Y44,养生馆,五级,外星,12,放疗；修脚,\n\
                甲,91 3501,诊所,,,abc,,乙\n\
                甲,,,,,,,\n";
    let table = read_table("名单.csv", rows.as_bytes()).expect("readable");
    let mapping = guess_mapping(&table.header);
    let problems = mapping_problems(&table.header, &mapping);
    let import = plan_import(&table, &mapping, &[], || "x".into(), at(2));
    let texts: Vec<String> = import
        .rows
        .iter()
        .flat_map(|r| r.problems.iter().map(|p| p.text()))
        .chain(problems)
        .collect();
    assert!(texts.len() >= 6, "{texts:#?}");
    for text in &texts {
        assert_plain_chinese_quoting("a row", text, rows);
    }
}
