//! JSON through the browser's own `JSON` object (read by [`crate::js_de`],
//! written by serde-wasm-bindgen), rather than serde_json compiled into the
//! wasm: the browser already has a
//! fast, correct parser, and leaving serde_json out makes the widget smaller
//! (see the README's performance section).

use serde::Serialize;
use serde::de::DeserializeOwned;
use socval_core::issues::check_document_size;
use wasm_bindgen::{JsCast, JsValue};

/// Reads JSON text into `T`; the error says what is wrong in plain words.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    crate::js_de::from_value(parse_object(text)?).map_err(|e| e.to_string())
}

/// Reads JSON text that must hold an object, as a JavaScript value.
pub fn parse_object(text: &str) -> Result<JsValue, String> {
    check_document_size(text.len()).map_err(|issue| issue.message)?;
    // The same rules as the core's reader: a byte order mark is not JSON,
    // and only an object is a document (an array would be read by position).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        format!("is not valid JSON: {why}")
    })?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err("must be a JSON object ({ … }), not an array or a single value".into());
    }
    Ok(value)
}

/// `value` as a plain JavaScript object, as `JSON.parse` would give it.
pub fn to_js<T: Serialize>(value: &T) -> Option<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
}

/// Writes `value` as JSON text, indented by two spaces when `pretty`.
pub fn stringify<T: Serialize>(value: &T, pretty: bool) -> Option<String> {
    let js = to_js(value)?;
    let text = if pretty {
        js_sys::JSON::stringify_with_replacer_and_space(&js, &JsValue::NULL, &JsValue::from(2))
    } else {
        js_sys::JSON::stringify(&js)
    };
    text.ok()?.as_string()
}
