//! The evaluator page's side of this module: every bid for one tender read,
//! scored and ranked (`socval_core::evaluation`, as `socval batch` does),
//! drawn as a table with a "Working" button on each scored bid, and the
//! ranking as CSV. Nothing leaves the browser: the page hands over the
//! files' text.

use socval_core::evaluation::{self, Bid, Scoring};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::render::{append, element, table_element};

/// Reads `{ name, text }` items into bids, each proposal by the same rules
/// as a file opened in the widget.
pub fn bids(
    setup: &socval_core::Setup,
    env: &socval_core::Env<'_>,
    files: &JsValue,
) -> Result<Vec<Bid>, JsValue> {
    let files: js_sys::Array = files
        .clone()
        .dyn_into()
        .map_err(|_| JsValue::from("bids must be a list of { name, text }"))?;
    let get = |o: &JsValue, k: &str| {
        js_sys::Reflect::get(o, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    Ok(files
        .iter()
        .map(|f| {
            let outcome = crate::read_proposal(&crate::lang::Lang::english(), &get(&f, "text"))
                .and_then(|p| {
                    socval_core::evaluate(setup, &p, env).map_err(|e| evaluation::reason(&e.issues))
                });
            Bid {
                name: get(&f, "name"),
                outcome,
            }
        })
        .collect())
}

/// The ranking: `{ table, csv, scored, failed }`, the table an element with
/// a "Working" button (`data-bid`: the bid's index in the list given) on
/// each scored bid's row.
pub fn ranking(
    setup: &socval_core::Setup,
    bids: &[Bid],
    relative: bool,
) -> Result<JsValue, JsValue> {
    let scoring = if relative {
        Scoring::RelativeToBest
    } else {
        Scoring::Method
    };
    let ranked =
        evaluation::rank(setup, bids, scoring).map_err(|e| JsValue::from(e.to_string()))?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from("no document"))?;
    let table = table_element(&doc, &evaluation::table(setup, bids, &ranked))?;
    if let Some(head) = table.query_selector("thead tr")? {
        let th = element(&doc, "th", "", Some("Working"))?;
        th.set_attribute("scope", "col")?;
        append(&head, &th)?;
    }
    let rows = table.query_selector_all("tbody tr")?;
    for (i, r) in ranked.iter().enumerate() {
        let Some(tr) = rows.get(u32::try_from(i).unwrap_or(u32::MAX)) else {
            continue;
        };
        let tr: web_sys::Element = tr.dyn_into()?;
        let td = element(&doc, "td", "", None)?;
        if r.rank.is_some() {
            let b = element(&doc, "button", "button button--secondary", Some("Working"))?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-bid", &r.bid.to_string())?;
            let name = bids.get(r.bid).map_or("", |b| b.name.as_str());
            b.set_attribute("aria-label", &format!("Working: {name}"))?;
            append(&td, &b)?;
        }
        append(&tr, &td)?;
    }
    let failed = bids.iter().filter(|b| b.outcome.is_err()).count();
    let out = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&out, &k.into(), v);
    set("table", &table)?;
    set("csv", &evaluation::csv(bids, &ranked).into())?;
    set("scored", &JsValue::from(bids.len() - failed))?;
    set("failed", &JsValue::from(failed))?;
    Ok(out.into())
}
