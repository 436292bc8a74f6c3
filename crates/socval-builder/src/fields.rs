//! GOV.UK Design System form controls bound to a field of the configuration
//! by its path: each shows what was typed, and the core's message for that
//! field when there is one.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::{Action, Model};
use crate::doc::{self, Problem};

/// What every control reads: the model and where to send changes.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    /// The configuration, what was typed and the core's problems.
    pub model: Rc<Model>,
    /// Where changes go.
    pub send: Callback<Action>,
}

/// How a control's text becomes the field's value.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    /// Text as typed; left out when empty.
    Text,
    /// A number (text the core names when it is not one); left out when empty.
    Number,
    /// A list of codes separated by commas or spaces.
    List,
}

/// Props of [`Input`].
#[derive(Properties, PartialEq, Clone)]
pub struct InputProps {
    /// The field's path in the configuration.
    pub path: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// A hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// How the text is read.
    #[prop_or(Kind::Text)]
    pub kind: Kind,
    /// A narrower input (`4`, `10`, `20` characters), as GOV.UK's width classes.
    #[prop_or_default]
    pub width: Option<&'static str>,
    /// A multi-line text.
    #[prop_or_default]
    pub long: bool,
    /// The language of what is typed, where it is not the page's (`cy`),
    /// so that spelling and screen readers follow it.
    #[prop_or_default]
    pub lang: Option<&'static str>,
}

/// The core's message for `path`, if any: its own, or its object's saying
/// that it is missing.
fn error_of(model: &Model, path: &str) -> Option<String> {
    model.problems.iter().find_map(|p| {
        let (target, message) = resolved(p);
        // A list typed as text shows its items' problems.
        let item = target
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('['));
        (target == path || item).then_some(message)
    })
}

/// Where a problem belongs and what it says: serde's "missing field `x`"
/// on an object belongs to the object's field `x`, and says it is required.
fn resolved(p: &Problem) -> (String, String) {
    let missing = p
        .message
        .strip_prefix("missing field `")
        .and_then(|f| f.strip_suffix('`'));
    match missing {
        Some(field) if p.path.is_empty() => (field.to_string(), REQUIRED.to_string()),
        Some(field) => (format!("{}.{field}", p.path), REQUIRED.to_string()),
        None => (p.path.clone(), p.message.clone()),
    }
}

/// What a missing field's control says.
const REQUIRED: &str = "must be given";

/// A problem as the list of problems shows it: the path of the control it
/// belongs to, that control's name and the message.
pub fn named(p: &Problem, doc: &serde_json::Value) -> (String, String, String) {
    let (target, message) = resolved(p);
    let label = if target.is_empty() {
        "The whole file".to_string()
    } else {
        label_of(&target, doc)
    };
    (target, label, message)
}

/// The label, hint and error message of a control, as GOV.UK's form group.
fn group(
    id: &str,
    label: &str,
    hint: Option<&AttrValue>,
    error: Option<&String>,
    control: Html,
) -> Html {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    html! {
        <div class={classes!("form-group", error.is_some().then_some("form-group--error"))}>
            <label class="label" for={id.to_string()}>{ label }</label>
            if let Some(h) = hint { <div class="hint" id={hint_id}>{ h.clone() }</div> }
            if let Some(e) = error {
                <p class="error-message" id={error_id}><span class="visually-hidden">{ "Error: " }</span>{ e.clone() }</p>
            }
            { control }
        </div>
    }
}

fn described(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [
        error.then(|| format!("{id}-error")),
        hint.then(|| format!("{id}-hint")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A text input (or text area) for one field.
#[component]
pub fn Input(p: &InputProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let path = p.path.to_string();
    let id = doc::id(&path);
    let m = &ctx.model;
    let value = m.raw.get(&path).cloned().unwrap_or_else(|| match p.kind {
        Kind::List => doc::list_text(&m.doc, &path),
        _ => doc::text(&m.doc, &path),
    });
    let error = error_of(m, &path);
    let kind = p.kind;
    let send = ctx.send.clone();
    let at = path.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let Some(el) = e.target_dyn_into::<HtmlInputElement>() else {
            return;
        };
        send.emit(Action::Typed(at.clone(), el.value(), kind));
    });
    let send = ctx.send.clone();
    let at = path.clone();
    let onarea = Callback::from(move |e: InputEvent| {
        let Some(el) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
            return;
        };
        send.emit(Action::Typed(at.clone(), el.value(), kind));
    });
    let describedby = described(&id, p.hint.is_some(), error.is_some());
    let class = classes!(
        if p.long { "textarea" } else { "input" },
        p.width.map(|w| format!("input--width-{w}")),
        error.is_some().then_some(if p.long {
            "textarea--error"
        } else {
            "input--error"
        }),
    );
    let invalid = error.is_some().then_some("true");
    let inputmode = (kind == Kind::Number).then_some("decimal");
    let control = if p.long {
        html! { <textarea {class} id={id.clone()} rows="3" lang={p.lang} aria-describedby={describedby} aria-invalid={invalid} oninput={onarea} value={value} /> }
    } else {
        html! { <input {class} id={id.clone()} type="text" lang={p.lang} spellcheck={if p.lang.is_some() { "true" } else { "false" }} autocomplete="off" {inputmode} aria-describedby={describedby} aria-invalid={invalid} {oninput} value={value} /> }
    };
    group(&id, &p.label, p.hint.as_ref(), error.as_ref(), control)
}

/// Props of [`Select`].
#[derive(Properties, PartialEq, Clone)]
pub struct SelectProps {
    /// The field's path.
    pub path: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// A hint.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The choices: the value written (empty: the field left out, Socval's
    /// default) and its words.
    pub options: Vec<(&'static str, &'static str)>,
}

/// A select for a field that takes one of a few names.
#[component]
pub fn Select(p: &SelectProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let path = p.path.to_string();
    let id = doc::id(&path);
    let current = doc::text(&ctx.model.doc, &path);
    let error = error_of(&ctx.model, &path);
    let send = ctx.send.clone();
    let at = path.clone();
    let onchange = Callback::from(move |e: Event| {
        let Some(el) = e.target_dyn_into::<HtmlSelectElement>() else {
            return;
        };
        let v = el.value();
        send.emit(Action::Set(at.clone(), (!v.is_empty()).then(|| v.into())));
    });
    let describedby = described(&id, p.hint.is_some(), error.is_some());
    let control = html! {
        <select class="select" id={id.clone()} aria-describedby={describedby} aria-invalid={error.is_some().then_some("true")} {onchange}>
            { for p.options.iter().map(|(v, words)| html! {
                <option value={*v} selected={current == *v}>{ *words }</option>
            }) }
        </select>
    };
    group(&id, &p.label, p.hint.as_ref(), error.as_ref(), control)
}

/// Props of [`Check`].
#[derive(Properties, PartialEq, Clone)]
pub struct CheckProps {
    /// Its id.
    pub id: AttrValue,
    /// Its words.
    pub label: AttrValue,
    /// Whether it is ticked.
    pub checked: bool,
    /// Called with the new state.
    pub onchange: Callback<bool>,
    /// A hint beside it.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A GOV.UK checkbox.
#[component]
pub fn Check(p: &CheckProps) -> Html {
    let cb = p.onchange.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
            cb.emit(el.checked());
        }
    });
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class="checkbox">
            <input type="checkbox" id={p.id.clone()} checked={p.checked} {onchange}
                aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())} />
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            if let Some(h) = &p.hint { <div class="hint" id={hint_id}>{ h.clone() }</div> }
        </div>
    }
}

/// A field's name as the page shows it, for the list of problems: the
/// label of its control, with the area, band or criterion it belongs to.
pub fn label_of(path: &str, doc: &serde_json::Value) -> String {
    const LABELS: &[(&str, &str)] = &[
        ("council.name", "Council name"),
        ("council.contact", "Who suppliers contact"),
        ("council.policy_url", "Your social value policy page"),
        ("council.intro", "A sentence above the calculator"),
        ("name", "Its name"),
        ("postcode_areas", "Postcode areas"),
        ("outward_codes", "Outward codes"),
        ("districts", "Local authority districts"),
        ("radius.miles", "Distance, miles"),
        ("radius.centre", "From this postcode or outward code"),
        (
            "radius.centre.postcode",
            "From this postcode or outward code",
        ),
        ("target_ratio_percent", "Target social value"),
        ("min_contract_value", "Smallest contract value you score"),
        ("scoring.weighting_percent", "Weighting of social value"),
        (
            "scoring.basis",
            "Which social value the ratio and the score use",
        ),
        ("scoring.method", "How a bid's social value becomes a score"),
        (
            "scoring.method.benchmark_ratio_percent",
            "Full marks at this social value ratio",
        ),
        (
            "scoring.method.benchmark_value",
            "Or full marks at this social value",
        ),
        ("min_ratio_percent", "From this ratio"),
        ("score_percent", "Score"),
        ("label", "Its name"),
        ("id", "A short id"),
        ("title", "The criterion"),
        ("weight", "Its weight"),
        ("discounting.rate_percent", "Discount rate"),
        ("measures", "Measures offered"),
        ("theme_priorities", "How much each theme matters"),
        ("required_themes", "Themes every bid must commit in"),
        ("low_percent", "Low"),
        ("central_percent", "Central"),
        ("high_percent", "High"),
        ("source", "Where these rates come from"),
        ("proxy", "Its own value"),
        ("proxy.value", "Its own value, pounds per unit"),
        ("proxy.source", "Its own value's source"),
        ("proxy.source.title", "Source: the publication"),
        ("proxy.source.publisher", "Source: who published it"),
        ("proxy.source.url", "Source: where to read it"),
        ("proxy.source.price_year", "Source: the year of its prices"),
        (
            "proxy.source.licence",
            "Source: the licence it is used under",
        ),
        ("proxy.source.note", "Source: how the value was derived"),
        ("adjustments.deadweight_percent", "Deadweight"),
        ("adjustments.displacement_percent", "Displacement"),
        ("adjustments.attribution_percent", "Attribution"),
        ("adjustments.drop_off_percent", "Drop-off"),
        ("adjustments.benefit_years", "Years the outcome lasts"),
        ("from_year", "From contracts starting in"),
        ("ratio_percent", "Target"),
        ("translations.cy.council.name", "Welsh: the council's name"),
        (
            "translations.cy.council.contact",
            "Welsh: who suppliers contact",
        ),
        (
            "translations.cy.council.intro",
            "Welsh: the sentence above the calculator",
        ),
        ("translations.cy.local_area", "Welsh: the local area's name"),
        ("delivery.green_percent", "Delivery: green at or above"),
        ("delivery.amber_percent", "Delivery: amber at or above"),
    ];
    // An item of a list typed as text (`districts[1]`) is named by its list.
    let find = |p: &str| {
        let list = p
            .strip_suffix(']')
            .and_then(|q| q.rsplit_once('['))
            .map(|(l, _)| l);
        LABELS
            .iter()
            .find(|(k, _)| *k == p || list == Some(*k))
            .map(|(_, v)| (*v).to_string())
    };
    let within = |prefix: &str, whole: &str| {
        let rest = path.strip_prefix(prefix)?;
        let (n, field) = rest.split_once(']').unwrap_or((rest, ""));
        let n: usize = n.parse().ok()?;
        let field = field.trim_start_matches('.');
        Some(match find(field) {
            Some(label) => format!("{whole} {}: {label}", n + 1),
            None if field.is_empty() => format!("{whole} {}", n + 1),
            None => format!("{whole} {}: {field}", n + 1),
        })
    };
    if let Some(l) = find(path) {
        return l;
    }
    if let Some(rest) = path.strip_prefix("local_area") {
        let field = rest.trim_start_matches('.');
        return find(field).map_or_else(
            || "What counts as local".to_string(),
            |l| format!("Local area: {l}"),
        );
    }
    if let Some(rest) = path.strip_prefix("lm3.staff_respend") {
        return find(rest.trim_start_matches('.')).map_or_else(
            || "Local staff's re-spend".to_string(),
            |l| format!("Local staff's re-spend: {l}"),
        );
    }
    if let Some(rest) = path.strip_prefix("lm3.supplier_respend") {
        return find(rest.trim_start_matches('.')).map_or_else(
            || "Local suppliers' re-spend".to_string(),
            |l| format!("Local suppliers' re-spend: {l}"),
        );
    }
    if let Some(rest) = path.strip_prefix("measures[") {
        // A measure by its id, which stays when others are ticked or not.
        let (n, field) = rest.split_once(']').unwrap_or((rest, ""));
        let id = n
            .parse::<usize>()
            .ok()
            .and_then(|i| doc.get("measures")?.get(i)?.get("id")?.as_str())
            .unwrap_or("?");
        let field = field.trim_start_matches('.');
        return match find(field) {
            Some(label) => format!("Measure {id}: {label}"),
            None if field.is_empty() => format!("Measure {id}"),
            None => format!("Measure {id}: {field}"),
        };
    }
    within("priority_areas[", "Priority area")
        .or_else(|| within("scoring.method.bands[", "Band"))
        .or_else(|| within("scoring.method.criteria[", "Criterion"))
        .or_else(|| within("target_steps[", "Target step"))
        .or_else(|| within("required_themes[", "Required theme"))
        .or_else(|| within("translations.cy.priority_areas[", "Welsh: priority area"))
        .or_else(|| within("translations.cy.bands[", "Welsh: band"))
        .or_else(|| {
            let id = path
                .strip_prefix("translations.cy.criteria.")?
                .strip_suffix(".title")?;
            Some(format!("Welsh: criterion {id}"))
        })
        .or_else(|| within("theme_priorities[", "Theme priority"))
        .unwrap_or_else(|| path.to_string())
}
