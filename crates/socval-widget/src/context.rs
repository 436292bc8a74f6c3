//! What every component may read: the council's setup, the outward-code
//! table, the text catalogue and the host element.

use std::rc::Rc;

use socval_core::{CivilDate, OutcodeTable, Setup};

use crate::messages::Messages;

/// Shared, read-only context.
#[derive(Clone)]
pub struct Ctx {
    /// The council's checked configuration.
    pub setup: Rc<Setup>,
    /// The outward-code table, when the council's local area needs it.
    pub outcodes: Option<Rc<OutcodeTable>>,
    /// The text.
    pub messages: &'static Messages,
    /// The `<social-value-calculator>` element (events are dispatched on it).
    pub host: web_sys::HtmlElement,
    /// The localStorage key for this widget's draft.
    pub draft_key: String,
    /// Today, from the browser's clock.
    pub today: CivilDate,
    /// The loader's door to the lazily loaded report module:
    /// `(kind, arg, today) => Promise`, where kind is `"explain"` (the full
    /// report, for the `socval-result` event, with the working behind each
    /// figure as DOM nodes), `"saveProposal"` or `"saveCsv"` (a download),
    /// `"link"`, `"openLink"`, `"importFile"` (a chosen file, read there)
    /// or `"scenarios"` (the scenarios panel). None where the widget is
    /// mounted without it (its own tests).
    pub reporter: Option<js_sys::Function>,
}

impl Ctx {
    /// Asks the lazy module for the report and working (`"explain"`), or to
    /// download the results CSV (`"saveCsv"`) or the proposal file
    /// (`"saveProposal"`) of a form, calculated on the widget's own date. The form goes, not the
    /// proposal: the lazy module reads it with the same reader
    /// (`socval_form::to_proposal`), so the first module needs no code to
    /// write a proposal out.
    pub fn lazy(&self, kind: &str, form: &crate::form::Form) -> Option<js_sys::Promise> {
        self.lazy_with(kind, &crate::form_js::to_js(form))
    }

    /// Asks the lazy module to open a link (`"openLink"`, the page's
    /// fragment) as a form.
    pub fn lazy_text(&self, kind: &str, text: &str) -> Option<js_sys::Promise> {
        self.lazy_with(kind, &text.into())
    }

    /// Asks the lazy module for `kind` with any argument (the scenarios
    /// panel takes the widget's hooks).
    pub fn lazy_with(&self, kind: &str, arg: &wasm_bindgen::JsValue) -> Option<js_sys::Promise> {
        use wasm_bindgen::JsCast;
        let f = self.reporter.as_ref()?;
        let d = self.today;
        let today = format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
        f.call3(
            &wasm_bindgen::JsValue::NULL,
            &kind.into(),
            arg,
            &today.into(),
        )
        .ok()?
        .dyn_into()
        .ok()
    }
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setup, &other.setup) && self.host == other.host
    }
}

/// Focuses an input inside the widget's shadow root by id.
pub fn focus(host: &web_sys::HtmlElement, id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = host
        .shadow_root()
        .and_then(|r| r.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
