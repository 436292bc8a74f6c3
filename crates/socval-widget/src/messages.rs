//! Every piece of text the widget shows, in one catalogue. A Welsh catalogue
//! is another `Messages` value: components read text only from here, so
//! adding one touches no component (choose it in [`for_lang`]).
//!
//! Messages about a specific rule come from the core (English, with a
//! machine-readable code a catalogue can translate instead).

/// The text of the widget in one language.
#[allow(missing_docs)] // Each field is named for the text it holds.
pub struct Messages {
    pub title: &'static str,
    pub privacy: &'static str,
    pub contract_heading: &'static str,
    pub bidder: &'static str,
    pub bidder_hint: &'static str,
    pub contract_value: &'static str,
    pub contract_value_hint: &'static str,
    pub duration: &'static str,
    pub duration_hint: &'static str,
    pub start_year: &'static str,
    pub supplier_postcode: &'static str,
    pub postcode_hint: &'static str,
    /// A spend line's postcode.
    pub postcode: &'static str,
    pub commitments_heading: &'static str,
    pub commitments_hint: &'static str,
    pub search_measures: &'static str,
    pub search_hint: &'static str,
    pub no_measures_match: &'static str,
    /// Words a supplier may search for, each with a word (lower case) the
    /// measures use for the same thing.
    pub synonyms: &'static [(&'static str, &'static str)],
    pub each_year: &'static str,
    pub year_by_year: &'static str,
    pub year_n: fn(usize, i32) -> String,
    /// A measure's further line, by its number (2, 3, …).
    pub line_n: fn(&str, usize) -> String,
    /// Adds a further line to a measure.
    pub add_line: &'static str,
    pub attribution: &'static str,
    pub attribution_hint: &'static str,
    pub shared_by: &'static str,
    pub shared_by_hint: &'static str,
    pub delivered_at: &'static str,
    pub delivered_at_hint: fn(&str) -> String,
    pub note: &'static str,
    pub record_only: &'static str,
    pub proxy_details: &'static str,
    pub proxy_value: fn(&str, &str) -> String,
    pub proxy_converted: fn(&str, u16) -> String,
    pub proxy_by_year: fn(u16) -> String,
    pub source: &'static str,
    pub price_year: &'static str,
    pub licence: &'static str,
    pub spend_heading: &'static str,
    pub spend_hint: &'static str,
    pub staff_heading: &'static str,
    pub suppliers_heading: &'static str,
    pub staff_label: &'static str,
    pub supplier_name: &'static str,
    pub wages: &'static str,
    pub spend_amount: &'static str,
    pub respend: &'static str,
    pub respend_hint: &'static str,
    pub sme: &'static str,
    pub vcse: &'static str,
    pub add_staff: &'static str,
    pub add_supplier: &'static str,
    /// Chooses the quicker way for staff wages: a total and a local share.
    pub staff_as_total: &'static str,
    pub suppliers_as_total: &'static str,
    pub wage_bill: &'static str,
    pub local_staff: &'static str,
    pub supply_chain: &'static str,
    pub local_suppliers: &'static str,
    /// Under a total while the list also has lines.
    pub lines_kept: &'static str,
    /// Says, on the results, which spend was entered as a total.
    pub entered_as_total: fn(bool, bool) -> String,
    pub remove: &'static str,
    /// The link near the top to the results, where they follow the form.
    pub see_results: &'static str,
    /// Said to a screen reader when a line is removed.
    pub removed: fn(&str) -> String,
    pub place_local: &'static str,
    pub place_priority: fn(&str) -> String,
    pub place_not_local: &'static str,
    pub self_heading: &'static str,
    pub self_hint: &'static str,
    pub self_score: &'static str,
    pub results_heading: &'static str,
    pub results_waiting: &'static str,
    pub results_stale: &'static str,
    /// Before the list of what results still need.
    pub results_needed: &'static str,
    pub total_gross: &'static str,
    pub total_adjusted: &'static str,
    pub total_pv: &'static str,
    pub ratio: &'static str,
    pub ratio_explained: &'static str,
    pub target: fn(&str, bool) -> String,
    pub by_theme: &'static str,
    pub theme: &'static str,
    pub share: &'static str,
    pub lm3_heading: &'static str,
    pub lm3_explained: fn(&str) -> String,
    pub lm3_rounds: &'static str,
    /// In place of LM3 while no spend is entered.
    pub lm3_needs_spend: &'static str,
    pub round1: &'static str,
    pub round2: &'static str,
    pub round3: &'static str,
    pub lm3_range: fn(&str, &str) -> String,
    pub local_share: fn(&str) -> String,
    pub bidder_outside: fn(&str) -> String,
    pub recorded_heading: &'static str,
    pub priority_spend: fn(&str) -> String,
    pub score_heading: &'static str,
    pub score_line: fn(&str, &str, &str) -> String,
    pub weighting_explained: fn(&str) -> String,
    pub warnings_heading: &'static str,
    /// Opens the working behind a figure.
    pub how_calculated: &'static str,
    /// Names the totals for a screen reader (after "How is this calculated?").
    pub totals: &'static str,
    /// While the working is being drawn.
    pub working_loading: &'static str,
    pub gap_heading: &'static str,
    pub error_summary: &'static str,
    pub not_a_number: fn(&str) -> String,
    pub not_an_amount: fn(&str) -> String,
    pub enter_field: fn(&str) -> String,
    pub enter_value: &'static str,
    pub enter_duration: &'static str,
    pub enter_start_year: &'static str,
    pub announce: fn(&str, &str, &str, &str) -> String,
    pub tools_heading: &'static str,
    /// Opens the scenarios panel.
    pub scenarios: &'static str,
    pub scenario_opened: fn(&str) -> String,
    pub scenarios_failed: &'static str,
    pub loading: &'static str,
    /// Another tab changed the draft: this one stops saving over it.
    pub draft_elsewhere: &'static str,
    pub export_json: &'static str,
    pub import_json: &'static str,
    pub import_hint: &'static str,
    pub export_csv: &'static str,
    pub print: &'static str,
    pub start_again: &'static str,
    /// Asked before the form is cleared.
    pub start_again_confirm: &'static str,
    /// Said once it is, beside the undo button.
    pub cleared: &'static str,
    pub undo: &'static str,
    pub undone: &'static str,
    pub draft_restored: &'static str,
    pub draft_unreadable: &'static str,
    pub import_failed: fn(&str) -> String,
    pub imported: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// When the browser would not let the page copy the link.
    pub link_shown: &'static str,
    pub link_opened: &'static str,
    pub link_failed: fn(&str) -> String,
    /// Why a file's form could not be read (it came back damaged).
    pub form_unreadable: &'static str,
    pub config_failed: &'static str,
    pub contact: fn(&str) -> String,
    pub measure_unit: fn(&str) -> String,
    pub priority: fn(socval_core::config::Priority) -> &'static str,
}

/// English.
pub static EN: Messages = Messages {
    title: "Estimate your social value",
    privacy: "Everything you enter stays on this device: nothing is sent anywhere.",
    contract_heading: "The contract",
    bidder: "Your organisation (optional)",
    bidder_hint: "Shown on the summary you print or export.",
    contract_value: "Contract value",
    contract_value_hint: "The total over the whole contract, in pounds, for example 250000.",
    duration: "Contract length in years",
    duration_hint: "For example 3, or 2.5 for two and a half years.",
    start_year: "Year the contract starts",
    supplier_postcode: "Your postcode (optional)",
    postcode: "Postcode",
    postcode_hint: "A full postcode or just its first part, for example EX1 1AA or EX1.",
    commitments_heading: "Your commitments",
    commitments_hint: "Enter what you will deliver against each measure you choose. Leave the rest empty.",
    search_measures: "Search measures",
    search_hint: "Type a word, like CO2, apprentices, volunteering or a theme's name, to shorten the list.",
    no_measures_match: "No measures match your search.",
    each_year: "This quantity is for each year of the contract",
    year_by_year: "Enter year by year",
    year_n: |n, year| format!("Year {n} ({year})"),
    line_n: |title, n| format!("{title}: line {n}"),
    add_line: "Add another line for this measure",
    attribution: "Further share owed to partners (%)",
    attribution_hint: "Only if others share the credit for this commitment. It is taken off after the council's own adjustments, never instead of them.",
    shared_by: "Number of projects sharing it",
    shared_by_hint: "Or, for an initiative run across several projects, how many share it, this one included: a careers fair run across three projects is 3, and a third of its value counts here.",
    delivered_at: "Postcode where it is delivered",
    delivered_at_hint: |area| {
        if area.trim().is_empty() {
            "This measure counts only when delivered in the local area.".into()
        } else {
            format!("This measure counts only when delivered in {area}.")
        }
    },
    note: "Note (optional)",
    record_only: "Record only: counted, but no open value is available for it.",
    proxy_details: "How this is valued",
    proxy_value: |value, unit| format!("{value} per {unit}"),
    proxy_by_year: |year| {
        format!(
            "Each year is valued at the published figure for that year (it rises), in {year} prices."
        )
    },
    proxy_converted: |value, year| {
        format!("Used as {value} in {year} prices, converted with HM Treasury's GDP deflators.")
    },
    source: "Source",
    price_year: "Price year",
    licence: "Licence",
    spend_heading: "Where the money goes (for LM3)",
    spend_hint: "LM3 measures how much of the contract stays in the local economy. Enter wages by where staff live and spend with each supplier, over the whole contract.",
    staff_heading: "Staff wages",
    suppliers_heading: "Suppliers",
    staff_label: "Group of staff",
    supplier_name: "Supplier",
    wages: "Wages over the contract (£)",
    spend_amount: "Spend over the contract (£)",
    respend: "Surveyed local re-spend (%, optional)",
    respend_hint: "Only if you have surveyed it; otherwise the council's default is used.",
    sme: "Small or medium-sized enterprise",
    vcse: "Voluntary, community or social enterprise",
    add_staff: "Add a group of staff",
    add_supplier: "Add a supplier",
    staff_as_total: "Give the wage bill and the share of staff living locally instead",
    suppliers_as_total: "Give the supply-chain spend and the share with local firms instead",
    wage_bill: "Total wage bill over the contract (£)",
    local_staff: "Staff living in the local area (%)",
    supply_chain: "Total spend with suppliers over the contract (£)",
    local_suppliers: "Share of that spend with firms in the local area (%)",
    lines_kept: "Your lines are kept, not counted: untick the box to use them again.",
    entered_as_total: |staff, suppliers| {
        let what = match (staff, suppliers) {
            (true, true) => "Staff wages and supplier spend were",
            (true, false) => "Staff wages were",
            _ => "Supplier spend was",
        };
        format!("{what} entered as a total with a local share, not by postcode.")
    },
    remove: "Remove",
    place_local: "Counts as local",
    place_priority: |area| format!("Counts: priority area ({area})"),
    place_not_local: "Not local",
    self_heading: "Self-assessment against the award criteria",
    self_hint: "Score your answer to each criterion from 0 to 100, as the council's guidance describes.",
    self_score: "Your score (0 to 100)",
    results_heading: "Your results",
    results_waiting: "Enter the contract value, length and start year to see results.",
    results_stale: "These results are from before your last change. To update them:",
    results_needed: "To see results:",
    total_gross: "Gross social value",
    total_adjusted: "After adjustments",
    total_pv: "Present value",
    ratio: "Social value ratio",
    ratio_explained: "Social value as a share of the contract value.",
    target: |t, met| {
        if met {
            format!("Meets the council's target of {t}%")
        } else {
            format!("Below the council's target of {t}%")
        }
    },
    by_theme: "Social value by theme",
    theme: "Theme",
    share: "Share",
    lm3_heading: "Local Multiplier 3 (LM3)",
    lm3_explained: |lm3| {
        format!("Each £1 of the contract is worth about £{lm3} to the local economy.")
    },
    lm3_rounds: "The three rounds",
    lm3_needs_spend: "Enter your staff wages and supplier spend, under “Where the money goes”, to see how much of each pound stays local.",
    round1: "Round 1: contract income",
    round2: "Round 2: spent locally",
    round3: "Round 3: re-spent locally",
    lm3_range: |low, high| {
        format!("Between {low} and {high} under low and high re-spend assumptions.")
    },
    local_share: |p| format!("{p}% of your spend counts as local."),
    recorded_heading: "Recorded, not valued",
    bidder_outside: |pence| {
        format!(
            "Your postcode is outside the local area, so only what you spend locally reaches it: {pence} of each £1 of the contract."
        )
    },
    priority_spend: |amount| {
        format!(
            "{amount} is spent in the council's priority areas outside the local area. It is shown here, not counted in LM3."
        )
    },
    score_heading: "Indicative tender score",
    score_line: |score, points, weighting| {
        format!(
            "{score} out of 100, worth {points} of the tender's 100 points at a {weighting}% weighting"
        )
    },
    weighting_explained: |w| {
        format!(
            "The weighting ({w}%) is how much social value counts in the whole tender. It is set by the council and is not the same as your social value ratio."
        )
    },
    warnings_heading: "Check these",
    how_calculated: "How is this calculated?",
    totals: "Social value totals",
    working_loading: "Working it out…",
    gap_heading: "What it would take",
    error_summary: "There is a problem",
    not_a_number: |label| format!("{label}: enter a number, like 12 or 12.5"),
    not_an_amount: |label| format!("{label}: enter an amount in pounds, like 250000"),
    enter_field: |label| format!("{label}: enter a figure, or clear the one beside it"),
    enter_value: "Enter the contract value in pounds, like 250000",
    enter_duration: "Enter the contract length in years, like 3",
    enter_start_year: "Enter the year the contract starts, like 2027",
    announce: |total, ratio, lm3, score| {
        let lm3 = if lm3.is_empty() {
            String::new()
        } else {
            format!(" LM3 {lm3}.")
        };
        format!(
            "Social value {total}, {ratio}% of contract value.{lm3} Indicative score {score} out of 100."
        )
    },
    tools_heading: "Save, share and print",
    scenarios: "Scenarios: save and compare versions of this proposal",
    scenarios_failed: "The scenarios could not be loaded: reload the page to try again.",
    loading: "Loading…",
    scenario_opened: |name| format!("Scenario \u{201c}{name}\u{201d} opened."),
    draft_elsewhere: "Your draft was changed in another tab or window, so this tab no longer saves over it. To keep these answers, save them as a scenario or download them.",
    export_json: "Download your proposal (JSON)",
    import_json: "Open a saved proposal",
    import_hint: "A proposal file downloaded from this calculator.",
    export_csv: "Download results (CSV)",
    print: "Print a summary",
    start_again: "Start again",
    start_again_confirm: "Clear every field and start again? You can undo this straight after.",
    cleared: "The form has been cleared.",
    undo: "Undo: bring my answers back",
    undone: "Your answers are back as they were.",
    removed: |line| format!("{line} removed."),
    see_results: "See your results",
    synonyms: &[
        ("co2", "carbon"),
        ("emission", "carbon"),
        ("greenhouse", "carbon"),
        ("net zero", "carbon"),
        ("climate", "carbon"),
        ("job", "employ"),
        ("hire", "employ"),
        ("recruit", "employ"),
        ("apprentice", "apprenticeship"),
        ("charit", "donation"),
        ("gift", "donation"),
        ("small business", "sme"),
        ("social enterprise", "vcse"),
        ("charity", "vcse"),
        ("recycl", "waste"),
        ("rubbish", "waste"),
        ("happiness", "wellbeing"),
        ("life satisfaction", "wellby"),
        ("volunteer", "volunteering"),
        ("college", "school"),
        ("careers", "school"),
        ("internship", "placement"),
    ],
    draft_restored: "We restored the proposal you were working on.",
    draft_unreadable: "Your saved proposal could not be restored (it was damaged or from an older version), so the form is empty.",
    import_failed: |why| format!("That file could not be opened: {why}"),
    imported: "Proposal opened.",
    copy_link: "Copy a link to this proposal",
    link_copied: "Link copied. The proposal is in the part after #, which browsers never send to a server.",
    link_shown: "Copy the link your browser showed. The proposal is in the part after #, which browsers never send to a server.",
    link_opened: "The proposal in the link is open.",
    link_failed: |why| format!("That link could not be opened: {why}"),
    form_unreadable: "its contents could not be read",
    config_failed: "The calculator could not load this council's settings.",
    contact: |c| format!("Questions: {c}"),
    measure_unit: |u| format!("Unit: {u}"),
    priority: |p| match p {
        socval_core::config::Priority::High => "A council priority",
        socval_core::config::Priority::Medium => "Welcomed by the council",
        socval_core::config::Priority::Low => "Lower priority",
    },
};

/// The catalogue for a language tag (`en`, `cy`, …); English until others exist.
pub fn for_lang(_lang: &str) -> &'static Messages {
    &EN
}
