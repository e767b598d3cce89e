use jiandu::route::Route;

#[test]
fn every_page_has_its_hash() {
    let cases = [
        ("", Route::Home),
        ("#/", Route::Home),
        ("#/plans", Route::Plans),
        ("#/institutions", Route::Institutions),
        ("#/inspectors", Route::Inspectors),
        ("#/inspections", Route::Inspections),
        ("#/summary", Route::Summary),
        ("#/data", Route::Data),
        ("#/institutions/abc-1", Route::Institution("abc-1".into())),
        ("#/institutions/import", Route::RosterImport),
        ("#/inspectors/x", Route::Inspector("x".into())),
        ("#/plans/p-1", Route::Plan("p-1".into())),
        ("#/inspections/i-1", Route::Inspection("i-1".into())),
        (
            "#/inspections/i-1/record",
            Route::InspectionRecord("i-1".into()),
        ),
        (
            "#/inspections/i-1/opinion",
            Route::InspectionOpinion("i-1".into()),
        ),
        ("#/stays/s-1", Route::Stay("s-1".into())),
        (
            "#/stays/s-1/scenes/emergency",
            Route::StaySheet("s-1".into(), "emergency".into()),
        ),
        ("#/stays/s-1/register", Route::StayRegister("s-1".into())),
        ("#/stays/s-1/feedback", Route::StayFeedback("s-1".into())),
        ("#/stays/s-1/advice", Route::StayAdvice("s-1".into())),
    ];
    for (hash, route) in cases {
        assert_eq!(Route::parse(hash), route, "{hash:?}");
        assert_eq!(
            Route::parse(&route.href()),
            route,
            "round trip of {route:?}"
        );
    }
}

#[test]
fn tolerates_trailing_slashes_and_queries() {
    assert_eq!(Route::parse("#/plans/"), Route::Plans);
    assert_eq!(Route::parse("#/data?x=1"), Route::Data);
}

#[test]
fn unknown_paths_are_not_found() {
    assert_eq!(Route::parse("#/nope"), Route::NotFound("/nope".into()));
}

#[test]
fn ids_are_encoded_and_decoded() {
    let odd = Route::Institution("a/b 中".into());
    assert_eq!(Route::parse(&odd.href()), odd);
    // A malformed escape is kept as typed rather than panicking.
    assert_eq!(
        Route::parse("#/institutions/%E4%"),
        Route::Institution("%E4%".into())
    );
}
