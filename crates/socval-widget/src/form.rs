//! The form and its reading into a proposal live in `socval-form` (shared
//! with the report module and tested natively); here its errors get words
//! from the widget's catalogue.

use crate::messages::Messages;

pub use socval_form::read::{Slot, number};
pub use socval_form::{
    CommitmentForm, Form, FormError, Label, Mapping, Problem, SpendForm, TotalForm, ids,
    target_for_path, to_proposal,
};

/// A problem tied to one input of the form, in words.
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
    /// Whether it is about several inputs together (all the spend against
    /// the contract value): shown at one of them, but once the user has
    /// left any field, like an error tied to none.
    pub across: bool,
}

/// The label a message names, as the input shows it on screen.
pub fn label(l: &Label, m: &Messages) -> String {
    match l {
        Label::OfMeasure(title, n, inner) => {
            format!("{}: {}", measure_line(title, *n, m), label(inner, m))
        }
        Label::OfLine(list, i, inner) => {
            let name = if *list == "staff" {
                m.staff_label()
            } else {
                m.supplier_name()
            };
            // The name input's label is the line's own: "Supplier 2".
            if **inner == Label::LineName {
                return format!("{name} {}", i + 1);
            }
            format!("{name} {}: {}", i + 1, label(inner, m))
        }
        Label::Measure(title, n) => measure_line(title, *n, m),
        other => simple_label(other, m).into(),
    }
}

/// A measure's line as the screen names it: its title for the first line,
/// "title: line 2" for a further one.
fn measure_line(title: &str, n: usize, m: &Messages) -> String {
    if n > 1 {
        m.line_n(title, n)
    } else {
        title.to_string()
    }
}

fn simple_label(l: &Label, m: &Messages) -> &'static str {
    match l {
        Label::ContractValue => m.contract_value(),
        Label::Duration => m.duration(),
        Label::StartYear => m.start_year(),
        Label::SupplierPostcode => m.supplier_postcode(),
        Label::Bidder => m.bidder(),
        Label::Attribution => m.attribution(),
        Label::SharedBy => m.shared_by(),
        Label::Wages => m.wages(),
        Label::SpendAmount => m.spend_amount(),
        Label::Respend => m.respend(),
        Label::Postcode => m.postcode(),
        Label::DeliveredAt => m.delivered_at(),
        Label::Note => m.note(),
        Label::SelfScore => m.self_score(),
        Label::WageBill => m.wage_bill(),
        Label::LocalStaff => m.local_staff(),
        Label::SupplyChain => m.supply_chain(),
        Label::LocalSuppliers => m.local_suppliers(),
        Label::LineName | Label::Measure(..) | Label::OfMeasure(..) | Label::OfLine(..) => {
            m.spend_heading()
        }
    }
}

/// The form's errors in the catalogue's words.
pub fn describe(errors: Vec<FormError>, m: &Messages) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| FieldError {
            message: match &e.problem {
                Problem::EnterValue => m.enter_value().into(),
                Problem::EnterDuration => m.enter_duration().into(),
                Problem::EnterStartYear => m.enter_start_year().into(),
                Problem::NotANumber(l) => m.not_a_number(&label(l, m)),
                Problem::NotAnAmount(l) => m.not_an_amount(&label(l, m)),
                Problem::Enter(l) => m.enter_field(&label(l, m)),
            },
            field: e.field,
            missing: e.missing,
            across: false,
        })
        .collect()
}
