//! Checking a proposal against a council's setup. Checking also resolves
//! what the calculation needs (per-year quantities, adjustments, where each
//! postcode lies), so nothing is parsed twice.

use std::collections::BTreeMap;

use crate::Env;
use crate::adjustments::{Adjustments, Resolved};
use crate::config::{Priority, ScoringMethod};
use crate::fixed::{Decimal, Money};
use crate::framework::{Measure, Unit};
use crate::issues::{Collector, Issue, IssueCode, ProposalError, limits};
use crate::local_area::{AreaError, Place};
use crate::outcodes::OutcodeTable;
use crate::postcode::Postcode;
use crate::proposal::{PROPOSAL_SCHEMA_VERSION, Proposal};
use crate::setup::Setup;

/// The National Living Wage from 1 April 2026, £12.71 an hour for workers
/// aged 21 and over (GOV.UK, "National Minimum Wage and National Living Wage
/// rates", Open Government Licence v3.0), for a 37.5-hour week over 52
/// weeks: £24,784.50, the least a full-time year of employment can cost.
/// Used only to flag implausible commitments, never to value them.
pub const MIN_FULL_TIME_YEAR: Money = Money::from_pence(2_478_450);

/// A commitment ready to value.
#[derive(Clone, Debug)]
pub(crate) struct CheckedCommitment<'s> {
    pub(crate) index: usize,
    pub(crate) measure: &'s Measure,
    /// Quantity delivered in each contract year.
    pub(crate) per_year: Vec<Decimal>,
    pub(crate) total: Decimal,
    pub(crate) adjustments: Resolved,
    /// Delivered outside the local area for a local-only measure.
    pub(crate) excluded: bool,
}

/// A spend line ready for LM3.
#[derive(Clone, Debug)]
pub(crate) struct CheckedSpend {
    pub(crate) outward: String,
    pub(crate) place: Place,
}

/// A proposal that passed every check.
#[derive(Clone, Debug)]
pub(crate) struct Checked<'s> {
    pub(crate) years: usize,
    pub(crate) commitments: Vec<CheckedCommitment<'s>>,
    pub(crate) staff: Vec<CheckedSpend>,
    pub(crate) suppliers: Vec<CheckedSpend>,
    pub(crate) warnings: Vec<Issue>,
}

/// Checks a proposal; all errors at once, or what the calculation needs.
pub(crate) fn check<'s>(
    setup: &'s Setup,
    p: &Proposal,
    env: &Env<'_>,
) -> Result<Checked<'s>, ProposalError> {
    let mut c = Collector::default();
    let mut w = Collector::default();
    let fw = &setup.framework;

    if p.schema_version != PROPOSAL_SCHEMA_VERSION {
        c.push(
            "schema_version",
            IssueCode::OutOfRange,
            format!("must be {PROPOSAL_SCHEMA_VERSION}"),
        );
    }
    if p.framework.id != fw.id || p.framework.version != fw.version {
        c.push(
            "framework",
            IssueCode::WrongFramework,
            format!(
                "was made for framework \"{}\" version \"{}\", but this council uses \"{}\" version \"{}\"; re-enter the commitments against the current version",
                p.framework.id, p.framework.version, fw.id, fw.version
            ),
        );
    }
    c.text("bidder", &p.bidder, limits::SHORT_TEXT, false);

    // Contract.
    let k = &p.contract;
    if k.value.pence() <= 0 {
        c.push(
            "contract.value",
            IssueCode::OutOfRange,
            "must be more than £0",
        );
    }
    let duration_ok =
        k.duration_years > Decimal::ZERO && k.duration_years <= Decimal::from_int(limits::YEARS);
    if !duration_ok {
        c.push(
            "contract.duration_years",
            IssueCode::OutOfRange,
            format!("must be more than 0 and at most {} years", limits::YEARS),
        );
    }
    if !(1990..=2200).contains(&k.start_year) {
        c.push(
            "contract.start_year",
            IssueCode::OutOfRange,
            "must be a year from 1990 to 2200",
        );
    } else if k.start_year < env.today.year {
        w.push(
            "contract.start_year",
            IssueCode::Notice,
            format!(
                "{} is in the past; present values are worked out from it all the same",
                k.start_year
            ),
        );
    }
    if !k.supplier_postcode.trim().is_empty() && Postcode::parse(&k.supplier_postcode).is_err() {
        c.push(
            "contract.supplier_postcode",
            IssueCode::Postcode,
            "is not a UK postcode or outward code (for example EX1 1AA or EX1)",
        );
    }
    let years = if duration_ok {
        usize::try_from(k.duration_years.ceil_int()).unwrap_or(1)
    } else {
        1
    };
    let weights = year_weights(k.duration_years, years);

    // Commitments.
    let mut commitments = Vec::new();
    if c.list_len("commitments", p.commitments.len(), limits::COMMITMENTS) {
        commitments.reserve(p.commitments.len());
        for (i, cm) in p.commitments.iter().enumerate() {
            let path = format!("commitments[{i}]");
            c.text(&format!("{path}.note"), &cm.note, limits::LONG_TEXT, false);
            let Some(measure) = setup.measure(&cm.measure) else {
                let why = if setup.is_framework_measure(&cm.measure) {
                    format!(
                        "\"{}\" is not one of the measures this council offers",
                        cm.measure
                    )
                } else if cm.measure.trim().is_empty() {
                    "must name a measure".to_string()
                } else {
                    format!(
                        "\"{}\" is not a measure of framework \"{}\"",
                        cm.measure, fw.id
                    )
                };
                c.push(format!("{path}.measure"), IssueCode::Unknown, why);
                continue;
            };
            let Some(per_year) = quantities(&mut c, &path, cm, k.duration_years, &weights, years)
            else {
                continue;
            };
            let total = per_year
                .iter()
                .fold(Decimal::ZERO, |a, q| a.saturating_add(*q));
            if let Some(a) = cm.attribution_percent {
                c.percent(&format!("{path}.attribution_percent"), a);
            }
            let mut excluded = false;
            if !cm.postcode.trim().is_empty() {
                match Postcode::parse(&cm.postcode) {
                    Err(e) => c.push(
                        format!("{path}.postcode"),
                        IssueCode::Postcode,
                        e.to_string(),
                    ),
                    Ok(pc) => {
                        if measure.local_only {
                            match place(setup, &pc, env.outcodes) {
                                Ok(Place::NotLocal) => {
                                    excluded = true;
                                    w.push(format!("{path}.postcode"), IssueCode::Notice, format!("{pc} is outside {}; \"{}\" counts only local delivery, so this commitment is left out of the totals", area_name(setup), measure.title));
                                }
                                Ok(_) => {}
                                Err(e) => c.push(
                                    format!("{path}.postcode"),
                                    IssueCode::Postcode,
                                    area_error(&e),
                                ),
                            }
                        }
                    }
                }
            }
            if measure.unit == Unit::FteYear && k.value.pence() > 0 {
                let min_cost = MIN_FULL_TIME_YEAR.times(total);
                if min_cost.is_some_and(|m| m > k.value) {
                    w.push(
                        format!("{path}.quantity"),
                        IssueCode::Implausible,
                        format!("{total} FTE-years would cost at least {} at the National Living Wage, more than the contract value of {}", min_cost.unwrap_or_default(), k.value),
                    );
                }
            }
            let over = Adjustments {
                attribution_percent: cm.attribution_percent,
                ..Adjustments::default()
            };
            let adjustments = if setup.config.adjustments.enabled {
                measure.adjustments.overlay(&over).resolve()
            } else {
                Resolved::NONE
            };
            commitments.push(CheckedCommitment {
                index: i,
                measure,
                per_year,
                total,
                adjustments,
                excluded,
            });
        }
    }
    double_counting(&mut w, &commitments);
    theme_coverage(&mut w, setup, &commitments);

    // Spend: staff and supplier lines are checked alike.
    let staff_lines = p.spend.staff.iter().map(|l| {
        (
            "label",
            l.label.as_str(),
            l.postcode.as_str(),
            l.amount,
            l.respend_percent,
        )
    });
    let supplier_lines = p.spend.suppliers.iter().map(|l| {
        (
            "name",
            l.name.as_str(),
            l.postcode.as_str(),
            l.amount,
            l.respend_percent,
        )
    });
    let (staff, staff_total) = spend_lines(
        &mut c,
        setup,
        env,
        "spend.staff",
        p.spend.staff.len(),
        staff_lines,
    );
    let (suppliers, supplier_total) = spend_lines(
        &mut c,
        setup,
        env,
        "spend.suppliers",
        p.spend.suppliers.len(),
        supplier_lines,
    );
    let spend_total = staff_total.saturating_add(supplier_total);
    if k.value.pence() > 0 && spend_total > k.value {
        c.push("spend", IssueCode::Inconsistent, format!("staff wages and supplier spend add up to {spend_total}, more than the contract value of {}; LM3 measures how the contract's own income is spent", k.value));
    }

    self_assessment(&mut c, &mut w, setup, p);

    let today = env.today.year;
    if today - i32::from(fw.price_year) >= 3 {
        w.push(
            "",
            IssueCode::Notice,
            format!(
                "the framework's values are in {} prices and are not uprated to {today} prices",
                fw.price_year
            ),
        );
    }

    if c.issues.is_empty() {
        Ok(Checked {
            years,
            commitments,
            staff,
            suppliers,
            warnings: w.issues,
        })
    } else {
        Err(ProposalError { issues: c.issues })
    }
}

/// The share of each contract year the contract runs for: 1 for whole years,
/// the fraction for a last part-year (2.5 years → [1, 1, 0.5]).
fn year_weights(duration: Decimal, years: usize) -> Vec<Decimal> {
    (0..years)
        .map(|y| {
            let done = Decimal::from_int(i64::try_from(y).unwrap_or(0));
            let left = Decimal::from_micros(duration.micros() - done.micros());
            if left >= Decimal::ONE {
                Decimal::ONE
            } else {
                left
            }
        })
        .collect()
}

/// The quantity delivered in each contract year.
fn quantities(
    c: &mut Collector,
    path: &str,
    cm: &crate::proposal::Commitment,
    duration: Decimal,
    weights: &[Decimal],
    years: usize,
) -> Option<Vec<Decimal>> {
    let before = c.issues.len();
    if let Some(q) = cm.quantity {
        c.non_negative(&format!("{path}.quantity"), q);
    }
    let out = match (&cm.profile, cm.quantity) {
        (Some(profile), q) => {
            if cm.per_year {
                c.push(
                    format!("{path}.per_year"),
                    IssueCode::Inconsistent,
                    "cannot be used with a year-by-year profile",
                );
            }
            if profile.is_empty() {
                c.push(
                    format!("{path}.profile"),
                    IssueCode::Required,
                    "must give at least one year",
                );
            }
            if profile.len() > years {
                c.push(
                    format!("{path}.profile"),
                    IssueCode::TooLarge,
                    format!(
                        "has {} years but the contract runs for {years}",
                        profile.len()
                    ),
                );
            }
            for (y, v) in profile.iter().enumerate() {
                c.non_negative(&format!("{path}.profile[{y}]"), *v);
            }
            let sum = profile
                .iter()
                .fold(Decimal::ZERO, |a, v| a.saturating_add(*v));
            if let Some(q) = q {
                if q != sum {
                    c.push(
                        format!("{path}.quantity"),
                        IssueCode::Inconsistent,
                        format!("is {q} but the year-by-year profile adds up to {sum}"),
                    );
                }
            }
            let mut v = profile.clone();
            v.resize(years, Decimal::ZERO);
            v
        }
        (None, Some(q)) if cm.per_year => weights
            .iter()
            .map(|w| q.checked_mul(*w).unwrap_or(Decimal::ZERO))
            .collect(),
        (None, Some(q)) => spread(q, duration, weights),
        (None, None) => {
            c.push(
                format!("{path}.quantity"),
                IssueCode::Required,
                "must be given (or a year-by-year profile)",
            );
            Vec::new()
        }
    };
    (c.issues.len() == before).then_some(out)
}

/// Spreads a whole-contract quantity over the years in proportion to the time
/// in each; the last year takes the remainder so the years add up exactly.
fn spread(q: Decimal, duration: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    let mut out = Vec::with_capacity(weights.len());
    let mut left = q;
    for (y, w) in weights.iter().enumerate() {
        if y + 1 == weights.len() {
            out.push(left);
        } else {
            let share = q
                .checked_mul(*w)
                .and_then(|x| x.checked_div(duration))
                .unwrap_or(Decimal::ZERO);
            left = Decimal::from_micros(left.micros() - share.micros());
            out.push(share);
        }
    }
    out
}

/// Checks one list of spend lines: each line's name, amount, rate and place.
fn spend_lines<'a>(
    c: &mut Collector,
    setup: &Setup,
    env: &Env<'_>,
    list: &str,
    len: usize,
    lines: impl Iterator<Item = (&'static str, &'a str, &'a str, Money, Option<Decimal>)>,
) -> (Vec<CheckedSpend>, Money) {
    let mut out = Vec::new();
    let mut total = Money::ZERO;
    if !c.list_len(list, len, limits::SPEND_LINES) {
        return (out, total);
    }
    out.reserve(len);
    for (i, (label_field, label, postcode, amount, respend)) in lines.enumerate() {
        let path = format!("{list}[{i}]");
        c.text(
            &format!("{path}.{label_field}"),
            label,
            limits::SHORT_TEXT,
            false,
        );
        total = total.saturating_add(amount);
        if let Some(s) = spend_line(c, setup, env, &path, postcode, amount, respend) {
            out.push(s);
        }
    }
    (out, total)
}

fn spend_line(
    c: &mut Collector,
    setup: &Setup,
    env: &Env<'_>,
    path: &str,
    postcode: &str,
    amount: Money,
    respend: Option<Decimal>,
) -> Option<CheckedSpend> {
    let before = c.issues.len();
    if amount.pence() < 0 {
        c.push(
            format!("{path}.amount"),
            IssueCode::Negative,
            "must be £0 or more",
        );
    }
    if let Some(r) = respend {
        c.percent(&format!("{path}.respend_percent"), r);
    }
    let place = match Postcode::parse(postcode) {
        Err(e) => {
            c.push(
                format!("{path}.postcode"),
                IssueCode::Postcode,
                e.to_string(),
            );
            None
        }
        Ok(pc) => match place(setup, &pc, env.outcodes) {
            Ok(p) => Some((pc.outward().to_string(), p)),
            Err(e) => {
                c.push(
                    format!("{path}.postcode"),
                    IssueCode::Postcode,
                    area_error(&e),
                );
                None
            }
        },
    };
    match place {
        Some((outward, place)) if c.issues.len() == before => Some(CheckedSpend { outward, place }),
        _ => None,
    }
}

/// Where a postcode lies: local, in a priority area, or neither.
/// When the table is at hand, an outward code it does not know is an error
/// even if the council's rules would not need it.
pub(crate) fn place(
    setup: &Setup,
    pc: &Postcode,
    table: Option<&OutcodeTable>,
) -> Result<Place, AreaError> {
    if let Some(t) = table {
        if t.get(pc.outward()).is_none() {
            return Err(AreaError::UnknownOutcode(pc.outward().to_string()));
        }
    }
    if setup.config.local_area.contains(pc, table)? {
        return Ok(Place::Local);
    }
    for area in &setup.config.priority_areas {
        if area.contains(pc, table)? {
            return Ok(Place::Priority(area.name.clone()));
        }
    }
    Ok(Place::NotLocal)
}

fn area_error(e: &AreaError) -> String {
    match e {
        AreaError::UnknownOutcode(o) => {
            format!("outward code {o} is not in the UK outward-code table; check the postcode")
        }
        AreaError::NoTable => {
            "cannot be placed: the outward-code table the council's local area needs is not loaded"
                .into()
        }
    }
}

fn area_name(setup: &Setup) -> String {
    let n = setup.config.local_area.name.trim();
    if n.is_empty() {
        "the local area".into()
    } else {
        n.to_string()
    }
}

fn double_counting(w: &mut Collector, cs: &[CheckedCommitment<'_>]) {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for c in cs {
        if let Some(&j) = first.get(c.measure.id.as_str()) {
            w.push(format!("commitments[{}].measure", c.index), IssueCode::DoubleCounting, format!("\"{}\" is also committed at commitments[{j}]; make sure the two do not count the same outcome", c.measure.title));
        } else {
            first.insert(&c.measure.id, c.index);
        }
    }
    // Pairs the framework says must not both be claimed for the same outcome,
    // in either direction. Looked up per measure, not per pair of commitments,
    // so a proposal at the 100,000-commitment limit stays linear.
    let mut excluded_by: BTreeMap<&str, Vec<&Measure>> = BTreeMap::new();
    for c in cs {
        for x in &c.measure.excludes {
            let list = excluded_by.entry(x.as_str()).or_default();
            if !list.iter().any(|m| m.id == c.measure.id) {
                list.push(c.measure);
            }
        }
    }
    let mut warned: std::collections::BTreeSet<(&str, &str)> = std::collections::BTreeSet::new();
    for b in cs {
        let forward = b.measure.excludes.iter().map(String::as_str);
        let backward = excluded_by
            .get(b.measure.id.as_str())
            .into_iter()
            .flatten()
            .map(|m| m.id.as_str());
        for x in forward.chain(backward) {
            let Some(&j) = first.get(x) else { continue };
            if j >= b.index || x == b.measure.id || !warned.insert((x, b.measure.id.as_str())) {
                continue;
            }
            let a_title = cs
                .iter()
                .find(|c| c.index == j)
                .map_or(x, |c| c.measure.title.as_str());
            w.push(
                format!("commitments[{}].measure", b.index),
                IssueCode::DoubleCounting,
                format!("\"{}\" must not count the same people or spend as \"{a_title}\" (commitments[{j}]); the framework excludes double counting between them", b.measure.title),
            );
        }
    }
}

fn theme_coverage(w: &mut Collector, setup: &Setup, cs: &[CheckedCommitment<'_>]) {
    for tp in &setup.config.theme_priorities {
        if tp.priority == Priority::High && !cs.iter().any(|c| c.measure.theme == tp.theme) {
            let title = setup
                .framework
                .themes
                .iter()
                .find(|t| t.id == tp.theme)
                .map_or(tp.theme.as_str(), |t| t.title.as_str());
            w.push(
                "commitments",
                IssueCode::Notice,
                format!(
                    "{} is a high priority for {} and this proposal makes no commitment in it",
                    title, setup.config.council.name
                ),
            );
        }
    }
}

fn self_assessment(c: &mut Collector, w: &mut Collector, setup: &Setup, p: &Proposal) {
    let criteria = match &setup.config.scoring.method {
        ScoringMethod::SelfAssessment { criteria } => Some(criteria),
        _ => None,
    };
    c.list_len("self_assessment", p.self_assessment.len(), limits::LIST);
    for (i, s) in p.self_assessment.iter().enumerate() {
        c.percent(
            &format!("self_assessment[{i}].score_percent"),
            s.score_percent,
        );
        match criteria {
            Some(list) if !list.iter().any(|k| k.id == s.criterion) => {
                c.push(
                    format!("self_assessment[{i}].criterion"),
                    IssueCode::Unknown,
                    format!(
                        "\"{}\" is not one of the council's award criteria",
                        s.criterion
                    ),
                );
            }
            _ => {}
        }
        if p.self_assessment
            .iter()
            .take(i)
            .any(|o| o.criterion == s.criterion)
        {
            c.push(
                format!("self_assessment[{i}].criterion"),
                IssueCode::Duplicate,
                format!("\"{}\" is scored twice", s.criterion),
            );
        }
    }
    if let Some(list) = criteria {
        for k in list {
            if !p.self_assessment.iter().any(|s| s.criterion == k.id) {
                w.push(
                    "self_assessment",
                    IssueCode::Notice,
                    format!("no self-score for \"{}\": it counts as 0", k.title),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_years_weigh_by_time() {
        let w = year_weights(Decimal::from_micros(2_500_000), 3);
        assert_eq!(
            w,
            vec![Decimal::ONE, Decimal::ONE, Decimal::from_micros(500_000)]
        );
        let s = spread(Decimal::from_int(25), Decimal::from_micros(2_500_000), &w);
        assert_eq!(
            s,
            vec![
                Decimal::from_int(10),
                Decimal::from_int(10),
                Decimal::from_int(5)
            ]
        );
    }

    #[test]
    fn spreading_keeps_the_total_exact() {
        let w = year_weights(Decimal::from_int(3), 3);
        let s = spread(Decimal::from_int(10), Decimal::from_int(3), &w);
        assert_eq!(s.iter().map(|d| d.micros()).sum::<i64>(), 10_000_000);
        assert_eq!(s.first(), Some(&Decimal::from_micros(3_333_333)));
    }
}
