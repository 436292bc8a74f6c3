//! Shared outcomes across commissioners (`socval_core::partnership`): the
//! configuration's and the attribution's rules, each naming its field, and
//! the one promise that matters most: the commissioners' parts add up to
//! the shared total to the penny, with nothing counted twice.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use proptest::prelude::*;
use socval_core::partnership::{self, PartnershipReport};
use socval_core::{Decimal, Env, Money, Proposal, json};
use socval_tests::TODAY;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/golden/commissioner-split");

fn config_value() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/config.json")).unwrap()).unwrap()
}

fn proposal() -> Proposal {
    json::parse_proposal(&std::fs::read_to_string(format!("{DIR}/proposal.json")).unwrap()).unwrap()
}

fn setup_of(v: &serde_json::Value) -> Result<socval_core::Setup, Vec<(String, String)>> {
    socval_core::prepare(json::parse_config(&v.to_string()).unwrap()).map_err(|e| {
        e.issues
            .iter()
            .map(|i| (i.path.clone(), i.message.to_string()))
            .collect()
    })
}

fn env() -> Env<'static> {
    Env {
        today: TODAY,
        outcodes: None,
    }
}

fn report(
    setup: &socval_core::Setup,
    p: &Proposal,
) -> Result<PartnershipReport, Vec<(String, String)>> {
    partnership::report(setup, p, &env()).map_err(|e| {
        e.issues
            .iter()
            .map(|i| (i.path.clone(), i.message.to_string()))
            .collect()
    })
}

fn paths(issues: &[(String, String)]) -> Vec<&str> {
    issues.iter().map(|(p, _)| p.as_str()).collect()
}

#[test]
fn a_configurations_commissioners_are_checked_each_naming_its_field() {
    let mut v = config_value();
    let k = &mut v["commissioners"];
    k[1]["id"] = "city".into();
    k[1]["contract_share_percent"] = 30.into();
    k[0]["local_area"] = serde_json::json!({ "name": "Nowhere" });
    k[0]["theme_priorities"] = serde_json::json!([{ "theme": "sport", "priority": "high" }]);
    k[1]["target_ratio_percent"] = (-1).into();
    k[1]["name"] = "".into();
    let issues = setup_of(&v).unwrap_err();
    let at = paths(&issues);
    for want in [
        "commissioners[1].id",
        "commissioners[1].name",
        "commissioners[0].local_area",
        "commissioners[0].theme_priorities[0].theme",
        "commissioners[1].target_ratio_percent",
        "commissioners",
    ] {
        assert!(at.contains(&want), "{want} in {issues:?}");
    }
    let sum = issues.iter().find(|(p, _)| p == "commissioners").unwrap();
    assert!(sum.1.contains("add up to 90 percent, not 100"), "{sum:?}");

    let mut v = config_value();
    v["commissioners"][0]["contract_share_percent"] = 0.into();
    v["commissioners"][1]["contract_share_percent"] = 100.into();
    let issues = setup_of(&v).unwrap_err();
    assert_eq!(
        paths(&issues),
        ["commissioners[0].contract_share_percent"],
        "{issues:?}"
    );
}

#[test]
fn a_proposals_shares_are_checked_each_naming_its_commitment() {
    let setup = setup_of(&config_value()).unwrap();
    let share = |who: &str, percent: i64| partnership::Share {
        commissioner: who.into(),
        percent: Decimal::from_int(percent),
    };
    let mut p = proposal();
    p.commitments[0].commissioners = vec![share("fire", 100)];
    p.commitments[1].commissioners = vec![share("city", 50), share("city", 50)];
    p.commitments[2].commissioners = vec![share("city", 50), share("police", 40)];
    p.commitments[3].commissioners = vec![share("city", 150), share("police", -50)];
    let issues = report(&setup, &p).unwrap_err();
    let at = paths(&issues);
    for want in [
        "commitments[0].commissioners[0].commissioner",
        "commitments[1].commissioners[1].commissioner",
        "commitments[2].commissioners",
        "commitments[3].commissioners[0].percent",
        "commitments[3].commissioners[1].percent",
    ] {
        assert!(at.contains(&want), "{want} in {issues:?}");
    }
    let unknown = &issues[0].1;
    assert!(
        unknown.contains("\"fire\"") && unknown.contains("city, police"),
        "{unknown}"
    );
    assert!(
        issues
            .iter()
            .any(|(_, m)| m.contains("add up to 90 percent")),
        "{issues:?}"
    );
    // The calculation's own errors come with them, all at once.
    p.commitments[0].measure = "NOPE".into();
    let issues = report(&setup, &p).unwrap_err();
    assert!(
        paths(&issues).contains(&"commitments[0].measure"),
        "{issues:?}"
    );
}

#[test]
fn a_configuration_without_commissioners_is_refused_not_zero() {
    let mut v = config_value();
    v.as_object_mut().unwrap().remove("commissioners");
    let setup = setup_of(&v).unwrap();
    let issues = report(&setup, &proposal()).unwrap_err();
    assert!(issues[0].1.contains("no commissioners"), "{issues:?}");
}

#[test]
fn a_commissioners_own_target_and_a_pound_benchmark_scaled_to_its_share() {
    // Proportional scoring to £100,000 for the whole contract: the city (60%)
    // is scored against £60,000, the police (40%) against £40,000.
    let mut v = config_value();
    v["scoring"]["method"] =
        serde_json::json!({ "kind": "proportional", "benchmark_value": 100000 });
    let setup = setup_of(&v).unwrap();
    let r = report(&setup, &proposal()).unwrap();
    let [city, police] = [&r.commissioners[0], &r.commissioners[1]];
    // £41,066.68 ÷ £60,000 = 68.4444…% → 68.44; £9,033.33 ÷ £40,000 = 22.5833…% → 22.58.
    assert_eq!(city.score.score_percent, Decimal::parse("68.44").unwrap());
    assert_eq!(police.score.score_percent, Decimal::parse("22.58").unwrap());
    // The shared score is against the whole £100,000: 50.10.
    assert_eq!(
        r.shared.score.score_percent,
        Decimal::parse("50.1").unwrap()
    );
    // Without shares the police gets 40% of every commitment: 40% of
    // £50,100.01 = £20,040.004 → £20,040.00 (the odd penny to the city).
    let mut p = proposal();
    for c in &mut p.commitments {
        c.commissioners.clear();
    }
    let r = report(&setup, &p).unwrap();
    assert_eq!(
        r.commissioners[1].totals.gross,
        Money::from_pence(2_004_000)
    );
    assert_eq!(
        r.commissioners[0].totals.gross,
        Money::from_pence(3_006_001)
    );
    assert!(r.lines.iter().all(|l| !l.attributed));
    assert_eq!(
        r.commissioners[1].ratio.target_percent,
        Some(Decimal::from_int(3))
    );
    assert_eq!(
        r.commissioners[0].ratio.target_percent,
        Some(Decimal::from_int(5))
    );
}

#[test]
fn a_commissioners_areas_are_checked_as_the_councils_are() {
    let mut v = config_value();
    v["commissioners"][1]["priority_areas"] = serde_json::json!([{ "postcode_areas": ["BD"] }]);
    v["commissioners"][0]["id"] = " city".into();
    let issues = setup_of(&v).unwrap_err();
    assert_eq!(
        paths(&issues),
        [
            "commissioners[0].id",
            "commissioners[1].priority_areas[0].name"
        ],
        "{issues:?}"
    );
    // A district no outward code lies in is named under its commissioner.
    let mut v = config_value();
    v["commissioners"][1]["local_area"] =
        serde_json::json!({ "name": "Typo", "districts": ["E99999999"] });
    let setup = setup_of(&v).unwrap();
    let table = socval_core::OutcodeTable::builtin().unwrap();
    let e = setup.check_table(&table).unwrap_err();
    assert_eq!(
        e.issues[0].path, "commissioners[1].local_area.districts[0]",
        "{e:?}"
    );
}

#[test]
fn spend_given_as_totals_gives_no_lm3_for_a_commissioner_rather_than_one_too_high() {
    let mut v = config_value();
    v["lm3"]["totals_allowed"] = true.into();
    let setup = setup_of(&v).unwrap();
    let mut p = proposal();
    p.spend = socval_core::proposal::Spend {
        staff_total: Some(socval_core::proposal::SpendTotal {
            amount: Money::from_pounds(400_000),
            local_percent: Decimal::from_int(75),
        }),
        ..Default::default()
    };
    let r = report(&setup, &p).unwrap();
    for k in &r.commissioners {
        assert_eq!(k.lm3, None, "{}", k.name);
        assert_eq!(
            k.lm3_unknown,
            Some(partnership::NoLm3::SpendAsTotals),
            "{k:?}"
        );
    }
    // The framework's own LM3 stands: the share was stated for its area.
    assert!(r.shared.lm3.lm3 > Decimal::ONE);
    let csv = partnership::csv(&r);
    assert!(csv.lines().nth(1).unwrap().ends_with(",10,"), "{csv}");
}

#[test]
fn the_csv_has_a_row_per_commissioner_the_shared_total_and_each_part() {
    let setup = setup_of(&config_value()).unwrap();
    let r = report(&setup, &proposal()).unwrap();
    let csv = partnership::csv(&r);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}row,commissioner,item,percent,contract_value,gross,adjusted,present_value,ratio_percent,target_met,score_percent,weighted_points,lm3"
    );
    assert_eq!(
        lines[1],
        "\"commissioner\",\"Twin Towns City Council\",,60,600000.00,41066.68,41066.68,41066.68,6.84,yes,100,10,1.4950"
    );
    assert_eq!(
        lines[2],
        "\"commissioner\",\"Twin Towns Police\",,40,400000.00,9033.33,9033.33,9033.33,2.26,no,40,4,1.5700"
    );
    assert_eq!(
        lines[3],
        "\"shared total\",\"Twin Towns Safer Communities Framework\",,100,1000000.00,50100.01,50100.01,50100.01,5.01,yes,100,10,1.7100"
    );
    assert_eq!(
        lines[9],
        "\"commitment 4\",\"Twin Towns City Council\",\"Hours of mentoring\",66.666667,,66.67,66.67,66.67,,,,,"
    );
    assert_eq!(lines.len(), 4 + 7 + 1, "{csv}");
}

#[test]
fn shares_travel_in_a_bids_csv_and_back() {
    let p = proposal();
    let csv = socval_core::bid_csv::write([("Golden Case Ltd", &p)]);
    assert!(
        csv.contains("commitments[3].commissioners[1].percent\",33.333333"),
        "{csv}"
    );
    let bids = socval_core::bid_csv::read(&csv, &p.framework).unwrap();
    let back = json::parse_proposal(bids[0].json.as_ref().unwrap()).unwrap();
    assert_eq!(back, p);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any amount shared by any percents that add up to 100: the parts add
    /// up to it exactly, and each is within a penny of its exact share.
    #[test]
    fn a_split_adds_up_and_each_part_is_within_a_penny(
        pence in -1_000_000_000_000i64..1_000_000_000_000,
        cuts in prop::collection::vec(0i64..=100_000_000, 0..6),
    ) {
        let mut points: Vec<i64> = cuts;
        points.push(0);
        points.push(100_000_000);
        points.sort_unstable();
        let percents: Vec<Decimal> = points.windows(2).map(|w| Decimal::from_micros(w[1] - w[0])).collect();
        let parts = Money::from_pence(pence).split(&percents).unwrap();
        prop_assert_eq!(parts.iter().map(|m| m.pence()).sum::<i64>(), pence);
        for (part, p) in parts.iter().zip(&percents) {
            let exact = i128::from(pence) * i128::from(p.micros());
            let got = i128::from(part.pence()) * 100_000_000;
            prop_assert!((got - exact).abs() < 100_000_000, "{} of {} → {}", p, pence, part.pence());
        }
    }

    /// Any shares on the example framework's proposal (adjusted and
    /// discounted, so the three bases differ): each commitment's parts add
    /// up to it, and the commissioners' totals to the shared total, on
    /// every basis.
    #[test]
    fn the_commissioners_add_up_to_the_shared_total(
        shares in prop::collection::vec(prop::option::of(0i64..=100_000_000), 6),
        quantities in prop::collection::vec(1i64..1_000_000_000, 6),
    ) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../www/examples");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
        let setup = socval_core::prepare(json::parse_config(&read("northmoor-partnership.json")).unwrap()).unwrap();
        let mut p = json::parse_proposal(&read("northmoor-partnership-proposal.json")).unwrap();
        for ((c, s), q) in p.commitments.iter_mut().zip(&shares).zip(&quantities) {
            c.quantity = Some(Decimal::from_micros(*q));
            c.commissioners = match s {
                None => Vec::new(),
                Some(council) => vec![
                    partnership::Share { commissioner: "council".into(), percent: Decimal::from_micros(*council) },
                    partnership::Share { commissioner: "police".into(), percent: Decimal::from_micros(100_000_000 - council) },
                ],
            };
        }
        let r = report(&setup, &p).unwrap();
        for line in &r.lines {
            let sum = |f: fn(&socval_core::report::Totals) -> Money| line.shares.iter().map(|s| f(&s.totals).pence()).sum::<i64>();
            prop_assert_eq!(sum(|t| t.gross), line.totals.gross.pence());
            prop_assert_eq!(sum(|t| t.adjusted), line.totals.adjusted.pence());
            prop_assert_eq!(sum(|t| t.present_value), line.totals.present_value.pence());
        }
        let total = |f: fn(&socval_core::report::Totals) -> Money| r.commissioners.iter().map(|k| f(&k.totals).pence()).sum::<i64>();
        prop_assert_eq!(total(|t| t.gross), r.shared.totals.gross.pence());
        prop_assert_eq!(total(|t| t.adjusted), r.shared.totals.adjusted.pence());
        prop_assert_eq!(total(|t| t.present_value), r.shared.totals.present_value.pence());
        prop_assert!(r.shared.totals.present_value < r.shared.totals.adjusted, "the bases differ");
        let contract: i64 = r.commissioners.iter().map(|k| k.contract_value.pence()).sum();
        prop_assert_eq!(contract, r.contract_value.pence());
    }
}
