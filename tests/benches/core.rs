//! Native benchmarks of the core: evaluations per second per core for a
//! 20-commitment proposal, and the cost curve from 10 to 100,000
//! commitments (it must grow linearly). `cargo bench -p socval-tests`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // A benchmark may panic.

use std::hint::black_box;
use std::time::{Duration, Instant};

use socval_core::proposal::{Commitment, Contract, FrameworkStamp, Spend, StaffLine, SupplierLine};
use socval_core::{Decimal, Env, Money, Proposal, Setup};
use socval_tests::TODAY;

const MEASURES: &[&str] = &[
    "jobs-local",
    "jobs-long-term-unemployed",
    "skills-apprenticeships",
    "skills-training",
    "skills-placements",
    "skills-schools",
    "spend-local-sme",
    "community-volunteering",
    "community-donations",
    "community-wellbeing",
    "environment-carbon",
    "environment-waste",
];
const POSTCODES: &[&str] = &["EX1", "EX4 4QJ", "PL1", "M1", "BS1", "TQ12"];

/// A valid proposal with `n` commitments and 10 spend lines, deterministic.
pub fn proposal(n: usize) -> Proposal {
    let commitments = (0..n)
        .map(|i| Commitment {
            measure: MEASURES[i % MEASURES.len()].to_string(),
            quantity: Some(Decimal::from_micros(
                1_000_000 + (i as i64 * 7_919) % 50_000_000,
            )),
            per_year: i % 3 == 0,
            attribution_percent: (i % 5 == 0).then(|| Decimal::from_int(25)),
            ..Commitment::default()
        })
        .collect();
    Proposal {
        schema_version: 1,
        framework: FrameworkStamp {
            id: "socval-open".into(),
            version: "2026.1".into(),
        },
        bidder: String::new(),
        contract: Contract {
            value: Money::from_pounds(5_000_000),
            duration_years: Decimal::from_int(3),
            start_year: 2027,
            supplier_postcode: "EX1".into(),
        },
        commitments,
        spend: Spend {
            staff: (0..5)
                .map(|i| StaffLine {
                    label: String::new(),
                    postcode: POSTCODES[i % 6].into(),
                    amount: Money::from_pounds(100_000),
                    respend_percent: None,
                })
                .collect(),
            suppliers: (0..5)
                .map(|i| SupplierLine {
                    name: String::new(),
                    postcode: POSTCODES[(i + 2) % 6].into(),
                    amount: Money::from_pounds(50_000),
                    sme: i % 2 == 0,
                    vcse: false,
                    respend_percent: None,
                })
                .collect(),
            ..Spend::default()
        },
        self_assessment: Vec::new(),
    }
}

/// What one evaluation is: `evaluate` (the figures) or `calculate` (the
/// figures explained, as the CLI and the widget's export show them).
#[derive(Clone, Copy)]
enum Call {
    Evaluate,
    Calculate,
}

fn time_per_call(
    setup: &Setup,
    env: &Env<'_>,
    p: &Proposal,
    call: Call,
    budget: Duration,
) -> (f64, u64) {
    let start = Instant::now();
    let mut n = 0_u64;
    while start.elapsed() < budget {
        match call {
            Call::Evaluate => {
                black_box(socval_core::evaluate(setup, black_box(p), env).unwrap());
            }
            Call::Calculate => {
                black_box(socval_core::calculate(setup, black_box(p), env).unwrap());
            }
        }
        n += 1;
    }
    (start.elapsed().as_secs_f64() / n as f64, n)
}

/// The CLI's allocator, so that the figures are those `socval batch` gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let (setup, table) = socval_tests::exampleshire();
    let env = Env {
        today: TODAY,
        outcodes: Some(&table),
    };

    let p20 = proposal(20);
    // `SOCVAL_PROFILE=1` runs only `evaluate` for 10 s, for `perf record`.
    if std::env::var_os("SOCVAL_PROFILE").is_some() {
        time_per_call(&setup, &env, &p20, Call::Evaluate, Duration::from_secs(10));
        return;
    }
    for (call, name, key) in [
        (Call::Evaluate, "evaluate (figures)", "evals_per_second"),
        (
            Call::Calculate,
            "calculate (figures explained)",
            "calcs_per_second",
        ),
    ] {
        let _ = time_per_call(&setup, &env, &p20, call, Duration::from_millis(300)); // warm up
        let (t, n) = time_per_call(&setup, &env, &p20, call, Duration::from_secs(3));
        println!(
            "{name} per second, one core, 20 commitments: {:.0} ({n} runs, {:.2} µs each)",
            1.0 / t,
            t * 1e6
        );
        println!("BENCH {key} {:.0}", 1.0 / t);
    }

    println!("cost curve (one evaluation: check and figures):");
    println!(
        "  {:>9}  {:>12}  {:>16}",
        "commitments", "time", "per commitment"
    );
    for size in [10, 100, 1_000, 10_000, 100_000] {
        let p = proposal(size);
        let budget = Duration::from_millis(if size >= 10_000 { 2_000 } else { 1_000 });
        let (t, runs) = time_per_call(&setup, &env, &p, Call::Evaluate, budget);
        println!(
            "  {size:>11}  {:>9.3} ms  {:>13.3} µs   ({runs} runs)",
            t * 1e3,
            t * 1e6 / size as f64
        );
        println!("BENCH curve_{size} {:.6}", t * 1e3);
    }
}
