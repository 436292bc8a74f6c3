//! `socval batch`: score every proposal in a folder and rank them, for
//! council evaluators. Ranking needs only the figures, so each proposal is
//! evaluated, not explained. The ranking, the table's figures and the CSV
//! are the core's (`socval_core::evaluation`), as in the evaluator page.

use std::fmt::Write;
use std::path::Path;

use serde_json::json;
use socval_core::evaluation::{self, Bid, Qualitative, Ranked, Scoring};
use socval_core::proposal::FrameworkStamp;
use socval_core::{Decimal, Env, Proposal, Setup, bid_csv, json as sjson};

use crate::{BatchFormat, Failure};

/// Scores the folder's proposals and renders the ranking.
pub(crate) fn run(
    setup: &Setup,
    env: &Env<'_>,
    dir: &Path,
    format: BatchFormat,
    scoring: Scoring,
    (share, marks): (Decimal, Option<&Path>),
) -> Result<String, Failure> {
    let bids: Vec<Bid> = proposals(setup, dir)?
        .into_iter()
        .map(|(name, p, rows)| Bid {
            name,
            outcome: p.and_then(|p| {
                socval_core::evaluate(setup, &p, env)
                    .map_err(|e| bid_csv::reason(rows.as_ref(), e.issues))
            }),
        })
        .collect();
    let qualitative = Qualitative {
        percent: share,
        marks: match marks {
            Some(path) => read_marks(path, &bids)?,
            None => Vec::new(),
        },
    };
    let ranked = evaluation::rank_with(setup, &bids, scoring, &qualitative)
        .map_err(|e| Failure::Invalid(e.to_string()))?;
    let out = match format {
        BatchFormat::Table => table(&bids, &ranked),
        BatchFormat::Csv => evaluation::csv(&bids, &ranked),
        BatchFormat::Json => {
            let v: Vec<_> = ranked
                .iter()
                .filter_map(|r| Some((r, bids.get(r.bid)?)))
                .map(|(r, b)| {
                    match (&b.outcome, r.rank) {
                        (Ok(f), Some(rank)) => {
                            let mut v = json!({"rank": rank, "file": b.name, "social_value": f.ratio.value, "ratio_percent": f.ratio.percent, "lm3": f.lm3.lm3, "score_percent": r.score_percent, "points": r.points});
                            if let (Some(_), Some(o)) = (r.qualitative_share, v.as_object_mut()) {
                                o.insert("quantitative_percent".into(), json!(r.quantitative_percent));
                                o.insert("qualitative_mark".into(), json!(r.qualitative_mark));
                            }
                            v
                        }
                        (Err(e), _) => json!({"file": b.name, "error": e}),
                        (Ok(_), None) => json!({"file": b.name}),
                    }
                })
                .collect();
            serde_json::to_string_pretty(&v)
                .map(|s| s + "\n")
                .map_err(|e| Failure::Io(e.to_string()))?
        }
    };
    let failed = bids.iter().filter(|b| b.outcome.is_err()).count();
    if failed == 0 {
        eprintln!("socval batch: {} proposals scored", bids.len());
        return Ok(out);
    }
    // The ranking of the valid ones still prints; the exit code says that
    // not every file could be scored.
    Err(Failure::Partial {
        out,
        msg: format!(
            "socval batch: {} proposals scored, {failed} of {} could not be (listed as invalid)",
            bids.len() - failed,
            bids.len()
        ),
    })
}

/// The evaluators' marks file (`socval_core::bid_csv::marks`), by each
/// bid's index.
fn read_marks(path: &Path, bids: &[Bid]) -> Result<Vec<Option<Decimal>>, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Io(format!("{}: {e}", path.display())))?;
    let names: Vec<&str> = bids.iter().map(|b| b.name.as_str()).collect();
    bid_csv::marks(&bid_csv::decode(&bytes), &names)
        .map_err(|e| Failure::Invalid(format!("{}: {e}", path.display())))
}

/// Every proposal in `dir`, in file-name order, each by its name or with
/// why it cannot be read: each `*.json` a proposal, each `*.csv` bids in the
/// evaluator's layout (`socval_core::bid_csv`), listed by their names.
pub(crate) fn proposals(setup: &Setup, dir: &Path) -> Result<Vec<Read>, Failure> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Failure::Io(format!("{}: {e}", dir.display())))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json") || is_csv(p))
        })
        .collect();
    files.sort();
    Ok(files
        .iter()
        .flat_map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if is_csv(path) {
                return match std::fs::read(path) {
                    Ok(bytes) => csv_bids(setup, &name, &bytes),
                    Err(e) => vec![(name, Err(e.to_string()), None)],
                };
            }
            let p = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    sjson::parse_proposal(&text).map_err(|e| evaluation::reason(&e.issues))
                });
            vec![(name, p, None)]
        })
        .collect())
}

/// A bids CSV by its name, in any case (`BIDS.CSV`), as the evaluator page
/// takes it.
fn is_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
}

/// A proposal by its name, or why it cannot be read.
/// With it, for a bid from a CSV file, where its fields came from.
pub(crate) type Read = (String, Result<Proposal, String>, Option<bid_csv::CsvBid>);

/// The bids of a CSV file in the evaluator's layout (`socval_core::bid_csv`),
/// each listed by its name; a file that is no bids file is one line, with
/// why. A file saved by a spreadsheet in Windows-1252 ("CSV" rather than
/// "CSV UTF-8") is read as that.
fn csv_bids(setup: &Setup, file: &str, bytes: &[u8]) -> Vec<Read> {
    let text = bid_csv::decode(bytes);
    let stamp = FrameworkStamp {
        id: setup.framework.id.clone(),
        version: setup.framework.version.clone(),
    };
    match bid_csv::read(&text, &stamp) {
        Err(issue) => vec![(file.to_string(), Err(evaluation::reason(&[issue])), None)],
        Ok(bids) => bids
            .into_iter()
            .map(|bid| {
                let p = bid
                    .json
                    .clone()
                    .map_err(|issue| evaluation::reason(&[issue]))
                    .and_then(|json| {
                        sjson::parse_proposal(&json)
                            .map_err(|e| bid_csv::reason(Some(&bid), e.issues))
                    });
                (bid.name.clone(), p, Some(bid))
            })
            .collect(),
    }
}

fn table(bids: &[Bid], ranked: &[Ranked]) -> String {
    // The figures' own Display ignores a width: each is written out first.
    let w = bids
        .iter()
        .map(|b| b.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(32);
    let mut s = format!(
        "{:>4}  {:<w$} {:>16} {:>8} {:>7} {:>7} {:>7}\n",
        "Rank", "Proposal", "Social value", "Ratio", "LM3", "Score", "Points"
    );
    for r in ranked {
        let Some(b) = bids.get(r.bid) else { continue };
        let _ = match (&b.outcome, r.rank) {
            (Ok(f), Some(rank)) => writeln!(
                s,
                "{:>4}  {:<w$} {:>16} {:>8} {:>7} {:>7} {:>7}",
                rank,
                b.name,
                f.ratio.value.to_string(),
                format!("{}%", f.ratio.percent),
                socval_core::lm3::shown(f.lm3.lm3).to_string(),
                r.score_percent.to_string(),
                r.points.to_string()
            ),
            (Err(e), _) => writeln!(s, "{:>4}  {:<w$} invalid: {e}", "-", b.name),
            (Ok(_), None) => Ok(()),
        };
    }
    let valid = bids.iter().filter(|b| b.outcome.is_ok()).count();
    let _ = writeln!(s, "{valid} of {} proposals scored", bids.len());
    s
}
