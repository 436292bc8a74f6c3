//! # Socval configuration builder
//!
//! A page where a council's procurement officer sets up the calculator
//! without writing JSON: its texts, what counts as local, the measures it
//! offers and its priorities, the target, the scoring method and the
//! discounting. Every change is checked by the same core as `socval
//! validate`, and the page previews the real widget with the result; the
//! configuration downloads as the JSON file the widget reads, and an
//! existing file opens to be edited (fields the page has no control for
//! are kept as they were).
//!
//! The page hears of each change through a `builder-change` event on the
//! element the builder is mounted on (`detail: { json, problems }`), so that
//! its script can draw the preview and offer the download.

mod app;
mod areas;
mod districts;
pub mod doc;
mod fields;
mod measures;
mod scoring;
mod welsh;

use wasm_bindgen::prelude::*;

/// Gives the builder Socval's outward-code table (the text of
/// `socval/outcodes.csv`), so that district codes are checked against it as
/// `socval validate` checks them. Call it before [`mount`].
#[wasm_bindgen]
pub fn outcodes(text: &str) -> bool {
    doc::use_table(text)
}

/// Draws the builder in `element`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element) {
    let props = app::AppProps {
        host: element.clone(),
    };
    yew::Renderer::<app::App>::with_root_and_props(element, props).render();
}
