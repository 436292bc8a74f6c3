//! `socval batch`: score every proposal in a folder and rank them, for
//! council evaluators. Ranking needs only the figures, so each proposal is
//! evaluated, not explained.

use std::fmt::Write;
use std::path::Path;

use serde_json::json;
use socval_core::{Env, Figures, Setup, json as sjson};

use crate::{BatchFormat, Failure};

struct Row {
    file: String,
    outcome: Result<Figures, String>,
}

/// Scores the folder's proposals and renders the ranking.
pub(crate) fn run(
    setup: &Setup,
    env: &Env<'_>,
    dir: &Path,
    format: BatchFormat,
) -> Result<String, Failure> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Failure::Io(format!("{}: {e}", dir.display())))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut rows: Vec<Row> = files
        .iter()
        .map(|path| {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let outcome = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|text| sjson::parse_proposal(&text).map_err(|e| first(&e.issues)))
                .and_then(|p| socval_core::evaluate(setup, &p, env).map_err(|e| first(&e.issues)));
            Row { file, outcome }
        })
        .collect();
    // Highest points first; ties by social value, then by file name. Invalid last.
    rows.sort_by(|a, b| match (&a.outcome, &b.outcome) {
        (Ok(x), Ok(y)) => y
            .score
            .weighted_points
            .cmp(&x.score.weighted_points)
            .then(y.ratio.value.cmp(&x.ratio.value))
            .then(a.file.cmp(&b.file)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.file.cmp(&b.file),
    });
    let out = match format {
        BatchFormat::Table => table(&rows),
        BatchFormat::Csv => csv(&rows),
        BatchFormat::Json => {
            let v: Vec<_> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| match &r.outcome {
                    Ok(rep) => json!({"rank": i + 1, "file": r.file, "social_value": rep.ratio.value, "ratio_percent": rep.ratio.percent, "lm3": rep.lm3.lm3, "score_percent": rep.score.score_percent, "points": rep.score.weighted_points}),
                    Err(e) => json!({"file": r.file, "error": e}),
                })
                .collect();
            serde_json::to_string_pretty(&v)
                .map(|s| s + "\n")
                .map_err(|e| Failure::Io(e.to_string()))?
        }
    };
    let failed = rows.iter().filter(|r| r.outcome.is_err()).count();
    if failed == 0 {
        eprintln!("socval batch: {} proposals scored", rows.len());
        return Ok(out);
    }
    // The ranking of the valid ones still prints; the exit code says that
    // not every file could be scored.
    Err(Failure::Partial {
        out,
        msg: format!(
            "socval batch: {} proposals scored, {failed} of {} could not be (listed as invalid)",
            rows.len() - failed,
            rows.len()
        ),
    })
}

fn first(issues: &[socval_core::Issue]) -> String {
    let more = issues.len().saturating_sub(1);
    let head = issues.first().map(ToString::to_string).unwrap_or_default();
    if more > 0 {
        format!("{head} (and {more} more)")
    } else {
        head
    }
}

fn table(rows: &[Row]) -> String {
    let mut s = format!(
        "{:>4}  {:<32} {:>16} {:>8} {:>7} {:>7} {:>7}\n",
        "Rank", "Proposal", "Social value", "Ratio", "LM3", "Score", "Points"
    );
    for (i, r) in rows.iter().enumerate() {
        let _ = match &r.outcome {
            Ok(rep) => writeln!(
                s,
                "{:>4}  {:<32} {:>16} {:>7}% {:>7} {:>7} {:>7}",
                i + 1,
                r.file,
                rep.ratio.value.to_string(),
                rep.ratio.percent,
                rep.lm3.lm3,
                rep.score.score_percent,
                rep.score.weighted_points
            ),
            Err(e) => writeln!(s, "{:>4}  {:<32} invalid: {e}", "-", r.file),
        };
    }
    let valid = rows.iter().filter(|r| r.outcome.is_ok()).count();
    let _ = writeln!(s, "{valid} of {} proposals scored", rows.len());
    s
}

fn csv(rows: &[Row]) -> String {
    let mut s = socval_core::csv::header(&[
        "rank",
        "file",
        "social_value",
        "ratio_percent",
        "lm3",
        "score_percent",
        "points",
        "error",
    ]);
    let eol = socval_core::csv::EOL;
    for (i, r) in rows.iter().enumerate() {
        let _ = match &r.outcome {
            Ok(rep) => write!(
                s,
                "{},{},{},{},{},{},{},{eol}",
                i + 1,
                quote(&r.file),
                rep.ratio.value.plain(),
                rep.ratio.percent,
                rep.lm3.lm3,
                rep.score.score_percent,
                rep.score.weighted_points
            ),
            Err(e) => write!(s, ",{},,,,,,{}{eol}", quote(&r.file), quote(e)),
        };
    }
    s
}

fn quote(s: &str) -> String {
    socval_core::csv::text_cell(s)
}
