//! The calculator's form exactly as the supplier typed it: plain data, shared
//! by the widget (which edits it, keeps it as a draft and turns it into a
//! proposal: [`read`]) and its lazily loaded report module (which opens a
//! proposal file into it, so the widget's first module needs no proposal
//! reader: [`from_proposal`]).
//!
//! A proposal may commit to one measure more than once. The core counts each
//! commitment as its own line, with its own years, shares, place and note,
//! adds them up and warns that they must not count the same outcome
//! (`socval_core::validation`). The form keeps every such line: a measure's
//! first in [`Form::commitments`], the others in [`Form::more`], so a file
//! opens with every commitment it holds, or not at all ([`Refusal`]).

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use socval_core::{Decimal, Money, Proposal, Setup};

pub mod read;

pub use read::{FormError, Label, Mapping, Problem, field_for_path, target_for_path, to_proposal};

/// The most commitments the form holds: a file with more is refused, never
/// opened in part. A thousand is ten times the largest framework offered
/// today, and the widget stays responsive with it (see the benchmark's
/// 1,000-commitment rows).
pub const MAX_COMMITMENTS: usize = 1000;
/// The most lines in each spend list, for the same reasons.
pub const MAX_SPEND_LINES: usize = 1000;

/// Everything in the form, as text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Form {
    /// Bidder name.
    pub bidder: String,
    /// Contract value, pounds.
    pub value: String,
    /// Contract length, years.
    pub duration: String,
    /// Start year.
    pub start_year: String,
    /// Supplier postcode.
    pub supplier_postcode: String,
    /// Commitments by measure id. Shared, so that copying the form on each
    /// keystroke elsewhere does not copy every commitment, and the
    /// commitments section sees at a glance (same pointer) that none changed.
    pub commitments: Rc<BTreeMap<String, CommitmentForm>>,
    /// Staff wage lines.
    pub staff: Vec<SpendForm>,
    /// Supplier lines.
    pub suppliers: Vec<SpendForm>,
    /// Staff wages as a total and a local share, instead of `staff`.
    #[serde(default)]
    pub staff_total: TotalForm,
    /// Supplier spend as a total and a local share, instead of `suppliers`.
    #[serde(default)]
    pub suppliers_total: TotalForm,
    /// Self-assessment scores by criterion id.
    pub self_scores: BTreeMap<String, String>,
    /// Further lines for measures that already have one in `commitments`,
    /// each naming its measure, in the order entered.
    #[serde(default)]
    pub more: Rc<Vec<CommitmentForm>>,
}

/// Field ids, shared by the views and the error mapping. A commitment line's
/// inputs are named from its slot: a measure's first line `m-{measure}`, a
/// further line `more-{index}`.
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

    /// The slot of a measure's first line.
    pub fn main(measure: &str) -> String {
        format!("m-{measure}")
    }
    /// The slot of a further line, by its index in `Form::more`.
    pub fn more(index: usize) -> String {
        format!("more-{index}")
    }
    /// A commitment line's input: `quantity`, `attribution`, `shared-by`,
    /// `postcode`, `note`, `per-year` or `by-year`.
    pub fn line(slot: &str, field: &str) -> String {
        format!("{slot}-{field}")
    }
    /// A commitment line's year input.
    pub fn year(slot: &str, year: usize) -> String {
        format!("{slot}-year-{year}")
    }
    /// A spend line's input.
    pub fn spend(list: &str, index: usize, field: &str) -> String {
        format!("{list}-{index}-{field}")
    }
    /// The input of a spend list's total: `amount` or `local`; `lines` and
    /// `total` name the choice between the two ways.
    pub fn total(list: &str, field: &str) -> String {
        format!("{list}-total-{field}")
    }
    /// A spend list's "add a line" button, where focus goes when one of
    /// its lines is removed.
    pub fn add(list: &str) -> String {
        format!("{list}-add")
    }
    /// A self-score input.
    pub fn self_score(criterion: &str) -> String {
        format!("criterion-{criterion}")
    }
}

/// Why a proposal file cannot be shown in the form: opening part of it
/// would change its figures without a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A format version other than this calculator's.
    SchemaVersion(u32),
    /// Made for another framework, or another version of it: (id, version,
    /// the council's id, the council's version).
    WrongFramework(String, String, String, String),
    /// More commitments than [`MAX_COMMITMENTS`].
    TooManyCommitments(usize),
    /// More lines in a spend list than [`MAX_SPEND_LINES`].
    TooManySpendLines(usize),
    /// A commitment to a measure this council does not offer: (index, id).
    UnknownMeasure(usize, String),
    /// A score for a criterion this council does not use: (index, id).
    UnknownCriterion(usize, String),
    /// A criterion scored twice: (index, id).
    ScoredTwice(usize, String),
    /// A commitment that gives both a quantity and year-by-year figures.
    QuantityAndYears(usize),
    /// A spend list given both as lines and as a total (`staff` or
    /// `suppliers`): the core refuses it, and the form could count only one.
    LinesAndTotal(&'static str),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::SchemaVersion(v) => write!(
                f,
                "schema_version: the file is in format version {v}, and this calculator reads version {}",
                socval_core::proposal::PROPOSAL_SCHEMA_VERSION
            ),
            Refusal::WrongFramework(id, version, ours, our_version) => write!(
                f,
                "framework: it was made for framework \"{id}\" version \"{version}\", but this council uses \"{ours}\" version \"{our_version}\"; re-enter the commitments against the current version"
            ),
            Refusal::TooManyCommitments(n) => write!(
                f,
                "it has {n} commitments, and the calculator opens at most {MAX_COMMITMENTS}"
            ),
            Refusal::TooManySpendLines(n) => write!(
                f,
                "it has {n} lines in one spend list, and the calculator opens at most {MAX_SPEND_LINES}"
            ),
            Refusal::UnknownMeasure(i, id) => write!(
                f,
                "commitments[{i}].measure: \"{id}\" is not a measure this council offers"
            ),
            Refusal::UnknownCriterion(i, id) => write!(
                f,
                "self_assessment[{i}].criterion: \"{id}\" is not one of this council's criteria"
            ),
            Refusal::ScoredTwice(i, id) => write!(
                f,
                "self_assessment[{i}].criterion: \"{id}\" is scored twice"
            ),
            Refusal::QuantityAndYears(i) => write!(
                f,
                "commitments[{i}]: give a quantity or year-by-year figures (profile), not both"
            ),
            Refusal::LinesAndTotal(list) => write!(
                f,
                "spend.{list}_total: give spend.{list} as lines or as a total with a local share, not both"
            ),
        }
    }
}

/// One commitment line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentForm {
    /// The measure id, on a further line (`Form::more`); a measure's first
    /// line is keyed by it instead.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
    /// Quantity over the contract (or each year when `per_year`).
    pub quantity: String,
    /// The quantity is for each year.
    pub per_year: bool,
    /// Entered year by year instead.
    pub by_year: bool,
    /// Year-by-year quantities.
    pub years: Vec<String>,
    /// Further share owed to partners, percent.
    pub attribution: String,
    /// The number of projects sharing it.
    #[serde(default)]
    pub shared_by: String,
    /// Where it is delivered (asked for measures that count only locally).
    #[serde(default)]
    pub postcode: String,
    /// The supplier's note.
    pub note: String,
}

/// A spend list given the quicker way: a total and the share that is local
/// (see `socval_core::proposal::SpendTotal`). While `on`, the list's lines
/// are kept in the form, untouched, but not counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalForm {
    /// Whether this way is chosen.
    pub on: bool,
    /// The whole amount over the contract, pounds.
    pub amount: String,
    /// The local share, percent.
    pub local: String,
}

/// One spend line (staff or supplier).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpendForm {
    /// Label or supplier name.
    pub label: String,
    /// Postcode.
    pub postcode: String,
    /// Amount, pounds.
    pub amount: String,
    /// Surveyed re-spend, percent (optional).
    pub respend: String,
    /// SME (suppliers only).
    pub sme: bool,
    /// VCSE (suppliers only).
    pub vcse: bool,
}

impl SpendForm {
    /// Whether nothing was typed into it (such lines are left out, not errors).
    pub fn is_blank(&self) -> bool {
        self.label.trim().is_empty()
            && self.postcode.trim().is_empty()
            && self.amount.trim().is_empty()
            && self.respend.trim().is_empty()
    }
}

impl CommitmentForm {
    /// Whether anything was entered.
    pub fn is_used(&self) -> bool {
        if self.by_year {
            self.years.iter().any(|y| !y.trim().is_empty())
        } else {
            !self.quantity.trim().is_empty()
        }
    }
}

/// What in a proposal the form cannot show, if anything.
fn refusal(p: &Proposal, setup: &Setup) -> Option<Refusal> {
    // The core refuses these too (`validation`): the widget says so at once.
    if p.schema_version != socval_core::proposal::PROPOSAL_SCHEMA_VERSION {
        return Some(Refusal::SchemaVersion(p.schema_version));
    }
    let fw = &setup.framework;
    if p.framework.id != fw.id || p.framework.version != fw.version {
        let (id, version) = (p.framework.id.clone(), p.framework.version.clone());
        return Some(Refusal::WrongFramework(
            id,
            version,
            fw.id.clone(),
            fw.version.clone(),
        ));
    }
    if p.commitments.len() > MAX_COMMITMENTS {
        return Some(Refusal::TooManyCommitments(p.commitments.len()));
    }
    let lines = p.spend.staff.len().max(p.spend.suppliers.len());
    if lines > MAX_SPEND_LINES {
        return Some(Refusal::TooManySpendLines(lines));
    }
    let s = &p.spend;
    if s.staff_total.is_some() && !s.staff.is_empty() {
        return Some(Refusal::LinesAndTotal("staff"));
    }
    if s.suppliers_total.is_some() && !s.suppliers.is_empty() {
        return Some(Refusal::LinesAndTotal("suppliers"));
    }
    for (i, c) in p.commitments.iter().enumerate() {
        if setup.measure(&c.measure).is_none() {
            return Some(Refusal::UnknownMeasure(i, c.measure.clone()));
        }
        if c.quantity.is_some() && c.profile.is_some() {
            return Some(Refusal::QuantityAndYears(i));
        }
    }
    let criteria = match &setup.config.scoring.method {
        socval_core::config::ScoringMethod::SelfAssessment { criteria } => criteria.as_slice(),
        _ => &[],
    };
    for (i, s) in p.self_assessment.iter().enumerate() {
        if !criteria.iter().any(|k| k.id == s.criterion) {
            return Some(Refusal::UnknownCriterion(i, s.criterion.clone()));
        }
        if p.self_assessment
            .iter()
            .take(i)
            .any(|t| t.criterion == s.criterion)
        {
            return Some(Refusal::ScoredTwice(i, s.criterion.clone()));
        }
    }
    None
}

/// The form that shows a proposal (for import), with every commitment, spend
/// line and score it holds; or why it cannot be shown.
///
/// # Errors
/// A [`Refusal`] when the form cannot hold the whole proposal.
pub fn from_proposal(p: &Proposal, setup: &Setup) -> Result<Form, Refusal> {
    if let Some(r) = refusal(p, setup) {
        return Err(r);
    }
    let text = |d: Decimal| d.to_string();
    let money = |m: Money| Money::to_decimal(m).to_string();
    let line = |c: &socval_core::proposal::Commitment| CommitmentForm {
        measure: String::new(),
        quantity: c.quantity.map(text).unwrap_or_default(),
        per_year: c.per_year,
        by_year: c.profile.is_some(),
        years: c.profile.iter().flatten().map(|d| text(*d)).collect(),
        attribution: c.attribution_percent.map(text).unwrap_or_default(),
        shared_by: c.shared_by.map(|n| n.to_string()).unwrap_or_default(),
        postcode: c.postcode.clone(),
        note: c.note.clone(),
    };
    let total = |t: Option<&socval_core::proposal::SpendTotal>| {
        t.map(|t| TotalForm {
            on: true,
            amount: money(t.amount),
            local: text(t.local_percent),
        })
        .unwrap_or_default()
    };
    let mut commitments = BTreeMap::new();
    let mut more = Vec::new();
    for c in &p.commitments {
        if commitments.contains_key(&c.measure) {
            more.push(CommitmentForm {
                measure: c.measure.clone(),
                ..line(c)
            });
        } else {
            commitments.insert(c.measure.clone(), line(c));
        }
    }
    Ok(Form {
        bidder: p.bidder.clone(),
        value: money(p.contract.value),
        duration: text(p.contract.duration_years),
        start_year: p.contract.start_year.to_string(),
        supplier_postcode: p.contract.supplier_postcode.clone(),
        commitments: Rc::new(commitments),
        staff_total: total(p.spend.staff_total.as_ref()),
        suppliers_total: total(p.spend.suppliers_total.as_ref()),
        staff: p
            .spend
            .staff
            .iter()
            .map(|s| SpendForm {
                label: s.label.clone(),
                postcode: s.postcode.clone(),
                amount: money(s.amount),
                respend: s.respend_percent.map(text).unwrap_or_default(),
                sme: false,
                vcse: false,
            })
            .collect(),
        suppliers: p
            .spend
            .suppliers
            .iter()
            .map(|s| SpendForm {
                label: s.name.clone(),
                postcode: s.postcode.clone(),
                amount: money(s.amount),
                respend: s.respend_percent.map(text).unwrap_or_default(),
                sme: s.sme,
                vcse: s.vcse,
            })
            .collect(),
        self_scores: p
            .self_assessment
            .iter()
            .map(|s| (s.criterion.clone(), text(s.score_percent)))
            .collect(),
        more: Rc::new(more),
    })
}
