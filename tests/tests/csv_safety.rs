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

/// Reads `csv` as a spreadsheet would, after checking its bytes: a byte
/// order mark, CRLF rows, every text cell (columns `text`) quoted and never
/// starting a formula, every other cell a number or empty.
fn checked(csv: &str, text: &[usize]) -> Vec<csv::StringRecord> {
    let body = csv.strip_prefix('\u{feff}').expect("a byte order mark");
    assert!(
        body.ends_with("\r\n") && !body.replace("\r\n", "").contains('\n'),
        "CRLF rows: {body}"
    );
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let width = reader.headers().unwrap().len();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for row in &rows {
        assert_eq!(row.len(), width, "{row:?}");
        for (i, cell) in row.iter().enumerate() {
            if text.contains(&i) {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a formula: {row:?}"
                );
            } else if !cell.is_empty() {
                cell.parse::<f64>()
                    .unwrap_or_else(|_| panic!("not a number in column {i}: {row:?}"));
            }
        }
    }
    rows
}

#[test]
fn the_delivery_report_csv_is_safe_too() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/golden/delivery-against-commitments"
    );
    let config = std::fs::read_to_string(format!("{dir}/config.json"))
        .unwrap()
        .replace("Hours valued at £10", "=HYPERLINK(\\\"x\\\") ŵ")
        .replace("Another outcome valued at £1 per £1", "@SUM(A1)");
    let setup = socval_core::prepare(json::parse_config(&config).unwrap()).unwrap();
    let record =
        json::parse_delivery(&std::fs::read_to_string(format!("{dir}/record.json")).unwrap())
            .unwrap();
    let env = Env {
        today: TODAY,
        outcodes: None,
    };
    let csv =
        socval_core::delivery::csv(&socval_core::delivery::report(&setup, &record, &env).unwrap());
    let rows = checked(&csv, &[0, 1, 2, 7]);
    assert_eq!(rows.len(), 4, "three measures and the total");
    assert_eq!(&rows[1][1], "'=HYPERLINK(\"x\") ŵ");
    assert_eq!(&rows[2][1], "'@SUM(A1)");
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"x\"\") ŵ\""),
        "quoted, quotes doubled: {csv}"
    );
}

#[test]
fn the_bids_csv_is_safe_and_reads_back_whole() {
    use socval_core::bid_csv;
    let mut p = json::parse_proposal(include_str!(
        "../../www/examples/exampleshire-proposal.json"
    ))
    .unwrap();
    p.bidder = "-1+1".into();
    p.commitments[0].note = "@cmd".into();
    let csv = bid_csv::write([("=Bidder", &p)]);
    // The value column holds text and numbers: the text is quoted and
    // guarded, the numbers bare.
    let body = csv.strip_prefix('\u{feff}').unwrap();
    assert!(
        body.contains("\"'=Bidder\",\"bidder\",\"'-1+1\"\r\n"),
        "{body}"
    );
    assert!(
        body.contains("\"'=Bidder\",\"commitments[0].quantity\",12.5\r\n"),
        "{body}"
    );
    assert!(
        body.contains("\"commitments[0].note\",\"'@cmd\"\r\n"),
        "{body}"
    );
    let read = bid_csv::read(&csv, &p.framework).unwrap();
    assert_eq!(read[0].name, "=Bidder");
    assert_eq!(
        json::parse_proposal(read[0].json.as_ref().unwrap()).unwrap(),
        p
    );
}
