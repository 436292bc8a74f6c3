//! The few browser services the widget uses: printing, and telling the host
//! page about a new result. None of them sends anything over the network.

/// Opens the browser's print dialogue (the print stylesheet shows a summary).
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Dispatches event `name` (`socval-result`) on the host element, with
/// `detail`; it bubbles out of the shadow root so a host page can listen
/// anywhere. (`socval-ready` and `socval-error` come from the loader.)
pub fn dispatch(host: &web_sys::HtmlElement, name: &str, detail: &wasm_bindgen::JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
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
