//! The results panel: totals, ratio, themes, LM3, score, warnings, sources.

use yew::prelude::*;

use super::theme_chart::ThemeChart;
use crate::calc::{Outcome, Working};
use crate::context::Ctx;
use crate::messages::Messages;
use socval_core::lm3::shown as lm3_text;

/// The lazy module's panel `key`, or a line saying it is on its way.
fn drawn(m: &Messages, w: Option<&Working>, key: &str) -> Html {
    w.and_then(|w| w.node(key)).map_or_else(
        || html! { <p class="body">{ m.working_loading() }</p> },
        Html::VRef,
    )
}

/// "How is this calculated?" under a figure: the lazy module's working for
/// panel `key`, or a line saying it is on its way. `what` names the figure
/// for a screen reader, so that each disclosure has its own name.
fn working(m: &Messages, w: Option<&Working>, key: &'static str, what: &'static str) -> Html {
    let body = drawn(m, w, key);
    html! {
        <details class="details" data-working={key}>
            <summary class="details__summary">{ m.how_calculated() }<span class="visually-hidden">{ format!(" ({what})") }</span></summary>
            <div class="details__text">{ body }</div>
        </details>
    }
}

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
                { ctx.heading(0, "heading-l", Some("results-heading"), true, m.results_heading()) }
                if p.outcome.errors.is_empty() {
                    <p class="body">{ m.results_waiting() }</p>
                } else {
                    <p class="body">{ m.results_needed() }</p>
                    { needed }
                }
            </section>
        };
    };
    let r = &shown.figures;
    let l = &r.lm3;
    let s = &r.score;
    let w = p.outcome.working.as_deref();
    let target = r
        .ratio
        .target_percent
        .map(|t| m.target(&t.to_string(), r.ratio.met == Some(true)));
    html! {
        <section class="results" data-stale={p.outcome.stale.then_some("")} aria-labelledby="results-heading" id="results">
            { ctx.heading(0, "heading-l", Some("results-heading"), true, m.results_heading()) }
            if p.outcome.stale { <p class="warning-text">{ m.results_stale() }</p>{ needed } }
            <div class="panel">
                <p class="panel__label">{ m.ratio() }</p>
                <p class="panel__figure" data-figure="ratio">{ format!("{}%", r.ratio.percent) }</p>
                <p class="panel__text">{ m.ratio_explained() }</p>
                if let Some(t) = target { <p class="panel__text"><strong>{ t }</strong></p> }
            </div>
            { working(m, w, "ratio", m.ratio()) }
            <dl class="summary-list">
                <div><dt>{ m.total_gross() }</dt><dd data-figure="gross">{ r.totals.gross.to_string() }</dd></div>
                <div><dt>{ m.total_adjusted() }</dt><dd data-figure="adjusted">{ r.totals.adjusted.to_string() }</dd></div>
                <div><dt>{ m.total_pv() }</dt><dd data-figure="present-value">{ r.totals.present_value.to_string() }</dd></div>
            </dl>
            { working(m, w, "totals", m.totals()) }
            <ThemeChart shown={shown.clone()} />
            { working(m, w, "themes", m.by_theme()) }
            { ctx.heading(1, "heading-s", None, false, m.lm3_heading()) }
            // LM3 traces spend: with none entered it would say "1", which
            // means nothing, so it asks for the spend instead.
            if l.total_spend.pence() == 0 {
                <p class="body" data-figure="lm3-needs-spend">{ m.lm3_needs_spend() }</p>
            } else {
                <p class="body"><strong class="big-number" data-figure="lm3">{ lm3_text(l.lm3) }</strong></p>
                <p class="body">{ m.lm3_explained(&l.lm3.to_fixed(2)) }</p>
                <p class="hint">{ m.lm3_range(&lm3_text(l.sensitivity.low), &lm3_text(l.sensitivity.high)) }</p>
                if let Some(share) = l.local_share_percent { <p class="hint">{ m.local_share(&share.to_string()) }</p> }
                if l.bidder_local == Some(false) { <p class="hint" data-figure="local-share-of-pound">{ m.bidder_outside(&socval_core::Money::from_decimal(l.local_share_of_each_pound).to_string()) }</p> }
                if let Some((staff, suppliers)) = shown.entered_as_total { <p class="hint" data-figure="entered-as-total">{ m.entered_as_total(staff, suppliers) }</p> }
                if l.priority_spend.pence() > 0 { <p class="hint" data-figure="priority-spend">{ m.priority_spend(&l.priority_spend.to_string()) }</p> }
                <table class="table">
                    <caption class="table__caption">{ m.lm3_rounds() }</caption>
                    <tbody>
                        <tr><th scope="row">{ m.round1() }</th><td class="num" data-figure="round1">{ l.round1.to_string() }</td></tr>
                        <tr><th scope="row">{ m.round2() }</th><td class="num" data-figure="round2">{ l.round2.to_string() }</td></tr>
                        <tr><th scope="row">{ m.round3() }</th><td class="num" data-figure="round3">{ l.round3.to_string() }</td></tr>
                    </tbody>
                </table>
                { working(m, w, "lm3", m.lm3_heading()) }
            }
            { ctx.heading(1, "heading-s", None, false, m.score_heading()) }
            <p class="body" data-figure="score">{ m.score_line(&s.score_percent.to_string(), &s.weighted_points.to_string(), &s.weighting_percent.to_string()) }</p>
            if let Some(b) = &shown.band { <p class="hint">{ b.clone() }</p> }
            <p class="hint">{ m.weighting_explained(&s.weighting_percent.to_string()) }</p>
            { working(m, w, "score", m.score_heading()) }
            { ctx.heading(1, "heading-s", None, false, m.gap_heading()) }
            <div data-working="gap">{ drawn(m, w, "gap") }</div>
            if !r.recorded.is_empty() {
                <div class="recorded" data-figure="recorded">
                    { ctx.heading(1, "heading-s", None, false, m.recorded_heading()) }
                    { drawn(m, w, "recorded") }
                </div>
            }
            if !r.warnings.is_empty() {
                <div class="warnings">
                    { ctx.heading(1, "heading-s", None, false, m.warnings_heading()) }
                    <ul class="list">{ for r.warnings.iter().map(|w| html! { <li>{ m.issue(&w.message) }</li> }) }</ul>
                </div>
            }
        </section>
    }
}
