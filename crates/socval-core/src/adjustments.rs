//! SROI adjustments: deadweight, displacement, attribution and drop-off.
//!
//! Source: Cabinet Office and the SROI Network, *A guide to Social Return on
//! Investment* (2012 edition), stage 4 "Establishing impact":
//!
//! - **deadweight**: the share of the outcome that would have happened anyway;
//! - **displacement**: the share that only moved value from elsewhere;
//! - **attribution**: the share owed to other organisations or people;
//! - **drop-off**: for outcomes that last more than a year, the share lost in
//!   each later year, taken from what remained the year before.
//!
//! Impact in the first year = gross × (1 − deadweight) × (1 − displacement) ×
//! (1 − attribution); impact in year k after it = first-year impact ×
//! (1 − drop-off)^k, for as many years as the benefit lasts.
//!
//! **Shared initiatives.** The council's attribution (the framework's, or the
//! council's override) is what it owes to others for every commitment to the
//! measure. A commitment shared with other contracts or partners owes a
//! further share on top, so the two compound: × (1 − council's attribution)
//! × (1 − the share owed to the partners). A supplier can only deduct more,
//! never cancel the council's figure. Where the supplier gives the number of
//! projects sharing the initiative rather than a share, its value is divided
//! equally among them (× 1/N): Cheshire West and Chester Council's social
//! value guidance values a £1,500 careers fair run across three projects at
//! a third to each.
//!
//! **Outputs and outcomes.** Duration and drop-off are for outcomes that
//! outlast the activity (the SROI Guide, stage 4: "how long will the outcome
//! last"); an output counted in its own year (an FTE-year, an hour, a pound
//! spent, a tonne saved that year) has none, and the configuration check
//! refuses them on such a measure ([`crate::framework::Kind`]).

use serde::{Deserialize, Serialize};

use crate::fixed::{Decimal, SCALE, div_round};

/// Adjustment percentages as given by a framework, a council or a commitment.
/// Each is optional: an unset field falls back to the next layer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Adjustments {
    /// Percentage (0–100) that would have happened anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadweight_percent: Option<Decimal>,
    /// Percentage (0–100) displaced from elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub displacement_percent: Option<Decimal>,
    /// Percentage (0–100) owed to others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution_percent: Option<Decimal>,
    /// Percentage (0–100) of the outcome lost each year after the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off_percent: Option<Decimal>,
    /// How many years the outcome lasts (1 to 10); one when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit_years: Option<u8>,
}

impl Adjustments {
    /// Fields set in `over` replace those of `self`.
    pub fn overlay(&self, over: &Adjustments) -> Adjustments {
        Adjustments {
            deadweight_percent: over.deadweight_percent.or(self.deadweight_percent),
            displacement_percent: over.displacement_percent.or(self.displacement_percent),
            attribution_percent: over.attribution_percent.or(self.attribution_percent),
            drop_off_percent: over.drop_off_percent.or(self.drop_off_percent),
            benefit_years: over.benefit_years.or(self.benefit_years),
        }
    }

    /// With every unset field at its neutral value.
    pub fn resolve(&self) -> Resolved {
        Resolved {
            deadweight_percent: self.deadweight_percent.unwrap_or(Decimal::ZERO),
            displacement_percent: self.displacement_percent.unwrap_or(Decimal::ZERO),
            attribution_percent: self.attribution_percent.unwrap_or(Decimal::ZERO),
            drop_off_percent: self.drop_off_percent.unwrap_or(Decimal::ZERO),
            benefit_years: self.benefit_years.unwrap_or(1).max(1),
            shared_percent: None,
            shared_by: None,
        }
    }
}

/// Adjustments with every value decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Resolved {
    /// Deadweight, percent.
    pub deadweight_percent: Decimal,
    /// Displacement, percent.
    pub displacement_percent: Decimal,
    /// Attribution, percent.
    pub attribution_percent: Decimal,
    /// Drop-off per year, percent.
    pub drop_off_percent: Decimal,
    /// Years the outcome lasts.
    pub benefit_years: u8,
    /// The commitment's own further share owed to partners, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_percent: Option<Decimal>,
    /// The number of projects or partners the commitment's initiative is
    /// shared equally among (this contract included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_by: Option<u16>,
}

impl Resolved {
    /// No adjustment at all: gross equals adjusted.
    pub const NONE: Resolved = Resolved {
        deadweight_percent: Decimal::ZERO,
        displacement_percent: Decimal::ZERO,
        attribution_percent: Decimal::ZERO,
        drop_off_percent: Decimal::ZERO,
        benefit_years: 1,
        shared_percent: None,
        shared_by: None,
    };

    /// With the commitment's own sharing, compounding with the council's
    /// attribution. Sharing applies even when the council has turned the
    /// other adjustments off: it is the supplier's own statement that only
    /// part of the initiative belongs to this contract.
    pub fn shared(self, percent: Option<Decimal>, by: Option<u16>) -> Resolved {
        Resolved {
            shared_percent: percent,
            shared_by: by,
            ..self
        }
    }

    /// First-year impact in µ£ from gross value in µ£, rounding after each step.
    pub fn first_year(&self, gross_micro: i128) -> i128 {
        let mine = [
            self.deadweight_percent,
            self.displacement_percent,
            self.attribution_percent,
        ]
        .into_iter()
        .chain(self.shared_percent)
        .fold(gross_micro, keep);
        match self.shared_by {
            Some(n) if n > 1 => div_round(mine, i128::from(n)),
            _ => mine,
        }
    }

    /// The impact of each year the outcome lasts, in µ£, from the first-year
    /// impact: `first, first×(1−d), first×(1−d)², …`.
    pub fn lasting(&self, first_micro: i128) -> impl Iterator<Item = i128> + use<> {
        let drop_off = self.drop_off_percent;
        let mut v = first_micro;
        (0..self.benefit_years).map(move |k| {
            if k > 0 {
                v = keep(v, drop_off);
            }
            v
        })
    }
}

/// `v × (1 − pct/100)`, rounded to µ£.
fn keep(v: i128, pct: Decimal) -> i128 {
    let share = i128::from(pct.complement_of_percent().micros());
    div_round(v * share, i128::from(SCALE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(n: i64) -> Option<Decimal> {
        Some(Decimal::from_int(n))
    }

    #[test]
    fn sroi_guide_chain() {
        // Gross £100,000; deadweight 25%, displacement 10%, attribution 20%
        // → 100,000 × 0.75 × 0.9 × 0.8 = £54,000; drop-off 20% over 3 years.
        let adj = Adjustments {
            deadweight_percent: pct(25),
            displacement_percent: pct(10),
            attribution_percent: pct(20),
            drop_off_percent: pct(20),
            benefit_years: Some(3),
        }
        .resolve();
        let first = adj.first_year(100_000 * 1_000_000);
        assert_eq!(first, 54_000 * 1_000_000);
        assert_eq!(
            adj.lasting(first).collect::<Vec<_>>(),
            vec![54_000_000_000, 43_200_000_000, 34_560_000_000]
        );
    }

    #[test]
    fn sharing_compounds_with_the_council_attribution() {
        let council = Adjustments {
            attribution_percent: pct(30),
            ..Adjustments::default()
        }
        .resolve();
        // £1,500 × (1 − 30%) = £1,050; a supplier's 0% cannot cancel it.
        let gross = 1_500 * 1_000_000;
        assert_eq!(
            council.shared(pct(0), None).first_year(gross),
            1_050_000_000
        );
        // A third of it for a careers fair shared by three projects: £350.
        assert_eq!(council.shared(None, Some(3)).first_year(gross), 350_000_000);
        // A 50% share owed to partners on top: £525.
        assert_eq!(council.shared(pct(50), None).first_year(gross), 525_000_000);
    }

    #[test]
    fn overlay_prefers_the_upper_layer() {
        let base = Adjustments {
            deadweight_percent: pct(10),
            benefit_years: Some(2),
            ..Adjustments::default()
        };
        let over = Adjustments {
            deadweight_percent: pct(30),
            ..Adjustments::default()
        };
        let r = base.overlay(&over).resolve();
        assert_eq!(r.deadweight_percent, Decimal::from_int(30));
        assert_eq!(r.benefit_years, 2);
    }
}
