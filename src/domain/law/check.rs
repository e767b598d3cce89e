//! What a catalog's citations must satisfy against the library: each parses, each cited law is
//! in the library (a standard under its number), each cited article is there (verified, or kept
//! as 待核实 with its reason), and each verified article's text contains one of the point's key
//! terms, so that a renumbering that points at an unrelated article fails.

use super::citation::parse_basis;
use super::{CitedArticle, LawLibrary, Resolved};

/// One check point's citation as a catalog holds it.
#[derive(Debug, Clone, Copy)]
pub struct CitedPoint<'a> {
    pub id: &'a str,
    pub basis: &'a str,
    /// Key terms of the point's subject (依据关键词), found verbatim in every verified article it
    /// cites.
    pub terms: &'a [String],
}

/// Every problem with the points' citations, in Chinese, each naming its point.
pub fn check_citations<'a>(
    points: impl IntoIterator<Item = CitedPoint<'a>>,
    laws: &LawLibrary,
) -> Vec<String> {
    let mut problems = Vec::new();
    for point in points {
        check_point(point, laws, &mut problems);
    }
    problems
}

fn check_point(point: CitedPoint<'_>, laws: &LawLibrary, problems: &mut Vec<String>) {
    let id = point.id;
    let citations = match parse_basis(point.basis) {
        Ok(citations) => citations,
        Err(e) => return problems.push(format!("{id}: 依据格式错误：{e}")),
    };
    let cites_articles = citations.iter().any(|c| !c.articles.is_empty());
    if cites_articles && point.terms.iter().all(|t| t.trim().is_empty()) {
        problems.push(format!("{id}: 引用了条文但缺少依据关键词"));
    }
    for citation in &citations {
        let title = format!("《{}》", citation.law);
        let (law, articles) = match laws.resolve(citation) {
            Resolved::UnknownLaw => {
                problems.push(format!("{id}: {title}不在法规库中"));
                continue;
            }
            Resolved::Law { law, articles } => (law, articles),
        };
        if let Some(code) = &citation.code {
            if !law.document_number.starts_with(code.as_str()) {
                problems.push(format!("{id}: {title}的标准号应为{}", law.document_number));
            }
        }
        for article in articles {
            match article {
                CitedArticle::Missing(n) => problems.push(format!(
                    "{id}: {title}{}不在法规库中",
                    super::article_label(n)
                )),
                CitedArticle::Verified(a) => {
                    let text: String = a.text.split_whitespace().collect();
                    if !point
                        .terms
                        .iter()
                        .any(|t| !t.is_empty() && text.contains(t.as_str()))
                    {
                        problems.push(format!(
                            "{id}: {title}{}的条文不含任何依据关键词（{}）",
                            a.label(),
                            point.terms.join("、")
                        ));
                    }
                }
                CitedArticle::Unverified(_) => {}
            }
        }
    }
}
