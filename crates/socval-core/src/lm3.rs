//! Local Multiplier 3: how much of each pound of the contract stays local.
//!
//! Source: Justin Sacks, *The Money Trail: measuring your impact on the local
//! economy using LM3* (New Economics Foundation and the Countryside Agency,
//! 2002). Round 1 is the income being traced (the contract value); round 2 is
//! what the supplier spends locally (wages of local staff and spend with local
//! suppliers); round 3 is what those local recipients re-spend locally, from
//! surveys or, where there are none, from averaged survey rates as in NEF's
//! *Plugging the Leaks* worksheet.
//!
//! LM3 = (R1 + R2 + R3) ÷ R1. Because round 2 cannot exceed round 1 (checked:
//! spend cannot exceed the contract value) and round 3 cannot exceed round 2
//! (re-spend rates are at most 100%), LM3 always lies between 1 and 3. An LM3
//! of 1.50 means each £1 of the contract generates a further 50p locally.
//!
//! **One area.** LM3 measures one local area, fixed before counting (*The
//! Money Trail*, stage 1: "decide on your local area"); money spent outside
//! it has leaked, whatever else is true of where it went. So spend in a
//! council's priority area outside the local boundary is never in round 2,
//! round 3 or the local share: it is its own figure
//! ([`Lm3Figures::priority_spend`]), reported beside LM3.
//!
//! **Round 1 wherever the bidder is.** Round 1 is the whole contract income
//! even when the bidder itself is outside the local area (the income is
//! traced from the council that pays it). For such a bidder the report also
//! gives the share of each pound that reaches the local area,
//! (R2 + R3) ÷ R1, and says that the bidder is outside it.

use crate::config::{Lm3Settings, RespendRates};
use crate::figures::Lm3Figures;
use crate::fixed::{Decimal, Money};
use crate::proposal::{Proposal, SpendTotal};
use crate::report::{Lm3Report, Sensitivity, SpendKind, SpendLineReport};
use crate::validation::{CheckedSpend, Placed};
use crate::working::Line as Said;

/// The decimal places LM3 is worked out to and always written with, so
/// that one figure reads the same everywhere (1.7000, never 1.7 beside
/// 1.6048).
pub const PLACES: u32 = 4;

/// An LM3 figure (or a difference of two) as every place writes it: to
/// [`PLACES`] places, trailing zeros kept.
pub fn shown(d: Decimal) -> String {
    d.to_fixed(PLACES)
}

/// One spend line as LM3 counted it, handed to the caller of [`figures`].
pub(crate) struct Counted<'a> {
    pub(crate) kind: SpendKind,
    pub(crate) index: usize,
    pub(crate) label: &'a str,
    /// The line's postcode and place; none for a part of a total.
    pub(crate) checked: Option<&'a CheckedSpend>,
    pub(crate) place: Placed,
    pub(crate) amount: Money,
    /// The local share entered, for a part of a total.
    pub(crate) from_total: Option<Decimal>,
    pub(crate) surveyed: Option<Decimal>,
    pub(crate) rates: &'a RespendRates,
    pub(crate) round3: Money,
}

impl Counted<'_> {
    /// The line for the report.
    pub(crate) fn report(
        &self,
        setup: &crate::Setup,
        table: Option<&crate::OutcodeTable>,
    ) -> SpendLineReport {
        SpendLineReport {
            kind: self.kind,
            index: self.index,
            label: self.label.to_string(),
            outward_code: self
                .checked
                .map(|c| c.postcode.outward().to_string())
                .unwrap_or_default(),
            amount: self.amount,
            place: self.place.to_place(setup),
            respend_percent: self.surveyed.unwrap_or(self.rates.central_percent),
            // Worked out for the report only: the live figures need not know.
            district_share_percent: self
                .checked
                .and_then(|c| crate::validation::uncertainty(setup, &c.postcode, table)),
            surveyed: self.surveyed.is_some(),
            round3: self.round3,
            from_total: self.from_total,
        }
    }
}

/// Works out LM3 for a checked proposal, telling `each` about every line.
pub(crate) fn figures(
    settings: &Lm3Settings,
    p: &Proposal,
    staff: &[CheckedSpend],
    suppliers: &[CheckedSpend],
    bidder: Option<Placed>,
    mut each: impl FnMut(Counted<'_>),
) -> Lm3Figures {
    let r1 = p.contract.value;
    let mut acc = Acc::default();
    for (i, (line, checked)) in p.spend.staff.iter().zip(staff).enumerate() {
        each(acc.add(
            Line {
                kind: SpendKind::Staff,
                index: i,
                label: &line.label,
                checked: Some(checked),
                place: checked.place,
                amount: line.amount,
                surveyed: line.respend_percent,
                from_total: None,
            },
            &settings.staff_respend,
        ));
    }
    for (i, (line, checked)) in p.spend.suppliers.iter().zip(suppliers).enumerate() {
        if line.sme {
            acc.sme = acc.sme.saturating_add(line.amount);
        }
        if line.vcse {
            acc.vcse = acc.vcse.saturating_add(line.amount);
        }
        each(acc.add(
            Line {
                kind: SpendKind::Supplier,
                index: i,
                label: &line.name,
                checked: Some(checked),
                place: checked.place,
                amount: line.amount,
                surveyed: line.respend_percent,
                from_total: None,
            },
            &settings.supplier_respend,
        ));
    }
    let totals = [
        (
            SpendKind::Staff,
            &p.spend.staff_total,
            &settings.staff_respend,
        ),
        (
            SpendKind::Supplier,
            &p.spend.suppliers_total,
            &settings.supplier_respend,
        ),
    ];
    for (kind, total, rates) in totals {
        if let Some(t) = total {
            for line in split_total(kind, t) {
                each(acc.add(line, rates));
            }
        }
    }

    let r2 = acc.local_staff.saturating_add(acc.local_suppliers);
    let total = r2.saturating_add(acc.not_local);
    let multiplier = |r3: Money| ratio4(r1.saturating_add(r2).saturating_add(r3), r1);
    let lm3 = multiplier(acc.r3[1]);
    let reaching = r2.saturating_add(acc.r3[1]);
    Lm3Figures {
        round1: r1,
        round2: r2,
        round3: acc.r3[1],
        lm3,
        lm2: multiplier(Money::ZERO),
        sensitivity: Sensitivity {
            low: multiplier(acc.r3[0]),
            central: lm3,
            high: multiplier(acc.r3[2]),
        },
        local_staff: acc.local_staff,
        local_suppliers: acc.local_suppliers,
        priority_spend: acc.priority,
        not_local_spend: acc.not_local,
        total_spend: total,
        local_share_percent: r2.percent_of(total).map(|d| d.round_to(2)),
        local_share_of_each_pound: reaching.ratio(r1).map_or(Decimal::ZERO, |r| r.round_to(4)),
        bidder_local: bidder.map(|b| b == Placed::Local),
        sme_spend: acc.sme,
        vcse_spend: acc.vcse,
    }
}

/// The LM3 report: the figures, each line, and the arithmetic.
pub(crate) fn report(f: &Lm3Figures, lines: Vec<SpendLineReport>) -> Lm3Report {
    let uncertain: Vec<String> = lines
        .iter()
        .filter_map(|l| {
            l.district_share_percent
                .map(|s| format!("{} ({s}%)", l.outward_code))
        })
        .collect();
    let (r1, r2, r3) = (f.round1, f.round2, f.round3);
    // How the spend was entered comes first: round 2 rests on it.
    let mut working = entered_as_totals(&lines);
    working.extend([
        Said::round1(r1),
        Said::round2(f.local_staff, f.local_suppliers, r2),
        Said::round3(r3),
        Said::lm3(r1, r2, r3, shown(f.lm3)),
        Said::lm2(r1, r2, shown(f.lm2)),
        Said::each_pound(r1, r2, r3, f.local_share_of_each_pound),
    ]);
    if f.priority_spend.pence() > 0 {
        working.push(Said::priority_spend(f.priority_spend));
    }
    if !uncertain.is_empty() {
        let n = crate::message::count(uncertain.len());
        working.push(Said::uncertain(n, uncertain.join(", ")));
    }
    if f.bidder_local == Some(false) {
        working.push(Said::bidder_outside());
    }
    Lm3Report {
        figures: *f,
        lines,
        working,
    }
}

/// Says which spend was given as a total with a local share, and what that
/// made local: the result must show how it was entered.
fn entered_as_totals(lines: &[SpendLineReport]) -> Vec<Said> {
    let mut out = Vec::new();
    for kind in [SpendKind::Staff, SpendKind::Supplier] {
        let mut parts = lines
            .iter()
            .filter(|l| l.kind == kind && l.from_total.is_some());
        let (Some(here), Some(there)) = (parts.next(), parts.next()) else {
            continue;
        };
        let whole = here.amount.saturating_add(there.amount);
        let share = here.from_total.unwrap_or_default();
        out.push(match kind {
            SpendKind::Staff => Said::staff_total(share, here.amount, whole),
            SpendKind::Supplier => Said::suppliers_total(share, whole, here.amount),
        });
    }
    out
}

/// The least whole number of pounds of further local spend, re-spent
/// locally at `rate_percent`, with which LM3 reaches `goal`, by the same
/// arithmetic as [`figures`] (round 3 rounded to the penny, LM3 to four
/// places); none when local spend would have to exceed round 1.
pub(crate) fn local_spend_to_reach(
    f: &Lm3Figures,
    rate_percent: Decimal,
    goal: Decimal,
) -> Option<Money> {
    let (r1, r2, r3) = (f.round1, f.round2, f.round3);
    let rate = rate_percent.percent_to_fraction();
    let lm3_with = |pounds: i64| {
        let s = Money::from_pounds(pounds);
        let r3 = r3.saturating_add(s.times(rate)?);
        Some(ratio4(
            r1.saturating_add(r2).saturating_add(s).saturating_add(r3),
            r1,
        ))
    };
    let room = r1.pence().checked_sub(r2.pence())? / 100;
    if r1.pence() <= 0 || lm3_with(room)? < goal {
        return None;
    }
    // LM3 grows with the spend: search for the least whole pound.
    let (mut lo, mut hi) = (-1_i64, room);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if lm3_with(mid)? >= goal {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let pounds = hi;
    Some(Money::from_pounds(pounds))
}

/// (a ÷ b) to four places; 1 when b is zero (no income to multiply).
pub(crate) fn ratio4(a: Money, b: Money) -> Decimal {
    a.ratio(b).map_or(Decimal::ONE, |r| r.round_to(4))
}

#[derive(Default)]
struct Acc {
    local_staff: Money,
    local_suppliers: Money,
    priority: Money,
    not_local: Money,
    sme: Money,
    vcse: Money,
    /// Round 3 at low, central, high rates.
    r3: [Money; 3],
}

impl Acc {
    /// Counts one line (or one part of a total) into round 2, round 3 or
    /// leakage.
    fn add<'a>(&mut self, line: Line<'a>, rates: &'a RespendRates) -> Counted<'a> {
        let Line {
            kind,
            index,
            label,
            checked,
            place,
            amount,
            surveyed,
            from_total,
        } = line;
        let mut round3 = Money::ZERO;
        if place == Placed::Local {
            let bucket = match kind {
                SpendKind::Staff => &mut self.local_staff,
                SpendKind::Supplier => &mut self.local_suppliers,
            };
            *bucket = bucket.saturating_add(amount);
            let assumed = [rates.low_percent, rates.central_percent, rates.high_percent];
            for (slot, rate) in self.r3.iter_mut().zip(assumed) {
                let r = surveyed.unwrap_or(rate).percent_to_fraction();
                let part = amount.times(r).unwrap_or_default();
                *slot = slot.saturating_add(part);
            }
            round3 = amount
                .times(
                    surveyed
                        .unwrap_or(rates.central_percent)
                        .percent_to_fraction(),
                )
                .unwrap_or_default();
        } else {
            // Outside the local area: leakage, even in a priority area,
            // which is reported on its own.
            if matches!(place, Placed::Priority(_)) {
                self.priority = self.priority.saturating_add(amount);
            }
            self.not_local = self.not_local.saturating_add(amount);
        }
        Counted {
            kind,
            index,
            label,
            checked,
            place,
            amount,
            surveyed,
            from_total,
            rates,
            round3,
        }
    }
}

/// What [`Acc::add`] counts: a spend line, or one part of a total.
struct Line<'a> {
    kind: SpendKind,
    index: usize,
    label: &'a str,
    checked: Option<&'a CheckedSpend>,
    place: Placed,
    amount: Money,
    surveyed: Option<Decimal>,
    from_total: Option<Decimal>,
}

/// A total given with a local share, as two parts: the local share of the
/// amount (rounded to the penny) in round 2, and the rest outside the local
/// area. The share of staff is taken as the share of wages: the supplier
/// gave no more than that.
fn split_total(kind: SpendKind, t: &SpendTotal) -> [Line<'static>; 2] {
    // The share is at most 100% (checked), so the local part never exceeds
    // the total; rounded to the penny once.
    let local = t.amount.percent(t.local_percent).unwrap_or_default();
    let rest = Money::from_pence(t.amount.pence().saturating_sub(local.pence()));
    let (here, there) = match kind {
        SpendKind::Staff => (
            "Wage bill: staff living locally",
            "Wage bill: staff living elsewhere",
        ),
        SpendKind::Supplier => ("Supply chain: local firms", "Supply chain: firms elsewhere"),
    };
    let part = |index, label, place, amount| Line {
        kind,
        index,
        label,
        checked: None,
        place,
        amount,
        surveyed: None,
        from_total: Some(t.local_percent),
    };
    [
        part(0, here, Placed::Local, local),
        part(1, there, Placed::NotLocal, rest),
    ]
}
