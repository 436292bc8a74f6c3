//! The evaluator page's side of this module: every bid for one tender read,
//! scored and ranked (`socval_core::evaluation`, as `socval batch` does),
//! drawn as a table with a "Working" button on each scored bid, and the
//! ranking as CSV. Nothing leaves the browser: the page hands over the
//! files' text.

use socval_core::bid_csv;
use socval_core::evaluation::{self, Bid, Scoring};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::render::{append, element, table_element};

/// Reads `{ name, text }` items into bids, each proposal by the same rules
/// as a file opened in the widget; a file whose name ends `.csv` holds bids
/// in the evaluator's CSV layout (`socval_core::bid_csv`). With the bids,
/// `{ name, text }` for each of them, the text its proposal's JSON, for its
/// working.
pub fn bids(
    setup: &socval_core::Setup,
    env: &socval_core::Env<'_>,
    files: &JsValue,
) -> Result<(Vec<Bid>, js_sys::Array), JsValue> {
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
    let mut bids = Vec::new();
    let listed = js_sys::Array::new();
    for f in files.iter() {
        let (name, text) = (get(&f, "name"), get(&f, "text"));
        if name.to_ascii_lowercase().ends_with(".csv") {
            for (bid, json) in csv_bids(setup, env, name, &text) {
                listed.push(&entry(&bid.name, &json)?);
                bids.push(bid);
            }
            continue;
        }
        let outcome = crate::read_proposal(&crate::lang::Lang::english(), &text).and_then(|p| {
            socval_core::evaluate(setup, &p, env).map_err(|e| evaluation::reason(&e.issues))
        });
        listed.push(&entry(&name, &text)?);
        bids.push(Bid { name, outcome });
    }
    Ok((bids, listed))
}

/// The bids of one CSV file, each with its proposal's JSON text (empty
/// where its rows could not make one); a file that is no bids file is one
/// bid, with why.
fn csv_bids(
    setup: &socval_core::Setup,
    env: &socval_core::Env<'_>,
    file: String,
    text: &str,
) -> Vec<(Bid, String)> {
    let stamp = socval_core::proposal::FrameworkStamp {
        id: setup.framework.id.clone(),
        version: setup.framework.version.clone(),
    };
    let read = match bid_csv::read(text, &stamp) {
        Ok(read) => read,
        Err(issue) => {
            let outcome = Err(evaluation::reason(&[issue]));
            return vec![(
                Bid {
                    name: file,
                    outcome,
                },
                String::new(),
            )];
        }
    };
    read.into_iter()
        .map(|bid| {
            let json = bid.json.clone().unwrap_or_default();
            let outcome = bid
                .json
                .map_err(|issue| evaluation::reason(&[issue]))
                .and_then(|json| crate::read_proposal(&crate::lang::Lang::english(), &json))
                .and_then(|p| {
                    socval_core::evaluate(setup, &p, env).map_err(|e| evaluation::reason(&e.issues))
                });
            (
                Bid {
                    name: bid.name,
                    outcome,
                },
                json,
            )
        })
        .collect()
}

fn entry(name: &str, text: &str) -> Result<JsValue, JsValue> {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"name".into(), &name.into())?;
    js_sys::Reflect::set(&o, &"text".into(), &text.into())?;
    Ok(o.into())
}

/// The ranking: `{ table, csv, scored, failed, bids }`, the table an
/// element with a "Working" button (`data-bid`: the bid's index in
/// `listed`, which goes back as `bids`) on each scored bid's row.
pub fn ranking(
    setup: &socval_core::Setup,
    bids: &[Bid],
    listed: &js_sys::Array,
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
    set("bids", listed)?;
    Ok(out.into())
}
