//! All of the widget's state in one reducer.

use std::rc::Rc;

use yew::Reducible;

use crate::form::{CommitmentForm, FieldError, Form, SpendForm};

/// A message shown above the form (draft restored, import failed, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// Whether it reports a problem.
    pub problem: bool,
}

/// The widget's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The form as typed.
    pub form: Form,
    /// The measure search text.
    pub search: String,
    /// A notice for the user.
    pub notice: Option<Notice>,
    /// The inputs the user has left, by id: only these show their errors,
    /// so a field not yet reached is never in error (GOV.UK's guidance on
    /// validation: check when the user moves on, not while they type).
    pub left: Vec<String>,
    /// Which errors show whether or not their field has been left.
    pub reveal: Reveal,
    /// The form as it was before "Start again" or opening a link, offered
    /// back until the user changes the form that replaced it.
    pub undo: Option<Undo>,
    /// What a screen reader is told at once about the user's last action
    /// (a line removed), cleared by the next change, and how many times
    /// something has been said: the text is drawn anew each time, so that
    /// the same words twice ("Supplier 2 removed.") are said twice.
    pub said: (u32, String),
}

/// A form replaced as a whole, and what replaced it.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    /// The form before.
    pub before: Rc<Form>,
    /// The form that replaced it: the undo is offered while this is shown.
    pub after: Rc<Form>,
}

/// Errors shown beyond those of the fields the user has left.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reveal {
    /// None: the form as the user meets it.
    #[default]
    Left,
    /// Those about a value that is there: a restored draft or an opened file
    /// shows what is wrong with it, not what it lacks.
    Filled,
    /// Every error: the user asked for something that needs a complete form
    /// (export, print).
    All,
}

impl State {
    /// The errors to show now: see [`State::left`] and [`Reveal`]. An error
    /// tied to no single input, or about several together, shows once the
    /// user has left any field.
    pub fn visible(&self, errors: &[FieldError]) -> Vec<FieldError> {
        errors
            .iter()
            .filter(|e| match self.reveal {
                Reveal::All => true,
                Reveal::Filled if !e.missing => true,
                _ if e.field.is_empty() || e.across => !self.left.is_empty(),
                _ => self.left.contains(&e.field),
            })
            .cloned()
            .collect()
    }
}

/// A contract field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContractField {
    /// Bidder name.
    Bidder,
    /// Value.
    Value,
    /// Duration.
    Duration,
    /// Start year.
    StartYear,
    /// Supplier postcode.
    Postcode,
}

/// A commitment field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitmentField {
    /// Quantity.
    Quantity(String),
    /// The "each year" box.
    PerYear(bool),
    /// The "year by year" box.
    ByYear(bool),
    /// One year's quantity.
    Year(usize, String),
    /// Attribution.
    Attribution(String),
    /// The number of projects sharing it.
    SharedBy(String),
    /// Where it is delivered.
    Postcode(String),
    /// Note.
    Note(String),
}

/// Which commitment line: a measure's first (by measure id), or a further
/// one (by its index in `Form::more`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// The measure's first line.
    Main(String),
    /// A further line.
    More(usize),
}

/// Which spend list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpendList {
    /// Staff wages.
    Staff,
    /// Suppliers.
    Suppliers,
}

/// A spend-line field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpendField {
    /// Label or name.
    Label(String),
    /// Postcode.
    Postcode(String),
    /// Amount.
    Amount(String),
    /// Re-spend.
    Respend(String),
    /// SME flag.
    Sme(bool),
    /// VCSE flag.
    Vcse(bool),
}

/// A field of a spend list's total (the quicker way to give it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TotalField {
    /// Whether the list is given as a total.
    On(bool),
    /// The whole amount.
    Amount(String),
    /// The local share.
    Local(String),
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A contract field was edited.
    Contract(ContractField, String),
    /// A commitment line's field was edited.
    Commitment(Line, CommitmentField),
    /// A further line was added to the measure with this id.
    AddCommitment(String),
    /// The further line at this index of `Form::more` was removed.
    RemoveCommitment(usize),
    /// A spend line was added.
    AddLine(SpendList),
    /// A spend line was removed.
    RemoveLine(SpendList, usize),
    /// A spend-line field was edited.
    Line(SpendList, usize, SpendField),
    /// A spend list's total was chosen or edited.
    Total(SpendList, TotalField),
    /// A self-score was edited.
    SelfScore(String, String),
    /// The measure search changed.
    Search(String),
    /// Clear everything (to this blank form), keeping what was there for
    /// an undo, with a notice that says so.
    Reset(Box<Form>, Notice),
    /// Replace the whole form with an opened file or link, keeping what was
    /// there for an undo when there was anything.
    Open(Box<Form>, Notice, bool),
    /// Bring back the form as it was before "Start again" or a link.
    Undo(Notice),
    /// Show a notice.
    Notify(Notice),
    /// The user left the input with this id.
    Leave(String),
    /// Show every error (the user asked for something that needs them).
    RevealAll,
    /// Tell a screen reader what the last action did.
    Say(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Leaving a field again changes nothing: no render.
        if matches!(&action, Action::Leave(id) if self.left.contains(id))
            || (action == Action::RevealAll && self.reveal == Reveal::All)
        {
            return self;
        }
        let mut s = (*self).clone();
        if !matches!(action, Action::Leave(_)) {
            s.said.1.clear();
        }
        let f = &mut s.form;
        match action {
            Action::Contract(field, v) => {
                let slot = match field {
                    ContractField::Bidder => &mut f.bidder,
                    ContractField::Value => &mut f.value,
                    ContractField::Duration => &mut f.duration,
                    ContractField::StartYear => &mut f.start_year,
                    ContractField::Postcode => &mut f.supplier_postcode,
                };
                *slot = v;
            }
            Action::Commitment(line, field) => {
                // Copies the lines only if the previous state still shares them.
                let c: &mut CommitmentForm = match line {
                    Line::Main(measure) => {
                        Rc::make_mut(&mut f.commitments).entry(measure).or_default()
                    }
                    Line::More(i) => match Rc::make_mut(&mut f.more).get_mut(i) {
                        Some(c) => c,
                        None => return self,
                    },
                };
                match field {
                    CommitmentField::Quantity(v) => c.quantity = v,
                    CommitmentField::PerYear(b) => c.per_year = b,
                    CommitmentField::ByYear(b) => c.by_year = b,
                    CommitmentField::Year(i, v) => {
                        if c.years.len() <= i {
                            c.years.resize(i + 1, String::new());
                        }
                        if let Some(slot) = c.years.get_mut(i) {
                            *slot = v;
                        }
                    }
                    CommitmentField::Attribution(v) => c.attribution = v,
                    CommitmentField::SharedBy(v) => c.shared_by = v,
                    CommitmentField::Postcode(v) => c.postcode = v,
                    CommitmentField::Note(v) => c.note = v,
                }
            }
            Action::AddLine(list) => lines(f, list).push(SpendForm::default()),
            Action::AddCommitment(measure) => {
                Rc::make_mut(&mut f.more).push(CommitmentForm {
                    measure,
                    ..CommitmentForm::default()
                });
            }
            Action::RemoveCommitment(i) => {
                if i < f.more.len() {
                    Rc::make_mut(&mut f.more).remove(i);
                    renumber(&mut s.left, "more-", i);
                }
            }
            Action::RemoveLine(list, i) => {
                let l = lines(f, list);
                if i < l.len() {
                    l.remove(i);
                    let prefix = match list {
                        SpendList::Staff => "staff-",
                        SpendList::Suppliers => "suppliers-",
                    };
                    renumber(&mut s.left, prefix, i);
                }
            }
            Action::Line(list, i, field) => {
                if let Some(line) = lines(f, list).get_mut(i) {
                    match field {
                        SpendField::Label(v) => line.label = v,
                        SpendField::Postcode(v) => line.postcode = v,
                        SpendField::Amount(v) => line.amount = v,
                        SpendField::Respend(v) => line.respend = v,
                        SpendField::Sme(b) => line.sme = b,
                        SpendField::Vcse(b) => line.vcse = b,
                    }
                }
            }
            Action::Total(list, field) => {
                let t = match list {
                    SpendList::Staff => &mut f.staff_total,
                    SpendList::Suppliers => &mut f.suppliers_total,
                };
                match field {
                    TotalField::On(b) => t.on = b,
                    TotalField::Amount(v) => t.amount = v,
                    TotalField::Local(v) => t.local = v,
                }
            }
            Action::SelfScore(k, v) => {
                f.self_scores.insert(k, v);
            }
            Action::Search(q) => s.search = q,
            Action::Reset(form, notice) => {
                let after = Rc::new((*form).clone());
                let before = Rc::new(std::mem::replace(&mut s.form, *form));
                s = State {
                    undo: Some(Undo { before, after }),
                    form: s.form,
                    notice: Some(notice),
                    ..State::default()
                };
            }
            Action::Open(form, notice, keep) => {
                let after = Rc::new((*form).clone());
                let before = Rc::new(std::mem::replace(&mut s.form, *form));
                s.undo = keep.then_some(Undo { before, after });
                s.notice = Some(notice);
                s.reveal = s.reveal.max(Reveal::Filled);
            }
            Action::Undo(notice) => {
                if let Some(u) = s.undo.take() {
                    s.form = Rc::unwrap_or_clone(u.before);
                    s.notice = Some(notice);
                    s.reveal = s.reveal.max(Reveal::Filled);
                }
            }
            Action::Notify(n) => s.notice = Some(n),
            Action::Leave(id) => s.left.push(id),
            Action::RevealAll => s.reveal = Reveal::All,
            Action::Say(text) => s.said = (s.said.0.wrapping_add(1), text),
        }
        Rc::new(s)
    }
}

/// After line `removed` of a list whose inputs are named `{prefix}{index}-…`
/// is removed: its inputs are forgotten and those of later lines renumbered,
/// so that having left an input stays with the line it was left on.
fn renumber(left: &mut Vec<String>, prefix: &str, removed: usize) {
    left.retain_mut(|id| {
        let Some((n, tail)) = id.strip_prefix(prefix).and_then(|r| r.split_once('-')) else {
            return true;
        };
        match n.parse::<usize>() {
            Ok(n) if n == removed => false,
            Ok(n) if n > removed => {
                *id = format!("{prefix}{}-{tail}", n - 1);
                true
            }
            _ => true,
        }
    });
}

fn lines(f: &mut Form, list: SpendList) -> &mut Vec<SpendForm> {
    match list {
        SpendList::Staff => &mut f.staff,
        SpendList::Suppliers => &mut f.suppliers,
    }
}
