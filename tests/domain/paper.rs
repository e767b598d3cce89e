//! The layout rules of printed XLSX sheets: display width, wrapped lines, row height.

use jiandu::domain::export::paper::{display_width, line_count, lines_height, row_height};

/// 问题描述 as an inspector writes it: long, Chinese, with punctuation.
const LONG: &str = "污水处理站未按规定设置在线监测设备，消毒剂投加记录不全，余氯检测记录缺少九月以后的数据，且未建立污水排放监测档案。";

#[test]
fn chinese_and_full_width_punctuation_count_two_and_ascii_one() {
    assert_eq!(display_width("诊所"), 4);
    assert_eq!(display_width("SHA-256"), 7);
    assert_eq!(display_width("第3条，“规定”……"), 19);
    assert_eq!(display_width("（万元）"), 8);
    assert_eq!(display_width(""), 0);
}

#[test]
fn the_width_of_a_text_with_newlines_is_its_widest_line() {
    assert_eq!(display_width("甲\n乙丙丁\nab"), 6);
    assert_eq!(display_width("ab\r\ncd"), 2);
}

#[test]
fn a_short_text_takes_one_line_and_so_does_an_empty_one() {
    assert_eq!(line_count("诊所", 22.0, 11.0), 1);
    assert_eq!(line_count("", 10.0, 10.0), 1);
    assert_eq!(line_count("2026-11-20", 11.0, 10.0), 1);
}

#[test]
fn a_long_chinese_text_in_a_narrow_column_takes_several_lines() {
    // 57 full-width characters: a 24-unit column at 10 pt holds 11 of them a line.
    assert_eq!(LONG.chars().count(), 57);
    assert_eq!(display_width(LONG), 114);
    assert_eq!(line_count(LONG, 24.0, 10.0), 6);
    // Wider, fewer lines; a larger font, more.
    assert!(line_count(LONG, 48.0, 10.0) < line_count(LONG, 24.0, 10.0));
    assert!(line_count(LONG, 24.0, 14.0) > line_count(LONG, 24.0, 10.0));
}

#[test]
fn every_explicit_newline_starts_a_line() {
    assert_eq!(line_count("一\n二\n三", 30.0, 10.0), 3);
    assert_eq!(line_count("一\r\n二", 30.0, 10.0), 2);
    assert_eq!(
        line_count("一\n\n三", 30.0, 10.0),
        3,
        "an empty line is a line"
    );
    // A long line after a newline wraps on its own.
    assert_eq!(line_count(&format!("说明：\n{LONG}"), 24.0, 10.0), 7);
}

#[test]
fn a_word_of_letters_moves_whole_to_the_next_line_unless_it_is_longer_than_one() {
    // A 9-unit column at 10 pt holds 8: "abc " then "defghij" does not fit after it.
    assert_eq!(line_count("abc defghij", 9.0, 10.0), 2);
    assert_eq!(line_count("abc defg", 9.0, 10.0), 1);
    // A SHA-256 (64 letters, no space) is broken where the line is full: 20 a line.
    assert_eq!(line_count(&"ab".repeat(32), 21.0, 10.0), 4);
}

#[test]
fn a_column_too_narrow_for_a_chinese_character_still_shows_one_a_line() {
    assert_eq!(line_count("一二三", 1.0, 10.0), 3);
}

#[test]
fn a_row_is_as_tall_as_its_tallest_cell_with_one_line_at_least() {
    let one = lines_height(1, 10.0);
    assert!(one >= 14.0, "one line of 10 pt text fits: {one}");
    assert_eq!(row_height(&[], 10.0), one);
    assert_eq!(row_height(&[("诊所", 10.0), ("", 5.0)], 10.0), one);
    let tall = row_height(&[("1", 5.0), (LONG, 24.0), ("诊所", 10.0)], 10.0);
    assert_eq!(tall, lines_height(6, 10.0));
    assert!(tall > one);
    assert!(lines_height(2, 10.0) > one);
    assert!(lines_height(1, 14.0) > one, "a larger font, a taller line");
}

#[test]
fn a_row_is_never_taller_than_excel_allows() {
    assert_eq!(row_height(&[(&LONG.repeat(20), 5.0)], 10.0), 409.0);
}
