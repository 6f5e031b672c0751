//! Numbers: digits with French or English separators ("1 200,50",
//! "1.200", "1,200.50", "1k2"), French words ("trente-quatre",
//! "quatre-vingt-dix-neuf", "deux cent mille", "septante"), English words
//! ("forty five"), and the words that say none ("aucun", "pas d'enfant").
//!
//! Separate because every answer holding a number reads it here: [`nombre`]
//! for counts and ages, and the lexer and number finder for `montant`,
//! `code_postal` and `age`.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Compris, contient, mots, ne_sait_pas, normaliser};

/// A token of a normalised answer.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Jeton {
    /// A number written with digits; `None` when malformed ("1.2.3").
    Chiffres(Option<Decimal>),
    /// A run of letters.
    Mot(String),
}

/// Splits a normalised text into numbers and words; the flag says whether a
/// number carries a minus sign ("-5", "moins 5" is checked on the words).
pub(super) fn lexer(texte: &str) -> (Vec<Jeton>, bool) {
    let c: Vec<char> = texte.chars().collect();
    let mut jetons = Vec::new();
    let mut negatif = false;
    let mut i = 0;
    while i < c.len() {
        if c[i].is_ascii_digit() {
            if i > 0 && c[i - 1] == '-' && (i == 1 || !c[i - 2].is_alphanumeric()) {
                negatif = true;
            }
            jetons.push(Jeton::Chiffres(lire_nombre(&c, &mut i)));
        } else if c[i].is_alphabetic() {
            let debut = i;
            while i < c.len() && c[i].is_alphabetic() {
                i += 1;
            }
            jetons.push(Jeton::Mot(c[debut..i].iter().collect()));
        } else {
            i += 1;
        }
    }
    (jetons, negatif)
}

/// Reads a maximal run of ASCII digits.
pub(super) fn lire_chiffres(c: &[char], i: &mut usize) -> String {
    let debut = *i;
    while *i < c.len() && c[*i].is_ascii_digit() {
        *i += 1;
    }
    c[debut..*i].iter().collect()
}

/// Reads a number starting at a digit: groups separated by `,` `.` or a
/// space before exactly three digits, and an optional `k` (thousands) suffix
/// with optional digits after it (`1k2` = 1 200).
fn lire_nombre(c: &[char], i: &mut usize) -> Option<Decimal> {
    let mut groupes = vec![lire_chiffres(c, i)];
    let mut seps: Vec<char> = Vec::new();
    loop {
        if *i + 1 < c.len() && matches!(c[*i], ',' | '.') && c[*i + 1].is_ascii_digit() {
            seps.push(c[*i]);
            *i += 1;
            groupes.push(lire_chiffres(c, i));
            continue;
        }
        if *i + 3 < c.len()
            && c[*i] == ' '
            && c[*i + 1..*i + 4].iter().all(char::is_ascii_digit)
            && (*i + 4 == c.len() || !c[*i + 4].is_ascii_digit())
            && seps.iter().all(|s| *s == ' ')
            && groupes[0].len() <= 3
        {
            seps.push(' ');
            *i += 1;
            groupes.push(lire_chiffres(c, i));
            continue;
        }
        break;
    }
    let mut valeur = interpreter(&groupes, &seps);
    // "1k", "1,5k", "1k2", "2k€" — but not "3km", "2kg".
    if *i < c.len() && c[*i] == 'k' && (*i + 1 == c.len() || !c[*i + 1].is_alphabetic()) {
        *i += 1;
        let suite = lire_chiffres(c, i);
        valeur = valeur.and_then(|v| {
            let mille = v.checked_mul(Decimal::from(1000))?;
            if suite.is_empty() {
                return Some(mille);
            }
            if suite.len() > 3 || !v.fract().is_zero() {
                return None;
            }
            let reste = format!("{suite:0<3}");
            mille.checked_add(Decimal::from_str(&reste).ok()?)
        });
    }
    valeur
}

/// Reads digit groups and their separators as one number.
///
/// Conventions (French first, but unambiguous English accepted):
/// - with both `,` and `.`, the last one is the decimal mark
///   (`1.200,50` and `1,200.50` are both 1 200.50);
/// - a separator repeated is a thousands separator (`1.200.000`);
/// - a single `,` or `.` followed by exactly three digits, after a first
///   group of 1–3 digits that is not `0`, is a thousands separator
///   (`1.200` = `1,200` = 1 200; no amount has three decimals), otherwise a
///   decimal mark (`12,5`, `1200.50`, `0,500`);
/// - a space is only a thousands separator, before exactly three digits.
fn interpreter(groupes: &[String], seps: &[char]) -> Option<Decimal> {
    let decimal = match seps.split_last() {
        None => None,
        Some((&' ', _)) => None,
        Some((&dernier, avant)) => {
            if avant.iter().any(|&s| s != ' ' && s != dernier) {
                Some(dernier)
            } else if avant.contains(&dernier)
                || (groupes.last().is_some_and(|g| g.len() == 3)
                    && groupes[0] != "0"
                    && groupes[0].len() <= 3)
            {
                None
            } else {
                Some(dernier)
            }
        }
    };
    let (entiers, fraction, seps_groupes) = match decimal {
        Some(_) => (
            &groupes[..groupes.len() - 1],
            groupes.last().map(String::as_str),
            &seps[..seps.len() - 1],
        ),
        None => (groupes, None, seps),
    };
    if let Some(premier) = seps_groupes.first() {
        if seps_groupes.iter().any(|s| s != premier) {
            return None;
        }
        if entiers[0].is_empty()
            || entiers[0].len() > 3
            || entiers[1..].iter().any(|g| g.len() != 3)
        {
            return None;
        }
    }
    let mut chiffres: String = entiers.concat();
    if let Some(f) = fraction {
        chiffres.push('.');
        chiffres.push_str(f);
    }
    if chiffres.len() > 24 {
        return None;
    }
    Decimal::from_str(&chiffres).ok()
}

// ---------------------------------------------------------------------------
// Numbers: French words
// ---------------------------------------------------------------------------

/// The value of a French number word below 20 or a tens word.
fn valeur_mot(m: &str) -> Option<u64> {
    Some(match m {
        "zero" => 0,
        "un" | "une" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" | "vingts" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        "septante" => 70,
        "huitante" | "octante" => 80,
        "nonante" => 90,
        _ => return None,
    })
}

fn est_mot_nombre(m: &str) -> bool {
    valeur_mot(m).is_some()
        || est_cent(m)
        || est_mille(m)
        || est_million(m)
        || valeur_mot_anglais(m).is_some()
        || matches!(m, "hundred" | "thousand")
}

/// The value of an English number word below 20 or a tens word.
fn valeur_mot_anglais(m: &str) -> Option<u64> {
    Some(match m {
        "zero" | "nought" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A whole run of English number words as one number ("forty five",
/// "fifteen hundred", "one thousand two hundred and fifty"), or `None` if
/// the run is not one well-formed number ("two three").
fn nombre_en_anglais(w: &[&str]) -> Option<u64> {
    let mut total: u64 = 0;
    let mut courant: u64 = 0;
    // What the last word was: 0 nothing, 1 a unit or teen, 2 a tens word,
    // 3 "hundred", 4 "thousand".
    let mut dernier = 0;
    for m in w {
        match *m {
            "and" | "et" if dernier >= 2 => continue,
            "hundred" if dernier == 1 || dernier == 2 || dernier == 0 => {
                courant = courant.max(1) * 100;
                dernier = 3;
            }
            "thousand" if dernier != 4 => {
                total += courant.max(1) * 1000;
                courant = 0;
                dernier = 4;
            }
            _ => {
                let v = valeur_mot_anglais(m)?;
                if v >= 20 {
                    if dernier == 1 || dernier == 2 || courant % 100 != 0 {
                        return None;
                    }
                    dernier = 2;
                } else {
                    if dernier == 1 || (dernier == 2 && v >= 10) || (dernier == 2 && v == 0) {
                        return None;
                    }
                    dernier = 1;
                }
                courant += v;
            }
        }
    }
    (dernier != 0).then_some(total + courant)
}

fn est_cent(m: &str) -> bool {
    matches!(m, "cent" | "cents")
}

fn est_mille(m: &str) -> bool {
    matches!(m, "mille" | "milles")
}

fn est_million(m: &str) -> bool {
    matches!(m, "million" | "millions")
}

fn est_unite(m: &str) -> Option<u64> {
    valeur_mot(m).filter(|v| (1..=9).contains(v))
}

/// 1–19 written as words (after "quatre-vingt" or "soixante").
fn moins_de_vingt(w: &[&str], i: usize) -> Option<(u64, usize)> {
    let m = *w.get(i)?;
    if m == "dix" {
        if let Some(u) = w.get(i + 1).and_then(|m| est_unite(m)).filter(|u| *u >= 7) {
            return Some((10 + u, i + 2));
        }
        return Some((10, i + 1));
    }
    valeur_mot(m)
        .filter(|v| (1..=16).contains(v))
        .map(|v| (v, i + 1))
}

/// 0–99 written as words.
fn moins_de_cent(w: &[&str], i: usize) -> Option<(u64, usize)> {
    let m = *w.get(i)?;
    if m == "quatre"
        && w.get(i + 1)
            .is_some_and(|m| matches!(*m, "vingt" | "vingts"))
    {
        let mut j = i + 2;
        if w.get(j) == Some(&"et")
            && w.get(j + 1)
                .is_some_and(|m| matches!(*m, "un" | "une" | "onze"))
        {
            j += 1;
        }
        return Some(match moins_de_vingt(w, j) {
            Some((r, k)) => (80 + r, k),
            None => (80, j.min(i + 2)),
        });
    }
    let v = valeur_mot(m)?;
    if v < 20 {
        return moins_de_vingt(w, i).or(Some((v, i + 1)));
    }
    let j = i + 1;
    if w.get(j) == Some(&"et") {
        let suivant = w.get(j + 1).copied();
        return match suivant {
            Some("un" | "une") => Some((v + 1, j + 2)),
            Some("onze") if v == 60 => Some((71, j + 2)),
            _ => Some((v, j)),
        };
    }
    if v == 60 {
        if let Some((r, k)) = moins_de_vingt(w, j).filter(|(r, _)| *r >= 10) {
            return Some((60 + r, k));
        }
    }
    if let Some(u) = w.get(j).and_then(|m| est_unite(m)).filter(|u| *u >= 2) {
        // "vingt-quatre" but not "vingt quatre-vingts".
        if !(u == 4
            && w.get(j + 1)
                .is_some_and(|m| matches!(*m, "vingt" | "vingts")))
        {
            return Some((v + u, j + 1));
        }
    }
    Some((v, j))
}

/// 0–999 written as words.
fn moins_de_mille(w: &[&str], i: usize) -> Option<(u64, usize)> {
    let m = *w.get(i)?;
    let (centaines, j) = if est_cent(m) {
        (100, i + 1)
    } else if let Some(u) = est_unite(m).filter(|u| *u >= 2) {
        if w.get(i + 1).is_some_and(|m| est_cent(m)) {
            (u * 100, i + 2)
        } else {
            return moins_de_cent(w, i);
        }
    } else {
        return moins_de_cent(w, i);
    };
    match w.get(j) {
        Some(m) if !est_mille(m) && !est_million(m) && *m != "zero" => match moins_de_cent(w, j) {
            Some((r, k)) => Some((centaines + r, k)),
            None => Some((centaines, j)),
        },
        _ => Some((centaines, j)),
    }
}

/// A whole run of French number words as one number, or `None` if the run
/// is not one well-formed number ("deux trois", "cent cent").
fn nombre_en_lettres(w: &[&str]) -> Option<u64> {
    if w == ["zero"] {
        return Some(0);
    }
    let mut i = 0;
    let mut total: u64 = 0;
    // millions
    if let Some((a, j)) = moins_de_mille(w, i) {
        if w.get(j).is_some_and(|m| est_million(m)) && a >= 1 {
            total += a * 1_000_000;
            i = j + 1;
        }
    } else if w.first().is_some_and(|m| est_million(m)) {
        return None;
    }
    // thousands
    if w.get(i).is_some_and(|m| est_mille(m)) {
        total += 1000;
        i += 1;
    } else if let Some((a, j)) = moins_de_mille(w, i) {
        if w.get(j).is_some_and(|m| est_mille(m)) {
            if a < 2 {
                return None;
            }
            total += a * 1000;
            i = j + 1;
        }
    }
    // units
    if i < w.len() {
        if w[i] == "zero" {
            return None;
        }
        let (a, j) = moins_de_mille(w, i)?;
        total += a;
        i = j;
    }
    (i == w.len() && i > 0).then_some(total)
}

/// A number found in an answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct Trouve {
    /// `None` when it was written but malformed.
    pub(super) valeur: Option<Decimal>,
    /// Whether it is a lone "un"/"une", often an article ("un salaire").
    pub(super) article: bool,
}

/// Every number of an answer, digits or words ("2 mille" is one number).
pub(super) fn extraire_nombres(jetons: &[Jeton]) -> Vec<Trouve> {
    let mot = |k: usize| match jetons.get(k) {
        Some(Jeton::Mot(m)) => Some(m.as_str()),
        _ => None,
    };
    let mut trouves = Vec::new();
    let mut i = 0;
    while i < jetons.len() {
        match &jetons[i] {
            Jeton::Chiffres(v) => {
                let mut valeur = *v;
                i += 1;
                let suivant_nombre = mot(i + 1).is_some_and(est_mot_nombre);
                if let Some(m) = mot(i).filter(|_| !suivant_nombre) {
                    if est_mille(m) {
                        valeur = valeur.and_then(|v| v.checked_mul(Decimal::from(1000)));
                        i += 1;
                    } else if est_million(m) {
                        valeur = valeur.and_then(|v| v.checked_mul(Decimal::from(1_000_000)));
                        i += 1;
                    }
                }
                trouves.push(Trouve {
                    valeur,
                    article: false,
                });
            }
            Jeton::Mot(m) if est_mot_nombre(m) => {
                let mut serie: Vec<&str> = vec![m.as_str()];
                let mut j = i + 1;
                loop {
                    match mot(j) {
                        Some(m) if est_mot_nombre(m) => {
                            serie.push(m);
                            j += 1;
                        }
                        Some(liaison @ ("et" | "and"))
                            if mot(j + 1).is_some_and(est_mot_nombre) =>
                        {
                            serie.push(liaison);
                            j += 1;
                        }
                        _ => break,
                    }
                }
                let article = matches!(serie.as_slice(), ["un"] | ["une"]);
                trouves.push(Trouve {
                    valeur: nombre_en_lettres(&serie)
                        .or_else(|| nombre_en_anglais(&serie))
                        .map(Decimal::from),
                    article,
                });
                i = j;
            }
            Jeton::Mot(_) => i += 1,
        }
    }
    trouves
}

/// Words saying "none" when no number is given.
const ZERO_MOTS: &[&str] = &[
    "aucun",
    "aucune",
    "rien",
    "personne",
    "nada",
    "neant",
    "none",
    "nothing",
    "nobody",
    "sans",
    "gratuit",
    "gratuitement",
];
const ZERO_PHRASES: &[&[&str]] = &[
    &["pas", "d"],
    &["pas", "de"],
    &["en", "ai", "pas"],
    &["que", "dalle"],
    &["no", "children"],
];

pub(super) fn dit_zero(mots: &[&str]) -> bool {
    mots.iter().any(|m| ZERO_MOTS.contains(m)) || ZERO_PHRASES.iter().any(|p| contient(mots, p))
}

/// Reads a number (an age, a count of children or people, a number of
/// parts): digits ("34", "j'ai 34 ans", "34ans", "2,5"), French words
/// ("trente-quatre", "quatre-vingt-dix-neuf", "deux cent mille", Belgian and
/// Swiss "septante", "nonante" too), or a "none" ("aucun", "pas d'enfant",
/// "zéro", "rien") → 0; a lone "un"/"une" is 1.
///
/// Decimals are kept (the caller checks that a count is whole). A minus sign
/// or "moins" gives `Incompris`, as does an answer with two numbers
/// ("34 ou 35", "un ou deux", "deux trois") or a malformed one ("1.2.3").
/// A number takes precedence over a "none" word ("une personne" is 1).
pub fn nombre(texte: &str) -> Compris<Decimal> {
    let n = normaliser(texte);
    let mots = mots(&n);
    if ne_sait_pas(texte, &mots) {
        return Compris::NeSaitPas;
    }
    let (jetons, negatif) = lexer(&n);
    if negatif || mots.contains(&"moins") {
        return Compris::Incompris;
    }
    let trouves = extraire_nombres(&jetons);
    match trouves.as_slice() {
        [] if dit_zero(&mots) => Compris::Valeur(Decimal::ZERO),
        [un] => un.valeur.map_or(Compris::Incompris, Compris::Valeur),
        _ => Compris::Incompris,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::reponse::tests::v;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn nombre_table() {
        let cas: &[(&str, Decimal)] = &[
            ("34", dec!(34)),
            ("j'ai 34 ans", dec!(34)),
            ("34ans", dec!(34)),
            ("34 ans.", dec!(34)),
            ("trente-quatre", dec!(34)),
            ("trente quatre", dec!(34)),
            ("Trente-Quatre ans", dec!(34)),
            ("deux", dec!(2)),
            ("aucun", dec!(0)),
            ("pas d'enfant", dec!(0)),
            ("pas d’enfants", dec!(0)),
            ("zéro", dec!(0)),
            ("0", dec!(0)),
            ("un", dec!(1)),
            ("une", dec!(1)),
            ("j'ai un enfant", dec!(1)),
            ("vingt", dec!(20)),
            ("vingt et un", dec!(21)),
            ("vingt-et-un", dec!(21)),
            ("soixante-dix", dec!(70)),
            ("soixante et onze", dec!(71)),
            ("soixante-dix-sept", dec!(77)),
            ("quatre-vingts", dec!(80)),
            ("quatre-vingt-un", dec!(81)),
            ("quatre-vingt-dix-neuf", dec!(99)),
            ("septante-cinq", dec!(75)),
            ("nonante", dec!(90)),
            ("cent", dec!(100)),
            ("cent un", dec!(101)),
            ("deux cents", dec!(200)),
            ("deux cent trois", dec!(203)),
            ("mille", dec!(1000)),
            ("deux mille vingt-six", dec!(2026)),
            (
                "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf",
                dec!(999999),
            ),
            ("dix-sept", dec!(17)),
            ("2,5", dec!(2.5)),
            ("2.5 parts", dec!(2.5)),
            ("1 000", dec!(1000)),
            ("1000", dec!(1000)),
            ("une personne", dec!(1)),
            ("j'en ai 3", dec!(3)),
        ];
        for (t, attendu) in cas {
            assert_eq!(nombre(t), v(*attendu), "{t:?}");
        }
        for t in [
            "34 ou 35",
            "-3",
            "moins 2",
            "deux trois",
            "un ou deux",
            "",
            "bonjour",
            "1.2.3",
            "12/03/1990",
            "cent cent",
            "vingt vingt",
        ] {
            assert_eq!(nombre(t), Compris::Incompris, "{t:?}");
        }
        for t in [
            "je sais pas",
            "jsp",
            "?",
            "aucune idee",
            "dunno",
            "je ne sais pas trop",
        ] {
            assert_eq!(nombre(t), Compris::NeSaitPas, "{t:?}");
        }
    }

    /// French spelling of `n` (0–999 999), hyphens or spaces between words.
    fn en_lettres(n: u32, tirets: bool) -> String {
        const UNITES: [&str; 17] = [
            "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize",
        ];
        const DIZAINES: [&str; 7] = [
            "",
            "",
            "vingt",
            "trente",
            "quarante",
            "cinquante",
            "soixante",
        ];
        fn sous_cent(n: u32) -> Vec<String> {
            match n {
                0..=16 => vec![UNITES[n as usize].to_string()],
                17..=19 => vec!["dix".into(), UNITES[(n - 10) as usize].into()],
                20..=69 => {
                    let (d, u) = (n / 10, n % 10);
                    let mut v = vec![DIZAINES[d as usize].to_string()];
                    match u {
                        0 => {}
                        1 => v.extend(["et".to_string(), "un".to_string()]),
                        _ => v.push(UNITES[u as usize].into()),
                    }
                    v
                }
                70..=79 => {
                    let mut v = vec!["soixante".to_string()];
                    if n == 71 {
                        v.push("et".into());
                    }
                    v.extend(sous_cent(n - 60));
                    v
                }
                80 => vec!["quatre".into(), "vingts".into()],
                _ => {
                    let mut v = vec!["quatre".to_string(), "vingt".to_string()];
                    v.extend(sous_cent(n - 80));
                    v
                }
            }
        }
        fn sous_mille(n: u32) -> Vec<String> {
            let (c, r) = (n / 100, n % 100);
            let mut v = Vec::new();
            match c {
                0 => return sous_cent(r),
                1 => v.push("cent".to_string()),
                _ => {
                    v.push(UNITES[c as usize].to_string());
                    v.push(if r == 0 { "cents" } else { "cent" }.to_string());
                }
            }
            if r > 0 {
                v.extend(sous_cent(r));
            }
            v
        }
        let (m, r) = (n / 1000, n % 1000);
        let mut v = Vec::new();
        match m {
            0 => {}
            1 => v.push("mille".to_string()),
            _ => {
                let mut p = sous_mille(m);
                // "quatre-vingt mille", "deux cent mille": no plural before mille
                if let Some(d) = p.last_mut() {
                    if d == "vingts" || d == "cents" {
                        d.pop();
                    }
                }
                v.extend(p);
                v.push("mille".to_string());
            }
        }
        if r > 0 || m == 0 {
            v.extend(sous_mille(r));
        }
        v.join(if tirets { "-" } else { " " })
    }

    #[test]
    fn speller_sanity() {
        assert_eq!(en_lettres(80, true), "quatre-vingts");
        assert_eq!(en_lettres(71, false), "soixante et onze");
        assert_eq!(en_lettres(200_000, false), "deux cent mille");
        assert_eq!(
            en_lettres(1_999, true),
            "mille-neuf-cent-quatre-vingt-dix-neuf"
        );
    }

    proptest! {
        #[test]
        fn nombre_chiffres(n in 0u32..=999_999) {
            prop_assert_eq!(nombre(&n.to_string()), v(Decimal::from(n)));
        }

        #[test]
        fn nombre_lettres(n in 0u32..=999_999, tirets: bool) {
            let s = en_lettres(n, tirets);
            prop_assert_eq!(nombre(&s), v(Decimal::from(n)), "{}", s);
        }
    }
}
