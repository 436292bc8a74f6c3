//! Every bid for one tender, scored and ranked: what a council officer
//! needs to evaluate social value across bids, in the browser (the
//! evaluator page) and on the command line (`socval batch`), one code for
//! both so that they give the same scores.
//!
//! **Ranking.** Highest points first; ties by social value (the council's
//! basis), then by name; bids that cannot be scored come last, each with
//! the reason.
//!
//! **Relative scoring.** Many councils score the quantitative part of social
//! value against the best bid rather than against a fixed benchmark: score
//! = bid ÷ highest bid × 100, so the best bid gets full marks (for example
//! the Crown Commercial Service's and many councils' price-style formula,
//! applied to social value in pounds). Socval applies it to the council's
//! basis figure (the one its ratio uses), rounded to two places, and the
//! points are score × weighting ÷ 100 as in [`crate::scoring`]. It is
//! offered for the quantitative methods only: a self-assessed score is
//! qualitative, and is never rescaled against another bid's.
//!
//! **Quantitative and qualitative parts.** Where the council's method has
//! both (as PPN 002 asks of central government, whose social value
//! question is answered in a method statement marked by evaluators), the
//! social value section is split: the qualitative part, `percent` of it, is
//! each bid's mark out of 100 given by the council's evaluators on its
//! written answer ([`Qualitative`]); the rest is the score Socval works
//! out. Score = quantitative × (100 − percent) ÷ 100 + mark × percent ÷
//! 100, points from it as above; both parts are shown apart, and a bid not
//! yet marked counts 0 for its mark and says so. A self-assessed method is
//! already qualitative, and is not split again.

use std::fmt::Write;

use crate::Setup;
use crate::config::ScoringMethod;
use crate::csv::{EOL, header, text_cell};
use crate::explain::Table;
use crate::figures::Figures;
use crate::fixed::{Decimal, Money};

/// How bids are scored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scoring {
    /// By the council's own method, each bid on its own.
    #[default]
    Method,
    /// Relative to the best bid: bid ÷ highest × 100.
    RelativeToBest,
}

/// One bid: its name (a file name or the bidder's) and its figures, or why
/// it could not be scored.
#[derive(Clone, Debug)]
pub struct Bid {
    /// The name it is listed by.
    pub name: String,
    /// Its figures, or the reason it cannot be scored.
    pub outcome: Result<Figures, String>,
}

/// A bid's place in the ranking, with the score it was ranked by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// The bid's index in the list given.
    pub bid: usize,
    /// Its rank (1 first); none for a bid that could not be scored.
    pub rank: Option<usize>,
    /// Score out of 100 within the social value section.
    pub score_percent: Decimal,
    /// Points in the whole tender.
    pub points: Decimal,
    /// The part Socval works out, out of 100 (the whole score where the
    /// section is not split).
    pub quantitative_percent: Decimal,
    /// The evaluators' mark on the written answer, where the section is
    /// split and the bid is marked.
    pub qualitative_mark: Option<Decimal>,
    /// The qualitative part's share of the section, where it is split.
    pub qualitative_share: Option<Decimal>,
}

/// The qualitative part of the social value section: its share, and each
/// bid's mark from the council's evaluators.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Qualitative {
    /// Its share of the social value section, percent (0 to 100).
    pub percent: Decimal,
    /// Each bid's mark out of 100, by the bid's index; none where not yet
    /// marked.
    pub marks: Vec<Option<Decimal>>,
}

/// Why bids cannot be ranked as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RankError {
    /// Relative scoring asked of a self-assessed (qualitative) method.
    NotRelative,
    /// A qualitative part asked of a self-assessed method.
    SelfAssessed,
    /// The qualitative share is not from 0 to 100.
    Share(Decimal),
    /// A mark (of the bid named) is not from 0 to 100.
    Mark(String, Decimal),
}

impl std::fmt::Display for RankError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RankError::NotRelative => f.write_str("this council scores by self-assessment, a qualitative score that is not rescaled against another bid's: scoring relative to the best bid is for social value in pounds"),
            RankError::SelfAssessed => f.write_str("this council scores by self-assessment, which is already qualitative: a qualitative part is for a method that scores social value in pounds"),
            RankError::Share(p) => write!(f, "the qualitative part is {p}% of the social value section: give a share from 0 to 100"),
            RankError::Mark(bid, m) => write!(f, "{bid}: the qualitative mark {m} is not from 0 to 100"),
        }
    }
}

/// Scores and ranks `bids`.
///
/// # Errors
/// [`RankError::NotRelative`] when relative scoring is asked of a
/// qualitative method.
pub fn rank(setup: &Setup, bids: &[Bid], scoring: Scoring) -> Result<Vec<Ranked>, RankError> {
    rank_with(setup, bids, scoring, &Qualitative::default())
}

/// Scores and ranks `bids`, the social value section split into the part
/// Socval works out and the qualitative part the council's evaluators mark.
///
/// # Errors
/// Relative scoring or a qualitative part asked of a self-assessed method;
/// a share or a mark that is not from 0 to 100.
pub fn rank_with(
    setup: &Setup,
    bids: &[Bid],
    scoring: Scoring,
    qualitative: &Qualitative,
) -> Result<Vec<Ranked>, RankError> {
    let relative = scoring == Scoring::RelativeToBest;
    let self_assessed = matches!(
        setup.config.scoring.method,
        ScoringMethod::SelfAssessment { .. }
    );
    if relative && self_assessed {
        return Err(RankError::NotRelative);
    }
    let split = qualitative.percent != Decimal::ZERO;
    if split && self_assessed {
        return Err(RankError::SelfAssessed);
    }
    let in_range = |x: Decimal| !x.is_negative() && x <= Decimal::HUNDRED;
    if !in_range(qualitative.percent) {
        return Err(RankError::Share(qualitative.percent));
    }
    for (i, m) in qualitative.marks.iter().enumerate() {
        if let (Some(m), Some(b)) = (m, bids.get(i)) {
            if !in_range(*m) {
                return Err(RankError::Mark(b.name.clone(), *m));
            }
        }
    }
    let weighting = setup.config.scoring.weighting_percent;
    let best = bids
        .iter()
        .filter_map(|b| b.outcome.as_ref().ok())
        .map(|f| f.ratio.value)
        .max()
        .unwrap_or(Money::ZERO);
    let mut out: Vec<(Ranked, &Bid)> = bids
        .iter()
        .enumerate()
        .map(|(i, b)| {
            // Points from the score before it is rounded, as the council's
            // own method gives them.
            let quantitative = match &b.outcome {
                Ok(f) if relative => f.ratio.value.percent_of(best).unwrap_or(Decimal::ZERO),
                Ok(f) => f.score.score_percent,
                Err(_) => Decimal::ZERO,
            };
            let mark = qualitative.marks.get(i).copied().flatten();
            let raw = if split {
                mixed(
                    quantitative,
                    mark.unwrap_or(Decimal::ZERO),
                    qualitative.percent,
                )
            } else {
                quantitative
            };
            let (score_percent, points) = match &b.outcome {
                Ok(f) if !relative && !split => (f.score.score_percent, f.score.weighted_points),
                Ok(_) => (raw.round_to(2), points_of(raw, weighting)),
                Err(_) => (Decimal::ZERO, Decimal::ZERO),
            };
            let r = Ranked {
                bid: i,
                rank: None,
                score_percent,
                points,
                quantitative_percent: quantitative.round_to(2),
                qualitative_mark: if split { mark } else { None },
                qualitative_share: split.then_some(qualitative.percent),
            };
            (r, b)
        })
        .collect();
    out.sort_by(|(x, a), (y, b)| match (&a.outcome, &b.outcome) {
        (Ok(fa), Ok(fb)) => y
            .points
            .cmp(&x.points)
            .then(fb.ratio.value.cmp(&fa.ratio.value))
            .then(a.name.cmp(&b.name)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.name.cmp(&b.name),
    });
    let mut n = 0;
    let out = out
        .into_iter()
        .map(|(r, b)| {
            let rank = b.outcome.is_ok().then(|| {
                n += 1;
                n
            });
            Ranked { rank, ..r }
        })
        .collect();
    Ok(out)
}

/// Why a bid cannot be scored, on one line: its first problem, and how
/// many more there are.
pub fn reason(issues: &[crate::Issue]) -> String {
    let more = issues.len().saturating_sub(1);
    let head = issues.first().map(ToString::to_string).unwrap_or_default();
    if more > 0 {
        format!("{head} (and {more} more)")
    } else {
        head
    }
}

/// Quantitative × (100 − share) ÷ 100 + mark × share ÷ 100.
fn mixed(quantitative: Decimal, mark: Decimal, share: Decimal) -> Decimal {
    let part = |x: Decimal, p: Decimal| {
        x.checked_mul(p)
            .and_then(|v| v.checked_div(Decimal::HUNDRED))
            .unwrap_or(Decimal::ZERO)
    };
    let rest = Decimal::from_micros(Decimal::HUNDRED.micros() - share.micros());
    part(quantitative, rest).saturating_add(part(mark, share))
}

/// Score × weighting ÷ 100, two places, as [`crate::scoring`] gives points.
fn points_of(score: Decimal, weighting: Decimal) -> Decimal {
    score
        .checked_mul(weighting)
        .and_then(|p| p.checked_div(Decimal::HUNDRED))
        .unwrap_or(Decimal::ZERO)
        .round_to(2)
}

/// The ranking as CSV (see [`crate::csv`]): `rank, file, social_value,
/// ratio_percent, lm3, score_percent, points, error`, with
/// `quantitative_percent, qualitative_mark` before `score_percent` where the
/// section is split; `file` and `error` are text, the rest numbers.
pub fn csv(bids: &[Bid], ranked: &[Ranked]) -> String {
    let split = ranked.iter().any(|r| r.qualitative_share.is_some());
    let mut columns = vec!["rank", "file", "social_value", "ratio_percent", "lm3"];
    if split {
        columns.extend(["quantitative_percent", "qualitative_mark"]);
    }
    columns.extend(["score_percent", "points", "error"]);
    let mut s = header(&columns);
    for r in ranked {
        let Some(b) = bids.get(r.bid) else { continue };
        let parts = if split {
            let mark = r.qualitative_mark.map_or(String::new(), |m| m.to_string());
            format!("{},{mark},", r.quantitative_percent)
        } else {
            String::new()
        };
        let _ = match (&b.outcome, r.rank) {
            (Ok(f), Some(rank)) => write!(
                s,
                "{rank},{},{},{},{},{parts}{},{},{EOL}",
                text_cell(&b.name),
                f.ratio.value.plain(),
                f.ratio.percent,
                crate::lm3::shown(f.lm3.lm3),
                r.score_percent,
                r.points
            ),
            (Err(e), _) => {
                let empty = if split { ",," } else { "" };
                write!(
                    s,
                    ",{},,,,{empty},,{}{EOL}",
                    text_cell(&b.name),
                    text_cell(e)
                )
            }
            (Ok(_), None) => Ok(()),
        };
    }
    s
}

/// The ranking side by side, one row a bid: name, rank, the council's
/// basis figure, ratio, LM3, score, points, each theme and the number of
/// warnings; a bid that cannot be scored says why.
pub fn table(setup: &Setup, bids: &[Bid], ranked: &[Ranked]) -> Table {
    let themes = &setup.framework.themes;
    // The bid's name heads its row (a screen reader names each row by it).
    let split = ranked.iter().any(|r| r.qualitative_share.is_some());
    let mut head: Vec<String> = ["Bid", "Rank", "Social value", "Ratio", "LM3"]
        .map(String::from)
        .to_vec();
    if split {
        head.extend([
            "Quantitative (out of 100)".into(),
            "Qualitative mark".into(),
        ]);
    }
    head.extend(["Score (out of 100)".into(), "Points".into()]);
    head.extend(themes.iter().map(|t| t.title.clone()));
    head.push("Warnings".into());
    let basis = setup.config.scoring.basis;
    let rows = ranked
        .iter()
        .filter_map(|r| Some((r, bids.get(r.bid)?)))
        .map(|(r, b)| {
            let mut row = vec![
                b.name.clone(),
                r.rank.map_or_else(|| "–".to_string(), |n| n.to_string()),
            ];
            match &b.outcome {
                Ok(f) => {
                    row.extend([
                        f.ratio.value.to_string(),
                        format!("{}%", f.ratio.percent),
                        crate::lm3::shown(f.lm3.lm3),
                    ]);
                    if split {
                        row.push(r.quantitative_percent.to_string());
                        row.push(
                            r.qualitative_mark
                                .map_or_else(|| "not marked".into(), |m| m.to_string()),
                        );
                    }
                    row.extend([r.score_percent.to_string(), r.points.to_string()]);
                    row.extend(
                        f.themes
                            .iter()
                            .map(|t| crate::scoring::basis_value(basis, &t.totals).to_string()),
                    );
                    row.push(f.warnings.len().to_string());
                }
                Err(e) => {
                    row.push(format!("Not scored: {e}"));
                    row.resize(head.len(), String::new());
                }
            }
            row
        })
        .collect();
    let numeric = (1..head.len()).collect();
    Table {
        caption: "Bids ranked".into(),
        head,
        rows,
        numeric,
        marked: Vec::new(),
    }
}
