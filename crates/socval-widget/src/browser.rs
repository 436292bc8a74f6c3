//! The few browser services the widget uses: downloading a file the user
//! asked for, printing, and telling the host page about a new result. None
//! of them sends anything over the network.

use wasm_bindgen::JsCast;

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)
}

/// Opens the browser's print dialogue (the print stylesheet shows a summary).
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Dispatches `socval-result` on the host element with the result as `detail`.
pub fn announce_result(host: &web_sys::HtmlElement, detail: &wasm_bindgen::JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("socval-result", &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// A file name made from the bidder's name, safe on every system.
pub fn file_name(bidder: &str, ext: &str) -> String {
    let slug: String = bidder
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        format!("social-value-proposal.{ext}")
    } else {
        format!("social-value-{slug}.{ext}")
    }
}

/// A User Timing mark, so hosts and benchmarks can time the widget with the
/// browser's performance API (and nothing else).
pub fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

/// A User Timing measure from `start` (a mark) to now.
pub fn measure(name: &str, start: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.measure_with_start_mark(name, start);
    }
}
