//! Live results: recalculated a moment after the supplier stops typing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::browser;
use crate::calc::{self, Outcome};
use crate::context::Ctx;
use crate::form::Form;

/// How long typing must pause before results update, in milliseconds: long
/// enough not to recalculate on every keystroke, short enough to feel live.
pub const DEBOUNCE_MS: u32 = 150;

/// The outcome of `form`, recalculated after each pause in typing.
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
    {
        let (outcome, ctx, pending) = (outcome.clone(), ctx.clone(), pending.clone());
        use_effect_with(form.clone(), move |form| {
            let form = form.clone();
            let previous = (*outcome).clone();
            // Replacing the pending timeout drops, and so cancels, the old one.
            *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
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
                if let (Some(r), false) = (&next.report, next.stale) {
                    if previous.report.as_ref() != Some(r) {
                        browser::announce_result(&ctx.host, r);
                    }
                }
                outcome.set(next);
            }));
        });
    }
    (*outcome).clone()
}
