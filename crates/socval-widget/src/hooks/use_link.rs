//! Opening a proposal from a link: a page whose address ends in
//! `#socval=p1.…` (made by "Copy a link to this proposal") opens that
//! proposal once the calculator is up. The link is read by the lazy module
//! with every limit checked (`socval-link`), then by the same rules as a
//! file; what was in the form before is kept for an undo, so nothing typed
//! is lost, and a link that cannot be opened says why and changes nothing.

use yew::prelude::*;

use crate::context::Ctx;
use crate::state::{Action, Notice, State};

/// Opens the link in the page's address, if there is one, once.
///
/// # Arguments
/// * `ctx`: the lazy module's door and the text catalogue.
/// * `dispatch`: where the opened form goes.
/// * `had_answers`: whether the form held anything (a restored draft) that
///   the undo should bring back.
///
/// # Example
/// ```ignore
/// use_link(&ctx, &state.dispatcher(), state.form != blank);
/// ```
#[hook]
pub fn use_link(ctx: &Ctx, dispatch: &UseReducerDispatcher<State>, had_answers: bool) {
    let (ctx, d) = (ctx.clone(), dispatch.clone());
    use_effect_with((), move |()| {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        if !crate::components::commitments::has(&hash, "socval=") {
            return;
        }
        let Some(promise) = ctx.lazy_text("openLink", &hash) else {
            return;
        };
        let m = ctx.messages;
        open_into(
            promise,
            d,
            m.link_opened(),
            crate::messages::Messages::link_failed,
            m,
            had_answers,
        );
    });
}

/// Puts the form a lazy call opens (a file, a link) into the calculator,
/// keeping what was there for an undo when `had_answers`, with a notice; or
/// says why it could not be opened (`fail`), changing nothing.
pub fn open_into(
    promise: js_sys::Promise,
    d: UseReducerDispatcher<State>,
    ok: &'static str,
    fail: fn(&crate::messages::Messages, &str) -> String,
    m: &'static crate::messages::Messages,
    had_answers: bool,
) {
    yew::platform::spawn_local(async move {
        let opened = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|e| e.as_string().unwrap_or_default())
            .and_then(|v| {
                crate::form_js::from_js(&v).ok_or_else(|| m.form_unreadable().to_string())
            });
        d.dispatch(match opened {
            Ok(f) => {
                let notice = Notice {
                    text: ok.into(),
                    problem: false,
                };
                Action::Open(Box::new(f), notice, had_answers)
            }
            Err(why) => Action::Notify(Notice {
                text: fail(m, &why),
                problem: true,
            }),
        });
    });
}
