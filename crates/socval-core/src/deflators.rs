//! Converting a value from one year's prices to another's.
//!
//! Source: HM Treasury, *GDP deflators at market prices, and money GDP*,
//! October 2024 (Autumn Budget 2024) release: calendar-year index, 2023 =
//! 100; outturn to 2023 (ONS Quarterly National Accounts, 30 September
//! 2024), forecasts for 2024 to 2029 (OBR, 30 October 2024) compounded from
//! the published percentage changes. Crown copyright, Open Government
//! Licence v3.0. The Green Book (2022), paragraph 5.21 and Annex A6, names
//! this series for putting values from different years into one price base.
//! Where the copy came from, how it was checked against ONS series YBGB,
//! and how to rebuild it: `data/gdp-deflators.md`.
//!
//! value in year B's prices = value in year A's prices × index(B) ÷ index(A),
//! rounded to the millionth of a pound once.
//!
//! This is the general price level only: where a source says its value also
//! changes in real terms (the WELLBY with real GDP per head, carbon year by
//! year), [`crate::growth`] applies that as well.

use crate::fixed::{Decimal, div_round};

/// The series as shipped: `year,index` with four decimal places.
const CSV: &str = include_str!("../data/gdp-deflators.csv");

/// The release, for messages and the working.
pub const RELEASE: &str = "HM Treasury GDP deflators, October 2024";

/// The index for a calendar year, in ten-thousandths (2023 = 1,000,000);
/// none outside the series.
pub fn index(year: u16) -> Option<i64> {
    CSV.lines().skip(1).find_map(|line| {
        let (y, v) = line.trim().split_once(',')?;
        if y.parse::<u16>().ok()? != year {
            return None;
        }
        let (whole, frac) = v.split_once('.').unwrap_or((v, "0"));
        let frac = format!("{frac:0<4}");
        Some(whole.parse::<i64>().ok()? * 10_000 + frac.get(..4)?.parse::<i64>().ok()?)
    })
}

/// The first and last years of the series.
pub fn range() -> (u16, u16) {
    let years = || {
        CSV.lines()
            .skip(1)
            .filter_map(|l| l.split_once(',')?.0.parse::<u16>().ok())
    };
    (years().min().unwrap_or(0), years().max().unwrap_or(0))
}

/// `value` in `from`'s prices, in `to`'s prices; none when either year is
/// outside the series.
pub fn convert(value: Decimal, from: u16, to: u16) -> Option<Decimal> {
    if from == to {
        return Some(value);
    }
    let (a, b) = (index(from)?, index(to)?);
    let micros = div_round(i128::from(value.micros()) * i128::from(b), i128::from(a));
    i64::try_from(micros).ok().map(Decimal::from_micros)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_series() {
        assert_eq!(index(2023), Some(1_000_000));
        assert_eq!(index(2019), Some(841_420));
        assert_eq!(index(2026), Some(1_074_922));
        assert_eq!(index(1800), None);
        assert_eq!(range(), (1955, 2029));
    }

    #[test]
    fn converts_between_price_years() {
        // £13,000 in 2019 prices × 107.4922 ÷ 84.1420 = £16,607.622828…
        let v = convert(Decimal::from_int(13_000), 2019, 2026).map(Decimal::micros);
        assert_eq!(v, Some(16_607_622_828));
        assert_eq!(convert(Decimal::ONE, 2026, 2026), Some(Decimal::ONE));
        assert_eq!(convert(Decimal::ONE, 1900, 2026), None);
    }
}
