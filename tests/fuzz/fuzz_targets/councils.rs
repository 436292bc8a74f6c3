//! The two example councils every fuzz target runs against, set up once.

use std::sync::OnceLock;

use socval_core::outcodes::{BUILTIN_CSV, OutcodeTable};
use socval_core::{CivilDate, Env, Setup, json};

/// Exampleshire and Northmoor, with the outward-code table.
pub fn councils() -> &'static (Vec<Setup>, OutcodeTable) {
    static C: OnceLock<(Vec<Setup>, OutcodeTable)> = OnceLock::new();
    C.get_or_init(|| {
        let configs = [include_str!("../../../www/examples/exampleshire.json"), include_str!("../../../www/examples/northmoor.json")];
        let setups = configs.iter().map(|c| socval_core::prepare(json::parse_config(c).expect("example parses")).expect("example valid")).collect();
        (setups, OutcodeTable::parse(BUILTIN_CSV).expect("table parses"))
    })
}

/// A fixed "today" and the table.
pub fn env() -> Env<'static> {
    Env { today: CivilDate { year: 2026, month: 11, day: 22 }, outcodes: Some(&councils().1) }
}

/// The example framework shared by two commissioners, set up once.
#[allow(dead_code)] // Not every target shares a framework.
pub fn partnership() -> &'static Setup {
    static P: OnceLock<Setup> = OnceLock::new();
    P.get_or_init(|| socval_core::prepare(json::parse_config(include_str!("../../../www/examples/northmoor-partnership.json")).expect("example parses")).expect("example valid"))
}
