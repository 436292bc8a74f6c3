//! # The widget's lazy module
//!
//! What the calculator does not need to draw the form and its live figures:
//! the full report behind the `socval-result` event (every figure with its
//! working and sources, as the CLI and the JS API give it), the results
//! CSV, and opening a proposal file into the form (so the first module
//! carries no proposal reader). The widget's first module evaluates the figures only; the loader
//! fetches this one after the first render, so its weight is never paid
//! before the form shows.
//!
//! It is built from the same core as the widget and the CLI, so the report
//! matches them to the penny (the browser tests compare it with `socval
//! calc`).

mod download;
mod evaluator;
pub mod lang;
mod render;
mod scenarios;

use std::rc::Rc;

use serde::Serialize;
use socval_core::working::{Line, catalogue_lines};
use socval_core::{CivilDate, CouncilConfig, Env, OutcodeTable, Proposal, Setup};
use wasm_bindgen::prelude::*;

use crate::lang::{Lang, T};

/// The styles for what this module draws (the printed summary, the
/// scenarios' print view), for the loader to adopt into the widget's shadow
/// root with the module, so the first module carries none of them.
#[wasm_bindgen]
pub fn styles() -> String {
    include_str!("lazy.css").to_string()
}

/// One council's setup, read once, for any number of reports.
#[wasm_bindgen]
pub struct Reporter {
    /// The setup as the configuration gives it.
    base: Rc<Setup>,
    // Shared with the scenarios panel, which outlives any one call.
    /// The setup with its texts in the widget's language.
    setup: Rc<Setup>,
    /// The words of the widget's language.
    lang: Rc<Lang>,
    /// The catalogue and texts `lang` and `setup` were made from.
    asked: (Option<String>, Option<String>),
    /// The scenarios panels made, worded again when the language changes.
    panels: Vec<scenarios::Handle>,
    outcodes: Rc<Option<OutcodeTable>>,
    tender: String,
    /// The level of the widget's top headings.
    level: u8,
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// An error whose `issues` are each `{ path, code, message }` besides its text,
/// so that a page can show each problem on its field.
fn issues_error(message: &str, issues: &[socval_core::Issue]) -> JsValue {
    let e = js_sys::Error::new(message);
    let list = js_sys::Array::new();
    for i in issues {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"path".into(), &i.path.as_str().into());
        let _ = js_sys::Reflect::set(&o, &"message".into(), &i.message.to_string().into());
        if let Ok(code) = serde_wasm_bindgen::to_value(&i.code) {
            let _ = js_sys::Reflect::set(&o, &"code".into(), &code);
        }
        list.push(&o);
    }
    let _ = js_sys::Reflect::set(&e, &"issues".into(), &list);
    e.into()
}

#[wasm_bindgen]
impl Reporter {
    /// Reads the council's configuration (JSON text, a byte order mark
    /// allowed, or an object, as `JSON.parse` gives it), the outward-code CSV
    /// when the council's local area needs it, and with it the table of
    /// outward codes that straddle a district boundary
    /// (`outcodes-split.csv`), which marks uncertain placements in the report,
    /// the tender the printed summary is for (the element's `tender`
    /// attribute, set by the host page), and the level of the widget's top
    /// headings (its `heading-level`, 2 by default), from which the working's
    /// headings take theirs.
    #[wasm_bindgen(constructor)]
    pub fn new(
        config: JsValue,
        outcodes: Option<String>,
        split: Option<String>,
        tender: Option<String>,
        level: Option<u8>,
    ) -> Result<Reporter, JsValue> {
        let config = match config.as_string() {
            Some(text) => js_sys::JSON::parse(text.strip_prefix('\u{feff}').unwrap_or(&text))?,
            None => config,
        };
        let config: CouncilConfig =
            serde_wasm_bindgen::from_value(config).map_err(|e| error(&e.to_string()))?;
        let setup = socval_core::prepare(config).map_err(|e| error(&e.to_string()))?;
        let mut outcodes = outcodes
            .map(|csv| OutcodeTable::parse(&csv))
            .transpose()
            .map_err(|e| error(&e.to_string()))?;
        if let (Some(t), Some(split)) = (&mut outcodes, split) {
            t.add_shares(&split).map_err(|e| error(&e.to_string()))?;
        }
        let setup = Rc::new(setup);
        Ok(Reporter {
            base: setup.clone(),
            setup,
            lang: Rc::new(Lang::english()),
            asked: (None, None),
            panels: Vec::new(),
            outcodes: Rc::new(outcodes),
            tender: tender.unwrap_or_default(),
            level: level.unwrap_or(2),
        })
    }

    /// Words what this module draws in the widget's language from now on,
    /// and words again the scenarios panels it drew: `catalogue` is that
    /// language's catalogue file, as the widget has it (`cy.txt`; none for
    /// English), and `texts` the council's own texts in it, as the `path =
    /// text` lines the widget is given. The built-in framework's titles come
    /// from the catalogue, the council's over them, as in the widget; this
    /// module's own Welsh is compiled in ([`Lang::for_widget`]).
    pub fn language(&mut self, catalogue: Option<String>, texts: Option<String>) {
        let asked = (catalogue, texts);
        if self.asked == asked {
            return;
        }
        let mut setup = (*self.base).clone();
        let builtin = matches!(
            setup.config.framework,
            socval_core::config::FrameworkChoice::Builtin(_)
        );
        let framework = asked.0.as_deref().filter(|_| builtin);
        for lines in [framework, asked.1.as_deref()].into_iter().flatten() {
            for (path, text) in catalogue_lines(lines) {
                setup.translate_text(path, text);
            }
        }
        if let Some(c) = asked.0.as_deref() {
            lang::name_bands(&mut setup, c);
        }
        self.lang = Rc::new(
            asked
                .0
                .as_deref()
                .map_or_else(Lang::english, Lang::for_widget),
        );
        self.setup = Rc::new(setup);
        self.asked = asked;
        let council = self.council();
        // A panel no longer on the page (the widget was drawn again) is let go.
        self.panels
            .retain(|p| scenarios::relang(p, council.clone()));
    }

    /// What the scenarios panels share with the report.
    fn council(&self) -> scenarios::Council {
        scenarios::Council {
            setup: self.setup.clone(),
            outcodes: self.outcodes.clone(),
            lang: self.lang.clone(),
        }
    }

    /// The full report for the calculator's form (an object, as the widget
    /// keeps it), calculated on `today` (`YYYY-MM-DD`, the widget's own
    /// date, so both modules agree).
    pub fn report(&self, form: JsValue, today: &str) -> Result<JsValue, JsValue> {
        let report = self.calculate(form, today)?;
        report
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| error(&e.to_string()))
    }

    /// The full report and the working behind each figure:
    /// `{ report, working: { ratio, totals, themes, lm3, score, gap,
    /// sources, recorded, summary } }` (`summary`: the printed summary),
    /// each working a `<div>` of the core's words ([`socval_core::explain`])
    /// for the widget to place under its figure. One calculation for both,
    /// so the working always explains the figures the event carries.
    pub fn explain(&self, form: JsValue, today: &str) -> Result<JsValue, JsValue> {
        let p = self.proposal(form)?;
        let env = self.env(today)?;
        // The event's report is `socval calc`'s, with the configuration's
        // own titles; the working is worded with the titles in the widget's
        // language.
        let report =
            socval_core::calculate(&self.base, &p, &env).map_err(|e| error(&e.to_string()))?;
        let localised = if Rc::ptr_eq(&self.base, &self.setup) {
            None
        } else {
            Some(socval_core::calculate(&self.setup, &p, &env).map_err(|e| error(&e.to_string()))?)
        };
        let shown = localised.as_ref().unwrap_or(&report);
        let gap = socval_core::gap::gap(&self.setup, &p, &env);
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| error("no document"))?;
        let working = js_sys::Object::new();
        let stamp = socval_core::explain::Stamp {
            today: env.today,
            version: env!("CARGO_PKG_VERSION"),
            tender: &self.tender,
        };
        let w = &self.lang.words;
        let summary = socval_core::explain::summary(w, shown, &p, gap.as_ref().ok(), stamp);
        let mut panels = socval_core::explain::all(w, shown, gap.as_ref().ok());
        if let Err(e) = &gap {
            // Said, never left as "Working it out…".
            let issues: Vec<String> = e.issues.iter().map(|i| w.issue(i)).collect();
            let why = w.say(&Line::gap_failed(issues.join("; ")));
            panels.push(("gap", vec![socval_core::explain::Block::Para(why)]));
        }
        for (key, blocks) in panels.iter().chain([("summary", summary)].iter()) {
            // The working sits in a disclosure under a results heading (one
            // below the widget's top level); the printed summary's parts
            // are one below the top.
            let below = if *key == "summary" { 1 } else { 2 };
            let level = self.level.saturating_add(below);
            let node = render::blocks(&doc, blocks, level, self.lang.tag)?;
            js_sys::Reflect::set(&working, &(*key).into(), &node)?;
        }
        let out = js_sys::Object::new();
        let json = report
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| error(&e.to_string()))?;
        js_sys::Reflect::set(&out, &"report".into(), &json)?;
        js_sys::Reflect::set(&out, &"working".into(), &working)?;
        Ok(out.into())
    }

    /// The scenarios panel (see `scenarios.rs`): an element for the widget
    /// to place, which keeps, opens and compares named scenarios itself.
    /// `hooks` is `{ key, current, open }`: the localStorage key, a function
    /// giving the form as it is now, and one opening a form (with its name).
    pub fn scenarios(&mut self, hooks: JsValue, today: &str) -> Result<JsValue, JsValue> {
        let today = date(today).ok_or_else(|| error("today must be YYYY-MM-DD"))?;
        let (panel, handle) = scenarios::panel(self.council(), &hooks, today)?;
        self.panels.push(handle);
        Ok(panel.into())
    }

    /// Offers the form's proposal file as a download named for the bidder.
    #[wasm_bindgen(js_name = saveProposal)]
    pub fn save_proposal(&self, form: JsValue, today: &str) -> Result<(), JsValue> {
        let name = download::file_name(&bidder(&form), "json");
        download::offer(&name, "application/json", &self.export(form, today)?)
    }

    /// Offers the results CSV as a download named for the bidder.
    #[wasm_bindgen(js_name = saveCsv)]
    pub fn save_csv(&self, form: JsValue, today: &str) -> Result<(), JsValue> {
        let name = download::file_name(&bidder(&form), "csv");
        download::offer(&name, "text/csv", &self.csv(form, today)?)
    }

    /// Scores and ranks every bid for one tender, for the evaluator page:
    /// `bids` is a list of `{ name, text }` (each a proposal file's name
    /// and text, or a `.csv` file of bids in the evaluator's layout),
    /// scored by the council's method or, with `relative`, relative to the
    /// best bid; `qualitative`, where given, is `{ percent, marks }`: the
    /// qualitative part's share of the section and each bid's mark (by
    /// its place in `bids` as given back, `null` where not marked). Gives
    /// `{ table, csv, scored, failed, bids }` (see
    /// `evaluator.rs`), `bids` each bid's `{ name, text }` in the order the
    /// table's `data-bid` counts; the CSV is `socval batch --format csv`'s.
    #[wasm_bindgen(js_name = evaluateBids)]
    pub fn evaluate_bids(
        &self,
        bids: JsValue,
        relative: bool,
        today: &str,
        qualitative: JsValue,
    ) -> Result<JsValue, JsValue> {
        let env = self.env(today)?;
        let (bids, listed) = evaluator::bids(&self.setup, &env, &bids)?;
        let q = evaluator::qualitative(&qualitative)?;
        evaluator::ranking(&self.setup, &bids, &listed, relative, &q)
    }

    /// The bids as the call-offs of one framework, added up year by year
    /// (as `socval programme`): `{ programme, csv, left_out }`.
    pub fn programme(&self, bids: JsValue, today: &str) -> Result<JsValue, JsValue> {
        let env = self.env(today)?;
        evaluator::programme(&self.setup, &env, &bids)
    }

    /// One bid's working, from its proposal file's text: the summary a
    /// supplier prints (inputs, figures, working, gap, sources), as an
    /// element.
    #[wasm_bindgen(js_name = bidWorking)]
    pub fn bid_working(&self, text: &str, today: &str) -> Result<JsValue, JsValue> {
        let p = read_proposal(&self.lang, text).map_err(JsValue::from)?;
        let env = self.env(today)?;
        let report =
            socval_core::calculate(&self.setup, &p, &env).map_err(|e| error(&e.to_string()))?;
        let gap = socval_core::gap::gap(&self.setup, &p, &env);
        let stamp = socval_core::explain::Stamp {
            today: env.today,
            version: env!("CARGO_PKG_VERSION"),
            tender: &self.tender,
        };
        let w = &self.lang.words;
        let blocks = socval_core::explain::summary(w, &report, &p, gap.as_ref().ok(), stamp);
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| error("no document"))?;
        let level = self.level.saturating_add(2);
        Ok(render::blocks(&doc, &blocks, level, self.lang.tag)?.into())
    }

    /// Delivery against commitments, for the delivery page: `record` is a
    /// delivery record's JSON text (the awarded proposal and what was
    /// delivered each year). Gives `{ report, csv }`: the figures as
    /// `socval delivery --format json` gives them, and its CSV; an error
    /// from the record's rules carries `issues`, each `{ path, code,
    /// message }`.
    pub fn delivery(&self, record: &str, today: &str) -> Result<JsValue, JsValue> {
        let record: socval_core::delivery::DeliveryRecord =
            read_json(&self.lang, record).map_err(|e| error(&e))?;
        let r = socval_core::delivery::report(&self.setup, &record, &self.env(today)?)
            .map_err(|e| issues_error(&e.to_string(), &e.issues))?;
        with_csv(&r, socval_core::delivery::csv(&r))
    }

    /// A framework shared by several commissioners, for the framework
    /// operator's page: `proposal` is a proposal's JSON text, its
    /// commitments attributed to the configuration's commissioners. Gives
    /// `{ report, csv }`: the figures as `socval commissioners --format
    /// json` gives them, and its CSV.
    pub fn commissioners(&self, proposal: &str, today: &str) -> Result<JsValue, JsValue> {
        let proposal: socval_core::Proposal =
            read_json(&self.lang, proposal).map_err(|e| error(&e))?;
        let r = socval_core::partnership::report(&self.setup, &proposal, &self.env(today)?)
            .map_err(|e| error(&e.to_string()))?;
        with_csv(&r, socval_core::partnership::csv(&r))
    }

    /// The results as CSV text.
    pub fn csv(&self, form: JsValue, today: &str) -> Result<String, JsValue> {
        Ok(socval_core::csv::report_csv(&self.calculate(form, today)?))
    }

    /// The proposal file of the form: JSON, indented by two spaces.
    pub fn export(&self, form: JsValue, _today: &str) -> Result<String, JsValue> {
        let value = self
            .proposal(form)?
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| error(&e.to_string()))?;
        js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))?
            .as_string()
            .ok_or_else(|| error("the proposal could not be written"))
    }

    /// A link to this page that carries the form's proposal in its fragment
    /// (`#socval=p1.…`, never sent to a server; see `socval-link`).
    pub fn link(&self, form: JsValue) -> Result<String, JsValue> {
        let value = self
            .proposal(form)?
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| error(&e.to_string()))?;
        let json = js_sys::JSON::stringify(&value)?
            .as_string()
            .unwrap_or_default();
        let page = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let page = page.split('#').next().unwrap_or_default();
        Ok(format!(
            "{page}#{}{}",
            socval_link::FRAGMENT_KEY,
            socval_link::encode(&json)
        ))
    }

    /// Opens the proposal a link carries (the page's fragment) as the
    /// calculator's form, by the same rules as a file, or throws the reason
    /// as a string. The fragment is then taken off the page's address, so a
    /// reload shows the draft as it has been changed since, not the link.
    #[wasm_bindgen(js_name = openLink)]
    pub fn open_link(&self, text: &str) -> Result<JsValue, JsValue> {
        if let Some(w) = web_sys::window() {
            let page = w.location().href().unwrap_or_default();
            let bare = page.split('#').next().unwrap_or_default();
            if let Ok(h) = w.history() {
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(bare));
            }
        }
        let json =
            socval_link::decode(text).map_err(|e| JsValue::from(self.lang.link_error(&e)))?;
        self.import(&json)
    }

    /// Opens a proposal file (JSON text) as the calculator's form, or throws
    /// the reason, in plain words, as a string.
    pub fn import(&self, text: &str) -> Result<JsValue, JsValue> {
        let p = read_proposal(&self.lang, text).map_err(JsValue::from)?;
        // All of the file or none of it: never part of it. The form has no
        // place for a shared framework's shares, so a file with them is
        // refused rather than opened without them.
        if let Some(i) = p
            .commitments
            .iter()
            .position(|c| !c.commissioners.is_empty())
        {
            return Err(JsValue::from(self.lang.put(T::refused_shares, &[&i])));
        }
        socval_form::from_proposal(&p, &self.setup)
            .map_err(|refusal| JsValue::from(self.lang.refusal(&refusal)))?
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsValue::from(e.to_string()))
    }
}

/// `{ report, csv }`: a report as `socval … --format json` gives it, and its CSV.
fn with_csv(report: &impl Serialize, csv: String) -> Result<JsValue, JsValue> {
    let report = report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(&e.to_string()))?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"report".into(), &report)?;
    js_sys::Reflect::set(&out, &"csv".into(), &csv.into())?;
    Ok(out.into())
}

/// The bidder's name in the widget's form (empty if none).
fn bidder(form: &JsValue) -> String {
    js_sys::Reflect::get(form, &"bidder".into())
        .ok()
        .and_then(|b| b.as_string())
        .unwrap_or_default()
}

/// Reads a proposal file by the same rules as the core's reader: within the
/// size limit, a byte order mark allowed, a JSON object only.
/// Its reasons are worded in `l`'s language.
pub(crate) fn read_proposal(l: &Lang, text: &str) -> Result<Proposal, String> {
    read_json(l, text)
}

/// Reads a JSON file of Socval's by the rules of [`read_proposal`].
fn read_json<D: serde::de::DeserializeOwned>(l: &Lang, text: &str) -> Result<D, String> {
    socval_core::issues::check_document_size(text.len())
        .map_err(|issue| l.words.message(&issue.message))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if nesting(text) > MAX_NESTING {
        return Err(l.put(T::too_deep, &[&MAX_NESTING]));
    }
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let why = String::from(js_sys::Error::from(e).message());
        l.put(T::not_json, &[&why])
    })?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(l.t(T::not_object));
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// The deepest a proposal file may nest. A proposal nests four levels
/// (`commitments[0].profile[1]`); the reader below recurses once a level,
/// and a file nested 100,000 deep would overflow the module's stack, which
/// leaves a WebAssembly module unusable for every later call.
const MAX_NESTING: usize = 64;

/// How deep `text`'s arrays and objects nest, counted without recursion
/// (brackets inside strings are not counted).
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0_usize, 0, false, false);
    for b in text.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') | (false, _, b'"') => in_string = !in_string,
            (false, _, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

impl Reporter {
    /// The report as `socval calc` gives it (the configuration's own titles),
    /// for the event and the CSV.
    fn calculate(&self, form: JsValue, today: &str) -> Result<socval_core::Report, JsValue> {
        socval_core::calculate(&self.base, &self.proposal(form)?, &self.env(today)?)
            .map_err(|e| error(&e.to_string()))
    }

    /// The proposal of the calculator's form, read as the widget reads it
    /// (`socval_form::to_proposal`, the same code in both modules).
    fn proposal(&self, form: JsValue) -> Result<Proposal, JsValue> {
        let form: socval_form::Form =
            serde_wasm_bindgen::from_value(form).map_err(|e| error(&e.to_string()))?;
        socval_form::to_proposal(&form, &self.setup)
            .map(|(p, _)| p)
            .map_err(|_| {
                error("the form has problems: the widget asks only for a form it has calculated")
            })
    }

    fn env(&self, today: &str) -> Result<Env<'_>, JsValue> {
        let today = date(today).ok_or_else(|| error("today must be YYYY-MM-DD"))?;
        Ok(Env {
            today,
            outcodes: self.outcodes.as_ref().as_ref(),
        })
    }
}

/// `YYYY-MM-DD` as a date.
fn date(text: &str) -> Option<CivilDate> {
    let mut parts = text.split('-');
    let date = CivilDate {
        year: parts.next()?.parse().ok()?,
        month: parts.next()?.parse().ok()?,
        day: parts.next()?.parse().ok()?,
    };
    parts.next().is_none().then_some(date)
}

#[cfg(test)]
mod tests {
    use super::nesting;

    #[test]
    fn nesting_counts_brackets_outside_strings_only() {
        assert_eq!(nesting(r#"{"a":[1,[2]],"b":{}}"#), 3);
        assert_eq!(nesting(r#"{"a":"[[[[{{"}"#), 1);
        assert_eq!(nesting(r#"{"a":"\"[[","b":"\\"}"#), 1);
        assert_eq!(
            nesting(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
            100_000
        );
        assert_eq!(nesting("12"), 0);
    }
}
