//! Drafts: the form is saved to localStorage once typing pauses (and at once
//! when the page is hidden or left) and restored on the next visit. Only this
//! device's browser ever sees it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::form::Form;
use crate::{browser_json, form_js};

/// The page's localStorage; none where it is disabled (some private modes).
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The version of the saved draft format; older drafts are discarded with a notice.
pub const DRAFT_VERSION: u32 = 1;

struct Draft {
    version: u32,
    framework: String,
    form: Form,
}

/// What restoring a draft found.
#[derive(Debug, PartialEq)]
pub enum Restored {
    /// Nothing saved.
    Nothing,
    /// A draft.
    Draft(Box<Form>),
    /// Something saved that cannot be used (damaged, or another version).
    Unreadable,
}

/// Reads the draft saved under `key` for `framework` (`id@version`).
pub fn restore(key: &str, framework: &str) -> Restored {
    let Some(text) = storage().and_then(|s| s.get_item(key).ok().flatten()) else {
        return Restored::Nothing;
    };
    match browser_json::parse_object(&text)
        .ok()
        .and_then(|o| read(&o))
    {
        Some(d) if d.version == DRAFT_VERSION && d.framework == framework => {
            Restored::Draft(Box::new(d.form))
        }
        _ => {
            clear(key);
            Restored::Unreadable
        }
    }
}

/// A stored draft: `{ "version": 1, "framework": "id@version", "form": { … } }`.
fn read(o: &JsValue) -> Option<Draft> {
    let get = |k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    Some(Draft {
        version: u32::try_from(get("version")?.as_f64()? as i64).ok()?,
        framework: get("framework")?.as_string()?,
        form: form_js::from_js(&get("form")?)?,
    })
}

fn write(d: &Draft) -> JsValue {
    let o = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    let _ = set("version", &JsValue::from(d.version));
    let _ = set("framework", &JsValue::from_str(&d.framework));
    let _ = set("form", &form_js::to_js(&d.form));
    o.into()
}

/// Forgets the draft.
pub fn clear(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// How long typing must pause before the draft is saved, in ms. Saving
/// serialises the whole form, so it waits for a pause instead of running
/// between every keystroke and its results; hiding or leaving the page saves
/// at once, so nothing typed is lost.
pub const SAVE_AFTER_MS: u32 = 250;

/// The next write to localStorage, kept until typing pauses.
#[derive(Default)]
struct Saver {
    /// The key, and the draft to write (none: clear the key).
    next: Option<(String, Option<Draft>)>,
    /// The pending timeout; replacing it cancels the one before.
    timer: Option<Timeout>,
    /// Another tab or window changed the draft: this one no longer writes
    /// it, so neither loses the other's answers without a word.
    held: bool,
}

/// Writes the waiting draft, if any.
fn flush(saver: &RefCell<Saver>) {
    let next = {
        let mut s = saver.borrow_mut();
        let next = s.next.take();
        next.filter(|_| !s.held)
    };
    match next {
        Some((key, None)) => clear(&key),
        Some((key, Some(draft))) => {
            // Storage can be full or disabled (private browsing): drafts are a
            // convenience, so a failed save is not an error for the user.
            let text = js_sys::JSON::stringify(&write(&draft))
                .ok()
                .and_then(|t| t.as_string());
            if let (Some(s), Some(text)) = (storage(), text) {
                let _ = s.set_item(&key, &text);
            }
        }
        None => {}
    }
}

/// Saves `form` under `key` once typing pauses; an empty form clears it.
///
/// # Arguments
/// * `key`: the localStorage key (per council, framework and element).
/// * `framework`: `id@version`, so a draft is never applied to another framework.
/// * `form`: the form as typed.
/// * `blank`: the form a fresh start has; saving that would be noise.
/// * `elsewhere`: called once if another tab or window changes the draft
///   (its `storage` event); from then on this one does not write it.
///
/// # Example
/// ```ignore
/// use_draft(&ctx.draft_key, &stamp, &state.form, &blank, on_elsewhere);
/// ```
#[hook]
pub fn use_draft(key: &str, framework: &str, form: &Form, blank: &Form, elsewhere: Callback<()>) {
    let saver: Rc<RefCell<Saver>> = use_mut_ref(Saver::default);
    {
        // Hiding or leaving the page, or removing the widget, saves at once.
        let saver = saver.clone();
        let key = key.to_string();
        use_effect_with((), move |()| {
            let document = gloo::utils::document();
            let on_leave = {
                let saver = saver.clone();
                EventListener::new(&gloo::utils::window(), "pagehide", move |_| flush(&saver))
            };
            let on_hide = {
                let (saver, doc) = (saver.clone(), document.clone());
                EventListener::new(&document, "visibilitychange", move |_| {
                    if doc.hidden() {
                        flush(&saver);
                    }
                })
            };
            let on_other_tab = {
                let saver = saver.clone();
                EventListener::new(&gloo::utils::window(), "storage", move |e| {
                    let changed = js_sys::Reflect::get(e, &JsValue::from_str("key"))
                        .ok()
                        .and_then(|k| k.as_string());
                    let mut s = saver.borrow_mut();
                    if changed.as_deref() == Some(key.as_str()) && !s.held {
                        s.held = true;
                        drop(s);
                        elsewhere.emit(());
                    }
                })
            };
            move || {
                drop((on_leave, on_hide, on_other_tab));
                flush(&saver);
            }
        });
    }
    let (key, framework, blank) = (key.to_string(), framework.to_string(), blank.clone());
    use_effect_with(form.clone(), move |form| {
        let draft = (*form != blank).then(|| Draft {
            version: DRAFT_VERSION,
            framework,
            form: form.clone(),
        });
        let later = saver.clone();
        let mut s = saver.borrow_mut();
        s.next = Some((key, draft));
        s.timer = Some(Timeout::new(SAVE_AFTER_MS, move || flush(&later)));
    });
}
