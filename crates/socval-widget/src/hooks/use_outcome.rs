//! Live results: recalculated right after each change. A recalculation takes
//! a few milliseconds even with the CPU slowed 4× (see the benchmark), so
//! results follow typing without a debounce; the timeout only lets a burst
//! of changes in one task (a pasted form, an import) coalesce into one run.
//! The full report for the `socval-result` event, and the working behind
//! each figure, are made after that, once the panel shows the new figures,
//! by the lazily loaded report module (the first module has no report code
//! and none of the working's words: see `crates/socval-report`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use socval_core::Proposal;
use yew::prelude::*;

use crate::browser;
use crate::calc::{self, Outcome, Working};
use crate::context::Ctx;
use crate::form::Form;

/// Delay before recalculating, in milliseconds: zero, i.e. the next task.
pub const COALESCE_MS: u32 = 0;

/// How long the figures must stay the same before the lazy module makes the
/// full report and the working (with "what it would take", which runs the
/// calculation again for each measure): none of that work is done while
/// the supplier is still typing, so typing stays as quick as the live
/// figures alone.
pub const EXPLAIN_AFTER_MS: u32 = 250;

/// The outcome of `form`, recalculated after each change.
///
/// # Arguments
/// * `ctx`: the council's setup and the host element (a new result is
///   dispatched on it as a `socval-result` event).
/// * `form`: the form as typed.
///
/// # Example
/// ```ignore
/// let outcome = use_outcome(&ctx, &state.form);
/// ```
#[hook]
pub fn use_outcome(ctx: &Ctx, form: &Form) -> Outcome {
    let outcome = use_state_eq(Outcome::default);
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let announcing: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let announced: Announced = use_mut_ref(|| None);
    let asked: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let working = use_state_eq(|| None::<Rc<Working>>);
    {
        let (outcome, pending) = (outcome.clone(), pending.clone());
        let (announcing, announced) = (announcing.clone(), announced.clone());
        let working = working.clone();
        // A new context (another language) words the outcome again.
        use_effect_with((form.clone(), ctx.clone()), move |(form, ctx)| {
            let (form, ctx) = (form.clone(), ctx.clone());
            let previous = (*outcome).clone();
            // Replacing the pending timeout drops, and so cancels, the old one.
            *pending.borrow_mut() = Some(Timeout::new(COALESCE_MS, move || {
                browser::mark("socval:calc-start");
                let next = calc::evaluate(
                    &form,
                    &ctx.setup,
                    ctx.outcodes.as_deref(),
                    ctx.today,
                    ctx.messages,
                    &previous,
                );
                browser::measure("socval:recalculate", "socval:calc-start");
                if let (Some(shown), false) = (next.shown.clone(), next.stale) {
                    let (ctx, announced, asked) = (ctx.clone(), announced.clone(), asked.clone());
                    let working = working.clone();
                    // Replacing it cancels an announcement not yet made.
                    *announcing.borrow_mut() = Some(Timeout::new(EXPLAIN_AFTER_MS, move || {
                        let to = Announce {
                            ctx,
                            announced,
                            asked,
                            working,
                        };
                        announce(&to, &shown);
                    }));
                }
                outcome.set(next);
            }));
        });
    }
    // The working is shown only beside the figures it explains.
    let shown = outcome.shown.as_ref().map(|s| &s.proposal);
    Outcome {
        working: (*working).clone().filter(|w| Some(&w.proposal) == shown),
        ..(*outcome).clone()
    }
}

/// The proposal last announced, and in which context.
type Announced = Rc<RefCell<Option<(Rc<Proposal>, Ctx)>>>;

/// Where a new result's report and working go.
struct Announce {
    ctx: Ctx,
    /// The proposal last announced, and in which context: another language
    /// asks for its working again, worded in it.
    announced: Announced,
    asked: Rc<RefCell<u64>>,
    working: UseStateHandle<Option<Rc<Working>>>,
}

/// Dispatches `socval-result` with the full report of `proposal`, and keeps
/// its working, unless it is the one last announced (whose working is still
/// held). Both come from one call to the lazy module; a reply that arrives
/// after a newer request was made is dropped, so events always follow the
/// form's order.
fn announce(to: &Announce, shown: &calc::Shown) {
    let proposal = shown.proposal.clone();
    // Every request counts, even one not sent: a reply still on its way for
    // another proposal is then dropped when it comes.
    let n = *to.asked.borrow() + 1;
    *to.asked.borrow_mut() = n;
    let same = |(p, c): &(Rc<Proposal>, Ctx)| *p == proposal && *c == to.ctx;
    if to.announced.borrow().as_ref().is_some_and(same) {
        return;
    }
    let Some(promise) = to.ctx.lazy("explain", &shown.form) else {
        return;
    };
    let (ctx, host) = (to.ctx.clone(), to.ctx.host.clone());
    let (announced, asked, working) = (to.announced.clone(), to.asked.clone(), to.working.clone());
    yew::platform::spawn_local(async move {
        let Ok(reply) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        if *asked.borrow() != n {
            return;
        }
        let get = |key: &str| js_sys::Reflect::get(&reply, &key.into()).unwrap_or_default();
        browser::dispatch(&host, "socval-result", &get("report"));
        working.set(Some(Rc::new(Working {
            proposal: proposal.clone(),
            nodes: get("working").into(),
        })));
        *announced.borrow_mut() = Some((proposal, ctx));
    });
}
