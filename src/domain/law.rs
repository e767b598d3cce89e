//! Legal texts as versioned data (法规): one JSON file per law, regulation, rule or standard in
//! `law/texts/`, each holding the version in force (label, date in force, issuing body, 令号),
//! where its text was taken from, and the text of every article the catalogs cite. An article
//! whose number and text could not be read together in a source is kept with `verified: false`
//! and a note saying what was tried; the app shows it as 待核实, never as settled.
//!
//! Catalog check points cite laws in their `basis` text ("《处方管理办法》第十条"), parsed by
//! [`citation`]; [`LawLibrary::resolve`] finds each cited article, and [`check_citations`] is
//! what validating a catalog asks of its citations (each resolves; each verified article shares
//! one of the point's key terms). The app does not embed the texts: `scripts/postbuild.py` writes
//! them as one bundle (`laws.json`, read by [`LawLibrary::from_bundle`]) that the service worker
//! caches and the app fetches when a 依据 is first opened.

mod check;
pub mod citation;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Deserialize;

pub use check::{check_citations, CitedPoint};
pub use citation::{parse_basis, Citation};

use super::document::{chinese_date, chinese_number};

/// What kind of text a law is, from the highest rank down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LawKind {
    /// 法律 (by the NPC or its Standing Committee).
    Law,
    /// 行政法规 (by the State Council).
    AdministrativeRegulation,
    /// 部门规章 (by a ministry, by 令).
    DepartmentalRule,
    /// 规范性文件 (a ministry's 规范, 办法 or 目录 issued by 文).
    NormativeDocument,
    /// 标准 (GB, WS, GBZ).
    Standard,
}

impl LawKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Law => "法律",
            Self::AdministrativeRegulation => "行政法规",
            Self::DepartmentalRule => "部门规章",
            Self::NormativeDocument => "规范性文件",
            Self::Standard => "标准",
        }
    }
}

/// One law in the version in force, with the articles the catalogs cite.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// Stable ASCII id, used in links (`#/laws/<id>`).
    pub id: String,
    /// The full official title, exactly as cited inside 《》.
    pub name: String,
    pub kind: LawKind,
    /// The issuing body as on the document (国务院, 卫生部, …).
    pub authority: String,
    /// 令号, 文号 or standard number; empty when it has none.
    pub document_number: String,
    /// The version in force, e.g. "2022年修订".
    pub version: String,
    pub in_force_from: NaiveDate,
    /// Where the texts were taken from.
    pub source: String,
    /// What a reader must know (replaced, renumbered); may be empty.
    pub note: String,
    /// Cited as a whole by design (a technical standard, 规范, 规程, 指南, 目录): a citation
    /// naming no article is complete. For other texts such a citation is 待核实: the article
    /// that carries the point has not been found yet.
    pub cited_as_whole: bool,
    pub articles: Vec<Article>,
}

/// One article (条) of a law.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub number: u16,
    /// The whole article without its "第X条" label; paragraphs (款) separated by newlines.
    pub text: String,
    /// Where this article was taken from when not the law's source; may be empty.
    pub source: String,
    /// Its number and text were read together in a source of the version in force.
    pub verified: bool,
    /// For an unverified article: what was tried and what stays unsure.
    pub note: String,
}

impl Article {
    /// "第十条".
    pub fn label(&self) -> String {
        article_label(self.number)
    }

    /// The article's paragraphs (款), blank lines left out.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.lines().map(str::trim).filter(|l| !l.is_empty())
    }
}

/// "第十条", "第一百零五条".
pub fn article_label(number: u16) -> String {
    format!("第{}条", chinese_number(usize::from(number)))
}

impl Law {
    /// 《处方管理办法》, with a standard's number after it: 《献血者健康检查要求》（GB 18467-2011）.
    pub fn title(&self) -> String {
        if self.kind == LawKind::Standard && !self.document_number.is_empty() {
            format!("《{}》（{}）", self.name, self.document_number)
        } else {
            format!("《{}》", self.name)
        }
    }

    /// "2022年修订，2022年5月1日起施行".
    pub fn version_line(&self) -> String {
        format!(
            "{}，{}起施行",
            self.version,
            chinese_date(self.in_force_from)
        )
    }

    /// Whether this version was in force on a day (a plan's or an inspection's date).
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        day >= self.in_force_from
    }

    pub fn article(&self, number: u16) -> Option<&Article> {
        self.articles.iter().find(|a| a.number == number)
    }
}

/// How one citation resolves in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved<'a> {
    /// The cited law is not in the library.
    UnknownLaw,
    /// The law and, per cited article, what the library holds; no articles for a citation of
    /// the law as a whole.
    Law {
        law: &'a Law,
        articles: Vec<CitedArticle<'a>>,
    },
}

/// One cited article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitedArticle<'a> {
    /// Number and text read together in a source.
    Verified(&'a Article),
    /// Kept, but 待核实: its note says why.
    Unverified(&'a Article),
    /// Not in the library at all.
    Missing(u16),
}

impl Resolved<'_> {
    /// Whether anything about the citation is unsure (待核实): an unknown law, an article not
    /// verified or missing, or no article where the text is not one cited as a whole.
    pub fn is_unsure(&self) -> bool {
        match self {
            Self::UnknownLaw => true,
            Self::Law { law, articles } if articles.is_empty() => !law.cited_as_whole,
            Self::Law { articles, .. } => articles
                .iter()
                .any(|a| !matches!(a, CitedArticle::Verified(_))),
        }
    }
}

/// Every law the app knows, checked when built.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LawLibrary {
    laws: Vec<Law>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bundle {
    laws: Vec<Law>,
}

impl LawLibrary {
    /// The library from its checked laws; every problem is listed.
    pub fn new(mut laws: Vec<Law>) -> Result<Self, Vec<String>> {
        let problems = validate(&laws);
        if !problems.is_empty() {
            return Err(problems);
        }
        laws.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
        Ok(Self { laws })
    }

    /// The library from one JSON text per law (the files of `law/texts/`), named for messages.
    pub fn from_texts<'a>(
        texts: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, Vec<String>> {
        let mut laws = Vec::new();
        let mut problems = Vec::new();
        for (name, text) in texts {
            match serde_json::from_str::<Law>(text) {
                Ok(law) => laws.push(law),
                Err(e) => problems.push(format!("{name}: 格式错误：{e}")),
            }
        }
        if problems.is_empty() {
            Self::new(laws)
        } else {
            Err(problems)
        }
    }

    /// The library from the app's bundle, `{"laws": [...]}`.
    pub fn from_bundle(json: &str) -> Result<Self, Vec<String>> {
        let bundle: Bundle =
            serde_json::from_str(json).map_err(|e| vec![format!("法规库格式错误：{e}")])?;
        Self::new(bundle.laws)
    }

    /// Every law: laws first, then regulations, rules, documents and standards, by name.
    pub fn laws(&self) -> &[Law] {
        &self.laws
    }

    pub fn by_id(&self, id: &str) -> Option<&Law> {
        self.laws.iter().find(|l| l.id == id)
    }

    pub fn by_name(&self, name: &str) -> Option<&Law> {
        self.laws.iter().find(|l| l.name == name)
    }

    /// What the library holds for a citation.
    pub fn resolve(&self, citation: &Citation) -> Resolved<'_> {
        let Some(law) = self.by_name(&citation.law) else {
            return Resolved::UnknownLaw;
        };
        let articles = citation
            .articles
            .iter()
            .map(|&n| match law.article(n) {
                Some(a) if a.verified => CitedArticle::Verified(a),
                Some(a) => CitedArticle::Unverified(a),
                None => CitedArticle::Missing(n),
            })
            .collect();
        Resolved::Law { law, articles }
    }

    /// Each citation of a basis text with what the library holds for it.
    pub fn resolve_basis(&self, basis: &str) -> Result<Vec<(Citation, Resolved<'_>)>, String> {
        Ok(parse_basis(basis)?
            .into_iter()
            .map(|c| {
                let resolved = self.resolve(&c);
                (c, resolved)
            })
            .collect())
    }

    /// How many laws and articles the library holds, and how many of those are 待核实.
    pub fn totals(&self) -> (usize, usize, usize) {
        let articles = self.laws.iter().flat_map(|l| &l.articles);
        let (all, unsure) = articles.fold((0, 0), |(all, unsure), a| {
            (all + 1, unsure + usize::from(!a.verified))
        });
        (self.laws.len(), all, unsure)
    }

    /// The laws whose title or number contains the query with all their articles, and the
    /// other laws with the articles whose text or label contains it; every law for a blank
    /// query.
    pub fn search(&self, query: &str) -> Vec<(&Law, Vec<&Article>)> {
        let query = query.trim();
        self.laws
            .iter()
            .filter_map(|law| {
                let whole = query.is_empty()
                    || law.name.contains(query)
                    || law.document_number.contains(query);
                let articles: Vec<&Article> = law
                    .articles
                    .iter()
                    .filter(|a| whole || a.text.contains(query) || a.label() == query)
                    .collect();
                (whole || !articles.is_empty()).then_some((law, articles))
            })
            .collect()
    }
}

/// Every problem with a set of laws: ids that are not ASCII kebab-case or repeat, names that
/// are blank or repeat, articles without a source, articles out of order or repeated, a verified article without text, an
/// unverified one without a note saying why.
pub fn validate(laws: &[Law]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    for law in laws {
        let at = format!("《{}》", law.name);
        let kebab = !law.id.is_empty()
            && law
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !kebab {
            problems.push(format!(
                "{at}: 编号 {:?} 应为小写字母、数字和连字符",
                law.id
            ));
        }
        if !ids.insert(law.id.as_str()) {
            problems.push(format!("{at}: 编号 {} 重复", law.id));
        }
        if law.name.trim().is_empty() || law.name.contains(['《', '》']) {
            problems.push(format!("{at}: 名称应为不含书名号的全称"));
        }
        if !names.insert(law.name.as_str()) {
            problems.push(format!("{at}: 名称重复"));
        }
        for (what, value) in [("制定机关", &law.authority), ("版本", &law.version)] {
            if value.trim().is_empty() {
                problems.push(format!("{at}: 缺少{what}"));
            }
        }
        if !law.articles.is_empty() && law.source.trim().is_empty() {
            problems.push(format!("{at}: 收录了条文但缺少来源"));
        }
        check_articles(&at, &law.articles, &mut problems);
    }
    problems
}

fn check_articles(at: &str, articles: &[Article], problems: &mut Vec<String>) {
    for pair in articles.windows(2) {
        if pair[0].number >= pair[1].number {
            problems.push(format!("{at}{}: 条文应按条号排列且不重复", pair[1].label()));
        }
    }
    for article in articles {
        let label = article.label();
        if article.number == 0 {
            problems.push(format!("{at}: 条号不能为0"));
        }
        if article.verified && article.text.trim().is_empty() {
            problems.push(format!("{at}{label}: 已核实的条文缺少原文"));
        }
        if !article.verified && article.note.trim().is_empty() {
            problems.push(format!("{at}{label}: 待核实的条文应说明核查情况"));
        }
        if article.text.trim_start().starts_with(&label) {
            problems.push(format!("{at}{label}: 原文不应重复条号"));
        }
    }
}
