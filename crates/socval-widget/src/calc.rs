//! From the form to results: parse what was typed, run the core, and map
//! the core's field paths back to the inputs they are about.
//!
//! The panel shows figures, so a recalculation asks the core for figures
//! alone ([`socval_core::evaluate`]); the full report, with every step of
//! the arithmetic written out, is made only when something needs it: the
//! `socval-result` event after the panel has updated, and the CSV export.

use std::rc::Rc;

use socval_core::local_area::Place;
use socval_core::{CivilDate, Env, Figures, OutcodeTable, Proposal, Setup};

use crate::form::{self, FieldError, Form, SpendForm};
use crate::messages::Messages;

/// What the results panel and the error summary show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// The latest good result (kept while there are errors, marked stale).
    pub shown: Option<Rc<Shown>>,
    /// Whether `shown` is from before the current errors.
    pub stale: bool,
    /// Problems with the form, each tied to an input.
    pub errors: Vec<FieldError>,
    /// The working behind the shown figures, once the lazy module has drawn
    /// it; none while it is being worked out.
    pub working: Option<Rc<Working>>,
}

/// The working behind one proposal's figures, drawn by the lazy module as
/// DOM nodes (one per panel key: `ratio`, `totals`, `themes`, `lm3`,
/// `score`, `gap`), so the first module carries none of its words.
#[derive(Debug, PartialEq)]
pub struct Working {
    /// The proposal it explains: shown only beside that proposal's figures.
    pub proposal: Rc<Proposal>,
    /// The panels, by key.
    pub nodes: js_sys::Object,
}

impl Working {
    /// The panel for `key`, if drawn.
    pub fn node(&self, key: &str) -> Option<web_sys::Node> {
        use wasm_bindgen::JsCast;
        js_sys::Reflect::get(&self.nodes, &key.into())
            .ok()?
            .dyn_into()
            .ok()
    }
}

/// A good result, with everything the panel needs to label it.
#[derive(Debug, PartialEq)]
pub struct Shown {
    /// The core's figures.
    pub figures: Figures,
    /// The proposal they are for (shared, not copied, with the working and
    /// the announcement that follow it).
    pub proposal: Rc<Proposal>,
    /// The form it was read from, which the lazy module reads again for the
    /// full report, the working and the CSV.
    pub form: Form,
    /// The name of the score band reached, if the council scores by bands.
    pub band: Option<String>,
    /// Where each staff line of the form lies, by its index in the form.
    pub staff_places: Vec<Option<Place>>,
    /// Where each supplier line of the form lies, by its index in the form.
    pub supplier_places: Vec<Option<Place>>,
    /// Which spend was entered as a total with a local share: (staff,
    /// suppliers), worded when drawn, in the language of the moment.
    pub entered_as_total: Option<(bool, bool)>,
}

/// Works out the outcome of a form; `previous` supplies the last good result.
pub fn evaluate(
    form: &Form,
    setup: &Setup,
    outcodes: Option<&OutcodeTable>,
    today: CivilDate,
    m: &Messages,
    previous: &Outcome,
) -> Outcome {
    let keep = |errors: Vec<FieldError>| Outcome {
        shown: previous.shown.clone(),
        stale: previous.shown.is_some(),
        errors,
        working: None,
    };
    // Even an untouched form is read: its errors wait unseen until their
    // fields are reached (`State::visible`), but the results list what is
    // still needed, and an export on it shows them all.
    let (proposal, mapping) = match form::to_proposal(form, setup) {
        Ok(x) => x,
        Err(errors) => return keep(form::describe(errors, m)),
    };
    let env = Env { today, outcodes };
    match socval_core::evaluate(setup, &proposal, &env) {
        Ok(figures) => {
            let places = |lines: &[SpendForm]| -> Vec<Option<Place>> {
                lines
                    .iter()
                    .map(|l| socval_core::locate(setup, &l.postcode, &env))
                    .collect()
            };
            Outcome {
                shown: Some(Rc::new(Shown {
                    band: socval_core::band_name(setup, &figures.score),
                    staff_places: places(&form.staff),
                    supplier_places: places(&form.suppliers),
                    entered_as_total: {
                        let s = &proposal.spend;
                        let (a, b) = (s.staff_total.is_some(), s.suppliers_total.is_some());
                        (a || b).then_some((a, b))
                    },
                    figures,
                    proposal: Rc::new(proposal),
                    form: form.clone(),
                })),
                stale: false,
                errors: Vec::new(),
                working: None,
            }
        }
        Err(e) => keep(
            e.issues
                .iter()
                .map(|i| {
                    // Named by its label on screen, never by its path.
                    let (field, message) = match form::target_for_path(&i.path, &mapping, setup) {
                        Some((id, l)) => (
                            id,
                            format!("{}: {}", form::label(&l, m), m.issue(&i.message)),
                        ),
                        None => (String::new(), m.issue(&i.message)),
                    };
                    FieldError {
                        field,
                        message,
                        missing: false,
                        // The core's one check of all the spend together.
                        across: i.path == "spend",
                    }
                })
                .collect(),
        ),
    }
}
