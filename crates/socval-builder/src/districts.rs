//! Districts picked by name: the ONS names of the local authority districts
//! in Socval's outward-code table (`data/lad-names.csv`, built by
//! `scripts/outcodes/lad_names.py`, with its source and licence), so that a
//! council chooses "Exeter" rather than typing E07000041.

use serde_json::Value;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::Action;
use crate::doc;
use crate::fields::Ctx;

/// The table: a header of comments, then `lad,name` rows (a name with a
/// comma quoted; an empty name where the source has none).
const TABLE: &str = include_str!("../data/lad-names.csv");

/// Every district in the table as (code, name), by name; those without a
/// name last, by code.
pub fn all() -> Vec<(&'static str, &'static str)> {
    let mut list: Vec<(&str, &str)> = TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("lad,"))
        .filter_map(|l| {
            let (code, name) = l.split_once(',')?;
            Some((code, name.trim_matches('"')))
        })
        .collect();
    list.sort_by(|a, b| (a.1.is_empty(), a.1, a.0).cmp(&(b.1.is_empty(), b.1, b.0)));
    list
}

/// A district's name, if the table gives one.
pub fn name(code: &str) -> Option<&'static str> {
    TABLE
        .lines()
        .filter_map(|l| l.split_once(','))
        .find(|(c, _)| *c == code)
        .map(|(_, n)| n.trim_matches('"'))
        .filter(|n| !n.is_empty())
}

/// A district as the page shows it: its name and code, or its code alone.
pub fn shown(code: &str) -> String {
    name(code).map_or_else(|| code.to_string(), |n| format!("{n} ({code})"))
}

/// Props of [`DistrictPicker`].
#[derive(Properties, PartialEq, Clone)]
pub struct PickerProps {
    /// The area's path: `local_area` or `priority_areas[2]`.
    pub path: AttrValue,
}

/// A list of districts by name to add from, and the districts chosen, each
/// with a button to remove it.
#[component]
pub fn DistrictPicker(p: &PickerProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let select = use_node_ref();
    let path = format!("{}.districts", p.path);
    let chosen = doc::strings(&ctx.model.doc, &path);
    let set = {
        let (send, path) = (ctx.send.clone(), path.clone());
        move |list: Vec<String>| {
            let value = (!list.is_empty())
                .then(|| Value::Array(list.into_iter().map(Value::String).collect()));
            send.emit(Action::Set(path.clone(), value));
        }
    };
    let onadd = {
        let (select, chosen, set) = (select.clone(), chosen.clone(), set.clone());
        Callback::from(move |_| {
            let Some(code) = select.cast::<HtmlSelectElement>().map(|s| s.value()) else {
                return;
            };
            if !code.is_empty() && !chosen.contains(&code) {
                let mut list = chosen.clone();
                list.push(code);
                set(list);
            }
        })
    };
    let id = doc::id(&format!("{path}-pick"));
    html! {
        <div class="form-group">
            <label class="label" for={id.clone()}>{ "Add a local authority district by name" }</label>
            <div class="hint" id={format!("{id}-hint")}>{ "Districts as the ONS names them. The calculator finds each postcode's district from its outward code." }</div>
            <select class="select" id={id.clone()} ref={select.clone()} aria-describedby={format!("{id}-hint")}>
                // Chosen by name: Yew adds a list's options last first, and
                // the browser would otherwise select the first one added.
                <option value="" selected=true>{ "Choose a district" }</option>
                { for all().into_iter().map(|(code, _)| html! { <option value={code}>{ shown(code) }</option> }) }
            </select>
            <button type="button" class="button button--secondary button--inline" onclick={onadd}>{ "Add this district" }</button>
            if !chosen.is_empty() {
                <ul class="chosen" aria-label="Districts chosen">
                    { for chosen.iter().map(|code| {
                        let (select, chosen, set, code) = (select.clone(), chosen.clone(), set.clone(), code.clone());
                        let words = shown(&code);
                        let remove = Callback::from(move |_| {
                            set(chosen.iter().filter(|c| **c != code).cloned().collect());
                            // The button goes with the district: focus to the list to add from.
                            if let Some(s) = select.cast::<HtmlElement>() {
                                let _ = s.focus();
                            }
                        });
                        html! { <li>{ words.clone() }{ " " }<button type="button" class="button button--secondary button--small" onclick={remove}>{ format!("Remove {words}") }</button></li> }
                    }) }
                </ul>
            }
        </div>
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_table_and_a_district_without_one_is_shown_by_its_code() {
        assert_eq!(name("E07000041"), Some("Exeter"));
        assert_eq!(shown("E07000041"), "Exeter (E07000041)");
        assert_eq!(
            shown("E06000010"),
            "Kingston upon Hull, City of (E06000010)"
        );
        // Created in 2023, after the source's May 2022: no name is made up.
        assert_eq!(name("E06000065"), None);
        assert_eq!(shown("E06000065"), "E06000065");
        let list = all();
        assert_eq!(list.len(), 361, "every district in the outward-code table");
        assert_eq!(list.iter().filter(|(_, n)| n.is_empty()).count(), 6);
        assert!(
            list.last().unwrap().1.is_empty(),
            "those without a name come last"
        );
    }
}
