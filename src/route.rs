//! The app's pages and their URLs. Routing is on the URL hash (`#/plans`) so that every page
//! has a bookmarkable address that a plain static file server, with no rewrite rules, can
//! serve from any sub-folder. Pure: parsing and formatting only.

/// One page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Plans,
    Plan(String),
    Institutions,
    Institution(String),
    /// 导入名录: the roster or the double-random list from a CSV/XLSX file.
    RosterImport,
    Inspectors,
    Inspector(String),
    Inspections,
    Inspection(String),
    /// An inspection's 现场检查笔录, printable.
    InspectionRecord(String),
    /// An inspection's 卫生监督意见书, printable.
    InspectionOpinion(String),
    /// A 驻点监督 stay: dates, group, coverage board.
    Stay(String),
    /// One scene's 现场监督表 in a stay: (stay id, scene or list id).
    StaySheet(String, String),
    /// A stay's problem register, where the 汇总会 settles each handling.
    StayRegister(String),
    /// The 反馈意见 to the hospital, printable.
    StayFeedback(String),
    /// The 监督建议书 draft, printable.
    StayAdvice(String),
    Summary,
    Data,
    /// 法规: the laws the catalogs cite, searchable.
    Laws,
    /// One law of the library, by its id.
    Law(String),
    NotFound(String),
}

impl Route {
    /// The route for a `location.hash` value (with or without the leading `#`).
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#');
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Self::Home,
            ["plans"] => Self::Plans,
            ["plans", id] => Self::Plan(decode(id)),
            ["institutions"] => Self::Institutions,
            ["institutions", "import"] => Self::RosterImport,
            ["institutions", id] => Self::Institution(decode(id)),
            ["inspectors"] => Self::Inspectors,
            ["inspectors", id] => Self::Inspector(decode(id)),
            ["inspections"] => Self::Inspections,
            ["inspections", id] => Self::Inspection(decode(id)),
            ["inspections", id, "record"] => Self::InspectionRecord(decode(id)),
            ["inspections", id, "opinion"] => Self::InspectionOpinion(decode(id)),
            ["stays", id] => Self::Stay(decode(id)),
            ["stays", id, "scenes", target] => Self::StaySheet(decode(id), decode(target)),
            ["stays", id, "register"] => Self::StayRegister(decode(id)),
            ["stays", id, "feedback"] => Self::StayFeedback(decode(id)),
            ["stays", id, "advice"] => Self::StayAdvice(decode(id)),
            ["summary"] => Self::Summary,
            ["data"] => Self::Data,
            ["laws"] => Self::Laws,
            ["laws", id] => Self::Law(decode(id)),
            _ => Self::NotFound(path.to_string()),
        }
    }

    /// The `href` of a link to this page, relative to the page itself.
    pub fn href(&self) -> String {
        let path = match self {
            Self::Home => String::new(),
            Self::Plans => "plans".into(),
            Self::Plan(id) => format!("plans/{}", encode(id)),
            Self::Institutions => "institutions".into(),
            Self::Institution(id) => format!("institutions/{}", encode(id)),
            Self::RosterImport => "institutions/import".into(),
            Self::Inspectors => "inspectors".into(),
            Self::Inspector(id) => format!("inspectors/{}", encode(id)),
            Self::Inspections => "inspections".into(),
            Self::Inspection(id) => format!("inspections/{}", encode(id)),
            Self::InspectionRecord(id) => format!("inspections/{}/record", encode(id)),
            Self::InspectionOpinion(id) => format!("inspections/{}/opinion", encode(id)),
            Self::Stay(id) => format!("stays/{}", encode(id)),
            Self::StaySheet(id, target) => {
                format!("stays/{}/scenes/{}", encode(id), encode(target))
            }
            Self::StayRegister(id) => format!("stays/{}/register", encode(id)),
            Self::StayFeedback(id) => format!("stays/{}/feedback", encode(id)),
            Self::StayAdvice(id) => format!("stays/{}/advice", encode(id)),
            Self::Summary => "summary".into(),
            Self::Data => "data".into(),
            Self::Laws => "laws".into(),
            Self::Law(id) => format!("laws/{}", encode(id)),
            Self::NotFound(path) => path.trim_start_matches('/').to_string(),
        };
        format!("#/{path}")
    }

    /// The top-level section a page belongs to, for highlighting the navigation.
    pub fn section(&self) -> Self {
        match self {
            Self::Institution(_) | Self::RosterImport => Self::Institutions,
            Self::Inspector(_) => Self::Inspectors,
            Self::Plan(_)
            | Self::Stay(_)
            | Self::StaySheet(..)
            | Self::StayRegister(_)
            | Self::StayFeedback(_)
            | Self::StayAdvice(_) => Self::Plans,
            Self::Inspection(_) | Self::InspectionRecord(_) | Self::InspectionOpinion(_) => {
                Self::Inspections
            }
            Self::Law(_) => Self::Laws,
            other => other.clone(),
        }
    }
}

/// Ids are generated by the app (UUIDs), but a hand-edited link may hold anything: keep only
/// characters that are safe in a URL fragment and percent-encode the rest.
fn encode(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    // A malformed escape is kept as typed rather than turned into replacement characters.
    String::from_utf8(out).unwrap_or_else(|_| segment.to_string())
}
