//! A council's texts in Welsh (issue 10): a configuration's `translations`
//! change its words, never a figure; a text left out or empty keeps the
//! configuration's own; and `socval validate` refuses ids and positions the
//! configuration does not have.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use socval_core::config::ScoringMethod;
use socval_core::outcodes::OutcodeTable;
use socval_core::{Env, json};

const DYFFRYN_TEG: &str = include_str!("../../www/examples/dyffryn-teg.json");
const PROPOSAL: &str = include_str!("../../www/examples/exampleshire-proposal.json");

fn setup(text: &str) -> socval_core::Setup {
    socval_core::prepare(json::parse_config(text).unwrap()).unwrap()
}

fn bands(s: &socval_core::Setup) -> Vec<String> {
    match &s.config.scoring.method {
        ScoringMethod::RatioBands { bands } => bands.iter().map(|b| b.label.clone()).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn welsh_texts_replace_the_councils_own_and_english_keeps_them() {
    let welsh = setup(DYFFRYN_TEG).localised("cy-GB");
    assert_eq!(
        welsh.config.council.name,
        "Cyngor Bwrdeistref Sirol Dyffryn Teg"
    );
    assert!(welsh.config.council.intro.starts_with("Cyngor ffuglennol"));
    // Not translated: kept as the configuration gives it.
    assert_eq!(
        welsh.config.council.contact,
        "gwerthcymdeithasol@dyffrynteg.example"
    );
    assert_eq!(
        welsh.config.priority_areas[0].name,
        "Ardal adfywio'r Cymoedd"
    );
    assert_eq!(
        bands(&welsh),
        ["Annerbyniol", "Gwael", "Boddhaol", "Da", "Rhagorol"]
    );
    let english = setup(DYFFRYN_TEG).localised("en-GB");
    assert_eq!(
        english.config.council.name,
        "Dyffryn Teg County Borough Council"
    );
    assert_eq!(bands(&english)[3], "Good");
}

#[test]
fn a_translation_changes_no_figure() {
    let table = OutcodeTable::builtin().unwrap();
    let env = Env {
        today: socval_tests::TODAY,
        outcodes: Some(&table),
    };
    let proposal = json::parse_proposal(PROPOSAL).unwrap();
    let english = setup(DYFFRYN_TEG);
    let mut welsh = setup(DYFFRYN_TEG).localised("cy");
    assert!(welsh.translate_text("measures.jobs-local.title", "Cyflogi pobl leol"));
    let a = socval_core::evaluate(&english, &proposal, &env).unwrap();
    let b = socval_core::evaluate(&welsh, &proposal, &env).unwrap();
    assert_eq!(a.totals, b.totals);
    assert_eq!(a.ratio, b.ratio);
    assert_eq!(a.lm3, b.lm3);
    assert_eq!(a.score, b.score);
    assert!(
        a.totals.gross.pence() > 0,
        "the proposal has value to compare"
    );
}

#[test]
fn a_text_goes_only_where_its_path_names_something() {
    let mut s = setup(DYFFRYN_TEG);
    assert!(s.translate_text("themes.jobs.help", "Swyddi"));
    assert_eq!(s.framework.themes[0].description, "Swyddi");
    assert!(s.translate_text("bands.4", "Rhagorol"));
    assert!(!s.translate_text("bands.5", "Dim band"), "no sixth band");
    assert!(
        !s.translate_text("measures.nope.title", "Dim"),
        "no such measure"
    );
    assert!(
        !s.translate_text("council.name", "  "),
        "an empty text keeps the English"
    );
    assert!(!s.translate_text("council.budget", "£1"), "not a text");
    assert!(
        !s.translate_text("criteria.x.title", "Dim"),
        "no criteria under ratio bands"
    );
    assert_eq!(s.config.council.name, "Dyffryn Teg County Borough Council");
}

#[test]
fn validate_refuses_what_a_translation_names_and_the_configuration_lacks() {
    let mut c: serde_json::Value = serde_json::from_str(DYFFRYN_TEG).unwrap();
    let t = &mut c["translations"];
    t["cy"]["bands"]
        .as_array_mut()
        .unwrap()
        .push("Chweched".into());
    t["cy"]["measures"] = serde_json::json!({ "no-such-measure": { "title": "Dim" } });
    t["cy"]["themes"] = serde_json::json!({ "jobs": { "title": "Swyddi" } });
    t["Cymraeg"] = serde_json::json!({});
    let config = json::parse_config(&c.to_string()).unwrap();
    let e = socval_core::prepare(config).unwrap_err();
    let paths: Vec<&str> = e.issues.iter().map(|i| i.path.as_str()).collect();
    // In the order written (serde_json's objects sort their keys).
    assert_eq!(
        paths,
        [
            "translations.Cymraeg",
            "translations.cy.bands",
            "translations.cy.measures.no-such-measure"
        ]
    );
    // An unknown field inside a translation is refused when read.
    let mut c: serde_json::Value = serde_json::from_str(DYFFRYN_TEG).unwrap();
    c["translations"]["cy"]["council"]["motto"] = "Gwerth".into();
    assert!(json::parse_config(&c.to_string()).is_err());
}
