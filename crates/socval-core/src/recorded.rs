//! Commitments recorded without a value, and why: a supplier can still use
//! them in the written answer of a bid, and a council-priority theme that
//! reads £0 says why rather than nothing.

use serde::{Deserialize, Serialize};

use crate::fixed::Decimal;

/// Why a commitment adds nothing to the totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Reason {
    /// The framework has no openly licensed value for the measure: it is
    /// recorded, not valued (no value is invented).
    NoOpenValue,
    /// Delivered outside the local area, and the measure counts only local
    /// delivery.
    OutsideLocalArea,
    /// The measure counts only local delivery and no delivery postcode was
    /// given.
    NoDeliveryPlace,
    /// The framework excludes double counting between this measure and
    /// another committed one, and the council counts only the larger: the
    /// commitment at index `counted` was counted instead.
    DoubleCounted {
        /// The commitment counted instead.
        counted: usize,
    },
}

/// One commitment that adds nothing to the totals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recorded {
    /// Its index in the proposal's commitments.
    pub commitment: usize,
    /// The measure id.
    pub measure: String,
    /// The quantity committed over the contract, in the measure's unit.
    pub quantity: Decimal,
    /// Why it adds nothing.
    pub reason: Reason,
}
