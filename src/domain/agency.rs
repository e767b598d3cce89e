//! The issuing agency (落款单位): the one name a device's documents are issued under, printed in
//! each document's 落款 and at the top of every printed page. Typed once on the device; this
//! module says what a typed name becomes on paper.

/// The longest name kept, in characters (the longest agency names are about 30).
pub const MAX_CHARS: usize = 50;

/// An agency's name as printed: trimmed, inner whitespace runs as one space, no control
/// characters, at most [`MAX_CHARS`] characters. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency(String);

impl Agency {
    /// The agency named by `typed`; none when nothing printable was typed.
    pub fn from_typed(typed: &str) -> Option<Self> {
        let name = typed
            .split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let name: String = name.chars().take(MAX_CHARS).collect();
        let name = name.trim_end().to_string();
        (!name.is_empty()).then_some(Self(name))
    }

    pub fn name(&self) -> &str {
        &self.0
    }

    /// The name as a CSS string literal (quoted, `"` and `\` escaped), for a page header's
    /// `content`.
    pub fn css_string(&self) -> String {
        let mut out = String::with_capacity(self.0.len() + 2);
        out.push('"');
        for c in self.0.chars() {
            if matches!(c, '"' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
        out
    }
}
