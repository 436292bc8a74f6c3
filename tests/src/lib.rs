//! Shared harness for the golden worked examples: the same code runs them
//! natively and in wasm32, so a pass on both proves the builds agree.

use socval_core::figures::{ScoreFigures, ThemeFigures};
use socval_core::outcodes::OutcodeTable;
use socval_core::{CivilDate, Env, Figures, Report, json};

/// The date every golden case is calculated on.
pub const TODAY: CivilDate = CivilDate {
    year: 2026,
    month: 11,
    day: 22,
};

/// One golden case: inputs and the expected report, as JSON text.
pub struct Case {
    /// Folder name under `tests/golden`.
    pub name: &'static str,
    /// Council configuration.
    pub config: &'static str,
    /// Proposal.
    pub proposal: &'static str,
    /// Expected report (or `{"errors": [...]}`).
    pub expected: &'static str,
}

macro_rules! cases {
    ($($name:literal),* $(,)?) => {
        /// Every golden case, compiled in so wasm32 needs no file system.
        pub const CASES: &[Case] = &[$(Case {
            name: $name,
            config: include_str!(concat!("../golden/", $name, "/config.json")),
            proposal: include_str!(concat!("../golden/", $name, "/proposal.json")),
            expected: include_str!(concat!("../golden/", $name, "/expected.json")),
        }),*];
    };
}

cases!(
    "lm3-two-rounds",
    "lm3-three-rounds",
    "lm3-staff-averaging",
    "sroi-chain",
    "fte-counting",
    "self-assessment",
    "validation-errors",
    "exampleshire",
    "northmoor",
    "lm3-priority-leakage",
    "shared-attribution",
    "exact-thresholds",
    "lasting-output-refused",
    "too-large",
    "double-counting-larger",
    "double-counting-reject",
    "wellbeing-price-year",
    "council-rules",
    "council-rules-first-year",
    "split-outward-code",
    "carbon-by-year",
    "local-only-delivery",
    "gap-to-target",
    "lm3-spend-totals",
    "commissioner-split",
);

/// The golden case named `name` (a test's own fixture: panics if absent).
#[allow(clippy::expect_used)]
pub fn case(name: &str) -> &'static Case {
    CASES
        .iter()
        .find(|c| c.name == name)
        .expect("a golden case of that name")
}

/// The cases whose folder also holds `expected-gap.json`: what it would
/// take ([`socval_core::gap`]), checked natively and in wasm32.
pub const GAP_CASES: &[(&str, &str)] = &[
    (
        "gap-to-target",
        include_str!("../golden/gap-to-target/expected-gap.json"),
    ),
    (
        "exampleshire",
        include_str!("../golden/exampleshire/expected-gap.json"),
    ),
];

/// What `f` makes of a case's council, as JSON, or every issue met on the
/// way (the configuration's, the document's, `f`'s) as `{"errors": …}`.
/// `outcodes` says whether `f` is given the built-in outward-code table.
fn run_with<T: serde::Serialize>(
    config: &str,
    outcodes: bool,
    f: impl FnOnce(&socval_core::Setup, &Env<'_>) -> Result<T, Vec<socval_core::Issue>>,
) -> serde_json::Value {
    let table = outcodes.then(OutcodeTable::builtin).and_then(Result::ok);
    let env = Env {
        today: TODAY,
        outcodes: table.as_ref(),
    };
    let out = json::parse_config(config)
        .map_err(|e| e.issues)
        .and_then(|c| socval_core::prepare(c).map_err(|e| e.issues))
        .and_then(|setup| f(&setup, &env));
    match out {
        Ok(x) => serde_json::to_value(x).unwrap_or_default(),
        Err(issues) => serde_json::json!({ "errors": issues }),
    }
}

/// What it would take for a case, as JSON (or its errors).
pub fn run_gap(config: &str, proposal: &str) -> serde_json::Value {
    run_with(config, true, |setup, env| {
        let p = json::parse_proposal(proposal).map_err(|e| e.issues)?;
        socval_core::gap::gap(setup, &p, env).map_err(|e| e.issues)
    })
}

/// Compares a case's gap with its `expected-gap.json`.
pub fn check_gap(name: &str, expected: &str) -> Result<(), String> {
    let case = CASES
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| format!("{name}: no such case"))?;
    same(
        name,
        "expected-gap.json",
        expected,
        &run_gap(case.config, case.proposal),
    )
}

/// The cases whose folder also holds `expected-commissioners.json`: each
/// commissioner's part of a shared framework ([`socval_core::partnership`]),
/// checked natively and in wasm32.
pub const PARTNERSHIP_CASES: &[(&str, &str)] = &[(
    "commissioner-split",
    include_str!("../golden/commissioner-split/expected-commissioners.json"),
)];

/// Each commissioner's part for a case, as JSON (or its errors).
pub fn run_partnership(config: &str, proposal: &str) -> serde_json::Value {
    run_with(config, true, |setup, env| {
        let p = json::parse_proposal(proposal).map_err(|e| e.issues)?;
        socval_core::partnership::report(setup, &p, env).map_err(|e| e.issues)
    })
}

/// Compares a case's commissioners' parts with its `expected-commissioners.json`.
pub fn check_partnership(name: &str, expected: &str) -> Result<(), String> {
    let case = CASES
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| format!("{name}: no such case"))?;
    same(
        name,
        "expected-commissioners.json",
        expected,
        &run_partnership(case.config, case.proposal),
    )
}

/// The delivery cases: a council configuration, a delivery record and the
/// expected monitoring report ([`socval_core::delivery`]), checked natively
/// and in wasm32.
pub const DELIVERY_CASES: &[(&str, &str, &str, &str)] = &[
    (
        "delivery-against-commitments",
        include_str!("../golden/delivery-against-commitments/config.json"),
        include_str!("../golden/delivery-against-commitments/record.json"),
        include_str!("../golden/delivery-against-commitments/expected.json"),
    ),
    (
        "delivered-lm3",
        include_str!("../golden/delivered-lm3/config.json"),
        include_str!("../golden/delivered-lm3/record.json"),
        include_str!("../golden/delivered-lm3/expected.json"),
    ),
];

/// A delivery record's monitoring report, as JSON (or its errors).
pub fn run_delivery(config: &str, record: &str) -> serde_json::Value {
    run_with(config, false, |setup, env| {
        let r = json::parse_delivery(record).map_err(|e| e.issues)?;
        socval_core::delivery::report(setup, &r, env).map_err(|e| e.issues)
    })
}

/// Compares a delivery case's report with its `expected.json`.
pub fn check_delivery(
    (name, config, record, expected): &(&str, &str, &str, &str),
) -> Result<(), String> {
    same(
        name,
        "expected.json",
        expected,
        &run_delivery(config, record),
    )
}

/// The Exampleshire council, checked, and the outward-code table: where most
/// tests and benchmarks start.
#[allow(clippy::expect_used)] // The shipped example must be valid; a panic fails the test.
pub fn exampleshire() -> (socval_core::Setup, OutcodeTable) {
    let case = CASES
        .iter()
        .find(|c| c.name == "exampleshire")
        .expect("the exampleshire case");
    let config = json::parse_config(case.config).expect("the example parses");
    let setup = socval_core::prepare(config).expect("the example is valid");
    (
        setup,
        OutcodeTable::builtin().expect("the built-in table parses"),
    )
}

/// A case's report and what it would take, or none when the case is one of
/// errors.
pub fn report_of(case: &Case) -> Option<(Report, Option<socval_core::gap::Gap>)> {
    let setup = socval_core::prepare(json::parse_config(case.config).ok()?).ok()?;
    let table = OutcodeTable::builtin().ok();
    let env = Env {
        today: TODAY,
        outcodes: table.as_ref(),
    };
    let p = json::parse_proposal(case.proposal).ok()?;
    let report = socval_core::calculate(&setup, &p, &env).ok()?;
    Some((report, socval_core::gap::gap(&setup, &p, &env).ok()))
}

/// Runs a case: the report, or the proposal's errors, as JSON.
pub fn run(config: &str, proposal: &str) -> serde_json::Value {
    let setup = match json::parse_config(config)
        .map_err(|e| e.issues)
        .and_then(|c| socval_core::prepare(c).map_err(|e| e.issues))
    {
        Ok(s) => s,
        Err(issues) => return serde_json::json!({ "config_errors": issues }),
    };
    let table = OutcodeTable::builtin().ok();
    let env = Env {
        today: TODAY,
        outcodes: table.as_ref(),
    };
    let result = json::parse_proposal(proposal)
        .map_err(|e| e.issues)
        .and_then(|p| {
            let report = socval_core::calculate(&setup, &p, &env).map_err(|e| e.issues)?;
            Ok((report, socval_core::evaluate(&setup, &p, &env)))
        });
    match result {
        // `evaluate` must give exactly the figures `calculate` explains.
        Ok((report, Ok(figures)))
            if figures_of(&report) != figures_without_band(figures.clone()) =>
        {
            serde_json::json!({ "evaluate_disagrees": figures })
        }
        Ok((report, Ok(_))) => serde_json::to_value(report).unwrap_or_default(),
        Ok((_, Err(e))) => serde_json::json!({ "evaluate_fails": e.issues }),
        Err(issues) => serde_json::json!({ "errors": issues }),
    }
}

/// Compares a case's output with its expected JSON; the first difference as text.
pub fn check(case: &Case) -> Result<(), String> {
    same(
        case.name,
        "expected.json",
        case.expected,
        &run(case.config, case.proposal),
    )
}

/// Whether `got` is the JSON of `file` (text `expected`) of case `name`;
/// if not, the first difference as text.
fn same(name: &str, file: &str, expected: &str, got: &serde_json::Value) -> Result<(), String> {
    let want: serde_json::Value =
        serde_json::from_str(expected).map_err(|e| format!("{name}: {file}: {e}"))?;
    if *got == want {
        Ok(())
    } else {
        Err(format!(
            "{name}: differs from {file}\n{}",
            first_difference(&want, got, String::new())
        ))
    }
}

fn first_difference(want: &serde_json::Value, got: &serde_json::Value, path: String) -> String {
    use serde_json::Value::{Array, Object};
    match (want, got) {
        (Object(a), Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) if w != v => return first_difference(v, w, format!("{path}.{k}")),
                    None => return format!("{path}.{k}: missing"),
                    _ => {}
                }
            }
            b.keys().find(|k| !a.contains_key(*k)).map_or_else(
                || format!("{path}: differs"),
                |k| format!("{path}.{k}: unexpected"),
            )
        }
        (Array(a), Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find(|(_, (x, y))| x != y)
            .map_or_else(
                || format!("{path}: differs"),
                |(i, (x, y))| first_difference(x, y, format!("{path}[{i}]")),
            ),
        _ => format!("{path}: expected {want}, got {got}"),
    }
}

/// The figures a report shows, as [`socval_core::evaluate`] returns them
/// (the band as reached or not: the report names it, the figures index it).
pub fn figures_of(r: &Report) -> Figures {
    Figures {
        totals: r.totals,
        ratio: r.ratio.clone(),
        themes: r
            .themes
            .iter()
            .map(|t| ThemeFigures {
                totals: t.totals,
                share_percent: t.share_percent,
                commitments: t.commitments,
            })
            .collect(),
        lm3: r.lm3.figures,
        score: ScoreFigures {
            score_percent: r.score.score_percent,
            weighting_percent: r.score.weighting_percent,
            weighted_points: r.score.weighted_points,
            band: r.score.band.as_ref().map(|_| 0),
        },
        recorded: r.recorded.clone(),
        warnings: r.warnings.clone(),
    }
}

/// `f` with its band index reduced to whether a band was reached, to compare with [`figures_of`].
pub fn figures_without_band(mut f: Figures) -> Figures {
    f.score.band = f.score.band.map(|_| 0);
    f
}
