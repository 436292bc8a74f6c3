//! Plain-text rendering of a report for a terminal.

use std::fmt::Write;

use socval_core::Report;
use socval_core::explain::{self, Block};
use socval_core::lm3::shown;
use socval_core::local_area::Place;
use socval_core::working::Words;

/// Text from a file, safe to print to a terminal: control characters (an
/// escape sequence, a carriage return, a stray newline in a label) are shown
/// escaped, never sent raw, so a label cannot rewrite the screen or forge a
/// line of the report.
fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// A report as aligned text.
pub fn report(r: &Report) -> String {
    let english = Words::english();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} — {} {} ({} prices)",
        plain(&r.council),
        plain(&r.framework.name),
        plain(&r.framework.version),
        r.framework.price_year
    );
    let _ = writeln!(
        s,
        "Contract: {} over {} years from {}",
        r.contract_value, r.duration_years, r.start_year
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Social value        gross {:>16}   adjusted {:>16}   present value {:>16}",
        r.totals.gross.to_string(),
        r.totals.adjusted.to_string(),
        r.totals.present_value.to_string()
    );
    let target = r.ratio.target_percent.map_or(String::new(), |t| {
        format!(
            " (target {t}%: {})",
            if r.ratio.met == Some(true) {
                "met"
            } else {
                "not met"
            }
        )
    });
    let _ = writeln!(
        s,
        "Social value ratio  {}% of contract value, on {:?} value{target}",
        r.ratio.percent, r.ratio.basis
    );
    blocks(&mut s, &explain::ratio(&english, r), "      ");
    blocks(&mut s, &explain::definitions(&english, r), "      ");
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<28} {:>16} {:>16} {:>16} {:>8}",
        "Theme", "Gross", "Adjusted", "Present value", "Share"
    );
    for t in &r.themes {
        let _ = writeln!(
            s,
            "{:<28} {:>16} {:>16} {:>16} {:>7}%",
            plain(&t.title),
            t.totals.gross.to_string(),
            t.totals.adjusted.to_string(),
            t.totals.present_value.to_string(),
            t.share_percent
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "Commitments");
    for m in &r.measures {
        let _ = writeln!(s, "  [{}] {}", m.commitment, plain(&m.title));
        for w in &m.working {
            let _ = writeln!(s, "      {}", plain(&w.to_string()));
        }
    }
    let recorded = explain::recorded(&english, r);
    if !recorded.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Recorded, not valued");
        blocks(&mut s, &recorded, "  ");
    }
    let l = &r.lm3.figures;
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "LM3 {}  (two rounds {}; low {} / central {} / high {})",
        shown(l.lm3),
        shown(l.lm2),
        shown(l.sensitivity.low),
        shown(l.sensitivity.central),
        shown(l.sensitivity.high)
    );
    for w in &r.lm3.working {
        let _ = writeln!(s, "      {}", plain(&w.to_string()));
    }
    if let Some(share) = l.local_share_percent {
        let _ = writeln!(
            s,
            "  Local spend {}% of {} (priority areas {}; SMEs {}; VCSEs {})",
            share, l.total_spend, l.priority_spend, l.sme_spend, l.vcse_spend
        );
    }
    for line in &r.lm3.lines {
        let place = match &line.place {
            Place::Local => "local".to_string(),
            Place::Priority(a) => format!("priority area: {}", plain(a)),
            Place::NotLocal => "not local".to_string(),
        };
        let _ = writeln!(
            s,
            "    {:<34} {:<18} {:>14}  {place}",
            plain(&line.label),
            explain::where_from(&english, line),
            line.amount.to_string()
        );
    }
    let sc = &r.score;
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Indicative score {} / 100 → {} of {} points",
        sc.score_percent, sc.weighted_points, sc.weighting_percent
    );
    for e in &sc.explanation {
        let _ = writeln!(s, "      {}", plain(&e.to_string()));
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Warnings");
        for w in &r.warnings {
            let _ = writeln!(s, "  - {}", plain(&w.to_string()));
        }
    }
    if !r.sources.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Where the values come from");
        blocks(&mut s, &explain::sources(&english, r), "");
    }
    s
}

/// What it would take, as a section after the report.
pub fn gap(g: &socval_core::gap::Gap, contract: socval_core::Money) -> String {
    let mut s = String::from("\nWhat it would take\n");
    blocks(&mut s, &explain::gap(&Words::english(), g, contract), "  ");
    s
}

/// Scenarios compared: one line a figure, its cells separated by bars,
/// headed by the scenarios' names.
pub fn comparison(t: &explain::Table) -> String {
    let mut s = format!("{}\n", plain(&t.caption));
    for row in std::iter::once(&t.head).chain(&t.rows) {
        let cells: Vec<_> = row.iter().map(|c| plain(c)).collect();
        let _ = writeln!(s, "  {}", cells.join(" | "));
    }
    s
}

/// The core's working blocks as indented text (the same words the widget
/// shows under "How is this calculated?").
fn blocks(s: &mut String, blocks: &[Block], indent: &str) {
    for b in blocks {
        match b {
            Block::Heading(t) | Block::Para(t) => {
                let _ = writeln!(s, "{indent}{}", plain(t));
            }
            Block::List(items) => {
                for i in items {
                    let _ = writeln!(s, "{indent}  - {}", plain(i));
                }
            }
            Block::Table(t) => {
                let _ = writeln!(s, "{indent}{}", plain(&t.caption));
                for row in &t.rows {
                    let cells: Vec<_> = row.iter().map(|c| plain(c)).collect();
                    let _ = writeln!(s, "{indent}  - {}", cells.join(" | "));
                }
            }
        }
    }
}

/// Delivery against commitments as a table: a line per measure, then the
/// whole on value.
pub fn delivery(r: &socval_core::delivery::DeliveryReport) -> String {
    use std::fmt::Write;
    let to = r
        .to_year
        .map_or("no year recorded yet".to_string(), |y| format!("to {y}"));
    let mut s = format!(
        "Delivery against commitments: {} for {} ({to})\n",
        if r.bidder.is_empty() {
            "the supplier"
        } else {
            &r.bidder
        },
        r.council
    );
    let w = r
        .measures
        .iter()
        .map(|m| m.title.chars().count())
        .max()
        .unwrap_or(0)
        .max(24);
    let _ = writeln!(
        s,
        "{:<w$} {:>12} {:>12} {:>12} {:>9}  Status",
        "Measure", "Committed", "To date", "Delivered", "Share"
    );
    let pct = |p: Option<socval_core::Decimal>| p.map_or("–".to_string(), |p| format!("{p}%"));
    for m in &r.measures {
        let _ = writeln!(
            s,
            "{:<w$} {:>12} {:>12} {:>12} {:>9}  {}",
            m.title,
            m.committed.round_to(2).to_string(),
            m.committed_to_date.round_to(2).to_string(),
            m.delivered.round_to(2).to_string(),
            pct(m.percent),
            m.status.word()
        );
    }
    let _ = writeln!(
        s,
        "Social value committed to date {}, delivered {} ({}): {} (green at {}%, amber at {}%)",
        r.committed_to_date_value,
        r.delivered_value,
        pct(r.percent),
        r.status.word(),
        r.thresholds.green_percent,
        r.thresholds.amber_percent
    );
    if let Some(l) = &r.lm3 {
        lm3_delivered(&mut s, l, &pct);
    }
    for w in &r.warnings {
        let _ = writeln!(s, "Note: {w}");
    }
    s
}

/// LM3 as delivered against LM3 as committed, in a delivery's table.
fn lm3_delivered(
    s: &mut String,
    l: &socval_core::delivery::Lm3Delivery,
    pct: &dyn Fn(Option<socval_core::Decimal>) -> String,
) {
    use socval_core::lm3::shown;
    use std::fmt::Write;
    let years: Vec<String> = l.years.iter().map(i32::to_string).collect();
    let _ = writeln!(
        s,
        "LM3 as delivered ({}): income {}, local spend {}, re-spent locally {}: LM3 {} against {} committed",
        years.join(", "),
        l.round1,
        l.round2,
        l.round3,
        shown(l.lm3),
        shown(l.committed_lm3)
    );
    let _ = writeln!(
        s,
        "Local share of each pound beyond the first round {} against {} committed ({}): {}",
        shown(l.local_share_of_each_pound),
        shown(l.committed_local_share_of_each_pound),
        pct(l.percent),
        l.status.word()
    );
}

/// A programme year by year, then the whole.
pub fn programme(p: &socval_core::programme::Programme) -> String {
    use std::fmt::Write;
    let mut s = format!(
        "Programme: {} call-offs, {} of contract value, social value {} gross, {} adjusted, {} present value ({}% of contract value)\n",
        p.call_offs,
        p.contract_value,
        p.social_value.gross,
        p.social_value.adjusted,
        p.social_value.present_value,
        p.ratio_percent
    );
    let _ = writeln!(
        s,
        "{:>6} {:>8} {:>18} {:>16} {:>16} {:>16}",
        "Year", "Running", "Contract value", "Gross", "Adjusted", "Present value"
    );
    for y in &p.years {
        let _ = writeln!(
            s,
            "{:>6} {:>8} {:>18} {:>16} {:>16} {:>16}",
            y.year,
            y.running,
            y.contract_value.to_string(),
            y.social_value.gross.to_string(),
            y.social_value.adjusted.to_string(),
            y.social_value.present_value.to_string()
        );
    }
    s
}

/// A shared framework: each commissioner's part, then the shared total and
/// how each commitment was shared out.
pub fn partnership(r: &socval_core::partnership::PartnershipReport) -> String {
    use socval_core::config::ValueBasis;
    use std::fmt::Write;
    let basis = match r.basis {
        ValueBasis::Gross => "gross",
        ValueBasis::Adjusted => "adjusted",
        ValueBasis::PresentValue => "present",
    };
    let on = |t: &socval_core::report::Totals| match r.basis {
        ValueBasis::Gross => t.gross,
        ValueBasis::Adjusted => t.adjusted,
        ValueBasis::PresentValue => t.present_value,
    };
    let mut s = format!(
        "{}: {} commissioners, contract value {}, ratios and scores on {basis} value\n",
        r.name,
        r.commissioners.len(),
        r.contract_value
    );
    let w = r
        .commissioners
        .iter()
        .map(|k| k.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(12);
    let _ = writeln!(
        s,
        "{:<w$} {:>6} {:>14} {:>14} {:>14} {:>14} {:>8} {:>9} {:>7} {:>7}",
        "Commissioner",
        "Share",
        "Contract",
        "Gross",
        "Adjusted",
        "Present value",
        "Ratio",
        "Target",
        "Score",
        "LM3"
    );
    let target = |t: &socval_core::report::RatioReport| match (t.target_percent, t.met) {
        (Some(p), Some(true)) => format!("{p}% met"),
        (Some(p), _) => format!("{p}% not"),
        _ => "–".to_string(),
    };
    for k in &r.commissioners {
        let _ = writeln!(
            s,
            "{:<w$} {:>5}% {:>14} {:>14} {:>14} {:>14} {:>7}% {:>9} {:>7} {:>7}",
            k.name,
            k.contract_share_percent.to_string(),
            k.contract_value.to_string(),
            k.totals.gross.to_string(),
            k.totals.adjusted.to_string(),
            k.totals.present_value.to_string(),
            k.ratio.percent.to_string(),
            target(&k.ratio),
            k.score.score_percent.to_string(),
            k.lm3
                .map_or("–".to_string(), |l| socval_core::lm3::shown(l.lm3)),
        );
    }
    let sh = &r.shared;
    let _ = writeln!(
        s,
        "{:<w$} {:>5}% {:>14} {:>14} {:>14} {:>14} {:>7}% {:>9} {:>7} {:>7}",
        "Shared total",
        "100",
        r.contract_value.to_string(),
        sh.totals.gross.to_string(),
        sh.totals.adjusted.to_string(),
        sh.totals.present_value.to_string(),
        sh.ratio.percent.to_string(),
        target(&sh.ratio),
        sh.score.score_percent.to_string(),
        socval_core::lm3::shown(sh.lm3.lm3),
    );
    for k in &r.commissioners {
        if k.lm3_unknown == Some(socval_core::partnership::NoLm3::SpendAsTotals) {
            let _ = writeln!(
                s,
                "Note: no LM3 for {}: the spend was given as totals with a local share, stated for the framework's area; give each staff and supplier line with its postcode for each commissioner's LM3",
                k.name
            );
        }
    }
    for w in &r.warnings {
        let _ = writeln!(s, "Note: {w}");
    }
    let _ = writeln!(s, "\nEach commitment, shared out ({basis} value):");
    for line in &r.lines {
        let parts: Vec<String> = line
            .shares
            .iter()
            .map(|p| format!("{} {}% {}", p.commissioner, p.percent, on(&p.totals)))
            .collect();
        let how = if line.attributed {
            ""
        } else {
            " (by contract shares)"
        };
        let _ = writeln!(
            s,
            "  {}. {}: {}{how}",
            line.commitment + 1,
            line.title,
            parts.join(", ")
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(plain("Site team"), "Site team");
        assert_eq!(plain("A\u{1b}[2Jb\nc\r"), "A\\u{1b}[2Jb\\nc\\r");
    }
}
