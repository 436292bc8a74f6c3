//! Messages are data: checking and evaluating a proposal build each issue
//! as a key and parameters, and write no text (issue 10). Their English
//! words come from one catalogue, and every message in the golden cases
//! reads the same as before the change.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use std::path::Path;

use socval_core::message::{Msg, catalogue};

/// The core's modules that run when a proposal is checked or evaluated and
/// that report issues, without their tests.
const EVALUATE_PATH: &[&str] = &["validation.rs", "rules.rs", "double_counting.rs"];

fn source(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/socval-core/src")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    // The unit tests at the end may write what they like.
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[test]
fn the_evaluate_path_formats_no_text() {
    for name in EVALUATE_PATH {
        let code = source(name);
        for token in [
            "format!(",
            "write!(",
            "writeln!(",
            "format_args!(",
            "to_string()",
        ] {
            let found: Vec<usize> = code
                .lines()
                .enumerate()
                .filter(|(_, l)| l.contains(token) && !l.trim_start().starts_with("//"))
                .map(|(i, _)| i + 1)
                .collect();
            // `to_string` on a `&str` copies; on anything else it formats.
            // Each one left must copy text, which the line shows.
            let formats: Vec<usize> = if token == "to_string()" {
                let lines: Vec<&str> = code.lines().collect();
                found
                    .into_iter()
                    .filter(|n| {
                        let l = lines[n - 1];
                        !["title", "label(", "outward()", ".name", "id(setup"]
                            .iter()
                            .any(|ok| l.contains(ok))
                    })
                    .collect()
            } else {
                found
            };
            assert!(
                formats.is_empty(),
                "{name} uses {token} on lines {formats:?}"
            );
        }
    }
}

#[test]
fn the_english_catalogue_words_every_key_once() {
    let mut keys: Vec<&str> = catalogue().map(|e| e.key).collect();
    let n = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), n);
    for e in catalogue() {
        assert!(!e.english.trim().is_empty(), "{} has no words", e.key);
        let (open, close) = (
            e.english.matches('{').count(),
            e.english.matches('}').count(),
        );
        assert_eq!(open, close, "{}", e.key);
    }
    let m = Msg::spend_over_value(
        socval_core::Money::from_pounds(1_200_000),
        socval_core::Money::from_pounds(1_000_000),
    );
    assert_eq!(m.key_name(), "spend_over_value");
    assert_eq!(
        m.to_string(),
        "staff wages and supplier spend add up to £1,200,000.00, more than the contract value of £1,000,000.00; LM3 measures how the contract's own income is spent"
    );
}

/// An issue in the JSON output carries its key, its parameters and its
/// English text, and the text is the template filled with the parameters.
#[test]
fn json_issues_carry_key_parameters_and_text() {
    let case = socval_tests::case("local-only-delivery");
    let expected: serde_json::Value = serde_json::from_str(case.expected).unwrap();
    let warnings = expected["warnings"].as_array().unwrap();
    assert!(!warnings.is_empty());
    for w in warnings {
        let key = w["key"].as_str().unwrap();
        let template = catalogue().find(|e| e.key == key).unwrap().english;
        let mut text = template.to_string();
        for (name, value) in w["params"].as_object().unwrap() {
            let v = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string);
            text = text.replace(&format!("{{{name}}}"), &v);
        }
        assert_eq!(text, w["message"].as_str().unwrap(), "{key}");
    }
}
