//! Fuzzes everything a document can reach: parsing as a configuration, a
//! proposal or either; preparing a configuration; and checking and
//! calculating a proposal against two example councils and sharing it
//! between the commissioners of the example framework. Any panic is a bug.
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
        // Shared between commissioners: the parts must add up to the whole.
        if let Ok(r) = socval_core::partnership::report(councils::partnership(), &proposal, &env) {
            let parts: i64 = r.commissioners.iter().map(|k| k.totals.gross.pence()).sum();
            assert_eq!(parts, r.shared.totals.gross.pence(), "commissioners' parts add up to the shared total");
        }
    }
});
