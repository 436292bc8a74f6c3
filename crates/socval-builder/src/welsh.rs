//! The council's own texts in Welsh (`translations.cy`), for a calculator
//! shown in Welsh: the calculator's own words and Socval Open's measures
//! are in Welsh already; the council's name, area, bands and criteria are
//! the council's to give. A text left empty shows in English.

use serde_json::Value;
use yew::prelude::*;

use crate::doc;
use crate::fields::{Ctx, Input};

/// "In English: …", the text a Welsh one stands for, as its hint.
fn english(d: &Value, path: &str) -> Option<AttrValue> {
    let text = doc::text(d, path);
    (!text.trim().is_empty()).then(|| AttrValue::from(format!("In English: {text}")))
}

/// The Welsh texts.
#[component]
pub fn Welsh() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let d = &ctx.model.doc;
    let count = |path: &str| {
        doc::get(d, path)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    };
    let kind = doc::text(d, "scoring.method.kind");
    let bands = if kind == "ratio_bands" {
        count("scoring.method.bands")
    } else {
        0
    };
    let criteria: Vec<String> = if kind == "self_assessment" {
        doc::get(d, "scoring.method.criteria")
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .map(|c| doc::text(c, "id"))
                    .filter(|id| !id.is_empty() && !id.contains(['.', '[']))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    html! {
        <section aria-labelledby="welsh-heading" id={doc::id("translations")}>
            <h2 id="welsh-heading" class="heading-m">{ "Texts in Welsh (optional)" }</h2>
            <p class="hint">{ "For a calculator shown in Welsh (lang=\"cy\" on its element). The calculator's own words and Socval Open's themes and measures are in Welsh already; these are your council's. A text left empty shows in English." }</p>
            <Input path="translations.cy.council.name" label="The council's name in Welsh" hint={english(d, "council.name")} lang="cy" />
            <Input path="translations.cy.council.contact" label="Who suppliers contact, in Welsh (optional)" hint={english(d, "council.contact")} lang="cy" />
            <Input path="translations.cy.council.intro" label="The sentence above the calculator, in Welsh (optional)" hint={english(d, "council.intro")} lang="cy" long=true />
            <Input path="translations.cy.local_area" label="The local area's name in Welsh" hint={english(d, "local_area.name")} lang="cy" />
            { for (0..count("priority_areas")).map(|i| html! {
                <Input path={format!("translations.cy.priority_areas[{i}]")} label={format!("Priority area {}: its name in Welsh", i + 1)} hint={english(d, &format!("priority_areas[{i}].name"))} lang="cy" />
            }) }
            { for (0..bands).map(|i| html! {
                <Input path={format!("translations.cy.bands[{i}]")} label={format!("Band {}: its name in Welsh", i + 1)} hint={english(d, &format!("scoring.method.bands[{i}].label"))} lang="cy" />
            }) }
            { for criteria.iter().enumerate().map(|(i, id)| html! {
                <Input path={format!("translations.cy.criteria.{id}.title")} label={format!("Criterion {}: as suppliers read it, in Welsh", i + 1)} hint={english(d, &format!("scoring.method.criteria[{i}].title"))} lang="cy" />
            }) }
        </section>
    }
}
