//! Bids in a CSV file: the layout a council officer gets from an
//! e-tendering portal's questionnaire export or keeps in a spreadsheet, one
//! row per answer, several bids in one file.
//!
//! ```text
//! bid,field,value
//! Acme Ltd,contract.value,2000000
//! Acme Ltd,contract.duration_years,3
//! Acme Ltd,contract.start_year,2027
//! Acme Ltd,commitments[0].measure,apprentices
//! Acme Ltd,commitments[0].quantity,4
//! Bryn & Co,contract.value,1800000
//! ```
//!
//! - **Columns** are found by their header, in any order and any case:
//!   `bid` (the name the bid is listed by), `field` (the proposal field, its
//!   path written as Socval's errors write it, lists counted from 0) and
//!   `value`. Other columns (a question's wording, a portal's reference) are
//!   ignored.
//! - **A bid** is every row with its name, wherever the rows are. A blank
//!   row, or a row whose value is empty, gives nothing (a template's
//!   unanswered question). A list's items are numbered from 0 with none
//!   skipped, so that no commitment can go missing without a word.
//! - **Values**: numbers as digits with a point for decimals (`2000000`,
//!   `12.5`; no `£`, no thousands commas), yes/no fields as `true` or
//!   `false`, everything else as text. A text cell guarded against formulas
//!   as [`crate::csv`] writes it (`'=…`) reads as the text it guards.
//! - `schema_version` and `framework` may be left out: the bid is read as
//!   made for the council's framework, as a widget on its page would have
//!   stamped it.
//!
//! Each bid becomes the JSON text of a proposal, read by the same reader as
//! a proposal file (the CLI's, or the browser's), so it meets the same
//! checks and limits; where that reader names a field, [`CsvBid::row_of`]
//! gives the row. The wording here is English, as the JSON readers' is.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use crate::issues::{Issue, IssueCode, check_document_size};
use crate::proposal::FrameworkStamp;

/// The header of the layout, as [`write`] gives it.
pub const COLUMNS: [&str; 3] = ["bid", "field", "value"];

/// Fields whose value is a number (a list of them, for `profile`), named by
/// their last part: the proposal's format has no two fields of one name
/// with different types (`cli.rs` checks [`kind`] against the JSON Schema).
const NUMBERS: &[&str] = &[
    "value",
    "duration_years",
    "quantity",
    "profile",
    "attribution_percent",
    "amount",
    "respend_percent",
    "local_percent",
    "score_percent",
    "percent",
];
/// Fields whose value is a whole number.
const WHOLE: &[&str] = &["schema_version", "start_year", "shared_by"];
/// Yes/no fields.
const FLAGS: &[&str] = &["per_year", "sme", "vcse"];

/// A proposal nests four levels (`commitments[0].profile[1]`): a longer
/// path is no field, and is refused before it could nest deeper.
const MAX_PARTS: usize = 6;

/// One bid in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvBid {
    /// The name in its `bid` column.
    pub name: String,
    /// The bid as a proposal's JSON text, or the first problem found in its
    /// rows.
    pub json: Result<String, Issue>,
    /// Each field given, with the line it is on.
    fields: Vec<(String, u64)>,
}

impl CsvBid {
    /// The line of the file that gave the field at `path` (or the first
    /// field under it), to say where a reader's error is.
    pub fn row_of(&self, path: &str) -> Option<u64> {
        self.fields
            .iter()
            .find(|(f, _)| {
                f == path
                    || f.strip_prefix(path)
                        .is_some_and(|rest| rest.starts_with(['.', '[']))
            })
            .map(|(_, line)| *line)
    }

    /// Issues raised for this bid (by a reader, or by the calculation),
    /// each with the row its field came from.
    pub fn place(&self, issues: Vec<Issue>) -> Vec<Issue> {
        issues.into_iter().map(|i| self.locate(i)).collect()
    }

    /// An issue a reader raised for this bid, with the row it came from.
    pub fn locate(&self, mut issue: Issue) -> Issue {
        if let Some(line) = self.row_of(&issue.path) {
            issue.message = format!("row {line}: {}", issue.message).into();
        }
        issue
    }
}

/// Why a proposal cannot be scored ([`crate::evaluation::reason`]), each
/// problem of a bid from a CSV file (`rows`) on the row its field came from:
/// what `socval batch` and the evaluator page both say.
pub fn reason(rows: Option<&CsvBid>, issues: Vec<Issue>) -> String {
    let issues = match rows {
        Some(b) => b.place(issues),
        None => issues,
    };
    crate::evaluation::reason(&issues)
}

/// Reads the bids of a CSV file, in the order their names first appear.
///
/// # Errors
/// The file as a whole cannot be read: too large, not CSV, no `bid`,
/// `field` or `value` column, a row without a bid's name, or no bid at all.
/// A problem in one bid's rows is that bid's, in [`CsvBid::json`].
#[allow(clippy::result_large_err)] // one issue, once per file
pub fn read(text: &str, stamp: &FrameworkStamp) -> Result<Vec<CsvBid>, Issue> {
    check_document_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(not_csv)?.clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                file_issue(format!(
                    "has no \"{name}\" column: a bids file's first row names its columns bid, field and value"
                ))
            })
    };
    let [bid, field, value] = [column("bid")?, column("field")?, column("value")?];
    let mut bids: Vec<Rows> = Vec::new();
    // Each bid's place in `bids`, by name: a file of millions of rows is
    // read in time proportional to its length.
    let mut place: HashMap<String, usize> = HashMap::new();
    let lines = Lines::of(text);
    for record in reader.records() {
        let record = record.map_err(not_csv)?;
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        // A text keeps its spaces; a number's are trimmed where it is read.
        let raw = |i: usize| record.get(i).unwrap_or("");
        // A row with nothing in the three columns (a heading in a column of
        // notes, a blank line) gives nothing.
        if [bid, field, value]
            .iter()
            .all(|&i| raw(i).trim().is_empty())
        {
            continue;
        }
        let name = unguard(cell(bid));
        if name.is_empty() {
            return Err(file_issue(format!("row {line}: the bid column is empty")));
        }
        let i = *place.entry(name.to_string()).or_insert_with(|| {
            bids.push(Rows::new(name));
            bids.len() - 1
        });
        let rows = bids.get_mut(i);
        if let Some(rows) = rows {
            rows.add(line, cell(field), raw(value));
        }
    }
    if bids.is_empty() {
        return Err(file_issue("has no bids: no row after the header".into()));
    }
    Ok(bids.into_iter().map(|b| b.finish(stamp)).collect())
}

/// The evaluators' qualitative marks for the bids named `names`: a CSV
/// file with `bid` (the name a bid is listed by) and `mark` (out of 100)
/// columns, found by their header, a row a bid. By each name's place in
/// `names`; none where a bid is not marked.
///
/// # Errors
/// No `bid` or `mark` column, a name that is no bid's, a mark that is not a
/// number, or a bid marked twice, each with its row.
pub fn marks(text: &str, names: &[&str]) -> Result<Vec<Option<crate::Decimal>>, String> {
    check_document_size(text.len()).map_err(|i| i.message.to_string())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = Lines::of(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let head = reader.headers().map_err(|e| e.to_string())?.clone();
    let column = |name: &str| {
        head.iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .ok_or_else(|| format!("has no \"{name}\" column: a marks file's first row names its columns bid and mark"))
    };
    let (bid, mark) = (column("bid")?, column("mark")?);
    let mut out = vec![None; names.len()];
    for record in reader.records() {
        let record = record.map_err(|e| format!("is not a CSV file: {e}"))?;
        let row = record.position().map_or(0, |p| lines.at(p.byte()));
        let name = unguard(record.get(bid).unwrap_or("").trim());
        let value = record.get(mark).unwrap_or("").trim();
        // A bid left unmarked in a template: no mark yet.
        if value.is_empty() {
            continue;
        }
        let i = names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| format!("row {row}: \"{name}\" is not one of the bids"))?;
        let m = number(value)
            .and_then(|n| crate::Decimal::parse(&n).ok())
            .ok_or_else(|| format!("row {row}: the mark \"{value}\" is not a number"))?;
        match out.get_mut(i) {
            Some(Some(_)) => return Err(format!("row {row}: {name} is marked twice")),
            Some(slot) => *slot = Some(m),
            None => {}
        }
    }
    Ok(out)
}

/// A file's bytes as text: UTF-8 (with or without a byte order mark), else
/// Windows-1252, the encoding a spreadsheet on Windows writes when a file is
/// saved as plain "CSV" rather than "CSV UTF-8" (its "£" is the byte A3,
/// which is not UTF-8). Mapped as the WHATWG Encoding Standard's
/// index-windows-1252 maps it, which is what a browser's `TextDecoder` does.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => bytes
            .iter()
            .map(|&b| windows_1252(b))
            .collect::<String>()
            .into(),
    }
}

/// One byte of Windows-1252: 80 to 9F as the table says, every other byte
/// the code point of its value.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9f => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(b),
    }
}

/// Where each line of the file starts, to number a record's row. The csv
/// crate's own line count is one short after a CRLF (the end spreadsheets
/// write) and after blank lines: it counts them when it starts the next
/// record.
struct Lines<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn of(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            text: text.as_bytes(),
            starts,
        }
    }

    /// The line (from 1) of the record reported at `byte`: the csv crate
    /// reports it before the line ends (and blank lines) it skipped, so
    /// those are stepped over first.
    fn at(&self, byte: u64) -> u64 {
        let mut byte = usize::try_from(byte).unwrap_or(self.text.len());
        while self
            .text
            .get(byte)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            byte += 1;
        }
        let line = self.starts.partition_point(|&s| s <= byte);
        u64::try_from(line).unwrap_or(u64::MAX)
    }
}

fn file_issue(message: String) -> Issue {
    Issue::new("", IssueCode::Syntax, message)
}

fn not_csv(e: csv::Error) -> Issue {
    let at = e
        .position()
        .map_or(String::new(), |p| format!(" (row {})", p.line()));
    let why = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"".to_string()
        }
        _ => format!("is not a CSV file: {e}"),
    };
    file_issue(format!("{why}{at}"))
}

/// One bid's rows as they are read.
struct Rows {
    name: String,
    tree: Node,
    fields: Vec<(String, u64)>,
    /// The same, by field, to find a field given twice at once.
    seen: HashMap<String, u64>,
    problem: Option<Issue>,
}

impl Rows {
    fn new(name: &str) -> Rows {
        Rows {
            name: name.to_string(),
            tree: Node::Empty,
            fields: Vec::new(),
            seen: HashMap::new(),
            problem: None,
        }
    }

    fn add(&mut self, line: u64, field: &str, value: &str) {
        if self.problem.is_some() || (field.is_empty() && value.trim().is_empty()) {
            return;
        }
        let at = |message: String| {
            Issue::new(field, IssueCode::Syntax, format!("row {line}: {message}"))
        };
        let result = parts(field)
            .ok_or_else(|| at(format!("\"{field}\" is not a field of a proposal")))
            .and_then(|parts| {
                let Some(token) = token(&parts, value).map_err(&at)? else {
                    return Ok(false);
                };
                if let Some(before) = self.seen.get(field) {
                    return Err(at(format!("given again (first on row {before})")));
                }
                self.tree
                    .put(&parts, token)
                    .map(|()| true)
                    .map_err(|()| at("is both a value and a group of fields".into()))
            });
        match result {
            Ok(true) => {
                self.seen.insert(field.to_string(), line);
                self.fields.push((field.to_string(), line));
            }
            Ok(false) => {}
            Err(issue) => self.problem = Some(issue),
        }
    }

    fn finish(mut self, stamp: &FrameworkStamp) -> CsvBid {
        let json = match self.problem.take() {
            Some(issue) => Err(issue),
            None => {
                self.stamp(stamp);
                let mut out = String::new();
                self.tree.write(&mut out, "").map(|()| out)
            }
        };
        CsvBid {
            name: self.name,
            json,
            fields: self.fields,
        }
    }

    /// The council's framework, and this format's version, where not given.
    fn stamp(&mut self, stamp: &FrameworkStamp) {
        let given = |name: &str| {
            self.fields
                .iter()
                .any(|(f, _)| f == name || f.starts_with(&format!("{name}.")))
        };
        let missing_version = !given("schema_version");
        let missing_framework = !given("framework");
        if missing_version {
            let _ = self.tree.put(&[Part::Key("schema_version")], "1".into());
        }
        if missing_framework {
            let _ = self.tree.put(
                &[Part::Key("framework"), Part::Key("id")],
                string(&stamp.id),
            );
            let _ = self.tree.put(
                &[Part::Key("framework"), Part::Key("version")],
                string(&stamp.version),
            );
        }
    }
}

/// A step of a field's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part<'a> {
    Key(&'a str),
    Index(usize),
}

/// `commitments[0].quantity` as its parts; `None` if it is not a path.
fn parts(field: &str) -> Option<Vec<Part<'_>>> {
    let mut out = Vec::new();
    let mut rest = field;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            let digits = after.get(..end)?;
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            out.push(Part::Index(digits.parse().ok()?));
            rest = after.get(end + 1..)?;
        } else {
            let rest_key = if out.is_empty() {
                rest
            } else {
                rest.strip_prefix('.')?
            };
            let end = rest_key.find(['.', '[']).unwrap_or(rest_key.len());
            let key = rest_key.get(..end)?;
            if key.is_empty()
                || !key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
            {
                return None;
            }
            out.push(Part::Key(key));
            rest = rest_key.get(end..)?;
        }
        if out.len() > MAX_PARTS {
            return None;
        }
    }
    matches!(out.first(), Some(Part::Key(_))).then_some(out)
}

/// How a field's value is read, by the field's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A decimal number.
    Number,
    /// A whole number.
    Whole,
    /// `true` or `false`.
    Flag,
    /// Text.
    Text,
}

/// How the value of a field whose last name is `name` is read
/// (`quantity`, `per_year`, `postcode`).
pub fn kind(name: &str) -> Kind {
    if WHOLE.contains(&name) {
        Kind::Whole
    } else if NUMBERS.contains(&name) {
        Kind::Number
    } else if FLAGS.contains(&name) {
        Kind::Flag
    } else {
        Kind::Text
    }
}

/// The value as a JSON token, typed by the field's name; `None` for a
/// number or a flag left empty.
fn token(parts: &[Part<'_>], value: &str) -> Result<Option<String>, String> {
    let name = parts
        .iter()
        .rev()
        .find_map(|p| match p {
            Part::Key(k) => Some(*k),
            Part::Index(_) => None,
        })
        .unwrap_or("");
    let kind = kind(name);
    let text = value;
    let value = if kind == Kind::Text {
        value
    } else {
        value.trim()
    };
    if value.is_empty() {
        // An unanswered question: a number or a flag not given; a text
        // given as empty (as a proposal's JSON may give it).
        return Ok((kind == Kind::Text).then(|| string("")));
    }
    match kind {
        Kind::Whole => whole(value)
            .map(Some)
            .ok_or_else(|| format!("\"{value}\" is not a whole number")),
        Kind::Number => number(value).map(Some).ok_or_else(|| {
            format!("\"{value}\" is not a number (write digits, with a point for decimals: 2000000 or 12.5)")
        }),
        Kind::Flag => match value.to_ascii_lowercase().as_str() {
            "true" => Ok(Some("true".into())),
            "false" => Ok(Some("false".into())),
            _ => Err(format!("\"{value}\" is not true or false")),
        },
        Kind::Text => Ok(Some(string(unguard(text)))),
    }
}

/// Digits with an optional sign, as JSON writes an integer (leading zeros
/// dropped).
fn whole(value: &str) -> Option<String> {
    let (sign, digits) = value.strip_prefix('-').map_or(("", value), |d| ("-", d));
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let trimmed = digits.trim_start_matches('0');
    // JSON reads "-0" as a float: zero has no sign here.
    Some(if trimmed.is_empty() {
        "0".to_string()
    } else {
        format!("{sign}{trimmed}")
    })
}

/// A decimal number in JSON's form (`12.5`, `-3`, `1e-6`), leading zeros
/// of its whole part dropped.
fn number(value: &str) -> Option<String> {
    let (sign, body) = value.strip_prefix('-').map_or(("", value), |b| ("-", b));
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (body.get(..i)?, Some(body.get(i + 1..)?)),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    if !exponent_ok {
        return None;
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let mut out = format!("{sign}{int}");
    if let Some(f) = frac {
        let _ = write!(out, ".{f}");
    }
    if let Some(e) = exponent {
        let _ = write!(out, "e{e}");
    }
    Some(out)
}

/// A text cell as it was before [`crate::csv::text_cell`] guarded it.
fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if crate::csv::needs_guard(rest) => rest,
        _ => value,
    }
}

/// `s` as a JSON string.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A bid's fields as they are put together.
enum Node {
    Empty,
    Leaf(String),
    Object(Vec<(String, Node)>),
    Array(BTreeMap<usize, Node>),
}

impl Node {
    /// Puts `token` at `parts`; `Err` where a value and a group meet.
    fn put(&mut self, parts: &[Part<'_>], token: String) -> Result<(), ()> {
        let Some((first, rest)) = parts.split_first() else {
            return match self {
                Node::Empty => {
                    *self = Node::Leaf(token);
                    Ok(())
                }
                _ => Err(()),
            };
        };
        if matches!(self, Node::Empty) {
            *self = match first {
                Part::Key(_) => Node::Object(Vec::new()),
                Part::Index(_) => Node::Array(BTreeMap::new()),
            };
        }
        let child = match (self, first) {
            (Node::Object(fields), Part::Key(k)) => {
                if let Some(i) = fields.iter().position(|(f, _)| f == k) {
                    fields.get_mut(i).map(|(_, n)| n)
                } else {
                    fields.push(((*k).to_string(), Node::Empty));
                    fields.last_mut().map(|(_, n)| n)
                }
            }
            (Node::Array(items), Part::Index(i)) => Some(items.entry(*i).or_insert(Node::Empty)),
            _ => None,
        };
        child.ok_or(())?.put(rest, token)
    }

    /// Writes the node as JSON; a list with an item skipped is refused,
    /// naming the first missing one.
    fn write(&self, out: &mut String, path: &str) -> Result<(), Issue> {
        match self {
            Node::Empty => out.push_str("null"),
            Node::Leaf(token) => out.push_str(token),
            Node::Object(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&string(k));
                    out.push(':');
                    let sep = if path.is_empty() { "" } else { "." };
                    v.write(out, &format!("{path}{sep}{k}"))?;
                }
                out.push('}');
            }
            Node::Array(items) => {
                out.push('[');
                for (expected, (i, v)) in items.iter().enumerate() {
                    if *i != expected {
                        return Err(Issue::new(
                            format!("{path}[{expected}]"),
                            IssueCode::Required,
                            format!(
                                "is missing: {path}'s items are numbered from 0 with none skipped, and the file goes on to {path}[{i}]"
                            ),
                        ));
                    }
                    if expected > 0 {
                        out.push(',');
                    }
                    v.write(out, &format!("{path}[{i}]"))?;
                }
                out.push(']');
            }
        }
        Ok(())
    }
}

/// Proposals as a bids file in this layout: each as rows of the name given
/// with it (trimmed, and made unique), a row for every field its JSON has.
/// An empty list has no rows, and reads back as not given.
/// Opened again with [`read`], it gives the same proposals.
#[cfg(feature = "json")]
pub fn write<'a>(bids: impl IntoIterator<Item = (&'a str, &'a crate::Proposal)>) -> String {
    use crate::csv::{EOL, header, text_cell};
    let mut out = header(&COLUMNS);
    let mut used = std::collections::HashSet::new();
    for (n, (name, proposal)) in bids.into_iter().enumerate() {
        let Ok(value) = serde_json::to_value(proposal) else {
            continue;
        };
        // A bid is its rows of one name, read trimmed: each proposal gets
        // a name of its own (two files from one bidder stay two bids).
        let name = unique_name(name, n, &mut used);
        let name = name.as_str();
        let mut rows = Vec::new();
        flatten(&value, String::new(), &mut rows);
        // In the format's order (serde_json's map is alphabetical): the
        // contract first, as a reader of the sheet expects.
        rows.sort_by_key(|(field, _)| {
            TOP.iter()
                .position(|t| field.split(['.', '[']).next() == Some(t))
                .unwrap_or(TOP.len())
        });
        for (field, value) in rows {
            let _ = write!(
                out,
                "{},{},{value}{EOL}",
                text_cell(name),
                text_cell(&field)
            );
        }
    }
    out
}

/// `name` trimmed, or "Bid N" where it is empty, with " (2)", " (3)", …
/// where it is already taken.
#[cfg(feature = "json")]
fn unique_name(name: &str, n: usize, used: &mut std::collections::HashSet<String>) -> String {
    let base = match name.trim() {
        "" => format!("Bid {}", n + 1),
        trimmed => trimmed.to_string(),
    };
    let mut candidate = base.clone();
    let mut k = 1;
    while !used.insert(candidate.clone()) {
        k += 1;
        candidate = format!("{base} ({k})");
    }
    candidate
}

/// A proposal's fields in the order its format gives them.
#[cfg(feature = "json")]
const TOP: [&str; 7] = [
    "bidder",
    "contract",
    "commitments",
    "spend",
    "self_assessment",
    "framework",
    "schema_version",
];

#[cfg(feature = "json")]
fn flatten(value: &serde_json::Value, path: String, rows: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match value {
        Value::Null => {}
        Value::Bool(b) => rows.push((path, b.to_string())),
        // 156, not 156.0: as a person writes it (the reader takes both).
        Value::Number(n) => {
            let n = n.to_string();
            rows.push((path, n.strip_suffix(".0").map_or(n.clone(), str::to_string)));
        }
        Value::String(s) => rows.push((path, crate::csv::text_cell(s))),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(v, format!("{path}[{i}]"), rows);
            }
        }
        Value::Object(fields) => {
            for (k, v) in fields {
                let sep = if path.is_empty() { "" } else { "." };
                flatten(v, format!("{path}{sep}{k}"), rows);
            }
        }
    }
}
