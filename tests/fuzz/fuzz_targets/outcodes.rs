//! Fuzzes the outward-code tables' reader (`outcodes.csv`, and the split
//! shares added from `outcodes-split.csv`): files a council serves beside the
//! widget, so outside data as far as the reader knows. Any panic is a bug.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use socval_core::outcodes::OutcodeTable;

/// The first rows of the built-in table: enough codes for shares to land
/// on, small enough to copy on every run.
fn small() -> &'static OutcodeTable {
    static T: OnceLock<OutcodeTable> = OnceLock::new();
    T.get_or_init(|| {
        let head: String = socval_core::outcodes::BUILTIN_CSV.lines().take(60).map(|l| format!("{l}\n")).collect();
        OutcodeTable::parse(&head).expect("the built-in table's head parses")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(mut table) = OutcodeTable::parse(text) {
        let _ = table.add_shares(text);
        let _ = table.get("EX4");
    }
    let _ = small().clone().add_shares(text);
});
