//! UK postcodes: parsing a full postcode or an outward code.
//!
//! A postcode is an outward code (area letters, district digits and sometimes
//! a letter: `EX1`, `SW1A`, `M60`) and an inward code (`1AA`). The local-area
//! rules need only the outward code, so suppliers may give either.

use std::fmt;

/// A parsed postcode or outward code, upper case.
///
/// Held inline (at most 7 ASCII letters and digits), not in a `String`: a
/// proposal's every spend line is parsed on each recalculation, and an
/// allocation per postcode was a measurable share of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Postcode {
    /// Outward code then inward code, without the space.
    bytes: [u8; 7],
    outward_len: u8,
    len: u8,
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
        let mut bytes = [0_u8; 7];
        let mut len = 0;
        for ch in text.chars().filter(|c| !c.is_whitespace()) {
            if !ch.is_ascii() {
                return Err(PostcodeError);
            }
            let slot = bytes.get_mut(len).ok_or(PostcodeError)?;
            // ASCII was checked just above, so the cast keeps the character.
            *slot = (ch as u8).to_ascii_uppercase();
            len += 1;
        }
        let compact =
            std::str::from_utf8(bytes.get(..len).unwrap_or_default()).map_err(|_| PostcodeError)?;
        let outward_len = if is_outward(compact) {
            len
        } else if len >= 5
            && is_outward(compact.get(..len - 3).unwrap_or_default())
            && is_inward(compact.get(len - 3..).unwrap_or_default())
        {
            len - 3
        } else {
            return Err(PostcodeError);
        };
        // Both are at most 7, checked by the buffer's size.
        Ok(Postcode {
            bytes,
            outward_len: u8::try_from(outward_len).unwrap_or(0),
            len: u8::try_from(len).unwrap_or(0),
        })
    }

    fn text(&self, from: usize, to: usize) -> &str {
        self.bytes
            .get(from..to)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// The outward code, e.g. `EX1`.
    pub fn outward(&self) -> &str {
        self.text(0, usize::from(self.outward_len))
    }

    /// The inward code, e.g. `1AA`, if one was given.
    pub fn inward(&self) -> Option<&str> {
        (self.len > self.outward_len)
            .then(|| self.text(usize::from(self.outward_len), usize::from(self.len)))
    }

    /// The postcode area: the leading letters, e.g. `EX`.
    pub fn area(&self) -> &str {
        let outward = self.outward();
        let n = outward.bytes().take_while(u8::is_ascii_uppercase).count();
        outward.get(..n).unwrap_or(outward)
    }
}

impl Postcode {
    /// The postcode as it is written, `EX1 1AA`; also its `Display`,
    /// written without the formatting machinery for the evaluate path.
    pub fn written(&self) -> String {
        let mut s = String::with_capacity(usize::from(self.len) + 1);
        s.push_str(self.outward());
        if let Some(inward) = self.inward() {
            s.push(' ');
            s.push_str(inward);
        }
        s
    }
}

impl fmt::Display for Postcode {
    /// As [`Postcode::written`] writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written())
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
            assert_eq!(
                p.to_string().replace(' ', ""),
                text.to_uppercase().replace(' ', "")
            );
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
            "EX11AAA",
            "SW1A 1AAX",
        ] {
            assert_eq!(Postcode::parse(text), Err(PostcodeError), "{text}");
        }
    }
}
