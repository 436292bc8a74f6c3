//! The calculator's form exactly as the supplier typed it: plain data, shared
//! by the widget (which edits it, keeps it as a draft and turns it into a
//! proposal) and its lazily loaded report module (which opens a proposal
//! file into it, so the widget's first module needs no proposal reader).

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use socval_core::{Decimal, Money, Proposal};

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
    /// Self-assessment scores by criterion id.
    pub self_scores: BTreeMap<String, String>,
}

/// One measure's entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentForm {
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

/// The form that shows a proposal (for import).
pub fn from_proposal(p: &Proposal) -> Form {
    let text = |d: Decimal| d.to_string();
    let money = |m: Money| Money::to_decimal(m).to_string();
    Form {
        bidder: p.bidder.clone(),
        value: money(p.contract.value),
        duration: text(p.contract.duration_years),
        start_year: p.contract.start_year.to_string(),
        supplier_postcode: p.contract.supplier_postcode.clone(),
        commitments: Rc::new(
            p.commitments
                .iter()
                .map(|c| {
                    let form = CommitmentForm {
                        quantity: c.quantity.map(text).unwrap_or_default(),
                        per_year: c.per_year,
                        by_year: c.profile.is_some(),
                        years: c.profile.iter().flatten().map(|d| text(*d)).collect(),
                        attribution: c.attribution_percent.map(text).unwrap_or_default(),
                        shared_by: c.shared_by.map(|n| n.to_string()).unwrap_or_default(),
                        postcode: c.postcode.clone(),
                        note: c.note.clone(),
                    };
                    (c.measure.clone(), form)
                })
                .collect(),
        ),
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
    }
}
