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

/// The section split 60:40 into the part Socval works out and the
/// evaluators' qualitative mark, worked by hand: both bids reach the 25
/// band (the quantitative part). a-400 is marked 80: 25 × 60 ÷ 100 + 80 ×
/// 40 ÷ 100 = 15 + 32 = 47, 4.7 points at a 10% weighting; b-1000 is not
/// yet marked: 25 × 0.6 + 0 = 15, 1.5 points, and it now ranks second.
#[test]
fn a_qualitative_part_is_marked_apart_and_mixed_by_its_share() {
    use socval_core::evaluation::{Qualitative, rank_with};
    let (s, bids) = bids();
    let marks = Qualitative {
        percent: Decimal::from_int(40),
        marks: vec![Some(Decimal::from_int(80)), None, None],
    };
    let ranked = rank_with(&s, &bids, Scoring::Method, &marks).unwrap();
    let seen: Vec<_> = ranked
        .iter()
        .map(|r| {
            (
                bids[r.bid].name.as_str(),
                r.quantitative_percent,
                r.qualitative_mark,
                r.score_percent,
                r.points,
            )
        })
        .collect();
    let d = Decimal::from_int;
    assert_eq!(
        seen[..2],
        [
            (
                "a-400-hours.json",
                d(25),
                Some(d(80)),
                d(47),
                Decimal::from_micros(4_700_000)
            ),
            (
                "b-1000-hours.json",
                d(25),
                None,
                d(15),
                Decimal::from_micros(1_500_000)
            ),
        ]
    );
    let t = table(&s, &bids, &ranked);
    assert_eq!(
        t.head[5..9],
        [
            "Quantitative (out of 100)",
            "Qualitative mark",
            "Score (out of 100)",
            "Points"
        ]
    );
    assert_eq!(t.rows[1][5..9], ["25", "not marked", "15", "1.5"]);
    let text = csv(&bids, &ranked);
    assert!(text.starts_with("\u{feff}rank,file,social_value,ratio_percent,lm3,quantitative_percent,qualitative_mark,score_percent,points,error\r\n"), "{text}");
    assert!(
        text.contains("\r\n1,\"a-400-hours.json\",49835.50,2.49,1.7002,25,80,47,4.7,\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\r\n2,\"b-1000-hours.json\",57461.50,2.87,1.7002,25,,15,1.5,\r\n"),
        "{text}"
    );
    assert!(
        text.contains(",\"broken.json\",,,,,,,,\"contract.value"),
        "{text}"
    );
    // Marks and shares out of range, and a self-assessed method, are refused.
    let bad = |q: Qualitative| {
        rank_with(&s, &bids, Scoring::Method, &q)
            .unwrap_err()
            .to_string()
    };
    assert!(
        bad(Qualitative {
            percent: d(120),
            marks: vec![]
        })
        .contains("from 0 to 100")
    );
    assert!(
        bad(Qualitative {
            percent: d(40),
            marks: vec![None, None, Some(d(101))]
        })
        .starts_with("b-1000-hours.json: the qualitative mark 101")
    );
    let case = socval_tests::case("self-assessment");
    let selfs = socval_core::prepare(json::parse_config(case.config).unwrap()).unwrap();
    let e = rank_with(
        &selfs,
        &[],
        Scoring::Method,
        &Qualitative {
            percent: d(40),
            marks: vec![],
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("already qualitative"));
}
