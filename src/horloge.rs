//! The clock, kept out of the engine: the rule engine and the dialogue are
//! pure and receive the month or the time from here.

use crate::situation::Mois;
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since 1970-01-01 UTC.
pub fn maintenant_secondes() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The civil (year, month, day) of a day count since 1970-01-01
/// (Howard Hinnant's `civil_from_days`, proleptic Gregorian calendar).
pub fn date_civile(jours: i64) -> (i32, u8, u8) {
    let z = jours + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// The current month in France (UTC+1 is close enough for a month boundary
/// that only decides which legislation applies).
pub fn mois_courant() -> Mois {
    let jours = ((maintenant_secondes() + 3600) / 86_400) as i64;
    let (annee, mois, _) = date_civile(jours);
    Mois { annee, mois }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(date_civile(0), (1970, 1, 1));
        assert_eq!(date_civile(20_415), (2025, 11, 23));
        assert_eq!(date_civile(11_016), (2000, 2, 29));
    }
}
