//! The printable document shape shared by every document the app prints (the 驻点 反馈意见 and
//! 监督建议书, the 现场检查笔录, the 卫生监督意见书): plain structured data, never HTML, with
//! photos and signatures as references to stored media. Also the Chinese dates and numerals they
//! print. Pure: the renderer decides the page, this decides the words.
//!
//! How it prints on A4 (the renderer's contract): the title centred; the 文号 under it,
//! right-aligned; the header facts (label：value, a blank line for a value to fill in by hand);
//! the addressee (主送) flush left with a full-width colon; the sections in order (heading,
//! paragraphs, items, then figures); the signature block; the 落款 (issuing body, date)
//! right-aligned; the notes in small type. Each figure and each signature line is one unit that a
//! page break never splits (`break-inside: avoid`); a section's heading stays with what follows
//! it (`break-after: avoid`).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Utc};

use super::digest::sha256_hex;
use super::media::MediaRef;

/// A date left for the signer to fill in by hand.
pub const DATE_PLACEHOLDER: &str = "　　年　　月　　日";
/// Shown for an officer the roster no longer knows.
pub const UNKNOWN_OFFICER: &str = "（未知人员）";

/// A printable document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// The 文号 printed under the title, e.g. "X卫医监〔2026〕12号" (none: not printed).
    pub number: Option<String>,
    /// Header facts (被检查单位, 地址, 检查时间, …), printed one a line before the body.
    pub facts: Vec<Fact>,
    /// The 主送 (empty: not printed).
    pub addressee: String,
    pub sections: Vec<Section>,
    /// Printed boxed just above the signature block, on screen and paper: e.g. that the content
    /// changed after signing, so the signatures given before are not on this text.
    pub alert: Option<String>,
    /// Who signs and how: one line each (officers, the party), after the body.
    pub signatures: Vec<SignatureLine>,
    /// The 落款: the issuing body, then the date, printed right-aligned (empty: none).
    pub signature: Vec<String>,
    /// 备注 lines printed last in small type (e.g. how many copies and who keeps them).
    pub notes: Vec<String>,
    /// The party signs at the foot of every page (被检查人签名), as on the paper 现场检查笔录.
    pub party_signs_each_page: bool,
}

impl Document {
    /// SHA-256 (hex) of what a signer confirms: the title, 文号, header facts, addressee, every
    /// section (headings, paragraphs, items, each photo's caption and file hash) and the notes.
    /// The signature block, its alert and the 落款 are left out: signing fills them in. A signature keeps
    /// the digest it was given under, so any later change to the facts, findings, handling or
    /// wording shows as a mismatch.
    pub fn content_digest(&self) -> String {
        let sections: Vec<serde_json::Value> = self
            .sections
            .iter()
            .map(|s| {
                let figures: Vec<[&str; 2]> = s
                    .figures
                    .iter()
                    .map(|f| [f.caption.as_str(), f.media.sha256.as_str()])
                    .collect();
                serde_json::json!({
                    "heading": s.heading,
                    "level": s.level,
                    "paragraphs": s.paragraphs,
                    "items": s.items,
                    "figures": figures,
                })
            })
            .collect();
        let facts: Vec<(&str, Option<&str>)> = self
            .facts
            .iter()
            .map(|f| (f.label.as_str(), f.value.as_deref()))
            .collect();
        // Keys are sorted and every string quoted: one text per content, whatever it holds.
        let content = serde_json::json!({
            "title": self.title,
            "number": self.number,
            "facts": facts,
            "addressee": self.addressee,
            "sections": sections,
            "notes": self.notes,
        });
        sha256_hex(content.to_string().as_bytes())
    }
}

/// A header fact: "被检查单位：XX诊所".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: String,
    /// None: a blank line, filled in by hand on the printed page.
    pub value: Option<String>,
}

impl Fact {
    /// A fact with its value; a blank value (after trimming) is left to fill in by hand.
    pub fn new(label: &str, value: &str) -> Self {
        let value = value.trim();
        Self {
            label: label.to_string(),
            value: (!value.is_empty()).then(|| value.to_string()),
        }
    }

    /// A fact left blank to fill in by hand.
    pub fn blank(label: &str) -> Self {
        Self {
            label: label.to_string(),
            value: None,
        }
    }

    /// "被检查单位：XX诊所" ("被检查单位：" for a blank one).
    pub fn line(&self) -> String {
        format!("{}：{}", self.label, self.value.as_deref().unwrap_or(""))
    }
}

/// A part of a document: an optional heading, its paragraphs, its items, then its figures.
/// Headings and items carry their own numbers ("一、", "（一）", "1．"), so the renderer adds
/// none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub heading: Option<String>,
    /// 1 for a heading numbered "一、", 2 for one numbered "（一）" under it (0 without heading).
    pub level: u8,
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
    /// Photos printed under the text, each whole on one page with its caption.
    pub figures: Vec<Figure>,
}

/// A photo printed in a document, with the caption under it ("照片1　2026年11月25日10时31分拍摄");
/// the text refers to it by the caption's first word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub media: MediaRef,
    pub caption: String,
}

/// One line of the signature block: the label, then the drawn signature or a blank line to sign
/// by hand, the printed name and detail, then the date (or [`DATE_PLACEHOLDER`]). A statement
/// for the signer (the party's confirmation) is printed just above the line, in the same unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureLine {
    /// "执法人员（签名）", "被检查单位负责人（签名）", "被监督单位签收".
    pub label: String,
    /// The signer's name as printed beside the line (empty: written by hand).
    pub name: String,
    /// Printed after the name, e.g. "执法证号：A001" or "职务：负责人".
    pub detail: Option<String>,
    /// Printed above the line for the signer to confirm, e.g. "以上笔录我已看过，情况属实。".
    pub statement: Option<String>,
    /// The signature drawn on the screen; none: a blank line to sign by hand.
    pub image: Option<MediaRef>,
    /// When it was signed; none: the date is written by hand.
    pub signed_at: Option<DateTime<Utc>>,
}

impl SignatureLine {
    /// A blank line to sign by hand, with the name printed beside it (may be empty).
    pub fn blank(label: &str, name: &str) -> Self {
        Self {
            label: label.to_string(),
            name: name.trim().to_string(),
            detail: None,
            statement: None,
            image: None,
            signed_at: None,
        }
    }

    /// Whether it is still to be signed by hand.
    pub fn is_blank(&self) -> bool {
        self.image.is_none()
    }

    /// The date printed on the line: the signing day in China Standard Time, or the placeholder.
    pub fn date(&self) -> String {
        self.signed_at
            .map_or(DATE_PLACEHOLDER.to_string(), |t| chinese_date(china_day(t)))
    }
}

impl Section {
    /// A section of paragraphs without a heading.
    pub fn plain(paragraphs: Vec<String>) -> Self {
        Self {
            paragraphs,
            ..Self::default()
        }
    }

    /// A headed section at `level`.
    pub fn headed(level: u8, heading: String) -> Self {
        Self {
            heading: Some(heading),
            level,
            ..Self::default()
        }
    }
}

impl Document {
    /// Every item of every section, in order (for tests and summaries).
    pub fn items(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(String::as_str))
    }

    /// Every paragraph of every section, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(String::as_str))
    }

    /// Every figure of every section, in order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.sections.iter().flat_map(|s| s.figures.iter())
    }

    /// The value of the header fact with this label (None if absent or blank).
    pub fn fact(&self, label: &str) -> Option<&str> {
        self.facts
            .iter()
            .find(|f| f.label == label)
            .and_then(|f| f.value.as_deref())
    }
}

/// The calendar day of an instant in China Standard Time (UTC+8 all year: China has one time
/// zone and no daylight saving), as printed on documents.
pub fn china_day(instant: DateTime<Utc>) -> NaiveDate {
    china_time(instant).date()
}

/// An instant as China Standard Time reads it (date and time of day).
pub fn china_time(instant: DateTime<Utc>) -> NaiveDateTime {
    let china = FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
    instant.with_timezone(&china).naive_local()
}

/// "2024年10月8日": the year, month and day without leading zeros.
pub fn chinese_date(day: NaiveDate) -> String {
    format!("{}年{}月{}日", day.year(), day.month(), day.day())
}

/// The Chinese numeral of 0 to 999 ("一", "十二", "二十", "一百零五", "一百一十"), as in headings
/// "一、" and "（一）" and article numbers "第一百零五条"; larger numbers in digits.
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let ones = match n % 10 {
        0 => "",
        d => DIGITS[d],
    };
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{ones}"),
        20..=99 => format!("{}十{ones}", DIGITS[n / 10]),
        100..=999 => {
            let hundreds = format!("{}百", DIGITS[n / 100]);
            match (n % 100, (n % 100) / 10) {
                (0, _) => hundreds,
                (rest, 0) => format!("{hundreds}零{}", DIGITS[rest]),
                (_, tens) => format!("{hundreds}{}十{ones}", DIGITS[tens]),
            }
        }
        _ => n.to_string(),
    }
}

/// The number a Chinese numeral of 1 to 999 writes ("十二" → 12, "一百零五" → 105), or `None`
/// for anything else. The inverse of [`chinese_number`].
pub fn parse_chinese_number(text: &str) -> Option<usize> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let mut total = 0;
    let mut pending: Option<usize> = None;
    for c in text.chars() {
        match c {
            '百' => total += pending.take()? * 100,
            '十' => total += pending.take().unwrap_or(1) * 10,
            '零' => {}
            _ if pending.is_some() => return None,
            _ => pending = Some(digit(c)?),
        }
    }
    let n = total + pending.unwrap_or(0);
    (n > 0 && chinese_number(n) == text).then_some(n)
}

/// A text as a sentence: trimmed, its trailing punctuation replaced by one "。".
pub fn sentence(text: &str) -> String {
    let core = text
        .trim()
        .trim_end_matches(['。', '；', ';', '，', ',', '、', '.', ' ', '　']);
    format!("{core}。")
}
