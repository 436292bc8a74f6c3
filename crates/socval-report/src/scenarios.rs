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

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use serde::{Deserialize, Serialize};
use socval_core::compare::{MAX_NAME, MAX_SCENARIOS, Scenario, table};
use socval_core::{CivilDate, Env, OutcodeTable, Setup};
use socval_form::Form;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement};

use crate::lang::{Lang, T};
use crate::render::{append, element, table_element};

/// The version of the stored list's format.
const VERSION: u32 = 1;

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
#[derive(Clone)]
pub struct Council {
    /// The setup.
    pub setup: Rc<Setup>,
    /// The outward-code table, when the council's area needs it.
    pub outcodes: Rc<Option<OutcodeTable>>,
    /// The words of the widget's language.
    pub lang: Rc<Lang>,
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
pub struct Panel {
    /// The setup and words, which change with the widget's language.
    council: RefCell<Council>,
    widget: Widget,
    today: CivilDate,
    doc: Document,
    root: Element,
    name: HtmlInputElement,
    name_error: Element,
    status: Element,
    list: Element,
    compare: Element,
    /// The texts drawn once, worded again when the language changes.
    fixed: Fixed,
    /// The name's error showing, if any.
    problem: std::cell::Cell<Option<T>>,
}

/// The panel's texts drawn once: its introduction, the name's label and
/// hint, and the save button.
struct Fixed {
    intro: Element,
    label: Element,
    hint: Element,
    save: Element,
}

impl Fixed {
    fn word(&self, l: &Lang) {
        self.intro.set_text_content(Some(&l.t(T::scenarios_intro)));
        self.label.set_text_content(Some(&l.t(T::name_label)));
        self.hint
            .set_text_content(Some(&l.put(T::name_hint, &[&MAX_NAME])));
        self.save.set_text_content(Some(&l.t(T::save)));
    }
}

/// A panel the report module keeps, to word it again when the widget's
/// language changes.
pub type Handle = Weak<Panel>;

/// Words `panel` in a new language, with its council's texts in it, and
/// draws it again, keeping the name typed (and its error, worded again).
/// False for a panel no longer on the page, which is let go.
pub fn relang(panel: &Handle, council: Council) -> bool {
    let Some(p) = panel.upgrade().filter(|p| p.root.is_connected()) else {
        return false;
    };
    let _ = p.root.set_attribute("lang", council.lang.tag);
    p.fixed.word(&council.lang);
    *p.council.borrow_mut() = council;
    p.say("");
    let _ = p.draw();
    let _ = p.show_error(p.problem.get());
    true
}

/// Makes the panel and puts it in `hooks.slot`, in place of what is there.
/// `hooks` is `{ key, current, open, slot }` (see [`Widget`]).
pub fn panel(
    council: Council,
    hooks: &JsValue,
    today: CivilDate,
) -> Result<(Element, Handle), JsValue> {
    let get = |k: &str| js_sys::Reflect::get(hooks, &k.into());
    // One list per framework version: a list made under another version is
    // left as it is, never read as this one's or written over.
    let version = &council.setup.framework.version;
    let widget = Widget {
        key: format!("{}:{version}", get("key")?.as_string().unwrap_or_default()),
        current: get("current")?.dyn_into()?,
        open: get("open")?.dyn_into()?,
    };
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from("no document"))?;
    let l = council.lang.clone();
    let root = element(&doc, "div", "scenarios", None)?;
    root.set_attribute("lang", l.tag)?;
    let intro = element(&doc, "p", "body", None)?;
    root.append_child(&intro)?;
    let (group, name, name_error, label, hint) = name_field(&doc)?;
    root.append_child(&group)?;
    let save = button(&doc, "button", "save", "", None)?;
    root.append_child(&save)?;
    let fixed = Fixed {
        intro,
        label,
        hint,
        save,
    };
    fixed.word(&l);
    let status = element(&doc, "p", "body", None)?;
    status.set_attribute("role", "status")?;
    // Focus goes here when the button that had it is redrawn away (delete).
    status.set_attribute("tabindex", "-1")?;
    root.append_child(&status)?;
    let list = element(&doc, "div", "", None)?;
    let compare = element(&doc, "div", "", None)?;
    compare.set_attribute("data-compare", "")?;
    root.append_child(&list)?;
    root.append_child(&compare)?;
    let panel = Rc::new(Panel {
        council: RefCell::new(council),
        widget,
        today,
        doc,
        root: root.clone(),
        name,
        name_error,
        status,
        list,
        compare,
        fixed,
        problem: std::cell::Cell::new(None),
    });
    panel.draw()?;
    listen(&panel)?;
    let slot: Element = get("slot")?.dyn_into()?;
    slot.replace_children_with_node_1(&root);
    Ok((root, Rc::downgrade(&panel)))
}

/// The name input, GOV.UK style, with its (hidden) error message.
/// Its label and hint are worded by [`Fixed::word`].
type NameField = (Element, HtmlInputElement, Element, Element, Element);

fn name_field(doc: &Document) -> Result<NameField, JsValue> {
    let group = element(doc, "div", "form-group", None)?;
    let label = element(doc, "label", "label", None)?;
    label.set_attribute("for", "scenario-name")?;
    let hint = element(doc, "div", "hint", None)?;
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
    Ok((group, input, error, label, hint))
}

/// A button that says what it does to a screen reader too (`label`).
fn button(
    doc: &Document,
    class: &str,
    action: &str,
    text: &str,
    scenario: Option<&str>,
) -> Result<Element, JsValue> {
    let b = element(doc, "button", class, Some(text))?;
    b.set_attribute("type", "button")?;
    b.set_attribute("data-action", action)?;
    if let Some(name) = scenario {
        // By name, not position: another tab may have changed the list.
        b.set_attribute("data-name", name)?;
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
        let name = b.get_attribute("data-name");
        let action = b.get_attribute("data-action").unwrap_or_default();
        if let Err(e) = p.act(&action, name.as_deref()) {
            p.say(&p.lang().put(T::did_not_work, &[&error_text(&p.lang(), &e)]));
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
            p.say(&p.lang().t(T::changed_elsewhere));
        }
    });
    if let Some(w) = web_sys::window() {
        w.add_event_listener_with_callback("storage", storage.as_ref().unchecked_ref())?;
    }
    storage.forget();
    Ok(())
}

fn error_text(l: &Lang, e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .unwrap_or_else(|| l.t(T::unexpected))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Panel {
    fn lang(&self) -> Rc<Lang> {
        self.council.borrow().lang.clone()
    }

    fn setup(&self) -> Rc<Setup> {
        self.council.borrow().setup.clone()
    }

    fn framework(&self) -> String {
        let fw = &self.setup().framework;
        format!("{}@{}", fw.id, fw.version)
    }

    /// The list as stored now (empty when there is none), or `Err` when
    /// something is stored that cannot be read as one.
    fn read(&self) -> Result<Stored, ()> {
        let empty = Stored {
            version: VERSION,
            framework: self.framework(),
            scenarios: Vec::new(),
        };
        let Some(text) = storage().and_then(|s| s.get_item(&self.widget.key).ok().flatten()) else {
            return Ok(empty);
        };
        let stored = js_sys::JSON::parse(&text)
            .ok()
            .and_then(|v| serde_wasm_bindgen::from_value::<Stored>(v).ok());
        match stored {
            Some(s) if s.version == VERSION && s.framework == self.framework() => Ok(s),
            _ => Err(()),
        }
    }

    /// The list to change: as stored, or, when what is stored cannot be
    /// read, an empty one if the user agrees to replace it.
    fn read_to_change(&self) -> Option<Stored> {
        match self.read() {
            Ok(s) => Some(s),
            Err(()) => Self::ask(&self.lang().t(T::unreadable_replace)).then(|| Stored {
                version: VERSION,
                framework: self.framework(),
                scenarios: Vec::new(),
            }),
        }
    }

    fn write(&self, stored: &Stored) -> Result<(), JsValue> {
        let value = stored.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
        let text = js_sys::JSON::stringify(&value)?
            .as_string()
            .unwrap_or_default();
        storage()
            .ok_or_else(|| JsValue::from(self.lang().t(T::no_storage)))?
            .set_item(&self.widget.key, &text)
            .map_err(|_| JsValue::from(self.lang().t(T::storage_full)))
    }

    fn say(&self, text: &str) {
        self.status.set_text_content(Some(text));
    }

    fn ask(text: &str) -> bool {
        web_sys::window()
            .and_then(|w| w.confirm_with_message(text).ok())
            .unwrap_or(false)
    }

    fn act(&self, action: &str, name: Option<&str>) -> Result<(), JsValue> {
        match (action, name) {
            ("save", _) => self.save(),
            ("open", Some(name)) => {
                // The list as it is now: another tab may have changed it.
                let stored = self.read().unwrap_or_default();
                let Some(s) = stored.scenarios.iter().find(|s| s.name == name) else {
                    return self.gone(name);
                };
                let form = s
                    .form
                    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
                let o = js_sys::Object::new();
                js_sys::Reflect::set(&o, &"form".into(), &form)?;
                js_sys::Reflect::set(&o, &"name".into(), &s.name.as_str().into())?;
                // The calculator says it is open; nothing more here.
                self.say("");
                self.widget.open.call1(&JsValue::NULL, &o)?;
                Ok(())
            }
            ("delete", Some(name)) => {
                // Asked first, then read afresh: whatever another tab did
                // while the question was open is kept.
                if !Self::ask(&self.lang().put(T::delete_confirm, &[&name])) {
                    return Ok(());
                }
                let Some(mut stored) = self.read_to_change() else {
                    return Ok(());
                };
                if !stored.scenarios.iter().any(|s| s.name == name) {
                    return self.gone(name);
                }
                stored.scenarios.retain(|s| s.name != name);
                self.write(&stored)?;
                self.draw()?;
                self.say(&self.lang().put(T::deleted, &[&name]));
                // Its button is gone: focus the message that says so.
                if let Some(e) = self.status.dyn_ref::<web_sys::HtmlElement>() {
                    e.focus()?;
                }
                Ok(())
            }
            ("print", _) => self.print(),
            _ => self.draw(),
        }
    }

    /// A scenario another tab deleted: the list is redrawn and says so.
    fn gone(&self, name: &str) -> Result<(), JsValue> {
        self.draw()?;
        self.say(&self.lang().put(T::gone, &[&name]));
        Ok(())
    }

    /// Saves the current answers under the name typed, replacing one of
    /// that name if the user agrees; never more than [`MAX_SCENARIOS`].
    fn save(&self) -> Result<(), JsValue> {
        let name = self.name.value().trim().to_string();
        let l = self.lang();
        let problem = if name.is_empty() {
            Some(T::name_missing)
        } else if name.chars().count() > MAX_NAME {
            Some(T::name_long)
        } else {
            None
        };
        self.show_error(problem)?;
        if problem.is_some() {
            self.name.focus()?;
            return Ok(());
        }
        let listed = self.read().unwrap_or_default();
        if listed.scenarios.iter().any(|s| s.name == name)
            && !Self::ask(&l.put(T::replace_confirm, &[&name]))
        {
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
        // Read afresh after any question, so another tab's change is kept.
        let Some(mut stored) = self.read_to_change() else {
            return Ok(());
        };
        let full = stored.scenarios.len() >= MAX_SCENARIOS;
        match stored.scenarios.iter_mut().find(|s| s.name == name) {
            Some(old) => *old = saved,
            None if full => {
                self.show_error(Some(T::full))?;
                return self.name.focus();
            }
            None => stored.scenarios.push(saved),
        }
        self.write(&stored)?;
        self.name.set_value("");
        self.draw()?;
        self.say(&l.put(T::saved, &[&name]));
        Ok(())
    }

    /// Shows or clears the name's error, GOV.UK style, in the panel's
    /// language (and keeps it, to word it again in another).
    fn show_error(&self, problem: Option<T>) -> Result<(), JsValue> {
        self.problem.set(problem);
        let group = self.name.parent_element();
        match problem {
            Some(k) => {
                let l = self.lang();
                let max = if k == T::full {
                    MAX_SCENARIOS
                } else {
                    MAX_NAME
                };
                let text = l.put(k, &[&max]);
                self.name_error
                    .set_text_content(Some(&l.put(T::error, &[&text])));
                self.name_error.remove_attribute("hidden")?;
                self.name.set_class_name("input input--error");
                self.name
                    .set_attribute("aria-describedby", "scenario-name-hint scenario-name-error")?;
                if let Some(g) = group {
                    g.set_class_name("form-group form-group--error");
                }
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
        self.list.set_text_content(None);
        self.compare.set_text_content(None);
        let l = self.lang();
        let Ok(stored) = self.read() else {
            let why = element(&self.doc, "p", "body", Some(&l.t(T::unreadable)))?;
            append(&self.list, &why)?;
            return Ok(());
        };
        if stored.scenarios.is_empty() {
            let none = element(&self.doc, "p", "body", Some(&l.t(T::none_saved)))?;
            self.list.append_child(&none)?;
            return Ok(());
        }
        append(&self.list, &self.list_table(&stored)?)?;
        let (setup, outcodes) = {
            let c = self.council.borrow();
            (c.setup.clone(), c.outcodes.clone())
        };
        let setup = &*setup;
        let env = Env {
            today: self.today,
            outcodes: outcodes.as_ref().as_ref(),
        };
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
        let date = format!(
            "{}-{:02}-{:02}",
            self.today.year, self.today.month, self.today.day
        );
        let heading = l.put(
            T::compared_on,
            &[
                &setup.config.council.name,
                &setup.framework.name,
                &date,
                &env!("CARGO_PKG_VERSION"),
            ],
        );
        append(
            &self.compare,
            &element(&self.doc, "p", "body", Some(&heading))?,
        )?;
        append(
            &self.compare,
            &table_element(&self.doc, &table(&l.words, setup, &scenarios))?,
        )?;
        if stored.scenarios.len() == 1 {
            let more = l.t(T::save_another);
            append(
                &self.compare,
                &element(&self.doc, "p", "hint", Some(&more))?,
            )?;
        }
        let print = button(
            &self.doc,
            "button button--secondary",
            "print",
            &l.t(T::print),
            None,
        )?;
        self.compare.append_child(&print)?;
        Ok(())
    }

    /// The saved scenarios, each with its open and delete buttons.
    fn list_table(&self, stored: &Stored) -> Result<Element, JsValue> {
        let doc = &self.doc;
        let l = self.lang();
        let t = element(doc, "table", "table", None)?;
        let caption = l.put(T::saved_caption, &[&stored.scenarios.len(), &MAX_SCENARIOS]);
        append(
            &t,
            &element(doc, "caption", "table__caption", Some(&caption))?,
        )?;
        let head = element(doc, "tr", "", None)?;
        for h in [T::col_name, T::col_saved, T::col_actions] {
            let th = element(doc, "th", "", Some(&l.t(h)))?;
            th.set_attribute("scope", "col")?;
            head.append_child(&th)?;
        }
        let thead = element(doc, "thead", "", None)?;
        thead.append_child(&head)?;
        t.append_child(&thead)?;
        let body = element(doc, "tbody", "", None)?;
        for s in &stored.scenarios {
            let tr = element(doc, "tr", "", None)?;
            let th = element(doc, "th", "", Some(&s.name))?;
            th.set_attribute("scope", "row")?;
            tr.append_child(&th)?;
            append(&tr, &element(doc, "td", "", Some(&s.saved))?)?;
            let td = element(doc, "td", "button-group", None)?;
            let named = Some(s.name.as_str());
            append(
                &td,
                &button(
                    doc,
                    "button button--secondary",
                    "open",
                    &l.t(T::open),
                    named,
                )?,
            )?;
            append(
                &td,
                &button(
                    doc,
                    "button button--warning",
                    "delete",
                    &l.t(T::delete),
                    named,
                )?,
            )?;
            tr.append_child(&td)?;
            body.append_child(&tr)?;
        }
        t.append_child(&body)?;
        Ok(t)
    }

    /// Prints the comparison alone: marks the panel for the print rules
    /// (`lazy.css`), prints, and unmarks it once printing is over.
    fn print(&self) -> Result<(), JsValue> {
        self.root.set_attribute("data-printing", "")?;
        let window = web_sys::window().ok_or_else(|| JsValue::from("no window"))?;
        // Unmarked once printing is over, which is after `print()` returns
        // where it does not wait for the dialogue (some mobile browsers).
        let root = self.root.clone();
        let done = Closure::once_into_js(move || {
            let _ = root.remove_attribute("data-printing");
        });
        let once = web_sys::AddEventListenerOptions::new();
        once.set_once(true);
        window.add_event_listener_with_callback_and_add_event_listener_options(
            "afterprint",
            done.unchecked_ref(),
            &once,
        )?;
        window.print()
    }
}
