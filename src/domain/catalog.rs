//! The checklist catalog: versioned data (the "2022版" of 附表1 and 附表2, plus a table for
//! 非医疗机构 followed up in the 打击非法医疗美容服务专项整治 回头看), embedded in the app as
//! JSON, parsed and checked by [`validate`] (a test fails on any problem), and the rules that
//! pick the check points applying to one institution. Next year's plan changes the data file,
//! not this code.

mod applicability;
pub mod summary_column;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

pub use applicability::{AreaChecklist, Checklist, SubItemChecklist};
pub use summary_column::SummaryColumn;

use super::institution::{InstitutionType, Service};
use super::law::{check_citations, CitedPoint, LawLibrary};
use super::validation::{check_point_text, UniqueIds};

/// The 2022 edition's source text.
const EDITION_2022: &str = include_str!("catalog/checklist-2022.json");

/// A whole edition: one table per annex.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The edition's stable id, e.g. "2022"; stored with every inspection.
    pub edition: String,
    pub title: String,
    /// The document the edition was read from.
    pub source: String,
    pub tables: Vec<ChecklistTable>,
}

/// One table (附表1, 附表2, or the 非医疗机构 table, which the plan has no annex for): the areas
/// checked for the institution types it covers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistTable {
    pub id: String,
    /// 附表1, 附表2, …; "回头看" for the 非医疗机构 table. Shown before the title.
    pub annex: String,
    pub title: String,
    pub institution_types: Vec<InstitutionType>,
    pub areas: Vec<Area>,
}

/// A content area (e.g. 医疗机构资质管理).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub sub_items: Vec<SubItem>,
}

/// A sub-item of an area (e.g. 《医疗机构执业许可证》或备案).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubItem {
    pub id: String,
    pub title: String,
    pub points: Vec<CheckPoint>,
}

/// A concrete check point (具体检查要点).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckPoint {
    /// Stable id ("M1.1.1"); answers refer to it, so it never changes meaning.
    pub id: String,
    /// What the inspector reads: the state that complies.
    pub text: String,
    /// 法律法规名称及条款, e.g. 《医疗机构管理条例》第二十三条 (`law::parse_basis`).
    pub basis: String,
    /// 依据关键词: terms of the point's subject that every verified cited article contains, so a
    /// renumbering that points at an unrelated article fails validation.
    #[serde(default)]
    pub basis_terms: Vec<String>,
    /// The types it applies to; `None` (written `null`) for every type of its table.
    #[serde(deserialize_with = "stated")]
    pub institution_types: Option<Vec<InstitutionType>>,
    /// Applies only to institutions offering at least one of these; `None` for all.
    #[serde(deserialize_with = "stated")]
    pub services: Option<Vec<Service>>,
    /// The 附表3 column a non-compliance counts under (every table but the blood station's).
    #[serde(deserialize_with = "stated")]
    pub summary_column: Option<SummaryColumn>,
    /// 规范用语: standard problem descriptions the inspector taps, then edits.
    pub phrasings: Vec<String>,
    /// A 不符合 here needs a photo (取证照片) before the inspection can be completed: set where a
    /// photo is the natural proof (a licence not displayed, expired drugs on the shelf). Left
    /// out of the data file for the other points.
    #[serde(default)]
    pub photo_required: bool,
}

/// An optional field that must still be written out (`null` or a value): serde would take a
/// missing `Option` as `None`, and an applicability rule left out by mistake must not silently
/// mean "applies to all".
fn stated<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

impl CheckPoint {
    /// A focus point (重点): it checks a focus service (医疗美容, 医学检验, 健康体检, 口腔, 近视矫正).
    pub fn is_focus(&self) -> bool {
        self.services.iter().flatten().any(|s| s.is_focus())
    }
}

impl Catalog {
    /// Parses an edition and checks it; every problem is listed.
    pub fn parse(json: &str) -> Result<Self, Vec<String>> {
        let catalog: Self =
            serde_json::from_str(json).map_err(|e| vec![format!("格式错误：{e}")])?;
        let problems = validate_structure(&catalog);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    /// The table that covers an institution type, if any; every type of the 2022 edition has
    /// one (非医疗机构 too: its table checks for unlicensed practice).
    pub fn table_for(&self, kind: InstitutionType) -> Option<&ChecklistTable> {
        self.tables
            .iter()
            .find(|t| t.institution_types.contains(&kind))
    }

    /// Every check point of every table.
    pub fn points(&self) -> impl Iterator<Item = &CheckPoint> {
        self.tables.iter().flat_map(ChecklistTable::points)
    }

    /// The check point with this id.
    pub fn point(&self, id: &str) -> Option<&CheckPoint> {
        self.points().find(|p| p.id == id)
    }
}

impl ChecklistTable {
    /// Every check point of the table, in order.
    pub fn points(&self) -> impl Iterator<Item = &CheckPoint> {
        self.areas
            .iter()
            .flat_map(|a| a.sub_items.iter())
            .flat_map(|s| s.points.iter())
    }

    /// Whether non-compliances in this table count in 附表3: every table but the blood
    /// station's (medical institutions, and 非医疗机构 in the row 打击非法医疗美容服务专项整治回头看
    /// — 非医疗机构).
    pub fn counts_in_summary(&self) -> bool {
        self.institution_types
            .iter()
            .any(|&t| t != InstitutionType::CentralBloodStation)
    }
}

/// The 2022 edition, parsed once. Its validity is checked by the test suite, so a broken data
/// file cannot ship.
pub fn edition_2022() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::parse(EDITION_2022)
            .unwrap_or_else(|problems| panic!("2022 catalog is invalid: {problems:?}"))
    })
}

/// Every problem with an edition, its citations checked against the law library (each
/// cited law and article is there, and each verified article shares one of the point's
/// key terms); the structure alone is checked on every parse.
pub fn validate(catalog: &Catalog, laws: &LawLibrary) -> Vec<String> {
    let mut problems = validate_structure(catalog);
    problems.extend(check_citations(
        catalog.points().map(|p| CitedPoint {
            id: &p.id,
            basis: &p.basis,
            terms: &p.basis_terms,
        }),
        laws,
    ));
    problems
}

/// Every problem with an edition: missing basis, applicability or 附表3 column, duplicate or
/// misplaced ids, types outside their table, a type covered by two tables.
fn validate_structure(catalog: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = UniqueIds::default();
    let mut covered = BTreeSet::new();
    if catalog.edition.trim().is_empty() {
        problems.push("缺少版本号".to_string());
    }
    for table in &catalog.tables {
        ids.check(&table.id, &mut problems);
        if table.institution_types.is_empty() {
            problems.push(format!("{}: 未指定适用的机构类别", table.id));
        }
        for &kind in &table.institution_types {
            if !covered.insert(kind) {
                problems.push(format!(
                    "{}: 机构类别 {kind:?} 已由其他检查表覆盖",
                    table.id
                ));
            }
        }
        for area in &table.areas {
            ids.check(&area.id, &mut problems);
            for sub_item in &area.sub_items {
                ids.check(&sub_item.id, &mut problems);
                if !sub_item.id.starts_with(&format!("{}.", area.id)) {
                    problems.push(format!(
                        "{}: 编号应以所属领域 {} 开头",
                        sub_item.id, area.id
                    ));
                }
                if sub_item.points.is_empty() {
                    problems.push(format!("{}: 没有检查要点", sub_item.id));
                }
                for point in &sub_item.points {
                    ids.check(&point.id, &mut problems);
                    check_point(table, &sub_item.id, point, &mut problems);
                }
            }
        }
    }
    problems
}

fn check_point(
    table: &ChecklistTable,
    sub_item: &str,
    point: &CheckPoint,
    problems: &mut Vec<String>,
) {
    let id = &point.id;
    if !id.starts_with(&format!("{sub_item}.")) {
        problems.push(format!("{id}: 编号应以所属子项 {sub_item} 开头"));
    }
    check_point_text(id, &point.text, &point.basis, &point.phrasings, problems);
    match &point.institution_types {
        Some(types) if types.is_empty() => problems.push(format!("{id}: 适用机构类别为空")),
        Some(types) => {
            for kind in types {
                if !table.institution_types.contains(kind) {
                    problems.push(format!("{id}: 适用类别 {kind:?} 不在本表范围内"));
                }
            }
        }
        None => {}
    }
    if matches!(&point.services, Some(services) if services.is_empty()) {
        problems.push(format!("{id}: 适用服务为空（不限服务应写 null）"));
    }
    match (table.counts_in_summary(), point.summary_column) {
        (true, None) => problems.push(format!("{id}: 缺少附表3对应栏目")),
        (false, Some(_)) => problems.push(format!("{id}: 采供血检查要点不计入附表3")),
        _ => {}
    }
}
