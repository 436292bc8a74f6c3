//! The form to and from a plain JavaScript object, written by hand in the
//! shape serde gives `socval_form::Form` (the report module writes that
//! shape when it opens a file; drafts keep it). Serde's derived code for the
//! form, through serde-wasm-bindgen, weighed 8.1 kB gzip in the first module;
//! this weighs a fraction of it. A missing field reads as empty (older
//! drafts lack newer fields); a field of the wrong type makes the whole form
//! unreadable, never half-read.

use std::collections::BTreeMap;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::form::{CommitmentForm, Form, SpendForm, TotalForm};

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(o: &JsValue, key: &str) -> Option<String> {
    let v = get(o, key);
    if v.is_undefined() {
        Some(String::new())
    } else {
        v.as_string()
    }
}

fn flag(o: &JsValue, key: &str) -> Option<bool> {
    let v = get(o, key);
    if v.is_undefined() {
        Some(false)
    } else {
        v.as_bool()
    }
}

/// The items of an array field (none if missing), or `None` if not an array.
fn items(o: &JsValue, key: &str) -> Option<Vec<JsValue>> {
    let v = get(o, key);
    if v.is_undefined() {
        return Some(Vec::new());
    }
    Array::is_array(&v).then(|| v.unchecked_into::<Array>().iter().collect())
}

/// The entries of an object field (none if missing), or `None` if not an object.
fn entries(o: &JsValue, key: &str) -> Option<Vec<(String, JsValue)>> {
    let v = get(o, key);
    if v.is_undefined() {
        return Some(Vec::new());
    }
    if !v.is_object() || Array::is_array(&v) {
        return None;
    }
    Object::keys(v.unchecked_ref::<Object>())
        .iter()
        .map(|k| Some((k.as_string()?, Reflect::get(&v, &k).ok()?)))
        .collect()
}

fn commitment(o: &JsValue) -> Option<CommitmentForm> {
    Some(CommitmentForm {
        measure: text(o, "measure")?,
        quantity: text(o, "quantity")?,
        per_year: flag(o, "per_year")?,
        by_year: flag(o, "by_year")?,
        years: items(o, "years")?
            .iter()
            .map(JsValue::as_string)
            .collect::<Option<_>>()?,
        attribution: text(o, "attribution")?,
        shared_by: text(o, "shared_by")?,
        postcode: text(o, "postcode")?,
        note: text(o, "note")?,
    })
}

fn spend(o: &JsValue) -> Option<SpendForm> {
    Some(SpendForm {
        label: text(o, "label")?,
        postcode: text(o, "postcode")?,
        amount: text(o, "amount")?,
        respend: text(o, "respend")?,
        sme: flag(o, "sme")?,
        vcse: flag(o, "vcse")?,
    })
}

/// A spend list's total (empty when missing: older drafts have none).
fn total(o: &JsValue, key: &str) -> Option<TotalForm> {
    let v = get(o, key);
    if v.is_undefined() {
        return Some(TotalForm::default());
    }
    Some(TotalForm {
        on: flag(&v, "on")?,
        amount: text(&v, "amount")?,
        local: text(&v, "local")?,
    })
}

fn total_js(t: &TotalForm) -> JsValue {
    let o = Out::new();
    o.flag("on", t.on);
    o.text("amount", &t.amount);
    o.text("local", &t.local);
    o.0.into()
}

/// Reads a form from `o`, or `None` if any field has the wrong type.
pub fn from_js(o: &JsValue) -> Option<Form> {
    if !o.is_object() {
        return None;
    }
    // Inserted one by one: collecting into a map sorts first, and the sort's
    // code would cost the first module 3 kB.
    let mut commitments = BTreeMap::new();
    for (k, v) in entries(o, "commitments")? {
        commitments.insert(k, commitment(&v)?);
    }
    let mut self_scores = BTreeMap::new();
    for (k, v) in entries(o, "self_scores")? {
        self_scores.insert(k, v.as_string()?);
    }
    let lines = |key| items(o, key)?.iter().map(spend).collect::<Option<Vec<_>>>();
    Some(Form {
        bidder: text(o, "bidder")?,
        value: text(o, "value")?,
        duration: text(o, "duration")?,
        start_year: text(o, "start_year")?,
        supplier_postcode: text(o, "supplier_postcode")?,
        commitments: Rc::new(commitments),
        staff: lines("staff")?,
        suppliers: lines("suppliers")?,
        staff_total: total(o, "staff_total")?,
        suppliers_total: total(o, "suppliers_total")?,
        self_scores,
        more: Rc::new(
            items(o, "more")?
                .iter()
                .map(commitment)
                .collect::<Option<_>>()?,
        ),
    })
}

/// An object to fill in.
struct Out(Object);

impl Out {
    fn new() -> Self {
        Out(Object::new())
    }
    fn set(&self, key: &str, v: &JsValue) {
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), v);
    }
    fn text(&self, key: &str, v: &str) {
        self.set(key, &JsValue::from_str(v));
    }
    fn flag(&self, key: &str, v: bool) {
        self.set(key, &JsValue::from_bool(v));
    }
    fn list<T>(&self, key: &str, xs: &[T], f: impl Fn(&T) -> JsValue) {
        let a = Array::new();
        for x in xs {
            a.push(&f(x));
        }
        self.set(key, &a);
    }
}

fn commitment_js(c: &CommitmentForm) -> JsValue {
    let o = Out::new();
    if !c.measure.is_empty() {
        o.text("measure", &c.measure);
    }
    o.text("quantity", &c.quantity);
    o.flag("per_year", c.per_year);
    o.flag("by_year", c.by_year);
    o.list("years", &c.years, |y| JsValue::from_str(y));
    o.text("attribution", &c.attribution);
    o.text("shared_by", &c.shared_by);
    o.text("postcode", &c.postcode);
    o.text("note", &c.note);
    o.0.into()
}

fn spend_js(s: &SpendForm) -> JsValue {
    let o = Out::new();
    o.text("label", &s.label);
    o.text("postcode", &s.postcode);
    o.text("amount", &s.amount);
    o.text("respend", &s.respend);
    o.flag("sme", s.sme);
    o.flag("vcse", s.vcse);
    o.0.into()
}

/// The form as a plain object, in the shape [`from_js`] reads.
pub fn to_js(form: &Form) -> JsValue {
    let o = Out::new();
    o.text("bidder", &form.bidder);
    o.text("value", &form.value);
    o.text("duration", &form.duration);
    o.text("start_year", &form.start_year);
    o.text("supplier_postcode", &form.supplier_postcode);
    let commitments = Out::new();
    for (k, c) in form.commitments.iter() {
        commitments.set(k, &commitment_js(c));
    }
    o.set("commitments", &commitments.0);
    o.list("staff", &form.staff, spend_js);
    o.list("suppliers", &form.suppliers, spend_js);
    o.set("staff_total", &total_js(&form.staff_total));
    o.set("suppliers_total", &total_js(&form.suppliers_total));
    let scores = Out::new();
    for (k, v) in &form.self_scores {
        scores.text(k, v);
    }
    o.set("self_scores", &scores.0);
    o.list("more", &form.more, commitment_js);
    o.0.into()
}
