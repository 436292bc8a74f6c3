//! Save, share and print: export and import the proposal, export results,
//! print a summary, start again.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::calc::Outcome;
use crate::context::Ctx;
use crate::form::{self, Form};
use crate::hooks::use_link::open_into;
use crate::state::{Action, Notice, State};

/// Props of [`Tools`].
#[derive(Properties, PartialEq, Clone)]
pub struct ToolsProps {
    /// The form.
    pub form: Form,
    /// The outcome (for the CSV).
    pub outcome: Outcome,
    /// The form a fresh start gets.
    pub blank: Form,
    /// Sends actions.
    pub dispatch: UseReducerDispatcher<State>,
}

/// Exporting needs a complete form: shows every problem, and takes the user
/// to the list of them.
fn reveal_all(ctx: &Ctx, d: &yew::UseReducerDispatcher<State>) {
    d.dispatch(Action::RevealAll);
    crate::context::focus_when_drawn(ctx.host.clone(), "error-summary".into());
}

/// A button that asks the lazy module for `kind` with `form` (after checking
/// that the form is complete, showing every problem if not), then says
/// `done`, if anything, or `fail` (a problem if its flag says so).
fn lazy_action(
    ctx: &Ctx,
    d: &UseReducerDispatcher<State>,
    form: Option<Form>,
    kind: &'static str,
    done: Option<&'static str>,
    fail: (&'static str, bool),
) -> Callback<MouseEvent> {
    let (ctx, d) = (ctx.clone(), d.clone());
    Callback::from(move |_| {
        let Some(form) = &form else { return };
        if form::to_proposal(form, &ctx.setup).is_err() {
            return reveal_all(&ctx, &d);
        }
        let Some(promise) = ctx.lazy(kind, form) else {
            return;
        };
        let d = d.clone();
        yew::platform::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            if let Some(text) = if ok { done } else { Some(fail.0) } {
                d.dispatch(Action::Notify(Notice {
                    text: text.into(),
                    problem: !ok && fail.1,
                }));
            }
        });
    })
}

/// Asks the lazy module to put the scenarios panel in `slot`, handing it the
/// draft's key, the answers as they are (`current`), a way to open a saved
/// scenario, and what to say in the slot if it cannot load.
fn scenarios_panel(
    ctx: &Ctx,
    d: &UseReducerDispatcher<State>,
    current: &Rc<RefCell<Form>>,
    slot: &web_sys::Element,
) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsValue;
    use wasm_bindgen::closure::Closure;
    let m = ctx.messages;
    let hooks = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&hooks, &k.into(), v);
    // One closure type for both, `(object) => void`, the one the promise
    // glue already has: `current` fills `object.form`; `open` opens
    // `object.form`, named `object.name`.
    let current = current.clone();
    let now = Closure::<dyn FnMut(JsValue)>::new(move |o: JsValue| {
        let _ = js_sys::Reflect::set(
            &o,
            &"form".into(),
            &crate::form_js::to_js(&current.borrow()),
        );
    });
    let d = d.clone();
    let open = Closure::<dyn FnMut(JsValue)>::new(move |o: JsValue| {
        let get = |k: &str| js_sys::Reflect::get(&o, &k.into()).unwrap_or_default();
        if let Some(form) = crate::form_js::from_js(&get("form")) {
            let notice = Notice {
                text: m.scenario_opened(&get("name").as_string().unwrap_or_default()),
                problem: false,
            };
            d.dispatch(Action::Open(Box::new(form), notice, true));
        }
    });
    set("key", &format!("{}:scenarios", ctx.draft_key).into()).ok()?;
    set("slot", slot).ok()?;
    set("failed", &m.scenarios_failed().into()).ok()?;
    // They live as long as the page, as the panel does.
    set("current", &now.into_js_value()).ok()?;
    set("open", &open.into_js_value()).ok()?;
    ctx.lazy_with("scenarios", &hooks)
}

/// The buttons.
#[component]
pub fn Tools(p: &ToolsProps) -> Html {
    let ctx = use_context::<Ctx>();
    let current: Rc<RefCell<Form>> = use_mut_ref(Form::default);
    let Some(ctx) = ctx else { return html! {} };
    let m = ctx.messages;

    let d = &p.dispatch;
    // Each done by the lazily loaded report module, the proposal's file and
    // link from a complete form, the CSV from the results shown.
    let export_json = lazy_action(
        &ctx,
        d,
        Some(p.form.clone()),
        "saveProposal",
        None,
        (m.save_failed(), true),
    );
    // The loader copies the link, or shows it to copy by hand where the
    // browser will not let a page copy.
    let copy_link = lazy_action(
        &ctx,
        d,
        Some(p.form.clone()),
        "link",
        Some(m.link_copied()),
        (m.link_shown(), false),
    );
    let shown = p.outcome.shown.as_ref().map(|s| s.form.clone());
    let export_csv = lazy_action(&ctx, d, shown, "saveCsv", None, (m.csv_failed(), true));
    let import = {
        let (ctx, d) = (ctx.clone(), p.dispatch.clone());
        let had_answers = p.form != p.blank;
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let m = ctx.messages;
            // The file is read, and the proposal in it, by the lazily loaded
            // report module, which hands back the form that shows it.
            let Some(promise) = ctx.lazy_with("importFile", &file) else {
                return;
            };
            // What was there can be brought back with "Undo".
            open_into(
                promise,
                d.clone(),
                m.imported(),
                crate::messages::Messages::import_failed,
                m,
                had_answers,
            );
        })
    };
    let reset = {
        let (d, blank) = (p.dispatch.clone(), p.blank.clone());
        Callback::from(move |_| {
            // Ask first; what was there can still be brought back after.
            if gloo::utils::window()
                .confirm_with_message(m.start_again_confirm())
                .unwrap_or(false)
            {
                let notice = Notice {
                    text: m.cleared().into(),
                    problem: false,
                };
                d.dispatch(Action::Reset(Box::new(blank.clone()), notice));
            }
        })
    };
    let print = {
        // A printed summary shows every problem the form still has.
        let d = p.dispatch.clone();
        Callback::from(move |_| {
            d.dispatch(Action::RevealAll);
            // After the errors have rendered.
            gloo::timers::callback::Timeout::new(0, browser::print).forget();
        })
    };
    // The scenarios panel is the lazy module's, asked for when first opened;
    // it reads the answers through `current` when it saves them.
    *current.borrow_mut() = p.form.clone();
    let scenarios = {
        let (ctx, d, current) = (ctx.clone(), p.dispatch.clone(), current.clone());
        Callback::from(move |e: MouseEvent| {
            // The slot is the element after the summary. Asked for once: it
            // holds "Working it out…", then the panel.
            let Some(el) = e
                .target_unchecked_into::<web_sys::Element>()
                .next_element_sibling()
                .filter(|e| !e.has_child_nodes())
            else {
                return;
            };
            el.set_text_content(Some(m.loading()));
            let _ = scenarios_panel(&ctx, &d, &current, &el);
        })
    };
    html! {
        <section class="section tools" aria-labelledby="tools-heading">
            { ctx.section(1, "heading-m", Some("tools-heading"), m.tools_heading()) }
            <div class="button-group">
                <button type="button" class="button" onclick={export_json}>{ m.export_json() }</button>
                <button type="button" class="button button--secondary" onclick={export_csv} disabled={p.outcome.shown.is_none()}>{ m.export_csv() }</button>
                <button type="button" class="button button--secondary" onclick={print}>{ m.print() }</button>
                <button type="button" class="button button--secondary" onclick={copy_link}>{ m.copy_link() }</button>
            </div>
            <div class="form-group">
                <label class="label" for="import-file">{ m.import_json() }</label>
                <div class="hint" id="import-file-hint">{ m.import_hint() }</div>
                <input class="file-upload" id="import-file" type="file" accept="application/json,.json" aria-describedby="import-file-hint" onchange={import} />
            </div>
            <button type="button" class="button button--warning" onclick={reset}>{ m.start_again() }</button>
            <details class="details scenarios-slot">
                <summary class="details__summary" onclick={scenarios}>{ m.scenarios() }</summary>
                // Filled by the lazy module, never by Yew: it has no children here.
                <div class="details__text"></div>
            </details>
        </section>
    }
}
