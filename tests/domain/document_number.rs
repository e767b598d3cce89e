//! 文号 series: formatting, taking numbers, the year rollover, and reading typed numbers back with
//! Chinese messages for what is wrong.

use jiandu::domain::document_number::{
    parse, DocumentKind, DocumentNumber, DocumentSeries, NumberError,
};
use jiandu::domain::labelled::Labelled;

fn series() -> DocumentSeries {
    DocumentSeries {
        prefix: "X卫医监".into(),
        year: 2026,
        next: 12,
        digits: 0,
    }
}

#[test]
fn a_number_reads_prefix_year_in_hexagonal_brackets_and_number() {
    assert_eq!(series().format(12), "X卫医监〔2026〕12号");
    let padded = DocumentSeries {
        digits: 3,
        ..series()
    };
    assert_eq!(padded.format(1), "X卫医监〔2026〕001号");
    assert_eq!(padded.format(1234), "X卫医监〔2026〕1234号");
}

#[test]
fn take_gives_the_current_number_and_advances() {
    let mut series = series();
    assert_eq!(series.peek(2026), "X卫医监〔2026〕12号");
    assert_eq!(series.take(2026), "X卫医监〔2026〕12号");
    assert_eq!(series.take(2026), "X卫医监〔2026〕13号");
    assert_eq!(series.next, 14);
    let mut fresh = DocumentSeries::new(" X卫医监 ", 2026);
    assert_eq!(fresh.take(2026), "X卫医监〔2026〕1号");
}

#[test]
fn a_new_year_restarts_at_one_and_an_earlier_year_never_goes_back() {
    let mut series = series();
    assert_eq!(series.peek(2027), "X卫医监〔2027〕1号");
    assert_eq!(series.next, 12, "peeking changes nothing");
    assert_eq!(series.take(2027), "X卫医监〔2027〕1号");
    assert_eq!(series.take(2027), "X卫医监〔2027〕2号");
    // A back-dated document keeps the series' year, so no number is given twice.
    assert_eq!(series.take(2026), "X卫医监〔2027〕3号");
    assert_eq!((series.year, series.next), (2027, 4));
}

#[test]
fn a_typed_number_is_read_back() {
    let check = |text: &str, prefix: &str, year: i32, number: u32, digits: u8| {
        assert_eq!(
            parse(text),
            Ok(DocumentNumber {
                prefix: prefix.into(),
                year,
                number,
                digits
            }),
            "{text}"
        );
    };
    check("X卫医监〔2026〕12号", "X卫医监", 2026, 12, 0);
    check(" 京卫食罚〔2002〕001号 ", "京卫食罚", 2002, 1, 3);
    check("X卫医监[2026]12号", "X卫医监", 2026, 12, 0);
    check("X卫医监（２０２６）１２号", "X卫医监", 2026, 12, 0);
    check("X卫医监【2026】第12号", "X卫医监", 2026, 12, 0);
    check("X卫医监〔2026〕12", "X卫医监", 2026, 12, 0);
    check("X 卫医监 〔2026〕 12 号", "X卫医监", 2026, 12, 0);
    assert_eq!(
        parse("京卫食罚〔2002〕001号").map(|n| n.to_string()),
        Ok("京卫食罚〔2002〕001号".to_string())
    );
}

#[test]
fn bad_input_is_refused_with_a_chinese_message() {
    let check = |text: &str, error: NumberError, message: &str| {
        let refused = parse(text).expect_err(text);
        assert_eq!(refused, error, "{text}");
        assert_eq!(refused.message(), message, "{text}");
    };
    check(
        "  ",
        NumberError::Empty,
        "请填写文号，如：X卫医监〔2026〕12号",
    );
    check(
        "〔2026〕12号",
        NumberError::NoPrefix,
        "文号缺少机关代字（年份前的部分），如：X卫医监〔2026〕12号",
    );
    check(
        "X卫医监2026-12号",
        NumberError::NoYear,
        "文号缺少年份，年份应写在六角括号〔〕内，如：X卫医监〔2026〕12号",
    );
    check(
        "X卫医监〔2026",
        NumberError::UnclosedYear,
        "年份后缺少右括号“〕”",
    );
    check(
        "X卫医监〔26〕12号",
        NumberError::BadYear("26".into()),
        "年份“26”不正确，应为四位数字，如〔2026〕",
    );
    check(
        "X卫医监〔1999〕12号",
        NumberError::BadYear("1999".into()),
        "年份“1999”不正确，应为四位数字，如〔2026〕",
    );
    check(
        "X卫医监〔2026〕号",
        NumberError::NoNumber,
        "文号缺少序号，如：X卫医监〔2026〕12号",
    );
    check(
        "X卫医监〔2026〕十二号",
        NumberError::BadNumber("十二".into()),
        "序号“十二”不正确，应为数字，如“12号”",
    );
    check(
        "X卫医监〔2026〕0号",
        NumberError::ZeroNumber,
        "序号应从1开始",
    );
    check(
        "X卫医监〔2026〕100000号",
        NumberError::TooLarge,
        "序号不超过99999",
    );
    check(
        "X卫医监〔2026〕12号之一",
        NumberError::Trailing("之一".into()),
        "“号”字后不应有其他文字（“之一”）",
    );
    check(
        "一二三四五六七八九十一二三四五六七八九十一〔2026〕1号",
        NumberError::PrefixTooLong,
        "机关代字不超过20个字",
    );
}

#[test]
fn a_series_is_set_by_typing_its_next_number() {
    let mut series = DocumentSeries::from_typed("X卫医监〔2026〕012号").expect("valid");
    assert_eq!(
        series,
        DocumentSeries {
            prefix: "X卫医监".into(),
            year: 2026,
            next: 12,
            digits: 3,
        }
    );
    assert_eq!(series.take(2026), "X卫医监〔2026〕012号");
    assert_eq!(series.take(2027), "X卫医监〔2027〕001号");
    assert_eq!(DocumentSeries::from_typed("12号"), Err(NumberError::NoYear));
}

#[test]
fn a_series_round_trips_as_stored_data() {
    let json = serde_json::to_string(&series()).expect("serialises");
    assert_eq!(
        json,
        r#"{"prefix":"X卫医监","year":2026,"next":12,"digits":0}"#
    );
    let old: DocumentSeries =
        serde_json::from_str(r#"{"prefix":"X卫医监","year":2026,"next":12}"#).expect("reads");
    assert_eq!(old, series());
}

#[test]
fn only_the_opinion_letter_has_a_series() {
    let numbered: Vec<&str> = DocumentKind::ALL
        .iter()
        .map(|k| (k.label(), k.has_series()))
        .filter(|(_, numbered)| *numbered)
        .map(|(label, _)| label)
        .collect();
    assert_eq!(numbered, ["卫生监督意见书"]);
    assert_eq!(DocumentKind::OnsiteRecord.label(), "现场检查笔录");
}
