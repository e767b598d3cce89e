//! What a conflict notice calls a field and shows of its values: the Chinese name of the
//! field a merge path ends in, by record kind (the storage kind's name), and a value as text.

use serde_json::Value;

use super::Step;

/// The field's name for a notice, e.g. 「地址」 or 「检查结果中的问题描述」.
pub fn field_label(kind: &str, path: &[Step]) -> String {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|step| match step {
            Step::Key(key) => Some(key.as_str()),
            Step::Id(_) => None,
        })
        .collect();
    let Some(top) = keys.first() else {
        return "整条记录".into();
    };
    let top = top_label(kind, top);
    match keys
        .last()
        .filter(|_| keys.len() > 1)
        .and_then(|k| inner_label(k))
    {
        Some(inner) => format!("{top}中的{inner}"),
        None => top.to_string(),
    }
}

/// A value as the notice shows it; a choice stored by its code reads 所选项.
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "（空）".into(),
        Some(Value::String(text)) if text.is_empty() => "（空）".into(),
        Some(Value::String(text)) if is_code(text) => "（所选项）".into(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Bool(true)) => "是".into(),
        Some(Value::Bool(false)) => "否".into(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .map(|item| value_text(Some(item)))
            .collect::<Vec<_>>()
            .join("、"),
        Some(_) => "（多项内容）".into(),
    }
}

/// A stored choice (`CreditCode`, `NotApplicable`): a capitalised ASCII identifier.
fn is_code(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && text.chars().any(|c| c.is_ascii_lowercase())
}

fn top_label(kind: &str, key: &str) -> &'static str {
    match (kind, key) {
        ("institutions", "name") => "名称",
        ("inspectors", "name") => "姓名",
        ("plans", "name") => "任务名称",
        ("plans", "kind") => "任务类型",
        ("institutions", "kind") => "类别",
        (_, "registration_kind") => "登记类型",
        (_, "registration_number") => "登记号码",
        (_, "level") => "医院等级",
        (_, "ownership") => "所有制形式",
        (_, "address") => "地址",
        (_, "township") => "乡镇（街道）",
        (_, "legal_representative") => "法定代表人（负责人）",
        (_, "contact_person") => "联系人",
        (_, "contact_phone") => "联系电话",
        (_, "services") => "诊疗科目（服务）",
        (_, "penalties") => "既往处罚",
        (_, "certificate_number") => "执法证号",
        (_, "unit") => "所在单位",
        (_, "conflicts") => "回避单位",
        (_, "year") => "年度",
        (_, "deadline") => "完成期限",
        (_, "targets") => "任务指标",
        (_, "institution_ids") => "检查对象",
        (_, "draws") => "抽取记录",
        (_, "date") => "检查日期",
        (_, "place") => "检查地点",
        (_, "inspectors") => "检查人员",
        (_, "answers") => "检查结果",
        (_, "rectifications") => "整改复查",
        (_, "media") => "照片和视频",
        (_, "signatures") => "签名",
        (_, "hours") => "检查时间",
        (_, "opinion_number") => "意见书文号",
        (_, "opinion_deadline") => "整改期限",
        (_, "status") => "状态",
        (_, "start") => "驻点开始日期",
        (_, "end") => "驻点结束日期",
        (_, "group") => "驻点工作组",
        (_, "office") => "临时办公室",
        (_, "summary_meeting") => "汇总会日期",
        (_, "advice_suggestions") => "监督建议",
        (_, "feedback_on") => "反馈日期",
        (_, "not_applicable") => "合理缺项",
        (_, "complaints") => "社会反映问题",
        (_, "done") => "完成标记",
        _ => "一项内容",
    }
}

fn inner_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "verdict" => "检查结论",
        "description" => "问题描述",
        "not_applicable_reason" => "合理缺项理由",
        "note" => "备注",
        "handling" => "处理",
        "evidence" => "证据",
        "content" => "反映内容",
        "source" => "反映来源",
        "area" => "所属区域",
        "finding" => "核实结果",
        "leader" => "组长",
        "deputy" => "副组长",
        "members" => "组员",
        "township_staff" => "乡镇人员",
        "start" => "开始时间",
        "end" => "结束时间",
        "decision_number" => "处罚决定书文号",
        _ => return None,
    })
}
