//! The documents printed on site from an inspection of a clinic: the 现场检查笔录 (header facts,
//! counts per area, problems with their photos and measures, signature lines drawn or blank) and
//! the 卫生监督意见书 (problems with their legal basis, what to correct by when, 文号, 签收).

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use jiandu::domain::catalog::edition_2022;
use jiandu::domain::document::{Document, SignatureLine, DATE_PLACEHOLDER};
use jiandu::domain::handling::Handling;
use jiandu::domain::inspection::{
    Answer, Assignment, CompletionProblem, Hours, Inspection, InspectionStatus, StatusChange,
    StatusEvent, Verdict,
};
use jiandu::domain::inspection_documents::{
    onsite_record, onsite_record_digest, opinion_letter, LetterDetails, CONFIRMATION,
};
use jiandu::domain::inspector::{AssignmentRole, Inspector};
use jiandu::domain::institution::{Institution, InstitutionType};
use jiandu::domain::media::{MediaKind, MediaRef, Signature, Signer};
use jiandu::domain::signing::{self, SignatureState};

use super::at;

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).expect("valid date")
}

fn media(id: &str, kind: MediaKind, captured: Option<(u32, u32)>) -> MediaRef {
    MediaRef {
        id: id.into(),
        kind,
        mime: "image/jpeg".into(),
        bytes: 2048,
        sha256: "0".repeat(64),
        width: Some(1600),
        height: Some(1200),
        captured_at: captured.and_then(|(h, m)| day(11, 25).and_hms_opt(h, m, 0)),
        added_at: at(25),
        added_by: Some("a".into()),
        file_name: format!("{id}.jpg"),
    }
}

fn clinic() -> Institution {
    let mut clinic = Institution::new("clinic".into(), at(1));
    clinic.name = "XX区康宁诊所".into();
    clinic.registration_number = "91110105MA01ABCD1X".into();
    clinic.kind = Some(InstitutionType::Clinic);
    clinic.address = "XX区和平路12号".into();
    clinic.contact_phone = "010-12345678".into();
    clinic
}

fn roster() -> Vec<Inspector> {
    let officer = |id: &str, name: &str, certificate: &str| Inspector {
        name: name.into(),
        certificate_number: certificate.into(),
        ..Inspector::new(id.into(), at(1))
    };
    vec![officer("a", "张三", "A001"), officer("b", "李四", "")]
}

fn answer(verdict: Verdict, description: &str, by: &str) -> Answer {
    Answer {
        verdict,
        description: description.into(),
        updated_by: Some(by.into()),
        ..Answer::blank(at(25))
    }
}

/// The clinic inspected on 2026-11-25: M1 partly (one 符合, two 不符合 with photos and measures,
/// one 合理缺项), M2 one point, M3 nothing, M4 all six 符合, M5 one 不符合 without description;
/// one photo of the scene; officer 张三 has signed.
fn inspection() -> Inspection {
    let mut answers = std::collections::BTreeMap::new();
    answers.insert("M1.1.1".to_string(), answer(Verdict::Compliant, "", "a"));
    let mut licence = answer(
        Verdict::NonCompliant,
        "未将《医疗机构执业许可证》悬挂于明显处所",
        "a",
    );
    licence.media = vec![
        media("p1", MediaKind::Photo, Some((10, 31))),
        media("p2", MediaKind::Photo, None),
    ];
    licence.handling = vec![Handling::OrderCorrection {
        deadline: Some(day(11, 25)),
    }];
    answers.insert("M1.1.4".to_string(), licence);
    let mut badges = answer(Verdict::NotApplicable, "", "b");
    badges.not_applicable_reason = "无相关人员".into();
    answers.insert("M1.2.4".to_string(), badges);
    let mut drugs = answer(
        Verdict::NonCompliant,
        "药柜内存放过期药品阿莫西林胶囊2盒。",
        "b",
    );
    drugs.media = vec![
        media("p3", MediaKind::Photo, Some((10, 45))),
        media("v1", MediaKind::Video, None),
    ];
    drugs.handling = vec![
        Handling::OrderCorrection {
            deadline: Some(day(12, 10)),
        },
        Handling::CaseFiled {
            case_number: "X卫医罚〔2026〕3号".into(),
        },
    ];
    answers.insert("M1.3.4".to_string(), drugs);
    answers.insert("M2.1.1".to_string(), answer(Verdict::Compliant, "", "a"));
    for id in ["M4.1.1", "M4.1.2", "M4.2.1", "M4.2.2", "M4.2.3", "M4.2.4"] {
        answers.insert(id.to_string(), answer(Verdict::Compliant, "", "a"));
    }
    let mut prescriptions = answer(Verdict::NonCompliant, " ", "a");
    prescriptions.handling = vec![Handling::RectificationAdvice {
        text: "加强处方书写培训。".into(),
    }];
    answers.insert("M5.1.3".to_string(), prescriptions);
    let officer = |id: &str, role| Assignment {
        inspector_id: id.into(),
        role,
    };
    Inspection {
        id: "insp".into(),
        plan_id: "plan".into(),
        institution_id: "clinic".into(),
        catalog_edition: "2022".into(),
        date: Some(day(11, 25)),
        place: "XX区和平路12号".into(),
        inspectors: vec![
            officer("a", AssignmentRole::Leader),
            officer("b", AssignmentRole::Member),
        ],
        answers,
        rectifications: Default::default(),
        media: vec![media("p4", MediaKind::Photo, None)],
        signatures: vec![Signature {
            signer: Signer::Inspector {
                inspector_id: "a".into(),
            },
            image: media("s-a", MediaKind::Signature, None),
            // 17:30 UTC is already the 26th in China.
            signed_at: Utc.with_ymd_and_hms(2026, 11, 25, 17, 30, 0).unwrap(),
            content_sha256: None,
        }],
        opinion_number: None,
        hours: Default::default(),
        opinion_deadline: None,
        status: InspectionStatus::Draft,
        history: Vec::new(),
        created_at: at(25),
        updated_at: at(25),
        changed_on: None,
    }
}

fn record() -> Document {
    onsite_record(edition_2022(), &inspection(), &clinic(), &roster())
}

fn headed(document: &Document) -> Vec<(Option<&str>, Vec<&str>)> {
    document
        .sections
        .iter()
        .map(|s| {
            (
                s.heading.as_deref(),
                s.paragraphs.iter().map(String::as_str).collect(),
            )
        })
        .filter(|(heading, _)| heading.is_some())
        .collect()
}

fn figure_ids(document: &Document, item_start: &str) -> Vec<String> {
    document
        .sections
        .iter()
        .find(|s| s.items.first().is_some_and(|i| i.starts_with(item_start)))
        .map(|s| s.figures.iter().map(|f| f.media.id.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn the_record_states_who_was_inspected_when_where_and_by_whom() {
    let record = record();
    assert_eq!(record.title, "现场检查笔录");
    assert_eq!(record.number, None);
    let lines: Vec<String> = record.facts.iter().map(|f| f.line()).collect();
    assert_eq!(
        lines,
        [
            "被检查单位：XX区康宁诊所",
            "地址：XX区和平路12号",
            "统一社会信用代码：91110105MA01ABCD1X",
            "法定代表人（负责人）：",
            "联系电话：010-12345678",
            // Every answer at 17:00 China time and not completed: the end is left to write.
            "检查时间：2026年11月25日17时00分至　　时　　分",
            "检查地点：XX区和平路12号",
            "执法人员：张三（执法证号：A001）、李四（执法证号：　　　　　　）",
            "记录人：张三、李四",
        ]
    );
    assert_eq!(
        record.fact("法定代表人（负责人）"),
        None,
        "left to fill in by hand"
    );
    assert_eq!(
        record.sections[0].paragraphs,
        ["执法人员张三、李四向被检查单位出示了执法证件，表明了身份，说明了检查的依据和内容，并告知其依法享有申请执法人员回避的权利。现场检查情况如下："]
    );
}

#[test]
fn each_area_of_the_checklist_gets_its_counts_in_words() {
    let record = record();
    assert_eq!(
        headed(&record),
        [
            (
                Some("一、检查情况"),
                vec!["对照附表1《2022年医疗机构国家随机监督抽查检查表》对该单位进行了检查，共检查12项：符合8项，不符合3项，合理缺项1项；另有61项未检查。"]
            ),
            (
                Some("（一）医疗机构资质管理"),
                vec!["共检查4项：符合1项，不符合2项，合理缺项1项；另有11项未检查。"]
            ),
            (
                Some("（二）医疗卫生人员管理"),
                vec!["共检查1项：符合1项，不符合0项；另有15项未检查。"]
            ),
            (Some("（三）药品和医疗器械管理"), vec!["未检查（共20项）。"]),
            (Some("（四）医疗技术管理"), vec!["共检查6项：符合6项，不符合0项。"]),
            (
                Some("（五）医疗文书管理"),
                vec!["共检查1项：符合0项，不符合1项；另有15项未检查。"]
            ),
            (Some("二、现场照片"), vec![]),
        ],
        "临床用血管理 does not apply to a clinic without 临床用血"
    );
}

#[test]
fn each_problem_has_its_photos_and_measures_under_its_area() {
    let record = record();
    let items: Vec<&str> = record.items().collect();
    assert_eq!(
        items,
        [
            "1．未将《医疗机构执业许可证》悬挂于明显处所（见照片1、照片2）。",
            "处理措施：责令立即改正。",
            "2．药柜内存放过期药品阿莫西林胶囊2盒（见照片3）。取证录像1段，另行存档。",
            "处理措施：责令于2026年12月10日前改正；立案查处（案件编号：X卫医罚〔2026〕3号）。",
            "3．处方书写不规范。",
            "处理措施：提出整改意见“加强处方书写培训”。",
        ]
    );
    assert_eq!(figure_ids(&record, "1．"), ["p1", "p2"]);
    assert_eq!(figure_ids(&record, "2．"), ["p3"]);
    assert!(figure_ids(&record, "3．").is_empty());
    let captions: Vec<&str> = record.figures().map(|f| f.caption.as_str()).collect();
    assert_eq!(
        captions,
        [
            "照片1　2026年11月25日10时31分拍摄",
            "照片2",
            "照片3　2026年11月25日10时45分拍摄",
            "照片4",
        ]
    );
    // The problem of 医疗文书管理 follows its area's heading.
    let position = |f: &dyn Fn(&jiandu::domain::document::Section) -> bool| {
        record.sections.iter().position(f).expect("present")
    };
    let area = position(&|s| s.heading.as_deref() == Some("（五）医疗文书管理"));
    let problem = position(&|s| s.items.first().is_some_and(|i| i.starts_with("3．")));
    assert_eq!(problem, area + 1);
    let scene = record.sections.last().expect("scene photos");
    assert_eq!(scene.heading.as_deref(), Some("二、现场照片"));
    assert_eq!(
        scene
            .figures
            .iter()
            .map(|f| f.media.id.as_str())
            .collect::<Vec<_>>(),
        ["p4"]
    );
}

#[test]
fn signatures_are_filled_where_signed_and_blank_lines_otherwise() {
    let record = record();
    let lines: Vec<(&str, &str, Option<&str>, bool, String)> = record
        .signatures
        .iter()
        .map(|l| {
            (
                l.label.as_str(),
                l.name.as_str(),
                l.detail.as_deref(),
                l.is_blank(),
                l.date(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "被检查人（签名）",
                "",
                None,
                true,
                DATE_PLACEHOLDER.to_string()
            ),
            (
                "执法人员（签名）",
                "张三",
                Some("执法证号：A001"),
                false,
                "2026年11月26日".to_string()
            ),
            (
                "执法人员（签名）",
                "李四",
                Some("执法证号：　　　　　　"),
                true,
                DATE_PLACEHOLDER.to_string()
            ),
        ]
    );
    assert_eq!(
        record.signatures[0].statement.as_deref(),
        Some(CONFIRMATION)
    );
    assert_eq!(CONFIRMATION, "以上笔录我已看过，情况属实。");
    assert_eq!(
        record.signatures[1].image.as_ref().map(|m| m.id.as_str()),
        Some("s-a")
    );
    assert!(record.signature.is_empty(), "a record has no 落款");
}

#[test]
fn the_party_who_signed_is_named_with_the_position() {
    let mut inspection = inspection();
    inspection.signatures.push(Signature {
        signer: Signer::Party {
            name: "王五".into(),
            position: "负责人".into(),
        },
        image: media("s-party", MediaKind::Signature, None),
        signed_at: Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0).unwrap(),
        content_sha256: None,
    });
    // An officer who signed without being assigned still gets a line.
    inspection.signatures.push(Signature {
        signer: Signer::Inspector {
            inspector_id: "gone".into(),
        },
        image: media("s-gone", MediaKind::Signature, None),
        signed_at: Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0).unwrap(),
        content_sha256: None,
    });
    let record = onsite_record(edition_2022(), &inspection, &clinic(), &roster());
    let party: &SignatureLine = &record.signatures[0];
    assert_eq!(
        (
            party.label.as_str(),
            party.name.as_str(),
            party.detail.as_deref(),
            party.statement.as_deref(),
            party.date()
        ),
        (
            "被检查人（签名）",
            "王五",
            Some("职务：负责人"),
            Some(CONFIRMATION),
            "2026年11月25日".to_string()
        )
    );
    let names: Vec<&str> = record.signatures.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["王五", "张三", "李四", "（未知人员）"],
        "no blank party line besides"
    );
    assert_eq!(
        record.signatures[3].image.as_ref().map(|m| m.id.as_str()),
        Some("s-gone")
    );
}

#[test]
fn a_record_without_answers_or_photos_says_so() {
    let mut inspection = inspection();
    inspection.answers.clear();
    inspection.media.clear();
    let record = onsite_record(edition_2022(), &inspection, &clinic(), &roster());
    assert_eq!(
        record.sections[1].paragraphs,
        ["对照附表1《2022年医疗机构国家随机监督抽查检查表》对该单位进行了检查，未检查（共73项）。"]
    );
    assert!(record.sections.iter().all(|s| s.figures.is_empty()));
    assert!(record
        .sections
        .iter()
        .all(|s| s.heading.as_deref() != Some("二、现场照片")));
}

#[test]
fn an_answered_point_outside_the_generated_checklist_is_kept() {
    // 口腔 is not among the clinic's services, yet the point was answered (services changed).
    let mut inspection = inspection();
    inspection
        .answers
        .insert("M1.3.6".into(), answer(Verdict::Compliant, "", "a"));
    let record = onsite_record(edition_2022(), &inspection, &clinic(), &roster());
    assert_eq!(
        headed(&record)[1].1,
        ["共检查5项：符合2项，不符合2项，合理缺项1项；另有11项未检查。"]
    );
    let mut dental = clinic();
    dental.services = BTreeSet::from([jiandu::domain::institution::Service::Dental]);
    let record = onsite_record(edition_2022(), &inspection, &dental, &roster());
    assert_eq!(
        headed(&record)[1].1,
        ["共检查5项：符合2项，不符合2项，合理缺项1项；另有11项未检查。"]
    );
}

fn details() -> LetterDetails {
    LetterDetails {
        number: Some(" X卫医监〔2026〕12号 ".into()),
        deadline: Some(day(12, 20)),
        body: "XX区卫生健康局".into(),
        dated: Some(day(11, 25)),
    }
}

fn letter(details: &LetterDetails) -> Document {
    opinion_letter(edition_2022(), &inspection(), &clinic(), &roster(), details)
}

#[test]
fn the_letter_is_numbered_and_names_the_unit() {
    let letter = letter(&details());
    assert_eq!(letter.title, "卫生监督意见书");
    assert_eq!(letter.number.as_deref(), Some("X卫医监〔2026〕12号"));
    let facts: Vec<String> = letter.facts.iter().map(|f| f.line()).collect();
    assert_eq!(
        facts,
        [
            "被监督单位：XX区康宁诊所",
            "法定代表人（负责人）：",
            "地址：XX区和平路12号",
            "联系电话：010-12345678",
        ]
    );
    assert_eq!(letter.signature, ["XX区卫生健康局", "2026年11月25日"]);
    assert_eq!(
        letter.notes,
        ["本意见书一式两份，一份交被监督单位，一份留存执法案卷。"]
    );
    let unnumbered = self::letter(&LetterDetails {
        number: Some("  ".into()),
        body: String::new(),
        dated: None,
        ..details()
    });
    assert_eq!(unnumbered.number, None);
    assert_eq!(
        unnumbered.signature,
        ["（卫生行政机关名称）", DATE_PLACEHOLDER]
    );
}

#[test]
fn each_problem_states_its_basis_and_what_to_correct_by_when() {
    let letter = letter(&details());
    assert_eq!(
        letter.paragraphs().collect::<Vec<_>>(),
        [
            "经2026年11月25日现场监督检查，发现你单位存在下列问题：",
            "请你单位接到本意见书后，按照上述意见认真整改，并于2026年12月20日前将整改情况书面报告XX区卫生健康局。逾期不改正的，将依法予以处理。",
        ]
    );
    assert_eq!(
        letter.items().collect::<Vec<_>>(),
        [
            "1．未将《医疗机构执业许可证》悬挂于明显处所。法律依据：《医疗机构管理条例》第二十五条。责令你单位立即改正。",
            "2．药柜内存放过期药品阿莫西林胶囊2盒。法律依据：《医疗机构管理条例实施细则》第五十九条；《医疗机构管理条例》第三十五条；《中华人民共和国药品管理法》第九十八条、第一百一十九条。责令你单位于2026年12月10日前改正。",
            "3．处方书写不规范。法律依据：《处方管理办法》第六条、第十七条。整改意见：加强处方书写培训。请你单位于2026年12月20日前整改。",
        ]
    );
    assert_eq!(letter.figures().count(), 0, "the letter carries no photos");
}

#[test]
fn without_a_deadline_the_dates_are_left_to_fill_in_or_asked_promptly() {
    let mut inspection = inspection();
    inspection
        .answers
        .get_mut("M1.3.4")
        .expect("answered")
        .handling = vec![Handling::OrderCorrection { deadline: None }];
    let letter = opinion_letter(
        edition_2022(),
        &inspection,
        &clinic(),
        &roster(),
        &LetterDetails {
            deadline: None,
            ..details()
        },
    );
    let items: Vec<&str> = letter.items().collect();
    assert!(items[1].ends_with(&format!("责令你单位于{DATE_PLACEHOLDER}前改正。")));
    assert!(items[2].ends_with("整改意见：加强处方书写培训。请你单位及时整改。"));
    assert_eq!(
        letter.paragraphs().last(),
        Some("请你单位接到本意见书后，按照上述意见认真整改，并及时将整改情况书面报告XX区卫生健康局。逾期不改正的，将依法予以处理。")
    );
}

#[test]
fn the_letter_is_signed_by_the_officers_and_received_by_the_unit() {
    let letter = letter(&details());
    let lines: Vec<(&str, &str, Option<&str>, bool)> = letter
        .signatures
        .iter()
        .map(|l| {
            (
                l.label.as_str(),
                l.name.as_str(),
                l.detail.as_deref(),
                l.is_blank(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("卫生监督员（签名）", "张三", Some("执法证号：A001"), true),
            (
                "卫生监督员（签名）",
                "李四",
                Some("执法证号：　　　　　　"),
                true
            ),
            ("被监督单位签收", "", None, true),
        ],
        "the record's drawn signatures are not reused on the letter"
    );
}

#[test]
fn a_letter_without_problems_says_none_was_found() {
    let mut inspection = inspection();
    inspection
        .answers
        .retain(|_, a| a.verdict != Verdict::NonCompliant);
    let letter = opinion_letter(
        edition_2022(),
        &inspection,
        &clinic(),
        &roster(),
        &details(),
    );
    assert_eq!(
        letter.paragraphs().collect::<Vec<_>>(),
        [
            "经2026年11月25日现场监督检查，未发现你单位存在违法违规问题。",
            "请你单位继续落实依法执业主体责任，健全内部管理制度，规范执业行为。",
        ]
    );
    assert_eq!(letter.items().count(), 0);
}

/// The 笔录's digest of an inspection at the fixture clinic.
fn record_digest(inspection: &Inspection) -> String {
    onsite_record_digest(edition_2022(), inspection, &clinic(), &roster())
}

fn signed_by(inspector_id: &str, content_sha256: Option<String>) -> Signature {
    Signature {
        signer: Signer::Inspector {
            inspector_id: inspector_id.into(),
        },
        image: media(&format!("s-{inspector_id}"), MediaKind::Signature, None),
        signed_at: at(25),
        content_sha256,
    }
}

#[test]
fn the_same_record_gives_the_same_digest_and_signing_does_not_change_it() {
    let mut inspection = inspection();
    inspection.signatures.clear();
    let digest = record_digest(&inspection);
    assert_eq!(digest.len(), 64);
    assert_eq!(digest, record_digest(&inspection.clone()));
    inspection
        .signatures
        .push(signed_by("a", Some(digest.clone())));
    inspection
        .signatures
        .push(signed_by("b", Some(digest.clone())));
    assert_eq!(
        record_digest(&inspection),
        digest,
        "the signature block is not content"
    );
    let record = onsite_record(edition_2022(), &inspection, &clinic(), &roster());
    assert_eq!(record.alert, None);
    assert_eq!(
        record.signatures.iter().filter(|l| !l.is_blank()).count(),
        2
    );
    assert_eq!(
        SignatureState::of(&inspection.signatures[0], &digest),
        SignatureState::Matches
    );
}

/// One change to an inspection.
type Edit = Box<dyn Fn(&mut Inspection)>;

#[test]
fn any_change_to_facts_findings_handling_or_photos_changes_the_digest() {
    let base = inspection();
    let edits: Vec<(&str, Edit)> = vec![
        (
            "description",
            Box::new(|i| {
                i.answers
                    .get_mut("M1.1.4")
                    .unwrap()
                    .description
                    .push_str("（两处）")
            }),
        ),
        (
            "a new 不符合",
            Box::new(|i| i.answers.get_mut("M1.1.1").unwrap().verdict = Verdict::NonCompliant),
        ),
        (
            "a 符合 made 合理缺项",
            Box::new(|i| i.answers.get_mut("M2.1.1").unwrap().verdict = Verdict::NotApplicable),
        ),
        (
            "a deadline",
            Box::new(|i| {
                i.answers.get_mut("M1.1.4").unwrap().handling = vec![Handling::OrderCorrection {
                    deadline: Some(day(11, 30)),
                }]
            }),
        ),
        (
            "a measure",
            Box::new(|i| {
                i.answers
                    .get_mut("M5.1.3")
                    .unwrap()
                    .handling
                    .push(Handling::Transfer {
                        department: "市场监督管理局".into(),
                    })
            }),
        ),
        (
            "advice wording",
            Box::new(|i| {
                i.answers.get_mut("M5.1.3").unwrap().handling =
                    vec![Handling::RectificationAdvice {
                        text: "加强培训。".into(),
                    }]
            }),
        ),
        (
            "a photo",
            Box::new(|i| i.media.push(media("p9", MediaKind::Photo, Some((11, 0))))),
        ),
        ("the date", Box::new(|i| i.date = Some(day(11, 26)))),
        (
            "an officer",
            Box::new(|i| {
                i.inspectors.pop();
            }),
        ),
    ];
    let mut seen = BTreeSet::from([record_digest(&base)]);
    for (what, edit) in edits {
        let mut changed = base.clone();
        edit(&mut changed);
        assert!(
            seen.insert(record_digest(&changed)),
            "{what} left the digest unchanged"
        );
    }
    let mut renamed = clinic();
    renamed.name = "XX区康宁门诊部".into();
    let digest = onsite_record_digest(edition_2022(), &base, &renamed, &roster());
    assert!(seen.insert(digest), "the unit's name is content");
}

#[test]
fn a_record_changed_after_signing_prints_no_signature_given_before_and_says_so() {
    let mut inspection = inspection();
    inspection.signatures.clear();
    let before = record_digest(&inspection);
    inspection
        .signatures
        .push(signed_by("a", Some(before.clone())));
    inspection.signatures.push(signed_by("b", None));
    inspection.answers.get_mut("M1.1.1").unwrap().verdict = Verdict::NonCompliant;
    let now = record_digest(&inspection);
    assert_ne!(before, now);
    assert_eq!(
        SignatureState::of(&inspection.signatures[0], &now),
        SignatureState::Changed
    );
    assert_eq!(
        SignatureState::of(&inspection.signatures[1], &now),
        SignatureState::Unrecorded
    );
    assert_eq!(signing::changed(&inspection.signatures, &now).len(), 1);
    let record = onsite_record(edition_2022(), &inspection, &clinic(), &roster());
    let alert = record.alert.clone().expect("the change is said");
    assert!(alert.starts_with("签名后内容已修改：张三的签名"), "{alert}");
    let officer = |name: &str| {
        record
            .signatures
            .iter()
            .find(|l| l.name == name)
            .expect(name)
    };
    assert!(
        officer("张三").is_blank(),
        "the changed text is not printed over the old signature"
    );
    assert!(
        !officer("李四").is_blank(),
        "a signature made before digests is kept"
    );
    assert_eq!(
        signing::refusal(&["张三".into()], "完成检查"),
        "签名后内容已修改（张三的签名与当前现场检查笔录不符），请重新签名后再完成检查。"
    );
    // Signing again under the changed text settles it.
    inspection.signatures[0].content_sha256 = Some(now.clone());
    let record = onsite_record(edition_2022(), &inspection, &clinic(), &roster());
    assert_eq!(record.alert, None);
    assert!(record
        .signatures
        .iter()
        .all(|l| !l.name.is_empty() || l.is_blank()));
}

#[test]
fn a_signature_keeps_its_digest_in_files_and_older_ones_read_without() {
    let signature = signed_by("a", Some("5a".repeat(32)));
    let json = serde_json::to_string(&signature).expect("serialises");
    assert!(json.contains(&format!("\"content_sha256\":\"{}\"", "5a".repeat(32))));
    assert_eq!(
        serde_json::from_str::<Signature>(&json).expect("reads"),
        signature
    );
    let older = serde_json::to_string(&signed_by("a", None)).expect("serialises");
    assert!(!older.contains("content_sha256"), "written only when kept");
    assert_eq!(
        serde_json::from_str::<Signature>(&older)
            .expect("reads")
            .content_sha256,
        None
    );
}

/// The 检查时间 line of the inspection's 笔录 at the fixture clinic.
fn printed_time(inspection: &Inspection) -> String {
    let record = onsite_record(edition_2022(), inspection, &clinic(), &roster());
    record
        .facts
        .iter()
        .find(|f| f.label == "检查时间")
        .unwrap()
        .line()
}

#[test]
fn the_inspection_time_runs_from_the_first_answer_to_completion() {
    let mut inspection = inspection();
    let utc = |h: u32, m: u32| Utc.with_ymd_and_hms(2026, 11, 25, h, m, 0).unwrap();
    // 01:05 UTC is 9:05 in China; 03:20 UTC is 11:20.
    inspection.answers.get_mut("M1.1.1").unwrap().updated_at = utc(1, 5);
    inspection.answers.get_mut("M1.1.4").unwrap().updated_at = utc(2, 0);
    for answer in inspection
        .answers
        .values_mut()
        .filter(|a| a.updated_at == at(25))
    {
        answer.updated_at = utc(2, 30);
    }
    assert_eq!(
        printed_time(&inspection),
        "检查时间：2026年11月25日9时05分至10时30分",
        "a draft ends at its last answer"
    );
    let mut completed = inspection.clone();
    completed.status = InspectionStatus::Completed;
    completed.history.push(StatusEvent {
        change: StatusChange::Completed,
        at: utc(3, 20),
        by: Some("a".into()),
        note: None,
    });
    assert_eq!(
        printed_time(&completed),
        "检查时间：2026年11月25日9时05分至11时20分",
        "completion ends it"
    );
    // A completion on another day does not end this day's inspection: its last answer does.
    completed.history.last_mut().unwrap().at = utc(3, 20) + chrono::Duration::days(1);
    assert_eq!(
        printed_time(&completed),
        "检查时间：2026年11月25日9时05分至10时30分"
    );
    inspection.date = None;
    assert_eq!(
        printed_time(&inspection),
        "检查时间：　　年　　月　　日　　时　　分至　　时　　分"
    );
}

#[test]
fn typed_hours_print_over_the_recorded_ones_and_change_the_signed_content() {
    let mut inspection = inspection();
    let utc = |h: u32, m: u32| Utc.with_ymd_and_hms(2026, 11, 25, h, m, 0).unwrap();
    for answer in inspection.answers.values_mut() {
        answer.updated_at = utc(1, 5);
    }
    inspection.answers.get_mut("M1.1.4").unwrap().updated_at = utc(2, 30);
    let typed = |text: &str| Hours::parse_typed(text);
    assert_eq!(
        printed_time(&inspection),
        "检查时间：2026年11月25日9时05分至10时30分"
    );
    let signed = onsite_record_digest(edition_2022(), &inspection, &clinic(), &roster());

    // The officers started at 8:40, before the first answer was recorded: only the start typed.
    inspection.hours.start = typed("08:40");
    assert_eq!(
        printed_time(&inspection),
        "检查时间：2026年11月25日8时40分至10时30分"
    );
    assert_ne!(
        onsite_record_digest(edition_2022(), &inspection, &clinic(), &roster()),
        signed,
        "a typed hour is signed content"
    );
    inspection.hours.end = typed("11:15:59");
    assert_eq!(
        printed_time(&inspection),
        "检查时间：2026年11月25日8时40分至11时15分"
    );

    // A typed end before the recorded start: the typed end alone, the start blank to write.
    inspection.hours = Hours {
        start: None,
        end: typed("09:00"),
    };
    assert_eq!(
        printed_time(&inspection),
        "检查时间：2026年11月25日　　时　　分至9时00分"
    );

    // Typed hours that run backwards are refused at completion, with the reason.
    inspection.hours = Hours {
        start: typed("11:00"),
        end: typed("10:00"),
    };
    assert!(inspection.hours.is_inverted());
    let checklist = edition_2022()
        .checklist_for(clinic().kind.unwrap(), &clinic().services)
        .unwrap();
    let problems = inspection.completion_problems(&checklist, None);
    assert!(
        problems.contains(&CompletionProblem::InvertedHours),
        "{problems:?}"
    );
    assert_eq!(
        CompletionProblem::InvertedHours.message(),
        "检查时间：结束时间应晚于开始时间"
    );
}

#[test]
fn typed_times_are_read_to_the_minute() {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    assert_eq!(Hours::parse_typed("09:05"), t(9, 5));
    assert_eq!(Hours::parse_typed(" 23:59:59 "), t(23, 59));
    assert_eq!(Hours::parse_typed(""), None);
    assert_eq!(Hours::parse_typed("25:00"), None);
    assert_eq!(Hours::parse_typed("九点"), None);
    assert_eq!(Hours::clock(t(9, 5)), "9时05分");
    assert_eq!(Hours::clock(None), "　　时　　分");
}

#[test]
fn the_legal_representative_is_printed_from_the_roster() {
    let mut clinic = clinic();
    clinic.legal_representative = "王五".into();
    let record = onsite_record(edition_2022(), &inspection(), &clinic, &roster());
    let lines: Vec<String> = record.facts.iter().map(|f| f.line()).collect();
    assert!(
        lines.contains(&"法定代表人（负责人）：王五".to_string()),
        "{lines:?}"
    );
}

#[test]
fn a_merge_that_changes_signed_content_leaves_the_signatures_flagged() {
    use jiandu::domain::exchange::{merge, Records};
    // Signed here by both officers; a copy went to the other tablet, which then changed a
    // finding's description without new signatures.
    let mut signed = inspection();
    signed.signatures.clear();
    signed.changed_on = Some("device-b".into());
    let digest = record_digest(&signed);
    signed.signatures = vec![
        signed_by("a", Some(digest.clone())),
        signed_by("b", Some(digest.clone())),
    ];
    let mut edited = signed.clone();
    edited.answers.get_mut("M1.3.4").unwrap().description = "药柜内存放过期药品3盒。".into();
    edited.updated_at = at(26);
    let local = Records {
        inspections: vec![signed],
        ..Records::default()
    };
    let incoming = Records {
        inspections: vec![edited],
        ..Records::default()
    };
    let written = merge::plan(&local, &incoming, "device-a").records_to_write(|_, _| None);
    let merged = &written.inspections[0];
    let now = record_digest(merged);
    assert_eq!(signing::changed(&merged.signatures, &now).len(), 2);
    let record = onsite_record(edition_2022(), merged, &clinic(), &roster());
    let alert = record.alert.expect("the merged change is said");
    assert!(alert.starts_with("签名后内容已修改"), "{alert}");
    assert!(
        record.signatures.iter().all(|l| l.is_blank()),
        "no signature under the changed text"
    );
}
