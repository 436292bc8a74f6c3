//! The working behind each figure of the results, as short blocks of text:
//! one source for the CLI's table and the widget's "How is this
//! calculated?" panels, so both say the same thing in the same words.
//!
//! The blocks hold the report's own working (each commitment's arithmetic,
//! LM3's rounds, the score's explanation) and add what the report leaves
//! implicit: what gross, adjusted and present value mean, and which of them
//! the ratio compares with the contract value.

use serde::{Deserialize, Serialize};

use crate::config::ValueBasis;
use crate::framework::Unit;
use crate::gap::{Gap, Goal, GoalKind};
use crate::local_area::Place;
use crate::report::{MeasureLine, Report};
use crate::{Decimal, Money};

/// A piece of the working.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "text")]
pub enum Block {
    /// A heading for what follows.
    Heading(String),
    /// A paragraph.
    Para(String),
    /// A list of steps or options.
    List(Vec<String>),
    /// A table: its caption, column headings and rows of cells.
    Table(Table),
}

/// A table of the summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// Column headings.
    pub head: Vec<String>,
    /// Rows, as many cells as headings; the first cell heads its row.
    pub rows: Vec<Vec<String>>,
    /// The columns that hold figures (aligned right).
    pub numeric: Vec<usize>,
    /// Cells to mark, as (row, column): a comparison's differences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marked: Vec<(usize, usize)>,
}

/// Gross value, defined.
pub const GROSS: &str =
    "Gross value: quantity × proxy value, in every year the value arises, before any adjustment.";
/// Value after adjustments, defined.
pub const ADJUSTED: &str = "Value after adjustments: gross value less deadweight (what would have happened anyway), displacement (benefit moved from elsewhere), attribution (the share due to others) and drop-off (how a lasting outcome fades year by year).";
/// Present value, defined.
pub const PRESENT_VALUE: &str = "Present value: the value after adjustments, discounted to one year as HM Treasury's Green Book does, so that value arising later counts for less.";

/// The name of a basis in running text.
pub fn basis_name(b: ValueBasis) -> &'static str {
    match b {
        ValueBasis::Gross => "gross value",
        ValueBasis::Adjusted => "value after adjustments",
        ValueBasis::PresentValue => "present value",
    }
}

/// Every panel's working, by the key the widget shows it under.
pub fn all(r: &Report, gap: Option<&Gap>) -> Vec<(&'static str, Vec<Block>)> {
    let mut out = vec![
        ("ratio", ratio(r)),
        ("totals", totals(r)),
        ("themes", themes(r)),
        ("lm3", lm3(r)),
        ("score", score(r)),
        ("recorded", recorded(r)),
    ];
    if let Some(g) = gap {
        out.push(("gap", self::gap(g, r.contract_value)));
    }
    out
}

/// What the printed summary says about where it came from.
#[derive(Clone, Copy, Debug)]
pub struct Stamp<'a> {
    /// The day it was worked out.
    pub today: crate::CivilDate,
    /// The version of Socval that worked it out.
    pub version: &'a str,
    /// The tender it is for, as the host page names it (may be empty).
    pub tender: &'a str,
}

/// The summary a supplier can attach to a bid: who and what it is for, the
/// inputs, the figures with their working, what is recorded without a
/// value, warnings, what it would take, and every source with its licence.
pub fn summary(r: &Report, p: &crate::Proposal, gap: Option<&Gap>, stamp: Stamp<'_>) -> Vec<Block> {
    let d = stamp.today;
    let bidder = if p.bidder.trim().is_empty() {
        "(bidder not named)"
    } else {
        p.bidder.trim()
    };
    let tender = match stamp.tender.trim() {
        "" => String::new(),
        t => format!(", tender \u{201c}{t}\u{201d}"),
    };
    let mut out = vec![
        Block::Heading(format!("Social value summary: {bidder}")),
        Block::Para(format!(
            "For {}{}. Framework: {} {} ({} prices). Worked out on {:04}-{:02}-{:02} with Socval {}. An estimate: the council also judges the quality and credibility of the commitments.",
            r.council,
            tender,
            r.framework.name,
            r.framework.version,
            r.framework.price_year,
            d.year,
            d.month,
            d.day,
            stamp.version
        )),
        Block::Para(format!(
            "Contract: {} over {} years from {}{}.",
            r.contract_value,
            r.duration_years,
            r.start_year,
            if p.contract.supplier_postcode.trim().is_empty() {
                String::new()
            } else {
                format!("; the bidder is at {}", p.contract.supplier_postcode.trim())
            }
        )),
        Block::Table(figures_table(r)),
    ];
    out.push(Block::Table(commitments_table(r, p)));
    if !r.lm3.lines.is_empty() {
        out.push(Block::Table(spend_table(r)));
    }
    out.push(Block::Heading(
        "How the figures were worked out".to_string(),
    ));
    out.extend(ratio(r));
    out.extend(definitions(r).into_iter().take(1));
    // The commitments that add nothing are listed, with why, further on.
    for m in r.measures.iter().filter(|m| !m.record_only && !m.excluded) {
        out.push(Block::Para(commitment_line(m, r.ratio.basis)));
        out.push(Block::List(m.working.clone()));
    }
    out.push(Block::Para("LM3".to_string()));
    out.push(Block::List(r.lm3.working.clone()));
    out.push(Block::Para("Score".to_string()));
    out.extend(score(r));
    let recorded = recorded(r);
    if !recorded.is_empty() {
        out.push(Block::Heading("Recorded, not valued".to_string()));
        out.extend(recorded);
    }
    if !r.warnings.is_empty() {
        out.push(Block::Heading("Warnings".to_string()));
        out.push(Block::List(
            r.warnings.iter().map(|w| w.to_string()).collect(),
        ));
    }
    if let Some(g) = gap {
        out.push(Block::Heading("What it would take".to_string()));
        out.extend(self::gap(g, r.contract_value));
    }
    if !r.sources.is_empty() {
        out.push(Block::Heading("Sources and licences".to_string()));
        out.extend(sources(r));
    }
    out.push(Block::Para(r.rounding.clone()));
    out
}

/// The headline figures.
fn figures_table(r: &Report) -> Table {
    let basis = basis_name(r.ratio.basis);
    let mut rows = vec![
        vec!["Gross value".to_string(), r.totals.gross.to_string()],
        vec![
            "Value after adjustments".to_string(),
            r.totals.adjusted.to_string(),
        ],
        vec![
            "Present value".to_string(),
            r.totals.present_value.to_string(),
        ],
        vec![
            format!("Social value ratio ({basis} ÷ contract value)"),
            format!("{}%", r.ratio.percent),
        ],
    ];
    if let Some(t) = r.ratio.target_percent {
        let met = if r.ratio.met == Some(true) {
            "met"
        } else {
            "not met"
        };
        rows.push(vec![
            "The council's target".to_string(),
            format!("{t}%: {met}"),
        ]);
    }
    for t in r.themes.iter().filter(|t| t.commitments > 0) {
        rows.push(vec![
            format!("Theme: {}", t.title),
            crate::scoring::basis_value(r.ratio.basis, &t.totals).to_string(),
        ]);
    }
    rows.push(vec![
        "LM3 (local multiplier)".to_string(),
        crate::lm3::shown(r.lm3.figures.lm3),
    ]);
    rows.push(vec![
        "Indicative score".to_string(),
        format!(
            "{} / 100: {} of {} points",
            r.score.score_percent, r.score.weighted_points, r.score.weighting_percent
        ),
    ]);
    Table {
        caption: "Results".to_string(),
        head: vec!["Figure".to_string(), "Value".to_string()],
        rows,
        numeric: vec![1],
        marked: Vec::new(),
    }
}

/// The commitments as entered, with their years and value.
fn commitments_table(r: &Report, p: &crate::Proposal) -> Table {
    let rows = r
        .measures
        .iter()
        .map(|m| {
            let c = p.commitments.get(m.commitment);
            // Years as entered; a total spread evenly is said to be so.
            let entered = c.is_some_and(|c| c.per_year || c.profile.is_some());
            let years: Vec<String> = if entered {
                m.years
                    .iter()
                    .filter(|y| y.quantity != Decimal::ZERO)
                    .map(|y| match m.unit {
                        Unit::Pound => format!("{}: {}", y.year, Money::from_decimal(y.quantity)),
                        _ => format!("{}: {}", y.year, y.quantity),
                    })
                    .collect()
            } else {
                vec!["spread evenly".to_string()]
            };
            vec![
                m.title.clone(),
                quantity(m.quantity, m.unit),
                years.join(", "),
                crate::scoring::basis_value(r.ratio.basis, &m.totals).to_string(),
                c.map_or_else(String::new, |c| c.note.clone()),
            ]
        })
        .collect();
    Table {
        caption: "Commitments".to_string(),
        head: [
            "Measure",
            "Quantity",
            "By year",
            basis_name_capital(r.ratio.basis),
            "Note",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        numeric: vec![3],
        marked: Vec::new(),
    }
}

fn basis_name_capital(b: ValueBasis) -> &'static str {
    match b {
        ValueBasis::Gross => "Gross value",
        ValueBasis::Adjusted => "Value after adjustments",
        ValueBasis::PresentValue => "Present value",
    }
}

/// Where the money goes, as LM3 counted it.
fn spend_table(r: &Report) -> Table {
    use crate::report::SpendKind;
    let rows = r
        .lm3
        .lines
        .iter()
        .map(|l| {
            vec![
                if l.label.is_empty() {
                    "(no name)".to_string()
                } else {
                    l.label.clone()
                },
                match l.kind {
                    SpendKind::Staff => "Staff wages".to_string(),
                    SpendKind::Supplier => "Supplier".to_string(),
                },
                where_from(l),
                match &l.place {
                    Place::Local => "Local".to_string(),
                    Place::Priority(a) => format!("Priority area: {a}"),
                    Place::NotLocal => "Not local".to_string(),
                },
                l.amount.to_string(),
            ]
        })
        .collect();
    Table {
        caption: "Where the money goes (LM3)".to_string(),
        head: ["Name", "Kind", "Outward code or total", "Where", "Amount"]
            .map(String::from)
            .to_vec(),
        rows,
        numeric: vec![4],
        marked: Vec::new(),
    }
}

/// A spend line's outward code, or, for a part of a total, the local share
/// it was entered with ("total, 62.5% local").
pub fn where_from(l: &crate::report::SpendLineReport) -> String {
    match l.from_total {
        Some(share) => format!("total, {share}% local"),
        None => l.outward_code.clone(),
    }
}

/// The ratio: which figure, divided by what.
pub fn ratio(r: &Report) -> Vec<Block> {
    let q = &r.ratio;
    let mut out = vec![Block::Para(format!(
        "Social value ratio = {} {} ÷ contract value {} × 100 = {}%. The council compares the {} with the contract value.",
        basis_name(q.basis),
        q.value,
        r.contract_value,
        q.percent,
        basis_name(q.basis)
    ))];
    if let (Some(t), Some(met)) = (q.target_percent, q.met) {
        out.push(Block::Para(format!(
            "The council's target is {t}% of the contract value: {}. Whether a target is met is decided on the exact amounts, not on the ratio rounded to two places.",
            if met { "met" } else { "not met" }
        )));
    }
    out
}

/// The three totals, defined, with this proposal's figures, and where
/// the values come from.
pub fn totals(r: &Report) -> Vec<Block> {
    let mut out = definitions(r);
    out.push(Block::Heading("Where the values come from".to_string()));
    out.extend(sources(r));
    out
}

/// Gross, adjusted and present value, defined, with this proposal's figures.
pub fn definitions(r: &Report) -> Vec<Block> {
    let t = &r.totals;
    vec![
        Block::List(vec![
            format!("{GROSS} Here {}.", t.gross),
            format!("{ADJUSTED} Here {}.", t.adjusted),
            format!(
                "{PRESENT_VALUE} Here {}: {}.",
                t.present_value, r.discounting
            ),
        ]),
        Block::Para(format!(
            "Each total is the sum of the commitments' figures (see each theme). {}",
            r.rounding
        )),
    ]
}

/// Each theme's commitments with their arithmetic.
pub fn themes(r: &Report) -> Vec<Block> {
    let mut out = Vec::new();
    for t in r.themes.iter().filter(|t| t.commitments > 0) {
        out.push(Block::Heading(format!(
            "{}: {} ({} of the total)",
            t.title,
            crate::scoring::basis_value(r.ratio.basis, &t.totals),
            percent(t.share_percent)
        )));
        for m in r.measures.iter().filter(|m| m.theme == t.id) {
            out.push(Block::Para(commitment_line(m, r.ratio.basis)));
            out.push(Block::List(m.working.clone()));
        }
    }
    if out.is_empty() {
        out.push(Block::Para("No commitments yet.".to_string()));
    }
    out
}

fn percent(d: Decimal) -> String {
    format!("{d}%")
}

/// "Staff volunteering hours, 1,200 hours: £9,504.00" for one commitment.
pub fn commitment_line(m: &MeasureLine, basis: ValueBasis) -> String {
    let value = crate::scoring::basis_value(basis, &m.totals);
    format!("{}, {}: {value}", m.title, quantity(m.quantity, m.unit))
}

/// A quantity with its unit: "1,200 hours", "£5,000.00", "2.5 FTE-years".
pub fn quantity(q: Decimal, unit: Unit) -> String {
    if unit == Unit::Pound {
        return Money::from_decimal(q).to_string();
    }
    let text = if q.is_whole() && !q.is_negative() {
        crate::fixed::group_thousands(
            u64::try_from(q.micros() / crate::fixed::SCALE).unwrap_or_default(),
        )
    } else {
        q.to_string()
    };
    format!("{text} {}", unit.label(q == Decimal::ONE))
}

/// LM3: the rounds and each spend line.
pub fn lm3(r: &Report) -> Vec<Block> {
    let mut out = vec![Block::List(r.lm3.working.clone())];
    let lines: Vec<String> = r
        .lm3
        .lines
        .iter()
        .map(|l| {
            let label = if l.label.is_empty() {
                "(no name)"
            } else {
                l.label.as_str()
            };
            let place = match &l.place {
                Place::Local => format!(
                    "local, re-spending {}% locally: round 3 {}",
                    l.respend_percent, l.round3
                ),
                Place::Priority(a) => {
                    format!("in the priority area {a}, outside the local area: not counted")
                }
                Place::NotLocal => "outside the local area: not counted".to_string(),
            };
            format!("{label} ({}): {}, {place}", where_from(l), l.amount)
        })
        .collect();
    if !lines.is_empty() {
        out.push(Block::Heading("Each spend line".to_string()));
        out.push(Block::List(lines));
    }
    out
}

/// The score, as the council's method works it out.
pub fn score(r: &Report) -> Vec<Block> {
    vec![Block::List(r.score.explanation.clone())]
}

/// The commitments that add nothing to the totals, and why: the supplier
/// can still describe them in the written answer.
pub fn recorded(r: &Report) -> Vec<Block> {
    use crate::recorded::Reason;
    let line = |i: usize| r.measures.iter().find(|m| m.commitment == i);
    let items: Vec<String> = r
        .recorded
        .iter()
        .filter_map(|x| {
            let m = line(x.commitment)?;
            let why = match x.reason {
                Reason::NoOpenValue => "no openly licensed value exists for it, so none is invented".to_string(),
                Reason::OutsideLocalArea => "delivered outside the local area, and this measure counts only local delivery".to_string(),
                Reason::NoDeliveryPlace => "this measure counts only local delivery: give the postcode where it is delivered".to_string(),
                Reason::DoubleCounted { counted } => format!(
                    "it must not count the same people or spend as \u{201c}{}\u{201d}, which is worth more and is counted instead",
                    line(counted).map_or("", |c| c.title.as_str())
                ),
            };
            Some(format!("{}, {}: {why}.", m.title, quantity(x.quantity, m.unit)))
        })
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Para("These commitments add nothing to the figures above. You can still describe them in your written answer.".to_string()),
        Block::List(items),
    ]
}

/// Every proxy value used, with its source, price year and licence.
pub fn sources(r: &Report) -> Vec<Block> {
    let items = r
        .sources
        .iter()
        .map(|s| {
            let p = &s.provenance;
            let mut line = format!(
                "{}: £{} per {}: {}, {} ({} prices, {})",
                s.title,
                s.value,
                s.unit.label(true),
                p.title,
                p.publisher,
                p.price_year,
                p.licence
            );
            if s.value_in_price_year != s.value {
                line.push_str(&format!(
                    "; £{} in the framework's {} prices",
                    s.value_in_price_year, r.framework.price_year
                ));
            }
            if !p.url.is_empty() {
                line.push_str(&format!(". {}", p.url));
            }
            line.push('.');
            line
        })
        .collect::<Vec<_>>();
    if items.is_empty() {
        return vec![Block::Para(
            "No proxy value is used yet: no commitment has a value.".to_string(),
        )];
    }
    vec![Block::List(items)]
}

/// What it would take, threshold by threshold.
pub fn gap(g: &Gap, contract: Money) -> Vec<Block> {
    let mut out = vec![Block::Para(format!(
        "Now: {} ({}), {}% of the contract value of {contract}.",
        g.value,
        basis_name(g.basis),
        g.ratio_percent
    ))];
    for goal in &g.goals {
        out.push(Block::Para(goal_line(goal)));
        if !goal.options.is_empty() {
            out.push(Block::List(
                goal.options.iter().map(crate::gap::more_text).collect(),
            ));
        }
    }
    out.push(Block::Para(crate::gap::lm3_text(&g.lm3)));
    out.push(Block::Para("Each answer adds one measure alone, delivered evenly over the contract, valued with the council's own figures and rules; it is not a price or a cost.".to_string()));
    out
}

/// One threshold: where it is and how far away.
fn goal_line(goal: &Goal) -> String {
    let (name, score) = match &goal.kind {
        GoalKind::Target => ("The council's target".to_string(), String::new()),
        GoalKind::Band {
            label,
            score_percent,
        } => (
            format!("The next scoring band, \u{201c}{label}\u{201d}"),
            format!(", a score of {score_percent}%"),
        ),
        GoalKind::FullMarks => ("Full marks".to_string(), String::new()),
    };
    let at = goal.ratio_percent.map_or_else(
        || format!("{}{score}", goal.value),
        |r| format!("{r}% of the contract value, {}{score}", goal.value),
    );
    match (goal.short_by.pence(), goal.options.is_empty()) {
        (0, _) => format!("{name} ({at}): reached."),
        (_, true) => format!(
            "{name} ({at}): {} more is needed. No single measure the council values can close it alone.",
            goal.short_by
        ),
        (_, false) => format!(
            "{name} ({at}): {} more is needed. Any one of these alone would close it:",
            goal.short_by
        ),
    }
}
