//! Values that change in real terms over time, as their sources say they do.
//!
//! - **Carbon** ([`Growth::CarbonDesnz2023`]): Department for Energy
//!   Security and Net Zero, *Valuation of energy use and greenhouse gas
//!   emissions for appraisal* (November 2023), data tables, Table 3: the
//!   central carbon value for each year, in 2022 prices, rising about 1.5% a
//!   year (2024 £268.97, 2030 £294.50, 2050 £397.54). A tonne saved in a year
//!   is valued at that year's figure (before 2020 or after 2050, the nearest
//!   year's). Open Government Licence v3.0. The series as bundled in the R
//!   package `greenbook` (`inst/extdata/carbon_values.csv`); provenance and
//!   the checks made in `data/gdp-per-head.md`, "DESNZ carbon values by year".
//! - **Wellbeing** ([`Growth::GdpPerHead`]): HM Treasury, *Wellbeing guidance
//!   for appraisal* (July 2021), Annex 2: the WELLBY value is uprated by the
//!   GDP deflator and by (real GDP per head ÷ its level in the value's year)
//!   to the power 1.3, "using outturn ONS economic data" (series IHXW). After
//!   the last outturn year the real part is held (no forecast is invented).
//!   Factors from `data/wellby-growth.csv` (built by
//!   `scripts/deflators/wellby_growth.py` from ONS IHXW, release of 15 August
//!   2024), to nine places. Open Government Licence v3.0.
//!
//! The price-level part of either conversion is [`crate::deflators`].

use serde::Serialize;

use crate::fixed::{Decimal, div_round};

/// How a value changes in real terms over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Growth {
    /// DESNZ's central carbon value for the year the saving is made
    /// (November 2023 series, 2022 prices).
    CarbonDesnz2023,
    /// The wellbeing guidance's uprating with real GDP per head (elasticity 1.3).
    GdpPerHead,
}

crate::names::named!(Growth {
    "carbon_desnz2023" => CarbonDesnz2023,
    "gdp_per_head" => GdpPerHead,
});

/// The DESNZ central series, `year,central` in 2022 prices.
const CARBON: &str = include_str!("../data/carbon-values.csv");
/// The price year of the DESNZ series.
pub const CARBON_PRICE_YEAR: u16 = 2022;
/// `year,factor`: (real GDP per head in year ÷ in 2019)^1.3.
const WELLBY: &str = include_str!("../data/wellby-growth.csv");

/// `year,value` lines, the value to six places, as (year, millionths).
fn rows(csv: &str) -> impl Iterator<Item = (i32, i64)> + '_ {
    csv.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("year"))
        .filter_map(|l| {
            let (y, v) = l.trim().split_once(',')?;
            let (whole, frac) = v.split_once('.').unwrap_or((v, ""));
            let frac = format!("{frac:0<9}");
            let nanos =
                whole.parse::<i64>().ok()? * 1_000_000_000 + frac.get(..9)?.parse::<i64>().ok()?;
            Some((y.parse().ok()?, nanos))
        })
}

/// The value of `rows` for `year`, the nearest year's outside the series, in
/// billionths.
fn nearest(csv: &str, year: i32) -> Option<i64> {
    let mut best: Option<(i32, i64)> = None;
    for (y, v) in rows(csv) {
        let closer = best.is_none_or(|(b, _)| (y - year).abs() < (b - year).abs());
        if closer {
            best = Some((y, v));
        }
    }
    best.map(|(_, v)| v)
}

/// DESNZ's central carbon value for `year`, in 2022 prices.
pub fn carbon(year: i32) -> Option<Decimal> {
    nearest(CARBON, year).map(|n| Decimal::from_micros(n / 1000))
}

/// The last year of outturn real GDP per head in the shipped series.
pub fn last_outturn() -> Option<i32> {
    rows(WELLBY).map(|(y, _)| y).max()
}

/// DESNZ's central series for every year it gives, in `to`'s prices: read
/// and converted once per council setup, not per commitment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarbonSeries {
    first: i32,
    values: Vec<Decimal>,
}

impl CarbonSeries {
    /// The series in `to`'s prices; none if `to` has no GDP deflator.
    pub fn new(to: u16) -> Option<CarbonSeries> {
        let mut first = None;
        let mut values = Vec::new();
        for (y, n) in rows(CARBON) {
            first.get_or_insert(y);
            let v = Decimal::from_micros(n / 1000);
            values.push(crate::deflators::convert(v, CARBON_PRICE_YEAR, to)?);
        }
        Some(CarbonSeries {
            first: first?,
            values,
        })
    }

    /// The value for `year`: the nearest year's outside the series.
    pub fn at(&self, year: i32) -> Option<Decimal> {
        let i = usize::try_from(year.saturating_sub(self.first)).unwrap_or(0);
        self.values.get(i).or(self.values.last()).copied()
    }
}

/// `value` (in `from`'s real terms) grown with real GDP per head to `to`,
/// holding it after the last outturn year; none outside the series.
pub fn gdp_per_head(value: Decimal, from: u16, to: u16) -> Option<Decimal> {
    let last = rows(WELLBY).map(|(y, _)| y).max()?;
    let at = |y: u16| {
        let y = i32::from(y).min(last);
        rows(WELLBY)
            .find(|(r, _)| *r == y)
            .map(|(_, f)| i128::from(f))
    };
    let (a, b) = (at(from)?, at(to)?);
    i64::try_from(div_round(i128::from(value.micros()) * b, a))
        .ok()
        .map(Decimal::from_micros)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carbon_by_year_and_beyond_the_series() {
        assert_eq!(carbon(2024), Some(Decimal::from_micros(268_970_000)));
        assert_eq!(carbon(2030), Some(Decimal::from_micros(294_500_000)));
        assert_eq!(carbon(2075), carbon(2050));
        assert_eq!(carbon(1999), carbon(2020));
        // The same, read once and converted: 2026 prices.
        let s = CarbonSeries::new(2026).expect("series");
        assert_eq!(
            s.at(2027),
            crate::deflators::convert(carbon(2027).expect("2027"), 2022, 2026)
        );
        assert_eq!(s.at(2075), s.at(2050));
        assert_eq!(s.at(1999), s.at(2020));
    }

    #[test]
    fn wellby_grows_with_real_gdp_per_head_to_the_last_outturn() {
        // £13,000 × 0.992775827 (2023) = £12,906.085751.
        let v = gdp_per_head(Decimal::from_int(13_000), 2019, 2026);
        assert_eq!(v, Some(Decimal::from_micros(12_906_085_751)));
        assert_eq!(gdp_per_head(Decimal::ONE, 2019, 2019), Some(Decimal::ONE));
    }
}
