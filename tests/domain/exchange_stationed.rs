//! 驻点监督 in the exchange file (format version 2): stays and their scene sheets are written,
//! read back, exported with their plan, checked for ids and references, and merged.

mod records;

use jiandu::domain::exchange::merge::{plan as merge_plan, Choice, Outcome};
use jiandu::domain::exchange::{read, write, Records, Scope, FORMAT_VERSION};
use jiandu::domain::inspection::Verdict;
use jiandu::domain::plan::PlanKind;
use jiandu::domain::stationed::register::ProblemSource;
use jiandu::domain::stationed::sheet::{ProblemHandling, SceneSheet};
use serde_json::json;

pub use records::{
    day, every_stationed_shape, stationed_records, DEPUTY, HOSPITAL, LEADER, PLAN, STAY,
};

use super::at;
use super::exchange::{exported, sample_records};
use super::exchange_files::records as edited;

/// The sample and the stationed records in one device.
fn together() -> Records {
    let mut all = sample_records();
    let stationed = stationed_records();
    all.institutions.extend(stationed.institutions);
    all.inspectors.extend(stationed.inspectors);
    all.plans.extend(stationed.plans);
    all.stays.extend(stationed.stays);
    all.scene_sheets.extend(stationed.scene_sheets);
    all
}

#[test]
fn stays_and_sheets_round_trip() {
    for records in [stationed_records(), every_stationed_shape(), together()] {
        let file = read(&exported(&records, "device-a")).unwrap();
        assert_eq!(file.header.format_version, FORMAT_VERSION);
        assert_eq!(file.records, records.clone().stamped("device-a"));
        assert_eq!(file.records.len(), records.len());
    }
    let file = read(&exported(&stationed_records(), "device-a")).unwrap();
    let answer = &file.records.scene_sheets[0].answers["Z-YL-02"];
    assert_eq!(
        answer.handling,
        Some(ProblemHandling::Rectify {
            deadline: Some(day(12, 10)),
            recheck: None
        })
    );
    assert!(file.records.stays[0].changed_on.as_deref() == Some("device-a"));
}

#[test]
fn a_stationed_plan_exported_alone_carries_its_stays_sheets_hospital_and_officers() {
    let mut all = together();
    // A member from the roster, and another plan's stay with its sheet, which stay behind.
    let member = all.inspectors[0].id.clone();
    let stay = all.stays.iter_mut().find(|s| s.id == STAY).unwrap();
    stay.group.members.push(member.clone());
    let mut other_plan = all.plans.iter().find(|p| p.id == PLAN).unwrap().clone();
    other_plan.id = "zd-plan-other".into();
    let mut other_stay = stationed_records().stays[0].clone();
    other_stay.id = "zd-stay-other".into();
    other_stay.plan_id = other_plan.id.clone();
    all.scene_sheets
        .push(SceneSheet::new(&other_stay.id, "emergency", at(5)));
    all.plans.push(other_plan);
    all.stays.push(other_stay);

    let alone = all.for_plan(PLAN);
    let mut expected = stationed_records();
    expected.stays[0].group.members.push(member.clone());
    expected.inspectors.insert(0, all.inspectors[0].clone());
    assert_eq!(alone, expected);
    let officers: Vec<&str> = alone.inspectors.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(officers, [member.as_str(), LEADER, DEPUTY]);

    let file = write(
        &alone,
        "device-a",
        "0.1.0",
        at(20),
        Scope::Plan {
            plan_id: PLAN.into(),
            plan_name: alone.plans[0].name.clone(),
        },
    );
    assert_eq!(read(&file).unwrap().records.len(), alone.len());
    // Another kind of plan's export carries no stay.
    let sampling = all
        .plans
        .iter()
        .find(|p| p.kind != PlanKind::Stationed)
        .unwrap();
    let sampling = all.for_plan(&sampling.id);
    assert!(sampling.stays.is_empty() && sampling.scene_sheets.is_empty());
}

/// The message `read` gives for the stationed records changed by `edit` and written by the
/// app's own writer.
fn refusal(edit: impl FnOnce(&mut Records)) -> String {
    let mut records = stationed_records();
    edit(&mut records);
    read(&exported(&records, "device-a"))
        .expect_err("refused")
        .message()
}

#[test]
fn broken_stays_and_sheets_are_refused_with_their_message() {
    type Edit = fn(&mut Records);
    #[rustfmt::skip]
    let cases: [(Edit, &str); 10] = [
        (|r| r.stays[0].plan_id = "missing-plan".into(),
            "驻点 zd-stay-1 引用的任务 missing-plan 不在文件中"),
        (|r| r.stays[0].institution_id = "missing-hospital".into(),
            "驻点 zd-stay-1 引用的监督对象 missing-hospital 不在文件中"),
        (|r| r.stays[0].group.leader = Some("missing-leader".into()),
            "驻点 zd-stay-1 引用的执法人员 missing-leader 不在文件中"),
        (|r| r.stays[0].group.deputy = Some("missing-deputy".into()),
            "驻点 zd-stay-1 引用的执法人员 missing-deputy 不在文件中"),
        (|r| r.stays[0].group.members.push("missing-member".into()),
            "驻点 zd-stay-1 引用的执法人员 missing-member 不在文件中"),
        (|r| r.scene_sheets[0] = SceneSheet::new("missing-stay", "outpatient_hall", at(4)),
            "现场监督表 missing-stay/outpatient_hall 引用的驻点 missing-stay 不在文件中"),
        (|r| r.scene_sheets[0].id = "zd-stay-1/emergency".into(),
            "记录 scene_sheets[0].id 有误：现场监督表编号应为“zd-stay-1/outpatient_hall”（驻点编号/场景），文件中是“zd-stay-1/emergency”"),
        (|r| r.scene_sheets[1].target = "outpatient_hall".into(),
            "记录 scene_sheets[1].id 有误：现场监督表编号应为“zd-stay-1/outpatient_hall”（驻点编号/场景），文件中是“zd-stay-1/hemodialysis”"),
        (|r| r.stays.push(r.stays[0].clone()),
            "文件中有两条驻点使用同一编号 zd-stay-1"),
        (|r| r.scene_sheets.push(r.scene_sheets[0].clone()),
            "文件中有两条现场监督表使用同一编号 zd-stay-1/outpatient_hall"),
    ];
    for (edit, message) in cases {
        assert_eq!(refusal(edit), message);
    }
    assert_eq!(
        refusal(|r| r.stays[0].id = " ".into()),
        "记录 stays[0].id 有误：驻点编号为空"
    );
}

#[test]
fn misshapen_stays_and_sheets_are_refused_with_their_path() {
    let base = exported(&stationed_records(), "device-a");
    let cases = [
        (
            edited(&base, |r| r["stays"][0]["start"] = json!("2026-02-30")),
            "记录 stays[0].start 有误：日期或时间无效",
        ),
        (
            edited(&base, |r| {
                r["scene_sheets"][0]["answers"]["Z-YL-02"]["handling"]["kind"] = json!("jail")
            }),
            "记录 scene_sheets[0].answers.Z-YL-02.handling.kind 有误：取值 jail 不在允许范围内",
        ),
        (
            edited(&base, |r| {
                drop(
                    r["scene_sheets"][1]
                        .as_object_mut()
                        .unwrap()
                        .remove("stay_id"),
                )
            }),
            "记录 scene_sheets[1] 有误：缺少字段 stay_id",
        ),
        (
            edited(&base, |r| r["stays"] = json!({})),
            "记录 stays 有误：类型错误：应为数组，文件中是对象",
        ),
    ];
    for (file, message) in cases {
        assert_eq!(read(&file).unwrap_err().message(), message);
    }
}

#[test]
fn stays_and_sheets_are_added_once() {
    let records = read(&exported(&together(), "device-a")).unwrap().records;
    let first = merge_plan(&Records::default(), &records, "device-b");
    assert_eq!(first.tally().added, records.len());
    assert_eq!(
        (first.stays.len(), first.scene_sheets.len()),
        (records.stays.len(), records.scene_sheets.len())
    );
    assert!(first.stays.iter().any(|s| s.incoming.id == STAY));
    let written = first.records_to_write(|_, _| None);
    assert_eq!(written, records);
    let second = merge_plan(&written, &records, "device-b");
    assert_eq!(second.tally().unchanged, records.len());
    assert!(second.records_to_write(|_, _| None).is_empty());
}

#[test]
fn a_sheet_changed_on_both_devices_is_combined_answer_by_answer() {
    let records = read(&exported(&stationed_records(), "device-a"))
        .unwrap()
        .records;
    // Device B imported the file, then its user answered a point of 门诊大厅 …
    let mut local = records.clone();
    local.scene_sheets[0].answer("Z-CR-11", day(11, 12), at(20), None, |a| {
        a.verdict = Verdict::Compliant;
    });
    local.scene_sheets[0].updated_at = at(20);
    local.scene_sheets[0].changed_on = Some("device-b".into());
    // … while on device A a colleague answered another one, later, and moved the stay's end.
    let mut incoming = records.clone();
    incoming.scene_sheets[0].answer("Z-QT-01", day(11, 12), at(21), None, |a| {
        a.verdict = Verdict::NonCompliant;
        a.description = "未设置投诉管理部门".into();
    });
    incoming.scene_sheets[0].updated_at = at(21);
    incoming.stays[0].end = Some(day(11, 27));
    incoming.stays[0].updated_at = at(21);

    let plan = merge_plan(&local, &incoming, "device-b");
    assert_eq!(plan.scene_sheets[0].outcome, Outcome::Combined);
    assert_eq!(plan.scene_sheets[1].outcome, Outcome::Unchanged);
    assert_eq!(plan.stays[0].outcome, Outcome::Updated, "changed on A only");
    assert!(plan.conflicts().is_empty(), "nothing for the user to pick");
    let tally = plan.tally();
    assert_eq!((tally.combined, tally.updated, tally.unchanged), (1, 1, 5));

    let written = plan.records_to_write(|_, _| None);
    let sheet = &written.scene_sheets[0];
    assert_eq!(
        sheet.verdict("Z-CR-11"),
        Verdict::Compliant,
        "B's answer kept"
    );
    assert_eq!(
        sheet.verdict("Z-QT-01"),
        Verdict::NonCompliant,
        "A's answer taken"
    );
    assert_eq!(
        sheet.changed_on.as_deref(),
        Some("device-b"),
        "a state made here"
    );
    assert_eq!(sheet.updated_at, at(21));

    // A takes B's combined sheet back: the same answers on both tablets, and again nothing to
    // pick; a second import of the same file changes nothing.
    let mut on_a = incoming.clone();
    on_a.scene_sheets[0].changed_on = Some("device-a".into());
    let back = merge_plan(&on_a, &written, "device-a");
    assert_eq!(back.scene_sheets[0].outcome, Outcome::Updated);
    let on_a_after = back.records_to_write(|_, _| None);
    assert_eq!(on_a_after.scene_sheets[0].answers, sheet.answers);
    let mut b_after = local.clone();
    b_after.scene_sheets[0] = sheet.clone();
    assert_eq!(
        merge_plan(&b_after, &incoming, "device-b").scene_sheets[0].outcome,
        Outcome::KeptNewer,
        "B already holds everything A's file has"
    );
}

#[test]
fn one_answer_changed_on_both_devices_keeps_the_later_change_and_a_handling_counts_as_one() {
    let records = read(&exported(&stationed_records(), "device-a"))
        .unwrap()
        .records;
    let mut local = records.clone();
    local.scene_sheets[0].answer("Z-CR-11", day(11, 12), at(22), None, |a| {
        a.verdict = Verdict::NonCompliant;
        a.description = "预检分诊点未设置".into();
    });
    local.scene_sheets[0].changed_on = Some("device-b".into());
    let mut incoming = records.clone();
    incoming.scene_sheets[0].answer("Z-CR-11", day(11, 12), at(21), None, |a| {
        a.verdict = Verdict::Compliant;
    });
    // The 组长 on A settles the handling of the problem recorded before the export.
    let problem = ProblemSource::Point(
        records.scene_sheets[0]
            .answers
            .iter()
            .find(|(_, a)| a.verdict == Verdict::NonCompliant)
            .map(|(id, _)| id.clone())
            .expect("the fixture's sheet has a problem"),
    );
    assert!(incoming.scene_sheets[0].set_handling(
        &problem,
        Some(ProblemHandling::Opinion {
            note: "完善制度".into()
        }),
        at(23)
    ));
    let written = merge_plan(&local, &incoming, "device-b").records_to_write(|_, _| None);
    let sheet = &written.scene_sheets[0];
    assert_eq!(
        sheet.verdict("Z-CR-11"),
        Verdict::NonCompliant,
        "B's later answer wins"
    );
    assert_eq!(sheet.answers["Z-CR-11"].description, "预检分诊点未设置");
    assert_eq!(
        sheet.handling(&problem),
        Some(&ProblemHandling::Opinion {
            note: "完善制度".into()
        }),
        "A's handling taken"
    );
}

#[test]
fn a_stay_edited_on_both_devices_names_its_hospital_and_start() {
    let records = read(&exported(&stationed_records(), "device-a"))
        .unwrap()
        .records;
    let mut local = records.clone();
    local.stays[0].office = "门诊楼二楼".into();
    local.stays[0].changed_on = Some("device-b".into());
    let mut incoming = records;
    incoming.stays[0].office = "行政楼一楼".into();
    let conflicts = merge_plan(&local, &incoming, "device-b").conflicts();
    assert_eq!(
        (conflicts[0].kind, conflicts[0].title.as_str()),
        ("驻点", "zd-hospital（2026-11-09起）")
    );
}

#[test]
fn a_hospital_matched_by_registration_number_takes_the_stay_along() {
    let records = read(&exported(&stationed_records(), "device-a"))
        .unwrap()
        .records;
    let mut local = Records::default();
    let mut mine = records.institutions[0].clone();
    mine.id = "local-hospital".into();
    mine.changed_on = Some("device-b".into());
    local.institutions.push(mine);
    let plan = merge_plan(&local, &records, "device-b");
    assert_eq!(
        plan.matched,
        vec![(HOSPITAL.to_string(), "local-hospital".to_string())]
    );
    assert_eq!(plan.stays[0].incoming.institution_id, "local-hospital");
    assert_eq!(plan.plans[0].incoming.institution_ids, ["local-hospital"]);
    // What is written refers only to the device's hospital.
    let written = plan.records_to_write(|_, _| Some(Choice::TakeIncoming));
    let mut device = local.clone();
    device.institutions = written.institutions.clone();
    device.inspectors = written.inspectors;
    device.plans = written.plans;
    device.stays = written.stays;
    device.scene_sheets = written.scene_sheets;
    assert!(read(&exported(&device, "device-b")).is_ok());
}
