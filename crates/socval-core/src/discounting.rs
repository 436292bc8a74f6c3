//! Present values, after HM Treasury's Green Book.
//!
//! Source: HM Treasury, *The Green Book: appraisal and evaluation in central
//! government* (2022), paragraph 5.35 and Table 2 (the Social Time Preference
//! Rate, 3.5% real), and Annex 6 (the declining long-term schedule: 3.5% for
//! years 0–30, 3.0% for 31–75, 2.5% for 76–125, 2.0% for 126–200, 1.5% for
//! 201–300, 1.0% after). Crown copyright, Open Government Licence v3.0.
//!
//! The discount factor of year *t* is Π over s = 1..t of 1 / (1 + rₛ), where
//! rₛ is the rate that applies to year s. Green Book Table 2's present value
//! of £1,000 in year 1 is £966 (1000 / 1.035), in year 10 £709.
//!
//! **Which year is year 0** is a setting ([`Convention`]): under the Green
//! Book's own convention the base year is year 0 and undiscounted
//! (`start_of_year`); many SROI reports discount the first year by a full year
//! (`end_of_year`). The base year is the contract's start year unless the
//! council asks for "today", which the caller supplies.
//!
//! **Health and wellbeing.** Effects on health, life and wellbeing are
//! discounted at 1.5% rather than the standard rate, because the "wealth
//! effect" part of the rate does not apply to them: HM Treasury, *Wellbeing
//! guidance for appraisal: supplementary Green Book guidance* (July 2021),
//! Annex 2 ("price year and discounting") and Table 3: "changes in wellbeing
//! which occur in future years should be discounted using the Green Book
//! 'health' discount rate which starts at 1.5% (years 0-30)"; the Green
//! Book (2026), paragraph 6.58: health and life effects "should be discounted
//! at a lower rate of 1.5% … The health discount rate applies in every year
//! of the appraisal". Socval applies 1.5% in every year to measures a
//! framework marks `"discount": "health"` under the Green Book schedule (the
//! 2022 edition's decline after year 30 was not found in a primary source,
//! and no contract here reaches year 30 unless it starts decades after the
//! base year). Under a council's own flat rate, that rate applies to every
//! measure: the council chose one rate.

use serde::{Deserialize, Serialize};

use crate::fixed::{Decimal, SCALE, div_round};

/// Discount factors are held in 10⁻¹² so that a factor times a µ£ amount
/// loses nothing a penny could show.
pub const FACTOR_SCALE: i128 = 1_000_000_000_000;

/// The longest horizon, in years, that factors are computed for.
pub const MAX_YEARS: usize = 300;

/// How a council discounts future value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DiscountSettings {
    /// The flat annual rate in percent (used by the `flat` schedule).
    #[serde(default = "stpr")]
    pub rate_percent: Decimal,
    /// Flat rate, or the Green Book's declining schedule.
    #[serde(default)]
    pub schedule: Schedule,
    /// Whether the first year is discounted.
    #[serde(default)]
    pub convention: Convention,
    /// The year present values are expressed in.
    #[serde(default)]
    pub base: Base,
}

fn stpr() -> Decimal {
    Decimal::from_micros(3_500_000)
}

impl Default for DiscountSettings {
    fn default() -> Self {
        DiscountSettings {
            rate_percent: stpr(),
            schedule: Schedule::default(),
            convention: Convention::default(),
            base: Base::default(),
        }
    }
}

/// Which rate applies in which year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// `rate_percent` in every year.
    Flat,
    /// The Green Book's declining long-term rates (3.5% to year 30, then lower).
    #[default]
    GreenBook,
}

crate::names::named!(Schedule {
    "flat" => Flat,
    "green_book" => GreenBook,
});

/// Whether value in the base year is discounted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    /// Value in the base year is year 0, undiscounted (the Green Book's convention).
    #[default]
    StartOfYear,
    /// Every year is discounted by at least one period (common in SROI reports).
    EndOfYear,
}

crate::names::named!(Convention {
    "start_of_year" => StartOfYear,
    "end_of_year" => EndOfYear,
});

/// The year present values are expressed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// The contract's start year, so bids starting in different years compare.
    #[default]
    ContractStart,
    /// The current year, as supplied by the caller.
    Today,
}

crate::names::named!(Base {
    "contract_start" => ContractStart,
    "today" => Today,
});

/// Green Book Annex 6: the rate for the step into year `s`, in millionths.
fn green_book_rate(s: usize) -> i128 {
    let percent_micros = match s {
        0..=30 => 3_500_000,
        31..=75 => 3_000_000,
        76..=125 => 2_500_000,
        126..=200 => 2_000_000,
        201..=300 => 1_500_000,
        _ => 1_000_000,
    };
    percent_micros / 100
}

/// Which discount rate a measure's value takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rate {
    /// The council's schedule (the Green Book's 3.5% by default).
    #[default]
    Standard,
    /// Health, life and wellbeing effects: 1.5% a year under the Green Book
    /// schedule (see the module notes).
    Health,
}

crate::names::named!(Rate {
    "standard" => Standard,
    "health" => Health,
});

/// The Green Book health rate, 1.5%, in millionths of one.
const HEALTH_RATE: i128 = 15_000;

/// Discount factors for years 0..=horizon at [`FACTOR_SCALE`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Factors {
    factors: Vec<i128>,
    offset: usize,
}

impl Factors {
    /// Factors for `settings`, where contract year 0 is `offset` years after
    /// the base year, for contract years 0..years.
    pub fn new(settings: &DiscountSettings, offset: usize, years: usize) -> Factors {
        let extra = usize::from(settings.convention == Convention::EndOfYear);
        let horizon = (offset + years + extra).min(MAX_YEARS);
        let flat = i128::from(settings.rate_percent.micros()) / 100;
        let mut factors = Vec::with_capacity(horizon + 1);
        let mut f = FACTOR_SCALE;
        factors.push(f);
        for s in 1..=horizon {
            let r = match settings.schedule {
                Schedule::Flat => flat,
                Schedule::GreenBook => green_book_rate(s),
            };
            f = div_round(f * i128::from(SCALE), i128::from(SCALE) + r);
            factors.push(f);
        }
        Factors {
            factors,
            offset: offset + extra,
        }
    }

    /// Every factor to [`MAX_YEARS`]: computed once per council setup, so a
    /// calculation only looks factors up.
    pub fn table(settings: &DiscountSettings) -> Factors {
        Factors::new(settings, 0, MAX_YEARS)
    }

    /// The factors for health and wellbeing measures: the health rate under
    /// the Green Book schedule, the council's own under a flat one.
    pub fn health_table(settings: &DiscountSettings) -> Factors {
        match settings.schedule {
            Schedule::Flat => Factors::table(settings),
            Schedule::GreenBook => Factors::new(
                &DiscountSettings {
                    schedule: Schedule::Flat,
                    rate_percent: Decimal::from_micros(
                        i64::try_from(HEALTH_RATE * 100).unwrap_or(1_500_000),
                    ),
                    ..settings.clone()
                },
                0,
                MAX_YEARS,
            ),
        }
    }

    /// These factors for a contract whose year 0 is `offset` years after the
    /// first year of the table.
    pub fn shifted(&self, offset: usize) -> Shifted<'_> {
        Shifted {
            factors: self,
            offset: self.offset.saturating_add(offset),
        }
    }
}

/// The standard and the health factors of one contract.
#[derive(Clone, Copy, Debug)]
pub struct Discounts<'a> {
    /// For most measures.
    pub standard: Shifted<'a>,
    /// For health and wellbeing measures.
    pub health: Shifted<'a>,
}

impl Discounts<'_> {
    /// The factors a measure's value takes.
    pub fn of(&self, rate: Rate) -> &Shifted<'_> {
        match rate {
            Rate::Standard => &self.standard,
            Rate::Health => &self.health,
        }
    }
}

/// A factor table seen from a contract's first year (see [`Factors::shifted`]).
#[derive(Clone, Copy, Debug)]
pub struct Shifted<'a> {
    factors: &'a Factors,
    offset: usize,
}

impl Shifted<'_> {
    /// The exponent used for contract year `year` (0-based).
    pub fn period(&self, year: usize) -> usize {
        self.offset.saturating_add(year).min(MAX_YEARS)
    }

    /// The factor for contract year `year`, at [`FACTOR_SCALE`].
    pub fn factor(&self, year: usize) -> i128 {
        let t = self.period(year);
        let table = &self.factors.factors;
        table
            .get(t)
            .or(table.last())
            .copied()
            .unwrap_or(FACTOR_SCALE)
    }

    /// The factor for contract year `year` as a six-place decimal, for display.
    pub fn factor_decimal(&self, year: usize) -> Decimal {
        let f = div_round(self.factor(year), FACTOR_SCALE / i128::from(SCALE));
        Decimal::from_micros(i64::try_from(f).unwrap_or(0))
    }

    /// `value` (µ£) in contract year `year`, discounted, in µ£.
    pub fn present_value(&self, value_micro: i128, year: usize) -> i128 {
        div_round(value_micro * self.factor(year), FACTOR_SCALE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn green_book_table_2() {
        // PV of £1,000 in years 1..10: 966, 934, 902, 871, 842, 814, 786, 759, 734, 709.
        let f = Factors::new(&DiscountSettings::default(), 0, 11);
        let expected = [1000, 966, 934, 902, 871, 842, 814, 786, 759, 734, 709];
        for (year, want) in expected.iter().enumerate() {
            let pv = f.shifted(0).present_value(1000 * 1_000_000, year);
            assert_eq!(div_round(pv, 1_000_000), *want, "year {year}");
        }
    }

    #[test]
    fn rate_declines_after_year_30() {
        let f = Factors::new(&DiscountSettings::default(), 0, 32);
        let ratio = div_round(f.shifted(0).factor(30) * 1_000_000, f.shifted(0).factor(31));
        assert_eq!(ratio, 1_030_000);
    }

    #[test]
    fn health_effects_take_one_and_a_half_percent() {
        let f = Factors::health_table(&DiscountSettings::default());
        // £1,000 a year on: 1000 / 1.015 = £985.22; in year 40 still 1.5%.
        let pv = f.shifted(0).present_value(1000 * 1_000_000, 1);
        assert_eq!(div_round(pv, 10_000), 98_522);
        let ratio = div_round(f.shifted(0).factor(39) * 1_000_000, f.shifted(0).factor(40));
        assert_eq!(ratio, 1_015_000);
        // A council's own flat rate applies to every measure.
        let flat = DiscountSettings {
            schedule: Schedule::Flat,
            rate_percent: Decimal::ZERO,
            ..DiscountSettings::default()
        };
        assert_eq!(Factors::health_table(&flat), Factors::table(&flat));
    }

    #[test]
    fn end_of_year_discounts_the_first_year() {
        let s = DiscountSettings {
            convention: Convention::EndOfYear,
            ..DiscountSettings::default()
        };
        let f = Factors::new(&s, 0, 1);
        assert_eq!(f.shifted(0).period(0), 1);
        assert_eq!(
            f.shifted(0).factor_decimal(0),
            Decimal::from_micros(966_184)
        );
    }
}
