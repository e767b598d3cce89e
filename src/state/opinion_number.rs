//! Taking a 卫生监督意见书's 文号 from the device's series: the series is advanced and kept
//! first, then the number is written to the inspection with strict durability, and only then is
//! it said taken. A crash between the two leaves a gap in the series, never a number given
//! twice.

use chrono::Datelike;

use crate::browser;
use crate::domain::document_number::DocumentSeries;
use crate::state::work::Work;
use crate::storage::preferences;

/// What taking a number did: the number and whether the series could be kept on this device.
pub struct Taken {
    pub number: String,
    pub series_kept: bool,
    /// The next number of the series, to show in the field.
    pub next: String,
}

/// Takes the next number of the series `typed` (where the user set it to stand) for the
/// inspection; the message says why when it cannot.
pub async fn take_opinion_number(
    work: Work,
    inspection_id: &str,
    typed: &str,
) -> Result<Taken, String> {
    let year = browser::today().year();
    let mut series = DocumentSeries::from_typed(typed.trim()).map_err(|e| e.message())?;
    let number = series.take(year);
    let series_kept = preferences::set_opinion_series(&series);
    let written = number.clone();
    work.inspections
        .commit(inspection_id, move |i| {
            i.opinion_number = Some(written.clone())
        })
        .await
        .map_err(|e| format!("文号 {number} 未能写入本检查：{}", e.message()))?;
    Ok(Taken {
        number,
        series_kept,
        next: series.peek(year),
    })
}
