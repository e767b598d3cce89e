//! The issuing agency's name as printed, and as a CSS string for the page header.

use jiandu::domain::agency::{Agency, MAX_CHARS};
use proptest::prelude::*;

#[test]
fn nothing_printable_is_no_agency() {
    assert_eq!(Agency::from_typed(""), None);
    assert_eq!(Agency::from_typed(" \t\n　"), None);
}

#[test]
fn whitespace_is_tidied_and_the_name_kept() {
    let agency = Agency::from_typed("  XX县卫生健康局\n  卫生监督所 ").unwrap();
    assert_eq!(agency.name(), "XX县卫生健康局 卫生监督所");
}

#[test]
fn a_long_name_is_cut_to_the_limit() {
    let agency = Agency::from_typed(&"卫".repeat(MAX_CHARS + 10)).unwrap();
    assert_eq!(agency.name().chars().count(), MAX_CHARS);
}

#[test]
fn quotes_and_backslashes_are_escaped_for_css() {
    let agency = Agency::from_typed(r#"A"B\C局"#).unwrap();
    assert_eq!(agency.css_string(), r#""A\"B\\C局""#);
}

proptest! {
    /// Whatever is typed, the CSS string is one quoted literal: it opens and closes with a
    /// quote, every inner quote is escaped, and no line break or control character is in it.
    #[test]
    fn the_css_string_is_always_one_literal(typed in any::<String>()) {
        if let Some(agency) = Agency::from_typed(&typed) {
            let css = agency.css_string();
            prop_assert!(css.len() >= 3 && css.starts_with('"') && css.ends_with('"'));
            let inner: Vec<char> = css[1..css.len() - 1].chars().collect();
            let mut i = 0;
            while i < inner.len() {
                prop_assert!(!inner[i].is_control());
                if inner[i] == '\\' {
                    prop_assert!(matches!(inner.get(i + 1), Some('"' | '\\')));
                    i += 2;
                } else {
                    prop_assert_ne!(inner[i], '"');
                    i += 1;
                }
            }
        }
    }
}
