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
    /// The level of the widget's top headings (its title, the results, the
    /// error summary): 2 unless the host's `heading-level` says otherwise,
    /// so that the widget fits the host page's outline.
    pub level: u8,
    /// Whether the widget shows its own title: not when the host page's
    /// heading already says it (the `no-heading` attribute).
    pub titled: bool,
}

impl Ctx {
    /// A heading of the form's (a section, a part of one) `depth` levels
    /// below the title: without the title (`no-heading`), one level up, so
    /// that the sections sit where the title would have.
    pub fn section(
        &self,
        depth: u8,
        class: &'static str,
        id: Option<&'static str>,
        text: impl Into<yew::AttrValue>,
    ) -> yew::Html {
        self.heading(
            depth - u8::from(!self.titled && depth > 0),
            class,
            id,
            false,
            text,
        )
    }

    /// A heading `depth` levels below the widget's top ones; `target`
    /// for one a link leads to, which can then take focus.
    pub fn heading(
        &self,
        depth: u8,
        class: &'static str,
        id: Option<&'static str>,
        target: bool,
        text: impl Into<yew::AttrValue>,
    ) -> yew::Html {
        heading(
            self.level.saturating_add(depth),
            class,
            id,
            target,
            text.into(),
        )
    }

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

/// A heading at `level` (at most 6). One function draws them all: Yew's
/// dynamic tag (`<@{tag}>`) at each heading cost the first module more, as
/// it checks for input and textarea, which a heading never is; this builds
/// the tag as the html! macro builds a static one (fixed attribute keys, no
/// listeners).
pub fn heading(
    level: u8,
    class: &'static str,
    id: Option<&'static str>,
    target: bool,
    text: yew::AttrValue,
) -> yew::Html {
    use yew::virtual_dom::{AttributeOrProperty as A, Attributes, Listeners, VTag};
    let tag = format!("h{}", level.clamp(1, 6));
    let attributes = Attributes::Dynamic {
        keys: &["class", "id", "tabindex"],
        values: Box::new([
            Some(A::Static(class)),
            id.map(A::Static),
            target.then_some(A::Static("-1")),
        ]),
    };
    let text = yew::Html::from(text);
    VTag::__new_other(
        tag.into(),
        Default::default(),
        None,
        attributes,
        Listeners::None,
        text,
    )
    .into()
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setup, &other.setup)
            && std::ptr::eq(self.messages, other.messages)
            && self.host == other.host
    }
}

/// Focuses an input inside the widget's shadow root by id; false if it
/// is not there.
pub fn focus(host: &web_sys::HtmlElement, id: &str) -> bool {
    use wasm_bindgen::JsCast;
    host.shadow_root()
        .and_then(|r| r.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// Focuses `id` once Yew has drawn it: in the next task, and, as on a busy
/// machine Yew yields to the browser every 16 ms mid-render, again every
/// 16 ms until it is there (for about half a second).
pub fn focus_when_drawn(host: web_sys::HtmlElement, id: String) {
    try_focus(host, id, 0, 30);
}

fn try_focus(host: web_sys::HtmlElement, id: String, wait: u32, tries: u8) {
    gloo::timers::callback::Timeout::new(wait, move || {
        if !focus(&host, &id) && tries > 0 {
            try_focus(host, id, 16, tries - 1);
        }
    })
    .forget();
}
