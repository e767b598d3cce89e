//! What validation of a record reports: one message per problem, attached to its field; and
//! the checks every versioned catalog shares (unique ids, a check point's text, basis and
//! 规范用语).

use std::collections::BTreeSet;

use super::law::parse_basis;

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

/// The ids seen so far in one catalog edition; each repeat is a problem.
#[derive(Debug, Default)]
pub struct UniqueIds(BTreeSet<String>);

impl UniqueIds {
    /// Notes `id`, reporting it if it was seen before.
    pub fn check(&mut self, id: &str, problems: &mut Vec<String>) {
        if !self.0.insert(id.to_string()) {
            problems.push(format!("{id}: 编号重复"));
        }
    }
}

/// What any catalog's check point needs: the text the inspector reads, a legal basis written
/// as citations (`law::parse_basis`: 《法规名称》第X条、第Y条；…), and at least one 规范用语, none
/// blank. Whether the citations resolve is checked against the law library
/// (`law::check_citations`).
pub fn check_point_text(
    id: &str,
    text: &str,
    basis: &str,
    phrasings: &[String],
    problems: &mut Vec<String>,
) {
    if text.trim().is_empty() {
        problems.push(format!("{id}: 缺少检查要点内容"));
    }
    if let Err(e) = parse_basis(basis) {
        problems.push(format!("{id}: 法律法规依据格式错误：{e}"));
    }
    if phrasings.is_empty() || phrasings.iter().any(|p| p.trim().is_empty()) {
        problems.push(format!("{id}: 缺少规范用语"));
    }
}
