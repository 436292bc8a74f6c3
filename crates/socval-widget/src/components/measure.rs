//! One measure: each of its commitment lines (quantity or year-by-year
//! quantities, where, shares, note), and on demand how it is valued.

use yew::prelude::*;

use super::contract::error_for;
use super::field::{Checkbox, TextField};
use crate::context::Ctx;
use crate::form::{CommitmentForm, FieldError, ids};
use crate::state::{Action, CommitmentField, Line, State};

/// Props of [`MeasureEntry`].
#[derive(Properties, PartialEq, Clone)]
pub struct MeasureProps {
    /// The measure id.
    pub measure: AttrValue,
    /// What was entered on its first line.
    pub entry: CommitmentForm,
    /// Its further lines, with their indexes in `Form::more`.
    pub more: Vec<(usize, CommitmentForm)>,
    /// Current errors.
    pub errors: Vec<FieldError>,
    /// Contract years.
    pub years: usize,
    /// The first contract year, when known.
    pub start_year: Option<i32>,
    /// Sends actions.
    pub dispatch: UseReducerDispatcher<State>,
}

/// One measure: its lines, a button for another, and how it is valued.
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
                    <summary class="details__summary">{ m.proxy_details() }</summary>
                    <div class="details__text">
                        <p>{ m.proxy_value(&socval_core::Money::from_decimal(proxy.value).to_string(), m.unit(measure.unit, true)) }</p>
                        if by_year {
                            <p>{ m.proxy_by_year(ctx.setup.framework.price_year) }</p>
                        } else if let Some(v) = converted {
                            <p>{ m.proxy_converted(&socval_core::Money::from_decimal(v).to_string(), ctx.setup.framework.price_year) }</p>
                        }
                        <dl class="summary-list">
                            <div><dt>{ m.source() }</dt><dd>
                                if s.url.is_empty() { { format!("{} ({})", s.title, s.publisher) } }
                                else { <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ format!("{} ({})", s.title, s.publisher) }</a> }
                            </dd></div>
                            <div><dt>{ m.price_year() }</dt><dd>{ s.price_year }</dd></div>
                            <div><dt>{ m.licence() }</dt><dd>{ s.licence.clone() }</dd></div>
                        </dl>
                        if !s.note.is_empty() { <p class="hint">{ s.note.clone() }</p> }
                    </div>
                </details>
            }
        }
        None => html! { <p class="hint record-only">{ m.record_only() }</p> },
    };
    let line = |line: Line, entry: &CommitmentForm, number: usize| {
        commitment_line(&ctx, measure, p, &line, entry, number)
    };
    let add = {
        let (d, id) = (p.dispatch.clone(), measure.id.clone());
        Callback::from(move |_| d.dispatch(Action::AddCommitment(id.clone())))
    };
    let main = ids::main(id);
    html! {
        <div class="measure" id={format!("measure-{id}")}>
            { line(Line::Main(measure.id.clone()), &p.entry, 1) }
            { for p.more.iter().enumerate().map(|(n, (i, c))| line(Line::More(*i), c, n + 2)) }
            if p.entry.is_used() || !p.more.is_empty() {
                <button type="button" class="button button--secondary" id={ids::line(&main, "add")} onclick={add}>{ m.add_line() }<span class="visually-hidden">{ format!(": {}", measure.title) }</span></button>
            }
            { value_details }
        </div>
    }
}

/// One commitment line of a measure: its quantity (or year-by-year
/// quantities), and once used, where, the shares and a note; a further line
/// can be removed. `number` counts the measure's lines from 1. A function,
/// not a component: a component's machinery costs the first module more
/// than the line's own markup.
fn commitment_line(
    ctx: &Ctx,
    measure: &socval_core::framework::Measure,
    p: &MeasureProps,
    line: &Line,
    entry: &CommitmentForm,
    number: usize,
) -> Html {
    let m = ctx.messages;
    let slot = match line {
        Line::Main(id) => ids::main(id),
        Line::More(i) => ids::more(*i),
    };
    let id = |field: &str| ids::line(&slot, field);
    let send = |make: fn(String) -> CommitmentField| {
        let (d, line) = (p.dispatch.clone(), line.clone());
        Callback::from(move |v: String| d.dispatch(Action::Commitment(line.clone(), make(v))))
    };
    let toggle = |make: fn(bool) -> CommitmentField| {
        let (d, line) = (p.dispatch.clone(), line.clone());
        Callback::from(move |b: bool| d.dispatch(Action::Commitment(line.clone(), make(b))))
    };
    let line_name = m.line_n(&measure.title, number);
    let title = if number == 1 {
        measure.title.clone()
    } else {
        line_name.clone()
    };
    let hint = format!("{} {}", measure.help, m.measure_unit(measure.unit));
    let years = if entry.by_year {
        html! {
            <>
                { ctx.section(2, "heading-s", None, title) }
                <p class="hint">{ hint }</p>
                <div class="year-grid">
                    { for (0..p.years).map(|y| {
                        let (d, line) = (p.dispatch.clone(), line.clone());
                        let yid = ids::year(&slot, y);
                        let label = m.year_n(y + 1, p.start_year.unwrap_or(0) + i32::try_from(y).unwrap_or(0));
                        html! {
                            <TextField id={yid.clone()} label={label} value={entry.years.get(y).cloned().unwrap_or_default()} error={error_for(&p.errors, &yid)}
                                oninput={Callback::from(move |v: String| d.dispatch(Action::Commitment(line.clone(), CommitmentField::Year(y, v))))}
                                inputmode="decimal" width="5" />
                        }
                    }) }
                </div>
            </>
        }
    } else {
        let qid = id("quantity");
        html! {
            <>
                <TextField id={qid.clone()} label={title} hint={hint} value={entry.quantity.clone()} error={error_for(&p.errors, &qid)} oninput={send(CommitmentField::Quantity)} inputmode="decimal" width="10" />
                // A measure counted once, in the first year, is never "each
                // year" (but a file that says so can be corrected).
                if !measure.first_year_only || entry.per_year {
                    <Checkbox id={id("per-year")} label={m.each_year()} checked={entry.per_year} onchange={toggle(CommitmentField::PerYear)} />
                }
            </>
        }
    };
    let remove = match *line {
        Line::Main(_) => None,
        Line::More(i) => {
            let (d, host, add) = (
                p.dispatch.clone(),
                ctx.host.clone(),
                ids::line(&ids::main(&measure.id), "add"),
            );
            let said = m.removed(&line_name);
            Some(Callback::from(move |_| {
                d.dispatch(Action::RemoveCommitment(i));
                d.dispatch(Action::Say(said.clone()));
                // Focus stays near: on the measure's "add another line".
                let (host, add) = (host.clone(), add.clone());
                crate::context::focus_when_drawn(host, add);
            }))
        }
    };
    let (aid, sid, pid) = (id("attribution"), id("shared-by"), id("postcode"));
    let area = ctx.setup.config.local_area.name.clone();
    html! {
        <div class="commitment-line" data-more={(number > 1).then_some("")}>
            { years }
            <Checkbox id={id("by-year")} label={m.year_by_year()} checked={entry.by_year} onchange={toggle(CommitmentField::ByYear)} />
            if entry.is_used() {
                // Asked where the measure counts only locally; shown too
                // where a file gave one, so it can be seen and changed.
                if measure.local_only || !entry.postcode.is_empty() {
                    <TextField id={pid.clone()} label={m.delivered_at()} hint={m.delivered_at_hint(&area)} value={entry.postcode.clone()} error={error_for(&p.errors, &pid)} oninput={send(CommitmentField::Postcode)} width="10" />
                }
                <TextField id={aid.clone()} label={m.attribution()} hint={m.attribution_hint()} value={entry.attribution.clone()} error={error_for(&p.errors, &aid)} oninput={send(CommitmentField::Attribution)} inputmode="decimal" width="4" />
                <TextField id={sid.clone()} label={m.shared_by()} hint={m.shared_by_hint()} value={entry.shared_by.clone()} error={error_for(&p.errors, &sid)} oninput={send(CommitmentField::SharedBy)} inputmode="numeric" width="4" />
                <TextField id={id("note")} label={m.note()} value={entry.note.clone()} oninput={send(CommitmentField::Note)} />
            }
            if let Some(onclick) = remove {
                <button type="button" class="button button--secondary" {onclick}>{ m.remove() }<span class="visually-hidden">{ format!(": {line_name}") }</span></button>
            }
        </div>
    }
}
