//! The 驻点监督 records the exchange tests, the schema test and the version-2 fixture are made
//! from.

use chrono::NaiveDate;
use jiandu::domain::exchange::Records;
use jiandu::domain::inspection::Verdict;
use jiandu::domain::inspector::{AssignmentRole, Inspector};
use jiandu::domain::institution::{HospitalLevel, Institution, InstitutionType, Ownership};
use jiandu::domain::plan::{Plan, PlanKind};
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::{
    Complaint, ComplaintFinding, ProblemHandling, Recheck, RecheckResult, SceneSheet,
};
use jiandu::domain::stationed::stay::Stay;

use crate::at;

pub const PLAN: &str = "zd-plan-2026";
pub const HOSPITAL: &str = "zd-hospital";
pub const STAY: &str = "zd-stay-1";
pub const LEADER: &str = "zd-officer-1";
pub const DEPUTY: &str = "zd-officer-2";

pub fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).expect("a valid date")
}

/// One 驻点监督 plan with its hospital, two officers, one stay with its group, and two sheets:
/// 门诊大厅 with a 不符合 answer to be corrected by a deadline, and 血液透析中心 lacked as a
/// whole (合理缺项). Exactly what the plan needs, so `for_plan` of a larger set gives it back.
pub fn stationed_records() -> Records {
    let mut hospital = Institution::new(HOSPITAL.into(), at(1));
    hospital.name = "示例市第二人民医院（驻点示例）".into();
    hospital.registration_number = "12500000MB1234567A".into();
    hospital.kind = Some(InstitutionType::Hospital);
    hospital.level = Some(HospitalLevel::Second);
    hospital.ownership = Some(Ownership::Public);
    hospital.address = "城关镇示例大道100号".into();
    hospital.township = "城关镇".into();
    let officer = |id: &str, name: &str, certificate: &str| {
        let mut o = Inspector::new(id.into(), at(1));
        o.name = name.into();
        o.certificate_number = certificate.into();
        o.unit = "示例区卫生健康执法支队".into();
        o
    };
    let mut plan = Plan::new(PLAN.into(), PlanKind::Stationed, 2026, "2022", at(1));
    plan.name = "2026年医疗机构驻点监督（示例）".into();
    plan.add_target(InstitutionType::Hospital, 1);
    plan.institution_ids.push(HOSPITAL.into());

    let mut stay = Stay::new(
        STAY.into(),
        PLAN.into(),
        HOSPITAL.into(),
        edition_2024().edition.clone(),
        at(2),
    );
    stay.start = Some(day(11, 9));
    stay.end = Some(day(11, 20));
    stay.group.assign(LEADER, AssignmentRole::Leader);
    stay.group.assign(DEPUTY, AssignmentRole::Deputy);
    stay.group.township_staff = vec!["王芳（城关镇卫生院）".into()];
    stay.office = "行政楼三楼小会议室".into();
    stay.summary_meeting = Some(day(11, 20));

    let mut hall = SceneSheet::new(STAY, "outpatient_hall", at(10));
    hall.answer("Z-YL-02", day(11, 10), at(10), Some(LEADER.into()), |a| {
        a.verdict = Verdict::NonCompliant;
        a.description = "未公示诊疗科目、诊疗时间和收费标准".into();
        a.evidence = "门诊大厅现场查看，拍照2张".into();
        a.handling = Some(ProblemHandling::Rectify {
            deadline: Some(day(12, 10)),
            recheck: None,
        });
    });
    hall.answer("Z-YL-13", day(11, 10), at(10), Some(DEPUTY.into()), |a| {
        a.verdict = Verdict::Compliant;
    });
    let mut dialysis = SceneSheet::new(STAY, "hemodialysis", at(11));
    dialysis.not_applicable = Some("本院未设血液透析中心".into());
    dialysis.done = true;

    Records {
        institutions: vec![hospital],
        inspectors: vec![
            officer(LEADER, "赵强（示例）", "示例执法101"),
            officer(DEPUTY, "钱敏（示例）", "示例执法102"),
        ],
        plans: vec![plan],
        inspections: Vec::new(),
        stays: vec![stay],
        scene_sheets: vec![hall, dialysis],
    }
}

/// The stationed records with every stored shape: each kind of handling (a 责令限期改正 with its
/// 复查), an answer without one, the 社会反映问题 list with a complaint, a stay without dates.
pub fn every_stationed_shape() -> Records {
    let mut records = stationed_records();
    let mut review = SceneSheet::new(STAY, "documents", at(12));
    let handlings = [
        ProblemHandling::Case {
            note: "已达立案标准".into(),
        },
        ProblemHandling::Rectify {
            deadline: Some(day(12, 1)),
            recheck: Some(Recheck {
                on: day(12, 2),
                result: RecheckResult::NotCorrected,
                note: "逾期未改".into(),
            }),
        },
        ProblemHandling::Opinion {
            note: "完善院内制度".into(),
        },
        ProblemHandling::Transfer {
            department: "市场监督管理局".into(),
        },
        ProblemHandling::Advice,
    ];
    for (n, handling) in handlings.into_iter().enumerate() {
        review.answer(&format!("P{n}"), day(11, 12), at(12), None, |a| {
            a.verdict = Verdict::NonCompliant;
            a.handling = Some(handling);
        });
    }
    review.answer("P9", day(11, 12), at(12), None, |a| {
        a.verdict = Verdict::NotApplicable;
        a.not_applicable_reason = "未开展".into();
    });
    let mut complaints = SceneSheet::new(STAY, "complaints", at(13));
    complaints.complaints.push(Complaint {
        id: "c1".into(),
        content: "门诊收费不透明".into(),
        source: "12345热线".into(),
        area: "YL".into(),
        finding: ComplaintFinding::PartlyConfirmed,
        description: "部分项目未公示".into(),
        evidence: "收费公示栏照片".into(),
        on: day(11, 13),
        updated_at: at(13),
        handling: Some(ProblemHandling::Advice),
        media: Vec::new(),
    });
    records.scene_sheets.extend([review, complaints]);
    let mut undated = Stay::new(
        "zd-stay-2".into(),
        PLAN.into(),
        HOSPITAL.into(),
        "2024".into(),
        at(3),
    );
    undated.group.members.push(DEPUTY.into());
    records.stays.push(undated);
    records
}
