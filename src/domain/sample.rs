//! The built-in sample (示例数据): fictional institutions of every type, officers, the 2022
//! plans and inspections with answered checklists, findings and handling, a 回头看 of six
//! penalised units (`sample/huitoukan.rs`) and a 驻点监督 plan with a finished stay and one in
//! progress (`sample/stationed.rs`), so every page and every row of 附表3 has something real to
//! show. Every id starts with [`SAMPLE_PREFIX`], which is how the sample is removed
//! again. Deterministic: time and dates are parameters.

mod huitoukan;
pub mod photos;
mod stationed;

use std::collections::BTreeSet;

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::catalog::Catalog;
use super::credit_code::check_character;
use super::handling::Handling;
use super::inspection::{
    Assignment, Inspection, InspectionStatus, StatusChange, StatusEvent, Verdict,
};
use super::inspector::{AssignmentRole, Inspector};
use super::institution::{
    HospitalLevel, Institution, InstitutionType as T, Ownership, RegistrationKind, Service as S,
};
use super::plan::{templates_2022, Plan};
use super::stationed::sheet::SceneSheet;
use super::stationed::stay::Stay;

/// Every sample record's id starts with this.
pub const SAMPLE_PREFIX: &str = "sample-";

/// The sample records.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub institutions: Vec<Institution>,
    pub inspectors: Vec<Inspector>,
    pub plans: Vec<Plan>,
    pub inspections: Vec<Inspection>,
    /// 驻点监督: the stays of the sample's 驻点监督 plan and their 现场监督表.
    pub stays: Vec<Stay>,
    pub scene_sheets: Vec<SceneSheet>,
}

/// Whether a record id belongs to the sample.
pub fn is_sample(id: &str) -> bool {
    id.starts_with(SAMPLE_PREFIX)
}

/// Builds the sample against `catalog`, dated around `today`.
pub fn sample(catalog: &Catalog, now: DateTime<Utc>, today: NaiveDate) -> Result<Sample, String> {
    let institutions: Vec<Institution> = [
        (
            "hospital",
            "示例县人民医院",
            T::Hospital,
            &[
                S::ClinicalBloodUse,
                S::ClinicalLaboratory,
                S::Radiology,
                S::Dental,
                S::Hemodialysis,
            ][..],
            "城关镇",
        ),
        (
            "township",
            "示例镇中心卫生院",
            T::TownshipHealthCenter,
            &[S::TraditionalChineseMedicine][..],
            "示例镇",
        ),
        (
            "community",
            "示例街道社区卫生服务中心",
            T::CommunityHealthService,
            &[S::HealthCheckup][..],
            "新华街道",
        ),
        (
            "village-1",
            "示例镇东村卫生室",
            T::VillageClinic,
            &[][..],
            "示例镇",
        ),
        (
            "village-2",
            "示例镇西村卫生室",
            T::VillageClinic,
            &[][..],
            "示例镇",
        ),
        (
            "dental",
            "示例口腔诊所",
            T::Clinic,
            &[S::Dental][..],
            "新华街道",
        ),
        (
            "cosmetic",
            "示例医疗美容诊所",
            T::Clinic,
            &[S::MedicalCosmetology][..],
            "城关镇",
        ),
        (
            "elder",
            "示例康养中心医务室",
            T::ElderCareMedicalUnit,
            &[][..],
            "城关镇",
        ),
        (
            "blood",
            "示例县中心血站",
            T::CentralBloodStation,
            &[][..],
            "城关镇",
        ),
        (
            "beauty",
            "示例美容工作室（非医疗机构）",
            T::NonMedical,
            &[][..],
            "新华街道",
        ),
    ]
    .into_iter()
    .enumerate()
    .map(|(n, row)| roster_entry(n, "91500000MA", row, now))
    .collect();
    let inspectors: Vec<Inspector> = [
        ("zhang", "张明（示例）", "示例执法001"),
        ("li", "李华（示例）", "示例执法002"),
        ("wang", "王芳（示例）", "示例执法003"),
        ("zhao", "赵强（示例）", "示例执法004"),
    ]
    .into_iter()
    .map(|(key, name, number)| {
        let mut o = Inspector::new(format!("{SAMPLE_PREFIX}inspector-{key}"), now);
        o.name = name.into();
        o.certificate_number = number.into();
        o.unit = "示例区卫生健康执法支队".into();
        o
    })
    .collect();
    let templates = templates_2022()?;
    let mut plans: Vec<Plan> = templates
        .iter()
        .take(2)
        .map(|t| {
            let mut p = t.instantiate(format!("{SAMPLE_PREFIX}plan-{}", t.id), now);
            p.name = format!("{}（示例）", p.name);
            p
        })
        .collect();
    plans[0].institution_ids = [
        "hospital",
        "township",
        "village-1",
        "village-2",
        "dental",
        "cosmetic",
    ]
    .map(|k| format!("{SAMPLE_PREFIX}institution-{k}"))
    .to_vec();
    plans[1].institution_ids = vec![format!("{SAMPLE_PREFIX}institution-blood")];

    let day = |back: u64| today.checked_sub_days(Days::new(back)).unwrap_or(today);
    let plan_of = |k: &str| {
        if k == "blood" {
            plans[1].clone()
        } else {
            plans[0].clone()
        }
    };
    let mut inspections = Vec::new();
    for &SampleInspection {
        key,
        status,
        back,
        leader,
        member,
        every,
    } in &SAMPLE_INSPECTIONS
    {
        let institution = institutions
            .iter()
            .find(|i| i.id == format!("{SAMPLE_PREFIX}institution-{key}"))
            .ok_or("sample institution missing")?;
        let kind = institution.kind.ok_or("sample institution without type")?;
        let checklist = catalog
            .checklist_for(kind, &institution.services)
            .ok_or("no checklist for sample")?;
        let mut inspection = Inspection::start(
            format!("{SAMPLE_PREFIX}inspection-{key}"),
            &plan_of(key),
            institution,
            day(back),
            now,
        );
        inspection.inspectors = team(&inspectors, leader, member);
        // The member records and completes, the leader reviews (review.rs).
        let recorder = Some(inspectors[member].id.clone());
        let answered = if status == InspectionStatus::Draft {
            8
        } else {
            usize::MAX
        };
        for (n, point) in checklist.points().enumerate().take(answered) {
            inspection.answer(&point.id, now, recorder.clone(), |a| {
                if point.services.is_some() && n % 5 == 4 {
                    a.verdict = Verdict::NotApplicable;
                    a.not_applicable_reason = "未开展该项业务".into();
                } else if every > 0 && n % every == 3 && !point.photo_required {
                    // A point that needs a photo of a 不符合 is left 符合: the sample has no
                    // photo bytes to attach.
                    a.verdict = Verdict::NonCompliant;
                    a.description = point.phrasings.first().cloned().unwrap_or_default();
                    a.handling = sample_handling(n, day(back));
                } else {
                    a.verdict = Verdict::Compliant;
                }
            });
        }
        if status != InspectionStatus::Draft {
            inspection.status = status;
            inspection.history.push(StatusEvent {
                change: StatusChange::Completed,
                at: now,
                by: recorder,
                note: None,
            });
            if status == InspectionStatus::Reviewed {
                inspection.history.push(StatusEvent {
                    change: StatusChange::Reviewed,
                    at: now,
                    by: Some(inspectors[leader].id.clone()),
                    note: None,
                });
            }
        }
        inspections.push(inspection);
    }
    let mut sample = Sample {
        institutions,
        inspectors,
        plans,
        inspections,
        stays: Vec::new(),
        scene_sheets: Vec::new(),
    };
    huitoukan::extend(&mut sample, catalog, &templates, now, today)?;
    stationed::extend(&mut sample, &catalog.edition, now, today)?;
    Ok(sample)
}

/// One roster line of the sample: key, name, type, services, 乡镇/街道.
type RosterRow<'a> = (&'a str, &'a str, T, &'a [S], &'a str);

/// The `n`-th sample institution: a credit code of `code_head` (its first 10 characters) with a
/// serial and a valid check character, an address and a phone; hospitals 二级 公立.
fn roster_entry(
    n: usize,
    code_head: &str,
    (key, name, kind, services, township): RosterRow<'_>,
    now: DateTime<Utc>,
) -> Institution {
    let mut i = Institution::new(format!("{SAMPLE_PREFIX}institution-{key}"), now);
    i.name = name.to_string();
    let first17 = format!("{code_head}{:07}", 1000 + n);
    i.registration_kind = RegistrationKind::CreditCode;
    i.registration_number = format!("{first17}{}", check_character(&first17).unwrap_or('0'));
    i.set_kind(Some(kind));
    if kind == T::Hospital {
        i.level = Some(HospitalLevel::Second);
        i.ownership = Some(Ownership::Public);
    }
    i.services = services.iter().copied().collect::<BTreeSet<_>>();
    i.township = township.to_string();
    i.address = format!("{township}示例路{}号", n + 1);
    i.contact_person = "示例联系人".into();
    i.contact_phone = format!("023-6000{:04}", n + 1);
    i
}

/// A group of two: the leader (组长) and a member, as indexes into the sample's inspectors.
fn team(inspectors: &[Inspector], leader: usize, member: usize) -> Vec<Assignment> {
    vec![
        Assignment {
            inspector_id: inspectors[leader].id.clone(),
            role: AssignmentRole::Leader,
        },
        Assignment {
            inspector_id: inspectors[member].id.clone(),
            role: AssignmentRole::Member,
        },
    ]
}

/// One sample inspection: of which institution, in what status, how many days ago, by which
/// officers (indexes into the sample's inspectors), and every how many points a finding.
struct SampleInspection {
    key: &'static str,
    status: InspectionStatus,
    back: u64,
    leader: usize,
    member: usize,
    /// 0 for no findings.
    every: usize,
}

const SAMPLE_INSPECTIONS: [SampleInspection; 5] = [
    SampleInspection {
        key: "hospital",
        status: InspectionStatus::Reviewed,
        back: 20,
        leader: 0,
        member: 1,
        every: 17,
    },
    SampleInspection {
        key: "cosmetic",
        status: InspectionStatus::Completed,
        back: 12,
        leader: 1,
        member: 2,
        every: 9,
    },
    SampleInspection {
        key: "village-1",
        status: InspectionStatus::Completed,
        back: 9,
        leader: 0,
        member: 2,
        every: 0,
    },
    SampleInspection {
        key: "dental",
        status: InspectionStatus::Draft,
        back: 2,
        leader: 2,
        member: 0,
        every: 0,
    },
    SampleInspection {
        key: "blood",
        status: InspectionStatus::Completed,
        back: 5,
        leader: 0,
        member: 1,
        every: 11,
    },
];

/// Measures for the n-th finding: a correction order always; a case and a fine now and then.
fn sample_handling(n: usize, date: NaiveDate) -> Vec<Handling> {
    let mut measures = vec![Handling::OrderCorrection {
        deadline: date.checked_add_days(Days::new(30)),
    }];
    if n % 2 == 1 {
        measures.push(Handling::CaseFiled {
            case_number: format!("示卫医罚〔2022〕{}号", n + 1),
        });
        measures.push(Handling::Fine {
            amount_yuan: 5_000 * (n as u64 % 4 + 1),
        });
    }
    measures
}
