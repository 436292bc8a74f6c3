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
}

/// The configuration's problems.
#[component]
pub fn ConfigError(p: &ConfigErrorProps) -> Html {
    html! {
        <div class="socval">
            <div class="error-summary" role="alert" data-config-error="">
                <h2 class="error-summary__title">{ p.title.clone() }</h2>
                <ul class="error-summary__list">{ for p.problems.iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ul>
            </div>
        </div>
    }
}
