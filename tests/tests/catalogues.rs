//! The widget's text catalogues (issue 10): English and Welsh have the same
//! keys, every key is one the widget has and uses, and each Welsh text
//! fills in the same values as the English one, with the plural forms
//! Welsh needs. The core's messages and the built-in framework are covered
//! in Welsh as completely, and so is the report module's catalogue (the
//! working, the printed summary, the scenarios panel).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// A catalogue's lines as key to text; fails on a key given twice.
fn catalogue(path: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in read(path).lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line
            .split_once(" = ")
            .unwrap_or_else(|| panic!("{path}: not `key = text`: {line}"));
        assert!(
            out.insert(k.to_string(), v.to_string()).is_none(),
            "{path}: {k} twice"
        );
    }
    out
}

/// A template's placeholders: name to the number of plural forms (0 for a plain value).
fn placeholders(text: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for part in text.split('{').skip(1) {
        let inner = part.split('}').next().unwrap();
        let (name, forms) = inner
            .split_once(':')
            .map_or((inner, 0), |(n, f)| (n, f.split('|').count()));
        out.insert(name.to_string(), forms);
    }
    out
}

/// The keys the widget's `Messages` has, from its `catalogue!` list, in order.
fn widget_order() -> Vec<String> {
    let src = read("crates/socval-widget/src/messages.rs");
    let list = src
        .split("catalogue! {")
        .nth(1)
        .unwrap()
        .split('}')
        .next()
        .unwrap();
    let list = list.replace("plain:", "").replace("; templates:", "");
    list.split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(String::from)
        .collect()
}

fn widget_keys() -> BTreeSet<String> {
    widget_order().into_iter().collect()
}

fn en() -> BTreeMap<String, String> {
    catalogue("crates/socval-widget/i18n/en.txt")
}

fn cy() -> BTreeMap<String, String> {
    catalogue("crates/socval-widget/i18n/cy.txt")
}

/// The English catalogue's keys in the order of the file.
fn en_order() -> Vec<String> {
    read("crates/socval-widget/i18n/en.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split(" = ").next().unwrap().trim().to_string())
        .collect()
}

#[test]
fn english_has_exactly_the_widgets_keys_in_its_order() {
    // English is read by position (messages.rs): the file's order is the widget's.
    assert_eq!(en_order(), widget_order());
    let en: BTreeSet<String> = en().into_keys().collect();
    let widget = widget_keys();
    assert!(
        widget.len() > 150,
        "read {} keys from messages.rs",
        widget.len()
    );
    let missing: Vec<_> = widget.difference(&en).collect();
    let unknown: Vec<_> = en.difference(&widget).collect();
    assert!(missing.is_empty(), "en.txt lacks {missing:?}");
    assert!(
        unknown.is_empty(),
        "en.txt has keys the widget does not: {unknown:?}"
    );
}

#[test]
fn welsh_has_every_key_of_english_the_core_and_the_builtin_framework() {
    let (en, cy) = (en(), cy());
    let mut want: BTreeSet<String> = en.keys().cloned().collect();
    for e in socval_core::message::catalogue() {
        want.insert(format!("issue.{}", e.key));
    }
    let framework = socval_core::builtin::framework(socval_core::builtin::SOCVAL_OPEN).unwrap();
    for t in &framework.themes {
        want.insert(format!("themes.{}.title", t.id));
        want.insert(format!("themes.{}.help", t.id));
    }
    for m in &framework.measures {
        want.insert(format!("measures.{}.title", m.id));
        want.insert(format!("measures.{}.help", m.id));
    }
    exactly_these_keys("cy.txt", &want, &cy);
}

/// `cy` has every key of `want` and no other, `lang = cy`, and no empty text.
fn exactly_these_keys(file: &str, want: &BTreeSet<String>, cy: &BTreeMap<String, String>) {
    let have: BTreeSet<String> = cy.keys().cloned().collect();
    let missing: Vec<_> = want.difference(&have).collect();
    let unused: Vec<_> = have.difference(want).collect();
    assert!(missing.is_empty(), "{file} lacks {missing:?}");
    assert!(
        unused.is_empty(),
        "{file} has keys nothing uses: {unused:?}"
    );
    assert_eq!(cy["lang"], "cy");
    assert!(
        cy.values().all(|v| !v.is_empty()),
        "{file}: an empty Welsh text"
    );
}

/// The Welsh of `key` fills in the English's placeholders, no others, each
/// count with Welsh's six plural forms.
fn fills_like_english(key: &str, english: &str, welsh: &str) {
    let (want, have) = (placeholders(english), placeholders(welsh));
    let names = |p: &BTreeMap<String, usize>| p.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&want), names(&have), "{key}: placeholders differ");
    for (name, forms) in &want {
        // English has one and other; Welsh zero, one, two, few, many,
        // other. Welsh may give forms where English needs none (a noun
        // after a count), never fewer than six.
        let welsh = have[name];
        assert!(
            welsh == 6 || (*forms == 0 && welsh == 0),
            "{key}: {{{name}}} has {welsh} forms; Welsh needs 6"
        );
    }
}

#[test]
fn welsh_lists_its_keys_in_englishs_order_then_the_cores() {
    // The widget reads a catalogue by position (messages.rs).
    let cy: Vec<String> = read("crates/socval-widget/i18n/cy.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split(" = ").next().unwrap().trim().to_string())
        .collect();
    let mut want = en_order();
    want.extend(socval_core::message::catalogue().map(|e| format!("issue.{}", e.key)));
    assert_eq!(cy.get(..want.len()).unwrap(), want.as_slice());
    assert!(
        cy[want.len()..]
            .iter()
            .all(|k| k.starts_with("themes.") || k.starts_with("measures."))
    );
    assert_eq!(
        socval_core::message::KEY_COUNT,
        socval_core::message::catalogue().count()
    );
}

#[test]
fn every_welsh_text_fills_in_what_the_english_does_with_welsh_plurals() {
    let (en, cy) = (en(), cy());
    let mut english: BTreeMap<String, String> = en.clone();
    for e in socval_core::message::catalogue() {
        english.insert(format!("issue.{}", e.key), e.english.to_string());
    }
    for (key, en_text) in &english {
        fills_like_english(key, en_text, &cy[key]);
        if key.starts_with("unit_") {
            assert_eq!(
                cy[key].split('|').count(),
                2,
                "{key}: one form, then the plural"
            );
            assert_eq!(en_text.split('|').count(), 2, "{key} (English)");
        }
    }
    // Every search word leads to a word the Welsh titles use.
    let titles: String = cy
        .iter()
        .filter(|(k, _)| k.starts_with("themes.") || k.starts_with("measures."))
        .map(|(_, v)| v.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    for pair in cy["synonyms"].split('|') {
        let (word, stem) = pair.split_once('>').unwrap();
        assert_eq!(word.trim(), word.trim().to_lowercase());
        assert!(
            titles.contains(stem.trim()),
            "synonym {pair}: no Welsh title has {stem:?}"
        );
    }
}

#[test]
fn every_key_is_used_by_the_widget_or_its_loader() {
    let mut code = String::new();
    for dir in [
        "crates/socval-widget/src",
        "crates/socval-widget/src/components",
        "crates/socval-widget/src/hooks",
    ] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                code.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let loader = read("crates/socval-widget/js/socval.js");
    for key in widget_keys() {
        // A call of the text's method, its place in the list, or the loader's use.
        let used = ["m.", "messages.", "self.", "english()."]
            .iter()
            .any(|on| code.contains(&format!("{on}{key}(")))
            || code.contains(&format!("K::{key})"))
            || loader.contains(&format!("'{key}'"));
        assert!(used, "no code reads the text {key}");
    }
}

#[test]
fn the_welsh_plural_rule_is_cldrs() {
    let rule = socval_core::message::welsh_plural;
    let forms: Vec<usize> = [0, 1, 2, 3, 4, 5, 6, 7, 10, 100]
        .iter()
        .map(|n| rule(*n))
        .collect();
    assert_eq!(forms, [0, 1, 2, 3, 5, 5, 4, 5, 5, 5]);
}

fn cy_report() -> BTreeMap<String, String> {
    catalogue("crates/socval-report/i18n/cy.txt")
}

/// The report module's English: the working's lines and its own texts.
fn report_english() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in socval_core::working::catalogue() {
        out.insert(format!("work.{}", e.key), e.english.to_string());
    }
    for (key, _, english) in socval_report::lang::keys() {
        out.insert(format!("report.{key}"), english.to_string());
    }
    out
}

#[test]
fn the_report_modules_welsh_has_every_key_and_fills_what_english_does() {
    let (english, cy) = (report_english(), cy_report());
    let want: BTreeSet<String> = english.keys().cloned().chain(["lang".into()]).collect();
    exactly_these_keys("report cy.txt", &want, &cy);
    for (key, en_text) in &english {
        fills_like_english(key, en_text, &cy[key]);
    }
}

#[test]
fn the_working_of_a_real_proposal_is_all_welsh_with_the_welsh_catalogues() {
    use socval_core::working::Words;
    let text = format!(
        "{}\n{}",
        read("crates/socval-widget/i18n/cy.txt"),
        read("crates/socval-report/i18n/cy.txt")
    );
    let cy = Words::from_catalogue(&text);
    let en = Words::english();
    // The templates that hold nothing but placeholders and signs are the
    // same in both languages; every other line of the working differs.
    let neutral = |key: &str| {
        let t = socval_core::working::catalogue()
            .find(|e| e.key == key)
            .map(|e| e.english)
            .unwrap_or_default();
        !t.split(['{', '}'])
            .enumerate()
            .any(|(i, part)| i % 2 == 0 && part.chars().any(char::is_alphabetic))
    };
    // The English templates' words between their values, where there are
    // three or more of them ("of the contract value", "Round 1 (contract
    // income)").
    let english_fragments: Vec<String> = socval_core::working::catalogue()
        .flat_map(|e| {
            e.english
                .split(['{', '}'])
                .step_by(2)
                .map(str::trim)
                .filter(|f| {
                    let words = f.split_whitespace();
                    words.filter(|w| w.chars().any(char::is_alphabetic)).count() >= 3
                })
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(english_fragments.len() > 100);
    let (mut lines_checked, mut panel_texts, mut hours_in_welsh) = (0, 0, false);
    for case in socval_tests::CASES {
        let Some((report, gap)) = socval_tests::report_of(case) else {
            continue;
        };
        let lines = report
            .measures
            .iter()
            .flat_map(|m| &m.working)
            .chain(&report.lm3.working)
            .chain(&report.score.explanation);
        for line in lines {
            let welsh = cy.say(line);
            assert!(!welsh.contains('{'), "{}: {welsh}", case.name);
            if !neutral(line.key.name()) {
                assert_ne!(
                    welsh,
                    en.say(line),
                    "{}: {} is not in Welsh",
                    case.name,
                    line.key.name()
                );
                lines_checked += 1;
            }
        }
        // No sentence of the English working is left in a Welsh panel.
        for (panel, blocks) in socval_core::explain::all(&cy, &report, gap.as_ref()) {
            for text in texts(&blocks) {
                if let Some(f) = english_fragments.iter().find(|f| text.contains(f.as_str())) {
                    panic!(
                        "{}: the {panel} panel says \"{f}\" in English: {text}",
                        case.name
                    );
                }
                hours_in_welsh |= text.contains(" awr");
                panel_texts += 1;
            }
        }
    }
    assert!(lines_checked > 100, "only {lines_checked} lines checked");
    assert!(panel_texts > 500, "only {panel_texts} panel texts checked");
    assert!(hours_in_welsh, "no quantity of hours in Welsh");
}

/// Every text of a panel's blocks.
fn texts(blocks: &[socval_core::explain::Block]) -> Vec<String> {
    use socval_core::explain::Block;
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Heading(t) | Block::Para(t) => out.push(t.clone()),
            Block::List(items) => out.extend(items.iter().cloned()),
            Block::Table(t) => {
                out.push(t.caption.clone());
                out.extend(t.head.iter().cloned());
                out.extend(t.rows.iter().flatten().cloned());
            }
        }
    }
    out
}

#[test]
fn a_result_written_in_welsh_keeps_its_keys_and_parameters() {
    use socval_core::working::{Words, written_in};
    let text = format!(
        "{}\n{}",
        read("crates/socval-widget/i18n/cy.txt"),
        read("crates/socval-report/i18n/cy.txt")
    );
    let cy = std::rc::Rc::new(Words::from_catalogue(&text));
    let case = socval_tests::case("council-rules");
    let (report, _) = socval_tests::report_of(case).unwrap();
    let english = serde_json::to_value(&report).unwrap();
    let welsh = written_in(cy.clone(), || serde_json::to_value(&report).unwrap());
    let line = &report.lm3.working[0];
    assert_eq!(welsh["lm3"]["working"][0]["text"], cy.say(line));
    assert_ne!(
        welsh["lm3"]["working"][0]["text"],
        english["lm3"]["working"][0]["text"]
    );
    for part in ["key", "params"] {
        assert_eq!(
            welsh["lm3"]["working"][0][part],
            english["lm3"]["working"][0][part]
        );
        assert_eq!(welsh["warnings"][0][part], english["warnings"][0][part]);
    }
    assert_eq!(
        welsh["warnings"][0]["message"],
        cy.message(&report.warnings[0].message)
    );
    assert_ne!(
        welsh["warnings"][0]["message"],
        english["warnings"][0]["message"]
    );
    // Outside `written_in`, English again.
    assert_eq!(serde_json::to_value(&report).unwrap(), english);
    if std::env::var_os("SHOW_WELSH").is_some() {
        for (panel, blocks) in socval_core::explain::all(&cy, &report, None) {
            eprintln!("== {panel}\n{blocks:#?}");
        }
    }
}

#[test]
fn the_report_module_names_a_band_without_a_label_as_the_widget_does() {
    let (mut setup, _) = socval_tests::exampleshire();
    let socval_core::config::ScoringMethod::RatioBands { bands } = &mut setup.config.scoring.method
    else {
        panic!("Exampleshire scores by bands");
    };
    bands.iter_mut().for_each(|b| b.label.clear());
    socval_report::lang::name_bands(&mut setup, &read("crates/socval-widget/i18n/cy.txt"));
    let socval_core::config::ScoringMethod::RatioBands { bands } = &setup.config.scoring.method
    else {
        unreachable!()
    };
    let labels: Vec<&str> = bands.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "0% ac uwch",
            "2% ac uwch",
            "5% ac uwch",
            "10% ac uwch",
            "20% ac uwch"
        ]
    );
}
