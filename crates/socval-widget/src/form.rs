//! The form exactly as the supplier typed it, and its conversion to a core
//! [`Proposal`]. Text is never thrown away: a value that does not parse stays
//! in the form and gets a field error, so nothing typed is lost.

use socval_core::proposal::{
    Commitment, Contract, FrameworkStamp, SelfScore, Spend, StaffLine, SupplierLine,
};
use socval_core::{Decimal, Money, Proposal, Setup};

use crate::messages::Messages;

pub use socval_form::{CommitmentForm, Form, SpendForm, from_proposal};

/// A problem tied to one input of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The input's id, for the error summary's link; empty when the problem
    /// has no single input.
    pub field: String,
    /// The message to show.
    pub message: String,
    /// Whether the input is empty and needs a value: such an error waits
    /// until the user has reached the field (see `State::visible`).
    pub missing: bool,
}

/// Maps core field paths back to form inputs: which measure each commitment
/// index came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mapping {
    measures: Vec<String>,
    /// For each proposal spend line, its list and its index in the form.
    spend: Vec<(&'static str, usize)>,
}

/// Field ids, shared by the views and the error mapping.
pub mod ids {
    /// Contract value input.
    pub const VALUE: &str = "contract-value";
    /// Duration input.
    pub const DURATION: &str = "contract-duration";
    /// Start year input.
    pub const START: &str = "contract-start";
    /// Supplier postcode input.
    pub const POSTCODE: &str = "supplier-postcode";
    /// Bidder input.
    pub const BIDDER: &str = "bidder";

    /// A measure's quantity input.
    pub fn quantity(measure: &str) -> String {
        format!("m-{measure}-quantity")
    }
    /// A measure's year input.
    pub fn year(measure: &str, year: usize) -> String {
        format!("m-{measure}-year-{year}")
    }
    /// A measure's attribution input.
    pub fn attribution(measure: &str) -> String {
        format!("m-{measure}-attribution")
    }
    /// A measure's "projects sharing it" input.
    pub fn shared_by(measure: &str) -> String {
        format!("m-{measure}-shared-by")
    }
    /// A measure's delivery postcode input.
    pub fn delivered_at(measure: &str) -> String {
        format!("m-{measure}-postcode")
    }
    /// A spend line's input.
    pub fn spend(list: &str, index: usize, field: &str) -> String {
        format!("{list}-{index}-{field}")
    }
    /// A self-score input.
    pub fn self_score(criterion: &str) -> String {
        format!("criterion-{criterion}")
    }
}

/// Reads "£1,250,000.50", "1250000" or " 12.5 " as a number.
fn number(text: &str) -> Option<f64> {
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
    if cleaned.is_empty() {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// An input, named without building its id until an error needs it.
enum Field<'a> {
    Fixed(&'static str),
    Quantity(&'a str),
    Year(&'a str, usize),
    Attribution(&'a str),
    SharedBy(&'a str),
    Spend(&'static str, usize, &'static str),
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
            Field::Quantity(m) => ids::quantity(m),
            Field::Year(m, y) => ids::year(m, y),
            Field::Attribution(m) => ids::attribution(m),
            Field::SharedBy(m) => ids::shared_by(m),
            Field::Spend(list, i, field) => ids::spend(list, i, field),
            Field::SelfScore(k) => ids::self_score(k),
        }
    }
}

struct Reader<'m> {
    errors: Vec<FieldError>,
    m: &'m Messages,
}

impl Reader<'_> {
    fn fail(&mut self, field: String, message: String, missing: bool) {
        self.errors.push(FieldError {
            field,
            message,
            missing,
        });
    }

    // Field ids are made only for an error: a form of 100 commitments is read
    // on every keystroke, and making 200 ids each time showed in the timings.
    fn decimal<'f>(
        &mut self,
        field: impl Into<Field<'f>>,
        label: &str,
        text: &str,
    ) -> Option<Decimal> {
        match number(text).map(Decimal::from_f64) {
            Some(Ok(d)) => Some(d),
            _ => {
                let missing = text.trim().is_empty();
                self.fail(field.into().id(), (self.m.not_a_number)(label), missing);
                None
            }
        }
    }

    fn money<'f>(&mut self, field: impl Into<Field<'f>>, label: &str, text: &str) -> Option<Money> {
        match number(text).map(Money::from_f64) {
            Some(Ok(m)) => Some(m),
            _ => {
                let missing = text.trim().is_empty();
                self.fail(field.into().id(), (self.m.not_an_amount)(label), missing);
                None
            }
        }
    }

    /// A whole number for a count (the core checks its range), or an error
    /// naming the field.
    fn count<'f>(&mut self, field: impl Into<Field<'f>>, label: &str, n: Decimal) -> Option<u16> {
        let whole = n.is_whole().then(|| n.micros() / 1_000_000);
        match whole.and_then(|w| u16::try_from(w).ok()) {
            Some(w) => Some(w),
            None => {
                self.fail(field.into().id(), (self.m.not_a_number)(label), false);
                None
            }
        }
    }

    fn optional<'f>(
        &mut self,
        field: impl Into<Field<'f>>,
        label: &str,
        text: &str,
    ) -> Option<Decimal> {
        if text.trim().is_empty() {
            None
        } else {
            self.decimal(field, label, text)
        }
    }
}

/// Builds a proposal from the form, or the fields that could not be read.
pub fn to_proposal(
    form: &Form,
    setup: &Setup,
    m: &Messages,
) -> Result<(Proposal, Mapping), Vec<FieldError>> {
    let mut r = Reader {
        errors: Vec::new(),
        m,
    };
    let value = if form.value.trim().is_empty() {
        r.fail(ids::VALUE.into(), m.enter_value.into(), true);
        None
    } else {
        r.money(ids::VALUE, m.contract_value, &form.value)
    };
    let duration = if form.duration.trim().is_empty() {
        r.fail(ids::DURATION.into(), m.enter_duration.into(), true);
        None
    } else {
        r.decimal(ids::DURATION, m.duration, &form.duration)
    };
    let start_year = match form.start_year.trim().parse::<i32>() {
        Ok(y) => Some(y),
        Err(_) => {
            r.fail(
                ids::START.into(),
                m.enter_start_year.into(),
                form.start_year.trim().is_empty(),
            );
            None
        }
    };

    let mut commitments = Vec::new();
    let mut mapping = Mapping::default();
    for measure in &setup.framework.measures {
        let Some(c) = form.commitments.get(&measure.id).filter(|c| c.is_used()) else {
            continue;
        };
        let (quantity, profile) = if c.by_year {
            let years: Vec<Decimal> = c
                .years
                .iter()
                .enumerate()
                .map(|(y, t)| {
                    if t.trim().is_empty() {
                        Some(Decimal::ZERO)
                    } else {
                        r.decimal(Field::Year(&measure.id, y), &measure.title, t)
                    }
                })
                .collect::<Option<Vec<_>>>()
                .unwrap_or_default();
            (None, Some(years))
        } else {
            (
                r.decimal(Field::Quantity(&measure.id), &measure.title, &c.quantity),
                None,
            )
        };
        let attribution = r.optional(
            Field::Attribution(&measure.id),
            m.attribution,
            &c.attribution,
        );
        let shared_by = r
            .optional(Field::SharedBy(&measure.id), m.shared_by, &c.shared_by)
            .and_then(|n| r.count(Field::SharedBy(&measure.id), m.shared_by, n));
        mapping.measures.push(measure.id.clone());
        commitments.push(Commitment {
            measure: measure.id.clone(),
            quantity,
            per_year: c.per_year && !c.by_year,
            profile,
            attribution_percent: attribution,
            shared_by,
            postcode: if measure.local_only {
                c.postcode.trim().to_string()
            } else {
                String::new()
            },
            note: c.note.clone(),
        });
    }

    // Blank lines are skipped; indexes stay those of the form, so an error on
    // a later line still points at the right inputs.
    let mut spend_rows = Vec::new();
    let staff = form
        .staff
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_blank())
        .inspect(|(i, _)| spend_rows.push(("staff", *i)))
        .map(|(i, s)| StaffLine {
            label: s.label.clone(),
            postcode: s.postcode.clone(),
            amount: r
                .money(Field::Spend("staff", i, "amount"), m.wages, &s.amount)
                .unwrap_or_default(),
            respend_percent: r.optional(Field::Spend("staff", i, "respend"), m.respend, &s.respend),
        })
        .collect();
    let suppliers = form
        .suppliers
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_blank())
        .inspect(|(i, _)| spend_rows.push(("suppliers", *i)))
        .map(|(i, s)| SupplierLine {
            name: s.label.clone(),
            postcode: s.postcode.clone(),
            amount: r
                .money(
                    Field::Spend("suppliers", i, "amount"),
                    m.spend_amount,
                    &s.amount,
                )
                .unwrap_or_default(),
            sme: s.sme,
            vcse: s.vcse,
            respend_percent: r.optional(
                Field::Spend("suppliers", i, "respend"),
                m.respend,
                &s.respend,
            ),
        })
        .collect();
    let self_assessment = form
        .self_scores
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .filter_map(|(k, v)| {
            r.decimal(Field::SelfScore(k), m.self_score, v)
                .map(|score_percent| SelfScore {
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
                spend: Spend { staff, suppliers },
                self_assessment,
            },
            Mapping {
                spend: spend_rows,
                ..mapping
            },
        )),
        _ => Err(r.errors),
    }
}

/// The form input a core field path points at, if any.
pub fn field_for_path(path: &str, mapping: &Mapping) -> String {
    let index = |prefix: &str| -> Option<(usize, &str)> {
        let rest = path.strip_prefix(prefix)?;
        let (n, tail) = rest.split_once(']')?;
        Some((n.parse().ok()?, tail.trim_start_matches('.')))
    };
    match path {
        "contract.value" => ids::VALUE.into(),
        "contract.duration_years" => ids::DURATION.into(),
        "contract.start_year" => ids::START.into(),
        "contract.supplier_postcode" => ids::POSTCODE.into(),
        "bidder" => ids::BIDDER.into(),
        _ => {
            if let Some((i, tail)) = index("commitments[") {
                let Some(m) = mapping.measures.get(i) else {
                    return String::new();
                };
                return match tail {
                    "attribution_percent" => ids::attribution(m),
                    "shared_by" => ids::shared_by(m),
                    "postcode" => ids::delivered_at(m),
                    t if t.starts_with("profile[") => t
                        .trim_start_matches("profile[")
                        .trim_end_matches(']')
                        .parse()
                        .map_or_else(|_| ids::year(m, 0), |y| ids::year(m, y)),
                    _ => ids::quantity(m),
                };
            }
            for list in ["staff", "suppliers"] {
                if let Some((n, tail)) = index(&format!("spend.{list}[")) {
                    // The n-th non-blank line of this list in the proposal.
                    let i = mapping
                        .spend
                        .iter()
                        .filter(|(l, _)| *l == list)
                        .nth(n)
                        .map_or(n, |(_, i)| *i);
                    let field = match tail {
                        "respend_percent" => "respend",
                        "amount" => "amount",
                        "name" | "label" => "label",
                        _ => "postcode",
                    };
                    return ids::spend(list, i, field);
                }
            }
            if let Some((i, _)) = index("self_assessment[") {
                return format!("self-assessment-{i}");
            }
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_people_write_them() {
        assert_eq!(number("£1,250,000"), Some(1_250_000.0));
        assert_eq!(number(" 12.5 "), Some(12.5));
        assert_eq!(number("45.4%"), Some(45.4));
        assert_eq!(number("twelve"), None);
        assert_eq!(number(""), None);
    }

    #[test]
    fn paths_map_back_to_inputs() {
        let mapping = Mapping {
            measures: vec!["a".into(), "b".into()],
            spend: vec![("suppliers", 0), ("suppliers", 5)],
        };
        assert_eq!(
            field_for_path("commitments[1].quantity", &mapping),
            "m-b-quantity"
        );
        assert_eq!(
            field_for_path("commitments[0].profile[2]", &mapping),
            "m-a-year-2"
        );
        assert_eq!(
            field_for_path("spend.suppliers[1].postcode", &mapping),
            "suppliers-5-postcode"
        );
        assert_eq!(
            field_for_path("spend.staff[3].amount", &mapping),
            "staff-3-amount"
        );
        assert_eq!(field_for_path("contract.value", &mapping), "contract-value");
        assert_eq!(field_for_path("framework", &mapping), "");
    }
}
