use std::collections::BTreeSet;

use jiandu::domain::stationed::scenes::{edition_2024, validate, ListKind, StationedCatalog};

/// The scenes as the seed names them, in its order; "污水房病案室" is two scenes.
const SCENES: [&str; 32] = [
    "门诊大厅",
    "急诊科",
    "发热门诊",
    "肠道门诊",
    "口腔科",
    "妇产科",
    "体检中心",
    "血液透析中心",
    "门诊手术室",
    "其他门诊科室",
    "药房",
    "检验科",
    "病理科",
    "放射影像科",
    "内镜室",
    "B超室",
    "供应室",
    "输血科",
    "产科病区",
    "计划生育技术",
    "其他病房科室",
    "医疗废物处置",
    "污水房",
    "病案室",
    "医务科",
    "护理部",
    "人事科",
    "院感科",
    "质控科",
    "设备科",
    "信息科",
    "财务科",
];

/// The sub-content titles of the points a scene (by name) checks.
fn sub_contents_of(name: &str) -> BTreeSet<String> {
    let catalog = edition_2024();
    let scene = catalog
        .scenes
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no scene {name}"));
    scene
        .points
        .iter()
        .map(|id| {
            let point = catalog.point(id).expect("point exists");
            let (_, sub) = catalog.sub_content(&point.sub_content).expect("known");
            sub.title.clone()
        })
        .collect()
}

#[test]
fn the_2024_edition_is_valid() {
    let problems = validate(edition_2024(), &super::law::shipped_library());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(edition_2024().edition, "2024");
}

#[test]
fn the_five_areas_and_their_sub_contents_are_the_seeds() {
    let areas: Vec<(&str, Vec<&str>)> = edition_2024()
        .areas()
        .iter()
        .map(|a| {
            (
                a.title.as_str(),
                a.sub_contents.iter().map(|s| s.title.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        areas,
        [
            (
                "医疗服务（含中医）",
                vec![
                    "机构执业",
                    "人员执业",
                    "医疗文书",
                    "医疗技术",
                    "临床用血",
                    "药品器械管理使用"
                ]
            ),
            (
                "传染病",
                vec![
                    "预防接种",
                    "疫情报告",
                    "疫情控制",
                    "消毒卫生",
                    "医疗废物",
                    "重点传染病管理",
                    "实验室生物安全"
                ]
            ),
            ("妇幼计生", vec!["母婴保健技术服务", "计划生育技术服务"]),
            (
                "放射卫生防护、职业健康体检",
                vec![
                    "建设项目",
                    "放射诊疗许可",
                    "放射工作人员",
                    "设备与防护设施",
                    "质量保证与放射卫生防护",
                    "警示标志",
                    "放射事件处置",
                    "职业健康检查"
                ]
            ),
            ("其他", vec!["法律法规规定的其他内容"]),
        ]
    );
}

#[test]
fn the_32_scenes_are_in_the_seeds_order() {
    let names: Vec<&str> = edition_2024()
        .scenes
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, SCENES);
    assert!(!names.contains(&"污水房病案室"));
}

#[test]
fn the_issues_examples_hold() {
    let cases: [(&str, &[&str]); 4] = [
        ("发热门诊", &["疫情报告", "消毒卫生", "重点传染病管理"]),
        (
            "放射影像科",
            &["放射诊疗许可", "设备与防护设施", "警示标志", "放射工作人员"],
        ),
        ("医疗废物处置", &["医疗废物"]),
        ("输血科", &["临床用血"]),
    ];
    for (scene, expected) in cases {
        let got = sub_contents_of(scene);
        for sub in expected {
            assert!(got.contains(*sub), "{scene} lacks {sub}: {got:?}");
        }
    }
}

#[test]
fn every_scene_has_points_or_is_documented_review_only() {
    for scene in &edition_2024().scenes {
        let note = scene.note.as_deref().unwrap_or("").trim();
        assert!(
            !scene.points.is_empty() || (scene.review_only && !note.is_empty()),
            "{}",
            scene.name
        );
        if scene.review_only {
            assert!(!note.is_empty(), "{} has no note", scene.name);
        }
    }
    let review_only: Vec<&str> = edition_2024()
        .scenes
        .iter()
        .filter(|s| s.review_only)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(review_only, ["信息科", "财务科"]);
}

#[test]
fn every_sub_content_is_checked_by_some_scene() {
    let catalog = edition_2024();
    let mut checked = BTreeSet::new();
    for scene in &catalog.scenes {
        for id in &scene.points {
            checked.insert(catalog.point(id).expect("point exists").sub_content.clone());
        }
    }
    for area in catalog.areas() {
        for sub in &area.sub_contents {
            assert!(checked.contains(&sub.id), "{} / {}", area.title, sub.title);
        }
    }
}

#[test]
fn points_are_well_formed() {
    let catalog = edition_2024();
    assert!(
        catalog.points.len() >= 100,
        "{} points",
        catalog.points.len()
    );
    for point in &catalog.points {
        let area = catalog.area_of(point).expect("known area");
        assert!(
            point.id.starts_with(&format!("Z-{}-", area.id)),
            "{}",
            point.id
        );
        assert!(point.basis.contains('《') && point.basis.contains('》'));
        assert!(!point.phrasings.is_empty(), "{}", point.id);
    }
    for area in catalog.areas() {
        for sub in &area.sub_contents {
            let count = catalog
                .points
                .iter()
                .filter(|p| p.sub_content == sub.id)
                .count();
            assert!((3..=8).contains(&count), "{}: {count} points", sub.title);
        }
    }
}

#[test]
fn points_of_groups_a_scene_by_area_in_catalog_order() {
    let catalog = edition_2024();
    let scene = catalog.scene("stomatology").expect("口腔科");
    assert_eq!(scene.name, "口腔科");
    let groups = catalog.points_of(scene);
    let titles: Vec<&str> = groups.iter().map(|(a, _)| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["医疗服务（含中医）", "传染病", "放射卫生防护、职业健康体检"]
    );
    let mut count = 0;
    for (area, points) in &groups {
        for point in points {
            assert_eq!(catalog.area_of(point).map(|a| &a.id), Some(&area.id));
            count += 1;
        }
    }
    assert_eq!(count, scene.points.len());
    assert!(catalog.scene("nowhere").is_none());
}

#[test]
fn the_document_list_has_points_and_complaints_are_entered_by_users() {
    let catalog = edition_2024();
    let documents = catalog.list(ListKind::DocumentReview).expect("书面审查");
    assert_eq!(documents.title, "书面审查");
    let texts: Vec<&str> = documents
        .points
        .iter()
        .map(|id| catalog.point(id).expect("point exists").text.as_str())
        .collect();
    for licence in [
        "《医疗机构执业许可证》",
        "《放射诊疗许可证》",
        "《母婴保健技术服务执业许可证》",
        "处置协议",
    ] {
        assert!(texts.iter().any(|t| t.contains(licence)), "{licence}");
    }
    let complaints = catalog.list(ListKind::Complaints).expect("社会反映问题");
    assert!(complaints.points.is_empty());
}

/// A minimal edition with the plan's 32 scenes: 急诊科 checks the one 传染病 point, 财务科 is
/// review-only, every other scene checks the one 医疗服务 point.
fn fixture() -> String {
    let scenes: Vec<String> = SCENES
        .iter()
        .enumerate()
        .map(|(i, name)| match *name {
            "急诊科" => format!(
                r#"{{"id": "s{i:02}", "name": "{name}", "areas": ["CR"], "points": ["Z-CR-01"]}}"#
            ),
            "财务科" => format!(
                r#"{{"id": "s{i:02}", "name": "{name}", "areas": [], "points": [], "review_only": true, "note": "查阅收费票据"}}"#
            ),
            _ => format!(
                r#"{{"id": "s{i:02}", "name": "{name}", "areas": ["YL"], "points": ["Z-YL-01"]}}"#
            ),
        })
        .collect();
    format!(
        r#"{{
  "edition": "test", "title": "t", "source": "s",
  "areas": [
    {{"id": "YL", "title": "医疗服务（含中医）", "sub_contents": [{{"id": "YL1", "title": "机构执业"}}]}},
    {{"id": "CR", "title": "传染病", "sub_contents": [{{"id": "CR5", "title": "医疗废物"}}]}}
  ],
  "points": [
    {{"id": "Z-YL-01", "sub_content": "YL1", "text": "持证", "basis": "《医疗机构管理条例》第十四条", "phrasings": ["未取得许可证"]}},
    {{"id": "Z-CR-01", "sub_content": "CR5", "text": "分类收集", "basis": "《医疗废物管理条例》第十六条", "phrasings": ["医疗废物未分类收集"]}}
  ],
  "scenes": [
    {}
  ],
  "lists": [
    {{"id": "documents", "kind": "document_review", "title": "书面审查", "note": "n", "points": ["Z-YL-01"]}},
    {{"id": "complaints", "kind": "complaints", "title": "社会反映问题核查", "note": "n", "points": []}}
  ]
}}"#,
        scenes.join(",\n    ")
    )
}

fn check(from: &str, to: &str, expected: &str) {
    let fixture = fixture();
    assert!(fixture.contains(from), "fixture lacks {from}");
    let broken = fixture.replacen(from, to, 1);
    match StationedCatalog::parse(&broken) {
        Ok(_) => panic!("{to} should be refused"),
        Err(problems) => assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{problems:?} lacks {expected}"
        ),
    }
}

#[test]
fn the_fixture_is_valid() {
    if let Err(problems) = StationedCatalog::parse(&fixture()) {
        panic!("{problems:#?}");
    }
}

#[test]
fn validation_refuses_broken_editions() {
    let emergency = r#""name": "急诊科", "areas": ["CR"], "points": ["Z-CR-01"]"#;
    let finance = r#""review_only": true, "note": "查阅收费票据""#;
    check(
        r#""basis": "《医疗废物管理条例》第十六条""#,
        r#""basis": "医疗废物管理条例第十六条""#,
        "Z-CR-01: 法律法规依据格式错误",
    );
    check(
        r#""phrasings": ["医疗废物未分类收集"]"#,
        r#""phrasings": []"#,
        "Z-CR-01: 缺少规范用语",
    );
    check(
        r#""text": "分类收集""#,
        r#""text": " ""#,
        "缺少检查要点内容",
    );
    check(
        r#""id": "Z-CR-01""#,
        r#""id": "Z-YL-01""#,
        "Z-YL-01: 编号重复",
    );
    check(
        r#""id": "Z-CR-01""#,
        r#""id": "Z-FY-01""#,
        "编号应以 Z-CR- 开头",
    );
    check(
        r#""sub_content": "CR5""#,
        r#""sub_content": "CR9""#,
        "所属子项 CR9 不存在",
    );
    check(
        emergency,
        r#""name": "急诊科", "areas": ["CR"], "points": ["Z-CR-99"]"#,
        "s01（急诊科）: 检查要点 Z-CR-99 不存在",
    );
    check(
        emergency,
        r#""name": "急诊科", "areas": ["CR"], "points": []"#,
        "s01（急诊科）: 没有检查要点",
    );
    check(
        emergency,
        r#""name": "急诊科", "areas": ["YL"], "points": ["Z-CR-01"]"#,
        "未列入本场景的监督内容",
    );
    check(
        emergency,
        r#""name": "急诊科", "areas": ["YL"], "points": ["Z-YL-01"]"#,
        "「传染病」的子项「医疗废物」没有任何场景检查",
    );
    check(finance, r#""review_only": true"#, "仅书面审查的场景应说明");
    check(
        r#""name": "污水房""#,
        r#""name": "污水房病案室""#,
        "缺少场景「污水房」",
    );
    check(
        r#""name": "门诊大厅""#,
        r#""name": "财务科""#,
        "场景「财务科」重复",
    );
    check(
        r#""name": "门诊大厅", "areas": ["YL"], "points": ["Z-YL-01"]}"#,
        r#""name": "急诊科", "areas": ["CR"], "points": ["Z-CR-01"]}"#,
        "缺少场景「门诊大厅」",
    );
    check(
        r#""kind": "complaints", "title": "社会反映问题核查", "note": "n", "points": []"#,
        r#""kind": "complaints", "title": "社会反映问题核查", "note": "n", "points": ["Z-YL-01"]"#,
        "不应预置检查要点",
    );
    check(
        r#""kind": "complaints""#,
        r#""kind": "document_review""#,
        "缺少社会反映问题核查清单",
    );
    check(
        r#""title": "机构执业"}"#,
        r#""title": "机构执业", "extra": 1}"#,
        "格式错误",
    );
}

#[test]
fn scenes_out_of_the_plans_order_are_refused() {
    let fixture = fixture();
    let swapped = fixture
        .replacen(r#""name": "污水房""#, r#""name": "@""#, 1)
        .replacen(r#""name": "病案室""#, r#""name": "污水房""#, 1)
        .replacen(r#""name": "@""#, r#""name": "病案室""#, 1);
    let problems = StationedCatalog::parse(&swapped).expect_err("order is checked");
    assert_eq!(
        problems,
        ["场景顺序与方案不一致：第23个应为「污水房」，实为「病案室」"]
    );
}
