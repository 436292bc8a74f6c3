//! Fuzzes the link codec (`socval-link`): a link is pasted from mail or chat,
//! so outside data. Any text either decodes within the limits or gives a
//! reason; whatever decodes is then read by the proposal reader, as the
//! widget and `socval unlink` read it; and a code made from any text
//! decodes back to that text. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(json) = socval_link::decode(text) {
        assert!(json.len() <= socval_link::MAX_JSON_BYTES);
        let _ = socval_core::json::parse_proposal(&json);
    }
    assert_eq!(socval_link::decode(&socval_link::encode(text)).as_deref(), Ok(text));
});
