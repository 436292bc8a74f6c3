//! Shown instead of the calculator when the council's configuration is broken:
//! for the embedder, every problem with its field path.

use yew::prelude::*;

/// Props of [`ConfigError`].
#[derive(Properties, PartialEq, Clone)]
pub struct ConfigErrorProps {
    /// The headline.
    pub title: AttrValue,
    /// Each problem.
    pub problems: Vec<String>,
    /// The level of its heading: the widget's top level.
    pub level: u8,
}

/// The configuration's problems.
#[component]
pub fn ConfigError(p: &ConfigErrorProps) -> Html {
    html! {
        <div class="socval">
            <div class="error-summary" role="alert" data-config-error="">
                { crate::context::heading(p.level, "error-summary__title", None, false, p.title.clone()) }
                <ul class="error-summary__list">{ for p.problems.iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ul>
            </div>
        </div>
    }
}
