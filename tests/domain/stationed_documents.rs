//! The documents closing a stay: the 反馈意见 (problems by area, numbered, with their handling
//! sentences and Chinese dates; unsettled problems reported beside it) and the 卫生监督建议书.

use chrono::NaiveDate;
use jiandu::domain::stationed::documents::{
    advice, chinese_date, chinese_number, draft_suggestions, feedback, flagged_for_advice,
    AdviceScope, Document, Issuer, COUNTY_BUREAU, DATE_PLACEHOLDER,
};
use jiandu::domain::stationed::register::{ProblemRef, ProblemSource};
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::SceneSheet;

use super::at;
use crate::stay_fixture::{day, facts, sheets, stay, HOSPITAL, STAY};

fn issuer(dated: Option<NaiveDate>) -> Issuer {
    Issuer {
        body: "XX县卫生计生监督所".into(),
        bureau: COUNTY_BUREAU.into(),
        dated,
    }
}

fn headings(document: &Document) -> Vec<&str> {
    document
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect()
}

#[test]
fn dates_and_numbers_read_as_in_chinese_documents() {
    assert_eq!(chinese_date(day(10, 8)), "2024年10月8日");
    assert_eq!(chinese_date(day(1, 31)), "2024年1月31日");
    let numbers: Vec<String> = [1, 5, 10, 11, 20, 23].map(chinese_number).to_vec();
    assert_eq!(numbers, ["一", "五", "十", "十一", "二十", "二十三"]);
}

#[test]
fn the_feedback_is_addressed_to_the_hospital_and_signed_by_the_body() {
    let (sheets, stay) = (sheets(), stay());
    let doc = feedback(&facts(&sheets, &stay), &issuer(None)).document;
    assert_eq!(doc.title, "关于XX县人民医院驻点监督情况的反馈意见");
    assert_eq!(doc.addressee, HOSPITAL);
    assert_eq!(doc.signature, ["XX县卫生计生监督所", DATE_PLACEHOLDER]);
    let dated = feedback(&facts(&sheets, &stay), &issuer(Some(day(11, 1)))).document;
    assert_eq!(dated.signature[1], "2024年11月1日");
}

#[test]
fn the_opening_says_when_who_and_what_was_checked() {
    let (sheets, stay) = (sheets(), stay());
    let doc = feedback(&facts(&sheets, &stay), &issuer(None)).document;
    let opening = &doc.sections[0];
    assert_eq!(opening.heading, None);
    assert_eq!(
        opening.paragraphs,
        ["2024年10月8日至2024年10月25日，我所驻点监督组（组长：张三）进驻你院，对你院依法执业情况开展了驻点监督。监督组按照监督内容，对你院5个科室（场所）逐一进行了现场监督检查，对许可文件和执业记录逐项进行了书面审查，对2件社会反映问题进行了核查（其中属实或部分属实1件）。现将有关情况反馈如下："]
    );
}

#[test]
fn the_feedback_lists_problems_by_area_in_catalog_order_numbered_through() {
    let (sheets, stay) = (sheets(), stay());
    let doc = feedback(&facts(&sheets, &stay), &issuer(None)).document;
    assert_eq!(
        headings(&doc),
        [
            "一、发现的问题及处理意见",
            "（一）医疗服务（含中医）",
            "（二）传染病",
            "（三）放射卫生防护、职业健康体检",
            "二、整改要求",
        ]
    );
    assert_eq!(
        doc.sections[1].paragraphs,
        ["本次驻点监督共发现问题9项（立案查处1项、责令限期改正2项、整改意见1项、移送2项、监督建议书2项、待定1项），具体如下："]
    );
    let items: Vec<&str> = doc.items().collect();
    assert_eq!(items.len(), 9);
    for (n, item) in items.iter().enumerate() {
        assert!(item.starts_with(&format!("{}．", n + 1)), "{item}");
    }
    let places: Vec<&str> = items
        .iter()
        .map(|i| i.split_once('．').unwrap().1.split_once('：').unwrap().0)
        .collect();
    assert_eq!(
        places,
        [
            "急诊科",
            "医务科",
            "书面审查",
            "社会反映问题核查",
            "急诊科",
            "发热门诊",
            "口腔科",
            "医疗废物处置",
            "口腔科",
        ]
    );
    assert_eq!(doc.sections[2].items.len(), 4, "医疗服务 holds 4");
}

#[test]
fn each_item_has_its_description_basis_and_handling_sentence() {
    let (sheets, stay) = (sheets(), stay());
    let doc = feedback(&facts(&sheets, &stay), &issuer(None)).document;
    let items: Vec<&str> = doc.items().collect();
    let basis = &edition_2024().point("Z-YL-06").unwrap().basis;
    assert_eq!(
        items[0],
        format!("1．急诊科：急诊科未设置急诊抢救室。法律依据：{basis}。处理意见：待定。")
    );
    assert!(
        items[1].ends_with("处理意见：依法立案查处。"),
        "{}",
        items[1]
    );
    assert!(!items[1].contains("卫医罚"), "the case note stays internal");
    assert!(items[2].ends_with("处理意见：纳入《卫生监督建议书》，报送县卫生健康局。"));
    assert_eq!(
        items[3],
        "4．社会反映问题核查：反映“夜间急诊无医师值班”，核查情况：10月12日夜间急诊由护士接诊。处理意见：移送有关部门处理。"
    );
    assert!(items[4].starts_with(
        "5．急诊科：2例流感病例未按规定报告。法律依据：《中华人民共和国传染病防治法》第四十五条、第一百零四条；"
    ));
    assert!(items[4]
        .ends_with("处理意见：责令限期改正，请于2024年11月10日前整改完毕，我所将进行复查。"));
    assert!(items[5].ends_with("请于2024年11月15日前整改完毕，我所将进行复查。"));
    assert!(items[6].ends_with("处理意见：建立器械消毒登记制度。请你院按照整改意见落实整改。"));
    assert!(items[7].ends_with("处理意见：移送县生态环境局处理。"));
}

#[test]
fn the_closing_asks_for_a_written_report_by_the_last_deadline() {
    let (sheets, stay) = (sheets(), stay());
    let doc = feedback(&facts(&sheets, &stay), &issuer(None)).document;
    let closing = &doc.sections.last().unwrap().paragraphs[0];
    assert!(
        closing.contains("并于2024年11月15日前将书面整改报告报送我所"),
        "{closing}"
    );
}

#[test]
fn unsettled_problems_are_reported_beside_the_feedback_not_in_it() {
    let (sheets, stay) = (sheets(), stay());
    let result = feedback(&facts(&sheets, &stay), &issuer(None));
    assert!(!result.is_final());
    let messages: Vec<String> = result.unsettled.iter().map(|u| u.message()).collect();
    assert_eq!(
        messages,
        [
            "急诊科：急诊科未设置急诊抢救室（未确定处理方式）",
            "社会反映问题核查：10月12日夜间急诊由护士接诊（请填写移送部门）",
        ]
    );
    assert_eq!(
        result.unsettled[0].at,
        ProblemRef {
            sheet_id: "stay-1/emergency".into(),
            source: ProblemSource::Point("Z-YL-06".into()),
        }
    );
    let text = format!("{:?}", result.document);
    assert!(!text.contains("未确定处理方式"));
}

#[test]
fn a_stay_without_problems_gets_a_final_feedback_saying_so() {
    let stay = stay();
    let sheets = vec![SceneSheet::new(STAY, "emergency", at(1))];
    let result = feedback(&facts(&sheets, &stay), &issuer(None));
    assert!(result.is_final());
    assert_eq!(
        result.document.sections[1].paragraphs,
        ["本次驻点监督未发现违法违规问题。"]
    );
    assert_eq!(result.document.items().count(), 0);
}

#[test]
fn the_advice_states_only_the_problems_flagged_for_it() {
    let (sheets, stay) = (sheets(), stay());
    let facts = facts(&sheets, &stay);
    assert!(flagged_for_advice(&facts));
    let doc = advice(&facts, &issuer(None), &AdviceScope::Flagged, None);
    assert_eq!(doc.title, "卫生监督建议书");
    assert_eq!(doc.addressee, "县卫生健康局");
    assert!(doc.sections[0].paragraphs[0].contains("XX县人民医院"));
    assert_eq!(
        headings(&doc),
        [
            "一、存在的问题",
            "（一）医疗服务（含中医）",
            "（二）放射卫生防护、职业健康体检",
            "二、监督建议",
        ]
    );
    let items: Vec<&str> = doc.items().collect();
    assert_eq!(items.len(), 2);
    assert!(
        items[0].starts_with("1．书面审查：聘用2名非卫生技术人员从事医疗卫生技术工作。法律依据：")
    );
    assert!(items[1].starts_with("2．口腔科：放射防护设施不符合要求。"));
    assert!(!items.iter().any(|i| i.contains("处理情况")));
    let suggestions = &doc.sections[4].paragraphs;
    assert_eq!(suggestions[0], "建议你局：");
    assert_eq!(suggestions.len(), 4);
    assert_eq!(
        draft_suggestions(HOSPITAL).lines().count(),
        suggestions.len()
    );
    assert_eq!(doc.signature, ["XX县卫生计生监督所", DATE_PLACEHOLDER]);
}

#[test]
fn the_advice_takes_the_users_problems_and_edited_suggestions() {
    let (sheets, stay) = (sheets(), stay());
    let facts = facts(&sheets, &stay);
    let chosen = AdviceScope::Chosen(vec![
        ProblemRef {
            sheet_id: "stay-1/fever_clinic".into(),
            source: ProblemSource::Point("Z-CR-07".into()),
        },
        ProblemRef {
            sheet_id: "stay-1/medical_affairs".into(),
            source: ProblemSource::Point("Z-YL-01".into()),
        },
    ]);
    let doc = advice(
        &facts,
        &issuer(None),
        &chosen,
        Some("建议约谈。\n\n  建议通报。 "),
    );
    let items: Vec<&str> = doc.items().collect();
    assert_eq!(items.len(), 2);
    assert!(items[0].starts_with("1．医务科：") && items[0].ends_with("处理情况：立案查处。"));
    assert!(items[1].starts_with("2．发热门诊："));
    assert!(items[1].ends_with("处理情况：责令限期改正（整改期限2024年11月15日）。"));
    assert_eq!(doc.sections[4].paragraphs, ["建议约谈。", "建议通报。"]);
    let all = advice(&facts, &issuer(None), &AdviceScope::All, None);
    assert_eq!(all.items().count(), 9);
}

#[test]
fn no_advice_is_flagged_without_a_监督建议书_handling() {
    let stay = stay();
    let sheets: Vec<SceneSheet> = sheets()
        .into_iter()
        .filter(|s| !["stay-1/documents", "stay-1/stomatology"].contains(&s.id.as_str()))
        .collect();
    let facts = facts(&sheets, &stay);
    assert!(!flagged_for_advice(&facts));
    let doc = advice(&facts, &issuer(None), &AdviceScope::Flagged, None);
    assert_eq!(doc.items().count(), 0);
    assert_eq!(
        doc.sections[1].paragraphs,
        ["（尚未选定列入监督建议书的问题）"]
    );
}
