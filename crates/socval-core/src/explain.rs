//! The working behind each figure of the results, as short blocks of text:
//! one source for the CLI's table and the widget's "How is this
//! calculated?" panels, so both say the same thing in the same words.
//!
//! The blocks hold the report's own working (each commitment's arithmetic,
//! LM3's rounds, the score's explanation) and add what the report leaves
//! implicit: what gross, adjusted and present value mean, and which of them
//! the ratio compares with the contract value. Every sentence is a line of
//! the working's catalogue ([`crate::working`]), worded in the language of
//! the [`Words`] given.

use serde::{Deserialize, Serialize};

use crate::config::ValueBasis;
use crate::framework::Unit;
use crate::gap::{Gap, Goal, GoalKind};
use crate::local_area::Place;
use crate::report::{MeasureLine, Report};
use crate::working::{self, Line, Words};
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

/// The name of a basis in running text.
pub fn basis_name(w: &Words, b: ValueBasis) -> String {
    w.say(&match b {
        ValueBasis::Gross => Line::basis_gross(),
        ValueBasis::Adjusted => Line::basis_adjusted(),
        ValueBasis::PresentValue => Line::basis_present_value(),
    })
}

/// The name of a basis as a heading.
fn basis_heading(w: &Words, b: ValueBasis) -> String {
    w.say(&match b {
        ValueBasis::Gross => Line::head_gross(),
        ValueBasis::Adjusted => Line::head_adjusted(),
        ValueBasis::PresentValue => Line::head_present_value(),
    })
}

/// Lines, worded.
fn said(w: &Words, lines: &[Line]) -> Vec<String> {
    lines.iter().map(|l| w.say(l)).collect()
}

/// Every panel's working, by the key the widget shows it under.
pub fn all(w: &Words, r: &Report, gap: Option<&Gap>) -> Vec<(&'static str, Vec<Block>)> {
    let mut out = vec![
        ("ratio", ratio(w, r)),
        ("totals", totals(w, r)),
        ("themes", themes(w, r)),
        ("lm3", lm3(w, r)),
        ("score", score(w, r)),
        ("recorded", recorded(w, r)),
    ];
    if let Some(g) = gap {
        out.push(("gap", self::gap(w, g, r.contract_value)));
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
pub fn summary(
    w: &Words,
    r: &Report,
    p: &crate::Proposal,
    gap: Option<&Gap>,
    stamp: Stamp<'_>,
) -> Vec<Block> {
    let d = stamp.today;
    let bidder = match p.bidder.trim() {
        "" => w.say(&Line::bidder_unnamed()),
        b => b.to_string(),
    };
    let date = format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    let fw = &r.framework;
    let (name, version, year) = (
        fw.name.clone(),
        fw.version.clone(),
        i64::from(fw.price_year),
    );
    let socval = stamp.version.to_string();
    let for_line = match stamp.tender.trim() {
        "" => Line::summary_for(r.council.clone(), name, version, year, date, socval),
        t => Line::summary_for_tender(
            r.council.clone(),
            t.into(),
            name,
            version,
            year,
            date,
            socval,
        ),
    };
    let start = i64::from(r.start_year);
    let contract = match p.contract.supplier_postcode.trim() {
        "" => Line::summary_contract(r.contract_value, r.duration_years, start),
        pc => Line::summary_contract_at(r.contract_value, r.duration_years, start, pc.into()),
    };
    let mut out = vec![
        Block::Heading(w.say(&Line::summary_heading(bidder))),
        Block::Para(w.say(&for_line)),
        Block::Para(w.say(&contract)),
        Block::Table(figures_table(w, r)),
    ];
    out.push(Block::Table(commitments_table(w, r, p)));
    if !r.lm3.lines.is_empty() {
        out.push(Block::Table(spend_table(w, r)));
    }
    out.push(Block::Heading(w.say(&Line::worked_out())));
    out.extend(ratio(w, r));
    out.extend(definitions(w, r).into_iter().take(1));
    // The commitments that add nothing are listed, with why, further on.
    for m in r.measures.iter().filter(|m| !m.record_only && !m.excluded) {
        out.push(Block::Para(commitment_line(w, m, r.ratio.basis)));
        out.push(Block::List(said(w, &m.working)));
    }
    out.push(Block::Para(w.say(&Line::head_lm3())));
    out.push(Block::List(said(w, &r.lm3.working)));
    out.push(Block::Para(w.say(&Line::head_score())));
    out.extend(score(w, r));
    let recorded = recorded(w, r);
    if !recorded.is_empty() {
        out.push(Block::Heading(w.say(&Line::head_recorded())));
        out.extend(recorded);
    }
    if !r.warnings.is_empty() {
        out.push(Block::Heading(w.say(&Line::head_warnings())));
        out.push(Block::List(r.warnings.iter().map(|i| w.issue(i)).collect()));
    }
    if let Some(g) = gap {
        out.push(Block::Heading(w.say(&Line::head_gap())));
        out.extend(self::gap(w, g, r.contract_value));
    }
    if !r.sources.is_empty() {
        out.push(Block::Heading(w.say(&Line::head_sources())));
        out.extend(sources(w, r));
    }
    out.push(Block::Para(w.say(&Line::rounding())));
    out
}

/// A row of a table: its heading and its cell.
fn row(head: String, cell: String) -> Vec<String> {
    vec![head, cell]
}

/// The headline figures.
fn figures_table(w: &Words, r: &Report) -> Table {
    let basis = basis_name(w, r.ratio.basis);
    let mut rows = vec![
        row(w.say(&Line::head_gross()), r.totals.gross.to_string()),
        row(w.say(&Line::head_adjusted()), r.totals.adjusted.to_string()),
        row(
            w.say(&Line::head_present_value()),
            r.totals.present_value.to_string(),
        ),
        row(
            w.say(&Line::row_ratio(basis)),
            w.say(&Line::percent(r.ratio.percent)),
        ),
    ];
    if let Some(t) = r.ratio.target_percent {
        let met = if r.ratio.met == Some(true) {
            Line::target_row_met(t)
        } else {
            Line::target_row_not_met(t)
        };
        rows.push(row(w.say(&Line::row_target()), w.say(&met)));
    }
    for t in r.themes.iter().filter(|t| t.commitments > 0) {
        rows.push(row(
            w.say(&Line::row_theme(t.title.clone())),
            crate::scoring::basis_value(r.ratio.basis, &t.totals).to_string(),
        ));
    }
    rows.push(row(
        w.say(&Line::row_lm3()),
        crate::lm3::shown(r.lm3.figures.lm3),
    ));
    let s = &r.score;
    rows.push(row(
        w.say(&Line::row_score()),
        w.say(&Line::score_points(
            s.score_percent,
            s.weighted_points,
            s.weighting_percent,
        )),
    ));
    Table {
        caption: w.say(&Line::results()),
        head: vec![w.say(&Line::col_figure()), w.say(&Line::col_value())],
        rows,
        numeric: vec![1],
        marked: Vec::new(),
    }
}

/// The commitments as entered, with their years and value.
fn commitments_table(w: &Words, r: &Report, p: &crate::Proposal) -> Table {
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
                vec![w.say(&Line::spread_evenly())]
            };
            vec![
                m.title.clone(),
                quantity(w, m.quantity, m.unit),
                years.join(", "),
                crate::scoring::basis_value(r.ratio.basis, &m.totals).to_string(),
                c.map_or_else(String::new, |c| c.note.clone()),
            ]
        })
        .collect();
    Table {
        caption: w.say(&Line::commitments()),
        head: vec![
            w.say(&Line::col_measure()),
            w.say(&Line::col_quantity()),
            w.say(&Line::col_by_year()),
            basis_heading(w, r.ratio.basis),
            w.say(&Line::col_note()),
        ],
        rows,
        numeric: vec![3],
        marked: Vec::new(),
    }
}

/// A spend line's name, or words for none.
fn label(w: &Words, l: &crate::report::SpendLineReport) -> String {
    if l.label.is_empty() {
        w.say(&Line::no_name())
    } else {
        l.label.clone()
    }
}

/// Where the money goes, as LM3 counted it.
fn spend_table(w: &Words, r: &Report) -> Table {
    use crate::report::SpendKind;
    let rows = r
        .lm3
        .lines
        .iter()
        .map(|l| {
            vec![
                label(w, l),
                w.say(&match l.kind {
                    SpendKind::Staff => Line::kind_staff(),
                    SpendKind::Supplier => Line::kind_supplier(),
                }),
                where_from(w, l),
                w.say(&match &l.place {
                    Place::Local => Line::place_local(),
                    Place::Priority(a) => Line::place_priority(a.clone()),
                    Place::NotLocal => Line::place_not_local(),
                }),
                l.amount.to_string(),
            ]
        })
        .collect();
    let head = [
        Line::col_name(),
        Line::col_kind(),
        Line::col_from(),
        Line::col_where(),
        Line::col_amount(),
    ];
    Table {
        caption: w.say(&Line::spend_caption()),
        head: said(w, &head),
        rows,
        numeric: vec![4],
        marked: Vec::new(),
    }
}

/// A spend line's outward code, or, for a part of a total, the local share
/// it was entered with ("total, 62.5% local").
pub fn where_from(w: &Words, l: &crate::report::SpendLineReport) -> String {
    match l.from_total {
        Some(share) => w.say(&Line::from_total(share)),
        None => l.outward_code.clone(),
    }
}

/// The ratio: which figure, divided by what.
pub fn ratio(w: &Words, r: &Report) -> Vec<Block> {
    let q = &r.ratio;
    let basis = basis_name(w, q.basis);
    let mut out = vec![Block::Para(w.say(&Line::ratio(
        basis,
        q.value,
        r.contract_value,
        q.percent,
    )))];
    if let (Some(t), Some(met)) = (q.target_percent, q.met) {
        let line = if met {
            Line::target_met(t)
        } else {
            Line::target_not_met(t)
        };
        out.push(Block::Para(w.say(&line)));
    }
    out
}

/// The three totals, defined, with this proposal's figures, and where
/// the values come from.
pub fn totals(w: &Words, r: &Report) -> Vec<Block> {
    let mut out = definitions(w, r);
    out.push(Block::Heading(w.say(&Line::values_from())));
    out.extend(sources(w, r));
    out
}

/// Gross, adjusted and present value, defined, with this proposal's figures.
pub fn definitions(w: &Words, r: &Report) -> Vec<Block> {
    let t = &r.totals;
    let discounting = w.say(&r.discounting);
    vec![
        Block::List(vec![
            w.say(&Line::define_gross(t.gross)),
            w.say(&Line::define_adjusted(t.adjusted)),
            w.say(&Line::define_present_value(t.present_value, discounting)),
        ]),
        Block::Para(w.say(&Line::each_total(w.say(&Line::rounding())))),
    ]
}

/// Each theme's commitments with their arithmetic.
pub fn themes(w: &Words, r: &Report) -> Vec<Block> {
    let mut out = Vec::new();
    for t in r.themes.iter().filter(|t| t.commitments > 0) {
        out.push(Block::Heading(w.say(&Line::theme_heading(
            t.title.clone(),
            crate::scoring::basis_value(r.ratio.basis, &t.totals),
            t.share_percent,
        ))));
        for m in r.measures.iter().filter(|m| m.theme == t.id) {
            out.push(Block::Para(commitment_line(w, m, r.ratio.basis)));
            out.push(Block::List(said(w, &m.working)));
        }
    }
    if out.is_empty() {
        out.push(Block::Para(w.say(&Line::no_commitments())));
    }
    out
}

/// "Staff volunteering hours, 1,200 hours: £9,504.00" for one commitment.
pub fn commitment_line(w: &Words, m: &MeasureLine, basis: ValueBasis) -> String {
    let value = crate::scoring::basis_value(basis, &m.totals);
    w.say(&Line::commitment(
        m.title.clone(),
        quantity(w, m.quantity, m.unit),
        value,
    ))
}

/// A quantity with its unit: "1,200 hours", "£5,000.00", "2.5 FTE-years".
pub fn quantity(w: &Words, q: Decimal, unit: Unit) -> String {
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
    w.say(&Line::count_units(text, working::unit(unit)))
}

/// LM3: the rounds and each spend line.
pub fn lm3(w: &Words, r: &Report) -> Vec<Block> {
    let mut out = vec![Block::List(said(w, &r.lm3.working))];
    let lines: Vec<String> = r
        .lm3
        .lines
        .iter()
        .map(|l| {
            let (name, from, amount) = (label(w, l), where_from(w, l), l.amount);
            w.say(&match &l.place {
                Place::Local => Line::spend_local(name, from, amount, l.respend_percent, l.round3),
                Place::Priority(a) => Line::spend_priority(name, from, amount, a.clone()),
                Place::NotLocal => Line::spend_not_local(name, from, amount),
            })
        })
        .collect();
    if !lines.is_empty() {
        out.push(Block::Heading(w.say(&Line::each_spend_line())));
        out.push(Block::List(lines));
    }
    out
}

/// The score, as the council's method works it out.
pub fn score(w: &Words, r: &Report) -> Vec<Block> {
    vec![Block::List(said(w, &r.score.explanation))]
}

/// The commitments that add nothing to the totals, and why: the supplier
/// can still describe them in the written answer.
pub fn recorded(w: &Words, r: &Report) -> Vec<Block> {
    use crate::recorded::Reason;
    let line = |i: usize| r.measures.iter().find(|m| m.commitment == i);
    let items: Vec<String> = r
        .recorded
        .iter()
        .filter_map(|x| {
            let m = line(x.commitment)?;
            let (title, q) = (m.title.clone(), quantity(w, x.quantity, m.unit));
            Some(w.say(&match x.reason {
                Reason::NoOpenValue => Line::recorded_no_value(title, q),
                Reason::OutsideLocalArea => Line::recorded_outside(title, q),
                Reason::NoDeliveryPlace => Line::recorded_no_place(title, q),
                Reason::DoubleCounted { counted } => {
                    let other = line(counted).map_or_else(String::new, |c| c.title.clone());
                    Line::recorded_double(title, q, other)
                }
            }))
        })
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Para(w.say(&Line::recorded_intro())),
        Block::List(items),
    ]
}

/// Every proxy value used, with its source, price year and licence.
pub fn sources(w: &Words, r: &Report) -> Vec<Block> {
    let items = r
        .sources
        .iter()
        .map(|s| {
            let p = &s.provenance;
            let (title, unit) = (s.title.clone(), working::unit(s.unit));
            let (source, publisher) = (p.title.clone(), p.publisher.clone());
            let (year, licence) = (i64::from(p.price_year), p.licence.clone());
            let mut line = w.say(&if s.value_in_price_year == s.value {
                Line::source(title, s.value, unit, source, publisher, year, licence)
            } else {
                let fw = i64::from(r.framework.price_year);
                let used = s.value_in_price_year;
                Line::source_converted(
                    title, s.value, unit, source, publisher, year, licence, used, fw,
                )
            });
            if !p.url.is_empty() {
                line.push_str(". ");
                line.push_str(&p.url);
            }
            line.push('.');
            line
        })
        .collect::<Vec<_>>();
    if items.is_empty() {
        return vec![Block::Para(w.say(&Line::no_sources()))];
    }
    vec![Block::List(items)]
}

/// What it would take, threshold by threshold.
pub fn gap(w: &Words, g: &Gap, contract: Money) -> Vec<Block> {
    let basis = basis_name(w, g.basis);
    let mut out = vec![Block::Para(w.say(&Line::gap_now(
        g.value,
        basis,
        g.ratio_percent,
        contract,
    )))];
    for goal in &g.goals {
        out.push(Block::Para(goal_line(w, goal)));
        if !goal.options.is_empty() {
            out.push(Block::List(
                goal.options
                    .iter()
                    .map(|m| crate::gap::more_text(w, m))
                    .collect(),
            ));
        }
    }
    out.push(Block::Para(crate::gap::lm3_text(w, &g.lm3)));
    out.push(Block::Para(w.say(&Line::gap_about())));
    out
}

/// One threshold: where it is and how far away.
fn goal_line(w: &Words, goal: &Goal) -> String {
    let (name, score) = match &goal.kind {
        GoalKind::Target => (Line::goal_target(), None),
        GoalKind::Band {
            label,
            score_percent,
        } => (Line::goal_band(label.clone()), Some(*score_percent)),
        GoalKind::FullMarks => (Line::goal_full(), None),
    };
    let v = goal.value;
    let at = match (goal.ratio_percent, score) {
        (None, None) => Line::goal_at(v),
        (Some(r), None) => Line::goal_at_ratio(r, v),
        (None, Some(s)) => Line::goal_at_score(v, s),
        (Some(r), Some(s)) => Line::goal_at_ratio_score(r, v, s),
    };
    let (name, at) = (w.say(&name), w.say(&at));
    w.say(&match (goal.short_by.pence(), goal.options.is_empty()) {
        (0, _) => Line::goal_reached(name, at),
        (_, true) => Line::goal_out_of_reach(name, at, goal.short_by),
        (_, false) => Line::goal_options(name, at, goal.short_by),
    })
}
