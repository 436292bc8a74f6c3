//! Fuzzes everything a document can reach: parsing as a configuration, a
//! proposal or either; preparing a configuration; and checking and
//! calculating a proposal against two example councils. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socval_core::json;

#[path = "councils.rs"]
mod councils;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = json::parse_document(text);
    if let Ok(config) = json::parse_config(text) {
        let _ = socval_core::prepare(config);
    }
    if let Ok(proposal) = json::parse_proposal(text) {
        let env = councils::env();
        for setup in &councils::councils().0 {
            let _ = socval_core::calculate(setup, &proposal, &env);
        }
    }
});
