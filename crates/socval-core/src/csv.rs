//! A result as CSV, for spreadsheets: one row per figure, with the section it
//! belongs to, so a supplier can attach it to a bid.

use std::fmt::Write;

use crate::report::Report;

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The report as CSV text (section, item, gross, adjusted, present value, detail).
pub fn report_csv(r: &Report) -> String {
    let mut s = String::from("section,item,gross,adjusted,present_value,detail\n");
    let mut row = |section: &str, item: &str, t: Option<&crate::report::Totals>, detail: &str| {
        let (g, a, pv) = t.map_or((String::new(), String::new(), String::new()), |t| {
            (
                crate::Money::plain(t.gross),
                crate::Money::plain(t.adjusted),
                crate::Money::plain(t.present_value),
            )
        });
        let _ = writeln!(
            s,
            "{},{},{g},{a},{pv},{}",
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
            m.working.join(" | ")
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
            l.lm3,
            l.lm2,
            l.sensitivity.low,
            l.sensitivity.high,
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
        row("warning", &w.path, None, &w.message);
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
