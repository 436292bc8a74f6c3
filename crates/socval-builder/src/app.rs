//! The builder: its state in one reducer, and the page's sections.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::areas::{AreaEditor, PriorityAreas};
use crate::doc::{self, Problem};
use crate::fields::{Check, Ctx, Input, Kind, Select};
use crate::measures::Measures;
use crate::scoring::Scoring;

/// Everything the builder holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The configuration, as JSON.
    pub doc: Value,
    /// Text as typed, by path, where it is not the field's value itself
    /// (a list as typed, a number with a comma).
    pub raw: BTreeMap<String, String>,
    /// The core's problems with the configuration as it stands.
    pub problems: Vec<Problem>,
    /// Scoring methods set aside when another was chosen, by kind, to come
    /// back as they were.
    pub kept: BTreeMap<String, Value>,
    /// What happened to the last file opened.
    pub notice: Option<String>,
    /// The measures whose own value and adjustments the officer has open,
    /// so that a change inside does not close them.
    pub opened: std::collections::BTreeSet<String>,
    /// Which file this is: a new one (opened or started again) draws the
    /// form afresh, so that no control keeps a choice from the last.
    pub generation: u32,
    /// The control to move focus to once drawn (with a count, so that the
    /// same one can be asked for twice), where the one that had it is gone.
    pub focus: Option<(u32, String)>,
}

impl Model {
    fn new(doc: Value) -> Model {
        let problems = doc::check(&doc);
        Model {
            doc,
            raw: BTreeMap::new(),
            problems,
            kept: BTreeMap::new(),
            notice: None,
            opened: std::collections::BTreeSet::new(),
            generation: 0,
            focus: None,
        }
    }
}

impl Default for Model {
    fn default() -> Self {
        Model::new(doc::blank())
    }
}

/// A change.
pub enum Action {
    /// Text typed into the field at a path.
    Typed(String, String, Kind),
    /// A field set to a value, or left out.
    Set(String, Option<Value>),
    /// An item added at the end of the list at a path.
    Add(String, Value),
    /// The list item at a path (`priority_areas[1]`) removed.
    Remove(String),
    /// Another scoring method chosen.
    Method(String),
    /// A part of the configuration switched on or off (a measure's own
    /// value): switched off, it is set aside under `key` and comes back as
    /// it was when switched on again; `fresh` when there is none to bring
    /// back.
    Toggle {
        /// Where it goes.
        path: String,
        /// Where it is set aside.
        key: String,
        /// On or off.
        on: bool,
        /// What a new one starts as.
        fresh: Value,
    },
    /// A measure's own value and adjustments shown or hidden.
    Shown(String, bool),
    /// A measure offered or not (`all`: the framework's measures, in order):
    /// its own value and adjustments set aside when it is not, and back
    /// when it is again.
    Offer {
        /// The measure.
        id: String,
        /// Offered or not.
        on: bool,
        /// The framework's measures.
        all: Vec<String>,
    },
    /// Every measure listed (as offering them all does), so that one can
    /// carry a value of its own; focus goes to that measure's first control.
    List {
        /// The measure whose value is to be set.
        id: String,
        /// The framework's measures.
        all: Vec<String>,
    },
    /// A file opened: its name and text.
    Open(String, String),
    /// A file that could not be read: its name and why.
    Unread(String, String),
    /// A new, blank configuration.
    Reset,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut m = (*self).clone();
        // A notice is about the last file: it goes with the next change to
        // the configuration, not when a section is shown or hidden.
        if !matches!(action, Action::Shown(..)) {
            m.notice = None;
        }
        match action {
            Action::Typed(path, text, kind) => {
                let value = match kind {
                    Kind::Text => Some(Value::String(text.clone())),
                    Kind::Number => doc::number(&text),
                    Kind::List => Some(doc::list(&text)),
                };
                let emptied = value.is_none() || value.as_ref().and_then(Value::as_str) == Some("");
                doc::set(&mut m.doc, &path, value);
                if emptied {
                    prune(&mut m.doc, &path);
                    prune_translation(&mut m.doc, &path);
                }
                m.raw.insert(path, text);
            }
            Action::Set(path, value) => {
                // What was typed inside it is read again from the values:
                // a rebuilt list has its items in other places.
                forget(&mut m.raw, &path);
                doc::set(&mut m.doc, &path, value);
            }
            Action::Offer { id, on, all } => {
                let key = format!("measure:{id}");
                if !on {
                    let entry = crate::measures::entry(&m.doc, &id);
                    if let Some(e) = entry.filter(|e| e.as_object().is_some_and(|o| o.len() > 1)) {
                        m.kept.insert(key.clone(), e);
                    }
                }
                let back = if on { m.kept.remove(&key) } else { None };
                let list = crate::measures::toggled(&m.doc, &all, &id, on, back);
                forget(&mut m.raw, "measures");
                doc::set(&mut m.doc, "measures", Some(list));
            }
            Action::List { id, all } => {
                let list = crate::measures::toggled(&m.doc, &all, &id, true, None);
                forget(&mut m.raw, "measures");
                doc::set(&mut m.doc, "measures", Some(list));
                if let Some(i) = crate::measures::index(&m.doc, &id) {
                    m.opened.insert(id);
                    m.focus = Some((
                        self.focus.as_ref().map_or(0, |f| f.0 + 1),
                        format!("measures[{i}].proxy-on"),
                    ));
                }
            }
            Action::Add(path, item) => {
                let at = doc::get(&m.doc, &path)
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                doc::set(&mut m.doc, &format!("{path}[{at}]"), Some(item));
            }
            Action::Remove(path) => {
                // What was typed in the list's items is read again from the
                // values: their places have moved.
                let list = path
                    .rsplit_once('[')
                    .map_or(path.as_str(), |(l, _)| l)
                    .to_string();
                m.raw.retain(|k, _| !k.starts_with(&list));
                doc::set(&mut m.doc, &path, None);
                // Its Welsh name goes with it, so that the names after it
                // stay with their items.
                let welsh = match list.as_str() {
                    "priority_areas" => Some("translations.cy.priority_areas"),
                    "scoring.method.bands" => Some("translations.cy.bands"),
                    _ => None,
                };
                if let (Some(w), Some(i)) = (
                    welsh,
                    path.rsplit_once('[').map(|(_, i)| i.trim_end_matches(']')),
                ) {
                    let names = doc::get(&m.doc, w)
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len);
                    if i.parse::<usize>().is_ok_and(|i| i < names) {
                        forget(&mut m.raw, w);
                        doc::set(&mut m.doc, &format!("{w}[{i}]"), None);
                        prune_translation(&mut m.doc, &format!("{w}[0]"));
                    }
                }
                // The button pressed is gone: focus goes to the list.
                m.focus = Some((self.focus.as_ref().map_or(0, |f| f.0 + 1), list));
            }
            Action::Method(kind) => {
                let old = doc::get(&m.doc, "scoring.method").cloned();
                if let Some(old) = old {
                    let old_kind = doc::text(&old, "kind");
                    m.kept.insert(old_kind, old);
                }
                let method = m.kept.remove(&kind).unwrap_or_else(|| template(&kind));
                m.raw.retain(|k, _| !k.starts_with("scoring.method"));
                doc::set(&mut m.doc, "scoring.method", Some(method));
            }
            Action::Toggle {
                path,
                key,
                on,
                fresh,
            } => {
                if on {
                    let v = m.kept.remove(&key).unwrap_or(fresh);
                    doc::set(&mut m.doc, &path, Some(v));
                } else if let Some(old) = doc::get(&m.doc, &path).cloned() {
                    m.kept.insert(key, old);
                    m.raw.retain(|k, _| !k.starts_with(&path));
                    doc::set(&mut m.doc, &path, None);
                }
            }
            Action::Shown(id, open) => {
                if open {
                    m.opened.insert(id);
                } else {
                    m.opened.remove(&id);
                }
                // Nothing in the file changed.
                return Rc::new(m);
            }
            Action::Open(name, text) => {
                match serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) {
                    Ok(v) if v.is_object() => {
                        m = Model {
                            generation: self.generation + 1,
                            ..Model::new(v)
                        };
                        m.notice = Some(format!(
                            "Opened {name}. Fields this page has no control for are kept as the file gives them."
                        ));
                    }
                    Ok(_) => {
                        m.notice = Some(format!(
                            "{name} could not be opened: it is not a JSON object, so it is not a configuration. The configuration before is kept."
                        ));
                    }
                    Err(e) => {
                        m.notice = Some(format!(
                            "{name} could not be opened: it is not valid JSON ({e}). The configuration before is kept."
                        ));
                    }
                }
            }
            Action::Unread(name, why) => {
                m.notice = Some(format!(
                    "{name} could not be read ({why}). The configuration before is kept."
                ));
            }
            Action::Reset => {
                m = Model {
                    generation: self.generation + 1,
                    ..Model::default()
                };
            }
        }
        m.problems = doc::check(&m.doc);
        Rc::new(m)
    }
}

/// Leaves out a measure's `adjustments` (or a `delivery` section) that the
/// council has emptied, so that the file says only what the council set.
fn prune(d: &mut Value, path: &str) {
    let Some((parent, _)) = path.rsplit_once('.') else {
        return;
    };
    let prunable = parent == "delivery"
        || parent == "lm3.staff_respend"
        || parent == "lm3.supplier_respend"
        || (parent.starts_with("measures[") && parent.ends_with(".adjustments"));
    // A text emptied counts as not given: the rates' source, say.
    let empty = |o: &serde_json::Map<String, Value>| o.values().all(|v| v.as_str() == Some(""));
    if prunable
        && doc::get(d, parent)
            .and_then(Value::as_object)
            .is_some_and(empty)
    {
        doc::set(d, parent, None);
    }
}

/// Leaves out a Welsh text emptied (`translations.cy.council.name`), and
/// every object or list of texts it leaves empty, up to `translations`: a
/// list's empty texts stay while any other in it is given, holding the
/// places of the items they name.
fn prune_translation(d: &mut Value, path: &str) {
    if !path.starts_with("translations.") {
        return;
    }
    let mut at = path.to_string();
    if !at.ends_with(']') {
        doc::set(d, &at, None);
    }
    while let Some(i) = at.rfind(['.', '[']) {
        at.truncate(i);
        let empty = match doc::get(d, &at) {
            Some(Value::Object(o)) => o.is_empty(),
            Some(Value::Array(l)) => l.iter().all(|v| v.as_str() == Some("")),
            _ => false,
        };
        if !empty {
            return;
        }
        doc::set(d, &at, None);
    }
}

/// Forgets what was typed at `path` and inside it.
fn forget(raw: &mut BTreeMap<String, String>, path: &str) {
    raw.retain(|k, _| {
        k != path && !k.starts_with(&format!("{path}.")) && !k.starts_with(&format!("{path}["))
    });
}

/// A scoring method to start from.
fn template(kind: &str) -> Value {
    match kind {
        "ratio_bands" => serde_json::json!({ "kind": "ratio_bands", "bands": [
            { "min_ratio_percent": 5, "score_percent": 50, "label": "Good" },
            { "min_ratio_percent": 10, "score_percent": 100, "label": "Excellent" }
        ] }),
        "self_assessment" => serde_json::json!({ "kind": "self_assessment", "criteria": [
            { "id": "local-jobs", "title": "Local jobs and skills", "weight": 1 }
        ] }),
        _ => serde_json::json!({ "kind": "proportional", "benchmark_ratio_percent": 10 }),
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The element the builder is drawn in, which hears `builder-change`.
    pub host: web_sys::Element,
}

/// The whole builder.
#[component]
pub fn App(p: &AppProps) -> Html {
    let model = use_reducer(Model::default);
    let send = {
        let model = model.clone();
        Callback::from(move |a: Action| model.dispatch(a))
    };
    {
        let host = p.host.clone();
        use_effect_with((model.doc.clone(), model.problems.len()), move |(d, n)| {
            tell(&host, d, *n);
        });
    }
    use_effect_with(model.focus.clone(), |f| {
        if let Some((_, path)) = f {
            focus(path);
        }
    });
    let ctx = Ctx {
        model: Rc::new((*model).clone()),
        send: send.clone(),
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <OpenFile />
            <div key={model.generation.to_string()}>
                <Problems />
                <Council />
                <LocalArea />
                <PriorityAreas />
                <Measures />
                <Scoring />
                <Discounting />
                <Lm3 />
                <Delivery />
                <crate::welsh::Welsh />
            </div>
        </ContextProvider<Ctx>>
    }
}

/// Tells the page of the configuration as it stands.
fn tell(host: &web_sys::Element, d: &Value, problems: usize) {
    let detail = js_sys::Object::new();
    let json = serde_json::to_string_pretty(d).unwrap_or_default() + "\n";
    let _ = js_sys::Reflect::set(&detail, &"json".into(), &json.into());
    let _ = js_sys::Reflect::set(&detail, &"problems".into(), &(problems as f64).into());
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("builder-change", &init) {
        let _ = host.dispatch_event(&e);
    }
}

/// Open an existing configuration, or start again.
#[component]
fn OpenFile() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let send = ctx.send.clone();
    let onchange = Callback::from(move |e: Event| {
        let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
            return;
        };
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        // The same file may be opened again (after changes to throw away).
        input.set_value("");
        let file = gloo::file::File::from(file);
        let name = file.name();
        let send = send.clone();
        let task = gloo::file::callbacks::read_as_text(&file, move |r| match r {
            Ok(text) => send.emit(Action::Open(name, text)),
            Err(e) => send.emit(Action::Unread(name, e.to_string())),
        });
        *reader.borrow_mut() = Some(task);
    });
    let send = ctx.send.clone();
    let reset = Callback::from(move |_| send.emit(Action::Reset));
    html! {
        <section aria-labelledby="open-heading">
            <h2 id="open-heading" class="heading-m">{ "Start from your configuration file" }</h2>
            <div class="form-group">
                <label class="label" for="open-file">{ "Open a configuration file to edit it" }</label>
                <div class="hint" id="open-file-hint">{ "The JSON file your calculator already uses. Nothing is uploaded: it is read in this browser." }</div>
                <input class="file" id="open-file" type="file" accept="application/json,.json" aria-describedby="open-file-hint" {onchange} />
            </div>
            if let Some(n) = &ctx.model.notice { <p class="notice" role="status">{ n.clone() }</p> }
            <button type="button" class="button button--secondary" onclick={reset}>{ "Start again with a blank configuration" }</button>
        </section>
    }
}

/// The core's problems with the configuration, each linked to its field.
#[component]
fn Problems() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let problems = &ctx.model.problems;
    let status = match problems.len() {
        0 => "This configuration is ready: the calculator will accept it.".to_string(),
        1 => "This configuration has 1 problem to put right before the calculator will accept it."
            .to_string(),
        n => format!(
            "This configuration has {n} problems to put right before the calculator will accept it."
        ),
    };
    html! {
        <section aria-labelledby="problems-heading" class={classes!("problems", (!problems.is_empty()).then_some("problems--open"))}>
            <h2 id="problems-heading" class="heading-m">{ "Checked as socval validate checks it" }</h2>
            <p id="problems-status" role="status">{ status }</p>
            if !problems.is_empty() {
                <ul class="error-summary__list">
                    { for problems.iter().map(|p| {
                        let (target, label, message) = crate::fields::named(p, &ctx.model.doc);
                        let href = format!("#{}", doc::id(&target));
                        let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); focus(&target); });
                        html! { <li><a {href} {onclick}>{ format!("{label}: {message}") }</a></li> }
                    }) }
                </ul>
            }
        </section>
    }
}

/// Moves focus to the control for `path`, or the nearest section holding it.
fn focus(path: &str) {
    let Some(document) = gloo::utils::window().document() else {
        return;
    };
    let mut at = path.to_string();
    loop {
        if let Some(el) = document.get_element_by_id(&doc::id(&at)) {
            // A section or group takes focus only when told it may.
            if !matches!(
                el.tag_name().as_str(),
                "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "A"
            ) && !el.has_attribute("tabindex")
            {
                let _ = el.set_attribute("tabindex", "-1");
            }
            // A control inside a closed section is opened to first.
            if let Ok(Some(details)) = el.closest("details:not([open])") {
                let _ = details.set_attribute("open", "");
            }
            el.scroll_into_view();
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
            return;
        }
        match at.rfind(['.', '[']) {
            Some(i) => at.truncate(i),
            // The themes' priorities and required themes are set in the
            // measures' section, by theme.
            None if at == "theme_priorities" || at == "required_themes" => at = "measures".into(),
            None => return,
        }
    }
}

/// Who the council is.
#[component]
fn Council() -> Html {
    html! {
        <section aria-labelledby="council-heading">
            <h2 id="council-heading" class="heading-m">{ "Your council" }</h2>
            <Input path="council.name" label="Council name" hint="Shown at the top of the calculator and on every export." />
            <Input path="council.contact" label="Who suppliers contact with questions (optional)" hint="An email address or phone number." />
            <Input path="council.policy_url" label="Your social value policy page (optional)" hint="A full web address, starting https://" />
            <Input path="council.intro" label="A sentence above the calculator (optional)" long=true />
        </section>
    }
}

/// What counts as local.
#[component]
fn LocalArea() -> Html {
    html! {
        <section aria-labelledby="area-heading">
            <h2 id="area-heading" class="heading-m">{ "What counts as local" }</h2>
            <p class="hint">{ "Used for LM3 and for measures that count only when delivered locally. Give one or more of the rules below: a place is local when any of them includes it." }</p>
            <AreaEditor path="local_area" />
        </section>
    }
}

/// Discounting, adjustments and double counting.
#[component]
fn Discounting() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let send = ctx.send.clone();
    let adjust = doc::get(&ctx.model.doc, "adjustments.enabled")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let onadjust = Callback::from(move |on: bool| {
        send.emit(Action::Set("adjustments.enabled".into(), Some(on.into())));
    });
    html! {
        <section aria-labelledby="discount-heading" id={doc::id("discounting")}>
            <h2 id="discount-heading" class="heading-m">{ "Discounting and adjustments" }</h2>
            <Input path="discounting.rate_percent" label="Discount rate, percent a year (optional)" hint="The Green Book's 3.5% when left empty." kind={Kind::Number} width="4" />
            <Select path="discounting.schedule" label="Rate over time" options={vec![("", "Socval's default"), ("flat", "The same rate every year"), ("green_book", "The Green Book's declining long-term rates")]} />
            <Select path="discounting.convention" label="When in each year value arises" options={vec![("", "Socval's default"), ("end_of_year", "At the end of each year"), ("start_of_year", "At the start of each year")]} />
            <Select path="discounting.base" label="Present values are in the money of" options={vec![("", "Socval's default"), ("contract_start", "The contract's first year"), ("today", "This year")]} />
            <Check id={doc::id("adjustments.enabled")} label="Apply deadweight, displacement, attribution and drop-off" checked={adjust} onchange={onadjust}
                hint="The SROI adjustments each measure sets. Untick to value commitments gross." />
            <Select path="double_counting" label="When a bid claims two measures that count the same thing" options={vec![("", "Count only the larger (Socval's default)"), ("count_larger", "Count only the larger"), ("reject", "Refuse the bid until one is removed")]} />
        </section>
    }
}

/// LM3's re-spend rates and the quicker entry.
#[component]
fn Lm3() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let send = ctx.send.clone();
    let totals = doc::get(&ctx.model.doc, "lm3.totals_allowed")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let ontotals = Callback::from(move |on: bool| {
        send.emit(Action::Set("lm3.totals_allowed".into(), Some(on.into())));
    });
    let rates = |who: &'static str, words: &'static str| {
        html! {
            <fieldset class="fieldset" id={doc::id(&format!("lm3.{who}"))}>
                <legend class="fieldset__legend">{ words }</legend>
                <Input path={format!("lm3.{who}.low_percent")} label="Low, percent" kind={Kind::Number} width="4" />
                <Input path={format!("lm3.{who}.central_percent")} label="Central, percent" kind={Kind::Number} width="4" />
                <Input path={format!("lm3.{who}.high_percent")} label="High, percent" kind={Kind::Number} width="4" />
                <Input path={format!("lm3.{who}.source")} label="Where these rates come from" />
            </fieldset>
        }
    };
    html! {
        <section aria-labelledby="lm3-heading" id={doc::id("lm3")}>
            <h2 id="lm3-heading" class="heading-m">{ "Local Multiplier 3 (LM3)" }</h2>
            <p class="hint">{ "How much of what local staff and suppliers receive they spend locally again. Leave these empty for Socval's defaults, which cite their source." }</p>
            { rates("staff_respend", "Local staff's local re-spend") }
            { rates("supplier_respend", "Local suppliers' local re-spend") }
            <Check id={doc::id("lm3.totals_allowed")} label="Let suppliers give their wage bill and supply-chain spend as totals with a local share" checked={totals} onchange={ontotals}
                hint="Quicker for small firms; the result says the spend was entered this way." />
        </section>
    }
}

/// Red, amber and green for delivery against commitments, after award.
#[component]
fn Delivery() -> Html {
    html! {
        <section aria-labelledby="delivery-heading" id={doc::id("delivery")}>
            <h2 id="delivery-heading" class="heading-m">{ "After award: delivery against commitments" }</h2>
            <p class="hint">{ "How the delivery page marks what was delivered to date against what was committed to date." }</p>
            <Input path="delivery.green_percent" label="Green at or above this share of what was committed, percent (optional)" hint="100 when left empty." kind={Kind::Number} width="4" />
            <Input path="delivery.amber_percent" label="Amber at or above this share, percent; red below it (optional)" hint="80 when left empty." kind={Kind::Number} width="4" />
        </section>
    }
}
