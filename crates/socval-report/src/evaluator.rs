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

/// One bid as read: its name, its proposal's JSON text (empty where there
/// is none) and the proposal, or why it cannot be read.
/// With them, for a bid from a CSV file, where its fields came from.
type Read = (
    String,
    String,
    Result<socval_core::Proposal, String>,
    Option<bid_csv::CsvBid>,
);

/// Reads `{ name, text }` items, each proposal by the same rules as a file
/// opened in the widget; a file whose name ends `.csv` holds bids in the
/// evaluator's CSV layout (`socval_core::bid_csv`).
fn read(setup: &socval_core::Setup, files: &JsValue) -> Result<Vec<Read>, JsValue> {
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
    let mut out = Vec::new();
    for f in files.iter() {
        let (name, text) = (get(&f, "name"), get(&f, "text"));
        if name.to_ascii_lowercase().ends_with(".csv") {
            out.extend(csv_bids(setup, name, &text));
        } else {
            let p = crate::read_proposal(&crate::lang::Lang::english(), &text);
            out.push((name, text, p, None));
        }
    }
    Ok(out)
}

/// The bids, each scored; with them, `{ name, text }` for each, the text
/// its proposal's JSON, for its working.
pub fn bids(
    setup: &socval_core::Setup,
    env: &socval_core::Env<'_>,
    files: &JsValue,
) -> Result<(Vec<Bid>, js_sys::Array), JsValue> {
    let listed = js_sys::Array::new();
    let mut bids = Vec::new();
    for (name, text, p, rows) in read(setup, files)? {
        listed.push(&entry(&name, &text)?);
        let outcome = p.and_then(|p| {
            socval_core::evaluate(setup, &p, env)
                .map_err(|e| bid_csv::reason(rows.as_ref(), e.issues))
        });
        bids.push(Bid { name, outcome });
    }
    Ok((bids, listed))
}

/// The bids as the call-offs of one framework, added up year by year
/// (`socval_core::programme`, as `socval programme` does): `{ programme,
/// csv, left_out }`, `left_out` each call-off that could not be worked out,
/// with why.
pub fn programme(
    setup: &socval_core::Setup,
    env: &socval_core::Env<'_>,
    files: &JsValue,
) -> Result<JsValue, JsValue> {
    use serde::Serialize;
    let mut reports = Vec::new();
    let left_out = js_sys::Array::new();
    for (name, _, p, rows) in read(setup, files)? {
        match p.and_then(|p| {
            socval_core::calculate(setup, &p, env)
                .map_err(|e| bid_csv::reason(rows.as_ref(), e.issues))
        }) {
            Ok(r) => reports.push(r),
            Err(why) => {
                left_out.push(&format!("{name}: {why}").into());
            }
        }
    }
    let p = socval_core::programme::programme(&reports, setup.config.scoring.basis);
    let out = js_sys::Object::new();
    let data = p
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(e.to_string()))?;
    js_sys::Reflect::set(&out, &"programme".into(), &data)?;
    js_sys::Reflect::set(&out, &"csv".into(), &socval_core::programme::csv(&p).into())?;
    js_sys::Reflect::set(&out, &"left_out".into(), &left_out)?;
    Ok(out.into())
}

/// The bids of one CSV file, each with its proposal's JSON text (empty
/// where its rows could not make one); a file that is no bids file is one
/// bid, with why.
fn csv_bids(setup: &socval_core::Setup, file: String, text: &str) -> Vec<Read> {
    let stamp = socval_core::proposal::FrameworkStamp {
        id: setup.framework.id.clone(),
        version: setup.framework.version.clone(),
    };
    let read = match bid_csv::read(text, &stamp) {
        Ok(read) => read,
        Err(issue) => {
            return vec![(file, String::new(), Err(evaluation::reason(&[issue])), None)];
        }
    };
    read.into_iter()
        .map(|bid| {
            let json = bid.json.clone().unwrap_or_default();
            let p = bid
                .json
                .clone()
                .map_err(|issue| evaluation::reason(&[issue]))
                .and_then(|json| crate::read_proposal(&crate::lang::Lang::english(), &json));
            (bid.name.clone(), json, p, Some(bid))
        })
        .collect()
}

fn entry(name: &str, text: &str) -> Result<JsValue, JsValue> {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"name".into(), &name.into())?;
    js_sys::Reflect::set(&o, &"text".into(), &text.into())?;
    Ok(o.into())
}

/// `{ percent, marks }` from the page (nothing given is no qualitative
/// part): numbers, a mark `null` where the bid is not yet marked.
pub fn qualitative(v: &JsValue) -> Result<evaluation::Qualitative, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(evaluation::Qualitative::default());
    }
    let number = |x: JsValue, what: &str| -> Result<Option<socval_core::Decimal>, JsValue> {
        if x.is_null() || x.is_undefined() {
            return Ok(None);
        }
        let n = x
            .as_f64()
            .ok_or_else(|| JsValue::from(format!("{what} must be a number")))?;
        socval_core::Decimal::from_f64(n)
            .map(Some)
            .map_err(|e| JsValue::from(format!("{what}: {}", e.message())))
    };
    let get = |k: &str| js_sys::Reflect::get(v, &k.into());
    let percent = number(get("percent")?, "the qualitative share")?.unwrap_or_default();
    let marks: js_sys::Array = get("marks")?.dyn_into().unwrap_or_default();
    let marks = marks
        .iter()
        .map(|m| number(m, "a mark"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(evaluation::Qualitative { percent, marks })
}

/// The ranking: `{ table, csv, scored, failed, bids }`, the table an
/// element with a "Working" button (`data-bid`: the bid's index in
/// `listed`, which goes back as `bids`) on each scored bid's row.
pub fn ranking(
    setup: &socval_core::Setup,
    bids: &[Bid],
    listed: &js_sys::Array,
    relative: bool,
    qualitative: &evaluation::Qualitative,
) -> Result<JsValue, JsValue> {
    let scoring = if relative {
        Scoring::RelativeToBest
    } else {
        Scoring::Method
    };
    let ranked = evaluation::rank_with(setup, bids, scoring, qualitative)
        .map_err(|e| JsValue::from(e.to_string()))?;
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
