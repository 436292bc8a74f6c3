//! UK postcodes: parsing a full postcode or an outward code.
//!
//! A postcode is an outward code (area letters, district digits and sometimes
//! a letter: `EX1`, `SW1A`, `M60`) and an inward code (`1AA`). The local-area
//! rules need only the outward code, so suppliers may give either.

use std::fmt;

/// A parsed postcode or outward code, upper case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Postcode {
    outward: String,
    inward: Option<String>,
}

/// Why a postcode did not parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PostcodeError;

impl fmt::Display for PostcodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("is not a UK postcode or outward code (for example EX1 1AA or EX1)")
    }
}

fn is_outward(s: &str) -> bool {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) {
        return false;
    }
    let rest = b.get(letters..).unwrap_or_default();
    match rest {
        [d] => d.is_ascii_digit(),
        [d, x] => d.is_ascii_digit() && (x.is_ascii_digit() || x.is_ascii_uppercase()),
        _ => false,
    }
}

fn is_inward(s: &str) -> bool {
    matches!(s.as_bytes(), [d, a, b] if d.is_ascii_digit() && a.is_ascii_uppercase() && b.is_ascii_uppercase())
}

impl Postcode {
    /// Parses `EX1 1AA`, `ex11aa`, ` EX1 ` or `EX1`.
    pub fn parse(text: &str) -> Result<Postcode, PostcodeError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if compact.len() > 8 || !compact.is_ascii() {
            return Err(PostcodeError);
        }
        if is_outward(&compact) {
            return Ok(Postcode {
                outward: compact,
                inward: None,
            });
        }
        if compact.len() >= 5 {
            let (out, inw) = compact.split_at(compact.len() - 3);
            if is_outward(out) && is_inward(inw) {
                return Ok(Postcode {
                    outward: out.to_string(),
                    inward: Some(inw.to_string()),
                });
            }
        }
        Err(PostcodeError)
    }

    /// The outward code, e.g. `EX1`.
    pub fn outward(&self) -> &str {
        &self.outward
    }

    /// The postcode area: the leading letters, e.g. `EX`.
    pub fn area(&self) -> &str {
        let n = self
            .outward
            .bytes()
            .take_while(u8::is_ascii_uppercase)
            .count();
        self.outward.get(..n).unwrap_or(&self.outward)
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inward {
            Some(inward) => write!(f, "{} {inward}", self.outward),
            None => f.write_str(&self.outward),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_six_outward_shapes() {
        for (text, outward, area) in [
            ("m1 1aa", "M1", "M"),
            ("M60 1NW", "M60", "M"),
            ("CR2 6XH", "CR2", "CR"),
            ("DN55 1PT", "DN55", "DN"),
            ("W1A 1HQ", "W1A", "W"),
            ("EC1A1BB", "EC1A", "EC"),
            ("EX1", "EX1", "EX"),
            ("e x 1", "EX1", "EX"),
        ] {
            let p = Postcode::parse(text).unwrap_or_else(|_| panic!("{text}"));
            assert_eq!((p.outward(), p.area()), (outward, area), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_postcode() {
        for text in [
            "",
            "EX",
            "12345",
            "EX1 1A",
            "EXX1 1AA",
            "ÉX1",
            "EX1 1AA 1AA",
        ] {
            assert_eq!(Postcode::parse(text), Err(PostcodeError), "{text}");
        }
    }
}
