//! Merging two tabs' edits of one record field by field: one-sided changes are both kept,
//! same-field disagreements keep this tab's value and are reported with both values.

use jiandu::domain::field_merge::labels::{field_label, value_text};
use jiandu::domain::field_merge::{changed_paths, get_at, merge, set_at, FieldPath, Step};
use proptest::prelude::*;
use serde_json::{json, Value};

const IGNORED: &[&str] = &["updated_at", "changed_on"];

fn key(k: &str) -> Step {
    Step::Key(k.into())
}

fn institution() -> Value {
    json!({
        "id": "i1", "name": "甲诊所", "address": "一路1号", "contact_person": "",
        "services": ["Clinic"], "updated_at": "2026-01-01T00:00:00Z", "changed_on": "a",
        "penalties": [{"id": "p1", "decision_number": "罚〔2025〕1号"}],
    })
}

fn with(mut value: Value, path: &[Step], new: Value) -> Value {
    assert!(set_at(&mut value, path, Some(new)));
    value
}

#[test]
fn edits_to_different_fields_are_both_kept() {
    let base = institution();
    let mine = with(base.clone(), &[key("name")], json!("甲诊所（本页）"));
    let theirs = with(base.clone(), &[key("address")], json!("二路2号"));
    let merged = merge(&base, &mine, &theirs, &[], IGNORED);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.value["name"], "甲诊所（本页）");
    assert_eq!(merged.value["address"], "二路2号");
}

#[test]
fn the_same_field_changed_on_both_sides_keeps_mine_and_names_theirs() {
    let base = institution();
    let mine = with(base.clone(), &[key("name")], json!("本页的名称"));
    let theirs = with(base.clone(), &[key("name")], json!("另一页的名称"));
    let merged = merge(&base, &mine, &theirs, &[], IGNORED);
    assert_eq!(merged.value["name"], "本页的名称");
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.path, vec![key("name")]);
    assert_eq!(conflict.theirs, Some(json!("另一页的名称")));
    assert_eq!(field_label("institutions", &conflict.path), "名称");
}

#[test]
fn bookkeeping_fields_never_conflict() {
    let base = institution();
    let mine = with(
        base.clone(),
        &[key("updated_at")],
        json!("2026-02-01T00:00:00Z"),
    );
    let theirs = with(
        base.clone(),
        &[key("updated_at")],
        json!("2026-03-01T00:00:00Z"),
    );
    let theirs = with(theirs, &[key("changed_on")], json!("b"));
    let merged = merge(&base, &mine, &theirs, &[], IGNORED);
    assert!(merged.conflicts.is_empty());
}

#[test]
fn a_protected_field_counts_as_changed_here_even_when_already_written() {
    // This tab's typing in 名称 was written (base == mine there); the other tab then changed it.
    let base = institution();
    let theirs = with(base.clone(), &[key("name")], json!("另一页"));
    let theirs = with(theirs, &[key("address")], json!("二路2号"));
    let merged = merge(&base, &base, &theirs, &[vec![key("name")]], IGNORED);
    assert_eq!(
        merged.value["name"], "甲诊所",
        "the field under the cursor is not replaced"
    );
    assert_eq!(
        merged.value["address"], "二路2号",
        "other fields follow the other tab"
    );
    assert_eq!(merged.conflicts.len(), 1);
    // A protected field the other tab left alone is no conflict.
    let merged = merge(
        &base,
        &base,
        &theirs,
        &[vec![key("contact_person")]],
        IGNORED,
    );
    assert!(merged.conflicts.is_empty());
}

#[test]
fn keyed_lists_merge_element_by_element_and_answers_point_by_point() {
    let base = json!({"answers": {"1.1": {"verdict": "Compliant", "note": ""}},
                      "penalties": [{"id": "p1", "n": "一"}]});
    let mut mine = base.clone();
    set_at(
        &mut mine,
        &[key("answers"), key("1.2")],
        Some(json!({"verdict": "Violation", "note": "本页"})),
    );
    set_at(
        &mut mine,
        &[key("penalties"), Step::Id("p2".into())],
        Some(json!({"id": "p2", "n": "二"})),
    );
    let mut theirs = base.clone();
    set_at(
        &mut theirs,
        &[key("answers"), key("1.1"), key("note")],
        Some(json!("另一页")),
    );
    set_at(
        &mut theirs,
        &[key("penalties"), Step::Id("p3".into())],
        Some(json!({"id": "p3", "n": "三"})),
    );
    let merged = merge(&base, &mine, &theirs, &[], IGNORED);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.value["answers"]["1.1"]["note"], "另一页");
    assert_eq!(merged.value["answers"]["1.2"]["note"], "本页");
    let ids: Vec<&str> = merged.value["penalties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["p1", "p3", "p2"]);
}

#[test]
fn string_sets_merge_additions_and_removals() {
    let base = json!({"services": ["A", "B"]});
    let mine = json!({"services": ["A", "B", "C"]});
    let theirs = json!({"services": ["B", "D"]});
    let merged = merge(&base, &mine, &theirs, &[], IGNORED);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.value["services"], json!(["B", "D", "C"]));
}

#[test]
fn a_removal_against_a_change_is_a_conflict_that_keeps_mine() {
    let base = json!({"penalties": [{"id": "p1", "n": "一"}]});
    let mine = json!({"penalties": []});
    let theirs = json!({"penalties": [{"id": "p1", "n": "改"}]});
    let merged = merge(&base, &mine, &theirs, &[], IGNORED);
    assert_eq!(merged.value["penalties"], json!([]));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].mine, None);
}

#[test]
fn changed_paths_name_the_edited_leaves() {
    let before = institution();
    let after = with(
        before.clone(),
        &[
            key("penalties"),
            Step::Id("p1".into()),
            key("decision_number"),
        ],
        json!("新"),
    );
    let after = with(after, &[key("name")], json!("乙"));
    let mut paths = changed_paths(&before, &after);
    paths.sort();
    assert_eq!(
        paths,
        vec![
            vec![key("name")],
            vec![
                key("penalties"),
                Step::Id("p1".into()),
                key("decision_number")
            ],
        ]
    );
    assert_eq!(get_at(&after, &paths[1]), Some(&json!("新")));
}

#[test]
fn notices_speak_chinese() {
    let path = vec![key("answers"), key("1.1"), key("description")];
    assert_eq!(field_label("inspections", &path), "检查结果中的问题描述");
    assert_eq!(
        field_label("institutions", &[key("unknown_field")]),
        "一项内容"
    );
    assert_eq!(value_text(Some(&json!("NotApplicable"))), "（所选项）");
    assert_eq!(value_text(Some(&json!(""))), "（空）");
    assert_eq!(
        value_text(Some(&json!("91350100M000100Y43"))),
        "91350100M000100Y43"
    );
    assert_eq!(value_text(None), "（空）");
}

/// A small record: a few text fields, a map of answers and an id-keyed list.
fn record() -> impl Strategy<Value = Value> {
    let text = prop::sample::select(vec!["", "甲", "乙", "丙"]);
    (
        text.clone(),
        text.clone(),
        prop::collection::btree_map(
            prop::sample::select(vec!["1", "2", "3"]),
            text.clone(),
            0..3,
        ),
        prop::collection::btree_map(prop::sample::select(vec!["a", "b", "c"]), text, 0..3),
    )
        .prop_map(|(name, address, answers, items)| {
            let items: Vec<Value> = items
                .into_iter()
                .map(|(id, n)| json!({"id": id, "n": n}))
                .collect();
            json!({"name": name, "address": address, "answers": answers, "items": items})
        })
}

/// Every leaf's path: into objects by key and into the `items` list by id.
fn paths_of(value: &Value) -> Vec<FieldPath> {
    fn walk(path: &mut FieldPath, value: &Value, found: &mut Vec<FieldPath>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    path.push(key(k));
                    walk(path, v, found);
                    path.pop();
                }
            }
            Value::Array(items) if items.iter().all(|i| i.get("id").is_some()) => {
                for item in items {
                    path.push(Step::Id(item["id"].as_str().unwrap().into()));
                    walk(path, item, found);
                    path.pop();
                }
            }
            _ => found.push(path.clone()),
        }
    }
    let mut found = Vec::new();
    walk(&mut Vec::new(), value, &mut found);
    found
}

proptest! {
    #[test]
    fn one_sided_edits_are_taken_whole(base in record(), other in record()) {
        prop_assert_eq!(merge(&base, &base, &other, &[], IGNORED).value, other.clone());
        prop_assert_eq!(merge(&base, &other, &base, &[], IGNORED).value, other.clone());
        prop_assert!(merge(&base, &other, &other, &[], IGNORED).conflicts.is_empty());
    }

    #[test]
    fn every_field_comes_from_a_side_that_changed_it_or_is_a_conflict(
        base in record(), mine in record(), theirs in record()
    ) {
        let merged = merge(&base, &mine, &theirs, &[], IGNORED);
        for path in paths_of(&merged.value).into_iter().chain(paths_of(&theirs)).chain(paths_of(&mine)) {
            let got = get_at(&merged.value, &path);
            let (b, m, t) = (get_at(&base, &path), get_at(&mine, &path), get_at(&theirs, &path));
            let in_conflict = merged.conflicts.iter().any(|c| path.starts_with(&c.path));
            if in_conflict {
                continue;
            }
            if m != b { prop_assert_eq!(got, m, "mine changed {:?}", path); }
            else if t != b { prop_assert_eq!(got, t, "theirs changed {:?}", path); }
        }
        for conflict in &merged.conflicts {
            prop_assert_eq!(get_at(&merged.value, &conflict.path), conflict.mine.as_ref());
            prop_assert_ne!(conflict.mine.as_ref(), conflict.theirs.as_ref());
        }
    }
}
