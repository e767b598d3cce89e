//! Importing the roster (双随机名单) from CSV and XLSX: decoding, reading tables with title
//! rows, guessing the column mapping, and planning the import against an existing roster.

use jiandu::domain::institution::{
    HospitalLevel, Institution, InstitutionType, Ownership, RegistrationKind, Service,
};
use jiandu::domain::labelled::Labelled;
use jiandu::domain::roster_import::{
    decode, guess_mapping, mapping_problems, plan_import, read_table, CellProblem, Encoding, Field,
    ImportProblem, Outcome, RosterImport, Severity, SourceRow, SourceTable, Summary, MAX_DATA_ROWS,
    MAX_FILE_BYTES,
};
use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

use super::at;

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn row(row: usize, cells: &[&str]) -> SourceRow {
    SourceRow {
        row,
        cells: strings(cells),
    }
}

fn csv(text: &str) -> SourceTable {
    read_table("名单.csv", text.as_bytes()).expect("readable CSV")
}

// ---------------------------------------------------------------------------------------------
// Decoding and reading

const LIST: &str = "序号,单位名称,统一社会信用代码,单位地址\r\n\
                    1,某某口腔诊所,91350100M000100Y43,城关镇解放路1号\r\n\
                    2,“为民”卫生室, ,\"东村, 3组\"\r\n";

#[test]
fn gbk_utf8_and_utf8_with_bom_read_as_the_same_table() {
    let (gbk, _, lossy) = encoding_rs::GBK.encode(LIST);
    assert!(!lossy);
    let gbk = read_table("名单.csv", &gbk).expect("GBK CSV");
    assert_eq!(gbk.encoding, Some(Encoding::Gb18030));
    assert_eq!(gbk.encoding.map(Encoding::label), Some("GBK/GB18030"));
    assert_eq!(
        gbk.header,
        strings(&["序号", "单位名称", "统一社会信用代码", "单位地址"])
    );
    assert_eq!(gbk.header_row, 1);
    assert_eq!(
        gbk.rows,
        vec![
            row(
                2,
                &["1", "某某口腔诊所", "91350100M000100Y43", "城关镇解放路1号"]
            ),
            row(3, &["2", "“为民”卫生室", "", "东村, 3组"]),
        ]
    );
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), LIST.as_bytes()].concat();
    let utf8 = read_table("名单.csv", &with_bom).expect("UTF-8 CSV");
    assert_eq!(utf8.encoding, Some(Encoding::Utf8));
    assert_eq!(
        SourceTable {
            encoding: gbk.encoding,
            ..utf8
        },
        gbk
    );
    assert_eq!(
        decode(LIST.as_bytes()).map(|d| d.encoding),
        Ok(Encoding::Utf8)
    );
    assert_eq!(
        decode(b"plain ascii").map(|d| d.encoding.label()),
        Ok("UTF-8")
    );
}

#[test]
fn files_that_are_no_roster_each_get_their_own_message() {
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".to_vec();
    let cases: Vec<(&str, Vec<u8>, ImportProblem)> = vec![
        ("a.csv", vec![], ImportProblem::Empty),
        (
            "a.csv",
            b"\x81\x20\x81\x20abc".to_vec(),
            ImportProblem::UnknownEncoding,
        ),
        (
            "a.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            ImportProblem::NotText(Some("PNG图片")),
        ),
        (
            "a.csv",
            b"%PDF-1.7\n".to_vec(),
            ImportProblem::NotText(Some("PDF文件")),
        ),
        (
            "a.csv",
            b"name\0\x01\x02\x81\xff".to_vec(),
            ImportProblem::NotText(None),
        ),
        ("a.csv", b"a,b\x00c".to_vec(), ImportProblem::NotText(None)),
        ("a.csv", b"\xFF\xFEa\0,\0b\0".to_vec(), ImportProblem::Utf16),
        ("a.txt", b"\xFE\xFF\0a".to_vec(), ImportProblem::Utf16),
        ("名单.xls", ole.clone(), ImportProblem::OldExcel),
        ("名单.csv", ole, ImportProblem::OldExcel),
        ("名单.XLS", b"<html>".to_vec(), ImportProblem::OldExcel),
        (
            "名单.csv",
            vec![b'a'; MAX_FILE_BYTES + 1],
            ImportProblem::TooLarge(MAX_FILE_BYTES + 1),
        ),
        ("名单.csv", b" \r\n,,\r\n".to_vec(), ImportProblem::NoRows),
    ];
    let mut messages = Vec::new();
    for (name, bytes, expected) in cases {
        let problem = read_table(name, &bytes).expect_err(name);
        assert_eq!(problem, expected, "{name}");
        messages.push(problem.message());
    }
    for (name, bytes) in [
        ("a.xlsx", b"not a zip".as_slice()),
        ("a.csv", b"PK\x03\x04broken"),
    ] {
        let problem = read_table(name, bytes).expect_err(name);
        assert!(
            matches!(problem, ImportProblem::BadXlsx(_)),
            "{name}: {problem:?}"
        );
        messages.push(problem.message());
    }
    let many = format!(
        "单位名称,地址\n{}",
        "某诊所,某路\n".repeat(MAX_DATA_ROWS + 1)
    );
    let problem = read_table("a.csv", many.as_bytes()).expect_err("too many rows");
    assert_eq!(problem, ImportProblem::TooManyRows);
    messages.push(problem.message());
    for message in &messages {
        assert!(
            message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{message}"
        );
    }
    messages.sort();
    messages.dedup();
    assert!(messages.len() >= 11, "{messages:#?}");
}

#[test]
fn title_rows_are_skipped_and_rows_keep_their_spreadsheet_numbers() {
    let table = csv("2022年双随机抽查名单,,,\r\n\
         填报单位：某区卫生健康监督所,,,\r\n\
         序号,单位名称,所属乡镇（街道）,备注\r\n\
         1,甲诊所,城关镇,\r\n\
         \r\n\
         ,,,\r\n\
         2,乙诊所,\"东山\r\n乡\",  说明  \r\n\
         3,=1+1,西河镇\r\n");
    assert_eq!(table.header_row, 3);
    assert_eq!(
        table.rows,
        vec![
            row(4, &["1", "甲诊所", "城关镇"]),
            row(7, &["2", "乙诊所", "东山\r\n乡", "说明"]),
            row(8, &["3", "=1+1", "西河镇"]),
        ]
    );
}

#[test]
fn tab_separated_text_is_read_when_the_header_has_tabs_and_no_commas() {
    let table = csv("单位名称\t地址\n某诊所\t解放路1号, 2楼\n");
    assert_eq!(table.header, strings(&["单位名称", "地址"]));
    assert_eq!(table.rows, vec![row(2, &["某诊所", "解放路1号, 2楼"])]);
    // An empty header cell is named by its column.
    let table = csv("单位名称,,地址\n某诊所,x,y,z\n");
    assert_eq!(table.header, strings(&["单位名称", "B列", "地址", "D列"]));
}

/// The city platform's list as Excel saves it: a merged title row above the header, a phone
/// and a sequence number typed as numbers, a date, formulas with and without a saved value.
fn platform_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("说明").expect("name");
    let sheet = book.add_worksheet();
    let title = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .merge_range(0, 0, 0, 6, "2022年双随机抽查名单", &title)
        .expect("merge");
    let header = [
        "序号",
        "单位名称",
        "统一社会信用代码",
        "联系电话",
        "检查日期",
        "机构类别",
        "备注",
    ];
    for (col, text) in header.iter().enumerate() {
        sheet.write_string(1, col as u16, *text).expect("header");
    }
    sheet.write_number(2, 0, 1).expect("n");
    sheet.write_string(2, 1, " 某某口腔诊所 ").expect("s");
    sheet.write_string(2, 2, "91350100M000100Y43").expect("s");
    sheet.write_number(2, 3, 13812345678.0).expect("n");
    let day = ExcelDateTime::from_ymd(2022, 5, 6).expect("date");
    sheet
        .write_datetime_with_format(2, 4, &day, &date)
        .expect("d");
    sheet.write_string(2, 5, "诊所").expect("s");
    sheet
        .write_formula(2, 6, Formula::new("=1+1").set_result("2"))
        .expect("f");
    sheet.write_number(4, 0, 2.5).expect("n");
    sheet.write_string(4, 1, "某卫生室").expect("s");
    sheet
        .write_formula(4, 5, Formula::new("=\"卫生\"&\"室\"").set_result("卫生室"))
        .expect("f");
    sheet.write_formula(4, 3, Formula::new("=D3")).expect("f");
    without_saved_value(&book.save_to_buffer().expect("xlsx"), "<f>D3</f><v>0</v>")
}

/// The workbook with one formula's saved value removed, as some exporters write formulas.
fn without_saved_value(xlsx: &[u8], cell_xml: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        let name = file.name().expect("entry name").to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).expect("read");
        if name == "xl/worksheets/sheet2.xml" {
            let xml = String::from_utf8(content).expect("xml");
            assert!(xml.contains(cell_xml), "{xml}");
            content = xml.replace(cell_xml, "<f>D3</f>").into_bytes();
        }
        let options = zip::write::SimpleFileOptions::default();
        out.start_file(name, options).expect("start");
        out.write_all(&content).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn an_xlsx_reads_as_text_cells_with_its_row_numbers() {
    let table = read_table("名单.xlsx", &platform_xlsx()).expect("readable XLSX");
    let expected = SourceTable {
        encoding: None,
        sheet: Some("Sheet2".to_string()),
        header_row: 2,
        header: strings(&[
            "序号",
            "单位名称",
            "统一社会信用代码",
            "联系电话",
            "检查日期",
            "机构类别",
            "备注",
        ]),
        rows: vec![
            row(
                3,
                &[
                    "1",
                    "某某口腔诊所",
                    "91350100M000100Y43",
                    "13812345678",
                    "2022-05-06",
                    "诊所",
                    "2",
                ],
            ),
            row(5, &["2.5", "某卫生室", "", "", "", "卫生室"]),
        ],
        cell_problems: vec![CellProblem {
            row: 5,
            column: 3,
            message: "公式没有保存计算结果，请在Excel中打开并保存文件后再导入".to_string(),
        }],
    };
    assert_eq!(table, expected);
    // The file name does not matter: the ZIP signature says XLSX.
    assert_eq!(read_table("名单", &platform_xlsx()), Ok(table));
}

// ---------------------------------------------------------------------------------------------
// Mapping

#[test]
fn the_mapping_is_guessed_from_realistic_headers() {
    // Each case: header cells, with "→code" where a field is expected.
    let cases = [
        "序号|单位名称→name|统一社会信用代码→registration_number|单位地址→address|\
         所属乡镇（街道）→township|机构类别→kind|备注",
        "被检查单位→name|执业许可证登记号→registration_number|类别→kind|医院级别→level|\
         经营性质→ownership|地址→address|联系人→contact_person|联系电话→contact_phone|\
         诊疗科目→services",
        "*医疗机构名称→name|法定代表人（负责人）→legal_representative|\
         法定代表人联系电话→contact_phone|风险等级|检查结果",
        "机构名称→name|单位名称|电话→contact_phone|手机|统一社会信用代码/登记号→registration_number",
    ];
    for case in cases {
        let (header, expected): (Vec<String>, Vec<Option<Field>>) = case
            .split('|')
            .map(|cell| match cell.split_once('→') {
                Some((text, code)) => (text.to_string(), Some(Field::from_code(code).expect(code))),
                None => (cell.to_string(), None),
            })
            .unzip();
        assert_eq!(guess_mapping(&header), expected, "{header:?}");
    }
}

#[test]
fn a_mapping_with_a_field_twice_or_no_name_is_refused() {
    let header = strings(&["单位名称", "机构名称", "地址"]);
    let twice = [Some(Field::Name), Some(Field::Name), None];
    assert_eq!(
        mapping_problems(&header, &twice),
        vec!["“名称”只能对应一列，现在对应了“单位名称”“机构名称”"]
    );
    assert_eq!(
        mapping_problems(&header, &[None, None, Some(Field::Address)]),
        vec!["请指定哪一列是“名称”"]
    );
    assert!(mapping_problems(&header, &guess_mapping(&header)).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Planning

const HEADER: &str =
    "序号,单位名称,统一社会信用代码,单位地址,机构类别,医院级别,所有制,联系人,联系电话,开展服务\r\n";

fn clinic(id: &str, name: &str, code: &str) -> Institution {
    let mut record = Institution::new(id.to_string(), at(1));
    record.name = name.to_string();
    record.registration_number = code.to_string();
    record.kind = Some(InstitutionType::Clinic);
    record.address = "解放路1号".to_string();
    record.contact_person = "张医生".to_string();
    record
}

fn roster() -> Vec<Institution> {
    let mut unnumbered = clinic("old-2", "为民卫生室", "");
    unnumbered.kind = Some(InstitutionType::VillageClinic);
    unnumbered.address = "东村3组".to_string();
    vec![
        clinic("old-1", "某某口腔诊所", "91350100M000100Y43"),
        unnumbered,
    ]
}

fn plan(rows: &str, existing: &[Institution]) -> RosterImport {
    let table = csv(&format!("{HEADER}{rows}"));
    let mapping = guess_mapping(&table.header);
    let mut ids = (1..).map(|n| format!("new-{n}"));
    plan_import(
        &table,
        &mapping,
        existing,
        || ids.next().expect("id"),
        at(20),
    )
}

/// Each row's number, outcome and problems as text.
fn outline(import: &RosterImport) -> Vec<(usize, Outcome, Vec<String>)> {
    let text = |row: &jiandu::domain::roster_import::ImportRow| {
        row.problems.iter().map(|p| p.text()).collect::<Vec<_>>()
    };
    import
        .rows
        .iter()
        .map(|r| (r.row, r.outcome.clone(), text(r)))
        .collect()
}

#[test]
fn rows_are_new_updates_unchanged_duplicates_or_refused() {
    let import = plan(
        "1,某某口腔诊所,91350100m000100y43,解放路1号,诊所,,,,,\r\n\
         2,为民卫生室,,东村3组,村卫生室,,,,0591-87654321,\r\n\
         3,康宁诊所,914403001922038216,西街5号,诊所,,,李四,13800000000,口腔、医学检验；体检\r\n\
         4,康宁诊所(分部),91 4403 0019 2203 8216,,,,,王五,13900000000,放射\r\n\
         5,错码诊所,91350100M000100Y44,北街,诊所,,,,,\r\n\
         6,,91110108551385082Q,南街,诊所,,,,,\r\n\
         7,养生馆,12100000400000645J,东街,养生馆,,,,,\r\n\
         8,=1+1,,中街,诊所,,,,,\r\n\
         9,人民医院,,医院路,综合医院,,公立,,,\r\n\
         10,,,,,,,,,\r\n",
        &roster(),
    );
    let existing = |id: &str| Outcome::Update {
        existing_id: id.to_string(),
    };
    assert_eq!(
        outline(&import),
        vec![
            (2, Outcome::Unchanged { existing_id: "old-1".into() }, vec![]),
            (3, existing("old-2"), vec![
                "第3行“统一社会信用代码”：信息待完善：请填写统一社会信用代码；没有的请改选“其他登记号”".into(),
            ]),
            (4, Outcome::New, vec![]),
            (5, Outcome::Duplicate { first_row: 4 }, vec![
                "第5行“统一社会信用代码”：与第4行是同一机构（统一社会信用代码/登记号相同），已合并到第4行".into(),
                "第5行“单位名称”：与第4行不同，保留第4行的“康宁诊所”".into(),
                "第5行“联系人”：与第4行不同，保留第4行的“李四”".into(),
                "第5行“联系电话”：与第4行不同，保留第4行的“13800000000”".into(),
            ]),
            (6, Outcome::Refused, vec![
                "第6行“统一社会信用代码”：校验位不正确，请核对统一社会信用代码；如无统一社会信用代码，可填写登记号".into(),
            ]),
            (7, Outcome::Refused, vec!["第7行“单位名称”：未填写名称".into()]),
            (8, Outcome::Refused, vec![
                "第8行“机构类别”：无法识别机构类别“养生馆”，可填写：医院(含中医院)、社区卫生服务机构、卫生院、村卫生室、诊所、养老机构内设医疗机构、中心血站、非医疗机构".into(),
            ]),
            (9, Outcome::New, vec![
                "第9行“统一社会信用代码”：信息待完善：请填写统一社会信用代码；没有的请改选“其他登记号”".into(),
            ]),
            (10, Outcome::New, vec![
                "第10行“统一社会信用代码”：信息待完善：请填写统一社会信用代码；没有的请改选“其他登记号”".into(),
                "第10行“医院级别”：信息待完善：医院请选择级别".into(),
            ]),
        ]
    );
    assert_eq!(
        import.summary(),
        Summary {
            new: 3,
            updated: 1,
            unchanged: 1,
            duplicates: 1,
            refused: 3,
            skipped: 1,
            with_warnings: 3
        }
    );
    assert_eq!(import.skipped, [11]);
    assert!(import
        .problems()
        .filter(|p| p.severity == Severity::Error)
        .all(|p| p.row >= 6));

    let written = import.to_write();
    let ids: Vec<&str> = written.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["old-2", "new-1", "new-2", "new-3"]);
    // What joins a plan chosen with the import: unchanged units too, duplicates and refused
    // rows not, each unit once.
    assert_eq!(
        import.unit_ids(),
        ["old-1", "old-2", "new-1", "new-2", "new-3"]
    );
    // The update keeps what the file leaves empty and stamps the time.
    let update = &written[0];
    assert_eq!(
        (
            update.contact_person.as_str(),
            update.contact_phone.as_str()
        ),
        ("张医生", "0591-87654321")
    );
    assert_eq!((update.created_at, update.updated_at), (at(1), at(20)));
    // The duplicate filled only what row 4 left empty; its services were added.
    let merged = &written[1];
    assert_eq!(merged.registration_number, "914403001922038216");
    assert_eq!(merged.registration_kind, RegistrationKind::CreditCode);
    assert_eq!(
        merged.services.iter().copied().collect::<Vec<_>>(),
        [
            Service::ClinicalLaboratory,
            Service::HealthCheckup,
            Service::Dental,
            Service::Radiology
        ]
    );
    assert_eq!(import.rows[3].institution, *merged);
    // A cell that looks like a formula is text, never evaluated.
    assert_eq!(written[2].name, "=1+1");
    let hospital = &written[3];
    assert_eq!(
        (hospital.kind, hospital.level, hospital.ownership),
        (
            Some(InstitutionType::Hospital),
            None,
            Some(Ownership::Public)
        )
    );
}

#[test]
fn values_are_read_from_official_labels_and_common_words() {
    let import = plan(
        "1,甲门诊部,,甲路,门诊部,,,,,\r\n\
         2,乙诊所,,乙路,诊所,二级,民营,,,\r\n\
         3,丙医院,,丙路,医院（含中医院）,三级甲等,营利性,,,中医、血透\r\n\
         4,丁医院,,丁路,中医医院,二级,非营利性,,,\r\n\
         5,戊诊所,,戊路,诊所,,,,,按摩\r\n\
         6,己中心,,己路,社区卫生服务站,/,—,无,无,\r\n",
        &[],
    );
    let rows = &import.rows;
    assert_eq!(rows[0].institution.kind, Some(InstitutionType::Clinic));
    assert_eq!(
        rows[0].problems[0].text(),
        "第2行“机构类别”：“门诊部”没有单独的机构类别，已按“诊所”导入，请核对"
    );
    assert_eq!(rows[1].outcome, Outcome::New);
    assert_eq!(
        (rows[1].institution.level, rows[1].institution.ownership),
        (None, None)
    );
    let dropped: Vec<String> = rows[1].problems.iter().map(|p| p.text()).collect();
    assert!(dropped.contains(&"第3行“医院级别”：机构类别不是医院，“二级”未导入".to_string()));
    assert!(dropped.contains(&"第3行“所有制”：机构类别不是医院，“民营”未导入".to_string()));
    let third = &rows[2].institution;
    assert_eq!(
        (third.kind, third.level, third.ownership),
        (
            Some(InstitutionType::Hospital),
            Some(HospitalLevel::Third),
            Some(Ownership::Private)
        )
    );
    assert_eq!(third.services.len(), 2);
    assert_eq!(rows[3].outcome, Outcome::Refused);
    assert_eq!(
        rows[3].problems[0].text(),
        "第5行“所有制”：无法确定所有制“非营利性”（非营利性医院也可能是民营的），可填写：公立、民营"
    );
    assert_eq!(rows[4].outcome, Outcome::Refused);
    assert!(rows[4].problems[0]
        .text()
        .starts_with("第6行“开展服务”：无法识别服务“按摩”，可填写：医疗美容、"));
    let placeholders = &rows[5].institution;
    assert_eq!(rows[5].outcome, Outcome::New);
    assert_eq!(
        placeholders.kind,
        Some(InstitutionType::CommunityHealthService)
    );
    assert_eq!(
        (
            placeholders.contact_person.as_str(),
            placeholders.contact_phone.as_str()
        ),
        ("", "")
    );
}

#[test]
fn licence_subjects_that_are_no_service_are_skipped_with_a_warning() {
    let table =
        csv("单位名称,执业许可证登记号,诊疗科目\n甲诊所,PDY60325X44030417D1122,内科;口腔科\n");
    let import = plan_import(
        &table,
        &guess_mapping(&table.header),
        &[],
        || "n".into(),
        at(2),
    );
    let record = &import.rows[0].institution;
    assert_eq!(import.rows[0].outcome, Outcome::New);
    assert_eq!(record.registration_kind, RegistrationKind::Other);
    assert_eq!(record.registration_number, "PDY60325X44030417D1122");
    assert_eq!(
        record.services.iter().copied().collect::<Vec<_>>(),
        [Service::Dental]
    );
    assert_eq!(
        import.rows[0].problems[0].text(),
        "第2行“诊疗科目”：以下诊疗科目不是开展服务，未导入：内科"
    );
    // A credit-code column does not take other numbers.
    let table = csv("单位名称,统一社会信用代码\n甲诊所,PDY60325X44030417D1122\n");
    let import = plan_import(
        &table,
        &guess_mapping(&table.header),
        &[],
        || "n".into(),
        at(2),
    );
    assert_eq!(import.rows[0].outcome, Outcome::Refused);
    assert_eq!(
        import.rows[0].problems[0].message,
        "统一社会信用代码应为18位，当前为22位；如无统一社会信用代码，可填写登记号，并把列名改为“统一社会信用代码/登记号”"
    );
}

#[test]
fn an_unreadable_cell_refuses_its_row_only_when_its_column_is_imported() {
    let table = read_table("名单.xlsx", &platform_xlsx()).expect("readable XLSX");
    let mut mapping = guess_mapping(&table.header);
    assert_eq!(mapping[3], Some(Field::ContactPhone));
    let mut ids = ["a", "b"].into_iter().map(String::from);
    let import = plan_import(&table, &mapping, &[], || ids.next().expect("id"), at(3));
    assert_eq!(import.rows[0].institution.contact_phone, "13812345678");
    assert_eq!(import.rows[0].institution.name, "某某口腔诊所");
    assert_eq!(import.rows[1].outcome, Outcome::Refused);
    assert!(import.rows[1].problems[0]
        .text()
        .starts_with("第5行“联系电话”：公式没有保存计算结果"));
    mapping[3] = None;
    let import = plan_import(&table, &mapping, &[], || "c".into(), at(3));
    assert_eq!(import.rows[1].outcome, Outcome::New);
}

#[test]
fn a_file_of_the_largest_size_is_read_and_planned() {
    let rows: String = (0..MAX_DATA_ROWS)
        .map(|i| format!("诊所{i},路{i}号,诊所\n"))
        .collect();
    let table = csv(&format!("单位名称,地址,机构类别\n{rows}"));
    assert_eq!(table.rows.len(), MAX_DATA_ROWS);
    assert_eq!(table.rows.last().map(|r| r.row), Some(MAX_DATA_ROWS + 1));
    let mut n = 0;
    let mut id = || {
        n += 1;
        format!("n{n}")
    };
    let import = plan_import(
        &table,
        &guess_mapping(&table.header),
        &roster(),
        &mut id,
        at(5),
    );
    assert_eq!(import.summary().new, MAX_DATA_ROWS);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        name in prop_oneof![Just("a.csv"), Just("a.xlsx"), Just("a.xls"), Just("a")],
        zip in any::<bool>(),
    ) {
        let bytes = if zip { [b"PK\x03\x04".as_slice(), &bytes].concat() } else { bytes };
        if let Ok(table) = read_table(name, &bytes) {
            let mapping = guess_mapping(&table.header);
            let import = plan_import(&table, &mapping, &roster(), || "x".into(), at(4));
            prop_assert_eq!(import.rows.len() + import.skipped.len(), table.rows.len());
        }
    }

    #[test]
    fn arbitrary_csv_text_plans_one_outcome_per_row(
        cells in proptest::collection::vec("[a-z0-9 ,\"=、;\n医院诊所]{0,12}", 0..40),
    ) {
        let text = format!("{HEADER}{}", cells.join(","));
        if let Ok(table) = read_table("a.csv", text.as_bytes()) {
            let import = plan_import(&table, &guess_mapping(&table.header), &roster(), || "x".into(), at(4));
            let summary = import.summary();
            let total = summary.new + summary.updated + summary.unchanged + summary.duplicates
                + summary.refused + summary.skipped;
            prop_assert_eq!(total, table.rows.len());
        }
    }
}

#[test]
fn a_legal_representative_column_fills_the_field_printed_on_the_record() {
    let table = csv(
        "单位名称,统一社会信用代码,机构类别,法定代表人,联系人,联系电话\r\n\
         康宁诊所,914403001922038216,诊所,王五,李四,13800000000\r\n",
    );
    let mapping = guess_mapping(&table.header);
    let mut ids = (1..).map(|n| format!("new-{n}"));
    let import = plan_import(&table, &mapping, &[], || ids.next().expect("id"), at(20));
    let record = &import.rows[0].institution;
    assert_eq!(record.legal_representative, "王五");
    assert_eq!(record.contact_person, "李四");
}
