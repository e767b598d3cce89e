//! The sample's 驻点监督: a plan for the year of `today` listing the sample's graded hospitals
//! (示例县人民医院 二级 公立, 示例仁和医院 一级 民营), and two stays of it:
//! - 示例仁和医院, finished: two weeks ending about two months ago, 汇总会 and 反馈 held; every
//!   scene done or lacking as a whole (合理缺项), 15 problems across the five content areas and
//!   the 书面审查 list, each handled (责令限期改正 with 复查 已改正 or 逾期未改正, one still
//!   overdue, 立案查处, 整改意见, 移送, 监督建议书);
//! - 示例县人民医院, in progress: started four days ago, five scenes done, four sheets begun, the
//!   rest not started, four problems not yet handled, no 汇总会.
//!
//! The records are data below, so the register can be counted by hand: `tests/domain/
//! sample_stationed.rs` holds the count. Days are offsets from `today` (negative: before) or,
//! for the work on a sheet, days of the stay (0: its first day).

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};

use super::{Sample, SAMPLE_PREFIX};
use crate::domain::inspection::Verdict;
use crate::domain::institution::InstitutionType;
use crate::domain::plan::{Plan, PlanKind};
use crate::domain::stationed::lottery::eligible;
use crate::domain::stationed::scenes::{edition_2024, StationedCatalog};
use crate::domain::stationed::sheet::{
    Complaint, ComplaintFinding as Cf, ProblemHandling, Recheck, RecheckResult as Rr, SceneSheet,
};
use crate::domain::stationed::stay::{Stay, StayGroup};

/// A stay of the sample plan.
struct SampleStay {
    /// Its id is `sample-stay-<key>`; the hospital is `sample-institution-<key>`.
    key: &'static str,
    /// First and last day, from `today`.
    start: i64,
    end: i64,
    /// 汇总会 and 反馈, from `today`.
    summary_meeting: Option<i64>,
    feedback_on: Option<i64>,
    /// Indexes into the sample's inspectors.
    leader: usize,
    deputy: usize,
    members: &'static [usize],
    township_staff: &'static [&'static str],
    office: &'static str,
    sheets: &'static [Sheet],
}

/// One scene's 现场监督表 (or the 书面审查 or 社会反映问题 list). Scenes without a sheet are
/// not started.
struct Sheet {
    target: &'static str,
    /// The day of the stay its points were answered.
    day: i64,
    progress: Progress,
    /// Points that cannot apply in this hospital (合理缺项), with the reason.
    lacking: &'static [(&'static str, &'static str)],
    /// The 不符合 answers; every other answered point is 符合.
    findings: &'static [Finding],
    complaints: &'static [ComplaintRow],
}

enum Progress {
    /// Every point answered, marked finished.
    Done,
    /// Only the first so many points answered (and the findings), not finished.
    Partly(usize),
    /// The hospital lacks the scene: 合理缺项 as a whole, with the reason.
    Lacking(&'static str),
}

struct Finding {
    point: &'static str,
    /// 问题描述: the point's 规范用语, then what was seen.
    description: &'static str,
    evidence: &'static str,
    handling: Option<Handling>,
}

struct ComplaintRow {
    content: &'static str,
    source: &'static str,
    area: &'static str,
    finding: Cf,
    description: &'static str,
    evidence: &'static str,
    /// The day of the stay it was verified.
    day: i64,
    handling: Option<Handling>,
}

/// A [`ProblemHandling`] as constant data; days from `today`.
enum Handling {
    Case(&'static str),
    /// 责令限期改正: the deadline, and the 复查 (day, result, note) if done.
    Rectify(i64, Option<(i64, Rr, &'static str)>),
    Opinion(&'static str),
    Transfer(&'static str),
    Advice,
}

/// A sheet finished with every point 符合.
const fn done(target: &'static str, day: i64) -> Sheet {
    Sheet {
        target,
        day,
        progress: Progress::Done,
        lacking: &[],
        findings: &[],
        complaints: &[],
    }
}

/// A scene the hospital does not have.
const fn lacking(target: &'static str, reason: &'static str) -> Sheet {
    Sheet {
        progress: Progress::Lacking(reason),
        ..done(target, 0)
    }
}

const fn finding(
    point: &'static str,
    description: &'static str,
    evidence: &'static str,
    handling: Option<Handling>,
) -> Finding {
    Finding {
        point,
        description,
        evidence,
        handling,
    }
}

/// 责令限期改正 by a deadline, not rechecked yet.
const fn rectify(deadline: i64) -> Option<Handling> {
    Some(Handling::Rectify(deadline, None))
}

/// 责令限期改正 by a deadline, and the 复查: its day, result and note.
const fn rechecked(deadline: i64, on: i64, result: Rr, note: &'static str) -> Option<Handling> {
    Some(Handling::Rectify(deadline, Some((on, result, note))))
}

const NO_BLOOD: &str = "未开展临床用血";
const NO_VACCINATION: &str = "未设置预防接种门诊，未承担预防接种工作";
const NO_MATERNAL: &str = "仅设妇科门诊，未开展助产等母婴保健技术服务";
const NO_RESTRICTED: &str = "未开展限制类医疗技术";

/// 示例仁和医院 (一级 民营, 放射诊疗): 14 days, from 73 to 60 days before `today`; 汇总会 56
/// and 反馈 53 days before. 26 scenes done, 6 lacking, both lists done: 34 sheets.
const RENHE: SampleStay = SampleStay {
    key: "renhe",
    start: -73,
    end: -60,
    summary_meeting: Some(-56),
    feedback_on: Some(-53),
    leader: 0,
    deputy: 1,
    members: &[2, 3],
    township_staff: &["刘敏（新华街道卫计办）"],
    office: "门诊楼三楼医务科旁会议室",
    sheets: &[
        Sheet {
            findings: &[finding(
                "Z-QT-02",
                "医疗广告内容与审查证明不一致（门诊大厅电子屏播放的无痛胃肠镜广告含“无效退款”等承诺性用语）",
                "现场录像1段，复印《医疗广告审查证明》1份",
                Some(Handling::Transfer("示例区市场监督管理局")),
            )],
            ..done("outpatient_hall", 0)
        },
        Sheet {
            findings: &[finding(
                "Z-YL-16",
                "抢救病历未在抢救结束后6小时内据实补记（抽查急诊抢救病历5份，2份于抢救结束次日补记）",
                "复印抢救病历2份，急诊抢救登记本拍照1张",
                rechecked(-38, -37, Rr::Corrected, "复查抽查急诊抢救病历3份，均在抢救结束后6小时内完成补记"),
            )],
            ..done("emergency", 1)
        },
        done("fever_clinic", 1),
        done("enteric_clinic", 2),
        done("stomatology", 2),
        Sheet {
            lacking: &[("Z-FY-01", NO_MATERNAL), ("Z-FY-02", NO_MATERNAL)],
            ..done("obstetrics_gynecology", 3)
        },
        lacking("physical_exam_center", "未设置体检中心，未开展健康体检"),
        lacking("hemodialysis", "未设置血液透析室"),
        done("outpatient_surgery", 3),
        Sheet {
            lacking: &[
                ("Z-CR-01", NO_VACCINATION),
                ("Z-CR-02", NO_VACCINATION),
                ("Z-CR-03", NO_VACCINATION),
                ("Z-CR-04", NO_VACCINATION),
            ],
            ..done("other_outpatient", 4)
        },
        Sheet {
            findings: &[
                finding(
                    "Z-YL-31",
                    "专柜未实行双人双锁管理（麻醉药品专柜仅设一把锁，钥匙由一名药师保管）",
                    "现场拍照2张，制作询问笔录1份",
                    rechecked(-46, -45, Rr::Corrected, "麻醉药品专柜已加装第二把锁，钥匙由两名药师分别保管"),
                ),
                finding(
                    "Z-YL-35",
                    "冷藏药品无温度监测记录（药房冷藏柜存放胰岛素等冷藏药品，近1个月无温度记录）",
                    "现场拍照冷藏柜及记录本2张",
                    // Past its deadline and not yet rechecked: the one still overdue.
                    rectify(-23),
                ),
            ],
            ..done("pharmacy", 4)
        },
        done("laboratory", 5),
        lacking("pathology", "未设置病理科，病理标本委托示例县人民医院诊断"),
        Sheet {
            lacking: &[
                ("Z-FS-19", "未开展核医学诊疗，无放射性同位素"),
                ("Z-FS-22", "未开展核医学诊疗，无放射性同位素"),
            ],
            findings: &[
                finding(
                    "Z-FS-08",
                    "未按规定进行个人剂量监测（放射科5名放射工作人员的个人剂量计上一季度未送检）",
                    "复印个人剂量监测报告1份",
                    // Monitoring is contracted out: 60 days, not yet due.
                    rectify(7),
                ),
                finding(
                    "Z-FS-17",
                    "机房门外未设置工作指示灯（DR机房）",
                    "现场拍照1张",
                    rechecked(-38, -37, Rr::Corrected, "DR机房门外已安装工作指示灯"),
                ),
            ],
            ..done("radiology", 6)
        },
        done("endoscopy", 7),
        Sheet {
            findings: &[finding(
                "Z-FY-03",
                "未设置禁止非医学需要的胎儿性别鉴定的醒目标识（B超室门口及候诊区均未设置）",
                "现场拍照2张",
                rechecked(-46, -45, Rr::Corrected, "B超室门口及候诊区已张贴禁止“两非”醒目标识"),
            )],
            ..done("ultrasound", 7)
        },
        Sheet {
            findings: &[finding(
                "Z-CR-18",
                "未开展灭菌效果生物监测（压力蒸汽灭菌器近3个月无生物监测记录）",
                "复印灭菌监测登记本3页",
                rechecked(-38, -36, Rr::Corrected, "已补做生物监测，近2周每周监测记录齐全"),
            )],
            ..done("sterile_supply", 8)
        },
        lacking("transfusion", "未设置输血科，未开展临床用血"),
        lacking("obstetric_ward", "未设置产科病区，未开展助产技术服务"),
        lacking("family_planning", "未开展计划生育技术服务"),
        Sheet {
            lacking: &[("Z-YL-28", NO_BLOOD)],
            findings: &[
                finding(
                    "Z-YL-16",
                    "病历书写不规范（抽查住院运行病历10份，3份首次病程记录缺少诊断依据）",
                    "复印病程记录3份",
                    Some(Handling::Opinion("加强运行病历质控，每月抽查并通报病历书写问题")),
                ),
                finding(
                    "Z-CR-23",
                    "医疗废物未分类收集（外科病区治疗室将使用后的注射针头混入感染性废物包装袋，未放入利器盒；该院2021年曾因医疗废物未分类收集受到行政处罚）",
                    "现场拍照3张，制作现场笔录1份；原处罚决定书示卫医罚〔2021〕22号",
                    // Penalised for the same in 2021 and still at it: 屡教不改.
                    Some(Handling::Advice),
                ),
            ],
            ..done("other_wards", 8)
        },
        Sheet {
            findings: &[finding(
                "Z-CR-26",
                "医疗废物交接登记项目不全（近1个月的交接登记缺少重量和经办人签名）",
                "拍照医疗废物交接登记本2页",
                Some(Handling::Opinion("完善医疗废物交接登记，逐项填写重量并由经办人签名")),
            )],
            ..done("medical_waste", 9)
        },
        done("sewage", 9),
        Sheet {
            lacking: &[("Z-YL-28", NO_BLOOD)],
            ..done("medical_records", 10)
        },
        Sheet {
            lacking: &[("Z-YL-21", NO_RESTRICTED), ("Z-YL-29", NO_BLOOD)],
            findings: &[finding(
                "Z-YL-22",
                "未对医师进行手术分级授权（外科4名医师均无手术分级授权文件）",
                "复印手术分级管理制度和外科医师名单各1份",
                rechecked(-23, -21, Rr::NotCorrected, "复查时仍未完成外科医师手术分级授权，转立案查处"),
            )],
            ..done("medical_affairs", 10)
        },
        done("nursing", 11),
        Sheet {
            findings: &[finding(
                "Z-YL-11",
                "允许执业注册有效期届满未延续注册的护士从事护理活动（内科病区1名护士注册有效期已届满，仍在护理岗位值班）",
                "复印护士执业证书和排班表各1份，制作现场笔录1份",
                Some(Handling::Case("护士执业注册有效期届满未延续注册仍从事护理活动，已立案")),
            )],
            ..done("personnel", 11)
        },
        done("infection_control", 12),
        done("quality_control", 12),
        done("equipment", 12),
        done("information", 13),
        done("finance", 13),
        Sheet {
            lacking: &[
                ("Z-YL-21", NO_RESTRICTED),
                ("Z-YL-29", NO_BLOOD),
                ("Z-CR-01", "未承担预防接种工作"),
                ("Z-FY-01", "未开展母婴保健技术服务"),
                ("Z-FY-02", "未开展母婴保健技术服务"),
                ("Z-FY-06", "未开展计划生育技术服务"),
                ("Z-FS-23", "未开展职业健康检查"),
            ],
            findings: &[finding(
                "Z-FS-10",
                "放射诊疗设备未进行年度状态检测（DR设备最近一次状态检测报告已超过1年，仍在使用）",
                "复印状态检测报告和设备使用登记各1份",
                Some(Handling::Case("放射诊疗设备未经年度状态检测仍在使用，已立案")),
            )],
            ..done("documents", 13)
        },
        Sheet {
            complaints: &[
                ComplaintRow {
                    content: "外科病区夜间由进修医师单独值班处理病人",
                    source: "12345热线转办",
                    area: "YL",
                    finding: Cf::Confirmed,
                    description: "核查外科病区排班表和值班记录，驻点期间有2个夜班由未取得《医师执业证书》的进修人员单独值班，无执业医师在岗",
                    evidence: "复印排班表和值班记录各1份，询问笔录2份",
                    day: 5,
                    handling: Some(Handling::Case("使用未取得《医师执业证书》的人员单独值班，已立案")),
                },
                ComplaintRow {
                    content: "门诊收费存在重复收费现象",
                    source: "患者来信",
                    area: "QT",
                    finding: Cf::Unfounded,
                    description: "抽查门诊和住院收费清单30份，收费项目与价格公示一致，未发现重复收费",
                    evidence: "复印收费清单3份",
                    day: 9,
                    handling: None,
                },
            ],
            ..done("complaints", 9)
        },
    ],
};

/// 示例县人民医院 (二级 公立): 15 days, from 4 days before `today` to 10 days after. 5 scenes
/// done, 1 lacking, 3 begun, both lists begun: 11 sheets; 23 scenes not started.
const COUNTY: SampleStay = SampleStay {
    key: "hospital",
    start: -4,
    end: 10,
    summary_meeting: None,
    feedback_on: None,
    leader: 1,
    deputy: 2,
    members: &[3],
    township_staff: &["周丽（城关镇卫计办）"],
    office: "行政楼二楼小会议室",
    sheets: &[
        done("outpatient_hall", 0),
        Sheet {
            findings: &[finding(
                "Z-YL-37",
                "未对医疗器械进行定期检查、校准、保养、维护并记录（急诊抢救室除颤仪无日常检查维护记录）",
                "现场拍照1张",
                None,
            )],
            ..done("emergency", 0)
        },
        done("fever_clinic", 1),
        Sheet {
            findings: &[finding(
                "Z-CR-33",
                "腹泻病人登记不全（近1个月登记的12例腹泻病人中4例未登记霍乱弧菌检测结果）",
                "拍照腹泻病人登记本2页",
                None,
            )],
            ..done("enteric_clinic", 1)
        },
        Sheet {
            findings: &[finding(
                "Z-YL-23",
                "透析用水未按规定检测（透析用水细菌培养近3个月无检测记录）",
                "复印水处理设备运行记录1份",
                None,
            )],
            ..done("hemodialysis", 2)
        },
        lacking("family_planning", "未开展计划生育技术服务"),
        Sheet {
            progress: Progress::Partly(4),
            ..done("pharmacy", 3)
        },
        Sheet {
            progress: Progress::Partly(5),
            findings: &[finding(
                "Z-CR-35",
                "生物安全柜未定期检测（微生物室生物安全柜的检测报告已超过1年）",
                "现场拍照1张，复印检测报告1份",
                None,
            )],
            ..done("laboratory", 3)
        },
        Sheet {
            progress: Progress::Partly(8),
            ..done("radiology", 4)
        },
        Sheet {
            progress: Progress::Partly(12),
            ..done("documents", 2)
        },
        Sheet {
            progress: Progress::Partly(0),
            complaints: &[ComplaintRow {
                content: "门诊收费处收取挂号费后未出具收据",
                source: "驻点监督公示电话",
                area: "QT",
                finding: Cf::Pending,
                description: "",
                evidence: "",
                day: 3,
                handling: None,
            }],
            ..done("complaints", 3)
        },
    ],
};

/// Adds the 驻点监督 plan and its two stays to the sample (after the hospitals and officers are
/// in it).
pub(super) fn extend(
    sample: &mut Sample,
    checklist_edition: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), String> {
    let year = today.year();
    let mut plan = Plan::new(
        format!("{SAMPLE_PREFIX}plan-stationed"),
        PlanKind::Stationed,
        year,
        checklist_edition,
        now,
    );
    plan.name = format!("{year}年医疗机构驻点监督（示例）");
    // The yearly work summary is due by 12月31日.
    plan.deadline = NaiveDate::from_ymd_opt(year, 12, 31);
    plan.institution_ids = eligible(&sample.institutions)
        .into_iter()
        .map(|c| c.id)
        .collect();
    plan.add_target(InstitutionType::Hospital, plan.institution_ids.len() as u32);
    let catalog = edition_2024();
    for row in [&RENHE, &COUNTY] {
        let stay = stay(row, &plan, sample, catalog, now, today)?;
        for sheet in row.sheets {
            let built = scene_sheet(sheet, &stay, catalog, now, today)?;
            sample.scene_sheets.push(built);
        }
        sample.stays.push(stay);
    }
    sample.plans.push(plan);
    Ok(())
}

/// The day `offset` days from `today`.
fn day(today: NaiveDate, offset: i64) -> NaiveDate {
    today
        .checked_add_signed(TimeDelta::days(offset))
        .unwrap_or(today)
}

fn stay(
    row: &SampleStay,
    plan: &Plan,
    sample: &Sample,
    catalog: &StationedCatalog,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Stay, String> {
    let hospital = format!("{SAMPLE_PREFIX}institution-{}", row.key);
    if !plan.institution_ids.contains(&hospital) {
        return Err(format!("示例数据：驻点监督任务未列入 {hospital}"));
    }
    let officer = |n: usize| {
        sample
            .inspectors
            .get(n)
            .map(|o| o.id.clone())
            .ok_or_else(|| format!("示例数据：缺少第{}名执法人员", n + 1))
    };
    let mut stay = Stay::new(
        format!("{SAMPLE_PREFIX}stay-{}", row.key),
        plan.id.clone(),
        hospital,
        catalog.edition.clone(),
        now,
    );
    stay.start = Some(day(today, row.start));
    stay.end = Some(day(today, row.end));
    stay.summary_meeting = row.summary_meeting.map(|d| day(today, d));
    stay.feedback_on = row.feedback_on.map(|d| day(today, d));
    stay.group = StayGroup {
        leader: Some(officer(row.leader)?),
        deputy: Some(officer(row.deputy)?),
        members: row
            .members
            .iter()
            .map(|&n| officer(n))
            .collect::<Result<_, _>>()?,
        township_staff: row.township_staff.iter().map(|s| s.to_string()).collect(),
    };
    stay.office = row.office.to_string();
    Ok(stay)
}

fn scene_sheet(
    row: &Sheet,
    stay: &Stay,
    catalog: &StationedCatalog,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<SceneSheet, String> {
    let mut sheet = SceneSheet::new(&stay.id, row.target, now);
    let at = |d: i64| stay.start.map_or(today, |s| day(s, d));
    let known =
        catalog.scene(row.target).is_some() || catalog.lists.iter().any(|l| l.id == row.target);
    if !known {
        return Err(format!("示例数据：驻点监督表没有 {}", row.target));
    }
    // Sheets are filled in on the members' tablets in turn.
    let officers = stay.group.officers();
    let by = officers
        .get(row.day as usize % officers.len().max(1))
        .map(|(id, _)| id.to_string());
    let on = at(row.day);
    let ids = sheet.point_ids(catalog);
    let answered = match row.progress {
        Progress::Lacking(reason) => {
            sheet.not_applicable = Some(reason.to_string());
            return Ok(sheet);
        }
        Progress::Done => ids.len(),
        Progress::Partly(n) => n,
    };
    for (point, _) in row.lacking {
        if !ids.iter().any(|id| id == point) {
            return Err(format!("示例数据：{} 没有检查要点 {point}", row.target));
        }
    }
    for f in row.findings {
        if !ids.iter().any(|id| id == f.point) {
            return Err(format!("示例数据：{} 没有检查要点 {}", row.target, f.point));
        }
    }
    for id in ids.iter().take(answered) {
        sheet.answer(id, on, now, by.clone(), |a| {
            match row.lacking.iter().find(|(p, _)| p == id) {
                Some((_, reason)) => {
                    a.verdict = Verdict::NotApplicable;
                    a.not_applicable_reason = reason.to_string();
                }
                None => a.verdict = Verdict::Compliant,
            }
        });
    }
    for f in row.findings {
        sheet.answer(f.point, on, now, by.clone(), |a| {
            a.verdict = Verdict::NonCompliant;
            a.not_applicable_reason.clear();
            a.description = f.description.to_string();
            a.evidence = f.evidence.to_string();
            a.handling = f.handling.as_ref().map(|h| handling(h, today));
        });
    }
    for (n, c) in row.complaints.iter().enumerate() {
        sheet.complaints.push(Complaint {
            id: format!("{}-complaint-{}", stay.id, n + 1),
            content: c.content.to_string(),
            source: c.source.to_string(),
            area: c.area.to_string(),
            finding: c.finding,
            description: c.description.to_string(),
            evidence: c.evidence.to_string(),
            on: at(c.day),
            updated_at: now,
            handling: c.handling.as_ref().map(|h| handling(h, today)),
            media: Vec::new(),
        });
    }
    sheet.done = matches!(row.progress, Progress::Done);
    Ok(sheet)
}

fn handling(h: &Handling, today: NaiveDate) -> ProblemHandling {
    match *h {
        Handling::Case(note) => ProblemHandling::Case {
            note: note.to_string(),
        },
        Handling::Rectify(deadline, recheck) => ProblemHandling::Rectify {
            deadline: Some(day(today, deadline)),
            recheck: recheck.map(|(on, result, note)| Recheck {
                on: day(today, on),
                result,
                note: note.to_string(),
            }),
        },
        Handling::Opinion(note) => ProblemHandling::Opinion {
            note: note.to_string(),
        },
        Handling::Transfer(department) => ProblemHandling::Transfer {
            department: department.to_string(),
        },
        Handling::Advice => ProblemHandling::Advice,
    }
}
