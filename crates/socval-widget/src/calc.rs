//! From the form to results: parse what was typed, run the core, and map
//! the core's field paths back to the inputs they are about.

use std::rc::Rc;

use socval_core::{CivilDate, Env, OutcodeTable, Report, Setup};

use crate::form::{self, FieldError, Form};
use crate::messages::Messages;

/// What the results panel and the error summary show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// The latest good report (kept while there are errors, marked stale).
    pub report: Option<Rc<Report>>,
    /// Whether `report` is from before the current errors.
    pub stale: bool,
    /// Problems with the form, each tied to an input.
    pub errors: Vec<FieldError>,
}

/// Works out the outcome of a form; `previous` supplies the last good report.
pub fn evaluate(
    form: &Form,
    setup: &Setup,
    outcodes: Option<&OutcodeTable>,
    today: CivilDate,
    m: &Messages,
    previous: &Outcome,
) -> Outcome {
    let keep = |errors: Vec<FieldError>| Outcome {
        report: previous.report.clone(),
        stale: previous.report.is_some(),
        errors,
    };
    if form.value.trim().is_empty() && form.duration.trim().is_empty() {
        // An untouched form has nothing wrong with it yet.
        return Outcome::default();
    }
    let (proposal, mapping) = match form::to_proposal(form, setup, m) {
        Ok(x) => x,
        Err(errors) => return keep(errors),
    };
    match socval_core::calculate(setup, &proposal, &Env { today, outcodes }) {
        Ok(report) => Outcome {
            report: Some(Rc::new(report)),
            stale: false,
            errors: Vec::new(),
        },
        Err(e) => keep(
            e.issues
                .iter()
                .map(|i| FieldError {
                    field: form::field_for_path(&i.path, &mapping),
                    message: i.to_string(),
                })
                .collect(),
        ),
    }
}
