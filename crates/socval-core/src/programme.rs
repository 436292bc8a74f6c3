//! A programme: the call-offs of a long framework added up year by year, for
//! the framework's operator and the commissioners it serves (a city council
//! and a police force buying from one framework over ten years).
//!
//! Each call-off is a proposal worked out on its own by the council's rules
//! ([`crate::calculate`]); the programme adds, for each calendar year, the
//! contract value that falls in it (spread over a call-off's years in
//! proportion to the time in each, as quantities are: 2.5 years → 1, 1,
//! 0.5, to the penny with the years adding up to the whole) and the social
//! value arising in it (each commitment's year lines, so a lasting outcome
//! counts in the years it lasts, after the call-off has ended). The ratio is
//! the programme's whole: social value on the council's basis over the
//! contract value of every call-off. A present value is each call-off's
//! own, discounted as the council's settings say (to its own start, by
//! default), so that a call-off's figure reads as it did when it was
//! awarded. Nothing is counted twice: each
//! call-off's figures are its own, and a year's figures are the sum of the
//! call-offs' figures for that year.

use serde::Serialize;

use crate::config::ValueBasis;
use crate::fixed::{Decimal, Money};
use crate::report::{Report, Totals};

/// The programme, year by year and in all.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Programme {
    /// How many call-offs are added up.
    pub call_offs: usize,
    /// Each calendar year with a call-off running or value arising, in order.
    pub years: Vec<ProgrammeYear>,
    /// The contract value of every call-off.
    pub contract_value: Money,
    /// The social value of every call-off.
    pub social_value: Totals,
    /// The basis the ratio uses (the council's).
    pub basis: ValueBasis,
    /// Social value on that basis as a share of the contract value, two places.
    pub ratio_percent: Decimal,
}

/// One calendar year of the programme.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgrammeYear {
    /// The calendar year.
    pub year: i32,
    /// Call-offs running in the year.
    pub running: usize,
    /// The contract value that falls in the year.
    pub contract_value: Money,
    /// The social value arising in the year.
    pub social_value: Totals,
}

/// Adds up `reports`, one per call-off, each worked out by [`crate::calculate`].
pub fn programme(reports: &[Report], basis: ValueBasis) -> Programme {
    let mut years: Vec<ProgrammeYear> = Vec::new();
    let mut contract_value = Money::ZERO;
    let mut social_value = Totals::default();
    for r in reports {
        contract_value = contract_value.saturating_add(r.contract_value);
        social_value = add(&social_value, &r.totals);
        for (offset, value) in value_by_year(r).into_iter().enumerate() {
            let year = r
                .start_year
                .saturating_add(i32::try_from(offset).unwrap_or(i32::MAX));
            if let Some(y) = slot(&mut years, year) {
                y.running += 1;
                y.contract_value = y.contract_value.saturating_add(value);
            }
        }
        for line in r.measures.iter().flat_map(|m| &m.years) {
            if let Some(y) = slot(&mut years, line.year) {
                y.social_value = add(
                    &y.social_value,
                    &Totals {
                        gross: line.gross,
                        adjusted: line.adjusted,
                        present_value: line.present_value,
                    },
                );
            }
        }
    }
    let value = crate::scoring::basis_value(basis, &social_value);
    Programme {
        call_offs: reports.len(),
        years,
        contract_value,
        social_value,
        basis,
        ratio_percent: value
            .percent_of(contract_value)
            .unwrap_or_default()
            .round_to(2),
    }
}

/// The year's entry, made where there is none yet (the list stays in order).
fn slot(years: &mut Vec<ProgrammeYear>, year: i32) -> Option<&mut ProgrammeYear> {
    let i = match years.binary_search_by_key(&year, |y| y.year) {
        Ok(i) => i,
        Err(i) => {
            years.insert(
                i,
                ProgrammeYear {
                    year,
                    ..ProgrammeYear::default()
                },
            );
            i
        }
    };
    years.get_mut(i)
}

fn add(a: &Totals, b: &Totals) -> Totals {
    Totals {
        gross: a.gross.saturating_add(b.gross),
        adjusted: a.adjusted.saturating_add(b.adjusted),
        present_value: a.present_value.saturating_add(b.present_value),
    }
}

/// A call-off's contract value in each of its years, in proportion to the
/// time in each: each year is the running total rounded to the penny less
/// the running total before it, so the years add up to the whole exactly.
fn value_by_year(r: &Report) -> Vec<Money> {
    let years = usize::try_from(
        r.duration_years
            .ceil_int()
            .clamp(0, crate::issues::limits::YEARS),
    )
    .unwrap_or(0);
    let weights = crate::validation::year_weights(r.duration_years, years);
    let duration = i128::from(r.duration_years.micros().max(1));
    let pence = i128::from(r.contract_value.pence());
    let (mut run, mut before) = (0_i128, 0_i128);
    weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            run += i128::from(w.micros());
            let upto = if i + 1 == years {
                pence
            } else {
                crate::fixed::div_round(pence * run, duration)
            };
            let year = Money::from_pence(i64::try_from(upto - before).unwrap_or(0));
            before = upto;
            year
        })
        .collect()
}

/// The programme as CSV ([`crate::csv`]'s rules): a row per year, then the
/// whole. `period` is text (a year, or "all years"); the rest are numbers.
pub fn csv(p: &Programme) -> String {
    use crate::csv::{EOL, header, text_cell};
    use std::fmt::Write;
    let mut s = header(&[
        "period",
        "running",
        "contract_value",
        "gross",
        "adjusted",
        "present_value",
    ]);
    let mut row = |period: &str, running: usize, value: Money, t: &Totals| {
        let _ = write!(
            s,
            "{},{running},{},{},{},{}{EOL}",
            text_cell(period),
            Money::plain(value),
            Money::plain(t.gross),
            Money::plain(t.adjusted),
            Money::plain(t.present_value),
        );
    };
    for y in &p.years {
        row(
            &y.year.to_string(),
            y.running,
            y.contract_value,
            &y.social_value,
        );
    }
    row("all years", p.call_offs, p.contract_value, &p.social_value);
    s
}
