//! Why a file cannot be imported, each reason with its own message in Chinese. A file that
//! gives any of these is refused whole: nothing of it is written.

/// A reason to refuse an exchange file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Zero bytes.
    Empty,
    /// Nothing but white space (or a byte-order mark).
    Blank,
    /// Over the size limit (bytes, limit).
    TooLarge(usize, usize),
    /// A file of another kind, known by its first bytes (what it is, in words).
    OtherFileType(&'static str),
    /// Not UTF-8 text (e.g. a GBK file, a ZIP, a picture).
    NotUtf8,
    /// Cut off before its end (a download or copy that did not finish).
    Truncated,
    /// Not JSON at all, or broken JSON (line, column).
    NotJson(usize, usize),
    /// A complete JSON document followed by more text (line, column where it starts).
    TrailingData(usize, usize),
    /// Nested deeper than the reader allows.
    TooDeep,
    /// JSON, but not an object (what it is instead, in words).
    NotAnObject(&'static str),
    /// A JSON object without the format's name: not this app's exchange file.
    NotExchangeFile,
    /// A JSON object naming another format (the value found, shortened).
    OtherFormat(String),
    /// Written by a newer app than this one (its format version).
    NewerVersion(u32),
    /// A format version this app never wrote.
    UnknownVersion(u32),
    /// The header is wrong: which field (empty for the file as a whole), and how.
    BadHeader(String, String),
    /// The records were changed or damaged after export.
    ChecksumMismatch,
    /// A record field is wrong: where (e.g. `inspections[3].date`), and how.
    BadValue(String, String),
    /// More records of one kind than a file may carry (kind, count, limit).
    TooManyRecords(&'static str, usize, usize),
    /// A text longer than any the app writes (where, chars).
    TooLong(String, usize),
    /// Two records of one kind share an id (kind, id).
    DuplicateId(&'static str, String),
    /// A record refers to one the file does not carry (what, kind referred to, id).
    Dangling(String, &'static str, String),
    /// A ZIP whose contents cannot be read (a damaged entry, a bad directory).
    ArchiveDamaged,
    /// A ZIP without `records.json`: another program's archive (an .xlsx, a .docx, …).
    NotOurArchive,
    /// A ZIP entry this app never writes: another name, a folder, a path (the name, shortened).
    OddEntry(String),
    /// A ZIP entry encrypted or compressed in a way this app does not write (its name).
    UnsupportedEntry(String),
    /// Two ZIP entries with one name.
    DuplicateEntries,
    /// More files in the ZIP than allowed (count, limit).
    TooManyFiles(u64, usize),
    /// One file in the ZIP larger than any the app stores (name, bytes, limit).
    EntryTooLarge(String, u64, u64),
    /// The ZIP's files add up to more than allowed (bytes, limit).
    ContentTooLarge(u64, usize),
    /// A media file in the ZIP that no record refers to (its id).
    UnreferencedMedia(String),
    /// A media file whose bytes differ from what its record says (the file in words, how).
    MediaMismatch(String, String),
}

impl ImportError {
    /// What the user reads.
    pub fn message(&self) -> String {
        match self {
            Self::Empty => "文件为空（0 字节），不是有效的数据交换文件".into(),
            Self::Blank => "文件中只有空白字符，没有任何数据，不是有效的数据交换文件".into(),
            Self::TooLarge(bytes, limit) => format!(
                "文件过大（{}），超过导入上限 {}",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            Self::OtherFileType(what) => {
                // A space between Chinese and a Latin word, as elsewhere ("JSON 数组").
                let space = if what.starts_with(|c: char| c.is_ascii()) { " " } else { "" };
                format!(
                    "这是{space}{what}，不是本应用导出的数据交换文件；请选择本应用导出时保存的 .json 或 .zip 文件"
                )
            }
            Self::NotUtf8 => {
                "文件不是 UTF-8 编码的文本（可能是 GBK 编码的表格或其他类型的文件），不是本应用导出的数据交换文件"
                    .into()
            }
            Self::Truncated => "文件不完整：内容在结尾前中断，可能下载或复制时被截断，请重新导出".into(),
            Self::NotJson(line, column) => {
                format!("文件格式错误（第{line}行第{column}列附近），不是有效的数据交换文件")
            }
            Self::TrailingData(line, column) => format!(
                "文件在数据结束后还有多余的内容（从第{line}行第{column}列起），可能被其他程序改动或拼接过，请使用导出的原文件"
            ),
            Self::TooDeep => "文件结构嵌套过深（超过128层），不是本应用导出的文件".into(),
            Self::NotAnObject(what) => format!(
                "文件内容是一个 JSON {what}，而数据交换文件应是一个 JSON 对象；这不是本应用导出的文件"
            ),
            Self::NotExchangeFile => "这不是本应用导出的数据交换文件（缺少格式标识）".into(),
            Self::OtherFormat(found) => format!(
                "文件的格式标识是 {found}，不是本应用的数据交换文件（应为 {}）",
                super::FORMAT
            ),
            Self::NewerVersion(version) => format!(
                "文件由较新版本的应用导出（格式版本 {version}），本应用只能读取到版本 {}；请先更新本应用后再导入",
                super::FORMAT_VERSION
            ),
            Self::UnknownVersion(version) => {
                format!("不支持的格式版本 {version}（格式版本从 1 开始）")
            }
            Self::BadHeader(field, problem) if field.is_empty() => format!("文件头有误：{problem}"),
            Self::BadHeader(field, problem) => {
                format!("文件头“{}”有误：{problem}", shorten_path(field))
            }
            Self::ChecksumMismatch => {
                "校验和不符：文件在导出后被修改或已损坏，为防止导入错误数据，已拒绝导入".into()
            }
            Self::BadValue(path, problem) if path.is_empty() => format!("记录有误：{problem}"),
            Self::BadValue(path, problem) => {
                format!("记录 {} 有误：{problem}", shorten_path(path))
            }
            Self::TooManyRecords(kind, count, limit) => format!(
                "文件中有 {count} 条{kind}记录，超过导入上限 {limit} 条；请按任务分别导出后再导入"
            ),
            Self::TooLong(path, chars) => format!(
                "记录 {} 的文字过长（{chars}字），超过本应用允许的长度",
                shorten_path(path)
            ),
            Self::DuplicateId(kind, id) => {
                format!("文件中有两条{kind}使用同一编号 {}", shorten(id))
            }
            Self::Dangling(what, kind, id) => {
                format!("{what} 引用的{kind} {} 不在文件中", shorten(id))
            }
            Self::ArchiveDamaged => {
                "压缩包已损坏或不完整（可能下载或复制时被截断），其中的文件无法完整读出；请重新导出后再导入".into()
            }
            Self::NotOurArchive => "这个 ZIP 压缩包中没有 records.json，不是本应用导出的数据交换文件（Excel .xlsx、Word .docx 也是 ZIP 压缩包）；请选择本应用导出的 .zip 或 .json 文件".into(),
            Self::OddEntry(name) => format!(
                "压缩包中有本应用不会写入的文件“{}”，可能被其他程序改动过，已拒绝导入",
                shorten(name)
            ),
            Self::UnsupportedEntry(name) => format!(
                "压缩包中的文件“{}”经过加密或使用了本应用不支持的压缩方式，可能被其他程序改动过",
                shorten(name)
            ),
            Self::DuplicateEntries => {
                "压缩包中有两个同名的文件，可能被其他程序改动过，已拒绝导入".into()
            }
            Self::TooManyFiles(count, limit) => {
                format!("压缩包中有 {count} 个文件，超过导入上限 {limit} 个；请按任务分别导出")
            }
            Self::EntryTooLarge(name, bytes, limit) => format!(
                "压缩包中的文件“{}”过大（{}），超过上限 {}",
                shorten(name),
                megabytes(usize::try_from(*bytes).unwrap_or(usize::MAX)),
                megabytes(usize::try_from(*limit).unwrap_or(usize::MAX))
            ),
            Self::ContentTooLarge(bytes, limit) => format!(
                "压缩包中的文件合计 {}，超过导入上限 {}；请按任务分别导出",
                megabytes(usize::try_from(*bytes).unwrap_or(usize::MAX)),
                megabytes(*limit)
            ),
            Self::UnreferencedMedia(id) => format!(
                "压缩包中的文件“media/{}”没有任何记录引用，可能被其他程序改动过，已拒绝导入",
                shorten(id)
            ),
            Self::MediaMismatch(what, problem) => format!(
                "{what}已损坏或被改动：{problem}；为防止导入与记录不符的证据，已拒绝导入整个文件"
            ),
        }
    }
}

/// Megabytes with one decimal, rounded up, so a file just over the limit never shows as equal
/// to it.
pub(super) fn megabytes(bytes: usize) -> String {
    crate::domain::storage_budget::megabytes_up(bytes as u64)
}

/// A serde error's detail in words a user can act on; never serde's English (a detail not
/// recognised gives a plain 内容无效, the caller names the field).
pub(super) fn explain(detail: &str) -> String {
    let detail = without_position(detail);
    if detail.contains("invalid value: integer `-") {
        "不能为负数".into()
    } else if let Some(rest) = detail.strip_prefix("invalid value: ") {
        let (found, _) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        if found.starts_with("integer") {
            format!("数值 {} 超出允许范围", shorten(quoted(found)))
        } else {
            format!("取值 {} 无效", shorten(&found_in_words(found)))
        }
    } else if detail.contains("premature end")
        || detail.contains("input is out of range")
        || detail.contains("input contains invalid characters")
        || detail.contains("trailing input")
        || detail.contains("no possible date and time")
        || detail.contains("invalid date")
    {
        "日期或时间无效".into()
    } else if detail.starts_with("missing field") {
        format!("缺少字段 {}", shorten(quoted(detail)))
    } else if detail.starts_with("unknown field") {
        format!("有本应用不认识的字段 {}", shorten(quoted(detail)))
    } else if detail.starts_with("duplicate field") {
        format!("字段 {} 重复出现", shorten(quoted(detail)))
    } else if detail.starts_with("unknown variant") {
        format!("取值 {} 不在允许范围内", shorten(quoted(detail)))
    } else if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        format!(
            "类型错误：应为{}，文件中是{}",
            expected_in_words(expected),
            shorten(&found_in_words(found))
        )
    } else if detail.starts_with("invalid length") {
        "类型错误：应为对象（带字段名），文件中是数组".into()
    } else if detail.contains("recursion limit") {
        "结构嵌套过深（超过128层）".into()
    } else if detail.contains("number out of range") || detail.contains("too large") {
        "数值超出范围".into()
    } else {
        "内容无效，不是本应用写入的取值".into()
    }
}

/// What serde expected, in words.
fn expected_in_words(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "不小于 0 的整数".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数".into(),
        "a string" | "variant identifier" => "文本".into(),
        "a boolean" => "true 或 false".into(),
        "a sequence" => "数组".into(),
        "a formatted date string" => "日期文本（如 2026-11-25）".into(),
        e if e.starts_with("a formatted date and time string")
            || e.starts_with("an RFC 3339 formatted date and time string") =>
        {
            "日期时间文本（如 2026-11-25T08:00:00Z）".into()
        }
        "f32" | "f64" => "数字".into(),
        "string or map" => "文本或对象".into(),
        e if e.starts_with("a formatted time") => "时间文本（如 08:30:00）".into(),
        e if e.starts_with("struct ") || e.starts_with("a map") || e.contains("enum") => {
            "对象".into()
        }
        e if e.starts_with("a sequence") || e.starts_with("a tuple") => "数组".into(),
        _ => "本应用规定的类型".into(),
    }
}

/// What serde found instead (its `Unexpected` in words).
fn found_in_words(found: &str) -> String {
    let value = || quoted(found);
    if found.starts_with("floating point") {
        format!("小数 {}", value())
    } else if found.starts_with("integer") {
        format!("整数 {}", value())
    } else if found.starts_with("boolean") {
        format!("布尔值 {}", value())
    } else if let Some(text) = found.strip_prefix("string ") {
        format!("文本 {text}")
    } else if found.starts_with("character") {
        format!("字符 {}", value())
    } else {
        match found {
            "sequence" => "数组".into(),
            "map" => "对象".into(),
            "unit value" | "null" => "空值 null".into(),
            _ => "其他类型的值".into(),
        }
    }
}

/// A serde_json message without the " at line 3 column 16" it adds: the caller names the
/// field instead.
fn without_position(detail: &str) -> &str {
    let Some(at) = detail.rfind(" at line ") else {
        return detail;
    };
    let mut rest = detail[at + " at line ".len()..].split(" column ");
    let number = |part: Option<&str>| {
        part.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if number(rest.next()) && number(rest.next()) && rest.next().is_none() {
        &detail[..at]
    } else {
        detail
    }
}

/// A value from the file, short enough for a message (file text can be 20,000 characters).
pub(super) fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

/// A path for a message: its start and its end when it is long (its keys are the file's
/// text, e.g. a check point id of thousands of characters).
fn shorten_path(path: &str) -> String {
    const KEEP: usize = 48;
    let chars = path.chars().count();
    if chars <= 2 * KEEP {
        return path.to_string();
    }
    let start: String = path.chars().take(KEEP).collect();
    let end: String = path.chars().skip(chars - KEEP).collect();
    format!("{start}…{end}")
}

/// The first `backquoted` word of a serde message.
fn quoted(detail: &str) -> &str {
    detail.split('`').nth(1).unwrap_or(detail)
}
