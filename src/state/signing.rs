//! The 现场检查笔录 an inspection's signatures are bound to, as it reads now (its digest), and
//! the signers whose signatures no longer match it. Reads are tracked, so a view showing them
//! follows every edit.

use crate::domain::catalog::edition_2022;
use crate::domain::inspection::Inspection;
use crate::domain::inspection_documents::{onsite_record_digest, signer_name};
use crate::domain::signing;
use crate::state::roster::Roster;
use crate::state::work::Work;

/// The digest of the inspection's 现场检查笔录 now; none for an unknown inspection or unit.
pub fn record_digest(work: Work, roster: Roster, inspection_id: &str) -> Option<String> {
    let inspection = work
        .inspections
        .with_record(inspection_id, |i| i.cloned())?;
    let institution = roster.institutions.get(&inspection.institution_id)?;
    let officers = roster.inspectors.with(Clone::clone);
    Some(onsite_record_digest(
        edition_2022(),
        &inspection,
        &institution,
        &officers,
    ))
}

/// The names of those whose signature was given under other content than the record now has.
pub fn changed_signers(work: Work, roster: Roster, inspection_id: &str) -> Vec<String> {
    let (Some(digest), Some(inspection)) = (
        record_digest(work, roster, inspection_id),
        work.inspections.with_record(inspection_id, |i| i.cloned()),
    ) else {
        return Vec::new();
    };
    changed_names(&inspection, &digest, roster)
}

/// The names of the signers of `inspection` whose signature does not match `digest`.
pub fn changed_names(inspection: &Inspection, digest: &str, roster: Roster) -> Vec<String> {
    let officers = roster.inspectors.with(Clone::clone);
    signing::changed(&inspection.signatures, digest)
        .into_iter()
        .map(|s| signer_name(&s.signer, &officers))
        .collect()
}
