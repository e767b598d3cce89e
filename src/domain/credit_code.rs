//! The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last
//! one is a check character over the first 17. Pure validation, no I/O.

/// The 31 characters a credit code may use, in the order that gives each its value.
/// I, O, Z, S and V are left out by the standard to avoid confusion with digits.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1..=17 (3^(i-1) mod 31).
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Why a string is not a valid credit code; each maps to one message an inspector can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditCodeError {
    /// Not exactly 18 characters.
    Length(usize),
    /// A character outside the standard's alphabet (for example the letter O or I).
    Character { position: usize, found: char },
    /// Positions 3–8 are an administrative division code and must be digits.
    DivisionCode,
    /// The 18th character does not match the check computed over the first 17.
    CheckCharacter { expected: char, found: char },
}

impl CreditCodeError {
    /// The message shown next to the field.
    pub fn message(&self) -> String {
        match self {
            Self::Length(n) => format!("统一社会信用代码应为18位，当前为{n}位"),
            Self::Character { position, found } => {
                format!(
                    "第{position}位“{found}”不是统一社会信用代码允许的字符（不含I、O、Z、S、V）"
                )
            }
            Self::DivisionCode => "第3至8位应为行政区划代码（数字）".to_string(),
            Self::CheckCharacter { .. } => "校验位不正确，请核对统一社会信用代码".to_string(),
        }
    }
}

fn value_of(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

/// Normalises what an inspector typed: trims, drops inner spaces, upper-cases ASCII letters
/// and turns full-width letters and digits into half-width ones (common with Chinese IMEs).
pub fn normalize(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The check character for the first 17 characters of a code.
pub fn check_character(first17: &str) -> Option<char> {
    let mut sum = 0;
    let mut count = 0;
    for (c, weight) in first17.chars().zip(WEIGHTS) {
        sum += value_of(c)? * weight;
        count += 1;
    }
    if count != 17 || first17.chars().count() != 17 {
        return None;
    }
    let check = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(check as usize)
}

/// Validates an already normalised code.
pub fn validate(code: &str) -> Result<(), CreditCodeError> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(CreditCodeError::Length(chars.len()));
    }
    if let Some((i, &c)) = chars
        .iter()
        .enumerate()
        .find(|(_, c)| value_of(**c).is_none())
    {
        return Err(CreditCodeError::Character {
            position: i + 1,
            found: c,
        });
    }
    if !chars[2..8].iter().all(char::is_ascii_digit) {
        return Err(CreditCodeError::DivisionCode);
    }
    let first17: String = chars[..17].iter().collect();
    let expected = check_character(&first17).ok_or(CreditCodeError::Length(chars.len()))?;
    if expected != chars[17] {
        return Err(CreditCodeError::CheckCharacter {
            expected,
            found: chars[17],
        });
    }
    Ok(())
}
