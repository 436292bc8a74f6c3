//! GOV.UK Design System form fields: label, hint, error message, input.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`TextField`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// Input id (also the error summary's link target).
    pub id: AttrValue,
    /// Label text.
    pub label: AttrValue,
    /// Hint text.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The value, exactly as typed.
    pub value: AttrValue,
    /// The error for this field.
    #[prop_or_default]
    pub error: Option<String>,
    /// Called with the new text on every keystroke.
    pub oninput: Callback<String>,
    /// `numeric`, `decimal`, `text`.
    #[prop_or(AttrValue::Static("text"))]
    pub inputmode: AttrValue,
    /// Width in characters (`4`, `5`, `10`, `20`), as `data-width`: a
    /// class made at run time would pull Yew's class-list code into the
    /// first module, and an error is marked by `aria-invalid` already.
    #[prop_or_default]
    pub width: Option<AttrValue>,
    /// Autocomplete token.
    #[prop_or(AttrValue::Static("off"))]
    pub autocomplete: AttrValue,
    /// Text shown before the input (e.g. £).
    #[prop_or_default]
    pub prefix: Option<AttrValue>,
}

/// A labelled text input with hint and error, as GOV.UK's text input pattern.
#[component]
pub fn TextField(p: &TextFieldProps) -> Html {
    // Said before an error by a screen reader, in the widget's language.
    let said = use_context::<crate::context::Ctx>()
        .map_or(crate::messages::english().error_prefix(), |c| {
            c.messages.error_prefix()
        });
    let hint_id = format!("{}-hint", p.id);
    let error_id = format!("{}-error", p.id);
    // Written out, not joined: the only join of owned strings in the first
    // module would cost its own copy of `join`.
    let described = match (p.hint.is_some(), p.error.is_some()) {
        (true, true) => Some(format!("{hint_id} {error_id}")),
        (true, false) => Some(hint_id.clone()),
        (false, true) => Some(error_id.clone()),
        (false, false) => None,
    };
    let oninput = {
        let cb = p.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let input = html! {
        <input
            class="input"
            data-width={p.width.clone()}
            id={p.id.clone()}
            type="text"
            spellcheck="false"
            inputmode={p.inputmode.clone()}
            autocomplete={p.autocomplete.clone()}
            value={p.value.clone()}
            aria-describedby={described}
            aria-invalid={p.error.is_some().then_some("true")}
            {oninput}
        />
    };
    html! {
        <div class="form-group" data-error={p.error.is_some().then_some("")}>
            <label class="label" for={p.id.clone()}>{ p.label.clone() }</label>
            if let Some(h) = &p.hint { <div class="hint" id={hint_id}>{ h.clone() }</div> }
            if let Some(e) = &p.error {
                <p class="error-message" id={error_id}><span class="visually-hidden">{ said }{ " " }</span>{ e.clone() }</p>
            }
            if let Some(prefix) = &p.prefix {
                <div class="input-wrapper"><div class="input-prefix" aria-hidden="true">{ prefix.clone() }</div>{ input }</div>
            } else {
                { input }
            }
        </div>
    }
}

/// Props of [`Checkbox`].
#[derive(Properties, PartialEq, Clone)]
pub struct CheckboxProps {
    /// Input id.
    pub id: AttrValue,
    /// Label text.
    pub label: AttrValue,
    /// Whether it is ticked.
    pub checked: bool,
    /// Called with the new state.
    pub onchange: Callback<bool>,
}

/// A single GOV.UK-style checkbox.
#[component]
pub fn Checkbox(p: &CheckboxProps) -> Html {
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked());
        })
    };
    html! {
        <div class="checkbox">
            <input class="checkbox-input" id={p.id.clone()} type="checkbox" checked={p.checked} {onchange} />
            <label class="checkbox-label" for={p.id.clone()}>{ p.label.clone() }</label>
        </div>
    }
}
