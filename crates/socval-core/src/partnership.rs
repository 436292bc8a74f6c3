//! Shared outcomes across commissioners: one framework, several buyers.
//!
//! The seed articles describe commissioners working to one common set of
//! social value measures (a city council and a police force, aligned with a
//! business charter), each with its own area and priorities. A configuration
//! lists them in `commissioners`; everything else in it (the measure set,
//! values, adjustments, discounting, the scoring method and the local area
//! that decides whether a commitment counts) is common to all of them.
//!
//! **The rules.**
//! - **Contract shares.** Each commissioner pays for a share of the contract
//!   (`contract_share_percent`, all shares adding up to exactly 100); its
//!   contract value is that share of the whole, to the penny.
//! - **Attribution.** A supplier attributes each commitment to the
//!   commissioners it serves, wholly or in shares adding up to 100
//!   (`commitments[i].commissioners`). A commitment attributed to no one is
//!   shared in the contract shares.
//! - **Nothing counted twice.** Each commitment is valued once, by the
//!   common rules ([`crate::calculate`]); its gross, adjusted and present
//!   values are then shared out by its attribution with
//!   [`Money::split`](crate::Money::split), so the commissioners' parts add
//!   up to the commitment to the penny, and the commissioners' totals add up
//!   to the shared total exactly.
//! - **Each commissioner's ratio and score.** Its social value (on the
//!   council's basis) over its contract value, against its own target where
//!   it gives one (else the common one), scored by the common method. A
//!   benchmark in pounds is scaled to the commissioner's contract share, so
//!   that a bid that gives each commissioner its share scores the same for
//!   each.
//! - **Each commissioner's LM3.** The whole contract's spend, measured
//!   against the commissioner's own local area and priority areas: how much
//!   of each pound stays in *its* area.
//!
//! Sources: the Public Services (Social Value) Act 2012 leaves the method to
//! the buyer; the attribution in shares follows the SROI Guide's
//! attribution (Cabinet Office, 2012), here applied between buyers rather
//! than against outsiders.

use serde::{Deserialize, Serialize};

use crate::config::{CouncilConfig, Priority, ScoringMethod, ThemePriority, ValueBasis};
use crate::figures::Lm3Figures;
use crate::fixed::{Decimal, Money};
use crate::issues::{Collector, Issue, IssueCode, ProposalError, limits};
use crate::local_area::Area;
use crate::proposal::Proposal;
use crate::report::{RatioReport, Report, Totals};
use crate::{Env, Setup};

/// The most commissioners one configuration may list.
pub const MAX_COMMISSIONERS: usize = 20;

/// One buyer sharing the framework.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commissioner {
    /// A short id, used by proposals to attribute commitments (`city`).
    pub id: String,
    /// Its name (`Northmoor City Council`).
    pub name: String,
    /// Its share of the contract value, percent; all commissioners' shares
    /// add up to exactly 100.
    pub contract_share_percent: Decimal,
    /// What is local to it, for its LM3.
    pub local_area: Area,
    /// Areas outside its local area whose spend it also counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priority_areas: Vec<Area>,
    /// Its own priorities by theme; the common ones when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub theme_priorities: Vec<ThemePriority>,
    /// Its own target, percent of its contract value; the common one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_ratio_percent: Option<Decimal>,
}

/// A commitment's share for one commissioner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// The commissioner's id.
    pub commissioner: String,
    /// Percent of the commitment that is its; a commitment's shares add up to 100.
    pub percent: Decimal,
}

/// The result for a framework shared by several commissioners.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartnershipReport {
    /// The framework's (the configuration's) name.
    pub name: String,
    /// The whole contract value.
    pub contract_value: Money,
    /// The figure ratios and scores use.
    pub basis: ValueBasis,
    /// Each commissioner's part, in the configuration's order.
    pub commissioners: Vec<CommissionerReport>,
    /// The shared total: every commitment once, the sum of the commissioners' parts.
    pub shared: SharedReport,
    /// Each commitment's valuation shared out, in the proposal's order.
    pub lines: Vec<AttributedLine>,
    /// The common calculation's warnings (a contract below the value the
    /// council scores, say): they hold for every commissioner.
    pub warnings: Vec<Issue>,
}

/// Why a commissioner has no LM3 of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoLm3 {
    /// The spend was given as totals with a local share, which the supplier
    /// stated for the framework's area: each staff and supplier line with
    /// its postcode is needed for each commissioner's LM3.
    SpendAsTotals,
}

/// The whole, as the common rules work it out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SharedReport {
    /// Social value of every commitment, once.
    pub totals: Totals,
    /// Over the whole contract value.
    pub ratio: RatioReport,
    /// The common score.
    pub score: PartScore,
    /// LM3 against the common local area.
    pub lm3: Lm3Figures,
}

/// A score, as in [`crate::report::ScoreReport`] without the working.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartScore {
    /// Score out of 100 within the social value section, two places.
    pub score_percent: Decimal,
    /// The evaluation weighting of social value, percent of the whole tender.
    pub weighting_percent: Decimal,
    /// Points in the whole tender, two places.
    pub weighted_points: Decimal,
    /// The band reached, for the band method.
    pub band: Option<String>,
}

/// One commissioner's part.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommissionerReport {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its share of the contract, percent.
    pub contract_share_percent: Decimal,
    /// That share of the contract value, to the penny.
    pub contract_value: Money,
    /// The social value attributed to it.
    pub totals: Totals,
    /// By theme, in framework order.
    pub themes: Vec<CommissionerTheme>,
    /// Its social value over its contract value, against its target.
    pub ratio: RatioReport,
    /// Its score by the common method.
    pub score: PartScore,
    /// LM3 of the whole contract's spend in its own local area; none when
    /// the spend was given as totals with a local share, which the
    /// supplier stated for the framework's area, not for each
    /// commissioner's (see `lm3_unknown`).
    pub lm3: Option<Lm3Figures>,
    /// Why there is no LM3 for the commissioner, when there is none (a
    /// code the edge words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lm3_unknown: Option<NoLm3>,
    /// How many commitments give it a share.
    pub commitments: usize,
}

/// A theme's social value for one commissioner.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommissionerTheme {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// The commissioner's priority for it.
    pub priority: Option<Priority>,
    /// Its social value in the theme.
    pub totals: Totals,
}

/// One commitment shared out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttributedLine {
    /// Index of the commitment in the proposal.
    pub commitment: usize,
    /// Measure id.
    pub measure: String,
    /// Measure title.
    pub title: String,
    /// Theme id.
    pub theme: String,
    /// Its whole valuation.
    pub totals: Totals,
    /// Whether the supplier attributed it (otherwise, the contract shares).
    pub attributed: bool,
    /// Each commissioner's part, in the configuration's order; none for one without a share.
    pub shares: Vec<LinePart>,
}

/// A commissioner's part of one commitment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinePart {
    /// The commissioner's id.
    pub commissioner: String,
    /// Its percent of the commitment.
    pub percent: Decimal,
    /// Its part of the commitment's values.
    pub totals: Totals,
}

/// Checks a configuration's commissioners (called by [`crate::prepare`]).
pub(crate) fn check(c: &mut Collector, config: &CouncilConfig, themes: &[&str]) {
    let list = &config.commissioners;
    if list.is_empty() || !c.list_len("commissioners", list.len(), MAX_COMMISSIONERS) {
        return;
    }
    let mut sum = Decimal::ZERO;
    for (i, k) in list.iter().enumerate() {
        let at = |field: &str| format!("commissioners[{i}].{field}");
        c.text(at("id"), &k.id, limits::SHORT_TEXT, true);
        c.text(at("name"), &k.name, limits::SHORT_TEXT, true);
        if list.iter().take(i).any(|o| o.id == k.id) {
            c.push(
                at("id"),
                IssueCode::Duplicate,
                format!("\"{}\" is already the id of another commissioner", k.id),
            );
        }
        let share = k.contract_share_percent;
        if share <= Decimal::ZERO || share > Decimal::HUNDRED {
            c.push(
                at("contract_share_percent"),
                IssueCode::OutOfRange,
                "a commissioner's share of the contract must be above 0 and at most 100 percent",
            );
        }
        sum = sum.saturating_add(share);
        if k.id.trim() != k.id {
            c.push(
                at("id"),
                IssueCode::OutOfRange,
                "a commissioner's id has no spaces before or after it",
            );
        }
        crate::setup::check_area(c, &at("local_area"), &k.local_area, true);
        c.list_len(at("priority_areas"), k.priority_areas.len(), limits::LIST);
        for (j, a) in k.priority_areas.iter().enumerate() {
            let area = at(&format!("priority_areas[{j}]"));
            crate::setup::check_area(c, &area, a, true);
            if a.name.trim().is_empty() {
                c.push(
                    format!("{area}.name"),
                    IssueCode::Required,
                    crate::message::Msg::area_name(),
                );
            }
        }
        for (j, tp) in k.theme_priorities.iter().enumerate() {
            if !themes.contains(&tp.theme.as_str()) {
                c.push(
                    at(&format!("theme_priorities[{j}].theme")),
                    IssueCode::Unknown,
                    crate::message::Msg::unknown_theme(tp.theme.clone()),
                );
            }
        }
        if let Some(t) = k.target_ratio_percent {
            if t.is_negative() || t > Decimal::from_int(1000) {
                c.push(
                    at("target_ratio_percent"),
                    IssueCode::OutOfRange,
                    crate::message::Msg::target_ratio(),
                );
            }
        }
    }
    if sum != Decimal::HUNDRED {
        c.push(
            "commissioners",
            IssueCode::OutOfRange,
            format!("the commissioners' shares of the contract add up to {sum} percent, not 100"),
        );
    }
}

/// Checks each commitment's attribution against the commissioners.
fn check_attribution(config: &CouncilConfig, proposal: &Proposal) -> Vec<Issue> {
    let mut issues = Vec::new();
    let known = &config.commissioners;
    for (i, cm) in proposal.commitments.iter().enumerate() {
        let shares = &cm.commissioners;
        if shares.is_empty() {
            continue;
        }
        let path = format!("commitments[{i}].commissioners");
        if shares.len() > known.len() {
            issues.push(Issue::new(
                path.clone(),
                IssueCode::TooLarge,
                format!(
                    "{} shares, but there are {} commissioners",
                    shares.len(),
                    known.len()
                ),
            ));
            continue;
        }
        let mut sum = Decimal::ZERO;
        for (j, s) in shares.iter().enumerate() {
            let at = format!("{path}[{j}]");
            if !known.iter().any(|k| k.id == s.commissioner) {
                let ids: Vec<&str> = known.iter().map(|k| k.id.as_str()).collect();
                issues.push(Issue::new(
                    format!("{at}.commissioner"),
                    IssueCode::Unknown,
                    format!(
                        "\"{}\" is not a commissioner of this framework (they are: {})",
                        s.commissioner,
                        ids.join(", ")
                    ),
                ));
            } else if shares
                .iter()
                .take(j)
                .any(|o| o.commissioner == s.commissioner)
            {
                issues.push(Issue::new(
                    format!("{at}.commissioner"),
                    IssueCode::Duplicate,
                    format!("\"{}\" is given a share twice", s.commissioner),
                ));
            }
            if s.percent.is_negative() || s.percent > Decimal::HUNDRED {
                issues.push(Issue::new(
                    format!("{at}.percent"),
                    IssueCode::OutOfRange,
                    "a share must be from 0 to 100 percent",
                ));
            }
            sum = sum.saturating_add(s.percent);
        }
        if sum != Decimal::HUNDRED {
            issues.push(Issue::new(
                path,
                IssueCode::OutOfRange,
                format!("the shares add up to {sum} percent, not 100"),
            ));
        }
    }
    issues
}

/// Where `k` is in the configuration's list.
fn index_of(setup: &Setup, k: &Commissioner) -> usize {
    setup
        .config
        .commissioners
        .iter()
        .position(|o| o.id == k.id)
        .unwrap_or_default()
}

/// A commissioner's own rules (the `index`th): the common configuration
/// with its area, priorities and target, and a benchmark in pounds shared
/// out as the contract value was, so that the benchmarks add up to the
/// whole one.
fn own_config(config: &CouncilConfig, k: &Commissioner, index: usize) -> CouncilConfig {
    let mut own = config.clone();
    own.commissioners = Vec::new();
    own.council.name = k.name.clone();
    own.local_area = k.local_area.clone();
    own.priority_areas = k.priority_areas.clone();
    if !k.theme_priorities.is_empty() {
        own.theme_priorities = k.theme_priorities.clone();
    }
    if let Some(t) = k.target_ratio_percent {
        own.target_ratio_percent = Some(t);
        own.target_steps = Vec::new();
    }
    if let ScoringMethod::Proportional {
        benchmark_value: Some(b),
        ..
    } = &mut own.scoring.method
    {
        let shares: Vec<Decimal> = config
            .commissioners
            .iter()
            .map(|c| c.contract_share_percent)
            .collect();
        if let Some(part) = b.split(&shares).and_then(|parts| parts.get(index).copied()) {
            *b = part;
        }
    }
    own
}

/// Works out each commissioner's part of a proposal, and the shared total.
pub fn report(
    setup: &Setup,
    proposal: &Proposal,
    env: &Env<'_>,
) -> Result<PartnershipReport, ProposalError> {
    let config = &setup.config;
    let refuse = |issues: Vec<Issue>| ProposalError { issues };
    if config.commissioners.is_empty() {
        return Err(refuse(vec![Issue::new(
            "",
            IssueCode::Required,
            "this configuration has no commissioners: give them in its `commissioners` list",
        )]));
    }
    let mut issues = check_attribution(config, proposal);
    let whole = match crate::calculate(setup, proposal, env) {
        Ok(r) => Some(r),
        Err(e) => {
            issues.extend(e.issues);
            None
        }
    };
    let (Some(whole), true) = (whole, issues.is_empty()) else {
        return Err(refuse(issues));
    };
    let lines = share_out(config, proposal, &whole)?;
    let contract_shares: Vec<Decimal> = config
        .commissioners
        .iter()
        .map(|k| k.contract_share_percent)
        .collect();
    let values = whole
        .contract_value
        .split(&contract_shares)
        .ok_or_else(|| refuse(vec![too_large()]))?;
    let mut commissioners = Vec::with_capacity(values.len());
    for (k, value) in config.commissioners.iter().zip(values) {
        commissioners.push(commissioner(
            setup, proposal, env, &whole, &lines, k, value,
        )?);
    }
    let shared = SharedReport {
        totals: whole.totals,
        ratio: whole.ratio.clone(),
        score: PartScore {
            score_percent: whole.score.score_percent,
            weighting_percent: whole.score.weighting_percent,
            weighted_points: whole.score.weighted_points,
            band: whole.score.band.clone(),
        },
        lm3: whole.lm3.figures,
    };
    Ok(PartnershipReport {
        name: config.council.name.clone(),
        contract_value: whole.contract_value,
        basis: config.scoring.basis,
        commissioners,
        shared,
        lines,
        warnings: whole.warnings.clone(),
    })
}

fn too_large() -> Issue {
    Issue::new(
        "commitments",
        IssueCode::TooLarge,
        crate::message::Msg::huge_total(),
    )
}

/// Each commitment's values shared out by its attribution.
fn share_out(
    config: &CouncilConfig,
    proposal: &Proposal,
    whole: &Report,
) -> Result<Vec<AttributedLine>, ProposalError> {
    let mut lines = Vec::with_capacity(whole.measures.len());
    for m in &whole.measures {
        let given = proposal
            .commitments
            .get(m.commitment)
            .map(|c| c.commissioners.as_slice())
            .unwrap_or_default();
        let percents: Vec<Decimal> = config
            .commissioners
            .iter()
            .map(|k| {
                if given.is_empty() {
                    k.contract_share_percent
                } else {
                    given
                        .iter()
                        .find(|s| s.commissioner == k.id)
                        .map_or(Decimal::ZERO, |s| s.percent)
                }
            })
            .collect();
        let part = |x: Money| x.split(&percents);
        let (Some(gross), Some(adjusted), Some(pv)) = (
            part(m.totals.gross),
            part(m.totals.adjusted),
            part(m.totals.present_value),
        ) else {
            return Err(ProposalError {
                issues: vec![too_large()],
            });
        };
        let shares = config
            .commissioners
            .iter()
            .zip(&percents)
            .zip(gross.into_iter().zip(adjusted).zip(pv))
            .filter(|((_, p), _)| **p > Decimal::ZERO)
            .map(|((k, p), ((g, a), v))| LinePart {
                commissioner: k.id.clone(),
                percent: *p,
                totals: Totals {
                    gross: g,
                    adjusted: a,
                    present_value: v,
                },
            })
            .collect();
        lines.push(AttributedLine {
            commitment: m.commitment,
            measure: m.measure.clone(),
            title: m.title.clone(),
            theme: m.theme.clone(),
            totals: m.totals,
            attributed: !given.is_empty(),
            shares,
        });
    }
    Ok(lines)
}

/// One commissioner's figures.
fn commissioner(
    setup: &Setup,
    proposal: &Proposal,
    env: &Env<'_>,
    whole: &Report,
    lines: &[AttributedLine],
    k: &Commissioner,
    contract_value: Money,
) -> Result<CommissionerReport, ProposalError> {
    let index = index_of(setup, k);
    let own = own_config(&setup.config, k, index);
    // Checked with the configuration; a problem here is still named by
    // where it is in the file.
    let own = crate::prepare(own).map_err(|e| ProposalError {
        issues: e
            .issues
            .into_iter()
            .map(|i| Issue {
                path: format!("commissioners[{index}].{}", i.path),
                ..i
            })
            .collect(),
    })?;
    let mut totals = Totals::default();
    let mut themes: Vec<CommissionerTheme> = whole
        .themes
        .iter()
        .map(|t| CommissionerTheme {
            id: t.id.clone(),
            title: t.title.clone(),
            priority: own.theme_priority(&t.id),
            totals: Totals::default(),
        })
        .collect();
    let mut commitments = 0;
    for line in lines {
        let Some(part) = line.shares.iter().find(|s| s.commissioner == k.id) else {
            continue;
        };
        commitments += 1;
        add(&mut totals, &part.totals)?;
        if let Some(t) = themes.iter_mut().find(|t| t.id == line.theme) {
            add(&mut t.totals, &part.totals)?;
        }
    }
    // LM3 is of the whole contract's spend, measured in the commissioner's
    // area: only where every line says where it goes. A total's local share
    // is the supplier's word for the framework's area, and counting it as
    // local to a smaller one would raise the figure beyond the rules.
    let by_totals =
        proposal.spend.staff_total.is_some() || proposal.spend.suppliers_total.is_some();
    let (lm3, lm3_unknown) = if by_totals {
        (None, Some(NoLm3::SpendAsTotals))
    } else {
        (Some(crate::evaluate(&own, proposal, env)?.lm3), None)
    };
    // Its own contract value and rules decide its ratio and score.
    let mut own_proposal = proposal.clone();
    own_proposal.contract.value = contract_value;
    let cfg = &own.config;
    let target = crate::rules::target(cfg, proposal.contract.start_year);
    let ratio = crate::scoring::ratio(cfg.scoring.basis, &totals, contract_value, target);
    let mut figures_score = crate::scoring::score(&cfg.scoring, &ratio, &own_proposal);
    if !crate::rules::scored(&setup.config, proposal.contract.value) {
        figures_score.score_percent = Decimal::ZERO;
        figures_score.weighted_points = Decimal::ZERO;
        figures_score.band = None;
    }
    let score = PartScore {
        score_percent: figures_score.score_percent,
        weighting_percent: figures_score.weighting_percent,
        weighted_points: figures_score.weighted_points,
        band: crate::scoring::band_name(&cfg.scoring, &figures_score),
    };
    Ok(CommissionerReport {
        id: k.id.clone(),
        name: k.name.clone(),
        contract_share_percent: k.contract_share_percent,
        contract_value,
        totals,
        themes,
        ratio,
        score,
        lm3,
        lm3_unknown,
        commitments,
    })
}

fn add(into: &mut Totals, t: &Totals) -> Result<(), ProposalError> {
    let sum = |a: Money, b: Money| {
        a.checked_add(b).ok_or_else(|| ProposalError {
            issues: vec![too_large()],
        })
    };
    *into = Totals {
        gross: sum(into.gross, t.gross)?,
        adjusted: sum(into.adjusted, t.adjusted)?,
        present_value: sum(into.present_value, t.present_value)?,
    };
    Ok(())
}

/// The report as CSV: one row per commissioner and the shared total, then
/// each commitment's part for each commissioner (formula-guarded text,
/// plain numbers, as every CSV Socval writes).
pub fn csv(r: &PartnershipReport) -> String {
    use crate::csv::{EOL, header, text_cell};
    use std::fmt::Write;
    let mut s = header(&[
        "row",
        "commissioner",
        "item",
        "percent",
        "contract_value",
        "gross",
        "adjusted",
        "present_value",
        "ratio_percent",
        "target_met",
        "score_percent",
        "weighted_points",
        "lm3",
    ]);
    let met = |m: Option<bool>| match m {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let mut whole = |row: &str,
                     who: &str,
                     share: Decimal,
                     value: Money,
                     t: &Totals,
                     ratio: &RatioReport,
                     score: &PartScore,
                     lm3: Option<Decimal>| {
        let _ = write!(
            s,
            "{},{},,{share},{},{},{},{},{},{},{},{},{}{EOL}",
            text_cell(row),
            text_cell(who),
            value.plain(),
            t.gross.plain(),
            t.adjusted.plain(),
            t.present_value.plain(),
            ratio.percent,
            met(ratio.met),
            score.score_percent,
            score.weighted_points,
            lm3.map(crate::lm3::shown).unwrap_or_default(),
        );
    };
    for k in &r.commissioners {
        whole(
            "commissioner",
            &k.name,
            k.contract_share_percent,
            k.contract_value,
            &k.totals,
            &k.ratio,
            &k.score,
            k.lm3.map(|l| l.lm3),
        );
    }
    let sh = &r.shared;
    whole(
        "shared total",
        &r.name,
        Decimal::HUNDRED,
        r.contract_value,
        &sh.totals,
        &sh.ratio,
        &sh.score,
        Some(sh.lm3.lm3),
    );
    for line in &r.lines {
        for part in &line.shares {
            let name = r
                .commissioners
                .iter()
                .find(|k| k.id == part.commissioner)
                .map_or(part.commissioner.as_str(), |k| k.name.as_str());
            let _ = write!(
                s,
                "{},{},{},{},,{},{},{},,,,,{EOL}",
                text_cell(&format!("commitment {}", line.commitment + 1)),
                text_cell(name),
                text_cell(&line.title),
                part.percent,
                part.totals.gross.plain(),
                part.totals.adjusted.plain(),
                part.totals.present_value.plain(),
            );
        }
    }
    s
}
