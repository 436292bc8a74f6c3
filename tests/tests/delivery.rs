//! Delivery against commitments (`socval_core::delivery`): what it refuses,
//! and that delivering exactly what was committed reads as exactly that.
//! The worked example is the golden case `delivery-against-commitments`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use socval_core::delivery::{self, Delivered, DeliveredYear, DeliveryRecord, Status};
use socval_core::outcodes::OutcodeTable;
use socval_core::{Decimal, Env, json};
use socval_tests::TODAY;

fn exampleshire() -> (socval_core::Setup, DeliveryRecord) {
    let setup = socval_core::prepare(
        json::parse_config(include_str!("../../www/examples/exampleshire.json")).unwrap(),
    )
    .unwrap();
    let record = json::parse_delivery(include_str!(
        "../../www/examples/exampleshire-delivery.json"
    ))
    .unwrap();
    (setup, record)
}

#[test]
fn delivering_what_was_committed_is_green_and_worth_what_was_committed() {
    let (setup, mut record) = exampleshire();
    let table = OutcodeTable::builtin().unwrap();
    let env = Env {
        today: TODAY,
        outcodes: Some(&table),
    };
    // Two years delivered exactly as committed, from the committed plan.
    let plan = delivery::report(&setup, &record, &env).unwrap();
    record.delivered = plan.years[..2]
        .iter()
        .map(|&year| DeliveredYear {
            year,
            measures: plan
                .measures
                .iter()
                .map(|m| Delivered {
                    measure: m.measure.clone(),
                    quantity: m.by_year.iter().find(|y| y.year == year).unwrap().committed,
                    evidence: String::new(),
                })
                .collect(),
        })
        .collect();
    let r = delivery::report(&setup, &record, &env).unwrap();
    assert_eq!(r.to_year, Some(plan.years[1]));
    assert!(
        r.measures
            .iter()
            .all(|m| m.status == Status::Green && m.delivered == m.committed_to_date),
        "{:#?}",
        r.measures
    );
    assert_eq!(r.delivered_value, r.committed_to_date_value);
    assert_eq!(r.percent, Some(Decimal::HUNDRED));
    assert!(r.warnings.is_empty());
    // All three years delivered: everything committed, and its whole value.
    let three = DeliveredYear {
        year: plan.years[2],
        ..record.delivered[1].clone()
    };
    record.delivered.push(three);
    let all = delivery::report(&setup, &record, &env).unwrap();
    assert!(
        all.measures
            .iter()
            .all(|m| m.committed_to_date == m.committed)
    );
    assert_eq!(all.committed_to_date_value, all.committed_value);
}

#[test]
fn a_record_that_breaks_its_rules_is_refused_with_every_field_named() {
    let (setup, mut record) = exampleshire();
    let table = OutcodeTable::builtin().unwrap();
    let env = Env {
        today: TODAY,
        outcodes: Some(&table),
    };
    record.schema_version = 2;
    record.delivered[1].year = 2031;
    record.delivered.push(DeliveredYear {
        year: 2027,
        measures: vec![
            Delivered {
                measure: "made-up".into(),
                quantity: Decimal::ONE,
                evidence: String::new(),
            },
            Delivered {
                measure: "jobs-local".into(),
                quantity: Decimal::from_int(-1),
                evidence: String::new(),
            },
        ],
    });
    let e = delivery::report(&setup, &record, &env).unwrap_err();
    let said: Vec<_> = e
        .issues
        .iter()
        .map(|i| format!("{}: {}", i.path, i.message))
        .collect();
    assert_eq!(
        said,
        [
            "schema_version: is 2; this version of Socval reads delivery records of version 1",
            "delivered[1].year: 2031 is not a year of the contract (2027 to 2029)",
            "delivered[2].year: 2027 is given twice: give each year once",
            "delivered[2].measures[0].measure: \"made-up\" is not one of the council's measures",
            "delivered[2].measures[1].quantity: must be zero or more",
        ]
    );
    // The committed proposal's own problems, under `committed`.
    let (_, mut record) = exampleshire();
    record.committed.commitments[0].quantity = Some(Decimal::from_int(-5));
    let e = delivery::report(&setup, &record, &env).unwrap_err();
    assert!(
        e.issues
            .iter()
            .any(|i| i.path == "committed.commitments[0].quantity"),
        "{e}"
    );
}

#[test]
fn a_first_year_measure_delivered_later_is_named_on_the_record_and_record_only_work_is_still_judged()
 {
    let case = socval_tests::case("council-rules-first-year");
    let setup = socval_core::prepare(json::parse_config(case.config).unwrap()).unwrap();
    let committed = json::parse_proposal(case.proposal).unwrap();
    let first = setup
        .framework
        .measures
        .iter()
        .find(|m| m.first_year_only)
        .expect("a first-year-only measure")
        .id
        .clone();
    let start = committed.contract.start_year;
    let record = DeliveryRecord {
        schema_version: 1,
        contract: String::new(),
        committed,
        delivered: vec![DeliveredYear {
            year: start + 1,
            measures: vec![Delivered {
                measure: first.clone(),
                quantity: Decimal::ONE,
                evidence: String::new(),
            }],
        }],
    };
    let table = OutcodeTable::builtin().unwrap();
    let env = Env {
        today: TODAY,
        outcodes: Some(&table),
    };
    let e = delivery::report(&setup, &record, &env).unwrap_err();
    assert_eq!(e.issues[0].path, "delivered[0].measures[0].quantity");
    assert!(
        e.issues[0]
            .message
            .to_string()
            .contains(&format!("record them in {start}")),
        "{e}"
    );
}

#[test]
fn work_due_on_record_only_measures_is_judged_not_left_as_not_yet_due() {
    // Exampleshire values neither local jobs nor apprenticeship weeks (both
    // record-only): nothing of value is due, but the work is.
    let (setup, mut record) = exampleshire();
    record
        .committed
        .commitments
        .retain(|c| c.measure == "jobs-local" || c.measure == "skills-apprenticeships");
    record.delivered = vec![DeliveredYear {
        year: record.committed.contract.start_year,
        measures: vec![],
    }];
    let table = OutcodeTable::builtin().unwrap();
    let env = Env {
        today: TODAY,
        outcodes: Some(&table),
    };
    let r = delivery::report(&setup, &record, &env).unwrap();
    assert_eq!(r.committed_to_date_value, socval_core::Money::ZERO);
    assert!(
        r.measures.iter().all(|m| m.status == Status::Red),
        "{:?}",
        r.measures
    );
    assert_eq!(r.status, Status::Red, "judged on its lowest measure");
}

#[test]
fn thresholds_out_of_order_are_refused_with_the_configuration_by_field() {
    let mut config =
        json::parse_config(include_str!("../../www/examples/exampleshire.json")).unwrap();
    config.delivery.amber_percent = Decimal::from_int(120);
    let e = socval_core::prepare(config.clone()).unwrap_err();
    let paths: Vec<&str> = e.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["delivery.amber_percent"]);
    assert!(
        e.issues[0]
            .message
            .to_string()
            .contains("(120%) must be from 0 to the green one (100%)")
    );
    // Amber equal to green is allowed: nothing is amber.
    config.delivery.amber_percent = Decimal::HUNDRED;
    assert!(socval_core::prepare(config.clone()).is_ok());
    config.delivery.green_percent = Decimal::from_int(-1);
    let e = socval_core::prepare(config).unwrap_err();
    assert!(e.issues.iter().any(|i| i.path == "delivery.green_percent"));
}
