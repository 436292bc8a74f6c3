//! The root component: layout, state, and wiring of hooks to views.

use yew::prelude::*;

use crate::components::commitments::CommitmentsSection;
use crate::components::contract::ContractSection;
use crate::components::error_summary::ErrorSummary;
use crate::components::results::Results;
use crate::components::self_assessment::SelfAssessment;
use crate::components::spend::SpendSection;
use crate::components::tools::Tools;
use crate::context::Ctx;
use crate::form::Form;
use crate::hooks::use_debounced::use_debounced;
use crate::hooks::use_draft::{Restored, restore, use_draft};
use crate::hooks::use_link::use_link;
use crate::hooks::use_outcome::use_outcome;
use crate::state::{Action, Notice, Reveal, State};

/// How long results must be stable before they are announced, in ms.
pub const ANNOUNCE_AFTER_MS: u32 = 1000;

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The shared context.
    pub ctx: Ctx,
    /// Whether the whole form is drawn: the first render draws the contract
    /// and the results alone, the rest once the browser has shown them (the
    /// loader calls `Widget::complete`). Not part of the context, so that
    /// completing the form neither recalculates nor announces the result
    /// again.
    pub complete: bool,
}

/// Provides the context to the calculator.
#[component]
pub fn App(p: &AppProps) -> Html {
    html! {
        <ContextProvider<Ctx> context={p.ctx.clone()}>
            <Calculator complete={p.complete} />
        </ContextProvider<Ctx>>
    }
}

/// The form a fresh start has: next year as the start year, a staff line
/// and a supplier line ready to fill in.
pub fn blank_form(ctx: &Ctx) -> Form {
    Form {
        start_year: (ctx.today.year + 1).to_string(),
        staff: vec![Default::default()],
        suppliers: vec![Default::default()],
        ..Form::default()
    }
}

fn framework_stamp(ctx: &Ctx) -> String {
    format!("{}@{}", ctx.setup.framework.id, ctx.setup.framework.version)
}

/// Props of [`Calculator`].
#[derive(Properties, PartialEq, Clone)]
struct CalculatorProps {
    /// See [`AppProps::complete`].
    complete: bool,
}

/// The calculator itself.
#[component]
fn Calculator(p: &CalculatorProps) -> Html {
    let ctx = use_context::<Ctx>();
    let Some(ctx) = ctx else { return html! {} };
    let blank = blank_form(&ctx);
    let stamp = framework_stamp(&ctx);
    let state = {
        let (ctx, blank, stamp) = (ctx.clone(), blank.clone(), stamp.clone());
        use_reducer(move || match restore(&ctx.draft_key, &stamp) {
            Restored::Draft(form) => State {
                form: *form,
                notice: Some(Notice {
                    text: ctx.messages.draft_restored().into(),
                    problem: false,
                }),
                // A restored draft shows what is wrong with what it holds.
                reveal: Reveal::Filled,
                ..State::default()
            },
            Restored::Unreadable => State {
                form: blank,
                notice: Some(Notice {
                    text: ctx.messages.draft_unreadable().into(),
                    problem: true,
                }),
                ..State::default()
            },
            Restored::Nothing => State {
                form: blank,
                ..State::default()
            },
        })
    };
    let elsewhere = {
        let (d, text) = (state.dispatcher(), ctx.messages.draft_elsewhere());
        Callback::from(move |()| {
            d.dispatch(Action::Notify(Notice {
                text: text.into(),
                problem: false,
            }));
        })
    };
    use_draft(&ctx.draft_key, &stamp, &state.form, &blank, elsewhere);
    use_link(&ctx, &state.dispatcher(), state.form != blank);
    // Effects run once the DOM is updated: this marks the first render.
    use_effect_with((), |()| crate::browser::mark("socval:first-render"));
    // Drawn in two stages: the contract and the results first, the
    // commitments, spend, self-assessment and tools once the browser has
    // shown them (see `AppProps::complete`).
    let complete = p.complete;
    let outcome = use_outcome(&ctx, &state.form);
    let m = ctx.messages;
    let cfg = &ctx.setup.config;
    let dispatch = state.dispatcher();
    let years = crate::form::number(&state.form.duration)
        .filter(|d| d.micros() > 0 && d.micros() <= 50_000_000)
        .map_or(1, |d| usize::try_from(d.ceil_int()).unwrap_or(1));
    let start_year = state.form.start_year.trim().parse::<i32>().ok();
    let errors = state.visible(&outcome.errors);
    // Errors are read out by the error summary's alert; this region
    // announces results alone.
    let announcement = match (&outcome.shown, errors.is_empty()) {
        (Some(s), true) => m.announce(
            &s.figures.ratio.value.to_string(),
            &s.figures.ratio.percent.to_string(),
            // No LM3 to announce before any spend is entered.
            &if s.figures.lm3.total_spend.pence() > 0 {
                socval_core::lm3::shown(s.figures.lm3.lm3)
            } else {
                String::new()
            },
            &s.figures.score.score_percent.to_string(),
        ),
        _ => String::new(),
    };
    // Leaving an input (by tab, click or a link) lets its errors show.
    let onfocusout = {
        let d = dispatch.clone();
        Callback::from(move |e: FocusEvent| {
            let id = e.target_unchecked_into::<web_sys::Element>().id();
            if !id.is_empty() {
                d.dispatch(Action::Leave(id));
            }
        })
    };
    let undo = {
        let d = dispatch.clone();
        Callback::from(move |_| {
            d.dispatch(Action::Undo(Notice {
                text: m.undone().into(),
                problem: false,
            }));
        })
    };
    let to_results = {
        let host = ctx.host.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            crate::context::focus(&host, "results-heading");
        })
    };
    // Announce once typing pauses, not on every keystroke.
    let announcement = use_debounced(announcement, ANNOUNCE_AFTER_MS);
    html! {
        <div class="socval" lang={m.lang()}>
            <header class="header">
                if ctx.titled { { ctx.heading(0, "heading-l", None, false, format!("{}: {}", cfg.council.name, m.title())) } }
                if !cfg.council.intro.is_empty() { <p class="body">{ cfg.council.intro.clone() }</p> }
                <p class="inset">{ m.privacy() }</p>
                if !cfg.council.contact.is_empty() { <p class="hint">{ m.contact(&cfg.council.contact) }</p> }
            </header>
            if let Some(n) = &state.notice {
                <div class="notice" data-problem={n.problem.then_some("")} role="status">
                    { n.text.clone() }
                    // Offered until the user starts on the fresh form.
                    if state.undo.as_ref().is_some_and(|u| *u.after == state.form) {
                        { " " }<button type="button" class="button button--secondary" onclick={undo}>{ m.undo() }</button>
                    }
                </div>
            }
            // Where the results come below the form (a narrow page), a way
            // straight to them.
            <p class="to-results"><a href="#results-heading" onclick={to_results}>{ m.see_results() }</a></p>
            <ErrorSummary errors={errors.clone()} />
            <div class="layout">
                <form class="inputs" novalidate=true {onfocusout} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <ContractSection form={state.form.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
                    if complete {
                    <CommitmentsSection commitments={state.form.commitments.clone()} more={state.form.more.clone()} start_year={start_year} search={state.search.clone()} errors={errors.clone()} years={years} dispatch={dispatch.clone()} />
                    <SpendSection staff={state.form.staff.clone()} suppliers={state.form.suppliers.clone()} staff_total={state.form.staff_total.clone()} suppliers_total={state.form.suppliers_total.clone()} shown={outcome.shown.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
                    <SelfAssessment scores={state.form.self_scores.clone()} errors={errors.clone()} dispatch={dispatch.clone()} />
                    }
                </form>
                <Results outcome={outcome.clone()} />
                // After the results, so that a narrow page reaches them
                // first; beside the form, under it, on a wide one.
                if complete {
                    <Tools form={state.form.clone()} outcome={outcome.clone()} blank={blank.clone()} dispatch={dispatch.clone()} />
                }
            </div>
            // The summary to attach to a bid: printed instead of the page,
            // never shown on screen (drawn by the lazy module); not while the
            // form has problems, when it would describe an earlier proposal.
            if let Some(node) = outcome.working.as_ref().filter(|_| !outcome.stale).and_then(|w| w.node("summary")) {
                <div class="print-summary">{ Html::VRef(node) }</div>
            }
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">{ announcement }</div>
            // Said at once, apart from the results, which follow a second later.
            <div class="visually-hidden" role="status" data-said=""><span key={state.said.0}>{ state.said.1.clone() }</span></div>
        </div>
    }
}
