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
use socval_core::proposal::{Spend, SpendTotal};
use socval_core::{Decimal, Env, Money, json};
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
            ..DeliveredYear::default()
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
        ..DeliveredYear::default()
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
            ..DeliveredYear::default()
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
        ..DeliveredYear::default()
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

/// The golden case `delivered-lm3`: its council and record.
fn delivered_lm3() -> (socval_core::Setup, DeliveryRecord) {
    let setup = socval_core::prepare(
        json::parse_config(include_str!("../golden/delivered-lm3/config.json")).unwrap(),
    )
    .unwrap();
    let record = json::parse_delivery(include_str!("../golden/delivered-lm3/record.json")).unwrap();
    (setup, record)
}

fn said(e: &delivery::DeliveryError) -> Vec<String> {
    e.issues
        .iter()
        .map(|i| format!("{}: {}", i.path, i.message))
        .collect()
}

const NO_TABLE: Env<'static> = Env {
    today: TODAY,
    outcodes: None,
};

#[test]
fn income_and_spend_go_together_and_spend_is_checked_as_a_bids_is() {
    let (setup, mut record) = delivered_lm3();
    record.delivered[0].income = None;
    record.delivered[1].spend = None;
    record.delivered[1].income = Some(Money::from_pounds(-1));
    let e = delivery::report(&setup, &record, &NO_TABLE).unwrap_err();
    assert_eq!(
        said(&e),
        [
            "delivered[0].income: must be given with 2027's spend: it is LM3's first round, the income the contract brought in",
            "delivered[1].spend: must be given with 2028's income (an empty spend, {}, where nothing was spent): income alone would lower LM3 by spend never recorded",
            "delivered[1].income: must be zero or more",
        ]
    );
    // A year's spend line is checked as a bid's, named under its year.
    let (_, mut record) = delivered_lm3();
    record.delivered[1].spend.as_mut().unwrap().staff[0].postcode = "not a postcode".into();
    let e = delivery::report(&setup, &record, &NO_TABLE).unwrap_err();
    assert_eq!(e.issues.len(), 1, "{e}");
    assert_eq!(e.issues[0].path, "delivered[1].spend.staff[0].postcode");
    // Totals only where the council allows them, as for a bid.
    let (_, mut record) = delivered_lm3();
    record.delivered[0].spend = Some(Spend {
        staff_total: Some(SpendTotal {
            amount: Money::from_pounds(1000),
            local_percent: Decimal::from_int(50),
        }),
        ..Spend::default()
    });
    let e = delivery::report(&setup, &record, &NO_TABLE).unwrap_err();
    assert!(
        e.issues
            .iter()
            .all(|i| i.path.starts_with("delivered[0].spend")),
        "{e}"
    );
}

#[test]
fn spend_may_exceed_a_years_income_but_not_the_income_of_all_years_counted() {
    let (setup, mut record) = delivered_lm3();
    // Paid in arrears: 2027's £24,000 of spend on £20,000 of income; with
    // 2028 the spend (£24,000 + £26,000) is within the income (£55,000).
    record.delivered[0].income = Some(Money::from_pounds(20_000));
    record.delivered[0].spend.as_mut().unwrap().suppliers[1].amount = Money::from_pounds(7_000);
    let r = delivery::report(&setup, &record, &NO_TABLE).unwrap();
    let l = r.lm3.unwrap();
    assert_eq!(
        (l.round1, l.total_spend),
        (Money::from_pounds(55_000), Money::from_pounds(50_000))
    );
    // With 2028's income cut to £20,000, spend of £50,000 exceeds £40,000.
    record.delivered[1].income = Some(Money::from_pounds(20_000));
    let e = delivery::report(&setup, &record, &NO_TABLE).unwrap_err();
    assert_eq!(
        said(&e),
        [
            "delivered: records staff wages and supplier spend of £50,000.00 in all, more than the £40,000.00 of income recorded for the same years; LM3 measures how the contract's own income is spent"
        ]
    );
}

#[test]
fn spending_as_committed_delivers_the_committed_lm3_and_no_spend_leaves_none() {
    let (setup, mut record) = delivered_lm3();
    // Each year a third of the contract's income and of each spend line.
    let third = |m: Money| Money::from_pence(m.pence() / 3);
    let mut spend = record.committed.spend.clone();
    for l in &mut spend.staff {
        l.amount = third(l.amount);
    }
    for l in &mut spend.suppliers {
        l.amount = third(l.amount);
    }
    for y in &mut record.delivered {
        y.income = Some(third(record.committed.contract.value));
        y.spend = Some(spend.clone());
    }
    let l = delivery::report(&setup, &record, &NO_TABLE)
        .unwrap()
        .lm3
        .unwrap();
    assert_eq!(l.lm3, l.committed_lm3);
    assert_eq!(l.percent, Some(Decimal::HUNDRED));
    assert_eq!(l.status, Status::Green);
    // Nothing spent locally: 0% of the local part, red (LM3 itself would
    // still read 1.0000, 56% of 1.7882).
    for y in &mut record.delivered {
        y.spend = Some(Spend::default());
    }
    let l = delivery::report(&setup, &record, &NO_TABLE)
        .unwrap()
        .lm3
        .unwrap();
    assert_eq!(
        (l.lm3, l.percent, l.status),
        (Decimal::ONE, Some(Decimal::ZERO), Status::Red)
    );
    // No year gives its spend: no LM3 as delivered.
    for y in &mut record.delivered {
        (y.income, y.spend) = (None, None);
    }
    assert_eq!(
        delivery::report(&setup, &record, &NO_TABLE).unwrap().lm3,
        None
    );
    // No local spend committed: nothing to measure against.
    let (_, mut record) = delivered_lm3();
    record.committed.spend = Spend::default();
    let l = delivery::report(&setup, &record, &NO_TABLE)
        .unwrap()
        .lm3
        .unwrap();
    assert_eq!((l.percent, l.status), (None, Status::NotYetDue));
    assert_eq!(l.committed_lm3, Decimal::ONE);
}

#[test]
fn the_monitoring_csv_gives_lm3_and_its_local_part() {
    let (setup, record) = delivered_lm3();
    let r = delivery::report(&setup, &record, &NO_TABLE).unwrap();
    let csv = delivery::csv(&r);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[rows.len() - 2..],
        [
            "\"lm3\",\"Local Multiplier 3 (LM3)\",\"ratio\",1.7882,1.7882,1.6912,,,,",
            "\"lm3_local_part\",\"Local share of each pound beyond the first round (LM3 less one)\",\"ratio\",0.7882,0.7882,0.6912,87.69,\"amber\",,",
        ]
    );
}

#[test]
fn lm3_is_not_judged_on_chosen_years_and_a_year_of_spend_alone_makes_no_measure_due() {
    let (setup, mut record) = delivered_lm3();
    // 2027's spend left out: 2028 alone is counted and shown, not judged.
    (record.delivered[0].income, record.delivered[0].spend) = (None, None);
    let r = delivery::report(&setup, &record, &NO_TABLE).unwrap();
    let l = r.lm3.unwrap();
    assert_eq!((l.years, l.missing_years), (vec![2028], vec![2027]));
    assert_eq!((l.percent, l.status), (None, Status::Incomplete));
    assert_eq!(l.round1, Money::from_pounds(35_000));
    assert_eq!(
        r.warnings
            .iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .collect::<Vec<_>>(),
        [
            "delivered: LM3 as delivered counts 2028 only: 2027 gives no income and spend, so it is not judged against what was committed until every year to date does"
        ]
    );
    // 2029 given for its spend alone: its measures are not yet due, and
    // with 2027 and 2028 its spend is judged.
    let (_, mut record) = delivered_lm3();
    let mut y = record.delivered[1].clone();
    (y.year, y.measures) = (2029, Vec::new());
    record.delivered.push(y);
    let r = delivery::report(&setup, &record, &NO_TABLE).unwrap();
    assert_eq!(r.to_year, Some(2028));
    assert_eq!(r.measures[0].committed_to_date, Decimal::from_int(2000));
    let l = r.lm3.unwrap();
    assert_eq!((l.years.len(), l.missing_years.len()), (3, 0));
    assert_ne!(l.status, Status::Incomplete);
    // Spend for 2029 alone, after measures for 2027 and 2028: both missing.
    for y in &mut record.delivered[..2] {
        (y.income, y.spend) = (None, None);
    }
    let l = delivery::report(&setup, &record, &NO_TABLE)
        .unwrap()
        .lm3
        .unwrap();
    assert_eq!(
        (l.missing_years, l.status),
        (vec![2027, 2028], Status::Incomplete)
    );
}
