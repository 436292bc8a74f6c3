//! `socval programme`: the call-offs of a framework added up year by year
//! (`socval_core::programme`), every proposal in a folder worked out by the
//! council's rules; a call-off that cannot be is left out, and said.

use std::path::Path;

use socval_core::{Env, Setup};

use crate::{BatchFormat, Failure, batch, pretty, table};

/// Adds up the folder's call-offs and renders the programme.
pub(crate) fn run(
    setup: &Setup,
    env: &Env<'_>,
    dir: &Path,
    format: BatchFormat,
) -> Result<String, Failure> {
    let mut reports = Vec::new();
    let mut failed = Vec::new();
    for (name, p, rows) in batch::proposals(setup, dir)? {
        match p.and_then(|p| {
            socval_core::calculate(setup, &p, env)
                .map_err(|e| socval_core::bid_csv::reason(rows.as_ref(), e.issues))
        }) {
            Ok(r) => reports.push(r),
            Err(why) => failed.push(format!("{name}: {why}")),
        }
    }
    let p = socval_core::programme::programme(&reports, setup.config.scoring.basis);
    let out = match format {
        BatchFormat::Json => pretty(&p)?,
        BatchFormat::Csv => socval_core::programme::csv(&p),
        BatchFormat::Table => table::programme(&p),
    };
    if failed.is_empty() {
        return Ok(out);
    }
    Err(Failure::Partial {
        out,
        msg: format!(
            "socval programme: {} call-offs added up; {} could not be and are left out:\n  {}",
            reports.len(),
            failed.len(),
            failed.join("\n  ")
        ),
    })
}
