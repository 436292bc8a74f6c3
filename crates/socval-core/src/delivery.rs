//! Delivery against commitments: after award, the winning proposal is the
//! contract's commitments, and the supplier or the council's officer
//! records what was delivered each year. This module sets what was
//! delivered against what was committed, measure by measure and in total,
//! with the council's red, amber and green thresholds.
//!
//! **To date.** A contract's years up to the last year with a record are
//! "to date": what was committed for those years is what delivery is
//! measured against (a three-year contract one year in is judged on its
//! first year, not on all three). A year given only for its income and
//! spend does not make its measures due.
//!
//! **Quantities** are compared measure by measure: Σ delivered ÷ Σ
//! committed to date × 100. **Value** is worked out by the same rules as the
//! bid's ([`crate::calculate`]): the committed proposal with each
//! commitment's quantities after the years to date set to nothing gives the
//! value committed to date; the same proposal with each year's quantities
//! replaced by those delivered gives the value delivered. A measure's
//! delivered quantity is shared among its commitments in proportion to what
//! each committed that year (all of it to the first where none did), so a
//! commitment's own place, sharing and attribution apply to what it
//! delivered. A measure delivered but never committed is added as a
//! commitment of its own, and said. Both values are on the council's basis
//! (`scoring.basis`), as the ratio is, and nothing delivered can be valued
//! beyond what the council's rules allow a bid.
//!
//! **Status.** Green at or above `delivery.green_percent` of what was
//! committed to date, amber at or above `delivery.amber_percent`, red below;
//! "not yet due" where nothing was committed to date. The whole is judged
//! on value; where no value was committed to date (the measures due are
//! record-only), on its lowest measure. The thresholds are
//! the council's: Socval's defaults (100% and 80%) are a starting point,
//! from no published standard. Each is decided on the exact figures, never
//! on a rounded percentage, as [`crate::scoring`] decides a band.
//!
//! **Spend.** A year may also give the income the contract brought in and
//! where it was spent: LM3 as delivered, against LM3 as committed, is
//! [`spend`]'s.

mod spend;

use serde::{Deserialize, Serialize};

use crate::config::ValueBasis;
use crate::fixed::{Decimal, Money};
use crate::framework::Unit;
use crate::issues::{Issue, IssueCode, limits};
use crate::proposal::{Commitment, Proposal, Spend};
use crate::report::Report;
use crate::{Env, Setup};

pub use spend::Lm3Delivery;

crate::issues::issue_error!(
    /// A delivery record cannot be reported on.
    DeliveryError, "the delivery record has"
);

/// The council's thresholds for a delivery's status (`delivery` in the
/// configuration).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeliverySettings {
    /// Green at or above this share of what was committed to date, percent.
    #[serde(default = "green")]
    pub green_percent: Decimal,
    /// Amber at or above this share, percent (red below).
    #[serde(default = "amber")]
    pub amber_percent: Decimal,
}

fn green() -> Decimal {
    Decimal::HUNDRED
}

fn amber() -> Decimal {
    Decimal::from_int(80)
}

impl Default for DeliverySettings {
    fn default() -> Self {
        DeliverySettings {
            green_percent: green(),
            amber_percent: amber(),
        }
    }
}

/// What was committed and what has been delivered: the file the supplier
/// or the officer keeps over the life of the contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeliveryRecord {
    /// Format version; must be 1.
    pub schema_version: u32,
    /// The contract's reference, as the council knows it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contract: String,
    /// What was committed: the awarded proposal, as its file gave it.
    pub committed: Proposal,
    /// What was delivered, a year at a time.
    #[serde(default)]
    pub delivered: Vec<DeliveredYear>,
}

/// One year's delivery.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeliveredYear {
    /// The calendar year, one of the contract's.
    pub year: i32,
    /// Quantities delivered in the year, each in its measure's unit.
    #[serde(default)]
    pub measures: Vec<Delivered>,
    /// The contract income received in the year, pounds (what the council
    /// paid): LM3's first round as delivered. Given with `spend`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income: Option<Money>,
    /// Where the year's contract money went: staff wages by where staff
    /// live and spend with suppliers, as a proposal gives its spend, for
    /// this year alone. Given with `income`; `{}` where nothing was spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spend: Option<Spend>,
}

/// A quantity of one measure delivered in a year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Delivered {
    /// The measure id.
    pub measure: String,
    /// How much was delivered in the year.
    pub quantity: Decimal,
    /// What the figure rests on (timesheets, invoices, a survey).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// Red, amber or green, or nothing yet due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// At or above the green threshold.
    Green,
    /// At or above the amber threshold.
    Amber,
    /// Below the amber threshold.
    Red,
    /// Nothing was committed to date.
    NotYetDue,
    /// LM3 as delivered only: not every year to date gives its income and
    /// spend, so the years given are not judged against the whole
    /// contract's commitment (a supplier could give only its best years).
    Incomplete,
}

impl Status {
    /// The status as a word (English; the page and the CSV use it).
    pub fn word(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Amber => "amber",
            Status::Red => "red",
            Status::NotYetDue => "not yet due",
            Status::Incomplete => "incomplete",
        }
    }
}

/// Delivery against commitments, measure by measure and in total.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeliveryReport {
    /// The contract's reference.
    pub contract: String,
    /// The supplier.
    pub bidder: String,
    /// The council.
    pub council: String,
    /// The contract's calendar years.
    pub years: Vec<i32>,
    /// The last year to date (none before any record).
    pub to_year: Option<i32>,
    /// The figure values are given on (the council's `scoring.basis`).
    pub basis: ValueBasis,
    /// The thresholds applied.
    pub thresholds: DeliverySettings,
    /// One line per measure committed or delivered, committed first in the
    /// proposal's order.
    pub measures: Vec<MeasureDelivery>,
    /// Social value committed over the whole contract.
    pub committed_value: Money,
    /// Social value committed for the years to date.
    pub committed_to_date_value: Money,
    /// Social value delivered so far.
    pub delivered_value: Money,
    /// Delivered value as a share of the value committed to date, two places.
    pub percent: Option<Decimal>,
    /// The status of the whole: on value, or where no value was committed
    /// to date, the lowest of the measures due.
    pub status: Status,
    /// LM3 as delivered against LM3 as committed, where a year gives its
    /// income and spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lm3: Option<Lm3Delivery>,
    /// What the reader should know (a measure delivered but not committed).
    pub warnings: Vec<Issue>,
}

/// One measure's delivery.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureDelivery {
    /// The measure id.
    pub measure: String,
    /// Its title.
    pub title: String,
    /// Its unit.
    pub unit: Unit,
    /// Committed over the whole contract.
    pub committed: Decimal,
    /// Committed for the years to date.
    pub committed_to_date: Decimal,
    /// Delivered so far.
    pub delivered: Decimal,
    /// Year by year: committed and delivered, for every contract year.
    pub by_year: Vec<YearDelivery>,
    /// Delivered as a share of committed to date, two places.
    pub percent: Option<Decimal>,
    /// Its status, on quantity.
    pub status: Status,
    /// Social value committed for the years to date.
    pub committed_to_date_value: Money,
    /// Social value delivered so far.
    pub delivered_value: Money,
}

/// One contract year of one measure.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearDelivery {
    /// The calendar year.
    pub year: i32,
    /// Committed for the year.
    pub committed: Decimal,
    /// Delivered in the year: none where the record gives no figure for
    /// this measure in this year (counted as nothing delivered, if the year
    /// is to date).
    pub delivered: Option<Decimal>,
}

/// Reports delivery against the commitments of `record`.
///
/// # Errors
/// The committed proposal breaks the council's rules (paths under
/// `committed`), a year is outside the contract or given twice, a measure
/// is not the council's, a quantity is below zero, the thresholds are the
/// wrong way round, what was delivered breaks a rule a bid would, or a
/// year's income or spend is missing, below zero or breaks a bid's rules
/// for spend (see [`spend`]).
pub fn report(
    setup: &Setup,
    record: &DeliveryRecord,
    env: &Env<'_>,
) -> Result<DeliveryReport, DeliveryError> {
    let settings = setup.config.delivery;
    let p = &record.committed;
    let years = contract_years(p);
    check(setup, record, &years, settings)?;
    let committed = crate::calculate(setup, p, env).map_err(|e| under("committed", e.issues))?;
    let to = record
        .delivered
        .iter()
        .filter(|d| for_measures(d))
        .filter_map(|d| years.iter().position(|y| *y == d.year))
        .max();
    let upto = to.map_or(0, |i| i + 1);
    let plan = Plan::of(&committed, &years);
    let mut warnings = Vec::new();
    let delivered = plan.delivered(record, &years, &mut warnings);
    let to_date = crate::calculate(setup, &plan.proposal(p, &plan.truncated(upto)), env)
        .map_err(|e| under("committed", e.issues))?;
    let got = crate::calculate(setup, &plan.proposal(p, &delivered), env)
        .map_err(|e| under("delivered", e.issues))?;
    let basis = setup.config.scoring.basis;
    let value = |r: &Report| crate::scoring::basis_value(basis, &r.totals);
    let reported: Vec<(i32, &str)> = record
        .delivered
        .iter()
        .flat_map(|d| d.measures.iter().map(move |m| (d.year, m.measure.as_str())))
        .collect();
    let measures = lines(
        setup,
        &plan,
        &delivered,
        upto,
        [&to_date, &got],
        &reported,
        settings,
    );
    let (c, d) = (value(&to_date), value(&got));
    let whole = overall(d, c, &measures, settings);
    let lm3 = spend::lm3(
        setup,
        record,
        [&committed],
        (&years, upto),
        env,
        settings,
        &mut warnings,
    )?;
    Ok(DeliveryReport {
        contract: record.contract.clone(),
        bidder: p.bidder.clone(),
        council: setup.config.council.name.clone(),
        years: years.clone(),
        to_year: to.and_then(|i| years.get(i).copied()),
        basis,
        thresholds: settings,
        measures,
        committed_value: value(&committed),
        committed_to_date_value: c,
        delivered_value: d,
        percent: d.percent_of(c).map(|x| x.round_to(2)),
        status: whole,
        lm3,
        warnings,
    })
}

/// Whether a year's record makes its measures due: it gives quantities, or
/// nothing at all (a year recorded with nothing delivered). A year given
/// only for its income and spend does not.
fn for_measures(d: &DeliveredYear) -> bool {
    !d.measures.is_empty() || (d.income.is_none() && d.spend.is_none())
}

/// The issues of a proposal, their paths under `at`.
fn under(at: &str, issues: Vec<Issue>) -> DeliveryError {
    DeliveryError {
        issues: issues
            .into_iter()
            .map(|mut i| {
                i.path = if i.path.is_empty() {
                    at.to_string()
                } else {
                    format!("{at}.{}", i.path)
                };
                i
            })
            .collect(),
    }
}

/// The calendar years of the contract: a part year counts as a year.
fn contract_years(p: &Proposal) -> Vec<i32> {
    let n = p
        .contract
        .duration_years
        .ceil_int()
        .clamp(0, crate::issues::limits::YEARS);
    (0..n)
        .filter_map(|i| {
            i32::try_from(i)
                .ok()
                .and_then(|i| p.contract.start_year.checked_add(i))
        })
        .collect()
}

/// The thresholds' one rule, amber from 0 to green: what is wrong, if
/// anything.
fn thresholds_wrong(s: &DeliverySettings) -> Option<String> {
    (s.amber_percent > s.green_percent || s.amber_percent.is_negative()).then(|| {
        format!(
            "the council's amber threshold ({}%) must be from 0 to the green one ({}%)",
            s.amber_percent, s.green_percent
        )
    })
}

/// The council's thresholds, checked with its configuration (and again
/// with each record, since `Setup::config` can be changed after `prepare`).
pub(crate) fn check_settings(c: &mut crate::issues::Collector, s: &DeliverySettings) {
    c.non_negative("delivery.green_percent", s.green_percent);
    if let Some(why) = thresholds_wrong(s) {
        c.push("delivery.amber_percent", IssueCode::Inconsistent, why);
    }
}

/// The record's own rules: its version, its years, its measures, its
/// quantities and the council's thresholds.
fn check(
    setup: &Setup,
    record: &DeliveryRecord,
    years: &[i32],
    s: DeliverySettings,
) -> Result<(), DeliveryError> {
    let mut issues = Vec::new();
    let mut say = |path: String, code, text: String| issues.push(Issue::new(path, code, text));
    if record.schema_version != 1 {
        say(
            "schema_version".into(),
            IssueCode::OutOfRange,
            format!(
                "is {}; this version of Socval reads delivery records of version 1",
                record.schema_version
            ),
        );
    }
    if let Some(why) = thresholds_wrong(&s) {
        say(
            "delivery.amber_percent".into(),
            IssueCode::Inconsistent,
            why,
        );
    }
    spend::check(record, &mut say);
    // A record has a year at most for each year a contract may run, and a
    // year a line at most for each measure a framework may have: checked
    // first, so that what follows is short whatever the file holds.
    if record.delivered.len() > usize::try_from(limits::YEARS).unwrap_or(usize::MAX) {
        say(
            "delivered".into(),
            IssueCode::TooLarge,
            format!(
                "has {} years; a contract runs {} at most",
                record.delivered.len(),
                limits::YEARS
            ),
        );
        return Err(DeliveryError { issues });
    }
    if let Some((i, y)) = record
        .delivered
        .iter()
        .enumerate()
        .find(|(_, y)| y.measures.len() > limits::MEASURES)
    {
        say(
            format!("delivered[{i}].measures"),
            IssueCode::TooLarge,
            format!(
                "has {} lines; a year has at most one a measure ({} at most)",
                y.measures.len(),
                limits::MEASURES
            ),
        );
        return Err(DeliveryError { issues });
    }
    for (i, y) in record.delivered.iter().enumerate() {
        let at = format!("delivered[{i}]");
        let first = years.first().is_some_and(|f| *f == y.year);
        if !years.contains(&y.year) {
            let span = match (years.first(), years.last()) {
                (Some(a), Some(b)) => format!("{a} to {b}"),
                _ => "none".into(),
            };
            say(
                format!("{at}.year"),
                IssueCode::OutOfRange,
                format!("{} is not a year of the contract ({span})", y.year),
            );
        }
        if record.delivered.iter().take(i).any(|o| o.year == y.year) {
            say(
                format!("{at}.year"),
                IssueCode::Duplicate,
                format!("{} is given twice: give each year once", y.year),
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (j, m) in y.measures.iter().enumerate() {
            if setup.measure(&m.measure).is_none() {
                say(
                    format!("{at}.measures[{j}].measure"),
                    IssueCode::Unknown,
                    format!("\"{}\" is not one of the council's measures", m.measure),
                );
            }
            if !first
                && !m.quantity.is_negative()
                && m.quantity != Decimal::ZERO
                && setup.measure(&m.measure).is_some_and(|x| x.first_year_only)
            {
                say(
                    format!("{at}.measures[{j}].quantity"),
                    IssueCode::Inconsistent,
                    format!(
                        "\"{}\" counts each person once, in the contract's first year: record them in {}",
                        m.measure,
                        years.first().copied().unwrap_or(y.year)
                    ),
                );
            }
            if m.quantity.is_negative() {
                say(
                    format!("{at}.measures[{j}].quantity"),
                    IssueCode::Negative,
                    "must be zero or more".into(),
                );
            }
            if !seen.insert(m.measure.as_str()) {
                say(
                    format!("{at}.measures[{j}].measure"),
                    IssueCode::Duplicate,
                    format!(
                        "\"{}\" is given twice in {}: give a year's total once",
                        m.measure, y.year
                    ),
                );
            }
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(DeliveryError { issues })
    }
}

/// Each commitment's quantity in each contract year, as the bid's
/// calculation spread it.
struct Plan {
    /// For each commitment: its measure and its quantity by contract year.
    rows: Vec<(String, Vec<Decimal>)>,
    /// The contract's calendar years.
    years: Vec<i32>,
}

impl Plan {
    fn of(report: &Report, years: &[i32]) -> Plan {
        let mut rows: Vec<(String, Vec<Decimal>)> = Vec::new();
        for line in &report.measures {
            let by_year = years
                .iter()
                .map(|y| {
                    line.years
                        .iter()
                        .find(|l| l.year == *y)
                        .map_or(Decimal::ZERO, |l| l.quantity)
                })
                .collect();
            rows.push((line.measure.clone(), by_year));
        }
        Plan {
            rows,
            years: years.to_vec(),
        }
    }

    /// Each commitment's quantities for the first `upto` years only.
    fn truncated(&self, upto: usize) -> Vec<(String, Vec<Decimal>)> {
        self.rows
            .iter()
            .map(|(m, q)| (m.clone(), q.iter().take(upto).copied().collect()))
            .collect()
    }

    /// Each commitment's share of what its measure delivered, year by year;
    /// a measure delivered and never committed, as rows of its own.
    fn delivered(
        &self,
        record: &DeliveryRecord,
        years: &[i32],
        warnings: &mut Vec<Issue>,
    ) -> Vec<(String, Vec<Decimal>)> {
        let mut out: Vec<(String, Vec<Decimal>)> = self
            .rows
            .iter()
            .map(|(m, _)| (m.clone(), vec![Decimal::ZERO; years.len()]))
            .collect();
        for (i, y) in record.delivered.iter().enumerate() {
            let Some(t) = years.iter().position(|c| *c == y.year) else {
                continue;
            };
            for (j, d) in y.measures.iter().enumerate() {
                let mine: Vec<usize> = (0..self.rows.len())
                    .filter(|&r| self.rows.get(r).is_some_and(|(m, _)| *m == d.measure))
                    .collect();
                if mine.is_empty() {
                    warnings.push(Issue::new(format!("delivered[{i}].measures[{j}].measure"), IssueCode::Notice, format!("\"{}\" was delivered but not committed: it is counted as delivered, and has nothing to be measured against", d.measure)));
                    let mut q = vec![Decimal::ZERO; years.len()];
                    if let Some(slot) = q.get_mut(t) {
                        *slot = d.quantity;
                    }
                    match out
                        .iter_mut()
                        .skip(self.rows.len())
                        .find(|(m, _)| *m == d.measure)
                    {
                        Some((_, row)) => {
                            if let Some(slot) = row.get_mut(t) {
                                *slot = slot.saturating_add(d.quantity);
                            }
                        }
                        None => out.push((d.measure.clone(), q)),
                    }
                    continue;
                }
                self.share(&mine, t, d.quantity, &mut out);
            }
        }
        out
    }

    /// Shares `quantity` among the commitments `mine` in year `t`, in
    /// proportion to what each committed that year, the last taking what
    /// rounding leaves so that the shares add up exactly.
    fn share(
        &self,
        mine: &[usize],
        t: usize,
        quantity: Decimal,
        out: &mut [(String, Vec<Decimal>)],
    ) {
        let planned = |r: usize| {
            self.rows
                .get(r)
                .and_then(|(_, q)| q.get(t))
                .copied()
                .unwrap_or(Decimal::ZERO)
        };
        let total = mine
            .iter()
            .fold(Decimal::ZERO, |a, &r| a.saturating_add(planned(r)));
        let mut left = quantity;
        for (k, &r) in mine.iter().enumerate() {
            let part = if k + 1 == mine.len() {
                left
            } else if total == Decimal::ZERO {
                if k == 0 { quantity } else { Decimal::ZERO }
            } else {
                quantity
                    .checked_mul(planned(r))
                    .and_then(|x| x.checked_div(total))
                    .unwrap_or(Decimal::ZERO)
                    .min(left)
            };
            left = Decimal::from_micros(left.micros().saturating_sub(part.micros()));
            if let Some(slot) = out.get_mut(r).and_then(|(_, q)| q.get_mut(t)) {
                *slot = part;
            }
        }
    }

    /// The committed proposal with each commitment's quantities given year
    /// by year as `rows` says (and any rows past its commitments added).
    fn proposal(&self, p: &Proposal, rows: &[(String, Vec<Decimal>)]) -> Proposal {
        let mut out = p.clone();
        let mut commitments: Vec<Commitment> = p
            .commitments
            .iter()
            .zip(rows)
            .map(|(c, (_, q))| Commitment {
                quantity: None,
                per_year: false,
                profile: Some(if q.is_empty() {
                    vec![Decimal::ZERO]
                } else {
                    q.clone()
                }),
                ..c.clone()
            })
            .collect();
        commitments.extend(
            rows.iter()
                .skip(p.commitments.len())
                .map(|(m, q)| Commitment {
                    measure: m.clone(),
                    profile: Some(q.clone()),
                    ..Commitment::default()
                }),
        );
        out.commitments = commitments;
        out
    }
}

/// One line per measure, in the order measures first appear.
fn lines(
    setup: &Setup,
    plan: &Plan,
    delivered: &[(String, Vec<Decimal>)],
    upto: usize,
    [to_date, got]: [&Report; 2],
    reported: &[(i32, &str)],
    s: DeliverySettings,
) -> Vec<MeasureDelivery> {
    let basis = setup.config.scoring.basis;
    let mut ids: Vec<&str> = Vec::new();
    for (m, _) in delivered {
        if !ids.contains(&m.as_str()) {
            ids.push(m);
        }
    }
    let sum = |rows: &[(String, Vec<Decimal>)], id: &str, years: usize| -> Vec<Decimal> {
        let mut by = vec![Decimal::ZERO; years];
        for (_, q) in rows.iter().filter(|(m, _)| m == id) {
            for (slot, v) in by.iter_mut().zip(q) {
                *slot = slot.saturating_add(*v);
            }
        }
        by
    };
    let value = |r: &Report, id: &str| {
        r.measures
            .iter()
            .filter(|l| l.measure == id)
            .fold(Money::ZERO, |a, l| {
                a.saturating_add(crate::scoring::basis_value(basis, &l.totals))
            })
    };
    let n = delivered.first().map_or(0, |(_, q)| q.len());
    // Every id is the council's: `check` refused any other.
    ids.into_iter()
        .filter_map(|id| Some((id, setup.measure(id)?)))
        .map(|(id, m)| {
            let planned = sum(&plan.rows, id, n);
            let done = sum(delivered, id, n);
            let total = |v: &[Decimal], k: usize| {
                v.iter()
                    .take(k)
                    .fold(Decimal::ZERO, |a, x| a.saturating_add(*x))
            };
            let (c, d) = (total(&planned, upto), total(&done, n));
            let by_year = planned
                .iter()
                .zip(&done)
                .zip(&plan.years)
                .map(|((c, d), y)| YearDelivery {
                    year: *y,
                    committed: *c,
                    delivered: reported.contains(&(*y, id)).then_some(*d),
                })
                .collect();
            MeasureDelivery {
                measure: id.to_string(),
                title: m.title.clone(),
                unit: m.unit,
                committed: total(&planned, n),
                committed_to_date: c,
                delivered: d,
                by_year,
                percent: d
                    .checked_mul(Decimal::HUNDRED)
                    .and_then(|x| x.checked_div(c))
                    .map(|x| x.round_to(2)),
                status: status(d, c, s),
                committed_to_date_value: value(to_date, id),
                delivered_value: value(got, id),
            }
        })
        .collect()
}

/// The status of the whole: on value where value was committed to date;
/// where none was (the measures due are record-only, or counted nowhere),
/// the lowest status of the measures due; "not yet due" only where no
/// measure is.
fn overall(
    delivered: Money,
    committed: Money,
    measures: &[MeasureDelivery],
    s: DeliverySettings,
) -> Status {
    if committed != Money::ZERO {
        return status(delivered.to_decimal(), committed.to_decimal(), s);
    }
    let rank = |x: &Status| match x {
        Status::Red => 0,
        Status::Amber => 1,
        Status::Green => 2,
        Status::NotYetDue | Status::Incomplete => 3,
    };
    measures
        .iter()
        .map(|m| m.status)
        .min_by_key(rank)
        .unwrap_or(Status::NotYetDue)
}

/// The status of `delivered` against `committed` to date, decided on the
/// exact figures: delivered × 100 ≥ threshold × committed.
fn status(delivered: Decimal, committed: Decimal, s: DeliverySettings) -> Status {
    if committed == Decimal::ZERO {
        return Status::NotYetDue;
    }
    // delivered × 100 ≥ t × committed, in millionths, exactly.
    let at_least = |t: Decimal| {
        i128::from(delivered.micros()) * 100 * i128::from(crate::fixed::SCALE)
            >= i128::from(t.micros()) * i128::from(committed.micros())
    };
    if at_least(s.green_percent) {
        Status::Green
    } else if at_least(s.amber_percent) {
        Status::Amber
    } else {
        Status::Red
    }
}

/// The monitoring report as CSV ([`crate::csv`]'s rules): a row per measure,
/// then the whole on value, then (where spend is recorded) LM3 and the
/// local part of each pound, committed and delivered. Text columns: `measure`, `title`, `unit`,
/// `status`; the rest are numbers (empty where there is none).
pub fn csv(r: &DeliveryReport) -> String {
    use crate::csv::{EOL, header, text_cell};
    use std::fmt::Write;
    let mut s = header(&[
        "measure",
        "title",
        "unit",
        "committed",
        "committed_to_date",
        "delivered",
        "percent",
        "status",
        "committed_to_date_value",
        "delivered_value",
    ]);
    let pct = |p: Option<Decimal>| p.map_or(String::new(), |p| p.to_string());
    for m in &r.measures {
        let _ = write!(
            s,
            "{},{},{},{},{},{},{},{},{},{}{EOL}",
            text_cell(&m.measure),
            text_cell(&m.title),
            text_cell(m.unit.id()),
            m.committed,
            m.committed_to_date,
            m.delivered,
            pct(m.percent),
            text_cell(m.status.word()),
            Money::plain(m.committed_to_date_value),
            Money::plain(m.delivered_value),
        );
    }
    let _ = write!(
        s,
        "{},{},,,,,{},{},{},{}{EOL}",
        text_cell("total"),
        text_cell("Social value, all measures"),
        pct(r.percent),
        text_cell(r.status.word()),
        Money::plain(r.committed_to_date_value),
        Money::plain(r.delivered_value),
    );
    if let Some(l) = &r.lm3 {
        // LM3 itself, then the part of each pound beyond the first round,
        // on which its status is decided (see [`spend`]).
        use crate::lm3::shown;
        let rows = [
            (
                "lm3",
                "Local Multiplier 3 (LM3)",
                [l.committed_lm3, l.lm3],
                String::new(),
                String::new(),
            ),
            (
                "lm3_local_part",
                "Local share of each pound beyond the first round (LM3 less one)",
                [
                    l.committed_local_share_of_each_pound,
                    l.local_share_of_each_pound,
                ],
                pct(l.percent),
                text_cell(l.status.word()),
            ),
        ];
        for (id, title, [c, d], share, status) in rows {
            let (id, title, ratio, c, d) = (
                text_cell(id),
                text_cell(title),
                text_cell("ratio"),
                shown(c),
                shown(d),
            );
            // Committed and committed to date are one ratio.
            let _ = write!(
                s,
                "{id},{title},{ratio},{c},{c},{d},{share},{status},,{EOL}"
            );
        }
    }
    s
}
