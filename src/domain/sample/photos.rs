//! The sample's evidence photos: a few of its findings and 驻点 problems carry a photo, drawn by
//! the app when the sample is loaded (a card naming the unit, the check point and the problem),
//! so the 现场检查笔录 and the viewer show real stored photos without shipping image files.
//! Pure: which findings, and what each card says; the browser draws and stores them.

use chrono::NaiveDateTime;

use super::Sample;
use crate::domain::inspection::Verdict;
use crate::domain::media::MediaRef;

/// Photos per kind of owner.
const INSPECTION_PHOTOS: usize = 3;
const STAY_PHOTOS: usize = 2;

/// Where a sample photo goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoTarget {
    Answer {
        inspection_id: String,
        point_id: String,
    },
    StayAnswer {
        sheet_id: String,
        point_id: String,
    },
}

/// One photo to draw: its id, where it goes, the lines on the card and when it was "taken".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SamplePhoto {
    pub id: String,
    pub target: PhotoTarget,
    pub lines: Vec<String>,
    pub taken_at: NaiveDateTime,
}

/// The sample photos: the first 不符合 findings of the sample's inspections (one per
/// inspection) and of its finished stay, in a fixed order.
pub fn sample_photos(sample: &Sample) -> Vec<SamplePhoto> {
    let name_of = |id: &str| {
        sample
            .institutions
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.name.clone())
            .unwrap_or_default()
    };
    let mut photos = Vec::new();
    for inspection in &sample.inspections {
        if photos.len() == INSPECTION_PHOTOS {
            break;
        }
        let Some((point, answer)) = inspection
            .answers
            .iter()
            .find(|(_, a)| a.verdict == Verdict::NonCompliant && !a.description.is_empty())
        else {
            continue;
        };
        let Some(day) = inspection.date else {
            continue;
        };
        photos.push(SamplePhoto {
            id: format!("sample-photo-{}", photos.len() + 1),
            target: PhotoTarget::Answer {
                inspection_id: inspection.id.clone(),
                point_id: point.clone(),
            },
            lines: vec![
                name_of(&inspection.institution_id),
                format!("检查要点 {point}"),
                answer.description.clone(),
            ],
            taken_at: day.and_hms_opt(10, 12, 0).unwrap_or_default(),
        });
    }
    let stay_photos = sample.stays.iter().flat_map(|stay| {
        sample
            .scene_sheets
            .iter()
            .filter(move |s| s.stay_id == stay.id && s.not_applicable.is_none())
            .flat_map(move |sheet| {
                sheet
                    .answers
                    .iter()
                    .filter(|(_, a)| a.verdict == Verdict::NonCompliant)
                    .map(move |(point, a)| (stay, sheet, point, a))
            })
    });
    for (n, (stay, sheet, point, answer)) in stay_photos.take(STAY_PHOTOS).enumerate() {
        photos.push(SamplePhoto {
            id: format!("sample-photo-stay-{}", n + 1),
            target: PhotoTarget::StayAnswer {
                sheet_id: sheet.id.clone(),
                point_id: point.clone(),
            },
            lines: vec![
                name_of(&stay.institution_id),
                format!("驻点监督 · {point}"),
                answer.description.clone(),
            ],
            taken_at: answer.on.and_hms_opt(15, 40, 0).unwrap_or_default(),
        });
    }
    photos
}

/// Puts a drawn and stored photo on its finding; false if the finding is not in the sample.
pub fn attach_sample_photo(sample: &mut Sample, target: &PhotoTarget, media: MediaRef) -> bool {
    let slot = match target {
        PhotoTarget::Answer {
            inspection_id,
            point_id,
        } => sample
            .inspections
            .iter_mut()
            .find(|i| &i.id == inspection_id)
            .and_then(|i| i.answers.get_mut(point_id))
            .map(|a| &mut a.media),
        PhotoTarget::StayAnswer { sheet_id, point_id } => sample
            .scene_sheets
            .iter_mut()
            .find(|s| &s.id == sheet_id)
            .and_then(|s| s.answers.get_mut(point_id))
            .map(|a| &mut a.media),
    };
    match slot {
        Some(media_list) => {
            media_list.push(media);
            true
        }
        None => false,
    }
}
