//! Valuing commitments: quantity × proxy, then the SROI adjustments, then
//! discounting, year by year, with the arithmetic written out.
//!
//! Three figures, as the results define them:
//! - **gross**: quantity × proxy value, in every year the value arises (for
//!   a lasting outcome, every year it lasts), before any adjustment;
//! - **adjusted**: gross less deadweight, displacement, attribution, the
//!   commitment's own sharing and drop-off ([`crate::adjustments`]);
//! - **present value**: adjusted, discounted to the base year
//!   ([`crate::discounting`]).
//!
//! The figures ([`Years`]) and the words ([`measure_line`]) are apart: a
//! council scoring many bids, or a live total, needs only the first.

use crate::discounting::Shifted;
use crate::fixed::{Decimal, Money, SCALE, div_round};
use crate::message::Value;
use crate::recorded::Reason;
use crate::report::{MeasureLine, Totals, YearLine};
use crate::validation::CheckedCommitment;
use crate::working::{self, Line, Work};

/// One commitment's value in each year, in µ£. Its buffers are reused from
/// one commitment to the next, so valuing a proposal allocates once.
#[derive(Debug, Default)]
pub(crate) struct Years {
    gross: Vec<i128>,
    adjusted: Vec<i128>,
    present_value: Vec<i128>,
}

impl Years {
    /// Values a checked commitment over the contract and the years its
    /// outcome lasts, replacing what was held before.
    pub(crate) fn value(
        &mut self,
        c: &CheckedCommitment<'_>,
        per_year: &[Decimal],
        disc: &Shifted<'_>,
    ) {
        let adj = c.adjustments;
        let proxy = c.value;
        let horizon = per_year.len() + usize::from(adj.benefit_years.max(1)) - 1;
        for v in [&mut self.gross, &mut self.adjusted, &mut self.present_value] {
            v.clear();
            v.resize(horizon, 0);
        }
        if let (Some(headline), None) = (proxy, c.excluded) {
            for (y, q) in per_year.iter().enumerate() {
                // A value that follows a series takes its year's figure.
                let p = c.by_year.get(y).copied().unwrap_or(headline);
                let g = div_round(
                    i128::from(q.micros()) * i128::from(p.micros()),
                    i128::from(SCALE),
                );
                // A lasting outcome's gross value is its value in every year
                // it lasts, before any adjustment (drop-off included), so the
                // gross line is never below the adjusted one.
                let lasting = usize::from(adj.benefit_years.max(1));
                for slot in self.gross.iter_mut().skip(y).take(lasting) {
                    *slot += g;
                }
                let later = self.adjusted.iter_mut().skip(y);
                for (slot, v) in later.zip(adj.lasting(adj.first_year(g))) {
                    *slot += v;
                }
            }
        }
        for (t, (pv, a)) in self
            .present_value
            .iter_mut()
            .zip(&self.adjusted)
            .enumerate()
        {
            *pv = disc.present_value(*a, t);
        }
    }

    /// The commitment's totals: each the sum of its years rounded to the penny.
    pub(crate) fn totals(&self) -> Totals {
        let sum = |m: &[i128]| cumulative_pence(m).fold(Money::ZERO, Money::saturating_add);
        Totals {
            gross: sum(&self.gross),
            adjusted: sum(&self.adjusted),
            present_value: sum(&self.present_value),
        }
    }
}

/// Rounds a series of µ£ amounts to pence so that the rounded years add up to
/// the rounded total exactly: each year is the rounded running total up to it
/// minus the rounded running total before it.
fn cumulative_pence(micros: &[i128]) -> impl Iterator<Item = Money> + '_ {
    let mut run = 0_i128;
    let mut before = Money::ZERO;
    micros.iter().map(move |m| {
        run += m;
        let upto = Money::from_micro_pounds(run).unwrap_or_default();
        let year = Money::from_pence(upto.pence().saturating_sub(before.pence()));
        before = upto;
        year
    })
}

/// One commitment's valuation for the report: its years and its working.
pub(crate) fn measure_line(
    c: &CheckedCommitment<'_>,
    per_year: &[Decimal],
    values: &Years,
    disc: &Shifted<'_>,
    start_year: i32,
    price_year: u16,
    discounting: &Line,
) -> MeasureLine {
    let m = c.measure;
    let proxy = c.value;
    let mut gross = cumulative_pence(&values.gross);
    let mut adjusted = cumulative_pence(&values.adjusted);
    let mut pv = cumulative_pence(&values.present_value);
    let lines: Vec<YearLine> = (0..values.gross.len())
        .map(|t| YearLine {
            year: start_year.saturating_add(i32::try_from(t).unwrap_or(0)),
            quantity: per_year.get(t).copied().unwrap_or(Decimal::ZERO),
            gross: gross.next().unwrap_or_default(),
            adjusted: adjusted.next().unwrap_or_default(),
            discount_factor: disc.factor_decimal(t),
            present_value: pv.next().unwrap_or_default(),
        })
        .collect();
    let totals = values.totals();
    let mut working = working(c, per_year, proxy, &totals, &lines, discounting);
    if let (Some(line), false) = (value_line(c, price_year, start_year), working.len() < 2) {
        working.insert(1, line);
    }
    MeasureLine {
        commitment: c.index,
        measure: m.id.clone(),
        title: m.title.clone(),
        theme: m.theme.clone(),
        unit: m.unit,
        quantity: c.total,
        proxy,
        record_only: proxy.is_none(),
        excluded: c.excluded.is_some(),
        adjustments: c.adjustments,
        totals,
        years: lines,
        working,
    }
}

/// How the value used was reached from the source's figure: the price-level
/// conversion, real-terms growth, or a series year by year; none when the
/// source's figure is used as it stands.
fn value_line(c: &CheckedCommitment<'_>, price_year: u16, start_year: i32) -> Option<Line> {
    use crate::growth::{CARBON_PRICE_YEAR, Growth};
    let m = c.measure;
    let p = m.proxy.as_ref()?;
    let v = c.value?;
    let idx = |y| {
        crate::deflators::index(y)
            .map_or_else(String::new, |i| Decimal::from_micros(i * 100).to_fixed(4))
    };
    let release = || crate::deflators::RELEASE.to_string();
    let unit = working::unit(m.unit);
    let year = |y: u16| i64::from(y);
    match p.growth {
        Some(Growth::CarbonDesnz2023) if !c.by_year.is_empty() => {
            let years: Vec<String> = c
                .by_year
                .iter()
                .zip(start_year..)
                .map(|(v, y)| format!("{} ({y})", Money::from_decimal(*v)))
                .collect();
            Some(Line::value_carbon(
                year(CARBON_PRICE_YEAR),
                idx(price_year),
                idx(CARBON_PRICE_YEAR),
                release(),
                years.join(", "),
                unit,
                year(price_year),
            ))
        }
        Some(Growth::GdpPerHead) => {
            let to = crate::growth::last_outturn()
                .map_or(i32::from(price_year), |l| l.min(i32::from(price_year)));
            let factor = crate::growth::gdp_per_head(Decimal::ONE, p.source.price_year, price_year)
                .unwrap_or(Decimal::ONE);
            Some(Line::value_wellbeing(
                Money::from_decimal(p.value),
                unit,
                year(p.source.price_year),
                idx(price_year),
                idx(p.source.price_year),
                release(),
                factor,
                i64::from(to),
                Money::from_decimal(v),
                year(price_year),
            ))
        }
        _ if p.source.price_year != price_year => Some(Line::value_deflated(
            Money::from_decimal(p.value),
            unit,
            year(p.source.price_year),
            idx(price_year),
            idx(p.source.price_year),
            release(),
            Money::from_decimal(v),
            year(price_year),
        )),
        _ => None,
    }
}

/// The arithmetic, one step a line.
fn working(
    c: &CheckedCommitment<'_>,
    per_year: &[Decimal],
    proxy: Option<Decimal>,
    totals: &Totals,
    lines: &[YearLine],
    discounting: &Line,
) -> Vec<Line> {
    let unit = c.measure.unit;
    let (say, q, amount, units) = working::qty(c.total, unit);
    let mut out = Vec::new();
    let years: Vec<String> = per_year.iter().map(ToString::to_string).collect();
    out.push(if years.len() > 1 {
        let n = crate::message::count(years.len());
        Line::quantity_years(say.clone(), q, amount, units.clone(), n, years.join(" + "))
    } else {
        Line::quantity(say.clone(), q, amount, units.clone())
    });
    let Some(p) = proxy else {
        out.push(Line::record_only());
        return out;
    };
    if let Some(why) = c.excluded {
        match why {
            Reason::OutsideLocalArea => out.push(Line::left_out_outside()),
            Reason::NoDeliveryPlace => out.push(Line::left_out_no_place()),
            Reason::DoubleCounted { .. } => out.push(Line::left_out_double()),
            Reason::NoOpenValue => {}
        }
        return out;
    }
    let a = c.adjustments;
    let per = working::unit(unit);
    let proxy = Money::from_decimal(p);
    out.push(if !c.by_year.is_empty() {
        let parts: Vec<String> = lines
            .iter()
            .zip(&c.by_year)
            .filter(|(l, _)| l.quantity != Decimal::ZERO)
            .map(|(l, v)| format!("{} × {} ({})", l.quantity, Money::from_decimal(*v), l.year))
            .collect();
        Line::gross_by_year(parts.join(" + "), totals.gross)
    } else if a.benefit_years > 1 {
        let n = i64::from(a.benefit_years);
        Line::gross_lasting(say, q, amount, units, proxy, per, n, totals.gross)
    } else {
        Line::gross(say, q, amount, units, proxy, per, totals.gross)
    });
    let partners = a.shared_percent;
    let shared_by = a.shared_by.filter(|n| *n > 1);
    let product = match (partners, shared_by) {
        (None, None) => Work::chain,
        (Some(_), None) => Work::chain_partners,
        (None, Some(_)) => Work::chain_shared,
        (Some(_), Some(_)) => Work::chain_both,
    };
    let chain = product.name().to_string();
    let (dw, disp, attr) = (
        a.deadweight_percent,
        a.displacement_percent,
        a.attribution_percent,
    );
    let partners = partners.unwrap_or(Decimal::ZERO);
    let shared_by = i64::from(shared_by.unwrap_or(1));
    if a.benefit_years == 1 {
        out.push(Line::adjusted(
            totals.gross,
            chain,
            dw,
            disp,
            attr,
            partners,
            shared_by,
            totals.adjusted,
        ));
    } else {
        out.push(Line::adjusted_lasting(
            chain,
            dw,
            disp,
            attr,
            partners,
            shared_by,
            i64::from(a.benefit_years),
            a.drop_off_percent,
            totals.adjusted,
        ));
        let parts: Vec<String> = lines
            .iter()
            .map(|l| format!("{} ({})", l.adjusted, l.year))
            .collect();
        out.push(Line::adjusted_by_year(parts.join(" + "), totals.adjusted));
    }
    let parts: Vec<String> = lines
        .iter()
        .map(|l| format!("{} × {}", l.adjusted, l.discount_factor))
        .collect();
    let mut values = discounting.values.clone();
    values.extend([
        Value::Text(parts.join(" + ")),
        Value::Money(totals.present_value),
    ]);
    out.push(Line {
        key: Work::present_value,
        values,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_years_add_up_to_the_rounded_total() {
        // 400 hours spread over 3 years at £12.71: 133.333333 + 133.333333 + 133.333334.
        let years = [1_694_666_662, 1_694_666_662, 1_694_666_675];
        let p: Vec<Money> = cumulative_pence(&years).collect();
        assert_eq!(p.iter().map(|m| m.pence()).sum::<i64>(), 508_400);
        assert_eq!(
            p,
            vec![
                Money::from_pence(169_467),
                Money::from_pence(169_466),
                Money::from_pence(169_467)
            ]
        );
    }
}
