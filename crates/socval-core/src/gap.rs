//! What it would take: how far a proposal is from the council's target ratio
//! and from the next scoring band, how much more of one measure alone would
//! close each gap, and how much more local spend would lift LM3 by 0.1.
//!
//! **Only the council's figures.** Nothing here invents a cost or a price:
//! each answer is a quantity of a measure the council offers, valued with the
//! council's own proxies, adjustments, discounting and double-counting rule.
//!
//! **Found by the calculation itself.** A measure's answer is not a formula
//! of its own: the proposal is calculated again with one more commitment to
//! the measure, delivered evenly over the contract (in the first year only
//! for a first-year-only measure, and in the local area for a local-only
//! one), and the answer is the least whole number of units with which the
//! calculation reaches the threshold. So it holds under every rule the
//! calculation applies, rounding included. LM3's answer is likewise the
//! least whole number of pounds with which [`crate::lm3`]'s own arithmetic
//! (round 3 rounded to the penny, LM3 to four places) reaches the goal.

use serde::{Deserialize, Serialize};

use crate::config::{ScoringMethod, ValueBasis};
use crate::figures::Figures;
use crate::fixed::{Decimal, Money, SCALE};
use crate::framework::Unit;
use crate::proposal::{Commitment, Proposal};
use crate::recorded::Reason;
use crate::working::{Line, Words};
use crate::{Env, ProposalError, Setup, rules, scoring, validation};

/// The largest quantity the search tries: one trillion units, the input
/// limit, beyond which no answer is given.
const MAX_UNITS: i64 = 1_000_000_000_000;

/// The quantity of the probe that measures one measure's value per unit.
const PROBE_UNITS: i64 = 1_000;

/// What it would take to reach the council's thresholds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Gap {
    /// The figure the council compares with the contract value.
    pub basis: ValueBasis,
    /// That figure now.
    pub value: Money,
    /// It as a share of the contract value, percent, two places.
    pub ratio_percent: Decimal,
    /// The council's target, then the next scoring band (or full marks).
    pub goals: Vec<Goal>,
    /// More local spend to lift LM3 by 0.1.
    pub lm3: Lm3Lift,
}

/// One threshold and what would reach it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Goal {
    /// Which threshold.
    #[serde(flatten)]
    pub kind: GoalKind,
    /// The social value ratio that reaches it, percent (none where the
    /// council's benchmark is an amount).
    pub ratio_percent: Option<Decimal>,
    /// The least figure (on the council's basis) that reaches it.
    pub value: Money,
    /// How much more that is than the proposal's figure; zero if reached.
    pub short_by: Money,
    /// For each valued measure, how much more of it alone would reach the
    /// threshold (empty when it is reached).
    pub options: Vec<More>,
}

/// The kind of threshold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum GoalKind {
    /// The council's target ratio.
    Target,
    /// The next band of a ratio-bands method.
    Band {
        /// The band's name.
        label: String,
        /// The score it gives, percent.
        score_percent: Decimal,
    },
    /// Full marks under the proportional method.
    FullMarks,
}

/// How much more of one measure alone would reach a threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct More {
    /// Measure id.
    pub measure: String,
    /// Measure title.
    pub title: String,
    /// Unit.
    pub unit: Unit,
    /// The least whole number of units, over the contract.
    pub quantity: Decimal,
    /// Whether it counts only if delivered in the local area.
    pub local_delivery: bool,
    /// Whether it is counted in the first year only.
    pub first_year: bool,
}

/// More local spend to lift LM3 by 0.1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Lm3Lift {
    /// LM3 now.
    pub lm3: Decimal,
    /// LM3 + 0.1.
    pub goal: Decimal,
    /// More spend with local suppliers, at the council's central re-spend
    /// rate for suppliers; none if local spend alone cannot reach the goal.
    pub local_suppliers: Option<Spend>,
    /// More wages to staff living locally, at the central staff rate.
    pub local_staff: Option<Spend>,
}

/// An amount of local spend and how it fits in the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Spend {
    /// The least whole number of pounds.
    pub amount: Money,
    /// The council's central re-spend rate used, percent.
    pub respend_percent: Decimal,
    /// The part that must be moved from spend outside the local area rather
    /// than added, since all spend together cannot exceed the contract.
    pub moved: Money,
}

/// Works out what it would take for this proposal to reach the council's
/// target and next band, and to lift LM3 by 0.1.
pub fn gap(setup: &Setup, proposal: &Proposal, env: &Env<'_>) -> Result<Gap, ProposalError> {
    let now = crate::evaluate(setup, proposal, env)?;
    let basis = setup.config.scoring.basis;
    let contract = proposal.contract.value;
    let value = now.ratio.value;
    let mut goals = Vec::new();
    if let Some(t) = rules::target(&setup.config, proposal.contract.start_year) {
        goals.push((GoalKind::Target, Some(t), least_value(contract, t)));
    }
    if rules::scored(&setup.config, contract) {
        goals.extend(next_score(setup, &now, contract));
    }
    let probe = Probe::new(setup, proposal, env, basis, value);
    // Nearest first.
    goals.sort_by_key(|g| g.2);
    let goals = goals
        .into_iter()
        .filter_map(|(kind, ratio_percent, target)| {
            let target = target?;
            let short_by = Money::from_pence(target.pence().saturating_sub(value.pence()).max(0));
            let options = if short_by.pence() > 0 {
                probe.options(target)
            } else {
                Vec::new()
            };
            Some(Goal {
                kind,
                ratio_percent,
                value: target,
                short_by,
                options,
            })
        })
        .collect();
    Ok(Gap {
        basis,
        value,
        ratio_percent: now.ratio.percent,
        goals,
        lm3: lm3_lift(setup, &now),
    })
}

/// The least amount, in pence, that is at least `percent`% of `whole`.
fn least_value(whole: Money, percent: Decimal) -> Option<Money> {
    let n = i128::from(whole.pence()) * i128::from(percent.micros());
    let d = 100 * i128::from(SCALE);
    if n <= 0 {
        return None;
    }
    let pence = (n + d - 1) / d;
    i64::try_from(pence).ok().map(Money::from_pence)
}

/// The next threshold of the council's scoring method above the proposal:
/// the next band up, or full marks under the proportional method.
fn next_score(
    setup: &Setup,
    now: &Figures,
    contract: Money,
) -> Option<(GoalKind, Option<Decimal>, Option<Money>)> {
    match &setup.config.scoring.method {
        ScoringMethod::RatioBands { bands } => {
            let reached = now.score.band.and_then(|i| bands.get(i));
            // The lowest threshold above, and of bands that share it the one
            // the scoring would give (the last listed, as `scoring` picks).
            let (_, next) = bands
                .iter()
                .enumerate()
                .filter(|(_, b)| reached.is_none_or(|r| b.min_ratio_percent > r.min_ratio_percent))
                .filter(|(_, b)| {
                    b.score_percent > reached.map_or(Decimal::ZERO, |r| r.score_percent)
                })
                .min_by_key(|(i, b)| (b.min_ratio_percent, std::cmp::Reverse(*i)))?;
            let kind = GoalKind::Band {
                label: scoring::band_label(next),
                score_percent: next.score_percent,
            };
            Some((
                kind,
                Some(next.min_ratio_percent),
                least_value(contract, next.min_ratio_percent),
            ))
        }
        ScoringMethod::Proportional {
            benchmark_value,
            benchmark_ratio_percent,
        } => match (benchmark_value, benchmark_ratio_percent) {
            (Some(b), _) => Some((GoalKind::FullMarks, None, Some(*b))),
            (None, Some(r)) => Some((GoalKind::FullMarks, Some(*r), least_value(contract, *r))),
            (None, None) => None,
        },
        ScoringMethod::SelfAssessment { .. } => None,
    }
}

/// Recalculates a proposal with more of one measure added.
struct Probe<'a> {
    setup: &'a Setup,
    proposal: &'a Proposal,
    env: &'a Env<'a>,
    basis: ValueBasis,
    value: Money,
    /// Each valued measure with the units of a probe and the value it adds
    /// (the probe's figure less today's), where that is above zero.
    rates: Vec<(usize, i64, Money)>,
}

impl<'a> Probe<'a> {
    fn new(
        setup: &'a Setup,
        proposal: &'a Proposal,
        env: &'a Env<'a>,
        basis: ValueBasis,
        value: Money,
    ) -> Self {
        let mut p = Probe {
            setup,
            proposal,
            env,
            basis,
            value,
            rates: Vec::new(),
        };
        p.rates = (0..setup.framework.measures.len())
            .filter(|&i| setup.value(i).is_some())
            .filter_map(|i| {
                // A measure excluded with a larger committed one adds nothing
                // until it is the larger: probe further before giving up.
                [PROBE_UNITS, PROBE_UNITS * 1_000_000]
                    .into_iter()
                    .find_map(|units| {
                        let with = p.with(i, units)?;
                        let added = with.pence().saturating_sub(value.pence());
                        (added > 0).then_some((i, units, Money::from_pence(added)))
                    })
            })
            .collect();
        p
    }

    /// The figure with `units` more of offered measure `i`, or none if the
    /// calculation refuses it (too large, or a rule the council enforces).
    fn with(&self, i: usize, units: i64) -> Option<Money> {
        let m = self.setup.framework.measures.get(i)?;
        let q = Decimal::from_int(units);
        let extra = Commitment {
            measure: m.id.clone(),
            quantity: (!m.first_year_only).then_some(q),
            profile: m.first_year_only.then(|| vec![q]),
            ..Commitment::default()
        };
        let mut p = self.proposal.clone();
        p.commitments.push(extra);
        let added = p.commitments.len() - 1;
        let mut checked = validation::check(self.setup, &p, self.env).ok()?;
        // Counted as delivered in the local area: the answer says so.
        for c in &mut checked.commitments {
            if c.index == added && c.excluded == Some(Reason::NoDeliveryPlace) {
                c.excluded = None;
            }
        }
        let f = crate::run(self.setup, &p, self.env, checked, |_, _, _, _| {}, |_| {}).ok()?;
        Some(scoring::basis_value(self.basis, &f.totals))
    }

    /// For each measure, the least whole number of units that brings the
    /// figure to `target`.
    fn options(&self, target: Money) -> Vec<More> {
        self.rates
            .iter()
            .filter_map(|&(i, units, per_probe)| {
                let m = self.setup.framework.measures.get(i)?;
                let short = i128::from(target.pence() - self.value.pence());
                let guess = short * i128::from(units) / i128::from(per_probe.pence());
                let guess = i64::try_from(guess).ok()?.clamp(1, MAX_UNITS);
                let units = self.least_units(i, target, guess)?;
                Some(More {
                    measure: m.id.clone(),
                    title: m.title.clone(),
                    unit: m.unit,
                    quantity: Decimal::from_int(units),
                    local_delivery: m.local_only,
                    first_year: m.first_year_only,
                })
            })
            .collect()
    }

    /// The least whole number of units of measure `i` with which the figure
    /// reaches `target`, searching from `guess` (usually right, or one out).
    fn least_units(&self, i: usize, target: Money, guess: i64) -> Option<i64> {
        let reaches = |u: i64| self.with(i, u).is_some_and(|v| v >= target);
        // An upper bound that reaches, and a lower bound that does not.
        let mut hi = guess;
        while !reaches(hi) {
            if hi >= MAX_UNITS {
                return None;
            }
            hi = hi.saturating_mul(2).min(MAX_UNITS);
        }
        let mut lo = if hi > 1 && !reaches(hi - 1) {
            return Some(hi);
        } else {
            0
        };
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if reaches(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(hi)
    }
}

/// More local spend, by suppliers and by staff, to lift LM3 by 0.1.
fn lm3_lift(setup: &Setup, now: &Figures) -> Lm3Lift {
    let f = &now.lm3;
    let goal = f.lm3.saturating_add(Decimal::from_micros(100_000));
    let s = &setup.config.lm3;
    let lift = |rate: Decimal| {
        let amount = crate::lm3::local_spend_to_reach(f, rate, goal)?;
        let over = f
            .total_spend
            .saturating_add(amount)
            .pence()
            .saturating_sub(f.round1.pence())
            .max(0);
        // What is moved must come from spend outside the local area.
        (over <= f.not_local_spend.pence()).then_some(Spend {
            amount,
            respend_percent: rate,
            moved: Money::from_pence(over),
        })
    };
    Lm3Lift {
        lm3: f.lm3,
        goal,
        local_suppliers: lift(s.supplier_respend.central_percent),
        local_staff: lift(s.staff_respend.central_percent),
    }
}

/// One answer in words: "120 more hours of “Staff volunteering hours”".
pub fn more_text(w: &Words, m: &More) -> String {
    let q = m.quantity;
    let mut text = w.say(&if m.unit == Unit::Pound {
        Line::more_money(Money::from_decimal(q), m.title.clone())
    } else {
        let n = u64::try_from(q.micros() / SCALE).unwrap_or_default();
        let qty = crate::fixed::group_thousands(n);
        Line::more_units(qty, crate::working::unit(m.unit), m.title.clone())
    });
    for (on, line) in [
        (m.local_delivery, Line::more_local()),
        (m.first_year, Line::more_first_year()),
    ] {
        if on {
            text.push(' ');
            text.push_str(&w.say(&line));
        }
    }
    text
}

/// LM3's answer in words.
pub fn lm3_text(w: &Words, l: &Lm3Lift) -> String {
    let spend = |s: &Option<Spend>, wages: bool| {
        s.as_ref().map(|s| {
            let (a, r, moved) = (s.amount, s.respend_percent, s.moved);
            w.say(&match (wages, moved.pence() > 0) {
                (false, false) => Line::lm3_spend(a, r),
                (false, true) => Line::lm3_spend_moved(a, r, moved),
                (true, false) => Line::lm3_wages(a, r),
                (true, true) => Line::lm3_wages_moved(a, r, moved),
            })
        })
    };
    let (lm3, goal) = (crate::lm3::shown(l.lm3), crate::lm3::shown(l.goal));
    let ways = match (
        spend(&l.local_suppliers, false),
        spend(&l.local_staff, true),
    ) {
        (Some(a), Some(b)) => w.say(&Line::lm3_or(a, b)),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return w.say(&Line::lm3_out_of_reach(lm3, goal)),
    };
    w.say(&Line::lm3_lift(lm3, goal, ways))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn least_value_rounds_up_to_the_penny() {
        let c = Money::from_pounds(1_000_001);
        // 10% of £1,000,001 is £100,000.10 exactly.
        assert_eq!(
            least_value(c, Decimal::from_int(10)),
            Some(Money::from_pence(10_000_010))
        );
        // 5% of £1,000,001.01 is £50,000.0505: the least penny amount that
        // reaches it is £50,000.06.
        let c = Money::from_pence(100_000_101);
        let v = least_value(c, Decimal::from_int(5)).unwrap();
        assert_eq!(v, Money::from_pence(5_000_006));
        assert!(v.is_at_least_percent_of(c, Decimal::from_int(5)));
        assert!(!Money::from_pence(v.pence() - 1).is_at_least_percent_of(c, Decimal::from_int(5)));
    }
}
