//! The GOV.UK error summary: every problem, each a link to its input.

use yew::prelude::*;

use crate::context::{Ctx, focus};
use crate::form::FieldError;

/// Props of [`ErrorSummary`].
#[derive(Properties, PartialEq, Clone)]
pub struct ErrorSummaryProps {
    /// The errors.
    pub errors: Vec<FieldError>,
}

/// Lists every error; a link moves focus to the input it is about.
#[component]
pub fn ErrorSummary(p: &ErrorSummaryProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    if p.errors.is_empty() {
        return html! {};
    }
    let items = p.errors.iter().map(|e| {
        if e.field.is_empty() {
            return html! { <li>{ e.message.clone() }</li> };
        }
        let onclick = {
            let (host, id) = (ctx.host.clone(), e.field.clone());
            Callback::from(move |ev: MouseEvent| {
                ev.prevent_default();
                focus(&host, &id);
            })
        };
        html! { <li><a href={format!("#{}", e.field)} {onclick}>{ e.message.clone() }</a></li> }
    });
    html! {
        // GOV.UK Frontend's markup: the alert inside, so that a screen reader
        // reads the title and the list when they appear or change.
        <div class="error-summary" id="error-summary" tabindex="-1">
            <div role="alert">
                { ctx.heading(0, "error-summary__title", None, false, ctx.messages.error_summary()) }
                <div class="error-summary__body">
                    <ul class="error-summary__list">{ for items }</ul>
                </div>
            </div>
        </div>
    }
}
