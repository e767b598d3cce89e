use jiandu::domain::institution::{Institution, InstitutionType};
use jiandu::domain::roster::{search, townships, InstitutionQuery};

use super::at;

fn institution(
    id: &str,
    name: &str,
    code: &str,
    kind: InstitutionType,
    township: &str,
) -> Institution {
    let mut record = Institution::new(id.into(), at(3));
    record.name = name.into();
    record.registration_number = code.into();
    record.kind = Some(kind);
    record.township = township.into();
    record
}

fn roster() -> Vec<Institution> {
    vec![
        institution(
            "1",
            "城关镇卫生院",
            "12500000MB1234567X",
            InstitutionType::TownshipHealthCenter,
            "城关镇",
        ),
        institution(
            "2",
            "城关镇东村卫生室",
            "",
            InstitutionType::VillageClinic,
            "城关镇",
        ),
        institution(
            "3",
            "新华口腔诊所",
            "92500000MA5U0Q1A2B",
            InstitutionType::Clinic,
            "新华街道",
        ),
        institution(
            "4",
            "县人民医院",
            "12500000450000000Y",
            InstitutionType::Hospital,
            "",
        ),
    ]
}

fn ids(query: InstitutionQuery) -> Vec<String> {
    search(&roster(), &query)
        .into_iter()
        .map(|i| i.id.clone())
        .collect()
}

#[test]
fn blank_query_lists_everything_sorted_by_name() {
    assert_eq!(ids(InstitutionQuery::default()).len(), 4);
}

#[test]
fn searches_name_and_code_ignoring_case_and_spaces() {
    assert_eq!(
        ids(InstitutionQuery {
            text: "口腔".into(),
            ..Default::default()
        }),
        ["3"]
    );
    assert_eq!(
        ids(InstitutionQuery {
            text: "ma5u 0q".into(),
            ..Default::default()
        }),
        ["3"]
    );
    assert!(ids(InstitutionQuery {
        text: "不存在".into(),
        ..Default::default()
    })
    .is_empty());
}

#[test]
fn filters_by_type_and_township_together() {
    let query = InstitutionQuery {
        kind: Some(InstitutionType::VillageClinic),
        township: Some("城关镇".into()),
        ..Default::default()
    };
    assert_eq!(ids(query), ["2"]);
    let query = InstitutionQuery {
        township: Some("城关镇".into()),
        ..Default::default()
    };
    assert_eq!(ids(query).len(), 2);
}

#[test]
fn townships_are_distinct_sorted_and_non_blank() {
    assert_eq!(townships(&roster()), ["城关镇", "新华街道"]);
}

#[test]
fn five_thousand_institutions_are_searched_in_one_pass() {
    // Not a timing test: checks the result over a roster of the size the issue names.
    let many: Vec<Institution> = (0..5000)
        .map(|n| {
            institution(
                &n.to_string(),
                &format!("第{n}诊所"),
                "",
                InstitutionType::Clinic,
                "城关镇",
            )
        })
        .collect();
    let query = InstitutionQuery {
        text: "第4999".into(),
        ..Default::default()
    };
    assert_eq!(search(&many, &query).len(), 1);
}
