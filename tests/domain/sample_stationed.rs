//! The sample's 驻点监督 (`src/domain/sample/stationed.rs`): a plan, a finished stay at
//! 示例仁和医院 and one in progress at 示例县人民医院, checked against the catalog and the
//! stay and sheet rules, and the finished stay's register counted by hand.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};
use jiandu::domain::catalog::edition_2022;
use jiandu::domain::inspection::Verdict;
use jiandu::domain::plan::PlanKind;
use jiandu::domain::sample::{is_sample, sample, Sample};
use jiandu::domain::stationed::register::problems;
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::{ComplaintFinding, HandlingKind, SceneSheet, SheetStatus};
use jiandu::domain::stationed::stay::{Stay, StayPhase};

use super::at;

const FINISHED: &str = "sample-stay-renhe";
const IN_PROGRESS: &str = "sample-stay-hospital";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 10, 25).unwrap()
}

fn build() -> Sample {
    sample(edition_2022(), at(20), today()).expect("sample builds")
}

fn stay<'s>(sample: &'s Sample, id: &str) -> &'s Stay {
    sample.stays.iter().find(|s| s.id == id).expect("stay")
}

fn sheets<'s>(sample: &'s Sample, stay_id: &str) -> Vec<&'s SceneSheet> {
    sample
        .scene_sheets
        .iter()
        .filter(|s| s.stay_id == stay_id)
        .collect()
}

fn status_of(sheets: &[&SceneSheet], target: &str) -> Option<SheetStatus> {
    sheets
        .iter()
        .find(|s| s.target == target)
        .map(|s| s.status())
}

/// One 驻点监督 plan for the year of `today` (due 12月31日), listing the two graded hospitals;
/// both stays belong to it, each at one of its hospitals, with the 2024 现场监督表.
#[test]
fn the_sample_has_a_stationed_plan_with_two_stays() {
    let sample = build();
    let plans: Vec<_> = sample
        .plans
        .iter()
        .filter(|p| p.kind == PlanKind::Stationed)
        .collect();
    assert_eq!(plans.len(), 1);
    let plan = plans[0];
    assert_eq!(plan.year, 2022);
    assert_eq!(plan.deadline, NaiveDate::from_ymd_opt(2022, 12, 31));
    assert_eq!(
        plan.institution_ids,
        ["sample-institution-hospital", "sample-institution-renhe"]
    );
    assert_eq!(plan.targets.len(), 1);
    assert_eq!(plan.targets[0].count, 2);
    assert_eq!(sample.stays.len(), 2);
    for stay in &sample.stays {
        assert_eq!(stay.plan_id, plan.id);
        assert!(plan.institution_ids.contains(&stay.institution_id));
        assert_eq!(stay.catalog_edition, edition_2024().edition);
    }
}

/// Both stays pass their own checks without a single warning: dates of 14 and 15 days, a 组长
/// and a 副组长; the finished one with 2 成员 and a township name, 汇总会 and 反馈 in order.
#[test]
fn the_stays_have_no_problems() {
    let sample = build();
    for stay in &sample.stays {
        assert_eq!(stay.problems(), vec![], "{}", stay.id);
        assert!(!stay.office.is_empty());
        assert!(!stay.group.township_staff.is_empty());
    }
    let finished = stay(&sample, FINISHED);
    assert_eq!(finished.days(), Some(14));
    assert_eq!(finished.group.members.len(), 2);
    assert_eq!(finished.group.officers().len(), 4);
    assert_eq!(finished.phase(today()), StayPhase::FedBack);
    let end = finished.end.unwrap();
    assert_eq!((today() - end).num_days(), 60, "ended about two months ago");
    assert!(finished.summary_meeting.unwrap() > end);
    assert!(finished.feedback_on > finished.summary_meeting);
    let current = stay(&sample, IN_PROGRESS);
    assert_eq!(current.days(), Some(15));
    assert!(current.covers(today()));
    assert_eq!(current.phase(today()), StayPhase::Stationed);
    assert_eq!((current.summary_meeting, current.feedback_on), (None, None));
    let officers: BTreeSet<&String> = sample.inspectors.iter().map(|o| &o.id).collect();
    for stay in &sample.stays {
        for (id, _) in stay.group.officers() {
            assert!(officers.contains(&id.to_string()), "{id}");
        }
    }
}

/// Every sheet belongs to a stay, has the id `id_for` gives, targets a scene or list of the
/// catalog, answers only its target's points, each recorded on a day of the stay up to `today`;
/// finished sheets meet the completion rules. 45 sheets: 34 of the finished stay, 11 of the
/// other.
#[test]
fn every_sheet_answers_its_own_points_within_its_stay() {
    let sample = build();
    let catalog = edition_2024();
    assert_eq!(sample.scene_sheets.len(), 45);
    let ids: BTreeSet<&String> = sample.scene_sheets.iter().map(|s| &s.id).collect();
    assert_eq!(ids.len(), 45, "one sheet per stay and target");
    for sheet in &sample.scene_sheets {
        let stay = stay(&sample, &sheet.stay_id);
        assert_eq!(sheet.id, SceneSheet::id_for(&sheet.stay_id, &sheet.target));
        assert!(is_sample(&sheet.id), "{}", sheet.id);
        let known = catalog.scene(&sheet.target).is_some()
            || catalog.lists.iter().any(|l| l.id == sheet.target);
        assert!(known, "{}", sheet.target);
        let points = sheet.point_ids(catalog);
        for (id, answer) in &sheet.answers {
            assert!(points.contains(id), "{}: {id}", sheet.id);
            assert!(
                stay.covers(answer.on) && answer.on <= today(),
                "{}",
                sheet.id
            );
        }
        for complaint in &sheet.complaints {
            assert!(sheet.is_complaints(catalog));
            assert!(stay.covers(complaint.on) && complaint.on <= today());
            assert!(catalog.areas.iter().any(|a| a.id == complaint.area));
        }
        if sheet.done {
            assert_eq!(sheet.completion_problems(catalog), vec![], "{}", sheet.id);
        }
        if sheet.not_applicable.is_some() {
            assert!(sheet.answers.is_empty() && !sheet.done, "{}", sheet.id);
        }
    }
}

/// Every 不符合 starts with one of its point's 规范用语 and has evidence noted.
#[test]
fn every_finding_is_described_in_standard_terms_with_evidence() {
    let sample = build();
    let catalog = edition_2024();
    let findings = sample
        .scene_sheets
        .iter()
        .flat_map(|s| &s.answers)
        .filter(|(_, a)| a.verdict == Verdict::NonCompliant);
    let mut count = 0;
    for (id, answer) in findings {
        let point = catalog.point(id).unwrap();
        assert!(
            point
                .phrasings
                .iter()
                .any(|p| answer.description.starts_with(p.as_str())),
            "{id}: {}",
            answer.description
        );
        assert!(!answer.evidence.is_empty(), "{id}");
        count += 1;
    }
    assert_eq!(
        count,
        14 + 4,
        "finished stay 14 (and a complaint), current stay 4"
    );
}

/// The finished stay covers every scene: 26 done, 6 lacking as a whole, and both lists done.
#[test]
fn the_finished_stay_covers_every_scene() {
    let sample = build();
    let catalog = edition_2024();
    let sheets = sheets(&sample, FINISHED);
    assert_eq!(sheets.len(), 34);
    let mut by_status: BTreeMap<SheetStatus, Vec<&str>> = BTreeMap::new();
    for scene in &catalog.scenes {
        let status = status_of(&sheets, &scene.id).expect("every scene has a sheet");
        by_status.entry(status).or_default().push(&scene.name);
    }
    assert_eq!(by_status[&SheetStatus::Done].len(), 26);
    assert_eq!(
        by_status[&SheetStatus::NotApplicable],
        [
            "体检中心",
            "血液透析中心",
            "病理科",
            "输血科",
            "产科病区",
            "计划生育技术"
        ]
    );
    assert_eq!(by_status.len(), 2);
    assert_eq!(status_of(&sheets, "documents"), Some(SheetStatus::Done));
    assert_eq!(status_of(&sheets, "complaints"), Some(SheetStatus::Done));
    let hemodialysis = sheets.iter().find(|s| s.target == "hemodialysis").unwrap();
    assert_eq!(
        hemodialysis.not_applicable.as_deref(),
        Some("未设置血液透析室")
    );
    let complaints = &sheets
        .iter()
        .find(|s| s.target == "complaints")
        .unwrap()
        .complaints;
    let findings: Vec<ComplaintFinding> = complaints.iter().map(|c| c.finding).collect();
    assert_eq!(
        findings,
        [ComplaintFinding::Confirmed, ComplaintFinding::Unfounded]
    );
}

/// The hand count of the finished stay's register (from the tables in
/// `src/domain/sample/stationed.rs`), 15 problems:
/// - 医疗服务 7: 急诊科 Z-YL-16 (责令改正, 复查已改正); 药房 Z-YL-31 (责令改正, 复查已改正) and
///   Z-YL-35 (责令改正, overdue, no 复查); 其他病房科室 Z-YL-16 (整改意见); 医务科 Z-YL-22
///   (责令改正, 复查逾期未改正 → 立案); 人事科 Z-YL-11 (立案); the confirmed complaint (立案).
/// - 传染病 3: 供应室 Z-CR-18 (责令改正, 复查已改正); 其他病房科室 Z-CR-23 (监督建议书);
///   医疗废物处置 Z-CR-26 (整改意见).
/// - 妇幼计生 1: B超室 Z-FY-03 (责令改正, 复查已改正).
/// - 放射卫生防护、职业健康体检 3: 放射影像科 Z-FS-08 (责令改正, deadline after `today`) and
///   Z-FS-17 (责令改正, 复查已改正); 书面审查 Z-FS-10 (立案).
/// - 其他 1: 门诊大厅 Z-QT-02 (移送 示例区市场监督管理局). The unfounded complaint (其他) is not a
///   problem.
///
/// By handling: 责令限期改正 8, 立案查处 3, 整改意见 2, 移送 1, 监督建议书 1; cases 4 (3 and the
/// one not corrected), verified corrected 5, overdue on `today` 1. Every one is settled.
#[test]
fn the_finished_stay_register_matches_the_hand_count() {
    let sample = build();
    let catalog = edition_2024();
    let sheets = sheets(&sample, FINISHED);
    let all = problems(catalog, &sheets);
    assert_eq!(all.len(), 15);
    for problem in &all {
        assert!(problem.is_settled(), "{:?}", problem.at);
        let stay = stay(&sample, FINISHED);
        assert!(stay.covers(problem.found_on));
    }
    let mut per_area: Vec<(&str, usize)> = Vec::new();
    for area in &catalog.areas {
        let n = all.iter().filter(|p| p.area.id == area.id).count();
        per_area.push((area.title.as_str(), n));
    }
    assert_eq!(
        per_area,
        [
            ("医疗服务（含中医）", 7),
            ("传染病", 3),
            ("妇幼计生", 1),
            ("放射卫生防护、职业健康体检", 3),
            ("其他", 1),
        ]
    );
    let in_documents = all.iter().filter(|p| p.target == "documents").count();
    assert_eq!(in_documents, 1, "书面审查 Z-FS-10");
    let complaints = all.iter().filter(|p| p.complaint.is_some()).count();
    assert_eq!(complaints, 1, "the confirmed one");

    let handlings: Vec<_> = all.iter().map(|p| p.handling.unwrap()).collect();
    let mut kinds: BTreeMap<HandlingKind, usize> = BTreeMap::new();
    for h in &handlings {
        *kinds.entry(h.kind()).or_default() += 1;
    }
    assert_eq!(
        kinds,
        BTreeMap::from([
            (HandlingKind::Case, 3),
            (HandlingKind::Rectify, 8),
            (HandlingKind::Opinion, 2),
            (HandlingKind::Transfer, 1),
            (HandlingKind::Advice, 1),
        ])
    );
    assert_eq!(handlings.iter().filter(|h| h.is_case()).count(), 4);
    assert_eq!(
        handlings
            .iter()
            .filter(|h| h.is_verified_corrected())
            .count(),
        5
    );
    let overdue: Vec<&str> = all
        .iter()
        .filter(|p| p.handling.unwrap().is_overdue(today()))
        .map(|p| p.point.unwrap().id.as_str())
        .collect();
    assert_eq!(overdue, ["Z-YL-35"]);
    let feedback = stay(&sample, FINISHED).feedback_on.unwrap();
    for h in &handlings {
        if let jiandu::domain::stationed::sheet::ProblemHandling::Rectify { deadline, recheck } = h
        {
            assert!(deadline.unwrap() > feedback);
            if let Some(r) = recheck {
                assert!(r.on > feedback && r.on <= today());
            }
        }
    }
}

/// The stay in progress: 5 scenes done, 3 begun, 1 lacking, 23 not started (no sheet); the
/// 书面审查 begun, a complaint still 核查中; 4 problems, none handled yet.
#[test]
fn the_stay_in_progress_has_work_left_and_unhandled_problems() {
    let sample = build();
    let catalog = edition_2024();
    let sheets = sheets(&sample, IN_PROGRESS);
    assert_eq!(sheets.len(), 11);
    let mut counts: BTreeMap<SheetStatus, usize> = BTreeMap::new();
    for scene in &catalog.scenes {
        let status = status_of(&sheets, &scene.id).unwrap_or(SheetStatus::NotStarted);
        *counts.entry(status).or_default() += 1;
    }
    assert_eq!(
        counts,
        BTreeMap::from([
            (SheetStatus::NotStarted, 23),
            (SheetStatus::InProgress, 3),
            (SheetStatus::Done, 5),
            (SheetStatus::NotApplicable, 1),
        ])
    );
    assert_eq!(
        status_of(&sheets, "documents"),
        Some(SheetStatus::InProgress)
    );
    assert_eq!(
        status_of(&sheets, "complaints"),
        Some(SheetStatus::InProgress)
    );
    let complaints = sheets.iter().find(|s| s.target == "complaints").unwrap();
    assert!(
        !complaints.completion_problems(catalog).is_empty(),
        "核查中"
    );
    let all = problems(catalog, &sheets);
    let found: Vec<&str> = all.iter().map(|p| p.point.unwrap().id.as_str()).collect();
    assert_eq!(found, ["Z-YL-37", "Z-CR-33", "Z-YL-23", "Z-CR-35"]);
    assert!(all.iter().all(|p| p.handling.is_none() && !p.is_settled()));
}

/// Every stay and sheet id (and complaint id) starts with `sample-`, so removing the sample
/// removes them.
#[test]
fn stationed_sample_ids_are_marked() {
    let sample = build();
    for stay in &sample.stays {
        assert!(stay.id.starts_with("sample-stay-"), "{}", stay.id);
    }
    for sheet in &sample.scene_sheets {
        assert!(is_sample(&sheet.id) && is_sample(&sheet.stay_id));
        for complaint in &sheet.complaints {
            assert!(is_sample(&complaint.id), "{}", complaint.id);
        }
    }
}

/// Whatever day the sample is loaded, the stays keep their shape: the plan is for that day's
/// year, the finished stay ended 60 days before, every answer falls within its stay and not
/// after that day.
#[test]
fn the_stationed_sample_holds_on_any_day() {
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for today in first.iter_days().step_by(11).take(34) {
        let sample = sample(edition_2022(), at(20), today).expect("sample builds");
        let plan = sample.plans.last().unwrap();
        assert_eq!((plan.kind, plan.year), (PlanKind::Stationed, today.year()));
        for stay in &sample.stays {
            assert_eq!(stay.problems(), vec![], "{today}");
        }
        assert_eq!(
            stay(&sample, FINISHED).end,
            today.checked_sub_days(Days::new(60))
        );
        for sheet in &sample.scene_sheets {
            let stay = stay(&sample, &sheet.stay_id);
            for day in sheet.days() {
                assert!(stay.covers(day) && day <= today, "{today}: {}", sheet.id);
            }
        }
    }
}
