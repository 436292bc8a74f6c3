//! What an [`Issue`](crate::Issue) says, as data: a message key and typed
//! parameters, worded only at the edge.
//!
//! Checking and evaluating a proposal build a [`Msg`] and never its text,
//! so a widget can word it from its own catalogue (in Welsh, say) and
//! scoring many bids spends no time writing sentences nobody reads. The
//! English wording is the [`catalogue`]: for each [`Key`], its parameters'
//! names and a template, with `{name}` for a parameter and
//! `{name:one|other}` for a word that follows a count. [`fill`] writes a
//! template out; the JSON output carries the key, the parameters and the
//! English text.
//!
//! A message is a key and a list of values, not an enum with a variant per
//! message: the same data, with no per-message code for comparing,
//! dropping or listing parameters, which keeps the widget's first module
//! small. Each message has a constructor taking its parameters by type.
//!
//! Messages of the configuration checks not yet given their own key are
//! [`Key::text`]: English text, written where the problem is found.

use std::fmt;

use crate::fixed::{Decimal, Money};

/// One parameter's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Text as given: a name, a title, an id, a postcode or a field path.
    Text(String),
    /// The name of an area; empty means the council gave none, and the
    /// catalogue's words for "the local area" are used (in JSON, an empty
    /// `area` parameter means the same).
    Area(String),
    /// An amount of money: `£1,234.50`.
    Money(Money),
    /// A number: `12.5`.
    Number(Decimal),
    /// A whole number or a year: `2027`.
    Int(i64),
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<Money> for Value {
    fn from(m: Money) -> Value {
        Value::Money(m)
    }
}

impl From<Decimal> for Value {
    fn from(d: Decimal) -> Value {
        Value::Number(d)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

/// The name of an area, kept apart from other text so that an unnamed area
/// is worded by the catalogue.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AreaName(pub String);

impl From<AreaName> for Value {
    fn from(a: AreaName) -> Value {
        Value::Area(a.0)
    }
}

/// A count (of entries, years, warnings) as a message parameter.
pub fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A message of some catalogue: a key and its parameters' values, in the
/// order the key's parameters are declared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message<K> {
    /// Which message.
    pub key: K,
    /// Its parameters' values.
    pub values: Vec<Value>,
}

/// What an issue says (a message of this module's catalogue).
pub type Msg = Message<Key>;

/// A catalogue's keys: each knows its name, its parameters' names and its
/// English template. Kept as separate catalogues (the issues' here, the
/// working's in [`crate::working`]) so that a module that words only issues
/// (the widget's first) carries none of the working's templates.
pub trait Catalogue: Copy + 'static {
    /// The key as the catalogues write it.
    fn name(self) -> &'static str;
    /// The parameters' names, each followed by a comma.
    fn params(self) -> &'static str;
    /// The English template.
    fn english(self) -> &'static str;
}

/// One message of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The key, as JSON and the catalogues write it: `outside_area`.
    pub key: &'static str,
    /// The parameters' names, in order, each followed by a comma.
    pub params: &'static str,
    /// The English template.
    pub english: &'static str,
}

impl Entry {
    /// The parameters' names, in order.
    pub fn params(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.params.split_terminator(',')
    }
}

/// Declares the messages: for each, its key, its parameters (name and
/// type) and its English template; makes the [`Key`] enum, the
/// [`catalogue`] and a constructor named as the key.
macro_rules! messages {
    (
        $(#[$edoc:meta])* enum $Key:ident;
        $(#[$cdoc:meta])* count $COUNT:ident;
        $( $(#[$doc:meta])* $key:ident ( $($param:ident : $ty:ty),* ) $en:literal; )*
    ) => {
        $(#[$edoc])*
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $Key {
            $( $(#[$doc])* $key, )*
        }

        // The catalogue: a line for each message in the order of [`Key`],
        // in three strings rather than a table of pointers, which is
        // smaller; and apart, so that a module that never writes a key
        // (the widget's first, which words messages but writes no JSON)
        // carries no keys.
        /// Each message's key.
        const KEYS: &str = concat!($( stringify!($key), "\n", )*);
        /// Each message's parameters, each followed by a comma.
        const PARAMS: &str = concat!($( $(stringify!($param), ",",)* "\n", )*);
        /// Each message's English template.
        const ENGLISH: &str = concat!($( $en, "\n", )*);
        /// Every key, in order.
        #[allow(dead_code)]
        const ALL: &[$Key] = &[$($Key::$key),*];
        $(#[$cdoc])*
        pub const $COUNT: usize = [$($Key::$key),*].len();

        impl $Key {
            /// The key as the catalogues write it: `outside_area`.
            pub fn name(self) -> &'static str {
                $crate::message::line(KEYS, self as usize)
            }

            /// The parameters' names, each followed by a comma.
            pub fn params(self) -> &'static str {
                $crate::message::line(PARAMS, self as usize)
            }

            /// The English template.
            pub fn english(self) -> &'static str {
                $crate::message::line(ENGLISH, self as usize)
            }
        }

        impl $crate::message::Catalogue for $Key {
            fn name(self) -> &'static str {
                $Key::name(self)
            }
            fn params(self) -> &'static str {
                $Key::params(self)
            }
            fn english(self) -> &'static str {
                $Key::english(self)
            }
        }

        /// Every message of the catalogue, in the order of the keys.
        pub fn catalogue() -> impl Iterator<Item = $crate::message::Entry> {
            KEYS.lines()
                .zip(PARAMS.lines())
                .zip(ENGLISH.lines())
                .map(|((key, params), english)| $crate::message::Entry {
                    key,
                    params,
                    english,
                })
        }

        impl $crate::message::Message<$Key> {
            $(
                $(#[$doc])*
                // A line of the working may have ten parameters: they are
                // the sentence's, named in its template.
                #[allow(clippy::too_many_arguments)]
                #[inline(never)]
                pub fn $key($($param: $ty),*) -> Self {
                    $crate::message::Message {
                        key: $Key::$key,
                        values: vec![$($crate::message::Value::from($param)),*],
                    }
                }
            )*
        }
    };
}
pub(crate) use messages;

/// The English words for an area the council did not name.
pub const UNNAMED_AREA: &str = "the local area";

messages! {
    /// Every message, by its key.
    enum Key;
    /// How many messages there are (a catalogue's `issue.` lines, in the
    /// order of [`Key`]).
    count KEY_COUNT;
    /// English text not yet given a key of its own.
    text(text: String) "{text}";
    /// A number below zero.
    negative() "must be zero or more";
    /// An amount of money below zero.
    negative_money() "must be £0 or more";
    /// A percentage outside 0 to 100.
    percent() "must be a percentage from 0 to 100";
    /// Text that must be given.
    empty_text() "must not be empty";
    /// Text over its length limit.
    long_text(max: i64) "must be at most {max} characters";
    /// A list over its length limit.
    long_list(max: i64, len: i64) "must have at most {max} entries, not {len}";
    /// A file over the size limit.
    large_file(bytes: i64, max: i64) "the file is {bytes} bytes; the limit is {max} bytes";
    /// Warnings like the one before, left out.
    more_like_this(n: i64, from: String) "and {n} more {n:warning|warnings} like the one above, from {from} on";
    /// Warnings about the whole document like the one before, left out.
    more_like_this_here(n: i64) "and {n} more {n:warning|warnings} like the one above, from here on";
    /// A proposal file's format version.
    schema_version(version: i64) "must be {version}";
    /// A proposal made for another framework or version.
    wrong_framework(id: String, version: String, uses_id: String, uses_version: String) "was made for framework \"{id}\" version \"{version}\", but this council uses \"{uses_id}\" version \"{uses_version}\"; re-enter the commitments against the current version";
    /// A contract value of £0 or less.
    contract_value() "must be more than £0";
    /// A contract length out of range.
    duration(max: i64) "must be more than 0 and at most {max} years";
    /// A year out of range.
    year(from: i64, to: i64) "must be a year from {from} to {to}";
    /// A start year in the past.
    past_start(year: i64) "{year} is in the past; present values are worked out from it all the same";
    /// The framework's prices are old.
    old_prices(price_year: i64, year: i64) "the framework's values are in {price_year} prices and are not uprated to {year} prices";
    /// A measure of the framework the council does not offer.
    not_offered(measure: String) "\"{measure}\" is not one of the measures this council offers";
    /// No measure named.
    no_measure() "must name a measure";
    /// A measure the framework does not have.
    unknown_measure(measure: String, framework: String) "\"{measure}\" is not a measure of framework \"{framework}\"";
    /// A local-only measure with no delivery postcode.
    local_needs_postcode(measure: String, title: String, area: AreaName) "\"{title}\" counts only delivery in {area}: give the postcode where it is delivered to count it";
    /// A local-only measure delivered outside the local area.
    outside_area(postcode: String, measure: String, title: String, area: AreaName) "{postcode} is outside {area}; \"{title}\" counts only local delivery, so this commitment is left out of the totals";
    /// Not a postcode.
    not_postcode() "is not a UK postcode or outward code (for example EX1 1AA or EX1)";
    /// An outward code not in the table.
    unknown_outcode(outcode: String) "outward code {outcode} is not in the UK outward-code table; check the postcode";
    /// The outward-code table is needed and not loaded.
    no_outcode_table() "cannot be placed: the outward-code table the council's local area needs is not loaded";
    /// More FTE-years than the contract could pay for.
    costly_jobs(quantity: Decimal, cost: Money, value: Money) "{quantity} FTE-years would cost at least {cost} at the National Living Wage, more than the contract value of {value}";
    /// Spend over the contract value.
    spend_over_value(spend: Money, value: Money) "staff wages and supplier spend add up to {spend}, more than the contract value of {value}; LM3 measures how the contract's own income is spent";
    /// "Each year" with a profile.
    per_year_with_profile() "cannot be used with a year-by-year profile";
    /// An empty profile.
    empty_profile() "must give at least one year";
    /// A profile longer than the contract.
    long_profile(years: i64, contract_years: i64) "has {years} years but the contract runs for {contract_years}";
    /// A quantity that disagrees with its profile.
    profile_sum(quantity: Decimal, sum: Decimal) "is {quantity} but the year-by-year profile adds up to {sum}";
    /// No quantity.
    no_quantity() "must be given (or a year-by-year profile)";
    /// A quantity too large to count.
    huge_quantity() "adds up to more than 1,000,000,000,000 over the contract; check the quantity";
    /// A commitment worth more than Socval counts.
    huge_value(value: Money, unit: String) "would be worth more than £1,000,000,000,000 at {value} per {unit}; check the quantity";
    /// Projects sharing out of range.
    shared_by() "must be from 1 to 1000 projects (this contract included)";
    /// Both ways of sharing.
    shared_twice() "give either the number of projects sharing it or the share owed to others, not both";
    /// First-year-only measure with "each year".
    first_year_per_year() "cannot be used for this measure: the council counts each person once, in their first year, so enter the number of people";
    /// First-year-only measure with later years.
    first_year_later() "must be 0: the council counts each person once, in their first year, so enter everyone in the first year";
    /// Spend as totals where the council asks for lines.
    totals_not_allowed() "this council asks for spend as lines with postcodes, not as a total with a local share";
    /// Spend as lines and as a total.
    lines_and_total(list: String) "give spend.{list} as lines or as a total with a local share, not both";
    /// A high-priority theme with no commitment.
    priority_missed(theme: String, title: String, council: String) "{title} is a high priority for {council} and this proposal makes no commitment in it";
    /// An award criterion the council does not have.
    unknown_criterion(criterion: String) "\"{criterion}\" is not one of the council's award criteria";
    /// A criterion scored twice.
    criterion_twice(criterion: String) "\"{criterion}\" is scored twice";
    /// A criterion not scored.
    no_self_score(criterion: String, title: String) "no self-score for \"{title}\": it counts as 0";
    /// A theme the framework does not have.
    unknown_theme(theme: String) "\"{theme}\" is not a theme of the framework";
    /// A target step's ratio out of range.
    target_ratio() "must be from 0 to 1000 (percent of contract value)";
    /// A contract below the council's minimum.
    below_minimum(council: String, min: Money) "{council} does not score social value on contracts below {min}: the figures are shown, and the score is 0";
    /// A required theme with no commitment that counts.
    required_theme(council: String, theme: String, title: String) "{council} requires at least one commitment in {title}; a bid without one may be rejected";
    /// A weighting below the central-government minimum.
    low_weighting(council: String, weighting: Decimal) "{council} weights social value at {weighting}% of the tender, below the 10% minimum that PPN 06/20 and PPN 002 set for central government buyers";
    /// A measure on more than one line.
    repeated_measure(measure: String, title: String) "\"{title}\" is committed on more than one line; the lines are added up, so make sure they do not count the same outcome";
    /// Two measures the council will not accept together.
    excluded_pair(measure: String, title: String, other: String, other_title: String, council: String) "\"{title}\" must not count the same people or spend as \"{other_title}\"; {council} does not accept a proposal that claims both";
    /// Of two exclusive measures, only the larger counts.
    larger_counted(measure: String, title: String, other: String, other_title: String) "\"{title}\" and \"{other_title}\" must not count the same people or spend, so only the larger, \"{other_title}\", is counted; this commitment is recorded without a value";
    /// Social value above the contract value.
    high_ratio(percent: Decimal) "the social value is {percent}% of the contract value, more than the contract itself; check the quantities";
    /// Totals beyond what Socval counts.
    huge_total() "add up to more social value than Socval can count (over £92,000 trillion); check the quantities";

    // The configuration's checks: for the council's web team, shown in
    // place of the form when its configuration is broken.
    /// A configuration in another format version.
    config_version(version: i64) "must be {version}; this version of Socval reads configuration format {version}";
    /// A framework that is not built in.
    not_builtin(id: String, known: String) "\"{id}\" is not a built-in framework (built-in: {known})";
    /// A measure chosen twice.
    measure_listed_twice(measure: String) "measure \"{measure}\" is listed twice";
    /// No measure offered.
    no_measures() "must offer at least one measure";
    /// A priority area with no name.
    area_name() "must not be empty: results name the priority area spend was counted in";
    /// A discount rate out of range.
    discount_rate() "must be from 0 to 20 (the Green Book rate is 3.5)";
    /// A currency other than pounds.
    currency() "must be GBP: Socval works in pounds sterling";
    /// A theme declared twice.
    theme_twice(theme: String) "theme \"{theme}\" appears twice";
    /// No theme.
    no_themes() "must list at least one theme";
    /// A measure declared twice.
    measure_twice(measure: String) "measure \"{measure}\" appears twice";
    /// A theme the inline framework does not have.
    not_theme_here(theme: String) "\"{theme}\" is not a theme of this framework";
    /// A measure the inline framework does not have.
    not_measure_here(measure: String) "\"{measure}\" is not a measure of this framework";
    /// A value too large after conversion.
    too_large_converted() "is too large once converted to the framework's price year";
    /// A price year without a deflator.
    no_deflator(release: String, first: i64, last: i64) "has no GDP deflator: Socval's series ({release}) covers {first} to {last}, and every value is converted to the framework's price year with it";
    /// A lasting outcome's years out of range.
    benefit_years() "must be from 1 to 10 years";
    /// A duration or drop-off on an output.
    output_lasting() "only an outcome that lasts may have a duration or drop-off; this measure is an output counted in its own year (set the measure's kind to \"outcome\" if what it counts outlasts the activity)";
    /// An area with no rule.
    no_area_rule() "must define the area by districts, postcode areas, outward codes or a radius";
    /// Not a district code.
    not_district(code: String) "\"{code}\" is not a local authority district code (a letter and eight digits, e.g. E07000041)";
    /// A district no outward code lies mostly in.
    empty_district(code: String) "\"{code}\" is not the main district of any outward code in the ONS table, so no postcode would count as in it; check the code (ONS LAD25)";
    /// Not a postcode area.
    not_postcode_area(area: String) "\"{area}\" is not a postcode area (one or two letters, e.g. EX)";
    /// Not an outward code.
    not_outward_code(code: String) "\"{code}\" is not an outward code (e.g. EX1)";
    /// A radius out of range.
    radius() "must be more than 0 and at most 1000 miles";
    /// A radius centre that is not a postcode.
    not_centre(postcode: String) "\"{postcode}\" is not a UK postcode or outward code";
    /// A grid reference out of range.
    grid() "easting must be 0 to 800000 and northing 0 to 1300000 (OSGB36 metres)";
    /// No centre.
    no_centre() "must give either a postcode, or both easting and northing";
    /// A weighting out of range.
    weighting() "must be more than 0 and at most 100 (percent of the whole tender evaluation)";
    /// A benchmark of zero.
    benchmark_zero() "the benchmark must be more than zero";
    /// Two benchmarks, or none.
    one_benchmark() "give exactly one of benchmark_value and benchmark_ratio_percent";
    /// No band.
    no_bands() "must list at least one band";
    /// No criterion.
    no_criteria() "must list at least one criterion";
    /// A criterion declared twice.
    criterion_declared_twice(criterion: String) "criterion \"{criterion}\" appears twice";
    /// A criterion's weight out of range.
    criterion_weight() "must be more than 0 and at most 1000";
    /// Re-spend rates out of order.
    respend_order() "must have low ≤ central ≤ high";
    /// A translation's language code that is not one.
    language_code() "must be a language's code in lower case, such as \"cy\" for Welsh";
}

/// Line `n` of one of a catalogue's strings.
pub(crate) fn line(text: &'static str, n: usize) -> &'static str {
    text.lines().nth(n).unwrap_or_default()
}

impl<K: Catalogue> Message<K> {
    /// The key as the catalogues write it.
    pub fn key_name(&self) -> &'static str {
        self.key.name()
    }

    /// The parameters, by name.
    pub fn args(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        self.key.params().split_terminator(',').zip(&self.values)
    }

    /// The message in a language: its `template` from that language's
    /// catalogue, its `plural` rule, and its words for an unnamed area.
    pub fn words(&self, template: &str, plural: fn(i64) -> usize, unnamed_area: &str) -> String {
        fill(
            template,
            self.key.params(),
            &self.values,
            plural,
            unnamed_area,
        )
    }
}

impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg::text(text)
    }
}

impl From<&str> for Msg {
    fn from(text: &str) -> Msg {
        Msg::text(text.into())
    }
}

impl fmt::Display for Msg {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(self.key.english(), english_plural, UNNAMED_AREA))
    }
}

/// English's plural rule: the first form for one, the second for any other count.
pub fn english_plural(n: i64) -> usize {
    usize::from(n != 1)
}

/// Welsh's plural rule, as Unicode CLDR gives it (`plurals.xml`): forms in
/// the order zero, one, two, few (3), many (6), other.
pub fn welsh_plural(n: i64) -> usize {
    match n {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        6 => 4,
        _ => 5,
    }
}

/// Writes a template out: `{name}` becomes the parameter's text, and
/// `{name:form|form|…}` the form the language's `plural` rule picks for
/// that count. A name with no parameter is left as it is, braces and all,
/// so a mistake in a catalogue shows rather than vanishing.
pub fn fill(
    template: &str,
    names: &str,
    values: &[Value],
    plural: fn(i64) -> usize,
    unnamed_area: &str,
) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else {
            out.push_str(rest.get(open..).unwrap_or_default());
            return out;
        };
        let inner = after.get(..close).unwrap_or_default();
        let (name, forms) = inner
            .split_once(':')
            .map_or((inner, None), |(n, f)| (n, Some(f)));
        let value = names
            .split_terminator(',')
            .position(|k| k == name)
            .and_then(|i| values.get(i));
        match (value, forms) {
            (Some(Value::Int(n)), Some(forms)) => {
                // The form the rule picks, else the last there is.
                let form = forms.split('|').take(plural(*n).saturating_add(1)).last();
                out.push_str(form.unwrap_or_default());
            }
            (Some(v), None) => write_value(&mut out, v, unnamed_area),
            _ => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn write_value(out: &mut String, v: &Value, unnamed_area: &str) {
    use fmt::Write as _;
    let _ = match v {
        Value::Text(s) => {
            out.push_str(s);
            Ok(())
        }
        Value::Area(s) => {
            let s = s.trim();
            out.push_str(if s.is_empty() { unnamed_area } else { s });
            Ok(())
        }
        Value::Money(m) => write!(out, "{m}"),
        Value::Number(d) => write!(out, "{d}"),
        Value::Int(n) => write!(out, "{n}"),
    };
}

impl serde::Serialize for Msg {
    /// The parameters as a JSON object (money and numbers as numbers).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_params(self, s)
    }
}

/// A message's parameters as a JSON object (money and numbers as numbers).
pub(crate) fn serialize_params<K: Catalogue, S: serde::Serializer>(
    m: &Message<K>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(m.values.len()))?;
    for (k, v) in m.args() {
        match v {
            Value::Text(t) | Value::Area(t) => map.serialize_entry(k, t)?,
            Value::Money(m) => map.serialize_entry(k, m)?,
            Value::Number(d) => map.serialize_entry(k, d)?,
            Value::Int(n) => map.serialize_entry(k, n)?,
        }
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_once_in_the_catalogue_and_every_parameter_in_its_template() {
        let mut keys: Vec<&str> = catalogue().map(|e| e.key).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "a key is declared twice");
        for e in catalogue() {
            for name in e.params() {
                let used = e.english.contains(&format!("{{{name}}}"))
                    || e.english.contains(&format!("{{{name}:"));
                // Ids travel beside titles, for a catalogue that words titles itself.
                let id = ["measure", "theme", "other", "criterion"].contains(&name);
                assert!(used || id, "{} has no {{{name}}}", e.key);
            }
        }
        assert_eq!(Key::outside_area.name(), "outside_area");
        assert_eq!(Key::huge_total.name(), "huge_total");
        assert_eq!(Key::negative.params(), "");
        assert_eq!(Key::text.params(), "text,");
        assert_eq!(catalogue().count(), Key::language_code as usize + 1);
        // One line per message in each of the three strings: a newline in
        // a template would shift every later message's words.
        let lines = |t: &str| t.matches('\n').count();
        assert_eq!(lines(KEYS), Key::language_code as usize + 1);
        assert_eq!(lines(PARAMS), lines(KEYS));
        assert_eq!(lines(ENGLISH), lines(KEYS));
        assert!(!ENGLISH.contains('\r'));
        let outside = Msg::outside_area(
            "PL1 1AA".into(),
            "jobs-local".into(),
            "Local jobs".into(),
            AreaName(String::new()),
        );
        assert_eq!(outside.key.name(), "outside_area");
        assert_eq!(
            outside.to_string(),
            "PL1 1AA is outside the local area; \"Local jobs\" counts only local delivery, so this commitment is left out of the totals"
        );
        assert_eq!(
            Msg::more_like_this(1, "commitments[4].postcode".into()).to_string(),
            "and 1 more warning like the one above, from commitments[4].postcode on"
        );
        assert_eq!(
            Msg::costly_jobs(
                Decimal::from_int(40),
                Money::from_pounds(1_000_000),
                Money::from_pounds(500_000)
            )
            .to_string(),
            "40 FTE-years would cost at least £1,000,000.00 at the National Living Wage, more than the contract value of £500,000.00"
        );
    }

    #[test]
    fn a_template_is_filled_with_plurals_and_leaves_unknown_names_showing() {
        let values = [Value::Int(3), Value::Text("Cyngor".into())];
        let t = fill(
            "{n} {n:rhybudd|rhybudd} gan {who} {missing} {",
            "n,who,",
            &values,
            english_plural,
            "",
        );
        assert_eq!(t, "3 rhybudd gan Cyngor {missing} {");
        let one = fill(
            "{n} {n:warning|warnings}",
            "n,",
            &[Value::Int(1)],
            english_plural,
            "",
        );
        assert_eq!(one, "1 warning");
    }
}
