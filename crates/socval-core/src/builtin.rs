//! Frameworks shipped with Socval.
//!
//! **Socval Open** covers what councils most often ask for, and values a
//! measure only where an openly licensed figure exists. The National TOMs
//! and HACT values are CC BY-NC-ND and must not be bundled, so a council that
//! holds a licence loads them itself as an inline framework. Every other
//! measure is record-only: it is counted and shown, but adds nothing to the
//! totals, rather than carrying an invented number.
//!
//! Built in code rather than parsed from JSON so the widget pays no parsing
//! cost; `socval frameworks` prints it as JSON.

use crate::adjustments::Adjustments;
use crate::fixed::Decimal;
use crate::framework::{Framework, Measure, Provenance, Proxy, Theme, Unit};

/// Id of the open starter framework.
pub const SOCVAL_OPEN: &str = "socval-open";

/// Ids of every built-in framework.
pub fn ids() -> Vec<&'static str> {
    vec![SOCVAL_OPEN]
}

/// A built-in framework by id.
pub fn framework(id: &str) -> Option<Framework> {
    (id == SOCVAL_OPEN).then(socval_open)
}

const OGL: &str = "OGL-UK-3.0";

fn theme(id: &str, title: &str, description: &str) -> Theme {
    Theme {
        id: id.into(),
        title: title.into(),
        description: description.into(),
    }
}

/// One measure of a built-in framework, as data: a table of these costs
/// the widget's first module less code than a constructor call for each.
struct Row {
    id: &'static str,
    theme: &'static str,
    title: &'static str,
    unit: Unit,
    help: &'static str,
    local_only: bool,
    excludes: &'static [&'static str],
    proxy: Option<fn() -> Proxy>,
    /// Discounted at the Green Book's health rate, not the standard one.
    health: bool,
}

impl Row {
    fn measure(&self) -> Measure {
        Measure {
            id: self.id.into(),
            theme: self.theme.into(),
            title: self.title.into(),
            help: self.help.into(),
            unit: self.unit,
            kind: crate::framework::Kind::Output,
            discount: if self.health {
                crate::discounting::Rate::Health
            } else {
                crate::discounting::Rate::Standard
            },
            proxy: self.proxy.map(|p| p()),
            local_only: self.local_only,
            first_year_only: false,
            excludes: self.excludes.iter().map(|x| (*x).into()).collect(),
            adjustments: Adjustments::default(),
        }
    }
}

fn national_living_wage() -> Proxy {
    Proxy {
        value: Decimal::from_micros(12_710_000),
        growth: None,
        source: Provenance {
            title: "National Minimum Wage and National Living Wage rates: National Living Wage (21 and over) from 1 April 2026".into(),
            publisher: "GOV.UK (Department for Business and Trade)".into(),
            url: "https://www.gov.uk/national-minimum-wage-rates".into(),
            price_year: 2026,
            licence: OGL.into(),
            note: "An hour volunteered is valued at what the same hour would cost to buy at the statutory adult minimum: a conservative replacement-cost value.".into(),
        },
    }
}

fn wellby() -> Proxy {
    Proxy {
        value: Decimal::from_int(13_000),
        growth: Some(crate::growth::Growth::GdpPerHead),
        source: Provenance {
            title: "Wellbeing guidance for appraisal: supplementary Green Book guidance (July 2021): value of one WELLBY".into(),
            publisher: "HM Treasury".into(),
            url: "https://www.gov.uk/government/publications/green-book-supplementary-guidance-wellbeing".into(),
            price_year: 2019,
            licence: OGL.into(),
            note: "Central value £13,000 per WELLBY in 2019 prices (range £10,000 to £16,000). Uprated as the guidance's Annex 2 says: by the GDP deflator and by real GDP per head to the power 1.3 (ONS IHXW, to the last outturn year). Discounted at the Green Book health rate, 1.5% (Annex 2).".into(),
        },
    }
}

fn carbon() -> Proxy {
    Proxy {
        value: Decimal::from_micros(268_970_000),
        growth: Some(crate::growth::Growth::CarbonDesnz2023),
        source: Provenance {
            title: "Valuation of energy use and greenhouse gas emissions for appraisal (November 2023), data tables, Table 3: carbon values, central series, 2024".into(),
            publisher: "Department for Energy Security and Net Zero".into(),
            url: "https://www.gov.uk/government/publications/valuation-of-energy-use-and-greenhouse-gas-emissions-for-appraisal".into(),
            price_year: 2022,
            licence: OGL.into(),
            note: "£268.97 per tCO2e is the central value for 2024 in 2022 prices (high series £403.45). The series rises each year (2030 central £294.50): a saving is valued at the figure for its year, converted to the framework's price year with the GDP deflator. Figures as bundled in the R package greenbook (inst/extdata/carbon_values.csv); check against the DESNZ workbook when updating.".into(),
        },
    }
}

fn face_value() -> Proxy {
    Proxy {
        value: Decimal::ONE,
        growth: None,
        source: Provenance {
            title: "Face value: a pound given is valued at one pound".into(),
            publisher: "Socval".into(),
            url: String::new(),
            price_year: 2026,
            licence: "No third-party figure".into(),
            note: "In-kind gifts at what they would cost to buy.".into(),
        },
    }
}

/// The measures of Socval Open, in order.
const MEASURES: &[Row] = &[
    Row {
        id: "jobs-local",
        theme: "jobs",
        title: "Local people employed on the contract",
        unit: Unit::FteYear,
        help: "Full-time-equivalent years of employment of people who live in the local area, on this contract. Count every contract year: 10 full-time and 5 half-time local staff for 2 years is 12.5 FTE each year, 25 FTE-years in all (tick \"each year\" and enter 12.5).",
        local_only: true,
        excludes: &[],
        proxy: None,
        health: false,
    },
    Row {
        id: "jobs-long-term-unemployed",
        theme: "jobs",
        title: "Long-term unemployed people into work",
        unit: Unit::Person,
        help: "People who were unemployed for a year or more before starting work on the contract. Count each person once, in their first year. A person may also count as local employment, but not under a second disadvantaged group.",
        local_only: false,
        excludes: &["jobs-disabled"],
        proxy: None,
        health: false,
    },
    Row {
        id: "jobs-disabled",
        theme: "jobs",
        title: "Disabled people into work",
        unit: Unit::Person,
        help: "Disabled people recruited to work on the contract. Count each person once, in their first year, and not also as long-term unemployed.",
        local_only: false,
        excludes: &["jobs-long-term-unemployed"],
        proxy: None,
        health: false,
    },
    Row {
        id: "skills-apprenticeships",
        theme: "jobs",
        title: "Apprenticeship weeks",
        unit: Unit::Week,
        help: "Weeks of apprenticeship (level 2 or above) on the contract, new or continuing. 2 apprentices for 52 weeks is 104 weeks.",
        local_only: false,
        excludes: &[],
        proxy: None,
        health: false,
    },
    Row {
        id: "skills-training",
        theme: "jobs",
        title: "Training weeks",
        unit: Unit::Week,
        help: "Weeks of accredited training (level 2 or above) completed by staff or local people.",
        local_only: false,
        excludes: &[],
        proxy: None,
        health: false,
    },
    Row {
        id: "skills-placements",
        theme: "jobs",
        title: "Work placements and tasters",
        unit: Unit::Week,
        help: "Weeks of work placement, internship or taster experience, paid or unpaid, for people not in work or education.",
        local_only: false,
        excludes: &[],
        proxy: None,
        health: false,
    },
    Row {
        id: "skills-schools",
        theme: "jobs",
        title: "School and college engagement hours",
        unit: Unit::Hour,
        help: "Hours staff spend with schools and colleges: STEM sessions, careers talks, mock interviews. Count each member of staff's hours.",
        local_only: false,
        excludes: &[],
        proxy: None,
        health: false,
    },
    Row {
        id: "spend-local-sme",
        theme: "economy",
        title: "Spend with local SMEs",
        unit: Unit::Pound,
        help: "Pounds spent through the contract with small and medium-sized enterprises in the local area. Do not count the same spend again under VCSEs.",
        local_only: true,
        excludes: &["spend-vcse"],
        proxy: None,
        health: false,
    },
    Row {
        id: "spend-vcse",
        theme: "economy",
        title: "Spend with VCSEs and social enterprises",
        unit: Unit::Pound,
        help: "Pounds spent through the contract with voluntary, community and social enterprise organisations, local or not (for example a social enterprise fabricating off site).",
        local_only: false,
        excludes: &["spend-local-sme"],
        proxy: None,
        health: false,
    },
    Row {
        id: "community-volunteering",
        theme: "community",
        title: "Staff volunteering hours",
        unit: Unit::Hour,
        help: "Paid staff time given to local community projects. Do not also count these hours as an in-kind donation.",
        local_only: false,
        excludes: &[],
        proxy: Some(national_living_wage),
        health: false,
    },
    Row {
        id: "community-donations",
        theme: "community",
        title: "Donations in cash or kind",
        unit: Unit::Pound,
        help: "Money, equipment or materials given to local community projects and charities, at what they cost.",
        local_only: false,
        excludes: &[],
        proxy: Some(face_value),
        health: false,
    },
    Row {
        id: "community-wellbeing",
        theme: "community",
        title: "Wellbeing improvement (WELLBYs)",
        unit: Unit::Wellby,
        help: "Only with evidence from a validated life-satisfaction measure (the ONS question on a 0 to 10 scale): one WELLBY is one point of life satisfaction for one person for one year.",
        local_only: false,
        excludes: &[],
        proxy: Some(wellby),
        health: true,
    },
    Row {
        id: "environment-carbon",
        theme: "environment",
        title: "Carbon emissions saved",
        unit: Unit::Tco2e,
        help: "Tonnes of carbon dioxide equivalent saved against a stated baseline, over the contract, with the method and evidence you will report.",
        local_only: false,
        excludes: &[],
        proxy: Some(carbon),
        health: false,
    },
    Row {
        id: "environment-waste",
        theme: "environment",
        title: "Waste diverted from landfill",
        unit: Unit::Tonne,
        help: "Tonnes of waste reused, recycled or recovered instead of going to landfill.",
        local_only: false,
        excludes: &[],
        proxy: None,
        health: false,
    },
];

/// The open starter framework.
pub fn socval_open() -> Framework {
    let mut m: Vec<Measure> = MEASURES.iter().map(Row::measure).collect();
    // Record-only measures carry no proxy; their help says so in the widget.
    for x in &mut m {
        x.help = x.help.trim().to_string();
    }
    Framework {
        id: SOCVAL_OPEN.into(),
        name: "Socval Open".into(),
        version: "2026.1".into(),
        currency: "GBP".into(),
        price_year: 2026,
        description: "An open starter set of social value measures. Values come only from openly licensed UK government sources, each with its own price year; measures with no open value are record-only. Councils that hold a licence for other values (such as the National TOMs) load them as their own framework.".into(),
        licence: "Measure texts: MIT OR Apache-2.0 (Socval). Values: OGL-UK-3.0, per source.".into(),
        themes: vec![
            theme("jobs", "Jobs and skills", "Local employment, people facing barriers to work, apprenticeships, training and engagement with schools."),
            theme("economy", "Local economy", "Spend with local small businesses and with the voluntary, community and social enterprise sector."),
            theme("community", "Communities", "Volunteering, donations and wellbeing."),
            theme("environment", "Environment", "Carbon saved and waste kept out of landfill."),
        ],
        measures: m,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issues::Collector;

    #[test]
    fn socval_open_passes_its_own_rules() {
        let mut c = Collector::default();
        crate::setup::check_framework(&mut c, "framework", &socval_open());
        assert!(c.issues.is_empty(), "{:?}", c.issues);
    }

    #[test]
    fn every_value_is_openly_licensed_and_dated() {
        for m in socval_open().measures {
            if let Some(p) = m.proxy {
                assert!(
                    p.source.licence == OGL || p.source.licence == "No third-party figure",
                    "{}",
                    m.id
                );
                assert!(
                    !p.source.title.is_empty() && !p.source.publisher.is_empty(),
                    "{}",
                    m.id
                );
                assert!(!p.source.licence.contains("NC"), "{}", m.id);
            }
        }
    }
}
