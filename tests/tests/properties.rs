//! Properties that must hold for any input, and robustness: no input of any
//! kind makes the core panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use proptest::prelude::*;
use socval_core::outcodes::OutcodeTable;
use socval_core::proposal::{Commitment, Contract, FrameworkStamp, Spend, StaffLine, SupplierLine};
use socval_core::{Decimal, Env, Money, Proposal, Report, Setup, json};
use socval_tests::{CASES, TODAY};

const MEASURES: &[&str] = &[
    "jobs-local",
    "skills-apprenticeships",
    "community-volunteering",
    "community-donations",
    "community-wellbeing",
    "environment-carbon",
    "spend-vcse",
];
const POSTCODES: &[&str] = &["EX1", "EX4 4QJ", "PL1", "PL4", "M1", "BS1", "TQ12", "EX10"];

fn commitment() -> impl Strategy<Value = Commitment> {
    (
        0..MEASURES.len(),
        0_i64..5_000_000_000,
        any::<bool>(),
        proptest::option::of(0_i64..100_000_000),
    )
        .prop_map(|(m, q, per_year, attr)| Commitment {
            measure: MEASURES[m].to_string(),
            quantity: Some(Decimal::from_micros(q)),
            per_year,
            attribution_percent: attr.map(Decimal::from_micros),
            ..Commitment::default()
        })
}

fn proposal() -> impl Strategy<Value = Proposal> {
    (
        1_000_000_i64..1_000_000_000,
        1_i64..=10,
        proptest::collection::vec(commitment(), 0..12),
        proptest::collection::vec(
            (
                0..POSTCODES.len(),
                0_i64..10_000,
                proptest::option::of(0_i64..=100),
            ),
            0..5,
        ),
        proptest::collection::vec(
            (
                0..POSTCODES.len(),
                0_i64..10_000,
                any::<bool>(),
                proptest::option::of(0_i64..=100),
            ),
            0..5,
        ),
    )
        .prop_map(
            |(value_pounds, years, commitments, staff, suppliers)| Proposal {
                schema_version: 1,
                framework: FrameworkStamp {
                    id: "socval-open".into(),
                    version: "2026.1".into(),
                },
                bidder: String::new(),
                contract: Contract {
                    value: Money::from_pounds(value_pounds),
                    duration_years: Decimal::from_int(years),
                    start_year: 2027,
                    supplier_postcode: String::new(),
                },
                commitments,
                spend: Spend {
                    // Spend lines are small enough never to exceed the contract value.
                    staff: staff
                        .into_iter()
                        .map(|(p, a, r)| StaffLine {
                            label: String::new(),
                            postcode: POSTCODES[p].into(),
                            amount: Money::from_pounds(a),
                            respend_percent: r.map(Decimal::from_int),
                        })
                        .collect(),
                    suppliers: suppliers
                        .into_iter()
                        .map(|(p, a, sme, r)| SupplierLine {
                            name: String::new(),
                            postcode: POSTCODES[p].into(),
                            amount: Money::from_pounds(a),
                            sme,
                            vcse: false,
                            respend_percent: r.map(Decimal::from_int),
                        })
                        .collect(),
                    ..Spend::default()
                },
                self_assessment: Vec::new(),
            },
        )
}

fn calc(setup: &Setup, table: &OutcodeTable, p: &Proposal) -> Report {
    socval_core::calculate(
        setup,
        p,
        &Env {
            today: TODAY,
            outcodes: Some(table),
        },
    )
    .expect("generated proposals are valid")
}

/// `p` with `q` more of `more`'s measure, delivered where it counts.
fn with_more(p: &Proposal, more: &socval_core::gap::More, q: i64) -> Proposal {
    let q = Decimal::from_int(q);
    let mut p = p.clone();
    p.commitments.push(Commitment {
        measure: more.measure.clone(),
        quantity: (!more.first_year).then_some(q),
        profile: more.first_year.then(|| vec![q]),
        postcode: if more.local_delivery {
            "EX4 4QJ".into()
        } else {
            String::new()
        },
        ..Commitment::default()
    });
    p
}

/// `p` with `amount` more spend with a local supplier or local staff.
fn with_local_spend(p: &Proposal, amount: Money, staff: bool) -> Proposal {
    let mut p = p.clone();
    if staff {
        p.spend.staff.push(StaffLine {
            label: String::new(),
            postcode: "EX4 4QJ".into(),
            amount,
            respend_percent: None,
        });
    } else {
        p.spend.suppliers.push(SupplierLine {
            name: String::new(),
            postcode: "EX4 4QJ".into(),
            amount,
            sme: false,
            vcse: false,
            respend_percent: None,
        });
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// Every answer of "what it would take", checked through the public
    /// calculation as a supplier would act on it: that many more units (or
    /// pounds) reach the threshold, one fewer does not.
    #[test]
    fn gap_answers_are_the_least_that_reach(p in proposal()) {
        let (s, t) = socval_tests::exampleshire();
        let env = Env { today: TODAY, outcodes: Some(&t) };
        let gap = socval_core::gap::gap(&s, &p, &env).unwrap();
        let value = |p: &Proposal| socval_core::evaluate(&s, p, &env).unwrap().ratio.value;
        for goal in &gap.goals {
            // A threshold reached has nothing to answer.
            prop_assert!(goal.short_by > Money::ZERO || goal.options.is_empty());
            for o in &goal.options {
                let q = o.quantity.micros() / 1_000_000;
                prop_assert!(value(&with_more(&p, o, q)) >= goal.value, "{} × {q} falls short", o.measure);
                prop_assert!(value(&with_more(&p, o, q - 1)) < goal.value, "{} × {} already reaches", o.measure, q - 1);
            }
        }
        let lm3 = |p: &Proposal| socval_core::evaluate(&s, p, &env).unwrap().lm3.lm3;
        for (spend, staff) in [(gap.lm3.local_suppliers, false), (gap.lm3.local_staff, true)] {
            let Some(spend) = spend else { continue };
            if spend.moved > Money::ZERO { continue; }
            prop_assert!(lm3(&with_local_spend(&p, spend.amount, staff)) >= gap.lm3.goal);
            let less = Money::from_pence(spend.amount.pence() - 100);
            if less >= Money::ZERO {
                prop_assert!(lm3(&with_local_spend(&p, less, staff)) < gap.lm3.goal);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn adding_a_commitment_never_lowers_the_totals(p in proposal(), extra in commitment()) {
        let (s, t) = socval_tests::exampleshire();
        let before = calc(&s, &t, &p);
        let mut more = p.clone();
        more.commitments.push(extra);
        let after = calc(&s, &t, &more);
        prop_assert!(after.totals.gross >= before.totals.gross);
        prop_assert!(after.totals.adjusted >= before.totals.adjusted);
        prop_assert!(after.totals.present_value >= before.totals.present_value);
    }

    #[test]
    fn a_suppliers_sharing_never_raises_value(p in proposal(), shares in proptest::collection::vec((proptest::option::of(0_i64..=100), proptest::option::of(1_u16..=20)), 12)) {
        // The council's rules with no sharing claimed are the most a
        // commitment can be worth: whatever the supplier enters for its own
        // attribution or the projects sharing it, nothing goes up.
        let (s, t) = socval_tests::exampleshire();
        let mut bare = p.clone();
        for c in &mut bare.commitments {
            c.attribution_percent = None;
            c.shared_by = None;
        }
        let most = calc(&s, &t, &bare);
        let mut shared = bare.clone();
        for (c, (pct, by)) in shared.commitments.iter_mut().zip(&shares) {
            match (pct, by) {
                (Some(pct), _) => c.attribution_percent = Some(Decimal::from_int(*pct)),
                (None, by) => c.shared_by = *by,
            }
        }
        let r = calc(&s, &t, &shared);
        for (a, b) in r.measures.iter().zip(&most.measures) {
            prop_assert!(a.totals.adjusted <= b.totals.adjusted);
            prop_assert!(a.totals.present_value <= b.totals.present_value);
            prop_assert_eq!(a.totals.gross, b.totals.gross);
        }
        prop_assert!(r.totals.present_value <= most.totals.present_value);
    }

    #[test]
    fn priority_area_spend_never_changes_lm3(p in proposal(), amount in 0_i64..10_000, staff in any::<bool>()) {
        let (s, t) = socval_tests::exampleshire();
        let before = calc(&s, &t, &p);
        let mut more = p.clone();
        if staff {
            more.spend.staff.push(StaffLine { label: "Plymouth".into(), postcode: "PL1".into(), amount: Money::from_pounds(amount), respend_percent: Some(Decimal::HUNDRED) });
        } else {
            more.spend.suppliers.push(SupplierLine { name: "Plymouth".into(), postcode: "PL4".into(), amount: Money::from_pounds(amount), sme: true, vcse: true, respend_percent: Some(Decimal::HUNDRED) });
        }
        let after = calc(&s, &t, &more);
        let (a, b) = (&after.lm3.figures, &before.lm3.figures);
        prop_assert_eq!((a.round2, a.round3, a.lm3, a.lm2, a.sensitivity), (b.round2, b.round3, b.lm3, b.lm2, b.sensitivity));
        prop_assert_eq!(a.priority_spend.pence(), b.priority_spend.pence() + amount * 100);
    }

    #[test]
    fn a_later_start_year_never_raises_value(p in proposal(), later in 1_i32..150) {
        // The start year is typed by the supplier; a value that follows a
        // year-by-year series (carbon) must not rise by moving it later.
        let (s, t) = socval_tests::exampleshire();
        let now = calc(&s, &t, &p);
        let mut moved = p.clone();
        moved.contract.start_year += later;
        let after = calc(&s, &t, &moved);
        prop_assert!(after.totals.gross <= now.totals.gross);
        prop_assert!(after.totals.present_value <= now.totals.present_value);
    }

    #[test]
    fn gross_is_never_below_adjusted(p in proposal()) {
        let (s, t) = socval_tests::exampleshire();
        let r = calc(&s, &t, &p);
        for m in &r.measures {
            prop_assert!(m.totals.gross >= m.totals.adjusted, "{:?}", m.totals);
        }
    }

    #[test]
    fn lm3_stays_between_one_and_three(p in proposal()) {
        let (s, t) = socval_tests::exampleshire();
        let r = calc(&s, &t, &p);
        for v in [r.lm3.figures.lm3, r.lm3.figures.lm2, r.lm3.figures.sensitivity.low, r.lm3.figures.sensitivity.high] {
            prop_assert!(v >= Decimal::ONE && v <= Decimal::from_int(3), "{v}");
        }
        prop_assert!(r.lm3.figures.sensitivity.low <= r.lm3.figures.lm3 && r.lm3.figures.lm3 <= r.lm3.figures.sensitivity.high);
    }

    #[test]
    fn results_do_not_depend_on_commitment_order(p in proposal()) {
        let (s, t) = socval_tests::exampleshire();
        let a = calc(&s, &t, &p);
        let mut rev = p.clone();
        rev.commitments.reverse();
        let b = calc(&s, &t, &rev);
        prop_assert_eq!(a.totals, b.totals);
        prop_assert_eq!(a.themes, b.themes);
        prop_assert_eq!(a.score, b.score);
    }

    #[test]
    fn evaluate_gives_the_figures_calculate_explains(p in proposal()) {
        let (s, t) = socval_tests::exampleshire();
        let r = calc(&s, &t, &p);
        let env = Env { today: TODAY, outcodes: Some(&t) };
        let f = socval_core::evaluate(&s, &p, &env).expect("generated proposals are valid");
        prop_assert_eq!(socval_tests::figures_of(&r), socval_tests::figures_without_band(f));
    }

    #[test]
    fn tables_add_up(p in proposal()) {
        let (s, t) = socval_tests::exampleshire();
        let r = calc(&s, &t, &p);
        let theme_sum: i64 = r.themes.iter().map(|t| t.totals.present_value.pence()).sum();
        prop_assert_eq!(theme_sum, r.totals.present_value.pence());
        for m in &r.measures {
            let years: i64 = m.years.iter().map(|y| y.adjusted.pence()).sum();
            prop_assert_eq!(years, m.totals.adjusted.pence());
        }
    }

    /// Arbitrary text never panics the parsers.
    #[test]
    fn parsers_never_panic_on_arbitrary_text(text in ".{0,400}") {
        let _ = json::parse_config(&text);
        let _ = json::parse_proposal(&text);
        let _ = json::parse_document(&text);
        let _ = OutcodeTable::parse(&text);
        let _ = socval_core::postcode::Postcode::parse(&text);
    }

    /// Mutated example files never panic anything, from parsing to calculating.
    #[test]
    fn mutated_examples_never_panic(case in 0..CASES.len(), at in any::<prop::sample::Index>(), byte in any::<u8>(), which in any::<bool>()) {
        let c = &CASES[case];
        let src = if which { c.config } else { c.proposal };
        let mut bytes = src.as_bytes().to_vec();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let text = String::from_utf8_lossy(&bytes);
        let (config, proposal) = if which { (text.as_ref(), c.proposal) } else { (c.config, text.as_ref()) };
        let _ = socval_tests::run(config, proposal);
    }
}

#[test]
fn extreme_numbers_are_errors_not_panics() {
    let (s, t) = socval_tests::exampleshire();
    let env = Env {
        today: TODAY,
        outcodes: Some(&t),
    };
    let huge = Decimal::from_micros(i64::MAX);
    let p = Proposal {
        schema_version: 1,
        framework: FrameworkStamp {
            id: "socval-open".into(),
            version: "2026.1".into(),
        },
        contract: Contract {
            value: Money::from_pence(i64::MAX),
            duration_years: huge,
            start_year: i32::MAX,
            supplier_postcode: "x".repeat(10_000),
        },
        commitments: vec![
            Commitment {
                measure: "environment-carbon".into(),
                quantity: Some(huge),
                profile: Some(vec![huge; 60]),
                ..Commitment::default()
            };
            3
        ],
        ..Proposal::default()
    };
    let e = socval_core::calculate(&s, &p, &env).expect_err("must be refused");
    assert!(
        e.issues.iter().any(|i| i.path == "contract.duration_years"),
        "{e}"
    );

    // Valid in shape but enormous: a billion tonnes of carbon on a £1 contract.
    let mut p = Proposal {
        contract: Contract {
            value: Money::from_pounds(1),
            duration_years: Decimal::from_int(50),
            start_year: 2027,
            supplier_postcode: String::new(),
        },
        ..p
    };
    p.commitments = vec![Commitment {
        measure: "environment-carbon".into(),
        quantity: Some(Decimal::from_int(999_999_999)),
        per_year: true,
        ..Commitment::default()
    }];
    // Worth over £13 trillion: an error on the quantity, never a wrapped,
    // saturated or zeroed total.
    let e = socval_core::calculate(&s, &p, &env).expect_err("too large to count");
    assert_eq!(e.issues[0].path, "commitments[0].quantity", "{e}");
    assert_eq!(e.issues[0].code, socval_core::IssueCode::TooLarge);
    // A million tonnes a year is countable, and flagged as implausible.
    p.commitments[0].quantity = Some(Decimal::from_int(1_000_000));
    let r = socval_core::calculate(&s, &p, &env).expect("valid");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.code == socval_core::IssueCode::Implausible)
    );
}

#[test]
fn oversized_documents_are_refused() {
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(33 * 1024 * 1024));
    let e = json::parse_proposal(&big).expect_err("too big");
    assert_eq!(e.issues[0].code, socval_core::IssueCode::TooLarge);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A total with a local share counts exactly as two lines would: its
    /// local part (the share of the total, rounded to the penny once) with a
    /// local postcode, and the rest outside.
    #[test]
    fn a_total_counts_as_its_local_and_other_lines(
        pence in 0_i64..10_000_000_000,
        micros in 0_i64..=100_000_000,
        staff in any::<bool>(),
    ) {
        let (s, t) = socval_tests::exampleshire();
        prop_assert!(s.config.lm3.totals_allowed, "the demo council turns totals on");
        let env = Env { today: TODAY, outcodes: Some(&t) };
        let mut p = base();
        p.contract.value = Money::from_pounds(1_000_000_000);
        let total = socval_core::proposal::SpendTotal {
            amount: Money::from_pence(pence),
            local_percent: Decimal::from_micros(micros),
        };
        // Worked independently: pence × share ÷ 100, rounded half up, once.
        let exact = i128::from(pence) * i128::from(micros);
        let d = 100 * 1_000_000_i128;
        let local = Money::from_pence(i64::try_from((exact + d / 2) / d).unwrap());
        prop_assert!(local <= total.amount);
        let rest = Money::from_pence(pence - local.pence());
        let mut by_total = p.clone();
        if staff {
            by_total.spend.staff_total = Some(total);
        } else {
            by_total.spend.suppliers_total = Some(total);
        }
        let by_lines = with_line(&with_local_spend(&p, local, staff), rest, staff, "M1");
        let a = socval_core::evaluate(&s, &by_total, &env).unwrap().lm3;
        let b = socval_core::evaluate(&s, &by_lines, &env).unwrap().lm3;
        prop_assert_eq!(a, b);
        p = by_total;
        let r = socval_core::calculate(&s, &p, &env).unwrap();
        prop_assert!(r.lm3.working.iter().any(|w| w.to_string().contains("entered as a total, not by postcode")));
    }
}

/// A proposal with no commitments and no spend, for a contract of £1m.
fn base() -> Proposal {
    Proposal {
        schema_version: 1,
        framework: FrameworkStamp {
            id: "socval-open".into(),
            version: "2026.1".into(),
        },
        contract: Contract {
            value: Money::from_pounds(1_000_000),
            duration_years: Decimal::ONE,
            start_year: 2027,
            supplier_postcode: String::new(),
        },
        ..Proposal::default()
    }
}

/// `p` with one more spend line of `amount` at `postcode`.
fn with_line(p: &Proposal, amount: Money, staff: bool, postcode: &str) -> Proposal {
    let mut p = with_local_spend(p, amount, staff);
    let last = if staff {
        &mut p.spend.staff.last_mut().unwrap().postcode
    } else {
        &mut p.spend.suppliers.last_mut().unwrap().postcode
    };
    *last = postcode.into();
    p
}

#[test]
fn spend_totals_are_checked() {
    let (mut s, t) = socval_tests::exampleshire();
    let env = Env {
        today: TODAY,
        outcodes: Some(&t),
    };
    let mut p = base();
    let total = socval_core::proposal::SpendTotal {
        amount: Money::from_pounds(-1),
        local_percent: Decimal::from_int(101),
    };
    p.spend.staff_total = Some(total);
    p.spend.suppliers_total = Some(socval_core::proposal::SpendTotal {
        amount: p.contract.value,
        local_percent: Decimal::from_int(50),
    });
    p = with_local_spend(&p, Money::from_pounds(2), false);
    let paths = |s: &Setup, p: &Proposal| -> Vec<String> {
        let e = socval_core::evaluate(s, p, &env).expect_err("refused");
        e.issues.iter().map(|i| i.path.clone()).collect()
    };
    let found = paths(&s, &p);
    for path in [
        "spend.staff_total.amount",
        "spend.staff_total.local_percent",
        // Lines and a total for the same list: one or the other.
        "spend.suppliers_total",
        // The total counts toward the spend, which exceeds the contract.
        "spend",
    ] {
        assert!(found.iter().any(|f| f == path), "{path} not in {found:?}");
    }
    // A council that has not turned totals on refuses them.
    s.config.lm3.totals_allowed = false;
    let mut q = base();
    q.spend.staff_total = Some(socval_core::proposal::SpendTotal {
        amount: Money::from_pounds(10),
        local_percent: Decimal::from_int(50),
    });
    assert_eq!(paths(&s, &q), ["spend.staff_total"]);
}
