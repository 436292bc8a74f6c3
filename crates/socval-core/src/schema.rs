//! JSON Schema of the formats, for `socval schema`.

use schemars::schema_for;

/// JSON Schema (draft 2020-12) of the council configuration.
pub fn config() -> serde_json::Value {
    serde_json::to_value(schema_for!(crate::config::CouncilConfig)).unwrap_or_default()
}

/// JSON Schema of the proposal.
pub fn proposal() -> serde_json::Value {
    serde_json::to_value(schema_for!(crate::proposal::Proposal)).unwrap_or_default()
}

/// JSON Schema of the calculation result.
pub fn result() -> serde_json::Value {
    serde_json::to_value(schema_for!(crate::report::Report)).unwrap_or_default()
}

/// JSON Schema of `socval gap`'s JSON: what it would take.
pub fn gap() -> serde_json::Value {
    serde_json::to_value(schema_for!(crate::gap::Gap)).unwrap_or_default()
}

/// JSON Schema of a delivery record (what was committed and delivered).
pub fn delivery() -> serde_json::Value {
    serde_json::to_value(schema_for!(crate::delivery::DeliveryRecord)).unwrap_or_default()
}

/// JSON Schema of `socval delivery`'s JSON: delivery against commitments.
pub fn delivery_report() -> serde_json::Value {
    serde_json::to_value(schema_for!(crate::delivery::DeliveryReport)).unwrap_or_default()
}

/// JSON Schema of `socval commissioners --format json`'s output: each
/// commissioner's part of a shared framework, and the shared total.
pub fn partnership_report() -> serde_json::Value {
    serde_json::to_value(schema_for!(crate::partnership::PartnershipReport)).unwrap_or_default()
}
