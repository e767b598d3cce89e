//! A stay built by hand for the tests of its documents and its 问题汇总表: real ids of the 2024
//! catalog, nine problems over three content areas with every handling, and sheets that must
//! contribute nothing.

use chrono::NaiveDate;
use jiandu::domain::inspection::Verdict;
use jiandu::domain::stationed::documents::StayFacts;
use jiandu::domain::stationed::scenes::edition_2024;
use jiandu::domain::stationed::sheet::{
    Complaint, ComplaintFinding, ProblemHandling, Recheck, RecheckResult, SceneSheet,
};
use jiandu::domain::stationed::stay::Stay;

use super::at;

pub const HOSPITAL: &str = "XX县人民医院";
pub const STAY: &str = "stay-1";

pub fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).expect("valid date")
}

/// The day the register and documents are made: after the fever clinic's deadline.
pub fn today() -> NaiveDate {
    day(11, 20)
}

pub fn stay() -> Stay {
    let mut stay = Stay::new(
        STAY.into(),
        "plan-1".into(),
        "h-1".into(),
        "2024".into(),
        at(1),
    );
    stay.start = Some(day(10, 8));
    stay.end = Some(day(10, 25));
    stay.group.leader = Some("i-1".into());
    stay.group.deputy = Some("i-2".into());
    stay.group.members = vec!["i-3".into(), "i-gone".into()];
    stay.group.township_staff = vec!["钱七".into()];
    stay
}

pub fn name(id: &str) -> Option<String> {
    match id {
        "i-1" => Some("张三".into()),
        "i-2" => Some("李四".into()),
        "i-3" => Some("王五".into()),
        _ => None,
    }
}

fn rectify(deadline: NaiveDate, recheck: Option<Recheck>) -> Option<ProblemHandling> {
    Some(ProblemHandling::Rectify {
        deadline: Some(deadline),
        recheck,
    })
}

/// A sheet of `stay` for `target` with 不符合 answers (point, description, evidence, handling).
fn sheet(
    stay: &str,
    target: &str,
    problems: Vec<(&str, &str, &str, Option<ProblemHandling>)>,
) -> SceneSheet {
    let mut sheet = SceneSheet::new(stay, target, at(1));
    for (point, description, evidence, handling) in problems {
        sheet.answer(point, day(10, 9), at(2), Some("i-1".into()), |a| {
            a.verdict = Verdict::NonCompliant;
            a.description = description.into();
            a.evidence = evidence.into();
            a.handling = handling;
        });
    }
    sheet
}

fn complaint(id: &str, finding: ComplaintFinding, handling: Option<ProblemHandling>) -> Complaint {
    Complaint {
        id: id.into(),
        content: "夜间急诊无医师值班".into(),
        source: "12345热线".into(),
        area: "YL".into(),
        finding,
        description: "10月12日夜间急诊由护士接诊".into(),
        evidence: "排班表".into(),
        on: day(10, 14),
        updated_at: at(3),
        handling,
        media: Vec::new(),
    }
}

/// Nine problems over three areas, one of each handling, one without, one overdue, plus
/// sheets that must contribute nothing (another stay's, a lacking scene, a compliant answer).
pub fn sheets() -> Vec<SceneSheet> {
    let mut emergency = sheet(
        STAY,
        "emergency",
        vec![
            ("Z-YL-06", "急诊科未设置急诊抢救室", "", None),
            (
                "Z-CR-07",
                "2例流感病例未按规定报告。",
                "门诊日志第12页",
                rectify(
                    day(11, 10),
                    Some(Recheck {
                        on: day(11, 12),
                        result: RecheckResult::Corrected,
                        note: String::new(),
                    }),
                ),
            ),
        ],
    );
    emergency.answer("Z-YL-09", day(10, 9), at(2), None, |a| {
        a.verdict = Verdict::Compliant
    });
    let mut complaints = SceneSheet::new(STAY, "complaints", at(1));
    complaints.complaints = vec![
        complaint(
            "c-1",
            ComplaintFinding::Confirmed,
            Some(ProblemHandling::Transfer {
                department: String::new(),
            }),
        ),
        complaint("c-2", ComplaintFinding::Unfounded, None),
    ];
    let mut lacking = sheet(
        STAY,
        "hemodialysis",
        vec![("Z-YL-11", "不应出现", "", None)],
    );
    lacking.not_applicable = Some("未开展血液透析".into());
    vec![
        emergency,
        sheet(
            STAY,
            "medical_affairs",
            vec![(
                "Z-YL-01",
                "逾期不校验《医疗机构执业许可证》仍从事诊疗活动",
                "许可证复印件",
                Some(ProblemHandling::Case {
                    note: "卫医罚〔2024〕1号".into(),
                }),
            )],
        ),
        sheet(
            STAY,
            "documents",
            vec![(
                "Z-YL-05",
                "聘用2名非卫生技术人员从事医疗卫生技术工作",
                "",
                Some(ProblemHandling::Advice),
            )],
        ),
        complaints,
        sheet(
            STAY,
            "fever_clinic",
            vec![("Z-CR-07", "漏报传染病疫情", "", rectify(day(11, 15), None))],
        ),
        sheet(
            STAY,
            "stomatology",
            vec![
                (
                    "Z-CR-20",
                    "口腔诊疗器械未做到一人一用一消毒或灭菌",
                    "现场照片3张",
                    Some(ProblemHandling::Opinion {
                        note: "建立器械消毒登记制度".into(),
                    }),
                ),
                (
                    "Z-FS-04",
                    "放射防护设施不符合要求",
                    "",
                    Some(ProblemHandling::Advice),
                ),
            ],
        ),
        sheet(
            STAY,
            "medical_waste",
            vec![(
                "Z-CR-22",
                "医疗废物暂存处未设置警示标识",
                "",
                Some(ProblemHandling::Transfer {
                    department: "县生态环境局".into(),
                }),
            )],
        ),
        sheet(
            "stay-2",
            "pharmacy",
            vec![("Z-YL-12", "其他驻点的问题", "", None)],
        ),
        lacking,
    ]
}

pub fn facts<'a>(sheets: &'a [SceneSheet], stay: &'a Stay) -> StayFacts<'a> {
    StayFacts::new(edition_2024(), stay, HOSPITAL, sheets, name)
}
