//! The 现场检查笔录: who inspected whom, when and where; each area's results in words; each
//! problem with its photos and the measures taken; the inspection's other photos; then the
//! party's confirmation and everyone's signatures (drawn, or blank lines to sign by hand).

use super::{
    areas, counts_sentence, inspection_day, measure_text, names, officers, registration_label,
    total, AreaPoints, Officer,
};

use crate::domain::catalog::{Catalog, ChecklistTable};
use crate::domain::document::{
    chinese_date, chinese_number, Document, Fact, Figure, Section, SignatureLine,
};
use crate::domain::inspection::{Hours, Inspection};
use crate::domain::inspector::Inspector;
use crate::domain::institution::Institution;
use crate::domain::media::{MediaKind, MediaRef, Signature, Signer};
use crate::domain::signing::{self, SignatureState};

/// The party's confirmation, printed above its signature line.
pub const CONFIRMATION: &str = "以上笔录我已看过，情况属实。";
/// The start and end time, left for the officers to write by hand: the inspection keeps the day
/// only.
const TIME_PLACEHOLDER: &str = "　　时　　分至　　时　　分";

/// The 现场检查笔录 of `inspection` at `institution`, against `catalog` (the inspection's
/// edition), with officers' names and 执法证号 from `roster`.
pub fn onsite_record(
    catalog: &Catalog,
    inspection: &Inspection,
    institution: &Institution,
    roster: &[Inspector],
) -> Document {
    let officers = officers(inspection, roster);
    let mut photos = Photos::default();
    let mut sections = vec![Section::plain(vec![opening(&officers)])];
    match areas(catalog, inspection, institution) {
        Some((table, areas)) => {
            sections.extend(findings(table, &areas, inspection, &mut photos));
        }
        None => {
            let mut found = Section::headed(1, "一、检查情况".to_string());
            found.paragraphs.push("未记录检查结果。".to_string());
            sections.push(found);
        }
    }
    let mut scene = Section::headed(1, "二、现场照片".to_string());
    scene
        .paragraphs
        .extend(photos.add(&inspection.media).video_sentence("现场录像"));
    scene.figures = photos.take();
    if !scene.figures.is_empty() || !scene.paragraphs.is_empty() {
        sections.push(scene);
    }
    let mut document = Document {
        title: "现场检查笔录".to_string(),
        facts: facts(inspection, institution, &officers, roster),
        sections,
        party_signs_each_page: true,
        ..Document::default()
    };
    let digest = document.content_digest();
    document.signatures = signatures(inspection, &officers, roster, &digest);
    let changed: Vec<String> = signing::changed(&inspection.signatures, &digest)
        .into_iter()
        .map(|s| signer_name(&s.signer, roster))
        .collect();
    if !changed.is_empty() {
        document.alert = Some(signing::changed_message(&changed));
    }
    document
}

/// The digest of the 现场检查笔录 as it reads now: what a signature given now is bound to.
pub fn onsite_record_digest(
    catalog: &Catalog,
    inspection: &Inspection,
    institution: &Institution,
    roster: &[Inspector],
) -> String {
    onsite_record(catalog, inspection, institution, roster).content_digest()
}

/// The name a signer is shown under: the officer's, or the party's with 被检查人.
pub fn signer_name(signer: &Signer, roster: &[Inspector]) -> String {
    match signer {
        Signer::Inspector { inspector_id } => Officer::of(inspector_id, roster).name,
        Signer::Party { name, .. } if name.trim().is_empty() => "被检查人".to_string(),
        Signer::Party { name, .. } => format!("被检查人{}", name.trim()),
    }
}

/// The header: the unit, when, where, who.
fn facts(
    inspection: &Inspection,
    institution: &Institution,
    officers: &[Officer],
    roster: &[Inspector],
) -> Vec<Fact> {
    let officer_list = officers
        .iter()
        .map(|o| format!("{}（{}）", o.name, o.certificate_line()))
        .collect::<Vec<_>>()
        .join("、");
    let place = match inspection.place.trim() {
        "" => institution.address.as_str(),
        place => place,
    };
    vec![
        Fact::new("被检查单位", &institution.name),
        Fact::new("地址", &institution.address),
        Fact::new(
            registration_label(institution.registration_kind),
            &institution.registration_number,
        ),
        Fact::new("法定代表人（负责人）", &institution.legal_representative),
        Fact::new("联系电话", &institution.contact_phone),
        // Not trimmed: its blanks to fill in by hand are full-width spaces.
        Fact {
            label: "检查时间".to_string(),
            value: Some(inspection_time(inspection)),
        },
        Fact::new("检查地点", place),
        Fact::new("执法人员", &officer_list),
        Fact::new("记录人", &recorders(inspection, roster)),
    ]
}

/// "2026年11月25日9时05分至11时20分": the inspection day and its hours (typed, or from the
/// data: see [`Inspection::hours`]); what is not known is left blank ("　　时　　分").
fn inspection_time(inspection: &Inspection) -> String {
    let Some(day) = inspection.date else {
        return format!("{}{TIME_PLACEHOLDER}", inspection_day(inspection));
    };
    let hours = inspection.hours();
    format!(
        "{}{}至{}",
        chinese_date(day),
        Hours::clock(hours.start),
        Hours::clock(hours.end)
    )
}

/// Who recorded the answers (each answer's 记录人), each once, by point id.
fn recorders(inspection: &Inspection, roster: &[Inspector]) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for answer in inspection.answers.values() {
        if let Some(id) = answer.updated_by.as_deref() {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids.into_iter()
        .map(|id| Officer::of(id, roster).name)
        .collect::<Vec<_>>()
        .join("、")
}

/// Showing the certificates and telling the party its rights, as the law requires first.
fn opening(officers: &[Officer]) -> String {
    let who = if officers.is_empty() {
        "执法人员".to_string()
    } else {
        format!("执法人员{}", names(officers))
    };
    format!(
        "{who}向被检查单位出示了执法证件，表明了身份，说明了检查的依据和内容，并告知其依法享有申请执法人员回避的权利。现场检查情况如下："
    )
}

/// "一、检查情况" with the overall counts, then per area its counts and its problems.
fn findings(
    table: &ChecklistTable,
    areas: &[AreaPoints],
    inspection: &Inspection,
    photos: &mut Photos,
) -> Vec<Section> {
    let source = if table.annex.starts_with("附表") {
        format!("{}《{}》", table.annex, table.title)
    } else {
        format!("《{}》", table.title)
    };
    let all = total(areas.iter().map(|a| a.counts(inspection)));
    let mut head = Section::headed(1, "一、检查情况".to_string());
    head.paragraphs.push(format!(
        "对照{source}对该单位进行了检查，{}。",
        counts_sentence(all)
    ));
    let mut sections = vec![head];
    let mut number = 0;
    for (index, area) in areas.iter().enumerate() {
        let mut section = Section::headed(
            2,
            format!("（{}）{}", chinese_number(index + 1), area.area.title),
        );
        section
            .paragraphs
            .push(format!("{}。", counts_sentence(area.counts(inspection))));
        sections.push(section);
        for problem in area.problems(inspection) {
            number += 1;
            let refs = photos.add(&problem.answer.media);
            let mut found = format!(
                "{number}．{}",
                with_refs(&problem.description(), &refs.references())
            );
            if let Some(videos) = refs.video_sentence("取证录像") {
                found.push_str(&videos);
            }
            let mut section = Section {
                items: vec![found],
                ..Section::default()
            };
            if !problem.answer.handling.is_empty() {
                let measures: Vec<String> = problem
                    .answer
                    .handling
                    .iter()
                    .map(|m| measure_text(m, inspection.date))
                    .collect();
                section
                    .items
                    .push(format!("处理措施：{}。", measures.join("；")));
            }
            section.figures = photos.take();
            sections.push(section);
        }
    }
    sections
}

/// "未将…悬挂于明显处所（见照片1、照片2）。"
fn with_refs(sentence: &str, refs: &str) -> String {
    if refs.is_empty() {
        return sentence.to_string();
    }
    let core = sentence.strip_suffix('。').unwrap_or(sentence);
    format!("{core}（见{refs}）。")
}

/// Photos numbered through the document ("照片1", "照片2", …), gathered for the next section.
#[derive(Debug, Default)]
struct Photos {
    count: usize,
    pending: Vec<Figure>,
}

/// What one set of media added: the photo numbers and the videos.
#[derive(Debug, Default)]
struct Added {
    numbers: Vec<usize>,
    videos: usize,
}

impl Added {
    /// "照片1、照片2" (empty without photos).
    fn references(&self) -> String {
        self.numbers
            .iter()
            .map(|n| format!("照片{n}"))
            .collect::<Vec<_>>()
            .join("、")
    }

    /// "<what>2段，另行存档。" when there are videos (they cannot print).
    fn video_sentence(&self, what: &str) -> Option<String> {
        (self.videos > 0).then(|| format!("{what}{}段，另行存档。", self.videos))
    }
}

impl Photos {
    /// Numbers the photos of `media` and counts its videos (signatures are left out).
    fn add(&mut self, media: &[MediaRef]) -> Added {
        let mut added = Added::default();
        for item in media {
            match item.kind {
                MediaKind::Photo => {
                    self.count += 1;
                    added.numbers.push(self.count);
                    self.pending.push(Figure {
                        media: item.clone(),
                        caption: caption(self.count, item),
                    });
                }
                MediaKind::Video => added.videos += 1,
                MediaKind::Signature => {}
            }
        }
        added
    }

    fn take(&mut self) -> Vec<Figure> {
        std::mem::take(&mut self.pending)
    }
}

/// "照片1　2026年11月25日10时31分拍摄" (the camera's time), or "照片1".
fn caption(number: usize, photo: &MediaRef) -> String {
    match photo.captured_at {
        Some(at) => format!("照片{number}　{}拍摄", at.format("%Y年%-m月%-d日%-H时%M分")),
        None => format!("照片{number}"),
    }
}

/// The party first (its confirmation above its line), then the officers in the order assigned;
/// a signature recorded on the inspection fills its line, others are blank lines to sign by
/// hand. An officer who signed without being assigned still gets a line. A signature given
/// under other content than `digest` is not printed: its line is left to sign again.
fn signatures(
    inspection: &Inspection,
    officers: &[Officer],
    roster: &[Inspector],
    digest: &str,
) -> Vec<SignatureLine> {
    const PARTY: &str = "被检查人（签名）";
    const OFFICER: &str = "执法人员（签名）";
    let mut lines: Vec<SignatureLine> = inspection
        .signatures
        .iter()
        .filter_map(|s| match &s.signer {
            Signer::Party { name, position } => {
                let mut line = signed(PARTY, name, s, digest);
                line.detail =
                    (!position.trim().is_empty()).then(|| format!("职务：{}", position.trim()));
                Some(line)
            }
            Signer::Inspector { .. } => None,
        })
        .collect();
    if lines.is_empty() {
        lines.push(SignatureLine::blank(PARTY, ""));
    }
    lines[0].statement = Some(CONFIRMATION.to_string());
    let signed_by = |id: &str| {
        inspection
            .signatures
            .iter()
            .find(|s| matches!(&s.signer, Signer::Inspector { inspector_id } if inspector_id == id))
    };
    let unassigned = inspection
        .signatures
        .iter()
        .filter_map(|s| match &s.signer {
            Signer::Inspector { inspector_id }
                if officers.iter().all(|o| &o.id != inspector_id) =>
            {
                Some(Officer::of(inspector_id, roster))
            }
            _ => None,
        });
    for officer in officers.iter().cloned().chain(unassigned) {
        let mut line = match signed_by(&officer.id) {
            Some(signature) => signed(OFFICER, &officer.name, signature, digest),
            None => SignatureLine::blank(OFFICER, &officer.name),
        };
        line.detail = Some(officer.certificate_line());
        lines.push(line);
    }
    lines
}

fn signed(label: &str, name: &str, signature: &Signature, digest: &str) -> SignatureLine {
    if SignatureState::of(signature, digest) == SignatureState::Changed {
        return SignatureLine::blank(label, name);
    }
    SignatureLine {
        image: Some(signature.image.clone()),
        signed_at: Some(signature.signed_at),
        ..SignatureLine::blank(label, name)
    }
}
