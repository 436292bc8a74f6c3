//! A programme of call-offs added up year by year (`socval_core::programme`),
//! worked by hand on the golden test measures (G1 £1 each, G2 £10 an hour):
//!
//! - call-off A: 2027, 3 years, £90,000, 3,000 of G1 → 1,000 a year, £30,000 a year;
//! - call-off B: 2028, 2.5 years, £100,000, 25 hours of G2 → 10, 10, 5 hours
//!   (£100, £100, £50) and £40,000, £40,000, £20,000 of contract value.
//!
//! So 2027: 1 running, £30,000, £1,000; 2028 and 2029: 2 running, £70,000,
//! £1,100; 2030: 1 running, £20,000, £50. In all £190,000 and £3,250,
//! 3,250 ÷ 190,000 = 1.7105…% → 1.71%.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use socval_core::{Decimal, Env, Money, json};
use socval_tests::TODAY;

fn call_off(start: i32, years: &str, value: i64, measure: &str, quantity: i64) -> String {
    format!(
        r#"{{"schema_version":1,"framework":{{"id":"golden","version":"1"}},
            "contract":{{"value":{value},"duration_years":{years},"start_year":{start}}},
            "commitments":[{{"measure":"{measure}","quantity":{quantity}}}]}}"#
    )
}

/// The golden test measures' council.
fn golden() -> socval_core::Setup {
    let config = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/golden/delivery-against-commitments/config.json"
    ))
    .unwrap();
    socval_core::prepare(json::parse_config(&config).unwrap()).unwrap()
}

#[test]
fn call_offs_add_up_year_by_year_as_worked_by_hand() {
    let setup = golden();
    let env = Env {
        today: TODAY,
        outcodes: None,
    };
    let reports: Vec<_> = [
        call_off(2027, "3", 90_000, "G1", 3000),
        call_off(2028, "2.5", 100_000, "G2", 25),
    ]
    .iter()
    .map(|p| socval_core::calculate(&setup, &json::parse_proposal(p).unwrap(), &env).unwrap())
    .collect();
    let p = socval_core::programme::programme(&reports, setup.config.scoring.basis);
    let seen: Vec<_> = p
        .years
        .iter()
        .map(|y| (y.year, y.running, y.contract_value, y.social_value.gross))
        .collect();
    let pounds = Money::from_pounds;
    assert_eq!(
        seen,
        [
            (2027, 1, pounds(30_000), pounds(1_000)),
            (2028, 2, pounds(70_000), pounds(1_100)),
            (2029, 2, pounds(70_000), pounds(1_100)),
            (2030, 1, pounds(20_000), pounds(50)),
        ]
    );
    assert_eq!(p.call_offs, 2);
    assert_eq!(p.contract_value, pounds(190_000));
    assert_eq!(p.social_value.gross, pounds(3_250));
    assert_eq!(p.ratio_percent, Decimal::from_micros(1_710_000));
    // The years add up to the whole: nothing counted twice or lost.
    let sum = p
        .years
        .iter()
        .fold(Money::ZERO, |a, y| a.saturating_add(y.contract_value));
    assert_eq!(sum, p.contract_value);
    let csv = socval_core::programme::csv(&p);
    assert!(
        csv.starts_with("\u{feff}period,running,contract_value,gross,adjusted,present_value\r\n")
    );
    // Present values are each call-off's own, discounted to its start:
    // A's 2028 £1,000 is £966.18 (÷ 1.035), B's first year is not discounted.
    assert!(
        csv.ends_with("\"all years\",2,190000.00,3250.00,3250.00,3142.98\r\n"),
        "{csv}"
    );
}

#[test]
fn an_odd_penny_falls_in_one_year_and_the_years_still_add_up() {
    let setup = golden();
    let env = Env {
        today: TODAY,
        outcodes: None,
    };
    let r = socval_core::calculate(
        &setup,
        &json::parse_proposal(&call_off(2027, "3", 100_000, "G1", 1)).unwrap(),
        &env,
    )
    .unwrap();
    let p = socval_core::programme::programme(&[r], setup.config.scoring.basis);
    let pence: Vec<_> = p.years.iter().map(|y| y.contract_value.pence()).collect();
    assert_eq!(pence, [3_333_333, 3_333_334, 3_333_333]);
}
