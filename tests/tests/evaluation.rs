//! Scoring every bid for a tender (`socval_core::evaluation`): the ranking,
//! relative scoring worked by hand, and bids that cannot be scored.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use socval_core::evaluation::{Bid, Scoring, csv, rank, table};
use socval_core::{Decimal, Env, Proposal, json};
use socval_tests::TODAY;

fn example(volunteering: i64) -> Proposal {
    let text = include_str!("../../www/examples/exampleshire-proposal.json");
    let mut p = json::parse_proposal(text).unwrap();
    let c = p
        .commitments
        .iter_mut()
        .find(|c| c.measure == "community-volunteering")
        .unwrap();
    c.quantity = Some(Decimal::from_int(volunteering));
    p
}

fn bids() -> (socval_core::Setup, Vec<Bid>) {
    let (s, t) = socval_tests::exampleshire();
    let env = Env {
        today: TODAY,
        outcodes: Some(&t),
    };
    let bid = |name: &str, p: &Proposal| Bid {
        name: name.into(),
        outcome: socval_core::evaluate(&s, p, &env)
            .map_err(|e| socval_core::evaluation::reason(&e.issues)),
    };
    let mut broken = example(400);
    broken.contract.value = socval_core::Money::from_pounds(-1);
    let list = vec![
        bid("a-400-hours.json", &example(400)),
        bid("broken.json", &broken),
        bid("b-1000-hours.json", &example(1000)),
    ];
    (s, list)
}

#[test]
fn bids_rank_by_points_then_value_and_the_unscorable_come_last_with_why() {
    let (s, bids) = bids();
    let ranked = rank(&s, &bids, Scoring::Method).unwrap();
    let order: Vec<_> = ranked
        .iter()
        .map(|r| (bids[r.bid].name.as_str(), r.rank))
        .collect();
    // Both reach the same band (25 points): the larger social value first.
    assert_eq!(
        order,
        [
            ("b-1000-hours.json", Some(1)),
            ("a-400-hours.json", Some(2)),
            ("broken.json", None)
        ]
    );
    assert_eq!(ranked[0].score_percent, Decimal::from_int(25));
    let t = table(&s, &bids, &ranked);
    assert!(
        t.rows[2][2].starts_with("Not scored: contract.value"),
        "{:?}",
        t.rows[2]
    );
    assert_eq!(t.rows[0][..3], ["b-1000-hours.json", "1", "£57,461.50"]);
}

#[test]
fn relative_scoring_gives_the_best_bid_full_marks_and_the_rest_their_share() {
    let (s, bids) = bids();
    let ranked = rank(&s, &bids, Scoring::RelativeToBest).unwrap();
    // Best: £57,461.50 → 100, 10 points at a 10% weighting.
    assert_eq!(ranked[0].score_percent, Decimal::HUNDRED);
    assert_eq!(ranked[0].points, Decimal::from_int(10));
    // £49,835.50 ÷ £57,461.50 × 100 = 86.728505… → 86.73; points from the
    // unrounded score: 8.6728505… → 8.67.
    assert_eq!(ranked[1].score_percent.to_string(), "86.73");
    assert_eq!(ranked[1].points.to_string(), "8.67");
    let text = csv(&bids, &ranked);
    assert!(
        text.contains("\r\n2,\"a-400-hours.json\",49835.50,2.49,1.7002,86.73,8.67,\r\n"),
        "{text}"
    );
    assert!(
        text.contains(",\"broken.json\",,,,,,\"contract.value"),
        "{text}"
    );
}

#[test]
fn a_self_assessed_score_is_never_rescaled_against_another_bid() {
    let case = socval_tests::case("self-assessment");
    let setup = socval_core::prepare(json::parse_config(case.config).unwrap()).unwrap();
    let e = rank(&setup, &[], Scoring::RelativeToBest).unwrap_err();
    assert!(e.to_string().contains("self-assessment"));
    assert!(rank(&setup, &[], Scoring::Method).unwrap().is_empty());
}
