//! Checking a proposal against a council's setup. Checking also resolves
//! what the calculation needs (per-year quantities, adjustments, where each
//! postcode lies), so nothing is parsed twice.

use crate::Env;
use crate::adjustments::Resolved;
use crate::config::{Priority, ScoringMethod};
use crate::fixed::{Decimal, Money};
use crate::framework::{Measure, Unit};
use crate::issues::{Collector, IssueCode, Path, ProposalError, Warnings, limits};
use crate::local_area::{AreaError, Located, Place};
use crate::message::{AreaName, Msg, count};
use crate::outcodes::OutcodeTable;
use crate::postcode::Postcode;
use crate::proposal::{PROPOSAL_SCHEMA_VERSION, Proposal};
use crate::recorded::Reason;
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
    /// The index of `measure` among the offered measures.
    pub(crate) measure_index: usize,
    /// Where its quantity for each contract year starts in [`Checked::quantities`].
    pub(crate) first_year: usize,
    pub(crate) total: Decimal,
    pub(crate) adjustments: Resolved,
    /// The value of one unit in the framework's price year; none for a
    /// record-only measure.
    pub(crate) value: Option<Decimal>,
    /// For a value that follows a published series year by year (carbon),
    /// its value in each year from the contract's first, in the framework's
    /// price year; empty otherwise.
    pub(crate) by_year: Vec<Decimal>,
    /// Why it adds nothing though its measure has a value: delivered
    /// outside the local area, no delivery place, or double counted.
    pub(crate) excluded: Option<Reason>,
}

/// Where a postcode lies, as an index rather than a name: see [`Place`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placed {
    Local,
    /// In the council's priority area with this index.
    Priority(usize),
    NotLocal,
}

impl Placed {
    /// The place as reported, with the priority area's name.
    pub(crate) fn to_place(self, setup: &Setup) -> Place {
        match self {
            Placed::Local => Place::Local,
            Placed::Priority(i) => Place::Priority(
                setup
                    .config
                    .priority_areas
                    .get(i)
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
            ),
            Placed::NotLocal => Place::NotLocal,
        }
    }
}

/// A spend line ready for LM3.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CheckedSpend {
    pub(crate) postcode: Postcode,
    pub(crate) place: Placed,
}

/// A proposal that passed every check.
#[derive(Clone, Debug)]
pub(crate) struct Checked<'s> {
    pub(crate) years: usize,
    /// Every commitment's quantity per contract year, `years` entries each,
    /// in one list rather than one allocation per commitment.
    pub(crate) quantities: Vec<Decimal>,
    pub(crate) commitments: Vec<CheckedCommitment<'s>>,
    pub(crate) staff: Vec<CheckedSpend>,
    pub(crate) suppliers: Vec<CheckedSpend>,
    /// Where the bidder itself is, when it gave a postcode.
    pub(crate) bidder: Option<Placed>,
    /// Grouped as they are found; [`Warnings::finish`] gives them.
    pub(crate) warnings: Warnings,
}

impl Checked<'_> {
    /// The quantity delivered in each contract year.
    pub(crate) fn per_year(&self, c: &CheckedCommitment<'_>) -> &[Decimal] {
        self.quantities
            .get(c.first_year..c.first_year.saturating_add(self.years))
            .unwrap_or_default()
    }
}

/// Checks a proposal; all errors at once, or what the calculation needs.
pub(crate) fn check<'s>(
    setup: &'s Setup,
    p: &Proposal,
    env: &Env<'_>,
) -> Result<Checked<'s>, ProposalError> {
    let mut c = Collector::default();
    let mut w = Warnings::default();
    let fw = &setup.framework;

    if p.schema_version != PROPOSAL_SCHEMA_VERSION {
        c.push(
            "schema_version",
            IssueCode::OutOfRange,
            Msg::schema_version(i64::from(PROPOSAL_SCHEMA_VERSION)),
        );
    }
    if p.framework.id != fw.id || p.framework.version != fw.version {
        c.push(
            "framework",
            IssueCode::WrongFramework,
            Msg::wrong_framework(
                p.framework.id.clone(),
                p.framework.version.clone(),
                fw.id.clone(),
                fw.version.clone(),
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
            Msg::contract_value(),
        );
    }
    let duration_ok = duration_is_valid(k.duration_years);
    if !duration_ok {
        c.push(
            "contract.duration_years",
            IssueCode::OutOfRange,
            Msg::duration(limits::YEARS),
        );
    }
    if !(1990..=2200).contains(&k.start_year) {
        c.push(
            "contract.start_year",
            IssueCode::OutOfRange,
            Msg::year(1990, 2200),
        );
    } else if k.start_year < env.today.year {
        w.push(
            "contract.start_year",
            IssueCode::Notice,
            Msg::past_start(i64::from(k.start_year)),
        );
    }
    let bidder = bidder_place(&mut c, setup, env, &k.supplier_postcode);
    let years = if duration_ok {
        usize::try_from(k.duration_years.ceil_int()).unwrap_or(1)
    } else {
        1
    };
    let weights = year_weights(k.duration_years, years);

    // Commitments.
    let mut commitments = Vec::new();
    let mut all_quantities = Vec::new();
    let list = Path::Root("commitments");
    if c.list_len(list, p.commitments.len(), limits::COMMITMENTS) {
        commitments.reserve(p.commitments.len());
        all_quantities.reserve(p.commitments.len().saturating_mul(years));
        for (i, cm) in p.commitments.iter().enumerate() {
            let path = list.item(i);
            c.text(path.field("note"), &cm.note, limits::LONG_TEXT, false);
            let Some((measure_index, measure)) = setup
                .measure_index(&cm.measure)
                .and_then(|mi| Some((mi, fw.measures.get(mi)?)))
            else {
                let why = if setup.is_framework_measure(&cm.measure) {
                    Msg::not_offered(cm.measure.clone())
                } else if cm.measure.trim().is_empty() {
                    Msg::no_measure()
                } else {
                    Msg::unknown_measure(cm.measure.clone(), fw.id.clone())
                };
                c.push(path.field("measure"), IssueCode::Unknown, why);
                continue;
            };
            let first_year = all_quantities.len();
            if !quantities(
                &mut c,
                path,
                cm,
                k.duration_years,
                &weights,
                &mut all_quantities,
            ) {
                all_quantities.truncate(first_year);
                continue;
            }
            let Some(total) = total_quantity(
                &mut c,
                path,
                all_quantities.get(first_year..).unwrap_or_default(),
            ) else {
                all_quantities.truncate(first_year);
                continue;
            };
            sharing(&mut c, path, cm);
            if measure.first_year_only {
                crate::rules::check_first_year(&mut c, path, cm);
            }
            let mut excluded = None;
            if measure.local_only && cm.postcode.trim().is_empty() {
                // Where it is delivered is unknown, so it cannot be shown to
                // be local: recorded, not counted, until the place is given.
                excluded = Some(Reason::NoDeliveryPlace);
                w.push_with(path.field("postcode"), IssueCode::Notice, || {
                    Msg::local_needs_postcode(
                        measure.id.clone(),
                        measure.title.clone(),
                        area_name(setup),
                    )
                });
            } else if !cm.postcode.trim().is_empty() {
                match Postcode::parse(&cm.postcode) {
                    Err(_) => c.push(
                        path.field("postcode"),
                        IssueCode::Postcode,
                        Msg::not_postcode(),
                    ),
                    Ok(pc) => {
                        if measure.local_only {
                            match place(setup, &pc, env.outcodes) {
                                Ok(Placed::Local) => {}
                                // A priority area lies outside the local
                                // area: the same rule as LM3's.
                                Ok(_) => {
                                    excluded = Some(Reason::OutsideLocalArea);
                                    w.push_with(path.field("postcode"), IssueCode::Notice, || {
                                        Msg::outside_area(
                                            pc.written(),
                                            measure.id.clone(),
                                            measure.title.clone(),
                                            area_name(setup),
                                        )
                                    });
                                }
                                Err(e) => c.push(
                                    path.field("postcode"),
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
                    w.push_with(path.field("quantity"), IssueCode::Implausible, || {
                        Msg::costly_jobs(total, min_cost.unwrap_or_default(), k.value)
                    });
                }
            }
            let adjustments = if setup.config.adjustments.enabled {
                measure.adjustments.resolve()
            } else {
                Resolved::NONE
            }
            .shared(cm.attribution_percent, cm.shared_by);
            let by_year = series_values(setup, measure, k.start_year, env.today.year, years);
            value_bound(
                &mut c,
                path,
                measure,
                setup.value(measure_index),
                &by_year,
                total,
                adjustments.benefit_years,
            );
            commitments.push(CheckedCommitment {
                index: i,
                measure,
                measure_index,
                value: setup.value(measure_index),
                by_year,
                first_year,
                total,
                adjustments,
                excluded,
            });
        }
    }
    crate::double_counting::check(&mut c, &mut w, setup, &commitments);
    theme_coverage(&mut w, setup, &commitments);
    crate::rules::check_proposal(&mut w, setup, p, &commitments);

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
        Path::Root("spend.staff"),
        p.spend.staff.len(),
        staff_lines,
    );
    let (suppliers, supplier_total) = spend_lines(
        &mut c,
        setup,
        env,
        Path::Root("spend.suppliers"),
        p.spend.suppliers.len(),
        supplier_lines,
    );
    let quick = spend_totals(&mut c, setup, p);
    let spend_total = staff_total
        .saturating_add(supplier_total)
        .saturating_add(quick);
    if k.value.pence() > 0 && spend_total > k.value {
        c.push(
            "spend",
            IssueCode::Inconsistent,
            Msg::spend_over_value(spend_total, k.value),
        );
    }

    self_assessment(&mut c, &mut w, setup, p);

    let today = env.today.year;
    if today - i32::from(fw.price_year) >= 3 {
        w.push(
            "",
            IssueCode::Notice,
            Msg::old_prices(i64::from(fw.price_year), i64::from(today)),
        );
    }

    if c.issues.is_empty() {
        Ok(Checked {
            years,
            quantities: all_quantities,
            commitments,
            staff,
            suppliers,
            bidder,
            warnings: w,
        })
    } else {
        Err(ProposalError { issues: c.issues })
    }
}

/// Whether a contract length is one Socval works with: more than 0 and at
/// most [`limits::YEARS`] years.
fn duration_is_valid(d: Decimal) -> bool {
    d > Decimal::ZERO && d <= Decimal::from_int(limits::YEARS)
}

/// The share of each contract year the contract runs for: 1 for whole years,
/// the fraction for a last part-year (2.5 years → [1, 1, 0.5]).
pub(crate) fn year_weights(duration: Decimal, years: usize) -> Vec<Decimal> {
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

/// Appends the quantity delivered in each contract year to `out`; false if
/// the commitment has errors (what was appended is then to be dropped).
fn quantities(
    c: &mut Collector,
    path: Path<'_>,
    cm: &crate::proposal::Commitment,
    duration: Decimal,
    weights: &[Decimal],
    out: &mut Vec<Decimal>,
) -> bool {
    let before = c.issues.len();
    let years = weights.len();
    if let Some(q) = cm.quantity {
        c.non_negative(path.field("quantity"), q);
    }
    match (&cm.profile, cm.quantity) {
        (Some(profile), q) => {
            if cm.per_year {
                c.push(
                    path.field("per_year"),
                    IssueCode::Inconsistent,
                    Msg::per_year_with_profile(),
                );
            }
            if profile.is_empty() {
                c.push(
                    path.field("profile"),
                    IssueCode::Required,
                    Msg::empty_profile(),
                );
            }
            // With no valid duration the error is on the duration alone.
            if profile.len() > years && duration_is_valid(duration) {
                c.push(
                    path.field("profile"),
                    IssueCode::TooLarge,
                    Msg::long_profile(count(profile.len()), count(years)),
                );
            }
            let field = path.field("profile");
            for (y, v) in profile.iter().enumerate() {
                c.non_negative(field.item(y), *v);
            }
            let sum = profile
                .iter()
                .fold(Decimal::ZERO, |a, v| a.saturating_add(*v));
            if let Some(q) = q {
                if q != sum {
                    c.push(
                        path.field("quantity"),
                        IssueCode::Inconsistent,
                        Msg::profile_sum(q, sum),
                    );
                }
            }
            out.extend(profile.iter().take(years).copied());
            out.extend(std::iter::repeat_n(
                Decimal::ZERO,
                years.saturating_sub(profile.len()),
            ));
        }
        (None, Some(q)) if cm.per_year => out.extend(
            weights
                .iter()
                .map(|w| q.checked_mul(*w).unwrap_or(Decimal::ZERO)),
        ),
        (None, Some(q)) => spread(q, duration, weights, out),
        (None, None) => {
            c.push(
                path.field("quantity"),
                IssueCode::Required,
                Msg::no_quantity(),
            );
        }
    }
    c.issues.len() == before
}

/// The largest gross value one commitment may have, in pounds: one trillion,
/// the input limit. With at most [`limits::COMMITMENTS`] commitments every
/// total then fits; the calculation checks the sums all the same.
const MAX_COMMITMENT_VALUE: i128 = crate::fixed::MAX_INPUT as i128;

/// The commitment's quantity over the contract, or an error naming the field
/// when it is too large to hold (never a saturated or wrapped figure).
fn total_quantity(c: &mut Collector, path: Path<'_>, years: &[Decimal]) -> Option<Decimal> {
    let sum: i128 = years.iter().map(|q| i128::from(q.micros())).sum();
    if sum > i128::from(crate::fixed::MAX_INPUT) * i128::from(crate::fixed::SCALE) {
        c.push(
            path.field("quantity"),
            IssueCode::TooLarge,
            Msg::huge_quantity(),
        );
        return None;
    }
    i64::try_from(sum).ok().map(Decimal::from_micros)
}

/// Refuses a commitment whose gross value would be beyond what Socval counts,
/// naming its quantity, rather than letting a total overflow.
fn value_bound(
    c: &mut Collector,
    path: Path<'_>,
    m: &Measure,
    value: Option<Decimal>,
    by_year: &[Decimal],
    total: Decimal,
    lasting: u8,
) {
    let Some(value) = value else { return };
    // A series may rise above the headline value in later years.
    let value = by_year.iter().copied().fold(value, Decimal::max);
    let scale = i128::from(crate::fixed::SCALE);
    let gross = i128::from(total.micros()) * i128::from(value.micros()) / scale
        * i128::from(lasting.max(1));
    if gross > MAX_COMMITMENT_VALUE * scale {
        c.push(
            path.field("quantity"),
            IssueCode::TooLarge,
            Msg::huge_value(Money::from_decimal(value), m.unit.label(true).to_string()),
        );
    }
}

/// A series value for each year the commitment's value can arise in (see
/// [`crate::growth`]), converted to the framework's price year.
///
/// The series is read from the contract's start year, but from no later
/// than next year: the start year is typed by the supplier, and a later one
/// must not buy a higher year's value (the base year moves with it, so
/// discounting would not take it back).
fn series_values(setup: &Setup, m: &Measure, start: i32, today: i32, years: usize) -> Vec<Decimal> {
    let start = start.min(today.saturating_add(1));
    let Some(crate::growth::Growth::CarbonDesnz2023) = m.proxy.as_ref().and_then(|p| p.growth)
    else {
        return Vec::new();
    };
    let Some(series) = &setup.carbon else {
        return Vec::new();
    };
    let horizon = years + usize::from(m.adjustments.benefit_years.unwrap_or(1).max(1)) - 1;
    (0..horizon)
        .map_while(|t| series.at(start.saturating_add(i32::try_from(t).ok()?)))
        .collect()
}

/// Checks how a commitment says it is shared: a percentage owed to partners
/// or the number of projects sharing it, not both.
fn sharing(c: &mut Collector, path: Path<'_>, cm: &crate::proposal::Commitment) {
    if let Some(a) = cm.attribution_percent {
        c.percent(path.field("attribution_percent"), a);
    }
    if let Some(n) = cm.shared_by {
        if !(1..=1000).contains(&n) {
            c.push(
                path.field("shared_by"),
                IssueCode::OutOfRange,
                Msg::shared_by(),
            );
        } else if cm.attribution_percent.is_some() {
            c.push(
                path.field("shared_by"),
                IssueCode::Inconsistent,
                Msg::shared_twice(),
            );
        }
    }
}

/// Spreads a whole-contract quantity over the years in proportion to the time
/// in each; the last year takes the remainder so the years add up exactly.
fn spread(q: Decimal, duration: Decimal, weights: &[Decimal], out: &mut Vec<Decimal>) {
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
}

/// Checks the quicker way of giving spend (a total and a local share, see
/// [`crate::proposal::SpendTotal`]); returns what the totals add up to.
fn spend_totals(c: &mut Collector, setup: &Setup, p: &Proposal) -> Money {
    let mut sum = Money::ZERO;
    let both = [
        (
            "spend.staff_total",
            &p.spend.staff_total,
            p.spend.staff.len(),
            "staff",
        ),
        (
            "spend.suppliers_total",
            &p.spend.suppliers_total,
            p.spend.suppliers.len(),
            "suppliers",
        ),
    ];
    for (name, total, lines, list) in both {
        let Some(t) = total else { continue };
        let path = Path::Root(name);
        if !setup.config.lm3.totals_allowed {
            c.push(path, IssueCode::Inconsistent, Msg::totals_not_allowed());
        }
        if lines > 0 {
            c.push(
                path,
                IssueCode::Inconsistent,
                Msg::lines_and_total(list.into()),
            );
        }
        if t.amount.pence() < 0 {
            c.push(
                path.field("amount"),
                IssueCode::Negative,
                Msg::negative_money(),
            );
        }
        c.percent(path.field("local_percent"), t.local_percent);
        sum = sum.saturating_add(t.amount);
    }
    sum
}

/// Checks one list of spend lines: each line's name, amount, rate and place.
fn spend_lines<'a>(
    c: &mut Collector,
    setup: &Setup,
    env: &Env<'_>,
    list: Path<'_>,
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
        let path = list.item(i);
        c.text(path.field(label_field), label, limits::SHORT_TEXT, false);
        total = total.saturating_add(amount);
        if let Some(s) = spend_line(c, setup, env, path, postcode, amount, respend) {
            out.push(s);
        }
    }
    (out, total)
}

fn spend_line(
    c: &mut Collector,
    setup: &Setup,
    env: &Env<'_>,
    path: Path<'_>,
    postcode: &str,
    amount: Money,
    respend: Option<Decimal>,
) -> Option<CheckedSpend> {
    let before = c.issues.len();
    if amount.pence() < 0 {
        c.push(
            path.field("amount"),
            IssueCode::Negative,
            Msg::negative_money(),
        );
    }
    if let Some(r) = respend {
        c.percent(path.field("respend_percent"), r);
    }
    let placed = match Postcode::parse(postcode) {
        Err(_) => {
            c.push(
                path.field("postcode"),
                IssueCode::Postcode,
                Msg::not_postcode(),
            );
            None
        }
        Ok(pc) => match place(setup, &pc, env.outcodes) {
            Ok(p) => Some(CheckedSpend {
                postcode: pc,
                place: p,
            }),
            Err(e) => {
                c.push(path.field("postcode"), IssueCode::Postcode, area_error(&e));
                None
            }
        },
    };
    placed.filter(|_| c.issues.len() == before)
}

/// Where the bidder is: checked by the same rule as a spend line's postcode
/// (an outward code the table does not know is an error in both).
fn bidder_place(c: &mut Collector, setup: &Setup, env: &Env<'_>, postcode: &str) -> Option<Placed> {
    if postcode.trim().is_empty() {
        return None;
    }
    let path = "contract.supplier_postcode";
    match Postcode::parse(postcode) {
        Err(_) => {
            c.push(path, IssueCode::Postcode, Msg::not_postcode());
            None
        }
        Ok(pc) => match place(setup, &pc, env.outcodes) {
            Ok(p) => Some(p),
            Err(e) => {
                c.push(path, IssueCode::Postcode, area_error(&e));
                None
            }
        },
    }
}

/// Whether a postcode's placement by district is uncertain: the council's
/// areas use district codes, and its outward code (by which it is placed,
/// after its majority district) straddles a district boundary. Gives the
/// share of the outward code's postcodes in that district.
pub(crate) fn uncertainty(
    setup: &Setup,
    pc: &Postcode,
    table: Option<&OutcodeTable>,
) -> Option<u8> {
    let cfg = &setup.config;
    let by_district = !cfg.local_area.districts.is_empty()
        || cfg.priority_areas.iter().any(|a| !a.districts.is_empty());
    let share = table?.get(pc.outward())?.district_share;
    (by_district && share < 100).then_some(share)
}

/// Where a postcode lies: local, in a priority area, or neither.
/// When the table is at hand, an outward code it does not know is an error
/// even if the council's rules would not need it.
pub(crate) fn place(
    setup: &Setup,
    pc: &Postcode,
    table: Option<&OutcodeTable>,
) -> Result<Placed, AreaError> {
    let found = table.and_then(|t| t.get(pc.outward()));
    if table.is_some() && found.is_none() {
        return Err(AreaError::UnknownOutcode(pc.outward().to_string()));
    }
    let at = Located::new(pc, found);
    if setup.config.local_area.contains_at(&at, table)? {
        return Ok(Placed::Local);
    }
    for (i, area) in setup.config.priority_areas.iter().enumerate() {
        if area.contains_at(&at, table)? {
            return Ok(Placed::Priority(i));
        }
    }
    Ok(Placed::NotLocal)
}

fn area_error(e: &AreaError) -> Msg {
    match e {
        AreaError::UnknownOutcode(o) => Msg::unknown_outcode(o.clone()),
        AreaError::NoTable => Msg::no_outcode_table(),
    }
}

/// The local area's name (empty when the council gave none: the catalogue
/// then says "the local area").
fn area_name(setup: &Setup) -> AreaName {
    AreaName(setup.config.local_area.name.trim().to_string())
}

fn theme_coverage(w: &mut Warnings, setup: &Setup, cs: &[CheckedCommitment<'_>]) {
    for tp in &setup.config.theme_priorities {
        let theme = setup.framework.themes.iter().position(|t| t.id == tp.theme);
        if tp.priority == Priority::High
            && !cs.iter().any(|c| setup.theme_of(c.measure_index) == theme)
        {
            let title = setup
                .framework
                .themes
                .iter()
                .find(|t| t.id == tp.theme)
                .map_or(tp.theme.as_str(), |t| t.title.as_str());
            w.push(
                "commitments",
                IssueCode::Notice,
                Msg::priority_missed(
                    tp.theme.clone(),
                    title.to_string(),
                    setup.config.council.name.clone(),
                ),
            );
        }
    }
}

fn self_assessment(c: &mut Collector, w: &mut Warnings, setup: &Setup, p: &Proposal) {
    let criteria = match &setup.config.scoring.method {
        ScoringMethod::SelfAssessment { criteria } => Some(criteria),
        _ => None,
    };
    let list = Path::Root("self_assessment");
    c.list_len(list, p.self_assessment.len(), limits::LIST);
    for (i, s) in p.self_assessment.iter().enumerate() {
        let path = list.item(i);
        c.percent(path.field("score_percent"), s.score_percent);
        match criteria {
            Some(list) if !list.iter().any(|k| k.id == s.criterion) => {
                c.push(
                    path.field("criterion"),
                    IssueCode::Unknown,
                    Msg::unknown_criterion(s.criterion.clone()),
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
                path.field("criterion"),
                IssueCode::Duplicate,
                Msg::criterion_twice(s.criterion.clone()),
            );
        }
    }
    if let Some(list) = criteria {
        for k in list {
            if !p.self_assessment.iter().any(|s| s.criterion == k.id) {
                w.push(
                    "self_assessment",
                    IssueCode::Notice,
                    Msg::no_self_score(k.id.clone(), k.title.clone()),
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
        let mut s = Vec::new();
        spread(
            Decimal::from_int(25),
            Decimal::from_micros(2_500_000),
            &w,
            &mut s,
        );
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
        let mut s = Vec::new();
        spread(Decimal::from_int(10), Decimal::from_int(3), &w, &mut s);
        assert_eq!(s.iter().map(|d| d.micros()).sum::<i64>(), 10_000_000);
        assert_eq!(s.first(), Some(&Decimal::from_micros(3_333_333)));
    }
}
