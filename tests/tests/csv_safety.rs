//! Every CSV Socval writes is safe to open in a spreadsheet: UTF-8 with a
//! byte order mark, RFC 4180 rows, and no text cell that could start a
//! formula (OWASP, "CSV Injection"). Read back with a real CSV reader.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use socval_core::{Env, json};
use socval_tests::TODAY;

/// The Exampleshire case with hostile text where a council's config or a
/// framework puts words into the CSV.
fn hostile_report_csv() -> String {
    let case = socval_tests::case("northmoor");
    let config = case
        .config
        .replace(
            "Northmoor Borough Council",
            "=HYPERLINK(\\\"http://x.invalid\\\",\\\"Click\\\")",
        )
        .replace(
            "\"title\": \"Jobs\"",
            "\"title\": \"+Jobs, and £ for Llanfairpwllgwyngyll ŵ ŷ\"",
        )
        .replace("\"title\": \"Growth\"", "\"title\": \"@SUM(A1:A9)\"")
        .replace("\"title\": \"Social\"", "\"title\": \"\\tSocial\"")
        .replace("\"title\": \"Environment\"", "\"title\": \"-2+3\"");
    let setup = socval_core::prepare(json::parse_config(&config).unwrap()).unwrap();
    let table = socval_core::OutcodeTable::builtin().unwrap();
    let env = Env {
        today: TODAY,
        outcodes: Some(&table),
    };
    let report =
        socval_core::calculate(&setup, &json::parse_proposal(case.proposal).unwrap(), &env)
            .unwrap();
    socval_core::csv::report_csv(&report)
}

#[test]
fn the_results_csv_starts_with_a_bom_and_uses_crlf() {
    let csv = hostile_report_csv();
    assert!(
        csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]),
        "no byte order mark"
    );
    assert!(csv.ends_with("\r\n"));
    // Every row ends in CRLF (no text here spans lines).
    assert!(!csv.replace("\r\n", "").contains('\n'));
}

#[test]
fn text_cells_never_start_a_formula_and_numbers_stay_numbers() {
    let csv = hostile_report_csv();
    let body = csv.strip_prefix('\u{feff}').unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "section",
            "item",
            "gross",
            "adjusted",
            "present_value",
            "detail"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 10);
    let mut guarded = Vec::new();
    for row in &rows {
        assert_eq!(row.len(), 6, "{row:?}");
        for text in [0, 1, 5] {
            let cell = &row[text];
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a text cell that a spreadsheet would run: {cell:?}"
            );
            if cell.starts_with('\'') {
                guarded.push(cell.to_string());
            }
        }
        for number in [2, 3, 4] {
            if !row[number].is_empty() {
                row[number]
                    .parse::<f64>()
                    .unwrap_or_else(|_| panic!("not a number: {row:?}"));
            }
        }
    }
    for hostile in [
        "'=HYPERLINK(",
        "'+Jobs, and £ for Llanfairpwllgwyngyll ŵ ŷ",
        "'@SUM(A1:A9)",
        "'\tSocial",
        "'-2+3",
    ] {
        assert!(
            guarded.iter().any(|g| g.starts_with(hostile)),
            "{hostile} not guarded in {guarded:?}"
        );
    }
    // Every text cell is quoted in the bytes, and a quote inside is doubled.
    assert!(
        body.contains("\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Click\"\")\""),
        "{body}"
    );
}
