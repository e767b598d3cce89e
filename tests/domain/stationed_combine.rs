//! Combining two tablets' copies of one scene sheet: nothing answered on either is lost, the
//! later change of each answer wins, and combining is idempotent and order-free in content.

use chrono::{Duration, NaiveDate};
use jiandu::domain::inspection::Verdict;
use jiandu::domain::stationed::sheet::SceneSheet;
use proptest::prelude::*;

use super::at;

const POINTS: [&str; 6] = [
    "Z-CR-07", "Z-CR-08", "Z-CR-11", "Z-YL-06", "Z-YL-09", "Z-QT-01",
];

/// A copy of the 急诊科 sheet: for each point, maybe an answer with a verdict and a minute.
fn copy(answers: &[Option<(u8, i64)>]) -> SceneSheet {
    let mut sheet = SceneSheet::new("stay-1", "emergency", at(1));
    let day = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
    for (point, answer) in POINTS.iter().zip(answers) {
        if let Some((verdict, minute)) = answer {
            let when = at(1) + Duration::minutes(*minute);
            sheet.answer(point, day, when, None, |a| {
                a.verdict = [
                    Verdict::Compliant,
                    Verdict::NonCompliant,
                    Verdict::NotApplicable,
                ][*verdict as usize % 3];
                a.description = format!("{point} {minute}");
            });
            sheet.updated_at = sheet.updated_at.max(when);
        }
    }
    sheet
}

fn answers() -> impl Strategy<Value = Vec<Option<(u8, i64)>>> {
    // Distinct minutes per side keep ties out of the order-free property.
    proptest::collection::vec(proptest::option::of((0u8..3, 1i64..500)), POINTS.len())
}

proptest! {
    #[test]
    fn nothing_answered_is_lost_and_the_later_answer_wins(a in answers(), b in answers()) {
        let (mine, theirs) = (copy(&a), copy(&b));
        let both = mine.combined(&theirs);
        for point in POINTS {
            match (mine.answers.get(point), theirs.answers.get(point)) {
                (None, None) => prop_assert!(!both.answers.contains_key(point)),
                (Some(x), None) | (None, Some(x)) => prop_assert_eq!(&both.answers[point], x),
                (Some(x), Some(y)) => {
                    let later = if y.updated_at > x.updated_at { y } else { x };
                    prop_assert_eq!(&both.answers[point], later);
                }
            }
        }
        prop_assert_eq!(mine.combined(&mine), mine.clone());
        prop_assert_eq!(both.combined(&theirs).answers, both.answers.clone());
    }

    #[test]
    fn the_order_of_the_copies_does_not_change_the_answers(a in answers(), b in answers()) {
        let (mine, theirs) = (copy(&a), copy(&b));
        let ties = POINTS.iter().any(|p| matches!(
            (mine.answers.get(*p), theirs.answers.get(*p)),
            (Some(x), Some(y)) if x.updated_at == y.updated_at && x != y
        ));
        prop_assume!(!ties);
        prop_assert_eq!(mine.combined(&theirs).answers, theirs.combined(&mine).answers);
    }
}
