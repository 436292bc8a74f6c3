//! Turning a council's configuration into a ready [`Setup`]: the framework
//! chosen, narrowed to the measures offered, with the council's values and
//! adjustments applied, every rule checked.

use std::collections::{BTreeMap, BTreeSet};

use crate::builtin;
use crate::config::{
    CONFIG_SCHEMA_VERSION, CouncilConfig, FrameworkChoice, Priority, RespendRates, ScoringMethod,
};
use crate::discounting::Factors;
use crate::fixed::Decimal;
use crate::framework::{Framework, Measure, Proxy};
use crate::issues::{Collector, ConfigError, IssueCode, limits};
use crate::local_area::Area;
use crate::message::Msg;
use crate::postcode::Postcode;

/// A checked configuration with its framework resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// The configuration as given.
    pub config: CouncilConfig,
    /// The framework with only the offered measures, overrides applied.
    pub framework: Framework,
    /// Every measure id of the full framework (for double-counting rules).
    known_measures: BTreeSet<String>,
    index: BTreeMap<String, usize>,
    /// For each offered measure, the index of its theme.
    theme_of: Vec<Option<usize>>,
    /// For each offered measure, the offered measures it must not be
    /// double-counted with: worked out once here, not per proposal.
    conflicts: Vec<Conflicts>,
    /// Discount factors for every year, from the council's settings.
    pub(crate) factors: Factors,
    /// The same for health and wellbeing measures.
    pub(crate) health_factors: Factors,
    /// Each offered measure's value in the framework's price year.
    values: Vec<Option<Decimal>>,
    /// DESNZ's carbon series in the framework's prices, when an offered
    /// measure follows it (see [`crate::growth`]).
    pub(crate) carbon: Option<crate::growth::CarbonSeries>,
}

/// The double-counting exclusions of one measure, as indices of offered measures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Conflicts {
    /// The measures it names in `excludes`, in that order.
    pub(crate) forward: Vec<usize>,
    /// The measures that name it in their `excludes`.
    pub(crate) backward: Vec<usize>,
}

impl Setup {
    /// The offered measure with this id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.index
            .get(id)
            .and_then(|&i| self.framework.measures.get(i))
    }

    /// The value of one unit of offered measure `measure`, in the framework's
    /// price year (see [`crate::deflators`]); none for a record-only measure.
    pub fn value(&self, measure: usize) -> Option<Decimal> {
        self.values.get(measure).copied().flatten()
    }

    /// The index of the offered measure with this id.
    pub fn measure_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The index of the theme of offered measure `measure`.
    pub(crate) fn theme_of(&self, measure: usize) -> Option<usize> {
        self.theme_of.get(measure).copied().flatten()
    }

    /// The double-counting exclusions of offered measure `measure`.
    pub(crate) fn conflicts(&self, measure: usize) -> Option<&Conflicts> {
        self.conflicts.get(measure)
    }

    /// Whether the id names a measure of the framework, offered or not.
    pub fn is_framework_measure(&self, id: &str) -> bool {
        self.known_measures.contains(id)
    }

    /// The council's priority for a theme.
    pub fn theme_priority(&self, theme: &str) -> Option<Priority> {
        self.config
            .theme_priorities
            .iter()
            .find(|t| t.theme == theme)
            .map(|t| t.priority)
    }

    /// Checks the council's district codes against the outward-code table:
    /// a code no outward code lies mostly in (a typing slip such as
    /// `E99999999`, or a district too small to hold the majority of any
    /// outward code) would make every postcode count as not local, silently.
    pub fn check_table(&self, table: &crate::OutcodeTable) -> Result<(), ConfigError> {
        let mut c = Collector::default();
        let areas = std::iter::once(("local_area".to_string(), &self.config.local_area)).chain(
            self.config
                .priority_areas
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("priority_areas[{i}]"), a)),
        );
        #[cfg(feature = "partnership")]
        let areas = areas.chain(
            self.config
                .commissioners
                .iter()
                .enumerate()
                .flat_map(|(i, k)| {
                    std::iter::once((format!("commissioners[{i}].local_area"), &k.local_area))
                        .chain(k.priority_areas.iter().enumerate().map(move |(j, a)| {
                            (format!("commissioners[{i}].priority_areas[{j}]"), a)
                        }))
                }),
        );
        for (path, area) in areas {
            for (i, d) in area.districts.iter().enumerate() {
                if !table.has_district(d) {
                    c.push(
                        format!("{path}.districts[{i}]"),
                        IssueCode::Unknown,
                        Msg::empty_district(d.clone()),
                    );
                }
            }
        }
        if c.issues.is_empty() {
            Ok(())
        } else {
            Err(ConfigError { issues: c.issues })
        }
    }

    /// Whether the local-area rules need the outward-code table.
    pub fn needs_outcodes(&self) -> bool {
        let own = self.config.local_area.needs_table()
            || self.config.priority_areas.iter().any(Area::needs_table);
        #[cfg(feature = "partnership")]
        let own = own
            || self.config.commissioners.iter().any(|k| {
                k.local_area.needs_table() || k.priority_areas.iter().any(Area::needs_table)
            });
        own
    }
}

/// Checks a configuration and resolves its framework.
pub fn prepare(config: CouncilConfig) -> Result<Setup, ConfigError> {
    let mut c = Collector::default();
    if config.schema_version != CONFIG_SCHEMA_VERSION {
        c.push(
            "schema_version",
            IssueCode::OutOfRange,
            Msg::config_version(i64::from(CONFIG_SCHEMA_VERSION)),
        );
    }
    c.text(
        "council.name",
        &config.council.name,
        limits::SHORT_TEXT,
        true,
    );
    c.text(
        "council.contact",
        &config.council.contact,
        limits::SHORT_TEXT,
        false,
    );
    c.text(
        "council.intro",
        &config.council.intro,
        limits::LONG_TEXT,
        false,
    );

    let full = match &config.framework {
        FrameworkChoice::Builtin(id) => builtin::framework(id).or_else(|| {
            let known = builtin::ids().join(", ");
            c.push(
                "framework.builtin",
                IssueCode::Unknown,
                Msg::not_builtin(id.clone(), known),
            );
            None
        }),
        FrameworkChoice::Inline(f) => {
            check_framework(&mut c, "framework.inline", f);
            Some((**f).clone())
        }
    };

    // The whole framework's measure ids are kept (a measure it has but the
    // council does not offer is named so); the framework itself becomes the
    // council's, without a copy of the whole.
    let had_framework = full.is_some();
    let mut known_measures = BTreeSet::new();
    let mut framework = full.unwrap_or_else(empty_framework);
    for m in &framework.measures {
        known_measures.insert(m.id.clone());
    }
    if let (true, Some(choices)) = (had_framework, &config.measures) {
        let full = &framework;
        let mut chosen = Vec::with_capacity(choices.len());
        let mut seen = BTreeSet::new();
        if c.list_len("measures", choices.len(), limits::MEASURES) {
            for (i, choice) in choices.iter().enumerate() {
                let path = format!("measures[{i}]");
                if !seen.insert(choice.id.as_str()) {
                    c.push(
                        format!("{path}.id"),
                        IssueCode::Duplicate,
                        Msg::measure_listed_twice(choice.id.clone()),
                    );
                    continue;
                }
                let Some(m) = full.measures.iter().find(|m| m.id == choice.id) else {
                    c.push(
                        format!("{path}.id"),
                        IssueCode::Unknown,
                        Msg::unknown_measure(choice.id.clone(), full.id.clone()),
                    );
                    continue;
                };
                let mut m = m.clone();
                if let Some(proxy) = &choice.proxy {
                    check_proxy(&mut c, &format!("{path}.proxy"), proxy);
                    m.proxy = Some(proxy.clone());
                }
                check_adjustments(&mut c, &format!("{path}.adjustments"), &choice.adjustments);
                check_lasting(
                    &mut c,
                    &format!("{path}.adjustments"),
                    &m,
                    &choice.adjustments,
                );
                m.adjustments = m.adjustments.overlay(&choice.adjustments);
                chosen.push(m);
            }
        }
        framework.measures = chosen;
    }
    if framework.measures.is_empty() && had_framework {
        c.push("measures", IssueCode::Required, Msg::no_measures());
    }

    check_area(&mut c, "local_area", &config.local_area, true);
    c.list_len("priority_areas", config.priority_areas.len(), limits::LIST);
    for (i, area) in config.priority_areas.iter().enumerate() {
        check_area(&mut c, &format!("priority_areas[{i}]"), area, true);
        if area.name.trim().is_empty() {
            c.push(
                format!("priority_areas[{i}].name"),
                IssueCode::Required,
                Msg::area_name(),
            );
        }
    }
    for (i, tp) in config.theme_priorities.iter().enumerate() {
        if !framework.themes.iter().any(|t| t.id == tp.theme) {
            c.push(
                format!("theme_priorities[{i}].theme"),
                IssueCode::Unknown,
                Msg::unknown_theme(tp.theme.clone()),
            );
        }
    }
    if let Some(t) = config.target_ratio_percent {
        if t.is_negative() || t > Decimal::from_int(1000) {
            c.push(
                "target_ratio_percent",
                IssueCode::OutOfRange,
                Msg::target_ratio(),
            );
        }
    }
    check_scoring(&mut c, &config);
    let theme_ids: Vec<&str> = framework.themes.iter().map(|t| t.id.as_str()).collect();
    crate::rules::check_config(&mut c, &config, &theme_ids);
    #[cfg(feature = "partnership")]
    crate::partnership::check(&mut c, &config, &theme_ids);
    #[cfg(feature = "delivery")]
    crate::delivery::check_settings(&mut c, &config.delivery);
    #[cfg(feature = "translations")]
    if !config.translations.is_empty() {
        let measure_ids: Vec<&str> = known_measures.iter().map(String::as_str).collect();
        crate::translation::check(&mut c, &config, &theme_ids, &measure_ids);
    }
    let d = &config.discounting;
    if d.rate_percent.is_negative() || d.rate_percent > Decimal::from_int(20) {
        c.push(
            "discounting.rate_percent",
            IssueCode::OutOfRange,
            Msg::discount_rate(),
        );
    }
    check_rates(&mut c, "lm3.staff_respend", &config.lm3.staff_respend);
    check_rates(&mut c, "lm3.supplier_respend", &config.lm3.supplier_respend);

    let values = uprated_values(&mut c, &framework);
    let follows_carbon = framework.measures.iter().any(|m| {
        m.proxy.as_ref().and_then(|p| p.growth) == Some(crate::growth::Growth::CarbonDesnz2023)
    });
    let carbon = follows_carbon
        .then(|| crate::growth::CarbonSeries::new(framework.price_year))
        .flatten();
    if !c.issues.is_empty() {
        return Err(ConfigError { issues: c.issues });
    }
    // Sets and maps are filled one by one here and below: collecting into
    // them sorts first, and each sort's code costs the widget kilobytes.
    let mut index = BTreeMap::new();
    for (i, m) in framework.measures.iter().enumerate() {
        index.insert(m.id.clone(), i);
    }
    let theme_of = framework
        .measures
        .iter()
        .map(|m| framework.themes.iter().position(|t| t.id == m.theme))
        .collect();
    let conflicts = framework
        .measures
        .iter()
        .map(|m| Conflicts {
            forward: m
                .excludes
                .iter()
                .filter_map(|x| index.get(x).copied())
                .collect(),
            backward: framework
                .measures
                .iter()
                .enumerate()
                .filter(|(_, o)| o.excludes.contains(&m.id))
                .map(|(j, _)| j)
                .collect(),
        })
        .collect();
    let factors = Factors::table(&config.discounting);
    let health_factors = Factors::health_table(&config.discounting);
    Ok(Setup {
        config,
        framework,
        known_measures,
        index,
        theme_of,
        conflicts,
        factors,
        health_factors,
        values,
        carbon,
    })
}

fn empty_framework() -> Framework {
    Framework {
        id: String::new(),
        name: String::new(),
        version: String::new(),
        currency: "GBP".into(),
        price_year: 0,
        description: String::new(),
        licence: String::new(),
        themes: Vec::new(),
        measures: Vec::new(),
    }
}

/// Checks a framework's own rules: ids unique, themes known, values sourced.
pub(crate) fn check_framework(c: &mut Collector, path: &str, f: &Framework) {
    c.text(format!("{path}.id"), &f.id, limits::SHORT_TEXT, true);
    c.text(format!("{path}.name"), &f.name, limits::SHORT_TEXT, true);
    c.text(
        format!("{path}.version"),
        &f.version,
        limits::SHORT_TEXT,
        true,
    );
    if f.currency != "GBP" {
        c.push(
            format!("{path}.currency"),
            IssueCode::OutOfRange,
            Msg::currency(),
        );
    }
    if !(1990..=2200).contains(&f.price_year) {
        c.push(
            format!("{path}.price_year"),
            IssueCode::OutOfRange,
            Msg::year(1990, 2200),
        );
    } else {
        deflated(c, &format!("{path}.price_year"), f.price_year);
    }
    let mut themes = BTreeSet::new();
    for (i, t) in f.themes.iter().enumerate() {
        c.text(
            format!("{path}.themes[{i}].id"),
            &t.id,
            limits::SHORT_TEXT,
            true,
        );
        c.text(
            format!("{path}.themes[{i}].title"),
            &t.title,
            limits::SHORT_TEXT,
            true,
        );
        if !themes.insert(t.id.as_str()) {
            c.push(
                format!("{path}.themes[{i}].id"),
                IssueCode::Duplicate,
                Msg::theme_twice(t.id.clone()),
            );
        }
    }
    if f.themes.is_empty() {
        c.push(
            format!("{path}.themes"),
            IssueCode::Required,
            Msg::no_themes(),
        );
    }
    if !c.list_len(
        format!("{path}.measures"),
        f.measures.len(),
        limits::MEASURES,
    ) {
        return;
    }
    let mut ids = BTreeSet::new();
    for m in &f.measures {
        ids.insert(m.id.as_str());
    }
    let mut seen = BTreeSet::new();
    for (i, m) in f.measures.iter().enumerate() {
        let mp = format!("{path}.measures[{i}]");
        c.text(format!("{mp}.id"), &m.id, limits::SHORT_TEXT, true);
        c.text(format!("{mp}.title"), &m.title, limits::SHORT_TEXT, true);
        c.text(format!("{mp}.help"), &m.help, limits::LONG_TEXT, false);
        if !seen.insert(m.id.as_str()) {
            c.push(
                format!("{mp}.id"),
                IssueCode::Duplicate,
                Msg::measure_twice(m.id.clone()),
            );
        }
        if !themes.contains(m.theme.as_str()) {
            c.push(
                format!("{mp}.theme"),
                IssueCode::Unknown,
                Msg::not_theme_here(m.theme.clone()),
            );
        }
        if let Some(p) = &m.proxy {
            check_proxy(c, &format!("{mp}.proxy"), p);
        }
        for (j, x) in m.excludes.iter().enumerate() {
            if !ids.contains(x.as_str()) {
                c.push(
                    format!("{mp}.excludes[{j}]"),
                    IssueCode::Unknown,
                    Msg::not_measure_here(x.clone()),
                );
            }
        }
        check_adjustments(c, &format!("{mp}.adjustments"), &m.adjustments);
        check_lasting(c, &format!("{mp}.adjustments"), m, &m.adjustments);
    }
}

fn check_proxy(c: &mut Collector, path: &str, p: &Proxy) {
    c.non_negative(format!("{path}.value"), p.value);
    let s = &p.source;
    c.text(
        format!("{path}.source.title"),
        &s.title,
        limits::LONG_TEXT,
        true,
    );
    c.text(
        format!("{path}.source.publisher"),
        &s.publisher,
        limits::SHORT_TEXT,
        true,
    );
    c.text(
        format!("{path}.source.licence"),
        &s.licence,
        limits::SHORT_TEXT,
        true,
    );
    if !(1990..=2200).contains(&s.price_year) {
        c.push(
            format!("{path}.source.price_year"),
            IssueCode::OutOfRange,
            Msg::year(1990, 2200),
        );
    } else {
        deflated(c, &format!("{path}.source.price_year"), s.price_year);
    }
}

/// Each offered measure's value in the framework's price year. A value the
/// conversion cannot hold is an error, never a silent record-only measure.
fn uprated_values(c: &mut Collector, framework: &Framework) -> Vec<Option<Decimal>> {
    let to = framework.price_year;
    let known = |y| crate::deflators::index(y).is_some();
    framework
        .measures
        .iter()
        .map(|m| {
            let p = m.proxy.as_ref()?;
            let v =
                crate::deflators::convert(p.value, p.source.price_year, to).and_then(|v| {
                    match p.growth {
                        Some(crate::growth::Growth::GdpPerHead) => {
                            crate::growth::gdp_per_head(v, p.source.price_year, to)
                        }
                        _ => Some(v),
                    }
                });
            if v.is_none() && known(p.source.price_year) && known(to) {
                c.push(
                    format!("measures.{}.proxy.value", m.id),
                    IssueCode::TooLarge,
                    Msg::too_large_converted(),
                );
            }
            v
        })
        .collect()
}

/// Every value is converted to the framework's price year with the GDP
/// deflator, so each price year must be one the series covers.
fn deflated(c: &mut Collector, path: &str, year: u16) {
    if crate::deflators::index(year).is_none() {
        let (first, last) = crate::deflators::range();
        c.push(
            path,
            IssueCode::OutOfRange,
            Msg::no_deflator(
                crate::deflators::RELEASE.to_string(),
                i64::from(first),
                i64::from(last),
            ),
        );
    }
}

fn check_adjustments(c: &mut Collector, path: &str, a: &crate::adjustments::Adjustments) {
    let fields = [
        ("deadweight_percent", a.deadweight_percent),
        ("displacement_percent", a.displacement_percent),
        ("attribution_percent", a.attribution_percent),
        ("drop_off_percent", a.drop_off_percent),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            c.percent(format!("{path}.{name}"), v);
        }
    }
    if let Some(y) = a.benefit_years {
        if !(1..=10).contains(&y) {
            c.push(
                format!("{path}.benefit_years"),
                IssueCode::OutOfRange,
                Msg::benefit_years(),
            );
        }
    }
}

/// Only an outcome may last: a duration or drop-off on an output would count
/// the same year's delivery again in later years.
fn check_lasting(c: &mut Collector, path: &str, m: &Measure, a: &crate::adjustments::Adjustments) {
    if m.kind == crate::framework::Kind::Outcome {
        return;
    }
    let why = Msg::output_lasting;
    if a.benefit_years.is_some_and(|y| y > 1) {
        c.push(
            format!("{path}.benefit_years"),
            IssueCode::Inconsistent,
            why(),
        );
    }
    if a.drop_off_percent.is_some_and(|d| d != Decimal::ZERO) {
        c.push(
            format!("{path}.drop_off_percent"),
            IssueCode::Inconsistent,
            why(),
        );
    }
}

pub(crate) fn check_area(c: &mut Collector, path: &str, a: &Area, required: bool) {
    if required && a.is_empty() {
        c.push(path.to_string(), IssueCode::Required, Msg::no_area_rule());
    }
    for list in [&a.districts, &a.postcode_areas, &a.outward_codes] {
        c.list_len(path, list.len(), limits::LIST * 10);
    }
    for (i, d) in a.districts.iter().enumerate() {
        let ok = d.len() == 9
            && d.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
            && d.bytes().skip(1).all(|b| b.is_ascii_digit());
        if !ok {
            c.push(
                format!("{path}.districts[{i}]"),
                IssueCode::OutOfRange,
                Msg::not_district(d.clone()),
            );
        }
    }
    for (i, pa) in a.postcode_areas.iter().enumerate() {
        if !(1..=2).contains(&pa.len()) || !pa.bytes().all(|b| b.is_ascii_alphabetic()) {
            c.push(
                format!("{path}.postcode_areas[{i}]"),
                IssueCode::Postcode,
                Msg::not_postcode_area(pa.clone()),
            );
        }
    }
    for (i, oc) in a.outward_codes.iter().enumerate() {
        match Postcode::parse(oc) {
            Ok(p) if p.outward().eq_ignore_ascii_case(oc.trim()) => {}
            _ => c.push(
                format!("{path}.outward_codes[{i}]"),
                IssueCode::Postcode,
                Msg::not_outward_code(oc.clone()),
            ),
        }
    }
    if let Some(r) = &a.radius {
        if r.miles.is_negative() || r.miles == Decimal::ZERO || r.miles > Decimal::from_int(1000) {
            c.push(
                format!("{path}.radius.miles"),
                IssueCode::OutOfRange,
                Msg::radius(),
            );
        }
        match (&r.centre.postcode, r.centre.easting, r.centre.northing) {
            (Some(pc), None, None) => {
                if Postcode::parse(pc).is_err() {
                    c.push(
                        format!("{path}.radius.centre.postcode"),
                        IssueCode::Postcode,
                        Msg::not_centre(pc.clone()),
                    );
                }
            }
            (None, Some(e), Some(n)) => {
                if !(0..=800_000).contains(&e) || !(0..=1_300_000).contains(&n) {
                    c.push(
                        format!("{path}.radius.centre"),
                        IssueCode::OutOfRange,
                        Msg::grid(),
                    );
                }
            }
            _ => c.push(
                format!("{path}.radius.centre"),
                IssueCode::Required,
                Msg::no_centre(),
            ),
        }
    }
}

fn check_scoring(c: &mut Collector, config: &CouncilConfig) {
    let s = &config.scoring;
    if s.weighting_percent <= Decimal::ZERO || s.weighting_percent > Decimal::HUNDRED {
        c.push(
            "scoring.weighting_percent",
            IssueCode::OutOfRange,
            Msg::weighting(),
        );
    }
    match &s.method {
        ScoringMethod::Proportional {
            benchmark_value,
            benchmark_ratio_percent,
        } => match (benchmark_value, benchmark_ratio_percent) {
            (Some(v), None) if v.pence() > 0 => {}
            (None, Some(r)) if *r > Decimal::ZERO => {}
            (Some(_), None) | (None, Some(_)) => c.push(
                "scoring.method",
                IssueCode::OutOfRange,
                Msg::benchmark_zero(),
            ),
            _ => c.push(
                "scoring.method",
                IssueCode::Inconsistent,
                Msg::one_benchmark(),
            ),
        },
        ScoringMethod::RatioBands { bands } => {
            if bands.is_empty() {
                c.push("scoring.method.bands", IssueCode::Required, Msg::no_bands());
            }
            c.list_len("scoring.method.bands", bands.len(), limits::LIST);
            for (i, b) in bands.iter().enumerate() {
                c.non_negative(
                    format!("scoring.method.bands[{i}].min_ratio_percent"),
                    b.min_ratio_percent,
                );
                c.percent(
                    format!("scoring.method.bands[{i}].score_percent"),
                    b.score_percent,
                );
            }
        }
        ScoringMethod::SelfAssessment { criteria } => {
            if criteria.is_empty() {
                c.push(
                    "scoring.method.criteria",
                    IssueCode::Required,
                    Msg::no_criteria(),
                );
            }
            c.list_len("scoring.method.criteria", criteria.len(), limits::LIST);
            let mut seen = BTreeSet::new();
            for (i, k) in criteria.iter().enumerate() {
                c.text(
                    format!("scoring.method.criteria[{i}].id"),
                    &k.id,
                    limits::SHORT_TEXT,
                    true,
                );
                c.text(
                    format!("scoring.method.criteria[{i}].title"),
                    &k.title,
                    limits::LONG_TEXT,
                    true,
                );
                if !seen.insert(k.id.as_str()) {
                    c.push(
                        format!("scoring.method.criteria[{i}].id"),
                        IssueCode::Duplicate,
                        Msg::criterion_declared_twice(k.id.clone()),
                    );
                }
                if k.weight <= Decimal::ZERO || k.weight > Decimal::from_int(1000) {
                    c.push(
                        format!("scoring.method.criteria[{i}].weight"),
                        IssueCode::OutOfRange,
                        Msg::criterion_weight(),
                    );
                }
            }
        }
    }
}

fn check_rates(c: &mut Collector, path: &str, r: &RespendRates) {
    c.percent(format!("{path}.low_percent"), r.low_percent);
    c.percent(format!("{path}.central_percent"), r.central_percent);
    c.percent(format!("{path}.high_percent"), r.high_percent);
    if !(r.low_percent <= r.central_percent && r.central_percent <= r.high_percent) {
        c.push(
            path.to_string(),
            IssueCode::Inconsistent,
            Msg::respend_order(),
        );
    }
}
