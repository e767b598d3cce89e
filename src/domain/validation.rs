//! What validation of a record reports: one message per problem, attached to its field.

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub message: String,
}

impl<F> FieldError<F> {
    pub fn new(field: F, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// The longest name or address we accept; registration documents use far less.
pub const MAX_TEXT_CHARS: usize = 100;
