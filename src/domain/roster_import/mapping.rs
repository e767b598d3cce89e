//! Which institution field each column of the file fills: guessed from the header by
//! synonyms (the city platform's 单位名称, 统一社会信用代码, 所属乡镇（街道）, …), then changed by
//! the user if need be. A column maps to at most one field and a field to at most one column.

use crate::domain::labelled::{labelled_enum, Labelled};

labelled_enum! {
    /// An institution field a column can fill; a column mapped to none is not imported.
    Field {
        Name = "name" => "名称",
        RegistrationNumber = "registration_number" => "统一社会信用代码/登记号",
        Kind = "kind" => "机构类别",
        Level = "level" => "级别",
        Ownership = "ownership" => "所有制",
        Address = "address" => "地址",
        Township = "township" => "乡镇/街道",
        LegalRepresentative = "legal_representative" => "法定代表人（负责人）",
        ContactPerson = "contact_person" => "联系人",
        ContactPhone = "contact_phone" => "联系电话",
        Services = "services" => "开展服务",
    }
}

/// What the UI shows for a column mapped to no field.
pub const IGNORE_LABEL: &str = "不导入";

/// Header texts per field, compared after [`normalize_header`].
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "名称",
            "单位名称",
            "机构名称",
            "被检查单位",
            "被检查单位名称",
            "被监督单位",
            "被监督单位名称",
            "监督对象",
            "监督对象名称",
            "检查对象",
            "检查对象名称",
            "医疗机构名称",
            "企业名称",
            "单位全称",
            "机构全称",
        ],
    ),
    (
        Field::RegistrationNumber,
        &[
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "组织机构代码",
            "登记号",
            "执业许可证登记号",
            "医疗机构执业许可证登记号",
            "许可证登记号",
            "执业许可证号",
            "许可证号",
            "统一社会信用代码/登记号",
            "统一社会信用代码或登记号",
        ],
    ),
    (
        Field::Kind,
        &[
            "机构类别",
            "类别",
            "机构类型",
            "单位类型",
            "类型",
            "单位类别",
            "医疗机构类别",
            "机构分类",
            "医疗机构类型",
        ],
    ),
    (
        Field::Level,
        &["医院级别", "级别", "等级", "医院等级", "机构级别"],
    ),
    (
        Field::Ownership,
        &[
            "所有制",
            "经营性质",
            "性质",
            "所有制形式",
            "机构性质",
            "所有制性质",
        ],
    ),
    (
        Field::Address,
        &[
            "地址",
            "执业地址",
            "单位地址",
            "详细地址",
            "机构地址",
            "注册地址",
            "经营地址",
            "地点",
            "住所",
        ],
    ),
    (
        Field::Township,
        &[
            "乡镇",
            "街道",
            "所属乡镇",
            "乡镇/街道",
            "乡镇街道",
            "所属街道",
            "所属乡镇街道",
            "所属乡镇/街道",
            "所在乡镇",
            "所在街道",
            "乡镇(街道)",
        ],
    ),
    (
        Field::LegalRepresentative,
        &[
            "负责人",
            "法定代表人",
            "主要负责人",
            "法人",
            "法人代表",
            "法定代表人/负责人",
            "法定代表人(负责人)",
        ],
    ),
    (Field::ContactPerson, &["联系人"]),
    (
        Field::ContactPhone,
        &[
            "联系电话",
            "电话",
            "手机",
            "手机号",
            "手机号码",
            "联系方式",
            "电话号码",
            "联系人电话",
            "负责人电话",
            "联系手机",
        ],
    ),
    (
        Field::Services,
        &[
            "服务",
            "开展服务",
            "诊疗科目",
            "服务项目",
            "开展项目",
            "重点服务",
            "诊疗项目",
            "开展的服务",
        ],
    ),
];

/// Words too general to match inside a longer header ("风险等级" is no hospital level).
const EXACT_ONLY: &[&str] = &[
    "名称", "类别", "类型", "等级", "性质", "服务", "单位", "地点",
];

/// Header text for comparison: no spaces or asterisks (required-field marks), full-width
/// letters and brackets made half-width, no trailing colon.
pub(super) fn normalize_header(text: &str) -> String {
    super::values::half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect::<String>()
        .trim_end_matches(':')
        .to_string()
}

/// The header without bracketed parts: "所属乡镇(街道)" → "所属乡镇".
fn without_brackets(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The field a header names and how surely: 0 exact, 1 exact without brackets, 2 ends with
/// a synonym, 3 contains one (the longest synonym wins within a level).
fn match_header(header: &str) -> Option<(Field, u8)> {
    let full = normalize_header(header);
    let bare = without_brackets(&full);
    let all = || {
        SYNONYMS
            .iter()
            .flat_map(|(f, words)| words.iter().map(move |w| (*f, *w)))
    };
    let exact = |text: &str| all().find(|(_, w)| *w == text).map(|(f, _)| f);
    if let Some(field) = exact(&full) {
        return Some((field, 0));
    }
    if let Some(field) = exact(&bare) {
        return Some((field, 1));
    }
    let loose = all().filter(|(_, w)| !EXACT_ONLY.contains(w));
    let longest = |pick: &dyn Fn(&str) -> bool| {
        loose
            .clone()
            .filter(|(_, w)| pick(w))
            .max_by_key(|(_, w)| w.chars().count())
            .map(|(f, _)| f)
    };
    if let Some(field) = longest(&|w| bare.ends_with(w)) {
        return Some((field, 2));
    }
    longest(&|w| w.chars().count() >= 3 && bare.contains(w)).map(|f| (f, 3))
}

/// The field a header names, if any.
pub(super) fn field_for_header(header: &str) -> Option<Field> {
    match_header(header).map(|(field, _)| field)
}

/// One field (or none) per column, guessed from the header; surer matches are placed first
/// and a field goes to the leftmost column that names it.
pub fn guess_mapping(header: &[String]) -> Vec<Option<Field>> {
    let matches: Vec<_> = header.iter().map(|h| match_header(h)).collect();
    let mut mapping = vec![None; header.len()];
    for level in 0..=3 {
        for (column, found) in matches.iter().enumerate() {
            let Some((field, at)) = *found else { continue };
            if at == level && mapping[column].is_none() && !mapping.contains(&Some(field)) {
                mapping[column] = Some(field);
            }
        }
    }
    mapping
}

/// What must be fixed before importing with this mapping: a field chosen for two columns,
/// or no name column.
pub fn mapping_problems(header: &[String], mapping: &[Option<Field>]) -> Vec<String> {
    let mut problems = Vec::new();
    for &field in Field::ALL {
        let columns: Vec<String> = mapping
            .iter()
            .enumerate()
            .filter(|(_, f)| **f == Some(field))
            .map(|(i, _)| format!("“{}”", header.get(i).map_or("", String::as_str)))
            .collect();
        if columns.len() > 1 {
            problems.push(format!(
                "“{}”只能对应一列，现在对应了{}",
                field.label(),
                columns.join("")
            ));
        }
    }
    if !mapping.contains(&Some(Field::Name)) {
        problems.push(format!("请指定哪一列是“{}”", Field::Name.label()));
    }
    problems
}
