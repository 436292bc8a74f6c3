//! What counts as local, and the priority areas: the same rules for each.

use serde_json::Value;
use yew::prelude::*;

use crate::app::Action;
use crate::doc;
use crate::fields::{Check, Ctx, Input, Kind};

/// Props of [`AreaEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct AreaProps {
    /// The area's path: `local_area` or `priority_areas[2]`.
    pub path: AttrValue,
}

/// An area's name and its rules: postcode areas, outward codes, districts,
/// and a radius around a postcode.
#[component]
pub fn AreaEditor(p: &AreaProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let at = |field: &str| format!("{}.{field}", p.path);
    let radius_path = at("radius");
    let has_radius = doc::get(&ctx.model.doc, &radius_path).is_some();
    let send = ctx.send.clone();
    let set_radius = radius_path.clone();
    // The distance is left for the council to give (the core names it until
    // it is); a radius switched off and on again comes back as it was.
    let onradius = Callback::from(move |on: bool| {
        send.emit(Action::Toggle {
            path: set_radius.clone(),
            key: format!("radius:{set_radius}"),
            on,
            fresh: serde_json::json!({ "centre": { "postcode": "" } }),
        });
    });
    html! {
        <div class="area" id={doc::id(&p.path)}>
            <Input path={at("name")} label="Its name, as suppliers will read it" hint="For example: Exampleshire." />
            <Input path={at("postcode_areas")} label="Postcode areas" hint="The letters at the start of a postcode, separated by commas: EX, TQ." kind={Kind::List} width="20" />
            <Input path={at("outward_codes")} label="Outward codes" hint="The first half of a postcode, separated by commas: EX1, EX2, TQ12." kind={Kind::List} width="20" />
            <crate::districts::DistrictPicker path={p.path.clone()} />
            <Input path={at("districts")} label="Local authority districts, by code" hint="The districts chosen above as ONS codes (nine characters, such as E07000041 for Exeter), separated by commas: type them here if you have them." kind={Kind::List} />
            <Check id={doc::id(&format!("{radius_path}-on"))} label="Also everything within a distance of a postcode" checked={has_radius} onchange={onradius} />
            if has_radius {
                <div class="conditional">
                    <Input path={format!("{radius_path}.miles")} label="Distance, miles" kind={Kind::Number} width="4" />
                    <Input path={format!("{radius_path}.centre.postcode")} label="From this postcode or outward code" hint="Its outward code's centre is used: HX1." width="10" />
                </div>
            }
        </div>
    }
}

/// The priority areas: places outside the local area whose spend the
/// council also wants to see (deprived areas, say).
#[component]
pub fn PriorityAreas() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let count = doc::get(&ctx.model.doc, "priority_areas")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let send = ctx.send.clone();
    let add = Callback::from(move |_| {
        send.emit(Action::Add(
            "priority_areas".into(),
            serde_json::json!({ "name": "" }),
        ));
    });
    html! {
        <section aria-labelledby="priority-heading" id={doc::id("priority_areas")}>
            <h2 id="priority-heading" class="heading-m">{ "Priority areas (optional)" }</h2>
            <p class="hint">{ "Places outside the local area whose share of the spend the results show apart, such as areas of deprivation. Their spend does not count as local in LM3." }</p>
            { for (0..count).map(|i| {
                let path = format!("priority_areas[{i}]");
                let send = ctx.send.clone();
                let remove_path = path.clone();
                let remove = Callback::from(move |_| send.emit(Action::Remove(remove_path.clone())));
                html! {
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend">{ format!("Priority area {}", i + 1) }</legend>
                        <AreaEditor path={path} />
                        <button type="button" class="button button--secondary" onclick={remove}>{ format!("Remove priority area {}", i + 1) }</button>
                    </fieldset>
                }
            }) }
            <button type="button" class="button button--secondary" onclick={add}>{ "Add a priority area" }</button>
        </section>
    }
}
