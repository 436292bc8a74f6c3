//! The target, the weighting and how a bid's social value becomes marks.

use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Action;
use crate::doc;
use crate::fields::{Ctx, Input, Kind, Select};

const METHODS: [(&str, &str, &str); 3] = [
    (
        "proportional",
        "In proportion to a benchmark",
        "Full marks at a social value ratio (or an amount) you set, and pro rata below it.",
    ),
    (
        "ratio_bands",
        "By bands of the social value ratio",
        "The highest band a bid's ratio reaches gives its score.",
    ),
    (
        "self_assessment",
        "The supplier scores itself against your award criteria",
        "The score is the weighted mean of its scores, 0 to 100, against each criterion.",
    ),
];

/// Target, weighting and method.
#[component]
pub fn Scoring() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let kind = doc::text(&ctx.model.doc, "scoring.method.kind");
    html! {
        <section aria-labelledby="scoring-heading" id={doc::id("scoring")}>
            <h2 id="scoring-heading" class="heading-m">{ "Target and scoring" }</h2>
            <Input path="target_ratio_percent" label="Target social value, percent of contract value (optional)" hint="Some councils hope for 10% or more. This is not the evaluation weighting." kind={Kind::Number} width="4" />
            <h3 class="heading-s">{ "A target that changes by year (optional)" }</h3>
            <p class="hint" id="target-steps-hint">{ "For contracts starting in or after a year you give, that year's target replaces the one above; the latest year that applies wins. For a policy that raises the target over time." }</p>
            { rows(&ctx, "target_steps", "Target step", &[("from_year", "From contracts starting in (a year)", Kind::Number), ("ratio_percent", "Target, percent of contract value", Kind::Number)],
                serde_json::json!({})) }
            <Input path="min_contract_value" label="Smallest contract value you score social value on, pounds (optional)" kind={Kind::Number} width="10" />
            <Input path="scoring.weighting_percent" label="Weighting of social value in the whole tender, percent" hint="PPN 002 sets at least 10% for central government." kind={Kind::Number} width="4" />
            <Select path="scoring.basis" label="Which social value the ratio and the score use" options={vec![("", "After adjustments (Socval's default)"), ("adjusted", "After adjustments"), ("present_value", "After adjustments, discounted to present value"), ("gross", "Gross: quantity × value")]} />
            <fieldset class="fieldset" id={doc::id("scoring.method")}>
                <legend class="fieldset__legend">{ "How a bid's social value becomes a score out of 100" }</legend>
                <div class="radios">
                    { for METHODS.iter().map(|(k, words, hint)| {
                        let send = ctx.send.clone();
                        let chosen = k.to_string();
                        let onchange = Callback::from(move |e: Event| {
                            if e.target_dyn_into::<HtmlInputElement>().is_some_and(|el| el.checked()) {
                                send.emit(Action::Method(chosen.clone()));
                            }
                        });
                        let id = doc::id(&format!("scoring.method.kind-{k}"));
                        let hint_id = format!("{id}-hint");
                        html! {
                            <div class="radio">
                                <input type="radio" name="method" id={id.clone()} value={*k} checked={kind == *k} {onchange} aria-describedby={hint_id.clone()} />
                                <label for={id}>{ *words }</label>
                                <div class="hint" id={hint_id}>{ *hint }</div>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            { method(&ctx, &kind) }
        </section>
    }
}

/// The chosen method's own settings.
fn method(ctx: &Ctx, kind: &str) -> Html {
    match kind {
        "proportional" => html! {
            <div class="conditional">
                <Input path="scoring.method.benchmark_ratio_percent" label="Full marks at this social value ratio, percent of contract value" hint="Give this or the amount below, not both." kind={Kind::Number} width="4" />
                <Input path="scoring.method.benchmark_value" label="Or full marks at this social value, pounds" kind={Kind::Number} width="10" />
            </div>
        },
        "ratio_bands" => rows(
            ctx,
            "scoring.method.bands",
            "Band",
            &[
                (
                    "min_ratio_percent",
                    "From this ratio, percent",
                    Kind::Number,
                ),
                ("score_percent", "Score, out of 100", Kind::Number),
                ("label", "Its name (optional)", Kind::Text),
            ],
            serde_json::json!({ "min_ratio_percent": 0, "score_percent": 0, "label": "" }),
        ),
        "self_assessment" => rows(
            ctx,
            "scoring.method.criteria",
            "Criterion",
            &[
                ("id", "A short id, letters and hyphens", Kind::Text),
                ("title", "The criterion, as suppliers read it", Kind::Text),
                ("weight", "Its weight", Kind::Number),
            ],
            serde_json::json!({ "id": "", "title": "", "weight": 1 }),
        ),
        _ => Html::default(),
    }
}

/// A list of like items (bands, criteria, target steps), each with its
/// fields and a button to remove it, and one to add another.
fn rows(
    ctx: &Ctx,
    path: &str,
    noun: &str,
    fields: &[(&str, &'static str, Kind)],
    fresh: Value,
) -> Html {
    let count = doc::get(&ctx.model.doc, path)
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let send = ctx.send.clone();
    let list = path.to_string();
    let add = Callback::from(move |_| send.emit(Action::Add(list.clone(), fresh.clone())));
    html! {
        <div class="conditional" id={doc::id(path)}>
            { for (0..count).map(|i| {
                let item = format!("{path}[{i}]");
                let send = ctx.send.clone();
                let gone = item.clone();
                let remove = Callback::from(move |_| send.emit(Action::Remove(gone.clone())));
                html! {
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend">{ format!("{noun} {}", i + 1) }</legend>
                        { for fields.iter().map(|(f, label, kind)| html! {
                            <Input path={format!("{item}.{f}")} label={*label} kind={*kind} width={(*kind == Kind::Number).then_some("4")} />
                        }) }
                        <button type="button" class="button button--secondary" onclick={remove}>{ format!("Remove {} {}", noun.to_lowercase(), i + 1) }</button>
                    </fieldset>
                }
            }) }
            <button type="button" class="button button--secondary" onclick={add}>{ format!("Add a {}", noun.to_lowercase()) }</button>
        </div>
    }
}
