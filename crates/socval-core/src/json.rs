//! Reading the formats from JSON text, with errors that name the field.

use serde::de::DeserializeOwned;

use crate::config::CouncilConfig;
use crate::framework::Framework;
use crate::issues::{Issue, IssueCode, ParseError, check_document_size};
use crate::proposal::Proposal;

/// Any of the documents Socval reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    /// A council configuration (has a `council` field).
    Config(Box<CouncilConfig>),
    /// A proposal (has a `contract` field).
    Proposal(Box<Proposal>),
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    check_document_size(text.len()).map_err(|issue| ParseError {
        issues: vec![issue],
    })?;
    // A byte order mark, as Windows editors write, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    object_only(text)?;
    #[cfg(feature = "json-paths")]
    {
        let de = &mut serde_json::Deserializer::from_str(text);
        let value = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            one(&path, IssueCode::Syntax, describe(e.inner()))
        })?;
        // Trailing text (a second document, a stray bracket) is refused with
        // its line and column, as `serde_json::from_str` does.
        de.end()
            .map_err(|e| one("", IssueCode::Syntax, describe(&e)))?;
        Ok(value)
    }
    #[cfg(not(feature = "json-paths"))]
    {
        serde_json::from_str(text).map_err(|e| one("", IssueCode::Syntax, describe(&e)))
    }
}

/// Every document Socval reads is a JSON object: serde would otherwise read
/// an array as a struct's fields by position.
fn object_only(text: &str) -> Result<(), ParseError> {
    match text.trim_start().chars().next() {
        Some('{') | None => Ok(()),
        Some(_) if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() => Ok(()),
        Some(_) => Err(one(
            "",
            IssueCode::Syntax,
            "must be a JSON object ({ … }), not an array or a single value".into(),
        )),
    }
}

/// The error's message: for text that is not JSON at all, and wherever no
/// field path is known, with its line and column.
fn describe(e: &serde_json::Error) -> String {
    let message = strip_position(&e.to_string());
    let not_json = e.is_syntax() || e.is_eof();
    if not_json || cfg!(not(feature = "json-paths")) {
        let prefix = if not_json { "is not valid JSON: " } else { "" };
        format!(
            "{prefix}{message} (line {}, column {})",
            e.line(),
            e.column()
        )
    } else {
        plain(&message)
    }
}

/// serde's "invalid type: string \"abc\", expected f64" in the words a
/// council officer or a supplier uses: `should be a number, not the text
/// "abc"`. Any other message is left as serde gives it.
fn plain(message: &str) -> String {
    let Some((found, want)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.rsplit_once(", expected "))
    else {
        return message.to_string();
    };
    let want = match want {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number",
        "f32" | "f64" | "a number" | "a decimal" => "a number",
        "a string" => "text in quotes",
        "a boolean" => "true or false",
        "a sequence" => "a list ([ … ])",
        w if w.starts_with("struct ") || w == "a map" => "an object ({ … })",
        w => w,
    };
    let quoted = |kind: &str| found.strip_prefix(kind).map(|v| v.trim_matches('`'));
    let found = if let Some(text) = found.strip_prefix("string ") {
        format!("the text {text}")
    } else if let Some(n) = quoted("floating point ").or_else(|| quoted("integer ")) {
        format!("the number {n}")
    } else if let Some(b) = quoted("boolean ") {
        b.to_string()
    } else {
        match found {
            "map" => "an object ({ … })".to_string(),
            "sequence" => "a list ([ … ])".to_string(),
            "null" => "null".to_string(),
            other => other.to_string(),
        }
    };
    format!("should be {want}, not {found}")
}

/// serde_json appends " at line L column C"; the path already says where.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_string(),
        None => message.to_string(),
    }
}

fn one(path: &str, code: IssueCode, message: String) -> ParseError {
    ParseError {
        issues: vec![Issue::new(path, code, message)],
    }
}

/// Reads a council configuration.
pub fn parse_config(text: &str) -> Result<CouncilConfig, ParseError> {
    parse(text)
}

/// Reads a proposal.
pub fn parse_proposal(text: &str) -> Result<Proposal, ParseError> {
    parse(text)
}

/// Reads a delivery record.
#[cfg(feature = "delivery")]
pub fn parse_delivery(text: &str) -> Result<crate::delivery::DeliveryRecord, ParseError> {
    parse(text)
}

/// Reads a framework.
pub fn parse_framework(text: &str) -> Result<Framework, ParseError> {
    parse(text)
}

/// Reads a configuration or a proposal, telling them apart by their fields.
pub fn parse_document(text: &str) -> Result<Document, ParseError> {
    let probe: serde_json::Value = parse(text)?;
    match &probe {
        serde_json::Value::Object(o) if o.contains_key("council") => parse_config(text).map(|c| Document::Config(Box::new(c))),
        serde_json::Value::Object(o) if o.contains_key("contract") => parse_proposal(text).map(|p| Document::Proposal(Box::new(p))),
        _ => Err(one("", IssueCode::Required, "is neither a council configuration (with a \"council\" field) nor a proposal (with a \"contract\" field)".into())),
    }
}

#[cfg(all(test, feature = "json-paths"))]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_field() {
        let e = parse_proposal(r#"{"schema_version":1,"framework":{"id":"x","version":"1"},"contract":{"value":1,"duration_years":1,"start_year":2027},"commitments":[{"measure":"a","quantity":1},{"measure":"b","quantity":"ten"}]}"#).unwrap_err();
        let issue = e.issues.first().expect("one issue");
        assert_eq!(issue.path, "commitments[1].quantity");
        assert_eq!(
            issue.message.to_string(),
            "should be a number, not the text \"ten\""
        );
    }

    #[test]
    fn a_wrong_type_is_named_in_plain_words() {
        for (serde, plain_words) in [
            (
                "invalid type: string \"abc\", expected f64",
                "should be a number, not the text \"abc\"",
            ),
            (
                "invalid type: integer `7`, expected a string",
                "should be text in quotes, not the number 7",
            ),
            (
                "invalid type: sequence, expected struct Council",
                "should be an object ({ … }), not a list ([ … ])",
            ),
            (
                "invalid type: boolean `true`, expected a sequence",
                "should be a list ([ … ]), not true",
            ),
            (
                "invalid type: floating point `2028.5`, expected i32",
                "should be a whole number, not the number 2028.5",
            ),
            ("missing field `name`", "missing field `name`"),
        ] {
            assert_eq!(plain(serde), plain_words);
        }
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let e = parse_config("{\n  \"council\": ").unwrap_err();
        let issue = e.issues.first().expect("one issue");
        assert!(
            issue.message.to_string().contains("line 2"),
            "{}",
            issue.message
        );
    }

    #[test]
    fn unknown_fields_are_refused_by_name() {
        let e = parse_proposal(r#"{"schema_version":1,"framework":{"id":"x","version":"1"},"contract":{"value":1,"duration_years":1,"start_year":2027,"colour":"red"}}"#).unwrap_err();
        let issue = e.issues.first().expect("one issue");
        assert_eq!(issue.path, "contract.colour");
    }

    const MINIMAL: &str = r#"{"schema_version":1,"framework":{"id":"x","version":"1"},"contract":{"value":1,"duration_years":1,"start_year":2027}}"#;

    #[test]
    fn trailing_text_is_refused_with_its_position() {
        let e = parse_proposal(&format!("{MINIMAL}\n{{}}")).unwrap_err();
        let m = e.issues.first().expect("one issue").message.to_string();
        assert!(
            m.contains("trailing characters") && m.contains("line 2"),
            "{m}"
        );
    }

    #[test]
    fn arrays_are_not_read_by_position() {
        let e = parse_proposal(r#"[1, {"id":"x","version":"1"}, "", {"value":1,"duration_years":1,"start_year":2027}]"#).unwrap_err();
        let m = e.issues.first().expect("one issue").message.to_string();
        assert!(m.contains("must be a JSON object"), "{m}");
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        assert!(parse_proposal(&format!("\u{feff}{MINIMAL}")).is_ok());
    }

    #[test]
    fn numbers_too_big_are_refused() {
        let e = parse_proposal(r#"{"schema_version":1,"framework":{"id":"x","version":"1"},"contract":{"value":1e300,"duration_years":1,"start_year":2027}}"#).unwrap_err();
        assert_eq!(
            e.issues.first().map(|i| i.path.as_str()),
            Some("contract.value")
        );
    }
}
