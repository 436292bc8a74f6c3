//! Fuzzes delivery records (`socval_core::delivery`): a record is kept by a
//! supplier and opened by the council's contract manager, so outside data.
//! Any text is read as a record and, where it reads, reported against two
//! example councils: a report or a refusal, never a panic. Where a report
//! comes, its statuses agree with its figures: "not yet due" exactly where
//! nothing was committed to date, and the whole's delivered value is the
//! sum of its measures'.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socval_core::delivery::{self, Status};
use socval_core::{Decimal, Money, json};

#[path = "councils.rs"]
mod councils;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(record) = json::parse_delivery(text) else { return };
    let env = councils::env();
    for setup in &councils::councils().0 {
        let Ok(r) = delivery::report(setup, &record, &env) else { continue };
        for m in &r.measures {
            assert_eq!(m.status == Status::NotYetDue, m.committed_to_date == Decimal::ZERO, "{m:?}");
        }
        let sum = r.measures.iter().fold(Money::ZERO, |a, m| a.saturating_add(m.delivered_value));
        assert_eq!(sum, r.delivered_value);
    }
});
