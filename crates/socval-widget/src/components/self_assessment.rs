//! Self-scores against the council's award criteria (when it scores that way).

use socval_core::config::ScoringMethod;
use yew::prelude::*;

use super::contract::error_for;
use super::field::TextField;
use crate::context::Ctx;
use crate::form::{FieldError, ids};
use crate::state::{Action, State};

/// Props of [`SelfAssessment`].
#[derive(Properties, PartialEq, Clone)]
pub struct SelfAssessmentProps {
    /// Scores as typed, by criterion.
    pub scores: std::collections::BTreeMap<String, String>,
    /// Current errors.
    pub errors: Vec<FieldError>,
    /// Sends actions.
    pub dispatch: UseReducerDispatcher<State>,
}

/// One score input per criterion; nothing when the council scores otherwise.
#[component]
pub fn SelfAssessment(p: &SelfAssessmentProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    let ScoringMethod::SelfAssessment { criteria } = &ctx.setup.config.scoring.method else {
        return html! {};
    };
    let m = ctx.messages;
    html! {
        <section class="section" aria-labelledby="self-heading">
            { ctx.section(1, "heading-m", Some("self-heading"), m.self_heading()) }
            <p class="hint">{ m.self_hint() }</p>
            { for criteria.iter().map(|k| {
                let (d, kid) = (p.dispatch.clone(), k.id.clone());
                let id = ids::self_score(&k.id);
                html! {
                    <TextField id={id.clone()} label={format!("{}: {}", k.title, m.self_score())} hint={(!k.guidance.is_empty()).then(|| AttrValue::from(k.guidance.clone()))}
                        value={p.scores.get(&k.id).cloned().unwrap_or_default()} error={error_for(&p.errors, &id)}
                        oninput={Callback::from(move |v: String| d.dispatch(Action::SelfScore(kid.clone(), v)))} inputmode="decimal" width="4" />
                }
            }) }
        </section>
    }
}
