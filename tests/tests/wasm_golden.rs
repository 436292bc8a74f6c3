//! The same golden cases in wasm32: a pass here and in `golden.rs` proves the
//! native and WebAssembly builds give the same figures to the penny.
#![cfg(target_arch = "wasm32")]

use socval_tests::{
    CASES, DELIVERY_CASES, GAP_CASES, PARTNERSHIP_CASES, check, check_delivery, check_gap,
    check_partnership,
};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn golden_cases_match_in_wasm() {
    let failures: Vec<String> = CASES.iter().filter_map(|c| check(c).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(CASES.len(), 25);
}

#[wasm_bindgen_test]
fn golden_gaps_match_in_wasm() {
    let failures: Vec<String> = GAP_CASES
        .iter()
        .filter_map(|(name, expected)| check_gap(name, expected).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(GAP_CASES.len(), 2);
}

#[wasm_bindgen_test]
fn golden_commissioner_parts_match_in_wasm() {
    let failures: Vec<String> = PARTNERSHIP_CASES
        .iter()
        .filter_map(|(name, expected)| check_partnership(name, expected).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(PARTNERSHIP_CASES.len(), 1);
}

#[wasm_bindgen_test]
fn golden_deliveries_match_in_wasm() {
    let failures: Vec<String> = DELIVERY_CASES
        .iter()
        .filter_map(|c| check_delivery(c).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(DELIVERY_CASES.len(), 2);
}
