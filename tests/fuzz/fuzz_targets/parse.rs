//! Fuzzes everything a document can reach: parsing as a configuration, a
//! proposal or either; preparing a configuration; and checking and
//! calculating a proposal against two example councils. Any panic is a bug.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use socval_core::outcodes::{BUILTIN_CSV, OutcodeTable};
use socval_core::{CivilDate, Env, Setup, json};

fn councils() -> &'static (Vec<Setup>, OutcodeTable) {
    static C: OnceLock<(Vec<Setup>, OutcodeTable)> = OnceLock::new();
    C.get_or_init(|| {
        let configs = [include_str!("../../../www/examples/exampleshire.json"), include_str!("../../../www/examples/northmoor.json")];
        let setups = configs.iter().map(|c| socval_core::prepare(json::parse_config(c).expect("example parses")).expect("example valid")).collect();
        (setups, OutcodeTable::parse(BUILTIN_CSV).expect("table parses"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = json::parse_document(text);
    if let Ok(config) = json::parse_config(text) {
        let _ = socval_core::prepare(config);
    }
    if let Ok(proposal) = json::parse_proposal(text) {
        let (setups, table) = councils();
        let env = Env { today: CivilDate { year: 2026, month: 11, day: 22 }, outcodes: Some(table) };
        for setup in setups {
            let _ = socval_core::calculate(setup, &proposal, &env);
        }
    }
});
