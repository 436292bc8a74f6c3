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
//! - **Evaluate** ([`evaluate`]) for the figures alone, or
//!   **calculate** ([`calculate`]) for the figures explained: value each commitment (quantity × proxy,
//!   [SROI adjustments](adjustments), [Green Book discounting](discounting)),
//!   total by theme, work out [LM3](lm3) from the spend profile, the social
//!   value ratio and the indicative [tender score](scoring).
//!
//! Money is exact: see [`fixed`] for the one rounding rule.

pub mod adjustments;
#[cfg(feature = "bid-csv")]
pub mod bid_csv;
pub mod builtin;
pub mod compare;
pub mod config;
pub mod csv;
pub mod deflators;
#[cfg(feature = "delivery")]
pub mod delivery;
pub mod discounting;
pub mod double_counting;
pub mod evaluation;
pub mod explain;
pub mod figures;
pub mod fixed;
pub mod framework;
pub mod gap;
pub mod growth;
pub mod issues;
#[cfg(feature = "json")]
pub mod json;
pub mod lm3;
pub mod local_area;
pub mod message;
mod names;
pub mod outcodes;
#[cfg(feature = "partnership")]
pub mod partnership;
pub mod postcode;
pub mod programme;
pub mod proposal;
pub mod recorded;
pub mod report;
pub mod rules;
pub mod scoring;
pub mod setup;
pub mod social_value;
pub mod translation;
mod validation;
pub mod working;

#[cfg(feature = "schema")]
pub mod schema;

use serde::{Deserialize, Serialize};

pub use config::CouncilConfig;
pub use figures::Figures;
pub use fixed::{Decimal, Money};
pub use issues::{ConfigError, Issue, IssueCode, ParseError, ProposalError};
pub use outcodes::OutcodeTable;
pub use proposal::Proposal;
pub use report::Report;
pub use setup::{Setup, prepare};
pub use validation::MIN_FULL_TIME_YEAR;

use crate::discounting::{Base, Convention, Schedule};
use crate::figures::ThemeFigures;
use crate::fixed::Decimal as D;
use crate::issues::IssueCode as Code;
use crate::local_area::Place;
use crate::report::{FrameworkInfo, SourceUse, ThemeLine, Totals};
use crate::working::{Line, Work};

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
    validation::check(setup, proposal, env).map(|c| c.warnings.finish())
}

/// Works out the figures for one proposal, without the words: every total,
/// the ratio, LM3 and the score, as [`calculate`] would, but with no
/// working, year lines or explanations, so it is what a council scoring
/// every bid, or a live total, should call.
pub fn evaluate(
    setup: &Setup,
    proposal: &Proposal,
    env: &Env<'_>,
) -> Result<Figures, ProposalError> {
    let checked = validation::check(setup, proposal, env)?;
    run(setup, proposal, env, checked, |_, _, _, _| {}, |_| {})
}

/// Calculates everything for one proposal: the figures of [`evaluate`] with
/// the arithmetic written out and every source cited.
pub fn calculate(
    setup: &Setup,
    proposal: &Proposal,
    env: &Env<'_>,
) -> Result<Report, ProposalError> {
    let checked = validation::check(setup, proposal, env)?;
    let cfg = &setup.config;
    let fw = &setup.framework;
    let contract = &proposal.contract;
    let base = base_year(setup, proposal, env);
    let discounting = discount_line(&cfg.discounting, base, discounting::Rate::Standard);
    let health_line = discount_line(&cfg.discounting, base, discounting::Rate::Health);
    let mut measures = Vec::with_capacity(checked.commitments.len());
    let mut lines = Vec::with_capacity(proposal.spend.staff.len() + proposal.spend.suppliers.len());
    let figures = run(
        setup,
        proposal,
        env,
        checked,
        |c, per_year, years, disc| {
            measures.push(social_value::measure_line(
                c,
                per_year,
                years,
                disc,
                contract.start_year,
                fw.price_year,
                match c.measure.discount {
                    discounting::Rate::Standard => &discounting,
                    discounting::Rate::Health => &health_line,
                },
            ));
        },
        |line| lines.push(line.report(setup, env.outcodes)),
    )?;

    let themes = fw
        .themes
        .iter()
        .zip(&figures.themes)
        .map(|(t, f)| ThemeLine {
            id: t.id.clone(),
            title: t.title.clone(),
            priority: setup.theme_priority(&t.id),
            totals: f.totals,
            share_percent: f.share_percent,
            commitments: f.commitments,
        })
        .collect();

    let sources = sources(setup, proposal);

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
        totals: figures.totals,
        score: score_report(setup, proposal, &figures),
        ratio: figures.ratio,
        themes,
        measures,
        lm3: lm3::report(&figures.lm3, lines),
        recorded: figures.recorded,
        warnings: figures.warnings,
        sources,
        discounting,
        rounding: Line::rounding(),
    })
}

/// Every proxy value the proposal's commitments use, with where it comes
/// from, in the order first used.
pub fn sources(setup: &Setup, proposal: &Proposal) -> Vec<SourceUse> {
    valued_measures(setup, proposal)
        .into_iter()
        .filter_map(|i| {
            let m = setup.framework.measures.get(i)?;
            let p = m.proxy.as_ref()?;
            Some(SourceUse {
                measure: m.id.clone(),
                title: m.title.clone(),
                value: p.value,
                value_in_price_year: setup.value(i).unwrap_or(p.value),
                unit: m.unit,
                provenance: p.source.clone(),
            })
        })
        .collect()
}

/// The measures whose proxy values the proposal's commitments use, as
/// indices into `setup.framework.measures`, in the order first used: what
/// [`sources`] cites, without copying any text (a live display can look the
/// rest up).
pub fn valued_measures(setup: &Setup, proposal: &Proposal) -> Vec<usize> {
    let mut seen = vec![false; setup.framework.measures.len()];
    proposal
        .commitments
        .iter()
        .filter_map(|c| {
            let i = setup.measure_index(&c.measure)?;
            let first = !std::mem::replace(seen.get_mut(i)?, true);
            let valued = setup.framework.measures.get(i)?.proxy.is_some();
            (first && valued).then_some(i)
        })
        .collect()
}

/// Where a postcode lies for this council: in its local area, in one of its
/// priority areas, or neither; none if it is not a postcode or cannot be
/// placed (the proposal check says why).
pub fn locate(setup: &Setup, postcode: &str, env: &Env<'_>) -> Option<Place> {
    let pc = postcode::Postcode::parse(postcode).ok()?;
    validation::place(setup, &pc, env.outcodes)
        .ok()
        .map(|p| p.to_place(setup))
}

/// The name of the score band reached, under the ratio-bands method.
pub fn band_name(setup: &Setup, score: &figures::ScoreFigures) -> Option<String> {
    scoring::band_name(&setup.config.scoring, score)
}

/// The score explained, saying so first when the council does not score
/// social value on a contract of this value.
fn score_report(setup: &Setup, proposal: &Proposal, f: &Figures) -> report::ScoreReport {
    let cfg = &setup.config;
    let mut r = scoring::report(&cfg.scoring, &f.ratio, proposal, &f.score);
    if let (Some(min), false) = (
        cfg.min_contract_value,
        rules::scored(cfg, proposal.contract.value),
    ) {
        r.explanation
            .insert(0, Line::not_scored(cfg.council.name.clone(), min));
    }
    r
}

/// The year present values are expressed in.
fn base_year(setup: &Setup, proposal: &Proposal, env: &Env<'_>) -> i32 {
    match setup.config.discounting.base {
        Base::ContractStart => proposal.contract.start_year,
        Base::Today => env.today.year,
    }
}

/// The one pass that works out the figures of a checked proposal. It tells
/// `each_commitment` about every commitment's years and `each_spend` about
/// every spend line, so that [`calculate`] explains exactly the figures
/// [`evaluate`] returns, without working anything out twice.
fn run(
    setup: &Setup,
    proposal: &Proposal,
    env: &Env<'_>,
    mut checked: validation::Checked<'_>,
    mut each_commitment: impl FnMut(
        &validation::CheckedCommitment<'_>,
        &[D],
        &social_value::Years,
        &discounting::Shifted<'_>,
    ),
    each_spend: impl FnMut(lm3::Counted<'_>),
) -> Result<Figures, ProposalError> {
    let cfg = &setup.config;
    let contract = &proposal.contract;
    let offset = usize::try_from(
        contract
            .start_year
            .saturating_sub(base_year(setup, proposal, env)),
    )
    .unwrap_or(0);
    let disc = discounting::Discounts {
        standard: setup.factors.shifted(offset),
        health: setup.health_factors.shifted(offset),
    };
    if setup.config.double_counting == double_counting::Policy::CountLarger {
        double_counting::resolve(setup, &mut checked, &disc);
    }

    let mut totals = Totals::default();
    let mut themes = vec![ThemeFigures::default(); setup.framework.themes.len()];
    let mut years = social_value::Years::default();
    let mut recorded = Vec::new();
    for c in &checked.commitments {
        let no_value = c
            .measure
            .proxy
            .is_none()
            .then_some(recorded::Reason::NoOpenValue);
        if let Some(reason) = c.excluded.or(no_value) {
            recorded.push(recorded::Recorded {
                commitment: c.index,
                measure: c.measure.id.clone(),
                quantity: c.total,
                reason,
            });
        }
        let per_year = checked.per_year(c);
        let disc = disc.of(c.measure.discount);
        years.value(c, per_year, disc);
        let t = years.totals();
        add(&mut totals, &t)?;
        if let Some(theme) = setup
            .theme_of(c.measure_index)
            .and_then(|i| themes.get_mut(i))
        {
            add(&mut theme.totals, &t)?;
            theme.commitments += 1;
        }
        each_commitment(c, per_year, &years, disc);
    }
    let basis = cfg.scoring.basis;
    let target = rules::target(cfg, contract.start_year);
    let ratio = scoring::ratio(basis, &totals, contract.value, target);
    let basis_total = scoring::basis_value(basis, &totals);
    for theme in &mut themes {
        theme.share_percent = scoring::basis_value(basis, &theme.totals)
            .percent_of(basis_total)
            .unwrap_or_default()
            .round_to(2);
    }

    let lm3 = lm3::figures(
        &cfg.lm3,
        proposal,
        &checked.staff,
        &checked.suppliers,
        checked.bidder,
        each_spend,
    );
    let mut score = scoring::score(&cfg.scoring, &ratio, proposal);
    if !rules::scored(cfg, contract.value) {
        score = figures::ScoreFigures {
            score_percent: D::ZERO,
            weighted_points: D::ZERO,
            band: None,
            ..score
        };
    }

    let mut warnings = checked.warnings.finish();
    if ratio.percent > D::HUNDRED {
        warnings.push(Issue::new(
            "commitments",
            Code::Implausible,
            message::Msg::high_ratio(ratio.percent),
        ));
    }
    Ok(Figures {
        totals,
        ratio,
        themes,
        lm3,
        score,
        recorded,
        warnings,
    })
}

/// Adds a commitment's totals, or refuses the proposal when the sum is beyond
/// what Socval can count: never a saturated or wrapped figure.
fn add(into: &mut Totals, t: &Totals) -> Result<(), ProposalError> {
    let sum = |a: Money, b: Money| {
        a.checked_add(b).ok_or_else(|| ProposalError {
            issues: vec![Issue::new(
                "commitments",
                Code::TooLarge,
                message::Msg::huge_total(),
            )],
        })
    };
    *into = Totals {
        gross: sum(into.gross, t.gross)?,
        adjusted: sum(into.adjusted, t.adjusted)?,
        present_value: sum(into.present_value, t.present_value)?,
    };
    Ok(())
}

fn discount_line(
    d: &discounting::DiscountSettings,
    base_year: i32,
    kind: discounting::Rate,
) -> Line {
    let rate = match (d.schedule, kind) {
        (Schedule::GreenBook, discounting::Rate::Standard) => Work::rate_green_book,
        (Schedule::GreenBook, discounting::Rate::Health) => Work::rate_health,
        (Schedule::Flat, _) => Work::rate_flat,
    };
    let convention = match d.convention {
        Convention::StartOfYear => Work::start_of_year,
        Convention::EndOfYear => Work::end_of_year,
    };
    Line::discounting(
        rate.name().to_string(),
        d.rate_percent,
        i64::from(base_year),
        convention.name().to_string(),
    )
}
