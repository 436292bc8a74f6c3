//! A council's own texts in another language: its name and introduction,
//! its areas' names, its themes, measures, score bands and award criteria.
//!
//! Welsh councils must offer their services in Welsh (the Welsh Language
//! Standards, under the Welsh Language (Wales) Measure 2011), so a
//! configuration may give each text again under `translations`, by language
//! tag (`"cy"`). Only words change: the figures, ids and rules are the
//! configuration's own, so a translation can never change a result. A text
//! left out, or empty, stays as the configuration gives it.
//!
//! The widget's Welsh catalogue carries the built-in framework's titles in
//! the same form, applied before the council's own.

use serde::{Deserialize, Serialize};

use crate::config::ScoringMethod;
use crate::setup::Setup;

/// The texts of one language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The council's name, contact and introduction.
    #[serde(default, skip_serializing_if = "CouncilTexts::is_empty")]
    pub council: CouncilTexts,
    /// The local area's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub local_area: String,
    /// The priority areas' names, in the order the configuration gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priority_areas: Vec<String>,
    /// Themes by id: `title` and `help` (the theme's description).
    #[serde(default, skip_serializing_if = "Entries::is_empty")]
    pub themes: Entries<Texts>,
    /// Measures by id: `title` and `help`.
    #[serde(default, skip_serializing_if = "Entries::is_empty")]
    pub measures: Entries<Texts>,
    /// Award criteria by id: `title` and `help` (the guidance).
    #[serde(default, skip_serializing_if = "Entries::is_empty")]
    pub criteria: Entries<Texts>,
    /// The score bands' labels, in the order the configuration gives the bands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<String>,
}

/// A JSON object read as its entries in order, by id: a map type of its
/// own would compile a second copy of the map's code into the widget's
/// first module for a handful of texts looked up once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entries<T>(pub Vec<(String, T)>);

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<T> Entries<T> {
    /// The entry for `id`.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries in the order given.
    pub fn iter(&self) -> impl Iterator<Item = &(String, T)> {
        self.0.iter()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<String, T>()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

impl<T: Serialize> Serialize for Entries<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Entries<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::collections::BTreeMap::<String, T>::schema_name()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        std::collections::BTreeMap::<String, T>::json_schema(g)
    }
}

/// The council's own words in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CouncilTexts {
    /// The council's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Who suppliers contact with questions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// The sentence shown above the calculator.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
}

impl CouncilTexts {
    fn is_empty(&self) -> bool {
        self.name.is_empty() && self.contact.is_empty() && self.intro.is_empty()
    }
}

/// A title and its help text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// The title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The help, description or guidance under it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
}

impl Translation {
    /// Each text given, as the path it has in the configuration's JSON
    /// (`council.name`, `priority_areas.0`, `measures.jobs-local.title`) and
    /// the text, for [`Setup::translate_text`].
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out = vec![
            ("council.name".to_owned(), self.council.name.as_str()),
            ("council.contact".to_owned(), self.council.contact.as_str()),
            ("council.intro".to_owned(), self.council.intro.as_str()),
            ("local_area".to_owned(), self.local_area.as_str()),
        ];
        for (group, list) in [
            ("priority_areas", &self.priority_areas),
            ("bands", &self.bands),
        ] {
            for (i, t) in list.iter().enumerate() {
                out.push((format!("{group}.{i}"), t));
            }
        }
        for (group, list) in [
            ("themes", &self.themes),
            ("measures", &self.measures),
            ("criteria", &self.criteria),
        ] {
            for (id, x) in list.iter() {
                out.push((format!("{group}.{id}.title"), &x.title));
                out.push((format!("{group}.{id}.help"), &x.help));
            }
        }
        out
    }
}

impl Setup {
    /// The setup with its texts in language `lang`, where the
    /// configuration translates them; unchanged otherwise.
    #[cfg(feature = "translations")]
    #[must_use]
    pub fn localised(mut self, lang: &str) -> Setup {
        let primary = lang
            .split('-')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let translations = std::mem::take(&mut self.config.translations);
        if let Some(t) = translations.get(&primary) {
            for (path, text) in t.texts() {
                self.translate_text(&path, text);
            }
        }
        self.config.translations = translations;
        self
    }

    /// Puts `text` in place of the configuration's text at `path` (as
    /// [`Translation::texts`] names it), when it is given and the path
    /// names something the configuration has; true if it did. The widget
    /// calls this for each line of a language's texts.
    pub fn translate_text(&mut self, path: &str, text: &str) -> bool {
        if text.trim().is_empty() {
            return false;
        }
        let Some(slot) = self.text_at(path) else {
            return false;
        };
        text.clone_into(slot);
        true
    }

    /// The text at a translation's `path`.
    fn text_at(&mut self, path: &str) -> Option<&mut String> {
        let c = &mut self.config;
        let (group, rest) = path.split_once('.').unwrap_or((path, ""));
        let index = || rest.parse::<usize>().ok();
        // `themes.<id>.title`: the id may itself hold dots, the field not.
        let (id, field) = rest.rsplit_once('.').unwrap_or(("", ""));
        let help = match field {
            "title" => false,
            "help" => true,
            _ => {
                return match (group, rest) {
                    ("council", "name") => Some(&mut c.council.name),
                    ("council", "contact") => Some(&mut c.council.contact),
                    ("council", "intro") => Some(&mut c.council.intro),
                    ("local_area", "") => Some(&mut c.local_area.name),
                    ("priority_areas", _) => {
                        c.priority_areas.get_mut(index()?).map(|a| &mut a.name)
                    }
                    ("bands", _) => match &mut c.scoring.method {
                        ScoringMethod::RatioBands { bands } => {
                            bands.get_mut(index()?).map(|b| &mut b.label)
                        }
                        _ => None,
                    },
                    _ => None,
                };
            }
        };
        match group {
            "themes" => {
                let t = self.framework.themes.iter_mut().find(|t| t.id == id)?;
                Some(if help {
                    &mut t.description
                } else {
                    &mut t.title
                })
            }
            "measures" => {
                let m = self.framework.measures.iter_mut().find(|m| m.id == id)?;
                Some(if help { &mut m.help } else { &mut m.title })
            }
            "criteria" => match &mut c.scoring.method {
                ScoringMethod::SelfAssessment { criteria } => {
                    let k = criteria.iter_mut().find(|k| k.id == id)?;
                    Some(if help { &mut k.guidance } else { &mut k.title })
                }
                _ => None,
            },
            _ => None,
        }
    }
}

#[cfg(feature = "translations")]
/// Checks a configuration's translations: each language tag, each text's
/// length, and that every id and position names something the
/// configuration has. `measures` are the ids of the whole framework, so a
/// translation may cover measures a council does not offer yet.
pub(crate) fn check(
    c: &mut crate::issues::Collector,
    config: &crate::config::CouncilConfig,
    themes: &[&str],
    measures: &[&str],
) {
    use crate::issues::{IssueCode, limits};
    use crate::message::Msg;
    for (lang, t) in config.translations.iter() {
        let at = format!("translations.{lang}");
        let tag =
            lang.len() >= 2 && lang.len() <= 3 && lang.bytes().all(|b| b.is_ascii_lowercase());
        if !tag {
            c.push(at.as_str(), IssueCode::Unknown, Msg::language_code());
        }
        c.text(
            format!("{at}.council.name"),
            &t.council.name,
            limits::SHORT_TEXT,
            false,
        );
        c.text(
            format!("{at}.council.contact"),
            &t.council.contact,
            limits::SHORT_TEXT,
            false,
        );
        c.text(
            format!("{at}.council.intro"),
            &t.council.intro,
            limits::LONG_TEXT,
            false,
        );
        c.text(
            format!("{at}.local_area"),
            &t.local_area,
            limits::SHORT_TEXT,
            false,
        );
        let areas = config.priority_areas.len();
        c.list_len(
            format!("{at}.priority_areas"),
            t.priority_areas.len(),
            areas,
        );
        let bands = match &config.scoring.method {
            ScoringMethod::RatioBands { bands } => bands.len(),
            _ => 0,
        };
        c.list_len(format!("{at}.bands"), t.bands.len(), bands);
        let criteria: Vec<&str> = match &config.scoring.method {
            ScoringMethod::SelfAssessment { criteria } => {
                criteria.iter().map(|k| k.id.as_str()).collect()
            }
            _ => Vec::new(),
        };
        for (i, name) in t.priority_areas.iter().enumerate() {
            c.text(
                format!("{at}.priority_areas[{i}]"),
                name,
                limits::SHORT_TEXT,
                false,
            );
        }
        for (i, label) in t.bands.iter().enumerate() {
            c.text(format!("{at}.bands[{i}]"), label, limits::SHORT_TEXT, false);
        }
        let groups = [
            ("themes", &t.themes, themes),
            ("measures", &t.measures, measures),
            ("criteria", &t.criteria, criteria.as_slice()),
        ];
        for (group, texts, known) in groups {
            for (id, x) in texts.iter() {
                let path = format!("{at}.{group}.{id}");
                if !known.contains(&id.as_str()) {
                    let what = match group {
                        "themes" => Msg::unknown_theme(id.clone()),
                        "measures" => Msg::not_measure_here(id.clone()),
                        _ => Msg::unknown_criterion(id.clone()),
                    };
                    c.push(path.as_str(), IssueCode::Unknown, what);
                }
                c.text(format!("{path}.title"), &x.title, limits::SHORT_TEXT, false);
                c.text(format!("{path}.help"), &x.help, limits::LONG_TEXT, false);
            }
        }
    }
}
