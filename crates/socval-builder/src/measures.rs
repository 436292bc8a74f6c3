//! The measure set: the framework, which of its measures are offered, and
//! how much each theme matters.

use serde_json::Value;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::Action;
use crate::doc;
use crate::fields::{Check, Ctx, Input, Kind};

/// A theme and its measures, as the page lists them.
struct Theme {
    id: String,
    title: String,
    measures: Vec<Listed>,
}

/// A measure as the page lists it.
#[derive(Clone)]
struct Listed {
    id: String,
    title: String,
    /// Whether the framework values it.
    valued: bool,
    /// The framework's value and its source, in words.
    value: String,
    /// The framework's adjustments, by field, in words.
    defaults: Vec<(&'static str, String)>,
}

/// The adjustments a council may set for a measure: field and words.
const ADJUSTMENTS: [(&str, &str); 5] = [
    (
        "deadweight_percent",
        "Deadweight, percent: what would have happened anyway",
    ),
    (
        "displacement_percent",
        "Displacement, percent: moved from elsewhere",
    ),
    (
        "attribution_percent",
        "Attribution, percent: owed to others",
    ),
    (
        "drop_off_percent",
        "Drop-off, percent a year after the first",
    ),
    ("benefit_years", "Years the outcome lasts, 1 to 10"),
];

/// A built-in measure's value and adjustments in words.
fn listed(m: &socval_core::framework::Measure) -> Listed {
    let value = match &m.proxy {
        Some(p) => format!(
            "The framework's value: £{} per {} in {} prices, from {} ({}; licence {}).",
            p.value,
            m.unit.label(true),
            p.source.price_year,
            p.source.title,
            p.source.publisher,
            p.source.licence
        ),
        None => "The framework has no openly licensed value for it: it is recorded, not valued, unless the council gives one with its source.".to_string(),
    };
    let a = &m.adjustments;
    let pc =
        |v: Option<socval_core::fixed::Decimal>| v.map_or("none".to_string(), |v| format!("{v}%"));
    let defaults = vec![
        ("deadweight_percent", pc(a.deadweight_percent)),
        ("displacement_percent", pc(a.displacement_percent)),
        ("attribution_percent", pc(a.attribution_percent)),
        ("drop_off_percent", pc(a.drop_off_percent)),
        (
            "benefit_years",
            a.benefit_years.map_or("1".to_string(), |y| y.to_string()),
        ),
    ];
    Listed {
        id: m.id.clone(),
        title: m.title.clone(),
        valued: m.proxy.is_some(),
        value,
        defaults,
    }
}

/// The framework's themes and measures (id, title, valued): a built-in
/// one's from the core, a file's own from the file.
fn themes(d: &Value) -> (String, Vec<Theme>) {
    if let Some(id) = doc::get(d, "framework.builtin").and_then(Value::as_str) {
        let Some(f) = socval_core::builtin::framework(id) else {
            return (
                format!("\u{201c}{id}\u{201d}, which Socval does not have"),
                Vec::new(),
            );
        };
        let themes = f
            .themes
            .iter()
            .map(|t| Theme {
                id: t.id.clone(),
                title: t.title.clone(),
                measures: f
                    .measures
                    .iter()
                    .filter(|m| m.theme == t.id)
                    .map(listed)
                    .collect(),
            })
            .collect();
        return (format!("{} {}", f.name, f.version), themes);
    }
    let f = doc::get(d, "framework.inline");
    let s = |v: Option<&Value>, k: &str| {
        v.and_then(|v| v.get(k))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let measures = f
        .and_then(|f| f.get("measures"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let themes = f
        .and_then(|f| f.get("themes"))
        .and_then(Value::as_array)
        .map(|ts| {
            ts.iter()
                .map(|t| {
                    let id = s(Some(t), "id");
                    Theme {
                        title: s(Some(t), "title"),
                        measures: measures
                            .iter()
                            .filter(|m| s(Some(m), "theme") == id)
                            .map(|m| {
                                let valued = m.get("proxy").is_some_and(|p| !p.is_null());
                                Listed {
                                    id: s(Some(m), "id"),
                                    title: s(Some(m), "title"),
                                    valued,
                                    value: if valued {
                                        "The file's own measure set gives it a value, kept as the file gives it.".to_string()
                                    } else {
                                        "The file's own measure set records it without a value.".to_string()
                                    },
                                    defaults: Vec::new(),
                                }
                            })
                            .collect(),
                        id,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    (
        format!(
            "{} {} (the file's own, kept as it is)",
            s(f, "name"),
            s(f, "version")
        ),
        themes,
    )
}

/// Whether a measure is offered: every one when the configuration lists none.
fn offered(d: &Value, id: &str) -> bool {
    match doc::get(d, "measures").and_then(Value::as_array) {
        None => true,
        Some(list) => list
            .iter()
            .any(|m| m.get("id").and_then(Value::as_str) == Some(id)),
    }
}

/// A measure's entry in the configuration's list, if it is listed.
pub(crate) fn entry(d: &Value, id: &str) -> Option<Value> {
    doc::get(d, "measures")
        .and_then(Value::as_array)?
        .iter()
        .find(|c| c.get("id").and_then(Value::as_str) == Some(id))
        .cloned()
}

/// Where a measure is in the configuration's list, if it is listed.
pub(crate) fn index(d: &Value, id: &str) -> Option<usize> {
    doc::get(d, "measures")
        .and_then(Value::as_array)?
        .iter()
        .position(|c| c.get("id").and_then(Value::as_str) == Some(id))
}

/// The measures offered after ticking or unticking one, in the framework's
/// order, each keeping the values and adjustments the council gave it
/// (`back`: the ticked one's, set aside when it was unticked). An entry
/// for a measure the framework does not have stays, for the core to name.
pub(crate) fn toggled(d: &Value, all: &[String], id: &str, on: bool, back: Option<Value>) -> Value {
    let given = doc::get(d, "measures")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let kept = |m: &str| {
        if m == id {
            if let Some(b) = &back {
                return b.clone();
            }
        }
        entry(d, m).unwrap_or_else(|| serde_json::json!({ "id": m }))
    };
    let known = all
        .iter()
        .filter(|m| if m.as_str() == id { on } else { offered(d, m) })
        .map(|m| kept(m));
    let unknown = given
        .iter()
        .filter(|c| {
            c.get("id")
                .and_then(Value::as_str)
                .is_none_or(|i| !all.iter().any(|a| a == i))
        })
        .cloned();
    Value::Array(known.chain(unknown).collect())
}

/// The council's priority for a theme, if it gave one.
fn priority(d: &Value, theme: &str) -> String {
    doc::get(d, "theme_priorities")
        .and_then(Value::as_array)
        .and_then(|l| {
            l.iter()
                .find(|p| p.get("theme").and_then(Value::as_str) == Some(theme))
        })
        .map(|p| doc::text(p, "priority"))
        .unwrap_or_default()
}

/// The measure set.
#[component]
pub fn Measures() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let d = &ctx.model.doc;
    let (name, themes) = themes(d);
    let all: Vec<String> = themes
        .iter()
        .flat_map(|t| t.measures.iter().map(|m| m.id.clone()))
        .collect();
    let theme_ids: Vec<String> = themes.iter().map(|t| t.id.clone()).collect();
    let required = doc::strings(d, "required_themes");
    html! {
        <section aria-labelledby="measures-heading" id={doc::id("measures")}>
            <h2 id="measures-heading" class="heading-m">{ "Measures and priorities" }</h2>
            <p>{ format!("Measure set: {name}. Socval Open values a measure only where an openly licensed figure exists; the others are recorded, not valued. A council that holds a licence for another measure set (such as the National TOMs) opens a configuration with it inline.") }</p>
            { for themes.iter().map(|t| {
                let send = ctx.send.clone();
                let theme = t.id.clone();
                let ids = theme_ids.clone();
                let doc_now = d.clone();
                let onpriority = Callback::from(move |e: Event| {
                    let Some(el) = e.target_dyn_into::<HtmlSelectElement>() else { return };
                    let mut list: Vec<Value> = ids.iter().filter_map(|th| {
                        let p = if *th == theme { el.value() } else { priority(&doc_now, th) };
                        (!p.is_empty()).then(|| serde_json::json!({ "theme": th, "priority": p }))
                    }).collect();
                    // A priority for a theme the framework does not have
                    // stays, for the core to name.
                    list.extend(doc::get(&doc_now, "theme_priorities").and_then(Value::as_array).into_iter().flatten()
                        .filter(|p| p.get("theme").and_then(Value::as_str).is_none_or(|t| !ids.iter().any(|i| i == t))).cloned());
                    send.emit(Action::Set("theme_priorities".into(), (!list.is_empty()).then_some(Value::Array(list))));
                });
                let current = priority(d, &t.id);
                let select_id = doc::id(&format!("theme_priorities-{}", t.id));
                let send = ctx.send.clone();
                let theme = t.id.clone();
                let now_required = required.clone();
                let onrequired = Callback::from(move |on: bool| {
                    let mut list: Vec<Value> = now_required.iter().filter(|r| **r != theme).map(|r| Value::String(r.clone())).collect();
                    if on { list.push(Value::String(theme.clone())); }
                    send.emit(Action::Set("required_themes".into(), (!list.is_empty()).then_some(Value::Array(list))));
                });
                html! {
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend fieldset__legend--m">{ t.title.clone() }</legend>
                        <div class="form-group">
                            <label class="label" for={select_id.clone()}>{ format!("How much {} matters to the council", t.title) }</label>
                            <select class="select" id={select_id} onchange={onpriority}>
                                { for [("", "No priority given"), ("high", "A priority: bids should commit here"), ("medium", "Welcome"), ("low", "Lower priority")].iter().map(|(v, w)| html! {
                                    <option value={*v} selected={current == *v}>{ *w }</option>
                                }) }
                            </select>
                        </div>
                        <Check id={doc::id(&format!("required_themes-{}", t.id))} label={format!("Every bid must make at least one commitment in {}", t.title)}
                            checked={required.contains(&t.id)} onchange={onrequired} />
                        <fieldset class="fieldset">
                            <legend class="fieldset__legend">{ format!("Measures offered in {}", t.title) }</legend>
                            { for t.measures.iter().map(|m| {
                                let send = ctx.send.clone();
                                let every = all.clone();
                                let measure = m.id.clone();
                                let onchange = Callback::from(move |on: bool| {
                                    send.emit(Action::Offer { id: measure.clone(), on, all: every.clone() });
                                });
                                let words = if m.valued { m.title.clone() } else { format!("{} (recorded, not valued)", m.title) };
                                let on = offered(d, &m.id);
                                html! { <>
                                    <Check id={doc::id(&format!("measures-{}", m.id))} label={words} checked={on} {onchange} />
                                    if on { { own(&ctx, m, &all) } }
                                </> }
                            }) }
                        </fieldset>
                    </fieldset>
                }
            }) }
        </section>
    }
}

/// A measure's own value and adjustments, where the council sets them: a
/// value needs its source, price year and licence, as the framework's do.
fn own(ctx: &Ctx, m: &Listed, all: &[String]) -> Html {
    let d = &ctx.model.doc;
    let index = doc::get(d, "measures")
        .and_then(Value::as_array)
        .and_then(|l| {
            l.iter()
                .position(|c| c.get("id").and_then(Value::as_str) == Some(m.id.as_str()))
        });
    let summary = format!("{}: the council's own value or adjustments", m.title);
    let send = ctx.send.clone();
    let id = m.id.clone();
    let ontoggle = Callback::from(move |e: Event| {
        if let Some(el) = e.target_dyn_into::<web_sys::Element>() {
            send.emit(Action::Shown(id.clone(), el.has_attribute("open")));
        }
    });
    let shown = ctx.model.opened.contains(&m.id);
    let Some(i) = index else {
        // Every measure is offered while the file lists none: listing them
        // is what lets one carry values of its own.
        let send = ctx.send.clone();
        let (id, every) = (m.id.clone(), all.to_vec());
        let onclick = Callback::from(move |_| {
            send.emit(Action::List {
                id: id.clone(),
                all: every.clone(),
            });
        });
        return html! {
            <details class="details" open={shown} {ontoggle}>
                <summary class="details__summary">{ summary }</summary>
                <div class="details__text">
                    <p class="hint">{ m.value.clone() }</p>
                    <button type="button" class="button button--secondary" {onclick}>{ format!("Set {}'s value or adjustments", m.title) }</button>
                </div>
            </details>
        };
    };
    let at = format!("measures[{i}]");
    let proxy = format!("{at}.proxy");
    let has_proxy = doc::get(d, &proxy).is_some();
    let has_own = has_proxy
        || doc::get(d, &format!("{at}.adjustments"))
            .is_some_and(|a| a.as_object().is_some_and(|o| !o.is_empty()));
    let wrong = ctx
        .model
        .problems
        .iter()
        .any(|p| p.path.starts_with(&format!("{at}.")) || p.path == at);
    let send = ctx.send.clone();
    let (path, key) = (proxy.clone(), format!("proxy:{}", m.id));
    // The value and price year are left for the council to give: the core
    // names them until they are.
    let fresh = serde_json::json!({ "source": { "title": "", "publisher": "", "licence": "" } });
    let onproxy = Callback::from(move |on: bool| {
        send.emit(Action::Toggle {
            path: path.clone(),
            key: key.clone(),
            on,
            fresh: fresh.clone(),
        });
    });
    let field = |f: &str,
                 label: &'static str,
                 kind: Kind,
                 width: Option<&'static str>,
                 hint: Option<String>| {
        html! { <Input path={format!("{proxy}.{f}")} {label} {kind} {width} hint={hint.map(AttrValue::from)} /> }
    };
    html! {
        <details class="details" open={has_own || wrong || shown} id={doc::id(&at)} {ontoggle}>
            <summary class="details__summary">{ summary }</summary>
            <div class="details__text">
                <p class="hint">{ m.value.clone() }</p>
                <Check id={doc::id(&format!("{proxy}-on"))} label={format!("Use the council's own value for {}", m.title)} checked={has_proxy} onchange={onproxy}
                    hint="It replaces the framework's for every bid. Give where it comes from: suppliers and evaluators see the source with the figure." />
                if has_proxy {
                    <fieldset class="fieldset conditional" id={doc::id(&proxy)}>
                        <legend class="fieldset__legend">{ format!("{}: the council's own value", m.title) }</legend>
                        { field("value", "Value, pounds per unit", Kind::Number, Some("10"), None) }
                        { field("source.title", "The publication it comes from", Kind::Text, None, None) }
                        { field("source.publisher", "Who published it", Kind::Text, None, None) }
                        { field("source.url", "Where to read it (optional)", Kind::Text, None, Some("A full web address, starting https://".into())) }
                        { field("source.price_year", "The year of its prices", Kind::Number, Some("4"), Some("The calculator converts it to the framework's price year with the GDP deflator.".into())) }
                        { field("source.licence", "The licence the council uses it under", Kind::Text, Some("20"), Some("For example OGL-UK-3.0, or the licence your council holds.".into())) }
                        { field("source.note", "How the value was derived (optional)", Kind::Text, None, None) }
                    </fieldset>
                }
                <fieldset class="fieldset" id={doc::id(&format!("{at}.adjustments"))}>
                    <legend class="fieldset__legend">{ format!("{}: adjustments of the council's own (optional)", m.title) }</legend>
                    { for ADJUSTMENTS.iter().map(|(f, label)| {
                        let hint = m.defaults.iter().find(|(k, _)| k == f).map(|(_, v)| AttrValue::from(format!("The framework's: {v}. Leave empty to keep it.")));
                        html! { <Input path={format!("{at}.adjustments.{f}")} label={*label} kind={Kind::Number} width="4" {hint} /> }
                    }) }
                </fieldset>
            </div>
        </details>
    }
}
