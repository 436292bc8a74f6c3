//! # Socval core
//!
//! The social value and LM3 local multiplier calculations behind the Socval
//! widget, its JavaScript API and the `socval` command line. Pure: plain data
//! in, plain data out, no I/O, no clock, no browser. The caller supplies even
//! today's date ([`Env`]).
//!
//! ## Steps
//! - **Prepare** a council's configuration ([`prepare`]): resolve its
//!   framework (built-in or inline), apply the measures it offers and the
//!   values it overrides, check every rule ([`ConfigError`]).
//! - **Check** a supplier's proposal against it ([`check_proposal`]): every
//!   error at once, each naming its field ([`ProposalError`]), plus warnings.
//! - **Calculate** ([`calculate`]): value each commitment (quantity × proxy,
//!   [SROI adjustments](adjustments), [Green Book discounting](discounting)),
//!   total by theme, work out [LM3](lm3) from the spend profile, the social
//!   value ratio and the indicative [tender score](scoring).
//!
//! Money is exact: see [`fixed`] for the one rounding rule.

pub mod adjustments;
pub mod builtin;
pub mod config;
pub mod csv;
pub mod discounting;
pub mod fixed;
pub mod framework;
pub mod issues;
#[cfg(feature = "json")]
pub mod json;
pub mod lm3;
pub mod local_area;
pub mod outcodes;
pub mod postcode;
pub mod proposal;
pub mod report;
pub mod scoring;
pub mod setup;
pub mod social_value;
mod validation;

#[cfg(feature = "schema")]
pub mod schema;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use config::CouncilConfig;
pub use fixed::{Decimal, Money};
pub use issues::{ConfigError, Issue, IssueCode, ParseError, ProposalError};
pub use outcodes::OutcodeTable;
pub use proposal::Proposal;
pub use report::Report;
pub use setup::{Setup, prepare};
pub use validation::MIN_FULL_TIME_YEAR;

use crate::discounting::{Base, Convention, Factors, Schedule};
use crate::fixed::Decimal as D;
use crate::issues::IssueCode as Code;
use crate::report::{FrameworkInfo, ROUNDING_RULE, SourceUse, ThemeLine, Totals};

/// A calendar date, supplied by the caller (the core has no clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CivilDate {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

/// What the core needs from the world.
#[derive(Clone, Copy, Debug)]
pub struct Env<'a> {
    /// Today's date.
    pub today: CivilDate,
    /// The outward-code table, when the council's local area needs it.
    pub outcodes: Option<&'a OutcodeTable>,
}

/// Checks a proposal without calculating: the warnings if it is valid.
pub fn check_proposal(
    setup: &Setup,
    proposal: &Proposal,
    env: &Env<'_>,
) -> Result<Vec<Issue>, ProposalError> {
    validation::check(setup, proposal, env).map(|c| c.warnings)
}

/// Calculates everything for one proposal.
pub fn calculate(
    setup: &Setup,
    proposal: &Proposal,
    env: &Env<'_>,
) -> Result<Report, ProposalError> {
    let checked = validation::check(setup, proposal, env)?;
    let cfg = &setup.config;
    let fw = &setup.framework;
    let contract = &proposal.contract;

    let d = &cfg.discounting;
    let base_year = match d.base {
        Base::ContractStart => contract.start_year,
        Base::Today => env.today.year,
    };
    let offset = usize::try_from(contract.start_year.saturating_sub(base_year)).unwrap_or(0);
    let horizon = checked.years
        + usize::from(
            checked
                .commitments
                .iter()
                .map(|c| c.adjustments.benefit_years)
                .max()
                .unwrap_or(1),
        );
    let factors = Factors::new(d, offset, horizon);
    let discounting = discount_text(d, base_year);

    let measures: Vec<_> = checked
        .commitments
        .iter()
        .map(|c| social_value::value_commitment(c, &factors, contract.start_year, &discounting))
        .collect();

    let mut totals = Totals::default();
    let mut by_theme: BTreeMap<&str, (Totals, usize)> = BTreeMap::new();
    for m in &measures {
        add(&mut totals, &m.totals);
        let entry = by_theme.entry(m.theme.as_str()).or_default();
        add(&mut entry.0, &m.totals);
        entry.1 += 1;
    }
    let basis = cfg.scoring.basis;
    let ratio = scoring::ratio(basis, &totals, contract.value, cfg.target_ratio_percent);
    let basis_total = scoring::basis_value(basis, &totals);
    let themes = fw
        .themes
        .iter()
        .map(|t| {
            let (tt, n) = by_theme.get(t.id.as_str()).copied().unwrap_or_default();
            ThemeLine {
                id: t.id.clone(),
                title: t.title.clone(),
                priority: setup.theme_priority(&t.id),
                totals: tt,
                share_percent: scoring::basis_value(basis, &tt)
                    .percent_of(basis_total)
                    .unwrap_or_default()
                    .round_to(2),
                commitments: n,
            }
        })
        .collect();

    let lm3 = lm3::lm3(&cfg.lm3, proposal, &checked.staff, &checked.suppliers);
    let score = scoring::score(&cfg.scoring, &ratio, proposal);

    let mut warnings = checked.warnings;
    if ratio.percent > D::HUNDRED {
        warnings.push(Issue::new("commitments", Code::Implausible, format!("the social value is {}% of the contract value, more than the contract itself; check the quantities", ratio.percent)));
    }

    let mut sources: Vec<SourceUse> = Vec::new();
    for m in &measures {
        let Some(measure) = setup.measure(&m.measure) else {
            continue;
        };
        if let (Some(p), false) = (
            &measure.proxy,
            sources.iter().any(|s| s.measure == m.measure),
        ) {
            sources.push(SourceUse {
                measure: m.measure.clone(),
                title: m.title.clone(),
                value: p.value,
                unit: m.unit,
                provenance: p.source.clone(),
            });
        }
    }

    Ok(Report {
        framework: FrameworkInfo {
            id: fw.id.clone(),
            name: fw.name.clone(),
            version: fw.version.clone(),
            price_year: fw.price_year,
        },
        council: cfg.council.name.clone(),
        contract_value: contract.value,
        duration_years: contract.duration_years,
        start_year: contract.start_year,
        totals,
        ratio,
        themes,
        measures,
        lm3,
        score,
        warnings,
        sources,
        discounting,
        rounding: ROUNDING_RULE.to_string(),
    })
}

fn add(into: &mut Totals, t: &Totals) {
    into.gross = into.gross.saturating_add(t.gross);
    into.adjusted = into.adjusted.saturating_add(t.adjusted);
    into.present_value = into.present_value.saturating_add(t.present_value);
}

fn discount_text(d: &discounting::DiscountSettings, base_year: i32) -> String {
    let rate = match d.schedule {
        Schedule::GreenBook => {
            "Green Book rates (3.5% a year to year 30, then declining)".to_string()
        }
        Schedule::Flat => format!("{}% a year", d.rate_percent),
    };
    let convention = match d.convention {
        Convention::StartOfYear => "value in the base year undiscounted",
        Convention::EndOfYear => "every year discounted by at least one year",
    };
    format!("{rate}, discounted to {base_year}, {convention}")
}
