//! From the form as typed to a core [`Proposal`], and from the core's field
//! paths back to the inputs they are about. Text is never thrown away: a
//! value that does not parse stays in the form and gets an error naming its
//! input, so nothing typed is lost. Errors are data (what is wrong, which
//! input, which label): the widget's catalogue writes them in words.

use socval_core::proposal::{
    Commitment, Contract, FrameworkStamp, SelfScore, Spend, SpendTotal, StaffLine, SupplierLine,
};
use socval_core::{Decimal, Money, Proposal, Setup};

use crate::{CommitmentForm, Form, ids};

/// What is wrong with an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The contract value is empty.
    EnterValue,
    /// The contract length is empty.
    EnterDuration,
    /// The start year is empty or not a year.
    EnterStartYear,
    /// The input does not read as a number.
    NotANumber(Label),
    /// The input does not read as an amount of money.
    NotAnAmount(Label),
    /// The input is empty, and the one beside it is not.
    Enter(Label),
}

/// The label of the input a [`Problem`] is about, for the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// Contract value.
    ContractValue,
    /// Contract length.
    Duration,
    /// A commitment's further share owed to partners.
    Attribution,
    /// A commitment's number of projects sharing it.
    SharedBy,
    /// A staff line's wages.
    Wages,
    /// A supplier line's amount.
    SpendAmount,
    /// A spend line's surveyed re-spend.
    Respend,
    /// A self-assessed score.
    SelfScore,
    /// The whole wage bill, given as a total.
    WageBill,
    /// The share of staff living locally.
    LocalStaff,
    /// The whole supply-chain spend, given as a total.
    SupplyChain,
    /// The share of supply-chain spend with local firms.
    LocalSuppliers,
    /// A measure's quantity: its title, and which of its lines (1 for the
    /// first, as the screen counts them).
    Measure(String, usize),
    /// The year the contract starts.
    StartYear,
    /// The bidder's own postcode.
    SupplierPostcode,
    /// The bidder's name.
    Bidder,
    /// A spend line's postcode.
    Postcode,
    /// A spend line's name.
    LineName,
    /// Where a commitment is delivered.
    DeliveredAt,
    /// A commitment's note.
    Note,
    /// An input of a measure's commitment line (the measure's title, the
    /// line's number, the input).
    OfMeasure(String, usize, &'static Label),
    /// An input of a spend line: its list (`staff`, `suppliers`), its index
    /// in the form, the input.
    OfLine(&'static str, usize, &'static Label),
}

/// A problem tied to one input of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    /// The input's id.
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
    /// Whether the input is empty and needs a value: such an error waits
    /// until the user has reached the field.
    pub missing: bool,
}

/// Where a commitment of the proposal came from in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A measure's first line: the framework's measure at this index.
    Main(usize),
    /// A further line: this index in [`Form::more`].
    More(usize),
}

/// Where a proposal's commitment came from on the form.
#[derive(Clone, Debug, PartialEq)]
struct LineAt {
    slot: Slot,
    /// Its measure's index in the framework.
    measure: usize,
    /// Which of the measure's lines it is, counted from 1 as the screen does.
    number: usize,
    /// Entered year by year (then it has no quantity input).
    by_year: bool,
}

/// Maps core field paths back to form inputs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mapping {
    /// For each proposal commitment, the form line it came from.
    commitments: Vec<LineAt>,
    /// For each proposal spend line, its list and its index in the form.
    spend: Vec<(&'static str, usize)>,
    /// The first amount of spend on the form, where a problem with the
    /// spend as a whole is shown (its input's id and label).
    first_spend: Option<(String, Label)>,
    /// For each self-assessed score, its criterion.
    criteria: Vec<String>,
}

/// Reads "£1,250,000.50", "1250000" or " 12.5 " as a number, exactly
/// (`Decimal::parse`: no detour through a double).
pub fn number(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let decoration = |c: char| matches!(c, '£' | ',' | ' ' | '%');
    // Most entries are plain numbers: read them without copying.
    let cleaned: std::borrow::Cow<'_, str> = if text.contains(decoration) {
        text.chars()
            .filter(|c| !decoration(*c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    };
    Decimal::parse(&cleaned).ok()
}

/// An input, named without building its id until an error needs it.
enum Field<'a> {
    Fixed(&'static str),
    Line(&'a str, &'static str),
    Year(&'a str, usize),
    Spend(&'static str, usize, &'static str),
    Total(&'static str, &'static str),
    SelfScore(&'a str),
}

impl From<&'static str> for Field<'_> {
    fn from(id: &'static str) -> Self {
        Field::Fixed(id)
    }
}

impl Field<'_> {
    fn id(self) -> String {
        match self {
            Field::Fixed(id) => id.to_string(),
            Field::Line(slot, field) => ids::line(slot, field),
            Field::Year(slot, y) => ids::year(slot, y),
            Field::Spend(list, i, field) => ids::spend(list, i, field),
            Field::Total(list, field) => ids::total(list, field),
            Field::SelfScore(k) => ids::self_score(k),
        }
    }
}

#[derive(Default)]
struct Reader {
    errors: Vec<FormError>,
}

impl Reader {
    fn fail(&mut self, field: String, problem: Problem, missing: bool) {
        self.errors.push(FormError {
            field,
            problem,
            missing,
        });
    }

    // Field ids are made only for an error: a form of 100 commitments is read
    // on every keystroke, and making 200 ids each time showed in the timings.
    fn decimal<'f>(
        &mut self,
        field: impl Into<Field<'f>>,
        label: impl FnOnce() -> Label,
        text: &str,
    ) -> Option<Decimal> {
        match number(text) {
            Some(d) => Some(d),
            None => {
                let missing = text.trim().is_empty();
                self.fail(field.into().id(), Problem::NotANumber(label()), missing);
                None
            }
        }
    }

    fn money<'f>(
        &mut self,
        field: impl Into<Field<'f>>,
        label: Label,
        text: &str,
    ) -> Option<Money> {
        match number(text).map(Money::from_decimal) {
            Some(m) => Some(m),
            None => {
                let missing = text.trim().is_empty();
                self.fail(field.into().id(), Problem::NotAnAmount(label), missing);
                None
            }
        }
    }

    /// A whole number for a count (the core checks its range).
    fn count<'f>(&mut self, field: impl Into<Field<'f>>, n: Decimal) -> Option<u16> {
        let whole = n.is_whole().then(|| n.micros() / 1_000_000);
        match whole.and_then(|w| u16::try_from(w).ok()) {
            Some(w) => Some(w),
            None => {
                let problem = Problem::NotANumber(Label::SharedBy);
                self.fail(field.into().id(), problem, false);
                None
            }
        }
    }

    fn optional<'f>(
        &mut self,
        field: impl Into<Field<'f>>,
        label: Label,
        text: &str,
    ) -> Option<Decimal> {
        if text.trim().is_empty() {
            None
        } else {
            self.decimal(field, || label, text)
        }
    }

    /// A spend list's total and local share, when that way is chosen and
    /// either is filled in (then both must be).
    fn total(
        &mut self,
        list: &'static str,
        t: &crate::TotalForm,
        [amount, local]: [Label; 2],
    ) -> Option<SpendTotal> {
        let (a, l) = (t.amount.trim(), t.local.trim());
        if !t.on || (a.is_empty() && l.is_empty()) {
            return None;
        }
        let (amount_id, local_id) = (ids::total(list, "amount"), ids::total(list, "local"));
        let amount = if a.is_empty() {
            self.fail(amount_id, Problem::Enter(amount), true);
            None
        } else {
            self.money(Field::Total(list, "amount"), amount, a)
        };
        let local_percent = if l.is_empty() {
            self.fail(local_id, Problem::Enter(local), true);
            None
        } else {
            self.decimal(Field::Total(list, "local"), || local, l)
        };
        Some(SpendTotal {
            amount: amount?,
            local_percent: local_percent?,
        })
    }

    /// One commitment line; a number in it that does not read is noted as
    /// an error. Year-by-year figures count for the contract's `span` of
    /// years only: inputs for later years, left from a longer contract, are
    /// hidden and do not count.
    fn commitment(
        &mut self,
        slot: &str,
        measure: &socval_core::framework::Measure,
        c: &CommitmentForm,
        number: usize,
        span: usize,
    ) -> Commitment {
        let title = || Label::Measure(measure.title.clone(), number);
        let (quantity, profile) = if c.by_year {
            // Every year is read, so that every bad one is reported.
            let years: Vec<_> = (c.years.iter().take(span).enumerate())
                .map(|(y, t)| {
                    if t.trim().is_empty() {
                        Some(Decimal::ZERO)
                    } else {
                        self.decimal(Field::Year(slot, y), title, t)
                    }
                })
                .collect();
            let years = years.into_iter().collect::<Option<Vec<_>>>();
            (None, Some(years.unwrap_or_default()))
        } else {
            let field = Field::Line(slot, "quantity");
            (self.decimal(field, title, &c.quantity), None)
        };
        let attribution = Field::Line(slot, "attribution");
        let attribution = self.optional(attribution, Label::Attribution, &c.attribution);
        let shared = Field::Line(slot, "shared-by");
        let shared_by = self
            .optional(shared, Label::SharedBy, &c.shared_by)
            .and_then(|n| self.count(Field::Line(slot, "shared-by"), n));
        Commitment::of(
            measure.id.clone(),
            quantity,
            c.per_year && !c.by_year,
            profile,
            attribution,
            shared_by,
            // Kept whatever the measure: a file's postcode counts (and is
            // checked) in the CLI, so it must here too.
            c.postcode.trim().to_string(),
            c.note.clone(),
        )
    }
}

/// Builds a proposal from the form, or the inputs that could not be read.
/// Commitments come in the framework's order of measures; a measure's
/// further lines ([`Form::more`]) follow its first, in the order entered.
pub fn to_proposal(form: &Form, setup: &Setup) -> Result<(Proposal, Mapping), Vec<FormError>> {
    let mut r = Reader::default();
    let value = if form.value.trim().is_empty() {
        r.fail(ids::VALUE.into(), Problem::EnterValue, true);
        None
    } else {
        r.money(ids::VALUE, Label::ContractValue, &form.value)
    };
    let duration = if form.duration.trim().is_empty() {
        r.fail(ids::DURATION.into(), Problem::EnterDuration, true);
        None
    } else {
        r.decimal(ids::DURATION, || Label::Duration, &form.duration)
    };
    let start_year = form.start_year.trim().parse::<i32>().ok();
    if start_year.is_none() {
        let missing = form.start_year.trim().is_empty();
        r.fail(ids::START.into(), Problem::EnterStartYear, missing);
    }

    // The contract's years, for year-by-year figures (all of them if the
    // length does not read yet).
    let span = duration.map_or(usize::MAX, |d| usize::try_from(d.ceil_int()).unwrap_or(0));
    let mut commitments = Vec::new();
    let mut mapping = Mapping::default();
    for (k, measure) in setup.framework.measures.iter().enumerate() {
        // Its first line, then its further lines, numbered as the screen
        // numbers them: every further line of the measure, used or not.
        let first = form
            .commitments
            .get(&measure.id)
            .map(|c| (Slot::Main(k), 1, c));
        let more = form
            .more
            .iter()
            .enumerate()
            .filter(|(_, c)| c.measure == measure.id);
        let more = more
            .enumerate()
            .map(|(n, (i, c))| (Slot::More(i), n + 2, c));
        for (slot, number, c) in first
            .into_iter()
            .chain(more)
            .filter(|(_, _, c)| c.is_used())
        {
            let id = match slot {
                Slot::Main(_) => ids::main(&measure.id),
                Slot::More(i) => ids::more(i),
            };
            commitments.push(r.commitment(&id, measure, c, number, span));
            let by_year = c.by_year;
            mapping.commitments.push(LineAt {
                slot,
                measure: k,
                number,
                by_year,
            });
        }
    }

    // Blank lines are skipped; indexes stay those of the form, so an error on
    // a later line still points at the right inputs.
    let staff_lines = nonblank("staff", &form.staff, &form.staff_total);
    let supplier_lines = nonblank("suppliers", &form.suppliers, &form.suppliers_total);
    let staff_total = r.total(
        "staff",
        &form.staff_total,
        [Label::WageBill, Label::LocalStaff],
    );
    let suppliers_total = r.total(
        "suppliers",
        &form.suppliers_total,
        [Label::SupplyChain, Label::LocalSuppliers],
    );
    mapping.spend = staff_lines
        .iter()
        .chain(&supplier_lines)
        .map(|(l, i, _)| (*l, *i))
        .collect();
    mapping.first_spend = first_spend(form, &mapping.spend);
    let staff = staff_lines
        .into_iter()
        .map(|(l, i, s)| StaffLine {
            label: s.label.clone(),
            postcode: s.postcode.clone(),
            amount: r
                .money(Field::Spend(l, i, "amount"), Label::Wages, &s.amount)
                .unwrap_or_default(),
            respend_percent: r.optional(Field::Spend(l, i, "respend"), Label::Respend, &s.respend),
        })
        .collect();
    let suppliers = supplier_lines
        .into_iter()
        .map(|(l, i, s)| SupplierLine {
            name: s.label.clone(),
            postcode: s.postcode.clone(),
            amount: r
                .money(Field::Spend(l, i, "amount"), Label::SpendAmount, &s.amount)
                .unwrap_or_default(),
            sme: s.sme,
            vcse: s.vcse,
            respend_percent: r.optional(Field::Spend(l, i, "respend"), Label::Respend, &s.respend),
        })
        .collect();
    let self_assessment = form
        .self_scores
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .filter_map(|(k, v)| {
            let score_percent = r.decimal(Field::SelfScore(k), || Label::SelfScore, v)?;
            mapping.criteria.push(k.clone());
            Some(SelfScore {
                criterion: k.clone(),
                score_percent,
            })
        })
        .collect();

    match (value, duration, start_year) {
        (Some(value), Some(duration_years), Some(start_year)) if r.errors.is_empty() => Ok((
            Proposal {
                schema_version: socval_core::proposal::PROPOSAL_SCHEMA_VERSION,
                framework: FrameworkStamp {
                    id: setup.framework.id.clone(),
                    version: setup.framework.version.clone(),
                },
                bidder: form.bidder.clone(),
                contract: Contract {
                    value,
                    duration_years,
                    start_year,
                    supplier_postcode: form.supplier_postcode.clone(),
                },
                commitments,
                spend: Spend {
                    staff,
                    suppliers,
                    staff_total,
                    suppliers_total,
                },
                self_assessment,
            },
            mapping,
        )),
        _ => Err(r.errors),
    }
}

/// A spend list's lines that have anything in them, with their list and
/// index; none while the list is given as a total.
fn nonblank<'f>(
    list: &'static str,
    lines: &'f [crate::SpendForm],
    total: &crate::TotalForm,
) -> Vec<(&'static str, usize, &'f crate::SpendForm)> {
    let lines = if total.on { &[] } else { lines };
    lines
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_blank())
        .map(|(i, s)| (list, i, s))
        .collect()
}

/// Where a problem with the spend as a whole is shown: the first amount
/// given, a total's before a line's, staff before suppliers.
fn first_spend(form: &Form, spend: &[(&'static str, usize)]) -> Option<(String, Label)> {
    // A total counts only once its amount is given.
    let total = |list: &str, t: &crate::TotalForm, label: Label| {
        (t.on && !t.amount.trim().is_empty()).then(|| (ids::total(list, "amount"), label))
    };
    let line = |list: &'static str| {
        let (_, i) = spend.iter().find(|(l, _)| *l == list)?;
        let amount = if list == "staff" {
            &Label::Wages
        } else {
            &Label::SpendAmount
        };
        Some((
            ids::spend(list, *i, "amount"),
            Label::OfLine(list, *i, amount),
        ))
    };
    total("staff", &form.staff_total, Label::WageBill)
        .or_else(|| line("staff"))
        .or_else(|| total("suppliers", &form.suppliers_total, Label::SupplyChain))
        .or_else(|| line("suppliers"))
}

/// The form input a core field path points at, if any (empty if none).
pub fn field_for_path(path: &str, mapping: &Mapping, setup: &Setup) -> String {
    target_for_path(path, mapping, setup).map_or_else(String::new, |(id, _)| id)
}

/// The form input a core field path points at, with the label it has on
/// screen, so that a message can name the field as the user sees it.
pub fn target_for_path(path: &str, mapping: &Mapping, setup: &Setup) -> Option<(String, Label)> {
    let index = |prefix: &str| -> Option<(usize, &str)> {
        let rest = path.strip_prefix(prefix)?;
        let (n, tail) = rest.split_once(']')?;
        Some((n.parse().ok()?, tail.trim_start_matches('.')))
    };
    let contract = match path {
        "contract.value" => Some((ids::VALUE, Label::ContractValue)),
        "contract.duration_years" => Some((ids::DURATION, Label::Duration)),
        "contract.start_year" => Some((ids::START, Label::StartYear)),
        "contract.supplier_postcode" => Some((ids::POSTCODE, Label::SupplierPostcode)),
        "bidder" => Some((ids::BIDDER, Label::Bidder)),
        "spend" => return mapping.first_spend.clone(),
        _ => None,
    };
    if let Some((id, label)) = contract {
        return Some((id.into(), label));
    }
    if let Some((i, tail)) = index("commitments[") {
        return commitment_target(mapping.commitments.get(i)?, tail, setup);
    }
    for list in ["staff", "suppliers"] {
        if let Some(tail) = path.strip_prefix(&format!("spend.{list}_total")) {
            let staff = list == "staff";
            let (field, label) = match (tail == ".local_percent", staff) {
                (true, true) => ("local", Label::LocalStaff),
                (true, false) => ("local", Label::LocalSuppliers),
                (false, true) => ("amount", Label::WageBill),
                (false, false) => ("amount", Label::SupplyChain),
            };
            return Some((ids::total(list, field), label));
        }
        if let Some((n, tail)) = index(&format!("spend.{list}[")) {
            // The n-th non-blank line of this list in the proposal.
            let i = mapping
                .spend
                .iter()
                .filter(|(l, _)| *l == list)
                .nth(n)
                .map_or(n, |(_, i)| *i);
            let (field, label): (_, &'static Label) = match tail {
                "respend_percent" => ("respend", &Label::Respend),
                "amount" if list == "staff" => ("amount", &Label::Wages),
                "amount" => ("amount", &Label::SpendAmount),
                "name" | "label" => ("label", &Label::LineName),
                _ => ("postcode", &Label::Postcode),
            };
            return Some((ids::spend(list, i, field), Label::OfLine(list, i, label)));
        }
    }
    let (i, _) = index("self_assessment[")?;
    let k = mapping.criteria.get(i)?;
    Some((ids::self_score(k), Label::SelfScore))
}

/// The input of a commitment's field (`tail` of its path), and its label.
fn commitment_target(at: &LineAt, tail: &str, setup: &Setup) -> Option<(String, Label)> {
    let measure = setup.framework.measures.get(at.measure)?;
    let (title, n) = (measure.title.clone(), at.number);
    let slot = match at.slot {
        Slot::Main(_) => ids::main(&measure.id),
        Slot::More(i) => ids::more(i),
    };
    let of = |label: &'static Label| Label::OfMeasure(title.clone(), n, label);
    Some(match tail {
        "attribution_percent" => (ids::line(&slot, "attribution"), of(&Label::Attribution)),
        "shared_by" => (ids::line(&slot, "shared-by"), of(&Label::SharedBy)),
        "postcode" => (ids::line(&slot, "postcode"), of(&Label::DeliveredAt)),
        "note" => (ids::line(&slot, "note"), of(&Label::Note)),
        t if t.starts_with("profile[") => {
            let y = t.trim_start_matches("profile[").trim_end_matches(']');
            (
                ids::year(&slot, y.parse().unwrap_or(0)),
                Label::Measure(title, n),
            )
        }
        // A line entered year by year has no quantity input: its first year.
        _ if at.by_year => (ids::year(&slot, 0), Label::Measure(title, n)),
        _ => (ids::line(&slot, "quantity"), Label::Measure(title, n)),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)] // Tests may panic: that is how they fail.
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_people_write_them() {
        assert_eq!(number("£1,250,000"), Some(Decimal::from_int(1_250_000)));
        assert_eq!(number(" 12.5 "), Some(Decimal::from_micros(12_500_000)));
        assert_eq!(number("45.4%"), Some(Decimal::from_micros(45_400_000)));
        assert_eq!(
            number("999,999,999,999.999999"),
            Some(Decimal::from_micros(999_999_999_999_999_999))
        );
        assert_eq!(number("twelve"), None);
        assert_eq!(number(""), None);
    }

    #[test]
    fn year_by_year_counts_the_contracts_years_and_reports_every_bad_one() {
        let config = include_str!("../../../www/examples/exampleshire.json");
        let setup =
            socval_core::setup::prepare(socval_core::json::parse_config(config).unwrap()).unwrap();
        let line = |years: &[&str]| CommitmentForm {
            by_year: true,
            years: years.iter().map(|y| (*y).to_string()).collect(),
            ..CommitmentForm::default()
        };
        let form = |duration: &str, years: &[&str]| Form {
            value: "100000".into(),
            duration: duration.into(),
            start_year: "2027".into(),
            commitments: std::rc::Rc::new(
                [("community-volunteering".to_string(), line(years))].into(),
            ),
            ..Form::default()
        };
        // A third year left from a longer contract is hidden and does not count.
        let (p, _) = to_proposal(&form("2", &["10", "20", "not a number"]), &setup).unwrap();
        assert_eq!(
            p.commitments[0].profile,
            Some(vec![Decimal::from_int(10), Decimal::from_int(20)])
        );
        // Every bad year is reported, not only the first.
        let errors = to_proposal(&form("3", &["x", "1", "y"]), &setup).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "m-community-volunteering-year-0",
                "m-community-volunteering-year-2"
            ]
        );
    }

    #[test]
    fn paths_map_back_to_inputs() {
        let config = include_str!("../../../www/examples/exampleshire.json");
        let setup =
            socval_core::setup::prepare(socval_core::json::parse_config(config).unwrap()).unwrap();
        let first = &setup.framework.measures[0].id;
        let mapping = Mapping {
            commitments: vec![
                LineAt {
                    slot: Slot::Main(0),
                    measure: 0,
                    number: 1,
                    by_year: false,
                },
                LineAt {
                    slot: Slot::More(3),
                    measure: 0,
                    number: 2,
                    by_year: false,
                },
                LineAt {
                    slot: Slot::More(4),
                    measure: 0,
                    number: 3,
                    by_year: true,
                },
            ],
            spend: vec![("suppliers", 0), ("suppliers", 5)],
            criteria: vec!["delivery".into()],
            first_spend: None,
        };
        let at = |p: &str| field_for_path(p, &mapping, &setup);
        assert_eq!(at("commitments[0].quantity"), format!("m-{first}-quantity"));
        assert_eq!(at("commitments[1].quantity"), "more-3-quantity");
        assert_eq!(at("commitments[1].profile[2]"), "more-3-year-2");
        assert_eq!(at("commitments[1].note"), "more-3-note");
        assert_eq!(at("commitments[2].per_year"), "more-4-year-0");
        assert_eq!(at("commitments[2].profile"), "more-4-year-0");
        assert_eq!(
            at("commitments[0].attribution_percent"),
            format!("m-{first}-attribution")
        );
        assert_eq!(at("spend.suppliers[1].postcode"), "suppliers-5-postcode");
        assert_eq!(at("spend.staff[3].amount"), "staff-3-amount");
        assert_eq!(at("self_assessment[0].score_percent"), "criterion-delivery");
        assert_eq!(at("contract.value"), "contract-value");
        assert_eq!(at("framework"), "");
        // Each named as the screen names it, never by its path.
        let label = |p: &str| target_for_path(p, &mapping, &setup).map(|(_, l)| l);
        let title = setup.framework.measures[0].title.clone();
        assert_eq!(label("contract.start_year"), Some(Label::StartYear));
        assert_eq!(
            label("spend.suppliers[1].postcode"),
            Some(Label::OfLine("suppliers", 5, &Label::Postcode))
        );
        assert_eq!(
            label("commitments[1].attribution_percent"),
            Some(Label::OfMeasure(title.clone(), 2, &Label::Attribution))
        );
        assert_eq!(
            label("commitments[1].profile[2]"),
            Some(Label::Measure(title.clone(), 2))
        );
        assert_eq!(
            label("commitments[0].quantity"),
            Some(Label::Measure(title, 1))
        );
        assert_eq!(label("spend"), None, "no spend was read into this mapping");
    }

    #[test]
    fn a_problem_with_all_the_spend_is_shown_at_its_first_amount() {
        let config = include_str!("../../../www/examples/exampleshire.json");
        let setup =
            socval_core::setup::prepare(socval_core::json::parse_config(config).unwrap()).unwrap();
        let line = |amount: &str| crate::SpendForm {
            amount: amount.into(),
            postcode: "EX1 1AA".into(),
            ..crate::SpendForm::default()
        };
        let mut form = Form {
            value: "1000".into(),
            duration: "1".into(),
            start_year: "2027".into(),
            staff: vec![crate::SpendForm::default(), line("900")],
            suppliers: vec![line("500")],
            ..Form::default()
        };
        let (_, mapping) = to_proposal(&form, &setup).unwrap();
        assert_eq!(
            target_for_path("spend", &mapping, &setup),
            Some((
                "staff-1-amount".into(),
                Label::OfLine("staff", 1, &Label::Wages)
            ))
        );
        form.staff_total.on = true;
        form.staff_total.amount = "900".into();
        form.staff_total.local = "50".into();
        let (_, mapping) = to_proposal(&form, &setup).unwrap();
        assert_eq!(
            target_for_path("spend", &mapping, &setup),
            Some(("staff-total-amount".into(), Label::WageBill))
        );
    }
}
