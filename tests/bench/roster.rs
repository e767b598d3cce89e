//! Benchmark of the roster list's work per keystroke: search, sort and validate every match,
//! over 5,000 and 50,000 institutions. Prints figures and ratios; asserts nothing about time.
//! Run with `scripts/bench.sh` (or `cargo bench --bench roster`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use jiandu::domain::institution::{validate, Institution, InstitutionType};
use jiandu::domain::labelled::Labelled;
use jiandu::domain::roster::{search, InstitutionQuery};

fn roster(size: usize) -> Vec<Institution> {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid date");
    (0..size)
        .map(|n| {
            let mut record = Institution::new(format!("id-{n}"), now);
            record.name = format!("第{n}号{}", ["诊所", "卫生室", "卫生院", "医院"][n % 4]);
            record.registration_number = format!("REG{n:08}");
            record.kind = Some(InstitutionType::ALL[n % InstitutionType::ALL.len()]);
            record.township = ["城关镇", "河西镇", "新华街道", "东山乡"][n % 4].to_string();
            record
        })
        .collect()
}

/// The median of `runs` timings of `work`.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn list_rows(institutions: &[Institution], query: &InstitutionQuery) -> usize {
    search(institutions, query)
        .into_iter()
        .filter(|i| validate(i).is_empty())
        .count()
}

fn main() {
    let queries = [
        ("blank query (sort all)", InstitutionQuery::default()),
        (
            "name search",
            InstitutionQuery {
                text: "4999号".into(),
                ..Default::default()
            },
        ),
        (
            "type + township",
            InstitutionQuery {
                kind: Some(InstitutionType::Clinic),
                township: Some("城关镇".into()),
                ..Default::default()
            },
        ),
    ];
    println!(
        "{:<24} {:>14} {:>14} {:>8}",
        "list work per keystroke", "5,000", "50,000", "ratio"
    );
    let small = roster(5_000);
    let large = roster(50_000);
    for (label, query) in &queries {
        let a = median(21, || {
            black_box(list_rows(black_box(&small), query));
        });
        let b = median(11, || {
            black_box(list_rows(black_box(&large), query));
        });
        println!(
            "{label:<24} {:>11.3} ms {:>11.3} ms {:>7.1}x",
            a.as_secs_f64() * 1e3,
            b.as_secs_f64() * 1e3,
            b.as_secs_f64() / a.as_secs_f64()
        );
    }
}
