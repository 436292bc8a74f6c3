//! A supplier's proposal: the contract, the commitments, and where the money
//! goes (what LM3 needs).

use serde::{Deserialize, Serialize};

use crate::fixed::{Decimal, Money};

/// The current version of the proposal format.
pub const PROPOSAL_SCHEMA_VERSION: u32 = 1;

/// What a supplier enters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// Format version; must be 1.
    pub schema_version: u32,
    /// The framework and version the proposal was made for.
    pub framework: FrameworkStamp,
    /// The bidder's name (optional; shown on exports).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bidder: String,
    /// The contract.
    pub contract: Contract,
    /// Commitments against the council's measures.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// Where the contract's money is spent.
    #[serde(default)]
    pub spend: Spend,
    /// Self-assessed scores against the council's award criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub self_assessment: Vec<SelfScore>,
}

/// Which framework, and which version of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FrameworkStamp {
    /// Framework id.
    pub id: String,
    /// Framework version.
    pub version: String,
}

/// The contract being bid for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// Total contract value over its whole length, pounds.
    pub value: Money,
    /// Length in years; fractions allowed (2.5 is two and a half years).
    pub duration_years: Decimal,
    /// The calendar year the contract starts.
    pub start_year: i32,
    /// The supplier's postcode or outward code.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub supplier_postcode: String,
}

/// One commitment: a quantity of one measure.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// The measure id.
    pub measure: String,
    /// How much, in the measure's unit: over the whole contract, or each year
    /// when `per_year` is true. May be left out when `profile` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Decimal>,
    /// The quantity is for each contract year (e.g. 12.5 FTE every year).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_year: bool,
    /// Quantities year by year, from the first contract year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Vec<Decimal>>,
    /// A further share owed to partners, percent, on top of the council's own
    /// attribution for the measure (the two compound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution_percent: Option<Decimal>,
    /// The number of projects or partners that share this initiative, this
    /// contract included (a careers fair run across three projects is 3):
    /// its value is divided equally among them. Give this or
    /// `attribution_percent`, not both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_by: Option<u16>,
    /// Where it is delivered, for measures that count only locally.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub postcode: String,
    /// The supplier's own note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Which of a shared framework's commissioners it serves, in shares
    /// adding up to 100; in their contract shares when empty (see
    /// [`crate::partnership`]).
    #[cfg(feature = "partnership")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commissioners: Vec<crate::partnership::Share>,
}

impl Commitment {
    /// A commitment with every field the form gives: for a crate that must
    /// build one whatever the core's features (its `commissioners` exist
    /// only with `partnership`). Inlined, so it costs the widget nothing
    /// over a literal, where filling the rest from a blank one did.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub fn of(
        measure: String,
        quantity: Option<Decimal>,
        per_year: bool,
        profile: Option<Vec<Decimal>>,
        attribution_percent: Option<Decimal>,
        shared_by: Option<u16>,
        postcode: String,
        note: String,
    ) -> Commitment {
        Commitment {
            measure,
            quantity,
            per_year,
            profile,
            attribution_percent,
            shared_by,
            postcode,
            note,
            #[cfg(feature = "partnership")]
            commissioners: Vec::new(),
        }
    }
}

/// Where the money goes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Spend {
    /// Staff wages by where staff live.
    #[serde(default)]
    pub staff: Vec<StaffLine>,
    /// Spend with suppliers and subcontractors.
    #[serde(default)]
    pub suppliers: Vec<SupplierLine>,
    /// The quicker way to give staff wages, instead of `staff`: the whole
    /// wage bill and the share of staff living in the local area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_total: Option<SpendTotal>,
    /// The quicker way to give supplier spend, instead of `suppliers`: the
    /// whole supply-chain spend and the share of it with firms in the local
    /// area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppliers_total: Option<SpendTotal>,
}

/// A total and the share of it that is local: what a small firm knows
/// without listing every postcode (LM3 round 2 from two figures). The share
/// is the supplier's own statement; the result says the spend was entered
/// this way, and a council can refuse it (`lm3.totals_allowed`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpendTotal {
    /// The whole amount over the contract, pounds.
    pub amount: Money,
    /// The local share, percent: of staff living in the local area (their
    /// wages are taken to be that share of the wage bill), or of supply-chain
    /// spend with firms in it.
    pub local_percent: Decimal,
}

/// Wages paid over the contract to staff living in one place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffLine {
    /// A label, e.g. "Site team".
    #[serde(default)]
    pub label: String,
    /// Where the staff live: postcode or outward code.
    pub postcode: String,
    /// Wages over the whole contract, pounds.
    pub amount: Money,
    /// Surveyed local re-spend, percent, where the supplier has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respend_percent: Option<Decimal>,
}

/// Spend over the contract with one supplier.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupplierLine {
    /// The supplier's name.
    #[serde(default)]
    pub name: String,
    /// Where the supplier is: postcode or outward code.
    pub postcode: String,
    /// Spend over the whole contract, pounds.
    pub amount: Money,
    /// A small or medium-sized enterprise.
    #[serde(default)]
    pub sme: bool,
    /// A voluntary, community or social enterprise organisation.
    #[serde(default)]
    pub vcse: bool,
    /// Surveyed local re-spend, percent, where the supplier has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respend_percent: Option<Decimal>,
}

/// A self-assessed score against one award criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SelfScore {
    /// The criterion id.
    pub criterion: String,
    /// Score, 0 to 100.
    pub score_percent: Decimal,
}
