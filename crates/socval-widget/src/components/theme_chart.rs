//! Social value by theme: a bar chart in inline SVG (hidden from screen
//! readers) and the same figures as a table (read by everyone).

use std::rc::Rc;

use socval_core::config::ValueBasis;
use yew::prelude::*;

use crate::calc::Shown;
use crate::context::Ctx;

/// Props of [`ThemeChart`].
#[derive(Properties, PartialEq, Clone)]
pub struct ThemeChartProps {
    /// The result.
    pub shown: Rc<Shown>,
}

/// Bars and table by theme, on the council's scoring basis.
#[component]
pub fn ThemeChart(p: &ThemeChartProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    let m = ctx.messages;
    let r = &p.shown.figures;
    // The core's theme figures are in the framework's theme order.
    let themes: Vec<_> = ctx.setup.framework.themes.iter().zip(&r.themes).collect();
    let value = |t: &socval_core::report::Totals| match r.ratio.basis {
        ValueBasis::Gross => t.gross,
        ValueBasis::Adjusted => t.adjusted,
        ValueBasis::PresentValue => t.present_value,
    };
    let row_h = 44;
    let height = row_h * themes.len().max(1);
    let bars = themes.iter().enumerate().map(|(i, (theme, t))| {
        // share_percent is 0–100 with two places; the bar is that % of the width.
        let width = format!("{}%", t.share_percent);
        let y = i * row_h;
        html! {
            <g>
                <text class="bar-label" x="0" y={(y + 14).to_string()}>{ format!("{} ({}%)", theme.title, t.share_percent) }</text>
                <rect class="bar-track" x="0" y={(y + 20).to_string()} width="100%" height="18" />
                <rect class="bar" x="0" y={(y + 20).to_string()} width={width} height="18" />
            </g>
        }
    });
    html! {
        <div class="theme-chart">
            { ctx.heading(1, "heading-s", None, false, m.by_theme()) }
            <svg class="chart" aria-hidden="true" focusable="false" width="100%" height={height.to_string()} preserveAspectRatio="none">{ for bars }</svg>
            <table class="table">
                <thead><tr><th scope="col">{ m.theme() }</th><th scope="col" class="num">{ "£" }</th><th scope="col" class="num">{ m.share() }</th></tr></thead>
                <tbody>
                    { for themes.iter().map(|(theme, t)| html! {
                        <tr><th scope="row">{ theme.title.clone() }</th><td class="num">{ value(&t.totals).to_string() }</td><td class="num">{ format!("{}%", t.share_percent) }</td></tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
