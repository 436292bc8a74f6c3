//! Where the money goes: staff wages and suppliers, each line showing
//! whether the core counts it as local.

use std::rc::Rc;

use socval_core::local_area::Place;
use socval_core::report::SpendKind;
use yew::prelude::*;

use super::contract::error_for;
use super::field::{Checkbox, TextField};
use crate::calc::Shown;
use crate::context::Ctx;
use crate::form::{FieldError, SpendForm, TotalForm, ids};
use crate::messages::Messages;
use crate::state::{Action, SpendField, SpendList, State, TotalField};

/// Props of [`SpendSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct SpendProps {
    /// Staff lines.
    pub staff: Vec<SpendForm>,
    /// Supplier lines.
    pub suppliers: Vec<SpendForm>,
    /// Staff wages as a total, when chosen.
    pub staff_total: TotalForm,
    /// Supplier spend as a total, when chosen.
    pub suppliers_total: TotalForm,
    /// The latest result (for each line's place).
    pub shown: Option<Rc<Shown>>,
    /// Current errors.
    pub errors: Vec<FieldError>,
    /// Sends actions.
    pub dispatch: UseReducerDispatcher<State>,
}

/// Staff and supplier lines.
#[component]
pub fn SpendSection(p: &SpendProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    let m = ctx.messages;
    let list = |kind: SpendList, lines: &[SpendForm], total: &TotalForm| {
        let (name, heading, add, spend_kind) = match kind {
            SpendList::Staff => ("staff", m.staff_heading(), m.add_staff(), SpendKind::Staff),
            SpendList::Suppliers => (
                "suppliers",
                m.suppliers_heading(),
                m.add_supplier(),
                SpendKind::Supplier,
            ),
        };
        let onadd = {
            let d = p.dispatch.clone();
            Callback::from(move |_| d.dispatch(Action::AddLine(kind)))
        };
        // Offered where the council accepts totals; a total opened from a
        // file elsewhere still shows, so that it can be unticked.
        let allowed = ctx.setup.config.lm3.totals_allowed || total.on;
        let choose = if allowed {
            total_choice(m, kind, name, total, &p.errors, &p.dispatch)
        } else {
            Html::default()
        };
        if total.on {
            return html! {
                <div class="spend-list">
                    { ctx.section(2, "heading-s", None, heading) }
                    { choose }
                    if lines.iter().any(|l| !l.is_blank()) { <p class="hint">{ m.lines_kept() }</p> }
                </div>
            };
        }
        html! {
            <div class="spend-list">
                { ctx.section(2, "heading-s", None, heading) }
                { choose }
                { for lines.iter().enumerate().map(|(i, line)| {
                    let place = p.shown.as_ref().and_then(|s| match spend_kind {
                        SpendKind::Staff => s.staff_places.get(i),
                        SpendKind::Supplier => s.supplier_places.get(i),
                    }).cloned().flatten();
                    html! { <SpendLine key={i} list={kind} list_name={name} index={i} line={line.clone()} place={place} errors={p.errors.clone()} dispatch={p.dispatch.clone()} /> }
                }) }
                <button type="button" class="button button--secondary" id={ids::add(name)} onclick={onadd}>{ add }</button>
            </div>
        }
    };
    html! {
        <section class="section" aria-labelledby="spend-heading">
            { ctx.section(1, "heading-m", Some("spend-heading"), m.spend_heading()) }
            <p class="hint">{ m.spend_hint() }</p>
            { list(SpendList::Staff, &p.staff, &p.staff_total) }
            { list(SpendList::Suppliers, &p.suppliers, &p.suppliers_total) }
        </section>
    }
}

/// The box that chooses a total and a local share instead of lines, and,
/// when ticked, its two inputs.
fn total_choice(
    m: &Messages,
    kind: SpendList,
    name: &str,
    total: &TotalForm,
    errors: &[FieldError],
    dispatch: &UseReducerDispatcher<State>,
) -> Html {
    let id = |f: &str| ids::total(name, f);
    let send = |make: fn(String) -> TotalField| {
        let d = dispatch.clone();
        Callback::from(move |v: String| d.dispatch(Action::Total(kind, make(v))))
    };
    let ontick = {
        let d = dispatch.clone();
        Callback::from(move |b: bool| d.dispatch(Action::Total(kind, TotalField::On(b))))
    };
    let (tick, amount, local) = match kind {
        SpendList::Staff => (m.staff_as_total(), m.wage_bill(), m.local_staff()),
        SpendList::Suppliers => (
            m.suppliers_as_total(),
            m.supply_chain(),
            m.local_suppliers(),
        ),
    };
    html! {
        <>
            <Checkbox id={id("on")} label={tick} checked={total.on} onchange={ontick} />
            if total.on {
                <TextField id={id("amount")} label={amount} value={total.amount.clone()} error={error_for(errors, &id("amount"))} oninput={send(TotalField::Amount)} inputmode="decimal" width="10" prefix="£" />
                <TextField id={id("local")} label={local} value={total.local.clone()} error={error_for(errors, &id("local"))} oninput={send(TotalField::Local)} inputmode="decimal" width="4" />
            }
        </>
    }
}

/// The name of a line of `list`, before its number.
fn label_of(m: &Messages, list: SpendList) -> &'static str {
    match list {
        SpendList::Staff => m.staff_label(),
        SpendList::Suppliers => m.supplier_name(),
    }
}

/// Props of [`SpendLine`].
#[derive(Properties, PartialEq, Clone)]
pub struct SpendLineProps {
    /// Which list.
    pub list: SpendList,
    /// The list's id prefix.
    pub list_name: AttrValue,
    /// Index in the list.
    pub index: usize,
    /// The line.
    pub line: SpendForm,
    /// Where the core placed it.
    pub place: Option<Place>,
    /// Current errors.
    pub errors: Vec<FieldError>,
    /// Sends actions.
    pub dispatch: UseReducerDispatcher<State>,
}

/// One staff or supplier line.
#[component]
pub fn SpendLine(p: &SpendLineProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! {};
    };
    let m = ctx.messages;
    let (list, i) = (p.list, p.index);
    let id = |f: &str| ids::spend(&p.list_name, i, f);
    let set = |make: fn(String) -> SpendField| {
        let d = p.dispatch.clone();
        Callback::from(move |v: String| d.dispatch(Action::Line(list, i, make(v))))
    };
    let flag = |make: fn(bool) -> SpendField| {
        let d = p.dispatch.clone();
        Callback::from(move |b: bool| d.dispatch(Action::Line(list, i, make(b))))
    };
    let legend = format!("{} {}", label_of(m, list), i + 1);
    let onremove = {
        let (d, host) = (p.dispatch.clone(), ctx.host.clone());
        let (said, add) = (m.removed(&legend), ids::add(&p.list_name));
        Callback::from(move |_| {
            d.dispatch(Action::RemoveLine(list, i));
            d.dispatch(Action::Say(said.clone()));
            // The removed button took focus with it: put it on the list's
            // "add" button, after the line has gone.
            let (host, add) = (host.clone(), add.clone());
            crate::context::focus_when_drawn(host, add);
        })
    };
    let suppliers = list == SpendList::Suppliers;
    let (label, amount) = if suppliers {
        (m.supplier_name(), m.spend_amount())
    } else {
        (m.staff_label(), m.wages())
    };
    let place = p.place.as_ref().map(|pl| match pl {
        Place::Local => html! { <strong class="tag tag--green">{ m.place_local() }</strong> },
        Place::Priority(a) => {
            html! { <strong class="tag tag--blue">{ m.place_priority(a) }</strong> }
        }
        Place::NotLocal => html! { <strong class="tag tag--grey">{ m.place_not_local() }</strong> },
    });
    html! {
        <fieldset class="fieldset spend-line">
            <legend class="fieldset__legend">{ legend.clone() }</legend>
            <TextField id={id("label")} label={label} value={p.line.label.clone()} error={error_for(&p.errors, &id("label"))} oninput={set(SpendField::Label)} />
            <TextField id={id("postcode")} label={m.postcode()} hint={m.postcode_hint()} value={p.line.postcode.clone()} error={error_for(&p.errors, &id("postcode"))} oninput={set(SpendField::Postcode)} width="10" />
            <TextField id={id("amount")} label={amount} value={p.line.amount.clone()} error={error_for(&p.errors, &id("amount"))} oninput={set(SpendField::Amount)} inputmode="decimal" width="10" prefix="£" />
            <TextField id={id("respend")} label={m.respend()} hint={m.respend_hint()} value={p.line.respend.clone()} error={error_for(&p.errors, &id("respend"))} oninput={set(SpendField::Respend)} inputmode="decimal" width="4" />
            if suppliers {
                <Checkbox id={id("sme")} label={m.sme()} checked={p.line.sme} onchange={flag(SpendField::Sme)} />
                <Checkbox id={id("vcse")} label={m.vcse()} checked={p.line.vcse} onchange={flag(SpendField::Vcse)} />
            }
            <div class="spend-line__footer">
                <span aria-live="polite">{ for place }</span>
                <button type="button" class="button button--warning" onclick={onremove} aria-label={format!("{} {}", m.remove(), legend)}>{ m.remove() }</button>
            </div>
        </fieldset>
    }
}
