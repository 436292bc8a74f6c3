//! The working's words: every sentence of a report's arithmetic, of the
//! "How is this calculated?" panels and of the printed summary, as a key
//! and parameters ([`Line`]), worded in a language by [`Words`].
//!
//! The catalogue is kept apart from the issues' ([`crate::message`]) so
//! that the widget's first module, which words issues but never the
//! working, carries none of these templates. The English is here; other
//! languages come from a catalogue file's `work.<key> = template` lines
//! (the widget's `cy.txt`), each falling back to the English when missing.
//!
//! Two kinds of parameter are worded rather than written as they are:
//! - `unit` and `units` hold a unit's id (`hour`): `unit` is worded in the
//!   form for one ("per hour"), `units` in the form for the line's `qty`
//!   ("1 hour", "3 hours");
//! - a parameter whose name starts `say_` holds the key of a phrase of this
//!   catalogue (`rate_green_book`), worded with the line's own parameters,
//!   so that a choice of phrase stays data and is translated whole.

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::fixed::{Decimal, Money};
use crate::framework::Unit;
use crate::message::{Message, Value, english_plural, messages};

/// A line of the working: a key of [`Work`] and its parameters.
pub type Line = Message<Work>;

messages! {
    /// Every sentence of the working, by its key.
    enum Work;
    /// How many sentences the working has.
    count WORK_COUNT;
    /// The words for an area the council did not name.
    unnamed_area() "the local area";

    /// A quantity over several years, as entered.
    quantity_years(say_qty: String, qty: Decimal, amount: Money, units: String, years: i64, parts: String) "Quantity: {say_qty} over {years} years ({parts})";
    /// A quantity.
    quantity(say_qty: String, qty: Decimal, amount: Money, units: String) "Quantity: {say_qty}";
    /// A quantity in units.
    qty_units() "{qty} {units}";
    /// A quantity of money.
    qty_money() "{amount}";
    /// A measure with no open value.
    record_only() "Record only: the framework has no open proxy value for this measure, so it adds nothing to the totals.";
    /// Left out: delivered outside the local area.
    left_out_outside() "Left out of the totals: delivered outside the local area, and this measure counts only local delivery.";
    /// Left out: no delivery postcode.
    left_out_no_place() "Left out of the totals: this measure counts only local delivery, and no delivery postcode was given.";
    /// Left out: the larger of two exclusive measures counts instead.
    left_out_double() "Left out of the totals: the framework excludes double counting with another measure committed, which is worth more and is counted instead.";
    /// Gross value.
    gross(say_qty: String, qty: Decimal, amount: Money, units: String, proxy: Money, unit: String, gross: Money) "Gross: {say_qty} × {proxy} per {unit} = {gross}";
    /// Gross value of an outcome that lasts.
    gross_lasting(say_qty: String, qty: Decimal, amount: Money, units: String, proxy: Money, unit: String, years: i64, gross: Money) "Gross: {say_qty} × {proxy} per {unit} in each of the {years} years the outcome lasts = {gross}";
    /// Gross value with a value for each year.
    gross_by_year(parts: String, gross: Money) "Gross: each year's quantity × that year's value: {parts} = {gross}";
    /// The adjustments as a product.
    chain() "(1 − {deadweight}% deadweight) × (1 − {displacement}% displacement) × (1 − {attribution}% attribution)";
    /// The adjustments, with a share owed to partners.
    chain_partners() "(1 − {deadweight}% deadweight) × (1 − {displacement}% displacement) × (1 − {attribution}% attribution) × (1 − {partners}% owed to partners)";
    /// The adjustments, shared by several projects.
    chain_shared() "(1 − {deadweight}% deadweight) × (1 − {displacement}% displacement) × (1 − {attribution}% attribution) × 1/{shared_by} (shared by {shared_by} projects)";
    /// The adjustments, with both.
    chain_both() "(1 − {deadweight}% deadweight) × (1 − {displacement}% displacement) × (1 − {attribution}% attribution) × (1 − {partners}% owed to partners) × 1/{shared_by} (shared by {shared_by} projects)";
    /// Value after adjustments.
    adjusted(gross: Money, say_chain: String, deadweight: Decimal, displacement: Decimal, attribution: Decimal, partners: Decimal, shared_by: i64, adjusted: Money) "Adjusted: {gross} × {say_chain} = {adjusted}";
    /// Value after adjustments of an outcome that lasts.
    adjusted_lasting(say_chain: String, deadweight: Decimal, displacement: Decimal, attribution: Decimal, partners: Decimal, shared_by: i64, years: i64, drop_off: Decimal, adjusted: Money) "Adjusted: the first year's gross × {say_chain}, lasting {years} years and losing {drop_off}% a year after the first = {adjusted}";
    /// Value after adjustments, year by year.
    adjusted_by_year(parts: String, adjusted: Money) "Adjusted by year: {parts} = {adjusted}";
    /// Present value.
    present_value(say_rate: String, rate_percent: Decimal, base: i64, say_convention: String, parts: String, present_value: Money) "Present value ({say_rate}, discounted to {base}, {say_convention}): {parts} = {present_value}";
    /// How the discounting was done.
    discounting(say_rate: String, rate_percent: Decimal, base: i64, say_convention: String) "{say_rate}, discounted to {base}, {say_convention}";
    /// The Green Book's standard rates.
    rate_green_book() "Green Book rates (3.5% a year to year 30, then declining)";
    /// The Green Book's health rate.
    rate_health() "the Green Book health rate for health and wellbeing effects (1.5% a year)";
    /// A flat rate.
    rate_flat() "{rate_percent}% a year";
    /// Values in the base year not discounted.
    start_of_year() "value in the base year undiscounted";
    /// Every year discounted.
    end_of_year() "every year discounted by at least one year";
    /// A carbon value year by year.
    value_carbon(carbon_year: i64, index_to: String, index_from: String, release: String, years: String, unit: String, price_year: i64) "Value by year: DESNZ central carbon value for each year in {carbon_year} prices × {index_to} ÷ {index_from} ({release}) = {years} per {unit} in {price_year} prices";
    /// A wellbeing value uprated with GDP per head.
    value_wellbeing(value: Money, unit: String, from: i64, index_to: String, index_from: String, release: String, factor: Decimal, to: i64, used: Money, price_year: i64) "Value: {value} per {unit} in {from} prices × {index_to} ÷ {index_from} ({release}) × {factor} (real GDP per head, {to} ÷ {from}, to the power 1.3: HM Treasury wellbeing guidance, Annex 2; ONS IHXW) = {used} in {price_year} prices";
    /// A value converted to the framework's prices.
    value_deflated(value: Money, unit: String, from: i64, index_to: String, index_from: String, release: String, used: Money, price_year: i64) "Value: {value} per {unit} in {from} prices × {index_to} ÷ {index_from} ({release}) = {used} in {price_year} prices";

    /// Staff wages given as a total with a local share.
    staff_total(share: Decimal, local: Money, whole: Money) "Staff wages entered as a total, not by postcode: {share}% of staff live locally, so {local} of the {whole} wage bill counts as local wages (local staff taken to earn the average wage)";
    /// Supplier spend given as a total with a local share.
    suppliers_total(share: Decimal, whole: Money, local: Money) "Supplier spend entered as a total, not by postcode: {share}% of the {whole} supply-chain spend is with local firms, so {local} counts as local supplier spend";
    /// LM3's first round.
    round1(r1: Money) "Round 1 (contract income): {r1}";
    /// LM3's second round.
    round2(staff: Money, suppliers: Money, r2: Money) "Round 2 (local spend): local staff wages {staff} + local supplier spend {suppliers} = {r2}";
    /// LM3's third round.
    round3(r3: Money) "Round 3 (local re-spend of round 2, central rates): {r3}";
    /// LM3.
    lm3(r1: Money, r2: Money, r3: Money, lm3: String) "LM3 = ({r1} + {r2} + {r3}) ÷ {r1} = {lm3}";
    /// LM2.
    lm2(r1: Money, r2: Money, lm2: String) "Two-round figure = ({r1} + {r2}) ÷ {r1} = {lm2}";
    /// The share of each pound reaching the local area.
    each_pound(r1: Money, r2: Money, r3: Money, share: Decimal) "Share of each £1 reaching the local area = ({r2} + {r3}) ÷ {r1} = {share}";
    /// Spend in priority areas.
    priority_spend(spend: Money) "Spend in priority areas outside the local area: {spend} (not local: outside rounds 2 and 3)";
    /// Placements that may be wrong.
    uncertain(n: i64, codes: String) "Placement uncertain for {n} {n:line|lines}: a postcode is placed by its outward code's main district, and {codes} {n:straddles|straddle} a district boundary (in brackets, the share of the outward code's postcodes in that district), so some of those postcodes may lie in another district";
    /// The bidder outside the local area.
    bidder_outside() "The bidder is outside the local area: round 1 is still the whole contract, and only what it spends locally reaches the local economy.";

    /// The social value weighting.
    weighting(weighting: Decimal) "Social value weighting: {weighting}% of the whole tender evaluation. This is how much social value counts in the tender, set by the council; it is not the social value ratio.";
    /// Proportional scoring against a benchmark value.
    proportional_value(value: Money, benchmark: Money) "Proportional: {value} of social value against the council's benchmark of {benchmark} for full marks.";
    /// Proportional scoring against a benchmark ratio.
    proportional_ratio(ratio: Decimal, benchmark: Decimal) "Proportional: a social value ratio of {ratio}% against the council's benchmark of {benchmark}% for full marks.";
    /// A band reached.
    band(ratio: Decimal, from: Decimal, score: Decimal) "Bands: a social value ratio of {ratio}% reaches the band from {from}%, which scores {score}.";
    /// No band reached.
    no_band(ratio: Decimal) "Bands: a social value ratio of {ratio}% reaches no band, which scores 0.";
    /// One criterion's self-score.
    self_score(criterion: String, title: String, score: Decimal, weight: Decimal) "{title}: self-score {score} × weight {weight}";
    /// The self-assessment's mean.
    self_mean(score: Decimal) "Self-assessment: weighted mean of the self-scores = {score}.";
    /// The points in the tender.
    points(score: Decimal, weighting: Decimal, points: Decimal) "Indicative points: {score} out of 100 × {weighting}% weighting = {points} of the tender's 100 points.";
    /// A contract too small to score.
    not_scored(council: String, min: Money) "Not scored: {council} scores social value only on contracts of {min} or more, so the score is 0.";
    /// How figures are rounded.
    rounding() "Figures are computed exactly in millionths of a pound, rounding half away from zero after each multiplication. Each commitment's years are rounded to the penny cumulatively (a year is its rounded running total less the rounded running total before it), so its years add up to its rounded total; every larger figure is the sum of commitment figures, so every table adds up.";

    /// Gross value, defined.
    define_gross(value: Money) "Gross value: quantity × proxy value, in every year the value arises, before any adjustment. Here {value}.";
    /// Value after adjustments, defined.
    define_adjusted(value: Money) "Value after adjustments: gross value less deadweight (what would have happened anyway), displacement (benefit moved from elsewhere), attribution (the share due to others) and drop-off (how a lasting outcome fades year by year). Here {value}.";
    /// Present value, defined.
    define_present_value(value: Money, discounting: String) "Present value: the value after adjustments, discounted to one year as HM Treasury's Green Book does, so that value arising later counts for less. Here {value}: {discounting}.";
    /// Totals as sums.
    each_total(rounding: String) "Each total is the sum of the commitments' figures (see each theme). {rounding}";
    /// Gross value, in running text.
    basis_gross() "gross value";
    /// Value after adjustments, in running text.
    basis_adjusted() "value after adjustments";
    /// Present value, in running text.
    basis_present_value() "present value";
    /// Gross value, as a heading.
    head_gross() "Gross value";
    /// Value after adjustments, as a heading.
    head_adjusted() "Value after adjustments";
    /// Present value, as a heading.
    head_present_value() "Present value";
    /// The ratio worked out.
    ratio(basis: String, value: Money, contract: Money, percent: Decimal) "Social value ratio = {basis} {value} ÷ contract value {contract} × 100 = {percent}%. The council compares the {basis} with the contract value.";
    /// The target met.
    target_met(target: Decimal) "The council's target is {target}% of the contract value: met. Whether a target is met is decided on the exact amounts, not on the ratio rounded to two places.";
    /// The target not met.
    target_not_met(target: Decimal) "The council's target is {target}% of the contract value: not met. Whether a target is met is decided on the exact amounts, not on the ratio rounded to two places.";
    /// Where the values come from, as a heading.
    values_from() "Where the values come from";
    /// A theme's heading.
    theme_heading(title: String, value: Money, share: Decimal) "{title}: {value} ({share}% of the total)";
    /// No commitments.
    no_commitments() "No commitments yet.";
    /// One commitment with its value.
    commitment(title: String, quantity: String, value: Money) "{title}, {quantity}: {value}";
    /// A whole number of units.
    count_units(qty: String, units: String) "{qty} {units}";
    /// A spend line with no name.
    no_name() "(no name)";
    /// A local spend line.
    spend_local(label: String, from: String, amount: Money, respend: Decimal, round3: Money) "{label} ({from}): {amount}, local, re-spending {respend}% locally: round 3 {round3}";
    /// A spend line in a priority area.
    spend_priority(label: String, from: String, amount: Money, area: String) "{label} ({from}): {amount}, in the priority area {area}, outside the local area: not counted";
    /// A spend line outside the local area.
    spend_not_local(label: String, from: String, amount: Money) "{label} ({from}): {amount}, outside the local area: not counted";
    /// Each spend line, as a heading.
    each_spend_line() "Each spend line";
    /// Part of a total given with a local share.
    from_total(share: Decimal) "total, {share}% local";
    /// Recorded commitments, introduced.
    recorded_intro() "These commitments add nothing to the figures above. You can still describe them in your written answer.";
    /// Recorded: no open value.
    recorded_no_value(title: String, quantity: String) "{title}, {quantity}: no openly licensed value exists for it, so none is invented.";
    /// Recorded: delivered outside the local area.
    recorded_outside(title: String, quantity: String) "{title}, {quantity}: delivered outside the local area, and this measure counts only local delivery.";
    /// Recorded: no delivery postcode.
    recorded_no_place(title: String, quantity: String) "{title}, {quantity}: this measure counts only local delivery: give the postcode where it is delivered.";
    /// Recorded: the larger of two exclusive measures counts instead.
    recorded_double(title: String, quantity: String, counted: String) "{title}, {quantity}: it must not count the same people or spend as \u{201c}{counted}\u{201d}, which is worth more and is counted instead.";
    /// A source.
    source(title: String, value: Decimal, unit: String, source: String, publisher: String, price_year: i64, licence: String) "{title}: £{value} per {unit}: {source}, {publisher} ({price_year} prices, {licence})";
    /// A source, converted to the framework's prices.
    source_converted(title: String, value: Decimal, unit: String, source: String, publisher: String, price_year: i64, licence: String, used: Decimal, framework_year: i64) "{title}: £{value} per {unit}: {source}, {publisher} ({price_year} prices, {licence}); £{used} in the framework's {framework_year} prices";
    /// No source yet.
    no_sources() "No proxy value is used yet: no commitment has a value.";

    /// Where a proposal stands now, for the gap.
    gap_now(value: Money, basis: String, percent: Decimal, contract: Money) "Now: {value} ({basis}), {percent}% of the contract value of {contract}.";
    /// What the gap's answers are.
    gap_about() "Each answer adds one measure alone, delivered evenly over the contract, valued with the council's own figures and rules; it is not a price or a cost.";
    /// The council's target, as a goal.
    goal_target() "The council's target";
    /// The next band, as a goal.
    goal_band(label: String) "The next scoring band, \u{201c}{label}\u{201d}";
    /// Full marks, as a goal.
    goal_full() "Full marks";
    /// A goal's value.
    goal_at(value: Money) "{value}";
    /// A goal's value and ratio.
    goal_at_ratio(ratio: Decimal, value: Money) "{ratio}% of the contract value, {value}";
    /// A band goal's value and score.
    goal_at_score(value: Money, score: Decimal) "{value}, a score of {score}%";
    /// A band goal's value, ratio and score.
    goal_at_ratio_score(ratio: Decimal, value: Money, score: Decimal) "{ratio}% of the contract value, {value}, a score of {score}%";
    /// A goal reached.
    goal_reached(name: String, at: String) "{name} ({at}): reached.";
    /// A goal no single measure closes.
    goal_out_of_reach(name: String, at: String, short: Money) "{name} ({at}): {short} more is needed. No single measure the council values can close it alone.";
    /// A goal with answers.
    goal_options(name: String, at: String, short: Money) "{name} ({at}): {short} more is needed. Any one of these alone would close it:";
    /// More money spent on a measure.
    more_money(amount: Money, title: String) "{amount} more of \u{201c}{title}\u{201d}";
    /// More units of a measure.
    more_units(qty: String, units: String, title: String) "{qty} more {units} of \u{201c}{title}\u{201d}";
    /// Delivered in the local area.
    more_local() "(delivered in the local area)";
    /// In the first year.
    more_first_year() "(in the first year)";
    /// More local spend that lifts LM3.
    lm3_spend(amount: Money, respend: Decimal) "{amount} more with local suppliers (re-spending {respend}% locally)";
    /// More local spend, part of it moved.
    lm3_spend_moved(amount: Money, respend: Decimal, moved: Money) "{amount} more with local suppliers (re-spending {respend}% locally), {moved} of it moved from spend outside the area";
    /// More local wages that lift LM3.
    lm3_wages(amount: Money, respend: Decimal) "{amount} more in wages to staff living locally (re-spending {respend}% locally)";
    /// More local wages, part of them moved.
    lm3_wages_moved(amount: Money, respend: Decimal, moved: Money) "{amount} more in wages to staff living locally (re-spending {respend}% locally), {moved} of it moved from spend outside the area";
    /// Two ways to lift LM3.
    lm3_or(first: String, second: String) "{first}, or {second}";
    /// How to lift LM3.
    lm3_lift(lm3: String, goal: String, ways: String) "LM3 {lm3} to {goal}: {ways}.";
    /// LM3 out of reach.
    lm3_out_of_reach(lm3: String, goal: String) "LM3 {lm3} to {goal}: local spend alone cannot lift it this far within the contract value.";
    /// What it would take, not worked out.
    gap_failed(why: String) "What it would take cannot be worked out for this proposal: {why}";

    /// The summary's heading.
    summary_heading(bidder: String) "Social value summary: {bidder}";
    /// A bidder not named.
    bidder_unnamed() "(bidder not named)";
    /// Whom and what the summary is for.
    summary_for(council: String, framework: String, version: String, price_year: i64, date: String, version_socval: String) "For {council}. Framework: {framework} {version} ({price_year} prices). Worked out on {date} with Socval {version_socval}. An estimate: the council also judges the quality and credibility of the commitments.";
    /// Whom, for which tender, and what the summary is for.
    summary_for_tender(council: String, tender: String, framework: String, version: String, price_year: i64, date: String, version_socval: String) "For {council}, tender \u{201c}{tender}\u{201d}. Framework: {framework} {version} ({price_year} prices). Worked out on {date} with Socval {version_socval}. An estimate: the council also judges the quality and credibility of the commitments.";
    /// The contract.
    summary_contract(value: Money, years: Decimal, start: i64) "Contract: {value} over {years} years from {start}.";
    /// The contract and where the bidder is.
    summary_contract_at(value: Money, years: Decimal, start: i64, postcode: String) "Contract: {value} over {years} years from {start}; the bidder is at {postcode}.";
    /// How the figures were worked out, as a heading.
    worked_out() "How the figures were worked out";
    /// LM3, as a heading.
    head_lm3() "LM3";
    /// The score, as a heading.
    head_score() "Score";
    /// Recorded, as a heading.
    head_recorded() "Recorded, not valued";
    /// Warnings, as a heading.
    head_warnings() "Warnings";
    /// What it would take, as a heading.
    head_gap() "What it would take";
    /// Sources, as a heading.
    head_sources() "Sources and licences";
    /// The results table's caption.
    results() "Results";
    /// A column: what a figure is.
    col_figure() "Figure";
    /// A column: its value.
    col_value() "Value";
    /// The ratio, as a row.
    row_ratio(basis: String) "Social value ratio ({basis} ÷ contract value)";
    /// A percentage.
    percent(percent: Decimal) "{percent}%";
    /// The target, as a row.
    row_target() "The council's target";
    /// A target met.
    target_row_met(target: Decimal) "{target}%: met";
    /// A target not met.
    target_row_not_met(target: Decimal) "{target}%: not met";
    /// A theme, as a row.
    row_theme(title: String) "Theme: {title}";
    /// LM3, as a row.
    row_lm3() "LM3 (local multiplier)";
    /// The score, as a row.
    row_score() "Indicative score";
    /// The score and points.
    score_points(score: Decimal, points: Decimal, weighting: Decimal) "{score} / 100: {points} of {weighting} points";
    /// The commitments table's caption.
    commitments() "Commitments";
    /// A column: the measure.
    col_measure() "Measure";
    /// A column: the quantity.
    col_quantity() "Quantity";
    /// A column: the years.
    col_by_year() "By year";
    /// A column: the note.
    col_note() "Note";
    /// A quantity spread evenly.
    spread_evenly() "spread evenly";
    /// The spend table's caption.
    spend_caption() "Where the money goes (LM3)";
    /// A column: the name.
    col_name() "Name";
    /// A column: the kind.
    col_kind() "Kind";
    /// A column: where spend was entered from.
    col_from() "Outward code or total";
    /// A column: where it is.
    col_where() "Where";
    /// A column: the amount.
    col_amount() "Amount";
    /// Staff wages, as a kind.
    kind_staff() "Staff wages";
    /// A supplier, as a kind.
    kind_supplier() "Supplier";
    /// Local.
    place_local() "Local";
    /// A priority area.
    place_priority(area: String) "Priority area: {area}";
    /// Not local.
    place_not_local() "Not local";

    /// The JS API: a configuration that cannot be read.
    api_config_unread() "the council configuration could not be read";
    /// The JS API: a configuration with problems.
    api_config_problems() "the council configuration has problems";
    /// The JS API: a proposal that cannot be read.
    api_proposal_unread() "the proposal could not be read";
    /// The JS API: a proposal with problems.
    api_proposal_problems() "the proposal has problems";

    /// The comparison's caption.
    compared() "Scenarios compared";
    /// Gross value, as a row of the comparison.
    compare_gross() "Social value (gross)";
    /// The ratio, as a row of the comparison.
    compare_ratio() "Social value ratio";
    /// The score, as a row of the comparison.
    compare_score() "Indicative score (out of 100)";
    /// A theme, as a row of the comparison.
    compare_theme(title: String, basis: String) "Theme: {title} ({basis})";
    /// A difference in percentage points.
    percentage_points(points: Decimal) "{points} percentage points";
    /// A figure with its difference from the first scenario's.
    difference_on(figure: String, difference: String, name: String) "{figure} ({difference} on {name})";
    /// A scenario that could not be worked out.
    not_worked_out() "Not worked out: open it to see what it needs";
}

impl Unit {
    /// The unit's id, as files write it (`fte_year`).
    pub fn id(self) -> &'static str {
        use crate::names::Named;
        Unit::VALUES
            .iter()
            .position(|u| *u == self)
            .and_then(|i| Unit::NAMES.get(i))
            .copied()
            .unwrap_or_default()
    }
}

/// A unit as a line's parameter (its id).
pub fn unit(u: Unit) -> String {
    u.id().to_string()
}

/// The parameters that say a quantity: which phrase (`qty_units` or
/// `qty_money`), the number, the amount when it is money, and the unit.
pub fn qty(q: Decimal, u: Unit) -> (String, Decimal, Money, String) {
    let phrase = if u == Unit::Pound {
        Work::qty_money
    } else {
        Work::qty_units
    };
    (
        phrase.name().to_string(),
        q,
        Money::from_decimal(q),
        unit(u),
    )
}

/// The words of one language for the working: a template for each key and
/// the unit words, each with the English where the language has none.
#[derive(Clone, Debug)]
pub struct Words {
    templates: Vec<Option<String>>,
    issues: Vec<Option<String>>,
    units: Vec<(Unit, String, String)>,
    plural: fn(i64) -> usize,
    /// Whether a unit after a number takes its form for one whatever the
    /// number (Welsh: "3 awr", never "3 oriau").
    singular_after_numbers: bool,
    /// The language's tag, as its catalogue's `lang` gives it (`en` for English).
    lang: String,
}

impl Default for Words {
    fn default() -> Words {
        Words::english()
    }
}

impl Words {
    /// English.
    pub fn english() -> Words {
        Words {
            templates: vec![None; WORK_COUNT],
            issues: vec![None; crate::message::KEY_COUNT],
            units: Vec::new(),
            plural: english_plural,
            singular_after_numbers: false,
            lang: "en".into(),
        }
    }

    /// A language's words from its catalogue file: its `lang` (Welsh, `cy`,
    /// has Welsh plurals; any other language English's), the `work.<key> =
    /// template` lines, the `issue.<key> = template` lines and the
    /// `unit_<id> = one|other` lines (the widget's `cy.txt` has them all).
    pub fn from_catalogue(text: &str) -> Words {
        let mut w = Words::english();
        for (key, template) in catalogue_lines(text) {
            if key == "lang" {
                w.lang = template.to_string();
            }
            if key == "lang" && template.to_ascii_lowercase().starts_with("cy") {
                w.plural = crate::message::welsh_plural;
                w.singular_after_numbers = true;
            } else if let Some(name) = key.strip_prefix("issue.") {
                let slot = crate::message::catalogue()
                    .position(|e| e.key == name)
                    .and_then(|i| w.issues.get_mut(i));
                if let Some(slot) = slot {
                    *slot = Some(template.to_string());
                }
            } else if let Some(name) = key.strip_prefix("work.") {
                let slot = KEYS
                    .lines()
                    .position(|k| k == name)
                    .and_then(|i| w.templates.get_mut(i));
                if let Some(slot) = slot {
                    *slot = Some(template.to_string());
                }
            } else if let Some(id) = key.strip_prefix("unit_") {
                let u = <Unit as crate::names::Named>::VALUES
                    .iter()
                    .copied()
                    .find(|u| u.id() == id);
                if let (Some(u), Some((one, other))) = (u, template.split_once('|')) {
                    w.units.push((u, one.to_string(), other.to_string()));
                }
            }
        }
        w
    }

    /// The template of `key` in this language.
    pub fn template(&self, key: Work) -> &str {
        self.templates
            .get(key as usize)
            .and_then(|t| t.as_deref())
            .unwrap_or_else(|| key.english())
    }

    /// The language's tag (`cy`; `en` for English).
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The language's plural rule.
    pub fn plural(&self) -> fn(i64) -> usize {
        self.plural
    }

    /// The words for an area the council did not name.
    pub fn unnamed_area(&self) -> &str {
        self.template(Work::unnamed_area)
    }

    /// One of the core's messages ([`crate::message`]) in this language.
    pub fn message(&self, m: &crate::message::Msg) -> String {
        let template = self.issues.get(m.key as usize).and_then(|t| t.as_deref());
        m.words(
            template.unwrap_or_else(|| m.key.english()),
            self.plural,
            self.unnamed_area(),
        )
    }

    /// An issue in this language, after its field path as [`crate::Issue`]'s
    /// English does.
    pub fn issue(&self, i: &crate::Issue) -> String {
        match i.path.as_str() {
            "" => self.message(&i.message),
            path => format!("{path}: {}", self.message(&i.message)),
        }
    }

    /// A unit's word, in the form for one or for any other count.
    pub fn unit(&self, u: Unit, one: bool) -> &str {
        match self.units.iter().find(|(x, _, _)| *x == u) {
            Some((_, o, _)) if one => o,
            Some((_, _, other)) => other,
            None => u.label(one),
        }
    }

    /// A line in this language.
    pub fn say(&self, line: &Line) -> String {
        self.fill(self.template(line.key), line, true)
    }

    /// A template filled with `line`'s parameters, its units worded first,
    /// and its phrases too (`phrases`; a phrase itself says no phrase).
    fn fill(&self, template: &str, line: &Line, phrases: bool) -> String {
        // A quantity of one takes the unit's form for one.
        let one = line
            .args()
            .find(|(k, _)| *k == "qty")
            .is_some_and(|(_, v)| match v {
                Value::Number(d) => *d == Decimal::ONE,
                Value::Text(t) => t == "1",
                _ => false,
            });
        let values: Vec<Value> = line
            .args()
            .map(|(name, v)| match v {
                Value::Text(id) if name == "unit" || name == "units" => {
                    let u = <Unit as crate::names::Named>::VALUES
                        .iter()
                        .copied()
                        .find(|u| u.id() == id);
                    match u {
                        Some(u) => {
                            let one = name == "unit" || one || self.singular_after_numbers;
                            Value::Text(self.unit(u, one).to_string())
                        }
                        None => v.clone(),
                    }
                }
                Value::Text(phrase) if phrases && name.starts_with("say_") => {
                    match KEYS.lines().position(|k| k == phrase).and_then(key_at) {
                        Some(k) => Value::Text(self.fill(self.template(k), line, false)),
                        None => v.clone(),
                    }
                }
                _ => v.clone(),
            })
            .collect();
        crate::message::fill(
            template,
            line.key.params(),
            &values,
            self.plural,
            self.unnamed_area(),
        )
    }
}

/// The key at a position of the catalogue.
fn key_at(i: usize) -> Option<Work> {
    ALL.get(i).copied()
}

/// The `key = text` lines of a catalogue file, read as the widget reads
/// them (comments and blank lines skipped, each side trimmed).
pub fn catalogue_lines(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
}

impl fmt::Display for Line {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&ENGLISH_WORDS.with(|w| w.say(self)))
    }
}

thread_local! {
    static ENGLISH_WORDS: Words = Words::english();
    /// The language JSON is being written in, while [`written_in`] runs.
    static WRITING_IN: std::cell::RefCell<Option<std::rc::Rc<Words>>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `f` with every line's `text` and every issue's `message` written in
/// `words`' language rather than English, for a caller that serialises a
/// result for a reader of that language (the JS API's `catalogue` option).
/// The keys and parameters are the same in any language.
pub fn written_in<R>(words: std::rc::Rc<Words>, f: impl FnOnce() -> R) -> R {
    /// Puts back the language written in before, however `f` ends.
    struct Restore(Option<std::rc::Rc<Words>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let before = self.0.take();
            WRITING_IN.with(|w| w.replace(before));
        }
    }
    let _restore = Restore(WRITING_IN.with(|w| w.replace(Some(words))));
    f()
}

/// A line's text in the language JSON is being written in.
pub fn text_of(line: &Line) -> String {
    WRITING_IN.with(|w| match &*w.borrow() {
        Some(words) => words.say(line),
        None => line.to_string(),
    })
}

/// An issue with its path, in the language JSON is being written in (as
/// [`crate::Issue`]'s `Display` gives it in English).
pub fn issue_text(i: &crate::Issue) -> String {
    WRITING_IN.with(|w| match &*w.borrow() {
        Some(words) => words.issue(i),
        None => i.to_string(),
    })
}

/// An issue's message in the language JSON is being written in.
pub(crate) fn message_of(m: &crate::message::Msg) -> String {
    WRITING_IN.with(|w| match &*w.borrow() {
        Some(words) => words.message(m),
        None => m.to_string(),
    })
}

/// A line as JSON: its key, its parameters and its text (English, unless
/// written [`written_in`] another language).
impl Serialize for Line {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Line", 3)?;
        out.serialize_field("key", self.key.name())?;
        out.serialize_field("params", &Params(self))?;
        out.serialize_field("text", &text_of(self))?;
        out.end()
    }
}

/// A line's parameters as a JSON object.
struct Params<'a>(&'a Line);

impl Serialize for Params<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::message::serialize_params(self.0, s)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Message<Work> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Line".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let keys: Vec<&str> = KEYS.lines().collect();
        schemars::json_schema!({
            "description": "A line of the working: its key (in the working's catalogue), its parameters by name, and its English text.",
            "type": "object",
            "required": ["key", "params", "text"],
            "properties": {
                "key": { "type": "string", "enum": keys },
                "params": { "type": "object" },
                "text": { "type": "string" }
            }
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // Tests may panic: that is how they fail.
mod tests {
    use super::*;

    #[test]
    fn every_key_is_once_in_the_catalogue_and_every_parameter_somewhere() {
        let mut keys: Vec<&str> = catalogue().map(|e| e.key).collect();
        let n = keys.len();
        assert_eq!(n, WORK_COUNT);
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "a key is declared twice");
        assert_eq!(ALL.len(), WORK_COUNT);
        for (i, k) in ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
        }
        let lines = |t: &str| t.matches('\n').count();
        assert_eq!(lines(PARAMS), n);
        assert_eq!(lines(ENGLISH), n);
        for e in catalogue() {
            // Every `{name}` of a template is a parameter of its own, or of
            // every line that says the phrase.
            for name in e.params() {
                if name.starts_with("say_") || ["unit", "criterion"].contains(&name) {
                    continue;
                }
                let phrase_param = [
                    "qty",
                    "amount",
                    "units",
                    "deadweight",
                    "displacement",
                    "attribution",
                    "partners",
                    "shared_by",
                    "rate_percent",
                ]
                .contains(&name);
                let used = e.english.contains(&format!("{{{name}}}"))
                    || e.english.contains(&format!("{{{name}:"));
                assert!(used || phrase_param, "{} has no {{{name}}}", e.key);
            }
        }
    }

    #[test]
    fn units_and_phrases_are_worded_in_the_language() {
        let (say, q, amount, units) = qty(Decimal::from_int(3), Unit::Hour);
        let line = Line::quantity(say, q, amount, units);
        assert_eq!(line.to_string(), "Quantity: 3 hours");
        let (say, q, amount, units) = qty(Decimal::ONE, Unit::Hour);
        assert_eq!(
            Line::quantity(say, q, amount, units).to_string(),
            "Quantity: 1 hour"
        );
        let (say, q, amount, units) = qty(Decimal::from_int(250), Unit::Pound);
        assert_eq!(
            Line::quantity(say, q, amount, units).to_string(),
            "Quantity: £250.00"
        );
        let cy = Words::from_catalogue(
            "# Cymraeg\nlang = cy\nwork.quantity = Nifer: {say_qty}\nwork.qty_units = {qty} {units}\nunit_hour = awr|oriau\n",
        );
        let (say, q, amount, units) = qty(Decimal::from_int(3), Unit::Hour);
        // A Welsh noun after a number is in its form for one.
        assert_eq!(
            cy.say(&Line::quantity(say, q, amount, units)),
            "Nifer: 3 awr"
        );
        // What the catalogue lacks is English.
        assert_eq!(cy.say(&Line::head_lm3()), "LM3");
        let json = serde_json::to_value(Line::round1(Money::from_pounds(10))).unwrap();
        assert_eq!(json["key"], "round1");
        assert_eq!(json["text"], "Round 1 (contract income): £10.00");
    }
}
