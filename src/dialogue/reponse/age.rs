//! Ages: from a date of birth in any common French or English shape
//! ("12/03/1990", "12 mars 90", "March 12, 1990", or "34 ans" directly),
//! and from a year of birth alone ("né en 1990").
//!
//! Separate because dates have their own shapes, calendar (leap years,
//! two-digit years) and today's date, which the caller passes in: the module
//! reads no clock.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::{Compris, mots, ne_sait_pas, nombre, normaliser};

const MOIS: &str = "janvier|january|janv|jan|fevrier|february|fevr|fev|feb|mars|march|mar|avril|april|avr|apr|mai|may|juin|june|jun|juillet|july|juil|jul|aout|august|aug|septembre|september|sept|sep|octobre|october|oct|novembre|november|nov|decembre|december|dec";

fn numero_mois(m: &str) -> Option<u32> {
    Some(match m {
        "janvier" | "january" | "janv" | "jan" => 1,
        "fevrier" | "february" | "fevr" | "fev" | "feb" => 2,
        "mars" | "march" | "mar" => 3,
        "avril" | "april" | "avr" | "apr" => 4,
        "mai" | "may" => 5,
        "juin" | "june" | "jun" => 6,
        "juillet" | "july" | "juil" | "jul" => 7,
        "aout" | "august" | "aug" => 8,
        "septembre" | "september" | "sept" | "sep" => 9,
        "octobre" | "october" | "oct" => 10,
        "novembre" | "november" | "nov" => 11,
        "decembre" | "december" | "dec" => 12,
        _ => return None,
    })
}

static DATE_CHIFFRES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])([0-9]{1,2}) ?[/.\-] ?([0-9]{1,2}) ?[/.\-] ?([0-9]{4}|[0-9]{2})(?:[^0-9]|$)",
    )
    .expect("valid regex")
});
static DATE_ESPACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{1,2}) ([0-9]{1,2}) ([0-9]{4})(?:[^0-9]|$)")
        .expect("valid regex")
});
static DATE_ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{4})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,2})(?:[^0-9]|$)")
        .expect("valid regex")
});
static DATE_COLLEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{2})([0-9]{2})([0-9]{4})(?:[^0-9]|$)").expect("valid regex")
});
static DATE_LETTRES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\b([0-9]{{1,2}})(?:er|ere|e|eme)? ?)?\b({MOIS})\b\.?,? ?'?([0-9]{{4}}|[0-9]{{2}})(?:[^0-9]|$)"
    ))
    .expect("valid regex")
});
static DATE_ANGLAISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({MOIS})\b\.? ([0-9]{{1,2}})(?:st|nd|rd|th)?,? ([0-9]{{4}})(?:[^0-9]|$)"
    ))
    .expect("valid regex")
});

/// A date as (year, month, day).
type Date = (i32, u32, u32);

fn bissextile(a: i32) -> bool {
    (a % 4 == 0 && a % 100 != 0) || a % 400 == 0
}

fn jours_dans_mois(a: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if bissextile(a) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A 2- or 4-digit year; two digits mean the latest year not after today.
fn annee(s: &str, annee_courante: i32) -> Option<i32> {
    let v: i32 = s.parse().ok()?;
    if s.len() == 2 {
        let siecle = annee_courante.div_euclid(100) * 100;
        let a = siecle + v;
        Some(if a <= annee_courante { a } else { a - 100 })
    } else {
        Some(v)
    }
}

/// Reads a date of birth and gives the age in whole years on `aujourd_hui`
/// (year, month, day), which the caller passes in: the module reads no clock.
///
/// Accepted: "12/03/1990", "12-3-90", "12.03.1990", "12 03 1990",
/// "12031990", "1990-03-12", "12 mars 1990", "1er mars 1990", "le 12 mars
/// 90", "March 12, 1990", and a month and year "mars 1990" (the 1st of the
/// month is assumed). Day first: "03/12/1990" is 3 December; only when the
/// day-first reading is impossible and the month-first one is valid
/// ("03/25/1990") is the date read month first. A two-digit year is the
/// latest such year not after today ("90" → 1990, "05" → 2005). An answer
/// in years ("34 ans") is accepted as the age itself.
///
/// Impossible dates (31/02), dates after today, ages over 130, and answers
/// holding two different dates give `Incompris`. Someone born on 29 February
/// gets one year older on 1 March in non-leap years.
pub fn age_depuis_date(texte: &str, aujourd_hui: (i32, u8, u8)) -> Compris<u32> {
    let n = normaliser(texte);
    let mots_ = mots(&n);
    if ne_sait_pas(texte, &mots_) {
        return Compris::NeSaitPas;
    }
    let (an, mois, jour) = (
        aujourd_hui.0,
        u32::from(aujourd_hui.1),
        u32::from(aujourd_hui.2),
    );
    let mut dates: Vec<(i32, u32, u32)> = Vec::new();
    let mut invalide = false;
    let mut ajouter = |d: Option<(i32, u32, u32)>| match d {
        Some(d) => {
            if !dates.contains(&d) {
                dates.push(d);
            }
        }
        None => invalide = true,
    };
    let valide =
        |a: i32, m: u32, j: u32| (1..=12).contains(&m) && j >= 1 && j <= jours_dans_mois(a, m);
    let jour_mois = |a: i32, x: u32, y: u32| {
        if valide(a, y, x) {
            Some((a, y, x))
        } else if valide(a, x, y) {
            Some((a, x, y))
        } else {
            None
        }
    };
    // English "March 12, 1990" first, blanked so that "march 12" is not
    // read again as March 2012.
    let mut n = n.clone();
    let anglaises: Vec<(usize, usize, Option<Date>)> = DATE_ANGLAISE
        .captures_iter(&n)
        .filter_map(|c| {
            let tout = c.get(0)?;
            let m = numero_mois(&c[1]).unwrap_or(0);
            let j: u32 = c[2].parse().unwrap_or(0);
            let a: i32 = c[3].parse().unwrap_or(0);
            Some((
                tout.start(),
                tout.end(),
                valide(a, m, j).then_some((a, m, j)),
            ))
        })
        .collect();
    for (debut, fin, d) in anglaises {
        n.replace_range(debut..fin, &" ".repeat(fin - debut));
        ajouter(d);
    }
    for re in [&*DATE_CHIFFRES, &*DATE_ESPACES, &*DATE_COLLEE] {
        for c in re.captures_iter(&n) {
            let x: u32 = c[1].parse().unwrap_or(0);
            let y: u32 = c[2].parse().unwrap_or(0);
            ajouter(annee(&c[3], an).and_then(|a| jour_mois(a, x, y)));
        }
    }
    for c in DATE_ISO.captures_iter(&n) {
        let a: i32 = c[1].parse().unwrap_or(0);
        let m: u32 = c[2].parse().unwrap_or(0);
        let j: u32 = c[3].parse().unwrap_or(0);
        ajouter(valide(a, m, j).then_some((a, m, j)));
    }
    for c in DATE_LETTRES.captures_iter(&n) {
        let j: u32 = c
            .get(1)
            .map_or(Some(1), |j| j.as_str().parse().ok())
            .unwrap_or(0);
        let m = numero_mois(&c[2]).unwrap_or(0);
        let a = annee(c[3].trim_start_matches('\''), an);
        ajouter(a.filter(|&a| valide(a, m, j)).map(|a| (a, m, j)));
    }
    match (dates.as_slice(), invalide) {
        ([(a, m, j)], false) => {
            let mut age = i64::from(an) - i64::from(*a);
            if (mois, jour) < (*m, *j) {
                age -= 1;
            }
            if (0..=130).contains(&age) {
                Compris::Valeur(age as u32)
            } else {
                Compris::Incompris
            }
        }
        ([], false) if mots_.iter().any(|m| matches!(*m, "an" | "ans")) => match nombre(texte) {
            Compris::Valeur(v) if v.fract().is_zero() && v <= Decimal::from(130) => {
                u32::try_from(v.mantissa() / 10i128.pow(v.scale()))
                    .map_or(Compris::Incompris, Compris::Valeur)
            }
            _ => Compris::Incompris,
        },
        _ => Compris::Incompris,
    }
}

/// Reads a year of birth ("né en 1990", "1990", "born in 1985", "de 1990")
/// as an age on `aujourd_hui`: the birthday is presumed passed when the year
/// is past its middle (from July), not yet otherwise. The dialogue reads the
/// age back, since it may be one year off.
pub fn age_depuis_annee(texte: &str, aujourd_hui: (i32, u8, u8)) -> Option<u32> {
    let n = normaliser(texte);
    let m = mots(&n);
    let naissance = m
        .iter()
        .any(|x| ["ne", "nee", "born", "naissance"].contains(x));
    let siecle = aujourd_hui.0 - aujourd_hui.0 % 100;
    let annees: Vec<i32> = m
        .iter()
        .filter(|x| x.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|x| match x.len() {
            4 => x.parse().ok(),
            // "né en 90": the last century unless that would be in the future.
            2 if naissance => x.parse::<i32>().ok().map(|a| {
                if siecle + a > aujourd_hui.0 {
                    siecle - 100 + a
                } else {
                    siecle + a
                }
            }),
            _ => None,
        })
        .collect();
    let [annee] = annees.as_slice() else {
        return None;
    };
    let annee = &annee.clone();
    let autres_nombres = m
        .iter()
        .filter(|x| x.chars().any(|c| c.is_ascii_digit()))
        .count()
        > 1;
    let contexte = m.len() == 1
        || m.iter()
            .any(|x| ["ne", "nee", "en", "born", "in", "annee", "de", "depuis"].contains(x));
    if autres_nombres || !contexte || *annee < aujourd_hui.0 - 130 || *annee > aujourd_hui.0 {
        return None;
    }
    let mut age = aujourd_hui.0 - annee;
    if aujourd_hui.1 < 7 {
        age -= 1;
    }
    u32::try_from(age).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::reponse::tests::{JOUR, v};

    #[test]
    fn age_table() {
        let cas: &[(&str, u32)] = &[
            ("12/03/1990", 36),
            ("13/03/1990", 35),
            ("12-3-90", 36),
            ("12.03.1990", 36),
            ("12 03 1990", 36),
            ("12031990", 36),
            ("1990-03-12", 36),
            ("12 mars 1990", 36),
            ("12 Mars 1990", 36),
            ("le 1er avril 1990", 35),
            ("mars 1990", 36),
            ("avril 1990", 35),
            ("né le 12 mars 90", 36),
            ("March 12, 1990", 36),
            ("12/03/05", 21),
            ("01/01/2026", 0),
            ("03/25/1990", 35),
            ("29/02/2000", 26),
            ("j'ai 34 ans", 34),
            ("12 déc. 1990", 35),
        ];
        for (t, attendu) in cas {
            assert_eq!(age_depuis_date(t, JOUR), v(*attendu), "{t:?}");
        }
        assert_eq!(age_depuis_date("29/02/2000", (2026, 2, 28)), v(25));
        assert_eq!(age_depuis_date("29/02/2000", (2026, 3, 1)), v(26));
        for t in [
            "31/02/1990",
            "12/03/2027",
            "1990",
            "12/03/1790",
            "bonjour",
            "",
            "12/03/1990 ou 13/03/1990",
            "32/13/1990",
        ] {
            assert_eq!(age_depuis_date(t, JOUR), Compris::Incompris, "{t:?}");
        }
        assert_eq!(age_depuis_date("je sais plus", JOUR), Compris::NeSaitPas);
    }
}
