//! The contract: value, length, start year, postcode.

use yew::prelude::*;

use super::field::TextField;
use crate::context::Ctx;
use crate::form::{FieldError, Form, ids};
use crate::state::{Action, ContractField, State};

/// Props of [`ContractSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct ContractProps {
    /// The form.
    pub form: Form,
    /// Current errors.
    pub errors: Vec<FieldError>,
    /// Sends actions.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The first message for an input, if any.
pub fn error_for(errors: &[FieldError], id: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == id)
        .map(|e| e.message.clone())
}

/// The contract fields.
#[component]
pub fn ContractSection(p: &ContractProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    let m = ctx.messages;
    let set = |field: ContractField| {
        let d = p.dispatch.clone();
        Callback::from(move |v: String| d.dispatch(Action::Contract(field, v)))
    };
    html! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{ ctx.section(1, "heading-m", None, m.contract_heading()) }</legend>
            <TextField id={ids::VALUE} label={m.contract_value()} hint={m.contract_value_hint()} value={p.form.value.clone()} error={error_for(&p.errors, ids::VALUE)} oninput={set(ContractField::Value)} inputmode="decimal" width="10" prefix="£" />
            <TextField id={ids::DURATION} label={m.duration()} hint={m.duration_hint()} value={p.form.duration.clone()} error={error_for(&p.errors, ids::DURATION)} oninput={set(ContractField::Duration)} inputmode="decimal" width="4" />
            <TextField id={ids::START} label={m.start_year()} value={p.form.start_year.clone()} error={error_for(&p.errors, ids::START)} oninput={set(ContractField::StartYear)} inputmode="numeric" width="4" />
            <TextField id={ids::POSTCODE} label={m.supplier_postcode()} hint={m.postcode_hint()} value={p.form.supplier_postcode.clone()} error={error_for(&p.errors, ids::POSTCODE)} oninput={set(ContractField::Postcode)} width="10" autocomplete="postal-code" />
            <TextField id={ids::BIDDER} label={m.bidder()} hint={m.bidder_hint()} value={p.form.bidder.clone()} error={error_for(&p.errors, ids::BIDDER)} oninput={set(ContractField::Bidder)} autocomplete="organization" />
        </fieldset>
    }
}
