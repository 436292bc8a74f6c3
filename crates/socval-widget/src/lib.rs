//! # Socval widget
//!
//! The calculator as a web component. `js/socval.js` defines
//! `<social-value-calculator>`: it attaches a shadow root, loads this
//! module (resolving the wasm URL from its own), fetches the council's
//! configuration and, only when the council's local area needs it, the
//! outward-code table; then calls [`mount`]. The styles are compiled in
//! ([`styles`]) and adopted by the shadow root as a constructed stylesheet,
//! so the host page's CSS cannot reach the widget, the widget's cannot leak
//! out, and a strict Content Security Policy needs no `'unsafe-inline'`.

/// Talc instead of Rust's default dlmalloc: smaller code in the first
/// module (see the README's size table). Single-threaded wasm only.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod browser;
pub mod browser_json;
pub mod calc;
pub mod components;
pub mod context;
pub mod form;
pub mod form_js;
pub mod hooks;
pub mod js_de;
pub mod messages;
pub mod state;
pub mod texts;

use std::rc::Rc;

use socval_core::{CivilDate, OutcodeTable};
use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::app::{App, AppProps};
use crate::components::config_error::{ConfigError, ConfigErrorProps};
use crate::context::Ctx;

/// The widget's stylesheet, compiled in, minified by `build.rs`.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// The widget's stylesheet, for the shadow root's `adoptedStyleSheets`.
#[wasm_bindgen]
pub fn styles() -> String {
    CSS.to_string()
}

/// A mounted widget; `destroy()` removes it.
#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<App>>,
    error: Option<AppHandle<ConfigError>>,
    /// The context it was drawn with, for [`Widget::set_lang`].
    drawn: Option<Ctx>,
    /// Whether the whole form is drawn (see [`Widget::complete`]).
    complete: bool,
}

#[wasm_bindgen]
impl Widget {
    /// Draws the widget again in another language (the host's `lang`
    /// changed), keeping everything typed: `prepared` is the council's
    /// configuration read again, so that its texts are taken afresh,
    /// `catalogue` the language's text catalogue, when the loader fetched one,
    /// and `texts` the council's own texts in that language (see [`texts`]).
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(
        &mut self,
        prepared: Prepared,
        lang: &str,
        catalogue: Option<String>,
        texts: Option<String>,
    ) {
        let (Some(app), Some(ctx), Ok(setup)) =
            (self.app.as_mut(), self.drawn.as_mut(), prepared.setup)
        else {
            return;
        };
        let messages = messages::for_lang(lang, catalogue);
        ctx.messages = messages;
        ctx.setup = Rc::new(localise(setup, messages, texts.as_deref()));
        app.update(AppProps {
            ctx: ctx.clone(),
            complete: self.complete,
        });
    }

    /// Draws the rest of the form: the first render draws the contract and
    /// the results alone, and the loader calls this once the browser has
    /// painted them, so that they show sooner (Yew's first run of its code
    /// grows with what it draws).
    pub fn complete(&mut self) {
        if let (Some(app), Some(ctx), false) =
            (self.app.as_mut(), self.drawn.as_ref(), self.complete)
        {
            self.complete = true;
            app.update(AppProps {
                ctx: ctx.clone(),
                complete: true,
            });
        }
    }

    /// Unmounts the widget (the element was removed from the page).
    pub fn destroy(mut self) {
        if let Some(a) = self.app.take() {
            a.destroy();
        }
        if let Some(e) = self.error.take() {
            e.destroy();
        }
    }
}

/// A council configuration read and checked once: the loader asks it
/// whether the outward-code table is needed, then mounts with it.
#[wasm_bindgen]
pub struct Prepared {
    /// The setup, or the configuration's problems, worded when the widget
    /// is drawn, in its language.
    setup: Result<socval_core::Setup, Vec<socval_core::Issue>>,
}

#[wasm_bindgen]
impl Prepared {
    /// Whether the council's local-area rules need the outward-code table.
    #[wasm_bindgen(js_name = needsOutcodes)]
    pub fn needs_outcodes(&self) -> bool {
        self.setup
            .as_ref()
            .is_ok_and(socval_core::Setup::needs_outcodes)
    }
}

/// Reads and checks a council configuration (JSON text).
#[wasm_bindgen]
pub fn prepare(config: &str) -> Prepared {
    let setup = browser_json::parse::<socval_core::CouncilConfig>(config)
        .map_err(|why| {
            let code = socval_core::IssueCode::Syntax;
            vec![socval_core::Issue::new("", code, why)]
        })
        .and_then(|c| socval_core::prepare(c).map_err(|e| e.issues));
    Prepared { setup }
}

fn today() -> CivilDate {
    let d = js_sys::Date::new_0();
    CivilDate {
        year: i32::try_from(d.get_full_year()).unwrap_or(2026),
        month: u8::try_from(d.get_month() + 1).unwrap_or(1),
        day: u8::try_from(d.get_date()).unwrap_or(1),
    }
}

/// Renders the calculator into `root` (inside the host's shadow root).
///
/// `prepared` is the council configuration from [`prepare`]; `outcodes` the
/// outward-code CSV when it said the table is needed; `lang` the page's
/// language, `catalogue` its text catalogue when it is not English, and
/// `texts` the council's own texts in it, as lines (see [`texts`]); `draft_id` distinguishes two widgets of one council on a page;
/// `level` is the level of its top headings and `titled` whether it shows
/// its own title (the host's `heading-level` and `no-heading`);
/// `reporter` reaches the lazily loaded report module (see [`Ctx::lazy`]);
/// `whole` draws the whole form at once rather than in two stages (see
/// [`Widget::complete`]): the loader asks for it where the widget is in one
/// column, as there the second stage would go above the results and move
/// them.
///
/// [`Ctx::lazy`]: context::Ctx::lazy
// The loader's one call: wasm-bindgen passes plain values, not a struct.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    host: web_sys::HtmlElement,
    prepared: Prepared,
    outcodes: Option<String>,
    lang: &str,
    catalogue: Option<String>,
    texts: Option<String>,
    draft_id: &str,
    level: u8,
    titled: bool,
    reporter: Option<js_sys::Function>,
    whole: bool,
) -> Widget {
    // Log panics to the console with our name rather than replacing the
    // host page's handling (Yew installs its own hook unless given one).
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("socval: {info}").into());
    }));
    let messages = messages::for_lang(lang, catalogue);
    let table = outcodes.map(|csv| OutcodeTable::parse(&csv));
    browser::mark("socval:table");
    // District codes are checked once the table is at hand.
    let setup = match (prepared.setup, &table) {
        (Ok(s), Some(Ok(t))) => s.check_table(t).map(|()| s).map_err(|e| e.issues),
        (s, _) => s,
    };
    match (setup, table) {
        (Ok(setup), Some(Err(e))) => error(
            root,
            messages,
            vec![e.to_string(), setup.config.council.name],
            level,
        ),
        (Ok(setup), table) => {
            // Named in the configuration's own words, so that a draft
            // survives a change of language.
            let draft_key = format!(
                "socval:draft:{}:{}:{draft_id}",
                setup.config.council.name, setup.framework.id
            );
            let ctx = Ctx {
                level,
                titled,
                setup: Rc::new(localise(setup, messages, texts.as_deref())),
                outcodes: table.and_then(Result::ok).map(Rc::new),
                messages,
                host,
                draft_key,
                today: today(),
                reporter,
            };
            Widget {
                app: Some(
                    yew::Renderer::<App>::with_root_and_props(
                        root,
                        AppProps {
                            ctx: ctx.clone(),
                            complete: whole,
                        },
                    )
                    .render(),
                ),
                error: None,
                drawn: Some(ctx),
                complete: whole,
            }
        }
        (Err(issues), _) => {
            let problems: Vec<String> = issues.iter().map(|i| messages.at(i)).collect();
            let mut said = String::from("socval: the council configuration has problems:");
            for p in &problems {
                said.push('\n');
                said.push_str(p);
            }
            web_sys::console::error_1(&said.into());
            error(root, messages, problems, level)
        }
    }
}

/// Shows the configuration's problems in place of the form (the loader
/// finds them there and tells the host page with `socval-error`).
fn error(
    root: web_sys::Element,
    m: &messages::Messages,
    problems: Vec<String>,
    level: u8,
) -> Widget {
    let props = ConfigErrorProps {
        title: m.config_failed().into(),
        problems,
        level,
    };
    Widget {
        app: None,
        error: Some(yew::Renderer::<ConfigError>::with_root_and_props(root, props).render()),
        drawn: None,
        complete: false,
    }
}

/// The setup in the widget's language: the built-in framework's texts from
/// the catalogue, then the council's own over them.
fn localise(
    mut setup: socval_core::Setup,
    m: &messages::Messages,
    texts: Option<&str>,
) -> socval_core::Setup {
    if matches!(
        setup.config.framework,
        socval_core::config::FrameworkChoice::Builtin(_)
    ) {
        texts::apply(&mut setup, m.text());
    }
    if let Some(t) = texts {
        texts::apply(&mut setup, t);
    }
    // A band the council left without a label is named in this language.
    if let socval_core::config::ScoringMethod::RatioBands { bands } =
        &mut setup.config.scoring.method
    {
        for b in bands.iter_mut().filter(|b| b.label.is_empty()) {
            b.label = m.band_from(&b.min_ratio_percent.to_string());
        }
    }
    setup
}
