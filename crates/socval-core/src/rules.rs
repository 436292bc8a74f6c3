//! Rules councils publish that go beyond valuing commitments. Each is a
//! field of the council's configuration, checked here, and named in the
//! message when a proposal breaks it.
//!
//! - **Minimum contract value** (`min_contract_value`): below it the council
//!   does not score social value (City of Bradford Metropolitan District
//!   Council: £100,000). The figures are still worked out; the score is 0
//!   and the result says why.
//! - **Required themes** (`required_themes`): at least one commitment in
//!   each (Bradford: Employment and Skills). A proposal without one is
//!   warned that the council may reject it.
//! - **First-year-only measures** (a measure's `first_year_only`): each
//!   person counts once, in their first year, and the quantity may not be
//!   marked "each year" (Torbay Council's disadvantaged-employment measures).
//! - **A target that changes by date** (`target_steps`): the target that
//!   applies is the last step starting in or before the contract's start
//!   year (London Borough of Hammersmith and Fulham: 10% of contract value,
//!   rising to 20%).
//! - **A weighting below 10%** is accepted but flagged: PPN 06/20 and PPN
//!   002 set 10% as the minimum for central government buyers.

use serde::{Deserialize, Serialize};

use crate::config::CouncilConfig;
use crate::fixed::{Decimal, Money};
use crate::issues::{Collector, IssueCode, Path, Warnings};
use crate::message::Msg;
use crate::proposal::{Commitment, Proposal};
use crate::setup::Setup;
use crate::validation::CheckedCommitment;

/// One step of a target that changes by date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TargetStep {
    /// The first contract start year this target applies to.
    pub from_year: i32,
    /// The target social value ratio, percent of contract value.
    pub ratio_percent: Decimal,
}

/// The PPN 06/20 and PPN 002 minimum weighting for central government.
const PPN_MIN_WEIGHTING: i64 = 10;

/// The target that applies to a contract starting in `start_year`.
pub(crate) fn target(config: &CouncilConfig, start_year: i32) -> Option<Decimal> {
    config
        .target_steps
        .iter()
        .filter(|s| s.from_year <= start_year)
        .max_by_key(|s| s.from_year)
        .map(|s| s.ratio_percent)
        .or(config.target_ratio_percent)
}

/// Whether the council scores social value on a contract of this value.
pub(crate) fn scored(config: &CouncilConfig, value: Money) -> bool {
    config.min_contract_value.is_none_or(|min| value >= min)
}

/// Checks the configuration's own rule fields.
pub(crate) fn check_config(c: &mut Collector, config: &CouncilConfig, themes: &[&str]) {
    if let Some(min) = config.min_contract_value {
        if min.pence() < 0 {
            c.push(
                "min_contract_value",
                IssueCode::Negative,
                Msg::negative_money(),
            );
        }
    }
    let required = Path::Root("required_themes");
    for (i, t) in config.required_themes.iter().enumerate() {
        if !themes.contains(&t.as_str()) {
            c.push(
                required.item(i),
                IssueCode::Unknown,
                Msg::unknown_theme(t.clone()),
            );
        }
    }
    c.list_len(
        "target_steps",
        config.target_steps.len(),
        crate::issues::limits::LIST,
    );
    let steps = Path::Root("target_steps");
    for (i, s) in config.target_steps.iter().enumerate() {
        let step = steps.item(i);
        if s.ratio_percent.is_negative() || s.ratio_percent > Decimal::from_int(1000) {
            c.push(
                step.field("ratio_percent"),
                IssueCode::OutOfRange,
                Msg::target_ratio(),
            );
        }
        if !(1990..=2200).contains(&s.from_year) {
            c.push(
                step.field("from_year"),
                IssueCode::OutOfRange,
                Msg::year(1990, 2200),
            );
        }
    }
}

/// A first-year-only measure's quantity: never "each year", nothing after
/// the first year.
pub(crate) fn check_first_year(c: &mut Collector, path: Path<'_>, cm: &Commitment) {
    if cm.per_year {
        c.push(
            path.field("per_year"),
            IssueCode::Inconsistent,
            Msg::first_year_per_year(),
        );
    }
    let field = path.field("profile");
    for (y, q) in cm.profile.iter().flatten().enumerate().skip(1) {
        if *q != Decimal::ZERO {
            c.push(
                field.item(y),
                IssueCode::Inconsistent,
                Msg::first_year_later(),
            );
        }
    }
}

/// Warnings for the council's rules a proposal does not meet.
pub(crate) fn check_proposal(
    w: &mut Warnings,
    setup: &Setup,
    p: &Proposal,
    cs: &[CheckedCommitment<'_>],
) {
    let cfg = &setup.config;
    let council = &cfg.council.name;
    if let (Some(min), false) = (cfg.min_contract_value, scored(cfg, p.contract.value)) {
        w.push(
            "contract.value",
            IssueCode::Rule,
            Msg::below_minimum(council.clone(), min),
        );
    }
    for t in &cfg.required_themes {
        let theme = setup.framework.themes.iter().position(|x| &x.id == t);
        // Only a commitment that counts meets the rule: a quantity of 0, or
        // one left out (outside the area), does not.
        let counts = |c: &&CheckedCommitment<'_>| c.total > Decimal::ZERO && c.excluded.is_none();
        if !cs
            .iter()
            .filter(counts)
            .any(|c| setup.theme_of(c.measure_index) == theme)
        {
            let title = theme
                .and_then(|i| setup.framework.themes.get(i))
                .map_or(t.as_str(), |x| x.title.as_str());
            w.push(
                "commitments",
                IssueCode::Rule,
                Msg::required_theme(council.clone(), t.clone(), title.to_string()),
            );
        }
    }
    if cfg.scoring.weighting_percent < Decimal::from_int(PPN_MIN_WEIGHTING) {
        w.push(
            "",
            IssueCode::Notice,
            Msg::low_weighting(council.clone(), cfg.scoring.weighting_percent),
        );
    }
}
