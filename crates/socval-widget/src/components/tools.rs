//! Save, share and print: export and import the proposal, export results,
//! print a summary, start again.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
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
    let host = ctx.host.clone();
    gloo::timers::callback::Timeout::new(0, move || {
        crate::context::focus(&host, "error-summary");
    })
    .forget();
}

/// Saves the text a lazy call gives as a file named `name`, or says why not.
fn save(
    promise: js_sys::Promise,
    name: String,
    mime: &'static str,
    failure: &'static str,
    d: yew::UseReducerDispatcher<State>,
) {
    yew::platform::spawn_local(async move {
        let outcome = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| failure.to_string())
            .and_then(|text| browser::download(&name, mime, &text));
        if let Err(e) = outcome {
            d.dispatch(problem(e));
        }
    });
}

fn problem(text: String) -> Action {
    Action::Notify(Notice {
        text,
        problem: true,
    })
}

/// The buttons.
#[component]
pub fn Tools(p: &ToolsProps) -> Html {
    let ctx = use_context::<Ctx>();
    // The reader must live until it calls back.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let Some(ctx) = ctx else { return html! {} };
    let m = ctx.messages;

    let export_json = {
        let (form, ctx, d) = (p.form.clone(), ctx.clone(), p.dispatch.clone());
        Callback::from(move |_| match form::to_proposal(&form, &ctx.setup) {
            // The file is written by the lazily loaded report module.
            Ok(_) => {
                let Some(promise) = ctx.lazy("export", &form) else {
                    return;
                };
                let name = browser::file_name(&form.bidder, "json");
                save(
                    promise,
                    name,
                    "application/json",
                    "the proposal could not be written",
                    d.clone(),
                );
            }
            Err(_) => reveal_all(&ctx, &d),
        })
    };
    let copy_link = {
        let (form, ctx, d) = (p.form.clone(), ctx.clone(), p.dispatch.clone());
        Callback::from(move |_| {
            if form::to_proposal(&form, &ctx.setup).is_err() {
                return reveal_all(&ctx, &d);
            }
            let Some(promise) = ctx.lazy("link", &form) else {
                return;
            };
            let d = d.clone();
            yew::platform::spawn_local(async move {
                // The loader copies it, or shows it to copy by hand where
                // the browser will not let a page copy.
                let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                d.dispatch(Action::Notify(Notice {
                    text: if copied { m.link_copied } else { m.link_shown }.into(),
                    problem: false,
                }));
            });
        })
    };
    let export_csv = {
        let (shown, bidder, d, ctx) = (
            p.outcome.shown.clone(),
            p.form.bidder.clone(),
            p.dispatch.clone(),
            ctx.clone(),
        );
        Callback::from(move |_| {
            // The CSV comes from the lazily loaded report module.
            let Some(promise) = shown.as_ref().and_then(|s| ctx.lazy("csv", &s.form)) else {
                return;
            };
            let name = browser::file_name(&bidder, "csv");
            save(
                promise,
                name,
                "text/csv",
                "the results could not be made into a CSV file",
                d.clone(),
            );
        })
    };
    let import = {
        let (ctx, d, reader) = (ctx.clone(), p.dispatch.clone(), reader.clone());
        let had_answers = p.form != p.blank;
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (ctx, d) = (ctx.clone(), d.clone());
            let file = gloo::file::File::from(file);
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| {
                let m = ctx.messages;
                // The proposal is read by the lazily loaded report module,
                // which hands back the form that shows it.
                let promise = match text {
                    Ok(t) => ctx.lazy_text("import", &t),
                    Err(e) => return d.dispatch(problem((m.import_failed)(&e.to_string()))),
                };
                let Some(promise) = promise else { return };
                // What was there can be brought back with "Undo".
                open_into(
                    promise,
                    d.clone(),
                    m.imported,
                    m.import_failed,
                    m,
                    had_answers,
                );
            }));
        })
    };
    let reset = {
        let (d, blank) = (p.dispatch.clone(), p.blank.clone());
        Callback::from(move |_| {
            // Ask first; what was there can still be brought back after.
            if gloo::utils::window()
                .confirm_with_message(m.start_again_confirm)
                .unwrap_or(false)
            {
                let notice = Notice {
                    text: m.cleared.into(),
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
    html! {
        <section class="section tools" aria-labelledby="tools-heading">
            <h3 class="heading-m" id="tools-heading">{ m.tools_heading }</h3>
            <div class="button-group">
                <button type="button" class="button" onclick={export_json}>{ m.export_json }</button>
                <button type="button" class="button button--secondary" onclick={export_csv} disabled={p.outcome.shown.is_none()}>{ m.export_csv }</button>
                <button type="button" class="button button--secondary" onclick={print}>{ m.print }</button>
                <button type="button" class="button button--secondary" onclick={copy_link}>{ m.copy_link }</button>
            </div>
            <div class="form-group">
                <label class="label" for="import-file">{ m.import_json }</label>
                <div class="hint" id="import-file-hint">{ m.import_hint }</div>
                <input class="file-upload" id="import-file" type="file" accept="application/json,.json" aria-describedby="import-file-hint" onchange={import} />
            </div>
            <button type="button" class="button button--warning" onclick={reset}>{ m.start_again }</button>
        </section>
    }
}
