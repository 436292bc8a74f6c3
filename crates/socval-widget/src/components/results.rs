//! The results panel: totals, ratio, themes, LM3, score, warnings, sources.

use yew::prelude::*;

use super::theme_chart::ThemeChart;
use crate::calc::Outcome;
use crate::context::Ctx;

/// Props of [`Results`].
#[derive(Properties, PartialEq, Clone)]
pub struct ResultsProps {
    /// What to show.
    pub outcome: Outcome,
}

/// Always visible beside the form (below it on narrow screens).
#[component]
pub fn Results(p: &ResultsProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    let m = ctx.messages;
    // What results still need, in neutral words: every problem, including
    // those not yet shown as errors because the user has not reached them.
    let needed = html! {
        <ul class="list" data-figure="needed">{ for p.outcome.errors.iter().map(|e| html! { <li>{ e.message.clone() }</li> }) }</ul>
    };
    let Some(shown) = p.outcome.shown.clone() else {
        return html! {
            <section class="results" aria-labelledby="results-heading" id="results">
                <h2 class="heading-l" id="results-heading">{ m.results_heading }</h2>
                if p.outcome.errors.is_empty() {
                    <p class="body">{ m.results_waiting }</p>
                } else {
                    <p class="body">{ m.results_needed }</p>
                    { needed }
                }
            </section>
        };
    };
    let r = &shown.figures;
    let sources: Vec<_> = shown
        .sources
        .iter()
        .filter_map(|&i| ctx.setup.framework.measures.get(i))
        .filter_map(|m| Some((m, m.proxy.as_ref()?)))
        .collect();
    let l = &r.lm3;
    let s = &r.score;
    let target = r
        .ratio
        .target_percent
        .map(|t| (m.target)(&t.to_string(), r.ratio.met == Some(true)));
    html! {
        <section class={classes!("results", p.outcome.stale.then_some("results--stale"))} aria-labelledby="results-heading" id="results">
            <h2 class="heading-l" id="results-heading">{ m.results_heading }</h2>
            if p.outcome.stale { <p class="warning-text">{ m.results_stale }</p>{ needed } }
            <div class="panel">
                <p class="panel__label">{ m.ratio }</p>
                <p class="panel__figure" data-figure="ratio">{ format!("{}%", r.ratio.percent) }</p>
                <p class="panel__text">{ m.ratio_explained }</p>
                if let Some(t) = target { <p class="panel__text"><strong>{ t }</strong></p> }
            </div>
            <dl class="summary-list">
                <div><dt>{ m.total_gross }</dt><dd data-figure="gross">{ r.totals.gross.to_string() }</dd></div>
                <div><dt>{ m.total_adjusted }</dt><dd data-figure="adjusted">{ r.totals.adjusted.to_string() }</dd></div>
                <div><dt>{ m.total_pv }</dt><dd data-figure="present-value">{ r.totals.present_value.to_string() }</dd></div>
            </dl>
            <ThemeChart shown={shown.clone()} />
            <h3 class="heading-s">{ m.lm3_heading }</h3>
            <p class="body"><strong class="big-number" data-figure="lm3">{ l.lm3.to_string() }</strong></p>
            <p class="body">{ (m.lm3_explained)(&l.lm3.to_fixed(2)) }</p>
            <p class="hint">{ (m.lm3_range)(&l.sensitivity.low.to_string(), &l.sensitivity.high.to_string()) }</p>
            if let Some(share) = l.local_share_percent { <p class="hint">{ (m.local_share)(&share.to_string()) }</p> }
            if l.bidder_local == Some(false) { <p class="hint" data-figure="local-share-of-pound">{ (m.bidder_outside)(&socval_core::Money::from_decimal(l.local_share_of_each_pound).to_string()) }</p> }
            if l.priority_spend.pence() > 0 { <p class="hint" data-figure="priority-spend">{ (m.priority_spend)(&l.priority_spend.to_string()) }</p> }
            <table class="table">
                <caption class="table__caption">{ m.lm3_rounds }</caption>
                <tbody>
                    <tr><th scope="row">{ m.round1 }</th><td class="num" data-figure="round1">{ l.round1.to_string() }</td></tr>
                    <tr><th scope="row">{ m.round2 }</th><td class="num" data-figure="round2">{ l.round2.to_string() }</td></tr>
                    <tr><th scope="row">{ m.round3 }</th><td class="num" data-figure="round3">{ l.round3.to_string() }</td></tr>
                </tbody>
            </table>
            <h3 class="heading-s">{ m.score_heading }</h3>
            <p class="body" data-figure="score">{ (m.score_line)(&s.score_percent.to_string(), &s.weighted_points.to_string(), &s.weighting_percent.to_string()) }</p>
            if let Some(b) = &shown.band { <p class="hint">{ b.clone() }</p> }
            <p class="hint">{ (m.weighting_explained)(&s.weighting_percent.to_string()) }</p>
            if !shown.recorded.is_empty() {
                <div class="recorded" data-figure="recorded">
                    <h3 class="heading-s">{ m.recorded_heading }</h3>
                    <p class="hint">{ m.recorded_hint }</p>
                    <ul class="list">{ for shown.recorded.iter().map(|[title, quantity, why]| html! {
                        <li><strong>{ title.clone() }</strong>{ format!(", {quantity}: {why}.") }</li>
                    }) }</ul>
                </div>
            }
            if !r.warnings.is_empty() {
                <div class="warnings">
                    <h3 class="heading-s">{ m.warnings_heading }</h3>
                    <ul class="list">{ for r.warnings.iter().map(|w| html! { <li>{ w.message.clone() }</li> }) }</ul>
                </div>
            }
            if !shown.sources.is_empty() {
                <details class="details">
                    <summary class="details__summary">{ m.sources_heading }</summary>
                    <ul class="list details__text">
                        { for sources.iter().map(|(m, p)| html! {
                            <li>{ format!("{}: £{} per {}. {}, {} ({} prices, {}).", m.title, p.value, m.unit.label(true), p.source.title, p.source.publisher, p.source.price_year, p.source.licence) }</li>
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}
