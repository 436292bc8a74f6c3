//! CSV for spreadsheets, safe to open: every CSV Socval writes follows the
//! rules here.
//!
//! - **UTF-8 with a byte order mark** ([`BOM`]): spreadsheet programs that
//!   guess the encoding (Excel on Windows among them) otherwise show "£" as
//!   "Â£" and break Welsh letters (ŵ, ŷ).
//! - **RFC 4180**: rows end in CRLF; text cells are quoted, with `"` doubled.
//! - **No formulas from text** (OWASP, "CSV Injection"): a text cell that
//!   begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
//!   with `'`, so a bidder called `=HYPERLINK(…)` reads as text on the
//!   officer's machine. Numeric columns are Socval's own figures and stay
//!   numbers.

use std::fmt::Write;

use crate::report::Report;

/// The byte order mark every CSV file starts with.
pub const BOM: &str = "\u{feff}";

/// The end of a row (RFC 4180).
pub const EOL: &str = "\r\n";

/// A text cell: neutralised if it could start a formula, quoted.
pub fn text_cell(s: &str) -> String {
    let guard = if needs_guard(s) { "'" } else { "" };
    format!("\"{guard}{}\"", s.replace('"', "\"\""))
}

/// Whether a text is guarded: it begins with a character that starts a
/// formula, or with apostrophes and then one. The second case makes the
/// guard undoable: a reader takes one `'` off a cell this rule guards
/// ([`crate::bid_csv`]), so a text that itself began `'=` reads back as it
/// was.
pub fn needs_guard(s: &str) -> bool {
    s.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The header row, after the byte order mark.
pub fn header(columns: &[&str]) -> String {
    format!("{BOM}{}{EOL}", columns.join(","))
}

fn field(s: &str) -> String {
    text_cell(s)
}

/// The report as CSV text (section, item, gross, adjusted, present value, detail).
pub fn report_csv(r: &Report) -> String {
    let mut s = header(&[
        "section",
        "item",
        "gross",
        "adjusted",
        "present_value",
        "detail",
    ]);
    let mut row = |section: &str, item: &str, t: Option<&crate::report::Totals>, detail: &str| {
        let (g, a, pv) = t.map_or((String::new(), String::new(), String::new()), |t| {
            (
                crate::Money::plain(t.gross),
                crate::Money::plain(t.adjusted),
                crate::Money::plain(t.present_value),
            )
        });
        let _ = write!(
            s,
            "{},{},{g},{a},{pv},{}{EOL}",
            field(section),
            field(item),
            field(detail)
        );
    };
    row(
        "summary",
        &r.council,
        Some(&r.totals),
        &format!(
            "contract value {}; social value ratio {}%",
            crate::Money::plain(r.contract_value),
            r.ratio.percent
        ),
    );
    for t in &r.themes {
        row(
            "theme",
            &t.title,
            Some(&t.totals),
            &format!("{}% of total", t.share_percent),
        );
    }
    for m in &r.measures {
        let detail = if m.record_only {
            "record only".to_string()
        } else {
            m.working
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" | ")
        };
        row("commitment", &m.title, Some(&m.totals), &detail);
    }
    let l = &r.lm3.figures;
    row(
        "lm3",
        "LM3",
        None,
        &format!(
            "{} (two rounds {}; low {}, high {}); R1 {}, R2 {}, R3 {}",
            crate::lm3::shown(l.lm3),
            crate::lm3::shown(l.lm2),
            crate::lm3::shown(l.sensitivity.low),
            crate::lm3::shown(l.sensitivity.high),
            crate::Money::plain(l.round1),
            crate::Money::plain(l.round2),
            crate::Money::plain(l.round3)
        ),
    );
    row(
        "score",
        "indicative score",
        None,
        &format!(
            "{} of 100; {} points at {}% weighting",
            r.score.score_percent, r.score.weighted_points, r.score.weighting_percent
        ),
    );
    for w in &r.warnings {
        row("warning", &w.path, None, &w.message.to_string());
    }
    for src in &r.sources {
        let converted = if src.value_in_price_year == src.value {
            String::new()
        } else {
            format!(
                "; £{} in {} prices",
                src.value_in_price_year, r.framework.price_year
            )
        };
        row(
            "source",
            &src.title,
            None,
            &format!(
                "£{} per {}: {}, {} ({} prices, {}){converted}",
                src.value,
                src.unit.label(true),
                src.provenance.title,
                src.provenance.publisher,
                src.provenance.price_year,
                src.provenance.licence
            ),
        );
    }
    s
}
