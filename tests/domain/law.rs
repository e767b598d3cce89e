//! The law library (法规) and the catalogs' citations: every file of `src/domain/law/texts/`
//! parses and checks, every basis of both catalogs resolves to an article or is visibly 待核实,
//! each verified article shares its point's key terms, and validation refuses what would print
//! a citation the data cannot back.

use std::collections::BTreeSet;
use std::fs;

use chrono::NaiveDate;
use jiandu::domain::catalog::{self, edition_2022, Catalog};
use jiandu::domain::document::{chinese_number, parse_chinese_number};
use jiandu::domain::law::{
    article_label, parse_basis, Citation, CitedArticle, LawLibrary, Resolved,
};
use jiandu::domain::stationed::scenes::{self, edition_2024};

use super::CATALOG_FIXTURE;

const TEXTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/domain/law/texts");

/// Every law file, by name, sorted.
fn law_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(TEXTS)
        .expect("law texts folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = fs::read_to_string(&p).expect("readable law file");
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    files
}

/// The library the app ships.
pub fn shipped_library() -> LawLibrary {
    let files = law_files();
    LawLibrary::from_texts(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .unwrap_or_else(|problems| panic!("law texts are invalid: {problems:#?}"))
}

/// Every (point id, basis) of both catalogs.
fn all_bases() -> Vec<(String, String)> {
    edition_2022()
        .points()
        .map(|p| (p.id.clone(), p.basis.clone()))
        .chain(
            edition_2024()
                .points
                .iter()
                .map(|p| (p.id.clone(), p.basis.clone())),
        )
        .collect()
}

#[test]
fn every_law_file_is_valid_and_named_by_its_id() {
    let library = shipped_library();
    for (file, text) in law_files() {
        let id = file.trim_end_matches(".json");
        assert!(
            library.by_id(id).is_some(),
            "{file}: id differs from the file name"
        );
        assert!(text.ends_with('\n'), "{file}: no final newline");
    }
    assert!(library.laws().len() >= 40, "{} laws", library.laws().len());
}

#[test]
fn both_catalogs_validate_against_the_library() {
    let library = shipped_library();
    let problems = catalog::validate(edition_2022(), &library);
    assert!(problems.is_empty(), "2022: {problems:#?}");
    let problems = scenes::validate(edition_2024(), &library);
    assert!(problems.is_empty(), "2024: {problems:#?}");
}

#[test]
fn every_article_in_the_library_is_cited_by_a_point() {
    let library = shipped_library();
    let cited: BTreeSet<(String, u16)> = all_bases()
        .iter()
        .flat_map(|(_, b)| parse_basis(b).expect("basis parses"))
        .flat_map(|c| {
            c.articles
                .iter()
                .map(move |&n| (c.law.clone(), n))
                .collect::<Vec<_>>()
        })
        .collect();
    for law in library.laws() {
        for article in &law.articles {
            assert!(
                cited.contains(&(law.name.clone(), article.number)),
                "《{}》{} is kept but no point cites it",
                law.name,
                article.label()
            );
        }
    }
}

#[test]
fn the_known_wrong_citations_are_gone() {
    let bases = all_bases();
    let basis = |id: &str| {
        bases
            .iter()
            .find(|(p, _)| p == id)
            .map(|(_, b)| b.clone())
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let cites = |id: &str, law: &str, article: u16| {
        let citations = parse_basis(&basis(id)).expect("parses");
        assert!(
            citations
                .iter()
                .any(|c| c.law == law && c.articles.contains(&article)),
            "{id} should cite 《{law}》{}: {}",
            article_label(article),
            basis(id)
        );
    };
    let lacks = |id: &str, law: &str, article: u16| {
        let citations = parse_basis(&basis(id)).expect("parses");
        assert!(
            !citations
                .iter()
                .any(|c| c.law == law && c.articles.contains(&article)),
            "{id} still cites 《{law}》{}",
            article_label(article)
        );
    };
    // 签名留样 is 《处方管理办法》第十条, not 第九条 (the 执业助理医师 rule).
    for id in ["M5.1.1", "Z-YL-14"] {
        cites(id, "处方管理办法", 10);
        lacks(id, "处方管理办法", 9);
    }
    // Setting up the committee is 《医疗机构临床用血管理办法》第八条; 第九条 lists its duties.
    for id in ["M6.2.1", "Z-YL-29"] {
        cites(id, "医疗机构临床用血管理办法", 8);
        lacks(id, "医疗机构临床用血管理办法", 9);
    }
    // 基层静脉输注核准 is 《抗菌药物临床应用管理办法》第二十九条; 特殊使用级 is 第二十七条.
    cites("M3.2.5", "抗菌药物临床应用管理办法", 29);
    cites("M3.2.3", "抗菌药物临床应用管理办法", 27);
    // The 2016 amendment of 《医疗美容服务管理办法》 deleted old 第十四条.
    cites("M4.3.1", "医疗美容服务管理办法", 16);
    cites("M4.3.6", "医疗美容服务管理办法", 19);
    // A 台湾 physician's scope of practice is 第十一条.
    cites("M2.4.2", "台湾地区医师在大陆短期行医管理规定", 11);
    // The 2025 revision renumbered the 传染病防治法: reporting is 第四十五条 now.
    cites("B3.4.2", "中华人民共和国传染病防治法", 45);
    lacks("B3.4.2", "中华人民共和国传染病防治法", 30);
    for (id, b) in &bases {
        assert!(
            !b.contains("《中华人民共和国基本医疗卫生法》"),
            "{id}: short name of the law"
        );
        assert!(
            !b.contains("计划生育技术服务管理条例"),
            "{id}: repealed in 2021"
        );
    }
}

#[test]
fn the_library_says_what_stays_unsure() {
    let library = shipped_library();
    for law in library.laws() {
        for article in law.articles.iter().filter(|a| !a.verified) {
            assert!(
                !article.note.trim().is_empty(),
                "《{}》{}",
                law.name,
                article.label()
            );
        }
    }
    let citation = Citation {
        law: "没有这部法".into(),
        code: None,
        articles: vec![1],
    };
    assert_eq!(library.resolve(&citation), Resolved::UnknownLaw);
    assert!(library.resolve(&citation).is_unsure());
    // A standard cited by name is complete; a rule cited by name still lacks its article.
    let by_name = |basis: &str| {
        let citation = parse_basis(basis).expect("parses").remove(0);
        library.resolve(&citation).is_unsure()
    };
    assert!(!by_name("《献血者健康检查要求》（GB 18467）"));
    assert!(by_name("《医疗质量管理办法》"));
    assert!(!by_name("《处方管理办法》第十条"));
    assert!(by_name("《处方管理办法》第五十四条"), "待核实 in the data");
}

#[test]
fn every_basis_prints_as_it_parses() {
    for (id, basis) in all_bases() {
        let citations = parse_basis(&basis).unwrap_or_else(|e| panic!("{id}: {e}"));
        let printed: Vec<String> = citations.iter().map(ToString::to_string).collect();
        assert_eq!(printed.join("；"), basis, "{id}");
    }
}

#[test]
fn basis_texts_parse_into_citations() {
    let citations = parse_basis(
        "《医疗机构管理条例》第十四条、第一百零五条；《献血者健康检查要求》（GB 18467）",
    )
    .expect("parses");
    assert_eq!(
        citations,
        [
            Citation {
                law: "医疗机构管理条例".into(),
                code: None,
                articles: vec![14, 105]
            },
            Citation {
                law: "献血者健康检查要求".into(),
                code: Some("GB 18467".into()),
                articles: vec![]
            },
        ]
    );
    for (bad, says) in [
        ("", "缺少"),
        ("医疗机构管理条例第十四条", "《法规名称》"),
        ("《医疗机构管理条例第十四条", "缺少》"),
        ("《》第一条", "不完整"),
        ("《条例》第十四款", "不是条号"),
        ("《条例》第一百十条", "不是条号"),
        ("《条例》第十四条第二款", "不是条号"),
        ("《条例》（GB 1", "缺少）"),
    ] {
        let error = parse_basis(bad).expect_err(bad);
        assert!(error.contains(says), "{bad}: {error}");
    }
}

#[test]
fn chinese_numerals_round_trip() {
    for n in 1..=999 {
        let text = chinese_number(n);
        assert_eq!(parse_chinese_number(&text), Some(n), "{text}");
    }
    assert_eq!(chinese_number(105), "一百零五");
    assert_eq!(chinese_number(110), "一百一十");
    assert_eq!(chinese_number(115), "一百一十五");
    assert_eq!(article_label(61), "第六十一条");
    for bad in ["", "零", "十十", "一百十", "二一", "百"] {
        assert_eq!(parse_chinese_number(bad), None, "{bad}");
    }
}

/// A small library: one regulation with a verified 第十四条 and an unverified 第二十条.
fn small_library() -> LawLibrary {
    LawLibrary::from_bundle(
        r#"{"laws": [
      {"id": "regulation", "name": "医疗机构管理条例", "kind": "administrative_regulation",
       "authority": "国务院", "document_number": "国务院令第149号", "version": "2022年修订",
       "in_force_from": "2022-05-01", "source": "s", "note": "", "cited_as_whole": false,
       "articles": [{"number": 14, "text": "医疗机构执业，必须进行登记，领取《医疗机构执业许可证》。", "source": "", "verified": true, "note": ""}]},
      {"id": "blood-station-rules", "name": "血站管理办法", "kind": "departmental_rule",
       "authority": "卫生部", "document_number": "卫生部令第44号", "version": "2017年修正",
       "in_force_from": "2017-12-26", "source": "s", "note": "", "cited_as_whole": false,
       "articles": [{"number": 20, "text": "", "source": "", "verified": false, "note": "未找到原文"}]}
    ]}"#,
    )
    .expect("valid library")
}

/// The fixture with key terms on its medical point, and one more replacement.
fn fixture_with(from: &str, to: &str) -> Catalog {
    let terms = r#""basis_terms": ["执业许可证"], "institution_types": null"#;
    let text = CATALOG_FIXTURE
        .replacen(r#""institution_types": null"#, terms, 1)
        .replace(
            "第二十条\", \"institution_types",
            "第二十条\", \"basis_terms\": [\"血站\"], \"institution_types",
        );
    assert!(text.contains(from), "fixture lacks {from}");
    Catalog::parse(&text.replacen(from, to, 1)).expect("structure is valid")
}

#[test]
fn validate_refuses_a_citation_the_library_cannot_back() {
    let library = small_library();
    // The fixture's blood point cites the unverified 第二十条: 待核实, not refused.
    assert_eq!(
        catalog::validate(&fixture_with("", ""), &library),
        Vec::<String>::new()
    );
    for (from, to, says) in [
        (
            "第十四条",
            "第十五条",
            "M1.1.1: 《医疗机构管理条例》第十五条不在法规库中",
        ),
        (
            "《医疗机构管理条例》",
            "《医疗机构条例》",
            "M1.1.1: 《医疗机构条例》不在法规库中",
        ),
        (
            r#"["执业许可证"]"#,
            r#"["床位"]"#,
            "第十四条的条文不含任何依据关键词（床位）",
        ),
        (
            r#""basis_terms": ["执业许可证"], "#,
            "",
            "M1.1.1: 引用了条文但缺少依据关键词",
        ),
        (
            "第二十条",
            "第二十一条",
            "B1.1.1: 《血站管理办法》第二十一条不在法规库中",
        ),
    ] {
        let problems = catalog::validate(&fixture_with(from, to), &library);
        assert!(
            problems.iter().any(|p| p.contains(says)),
            "{to}: {problems:?}"
        );
    }
}

#[test]
fn a_broken_basis_is_refused_on_parse() {
    let broken = CATALOG_FIXTURE.replacen("第十四条", "第十四款", 1);
    let problems = Catalog::parse(&broken).expect_err("refused");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("M1.1.1: 法律法规依据格式错误")),
        "{problems:?}"
    );
}

#[test]
fn unverified_articles_resolve_as_unsure() {
    let library = small_library();
    let citations = parse_basis("《血站管理办法》第二十条").expect("parses");
    let resolved = library.resolve(&citations[0]);
    assert!(resolved.is_unsure());
    match resolved {
        Resolved::Law { law, articles } => {
            assert_eq!(law.id, "blood-station-rules");
            assert!(matches!(articles[..], [CitedArticle::Unverified(a)] if a.number == 20));
        }
        Resolved::UnknownLaw => panic!("the law is there"),
    }
    let law = library.by_name("医疗机构管理条例").expect("law");
    assert_eq!(law.version_line(), "2022年修订，2022年5月1日起施行");
    assert!(law.in_force_on(NaiveDate::from_ymd_opt(2022, 5, 1).unwrap()));
    assert!(!law.in_force_on(NaiveDate::from_ymd_opt(2022, 4, 30).unwrap()));
}

#[test]
fn the_library_refuses_unsound_laws() {
    let base = r#"{"id": "x", "name": "某办法", "kind": "departmental_rule", "authority": "卫生部",
      "document_number": "", "version": "v", "in_force_from": "2020-01-01", "source": "s", "note": "",
      "cited_as_whole": false,
      "articles": [ARTICLES]}"#;
    let article = |n: u16, text: &str, verified: bool, note: &str| {
        format!(
            r#"{{"number": {n}, "text": "{text}", "source": "", "verified": {verified}, "note": "{note}"}}"#
        )
    };
    for (articles, says) in [
        (article(3, "", true, ""), "已核实的条文缺少原文"),
        (article(3, "有文", false, ""), "待核实的条文应说明核查情况"),
        (article(3, "第三条 有文", true, ""), "原文不应重复条号"),
        (
            format!(
                "{}, {}",
                article(4, "甲", true, ""),
                article(3, "乙", true, "")
            ),
            "应按条号排列",
        ),
    ] {
        let text = base.replace("ARTICLES", &articles);
        let problems = LawLibrary::from_texts([("x.json", text.as_str())]).expect_err(&articles);
        assert!(
            problems.iter().any(|p| p.contains(says)),
            "{articles}: {problems:?}"
        );
    }
    let upper = base
        .replace(r#""id": "x""#, r#""id": "X y""#)
        .replace("ARTICLES", "");
    let problems = LawLibrary::from_texts([("x.json", upper.as_str())]).expect_err("bad id");
    assert!(
        problems.iter().any(|p| p.contains("小写字母")),
        "{problems:?}"
    );
    let text = base.replace("ARTICLES", "");
    let twice = LawLibrary::from_texts([("a.json", text.as_str()), ("b.json", text.as_str())])
        .expect_err("twice");
    assert!(twice.iter().any(|p| p.contains("重复")), "{twice:?}");
}

#[test]
fn search_finds_laws_by_title_and_articles_by_text() {
    let library = small_library();
    assert_eq!(library.search("").len(), 2);
    let by_title = library.search("血站");
    assert_eq!(by_title.len(), 1);
    assert_eq!(
        by_title[0].1.len(),
        1,
        "a title match lists all its articles"
    );
    let by_text = library.search("执业许可证");
    assert_eq!(by_text.len(), 1);
    assert_eq!(by_text[0].0.name, "医疗机构管理条例");
    assert_eq!(library.search("第十四条")[0].1[0].number, 14);
    assert!(library.search("没有的词").is_empty());
}

#[test]
fn the_bundle_the_app_fetches_reads_back_the_same_library() {
    // scripts/postbuild.py writes {"laws": [each file's object, sorted by file name]}.
    let files = law_files();
    let bundle = format!(
        "{{\"laws\": [{}]}}",
        files
            .iter()
            .map(|(_, t)| t.trim())
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_eq!(
        LawLibrary::from_bundle(&bundle).expect("bundle"),
        shipped_library()
    );
}
