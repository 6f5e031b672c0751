//! The clock, kept out of the engine: the rule engine and the dialogue are
//! pure and receive the month or the time from here.
//!
//! Dates are read in France's time zone, Europe/Paris (UTC+1 in winter,
//! UTC+2 in summer), with the `jiff` crate and the time zone database it
//! carries: on the night a month or a birthday begins, the service agrees
//! with the person's own calendar.

use crate::situation::Mois;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::sync::OnceLock;
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

/// France's time zone. The database is built into the binary (the
/// `tzdb-bundle-always` feature), so this cannot fail in practice; should
/// it, UTC+1 (winter time) is the closest fixed offset.
fn paris() -> &'static TimeZone {
    static PARIS: OnceLock<TimeZone> = OnceLock::new();
    PARIS.get_or_init(|| {
        TimeZone::get("Europe/Paris").unwrap_or_else(|e| {
            tracing::warn!(erreur = %e, "fuseau Europe/Paris introuvable : UTC+1 fixe");
            TimeZone::fixed(jiff::tz::offset(1))
        })
    })
}

/// The civil date and time in France of a time (seconds since 1970):
/// (year, month, day, hour, minute).
fn en_france(secondes: u64) -> (i32, u8, u8, u8, u8) {
    let Ok(t) = Timestamp::from_second(i64::try_from(secondes).unwrap_or(i64::MAX)) else {
        // Out of jiff's range (year 9999): only a broken clock gets here.
        let (a, m, j) = date_civile((secondes / 86_400) as i64);
        return (a, m, j, 0, 0);
    };
    let z = t.to_zoned_datetime(paris().clone());
    (
        i32::from(z.year()),
        z.month() as u8,
        z.day() as u8,
        z.hour() as u8,
        z.minute() as u8,
    )
}

/// The civil (year, month, day) in France of a time (seconds since 1970).
pub fn date_en_france(secondes: u64) -> (i32, u8, u8) {
    let (a, m, j, _, _) = en_france(secondes);
    (a, m, j)
}

/// A time as `AAAA-MM-JJ hh:mm`, in France (for agents' pages).
pub fn date_heure_en_france(secondes: u64) -> String {
    let (a, m, j, h, min) = en_france(secondes);
    format!("{a:04}-{m:02}-{j:02} {h:02}:{min:02}")
}

/// Whether a time falls on a working hour in France: Monday to Saturday,
/// from `debut` o'clock to before `fin` o'clock (Europe/Paris), when a
/// follow-up may be sent.
pub fn heure_ouvrable(secondes: u64, debut: u8, fin: u8) -> bool {
    let Ok(t) = Timestamp::from_second(i64::try_from(secondes).unwrap_or(i64::MAX)) else {
        return false;
    };
    let z = t.to_zoned_datetime(paris().clone());
    let heure = z.hour() as u8;
    z.weekday() != jiff::civil::Weekday::Sunday && heure >= debut && heure < fin
}

/// The current month in France.
pub fn mois_courant() -> Mois {
    let (annee, mois, _) = date_en_france(maintenant_secondes());
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

    #[test]
    fn a_summer_month_begins_at_midnight_paris_time_which_is_22h_utc() {
        // 2026-06-30 22:30 UTC is 2026-07-01 00:30 in Paris (UTC+2).
        let s = 1_782_858_600;
        assert_eq!(date_civile((s / 86_400) as i64), (2026, 6, 30));
        assert_eq!(date_en_france(s), (2026, 7, 1));
        assert_eq!(date_heure_en_france(s), "2026-07-01 00:30");
    }

    #[test]
    fn working_hours_are_read_in_paris_and_sunday_is_off() {
        // Monday 2026-11-23 08:30 UTC is 09:30 in Paris (UTC+1).
        assert!(heure_ouvrable(1_795_422_600, 9, 19));
        // 07:30 UTC is 08:30 in Paris: too early.
        assert!(!heure_ouvrable(1_795_419_000, 9, 19));
        // 18:00 UTC is 19:00 in Paris: over.
        assert!(!heure_ouvrable(1_795_456_800, 9, 19));
        // Sunday 2026-11-22 12:00 UTC: never.
        assert!(!heure_ouvrable(1_795_435_200 - 86_400, 9, 19));
        // Saturday 2026-11-21 12:00 UTC: yes.
        assert!(heure_ouvrable(1_795_435_200 - 2 * 86_400, 9, 19));
    }

    #[test]
    fn a_winter_month_begins_at_23h_utc() {
        // 2026-11-30 23:30 UTC is 2026-12-01 00:30 in Paris (UTC+1);
        // 22:30 UTC is still November.
        assert_eq!(date_en_france(1_796_081_400), (2026, 12, 1));
        assert_eq!(date_en_france(1_796_077_800), (2026, 11, 30));
    }
}
