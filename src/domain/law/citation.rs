//! A check point's 法律依据 as written in a catalog: citations separated by "；", each a title in
//! 《》, a standard's number in （） if any, then the articles "第十四条、第二十三条" or none for a
//! citation of the whole text: `《医疗机构管理条例》第十四条、第二十三条；《献血者健康检查要求》（GB 18467）`.
//! The catalog's text is what documents print; parsing it only lets the app find the articles.

use std::fmt;

use crate::domain::document::parse_chinese_number;

use super::article_label;

/// One cited law and its articles (none: the law as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The title inside 《》.
    pub law: String,
    /// A standard's number written after the title, e.g. "GB 18467".
    pub code: Option<String>,
    pub articles: Vec<u16>,
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "《{}》", self.law)?;
        if let Some(code) = &self.code {
            write!(f, "（{code}）")?;
        }
        let labels: Vec<String> = self.articles.iter().map(|&n| article_label(n)).collect();
        f.write_str(&labels.join("、"))
    }
}

/// The citations of a basis text, or what is wrong with it (in Chinese).
pub fn parse_basis(basis: &str) -> Result<Vec<Citation>, String> {
    let basis = basis.trim();
    if basis.is_empty() {
        return Err("缺少法律法规依据".to_string());
    }
    basis.split('；').map(parse_citation).collect()
}

fn parse_citation(text: &str) -> Result<Citation, String> {
    let text = text.trim();
    let rest = text
        .strip_prefix('《')
        .ok_or_else(|| format!("「{text}」应以《法规名称》开头"))?;
    let (law, mut rest) = rest
        .split_once('》')
        .ok_or_else(|| format!("「{text}」缺少》"))?;
    if law.trim().is_empty() || law.contains('《') {
        return Err(format!("「{text}」的法规名称不完整"));
    }
    let mut code = None;
    if let Some(after) = rest.strip_prefix('（') {
        let (inside, after) = after
            .split_once('）')
            .ok_or_else(|| format!("「{text}」缺少）"))?;
        code = Some(inside.trim().to_string());
        rest = after;
    }
    let articles = if rest.is_empty() {
        Vec::new()
    } else {
        rest.split('、')
            .map(|part| {
                parse_article(part)
                    .ok_or_else(|| format!("「{text}」中的「{part}」不是条号（应为“第X条”）"))
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    Ok(Citation {
        law: law.to_string(),
        code,
        articles,
    })
}

/// "第二十三条" → 23.
fn parse_article(text: &str) -> Option<u16> {
    let numeral = text.trim().strip_prefix('第')?.strip_suffix('条')?;
    u16::try_from(parse_chinese_number(numeral)?).ok()
}
