//! The sample's 回头看: a plan from the 2022 template, six units penalised in 2021 (two per
//! campaign; the cosmetology campaign's a 非医疗机构 and a 医疗机构) and one follow-up of each,
//! five counted and one still a draft, so every row of 附表3 has something to show. The records
//! are data below, so the table can be counted by hand: `tests/domain/sample.rs` holds the count.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::{roster_entry, team, Sample, SAMPLE_PREFIX};
use crate::domain::catalog::{Catalog, CheckPoint, SummaryColumn as C};
use crate::domain::handling::Handling;
use crate::domain::huitoukan::{Campaign, OriginalViolation, Penalty, Rectification as R};
use crate::domain::inspection::{Inspection, InspectionStatus as St, StatusProblem, Verdict};
use crate::domain::institution::{
    HospitalLevel, Institution, InstitutionType as T, Ownership, Service as S,
};
use crate::domain::labelled::Labelled;
use crate::domain::plan::{Plan, PlanKind, PlanTemplate};

/// A unit of the follow-up population, its 2021 penalty and its follow-up.
struct Unit {
    /// Its id is `sample-institution-<key>`.
    key: &'static str,
    /// `None`: the unit is already in the sample's roster under its key.
    new: Option<NewUnit>,
    campaign: Campaign,
    decision_number: &'static str,
    violations: &'static [Violation],
    follow_up: FollowUp,
}

/// A unit added to the roster for the 回头看.
struct NewUnit {
    name: &'static str,
    kind: T,
    services: &'static [S],
    township: &'static str,
    /// The credit code's first 10 characters (registration authority, kind, division, …).
    code_head: &'static str,
    /// Hospitals only.
    hospital: Option<(HospitalLevel, Ownership)>,
}

/// An original violation and what the follow-up found about it (`None`: not yet decided).
struct Violation {
    text: &'static str,
    column: Option<C>,
    found: Option<Found>,
}

struct Found {
    status: R,
    observation: &'static str,
    /// What still stands (部分整改 and 未整改 only).
    note: &'static str,
}

/// The follow-up inspection: status, days before `today`, officers (indexes into the sample's
/// inspectors), the areas whose points are answered (符合, or 合理缺项 where a point cannot apply
/// in practice) and the 不符合 findings.
struct FollowUp {
    status: St,
    back: u64,
    leader: usize,
    member: usize,
    areas: &'static [&'static str],
    findings: &'static [Finding],
}

struct Finding {
    point: &'static str,
    description: &'static str,
    measures: &'static [Measure],
}

/// A [`Handling`] as constant data; a correction deadline counts days from the inspection.
enum Measure {
    Correct(u64),
    Case(&'static str),
    Fine(u64),
    RevokeSubject(&'static str),
    Transfer(&'static str),
    Advice(&'static str),
}

const fn found(status: R, observation: &'static str, note: &'static str) -> Option<Found> {
    Some(Found {
        status,
        observation,
        note,
    })
}

/// The six units in the plan's order: 附表3 rows 1, 1, 2, 2, 3, 4.
const UNITS: [Unit; 6] = [
    Unit {
        key: "kangning",
        new: Some(NewUnit {
            name: "示例康宁诊所",
            kind: T::Clinic,
            services: &[],
            township: "城关镇",
            code_head: "91500000MA",
            hospital: None,
        }),
        campaign: Campaign::LawfulPractice,
        decision_number: "示卫医罚〔2021〕15号",
        violations: &[
            Violation {
                text: "使用非卫生技术人员从事医疗卫生技术工作",
                column: Some(C::StaffQualification),
                found: found(
                    R::Rectified,
                    "已辞退无资格人员，在岗人员均持有相应执业证书",
                    "",
                ),
            },
            Violation {
                text: "执业助理医师开具的处方未经执业医师签名",
                column: Some(C::Prescription),
                found: found(
                    R::Partly,
                    "抽查处方30张，2张执业助理医师开具的处方未经执业医师签名",
                    "仍有执业助理医师开具的处方未经执业医师签名",
                ),
            },
        ],
        follow_up: FollowUp {
            status: St::Reviewed,
            back: 40,
            leader: 0,
            member: 1,
            areas: &["M1", "M2", "M5"],
            findings: &[Finding {
                point: "M5.1.2",
                description: "执业助理医师开具的处方未经执业医师签名（抽查30张，2张未签名）",
                measures: &[
                    Measure::Correct(15),
                    Measure::Case("示卫医罚〔2022〕201号"),
                    Measure::Fine(5_000),
                ],
            }],
        },
    },
    Unit {
        key: "renhe",
        new: Some(NewUnit {
            name: "示例仁和医院",
            kind: T::Hospital,
            services: &[S::Radiology],
            township: "新华街道",
            code_head: "91500000MA",
            hospital: Some((HospitalLevel::First, Ownership::Private)),
        }),
        campaign: Campaign::LawfulPractice,
        decision_number: "示卫医罚〔2021〕22号",
        violations: &[
            Violation {
                text: "病历书写不规范，住院病历记录不完整",
                column: Some(C::MedicalRecord),
                found: found(R::Rectified, "抽查住院病历10份，书写规范、记录完整", ""),
            },
            Violation {
                text: "医疗废物未按规定分类收集",
                column: None,
                found: found(
                    R::Partly,
                    "医疗废物暂存处已设置分类收集容器",
                    "外科病区仍将损伤性废物混入感染性废物",
                ),
            },
        ],
        follow_up: FollowUp {
            status: St::Completed,
            back: 33,
            leader: 1,
            member: 2,
            areas: &["M1", "M2", "M3", "M5"],
            findings: &[
                Finding {
                    point: "M2.6.1",
                    description: "允许未取得《护士执业证书》的人员从事护理活动（内科病区1人）",
                    measures: &[
                        Measure::Correct(30),
                        Measure::Case("示卫医罚〔2022〕202号"),
                        Measure::Fine(20_000),
                    ],
                },
                Finding {
                    point: "M5.1.5",
                    description: "药师未对处方进行审核",
                    measures: &[Measure::Correct(30)],
                },
                Finding {
                    point: "M5.2.5",
                    description: "病程记录未按时限完成",
                    measures: &[Measure::Advice(
                        "加强病历书写时限管理，每月开展运行病历质控",
                    )],
                },
            ],
        },
    },
    Unit {
        key: "hekou",
        new: Some(NewUnit {
            name: "示例河口镇卫生院",
            kind: T::TownshipHealthCenter,
            services: &[],
            township: "河口镇",
            code_head: "12500000MB",
            hospital: None,
        }),
        campaign: Campaign::RandomSupervision,
        decision_number: "示卫医罚〔2021〕31号",
        violations: &[
            Violation {
                text: "抗菌药物分级管理不落实，医师越级开具限制使用级抗菌药物",
                column: Some(C::Antimicrobial),
                found: found(
                    R::Partly,
                    "已制定抗菌药物分级管理制度并完成医师处方权授权",
                    "仍有1名医师越级开具限制使用级抗菌药物",
                ),
            },
            Violation {
                text: "使用过期失效药品",
                column: Some(C::PracticeActivity),
                found: found(
                    R::Rectified,
                    "药房药品均在有效期内，已建立近效期药品登记",
                    "",
                ),
            },
        ],
        follow_up: FollowUp {
            status: St::Completed,
            back: 26,
            leader: 2,
            member: 0,
            areas: &["M1", "M3", "M5"],
            findings: &[
                Finding {
                    point: "M3.2.2",
                    description: "医师越级开具抗菌药物处方",
                    measures: &[
                        Measure::Correct(30),
                        Measure::Case("示卫医罚〔2022〕203号"),
                        Measure::Fine(3_000),
                    ],
                },
                Finding {
                    point: "M3.3.2",
                    description: "使用过期、失效的医疗器械（一次性使用输液器2盒已过期）",
                    measures: &[Measure::Correct(7)],
                },
            ],
        },
    },
    Unit {
        key: "huimin",
        new: Some(NewUnit {
            name: "示例惠民中医诊所",
            kind: T::Clinic,
            services: &[S::TraditionalChineseMedicine],
            township: "示例镇",
            code_head: "91500000MA",
            hospital: None,
        }),
        campaign: Campaign::RandomSupervision,
        decision_number: "示卫医罚〔2021〕36号",
        violations: &[
            Violation {
                text: "未建立并执行医疗器械进货查验记录制度",
                column: Some(C::MedicalDevice),
                found: found(R::Rectified, "已建立医疗器械进货查验记录", ""),
            },
            Violation {
                text: "医师超出注册的执业范围执业",
                column: Some(C::Physician),
                found: None,
            },
        ],
        // Still being filled in: it does not count in 附表3 (检查单位数 1 of 2 in its row).
        follow_up: FollowUp {
            status: St::Draft,
            back: 3,
            leader: 0,
            member: 2,
            areas: &["M3"],
            findings: &[],
        },
    },
    Unit {
        key: "beauty",
        new: None,
        campaign: Campaign::IllegalCosmetology,
        decision_number: "示卫医罚〔2021〕40号",
        violations: &[
            Violation {
                text: "未取得《医疗机构执业许可证》擅自开展医疗美容项目（注射玻尿酸）",
                column: Some(C::License),
                found: found(
                    R::NotRectified,
                    "复查时店内有顾客正在接受玻尿酸注射",
                    "仍未取得《医疗机构执业许可证》，继续开展玻尿酸注射",
                ),
            },
            Violation {
                text: "使用非卫生技术人员从事医疗美容操作",
                column: Some(C::StaffQualification),
                found: found(
                    R::Rectified,
                    "美容师已不再从事注射操作（现由外院医师到店注射，另行处理）",
                    "",
                ),
            },
        ],
        follow_up: FollowUp {
            status: St::Reviewed,
            back: 19,
            leader: 1,
            member: 0,
            areas: &["N1", "N2", "N3", "N4", "N5"],
            findings: &[
                Finding {
                    point: "N1.1.1",
                    description: "未取得《医疗机构执业许可证》擅自开展医疗美容项目",
                    measures: &[
                        Measure::Case("示卫医罚〔2022〕204号"),
                        // 罚款 and 没收违法所得: both are 罚没款.
                        Measure::Fine(20_000),
                        Measure::Fine(3_500),
                    ],
                },
                Finding {
                    point: "N2.2.1",
                    description: "外院医师到本场所“走穴”为顾客注射玻尿酸",
                    measures: &[Measure::Transfer("该医师执业注册地卫生健康行政部门")],
                },
                Finding {
                    point: "N3.1.1",
                    description: "擅自开展玻尿酸注射填充",
                    measures: &[Measure::Correct(0)],
                },
                Finding {
                    point: "N4.2.1",
                    description: "使用注射器为顾客实施医疗美容",
                    measures: &[Measure::Correct(0)],
                },
                Finding {
                    point: "N4.2.2",
                    description: "使用未依法注册的透明质酸钠凝胶",
                    measures: &[Measure::Transfer("示例区市场监督管理局")],
                },
                Finding {
                    point: "N5.1.1",
                    description: "被处罚后仍未停止非法医疗美容活动",
                    measures: &[Measure::Correct(0)],
                },
                Finding {
                    point: "N5.1.2",
                    description: "复查时场所内仍存放注射器和透明质酸钠凝胶",
                    measures: &[Measure::Correct(0)],
                },
            ],
        },
    },
    Unit {
        key: "yueyan",
        new: Some(NewUnit {
            name: "示例悦颜医疗美容诊所",
            kind: T::Clinic,
            services: &[S::MedicalCosmetology],
            township: "城关镇",
            code_head: "91500000MA",
            hospital: None,
        }),
        campaign: Campaign::IllegalCosmetology,
        decision_number: "示卫医罚〔2021〕46号",
        violations: &[
            Violation {
                text: "超出登记的诊疗科目范围开展医疗美容服务（未登记美容外科开展重睑术）",
                column: Some(C::MedicalCosmetology),
                found: found(
                    R::NotRectified,
                    "手术登记本有近期重睑术记录",
                    "仍未登记美容外科，继续开展重睑术",
                ),
            },
            Violation {
                text: "实施医疗美容项目前未书面告知医疗风险",
                column: Some(C::MedicalCosmetology),
                found: found(R::Rectified, "抽查病历10份，均有书面告知并经就医者签字", ""),
            },
        ],
        follow_up: FollowUp {
            status: St::Completed,
            back: 12,
            leader: 2,
            member: 1,
            areas: &["M2", "M4", "M5"],
            findings: &[
                Finding {
                    point: "M4.3.1",
                    description: "医疗美容服务超出登记的诊疗科目范围（开展重睑术）",
                    measures: &[
                        Measure::Case("示卫医罚〔2022〕205号"),
                        Measure::Fine(10_000),
                        Measure::RevokeSubject("医疗美容科"),
                    ],
                },
                Finding {
                    point: "M4.3.7",
                    description: "医疗美容药品、器械来源不明，无进货查验记录",
                    measures: &[
                        Measure::Correct(15),
                        Measure::Case("示卫医罚〔2022〕206号"),
                        Measure::Fine(5_000),
                    ],
                },
            ],
        },
    },
];

/// Adds the 回头看 to the sample: the plan (after the others), the five new units and a
/// penalty on the sample's beauty studio, and the follow-ups, each completed or reviewed one
/// through [`Inspection::complete`], so it meets the completion rules.
pub(super) fn extend(
    sample: &mut Sample,
    catalog: &Catalog,
    templates: &[PlanTemplate],
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), String> {
    let template = templates
        .iter()
        .find(|t| t.kind == PlanKind::Huitoukan)
        .ok_or("示例数据：缺少回头看任务模板")?;
    let mut plan = template.instantiate(format!("{SAMPLE_PREFIX}plan-{}", template.id), now);
    plan.name = format!("{}（示例）", plan.name);
    for unit in &UNITS {
        let id = unit_id(unit);
        let penalty = penalty(unit, now);
        match &unit.new {
            Some(new) => {
                let row = (unit.key, new.name, new.kind, new.services, new.township);
                let n = sample.institutions.len();
                let mut record = roster_entry(n, new.code_head, row, now);
                if let Some((level, ownership)) = new.hospital {
                    record.level = Some(level);
                    record.ownership = Some(ownership);
                }
                record.penalties.push(penalty);
                sample.institutions.push(record);
            }
            None => sample
                .institutions
                .iter_mut()
                .find(|i| i.id == id)
                .ok_or_else(|| format!("示例数据：缺少监督对象 {id}"))?
                .penalties
                .push(penalty),
        }
        plan.institution_ids.push(id);
    }
    for unit in &UNITS {
        let id = unit_id(unit);
        let institution = sample
            .institutions
            .iter()
            .find(|i| i.id == id)
            .ok_or_else(|| format!("示例数据：缺少监督对象 {id}"))?;
        let inspection = follow_up(unit, institution, &plan, sample, catalog, now, today)?;
        sample.inspections.push(inspection);
    }
    sample.plans.push(plan);
    Ok(())
}

fn unit_id(unit: &Unit) -> String {
    format!("{SAMPLE_PREFIX}institution-{}", unit.key)
}

fn violation_id(unit: &Unit, n: usize) -> String {
    format!("{SAMPLE_PREFIX}violation-{}-{}", unit.key, n + 1)
}

fn penalty(unit: &Unit, now: DateTime<Utc>) -> Penalty {
    let mut penalty = Penalty::new(
        format!("{SAMPLE_PREFIX}penalty-{}", unit.key),
        unit.campaign,
        2021,
        now,
    );
    penalty.decision_number = unit.decision_number.to_string();
    penalty.violations = unit
        .violations
        .iter()
        .enumerate()
        .map(|(n, v)| OriginalViolation {
            id: violation_id(unit, n),
            text: v.text.to_string(),
            column: v.column,
        })
        .collect();
    penalty
}

/// Why a point listed for the unit cannot apply in practice, if so: no foreign, 港澳 or 台湾
/// physicians, no restricted techniques.
fn not_applicable(point: &CheckPoint) -> Option<&'static str> {
    match point.summary_column? {
        C::ForeignPhysician | C::HkMacaoPhysician | C::TaiwanPhysician => Some("无相关人员"),
        C::RestrictedTechnology => Some("未开展该项业务"),
        _ => None,
    }
}

fn follow_up(
    unit: &Unit,
    institution: &Institution,
    plan: &Plan,
    sample: &Sample,
    catalog: &Catalog,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Inspection, String> {
    let f = &unit.follow_up;
    let name = institution.display_name();
    let kind = institution.kind.ok_or("示例数据：监督对象缺少机构类别")?;
    let checklist = catalog
        .checklist_for(kind, &institution.services)
        .ok_or_else(|| format!("示例数据：“{name}”没有适用的检查表"))?;
    let date = today.checked_sub_days(Days::new(f.back)).unwrap_or(today);
    let mut inspection = Inspection::start(
        format!("{SAMPLE_PREFIX}inspection-huitoukan-{}", unit.key),
        plan,
        institution,
        date,
        now,
    );
    inspection.inspectors = team(&sample.inspectors, f.leader, f.member);
    let leader = sample.inspectors[f.leader].id.clone();
    // The member records and completes, the leader reviews (inspection/review.rs).
    let by = Some(sample.inspectors[f.member].id.clone());
    for &area in f.areas {
        let points = checklist
            .areas
            .iter()
            .find(|a| a.area.id == area)
            .ok_or_else(|| format!("示例数据：“{name}”的检查表没有 {area}"))?
            .sub_items
            .iter()
            .flat_map(|s| s.points.iter().copied());
        for point in points {
            inspection.answer(&point.id, now, by.clone(), |a| {
                match not_applicable(point) {
                    Some(reason) => {
                        a.verdict = Verdict::NotApplicable;
                        a.not_applicable_reason = reason.to_string();
                    }
                    None => a.verdict = Verdict::Compliant,
                }
            });
        }
    }
    for finding in f.findings {
        if !checklist.points().any(|p| p.id == finding.point) {
            return Err(format!("示例数据：“{name}”的检查表没有 {}", finding.point));
        }
        inspection.answer(finding.point, now, by.clone(), |a| {
            a.verdict = Verdict::NonCompliant;
            a.not_applicable_reason.clear();
            a.description = finding.description.to_string();
            a.handling = finding.measures.iter().map(|m| handling(m, date)).collect();
        });
    }
    for (n, violation) in unit.violations.iter().enumerate() {
        if let Some(found) = &violation.found {
            inspection.rectify(&violation_id(unit, n), now, by.clone(), |c| {
                c.status = Some(found.status);
                c.observation = found.observation.to_string();
                c.note = found.note.to_string();
            });
        }
    }
    let refused = |p: StatusProblem| {
        format!(
            "示例数据：“{name}”的回头看检查{}：{}",
            f.status.label(),
            p.messages().join("；")
        )
    };
    if f.status != St::Draft {
        inspection
            .complete(&checklist, Some(institution), now, by)
            .map_err(refused)?;
    }
    if f.status == St::Reviewed {
        inspection.review(now, &leader).map_err(refused)?;
    }
    Ok(inspection)
}

fn handling(measure: &Measure, date: NaiveDate) -> Handling {
    match *measure {
        Measure::Correct(days) => Handling::OrderCorrection {
            deadline: date.checked_add_days(Days::new(days)),
        },
        Measure::Case(number) => Handling::CaseFiled {
            case_number: number.to_string(),
        },
        Measure::Fine(amount_yuan) => Handling::Fine { amount_yuan },
        Measure::RevokeSubject(subject) => Handling::RevokeSubject {
            subject: subject.to_string(),
        },
        Measure::Transfer(department) => Handling::Transfer {
            department: department.to_string(),
        },
        Measure::Advice(text) => Handling::RectificationAdvice {
            text: text.to_string(),
        },
    }
}
