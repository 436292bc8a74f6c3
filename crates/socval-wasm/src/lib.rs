//! # Socval for JavaScript
//!
//! The core's functions for portals that build their own interface:
//! `calculate(config, proposal, options?)`, `evaluate(config, proposal,
//! options?)` (the figures alone, for scoring many bids), `gap(config,
//! proposal, options?)` (what it would take), `commissioners(config,
//! proposal, options?)` (a shared framework's figures by commissioner),
//! `validate(document, config?)`,
//! `frameworks()`, `framework(id)`. Documents may be objects or JSON text;
//! either way they are read by the core's JSON reader, so every error names
//! its field path exactly as the `socval` command line does, and the results
//! are the command line's to the penny.
//!
//! Errors are thrown as `Error` objects with an `issues` array of
//! `{ path, code, message }`.

use std::rc::Rc;

use serde::Serialize;
use socval_core::outcodes::OutcodeTable;
use socval_core::working::{Line, Words, catalogue_lines, issue_text, text_of, written_in};
use socval_core::{CivilDate, Env, Issue, json};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** One problem with one field. */
export interface Issue {
  /** The field's path, e.g. `commitments[2].quantity`; empty for the whole document. */
  path: string;
  /** The kind of problem, e.g. `out_of_range`. */
  code: string;
  /** The message's key, e.g. `outside_area`: word it from your own catalogue. */
  key: string;
  /** The message's parameters by name: text, or numbers for money, quantities, counts and years. */
  params: Record<string, string | number>;
  /** The message in English, without the path. */
  message: string;
}
/** Options for calculate and validate. */
export interface Options {
  /** Today's date as YYYY-MM-DD (default: the browser's clock). */
  today?: string;
  /**
   * A language's catalogue: the text of `socval/cy.txt`, for every issue's
   * `message`, every line's `text`, the errors thrown, and the council's and
   * built-in framework's titles, in Welsh. Default: English.
   */
  catalogue?: string;
}
/** What validate returns. */
export interface Validation {
  kind: "config" | "proposal";
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}
"#;

fn text(value: &JsValue) -> Result<String, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    js_sys::JSON::stringify(value)
        .map(String::from)
        .map_err(|_| {
            JsValue::from(js_sys::Error::new(
                "the document could not be turned into JSON",
            ))
        })
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A JS `Error` whose message lists every issue, with the issues attached
/// (each worded in the language JSON is being written in).
fn failure(what: &Line, issues: &[Issue]) -> JsValue {
    let lines: Vec<String> = issues.iter().map(issue_text).collect();
    let err = js_sys::Error::new(&format!("{}:\n{}", text_of(what), lines.join("\n")));
    if let Ok(list) = to_js(&issues) {
        let _ = js_sys::Reflect::set(&err, &"issues".into(), &list);
    }
    err.into()
}

/// The options' `catalogue`, if it gives one.
fn catalogue(options: &JsValue) -> Option<String> {
    js_sys::Reflect::get(options, &"catalogue".into())
        .ok()?
        .as_string()
}

/// The working's Welsh, as the widget's report module has it: the catalogue
/// a portal gives is the widget's `cy.txt`, which words the messages, and
/// these lines word the working.
const WORKING_WELSH: &str = include_str!("../../socval-report/i18n/cy.txt");

/// Runs `f` writing every message and line in the options' language.
fn in_language<R>(options: &JsValue, f: impl FnOnce() -> R) -> R {
    let Some(text) = catalogue(options) else {
        return f();
    };
    let words = Words::from_catalogue(&text);
    let words = if words.lang().to_ascii_lowercase().starts_with("cy") {
        Words::from_catalogue(&format!("{text}\n{WORKING_WELSH}"))
    } else {
        words
    };
    written_in(Rc::new(words), f)
}

/// The setup with its texts in the options' language: the built-in
/// framework's from the catalogue, the council's own `translations` over
/// them, as the widget shows them.
fn localise(mut setup: socval_core::Setup, options: &JsValue) -> socval_core::Setup {
    let Some(text) = catalogue(options) else {
        return setup;
    };
    if matches!(
        setup.config.framework,
        socval_core::config::FrameworkChoice::Builtin(_)
    ) {
        for (path, line) in catalogue_lines(&text) {
            setup.translate_text(path, line);
        }
    }
    let lang = catalogue_lines(&text)
        .find(|(k, _)| *k == "lang")
        .map_or("en", |(_, v)| v);
    setup.localised(lang)
}

fn today(options: &JsValue) -> CivilDate {
    let given = js_sys::Reflect::get(options, &"today".into())
        .ok()
        .and_then(|v| v.as_string());
    if let Some((y, m, d)) = given.as_deref().and_then(|s| {
        let mut p = s.split('-');
        Some((
            p.next()?.parse().ok()?,
            p.next()?.parse().ok()?,
            p.next()?.parse().ok()?,
        ))
    }) {
        return CivilDate {
            year: y,
            month: m,
            day: d,
        };
    }
    let now = js_sys::Date::new_0();
    CivilDate {
        year: i32::try_from(now.get_full_year()).unwrap_or(2026),
        month: u8::try_from(now.get_month() + 1).unwrap_or(1),
        day: u8::try_from(now.get_date()).unwrap_or(1),
    }
}

fn setup(config: &JsValue) -> Result<socval_core::Setup, JsValue> {
    let c = json::parse_config(&text(config)?)
        .map_err(|e| failure(&Line::api_config_unread(), &e.issues))?;
    let setup =
        socval_core::prepare(c).map_err(|e| failure(&Line::api_config_problems(), &e.issues))?;
    if let Some(t) = table() {
        setup
            .check_table(&t)
            .map_err(|e| failure(&Line::api_config_problems(), &e.issues))?;
    }
    Ok(setup)
}

fn table() -> Option<OutcodeTable> {
    OutcodeTable::builtin().ok()
}

/// The figures alone (totals, ratio, themes, LM3, score, warnings) without
/// the working: what `calculate` gives, several times faster, for scoring
/// many bids.
#[wasm_bindgen(unchecked_return_type = "any")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "object | string")] config: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | string")] proposal: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    in_language(&options, || {
        run(&config, &proposal, &options, socval_core::evaluate)
    })
}

/// Calculates social value, LM3 and the indicative score.
#[wasm_bindgen(unchecked_return_type = "any")]
pub fn calculate(
    #[wasm_bindgen(unchecked_param_type = "object | string")] config: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | string")] proposal: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    in_language(&options, || {
        run(&config, &proposal, &options, socval_core::calculate)
    })
}

/// What it would take: the gap to the council's target and next scoring
/// band, how much more of each valued measure alone would close it, and the
/// local spend that would lift LM3 by 0.1 (`socval gap`'s JSON).
#[wasm_bindgen(unchecked_return_type = "any")]
pub fn gap(
    #[wasm_bindgen(unchecked_param_type = "object | string")] config: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | string")] proposal: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    in_language(&options, || {
        run(&config, &proposal, &options, socval_core::gap::gap)
    })
}

/// A shared framework's figures: each commissioner's social value, ratio,
/// score and LM3 in its own area, the shared total counting each
/// commitment once, and every commitment shared out (`socval
/// commissioners`' JSON). The configuration must have `commissioners`.
#[wasm_bindgen(unchecked_return_type = "any")]
pub fn commissioners(
    #[wasm_bindgen(unchecked_param_type = "object | string")] config: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | string")] proposal: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    in_language(&options, || {
        run(
            &config,
            &proposal,
            &options,
            socval_core::partnership::report,
        )
    })
}

/// Reads a configuration and a proposal, runs `f` on them, and returns its
/// result as a plain object (or throws with every issue).
fn run<T: Serialize>(
    config: &JsValue,
    proposal: &JsValue,
    options: &JsValue,
    f: impl FnOnce(
        &socval_core::Setup,
        &socval_core::Proposal,
        &Env<'_>,
    ) -> Result<T, socval_core::ProposalError>,
) -> Result<JsValue, JsValue> {
    let setup = localise(setup(config)?, options);
    let p = json::parse_proposal(&text(proposal)?)
        .map_err(|e| failure(&Line::api_proposal_unread(), &e.issues))?;
    let table = table();
    let env = Env {
        today: today(options),
        outcodes: table.as_ref(),
    };
    let result =
        f(&setup, &p, &env).map_err(|e| failure(&Line::api_proposal_problems(), &e.issues))?;
    to_js(&result)
}

#[derive(Serialize)]
struct Validation {
    kind: &'static str,
    valid: bool,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

/// Checks a configuration, or a proposal (against `config` when given).
#[wasm_bindgen(unchecked_return_type = "Validation")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "object | string")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "object | string | undefined")] config: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    in_language(&options, || check(&document, &config, &options))
}

fn check(document: &JsValue, config: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let result = match json::parse_document(&text(document)?) {
        Err(e) => Validation {
            kind: "proposal",
            valid: false,
            errors: e.issues,
            warnings: Vec::new(),
        },
        Ok(json::Document::Config(c)) => match socval_core::prepare(*c) {
            Ok(_) => Validation {
                kind: "config",
                valid: true,
                errors: Vec::new(),
                warnings: Vec::new(),
            },
            Err(e) => Validation {
                kind: "config",
                valid: false,
                errors: e.issues,
                warnings: Vec::new(),
            },
        },
        Ok(json::Document::Proposal(_)) if config.is_undefined() || config.is_null() => {
            Validation {
                kind: "proposal",
                valid: true,
                errors: Vec::new(),
                warnings: Vec::new(),
            }
        }
        Ok(json::Document::Proposal(p)) => {
            let setup = localise(setup(config)?, options);
            let table = table();
            match socval_core::check_proposal(
                &setup,
                &p,
                &Env {
                    today: today(options),
                    outcodes: table.as_ref(),
                },
            ) {
                Ok(warnings) => Validation {
                    kind: "proposal",
                    valid: true,
                    errors: Vec::new(),
                    warnings,
                },
                Err(e) => Validation {
                    kind: "proposal",
                    valid: false,
                    errors: e.issues,
                    warnings: Vec::new(),
                },
            }
        }
    };
    to_js(&result)
}

/// The ids of the built-in frameworks.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn frameworks() -> Result<JsValue, JsValue> {
    to_js(&socval_core::builtin::ids())
}

/// A built-in framework, with every measure and the provenance of every value.
#[wasm_bindgen(unchecked_return_type = "any")]
pub fn framework(id: &str) -> Result<JsValue, JsValue> {
    match socval_core::builtin::framework(id) {
        Some(f) => to_js(&f),
        None => Err(js_sys::Error::new(&format!("\"{id}\" is not a built-in framework")).into()),
    }
}
