//! Scenarios side by side: the figures an adviser and a supplier weigh when
//! choosing between plans (the totals, the ratio, LM3, the score and each
//! theme), with each scenario's difference from the first written beside
//! its figure and marked, so that "is plan A or plan B better?" is read off
//! one table. The widget's scenarios panel and `socval compare` print the
//! same table.

use crate::Setup;
use crate::explain::Table;
use crate::figures::Figures;
use crate::fixed::{Decimal, Money};
use crate::scoring;
use crate::working::{Line, Words};

/// The most scenarios compared at once (and kept by the widget): four fit
/// side by side on a laptop screen and on an A4 page.
pub const MAX_SCENARIOS: usize = 4;

/// The longest name a scenario may have, in characters: it heads a column.
pub const MAX_NAME: usize = 60;

/// One scenario: its name, and its figures, or none when its answers
/// cannot be worked out (an unfinished draft).
#[derive(Clone, Copy, Debug)]
pub struct Scenario<'a> {
    /// The name the user gave it.
    pub name: &'a str,
    /// Its figures.
    pub figures: Option<&'a Figures>,
}

/// A figure and how its difference is written.
#[derive(Clone, Copy)]
enum Cell {
    Money(Money),
    /// A decimal figure in a unit.
    Figure(Decimal, Unit),
}

/// The unit of a decimal figure, which writes it and its difference.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// Percent, the difference in percentage points.
    Percent,
    /// A plain number: a score.
    Number,
    /// LM3, always to [`crate::lm3::PLACES`] places.
    Multiplier,
}

impl Unit {
    fn write(self, d: Decimal) -> String {
        match self {
            Unit::Percent => format!("{d}%"),
            Unit::Number => d.to_string(),
            Unit::Multiplier => crate::lm3::shown(d),
        }
    }
}

impl Cell {
    fn text(self) -> String {
        match self {
            Cell::Money(m) => m.to_string(),
            Cell::Figure(d, unit) => unit.write(d),
        }
    }

    /// `self − base`, signed, in the figure's unit; none when equal.
    fn difference(self, w: &Words, base: Cell) -> Option<String> {
        let sign = |negative: bool| if negative { "−" } else { "+" };
        match (self, base) {
            (Cell::Money(a), Cell::Money(b)) => {
                let d = a.pence().checked_sub(b.pence())?;
                let abs = Money::from_pence(i64::try_from(d.unsigned_abs()).ok()?);
                (d != 0).then(|| format!("{}{abs}", sign(d < 0)))
            }
            (Cell::Figure(a, unit), Cell::Figure(b, _)) => {
                let d = a.micros().checked_sub(b.micros())?;
                let abs = Decimal::from_micros(d.checked_abs()?);
                let abs = match unit {
                    Unit::Percent => w.say(&Line::percentage_points(abs)),
                    _ => unit.write(abs),
                };
                (d != 0).then(|| format!("{}{abs}", sign(d < 0)))
            }
            _ => None,
        }
    }
}

/// One row: its label and how to read its figure from a scenario's figures.
type Row<'a> = (String, Box<dyn Fn(&Figures) -> Option<Cell> + 'a>);

/// The rows compared, in the results panel's order; each theme by the
/// council's basis (the figure its ratio uses).
fn rows<'a>(w: &Words, setup: &'a Setup) -> Vec<Row<'a>> {
    let basis = setup.config.scoring.basis;
    let mut rows: Vec<Row<'_>> = vec![
        (
            w.say(&Line::compare_gross()),
            Box::new(|f: &Figures| Some(Cell::Money(f.totals.gross))),
        ),
        (
            w.say(&Line::head_adjusted()),
            Box::new(|f: &Figures| Some(Cell::Money(f.totals.adjusted))),
        ),
        (
            w.say(&Line::head_present_value()),
            Box::new(|f: &Figures| Some(Cell::Money(f.totals.present_value))),
        ),
        (
            w.say(&Line::compare_ratio()),
            Box::new(|f: &Figures| Some(Cell::Figure(f.ratio.percent, Unit::Percent))),
        ),
        (
            w.say(&Line::head_lm3()),
            Box::new(|f: &Figures| Some(Cell::Figure(f.lm3.lm3, Unit::Multiplier))),
        ),
        (
            w.say(&Line::compare_score()),
            Box::new(|f: &Figures| Some(Cell::Figure(f.score.score_percent, Unit::Number))),
        ),
    ];
    for (i, theme) in setup.framework.themes.iter().enumerate() {
        rows.push((
            w.say(&Line::compare_theme(
                theme.title.clone(),
                crate::explain::basis_name(w, basis),
            )),
            Box::new(move |f: &Figures| {
                let t = f.themes.get(i)?;
                Some(Cell::Money(scoring::basis_value(basis, &t.totals)))
            }),
        ));
    }
    rows
}

/// The comparison table: a row for each figure, a column for each scenario.
/// Every scenario after the first shows its difference from the first
/// ("£52,000.00 (+£2,164.50 on Plan A)"), and those cells are marked.
pub fn table(w: &Words, setup: &Setup, scenarios: &[Scenario<'_>]) -> Table {
    let base = scenarios.first();
    let mut out = Table {
        caption: w.say(&Line::compared()),
        head: std::iter::once(w.say(&Line::col_figure()))
            .chain(scenarios.iter().map(|s| s.name.to_string()))
            .collect(),
        rows: Vec::new(),
        numeric: (1..=scenarios.len()).collect(),
        marked: Vec::new(),
    };
    for (r, (label, read)) in rows(w, setup).iter().enumerate() {
        let from_base = base.and_then(|b| b.figures).and_then(read);
        let mut row = vec![label.clone()];
        for (c, s) in scenarios.iter().enumerate() {
            let Some(cell) = s.figures.and_then(read) else {
                row.push(w.say(&Line::not_worked_out()));
                continue;
            };
            let diff = from_base
                .filter(|_| c > 0)
                .and_then(|b| cell.difference(w, b));
            row.push(match (diff, base) {
                (Some(d), Some(b)) => {
                    out.marked.push((r, c + 1));
                    w.say(&Line::difference_on(cell.text(), d, b.name.to_string()))
                }
                _ => cell.text(),
            });
        }
        out.rows.push(row);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)] // Tests may panic: that is how they fail.
mod tests {
    use super::{Cell, Unit};
    use crate::fixed::{Decimal, Money};
    use crate::working::Words;

    #[test]
    fn differences_are_signed_in_the_figures_unit() {
        let w = Words::english();
        let m = |p| Cell::Money(Money::from_pence(p));
        assert_eq!(
            m(5_216_450).difference(&w, m(5_000_000)).unwrap(),
            "+£2,164.50"
        );
        assert_eq!(
            m(5_000_000).difference(&w, m(5_216_450)).unwrap(),
            "−£2,164.50"
        );
        assert_eq!(m(7).difference(&w, m(7)), None);
        let pc = |d| Cell::Figure(Decimal::from_micros(d), Unit::Percent);
        assert_eq!(
            pc(2_600_000).difference(&w, pc(2_490_000)).unwrap(),
            "+0.11 percentage points"
        );
        let n = |d| Cell::Figure(Decimal::from_micros(d), Unit::Number);
        assert_eq!(
            n(1_000_000).difference(&w, n(1_234_500)).unwrap(),
            "−0.2345"
        );
        assert_eq!(n(61_500_000).difference(&w, n(60_000_000)).unwrap(), "+1.5");
        // LM3 keeps its four places, in the figure and in the difference.
        let x = |d| Cell::Figure(Decimal::from_micros(d), Unit::Multiplier);
        assert_eq!(x(1_700_000).text(), "1.7000");
        assert_eq!(
            x(1_700_000).difference(&w, x(1_650_000)).unwrap(),
            "+0.0500"
        );
        // Figures never overflow a difference into a panic.
        assert_eq!(m(i64::MAX).difference(&w, m(i64::MIN)), None);
    }
}
