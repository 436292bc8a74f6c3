//! The indicative tender score.
//!
//! Two figures are easily confused, and the report keeps them apart:
//!
//! - the **social value weighting** is how much social value counts in the
//!   whole tender evaluation (PPN 06/20 and PPN 002 set at least 10% for
//!   central government), decided by the council;
//! - the **social value ratio** is the social value a bid offers as a share of
//!   the contract value, decided by the bid (some councils set a target, such
//!   as 10% of contract value).
//!
//! The score out of 100 comes from the council's method; the points in the
//! whole tender are score × weighting ÷ 100. This is an estimate: councils
//! also judge the quality and credibility of the commitments.
//!
//! **Thresholds on exact figures.** Whether a target is met and which band is
//! reached are decided on the exact amounts (social value in pence against
//! the contract value), never on the ratio rounded for display: a ratio of
//! 9.995% shows as 10.00% but does not meet a 10% target.

use crate::config::{Band, ScoringMethod, ScoringSettings, ValueBasis};
use crate::figures::ScoreFigures;
use crate::fixed::{Decimal, Money};
use crate::proposal::Proposal;
use crate::report::{RatioReport, ScoreReport, Totals};
use crate::working::Line;

/// The figure of `totals` the council scores on.
pub(crate) fn basis_value(basis: ValueBasis, t: &Totals) -> Money {
    match basis {
        ValueBasis::Gross => t.gross,
        ValueBasis::Adjusted => t.adjusted,
        ValueBasis::PresentValue => t.present_value,
    }
}

/// The social value ratio against the target.
pub(crate) fn ratio(
    basis: ValueBasis,
    t: &Totals,
    contract: Money,
    target: Option<Decimal>,
) -> RatioReport {
    let value = basis_value(basis, t);
    // Rounded for display only: every threshold compares the exact amounts.
    let percent = value.percent_of(contract).unwrap_or_default().round_to(2);
    RatioReport {
        basis,
        value,
        percent,
        target_percent: target,
        met: target.map(|t| value.is_at_least_percent_of(contract, t)),
    }
}

/// Scores a proposal: the figures only.
pub(crate) fn score(s: &ScoringSettings, ratio: &RatioReport, p: &Proposal) -> ScoreFigures {
    let hundred = Decimal::HUNDRED;
    let mut band = None;
    let score = match &s.method {
        ScoringMethod::Proportional {
            benchmark_value,
            benchmark_ratio_percent,
        } => match (benchmark_value, benchmark_ratio_percent) {
            (Some(b), _) => ratio.value.percent_of(*b).unwrap_or_default(),
            (None, Some(r)) => ratio
                .value
                .percent_toward(p.contract.value, *r)
                .unwrap_or_default(),
            (None, None) => Decimal::ZERO,
        }
        .min(hundred),
        ScoringMethod::RatioBands { bands } => {
            let reached = bands
                .iter()
                .enumerate()
                .filter(|(_, b)| {
                    ratio
                        .value
                        .is_at_least_percent_of(p.contract.value, b.min_ratio_percent)
                })
                .max_by_key(|(_, b)| b.min_ratio_percent);
            band = reached.map(|(i, _)| i);
            reached.map_or(Decimal::ZERO, |(_, b)| b.score_percent)
        }
        ScoringMethod::SelfAssessment { criteria } => {
            let mut weighted = Decimal::ZERO;
            let mut weights = Decimal::ZERO;
            for k in criteria {
                let own = self_score(p, &k.id);
                weighted = weighted.saturating_add(own.checked_mul(k.weight).unwrap_or_default());
                weights = weights.saturating_add(k.weight);
            }
            weighted.checked_div(weights).unwrap_or_default()
        }
    };
    // Points come from the score before it is rounded for display.
    let points = score
        .checked_mul(s.weighting_percent)
        .and_then(|x| x.checked_div(hundred))
        .unwrap_or_default()
        .round_to(2);
    let score = score.round_to(2);
    ScoreFigures {
        score_percent: score,
        weighting_percent: s.weighting_percent,
        weighted_points: points,
        band,
    }
}

/// A band's name: its label, or where it starts.
pub(crate) fn band_label(b: &Band) -> String {
    if b.label.is_empty() {
        format!("{}% and above", b.min_ratio_percent)
    } else {
        b.label.clone()
    }
}

/// The name of the band `f` reached, under the ratio-bands method.
pub(crate) fn band_name(s: &ScoringSettings, f: &ScoreFigures) -> Option<String> {
    match &s.method {
        ScoringMethod::RatioBands { bands } => f.band.and_then(|i| bands.get(i)).map(band_label),
        _ => None,
    }
}

/// The supplier's own score for a criterion; 0 when not given.
fn self_score(p: &Proposal, criterion: &str) -> Decimal {
    p.self_assessment
        .iter()
        .find(|x| x.criterion == criterion)
        .map_or(Decimal::ZERO, |x| x.score_percent)
}

/// The score for the report, explained in plain words.
pub(crate) fn report(
    s: &ScoringSettings,
    ratio: &RatioReport,
    p: &Proposal,
    f: &ScoreFigures,
) -> ScoreReport {
    // The working shows the ratio to six places, as it was compared, so a
    // ratio just under a threshold does not read as meeting it.
    let exact = ratio.value.percent_of(p.contract.value).unwrap_or_default();
    let mut explanation = vec![Line::weighting(s.weighting_percent)];
    let method = match &s.method {
        ScoringMethod::Proportional {
            benchmark_value,
            benchmark_ratio_percent,
        } => {
            match (benchmark_value, benchmark_ratio_percent) {
                (Some(b), _) => explanation.push(Line::proportional_value(ratio.value, *b)),
                (None, Some(r)) => explanation.push(Line::proportional_ratio(exact, *r)),
                (None, None) => {}
            }
            "proportional"
        }
        ScoringMethod::RatioBands { bands } => {
            explanation.push(match f.band.and_then(|i| bands.get(i)) {
                Some(b) => Line::band(exact, b.min_ratio_percent, b.score_percent),
                None => Line::no_band(exact),
            });
            "ratio_bands"
        }
        ScoringMethod::SelfAssessment { criteria } => {
            for k in criteria {
                explanation.push(Line::self_score(
                    k.id.clone(),
                    k.title.clone(),
                    self_score(p, &k.id),
                    k.weight,
                ));
            }
            explanation.push(Line::self_mean(f.score_percent));
            "self_assessment"
        }
    };
    explanation.push(Line::points(
        f.score_percent,
        s.weighting_percent,
        f.weighted_points,
    ));
    ScoreReport {
        method: method.to_string(),
        score_percent: f.score_percent,
        weighting_percent: f.weighting_percent,
        weighted_points: f.weighted_points,
        band: band_name(s, f),
        explanation,
    }
}
