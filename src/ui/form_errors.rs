//! Which validation errors a record form shows: those of fields touched in this visit, and
//! all of them for a record that was already filled in before (so a half-done record shows
//! what is missing, while a brand-new blank one is not covered in red).

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::validation::FieldError;

/// The errors a form shows, field by field. Cheap to copy.
pub struct FormErrors<F: Send + Sync + 'static> {
    touched: RwSignal<BTreeSet<F>>,
    errors: Memo<Vec<FieldError<F>>>,
    started_blank: bool,
}

impl<F: Send + Sync + 'static> Clone for FormErrors<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Send + Sync + 'static> Copy for FormErrors<F> {}

impl<F> FormErrors<F>
where
    F: Copy + Ord + Send + Sync + 'static,
    FieldError<F>: Clone + PartialEq,
{
    /// `errors` recomputes the record's problems; `started_blank` says whether the record was
    /// blank when the form opened.
    pub fn new(errors: Memo<Vec<FieldError<F>>>, started_blank: bool) -> Self {
        Self {
            touched: RwSignal::new(BTreeSet::new()),
            errors,
            started_blank,
        }
    }

    /// Marks a field as edited, so its errors show from now on.
    pub fn touch(&self, field: F) {
        self.touched.update(|t| {
            t.insert(field);
        });
    }

    /// The message to show under `field`, if any.
    pub fn for_field(&self, field: F) -> Signal<Option<String>> {
        let this = *self;
        Signal::derive(move || {
            if this.started_blank && !this.touched.with(|t| t.contains(&field)) {
                return None;
            }
            this.errors.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    }
}
