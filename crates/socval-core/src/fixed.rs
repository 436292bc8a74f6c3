//! Exact decimal arithmetic: the one place where numbers are rounded.
//!
//! Money must come out the same to the penny natively and in WebAssembly, so
//! no calculation uses floating point. Two integer types carry every figure:
//!
//! - [`Decimal`]: a quantity, proxy value or rate, held in millionths
//!   (six decimal places) in an `i64`.
//! - [`Money`]: an amount in whole pence in an `i64`.
//!
//! **The rounding rule.** Products are formed exactly in `i128` and rounded to
//! millionths of a pound (µ£), half away from zero, after each multiplication.
//! A money figure is rounded to the penny, half away from zero, once: each
//! commitment's year lines are rounded cumulatively (a year is its rounded
//! running total less the rounded running total before it), so the years add
//! up to the commitment's correctly rounded total; every larger figure (a
//! theme, a total) is the sum of commitment figures, so every table the
//! calculator prints adds up exactly.
//!
//! JSON carries numbers as IEEE doubles, converted here by rounding to the
//! nearest millionth. That is exact for any decimal of at most six places
//! below one billion in size, and for any amount of money
//! in pounds and pence up to the input limit of £10¹², where the double's
//! error stays far below half a penny. More places are rounded half away
//! from zero.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Millionths per unit.
pub const SCALE: i64 = 1_000_000;
const SCALE_I128: i128 = SCALE as i128;

/// The largest magnitude any input number may have (one trillion).
pub const MAX_INPUT: i64 = 1_000_000_000_000;

/// A decimal number with six places, exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal(i64);

/// An amount of money in whole pence, exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

/// Why a number could not become a [`Decimal`] or [`Money`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// NaN or infinite.
    NotFinite,
    /// Larger in magnitude than [`MAX_INPUT`].
    TooLarge,
    /// Not zero, but smaller than half a millionth, so it would read as zero.
    TooSmall,
    /// Text that is not a plain decimal number.
    NotANumber,
}

/// Divides `n` by `d` (positive), rounding half away from zero.
pub(crate) fn div_round(n: i128, d: i128) -> i128 {
    // Most amounts fit in 64 bits, where division is one machine instruction
    // (or a multiplication, for a constant divisor) instead of a call into the
    // 128-bit division routine. The result is the same.
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d)) {
        let (q, r) = (n / d, n % d);
        // |r| < |d| < 2⁶³, so 2|r| fits in a u64.
        let up = 2 * r.unsigned_abs() >= d.unsigned_abs();
        return i128::from(if up { q + n.signum() } else { q });
    }
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d { q + n.signum() } else { q }
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal(0);
    /// One.
    pub const ONE: Decimal = Decimal(SCALE);
    /// One hundred (as in 100%).
    pub const HUNDRED: Decimal = Decimal(100 * SCALE);

    /// From a raw count of millionths.
    pub const fn from_micros(micros: i64) -> Self {
        Decimal(micros)
    }

    /// The raw count of millionths.
    pub const fn micros(self) -> i64 {
        self.0
    }

    /// From a whole number.
    pub const fn from_int(n: i64) -> Self {
        Decimal(n * SCALE)
    }

    /// From a double, rounding to six places half away from zero.
    pub fn from_f64(x: f64) -> Result<Self, NumberError> {
        if !x.is_finite() {
            return Err(NumberError::NotFinite);
        }
        if x.abs() > MAX_INPUT as f64 {
            return Err(NumberError::TooLarge);
        }
        // `round` is half away from zero and exact in IEEE 754 on every target.
        #[allow(clippy::cast_possible_truncation)]
        let micros = (x * SCALE as f64).round() as i64;
        if micros == 0 && x != 0.0 {
            // A figure typed as non-zero never silently becomes zero.
            return Err(NumberError::TooSmall);
        }
        Ok(Decimal(micros))
    }

    /// From decimal text as people type it (`12`, `-3.5`, `.25`), exactly:
    /// no detour through a double, so every digit up to the sixth decimal
    /// place is kept, and beyond it the figure is rounded half away from
    /// zero, as [`Decimal::from_f64`] does. No exponents, no separators.
    ///
    /// # Errors
    /// [`NumberError::NotANumber`] for anything else; `TooLarge` above
    /// [`MAX_INPUT`]; `TooSmall` for a non-zero figure below half a millionth.
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        let (negative, digits) = match text.as_bytes().first() {
            Some(b'-') => (true, text.get(1..).unwrap_or_default()),
            Some(b'+') => (false, text.get(1..).unwrap_or_default()),
            _ => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if whole.len() + fraction.len() == 0 || !all(whole) || !all(fraction) {
            return Err(NumberError::NotANumber);
        }
        // Leading zeros cannot make a figure large; anything longer is.
        let whole = whole.trim_start_matches('0');
        if whole.len() > 13 {
            return Err(NumberError::TooLarge);
        }
        // At most 19 digits: within an i128 whatever they are.
        let mut micros: i128 = 0;
        for b in whole
            .bytes()
            .chain(fraction.bytes().chain(std::iter::repeat(b'0')).take(6))
        {
            micros = micros * 10 + i128::from(b - b'0');
        }
        // The seventh decimal decides the rounding.
        if fraction.as_bytes().get(6).is_some_and(|b| *b >= b'5') {
            micros += 1;
        }
        let Ok(micros) = i64::try_from(micros).map_err(drop).and_then(|m| {
            if m > MAX_INPUT * SCALE {
                Err(())
            } else {
                Ok(m)
            }
        }) else {
            return Err(NumberError::TooLarge);
        };
        if micros == 0 && fraction.bytes().any(|b| b != b'0') {
            return Err(NumberError::TooSmall);
        }
        Ok(Decimal(if negative { -micros } else { micros }))
    }

    /// As a double (for display and JSON output only; never for arithmetic).
    pub fn to_f64(self) -> f64 {
        // Integer-to-double and one division: correctly rounded on every target.
        self.0 as f64 / SCALE as f64
    }

    /// `self` as a fraction of 100 (50 → 0.5).
    pub fn percent_to_fraction(self) -> Decimal {
        Decimal(i64::try_from(div_round(i128::from(self.0), 100)).unwrap_or(i64::MAX))
    }

    /// `1 − self/100`: the share left after a percentage is taken away.
    pub fn complement_of_percent(self) -> Decimal {
        Decimal(SCALE - self.percent_to_fraction().0)
    }

    /// Whether the number is below zero.
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Whether the number is a whole number.
    pub fn is_whole(self) -> bool {
        self.0 % SCALE == 0
    }

    /// The whole part, rounded up (2.5 → 3).
    pub fn ceil_int(self) -> i64 {
        let q = self.0.div_euclid(SCALE);
        if self.0.rem_euclid(SCALE) == 0 {
            q
        } else {
            q + 1
        }
    }

    /// Sum, saturating at the `i64` range (inputs are bounded far below it).
    pub fn saturating_add(self, other: Decimal) -> Decimal {
        Decimal(self.0.saturating_add(other.0))
    }

    /// Product rounded to six places, or `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let p = div_round(i128::from(self.0) * i128::from(other.0), SCALE_I128);
        i64::try_from(p).ok().map(Decimal)
    }

    /// Quotient rounded to six places, or `None` when `other` is zero or the
    /// result overflows.
    pub fn checked_div(self, other: Decimal) -> Option<Decimal> {
        if other.0 == 0 {
            return None;
        }
        let n = i128::from(self.0) * SCALE_I128;
        let d = i128::from(other.0);
        let q = if d < 0 {
            div_round(-n, -d)
        } else {
            div_round(n, d)
        };
        i64::try_from(q).ok().map(Decimal)
    }

    /// Rounded to `places` (0 to 6) and shown with exactly that many:
    /// `1.9053` to 2 places is `1.91`, `1.9` is `1.90`.
    pub fn to_fixed(self, places: u32) -> String {
        let places = places.min(6);
        let r = self.round_to(places).0;
        let sign = if r < 0 { "-" } else { "" };
        let abs = r.unsigned_abs();
        let whole = abs / SCALE as u64;
        if places == 0 {
            return format!("{sign}{whole}");
        }
        let frac = (abs % SCALE as u64) / 10_u64.pow(6 - places);
        format!("{sign}{whole}.{frac:0width$}", width = places as usize)
    }

    /// Rounded to `places` decimal places (0 to 6), half away from zero.
    pub fn round_to(self, places: u32) -> Decimal {
        let places = places.min(6);
        let step = 10_i128.pow(6 - places);
        let r = div_round(i128::from(self.0), step) * step;
        Decimal(i64::try_from(r).unwrap_or(self.0))
    }
}

impl Money {
    /// Zero pounds.
    pub const ZERO: Money = Money(0);

    /// From whole pence.
    pub const fn from_pence(pence: i64) -> Self {
        Money(pence)
    }

    /// Whole pence.
    pub const fn pence(self) -> i64 {
        self.0
    }

    /// From whole pounds.
    pub const fn from_pounds(pounds: i64) -> Self {
        Money(pounds * 100)
    }

    /// From a double amount of pounds, rounded to the penny half away from zero.
    pub fn from_f64(pounds: f64) -> Result<Self, NumberError> {
        Decimal::from_f64(pounds).map(Money::from_decimal)
    }

    /// From a decimal amount of pounds, rounded to the penny.
    pub fn from_decimal(pounds: Decimal) -> Money {
        Money(i64::try_from(div_round(i128::from(pounds.0), 10_000)).unwrap_or(i64::MAX))
    }

    /// From millionths of a pound, rounded to the penny.
    pub fn from_micro_pounds(micros: i128) -> Option<Money> {
        i64::try_from(div_round(micros, 10_000)).ok().map(Money)
    }

    /// As millionths of a pound.
    pub fn micro_pounds(self) -> i128 {
        i128::from(self.0) * 10_000
    }

    /// As a decimal number of pounds.
    pub fn to_decimal(self) -> Decimal {
        Decimal(self.0.saturating_mul(10_000))
    }

    /// As a double number of pounds (display and JSON only).
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Plain pounds and pence for data files: `1234.56`, `-0.05` (no £, no commas).
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// Sum, or `None` on overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Sum, saturating at the `i64` range.
    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// `self × rate` where `rate` is a decimal fraction, rounded to the penny.
    pub fn times(self, rate: Decimal) -> Option<Money> {
        let exact = i128::from(self.0) * i128::from(rate.0);
        i64::try_from(div_round(exact, SCALE_I128)).ok().map(Money)
    }

    /// `percent`% of `self`, rounded to the penny once (half away from
    /// zero): `times(percent.percent_to_fraction())` would round the
    /// fraction to six places first, and 12.345678% of £1,000,000 would come
    /// to £123,457.00 instead of £123,456.78.
    pub fn percent(self, percent: Decimal) -> Option<Money> {
        let exact = i128::from(self.0) * i128::from(percent.0);
        i64::try_from(div_round(exact, 100 * SCALE_I128))
            .ok()
            .map(Money)
    }

    /// `self` shared out by `percents` (which add up to 100), to the penny,
    /// so that the parts add up to `self` exactly: each part is its exact
    /// share rounded toward zero, and the pence left over go one each to the
    /// parts with the largest remainders, the earlier part first on a tie
    /// (the largest-remainder method). `None` when the percents do not add
    /// up to exactly 100 or one is below zero.
    pub fn split(self, percents: &[Decimal]) -> Option<Vec<Money>> {
        let whole = 100 * SCALE_I128;
        let sum: i128 = percents.iter().map(|p| i128::from(p.0)).sum();
        if sum != whole || percents.iter().any(|p| p.0 < 0) {
            return None;
        }
        let amount = i128::from(self.0).abs();
        let exact: Vec<i128> = percents.iter().map(|p| amount * i128::from(p.0)).collect();
        let mut parts: Vec<i128> = exact.iter().map(|e| e / whole).collect();
        let mut left = amount - parts.iter().sum::<i128>();
        let mut order: Vec<usize> = (0..parts.len()).collect();
        // Stable: on equal remainders the earlier part keeps its place.
        order.sort_by_key(|&i| std::cmp::Reverse(exact.get(i).map_or(0, |e| e % whole)));
        for i in order {
            if left == 0 {
                break;
            }
            if let Some(p) = parts.get_mut(i) {
                *p += 1;
                left -= 1;
            }
        }
        let sign = if self.0 < 0 { -1 } else { 1 };
        parts
            .into_iter()
            .map(|p| i64::try_from(sign * p).ok().map(Money))
            .collect()
    }

    /// `self / other` as a decimal ratio (six places), or `None` when `other` is zero.
    pub fn ratio(self, other: Money) -> Option<Decimal> {
        if other.0 == 0 {
            return None;
        }
        let q = div_round(i128::from(self.0) * SCALE_I128, i128::from(other.0));
        Some(Decimal(saturate(q)))
    }

    /// Whether `self` is at least `percent`% of `whole`, compared exactly
    /// (never on a rounded percentage: 9.995% does not meet 10%). False when
    /// `whole` is not above zero.
    pub fn is_at_least_percent_of(self, whole: Money, percent: Decimal) -> bool {
        whole.0 > 0
            && i128::from(self.0) * 100 * SCALE_I128 >= i128::from(percent.0) * i128::from(whole.0)
    }

    /// `(self / whole × 100) / percent × 100`: how far `self` goes toward a
    /// target of `percent`% of `whole`, as a percentage, six places, from the
    /// exact amounts with one rounding; none when either divisor is zero.
    pub fn percent_toward(self, whole: Money, percent: Decimal) -> Option<Decimal> {
        let d = i128::from(whole.0) * i128::from(percent.0);
        if d == 0 {
            return None;
        }
        let n = i128::from(self.0) * 10_000 * SCALE_I128 * SCALE_I128;
        let q = if d < 0 {
            div_round(-n, -d)
        } else {
            div_round(n, d)
        };
        Some(Decimal(saturate(q)))
    }

    /// `self / other × 100`, the percentage, six places (saturating, so an
    /// absurd figure reads as absurdly large, never as zero).
    pub fn percent_of(self, other: Money) -> Option<Decimal> {
        if other.0 == 0 {
            return None;
        }
        let q = div_round(i128::from(self.0) * SCALE_I128 * 100, i128::from(other.0));
        Some(Decimal(saturate(q)))
    }
}

impl fmt::Display for Decimal {
    /// Plain decimal without trailing zeros: `12.5`, `0.000001`, `-3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / SCALE as u64;
        let frac = abs % SCALE as u64;
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{frac:06}");
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl fmt::Display for Money {
    /// British money with thousands separators: `£1,234,567.89`, `-£0.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}£{}.{:02}", group_thousands(abs / 100), abs % 100)
    }
}

fn saturate(x: i128) -> i64 {
    i64::try_from(x).unwrap_or(if x < 0 { i64::MIN } else { i64::MAX })
}

/// `1234567` → `1,234,567`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// JSON: both types travel as plain numbers (pounds for Money). Reading a number
// that is not finite or too large fails here with a message naming the limit;
// range rules (negative, percentages) are checked in `validation`.

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.to_f64())
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let x = f64::deserialize(d)?;
        Decimal::from_f64(x).map_err(|e| serde::de::Error::custom(e.message()))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.to_f64())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let x = f64::deserialize(d)?;
        Money::from_f64(x).map_err(|e| serde::de::Error::custom(e.message()))
    }
}

impl NumberError {
    /// The user-facing message.
    pub fn message(self) -> &'static str {
        match self {
            NumberError::NotFinite => "must be a finite number",
            NumberError::TooLarge => "must be at most 1,000,000,000,000 in size",
            NumberError::TooSmall => {
                "must be 0 or at least 0.000001: Socval holds six decimal places"
            }
            NumberError::NotANumber => "must be a number, like 12 or 12.5",
        }
    }
}

#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

    use super::{Decimal, Money};

    impl JsonSchema for Decimal {
        fn schema_name() -> Cow<'static, str> {
            "Decimal".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "number",
                "description": "A decimal number; kept exactly to six decimal places.",
                "minimum": -1.0e12, "maximum": 1.0e12
            })
        }
    }

    impl JsonSchema for Money {
        fn schema_name() -> Cow<'static, str> {
            "Money".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "number",
                "description": "An amount in pounds sterling; kept exactly to the penny.",
                "minimum": -1.0e12, "maximum": 1.0e12
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_from_json_doubles_are_exact() {
        assert_eq!(Decimal::from_f64(0.12), Ok(Decimal::from_micros(120_000)));
        assert_eq!(
            Decimal::from_f64(45.4),
            Ok(Decimal::from_micros(45_400_000))
        );
        assert_eq!(
            Decimal::from_f64(999_999_999.999_999),
            Ok(Decimal::from_micros(999_999_999_999_999))
        );
        assert_eq!(
            Money::from_f64(999_999_999_999.99).map(Money::pence),
            Ok(99_999_999_999_999)
        );
        assert_eq!(Decimal::from_f64(f64::NAN), Err(NumberError::NotFinite));
        assert_eq!(Decimal::from_f64(2e12), Err(NumberError::TooLarge));
        assert_eq!(Decimal::from_f64(1e-7), Err(NumberError::TooSmall));
        assert_eq!(Decimal::from_f64(-0.0), Ok(Decimal::ZERO));
        // Typed text, exactly: the same figures as through a double where a
        // double holds them, and every digit where it does not.
        for (text, micros) in [
            ("12", 12_000_000),
            ("-3.5", -3_500_000),
            (".25", 250_000),
            ("+7.", 7_000_000),
            ("0.0000005", 1),
            ("1.2345675", 1_234_568),
            ("999999999999.999999", 999_999_999_999_999_999),
            ("000012.5", 12_500_000),
        ] {
            assert_eq!(
                Decimal::parse(text).map(Decimal::micros),
                Ok(micros),
                "{text}"
            );
        }
        for text in ["", ".", "-", "1e3", "1,000", "12.5.1", "NaN", "inf", " 1"] {
            assert_eq!(Decimal::parse(text), Err(NumberError::NotANumber), "{text}");
        }
        assert_eq!(
            Decimal::parse("1000000000000.000001"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(Decimal::parse("10000000000000"), Err(NumberError::TooLarge));
        assert_eq!(
            Decimal::parse("9999999999999.9999999"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(
            Decimal::parse("1000000000000").map(Decimal::micros),
            Ok(MAX_INPUT * SCALE)
        );
        assert_eq!(Decimal::parse("0.0000001"), Err(NumberError::TooSmall));
        assert_eq!(Decimal::parse("0.000000"), Ok(Decimal::ZERO));
        assert_eq!(Decimal::from_f64(5e-7).map(Decimal::micros), Ok(1));
    }

    #[test]
    fn money_rounds_half_away_from_zero() {
        assert_eq!(Money::from_f64(1.005).map(Money::pence), Ok(101));
        assert_eq!(Money::from_f64(-1.005).map(Money::pence), Ok(-101));
        assert_eq!(Money::from_micro_pounds(12_345), Some(Money::from_pence(1)));
        assert_eq!(Money::from_micro_pounds(4_999), Some(Money::ZERO));
        assert_eq!(Money::from_micro_pounds(5_000), Some(Money::from_pence(1)));
    }

    #[test]
    fn display_is_plain_and_british() {
        assert_eq!(Decimal::from_micros(12_500_000).to_string(), "12.5");
        assert_eq!(Decimal::from_micros(-1).to_string(), "-0.000001");
        assert_eq!(Money::from_pence(123_456_789).to_string(), "£1,234,567.89");
        assert_eq!(Money::from_pence(-5).to_string(), "-£0.05");
        assert_eq!(Money::from_pence(-5).plain(), "-0.05");
        assert_eq!(Money::from_pence(123_456_789).plain(), "1234567.89");
    }

    #[test]
    fn percent_helpers() {
        let p = Decimal::from_int(25);
        assert_eq!(p.complement_of_percent(), Decimal::from_micros(750_000));
        assert_eq!(Decimal::from_micros(2_500_000).ceil_int(), 3);
        assert_eq!(Decimal::from_int(2).ceil_int(), 2);
        assert_eq!(
            Money::from_pounds(178_350).ratio(Money::from_pounds(100_000)),
            Some(Decimal::from_micros(1_783_500))
        );
        assert_eq!(
            Decimal::from_micros(1_783_549).round_to(4),
            Decimal::from_micros(1_783_500)
        );
    }
}
