use jiandu::domain::credit_code::{check_character, normalize, validate, CreditCodeError};

/// Real codes published by their holders, including the standard's own example.
const VALID: [&str; 4] = [
    "91350100M000100Y43",
    "914403001922038216",
    "91110108551385082Q",
    "12100000400000645J",
];

#[test]
fn accepts_published_codes() {
    for code in VALID {
        assert_eq!(validate(code), Ok(()), "{code}");
    }
}

#[test]
fn check_character_matches_the_last_character() {
    for code in VALID {
        assert_eq!(check_character(&code[..17]), code.chars().last(), "{code}");
    }
}

#[test]
fn every_single_character_change_is_caught() {
    // The check character catches any one substituted character.
    let alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for code in VALID {
        for position in 0..18 {
            for replacement in alphabet.chars() {
                let mut chars: Vec<char> = code.chars().collect();
                if chars[position] == replacement {
                    continue;
                }
                chars[position] = replacement;
                let changed: String = chars.into_iter().collect();
                assert!(validate(&changed).is_err(), "{changed} should fail");
            }
        }
    }
}

#[test]
fn reports_why_a_code_is_wrong() {
    check("9135010", CreditCodeError::Length(7));
    check("91350100M000100Y431", CreditCodeError::Length(19));
    check(
        "91350100O000100Y43",
        CreditCodeError::Character {
            position: 9,
            found: 'O',
        },
    );
    check("913A0100M000100Y43", CreditCodeError::DivisionCode);
    check(
        "91350100M000100Y44",
        CreditCodeError::CheckCharacter {
            expected: '3',
            found: '4',
        },
    );
}

fn check(code: &str, expected: CreditCodeError) {
    assert_eq!(validate(code), Err(expected), "{code}");
    assert!(!expected.message().is_empty());
}

#[test]
fn normalizes_case_spaces_and_full_width() {
    assert_eq!(normalize(" 91350100m000100y43 "), "91350100M000100Y43");
    assert_eq!(
        normalize("９１３５０１００Ｍ０００１００Ｙ４３"),
        "91350100M000100Y43"
    );
    assert_eq!(normalize("9135 0100 M000 100Y 43"), "91350100M000100Y43");
}

#[test]
fn messages_are_chinese_and_name_the_problem() {
    assert!(CreditCodeError::Length(7).message().contains("18位"));
    assert!(CreditCodeError::CheckCharacter {
        expected: '3',
        found: '4'
    }
    .message()
    .contains("校验位"));
}
