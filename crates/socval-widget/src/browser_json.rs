//! JSON read through the browser's own `JSON` object and [`crate::js_de`],
//! rather than serde_json compiled into the wasm (the widget writes no JSON:
//! drafts go through [`crate::form_js`], files through the lazy module): the browser already has a
//! fast, correct parser, and leaving serde_json out makes the widget smaller
//! (see the README's performance section).

use serde::de::DeserializeOwned;
use socval_core::issues::check_document_size;
use socval_core::message::Msg;
use wasm_bindgen::{JsCast, JsValue};

/// Reads JSON text into `T`; the error says what is wrong in plain words
/// (a message of the core's catalogue where it has one, worded in the
/// widget's language when shown).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Msg> {
    crate::js_de::from_value(parse_object(text)?).map_err(|e| Msg::text(e.to_string()))
}

/// Reads JSON text that must hold an object, as a JavaScript value.
pub fn parse_object(text: &str) -> Result<JsValue, Msg> {
    check_document_size(text.len()).map_err(|issue| issue.message)?;
    // The same rules as the core's reader: a byte order mark is not JSON,
    // and only an object is a document (an array would be read by position).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        Msg::text(format!("is not valid JSON: {why}"))
    })?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(Msg::text(
            "must be a JSON object ({ … }), not an array or a single value".into(),
        ));
    }
    Ok(value)
}
