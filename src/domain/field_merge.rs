//! Three-way merge of one record's fields, for two tabs of one device editing the same record:
//! from the version both started from (`base`), this tab's (`mine`) and the one another tab
//! wrote (`theirs`), a field changed on one side only takes that side's value, and a field
//! changed on both sides to different values is a [`Conflict`] that keeps this tab's value (the
//! one under the user's cursor) and names the other.
//!
//! Records are compared in their JSON form. Objects merge key by key (a checklist's answers by
//! check point); arrays whose elements all carry a distinct string `id` merge element by element
//! (findings, penalties); arrays of distinct strings merge as sets (services, members); any
//! other value is one field. Fields named in `ignored` (bookkeeping such as `updated_at`, at any
//! depth) never conflict: this tab's value is kept, and the caller stamps the result anew.

pub mod labels;

use serde_json::{Map, Value};

/// One step into a record: an object's key, or the element of an id-keyed array with this id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    Key(String),
    Id(String),
}

/// Where a field is in a record.
pub type FieldPath = Vec<Step>;

/// A field both sides changed to different values; the merge kept `mine`. `None`: absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub path: FieldPath,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
}

/// The merged record and the fields where the two sides disagreed.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub value: Value,
    pub conflicts: Vec<Conflict>,
}

/// Merges `mine` and `theirs`, both changed from `base`. A path in `protected` counts as
/// changed by this tab even where it equals `base` (the field being typed in, whose edits were
/// already written): another value there is a conflict, not taken silently.
pub fn merge(
    base: &Value,
    mine: &Value,
    theirs: &Value,
    protected: &[FieldPath],
    ignored: &[&str],
) -> Merged {
    let mut base = base.clone();
    for path in protected {
        mark_changed(&mut base, path);
    }
    let mut merger = Merger {
        conflicts: Vec::new(),
        ignored,
    };
    let value = merger
        .merge(&mut Vec::new(), Some(&base), Some(mine), Some(theirs))
        .unwrap_or(Value::Null);
    Merged {
        value,
        conflicts: merger.conflicts,
    }
}

/// The paths where `after` differs from `before`, as deep as the structures match: what an
/// edit changed.
pub fn changed_paths(before: &Value, after: &Value) -> Vec<FieldPath> {
    let mut found = Vec::new();
    collect_changes(&mut Vec::new(), Some(before), Some(after), &mut found);
    found
}

/// Sets (or, with `None`, removes) the field at `path`; returns false, changing nothing, when
/// the path's parent is not in the record.
pub fn set_at(record: &mut Value, path: &[Step], value: Option<Value>) -> bool {
    let Some((last, parent)) = path.split_last() else {
        return match value {
            Some(value) => {
                *record = value;
                true
            }
            None => false,
        };
    };
    let Some(parent) = parent.iter().try_fold(record, step_into) else {
        return false;
    };
    match (last, parent) {
        (Step::Key(key), Value::Object(map)) => {
            match value {
                Some(value) => map.insert(key.clone(), value),
                None => map.remove(key),
            };
            true
        }
        (Step::Id(id), Value::Array(items)) => {
            let at = items.iter().position(|item| element_id(item) == Some(id));
            match (at, value) {
                (Some(at), Some(value)) => items[at] = value,
                (Some(at), None) => {
                    items.remove(at);
                }
                (None, Some(value)) => items.push(value),
                (None, None) => {}
            }
            true
        }
        _ => false,
    }
}

/// The field at `path`, if the record has it.
pub fn get_at<'a>(record: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter()
        .try_fold(record, |value, step| match (step, value) {
            (Step::Key(key), Value::Object(map)) => map.get(key),
            (Step::Id(id), Value::Array(items)) => find_id(items, id),
            _ => None,
        })
}

fn step_into<'a>(value: &'a mut Value, step: &Step) -> Option<&'a mut Value> {
    match (step, value) {
        (Step::Key(key), Value::Object(map)) => map.get_mut(key),
        (Step::Id(id), Value::Array(items)) => {
            items.iter_mut().find(|item| element_id(item) == Some(id))
        }
        _ => None,
    }
}

/// Makes the base differ from both sides at `path`, so that any value there counts as changed.
fn mark_changed(base: &mut Value, path: &FieldPath) {
    const MARK: &str = "\u{0}changed here";
    set_at(base, path, Some(Value::String(MARK.into())));
}

struct Merger<'a> {
    conflicts: Vec<Conflict>,
    ignored: &'a [&'a str],
}

impl Merger<'_> {
    fn merge(
        &mut self,
        path: &mut FieldPath,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if mine == theirs || theirs == base {
            return mine.cloned();
        }
        if mine == base {
            return theirs.cloned();
        }
        if matches!(path.last(), Some(Step::Key(k)) if self.ignored.contains(&k.as_str())) {
            return mine.cloned();
        }
        match (mine, theirs) {
            (Some(Value::Object(m)), Some(Value::Object(t))) => {
                let b = base.and_then(Value::as_object);
                Some(Value::Object(self.merge_objects(path, b, m, t)))
            }
            (Some(Value::Array(m)), Some(Value::Array(t))) => {
                let b = base.and_then(Value::as_array);
                match self.merge_arrays(path, b, m, t) {
                    Some(merged) => Some(Value::Array(merged)),
                    None => self.conflict(path, mine, theirs),
                }
            }
            _ => self.conflict(path, mine, theirs),
        }
    }

    fn conflict(
        &mut self,
        path: &FieldPath,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        self.conflicts.push(Conflict {
            path: path.clone(),
            mine: mine.cloned(),
            theirs: theirs.cloned(),
        });
        mine.cloned()
    }

    fn merge_objects(
        &mut self,
        path: &mut FieldPath,
        base: Option<&Map<String, Value>>,
        mine: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut keys: Vec<&String> = theirs.keys().collect();
        keys.extend(mine.keys().filter(|k| !theirs.contains_key(*k)));
        keys.extend(
            base.into_iter()
                .flat_map(Map::keys)
                .filter(|k| !theirs.contains_key(*k) && !mine.contains_key(*k)),
        );
        let mut merged = Map::new();
        for key in keys {
            path.push(Step::Key(key.clone()));
            let value = self.merge(
                path,
                base.and_then(|b| b.get(key)),
                mine.get(key),
                theirs.get(key),
            );
            path.pop();
            if let Some(value) = value {
                merged.insert(key.clone(), value);
            }
        }
        merged
    }

    /// `None` when the arrays are not id-keyed nor sets of strings: one field, in conflict.
    fn merge_arrays(
        &mut self,
        path: &mut FieldPath,
        base: Option<&Vec<Value>>,
        mine: &[Value],
        theirs: &[Value],
    ) -> Option<Vec<Value>> {
        let none = Vec::new();
        let base = base.unwrap_or(&none);
        if [base.as_slice(), mine, theirs].iter().all(|a| keyed(a)) {
            return Some(self.merge_keyed(path, base, mine, theirs));
        }
        [base.as_slice(), mine, theirs]
            .iter()
            .all(|a| string_set(a))
            .then(|| merge_sets(base, mine, theirs))
    }

    fn merge_keyed(
        &mut self,
        path: &mut FieldPath,
        base: &[Value],
        mine: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        // Their order, then the elements only this tab has, in its order; then those only
        // the base had (each removed on one side: kept only if the other side changed it).
        let mut ids: Vec<&str> = theirs.iter().filter_map(element_id).collect();
        ids.extend(
            mine.iter()
                .filter_map(element_id)
                .filter(|id| find_id(theirs, id).is_none()),
        );
        ids.extend(
            base.iter()
                .filter_map(element_id)
                .filter(|id| find_id(theirs, id).is_none() && find_id(mine, id).is_none()),
        );
        let mut merged = Vec::new();
        for id in ids {
            path.push(Step::Id(id.to_string()));
            let value = self.merge(
                path,
                find_id(base, id),
                find_id(mine, id),
                find_id(theirs, id),
            );
            path.pop();
            merged.extend(value);
        }
        merged
    }
}

fn find_id<'a>(items: &'a [Value], id: &str) -> Option<&'a Value> {
    items.iter().find(|item| element_id(item) == Some(id))
}

fn element_id(value: &Value) -> Option<&str> {
    value.get("id").and_then(Value::as_str)
}

/// Every element an object with a string `id`, no id twice.
fn keyed(items: &[Value]) -> bool {
    let mut ids: Vec<&str> = Vec::with_capacity(items.len());
    for item in items {
        match element_id(item) {
            Some(id) if !ids.contains(&id) => ids.push(id),
            _ => return false,
        }
    }
    true
}

/// Every element a string, none twice.
fn string_set(items: &[Value]) -> bool {
    items.iter().all(Value::is_string)
        && items
            .iter()
            .enumerate()
            .all(|(i, item)| !items[..i].contains(item))
}

/// Their set, less what this tab removed, plus what it added (in its order).
fn merge_sets(base: &[Value], mine: &[Value], theirs: &[Value]) -> Vec<Value> {
    let mut merged: Vec<Value> = theirs
        .iter()
        .filter(|v| !base.contains(v) || mine.contains(v))
        .cloned()
        .collect();
    for value in mine {
        if !base.contains(value) && !merged.contains(value) {
            merged.push(value.clone());
        }
    }
    merged
}

fn collect_changes(
    path: &mut FieldPath,
    before: Option<&Value>,
    after: Option<&Value>,
    found: &mut Vec<FieldPath>,
) {
    if before == after {
        return;
    }
    match (before, after) {
        (Some(Value::Object(b)), Some(Value::Object(a))) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                path.push(Step::Key(key.clone()));
                collect_changes(path, b.get(key), a.get(key), found);
                path.pop();
            }
        }
        (Some(Value::Array(b)), Some(Value::Array(a))) if keyed(b) && keyed(a) => {
            let ids = a.iter().chain(b.iter()).filter_map(element_id);
            let mut seen: Vec<&str> = Vec::new();
            for id in ids {
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id);
                path.push(Step::Id(id.to_string()));
                collect_changes(path, find_id(b, id), find_id(a, id), found);
                path.pop();
            }
        }
        _ => found.push(path.clone()),
    }
}
