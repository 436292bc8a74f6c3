//! LM3 as delivered: how much of each pound the contract brought in stayed
//! in the local area, from the income and spend recorded year by year, set
//! against what the awarded proposal committed.
//!
//! Source: Local Multiplier 3 as [`crate::lm3`] works it out (Justin Sacks,
//! *The Money Trail*, New Economics Foundation, 2002): LM3 = (R1 + R2 + R3)
//! ÷ R1. Only what is counted differs.
//!
//! **Round 1 as delivered** is the contract income recorded for the years
//! whose spend is recorded (`delivered[].income`, what the council paid in
//! the year), not the contract value: LM3 traces the income the supplier
//! actually received.
//!
//! **Rounds 2 and 3** are each recorded year's staff wages and supplier
//! spend (`delivered[].spend`, given as a proposal gives its spend, for the
//! year alone), placed and re-spent by the same rules as the bid's: the
//! council's local area, its re-spend rates, a surveyed rate where one is
//! given, totals only where the council allows them. Each year is counted as
//! the bid is, line by line, and the years added up: round 3 is rounded to
//! the penny line by line either way, so adding years changes nothing.
//!
//! **Income and spend go together.** A year gives both or neither (an empty
//! `spend`, `{}`, where nothing was spent): income alone would lower LM3 by
//! spend never recorded, spend alone would have nothing to be a share of.
//! Over the years counted, spend may not exceed income, so that round 2
//! cannot exceed round 1 and LM3 stays between 1 and 3 as the bid's does.
//! A single year's spend may exceed that year's income (payment comes in
//! arrears).
//!
//! **Against what was committed.** LM3 is a ratio, so the committed figure
//! is the awarded proposal's, over the whole contract: no share of its spend
//! has to be assumed for the years to date. The status is decided on the
//! part of each pound that reaches the local area beyond the first round,
//! (R2 + R3) ÷ R1 (LM3 less one): delivered as a share of committed, on the
//! exact amounts, against the council's thresholds as the measures are
//! (`delivery.green_percent`, `delivery.amber_percent`). On LM3 itself a
//! supplier that spent nothing locally against a committed 1.60 would still
//! show 1 ÷ 1.60 = 62.5% of it; on the local part it shows 0%. Where the
//! proposal committed no local spend there is nothing to measure against
//! ("not yet due"). This choice is Socval's, from no published standard.
//!
//! **Every year to date, or no judgement.** A status needs the income and
//! spend of every contract year up to the last year recorded (for its
//! measures or its spend): a supplier could otherwise give only its best
//! years. Where some are missing, the years given are still counted and
//! shown, the status is "incomplete", and a notice names the years missing.

use serde::Serialize;

use super::{DeliveredYear, DeliveryError, DeliveryRecord, DeliverySettings, Status, under};
use crate::fixed::{Decimal, Money, SCALE};
use crate::issues::{Issue, IssueCode};
use crate::report::Report;
use crate::{Env, Setup};

/// LM3 as delivered, against LM3 as committed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Lm3Delivery {
    /// The years whose income and spend are counted.
    pub years: Vec<i32>,
    /// The contract years to date that give no income and spend: while any
    /// is missing, LM3 as delivered is not judged ("incomplete").
    pub missing_years: Vec<i32>,
    /// LM3 the awarded proposal committed to, over the whole contract, four
    /// places.
    pub committed_lm3: Decimal,
    /// The part of each pound it committed to reach the local area,
    /// (R2 + R3) ÷ R1, four places.
    pub committed_local_share_of_each_pound: Decimal,
    /// Round 1 as delivered: the income recorded for those years.
    pub round1: Money,
    /// Round 2: local staff wages and local supplier spend recorded.
    pub round2: Money,
    /// Round 3: what those local recipients re-spend locally (central or
    /// surveyed rates).
    pub round3: Money,
    /// Local staff wages recorded.
    pub local_staff: Money,
    /// Local supplier spend recorded.
    pub local_suppliers: Money,
    /// Spend in the council's priority areas outside the local area (part of
    /// `not_local_spend`).
    pub priority_spend: Money,
    /// Spend outside the local area.
    pub not_local_spend: Money,
    /// All staff and supplier spend recorded.
    pub total_spend: Money,
    /// Spend with SMEs recorded.
    pub sme_spend: Money,
    /// Spend with VCSEs and social enterprises recorded.
    pub vcse_spend: Money,
    /// (R1 + R2 + R3) ÷ R1, four places.
    pub lm3: Decimal,
    /// (R2 + R3) ÷ R1, four places.
    pub local_share_of_each_pound: Decimal,
    /// The delivered local part of each pound as a share of the committed
    /// one, percent, two places; none where none was committed, no income
    /// was recorded, or a year to date is missing.
    pub percent: Option<Decimal>,
    /// Its status, on the exact amounts.
    pub status: Status,
}

/// The years that give income and spend, in the record's order.
fn counted(record: &DeliveryRecord) -> impl Iterator<Item = (usize, &DeliveredYear, Money)> {
    record
        .delivered
        .iter()
        .enumerate()
        .filter_map(|(i, y)| Some((i, y, y.income?)).filter(|_| y.spend.is_some()))
}

/// The record's rules for income and spend: each with the other, income
/// zero or more.
pub(super) fn check(record: &DeliveryRecord, say: &mut impl FnMut(String, IssueCode, String)) {
    for (i, y) in record.delivered.iter().enumerate() {
        let at = format!("delivered[{i}]");
        match (y.income, &y.spend) {
            (None, Some(_)) => say(
                format!("{at}.income"),
                IssueCode::Required,
                format!(
                    "must be given with {}'s spend: it is LM3's first round, the income the contract brought in",
                    y.year
                ),
            ),
            (Some(_), None) => say(
                format!("{at}.spend"),
                IssueCode::Required,
                format!(
                    "must be given with {}'s income (an empty spend, {{}}, where nothing was spent): income alone would lower LM3 by spend never recorded",
                    y.year
                ),
            ),
            _ => {}
        }
        if y.income.is_some_and(|m| m.pence() < 0) {
            say(
                format!("{at}.income"),
                IssueCode::Negative,
                "must be zero or more".into(),
            );
        }
    }
}

/// LM3 as delivered, or none where no year gives its spend.
///
/// # Errors
/// A year's spend breaks a rule a bid's would (paths under
/// `delivered[i]`), or the spend recorded exceeds the income recorded.
/// `contract` is the contract's years and how many of them are to date for
/// the measures; a notice naming the years missing goes to `warnings`.
pub(super) fn lm3(
    setup: &Setup,
    record: &DeliveryRecord,
    [committed]: [&Report; 1],
    (contract, upto): (&[i32], usize),
    env: &Env<'_>,
    s: DeliverySettings,
    warnings: &mut Vec<Issue>,
) -> Result<Option<Lm3Delivery>, DeliveryError> {
    let mut years = Vec::new();
    let mut issues = Vec::new();
    let mut sum = Sums::default();
    for (i, y, income) in counted(record) {
        // The year's spend on the awarded proposal, so that every rule but
        // the spend's is met as the award met it; round 1 is ours to count.
        let mut p = record.committed.clone();
        p.spend = y.spend.clone().unwrap_or_default();
        match crate::calculate(setup, &p, env) {
            Ok(r) => sum.add(income, &r),
            Err(e) => issues.extend(under(&format!("delivered[{i}]"), e.issues).issues),
        }
        years.push(y.year);
    }
    if !issues.is_empty() {
        return Err(DeliveryError { issues });
    }
    if years.is_empty() {
        return Ok(None);
    }
    if sum.total > sum.r1 {
        return Err(one(
            "delivered",
            IssueCode::Inconsistent,
            format!(
                "records staff wages and supplier spend of {} in all, more than the {} of income recorded for the same years; LM3 measures how the contract's own income is spent",
                sum.total, sum.r1
            ),
        ));
    }
    let c = &committed.lm3.figures;
    let reaching = |r2: Money, r3: Money| r2.saturating_add(r3);
    let (dd, dc) = (reaching(sum.r2, sum.r3), reaching(c.round2, c.round3));
    let compared = Compared {
        delivered: dd,
        income: sum.r1,
        committed: dc,
        committed_income: c.round1,
    };
    let missing = missing(contract, upto, &years);
    let (status, percent) = if missing.is_empty() {
        let status = compared.status(s).ok_or_else(too_large)?;
        let percent = compared.percent().ok_or_else(too_large)?;
        (status, percent.map(|p| p.round_to(2)))
    } else {
        warnings.push(Issue::new(
            "delivered",
            IssueCode::Notice,
            format!(
                "LM3 as delivered counts {} only: {} give{} no income and spend, so it is not judged against what was committed until every year to date does",
                listed(&years),
                listed(&missing),
                if missing.len() == 1 { "s" } else { "" }
            ),
        ));
        (Status::Incomplete, None)
    };
    Ok(Some(Lm3Delivery {
        years,
        missing_years: missing,
        committed_lm3: c.lm3,
        committed_local_share_of_each_pound: c.local_share_of_each_pound,
        round1: sum.r1,
        round2: sum.r2,
        round3: sum.r3,
        local_staff: sum.local_staff,
        local_suppliers: sum.local_suppliers,
        priority_spend: sum.priority,
        not_local_spend: sum.not_local,
        total_spend: sum.total,
        sme_spend: sum.sme,
        vcse_spend: sum.vcse,
        lm3: crate::lm3::ratio4(sum.r1.saturating_add(dd), sum.r1),
        local_share_of_each_pound: dd.ratio(sum.r1).map_or(Decimal::ZERO, |r| r.round_to(4)),
        percent,
        status,
    }))
}

/// The contract years to date, for the measures or for spend, that give no
/// income and spend.
fn missing(contract: &[i32], upto: usize, counted: &[i32]) -> Vec<i32> {
    let last = contract
        .iter()
        .rposition(|y| counted.contains(y))
        .map_or(upto, |i| upto.max(i + 1));
    contract
        .iter()
        .take(last)
        .filter(|y| !counted.contains(y))
        .copied()
        .collect()
}

/// Years in words: 2027, 2028 and 2029.
fn listed(years: &[i32]) -> String {
    let words: Vec<String> = years.iter().map(i32::to_string).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => words.concat(),
    }
}

fn one(path: &str, code: IssueCode, text: String) -> DeliveryError {
    DeliveryError {
        issues: vec![Issue::new(path, code, text)],
    }
}

fn too_large() -> DeliveryError {
    one(
        "delivered",
        IssueCode::TooLarge,
        "records income and spend too large to compare with what was committed".into(),
    )
}

/// The recorded years' figures, added up.
#[derive(Default)]
struct Sums {
    r1: Money,
    r2: Money,
    r3: Money,
    local_staff: Money,
    local_suppliers: Money,
    priority: Money,
    not_local: Money,
    total: Money,
    sme: Money,
    vcse: Money,
}

impl Sums {
    fn add(&mut self, income: Money, r: &Report) {
        let f = &r.lm3.figures;
        let pairs = [
            (&mut self.r1, income),
            (&mut self.r2, f.round2),
            (&mut self.r3, f.round3),
            (&mut self.local_staff, f.local_staff),
            (&mut self.local_suppliers, f.local_suppliers),
            (&mut self.priority, f.priority_spend),
            (&mut self.not_local, f.not_local_spend),
            (&mut self.total, f.total_spend),
            (&mut self.sme, f.sme_spend),
            (&mut self.vcse, f.vcse_spend),
        ];
        for (slot, m) in pairs {
            *slot = slot.saturating_add(m);
        }
    }
}

/// Two shares of a pound, `delivered ÷ income` against `committed ÷
/// committed_income`, compared on the exact amounts.
struct Compared {
    delivered: Money,
    income: Money,
    committed: Money,
    committed_income: Money,
}

impl Compared {
    /// delivered × committed_income × 100 × SCALE and committed × income:
    /// the two sides of every comparison; none if too large for 128 bits.
    fn sides(&self) -> Option<(i128, i128)> {
        let lhs = i128::from(self.delivered.pence())
            .checked_mul(i128::from(self.committed_income.pence()))?
            .checked_mul(100 * i128::from(SCALE))?;
        let rhs =
            i128::from(self.committed.pence()).checked_mul(i128::from(self.income.pence()))?;
        Some((lhs, rhs))
    }

    /// Whether there is a share on each side: a local part committed, and
    /// income received (with none, no pound has yet been spent).
    fn comparable(&self) -> bool {
        self.committed.pence() > 0 && self.committed_income.pence() > 0 && self.income.pence() > 0
    }

    /// Green, amber or red; "not yet due" where no local part was committed
    /// or no income recorded.
    /// None if too large to compare.
    fn status(&self, s: DeliverySettings) -> Option<Status> {
        if !self.comparable() {
            return Some(Status::NotYetDue);
        }
        let (lhs, rhs) = self.sides()?;
        // lhs ≥ t × rhs exactly, for a whole number of millionths t and
        // rhs > 0, as ⌊lhs ÷ rhs⌋ ≥ t: no product to overflow.
        let q = lhs / rhs;
        let at_least = |t: Decimal| Some(q >= i128::from(t.micros()));
        Some(if at_least(s.green_percent)? {
            Status::Green
        } else if at_least(s.amber_percent)? {
            Status::Amber
        } else {
            Status::Red
        })
    }

    /// The delivered share as a percentage of the committed one, six places
    /// (saturating, so an absurd figure reads as absurdly large); `Some(None)`
    /// where there is none, `None` if too large to work out.
    fn percent(&self) -> Option<Option<Decimal>> {
        if !self.comparable() {
            return Some(None);
        }
        let (lhs, rhs) = self.sides()?;
        let q = crate::fixed::div_round(lhs, rhs);
        Some(Some(Decimal::from_micros(
            i64::try_from(q).unwrap_or(i64::MAX),
        )))
    }
}
