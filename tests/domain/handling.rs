use chrono::NaiveDate;
use jiandu::domain::handling::{parse_yuan, yuan_as_wan, Handling, KINDS};

#[test]
fn amounts_are_whole_yuan() {
    let cases: [(&str, Result<u64, ()>); 8] = [
        ("5000", Ok(5000)),
        ("12,000", Ok(12000)),
        ("3000元", Ok(3000)),
        (" 1 000 ", Ok(1000)),
        ("", Err(())),
        ("0.5", Err(())),
        ("-20", Err(())),
        ("一千", Err(())),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_yuan(input).map_err(|_| ()), expected, "{input:?}");
    }
}

#[test]
fn yuan_convert_to_wan_exactly() {
    let cases = [
        (0, "0"),
        (10_000, "1"),
        (15_000, "1.5"),
        (3, "0.0003"),
        (123_456, "12.3456"),
        (20_500, "2.05"),
    ];
    for (yuan, wan) in cases {
        assert_eq!(yuan_as_wan(yuan), wan, "{yuan}");
    }
}

#[test]
fn every_kind_has_a_blank_with_its_official_label() {
    for (code, label) in KINDS {
        let blank = Handling::blank(code).expect("known kind");
        assert_eq!((blank.kind(), blank.label()), (code, label));
    }
    assert!(Handling::blank("nope").is_none());
}

#[test]
fn each_measure_says_what_it_lacks() {
    assert!(Handling::blank("order_correction")
        .unwrap()
        .problem()
        .is_some());
    assert_eq!(
        Handling::OrderCorrection {
            deadline: NaiveDate::from_ymd_opt(2022, 11, 30)
        }
        .problem(),
        None
    );
    assert!(Handling::Fine { amount_yuan: 0 }.problem().is_some());
    assert_eq!(Handling::RevokeLicense.problem(), None);
    assert!(Handling::Transfer {
        department: " ".into()
    }
    .problem()
    .is_some());
}

#[test]
fn measures_round_trip_through_storage() {
    let all = vec![
        Handling::OrderCorrection {
            deadline: NaiveDate::from_ymd_opt(2022, 11, 30),
        },
        Handling::CaseFiled {
            case_number: "渝卫医罚〔2022〕12号".into(),
        },
        Handling::Fine {
            amount_yuan: 20_000,
        },
        Handling::RevokeLicense,
        Handling::RevokeSubject {
            subject: "医疗美容科".into(),
        },
        Handling::Transfer {
            department: "市场监督管理局".into(),
        },
        Handling::RectificationAdvice {
            text: "完善制度".into(),
        },
    ];
    let json = serde_json::to_string(&all).unwrap();
    assert!(json.contains(r#""kind":"fine","amount_yuan":20000"#));
    assert_eq!(serde_json::from_str::<Vec<Handling>>(&json).unwrap(), all);
}

#[test]
fn absurd_amounts_saturate_instead_of_wrapping() {
    use jiandu::domain::handling::{cases_and_fines, Handling};
    let measures = [
        Handling::Fine {
            amount_yuan: u64::MAX,
        },
        Handling::Fine { amount_yuan: 1 },
    ];
    assert_eq!(cases_and_fines(measures.iter()), (0, u64::MAX));
}
