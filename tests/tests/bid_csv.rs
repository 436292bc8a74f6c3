//! Bids in a CSV file (`socval_core::bid_csv`): the layout read as the
//! module's documentation says, every problem named by its row and field,
//! and nothing in a bid dropped without a word. The round trip over
//! generated proposals is in round_trip.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)] // Tests may panic: that is how they fail.

use socval_core::bid_csv::{self, CsvBid};
use socval_core::proposal::FrameworkStamp;
use socval_core::{Decimal, Money, Proposal, json};

fn stamp() -> FrameworkStamp {
    FrameworkStamp {
        id: "socval-open".into(),
        version: "2026.1".into(),
    }
}

fn read(text: &str) -> Vec<CsvBid> {
    bid_csv::read(text, &stamp()).unwrap()
}

fn proposal(bid: &CsvBid) -> Proposal {
    json::parse_proposal(bid.json.as_ref().unwrap()).unwrap()
}

fn problem(bid: &CsvBid) -> String {
    let issue = bid.json.as_ref().unwrap_err();
    format!("{}: {}", issue.path, issue.message)
}

const TWO: &str = "\u{feff}Reference,BID,Field,Value\r
1,Acme Ltd,contract.value,2000000\r
2,Acme Ltd,contract.duration_years,3\r
3,Bryn & Co,contract.value,1800000.50\r
4,Acme Ltd,contract.start_year,2027\r
5,Acme Ltd,commitments[0].measure,apprentices\r
6,Acme Ltd,commitments[0].quantity, 4 \r
,,,\r
7,Acme Ltd,commitments[1].measure,volunteering\r
8,Acme Ltd,commitments[1].per_year,TRUE\r
9,Acme Ltd,commitments[1].quantity,\r
10,Acme Ltd,commitments[1].note,\"'=HYPERLINK(\"\"x\"\")\"\r
11,Bryn & Co,contract.duration_years,2\r
12,Bryn & Co,contract.start_year,2026\r
13,Bryn & Co,spend.suppliers[0].postcode,EX4 4QJ\r
14,Bryn & Co,spend.suppliers[0].amount,0012.5\r
15,Bryn & Co,spend.suppliers[0].sme,false\r
";

#[test]
fn bids_are_read_by_name_in_order_with_the_councils_framework() {
    let bids = read(TWO);
    assert_eq!(
        bids.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(),
        ["Acme Ltd", "Bryn & Co"]
    );
    let acme = proposal(&bids[0]);
    assert_eq!(acme.schema_version, 1);
    assert_eq!(acme.framework, stamp());
    assert_eq!(Money::plain(acme.contract.value), "2000000.00");
    assert_eq!(acme.contract.start_year, 2027);
    assert_eq!(acme.commitments.len(), 2);
    assert_eq!(acme.commitments[0].quantity.unwrap().to_string(), "4");
    assert!(acme.commitments[1].per_year);
    // An empty number is a question not answered.
    assert_eq!(acme.commitments[1].quantity, None);
    // The guard against formulas comes off: the note is the bidder's text.
    assert_eq!(acme.commitments[1].note, "=HYPERLINK(\"x\")");
    let bryn = proposal(&bids[1]);
    assert_eq!(Money::plain(bryn.contract.value), "1800000.50");
    assert_eq!(Money::plain(bryn.spend.suppliers[0].amount), "12.50");
    assert_eq!(bryn.spend.suppliers[0].postcode, "EX4 4QJ");
    // Rows are named for a reader's error on the field.
    // Counted as a spreadsheet numbers them (CRLF ends, a blank row).
    assert_eq!(bids[0].row_of("contract.value"), Some(2));
    assert_eq!(bids[0].row_of("commitments[1].note"), Some(12));
    assert_eq!(bids[0].row_of("commitments[1]"), Some(9));
    assert_eq!(bids[0].row_of("spend"), None);
}

#[test]
fn a_bids_problem_names_its_row_and_field_and_leaves_the_others() {
    let bids = read(
        "bid,field,value\n\
         A,contract.value,£2m\n\
         B,contract.value,100\n\
         C,contract.start_year,2027.5\n\
         D,commitments[0].per_year,yes\n\
         E,commitments[0].measure,x\n\
         E,commitments[2].measure,y\n\
         F,contract.value,1\n\
         F,contract.value,2\n\
         G,contract.value,1\n\
         G,contract.value.pence,2\n\
         H,contract..value,1\n\
         I,commitments[0]].note,1\n",
    );
    let said: Vec<_> = bids
        .iter()
        .map(|b| (b.name.as_str(), b.json.is_ok()))
        .collect();
    assert_eq!(
        said,
        [
            ("A", false),
            ("B", true),
            ("C", false),
            ("D", false),
            ("E", false),
            ("F", false),
            ("G", false),
            ("H", false),
            ("I", false)
        ]
    );
    assert_eq!(
        problem(&bids[0]),
        "contract.value: row 2: \"£2m\" is not a number (write digits, with a point for decimals: 2000000 or 12.5)"
    );
    assert_eq!(
        problem(&bids[2]),
        "contract.start_year: row 4: \"2027.5\" is not a whole number"
    );
    assert_eq!(
        problem(&bids[3]),
        "commitments[0].per_year: row 5: \"yes\" is not true or false"
    );
    assert_eq!(
        problem(&bids[4]),
        "commitments[1]: is missing: commitments's items are numbered from 0 with none skipped, and the file goes on to commitments[2]"
    );
    assert_eq!(
        problem(&bids[5]),
        "contract.value: row 9: given again (first on row 8)"
    );
    assert_eq!(
        problem(&bids[6]),
        "contract.value.pence: row 11: is both a value and a group of fields"
    );
    assert!(problem(&bids[7]).contains("is not a field of a proposal"));
    assert!(problem(&bids[8]).contains("is not a field of a proposal"));
}

#[test]
fn the_json_readers_errors_are_placed_on_their_row() {
    let bids = read("bid,field,value\nA,contract.value,1\nA,contract.colour,blue\n");
    let issue = match json::parse_proposal(bids[0].json.as_ref().unwrap()) {
        Err(e) => bids[0].locate(e.issues.into_iter().next().unwrap()),
        Ok(p) => panic!("read {p:?}"),
    };
    assert_eq!(issue.path, "contract.colour");
    assert!(
        issue
            .message
            .to_string()
            .starts_with("row 3: unknown field `colour`"),
        "{}",
        issue.message
    );
}

#[test]
fn a_file_that_is_no_bids_file_is_refused_whole() {
    let refused = |text: &str| {
        bid_csv::read(text, &stamp())
            .unwrap_err()
            .message
            .to_string()
    };
    assert!(refused("bid,answer\nA,1\n").contains("has no \"field\" column"));
    assert!(refused("bid,field,value\n").contains("has no bids"));
    assert!(
        refused("bid,field,value\n,contract.value,1\n").contains("row 2: the bid column is empty")
    );
    let big = format!(
        "bid,field,value\n{}",
        "A,contract.value,1\n".repeat(2_000_000)
    );
    assert_eq!(
        refused(&big),
        "the file is 38000016 bytes; the limit is 33554432 bytes"
    );
}

#[test]
fn text_keeps_its_spaces_quotes_and_lines() {
    let p: Proposal = json::parse_proposal(
        r#"{"schema_version":1,"framework":{"id":"socval-open","version":"2026.1"},
            "bidder":"  Cwmni \"Gŵyr\", Llŷn\r\nUned 2  ",
            "contract":{"value":1,"duration_years":1,"start_year":2027},
            "commitments":[{"measure":"a","quantity":1,"note":"'=1+1"},{"measure":"b","quantity":0.000001,"note":"'plain"},{"measure":"c","profile":[0,1e-6,2],"note":"-"}]}"#,
    )
    .unwrap();
    let sheet = bid_csv::write([("x", &p)]);
    assert!(sheet.starts_with("\u{feff}bid,field,value\r\n"));
    // Guarded cells: the one that could be a formula, and the apostrophe
    // text that would read as a guard.
    assert!(
        sheet.contains("\"x\",\"commitments[0].note\",\"''=1+1\"\r\n"),
        "{sheet}"
    );
    assert!(
        sheet.contains("\"commitments[1].note\",\"'plain\"\r\n"),
        "{sheet}"
    );
    assert!(
        sheet.contains("\"commitments[2].note\",\"'-\"\r\n"),
        "{sheet}"
    );
    let again = read(&sheet);
    assert_eq!(proposal(&again[0]), p);
}

#[test]
fn a_file_saved_as_windows_1252_reads_as_the_spreadsheet_showed_it() {
    // "Caffi £5 – Gwyn's" as Excel on Windows saves plain "CSV": £ is A3,
    // the dash 96, the apostrophe 92.
    let mut bytes = b"bid,field,value\r\nCaffi \xa35 \x96 Gwyn\x92s,contract.value,1\r\n".to_vec();
    let text = bid_csv::decode(&bytes);
    assert_eq!(read(&text)[0].name, "Caffi £5 – Gwyn’s");
    // UTF-8, with its byte order mark, is read as it is.
    bytes = "\u{feff}bid,field,value\r\nCwmni Gŵyr,contract.value,1\r\n"
        .as_bytes()
        .to_vec();
    assert_eq!(read(&bid_csv::decode(&bytes))[0].name, "Cwmni Gŵyr");
}

#[test]
fn the_evaluators_marks_are_read_by_bid_name_with_every_problem_on_its_row() {
    let names = ["Acme Ltd", "=Bryn & Co", "Cwmni Gŵyr"];
    let m = bid_csv::marks(
        "\u{feff}Mark,Note,BID\r\n65.5,good plan,Acme Ltd\r\n\r\n80,,\"'=Bryn & Co\"\r\n",
        &names,
    )
    .unwrap();
    assert_eq!(
        m,
        [
            Some(Decimal::from_micros(65_500_000)),
            Some(Decimal::from_int(80)),
            None
        ]
    );
    let refused = |text: &str| bid_csv::marks(text, &names).unwrap_err();
    assert_eq!(
        refused("bid,score\n"),
        "has no \"mark\" column: a marks file's first row names its columns bid and mark"
    );
    assert_eq!(
        refused("bid,mark\r\nAcme Ltd,1\r\nNobody,2\r\n"),
        "row 3: \"Nobody\" is not one of the bids"
    );
    assert_eq!(
        refused("bid,mark\nAcme Ltd,six\n"),
        "row 2: the mark \"six\" is not a number"
    );
    assert_eq!(
        refused("bid,mark\nAcme Ltd,6\nAcme Ltd,7\n"),
        "row 3: Acme Ltd is marked twice"
    );
}

#[test]
fn rows_are_numbered_past_blank_lines_notes_are_ignored_and_minus_zero_is_zero() {
    let bids = read(
        "bid,field,value,notes\r\n\r\n,,,Section 2: the contract\r\nA,contract.value,x\r\nA,contract.start_year,-0\r\n",
    );
    assert_eq!(
        problem(&bids[0]),
        "contract.value: row 4: \"x\" is not a number (write digits, with a point for decimals: 2000000 or 12.5)"
    );
    let bids = read("bid,field,value\n\n\nA,contract.start_year,-0\n");
    assert_eq!(bids[0].row_of("contract.start_year"), Some(4));
    assert!(bids[0].json.as_ref().unwrap().contains("\"start_year\":0"));
}

#[test]
fn two_proposals_of_one_bidder_are_written_as_two_bids() {
    let p = json::parse_proposal(include_str!(
        "../../www/examples/exampleshire-proposal.json"
    ))
    .unwrap();
    let sheet = bid_csv::write([(" Acme ", &p), ("Acme", &p), ("  ", &p)]);
    let names: Vec<_> = read(&sheet).into_iter().map(|b| b.name).collect();
    assert_eq!(names, ["Acme", "Acme (2)", "Bid 3"]);
}

#[test]
fn a_marks_template_with_bids_left_blank_reads_them_as_not_yet_marked() {
    let m = bid_csv::marks(
        "bid,mark\r\nAcme Ltd,\r\nCwmni Gŵyr,70\r\n",
        &["Acme Ltd", "Cwmni Gŵyr"],
    )
    .unwrap();
    assert_eq!(m, [None, Some(Decimal::from_int(70))]);
}
