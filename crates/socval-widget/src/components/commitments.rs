//! The council's measures grouped by theme, searchable.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::measure::MeasureEntry;
use crate::context::Ctx;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::form::{CommitmentForm, FieldError};
use crate::state::{Action, State};

/// Lower case by the browser's own rules: Rust's `to_lowercase` would ship
/// Unicode case tables (about 17 kB) in the wasm for a search box.
fn lower(s: &str) -> String {
    String::from(js_sys::JsString::from(s).to_lower_case())
}

/// Whether `needle` occurs in `hay`, by comparing bytes at each position:
/// `str::contains` brings the two-way searcher (about 2 kB of wasm) into
/// the first module for a search over a few hundred characters.
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    needle.is_empty()
        || hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// Props of [`CommitmentsSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct CommitmentsProps {
    /// The commitments as typed: each measure's first line.
    pub commitments: Rc<BTreeMap<String, CommitmentForm>>,
    /// Further lines, each naming its measure.
    pub more: Rc<Vec<CommitmentForm>>,
    /// The contract's first year, if it reads as one.
    pub start_year: Option<i32>,
    /// The search text.
    pub search: AttrValue,
    /// Current errors.
    pub errors: Vec<FieldError>,
    /// Contract years to offer year-by-year inputs for.
    pub years: usize,
    /// Sends actions.
    pub dispatch: UseReducerDispatcher<State>,
}

/// Every offered measure, by theme; a theme opens when searched or used.
/// A closed theme renders only its summary: most of the form's inputs are in
/// closed themes, so first render is much lighter.
#[component]
pub fn CommitmentsSection(p: &CommitmentsProps) -> Html {
    // Themes the supplier opened (a view concern, so kept here, not in the reducer).
    let opened = use_state(std::collections::BTreeSet::<String>::new);
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    let m = ctx.messages;
    let fw = &ctx.setup.framework;
    let query = lower(p.search.trim());
    // A search finds a measure by its title, help, unit or theme, and by
    // the words a supplier may use for them ("CO2" for carbon).
    let terms: Vec<&str> = std::iter::once(query.as_str())
        .chain(
            m.synonyms()
                .filter(|(said, _)| has(&query, said))
                .map(|(_, meant)| meant),
        )
        .collect();
    let matches = |x: &socval_core::framework::Measure, theme: &str| {
        query.is_empty() || {
            let text = lower(&format!(
                "{} {} {} {} {theme}",
                x.title,
                x.help,
                m.unit(x.unit, true),
                m.unit(x.unit, false)
            ));
            terms.iter().any(|t| has(&text, t))
        }
    };
    let onsearch = {
        let d = p.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            d.dispatch(Action::Search(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ));
        })
    };
    let mut any = false;
    let groups = fw
        .themes
        .iter()
        .map(|theme| {
            let measures: Vec<_> = fw
                .measures
                .iter()
                .filter(|x| x.theme == theme.id && matches(x, &theme.title))
                .collect();
            if measures.is_empty() {
                return html! {};
            }
            any = true;
            let used = measures.iter().any(|x| {
                p.commitments.get(&x.id).is_some_and(CommitmentForm::is_used)
                    || p.more.iter().any(|c| c.measure == x.id)
            });
            let open = !query.is_empty() || used || opened.contains(&theme.id);
            let ontoggle = {
                let (opened, id) = (opened.clone(), theme.id.clone());
                Callback::from(move |e: Event| {
                    let now_open = e
                        .target_unchecked_into::<web_sys::HtmlDetailsElement>()
                        .open();
                    if now_open != opened.contains(&id) {
                        let mut next = (*opened).clone();
                        if now_open {
                            next.insert(id.clone());
                        } else {
                            next.remove(&id);
                        }
                        opened.set(next);
                    }
                })
            };
            let priority = ctx.setup.theme_priority(&theme.id).map(|p| m.priority(p));
            html! {
                <details class="theme-group" {open} {ontoggle}>
                    <summary class="theme-group__summary">
                        <span class="theme-group__title">{ theme.title.clone() }</span>
                        if let Some(pr) = priority { <span class="tag">{ pr }</span> }
                    </summary>
                    if open {
                    <div class="theme-group__body">
                        <p class="hint">{ theme.description.clone() }</p>
                        { for measures.into_iter().map(|measure| html! {
                            <MeasureEntry
                                key={measure.id.clone()}
                                measure={measure.id.clone()}
                                entry={p.commitments.get(&measure.id).cloned().unwrap_or_default()}
                                more={p.more.iter().enumerate().filter(|(_, c)| c.measure == measure.id).map(|(i, c)| (i, c.clone())).collect::<Vec<_>>()}
                                errors={p.errors.clone()}
                                years={p.years}
                                start_year={p.start_year}
                                dispatch={p.dispatch.clone()}
                            />
                        }) }
                    </div>
                    }
                </details>
            }
        })
        .collect::<Html>();
    html! {
        <section class="section" aria-labelledby="commitments-heading">
            { ctx.section(1, "heading-m", Some("commitments-heading"), m.commitments_heading()) }
            <p class="hint">{ m.commitments_hint() }</p>
            <div class="form-group">
                <label class="label" for="measure-search">{ m.search_measures() }</label>
                <div class="hint" id="measure-search-hint">{ m.search_hint() }</div>
                <input class="input" data-width="20" id="measure-search" type="search" autocomplete="off" aria-describedby="measure-search-hint" value={p.search.clone()} oninput={onsearch} />
            </div>
            { groups }
            if !any { <p class="body" role="status">{ m.no_measures_match() }</p> }
        </section>
    }
}
