//! Scenarios: the current answers saved under a name (up to
//! [`MAX_SCENARIOS`]), opened again, and compared side by side
//! ([`socval_core::compare`]), for an adviser weighing plan A against plan B.
//!
//! The whole panel lives in this lazy module, so the widget's first module
//! carries only the disclosure that asks for it. Scenarios are kept in
//! localStorage under the widget's draft key plus `:scenarios` (one list
//! per council, framework and element, never sent anywhere). Every change
//! reads the list afresh from storage before writing it, and a `storage`
//! event from another tab redraws it, so two tabs on the same council never
//! lose each other's scenarios.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use socval_core::compare::{MAX_SCENARIOS, Scenario, table};
use socval_core::{CivilDate, Env, OutcodeTable, Setup};
use socval_form::Form;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement};

use crate::render::{append, element, table_element};

/// The version of the stored list's format.
const VERSION: u32 = 1;
/// The longest name a scenario may have, in characters.
const MAX_NAME: usize = 60;

/// The list as stored: `{ "version": 1, "framework": "id@version",
/// "scenarios": [{ "name", "saved", "form" }] }`.
#[derive(Default, Serialize, Deserialize)]
struct Stored {
    version: u32,
    framework: String,
    scenarios: Vec<Saved>,
}

/// One scenario: its name, the day it was saved, and the form as typed.
#[derive(Serialize, Deserialize)]
struct Saved {
    name: String,
    saved: String,
    form: Form,
}

/// The council's setup, shared with the report module.
pub struct Council {
    /// The setup.
    pub setup: Rc<Setup>,
    /// The outward-code table, when the council's area needs it.
    pub outcodes: Rc<Option<OutcodeTable>>,
}

/// What the panel asks of the widget.
struct Widget {
    /// The localStorage key.
    key: String,
    /// `(object) => void`: sets `object.form` to the answers as they are.
    current: js_sys::Function,
    /// `({ form, name }) => void`: opens a scenario in the calculator.
    open: js_sys::Function,
}

/// The panel and what it needs.
struct Panel {
    council: Council,
    widget: Widget,
    today: CivilDate,
    doc: Document,
    root: Element,
    name: HtmlInputElement,
    name_error: Element,
    status: Element,
    list: Element,
    compare: Element,
}

/// Makes the panel. `hooks` is `{ key, current, open }` (see [`Widget`]).
pub fn panel(council: Council, hooks: &JsValue, today: CivilDate) -> Result<Element, JsValue> {
    let get = |k: &str| js_sys::Reflect::get(hooks, &k.into());
    let widget = Widget {
        key: get("key")?.as_string().unwrap_or_default(),
        current: get("current")?.dyn_into()?,
        open: get("open")?.dyn_into()?,
    };
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from("no document"))?;
    let root = element(&doc, "div", "scenarios", None)?;
    let intro = "Save up to four versions of this proposal under names of your own, open any of them again, and compare their figures side by side. They are kept in this browser only, for this council.";
    append(&root, &element(&doc, "p", "body", Some(intro))?)?;
    let (group, name, name_error) = name_field(&doc)?;
    root.append_child(&group)?;
    append(
        &root,
        &button(
            &doc,
            "button",
            "save",
            "Save the current answers as a scenario",
            None,
        )?,
    )?;
    let status = element(&doc, "p", "body", None)?;
    status.set_attribute("role", "status")?;
    root.append_child(&status)?;
    let list = element(&doc, "div", "", None)?;
    let compare = element(&doc, "div", "", None)?;
    compare.set_attribute("data-compare", "")?;
    root.append_child(&list)?;
    root.append_child(&compare)?;
    let panel = Rc::new(Panel {
        council,
        widget,
        today,
        doc,
        root: root.clone(),
        name,
        name_error,
        status,
        list,
        compare,
    });
    panel.draw()?;
    listen(&panel)?;
    Ok(root)
}

/// The name input, GOV.UK style, with its (hidden) error message.
fn name_field(doc: &Document) -> Result<(Element, HtmlInputElement, Element), JsValue> {
    let group = element(doc, "div", "form-group", None)?;
    let label = element(doc, "label", "label", Some("Name for the current answers"))?;
    label.set_attribute("for", "scenario-name")?;
    let hint = element(
        doc,
        "div",
        "hint",
        Some("For example \u{201c}Plan B: more apprentices\u{201d}. At most 60 characters."),
    )?;
    hint.set_attribute("id", "scenario-name-hint")?;
    let error = element(doc, "p", "error-message", None)?;
    error.set_attribute("id", "scenario-name-error")?;
    error.set_attribute("hidden", "")?;
    let input: HtmlInputElement = doc.create_element("input")?.dyn_into()?;
    input.set_class_name("input");
    input.set_id("scenario-name");
    input.set_type("text");
    input.set_attribute("aria-describedby", "scenario-name-hint")?;
    input.set_attribute("autocomplete", "off")?;
    for child in [&label, &hint, &error] {
        group.append_child(child)?;
    }
    group.append_child(&input)?;
    Ok((group, input, error))
}

/// A button that says what it does to a screen reader too (`label`).
fn button(
    doc: &Document,
    class: &str,
    action: &str,
    text: &str,
    index: Option<(usize, &str)>,
) -> Result<Element, JsValue> {
    let b = element(doc, "button", class, Some(text))?;
    b.set_attribute("type", "button")?;
    b.set_attribute("data-action", action)?;
    if let Some((i, name)) = index {
        b.set_attribute("data-index", &i.to_string())?;
        b.set_attribute("aria-label", &format!("{text}: {name}"))?;
    }
    Ok(b)
}

/// One listener for every button (their rows are redrawn), and one for
/// other tabs' changes to the list. Both live as long as the page: the
/// panel is made once per calculator.
fn listen(panel: &Rc<Panel>) -> Result<(), JsValue> {
    let p = panel.clone();
    let click = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(b) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("button[data-action]").ok().flatten())
        else {
            return;
        };
        let index = b.get_attribute("data-index").and_then(|i| i.parse().ok());
        let action = b.get_attribute("data-action").unwrap_or_default();
        if let Err(e) = p.act(&action, index) {
            p.say(&format!("That did not work: {}", error_text(&e)));
        }
    });
    panel
        .root
        .add_event_listener_with_callback("click", click.as_ref().unchecked_ref())?;
    click.forget();
    let p = panel.clone();
    let storage = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let key = js_sys::Reflect::get(&e, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        if key.as_deref() == Some(p.widget.key.as_str()) && p.draw().is_ok() {
            p.say("The scenarios were changed in another tab or window: the list is up to date.");
        }
    });
    if let Some(w) = web_sys::window() {
        w.add_event_listener_with_callback("storage", storage.as_ref().unchecked_ref())?;
    }
    storage.forget();
    Ok(())
}

fn error_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .unwrap_or_else(|| "an unexpected error".into())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Panel {
    fn framework(&self) -> String {
        let fw = &self.council.setup.framework;
        format!("{}@{}", fw.id, fw.version)
    }

    /// The list as stored now: empty when there is none, or it is for
    /// another framework version, or it cannot be read.
    fn read(&self) -> Stored {
        let text = storage().and_then(|s| s.get_item(&self.widget.key).ok().flatten());
        let stored = text
            .and_then(|t| js_sys::JSON::parse(&t).ok())
            .and_then(|v| serde_wasm_bindgen::from_value::<Stored>(v).ok());
        match stored {
            Some(s) if s.version == VERSION && s.framework == self.framework() => s,
            _ => Stored {
                version: VERSION,
                framework: self.framework(),
                scenarios: Vec::new(),
            },
        }
    }

    fn write(&self, stored: &Stored) -> Result<(), JsValue> {
        let value = stored.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
        let text = js_sys::JSON::stringify(&value)?
            .as_string()
            .unwrap_or_default();
        storage()
            .ok_or_else(|| JsValue::from("this browser keeps no local storage for this page"))?
            .set_item(&self.widget.key, &text)
            .map_err(|_| JsValue::from("this browser's storage is full or turned off"))
    }

    fn say(&self, text: &str) {
        self.status.set_text_content(Some(text));
    }

    fn ask(text: &str) -> bool {
        web_sys::window()
            .and_then(|w| w.confirm_with_message(text).ok())
            .unwrap_or(false)
    }

    fn act(&self, action: &str, index: Option<usize>) -> Result<(), JsValue> {
        let mut stored = self.read();
        let chosen = index.and_then(|i| stored.scenarios.get(i));
        match (action, chosen) {
            ("save", _) => self.save(stored),
            ("open", Some(s)) => {
                let form = s
                    .form
                    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
                let o = js_sys::Object::new();
                js_sys::Reflect::set(&o, &"form".into(), &form)?;
                js_sys::Reflect::set(&o, &"name".into(), &s.name.as_str().into())?;
                self.widget.open.call1(&JsValue::NULL, &o)?;
                self.say(&format!("Opened \u{201c}{}\u{201d}.", s.name));
                Ok(())
            }
            ("delete", Some(s)) => {
                let name = s.name.clone();
                if !Self::ask(&format!(
                    "Delete the scenario \u{201c}{name}\u{201d}? This cannot be undone."
                )) {
                    return Ok(());
                }
                stored.scenarios.retain(|s| s.name != name);
                self.write(&stored)?;
                self.draw()?;
                self.say(&format!("Deleted \u{201c}{name}\u{201d}."));
                Ok(())
            }
            ("print", _) => self.print(),
            // The list changed in another tab since it was drawn.
            _ => self.draw(),
        }
    }

    /// Saves the current answers under the name typed, replacing one of
    /// that name if the user agrees; never more than [`MAX_SCENARIOS`].
    fn save(&self, mut stored: Stored) -> Result<(), JsValue> {
        let name = self.name.value().trim().to_string();
        let problem = if name.is_empty() {
            Some("Enter a name for this scenario".to_string())
        } else if name.chars().count() > MAX_NAME {
            Some(format!(
                "Name for the current answers: use at most {MAX_NAME} characters"
            ))
        } else {
            let full = stored.scenarios.len() >= MAX_SCENARIOS
                && !stored.scenarios.iter().any(|s| s.name == name);
            full.then(|| {
                format!(
                    "You have {MAX_SCENARIOS} scenarios, the most kept: delete one to save another"
                )
            })
        };
        self.show_error(problem.as_deref())?;
        if problem.is_some() {
            return Ok(());
        }
        let o = js_sys::Object::new();
        self.widget.current.call1(&JsValue::NULL, &o)?;
        let form: Form = serde_wasm_bindgen::from_value(js_sys::Reflect::get(&o, &"form".into())?)?;
        let saved = Saved {
            name: name.clone(),
            saved: format!(
                "{:04}-{:02}-{:02}",
                self.today.year, self.today.month, self.today.day
            ),
            form,
        };
        match stored.scenarios.iter_mut().find(|s| s.name == name) {
            Some(old) => {
                if !Self::ask(&format!(
                    "Replace the scenario \u{201c}{name}\u{201d} with the current answers?"
                )) {
                    return Ok(());
                }
                *old = saved;
            }
            None => stored.scenarios.push(saved),
        }
        self.write(&stored)?;
        self.name.set_value("");
        self.draw()?;
        self.say(&format!("Saved \u{201c}{name}\u{201d}."));
        Ok(())
    }

    /// Shows or clears the name's error, GOV.UK style.
    fn show_error(&self, problem: Option<&str>) -> Result<(), JsValue> {
        let group = self.name.parent_element();
        match problem {
            Some(text) => {
                self.name_error
                    .set_text_content(Some(&format!("Error: {text}")));
                self.name_error.remove_attribute("hidden")?;
                self.name.set_class_name("input input--error");
                self.name
                    .set_attribute("aria-describedby", "scenario-name-hint scenario-name-error")?;
                if let Some(g) = group {
                    g.set_class_name("form-group form-group--error");
                }
                self.name.focus()?;
            }
            None => {
                self.name_error.set_attribute("hidden", "")?;
                self.name.set_class_name("input");
                self.name
                    .set_attribute("aria-describedby", "scenario-name-hint")?;
                if let Some(g) = group {
                    g.set_class_name("form-group");
                }
            }
        }
        Ok(())
    }

    /// Draws the list and the comparison from storage as it is now.
    fn draw(&self) -> Result<(), JsValue> {
        let stored = self.read();
        self.list.set_text_content(None);
        self.compare.set_text_content(None);
        if stored.scenarios.is_empty() {
            let none = element(&self.doc, "p", "body", Some("No scenarios saved yet."))?;
            self.list.append_child(&none)?;
            return Ok(());
        }
        append(&self.list, &self.list_table(&stored)?)?;
        let env = Env {
            today: self.today,
            outcodes: self.council.outcodes.as_ref().as_ref(),
        };
        let setup = &self.council.setup;
        let figures: Vec<_> = stored
            .scenarios
            .iter()
            .map(|s| {
                let (p, _) = socval_form::to_proposal(&s.form, setup).ok()?;
                socval_core::evaluate(setup, &p, &env).ok()
            })
            .collect();
        let scenarios: Vec<Scenario<'_>> = stored
            .scenarios
            .iter()
            .zip(&figures)
            .map(|(s, f)| Scenario {
                name: &s.name,
                figures: f.as_ref(),
            })
            .collect();
        let heading = format!(
            "{}, {}: scenarios compared on {}-{:02}-{:02} (Socval {})",
            setup.config.council.name,
            setup.framework.name,
            self.today.year,
            self.today.month,
            self.today.day,
            env!("CARGO_PKG_VERSION")
        );
        append(
            &self.compare,
            &element(&self.doc, "p", "body", Some(&heading))?,
        )?;
        append(
            &self.compare,
            &table_element(&self.doc, &table(setup, &scenarios))?,
        )?;
        if stored.scenarios.len() == 1 {
            let more = "Save another scenario to compare it with this one.";
            append(&self.compare, &element(&self.doc, "p", "hint", Some(more))?)?;
        }
        let print = button(
            &self.doc,
            "button button--secondary",
            "print",
            "Print the comparison",
            None,
        )?;
        self.compare.append_child(&print)?;
        Ok(())
    }

    /// The saved scenarios, each with its open and delete buttons.
    fn list_table(&self, stored: &Stored) -> Result<Element, JsValue> {
        let doc = &self.doc;
        let t = element(doc, "table", "table", None)?;
        let caption = format!(
            "Saved scenarios ({} of {MAX_SCENARIOS})",
            stored.scenarios.len()
        );
        append(
            &t,
            &element(doc, "caption", "table__caption", Some(&caption))?,
        )?;
        let head = element(doc, "tr", "", None)?;
        for h in ["Name", "Saved", "Actions"] {
            let th = element(doc, "th", "", Some(h))?;
            th.set_attribute("scope", "col")?;
            head.append_child(&th)?;
        }
        let thead = element(doc, "thead", "", None)?;
        thead.append_child(&head)?;
        t.append_child(&thead)?;
        let body = element(doc, "tbody", "", None)?;
        for (i, s) in stored.scenarios.iter().enumerate() {
            let tr = element(doc, "tr", "", None)?;
            let th = element(doc, "th", "", Some(&s.name))?;
            th.set_attribute("scope", "row")?;
            tr.append_child(&th)?;
            append(&tr, &element(doc, "td", "", Some(&s.saved))?)?;
            let td = element(doc, "td", "button-group", None)?;
            let named = Some((i, s.name.as_str()));
            append(
                &td,
                &button(doc, "button button--secondary", "open", "Open", named)?,
            )?;
            append(
                &td,
                &button(doc, "button button--warning", "delete", "Delete", named)?,
            )?;
            tr.append_child(&td)?;
            body.append_child(&tr)?;
        }
        t.append_child(&body)?;
        Ok(t)
    }

    /// Prints the comparison alone: marks the panel, adds the print rules
    /// to the widget's shadow root (once), prints, and unmarks.
    fn print(&self) -> Result<(), JsValue> {
        if let Ok(shadow) = self.root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            let sheets = shadow.adopted_style_sheets();
            let present = sheets.iter().any(|s| {
                js_sys::Reflect::get(&s, &"socvalComparison".into()).is_ok_and(|v| v.is_truthy())
            });
            if !present {
                let sheet = web_sys::CssStyleSheet::new()?;
                sheet.replace_sync(PRINT_CSS)?;
                js_sys::Reflect::set(&sheet, &"socvalComparison".into(), &JsValue::TRUE)?;
                sheets.push(&sheet);
                shadow.set_adopted_style_sheets(&sheets);
            }
        }
        self.root.set_attribute("data-printing", "")?;
        let printed = web_sys::window().map(|w| w.print());
        self.root.remove_attribute("data-printing")?;
        printed.transpose().map(|_| ())
    }
}

/// While the comparison prints, it is the whole printout.
const PRINT_CSS: &str = "@media print{\
.socval:has([data-printing])>:not(.layout){display:none!important}\
.socval:has([data-printing]) .layout>:not(.inputs),.socval:has([data-printing]) .inputs>:not(.tools),.socval:has([data-printing]) .tools>:not(.scenarios-slot),.socval:has([data-printing]) .scenarios-slot>summary{display:none!important}\
.socval:has([data-printing])>.layout,.socval:has([data-printing]) .inputs,.socval:has([data-printing]) .tools,.socval:has([data-printing]) .scenarios-slot{display:block!important}\
[data-printing]>:not([data-compare]),[data-printing] button{display:none!important}\
.socval:has([data-printing]) .details__text{border:0;padding:0}\
}";
