//! Valuing commitments: quantity × proxy, then the SROI adjustments, then
//! discounting, year by year, with the arithmetic written out.

use crate::discounting::Factors;
use crate::fixed::{Decimal, Money, SCALE, div_round};
use crate::report::{MeasureLine, Totals, YearLine};
use crate::validation::CheckedCommitment;

/// Values one checked commitment over the contract and the years its outcome lasts.
pub(crate) fn value_commitment(
    c: &CheckedCommitment<'_>,
    factors: &Factors,
    start_year: i32,
    discount_text: &str,
) -> MeasureLine {
    let m = c.measure;
    let adj = c.adjustments;
    let proxy = m.proxy.as_ref().map(|p| p.value);
    let record_only = proxy.is_none();
    let valued = !record_only && !c.excluded;
    let years = c.per_year.len();
    let horizon = years + usize::from(adj.benefit_years) - 1;

    let mut gross = vec![0_i128; horizon];
    let mut adjusted = vec![0_i128; horizon];
    if let (Some(p), true) = (proxy, valued) {
        for (y, q) in c.per_year.iter().enumerate() {
            let g = div_round(
                i128::from(q.micros()) * i128::from(p.micros()),
                i128::from(SCALE),
            );
            if let Some(slot) = gross.get_mut(y) {
                *slot = g;
            }
            for (k, v) in adj.persistence(adj.first_year(g)).into_iter().enumerate() {
                if let Some(slot) = adjusted.get_mut(y + k) {
                    *slot += v;
                }
            }
        }
    }

    let pv: Vec<i128> = adjusted
        .iter()
        .enumerate()
        .map(|(t, a)| factors.present_value(*a, t))
        .collect();
    let (gross_p, adjusted_p, pv_p) = (
        cumulative_pence(&gross),
        cumulative_pence(&adjusted),
        cumulative_pence(&pv),
    );
    let mut totals = Totals::default();
    let mut lines = Vec::with_capacity(horizon);
    for t in 0..horizon {
        let line = YearLine {
            year: start_year.saturating_add(i32::try_from(t).unwrap_or(0)),
            quantity: c.per_year.get(t).copied().unwrap_or(Decimal::ZERO),
            gross: gross_p.get(t).copied().unwrap_or_default(),
            adjusted: adjusted_p.get(t).copied().unwrap_or_default(),
            discount_factor: factors.factor_decimal(t),
            present_value: pv_p.get(t).copied().unwrap_or_default(),
        };
        totals.gross = totals.gross.saturating_add(line.gross);
        totals.adjusted = totals.adjusted.saturating_add(line.adjusted);
        totals.present_value = totals.present_value.saturating_add(line.present_value);
        lines.push(line);
    }

    let working = working(c, proxy, &totals, &lines, discount_text);
    MeasureLine {
        commitment: c.index,
        measure: m.id.clone(),
        title: m.title.clone(),
        theme: m.theme.clone(),
        unit: m.unit,
        quantity: c.total,
        proxy,
        record_only,
        excluded: c.excluded,
        adjustments: adj,
        totals,
        years: lines,
        working,
    }
}

/// Rounds a series of µ£ amounts to pence so that the rounded years add up to
/// the rounded total exactly: each year is the rounded running total up to it
/// minus the rounded running total before it.
fn cumulative_pence(micros: &[i128]) -> Vec<Money> {
    let mut run = 0_i128;
    let mut before = Money::ZERO;
    micros
        .iter()
        .map(|m| {
            run += m;
            let upto = Money::from_micro_pounds(run).unwrap_or_default();
            let year = Money::from_pence(upto.pence().saturating_sub(before.pence()));
            before = upto;
            year
        })
        .collect()
}

/// The arithmetic in words, one step a line.
fn working(
    c: &CheckedCommitment<'_>,
    proxy: Option<Decimal>,
    totals: &Totals,
    lines: &[YearLine],
    discount_text: &str,
) -> Vec<String> {
    let unit = c.measure.unit;
    let q = c.total;
    let qty = if unit == crate::framework::Unit::Pound {
        Money::from_decimal(q).to_string()
    } else {
        format!("{q} {}", unit.label(q == Decimal::ONE))
    };
    let mut out = Vec::new();
    let years: Vec<String> = c.per_year.iter().map(ToString::to_string).collect();
    out.push(if years.len() > 1 {
        format!(
            "Quantity: {qty} over {} years ({})",
            years.len(),
            years.join(" + ")
        )
    } else {
        format!("Quantity: {qty}")
    });
    let Some(p) = proxy else {
        out.push("Record only: the framework has no open proxy value for this measure, so it adds nothing to the totals.".into());
        return out;
    };
    if c.excluded {
        out.push("Left out of the totals: delivered outside the local area, and this measure counts only local delivery.".into());
        return out;
    }
    out.push(format!(
        "Gross: {qty} × {} per {} = {}",
        Money::from_decimal(p),
        unit.label(true),
        totals.gross
    ));
    let a = c.adjustments;
    if a.benefit_years == 1 {
        out.push(format!(
            "Adjusted: {} × (1 − {}% deadweight) × (1 − {}% displacement) × (1 − {}% attribution) = {}",
            totals.gross, a.deadweight_percent, a.displacement_percent, a.attribution_percent, totals.adjusted
        ));
    } else {
        out.push(format!(
            "Adjusted: {} × (1 − {}% deadweight) × (1 − {}% displacement) × (1 − {}% attribution), lasting {} years and losing {}% a year after the first = {}",
            totals.gross, a.deadweight_percent, a.displacement_percent, a.attribution_percent, a.benefit_years, a.drop_off_percent, totals.adjusted
        ));
        let parts: Vec<String> = lines
            .iter()
            .map(|l| format!("{} ({})", l.adjusted, l.year))
            .collect();
        out.push(format!(
            "Adjusted by year: {} = {}",
            parts.join(" + "),
            totals.adjusted
        ));
    }
    let parts: Vec<String> = lines
        .iter()
        .map(|l| format!("{} × {}", l.adjusted, l.discount_factor))
        .collect();
    out.push(format!(
        "Present value ({discount_text}): {} = {}",
        parts.join(" + "),
        totals.present_value
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_years_add_up_to_the_rounded_total() {
        // 400 hours spread over 3 years at £12.71: 133.333333 + 133.333333 + 133.333334.
        let years = [1_694_666_662, 1_694_666_662, 1_694_666_675];
        let p = cumulative_pence(&years);
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
