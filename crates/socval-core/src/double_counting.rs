//! Double counting: one outcome claimed under two measures.
//!
//! Frameworks name pairs of measures that must not count the same people or
//! spend (a measure's `excludes`): Essex County Council's social value
//! guidance forbids counting the same pounds as both local supplier spend
//! and local SME spend (ECC11 and ECC12); Torbay Council's counts a person
//! under local employment and one disadvantaged group, never two groups
//! (domain research §1.2). When a proposal commits to both measures of such
//! a pair, the council's configuration decides ([`Policy`]):
//!
//! - **count the larger** (the default): only the measure whose commitments
//!   are worth more, on the council's scoring basis, is counted; the other's
//!   commitments are recorded without a value, and a warning says which was
//!   left out. Ties go to the measure the framework lists first, so that
//!   the order of a proposal's commitments never changes what is counted
//!   (a file opened in the widget lists them in framework order). Where several pairs
//!   chain, measures are taken from the most valuable down, each counted
//!   unless it conflicts with one already counted;
//! - **reject**: the proposal is refused with the rule named.
//!
//! Two commitments to the same measure are separate lines and are summed,
//! with a warning to check they do not count the same outcome.

use serde::Serialize;

use crate::discounting::Discounts;
use crate::fixed::Money;
use crate::issues::{Collector, IssueCode, Path, Warnings};
use crate::message::Msg;
use crate::recorded::Reason;
use crate::scoring::basis_value;
use crate::setup::Setup;
use crate::social_value::Years;
use crate::validation::{Checked, CheckedCommitment};

/// What a council does when a proposal claims both measures of an excluded pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Count only the larger; record the other without a value.
    #[default]
    CountLarger,
    /// Refuse the proposal, naming the rule.
    Reject,
}

crate::names::named!(Policy {
    "count_larger" => CountLarger,
    "reject" => Reject,
});

const NONE: usize = usize::MAX;

/// The first commitment of each offered measure, by measure index.
fn first_commitments(setup: &Setup, cs: &[CheckedCommitment<'_>]) -> Vec<usize> {
    let mut first = vec![NONE; setup.framework.measures.len()];
    for c in cs {
        if let Some(slot) = first.get_mut(c.measure_index).filter(|s| **s == NONE) {
            *slot = c.index;
        }
    }
    first
}

/// The offered measures committed in the proposal that `measure` must not be
/// counted with, in either direction.
fn conflicting<'a>(
    setup: &'a Setup,
    first: &'a [usize],
    measure: usize,
) -> impl Iterator<Item = usize> + 'a {
    setup
        .conflicts(measure)
        .into_iter()
        .flat_map(|c| c.forward.iter().chain(&c.backward).copied())
        .filter(move |x| *x != measure && first.get(*x).is_some_and(|j| *j != NONE))
}

/// Checks a proposal: a warning for a measure committed twice, and under the
/// reject policy an error for each excluded pair claimed.
pub(crate) fn check(
    c: &mut Collector,
    w: &mut Warnings,
    setup: &Setup,
    cs: &[CheckedCommitment<'_>],
) {
    let first = first_commitments(setup, cs);
    for cm in cs {
        let j = first.get(cm.measure_index).copied().unwrap_or(NONE);
        if j != NONE && j != cm.index {
            let path = Path::Root("commitments");
            w.push_with(
                path.item(cm.index).field("measure"),
                IssueCode::DoubleCounting,
                || Msg::repeated_measure(cm.measure.id.clone(), cm.measure.title.clone()),
            );
        }
    }
    if setup.config.double_counting != Policy::Reject {
        return;
    }
    for cm in cs
        .iter()
        .filter(|cm| first.get(cm.measure_index) == Some(&cm.index))
    {
        for x in conflicting(setup, &first, cm.measure_index) {
            let other = first.get(x).copied().unwrap_or(NONE);
            if other < cm.index {
                c.push(
                    Path::Root("commitments").item(cm.index).field("measure"),
                    IssueCode::DoubleCounting,
                    Msg::excluded_pair(
                        cm.measure.id.clone(),
                        cm.measure.title.clone(),
                        id(setup, x).to_string(),
                        title(setup, x).to_string(),
                        setup.config.council.name.clone(),
                    ),
                );
            }
        }
    }
}

fn id(setup: &Setup, measure: usize) -> &str {
    setup
        .framework
        .measures
        .get(measure)
        .map_or("", |m| m.id.as_str())
}

fn title(setup: &Setup, measure: usize) -> &str {
    setup
        .framework
        .measures
        .get(measure)
        .map_or("", |m| m.title.as_str())
}

/// Under the count-the-larger policy, leaves out the commitments of the
/// smaller measure of each excluded pair the proposal claims, and says so.
pub(crate) fn resolve(setup: &Setup, checked: &mut Checked<'_>, disc: &Discounts<'_>) {
    let first = first_commitments(setup, &checked.commitments);
    let involved = |m: usize| conflicting(setup, &first, m).next().is_some();
    if !checked
        .commitments
        .iter()
        .any(|c| involved(c.measure_index))
    {
        return;
    }
    // What each involved measure is worth, on the council's scoring basis.
    let mut worth: Vec<(usize, Money)> = Vec::new();
    let mut years = Years::default();
    for c in checked.commitments.iter().filter(|c| c.excluded.is_none()) {
        if !involved(c.measure_index) {
            continue;
        }
        years.value(c, checked.per_year(c), disc.of(c.measure.discount));
        let v = basis_value(setup.config.scoring.basis, &years.totals());
        match worth.iter_mut().find(|(m, _)| *m == c.measure_index) {
            Some((_, total)) => *total = total.saturating_add(v),
            None => worth.push((c.measure_index, v)),
        }
    }
    // From the most valuable down (ties: listed first). The few measures
    // involved are taken by repeated selection rather than sorted: a sort's
    // code would cost the widget more than it saves.
    let mut counted: Vec<usize> = Vec::new();
    let mut left_out: Vec<(usize, usize)> = Vec::new();
    while let Some(i) = (0..worth.len()).reduce(|a, b| match (worth.get(a), worth.get(b)) {
        (Some(x), Some(y)) if (y.1, std::cmp::Reverse(y.0)) > (x.1, std::cmp::Reverse(x.0)) => b,
        _ => a,
    }) {
        let (m, _) = worth.swap_remove(i);
        match counted
            .iter()
            .find(|k| conflicting(setup, &first, m).any(|x| x == **k))
        {
            Some(k) => left_out.push((m, *k)),
            None => counted.push(m),
        }
    }
    for (m, k) in left_out {
        // The first commitment of the kept measure that is itself counted.
        let kept = checked
            .commitments
            .iter()
            .find(|c| c.measure_index == k && c.excluded.is_none())
            .map_or(first.get(k).copied().unwrap_or(NONE), |c| c.index);
        // Those already left out keep their own reason.
        for c in checked
            .commitments
            .iter_mut()
            .filter(|c| c.measure_index == m && c.excluded.is_none())
        {
            c.excluded = Some(Reason::DoubleCounted { counted: kept });
            let path = Path::Root("commitments");
            checked.warnings.push_with(
                path.item(c.index).field("measure"),
                IssueCode::DoubleCounting,
                || {
                    Msg::larger_counted(
                        c.measure.id.clone(),
                        c.measure.title.clone(),
                        id(setup, k).to_string(),
                        title(setup, k).to_string(),
                    )
                },
            );
        }
    }
}
