//! Every piece of text the widget shows, from a catalogue file per language:
//! `i18n/en.txt`, compiled in, and `i18n/cy.txt` (Welsh), which the loader
//! fetches only for a Welsh page, so that the first render of an English
//! one carries none of it. Components read text only from [`Messages`].
//!
//! A catalogue is one line per text, `key = text`. `{name}` is filled in by
//! the method of the same name as the key; `{n:one|other}` picks a form by
//! the language's plural rule (Welsh has six: CLDR's zero, one, two, few,
//! many, other). Lines `issue.<key>` word the core's structured messages
//! ([`socval_core::message`]); English ones come from the core itself.
//! `tests/tests/catalogues.rs` fails when a key is missing or unused in
//! either language, or a placeholder differs.

use std::sync::OnceLock;

use socval_core::config::Priority;
use socval_core::framework::Unit;
use socval_core::message::{self, Msg, Value};

/// The English catalogue's texts (`i18n/en.txt` without its keys and
/// comments, by `build.rs`), a line each in the order of [`Messages`]'s.
/// Every catalogue lists its keys in that order, then the core's messages
/// in the order of theirs (`tests/tests/catalogues.rs` checks it), so
/// catalogues are read by position and the first module carries no keys.
pub const EN_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/en.txt"));

macro_rules! catalogue {
    (plain: $($plain:ident,)*; templates: $($template:ident,)*) => {
        /// The catalogue's keys, as indices into [`Messages`]'s texts.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum K {
            $($plain,)*
            $($template,)*
        }

        /// How many keys there are.
        const COUNT: usize = [$(K::$plain,)* $(K::$template,)*].len();

        #[allow(missing_docs)] // Each is named for the text it gives.
        impl Messages {
            $(pub fn $plain(&self) -> &'static str {
                self.t(K::$plain)
            })*
        }
    };
}

/// The text of the widget in one language: a method per text, named for
/// its key; the templates' methods fill them in. The texts sit in a list,
/// not a field each: read from a catalogue by position, in a loop, where
/// a match on every key's name cost the first module 17 kB.
#[derive(Clone, Debug)]
pub struct Messages {
    /// The texts, in the order of the English catalogue's keys: an array, so that reading one
    /// by its constant index needs no bounds check at each of the
    /// widget's hundreds of texts.
    texts: [&'static str; COUNT],
    /// The core's message templates, in the order of its keys.
    issues: Vec<&'static str>,
    /// The catalogue as read, for its built-in framework's texts.
    text: &'static str,
    /// The language's plural rule.
    plural: fn(i64) -> usize,
}

catalogue! {
    plain:
    lang, title, privacy, contract_heading, bidder, bidder_hint, contract_value,
    contract_value_hint, duration, duration_hint, start_year, supplier_postcode,
    postcode_hint, postcode, commitments_heading, commitments_hint,
    search_measures, search_hint, no_measures_match, each_year, year_by_year,
    add_line, attribution, attribution_hint, shared_by, shared_by_hint,
    delivered_at, delivered_at_hint_local, note, record_only, proxy_details,
    source, price_year, licence, spend_heading, spend_hint, staff_heading,
    suppliers_heading, staff_label, supplier_name, wages, spend_amount, respend,
    respend_hint, sme, vcse, add_staff, add_supplier, staff_as_total,
    suppliers_as_total, wage_bill, local_staff, supply_chain, local_suppliers,
    lines_kept, entered_total_both, entered_total_staff,
    entered_total_suppliers, remove, see_results, place_local, place_not_local,
    self_heading, self_hint, self_score, results_heading, results_waiting,
    results_stale, results_needed, total_gross, total_adjusted, total_pv, ratio,
    ratio_explained, target_met, target_missed, by_theme, theme, share,
    lm3_heading, lm3_rounds, lm3_needs_spend, round1, round2, round3,
    recorded_heading, score_heading, warnings_heading, how_calculated, totals,
    working_loading, gap_heading, error_summary, enter_value, enter_duration,
    enter_start_year, announce_lm3, tools_heading, scenarios, scenarios_failed,
    loading, draft_elsewhere, export_json, import_json, import_hint, export_csv,
    print, start_again, start_again_confirm, cleared, undo, undone,
    draft_restored, draft_unreadable, imported, copy_link, link_copied,
    link_shown, link_opened, form_unreadable, config_failed, priority_high,
    priority_medium, priority_low, loader_failed, loader_no_wasm, error_prefix,
    unnamed_area, unit_fte_year, unit_person, unit_week, unit_hour, unit_pound,
    unit_tco2e, unit_tonne, unit_wellby, unit_event, unit_organisation,
    save_failed, csv_failed, loader_copy_prompt,
    ; templates:
    year_n, line_n, delivered_at_hint, proxy_value, proxy_converted,
    proxy_by_year, place_priority, lm3_explained, lm3_range, local_share,
    bidder_outside, priority_spend, score_line, weighting_explained,
    not_a_number, not_an_amount, enter_field, announce, scenario_opened,
    removed, import_failed, link_failed, contact, measure_unit, synonyms,
    band_from,
}

impl Messages {
    /// English, from the compiled-in catalogue.
    fn english() -> Messages {
        let mut texts = [""; COUNT];
        for (slot, line) in texts.iter_mut().zip(EN_TEXT.lines()) {
            *slot = line;
        }
        Messages {
            texts,
            issues: Vec::new(),
            text: "",
            plural: message::english_plural,
        }
    }

    /// Reads a catalogue by position: its first texts are the widget's,
    /// the next the core's messages; its further lines (the built-in
    /// framework's texts) stay in [`Messages::text`]. None for text that is
    /// not a whole catalogue (a page served in its place, a file cut
    /// short): read by position, it would put every text in the wrong place.
    pub fn parse(text: &'static str) -> Option<Messages> {
        let mut entries = entries(text);
        let (first, lang) = entries.next()?;
        if first != "lang" || entries.clone().count() < COUNT + message::KEY_COUNT - 1 {
            return None;
        }
        let mut m = Messages::english();
        let mut lines = std::iter::once(lang).chain(entries.map(|(_, value)| value));
        for (slot, line) in m.texts.iter_mut().zip(lines.by_ref()) {
            *slot = line;
        }
        m.issues = lines.take(message::KEY_COUNT).collect();
        m.text = text;
        m.plural = if is_welsh(m.lang()) {
            message::welsh_plural
        } else {
            message::english_plural
        };
        Some(m)
    }

    fn t(&self, k: K) -> &'static str {
        // Every key is below COUNT: the check folds away.
        self.texts.get(k as usize).copied().unwrap_or_default()
    }

    /// The catalogue as read: its `themes.…` and `measures.…` lines give
    /// the built-in framework's texts in this language (see [`crate::texts`]).
    pub fn text(&self) -> &'static str {
        self.text
    }

    /// Fills a template in: `names` are its parameters, each followed by a comma.
    fn put(&self, template: &str, names: &str, values: &[&str]) -> String {
        let values: Vec<Value> = values.iter().map(|v| Value::Text((*v).into())).collect();
        message::fill(template, names, &values, self.plural, self.unnamed_area())
    }

    /// An issue with its path, as the embedder reads it (the configuration's
    /// problems), its message in this language.
    pub fn at(&self, i: &socval_core::Issue) -> String {
        let mut out = i.path.clone();
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&self.issue(&i.message));
        out
    }

    /// One of the core's messages, in this language.
    pub fn issue(&self, msg: &Msg) -> String {
        let template = self.issues.get(msg.key as usize).copied();
        msg.words(
            template.unwrap_or_else(|| msg.key.english()),
            self.plural,
            self.unnamed_area(),
        )
    }

    /// Words a supplier may search for, each with a word (lower case) the
    /// measures use for the same thing.
    pub fn synonyms(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.t(K::synonyms)
            .split('|')
            .filter_map(|pair| pair.split_once('>'))
            .map(|(word, stem)| (word.trim(), stem.trim()))
    }

    /// A unit's label: for one (after "per"), or for a count.
    pub fn unit(&self, unit: Unit, one: bool) -> &'static str {
        let forms = match unit {
            Unit::FteYear => self.unit_fte_year(),
            Unit::Person => self.unit_person(),
            Unit::Week => self.unit_week(),
            Unit::Hour => self.unit_hour(),
            Unit::Pound => self.unit_pound(),
            Unit::Tco2e => self.unit_tco2e(),
            Unit::Tonne => self.unit_tonne(),
            Unit::Wellby => self.unit_wellby(),
            Unit::Event => self.unit_event(),
            Unit::Organisation => self.unit_organisation(),
        };
        let (single, plural) = forms.split_once('|').unwrap_or((forms, forms));
        if one { single } else { plural }
    }

    /// How the council ranks a theme.
    pub fn priority(&self, p: Priority) -> &'static str {
        match p {
            Priority::High => self.priority_high(),
            Priority::Medium => self.priority_medium(),
            Priority::Low => self.priority_low(),
        }
    }

    /// Which spend was entered as a total with a local share.
    pub fn entered_as_total(&self, staff: bool, suppliers: bool) -> &'static str {
        match (staff, suppliers) {
            (true, true) => self.entered_total_both(),
            (true, false) => self.entered_total_staff(),
            _ => self.entered_total_suppliers(),
        }
    }

    /// Whether the ratio meets the council's target (a percentage).
    pub fn target(&self, target: &str, met: bool) -> String {
        let t = if met {
            self.target_met()
        } else {
            self.target_missed()
        };
        self.put(t, "target,", &[target])
    }

    /// Where a local-only measure counts.
    pub fn delivered_at_hint(&self, area: &str) -> String {
        if area.trim().is_empty() {
            self.delivered_at_hint_local().into()
        } else {
            self.put(self.t(K::delivered_at_hint), "area,", &[area])
        }
    }

    /// The results said to a screen reader; `lm3` empty before any spend.
    pub fn announce(&self, total: &str, ratio: &str, lm3: &str, score: &str) -> String {
        let t = if lm3.is_empty() {
            self.t(K::announce)
        } else {
            self.announce_lm3()
        };
        self.put(t, "total,ratio,lm3,score,", &[total, ratio, lm3, score])
    }

    /// A year of a year-by-year profile; `n` is a count a language may
    /// give plural forms (`{n:…|…}`).
    pub fn year_n(&self, n: usize, year: i32) -> String {
        let values = [Value::Int(message::count(n)), Value::Int(year.into())];
        message::fill(self.t(K::year_n), "n,year,", &values, self.plural, "")
    }

    /// A measure's further line, by its number (2, 3, …).
    pub fn line_n(&self, title: &str, n: usize) -> String {
        let values = [Value::Text(title.into()), Value::Int(message::count(n))];
        message::fill(self.t(K::line_n), "title,n,", &values, self.plural, "")
    }

    /// A proxy value per unit.
    pub fn proxy_value(&self, value: &str, unit: &str) -> String {
        self.put(self.t(K::proxy_value), "value,unit,", &[value, unit])
    }

    /// A proxy value converted to the framework's price year.
    pub fn proxy_converted(&self, value: &str, year: u16) -> String {
        self.put(
            self.t(K::proxy_converted),
            "value,year,",
            &[value, &year.to_string()],
        )
    }

    /// A proxy valued at each year's published figure.
    pub fn proxy_by_year(&self, year: u16) -> String {
        self.put(self.t(K::proxy_by_year), "year,", &[&year.to_string()])
    }

    /// A spend line in one of the council's priority areas.
    pub fn place_priority(&self, area: &str) -> String {
        self.put(self.t(K::place_priority), "area,", &[area])
    }

    /// LM3 in words.
    pub fn lm3_explained(&self, lm3: &str) -> String {
        self.put(self.t(K::lm3_explained), "lm3,", &[lm3])
    }

    /// LM3's range under low and high re-spend.
    pub fn lm3_range(&self, low: &str, high: &str) -> String {
        self.put(self.t(K::lm3_range), "low,high,", &[low, high])
    }

    /// The share of spend that counts as local.
    pub fn local_share(&self, percent: &str) -> String {
        self.put(self.t(K::local_share), "percent,", &[percent])
    }

    /// A bidder outside the local area.
    pub fn bidder_outside(&self, pence: &str) -> String {
        self.put(self.t(K::bidder_outside), "pence,", &[pence])
    }

    /// Spend in priority areas outside the local area.
    pub fn priority_spend(&self, amount: &str) -> String {
        self.put(self.t(K::priority_spend), "amount,", &[amount])
    }

    /// The indicative score and what it is worth.
    pub fn score_line(&self, score: &str, points: &str, weighting: &str) -> String {
        self.put(
            self.t(K::score_line),
            "score,points,weighting,",
            &[score, points, weighting],
        )
    }

    /// What the weighting means.
    pub fn weighting_explained(&self, weighting: &str) -> String {
        self.put(self.t(K::weighting_explained), "weighting,", &[weighting])
    }

    /// A field that is not a number.
    pub fn not_a_number(&self, label: &str) -> String {
        self.put(self.t(K::not_a_number), "label,", &[label])
    }

    /// A field that is not an amount of money.
    pub fn not_an_amount(&self, label: &str) -> String {
        self.put(self.t(K::not_an_amount), "label,", &[label])
    }

    /// One of a pair of fields left empty.
    pub fn enter_field(&self, label: &str) -> String {
        self.put(self.t(K::enter_field), "label,", &[label])
    }

    /// A scenario opened.
    pub fn scenario_opened(&self, name: &str) -> String {
        self.put(self.t(K::scenario_opened), "name,", &[name])
    }

    /// The name of a scoring band the council gave no label.
    pub fn band_from(&self, from: &str) -> String {
        self.put(self.t(K::band_from), "from,", &[from])
    }

    /// A line removed, said to a screen reader.
    pub fn removed(&self, line: &str) -> String {
        self.put(self.t(K::removed), "line,", &[line])
    }

    /// A file that could not be opened, and why.
    pub fn import_failed(&self, why: &str) -> String {
        self.put(self.t(K::import_failed), "why,", &[why])
    }

    /// A link that could not be opened, and why.
    pub fn link_failed(&self, why: &str) -> String {
        self.put(self.t(K::link_failed), "why,", &[why])
    }

    /// Who to ask.
    pub fn contact(&self, contact: &str) -> String {
        self.put(self.t(K::contact), "contact,", &[contact])
    }

    /// A measure's unit.
    pub fn measure_unit(&self, unit: Unit) -> String {
        self.put(self.t(K::measure_unit), "unit,", &[self.unit(unit, false)])
    }
}

/// A catalogue's entries, `(key, text)`, comments and blank lines skipped.
pub fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> + Clone {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
}

/// Whether a language tag is Welsh (`cy`, `cy-GB`).
pub fn is_welsh(lang: &str) -> bool {
    let lang = lang.as_bytes();
    matches!(lang, [b'c' | b'C', b'y' | b'Y', rest @ ..] if rest.first().is_none_or(|b| *b == b'-'))
}

/// The English catalogue, read once.
pub fn english() -> &'static Messages {
    static EN: OnceLock<Messages> = OnceLock::new();
    EN.get_or_init(Messages::english)
}

/// The catalogue for a language tag: Welsh when the loader fetched its
/// catalogue (`text`), or read it earlier; else English.
pub fn for_lang(lang: &str, text: Option<String>) -> &'static Messages {
    static CY: OnceLock<Messages> = OnceLock::new();
    if !is_welsh(lang) {
        return english();
    }
    if let Some(cy) = CY.get() {
        return cy;
    }
    // Read once a page, and kept as long as the page: leaking it gives
    // every text the `'static` life the components expect.
    match text.and_then(|t| Messages::parse(t.leak())) {
        Some(m) => CY.get_or_init(|| m),
        None => english(),
    }
}
