//! Closed vocabularies of the domain (institution types, services, …): each variant has a
//! stable code for storage and the official Chinese label for the UI.

/// A closed set of values with stable storage codes and official labels.
pub trait Labelled: Sized + Copy + 'static {
    /// Every value, in the order the official documents list them.
    const ALL: &'static [Self];
    /// The official Chinese term, shown verbatim in the UI.
    fn label(self) -> &'static str;
    /// The stable code used in storage and in form values.
    fn code(self) -> &'static str;
    /// The value with this storage code.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

/// Declares a labelled enum: `Variant = "code" => "标签"`; variants serialise as their code.
macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $code:literal => $label:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
                 serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $code)] $variant),+ }

        impl Labelled for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }
    };
}
pub(crate) use labelled_enum;
