//! A framework: the set of measures a council scores against, with the proxy
//! value and the provenance of every number.

use serde::{Deserialize, Serialize};

use crate::adjustments::Adjustments;
use crate::fixed::Decimal;

/// A measure set such as "Socval Open" or a council's own licensed set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Stable identifier, e.g. `socval-open`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Version; a proposal names the version it was made for.
    pub version: String,
    /// ISO 4217 currency code; only `GBP` is supported.
    #[serde(default = "gbp")]
    pub currency: String,
    /// The price year most proxy values are expressed in.
    pub price_year: u16,
    /// What the framework is and who maintains it.
    #[serde(default)]
    pub description: String,
    /// The licence under which this framework's values are used, e.g. `OGL-UK-3.0`.
    #[serde(default)]
    pub licence: String,
    /// Themes, in display order.
    pub themes: Vec<Theme>,
    /// Measures, in display order.
    pub measures: Vec<Measure>,
}

fn gbp() -> String {
    "GBP".into()
}

/// A theme such as "Jobs" or "Environment".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Identifier, referenced by measures.
    pub id: String,
    /// Display title.
    pub title: String,
    /// One sentence on what the theme covers.
    #[serde(default)]
    pub description: String,
}

/// One thing a supplier can commit to, with how it is valued.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Identifier, referenced by commitments, e.g. `jobs-local`.
    pub id: String,
    /// The theme id this measure belongs to.
    pub theme: String,
    /// Display title.
    pub title: String,
    /// Help for suppliers: what counts, how to count it.
    #[serde(default)]
    pub help: String,
    /// The unit quantities are entered in.
    pub unit: Unit,
    /// An output counted in its year, or an outcome that lasts: only an
    /// outcome may have a duration or drop-off.
    #[serde(default, skip_serializing_if = "is_output")]
    pub kind: Kind,
    /// The discount rate its value takes: `health` for health, life and
    /// wellbeing effects (see [`crate::discounting`]).
    #[serde(default, skip_serializing_if = "is_standard")]
    pub discount: crate::discounting::Rate,
    /// The value of one unit, or none for a record-only measure.
    #[serde(default)]
    pub proxy: Option<Proxy>,
    /// Counts only when delivered in the council's local area.
    #[serde(default)]
    pub local_only: bool,
    /// Each person counts once, in their first year: the quantity may not be
    /// "each year" and later years must be 0 (see [`crate::rules`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub first_year_only: bool,
    /// Measures this one must not be double-counted with.
    #[serde(default)]
    pub excludes: Vec<String>,
    /// Default SROI adjustments for this measure.
    #[serde(default)]
    pub adjustments: Adjustments,
}

fn is_standard(r: &crate::discounting::Rate) -> bool {
    *r == crate::discounting::Rate::Standard
}

fn is_output(k: &Kind) -> bool {
    *k == Kind::Output
}

/// What a measure counts, which decides whether its value may last beyond
/// the year it arises (see [`crate::adjustments`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Counted in the year it is delivered: FTE-years, weeks, hours, pounds
    /// spent, tonnes saved in a year. No duration, no drop-off.
    #[default]
    Output,
    /// A change that lasts beyond the activity (a person into sustained work,
    /// a wellbeing gain): may last several years and drop off.
    Outcome,
}

crate::names::named!(Kind {
    "output" => Output,
    "outcome" => Outcome,
});

/// Units quantities are entered in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Full-time-equivalent years of employment (one FTE for one year).
    FteYear,
    /// People.
    Person,
    /// Weeks.
    Week,
    /// Hours.
    Hour,
    /// Pounds sterling spent or given.
    Pound,
    /// Tonnes of carbon dioxide equivalent.
    Tco2e,
    /// Tonnes.
    Tonne,
    /// WELLBYs: one point of life satisfaction (0–10) for one person for one year.
    Wellby,
    /// Events held (a careers fair, a community day).
    Event,
    /// Organisations supported.
    Organisation,
}

crate::names::named!(Unit {
    "fte_year" => FteYear,
    "person" => Person,
    "week" => Week,
    "hour" => Hour,
    "pound" => Pound,
    "tco2e" => Tco2e,
    "tonne" => Tonne,
    "wellby" => Wellby,
    "event" => Event,
    "organisation" => Organisation,
});

impl Unit {
    /// Singular and plural English labels.
    pub fn label(self, quantity_is_one: bool) -> &'static str {
        match (self, quantity_is_one) {
            (Unit::FteYear, true) => "FTE-year",
            (Unit::FteYear, false) => "FTE-years",
            (Unit::Person, true) => "person",
            (Unit::Person, false) => "people",
            (Unit::Week, true) => "week",
            (Unit::Week, false) => "weeks",
            (Unit::Hour, true) => "hour",
            (Unit::Hour, false) => "hours",
            (Unit::Pound, _) => "£",
            (Unit::Tco2e, _) => "tCO2e",
            (Unit::Tonne, true) => "tonne",
            (Unit::Tonne, false) => "tonnes",
            (Unit::Wellby, true) => "WELLBY",
            (Unit::Wellby, false) => "WELLBYs",
            (Unit::Event, true) => "event",
            (Unit::Event, false) => "events",
            (Unit::Organisation, true) => "organisation",
            (Unit::Organisation, false) => "organisations",
        }
    }
}

/// The value of one unit of a measure, and where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Proxy {
    /// Pounds per unit.
    pub value: Decimal,
    /// Where the figure comes from.
    pub source: Provenance,
    /// How the value changes in real terms over time, where its source says
    /// it does (see [`crate::growth`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<crate::growth::Growth>,
}

/// The provenance of a number: enough to find it again and to know whether it
/// may be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Title of the publication.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where to read it.
    #[serde(default)]
    pub url: String,
    /// The year whose prices the value is in.
    pub price_year: u16,
    /// The licence the value is used under, e.g. `OGL-UK-3.0`.
    pub licence: String,
    /// How the value was derived from the source.
    #[serde(default)]
    pub note: String,
}
