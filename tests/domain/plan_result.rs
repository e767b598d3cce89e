use std::collections::BTreeMap;

use jiandu::domain::catalog::edition_2022;
use jiandu::domain::export::{csv, xlsx};
use jiandu::domain::handling::Handling;
use jiandu::domain::inspection::{Answer, Inspection, InspectionStatus, Verdict};
use jiandu::domain::institution::{Institution, InstitutionType};
use jiandu::domain::plan::{templates_2022, Plan};
use jiandu::domain::plan_result::{plan_result, Cell, ResultTable};

use super::at;

fn institution(id: &str, kind: InstitutionType) -> Institution {
    let mut record = Institution::new(id.into(), at(1));
    record.name = id.into();
    record.kind = Some(kind);
    record
}

fn finding(handling: Vec<Handling>) -> Answer {
    let mut answer = Answer::blank(at(2));
    answer.verdict = Verdict::NonCompliant;
    answer.description = "问题".into();
    answer.handling = handling;
    answer
}

fn inspection(
    id: &str,
    plan: &Plan,
    institution: &str,
    status: InspectionStatus,
    answers: Vec<(&str, Answer)>,
) -> Inspection {
    Inspection {
        id: id.into(),
        plan_id: plan.id.clone(),
        institution_id: institution.into(),
        catalog_edition: "2022".into(),
        date: None,
        place: String::new(),
        inspectors: Vec::new(),
        rectifications: Default::default(),
        media: Vec::new(),
        signatures: Vec::new(),
        opinion_number: None,
        hours: Default::default(),
        opinion_deadline: None,
        changed_on: None,
        answers: answers
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<BTreeMap<_, _>>(),
        status,
        history: Vec::new(),
        created_at: at(2),
        updated_at: at(2),
    }
}

/// A hand-checked fixture: two 诊所 completed with findings, a 村卫生室 still a draft, a 医院
/// reviewed with no finding, and an inspection of another plan.
fn fixture() -> ResultTable {
    let plan = templates_2022().unwrap()[0].instantiate("p".into(), at(1));
    let other = templates_2022().unwrap()[0].instantiate("other".into(), at(1));
    let institutions = vec![
        institution("c1", InstitutionType::Clinic),
        institution("c2", InstitutionType::Clinic),
        institution("v1", InstitutionType::VillageClinic),
        institution("h1", InstitutionType::Hospital),
    ];
    let compliant = {
        let mut a = Answer::blank(at(2));
        a.verdict = Verdict::Compliant;
        a
    };
    let inspections = vec![
        inspection(
            "i1",
            &plan,
            "c1",
            InspectionStatus::Completed,
            vec![
                (
                    "M1.1.1",
                    finding(vec![
                        Handling::CaseFiled {
                            case_number: "1号".into(),
                        },
                        Handling::Fine {
                            amount_yuan: 15_000,
                        },
                    ]),
                ),
                (
                    "M5.1.1",
                    finding(vec![Handling::Fine { amount_yuan: 5_000 }]),
                ),
            ],
        ),
        inspection(
            "i2",
            &plan,
            "c2",
            InspectionStatus::Completed,
            vec![("M1.1.2", finding(vec![])), ("M1.1.3", finding(vec![]))],
        ),
        inspection(
            "i3",
            &plan,
            "v1",
            InspectionStatus::Draft,
            vec![("M1.1.1", finding(vec![Handling::Fine { amount_yuan: 999 }]))],
        ),
        inspection(
            "i4",
            &plan,
            "h1",
            InspectionStatus::Reviewed,
            vec![("M1.1.1", compliant)],
        ),
        inspection(
            "i5",
            &other,
            "c1",
            InspectionStatus::Completed,
            vec![("M2.1.1", finding(vec![]))],
        ),
    ];
    plan_result(&plan, &institutions, &inspections, edition_2022())
}

#[test]
fn the_result_table_matches_the_hand_count() {
    let table = fixture();
    assert_eq!(table.title, "2022年医疗机构国家随机监督抽查结果汇总表");
    let csv = String::from_utf8(csv::build(&table.header(), &table.cells())).unwrap();
    let expected = "\u{feff}机构类别,目标数,已检查单位数,不合格单位数,医疗机构资质管理不合格单位数,医疗卫生人员管理不合格单位数,药品和医疗器械管理不合格单位数,医疗技术管理不合格单位数,医疗文书管理不合格单位数,临床用血管理不合格单位数,查处案件数,罚没款金额（万元）\r\n\
医院(含中医院),1,1,0,0,0,0,0,0,0,0,0\r\n\
卫生院,1,0,0,0,0,0,0,0,0,0,0\r\n\
村卫生室,5,0,0,0,0,0,0,0,0,0,0\r\n\
诊所,3,2,2,2,0,0,0,1,0,1,2\r\n\
合计,10,3,2,2,0,0,0,1,0,1,2\r\n";
    assert_eq!(csv, expected);
}

#[test]
fn csv_neutralises_formulas_and_quotes() {
    assert_eq!(csv::text("=SUM(A1)"), "'=SUM(A1)");
    assert_eq!(csv::text("+86 123"), "'+86 123");
    assert_eq!(csv::text("-1"), "'-1");
    assert_eq!(csv::text("@cmd"), "'@cmd");
    assert_eq!(csv::text("a,b"), "\"a,b\"");
    assert_eq!(csv::text("说\"明\""), "\"说\"\"明\"\"\"");
    assert_eq!(csv::text("=1,2"), "\"'=1,2\"");
    assert_eq!(csv::text("诊所"), "诊所");
}

#[test]
fn the_xlsx_holds_the_same_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let table = fixture();
    let bytes = xlsx::build("结果汇总", &table.title, &table.header(), &table.cells()).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("结果汇总").unwrap();
    let text = |r: u32, c: u32| range.get_value((r, c)).cloned();
    assert_eq!(text(0, 0), Some(Data::String(table.title.clone())));
    assert_eq!(text(1, 11), Some(Data::String("罚没款金额（万元）".into())));
    assert_eq!(text(5, 0), Some(Data::String("诊所".into())));
    assert_eq!(text(5, 2), Some(Data::Float(2.0)));
    assert_eq!(text(5, 4), Some(Data::Float(2.0)));
    assert_eq!(text(5, 8), Some(Data::Float(1.0)));
    assert_eq!(text(6, 11), Some(Data::Float(2.0)));
    assert_eq!(text(6, 1), Some(Data::Float(10.0)));
    let cells = table.cells();
    assert!(matches!(cells[3][11], Cell::Wan(ref w) if w == "2"));
}
