//! The 驻点监督 现场监督表 catalog as versioned data: the five content areas (监督内容) with their
//! sub-contents, the check points, the scenes of a hospital each with the points of its
//! "医疗机构驻点监督现场监督表", the 书面审查 list and the kind of list for 社会反映问题. The 2024
//! edition (the seed's pilot) is embedded as JSON, parsed with unknown fields refused and checked
//! by [`validate`] (a test fails on any problem). Another year's plan changes the data file
//! (and [`SEED_SCENES`] if it names other scenes), not the rules.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::law::{check_citations, CitedPoint, LawLibrary};
use crate::domain::validation::{check_point_text, UniqueIds};

/// The 2024 edition's source text.
const EDITION_2024: &str = include_str!("scenes-2024.json");

/// The scenes the 2024 pilot plan names, in its order ("污水房病案室" there is two scenes). An
/// edition must list exactly these; a plan naming other scenes changes this list with its data.
#[rustfmt::skip]
pub const SEED_SCENES: [&str; 32] = [
    "门诊大厅", "急诊科", "发热门诊", "肠道门诊", "口腔科", "妇产科", "体检中心", "血液透析中心",
    "门诊手术室", "其他门诊科室", "药房", "检验科", "病理科", "放射影像科", "内镜室", "B超室",
    "供应室", "输血科", "产科病区", "计划生育技术", "其他病房科室", "医疗废物处置", "污水房", "病案室",
    "医务科", "护理部", "人事科", "院感科", "质控科", "设备科", "信息科", "财务科",
];

/// A whole edition.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StationedCatalog {
    /// The edition's stable id, e.g. "2024"; stored with every stationed supervision.
    pub edition: String,
    pub title: String,
    /// The document the edition was read from.
    pub source: String,
    pub areas: Vec<Area>,
    /// Every check point, each under one sub-content; scenes and lists refer to them by id.
    pub points: Vec<Point>,
    /// The scenes in the plan's order.
    pub scenes: Vec<Scene>,
    /// The 书面审查 list and the 社会反映问题 list.
    pub lists: Vec<ReviewList>,
}

/// A content area (监督内容, e.g. 传染病); its id ("CR") is the middle part of its points' ids.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub sub_contents: Vec<SubContent>,
}

/// A sub-content of an area (e.g. 疫情报告).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubContent {
    pub id: String,
    pub title: String,
}

/// A check point.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Stable id ("Z-CR-07"); answers refer to it, so it never changes meaning.
    pub id: String,
    /// The id of its sub-content.
    pub sub_content: String,
    /// What the inspector verifies: the state that complies.
    pub text: String,
    /// 法律法规名称及条款, e.g. 《医疗废物管理条例》第十二条 (`law::parse_basis`).
    pub basis: String,
    /// 依据关键词: terms of the point's subject that every verified cited article contains.
    #[serde(default)]
    pub basis_terms: Vec<String>,
    /// 规范用语: standard problem descriptions the inspector taps, then edits.
    pub phrasings: Vec<String>,
    /// A 不符合 here needs a photo (取证照片) before the sheet can be marked finished; left out of
    /// the data file for the other points.
    #[serde(default)]
    pub photo_required: bool,
}

/// A scene (场景: a department or place) with the points of its 现场监督表.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    pub id: String,
    pub name: String,
    /// The ids of the content areas that apply.
    pub areas: Vec<String>,
    /// The ids of its points.
    pub points: Vec<String>,
    /// Checked by document review only (仅书面审查), e.g. 财务科; says why in `note`.
    #[serde(default)]
    pub review_only: bool,
    /// Guidance shown with the scene's table.
    #[serde(default)]
    pub note: Option<String>,
}

/// What a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// 书面审查: licences and practice records, as check points.
    DocumentReview,
    /// 社会反映问题: entered by the inspectors, so the catalog lists no points.
    Complaints,
}

/// A list checked besides the scenes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewList {
    pub id: String,
    pub kind: ListKind,
    pub title: String,
    pub note: String,
    pub points: Vec<String>,
}

impl StationedCatalog {
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

    /// The content areas, in order.
    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    /// The scene with this id.
    pub fn scene(&self, id: &str) -> Option<&Scene> {
        self.scenes.iter().find(|s| s.id == id)
    }

    /// The check point with this id.
    pub fn point(&self, id: &str) -> Option<&Point> {
        self.points.iter().find(|p| p.id == id)
    }

    /// The list of this kind.
    pub fn list(&self, kind: ListKind) -> Option<&ReviewList> {
        self.lists.iter().find(|l| l.kind == kind)
    }

    /// A sub-content and its area.
    pub fn sub_content(&self, id: &str) -> Option<(&Area, &SubContent)> {
        self.areas
            .iter()
            .find_map(|a| a.sub_contents.iter().find(|s| s.id == id).map(|s| (a, s)))
    }

    /// The area a point belongs to.
    pub fn area_of(&self, point: &Point) -> Option<&Area> {
        self.sub_content(&point.sub_content).map(|(area, _)| area)
    }

    /// A scene's points grouped by content area: areas in catalog order, points in the scene's
    /// order; areas without points are left out.
    pub fn points_of(&self, scene: &Scene) -> Vec<(&Area, Vec<&Point>)> {
        self.grouped(&scene.points)
    }

    /// Points given by id, grouped by content area as in [`Self::points_of`]; unknown ids are
    /// skipped (a valid edition has none).
    pub fn grouped(&self, ids: &[String]) -> Vec<(&Area, Vec<&Point>)> {
        let points: Vec<&Point> = ids.iter().filter_map(|id| self.point(id)).collect();
        self.areas
            .iter()
            .map(|area| {
                let of_area = points
                    .iter()
                    .copied()
                    .filter(|p| self.area_of(p).is_some_and(|a| a.id == area.id))
                    .collect::<Vec<_>>();
                (area, of_area)
            })
            .filter(|(_, points)| !points.is_empty())
            .collect()
    }
}

/// The 2024 edition, parsed once. Its validity is checked by the test suite, so a broken data
/// file cannot ship.
pub fn edition_2024() -> &'static StationedCatalog {
    static CATALOG: OnceLock<StationedCatalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        StationedCatalog::parse(EDITION_2024)
            .unwrap_or_else(|problems| panic!("2024 stationed catalog is invalid: {problems:?}"))
    })
}

/// Every problem with an edition, its citations checked against the law library (each
/// cited law and article is there, and each verified article shares one of the point's
/// key terms); the structure alone is checked on every parse.
pub fn validate(catalog: &StationedCatalog, laws: &LawLibrary) -> Vec<String> {
    let mut problems = validate_structure(catalog);
    problems.extend(check_citations(
        catalog.points.iter().map(|p| CitedPoint {
            id: &p.id,
            basis: &p.basis,
            terms: &p.basis_terms,
        }),
        laws,
    ));
    problems
}

/// Every problem with an edition, in Chinese: duplicate ids, points under unknown sub-contents
/// or with missing text, basis or 规范用语, scenes referring to unknown points or areas, scenes
/// without points that are not documented as review-only, sub-contents no scene checks, points
/// no scene or list uses, the plan's 32 scenes missing or out of order, and the two lists.
fn validate_structure(catalog: &StationedCatalog) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = UniqueIds::default();
    if catalog.edition.trim().is_empty() {
        problems.push("缺少版本号".to_string());
    }
    for area in &catalog.areas {
        ids.check(&area.id, &mut problems);
        if area.sub_contents.is_empty() {
            problems.push(format!("{}: 监督内容没有子项", area.id));
        }
        for sub in &area.sub_contents {
            ids.check(&sub.id, &mut problems);
        }
    }
    for point in &catalog.points {
        ids.check(&point.id, &mut problems);
        check_point(catalog, point, &mut problems);
    }
    let mut used = BTreeSet::new();
    for scene in &catalog.scenes {
        ids.check(&scene.id, &mut problems);
        check_scene(catalog, scene, &mut problems);
        used.extend(scene.points.iter().map(String::as_str));
    }
    check_order(catalog, &mut problems);
    for list in &catalog.lists {
        ids.check(&list.id, &mut problems);
        check_list(catalog, list, &mut problems);
        used.extend(list.points.iter().map(String::as_str));
    }
    for (kind, title) in [
        (ListKind::DocumentReview, "书面审查"),
        (ListKind::Complaints, "社会反映问题核查"),
    ] {
        match catalog.lists.iter().filter(|l| l.kind == kind).count() {
            0 => problems.push(format!("缺少{title}清单")),
            1 => {}
            _ => problems.push(format!("{title}清单重复")),
        }
    }
    let checked: BTreeSet<&str> = catalog
        .scenes
        .iter()
        .flat_map(|s| &s.points)
        .filter_map(|id| catalog.point(id))
        .map(|p| p.sub_content.as_str())
        .collect();
    for area in &catalog.areas {
        for sub in area
            .sub_contents
            .iter()
            .filter(|s| !checked.contains(s.id.as_str()))
        {
            problems.push(format!(
                "{}: 「{}」的子项「{}」没有任何场景检查",
                sub.id, area.title, sub.title
            ));
        }
    }
    for point in catalog
        .points
        .iter()
        .filter(|p| !used.contains(p.id.as_str()))
    {
        problems.push(format!("{}: 未列入任何场景或书面审查", point.id));
    }
    problems
}

fn check_point(catalog: &StationedCatalog, point: &Point, problems: &mut Vec<String>) {
    let id = &point.id;
    match catalog.sub_content(&point.sub_content) {
        None => problems.push(format!("{id}: 所属子项 {} 不存在", point.sub_content)),
        Some((area, _)) if !id.starts_with(&format!("Z-{}-", area.id)) => {
            problems.push(format!("{id}: 编号应以 Z-{}- 开头", area.id));
        }
        Some(_) => {}
    }
    check_point_text(id, &point.text, &point.basis, &point.phrasings, problems);
}

fn check_scene(catalog: &StationedCatalog, scene: &Scene, problems: &mut Vec<String>) {
    let at = format!("{}（{}）", scene.id, scene.name);
    let note = scene.note.as_deref().unwrap_or("").trim();
    if scene.review_only && note.is_empty() {
        problems.push(format!("{at}: 仅书面审查的场景应说明审查内容"));
    }
    if scene.points.is_empty() && !scene.review_only {
        problems.push(format!(
            "{at}: 没有检查要点（仅书面审查的场景应标明 review_only 并说明）"
        ));
    }
    let mut seen = BTreeSet::new();
    let mut covered = BTreeSet::new();
    for id in &scene.points {
        if !seen.insert(id) {
            problems.push(format!("{at}: 检查要点 {id} 重复列出"));
        }
        let Some(point) = catalog.point(id) else {
            problems.push(format!("{at}: 检查要点 {id} 不存在"));
            continue;
        };
        if let Some(area) = catalog.area_of(point) {
            covered.insert(area.id.as_str());
            if !scene.areas.contains(&area.id) {
                problems.push(format!(
                    "{at}: 检查要点 {id} 属于「{}」，未列入本场景的监督内容",
                    area.title
                ));
            }
        }
    }
    for area_id in &scene.areas {
        match catalog.areas.iter().find(|a| &a.id == area_id) {
            None => problems.push(format!("{at}: 监督内容 {area_id} 不存在")),
            Some(area) if !covered.contains(area_id.as_str()) && !scene.review_only => {
                problems.push(format!("{at}: 监督内容「{}」下没有检查要点", area.title));
            }
            Some(_) => {}
        }
    }
}

/// The plan's scenes, all present, once, in its order.
fn check_order(catalog: &StationedCatalog, problems: &mut Vec<String>) {
    let names: Vec<&str> = catalog.scenes.iter().map(|s| s.name.as_str()).collect();
    let mut seen = BTreeSet::new();
    let mut complete = true;
    for name in &names {
        if !seen.insert(*name) {
            problems.push(format!("场景「{name}」重复"));
            complete = false;
        }
        if !SEED_SCENES.contains(name) {
            problems.push(format!("场景「{name}」不在方案所列场景中"));
            complete = false;
        }
    }
    for name in SEED_SCENES.iter().filter(|n| !names.contains(n)) {
        problems.push(format!("缺少场景「{name}」"));
        complete = false;
    }
    if complete {
        if let Some((i, (want, got))) = SEED_SCENES
            .iter()
            .zip(&names)
            .enumerate()
            .find(|(_, (want, got))| want != got)
        {
            problems.push(format!(
                "场景顺序与方案不一致：第{}个应为「{want}」，实为「{got}」",
                i + 1
            ));
        }
    }
}

fn check_list(catalog: &StationedCatalog, list: &ReviewList, problems: &mut Vec<String>) {
    let id = &list.id;
    if list.title.trim().is_empty() || list.note.trim().is_empty() {
        problems.push(format!("{id}: 清单缺少标题或说明"));
    }
    match list.kind {
        ListKind::DocumentReview if list.points.is_empty() => {
            problems.push(format!("{id}: 书面审查清单没有检查要点"));
        }
        ListKind::Complaints if !list.points.is_empty() => {
            problems.push(format!(
                "{id}: 社会反映问题由监督员录入，目录中不应预置检查要点"
            ));
        }
        _ => {}
    }
    for point in list.points.iter().filter(|p| catalog.point(p).is_none()) {
        problems.push(format!("{id}: 检查要点 {point} 不存在"));
    }
}
