//! Fuzzes the evaluator's CSV readers (`socval_core::bid_csv`): a bids file
//! is a spreadsheet a council officer was sent or exported, and a marks
//! file one the evaluators filled in, so outside data. Any bytes are
//! decoded (UTF-8, else Windows-1252) and read as both: the marks file
//! gives a mark or none for each bid, or a reason; the bids file
//! is refused whole with a reason, or each bid is its proposal's JSON or a
//! problem naming a field. Every JSON it makes is JSON (the proposal reader
//! may refuse its fields, never its syntax), and a bid the reader accepts,
//! written back out and read again, is the same proposal. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socval_core::bid_csv;
use socval_core::proposal::FrameworkStamp;

fuzz_target!(|data: &[u8]| {
    let stamp = FrameworkStamp { id: "socval-open".into(), version: "2026.1".into() };
    let text = bid_csv::decode(data);
    // The same bytes as the evaluators' marks file, for two bids.
    if let Ok(marks) = bid_csv::marks(&text, &["Acme Ltd", "=Bryn"]) {
        assert_eq!(marks.len(), 2);
    }
    let Ok(bids) = bid_csv::read(&text, &stamp) else {
        return;
    };
    assert!(!bids.is_empty());
    for bid in &bids {
        let Ok(json) = &bid.json else { continue };
        assert!(serde_json::from_str::<serde_json::Value>(json).is_ok(), "not JSON: {json}");
        let Ok(p) = socval_core::json::parse_proposal(json) else { continue };
        let again = bid_csv::read(&bid_csv::write([("bid", &p)]), &stamp).expect("its own file");
        let json = again[0].json.as_ref().expect("its own bid");
        assert_eq!(socval_core::json::parse_proposal(json).as_ref(), Ok(&p));
    }
});
