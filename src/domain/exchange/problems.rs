//! Why a file cannot be imported, each reason with its own message in Chinese. A file that
//! gives any of these is refused whole: nothing of it is written.

/// A reason to refuse an exchange file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Zero bytes.
    Empty,
    /// Over the size limit (bytes, limit).
    TooLarge(usize, usize),
    /// Not UTF-8 text (e.g. a GBK file, a ZIP, a picture).
    NotUtf8,
    /// Cut off before its end (a download or copy that did not finish).
    Truncated,
    /// Not JSON at all, or broken JSON (line, column).
    NotJson(usize, usize),
    /// Nested deeper than the reader allows.
    TooDeep,
    /// JSON, but not this app's exchange file.
    NotExchangeFile,
    /// Written by a newer app than this one (its format version).
    NewerVersion(u32),
    /// A format version this app never wrote.
    UnknownVersion(u32),
    /// The header is wrong: which field, and how.
    BadHeader(String, String),
    /// The records were changed or damaged after export.
    ChecksumMismatch,
    /// A record field is wrong: where (e.g. `inspections[3].date`), and how.
    BadValue(String, String),
    /// A text longer than any the app writes (where, chars).
    TooLong(String, usize),
    /// Two records of one kind share an id (kind, id).
    DuplicateId(&'static str, String),
    /// A record refers to one the file does not carry (what, id).
    Dangling(String, String),
}

impl ImportError {
    /// What the user reads.
    pub fn message(&self) -> String {
        match self {
            Self::Empty => "文件为空，不是有效的数据交换文件".into(),
            Self::TooLarge(bytes, limit) => format!(
                "文件过大（{}），超过导入上限 {}",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            Self::NotUtf8 => {
                "文件不是 UTF-8 编码的文本（可能是 GBK 编码的表格或其他类型的文件），不是本应用导出的数据交换文件"
                    .into()
            }
            Self::Truncated => "文件不完整：内容在结尾前中断，可能下载或复制时被截断，请重新导出".into(),
            Self::NotJson(line, column) => {
                format!("文件格式错误（第{line}行第{column}列附近），不是有效的数据交换文件")
            }
            Self::TooDeep => "文件结构嵌套过深（超过128层），不是本应用导出的文件".into(),
            Self::NotExchangeFile => "这不是本应用导出的数据交换文件（缺少格式标识）".into(),
            Self::NewerVersion(version) => format!(
                "文件由较新版本的应用导出（格式版本 {version}），本应用只能读取到版本 {}；请先更新本应用后再导入",
                super::FORMAT_VERSION
            ),
            Self::UnknownVersion(version) => format!("不支持的格式版本 {version}"),
            Self::BadHeader(field, problem) => format!("文件头“{field}”有误：{problem}"),
            Self::ChecksumMismatch => {
                "校验和不符：文件在导出后被修改或已损坏，为防止导入错误数据，已拒绝导入".into()
            }
            Self::BadValue(path, problem) => format!("记录 {path} 有误：{problem}"),
            Self::TooLong(path, chars) => {
                format!("记录 {path} 的文字过长（{chars}字），超过本应用允许的长度")
            }
            Self::DuplicateId(kind, id) => format!("文件中有两条{kind}使用同一编号 {id}"),
            Self::Dangling(what, id) => format!("{what}引用的记录 {id} 不在文件中"),
        }
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// A serde error's detail in words a user can act on.
pub(super) fn explain(detail: &str) -> String {
    if detail.contains("invalid value: integer `-") {
        "不能为负数".into()
    } else if detail.contains("premature end")
        || detail.contains("input is out of range")
        || detail.contains("input contains invalid characters")
        || detail.contains("trailing input")
        || detail.contains("no possible date and time")
        || detail.contains("invalid date")
    {
        "日期或时间无效".into()
    } else if detail.starts_with("missing field") {
        format!("缺少字段 {}", quoted(detail))
    } else if detail.starts_with("unknown field") {
        format!("有本应用不认识的字段 {}", quoted(detail))
    } else if detail.starts_with("unknown variant") {
        format!("取值 {} 不在允许范围内", quoted(detail))
    } else if detail.starts_with("invalid type") {
        format!("类型错误（{detail}）")
    } else if detail.contains("number out of range") || detail.contains("too large") {
        "数值超出范围".into()
    } else {
        format!("内容无效（{detail}）")
    }
}

/// The first `backquoted` word of a serde message.
fn quoted(detail: &str) -> &str {
    detail.split('`').nth(1).unwrap_or(detail)
}
