//! The figures of a calculation without the words: what a council scoring
//! every bid in a tender, or a live total, needs. [`crate::evaluate`] works
//! them out without writing any explanation; [`crate::calculate`] adds the
//! explanation to the same figures to make a [`crate::Report`].

use serde::{Deserialize, Serialize};

use crate::fixed::{Decimal, Money};
use crate::issues::Issue;
use crate::recorded::Recorded;
use crate::report::{RatioReport, Sensitivity, Totals};

/// The figures for one proposal (each as in [`crate::Report`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    /// Social value totals.
    pub totals: Totals,
    /// Social value as a share of contract value, against the council's target.
    pub ratio: RatioReport,
    /// Totals by theme, in framework order.
    pub themes: Vec<ThemeFigures>,
    /// Local Multiplier 3.
    pub lm3: Lm3Figures,
    /// The indicative tender score.
    pub score: ScoreFigures,
    /// Commitments that add nothing to the totals, and why.
    pub recorded: Vec<Recorded>,
    /// Warnings: the result stands, but look at these.
    pub warnings: Vec<Issue>,
}

/// One theme's figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThemeFigures {
    /// Totals of its commitments.
    pub totals: Totals,
    /// Its share of the basis figure, percent, two places.
    pub share_percent: Decimal,
    /// Number of commitments in it.
    pub commitments: usize,
}

/// LM3 figures (see [`crate::report::Lm3Report`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Lm3Figures {
    /// Round 1: the contract income.
    pub round1: Money,
    /// Round 2: local staff wages plus local supplier spend.
    pub round2: Money,
    /// Round 3: what those recipients re-spend locally (central rates).
    pub round3: Money,
    /// (R1 + R2 + R3) ÷ R1, four places.
    pub lm3: Decimal,
    /// (R1 + R2) ÷ R1, four places.
    pub lm2: Decimal,
    /// LM3 at the low, central and high re-spend assumptions.
    pub sensitivity: Sensitivity,
    /// Local staff wages.
    pub local_staff: Money,
    /// Local supplier spend.
    pub local_suppliers: Money,
    /// Spend in the council's priority areas outside the local area: part of
    /// `not_local_spend`, never of round 2 or 3 (see [`crate::lm3`]).
    pub priority_spend: Money,
    /// Spend outside the local area (priority areas included).
    pub not_local_spend: Money,
    /// All staff and supplier spend.
    pub total_spend: Money,
    /// Local spend as a share of all spend, percent, two places.
    pub local_share_percent: Option<Decimal>,
    /// The share of each pound of the contract that reaches the local area,
    /// (R2 + R3) ÷ R1, four places: LM3 less one.
    pub local_share_of_each_pound: Decimal,
    /// Whether the bidder's own postcode is in the local area; none when it
    /// did not give one.
    pub bidder_local: Option<bool>,
    /// Spend with SMEs.
    pub sme_spend: Money,
    /// Spend with VCSEs and social enterprises.
    pub vcse_spend: Money,
}

/// Score figures (see [`crate::report::ScoreReport`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScoreFigures {
    /// Score out of 100 within the social value section, two places.
    pub score_percent: Decimal,
    /// The evaluation weighting of social value, percent.
    pub weighting_percent: Decimal,
    /// Points in the whole tender, two places.
    pub weighted_points: Decimal,
    /// The index of the band reached among the council's bands.
    pub band: Option<usize>,
}
