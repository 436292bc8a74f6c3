//! A council's configuration: which measures it offers, what "local" means to
//! it, and how it scores and discounts. Councils publish this as JSON beside
//! the widget.

use serde::{Deserialize, Serialize};

use crate::adjustments::Adjustments;
use crate::discounting::DiscountSettings;
use crate::fixed::{Decimal, Money};
use crate::framework::{Framework, Proxy};
use crate::local_area::Area;

/// The current version of the configuration format.
pub const CONFIG_SCHEMA_VERSION: u32 = 1;

/// Everything a council decides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CouncilConfig {
    /// Format version; must be 1.
    pub schema_version: u32,
    /// Who the council is and how suppliers reach it.
    pub council: Council,
    /// The measure set: a built-in one by id, or the council's own inline.
    pub framework: FrameworkChoice,
    /// The measures offered, with any overridden values; all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<Vec<MeasureChoice>>,
    /// What counts as local.
    pub local_area: Area,
    /// Areas outside the local area whose spend also counts (e.g. deprived areas).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priority_areas: Vec<Area>,
    /// How much the council cares about each theme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub theme_priorities: Vec<ThemePriority>,
    /// The social value the council hopes for, as a percentage of contract
    /// value (e.g. 10). Not the same as the evaluation weighting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_ratio_percent: Option<Decimal>,
    /// A target that changes by date: the step with the latest `from_year`
    /// in or before the contract's start year applies (otherwise
    /// `target_ratio_percent`). See [`crate::rules`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_steps: Vec<crate::rules::TargetStep>,
    /// Below this contract value the council does not score social value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_contract_value: Option<Money>,
    /// Theme ids in each of which a proposal must make at least one commitment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_themes: Vec<String>,
    /// How the indicative tender score is worked out.
    pub scoring: ScoringSettings,
    /// What happens when a proposal claims both measures of a pair the
    /// framework excludes from double counting (see [`crate::double_counting`]).
    #[serde(default, skip_serializing_if = "is_default")]
    pub double_counting: crate::double_counting::Policy,
    /// Whether SROI adjustments apply.
    #[serde(default)]
    pub adjustments: AdjustmentSettings,
    /// How future value is discounted.
    #[serde(default)]
    pub discounting: DiscountSettings,
    /// LM3 default re-spend rates, for suppliers without survey data.
    #[serde(default)]
    pub lm3: Lm3Settings,
    /// The council's texts in other languages, by language code: `"cy"`
    /// for Welsh. Words only: nothing here changes a figure; a text left
    /// out stays as the configuration gives it.
    #[cfg(feature = "translations")]
    #[serde(default, skip_serializing_if = "crate::translation::Entries::is_empty")]
    pub translations: crate::translation::Entries<crate::translation::Translation>,
    /// Red, amber and green for delivery against commitments, after award.
    #[cfg(feature = "delivery")]
    #[serde(default)]
    pub delivery: crate::delivery::DeliverySettings,
    /// The buyers sharing this framework, each with its own area and
    /// priorities, the rest common (see [`crate::partnership`]).
    #[cfg(feature = "partnership")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commissioners: Vec<crate::partnership::Commissioner>,
}

/// Display details of the council.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// The council's name.
    pub name: String,
    /// Who suppliers contact with questions (email or phone).
    #[serde(default)]
    pub contact: String,
    /// A page about the council's social value policy.
    #[serde(default)]
    pub policy_url: String,
    /// A sentence shown above the calculator.
    #[serde(default)]
    pub intro: String,
}

/// A built-in framework by id, or one the council supplies itself (for
/// example a licensed measure set it holds the licence for).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum FrameworkChoice {
    /// The id of a framework shipped with Socval, e.g. `socval-open`.
    Builtin(String),
    /// A whole framework.
    Inline(Box<Framework>),
}

/// Read by hand, as an object with one key, as the derived reader did: its
/// enum machinery cost the widget's first module more than this map does.
impl<'de> Deserialize<'de> for FrameworkChoice {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Choice;
        impl<'de> serde::de::Visitor<'de> for Choice {
            type Value = FrameworkChoice;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object with one key, `builtin` or `inline`")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                use serde::de::Error;
                let key: String = map
                    .next_key()?
                    .ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let choice = match key.as_str() {
                    "builtin" => FrameworkChoice::Builtin(map.next_value()?),
                    "inline" => FrameworkChoice::Inline(map.next_value()?),
                    other => return Err(A::Error::unknown_variant(other, &["builtin", "inline"])),
                };
                if map.next_key::<String>()?.is_some() {
                    return Err(A::Error::invalid_length(2, &self));
                }
                Ok(choice)
            }
        }
        d.deserialize_map(Choice)
    }
}

/// One offered measure, with the council's overrides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeasureChoice {
    /// The measure id.
    pub id: String,
    /// A value the council uses instead of the framework's, with its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<Proxy>,
    /// Adjustments that replace the framework's defaults.
    #[serde(default, skip_serializing_if = "is_default")]
    pub adjustments: Adjustments,
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// A theme's importance to the council.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ThemePriority {
    /// Theme id.
    pub theme: String,
    /// How much it matters.
    pub priority: Priority,
}

/// Importance levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// A council priority: bids should commit here.
    High,
    /// Welcome.
    Medium,
    /// Lower priority.
    Low,
}

crate::names::named!(Priority {
    "high" => High,
    "medium" => Medium,
    "low" => Low,
});

/// Which social value figure the ratio and the score use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ValueBasis {
    /// Quantity × proxy, no adjustment.
    Gross,
    /// After deadweight, displacement, attribution and drop-off.
    #[default]
    Adjusted,
    /// Adjusted and discounted.
    PresentValue,
}

crate::names::named!(ValueBasis {
    "gross" => Gross,
    "adjusted" => Adjusted,
    "present_value" => PresentValue,
});

/// The evaluation: how much social value weighs in the tender, and how a bid's
/// social value turns into marks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoringSettings {
    /// Share of the whole tender evaluation given to social value, in percent
    /// (PPN 06/20 and PPN 002 require at least 10 for central government).
    pub weighting_percent: Decimal,
    /// The figure the ratio and the score use.
    #[serde(default)]
    pub basis: ValueBasis,
    /// How marks are given.
    pub method: ScoringMethod,
}

/// How a bid's social value becomes a score out of 100.
///
/// Read by hand ([`MethodFields`]), not by serde's derive: an internally
/// tagged enum is read by buffering the object into serde's private
/// `Content` and reading every field type a second time from it, which
/// cost the widget's first module about 19 kB of wasm for one small object.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum ScoringMethod {
    /// Score in proportion to a benchmark, full marks at or above it. Give
    /// exactly one of `benchmark_value` and `benchmark_ratio_percent`.
    Proportional {
        /// A social value in pounds that earns full marks.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        benchmark_value: Option<Money>,
        /// A social value ratio (percent of contract value) that earns full marks.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        benchmark_ratio_percent: Option<Decimal>,
    },
    /// Bands on the social value ratio: the highest band reached gives the score.
    RatioBands {
        /// Bands, any order.
        bands: Vec<Band>,
    },
    /// The supplier scores itself 0–100 against each award criterion; the
    /// score is the weighted mean.
    SelfAssessment {
        /// The council's award criteria.
        criteria: Vec<Criterion>,
    },
}

/// A scoring method's object as written: its kind and every field any kind
/// may have, each checked against the kind by [`ScoringMethod`]'s reader.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MethodFields {
    kind: MethodKind,
    // A null counts as not given (serde's `Option`): a null for another
    // kind's field is let pass, since it carries nothing; reading presence
    // instead cost the widget's first module 0.2 kB gzip.
    #[serde(default)]
    benchmark_value: Option<Money>,
    #[serde(default)]
    benchmark_ratio_percent: Option<Decimal>,
    #[serde(default)]
    bands: Option<Vec<Band>>,
    #[serde(default)]
    criteria: Option<Vec<Criterion>>,
}

/// The `kind` of a scoring method.
#[derive(Clone, Copy)]
enum MethodKind {
    Proportional,
    RatioBands,
    SelfAssessment,
}

crate::names::named!(MethodKind {
    "proportional" => Proportional,
    "ratio_bands" => RatioBands,
    "self_assessment" => SelfAssessment,
});

impl<'de> Deserialize<'de> for ScoringMethod {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let f = MethodFields::deserialize(d)?;
        let (kind, allowed): (&str, &[&str]) = match f.kind {
            MethodKind::Proportional => (
                "proportional",
                &["benchmark_value", "benchmark_ratio_percent"],
            ),
            MethodKind::RatioBands => ("ratio_bands", &["bands"]),
            MethodKind::SelfAssessment => ("self_assessment", &["criteria"]),
        };
        let given = [
            ("benchmark_value", f.benchmark_value.is_some()),
            (
                "benchmark_ratio_percent",
                f.benchmark_ratio_percent.is_some(),
            ),
            ("bands", f.bands.is_some()),
            ("criteria", f.criteria.is_some()),
        ];
        // As the derived reader refused them: a field of another kind.
        if let Some((name, _)) = given.iter().find(|(n, g)| *g && !allowed.contains(n)) {
            return Err(D::Error::custom(format_args!(
                "unknown field `{name}` for kind `{kind}`, expected {}",
                allowed.join(" or ")
            )));
        }
        Ok(match f.kind {
            MethodKind::Proportional => ScoringMethod::Proportional {
                benchmark_value: f.benchmark_value,
                benchmark_ratio_percent: f.benchmark_ratio_percent,
            },
            MethodKind::RatioBands => ScoringMethod::RatioBands {
                bands: f.bands.ok_or_else(|| D::Error::missing_field("bands"))?,
            },
            MethodKind::SelfAssessment => ScoringMethod::SelfAssessment {
                criteria: f
                    .criteria
                    .ok_or_else(|| D::Error::missing_field("criteria"))?,
            },
        })
    }
}

/// One band of a ratio-band method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest social value ratio (percent) that reaches this band.
    pub min_ratio_percent: Decimal,
    /// The score (0–100) this band gives.
    pub score_percent: Decimal,
    /// A label such as "Good".
    #[serde(default)]
    pub label: String,
}

/// One award criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Identifier, referenced by the proposal's self-assessment.
    pub id: String,
    /// The criterion as the council words it.
    pub title: String,
    /// Its weight within the social value score (weights need not add to 100).
    pub weight: Decimal,
    /// What a strong answer looks like.
    #[serde(default)]
    pub guidance: String,
}

/// Council-wide switches for SROI adjustments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdjustmentSettings {
    /// When false, adjusted value equals gross value.
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

impl Default for AdjustmentSettings {
    fn default() -> Self {
        AdjustmentSettings { enabled: true }
    }
}

/// LM3 settings: what recipients of local spend are assumed to re-spend
/// locally when the supplier has no survey of its own, and whether spend
/// may be given as totals. Each field may be left out (its default).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Lm3Settings {
    /// Local staff's local re-spend of their wages.
    pub staff_respend: RespendRates,
    /// Local suppliers' local re-spend of what they are paid.
    pub supplier_respend: RespendRates,
    /// Whether a supplier may give wages or supplier spend as a total and a
    /// local share instead of lines with postcodes. Off unless the council
    /// turns it on: the share is the supplier's own statement, not placed by
    /// the local area's rules, so it is the council's choice to accept it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub totals_allowed: bool,
}

/// Low, central and high re-spend rates in percent, with their source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RespendRates {
    /// Low assumption, percent.
    pub low_percent: Decimal,
    /// Central assumption, percent.
    pub central_percent: Decimal,
    /// High assumption, percent.
    pub high_percent: Decimal,
    /// Where the rates come from.
    pub source: String,
}

impl Default for Lm3Settings {
    /// Illustrative defaults, each from a published NEF figure.
    ///
    /// Staff: NEF's *Plugging the Leaks* averaging worksheet
    /// (`plm_averaging_surveys.xls`): five staff surveys of 42.1%, 50.5%,
    /// 63.1%, 37.8% and 33.6% local re-spend, mean 45.4%; low and high are the
    /// lowest and highest of the five.
    ///
    /// Suppliers: NEF for Northumberland County Council (2005): local suppliers
    /// re-spent 76% of their income locally, non-local suppliers 36%. The low
    /// case takes the non-local figure as a floor; no published figure gives a
    /// higher one, so high equals central rather than an invented number.
    fn default() -> Self {
        Lm3Settings {
            staff_respend: RespendRates {
                low_percent: Decimal::from_micros(33_600_000),
                central_percent: Decimal::from_micros(45_400_000),
                high_percent: Decimal::from_micros(63_100_000),
                source: "NEF, Plugging the Leaks averaging worksheet (plm_averaging_surveys.xls): mean of five staff surveys 45.4%, range 33.6% to 63.1%. Illustrative.".into(),
            },
            supplier_respend: RespendRates {
                low_percent: Decimal::from_int(36),
                central_percent: Decimal::from_int(76),
                high_percent: Decimal::from_int(76),
                source: "NEF for Northumberland County Council (2005): local suppliers re-spent 76% locally, non-local suppliers 36%. Illustrative.".into(),
            },
            totals_allowed: false,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // Tests may panic: that is how they fail.
mod tests {
    use super::ScoringMethod;

    fn read(json: &str) -> Result<ScoringMethod, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_framework_is_chosen_by_one_key() {
        use super::FrameworkChoice;
        let read =
            |json: &str| serde_json::from_str::<FrameworkChoice>(json).map_err(|e| e.to_string());
        assert_eq!(
            read(r#"{"builtin": "socval-open"}"#).unwrap(),
            FrameworkChoice::Builtin("socval-open".into())
        );
        let open = crate::builtin::socval_open();
        let inline =
            serde_json::to_string(&FrameworkChoice::Inline(Box::new(open.clone()))).unwrap();
        assert_eq!(
            read(&inline).unwrap(),
            FrameworkChoice::Inline(Box::new(open))
        );
        assert!(
            read(r#"{"named": "x"}"#)
                .unwrap_err()
                .contains("unknown variant `named`, expected `builtin` or `inline`")
        );
        assert!(
            read(r#"{"builtin": "a", "inline": {}}"#).is_err(),
            "one key only"
        );
        assert!(read("{}").is_err());
        assert!(read(r#""socval-open""#).is_err());
        assert!(read(r#"{"builtin": 3}"#).is_err());
    }

    #[test]
    fn lm3_settings_may_give_only_the_switch() {
        // The README's snippet: the re-spend rates keep their defaults.
        let s: super::Lm3Settings = serde_json::from_str(r#"{"totals_allowed": true}"#).unwrap();
        assert!(s.totals_allowed);
        assert_eq!(s.staff_respend, super::Lm3Settings::default().staff_respend);
        let off: super::Lm3Settings = serde_json::from_str("{}").unwrap();
        assert!(!off.totals_allowed, "off unless the council turns it on");
    }

    #[test]
    fn scoring_methods_read_as_the_derived_reader_did() {
        let p = read(r#"{"kind":"proportional","benchmark_ratio_percent":20}"#).unwrap();
        assert!(matches!(
            p,
            ScoringMethod::Proportional {
                benchmark_value: None,
                benchmark_ratio_percent: Some(_)
            }
        ));
        let b =
            read(r#"{"kind":"ratio_bands","bands":[{"min_ratio_percent":5,"score_percent":50}]}"#)
                .unwrap();
        assert!(matches!(&b, ScoringMethod::RatioBands { bands } if bands.len() == 1));
        let s = read(r#"{"kind":"self_assessment","criteria":[]}"#).unwrap();
        assert!(matches!(&s, ScoringMethod::SelfAssessment { criteria } if criteria.is_empty()));
        // What serializes reads back.
        let text = serde_json::to_string(&b).unwrap();
        assert_eq!(read(&text).unwrap(), b);
    }

    #[test]
    fn a_field_of_another_kind_or_none_is_refused() {
        let e = read(r#"{"kind":"proportional","bands":[]}"#).unwrap_err();
        assert!(
            e.contains("unknown field `bands` for kind `proportional`"),
            "{e}"
        );
        let e = read(r#"{"kind":"ratio_bands"}"#).unwrap_err();
        assert!(e.contains("missing field `bands`"), "{e}");
        let e = read(r#"{"kind":"ratio_bands","bands":[],"colour":1}"#).unwrap_err();
        assert!(e.contains("unknown field `colour`"), "{e}");
        let e = read(r#"{"kind":"lottery"}"#).unwrap_err();
        assert!(e.contains("unknown variant `lottery`"), "{e}");
        let e = read(r#"{"benchmark_value":1}"#).unwrap_err();
        assert!(e.contains("missing field `kind`"), "{e}");
        // A null is "not given": the method's own list is then missing, and
        // another kind's field carries nothing (let pass, unlike the derived
        // reader; see `MethodFields`).
        let e = read(r#"{"kind":"ratio_bands","bands":null}"#).unwrap_err();
        assert!(e.contains("missing field `bands`"), "{e}");
        let b = read(r#"{"kind":"ratio_bands","bands":[],"benchmark_value":null}"#).unwrap();
        assert!(matches!(b, ScoringMethod::RatioBands { .. }));
        // Null is "not given" for the proportional method's own optional fields.
        let p =
            read(r#"{"kind":"proportional","benchmark_value":null,"benchmark_ratio_percent":20}"#)
                .unwrap();
        assert!(matches!(
            p,
            ScoringMethod::Proportional {
                benchmark_value: None,
                benchmark_ratio_percent: Some(_)
            }
        ));
    }
}
