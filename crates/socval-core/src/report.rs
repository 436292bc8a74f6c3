//! The result of a calculation: every figure, how it was reached, and where
//! each proxy value came from.

use serde::{Deserialize, Serialize};

use crate::adjustments::Resolved;
use crate::config::{Priority, ValueBasis};
use crate::figures::Lm3Figures;
use crate::fixed::{Decimal, Money};
use crate::framework::{Provenance, Unit};
use crate::issues::Issue;
use crate::local_area::Place;
use crate::working::Line;

/// Everything the calculator works out for one proposal.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// The framework used.
    pub framework: FrameworkInfo,
    /// The council's name.
    pub council: String,
    /// Contract value, pounds.
    pub contract_value: Money,
    /// Contract length in years.
    pub duration_years: Decimal,
    /// First contract year.
    pub start_year: i32,
    /// Social value totals.
    pub totals: Totals,
    /// Social value as a share of contract value, against the council's target.
    pub ratio: RatioReport,
    /// Totals by theme, in framework order (themes with no commitment included).
    pub themes: Vec<ThemeLine>,
    /// One line per commitment, in the proposal's order.
    pub measures: Vec<MeasureLine>,
    /// Local Multiplier 3.
    pub lm3: Lm3Report,
    /// The indicative tender score.
    pub score: ScoreReport,
    /// Warnings: the result stands, but look at these.
    pub warnings: Vec<Issue>,
    /// Commitments recorded without a value, and why (the supplier can still
    /// use them in the written answer).
    pub recorded: Vec<crate::recorded::Recorded>,
    /// Every proxy value used, with its provenance.
    pub sources: Vec<SourceUse>,
    /// How the discounting was done.
    pub discounting: Line,
    /// How figures are rounded.
    pub rounding: Line,
}

/// Which framework produced the figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FrameworkInfo {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Version.
    pub version: String,
    /// Price year of its values.
    pub price_year: u16,
}

/// Gross, adjusted and present value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Totals {
    /// Σ quantity × proxy.
    pub gross: Money,
    /// After SROI adjustments, including the later years of lasting outcomes.
    pub adjusted: Money,
    /// Adjusted and discounted to the base year.
    pub present_value: Money,
}

/// The social value ratio.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RatioReport {
    /// Which figure is compared with contract value.
    pub basis: ValueBasis,
    /// That figure.
    pub value: Money,
    /// value ÷ contract value × 100, two places.
    pub percent: Decimal,
    /// The council's target, percent.
    pub target_percent: Option<Decimal>,
    /// Whether the target is reached.
    pub met: Option<bool>,
}

/// One theme's share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThemeLine {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// The council's priority for it.
    pub priority: Option<Priority>,
    /// Totals of its commitments.
    pub totals: Totals,
    /// Its share of the basis figure, percent, two places.
    pub share_percent: Decimal,
    /// Number of commitments in it.
    pub commitments: usize,
}

/// One commitment's valuation, with the arithmetic written out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureLine {
    /// Index of the commitment in the proposal.
    pub commitment: usize,
    /// Measure id.
    pub measure: String,
    /// Measure title.
    pub title: String,
    /// Theme id.
    pub theme: String,
    /// Unit.
    pub unit: Unit,
    /// Total quantity over the contract.
    pub quantity: Decimal,
    /// Pounds per unit; none for a record-only measure.
    pub proxy: Option<Decimal>,
    /// Whether the measure is recorded but not valued.
    pub record_only: bool,
    /// Whether it was left out of the totals (e.g. delivered outside the local area).
    pub excluded: bool,
    /// The adjustments applied.
    pub adjustments: Resolved,
    /// Totals of this line.
    pub totals: Totals,
    /// Year by year.
    pub years: Vec<YearLine>,
    /// The arithmetic, step by step.
    pub working: Vec<Line>,
}

/// One calendar year of one commitment: the unit of rounding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearLine {
    /// Calendar year.
    pub year: i32,
    /// Quantity delivered in this year.
    pub quantity: Decimal,
    /// Gross value of what is delivered this year.
    pub gross: Money,
    /// Adjusted value arising this year (including lasting outcomes of earlier years).
    pub adjusted: Money,
    /// Discount factor, six places.
    pub discount_factor: Decimal,
    /// Present value.
    pub present_value: Money,
}

/// Local Multiplier 3 (NEF, *The Money Trail*, 2002): the figures, each
/// line, and the arithmetic.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Lm3Report {
    /// The rounds, the multiplier and the spend totals (in JSON, at this level).
    #[serde(flatten)]
    pub figures: Lm3Figures,
    /// Each spend line and how it was classed.
    pub lines: Vec<SpendLineReport>,
    /// The arithmetic.
    pub working: Vec<Line>,
}

/// LM3 under three re-spend assumptions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sensitivity {
    /// Low re-spend.
    pub low: Decimal,
    /// Central re-spend.
    pub central: Decimal,
    /// High re-spend.
    pub high: Decimal,
}

/// Whether a spend line is staff or a supplier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpendKind {
    /// Staff wages.
    Staff,
    /// Supplier spend.
    Supplier,
}

/// One spend line as LM3 saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpendLineReport {
    /// Staff or supplier.
    pub kind: SpendKind,
    /// Index within its list; for a part of a total (`from_total`), 0 for
    /// the local part and 1 for the rest.
    pub index: usize,
    /// Label or supplier name.
    pub label: String,
    /// Outward code; empty for a part of a total.
    pub outward_code: String,
    /// Amount.
    pub amount: Money,
    /// Where it falls.
    pub place: Place,
    /// Re-spend rate used (central), percent.
    pub respend_percent: Decimal,
    /// Where the placement is uncertain (the outward code straddles a
    /// district boundary and the council's area is made of districts): the
    /// share of the outward code's postcodes in the district it was placed by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_share_percent: Option<u8>,
    /// Whether the rate is the supplier's own survey.
    pub surveyed: bool,
    /// Its round-3 contribution.
    pub round3: Money,
    /// Set when this is a part of a total given with a local share (the
    /// share entered, percent) rather than a line with a postcode: the
    /// local part or the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_total: Option<Decimal>,
}

/// The indicative tender score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScoreReport {
    /// `proportional`, `ratio_bands` or `self_assessment`.
    pub method: String,
    /// Score out of 100 within the social value section, two places.
    pub score_percent: Decimal,
    /// The evaluation weighting of social value, percent of the whole tender.
    pub weighting_percent: Decimal,
    /// Points in the whole tender: score × weighting ÷ 100, two places.
    pub weighted_points: Decimal,
    /// The band reached, for the band method.
    pub band: Option<String>,
    /// How it was worked out, step by step.
    pub explanation: Vec<Line>,
}

/// A proxy value used, with the commitments that used it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceUse {
    /// Measure id.
    pub measure: String,
    /// Measure title.
    pub title: String,
    /// Pounds per unit, in the source's price year.
    pub value: Decimal,
    /// Pounds per unit in the framework's price year, as used (converted
    /// with the GDP deflator where the years differ).
    pub value_in_price_year: Decimal,
    /// Unit.
    pub unit: Unit,
    /// Where it comes from.
    pub provenance: Provenance,
}
