//! Live results: recalculated right after each change. A recalculation takes
//! a few milliseconds even with the CPU slowed 4× (see the benchmark), so
//! results follow typing without a debounce; the timeout only lets a burst
//! of changes in one task (a pasted form, an import) coalesce into one run.
//! The full report for the `socval-result` event is made in a task after
//! that, once the panel shows the new figures.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use socval_core::Report;
use yew::prelude::*;

use crate::browser;
use crate::calc::{self, Outcome};
use crate::context::Ctx;
use crate::form::Form;

/// Delay before recalculating, in milliseconds: zero, i.e. the next task.
pub const COALESCE_MS: u32 = 0;

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
    let announced: Rc<RefCell<Option<Report>>> = use_mut_ref(|| None);
    {
        let (outcome, ctx, pending) = (outcome.clone(), ctx.clone(), pending.clone());
        let (announcing, announced) = (announcing.clone(), announced.clone());
        use_effect_with(form.clone(), move |form| {
            let form = form.clone();
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
                    let (ctx, announced) = (ctx.clone(), announced.clone());
                    // Replacing it cancels an announcement not yet made.
                    *announcing.borrow_mut() = Some(Timeout::new(0, move || {
                        let report =
                            calc::report(&shown, &ctx.setup, ctx.outcodes.as_deref(), ctx.today);
                        let mut last = announced.borrow_mut();
                        if let (Some(r), true) = (&report, *last != report) {
                            browser::announce_result(&ctx.host, r);
                            *last = report;
                        }
                    }));
                }
                outcome.set(next);
            }));
        });
    }
    (*outcome).clone()
}
