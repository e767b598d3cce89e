use std::collections::HashMap;

use jiandu::domain::draw::{
    canonical, double_random, generator, lottery, uniform, Candidate, Officer,
};

fn candidate(id: &str, group: &str, number: &str) -> Candidate {
    Candidate {
        id: id.into(),
        name: format!("单位{id}"),
        registration_number: number.into(),
        group: group.into(),
    }
}

fn clinics(n: usize) -> Vec<Candidate> {
    (0..n)
        .map(|i| candidate(&format!("c{i:02}"), "clinic", &format!("91500000MA{i:08}")))
        .collect()
}

#[test]
fn the_method_is_pinned_by_a_known_answer() {
    // A test vector for docs/draw.md: if this changes, every recorded draw stops re-checking.
    let (_, list) = canonical(&clinics(3));
    let mut rng = generator("2022年双随机抽查 区卫生健康执法支队", &list);
    let first: Vec<u64> = (0..3).map(|_| uniform(&mut rng, 1000)).collect();
    let (hash, order) = lottery("2022年双随机抽查 区卫生健康执法支队", &clinics(3));
    let order: Vec<&str> = order.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(hash.len(), 64);
    insta_like(&format!("{first:?} {order:?} {hash}"));
}

/// The recorded answer (computed once by this implementation and kept here).
fn insta_like(actual: &str) {
    let expected = include_str!("draw_known_answer.txt").trim();
    assert_eq!(actual, expected, "the draw method changed");
}

#[test]
fn the_same_list_and_seed_give_the_same_draw_whatever_the_input_order() {
    let mut reversed = clinics(12);
    reversed.reverse();
    let officers: Vec<Officer> = ["a", "b", "c", "d"]
        .iter()
        .map(|id| Officer {
            id: id.to_string(),
            avoid: vec![],
        })
        .collect();
    let asked = [("clinic".to_string(), 5)];
    let one = double_random("种子", &clinics(12), &asked, &officers, 2);
    let two = double_random("种子", &reversed, &asked, &officers, 2);
    assert_eq!(one, two);
    let other = double_random("另一个种子", &clinics(12), &asked, &officers, 2);
    assert_ne!(one.drawn, other.drawn, "another seed draws otherwise");
    assert_eq!(one.drawn.len(), 5);
}

#[test]
fn the_lottery_order_is_uniform_over_many_seeds() {
    // Chi-square over the 6 orders of 3 hospitals, 6,000 fixed seeds; 5 degrees of freedom,
    // 20.52 is the 0.1% critical value.
    let hospitals = clinics(3);
    let mut counts: HashMap<Vec<String>, u32> = HashMap::new();
    let seeds = 6_000;
    for n in 0..seeds {
        let (_, order) = lottery(&format!("抽签-{n}"), &hospitals);
        *counts
            .entry(order.into_iter().map(|c| c.id).collect())
            .or_default() += 1;
    }
    assert_eq!(counts.len(), 6);
    let expected = f64::from(seeds) / 6.0;
    let chi_square: f64 = counts
        .values()
        .map(|&c| (f64::from(c) - expected).powi(2) / expected)
        .sum();
    assert!(chi_square < 20.52, "chi-square {chi_square}");
}

#[test]
fn officers_avoid_declared_conflicts_and_share_the_work() {
    let units = clinics(4);
    let officers = vec![
        Officer {
            id: "a".into(),
            avoid: vec!["c00".into(), "c01".into()],
        },
        Officer {
            id: "b".into(),
            avoid: vec![],
        },
        Officer {
            id: "c".into(),
            avoid: vec![],
        },
        Officer {
            id: "d".into(),
            avoid: vec![],
        },
    ];
    for seed in ["一", "二", "三", "四", "五"] {
        let result = double_random(seed, &units, &[("clinic".into(), 4)], &officers, 2);
        let mut load: HashMap<&str, usize> = HashMap::new();
        for d in &result.drawn {
            assert_eq!(d.officers.len(), 2);
            assert!(
                !(d.officers.contains(&"a".to_string())
                    && ["c00", "c01"].contains(&d.candidate.id.as_str()))
            );
            for o in &d.officers {
                *load.entry(o.as_str()).or_default() += 1;
            }
        }
        assert!(load.values().all(|&n| n == 2), "{load:?}");
        assert!(result.understaffed.is_empty());
    }
}

#[test]
fn too_few_candidates_or_officers_are_reported() {
    let officers = vec![Officer {
        id: "a".into(),
        avoid: vec![],
    }];
    let result = double_random(
        "种子",
        &clinics(2),
        &[("clinic".into(), 3), ("hospital".into(), 1)],
        &officers,
        2,
    );
    assert_eq!(
        result.short,
        vec![("clinic".into(), 3, 2), ("hospital".into(), 1, 0)]
    );
    assert_eq!(result.understaffed.len(), 2);
}

#[test]
fn the_published_checker_gives_the_same_draw() {
    // docs/draw_check.py re-implements the method with Python's standard library only, so
    // anyone can re-check a 公示 draw; both must agree on a list of 40 in 4 groups.
    let mut candidates = clinics(25);
    candidates.extend((0..15).map(|i| {
        candidate(
            &format!("h{i:02}"),
            "hospital",
            &format!("12500000MB{i:08}"),
        )
    }));
    let (_, list) = canonical(&candidates);
    let path = std::env::temp_dir().join(format!("jiandu-draw-{}.txt", std::process::id()));
    std::fs::write(&path, &list).unwrap();
    let seed = "2022年10月12日 双随机抽取";
    let output = std::process::Command::new("python3")
        .args([
            "docs/draw_check.py",
            path.to_str().unwrap(),
            seed,
            "clinic",
            "5",
            "hospital",
            "2",
        ])
        .output()
        .expect("python3 runs the published checker");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();
    let result = double_random(
        seed,
        &candidates,
        &[("clinic".into(), 5), ("hospital".into(), 2)],
        &[],
        0,
    );
    let ids: Vec<&str> = result
        .drawn
        .iter()
        .map(|d| d.candidate.id.as_str())
        .collect();
    let from_python: Vec<&str> = printed
        .lines()
        .skip(1)
        .flat_map(|line| line.split(": ").nth(1).unwrap_or("").split(", "))
        .map(|entry| entry.rsplit('(').next().unwrap_or("").trim_end_matches(')'))
        .collect();
    assert_eq!(from_python, ids);
    assert!(printed.starts_with(&format!("list sha256: {}", result.list_sha256)));
    let _ = std::fs::remove_file(path);
}

#[test]
fn the_notice_lists_the_draw_and_how_to_recheck_it() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use jiandu::domain::export::draw_notice::{xlsx, NoticeFacts, NoticeRow};
    let facts = NoticeFacts {
        title: "2022年医疗机构国家随机监督抽查 双随机抽取结果公示".into(),
        drawn_at: "2022-10-12 09:30".into(),
        seed_text: "2022年10月12日 抽取".into(),
        list_sha256: "ab".repeat(32),
    };
    let rows = vec![NoticeRow {
        name: "渝北示例诊所".into(),
        registration_number: "91350100M000100Y43".into(),
        group: "诊所".into(),
        officers: "张三、李四".into(),
    }];
    let bytes = xlsx(&facts, &rows).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("公示名单").unwrap();
    let text = |r: u32, c: u32| match sheet.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    assert_eq!(text(0, 0), facts.title);
    assert_eq!(
        (text(2, 1), text(2, 4)),
        ("渝北示例诊所".into(), "张三、李四".into())
    );
    assert_eq!(text(4, 0), "抽取时间：2022-10-12 09:30");
    assert_eq!(text(5, 0), "种子：2022年10月12日 抽取");
    assert_eq!(text(6, 0), format!("抽取名单 SHA-256：{}", "ab".repeat(32)));
}
