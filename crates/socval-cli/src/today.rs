//! Today's date from the system clock, for the core (which has no clock).

use std::time::{SystemTime, UNIX_EPOCH};

use socval_core::CivilDate;

/// Today in UTC, or `--today` when given as YYYY-MM-DD.
pub fn today(arg: Option<&str>) -> Result<CivilDate, String> {
    if let Some(text) = arg {
        return parse(text)
            .ok_or_else(|| format!("--today: \"{text}\" is not a date in the form YYYY-MM-DD"));
    }
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Ok(from_days(i64::try_from(secs / 86_400).unwrap_or(0)))
}

fn parse(text: &str) -> Option<CivilDate> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day) && parts.next().is_none())
        .then_some(CivilDate { year, month, day })
}

/// Days since 1970-01-01 to a civil date (H. Hinnant's `civil_from_days`).
fn from_days(z: i64) -> CivilDate {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    CivilDate {
        year: i32::try_from(year).unwrap_or(1970),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_to_dates() {
        assert_eq!(
            from_days(0),
            CivilDate {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            from_days(20_414),
            CivilDate {
                year: 2025,
                month: 11,
                day: 22
            }
        );
        assert_eq!(
            parse("2026-11-22"),
            Some(CivilDate {
                year: 2026,
                month: 11,
                day: 22
            })
        );
        assert_eq!(parse("2026-13-01"), None);
    }
}
