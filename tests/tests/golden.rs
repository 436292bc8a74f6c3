//! Golden worked examples, natively. `UPDATE_GOLDEN=1 cargo test -p
//! socval-tests --test golden` rewrites expected.json files; review the diff.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use socval_tests::{
    CASES, GAP_CASES, PARTNERSHIP_CASES, check, check_gap, check_partnership, run, run_gap,
    run_partnership,
};

#[test]
fn golden_cases_match() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for case in CASES {
        if update {
            let path = format!(
                "{}/golden/{}/expected.json",
                env!("CARGO_MANIFEST_DIR"),
                case.name
            );
            let text = serde_json::to_string_pretty(&run(case.config, case.proposal))
                .unwrap_or_default()
                + "\n";
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else if let Err(e) = check(case) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn golden_gaps_match() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for (name, expected) in GAP_CASES {
        if update {
            let case = socval_tests::case(name);
            let path = format!(
                "{}/golden/{name}/expected-gap.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = serde_json::to_string_pretty(&run_gap(case.config, case.proposal))
                .unwrap_or_default()
                + "\n";
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else if let Err(e) = check_gap(name, expected) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn golden_commissioner_parts_match() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for (name, expected) in PARTNERSHIP_CASES {
        if update {
            let case = socval_tests::case(name);
            let path = format!(
                "{}/golden/{name}/expected-commissioners.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = serde_json::to_string_pretty(&run_partnership(case.config, case.proposal))
                .unwrap_or_default()
                + "\n";
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        } else if let Err(e) = check_partnership(name, expected) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The hand-worked answers of `commissioner-split` (its README), asserted
/// apart from the JSON so that regenerating cannot change them silently.
#[test]
fn commissioner_split_worked_example() {
    use socval_core::{Decimal, Money};
    let r = run_partnership(
        socval_tests::case("commissioner-split").config,
        socval_tests::case("commissioner-split").proposal,
    );
    let [city, police] = [&r["commissioners"][0], &r["commissioners"][1]];
    let pounds = |v: &serde_json::Value| Money::from_f64(v.as_f64().unwrap()).unwrap();
    let p = Money::from_pence;
    assert_eq!(pounds(&city["contract_value"]), p(60_000_000));
    assert_eq!(pounds(&police["contract_value"]), p(40_000_000));
    assert_eq!(pounds(&city["totals"]["gross"]), p(4_106_668));
    assert_eq!(pounds(&police["totals"]["gross"]), p(903_333));
    assert_eq!(pounds(&r["shared"]["totals"]["gross"]), p(5_010_001));
    // The unattributed line: £10,000.01 in 60:40, the odd penny to the city.
    let line = &r["lines"][2]["shares"];
    assert_eq!(
        (
            pounds(&line[0]["totals"]["gross"]),
            pounds(&line[1]["totals"]["gross"])
        ),
        (p(600_001), p(400_000))
    );
    // £100 in 66.666667:33.333333 → £66.67 and £33.33.
    let line = &r["lines"][3]["shares"];
    assert_eq!(
        (
            pounds(&line[0]["totals"]["gross"]),
            pounds(&line[1]["totals"]["gross"])
        ),
        (p(6_667), p(3_333))
    );
    let d = |v: &serde_json::Value| Decimal::from_f64(v.as_f64().unwrap()).unwrap();
    assert_eq!(
        d(&city["ratio"]["percent"]),
        Decimal::parse("6.84").unwrap()
    );
    assert_eq!(
        d(&police["ratio"]["percent"]),
        Decimal::parse("2.26").unwrap()
    );
    assert_eq!(
        (
            city["ratio"]["met"].as_bool(),
            police["ratio"]["met"].as_bool()
        ),
        (Some(true), Some(false))
    );
    assert_eq!(
        (
            d(&city["score"]["score_percent"]),
            d(&police["score"]["score_percent"])
        ),
        (Decimal::from_int(100), Decimal::from_int(40))
    );
    assert_eq!(d(&city["lm3"]["lm3"]), Decimal::parse("1.495").unwrap());
    assert_eq!(d(&police["lm3"]["lm3"]), Decimal::parse("1.57").unwrap());
    assert_eq!(
        d(&r["shared"]["lm3"]["lm3"]),
        Decimal::parse("1.71").unwrap()
    );
}

/// The hand-worked answers of `gap-to-target` (its README), asserted apart
/// from the JSON so that regenerating cannot change them silently.
#[test]
fn gap_worked_example() {
    let case = socval_tests::case("gap-to-target");
    let g = run_gap(case.config, case.proposal);
    assert_eq!(g["value"], 4_500.0);
    let band = &g["goals"][0];
    assert_eq!(band["label"], "Fair");
    assert_eq!(band["short_by"], 500.0);
    let q = |goal: &serde_json::Value| -> Vec<f64> {
        goal["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["quantity"].as_f64().unwrap())
            .collect()
    };
    assert_eq!(q(band), [63.0, 2.0, 500.0]);
    let target = &g["goals"][1];
    assert_eq!(target["kind"], "target");
    assert_eq!(target["short_by"], 5_500.0);
    assert_eq!(q(target), [688.0, 22.0, 5_500.0]);
    assert_eq!(g["lm3"]["lm3"], 1.528);
    assert_eq!(g["lm3"]["goal"], 1.628);
    assert_eq!(g["lm3"]["local_suppliers"]["amount"], 5_679.0);
    assert_eq!(g["lm3"]["local_staff"]["amount"], 6_875.0);
}

/// The headline figures of each worked example, asserted separately from the
/// JSON so that regenerating expected.json cannot silently change them.
#[test]
fn worked_example_figures() {
    let get = |name: &str| {
        let case = CASES
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        run(case.config, case.proposal)
    };
    let r = get("lm3-two-rounds");
    assert_eq!(r["lm3"]["lm2"], 1.76);
    assert_eq!(r["lm3"]["lm3"], 1.76);
    let r = get("lm3-three-rounds");
    assert_eq!(r["lm3"]["round3"], 23_350.0);
    assert_eq!(r["lm3"]["lm3"], 1.7835);
    let r = get("lm3-staff-averaging");
    assert_eq!(r["lm3"]["lines"][0]["round3"], 80_000.0);
    assert_eq!(r["lm3"]["lines"][1]["round3"], 4_540.0);
    assert_eq!(r["lm3"]["round3"], 84_540.0);
    let r = get("sroi-chain");
    assert_eq!(r["totals"]["adjusted"], 131_760.0);
    assert_eq!(r["totals"]["present_value"], 123_672.72);
    assert_eq!(r["totals"]["gross"], 300_000.0);
    let r = get("fte-counting");
    assert_eq!(r["measures"][0]["quantity"], 25.0);
    assert_eq!(r["totals"]["gross"], 250_000.0);
    let r = get("self-assessment");
    assert_eq!(r["score"]["score_percent"], 67.5);
    assert_eq!(r["score"]["weighted_points"], 13.5);
    let r = get("lm3-priority-leakage");
    assert_eq!(r["lm3"]["lm3"], 1.4408);
    assert_eq!(r["lm3"]["round2"], 300_000.0);
    assert_eq!(r["lm3"]["priority_spend"], 100_000.0);
    assert_eq!(r["lm3"]["local_share_of_each_pound"], 0.4408);
    assert_eq!(r["lm3"]["bidder_local"], false);
    let r = get("shared-attribution");
    let adjusted: Vec<_> = (0..4)
        .map(|i| r["measures"][i]["totals"]["adjusted"].clone())
        .collect();
    assert_eq!(adjusted, [1_050.0, 1_050.0, 350.0, 525.0]);
    assert_eq!(r["score"]["score_percent"], 14.88);
    let r = get("exact-thresholds");
    assert_eq!(r["ratio"]["percent"], 10.0);
    assert_eq!(r["ratio"]["met"], false);
    assert_eq!(r["score"]["band"], "Below target");
    let r = get("lasting-output-refused");
    assert_eq!(
        r["config_errors"][0]["path"],
        "framework.inline.measures[0].adjustments.benefit_years"
    );
    let r = get("too-large");
    let paths: Vec<_> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].clone())
        .collect();
    assert_eq!(
        paths,
        [
            "commitments[0].quantity",
            "commitments[1].quantity",
            "commitments[2].quantity"
        ]
    );
    let r = get("double-counting-larger");
    assert_eq!(r["totals"]["adjusted"], 15_000.0);
    assert_eq!(r["recorded"][0]["reason"]["counted"], 1);
    assert_eq!(r["recorded"][1]["reason"]["counted"], 3);
    let r = get("double-counting-reject");
    assert_eq!(r["errors"][0]["path"], "commitments[1].measure");
    assert_eq!(r["errors"][1]["path"], "commitments[3].measure");
    let r = get("wellbeing-price-year");
    assert_eq!(r["sources"][0]["value_in_price_year"], 16_487.646_488);
    assert_eq!(r["measures"][0]["totals"]["present_value"], 97_471.12);
    assert_eq!(r["totals"]["present_value"], 101_156.63);
    let r = get("carbon-by-year");
    assert_eq!(r["totals"]["gross"], 29_664.14);
    assert_eq!(r["totals"]["present_value"], 28_662.37);
    let r = get("council-rules");
    assert_eq!(r["ratio"]["target_percent"], 15.0);
    assert_eq!(r["score"]["score_percent"], 0.0);
    let rules: Vec<_> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].clone())
        .collect();
    assert_eq!(rules, ["rule", "rule", "notice"]);
    let r = get("council-rules-first-year");
    assert_eq!(r["errors"][0]["path"], "commitments[0].per_year");
    assert_eq!(r["errors"][1]["path"], "commitments[1].profile[1]");
    let r = get("split-outward-code");
    assert_eq!(r["lm3"]["lines"][0]["district_share_percent"], 37);
    assert_eq!(r["lm3"]["lines"][1]["district_share_percent"], 97);
    assert!(r["lm3"]["lines"][2].get("district_share_percent").is_none());
    let r = get("local-only-delivery");
    assert_eq!(r["totals"]["gross"], 3_000.0);
    assert_eq!(r["recorded"][0]["reason"]["kind"], "outside_local_area");
    assert_eq!(r["recorded"][1]["reason"]["kind"], "no_delivery_place");
    assert_eq!(r["recorded"][2]["reason"]["kind"], "outside_local_area");
    let r = get("validation-errors");
    assert!(r["errors"].as_array().is_some_and(|e| e.len() >= 6), "{r}");
}

#[test]
fn results_csv_adds_up_to_the_report() {
    let (setup, table) = socval_tests::exampleshire();
    let case = socval_tests::case("exampleshire");
    let env = socval_core::Env {
        today: socval_tests::TODAY,
        outcodes: Some(&table),
    };
    let report = socval_core::calculate(
        &setup,
        &socval_core::json::parse_proposal(case.proposal).unwrap(),
        &env,
    )
    .unwrap();
    let csv = socval_core::csv::report_csv(&report);
    assert!(csv.starts_with("\u{feff}section,item,gross,adjusted,present_value,detail\r\n\"summary\",\"Exampleshire County Council\",49835.50,49835.50,47717.71,"), "{csv}");
    assert_eq!(
        csv.lines()
            .filter(|l| l.starts_with("\"commitment\","))
            .count(),
        6
    );
    assert!(
        csv.contains("\"source\",\"Carbon emissions saved\",,,,\"£268.97 per tCO2e:"),
        "{csv}"
    );
}

#[test]
fn double_counting_is_warned_once_per_pair_in_either_direction() {
    let (setup, table) = socval_tests::exampleshire();
    let env = socval_core::Env {
        today: socval_tests::TODAY,
        outcodes: Some(&table),
    };
    let warnings = |measures: &[&str]| {
        let commitments: Vec<String> = measures
            .iter()
            .map(|m| format!(r#"{{"measure":"{m}","quantity":1}}"#))
            .collect();
        let p = format!(
            r#"{{"schema_version":1,"framework":{{"id":"socval-open","version":"2026.1"}},"contract":{{"value":100000,"duration_years":1,"start_year":2027}},"commitments":[{}]}}"#,
            commitments.join(",")
        );
        let r = socval_core::calculate(
            &setup,
            &socval_core::json::parse_proposal(&p).unwrap(),
            &env,
        )
        .unwrap();
        r.warnings
            .into_iter()
            .filter(|w| w.code == socval_core::IssueCode::DoubleCounting)
            .map(|w| w.path)
            .collect::<Vec<_>>()
    };
    // Long-term unemployed and disabled exclude each other: one warning, at
    // the one left out. Both are record-only (a tie), and ties go to the
    // measure the framework lists first (long-term unemployed), wherever the
    // proposal puts it.
    assert_eq!(
        warnings(&["jobs-long-term-unemployed", "jobs-disabled"]),
        ["commitments[1].measure"]
    );
    assert_eq!(
        warnings(&[
            "jobs-disabled",
            "skills-training",
            "jobs-long-term-unemployed"
        ]),
        ["commitments[0].measure"]
    );
    // The same measure twice is flagged too.
    assert_eq!(
        warnings(&["skills-training", "skills-training"]),
        ["commitments[1].measure"]
    );
    assert!(
        warnings(&[
            "skills-training",
            "community-volunteering",
            "community-donations"
        ])
        .is_empty()
    );
}

/// A delivery case's report, checked against its `expected.json` (written
/// afresh with UPDATE_GOLDEN=1).
fn delivery_case(name: &str) -> socval_core::delivery::DeliveryReport {
    use socval_core::{Env, json};
    let dir = format!("{}/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
    let setup = socval_core::prepare(json::parse_config(&read("config.json")).unwrap()).unwrap();
    let record = json::parse_delivery(&read("record.json")).unwrap();
    let env = Env {
        today: socval_tests::TODAY,
        outcodes: None,
    };
    let r = socval_core::delivery::report(&setup, &record, &env).unwrap();
    let text = serde_json::to_string_pretty(&r).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(format!("{dir}/expected.json"), &text).unwrap();
    } else {
        assert_eq!(
            text,
            read("expected.json"),
            "regenerate with UPDATE_GOLDEN=1 and review the diff"
        );
    }
    r
}

/// Delivery against commitments (`tests/golden/delivery-against-commitments`):
/// the report as its expected JSON, and the hand-worked answers of its
/// README asserted apart from it.
#[test]
fn golden_delivery() {
    use socval_core::delivery::Status;
    use socval_core::{Decimal, Money};
    let r = delivery_case("delivery-against-commitments");
    assert_eq!(r.lm3, None, "no year gives its spend");
    let d = |n: i64| Decimal::from_int(n);
    assert_eq!(r.to_year, Some(2028));
    let [g1, g2, g3] = [&r.measures[0], &r.measures[1], &r.measures[2]];
    assert_eq!(
        (g1.committed_to_date, g1.delivered, g1.status),
        (d(2000), d(1900), Status::Green)
    );
    assert_eq!(g1.percent, Some(d(95)));
    assert_eq!(
        (g2.committed_to_date, g2.delivered, g2.status),
        (d(60), d(52), Status::Amber)
    );
    assert_eq!(g2.percent, Some(Decimal::from_micros(86_670_000)));
    assert_eq!(
        (g3.committed, g3.delivered, g3.status),
        (d(0), d(30), Status::NotYetDue)
    );
    assert_eq!(g2.delivered_value, Money::from_pounds(520));
    assert_eq!(r.committed_value, Money::from_pounds(3900));
    assert_eq!(r.committed_to_date_value, Money::from_pounds(2600));
    assert_eq!(r.delivered_value, Money::from_pounds(2450));
    assert_eq!(r.percent, Some(Decimal::from_micros(94_230_000)));
    assert_eq!(r.status, Status::Amber);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].path, "delivered[1].measures[2].measure");
}

/// LM3 as delivered (`tests/golden/delivered-lm3`): the hand-worked answers
/// of its README, asserted apart from the expected JSON.
#[test]
fn golden_delivered_lm3() {
    use socval_core::delivery::Status;
    use socval_core::{Decimal, Money};
    let r = delivery_case("delivered-lm3");
    let l = r.lm3.expect("both years give their spend");
    let pounds = Money::from_pounds;
    assert_eq!(l.years, [2027, 2028]);
    assert_eq!(
        (l.committed_lm3, l.committed_local_share_of_each_pound),
        (
            Decimal::from_micros(1_788_200),
            Decimal::from_micros(788_200)
        )
    );
    assert_eq!(
        (l.round1, l.round2, l.round3),
        (pounds(65_000), pounds(28_000), pounds(16_926))
    );
    assert_eq!(
        (l.total_spend, l.not_local_spend),
        (pounds(51_000), pounds(23_000))
    );
    assert_eq!(l.sme_spend, pounds(5_000));
    assert_eq!(l.lm3, Decimal::from_micros(1_691_200));
    assert_eq!(l.local_share_of_each_pound, Decimal::from_micros(691_200));
    assert_eq!(l.percent, Some(Decimal::from_micros(87_690_000)));
    assert_eq!(l.status, Status::Amber);
    // The quantities are judged as before, apart from the spend.
    assert_eq!(r.status, Status::Green);
}
