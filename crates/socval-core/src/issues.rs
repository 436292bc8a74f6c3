//! Errors and warnings, each naming the field it is about.
//!
//! Every problem is an [`Issue`]: a field path such as
//! `commitments[2].quantity`, a machine-readable [`IssueCode`] (so a widget
//! can word it in Welsh from its own catalogue) and an English message.
//! Each operation has its own error type holding all the issues found, so
//! a user sees every problem at once.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::message::Msg;

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The field path, e.g. `commitments[2].quantity`; empty for the whole document.
    pub path: String,
    /// What kind of problem it is.
    pub code: IssueCode,
    /// The rule broken, as a key and parameters; its `Display` is the
    /// English text, without the path.
    pub message: Msg,
}

/// An issue as JSON: the path, the code, the message's key and parameters,
/// and its English text, so the output is readable and translatable.
impl Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Issue", 5)?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("code", &self.code)?;
        out.serialize_field("key", self.message.key_name())?;
        out.serialize_field("params", &self.message)?;
        out.serialize_field("message", &crate::working::message_of(&self.message))?;
        out.end()
    }
}

/// The JSON Schema of [`Issue`]'s output, with every message key listed.
#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

    /// One problem with one field. (The shape [`super::Issue`] is written in.)
    #[derive(JsonSchema)]
    #[schemars(description = "One problem with one field.")]
    #[allow(dead_code)]
    struct IssueJson {
        /// The field path, e.g. `commitments[2].quantity`; empty for the whole document.
        path: String,
        /// What kind of problem it is.
        code: super::IssueCode,
        /// The message's key in a catalogue: its words in any language.
        key: MessageKey,
        /// The message's parameters, by name: text, or numbers for money,
        /// quantities, counts and years. An empty `area` is an area the
        /// council did not name: "the local area".
        params: std::collections::BTreeMap<String, Param>,
        /// The rule broken, in English, without the path.
        message: String,
    }

    /// A message parameter.
    #[derive(JsonSchema)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Param {
        Text(String),
        Number(f64),
    }

    /// One of the message keys.
    struct MessageKey;

    impl JsonSchema for MessageKey {
        fn schema_name() -> Cow<'static, str> {
            "MessageKey".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let keys: Vec<&str> = crate::message::catalogue().map(|e| e.key).collect();
            json_schema!({ "type": "string", "enum": keys, "description": "A message key; its parameters and English template are in `socval_core::message::catalogue()`." })
        }
    }

    impl JsonSchema for super::Issue {
        fn schema_name() -> Cow<'static, str> {
            "Issue".into()
        }
        fn json_schema(g: &mut SchemaGenerator) -> Schema {
            IssueJson::json_schema(g)
        }
    }
}

impl Issue {
    /// A new issue.
    pub fn new(path: impl Into<String>, code: IssueCode, message: impl Into<Msg>) -> Issue {
        Issue {
            path: path.into(),
            code,
            message: message.into(),
        }
    }
}

/// How many warnings of one kind are listed before the rest are counted.
pub const REPEATS_SHOWN: usize = 3;

/// Writes a field path's kind into `into`: the path with each run of digits
/// as one `#`, so that `commitments[7].postcode` and
/// `commitments[8].postcode` are one kind, and the kinds stay few whatever
/// the messages say (a postcode in each, say).
fn write_shape(path: &str, into: &mut String) {
    into.clear();
    let mut digits = false;
    for c in path.chars() {
        if c.is_ascii_digit() {
            if !digits {
                into.push('#');
            }
            digits = true;
        } else {
            digits = false;
            into.push(c);
        }
    }
}

/// Groups warnings repeated for many lines: the first [`REPEATS_SHOWN`] of
/// each kind stay, and one more says how many like them were left out, so a
/// proposal of 100,000 lines does not give 100,000 copies of one warning.
pub fn group_repeats(warnings: Vec<Issue>) -> Vec<Issue> {
    let mut grouped = Warnings::default();
    for w in warnings {
        let message = w.message;
        grouped.push_with(w.path, w.code, || message);
    }
    grouped.finish()
}

/// Warnings grouped as they are collected, as [`group_repeats`] groups
/// them: past [`REPEATS_SHOWN`] of a kind only a count is kept, so a warning
/// repeated for many lines is not written out for each (checking is on the
/// path of every evaluation).
#[derive(Clone, Debug, Default)]
pub(crate) struct Warnings {
    shown: Vec<Issue>,
    kinds: Vec<Kind>,
    /// The path being added, and its kind, written here first so that a
    /// warning left out costs no allocation.
    scratch: String,
    shape: String,
}

/// One kind of warning: its code and shape (see [`write_shape`]), how many
/// so far, where its last shown one is, and past the limit how many were
/// left out and the first of them.
#[derive(Clone, Debug)]
struct Kind {
    code: IssueCode,
    shape: String,
    seen: usize,
    last: usize,
    left_out: Option<(usize, String)>,
}

impl Warnings {
    pub(crate) fn push(&mut self, path: impl IntoPath, code: IssueCode, message: impl Into<Msg>) {
        self.write(path);
        let message = message.into();
        if self.count(code) {
            self.show(code, message);
        }
    }

    /// Adds a warning whose message is made only if it is shown.
    pub(crate) fn push_with(
        &mut self,
        path: impl IntoPath,
        code: IssueCode,
        message: impl FnOnce() -> Msg,
    ) {
        self.write(path);
        if self.count(code) {
            self.show(code, message());
        }
    }

    /// Writes the path of the warning being added, and its kind.
    fn write(&mut self, path: impl IntoPath) {
        self.scratch.clear();
        path.write_path(&mut self.scratch);
        write_shape(&self.scratch, &mut self.shape);
    }

    /// Shows the warning being added.
    fn show(&mut self, code: IssueCode, message: Msg) {
        self.shown.push(Issue {
            path: self.scratch.clone(),
            code,
            message,
        });
    }

    /// Counts a warning under its kind; whether it is one of those shown.
    fn count(&mut self, code: IssueCode) -> bool {
        let at = self
            .kinds
            .iter()
            .position(|k| k.code == code && k.shape == self.shape);
        let kind = match at.and_then(|i| self.kinds.get_mut(i)) {
            Some(k) => k,
            None => {
                self.kinds.push(Kind {
                    code,
                    shape: self.shape.clone(),
                    seen: 0,
                    last: 0,
                    left_out: None,
                });
                let Some(k) = self.kinds.last_mut() else {
                    return true;
                };
                k
            }
        };
        kind.seen += 1;
        if kind.seen <= REPEATS_SHOWN {
            kind.last = self.shown.len();
            return true;
        }
        match &mut kind.left_out {
            Some((n, _)) => *n += 1,
            None => kind.left_out = Some((1, self.scratch.clone())),
        }
        false
    }

    /// The warnings shown, each kind's count straight after the last of
    /// its kind shown.
    pub(crate) fn finish(self) -> Vec<Issue> {
        // Merged by position without sorting: a sort's code would cost the
        // widget more than the few kinds there are.
        let mut counts: Vec<(usize, usize, IssueCode, String)> = self
            .kinds
            .into_iter()
            .filter_map(|k| k.left_out.map(|(n, first)| (k.last + 1, n, k.code, first)))
            .collect();
        if counts.is_empty() {
            return self.shown;
        }
        let mut merged = Vec::with_capacity(self.shown.len() + counts.len());
        for (i, w) in self.shown.into_iter().enumerate() {
            take_counts(&mut counts, i, &mut merged);
            merged.push(w);
        }
        take_counts(&mut counts, usize::MAX, &mut merged);
        merged
    }
}

/// Moves the counts that go at or before position `at` into `into`.
fn take_counts(
    counts: &mut Vec<(usize, usize, IssueCode, String)>,
    at: usize,
    into: &mut Vec<Issue>,
) {
    while let Some(i) = counts.iter().position(|c| c.0 <= at) {
        let (_, n, code, path) = counts.remove(i);
        let n = crate::message::count(n);
        let message = if path.is_empty() {
            Msg::more_like_this_here(n)
        } else {
            Msg::more_like_this(n, path.clone())
        };
        into.push(Issue::new(path, code, message));
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Kinds of problem. Errors stop a calculation; warnings come with a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    /// The text is not valid JSON, or a field has the wrong type.
    Syntax,
    /// A required field is missing or empty.
    Required,
    /// A number is below zero.
    Negative,
    /// A number is outside its allowed range.
    OutOfRange,
    /// A count or length is over the limit.
    TooLarge,
    /// A name refers to nothing (measure, theme, criterion, framework).
    Unknown,
    /// The same id appears twice.
    Duplicate,
    /// A postcode is not a postcode, or not in the outward-code table.
    Postcode,
    /// The proposal was made for another framework or version.
    WrongFramework,
    /// Two parts of the input disagree.
    Inconsistent,
    /// Warning: two commitments may count the same outcome.
    DoubleCounting,
    /// Warning: a figure looks implausible.
    Implausible,
    /// Warning: something the user should know about the result.
    Notice,
    /// Warning: the proposal does not meet one of the council's rules.
    Rule,
}

macro_rules! issue_error {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name {
            /// Every issue found, in field order.
            pub issues: Vec<Issue>,
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let n = self.issues.len();
                write!(f, "{} {} problem{}:", $what, n, if n == 1 { "" } else { "s" })?;
                for issue in &self.issues {
                    write!(f, "\n  {issue}")?;
                }
                Ok(())
            }
        }

        impl std::error::Error for $name {}
    };
}

#[cfg(feature = "delivery")]
pub(crate) use issue_error;

issue_error!(
    /// A document could not be read as JSON of the expected shape.
    ParseError, "the file has"
);
issue_error!(
    /// A council configuration breaks its rules.
    ConfigError, "the council configuration has"
);
issue_error!(
    /// A proposal breaks its rules; no result can be given.
    ProposalError, "the proposal has"
);

/// Collects issues while walking a document, tracking the current path.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    pub(crate) issues: Vec<Issue>,
}

impl Collector {
    pub(crate) fn push(&mut self, path: impl IntoPath, code: IssueCode, message: impl Into<Msg>) {
        self.add(path.into_path(), code, message.into());
    }

    /// What [`Collector::push`] does, once for every kind of path and message.
    fn add(&mut self, path: String, code: IssueCode, message: Msg) {
        self.issues.push(Issue {
            path,
            code,
            message,
        });
    }
}

/// Limits on the size of any input, so that no document can exhaust memory
/// or time in a browser tab.
pub mod limits {
    /// Commitments in one proposal.
    pub const COMMITMENTS: usize = 100_000;
    /// Staff lines, and separately supplier lines, in one proposal.
    pub const SPEND_LINES: usize = 100_000;
    /// Measures in one framework.
    pub const MEASURES: usize = 2_000;
    /// Characters in a name, label or id.
    pub const SHORT_TEXT: usize = 200;
    /// Characters in a note, help text or description.
    pub const LONG_TEXT: usize = 5_000;
    /// Contract length, years.
    pub const YEARS: i64 = 50;
    /// Bytes of JSON text accepted by the parser.
    pub const JSON_BYTES: usize = 32 * 1024 * 1024;
    /// Entries in any other list (areas, bands, criteria, profile years).
    pub const LIST: usize = 1_000;
}

/// Refuses a document over [`limits::JSON_BYTES`] before any parsing, with
/// the message every reader gives (the core's JSON reader, the widget's).
// One issue, once per file read: its size does not matter.
#[allow(clippy::result_large_err)]
pub fn check_document_size(bytes: usize) -> Result<(), Issue> {
    if bytes > limits::JSON_BYTES {
        return Err(Issue::new(
            "",
            IssueCode::TooLarge,
            Msg::large_file(
                crate::message::count(bytes),
                crate::message::count(limits::JSON_BYTES),
            ),
        ));
    }
    Ok(())
}

impl Collector {
    pub(crate) fn non_negative(&mut self, path: impl IntoPath, value: crate::fixed::Decimal) {
        if value.is_negative() {
            self.push(path, IssueCode::Negative, Msg::negative());
        }
    }

    pub(crate) fn percent(&mut self, path: impl IntoPath, value: crate::fixed::Decimal) {
        if value.is_negative() || value > crate::fixed::Decimal::HUNDRED {
            self.push(path, IssueCode::OutOfRange, Msg::percent());
        }
    }

    pub(crate) fn text(&mut self, path: impl IntoPath, value: &str, max: usize, required: bool) {
        if let Some((code, message)) = text_problem(value, max, required) {
            self.add(path.into_path(), code, message);
        }
    }

    pub(crate) fn list_len(&mut self, path: impl IntoPath, len: usize, max: usize) -> bool {
        if len > max {
            self.push(
                path,
                IssueCode::TooLarge,
                Msg::long_list(crate::message::count(max), crate::message::count(len)),
            );
            return false;
        }
        true
    }
}

/// What is wrong with a text field, if anything.
fn text_problem(value: &str, max: usize, required: bool) -> Option<(IssueCode, Msg)> {
    if required && value.trim().is_empty() {
        Some((IssueCode::Required, Msg::empty_text()))
    } else if value.chars().count() > max {
        let max = crate::message::count(max);
        Some((IssueCode::TooLarge, Msg::long_text(max)))
    } else {
        None
    }
}

/// A field path such as `commitments[2].quantity`, written out only when an
/// issue is reported: checking a valid proposal builds no path strings.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    /// A top-level field or list: `commitments`.
    Root(&'a str),
    /// An entry of a list: `commitments[2]`.
    Item(&'a Path<'a>, usize),
    /// A field of an entry: `commitments[2].quantity`.
    Field(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    /// The entry `index` of this list.
    pub(crate) fn item(&'a self, index: usize) -> Path<'a> {
        Path::Item(self, index)
    }

    /// The field `name` of this entry.
    pub(crate) fn field(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }
}

/// A field path as an issue holds it. Written out by hand, not through
/// `Display`, so that reporting an issue while evaluating formats nothing.
pub(crate) trait IntoPath {
    /// The path as text.
    fn into_path(self) -> String;

    /// Appends the path to `s`.
    fn write_path(self, s: &mut String);
}

impl IntoPath for &str {
    fn into_path(self) -> String {
        self.to_owned()
    }

    fn write_path(self, s: &mut String) {
        s.push_str(self);
    }
}

impl IntoPath for String {
    fn into_path(self) -> String {
        self
    }

    fn write_path(self, s: &mut String) {
        s.push_str(&self);
    }
}

impl IntoPath for Path<'_> {
    fn into_path(self) -> String {
        let mut s = String::with_capacity(32);
        self.write_into(&mut s);
        s
    }

    fn write_path(self, s: &mut String) {
        self.write_into(s);
    }
}

impl Path<'_> {
    fn write_into(&self, s: &mut String) {
        match self {
            Path::Root(name) => s.push_str(name),
            Path::Item(list, i) => {
                list.write_into(s);
                s.push('[');
                push_digits(s, *i);
                s.push(']');
            }
            Path::Field(entry, name) => {
                entry.write_into(s);
                s.push('.');
                s.push_str(name);
            }
        }
    }
}

/// Appends `n` in decimal digits.
fn push_digits(s: &mut String, n: usize) {
    if n >= 10 {
        push_digits(s, n / 10);
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

impl fmt::Display for Path<'_> {
    /// As [`IntoPath`] writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.into_path())
    }
}

#[cfg(test)]
mod grouping_tests {
    use super::*;

    #[test]
    fn repeated_warnings_are_counted_not_copied() {
        let mut ws: Vec<Issue> = (0..1000)
            .map(|i| {
                Issue::new(
                    format!("commitments[{i}].measure"),
                    IssueCode::DoubleCounting,
                    format!("\"Training\" is also committed at commitments[{}]", i / 2),
                )
            })
            .collect();
        ws.insert(2, Issue::new("", IssueCode::Notice, "something else"));
        let g = group_repeats(ws);
        assert_eq!(g.len(), REPEATS_SHOWN + 2);
        let last = g.last().expect("a count");
        assert_eq!(last.path, "commitments[3].measure");
        assert!(
            last.message
                .to_string()
                .starts_with("and 997 more warnings like the one above"),
            "{}",
            last.message
        );
        assert_eq!(g.get(2).map(|w| w.code), Some(IssueCode::Notice));
    }

    #[test]
    fn a_warning_past_the_limit_is_counted_without_its_message() {
        let mut w = Warnings::default();
        let mut made = 0;
        for i in 0..100 {
            let path = Path::Root("commitments");
            w.push_with(path.item(i).field("postcode"), IssueCode::Notice, || {
                made += 1;
                Msg::not_postcode()
            });
        }
        assert_eq!(made, REPEATS_SHOWN);
        let g = w.finish();
        assert_eq!(g.len(), REPEATS_SHOWN + 1);
        let last = g.last().expect("a count");
        assert_eq!(last.path, "commitments[3].postcode");
        assert!(
            last.message.to_string().starts_with("and 97 more"),
            "{}",
            last.message
        );
    }

    #[test]
    fn a_count_follows_the_warnings_of_its_own_kind() {
        let ws: Vec<Issue> = (0..10)
            .flat_map(|i| {
                [
                    Issue::new(format!("c[{i}]"), IssueCode::Notice, "outside"),
                    Issue::new(format!("c[{i}]"), IssueCode::Implausible, "too many"),
                ]
            })
            .collect();
        let g = group_repeats(ws);
        let codes: Vec<IssueCode> = g.iter().map(|w| w.code).collect();
        use IssueCode::{Implausible as I, Notice as N};
        // n0 i0 n1 i1 n2 [n: 7 more] i2 [i: 7 more]
        assert_eq!(codes, [N, I, N, I, N, N, I, I]);
        assert!(
            g.get(5)
                .is_some_and(|w| w.message.to_string().starts_with("and 7 more"))
        );
    }
}
