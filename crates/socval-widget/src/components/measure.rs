//! One measure: its quantity (or year-by-year quantities), attribution,
//! note, and on demand how it is valued.

use yew::prelude::*;

use super::contract::error_for;
use super::field::{Checkbox, TextField};
use crate::context::Ctx;
use crate::form::{CommitmentForm, FieldError, ids};
use crate::state::{Action, CommitmentField, State};

/// Props of [`MeasureEntry`].
#[derive(Properties, PartialEq, Clone)]
pub struct MeasureProps {
    /// The measure id.
    pub measure: AttrValue,
    /// What was entered for it.
    pub entry: CommitmentForm,
    /// Current errors.
    pub errors: Vec<FieldError>,
    /// Contract years.
    pub years: usize,
    /// The first contract year, when known.
    pub start_year: Option<i32>,
    /// Sends actions.
    pub dispatch: UseReducerDispatcher<State>,
}

/// One measure's inputs.
#[component]
pub fn MeasureEntry(p: &MeasureProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    let Some(measure) = ctx.setup.measure(&p.measure) else {
        return html! {};
    };
    let m = ctx.messages;
    let id = measure.id.as_str();
    let send = |make: fn(String) -> CommitmentField| {
        let (d, id) = (p.dispatch.clone(), measure.id.clone());
        Callback::from(move |v: String| d.dispatch(Action::Commitment(id.clone(), make(v))))
    };
    let toggle = |make: fn(bool) -> CommitmentField| {
        let (d, id) = (p.dispatch.clone(), measure.id.clone());
        Callback::from(move |b: bool| d.dispatch(Action::Commitment(id.clone(), make(b))))
    };
    let unit = measure.unit.label(false);
    let hint = format!("{} {}", measure.help, (m.measure_unit)(unit));
    // The value as used, where the source's price year is not the framework's.
    let converted = measure
        .proxy
        .as_ref()
        .filter(|p| p.source.price_year != ctx.setup.framework.price_year)
        .and_then(|_| ctx.setup.value(ctx.setup.measure_index(id)?));
    // A value that follows a published series takes each year's figure.
    let by_year = measure
        .proxy
        .as_ref()
        .is_some_and(|p| p.growth == Some(socval_core::growth::Growth::CarbonDesnz2023));
    let value_details = match &measure.proxy {
        Some(proxy) => {
            let s = &proxy.source;
            html! {
                <details class="details">
                    <summary class="details__summary">{ m.proxy_details }</summary>
                    <div class="details__text">
                        <p>{ (m.proxy_value)(&socval_core::Money::from_decimal(proxy.value).to_string(), measure.unit.label(true)) }</p>
                        if by_year {
                            <p>{ (m.proxy_by_year)(ctx.setup.framework.price_year) }</p>
                        } else if let Some(v) = converted {
                            <p>{ (m.proxy_converted)(&socval_core::Money::from_decimal(v).to_string(), ctx.setup.framework.price_year) }</p>
                        }
                        <dl class="summary-list">
                            <div><dt>{ m.source }</dt><dd>
                                if s.url.is_empty() { { format!("{} ({})", s.title, s.publisher) } }
                                else { <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ format!("{} ({})", s.title, s.publisher) }</a> }
                            </dd></div>
                            <div><dt>{ m.price_year }</dt><dd>{ s.price_year }</dd></div>
                            <div><dt>{ m.licence }</dt><dd>{ s.licence.clone() }</dd></div>
                        </dl>
                        if !s.note.is_empty() { <p class="hint">{ s.note.clone() }</p> }
                    </div>
                </details>
            }
        }
        None => html! { <p class="hint record-only">{ m.record_only }</p> },
    };
    let years = if p.entry.by_year {
        html! {
            <div class="year-grid">
                { for (0..p.years).map(|y| {
                    let (d, mid) = (p.dispatch.clone(), measure.id.clone());
                    let yid = ids::year(id, y);
                    let label = (m.year_n)(y + 1, p.start_year.unwrap_or(0) + i32::try_from(y).unwrap_or(0));
                    html! {
                        <TextField id={yid.clone()} label={label} value={p.entry.years.get(y).cloned().unwrap_or_default()} error={error_for(&p.errors, &yid)}
                            oninput={Callback::from(move |v: String| d.dispatch(Action::Commitment(mid.clone(), CommitmentField::Year(y, v))))}
                            inputmode="decimal" width="width-5" />
                    }
                }) }
            </div>
        }
    } else {
        let qid = ids::quantity(id);
        html! {
            <>
                <TextField id={qid.clone()} label={measure.title.clone()} hint={hint.clone()} value={p.entry.quantity.clone()} error={error_for(&p.errors, &qid)} oninput={send(CommitmentField::Quantity)} inputmode="decimal" width="width-10" />
                // A measure counted once, in the first year, is never "each year".
                if !measure.first_year_only {
                    <Checkbox id={format!("m-{id}-per-year")} label={m.each_year} checked={p.entry.per_year} onchange={toggle(CommitmentField::PerYear)} />
                }
            </>
        }
    };
    let aid = ids::attribution(id);
    let sid = ids::shared_by(id);
    let pid = ids::delivered_at(id);
    let area = ctx.setup.config.local_area.name.clone();
    html! {
        <div class="measure" id={format!("measure-{id}")}>
            if p.entry.by_year {
                <h4 class="heading-s">{ measure.title.clone() }</h4>
                <p class="hint">{ hint }</p>
            }
            { years }
            <Checkbox id={format!("m-{id}-by-year")} label={m.year_by_year} checked={p.entry.by_year} onchange={toggle(CommitmentField::ByYear)} />
            if p.entry.is_used() {
                if measure.local_only {
                    <TextField id={pid.clone()} label={m.delivered_at} hint={(m.delivered_at_hint)(&area)} value={p.entry.postcode.clone()} error={error_for(&p.errors, &pid)} oninput={send(CommitmentField::Postcode)} width="width-10" />
                }
                <TextField id={aid.clone()} label={m.attribution} hint={m.attribution_hint} value={p.entry.attribution.clone()} error={error_for(&p.errors, &aid)} oninput={send(CommitmentField::Attribution)} inputmode="decimal" width="width-4" />
                <TextField id={sid.clone()} label={m.shared_by} hint={m.shared_by_hint} value={p.entry.shared_by.clone()} error={error_for(&p.errors, &sid)} oninput={send(CommitmentField::SharedBy)} inputmode="numeric" width="width-4" />
                <TextField id={format!("m-{id}-note")} label={m.note} value={p.entry.note.clone()} oninput={send(CommitmentField::Note)} />
            }
            { value_details }
        </div>
    }
}
