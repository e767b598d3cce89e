//! 文号 (document numbers) of printed documents, per series: "X卫医监〔2026〕12号" is the
//! series' 机关代字 (地区简称 + 卫 + 执法类别 + 执法性质, as the 卫生行政执法文书规范 lays it down),
//! the year in 六角括号, the sequence number and "号". Formatting, taking the next number, and
//! reading back a number the user typed, with Chinese messages. Pure: the year is a parameter.
//!
//! The rules:
//! - A series numbers within one year. Taking a number in a later year moves the series to that
//!   year and restarts at 1; taking one in an earlier year (a back-dated document, a wrong
//!   clock) keeps the series' own year and goes on counting, so a number is never given twice.
//! - The user sets a series by typing the next number in full; leading zeros typed ("012号")
//!   make it pad every number to that many digits ("001号" as in 京卫食罚〔2002〕001号).
//! - Only the 卫生监督意见书 has a series ([`DocumentKind::has_series`]).
//!
//! Where a series lives: it is per device, kept as data (one [`DocumentSeries`] per kind, e.g.
//! serialised in localStorage or the `meta` store), and a taken number is stored on the record
//! it was printed for, so a reprint shows the same number. Two devices numbering one series can
//! give the same number twice: each device should use its own 机关代字 or its own range.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::labelled::{labelled_enum, Labelled};

/// The largest sequence number accepted (five digits).
pub const MAX_NUMBER: u32 = 99_999;
/// The most digits a typed number may have, padding included.
const MAX_TYPED_DIGITS: usize = 6;
/// The longest 机关代字 accepted, in characters.
pub const MAX_PREFIX_CHARS: usize = 20;
/// The example shown in messages.
const EXAMPLE: &str = "X卫医监〔2026〕12号";

labelled_enum! {
    /// The documents printed from an inspection.
    DocumentKind {
        OnsiteRecord = "onsite_record" => "现场检查笔录",
        OpinionLetter = "opinion_letter" => "卫生监督意见书",
    }
}

impl DocumentKind {
    /// Whether the document carries a 文号 from a series: the 卫生监督意见书 does (it goes to the
    /// party and is cited later); the 现场检查笔录 does not (it is identified by its inspection,
    /// date and signatures).
    pub fn has_series(self) -> bool {
        match self {
            Self::OnsiteRecord => false,
            Self::OpinionLetter => true,
        }
    }
}

/// One 文号, as read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentNumber {
    /// 机关代字, e.g. "X卫医监".
    pub prefix: String,
    pub year: i32,
    pub number: u32,
    /// Digits the number is padded to with zeros (0: no padding).
    pub digits: u8,
}

impl fmt::Display for DocumentNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}〔{}〕{:0width$}号",
            self.prefix,
            self.year,
            self.number,
            width = usize::from(self.digits)
        )
    }
}

/// A series of 文号 as kept on the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSeries {
    /// 机关代字, e.g. "X卫医监".
    pub prefix: String,
    /// The year the series is numbering.
    pub year: i32,
    /// The number the next document gets.
    pub next: u32,
    /// Digits every number is padded to with zeros (0: no padding).
    #[serde(default)]
    pub digits: u8,
}

impl DocumentSeries {
    /// A series starting at 1 in `year`, without padding.
    pub fn new(prefix: &str, year: i32) -> Self {
        Self {
            prefix: prefix.trim().to_string(),
            year,
            next: 1,
            digits: 0,
        }
    }

    /// The series whose next number is the one typed: "X卫医监〔2026〕12号" gives 12 next.
    pub fn from_typed(text: &str) -> Result<Self, NumberError> {
        let typed = parse(text)?;
        Ok(Self {
            prefix: typed.prefix,
            year: typed.year,
            next: typed.number,
            digits: typed.digits,
        })
    }

    /// The 文号 of `number` in the series' year: "X卫医监〔2026〕12号".
    pub fn format(&self, number: u32) -> String {
        self.number(self.year, number).to_string()
    }

    /// The number [`DocumentSeries::take`] would give in `year`, without taking it.
    pub fn peek(&self, year: i32) -> String {
        if year > self.year {
            self.number(year, 1).to_string()
        } else {
            self.format(self.next.max(1))
        }
    }

    /// Gives the next number for a document dated in `year` and advances the series; a later
    /// year first restarts the series at 1 in that year.
    pub fn take(&mut self, year: i32) -> String {
        if year > self.year {
            self.year = year;
            self.next = 1;
        }
        let number = self.next.max(1);
        self.next = number.saturating_add(1);
        self.format(number)
    }

    fn number(&self, year: i32, number: u32) -> DocumentNumber {
        DocumentNumber {
            prefix: self.prefix.clone(),
            year,
            number,
            digits: self.digits,
        }
    }
}

/// Why a typed 文号 is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NoPrefix,
    PrefixTooLong,
    /// No "〔" with the year.
    NoYear,
    /// "〔" without its "〕".
    UnclosedYear,
    /// The year as typed: not four digits between 2000 and 2099.
    BadYear(String),
    NoNumber,
    /// The number as typed: not digits.
    BadNumber(String),
    ZeroNumber,
    TooLarge,
    /// Text after "号".
    Trailing(String),
}

impl NumberError {
    pub fn message(&self) -> String {
        match self {
            Self::Empty => format!("请填写文号，如：{EXAMPLE}"),
            Self::NoPrefix => format!("文号缺少机关代字（年份前的部分），如：{EXAMPLE}"),
            Self::PrefixTooLong => format!("机关代字不超过{MAX_PREFIX_CHARS}个字"),
            Self::NoYear => format!("文号缺少年份，年份应写在六角括号〔〕内，如：{EXAMPLE}"),
            Self::UnclosedYear => "年份后缺少右括号“〕”".to_string(),
            Self::BadYear(year) => format!("年份“{year}”不正确，应为四位数字，如〔2026〕"),
            Self::NoNumber => format!("文号缺少序号，如：{EXAMPLE}"),
            Self::BadNumber(number) => format!("序号“{number}”不正确，应为数字，如“12号”"),
            Self::ZeroNumber => "序号应从1开始".to_string(),
            Self::TooLarge => format!("序号不超过{MAX_NUMBER}"),
            Self::Trailing(rest) => format!("“号”字后不应有其他文字（“{rest}”）"),
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Reads a typed 文号. Tolerated: spaces, full-width digits, other brackets for 〔〕 (［］, [],
/// 【】, （）, ()), "第" before the number, a missing "号".
pub fn parse(text: &str) -> Result<DocumentNumber, NumberError> {
    let text: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(normalise)
        .collect();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (prefix, rest) = text.split_once('〔').ok_or(NumberError::NoYear)?;
    if prefix.is_empty() {
        return Err(NumberError::NoPrefix);
    }
    if prefix.chars().count() > MAX_PREFIX_CHARS {
        return Err(NumberError::PrefixTooLong);
    }
    let (year, rest) = rest.split_once('〕').ok_or(NumberError::UnclosedYear)?;
    let year_ok = year.len() == 4 && year.chars().all(|c| c.is_ascii_digit());
    let year_value = year
        .parse::<i32>()
        .ok()
        .filter(|y| year_ok && (2000..=2099).contains(y));
    let year_value = year_value.ok_or_else(|| NumberError::BadYear(year.to_string()))?;
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let digits = match rest.split_once('号') {
        Some((digits, "")) => digits,
        Some((_, trailing)) => return Err(NumberError::Trailing(trailing.to_string())),
        None => rest,
    };
    if digits.is_empty() {
        return Err(NumberError::NoNumber);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::BadNumber(digits.to_string()));
    }
    let number = match digits.parse::<u32>() {
        Ok(n) if digits.len() <= MAX_TYPED_DIGITS && n <= MAX_NUMBER => n,
        _ => return Err(NumberError::TooLarge),
    };
    if number == 0 {
        return Err(NumberError::ZeroNumber);
    }
    let padded = digits.len() > 1 && digits.starts_with('0');
    Ok(DocumentNumber {
        prefix: prefix.to_string(),
        year: year_value,
        number,
        digits: if padded { digits.len() as u8 } else { 0 },
    })
}

/// Full-width digits as ASCII; other brackets as 〔〕.
fn normalise(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        '[' | '［' | '【' | '(' | '（' | '﹝' => '〔',
        ']' | '］' | '】' | ')' | '）' | '﹞' => '〕',
        _ => c,
    }
}
