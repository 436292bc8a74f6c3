//! The configuration being built, held as JSON so that every field the page
//! has no control for stays as the opened file gave it, and read and
//! written by the paths the core names fields by (`scoring.method.bands[2].score_percent`).

use serde_json::{Map, Value};

/// One step of a path: a key of an object or an index of a list.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

/// The value at `path`, if there is one.
pub fn get<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    steps(path).iter().try_fold(doc, |v, s| match s {
        Step::Key(k) => v.get(*k),
        Step::Index(i) => v.get(*i),
    })
}

/// The text at `path`, or empty.
pub fn text(doc: &Value, path: &str) -> String {
    match get(doc, path) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Sets `path` to `value`, making the objects and lists on the way; `None`
/// removes the key (an index past the end of a list is appended to it).
pub fn set(doc: &mut Value, path: &str, value: Option<Value>) {
    let steps = steps(path);
    let Some((last, ways)) = steps.split_last() else {
        if let Some(v) = value {
            *doc = v;
        }
        return;
    };
    let mut at = doc;
    for (n, s) in ways.iter().enumerate() {
        let next_is_index = matches!(steps.get(n + 1), Some(Step::Index(_)));
        let fresh = || {
            if next_is_index {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            }
        };
        at = match s {
            Step::Key(k) => {
                if !at.is_object() {
                    *at = Value::Object(Map::new());
                }
                let Value::Object(map) = at else { return };
                map.entry(k.to_string()).or_insert_with(fresh)
            }
            Step::Index(i) => {
                if !at.is_array() {
                    *at = Value::Array(Vec::new());
                }
                let Value::Array(list) = at else { return };
                if *i >= list.len() {
                    list.push(fresh());
                }
                let end = list.len().saturating_sub(1);
                let Some(item) = list.get_mut((*i).min(end)) else {
                    return;
                };
                item
            }
        };
    }
    match (last, at, value) {
        (Step::Key(k), Value::Object(map), Some(v)) => {
            map.insert(k.to_string(), v);
        }
        (Step::Key(k), Value::Object(map), None) => {
            map.remove(*k);
        }
        (Step::Key(k), other, Some(v)) => {
            let mut map = Map::new();
            map.insert(k.to_string(), v);
            *other = Value::Object(map);
        }
        (Step::Index(i), Value::Array(list), Some(v)) => {
            // A list of texts kept in step with another list (the Welsh
            // names of the priority areas) is filled with empty texts up to
            // the item: the names of the items before it stay in place.
            if v.is_string() {
                while list.len() < *i {
                    list.push(Value::String(String::new()));
                }
            }
            match list.get_mut(*i) {
                Some(slot) => *slot = v,
                None => list.push(v),
            }
        }
        (Step::Index(i), Value::Array(list), None) if *i < list.len() => {
            list.remove(*i);
        }
        _ => {}
    }
}

/// Whether the commas in `t` sit where thousands separators do: after one
/// to three digits, then between groups of three, before any point.
fn thousands(t: &str) -> bool {
    let whole = t.split('.').next().unwrap_or(t);
    let whole = whole.strip_prefix('-').unwrap_or(whole);
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && !t.split('.').skip(1).any(|f| f.contains(','))
}

/// A number as typed: a JSON number when it reads as one, else the text
/// itself, so that the core names the field and nothing typed is lost.
/// Commas are read only as thousands separators (`1,000`): `40,5` is not
/// taken for 405 but left for the core to name.
pub fn number(text: &str) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let plain = if thousands(t) {
        t.replace(',', "")
    } else {
        t.to_string()
    };
    // A whole number is written as one (2028, not 2028.0): a year or a
    // count is read as an integer.
    if let Ok(n) = plain.parse::<i64>() {
        return Some(Value::from(n));
    }
    Some(
        plain
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(t.to_string()), Value::Number),
    )
}

/// A list of codes typed as text: items separated by commas, spaces or new
/// lines. The codes (postcode areas, outward codes, district codes) are
/// written in capitals, as the file's readers and the ONS write them.
pub fn list(text: &str) -> Value {
    Value::Array(
        text.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(|s| Value::String(s.to_uppercase()))
            .collect(),
    )
}

/// The strings of the list at `path` (none when there is no list).
pub fn strings(doc: &Value, path: &str) -> Vec<String> {
    get(doc, path)
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// A list's items as text, one after another.
pub fn list_text(doc: &Value, path: &str) -> String {
    get(doc, path)
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// One problem the core found, with the field it names.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The field's path, as `socval validate` names it.
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
}

/// Every problem `socval validate` would report for this configuration:
/// read as a configuration (the first field that cannot be read), then
/// checked (every rule broken, at once).
pub fn check(doc: &Value) -> Vec<Problem> {
    let text = doc.to_string();
    let issues = match socval_core::json::parse_config(&text) {
        Err(e) => e.issues,
        Ok(config) => match socval_core::prepare(config) {
            Err(e) => e.issues,
            // Districts are checked against the outward-code table, as
            // `socval validate` checks them.
            Ok(setup) => match table() {
                Some(t) if setup.needs_outcodes() => setup
                    .check_table(t)
                    .err()
                    .map_or_else(Vec::new, |e| e.issues),
                _ => Vec::new(),
            },
        },
    };
    issues
        .into_iter()
        .map(|i| Problem {
            path: i.path,
            message: i.message.to_string(),
        })
        .collect()
}

/// Socval's outward-code table, once the page has given it (the same file
/// the calculator fetches, `socval/outcodes.csv`, so not compiled in twice).
static TABLE: std::sync::OnceLock<socval_core::OutcodeTable> = std::sync::OnceLock::new();

/// Reads the outward-code table the page fetched; false when it cannot be
/// read (districts are then checked by `socval validate` only).
pub fn use_table(text: &str) -> bool {
    match socval_core::OutcodeTable::parse(text) {
        Ok(t) => TABLE.set(t).is_ok() || TABLE.get().is_some(),
        Err(_) => false,
    }
}

fn table() -> Option<&'static socval_core::OutcodeTable> {
    TABLE.get()
}

/// The id of the control for `path` (and the error summary's link target).
pub fn id(path: &str) -> String {
    let mut s = String::from("f-");
    for c in path.chars() {
        s.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        });
    }
    s.trim_end_matches('-').to_string()
}

/// A configuration to start from: the open framework, everything else to fill in.
pub fn blank() -> Value {
    serde_json::json!({
        "schema_version": 1,
        "council": { "name": "" },
        "framework": { "builtin": socval_core::builtin::SOCVAL_OPEN },
        "local_area": { "name": "" },
        "scoring": {
            "weighting_percent": 10,
            "method": { "kind": "proportional", "benchmark_ratio_percent": 10 }
        }
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn a_district_code_not_in_the_table_is_named_as_socval_validate_names_it() {
        assert!(use_table(include_str!(
            "../../socval-core/data/outcodes.csv"
        )));
        let mut d = blank();
        set(&mut d, "council.name", Some("Testshire".into()));
        set(&mut d, "local_area.name", Some("Testshire".into()));
        set(
            &mut d,
            "local_area.districts",
            Some(list("E07000041, E07999999")),
        );
        let problems = check(&d);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "local_area.districts[1]");
        assert!(
            problems[0].message.contains("E07999999"),
            "{}",
            problems[0].message
        );
        set(&mut d, "local_area.districts", Some(list("E07000041")));
        assert!(check(&d).is_empty());
    }

    #[test]
    fn paths_read_and_write_objects_and_lists() {
        let mut d = blank();
        set(
            &mut d,
            "scoring.method.bands[0].score_percent",
            Some(50.into()),
        );
        set(
            &mut d,
            "scoring.method.bands[1].score_percent",
            Some(100.into()),
        );
        assert_eq!(text(&d, "scoring.method.bands[1].score_percent"), "100");
        set(&mut d, "scoring.method.bands[0]", None);
        assert_eq!(text(&d, "scoring.method.bands[0].score_percent"), "100");
        set(&mut d, "council.name", Some("Testshire".into()));
        assert_eq!(text(&d, "council.name"), "Testshire");
        set(&mut d, "council.name", None);
        assert!(get(&d, "council.name").is_none());
        // A text far down a list: those before it are empty, not moved.
        set(&mut d, "translations.cy.bands[2]", Some("Da".into()));
        assert_eq!(
            get(&d, "translations.cy.bands").unwrap(),
            &serde_json::json!(["", "", "Da"])
        );
    }

    #[test]
    fn a_number_that_is_not_one_is_kept_as_typed_and_named_by_the_core() {
        assert_eq!(number("12.5"), Some(12.5.into()));
        assert_eq!(
            number("2028"),
            Some(2028.into()),
            "a year stays a whole number"
        );
        assert_eq!(serde_json::to_string(&number("2028")).unwrap(), "2028");
        assert_eq!(number("1,000"), Some(1000.into()));
        assert_eq!(number("1,250,000.50"), Some(1_250_000.5.into()));
        assert_eq!(
            number("40,5"),
            Some("40,5".into()),
            "a decimal comma is not a thousands separator"
        );
        assert_eq!(number("1,0000"), Some("1,0000".into()));
        assert_eq!(number("1.000,5"), Some("1.000,5".into()));
        assert_eq!(number(""), None);
        let mut d = blank();
        set(&mut d, "scoring.weighting_percent", number("ten"));
        assert_eq!(text(&d, "scoring.weighting_percent"), "ten");
        let problems = check(&d);
        assert_eq!(
            problems[0].path, "scoring.weighting_percent",
            "{problems:?}"
        );
    }

    #[test]
    fn the_blank_configuration_needs_a_name_and_an_area_and_nothing_else() {
        let problems = check(&blank());
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["council.name", "local_area"], "{problems:?}");
        let mut d = blank();
        set(&mut d, "council.name", Some("Testshire".into()));
        set(&mut d, "local_area.postcode_areas", Some(list("EX, TQ")));
        assert_eq!(check(&d), Vec::new());
    }
}
