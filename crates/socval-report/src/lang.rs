//! The lazy module's words in the widget's language: the core's working
//! ([`Words`]) and this module's own texts (the scenarios panel, why a file
//! or a link did not open), English here and other languages from the
//! widget's catalogue (`report.<key> = template` lines of `cy.txt`, each
//! falling back to the English).

use socval_core::message::{Value, fill};
use socval_core::working::{Words, catalogue_lines};

/// Declares this module's texts: a key, its parameters, its English.
macro_rules! texts {
    ($( $key:ident ( $($param:ident),* ) $en:literal; )*) => {
        /// This module's texts (each is its English, in the list below).
        #[allow(non_camel_case_types, missing_docs)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T {
            $( $key, )*
        }

        /// Each text's key, parameters (each followed by a comma) and English.
        const TEXTS: &[(&str, &str, &str)] = &[
            $( (stringify!($key), concat!($(stringify!($param), ",",)*), $en), )*
        ];
    };
}

texts! {
    scenarios_intro() "Save up to four versions of this proposal under names of your own, open any of them again, and compare their figures side by side. They are kept in this browser only, for this council.";
    save() "Save the current answers as a scenario";
    name_label() "Name for the current answers";
    name_hint(max) "For example \u{201c}Plan B: more apprentices\u{201d}. At most {max} characters.";
    did_not_work(why) "That did not work: {why}";
    changed_elsewhere() "The scenarios were changed in another tab or window: the list is up to date.";
    delete_confirm(name) "Delete the scenario \u{201c}{name}\u{201d}? This cannot be undone.";
    deleted(name) "Deleted \u{201c}{name}\u{201d}.";
    gone(name) "\u{201c}{name}\u{201d} is no longer saved: it was deleted in another tab or window.";
    name_missing() "Enter a name for this scenario";
    name_long(max) "Name for the current answers: use at most {max} characters";
    replace_confirm(name) "Replace the scenario \u{201c}{name}\u{201d} with the current answers?";
    full(max) "You have {max} scenarios, the most kept: delete one to save another";
    saved(name) "Saved \u{201c}{name}\u{201d}.";
    error(text) "Error: {text}";
    none_saved() "No scenarios saved yet.";
    compared_on(council, framework, date, version) "{council}, {framework}: scenarios compared on {date} (Socval {version})";
    save_another() "Save another scenario to compare it with this one.";
    print() "Print the comparison";
    saved_caption(n, max) "Saved scenarios ({n} of {max})";
    col_name() "Name";
    col_saved() "Saved";
    col_actions() "Actions";
    open() "Open";
    delete() "Delete";
    unreadable() "The scenarios saved in this browser could not be read, so none are shown. They are left as they are unless you save or delete one.";
    unreadable_replace() "The scenarios saved in this browser could not be read. Replace them with a new list?";
    unexpected() "an unexpected error";
    no_storage() "this browser keeps no local storage for this page";
    storage_full() "this browser's storage is full or turned off";
    too_deep(max) "is nested more than {max} levels deep, which no proposal is";
    not_json(why) "is not valid JSON: {why}";
    not_object() "must be a JSON object ({ … }), not an array or a single value";
    link_too_long(chars, max) "the link holds {chars} characters of proposal, more than the {max} a link may carry: send the proposal file instead";
    link_not_link() "this is not a link to a Socval proposal";
    link_version(version) "the link was made by another version of the calculator (format \"{version}\"): ask for the proposal file instead";
    link_damaged() "the link is damaged (a character is missing or wrong): copy the whole link again";
    link_corrupt() "the link is cut short or altered: copy the whole link again";
    link_too_large(max) "the link would open more than {max} bytes, more than any proposal";
    link_not_text() "the link does not hold text";
    refused_version(version, reads) "schema_version: the file is in format version {version}, and this calculator reads version {reads}";
    refused_framework(id, version, ours, our_version) "framework: it was made for framework \"{id}\" version \"{version}\", but this council uses \"{ours}\" version \"{our_version}\"; re-enter the commitments against the current version";
    refused_commitments(n, max) "it has {n} commitments, and the calculator opens at most {max}";
    refused_spend_lines(n, max) "it has {n} lines in one spend list, and the calculator opens at most {max}";
    refused_measure(i, id) "commitments[{i}].measure: \"{id}\" is not a measure this council offers";
    refused_criterion(i, id) "self_assessment[{i}].criterion: \"{id}\" is not one of this council's criteria";
    refused_twice(i, id) "self_assessment[{i}].criterion: \"{id}\" is scored twice";
    refused_shares(i) "commitments[{i}].commissioners: it shares its commitments between the commissioners of a framework, which this calculator does not keep: open it on the framework's own page, where the shares are kept";
    refused_quantity_and_years(i) "commitments[{i}]: give a quantity or year-by-year figures (profile), not both";
    refused_lines_and_total(list) "spend.{list}_total: give spend.{list} as lines or as a total with a local share, not both";
}

/// This module's Welsh: the working's lines and its own texts.
const WELSH: &str = include_str!("../i18n/cy.txt");

/// The words of one language.
#[derive(Clone, Debug)]
pub struct Lang {
    /// The working's words.
    pub words: Words,
    texts: Vec<Option<String>>,
    /// The language tag the module's own markup carries (`cy`, `en-GB`).
    pub tag: &'static str,
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::english()
    }
}

impl Lang {
    /// English.
    pub fn english() -> Lang {
        Lang {
            words: Words::english(),
            texts: vec![None; TEXTS.len()],
            tag: "en-GB",
        }
    }

    /// The language of the widget's catalogue (its `cy.txt`), with this
    /// module's own catalogue in it, compiled in (`i18n/cy.txt`: 6.6 kB
    /// gzip, so that the working is never in a language the widget is not,
    /// nor waits for a file of its own); English for a catalogue of a
    /// language this module has no words in.
    pub fn for_widget(catalogue: &str) -> Lang {
        let welsh = catalogue_lines(catalogue)
            .find(|(k, _)| *k == "lang")
            .is_some_and(|(_, v)| v.to_ascii_lowercase().starts_with("cy"));
        if welsh {
            Lang::from_catalogue(&format!("{catalogue}\n{WELSH}"))
        } else {
            Lang::english()
        }
    }

    /// A language from catalogue text: the widget's lines and this module's.
    pub fn from_catalogue(text: &str) -> Lang {
        let mut lang = Lang {
            words: Words::from_catalogue(text),
            ..Lang::english()
        };
        for (key, template) in catalogue_lines(text) {
            if key == "lang" && template.to_ascii_lowercase().starts_with("cy") {
                lang.tag = "cy";
            }
            let Some(name) = key.strip_prefix("report.") else {
                continue;
            };
            let at = TEXTS.iter().position(|(k, _, _)| *k == name);
            if let Some(slot) = at.and_then(|i| lang.texts.get_mut(i)) {
                *slot = Some(template.to_string());
            }
        }
        lang
    }

    /// A text with no parameters.
    pub fn t(&self, k: T) -> String {
        self.put(k, &[])
    }

    /// A text with its parameters' values, in the order declared.
    pub fn put(&self, k: T, values: &[&dyn std::fmt::Display]) -> String {
        let (_, names, english) = TEXTS.get(k as usize).copied().unwrap_or_default();
        let template = self
            .texts
            .get(k as usize)
            .and_then(|t| t.as_deref())
            .unwrap_or(english);
        let values: Vec<Value> = values.iter().map(|v| Value::Text(v.to_string())).collect();
        fill(
            template,
            names,
            &values,
            self.words.plural(),
            self.words.unnamed_area(),
        )
    }

    /// Why a link did not open.
    pub fn link_error(&self, e: &socval_link::LinkError) -> String {
        use socval_link::LinkError as E;
        match e {
            E::TooLong { chars } => {
                self.put(T::link_too_long, &[chars, &socval_link::MAX_CODE_CHARS])
            }
            E::NotALink => self.t(T::link_not_link),
            E::UnknownVersion(v) => self.put(T::link_version, &[v]),
            E::Damaged => self.t(T::link_damaged),
            E::Corrupt => self.t(T::link_corrupt),
            E::TooLarge => self.put(T::link_too_large, &[&socval_link::MAX_JSON_BYTES]),
            E::NotText => self.t(T::link_not_text),
        }
    }

    /// Why a proposal was not opened into the form.
    pub fn refusal(&self, r: &socval_form::Refusal) -> String {
        use socval_form::Refusal as R;
        match r {
            R::SchemaVersion(v) => self.put(
                T::refused_version,
                &[v, &socval_core::proposal::PROPOSAL_SCHEMA_VERSION],
            ),
            R::WrongFramework(id, version, ours, our_version) => {
                self.put(T::refused_framework, &[id, version, ours, our_version])
            }
            R::TooManyCommitments(n) => {
                self.put(T::refused_commitments, &[n, &socval_form::MAX_COMMITMENTS])
            }
            R::TooManySpendLines(n) => {
                self.put(T::refused_spend_lines, &[n, &socval_form::MAX_SPEND_LINES])
            }
            R::UnknownMeasure(i, id) => self.put(T::refused_measure, &[i, id]),
            R::UnknownCriterion(i, id) => self.put(T::refused_criterion, &[i, id]),
            R::ScoredTwice(i, id) => self.put(T::refused_twice, &[i, id]),
            R::QuantityAndYears(i) => self.put(T::refused_quantity_and_years, &[i]),
            R::LinesAndTotal(list) => self.put(T::refused_lines_and_total, &[list]),
        }
    }
}

/// Names each band the council left without a label as the widget names
/// it, from the catalogue's `band_from` (`{from}% ac uwch`); nothing when
/// the catalogue has none.
pub fn name_bands(setup: &mut socval_core::Setup, catalogue: &str) {
    let Some((_, template)) = catalogue_lines(catalogue).find(|(k, _)| *k == "band_from") else {
        return;
    };
    if let socval_core::config::ScoringMethod::RatioBands { bands } =
        &mut setup.config.scoring.method
    {
        for b in bands.iter_mut().filter(|b| b.label.is_empty()) {
            let from = [Value::Number(b.min_ratio_percent)];
            b.label = fill(template, "from,", &from, |_| 0, "");
        }
    }
}

/// Every key of this module's texts, for the catalogue test.
pub fn keys() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    TEXTS.iter().copied()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may panic: that is how they fail.
mod tests {
    use super::*;

    #[test]
    fn english_is_what_the_module_said_before() {
        let en = Lang::english();
        assert_eq!(
            en.put(T::saved, &[&"Plan B"]),
            "Saved \u{201c}Plan B\u{201d}."
        );
        assert_eq!(
            en.link_error(&socval_link::LinkError::NotALink),
            socval_link::LinkError::NotALink.to_string()
        );
        let r = socval_form::Refusal::TooManyCommitments(240_000);
        assert_eq!(en.refusal(&r), r.to_string());
        let r =
            socval_form::Refusal::WrongFramework("a".into(), "1".into(), "b".into(), "2".into());
        assert_eq!(en.refusal(&r), r.to_string());
        let cy =
            Lang::from_catalogue("lang = cy\nreport.saved = Wedi cadw \u{201c}{name}\u{201d}.\n");
        assert_eq!(
            cy.put(T::saved, &[&"Cynllun B"]),
            "Wedi cadw \u{201c}Cynllun B\u{201d}."
        );
        assert_eq!(cy.tag, "cy");
        assert_eq!(cy.t(T::open), "Open");
    }
}
