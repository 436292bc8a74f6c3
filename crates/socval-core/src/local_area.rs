//! What "local" means for one council, and whether a postcode is in it.
//!
//! Councils define local differently (domain research §1.4, §6.1): Essex by
//! its county boundary, Torbay by its postcodes, contractors by a radius such
//! as "within 20 miles". An [`Area`] accepts any mix; a postcode is in the
//! area when it matches any one rule. A council may also name priority areas
//! (for example deprived areas, or a social enterprise's site outside the
//! boundary) whose spend counts as well, and is reported apart.

use serde::{Deserialize, Serialize};

use crate::fixed::Decimal;
use crate::outcodes::OutcodeTable;
use crate::postcode::Postcode;

/// Metres in a mile, exactly (international mile).
const METRES_PER_MILE_MILLI: i128 = 1_609_344;

/// A set of places defined by district codes, postcode areas, outward codes
/// and/or a radius.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Display name, e.g. "Exampleshire".
    #[serde(default)]
    pub name: String,
    /// Local authority district codes (ONS LAD25, e.g. `E07000041`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<String>,
    /// Postcode areas: the leading letters, e.g. `EX`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub postcode_areas: Vec<String>,
    /// Outward codes (postcode districts), e.g. `EX1`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outward_codes: Vec<String>,
    /// Everything within a distance of a centre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius: Option<Radius>,
}

/// A circle: everything whose outward-code centre lies within `miles` of `centre`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Radius {
    /// The distance, in miles.
    pub miles: Decimal,
    /// The centre: a postcode, or a grid reference.
    pub centre: Centre,
}

/// The centre of a radius.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Centre {
    /// A postcode or outward code; its outward code's centre is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// OSGB36 easting in metres (with `northing`, instead of a postcode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easting: Option<i64>,
    /// OSGB36 northing in metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub northing: Option<i64>,
}

/// Where a postcode lies relative to a council's areas.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind", content = "area")]
pub enum Place {
    /// Inside the council's local area.
    Local,
    /// Outside it, but in the named priority area.
    Priority(String),
    /// Neither.
    NotLocal,
}

impl Place {
    /// Whether spend here counts toward local spend and LM3.
    pub fn counts(&self) -> bool {
        !matches!(self, Place::NotLocal)
    }
}

/// Why a place could not be decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AreaError {
    /// The outward code is not in the outward-code table.
    UnknownOutcode(String),
    /// The rules need the outward-code table and none was given.
    NoTable,
}

impl Area {
    /// Whether the rules need the outward-code table (districts or a radius).
    pub fn needs_table(&self) -> bool {
        !self.districts.is_empty() || self.radius.is_some()
    }

    /// Whether the area has no rule at all.
    pub fn is_empty(&self) -> bool {
        self.districts.is_empty()
            && self.postcode_areas.is_empty()
            && self.outward_codes.is_empty()
            && self.radius.is_none()
    }

    /// Whether `postcode` is inside this area.
    pub fn contains(
        &self,
        postcode: &Postcode,
        table: Option<&OutcodeTable>,
    ) -> Result<bool, AreaError> {
        let found = table.and_then(|t| t.get(postcode.outward()));
        self.contains_at(&Located::new(postcode, found), table)
    }

    /// [`Area::contains`] for a postcode already looked up, so that testing
    /// one postcode against several areas reads the table once.
    pub(crate) fn contains_at(
        &self,
        at: &Located<'_>,
        table: Option<&OutcodeTable>,
    ) -> Result<bool, AreaError> {
        if self
            .postcode_areas
            .iter()
            .any(|a| a.eq_ignore_ascii_case(at.area))
            || self
                .outward_codes
                .iter()
                .any(|o| o.eq_ignore_ascii_case(at.outward))
        {
            return Ok(true);
        }
        if !self.needs_table() {
            return Ok(false);
        }
        let table = table.ok_or(AreaError::NoTable)?;
        let here = at
            .found
            .ok_or_else(|| AreaError::UnknownOutcode(at.outward.to_string()))?;
        if self
            .districts
            .iter()
            .any(|d| d.eq_ignore_ascii_case(&here.district))
        {
            return Ok(true);
        }
        match &self.radius {
            Some(radius) => radius.contains(here, table),
            None => Ok(false),
        }
    }
}

/// A postcode's outward code and area, and its row of the outward-code
/// table if the table is at hand and knows it.
pub(crate) struct Located<'a> {
    pub(crate) outward: &'a str,
    pub(crate) area: &'a str,
    pub(crate) found: Option<&'a crate::outcodes::Outcode>,
}

impl<'a> Located<'a> {
    /// `postcode` with the row `found` for it.
    pub(crate) fn new(postcode: &'a Postcode, found: Option<&'a crate::outcodes::Outcode>) -> Self {
        Located {
            outward: postcode.outward(),
            area: postcode.area(),
            found,
        }
    }
}

impl Radius {
    fn contains(
        &self,
        here: &crate::outcodes::Outcode,
        table: &OutcodeTable,
    ) -> Result<bool, AreaError> {
        let (e, n, grid) = match (
            &self.centre.postcode,
            self.centre.easting,
            self.centre.northing,
        ) {
            (Some(pc), _, _) => {
                let parsed = Postcode::parse(pc).ok();
                let outward = parsed.as_ref().map_or("", Postcode::outward);
                let c = table
                    .get(outward)
                    .ok_or_else(|| AreaError::UnknownOutcode(outward.to_string()))?;
                (c.easting, c.northing, c.grid())
            }
            (None, Some(e), Some(n)) => (e, n, crate::outcodes::Grid::Osgb),
            _ => return Ok(false),
        };
        // Points on different national grids cannot be compared by distance.
        if grid != here.grid() {
            return Ok(false);
        }
        let de = i128::from(here.easting - e);
        let dn = i128::from(here.northing - n);
        // Compare squared distances in millimetres to stay in integers.
        let limit_mm = i128::from(self.miles.micros()) * METRES_PER_MILE_MILLI / 1_000_000;
        Ok((de * de + dn * dn) * 1_000_000 <= limit_mm * limit_mm)
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use crate::outcodes::BUILTIN_CSV;

    #[allow(clippy::expect_used)] // test helper
    fn pc(s: &str) -> Postcode {
        Postcode::parse(s).expect("valid postcode")
    }

    #[test]
    fn area_and_outward_rules_need_no_table() {
        let a = Area {
            postcode_areas: vec!["EX".into()],
            outward_codes: vec!["TQ1".into()],
            ..Area::default()
        };
        assert_eq!(a.contains(&pc("ex4 4qj"), None), Ok(true));
        assert_eq!(a.contains(&pc("TQ1 1AA"), None), Ok(true));
        assert_eq!(a.contains(&pc("TQ2 5AA"), None), Ok(false));
    }

    #[test]
    fn district_and_radius_rules_use_the_table() {
        let t = OutcodeTable::parse(BUILTIN_CSV).expect("table");
        let exeter = Area {
            districts: vec!["E07000041".into()],
            ..Area::default()
        };
        assert_eq!(exeter.contains(&pc("EX1 1AA"), Some(&t)), Ok(true));
        assert_eq!(exeter.contains(&pc("PL1 1AA"), Some(&t)), Ok(false));
        assert_eq!(exeter.contains(&pc("EX1"), None), Err(AreaError::NoTable));
        assert_eq!(
            exeter.contains(&pc("ZZ9 9ZZ"), Some(&t)),
            Err(AreaError::UnknownOutcode("ZZ9".into()))
        );

        // Exeter to Plymouth is about 37 miles as the crow flies.
        let near = |miles| Area {
            radius: Some(Radius {
                miles: Decimal::from_int(miles),
                centre: Centre {
                    postcode: Some("EX1".into()),
                    easting: None,
                    northing: None,
                },
            }),
            ..Area::default()
        };
        assert_eq!(near(30).contains(&pc("PL1"), Some(&t)), Ok(false));
        assert_eq!(near(45).contains(&pc("PL1"), Some(&t)), Ok(true));
        // Belfast is on another grid: never within a GB radius.
        assert_eq!(near(1000).contains(&pc("BT1"), Some(&t)), Ok(false));
    }
}
