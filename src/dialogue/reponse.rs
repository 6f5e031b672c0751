//! Understanding the free-text answers people type by SMS.
//!
//! The dialogue asks one question per message and the answer comes back as
//! whatever a person types on a basic phone: no accents or stray accents,
//! capitals, `oui !`, `j'ai 34 ans`, `1 200 €`, `mille deux cents`, `jsp`,
//! a date of birth in any common French shape. Each function here reads one
//! kind of answer and says whether it understood it ([`Compris::Valeur`]),
//! did not ([`Compris::Incompris`], the dialogue re-asks with a hint) or the
//! person said they do not know ([`Compris::NeSaitPas`]).
//!
//! The module is pure: no I/O, no clock (today's date is passed in), and no
//! input can make it panic. When an answer could mean two things (`34 ou 35`,
//! `oui non`, two postal codes) the answer is [`Compris::Incompris`]: asking
//! again costs one SMS, a wrong fact costs a wrong result.

use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::{Decimal, RoundingStrategy};

/// What an answer parser made of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compris<T> {
    /// The answer was understood and means this value.
    Valeur(T),
    /// The answer could not be read, or could mean several things.
    Incompris,
    /// The person said they do not know ("je sais pas", "jsp", "?", "dunno"…).
    NeSaitPas,
}

impl<T> Compris<T> {
    /// The understood value, if any.
    pub fn valeur(self) -> Option<T> {
        match self {
            Compris::Valeur(v) => Some(v),
            _ => None,
        }
    }

    /// Applies `f` to an understood value, keeping the other cases.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Compris<U> {
        match self {
            Compris::Valeur(v) => Compris::Valeur(f(v)),
            Compris::Incompris => Compris::Incompris,
            Compris::NeSaitPas => Compris::NeSaitPas,
        }
    }
}

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

/// Normalises a typed answer for matching: lowercase, accents and ligatures
/// folded to ASCII (`é`→`e`, `ç`→`c`, `œ`→`oe`, `ß`→`ss`), typographic
/// apostrophes and dashes turned into `'` and `-`, every kind of space
/// (no-break, narrow no-break, tabs, new lines) collapsed into one space, and
/// punctuation trimmed at both ends (`« Oui ! »` → `oui`). Digits, `,`, `.`,
/// `€` and inner punctuation are kept; a leading `-` directly before a digit
/// is kept so that negative numbers can be refused.
pub fn normaliser(texte: &str) -> String {
    let mut brut = String::with_capacity(texte.len());
    for c in texte.chars() {
        for l in c.to_lowercase() {
            replier(l, &mut brut);
        }
    }
    let mut sortie = String::with_capacity(brut.len());
    for morceau in brut.split(' ').filter(|m| !m.is_empty()) {
        if !sortie.is_empty() {
            sortie.push(' ');
        }
        sortie.push_str(morceau);
    }
    rogner(&sortie).to_string()
}

/// Folds one lowercase character into `s`.
fn replier(c: char, s: &mut String) {
    let r: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'ś' | 'š' | 'ş' => "s",
        'ź' | 'ż' | 'ž' => "z",
        'ł' => "l",
        'ğ' => "g",
        'ř' => "r",
        'ď' | 'đ' => "d",
        'ť' | 'ţ' => "t",
        'º' | '°' => "°",
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' | '´' | '\u{2032}' | '\u{02BC}' => "'",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{0300}'..='\u{036F}' => "",
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        c if c.is_whitespace() || c.is_control() => " ",
        c => {
            s.push(c);
            return;
        }
    };
    s.push_str(r);
}

/// Trims spaces and punctuation at both ends, keeping `€` and a leading sign
/// directly followed by a digit.
fn rogner(t: &str) -> &str {
    let mut debut = t;
    loop {
        let mut it = debut.chars();
        match it.next() {
            Some(c) if c.is_alphanumeric() || c == '€' => break,
            Some('-' | '+') if it.next().is_some_and(|d| d.is_ascii_digit()) => break,
            Some(c) => debut = &debut[c.len_utf8()..],
            None => break,
        }
    }
    debut.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '€'))
}

/// The words of a normalised text: maximal runs of letters and digits.
fn mots(normalise: &str) -> Vec<&str> {
    normalise
        .split(|c: char| !c.is_alphanumeric())
        .filter(|m| !m.is_empty())
        .collect()
}

/// Whether `mots` contains `suite` as consecutive words.
fn contient(mots: &[&str], suite: &[&str]) -> bool {
    !suite.is_empty() && mots.windows(suite.len()).any(|w| w == suite)
}

/// "I don't know" phrases, as word sequences of the normalised text.
const NE_SAIT_PAS: &[&[&str]] = &[
    &["sais", "pas"],
    &["sait", "pas"],
    &["sai", "pas"],
    &["se", "pas"],
    &["sais", "plus"],
    &["ne", "sais"],
    &["ne", "sait"],
    &["jsp"],
    &["jsais"],
    &["chais", "pas"],
    &["chai", "pas"],
    &["che", "pas"],
    &["nsp"],
    &["aucune", "idee"],
    &["pas", "d", "idee"],
    &["sans", "idee"],
    &["pas", "sur"],
    &["pas", "sure"],
    &["pas", "certain"],
    &["pas", "certaine"],
    &["don", "t", "know"],
    &["dont", "know"],
    &["do", "not", "know"],
    &["dunno"],
    &["idk"],
    &["no", "idea"],
    &["not", "sure"],
    &["no", "clue"],
    &["rappelle", "plus"],
    &["rappelle", "pas"],
    &["souviens", "plus"],
    &["souviens", "pas"],
    &["chai", "plus"],
    &["c", "pas"],
    &["che", "pa"],
    &["sais", "rien"],
    &["sait", "rien"],
    &["sai", "rien"],
    &["no", "idea"],
    &["can", "t", "remember"],
    &["cant", "remember"],
    &["don", "t", "remember"],
    &["not", "certain"],
];

/// Whether the answer says "I don't know". `brut` is the text as typed (a
/// lone `?` is trimmed away by [`normaliser`]).
fn ne_sait_pas(brut: &str, mots: &[&str]) -> bool {
    let t = brut.trim();
    if !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '?' | '¿' | '？') || c.is_whitespace())
    {
        return true;
    }
    NE_SAIT_PAS.iter().any(|p| contient(mots, p))
}

// ---------------------------------------------------------------------------
// Oui / non
// ---------------------------------------------------------------------------

const OUI: &[&str] = &[
    "oui",
    "ouais",
    "ouai",
    "ouaip",
    "ouep",
    "ouaich",
    "wi",
    "ui",
    "oe",
    "yes",
    "yep",
    "yeah",
    "yup",
    "ok",
    "okay",
    "okey",
    "oki",
    "dac",
    "dacc",
    "daccord",
    "exact",
    "exacte",
    "exactement",
    "absolument",
    "certainement",
    "evidemment",
    "effectivement",
    "affirmatif",
    "biensur",
    "carrement",
    "sure",
    "correct",
    "vrai",
    "volontiers",
];

const NON: &[&str] = &[
    "non",
    "nn",
    "nan",
    "nop",
    "no",
    "nope",
    "nah",
    "niet",
    "jamais",
    "never",
    "negatif",
    "aucunement",
    "nenni",
];

/// Words that mean yes or no only when they are the whole answer.
const OUI_SEUL: &[&str] = &["o", "y", "1", "si"];
const NON_SEUL: &[&str] = &["n", "2"];

const PHRASES_NON: &[&[&str]] = &[
    &["bien", "sur", "que", "non"],
    &["of", "course", "not"],
    &["pas", "du", "tout"],
    &["pas", "vraiment"],
    &["pas", "encore"],
    &["toujours", "pas"],
    &["absolument", "pas"],
    &["certainement", "pas"],
    &["surement", "pas"],
    &["pas", "d", "accord"],
    &["pas", "exact"],
    &["pas", "vrai"],
    &["not", "at", "all"],
    &["not", "really"],
];

const PHRASES_OUI: &[&[&str]] = &[
    &["bien", "sur", "que", "oui"],
    &["bien", "sur"],
    &["d", "accord"],
    &["tout", "a", "fait"],
    &["c", "est", "ca"],
    &["of", "course"],
    &["pas", "de", "souci"],
    &["pas", "de", "soucis"],
    &["pas", "de", "probleme"],
    &["sans", "probleme"],
];

/// Words that make a sentence negative ("je ne suis pas en couple").
const NEGATIONS: &[&str] = &["pas", "plus", "jamais", "aucun", "aucune", "ni"];

/// Removes repeated letters: "ouiii" → "oui", "nnon" → "non".
fn sans_repetitions(mot: &str) -> String {
    let mut s = String::with_capacity(mot.len());
    let mut prec = None;
    for c in mot.chars() {
        if Some(c) != prec {
            s.push(c);
        }
        prec = Some(c);
    }
    s
}

/// Marks the words of every occurrence of `phrase` not yet taken; returns
/// whether one was found.
fn marquer(mots: &[&str], phrase: &[&str], pris: &mut [bool]) -> bool {
    let mut trouve = false;
    let n = phrase.len();
    if n == 0 || n > mots.len() {
        return false;
    }
    for i in 0..=mots.len() - n {
        if mots[i..i + n] == *phrase && !pris[i..i + n].iter().any(|p| *p) {
            pris[i..i + n].iter_mut().for_each(|p| *p = true);
            trouve = true;
        }
    }
    trouve
}

/// Reads a yes/no answer: `Valeur(true)` for yes, `Valeur(false)` for no.
///
/// Yes: oui, o, ouais, ouai, wi, yes, y, ok, d'accord, bien sûr, exact,
/// absolument, si, `1` (when choices are 1 = oui, 2 = non), and any sentence
/// whose only yes/no word is a yes ("oui je suis en couple"). No: non, n, nn,
/// nan, no, nope, pas du tout, jamais, `2`, and, when no yes/no word is
/// present, a negative sentence ("je suis pas en couple"). Single letters and
/// digits count only as the whole answer (the `n` of "je n'ai" is not a no).
/// Repeated letters are forgiven ("ouiii", "nnon"), and a one-word answer at
/// Damerau-Levenshtein distance 1 from exactly one side is accepted ("oiu").
/// Both a yes and a no ("oui non", "oui mais pas du tout") give `Incompris`;
/// "peut-être" and "maybe" give `NeSaitPas`.
pub fn oui_non(texte: &str) -> Compris<bool> {
    let n = normaliser(texte);
    let mots = mots(&n);
    if ne_sait_pas(texte, &mots)
        || contient(&mots, &["peut", "etre"])
        || contient(&mots, &["maybe"])
    {
        return Compris::NeSaitPas;
    }
    if mots.is_empty() {
        return Compris::Incompris;
    }
    if mots.len() == 1 {
        let m = sans_repetitions(mots[0]);
        if OUI_SEUL.contains(&mots[0]) || OUI_SEUL.contains(&m.as_str()) {
            return Compris::Valeur(true);
        }
        if NON_SEUL.contains(&mots[0]) || NON_SEUL.contains(&m.as_str()) {
            return Compris::Valeur(false);
        }
    }
    let mut pris = vec![false; mots.len()];
    let mut oui = false;
    let mut non = false;
    for p in PHRASES_NON {
        non |= marquer(&mots, p, &mut pris);
    }
    for p in PHRASES_OUI {
        oui |= marquer(&mots, p, &mut pris);
    }
    for (i, m) in mots.iter().enumerate() {
        if pris[i] {
            continue;
        }
        let r = sans_repetitions(m);
        if OUI.contains(m) || OUI.contains(&r.as_str()) {
            oui = true;
        } else if NON.contains(m) || NON.contains(&r.as_str()) {
            non = true;
        } else if i == 0 && *m == "si" {
            oui = true;
        }
    }
    match (oui, non) {
        (true, false) => return Compris::Valeur(true),
        (false, true) => return Compris::Valeur(false),
        (true, true) => return Compris::Incompris,
        (false, false) => {}
    }
    if mots.len() == 1 {
        let r = sans_repetitions(mots[0]);
        if r.chars().count() >= 3 && r.chars().all(char::is_alphabetic) {
            let proche = |liste: &[&str]| {
                liste
                    .iter()
                    .any(|l| l.len() >= 3 && damerau_levenshtein(&r, l) <= 1)
            };
            match (proche(OUI), proche(NON)) {
                (true, false) => return Compris::Valeur(true),
                (false, true) => return Compris::Valeur(false),
                _ => {}
            }
        }
        return Compris::Incompris;
    }
    if mots.iter().any(|m| NEGATIONS.contains(m)) {
        return Compris::Valeur(false);
    }
    Compris::Incompris
}

// ---------------------------------------------------------------------------
// Numbers: lexer
// ---------------------------------------------------------------------------

/// A token of a normalised answer.
#[derive(Debug, Clone, PartialEq)]
enum Jeton {
    /// A number written with digits; `None` when malformed ("1.2.3").
    Chiffres(Option<Decimal>),
    /// A run of letters.
    Mot(String),
}

/// Splits a normalised text into numbers and words; the flag says whether a
/// number carries a minus sign ("-5", "moins 5" is checked on the words).
fn lexer(texte: &str) -> (Vec<Jeton>, bool) {
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
fn lire_chiffres(c: &[char], i: &mut usize) -> String {
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
struct Trouve {
    /// `None` when it was written but malformed.
    valeur: Option<Decimal>,
    /// Whether it is a lone "un"/"une", often an article ("un salaire").
    article: bool,
}

/// Every number of an answer, digits or words ("2 mille" is one number).
fn extraire_nombres(jetons: &[Jeton]) -> Vec<Trouve> {
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

fn dit_zero(mots: &[&str]) -> bool {
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

// ---------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------

/// The largest monthly (or yearly, as typed) amount accepted, in euros.
const MONTANT_MAX: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

const ANNUEL: &[&str] = &[
    "an",
    "ans",
    "annuel",
    "annuels",
    "annuelle",
    "annuelles",
    "annee",
    "annees",
    "year",
    "yearly",
    "annual",
];
const MENSUEL: &[&str] = &[
    "mois",
    "mensuel",
    "mensuels",
    "mensuelle",
    "mensuelles",
    "mensualite",
    "month",
    "monthly",
];
const AUTRE_PERIODE: &[&str] = &[
    "semaine",
    "semaines",
    "hebdo",
    "hebdomadaire",
    "jour",
    "jours",
    "journalier",
    "trimestre",
    "trimestres",
    "trimestriel",
    "trimestrielle",
    "heure",
    "heures",
    "h",
    "week",
    "weekly",
    "day",
    "daily",
    "hour",
];

/// Reads an amount of money per month: "1200", "1 200 €", "1200e",
/// "1200 euros", "1.200,50", "1 200,5", "1200.5", "1k2" (= 1 200),
/// "mille deux cents", "2 mille", "800 par mois"; "rien", "aucun", "0",
/// "pas de salaire", "gratuit" → 0.
///
/// Separators follow French conventions first (see below); both
/// `1.200,50` and `1,200.50` read as 1 200.50, and a single `,` or `.`
/// followed by exactly three digits is a thousands separator (`1,200` =
/// 1 200), since no amount has three decimals. More than two decimals
/// (`12,3456`) gives `Incompris`.
///
/// An amount "par an", "/an", "annuel" is divided by 12 and rounded to the
/// cent with [`RoundingStrategy::MidpointAwayFromZero`]. Another period
/// ("par semaine", "de l'heure") gives `Incompris`: the question asks per
/// month and the dialogue re-asks. A minus sign, two amounts ("1200 ou
/// 1300"), or an amount over 1 000 000 as typed give `Incompris`. A lone
/// "un"/"une" next to another number is read as an article ("un salaire de
/// 1200" is 1 200).
pub fn montant(texte: &str) -> Compris<Decimal> {
    let n = normaliser(texte);
    let mots = mots(&n);
    if ne_sait_pas(texte, &mots) {
        return Compris::NeSaitPas;
    }
    let (jetons, negatif) = lexer(&n);
    if negatif || mots.contains(&"moins") {
        return Compris::Incompris;
    }
    let annuel = mots.iter().any(|m| ANNUEL.contains(m));
    let mensuel = mots.iter().any(|m| MENSUEL.contains(m));
    if (annuel && mensuel) || mots.iter().any(|m| AUTRE_PERIODE.contains(m)) {
        return Compris::Incompris;
    }
    let mut trouves = extraire_nombres(&jetons);
    if trouves.len() > 1 {
        trouves.retain(|t| !t.article);
    }
    let valeur = match trouves.as_slice() {
        [] if dit_zero(&mots) => Decimal::ZERO,
        [un] => match un.valeur {
            Some(v) => v,
            None => return Compris::Incompris,
        },
        _ => return Compris::Incompris,
    };
    if valeur.is_sign_negative() && !valeur.is_zero() || valeur > MONTANT_MAX {
        return Compris::Incompris;
    }
    if valeur.normalize().scale() > 2 {
        return Compris::Incompris;
    }
    let mensuelle = if annuel {
        (valeur / Decimal::from(12))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    } else {
        valeur
    };
    Compris::Valeur(mensuelle.normalize())
}

// ---------------------------------------------------------------------------
// Postal code
// ---------------------------------------------------------------------------

/// Reads a French postal code: "75011", "75 011", "je suis au 75011",
/// "20000" (Corsica), "97400" (Réunion).
///
/// The first two digits must be 01–95, 97 or 98. Shorter numbers (house
/// numbers, "paris 11") are ignored, 4 digits too: "1300" may be 01300 with
/// its leading zero dropped or 13000 with a digit missing, and guessing
/// would record a wrong place silently (`dialogue::lieu` asks which). Two
/// candidates, or a longer run of digits such as a phone number, give
/// `Incompris`.
pub fn code_postal(texte: &str) -> Compris<String> {
    let n = normaliser(texte);
    let mots_ = mots(&n);
    if ne_sait_pas(texte, &mots_) {
        return Compris::NeSaitPas;
    }
    let c: Vec<char> = n.chars().collect();
    let mut suites: Vec<String> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_ascii_digit() {
            let mut s = lire_chiffres(&c, &mut i);
            // "75 011", "75.011"
            if s.len() == 2
                && i < c.len()
                && matches!(c[i], ' ' | '.' | '-')
                && c[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count() == 3
            {
                i += 1;
                s.push_str(&lire_chiffres(&c, &mut i));
            }
            suites.push(s);
        } else {
            i += 1;
        }
    }
    let mut candidats = Vec::new();
    for s in suites {
        match s.len() {
            0..=4 => {}
            5 => candidats.push(s),
            _ => return Compris::Incompris,
        }
    }
    match candidats.as_slice() {
        [cp] => {
            let dep: u32 = cp[..2].parse().unwrap_or(0);
            if (1..=95).contains(&dep) || dep == 97 || dep == 98 {
                Compris::Valeur(cp.clone())
            } else {
                Compris::Incompris
            }
        }
        _ => Compris::Incompris,
    }
}

// ---------------------------------------------------------------------------
// Multiple choice
// ---------------------------------------------------------------------------

/// Damerau-Levenshtein distance (optimal string alignment) between two words.
fn damerau_levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, ligne) in d.iter_mut().enumerate() {
        ligne[0] = i;
    }
    for (j, case) in d[0].iter_mut().enumerate() {
        *case = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cout = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cout);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Words of a normalised text, with letters and digits split apart
/// ("no2" → "no", "2"; "2eme" → "2", "eme").
fn mots_separes(normalise: &str) -> Vec<String> {
    let mut sortie = Vec::new();
    for m in mots(normalise) {
        let mut courant = String::new();
        let mut chiffre = None;
        for c in m.chars() {
            let d = c.is_ascii_digit();
            if chiffre.is_some_and(|p| p != d) {
                sortie.push(std::mem::take(&mut courant));
            }
            chiffre = Some(d);
            courant.push(c);
        }
        if !courant.is_empty() {
            sortie.push(courant);
        }
    }
    sortie
}

/// Words that may come before an option's number ("le 2", "n°2", "choix 2").
const AVANT_NUMERO: &[&str] = &[
    "le", "la", "l", "c", "est", "choix", "option", "reponse", "numero", "num", "n", "no", "nr",
    "je", "prends", "prend", "choisis", "number", "the",
];
/// Ordinal endings after an option's number ("1er", "2eme").
const APRES_NUMERO: &[&str] = &["er", "ere", "e", "eme", "em", "nd", "st", "th"];

/// Reads the choice of one option among `options`, each given as
/// `(key, value, synonyms)`, e.g. `("1", "Locataire", &["location"])`;
/// returns the index of the chosen option.
///
/// In this order:
/// 1. by key: "2", "2)", "le 2", "n°2", "choix 2", "2eme";
/// 2. by the whole answer equal to a value or synonym, accents and case
///    folded ("Locataire", "LOCATAIRE", "locataire.");
/// 3. "je sais pas" and the like → `NeSaitPas` (only now, so that an
///    option "Je ne sais pas" is chosen by name);
/// 4. by a value or synonym contained in the answer ("je suis locataire"),
///    the longest one winning, unless the answer adds a negation the label
///    does not have ("je ne suis pas locataire" is `Incompris`); an answer
///    starting with a key and naming another option is `Incompris`;
/// 5. by a typo: a word of at least 5 letters at Damerau-Levenshtein
///    distance 1 from a word of at least 5 letters of exactly one option,
///    or, when several options share that word, the option whose whole
///    label is at distance 1 from the whole answer ("locatiare" is
///    "Locataire", not "Locataire HLM");
/// 6. by a prefix of at least 4 letters of exactly one option ("locat").
///
/// Whenever several options match at the same step the answer is `Incompris`.
pub fn choix(texte: &str, options: &[(&str, &str, &[&str])]) -> Compris<usize> {
    let n = normaliser(texte);
    let separes = mots_separes(&n);
    let mut reste: &[String] = &separes;
    while reste.len() > 1 && AVANT_NUMERO.contains(&reste[0].as_str()) {
        reste = &reste[1..];
    }
    let cles: Vec<String> = options
        .iter()
        .map(|o| mots(&normaliser(o.0)).join(" "))
        .collect();
    let numero_seul = match reste {
        [k] => Some(k.as_str()),
        [k, fin] if APRES_NUMERO.contains(&fin.as_str()) => Some(k.as_str()),
        _ => None,
    };
    if let Some(k) = numero_seul {
        if let Some(idx) = unique(
            cles.iter()
                .enumerate()
                .filter(|(_, c)| *c == k)
                .map(|(i, _)| i),
        ) {
            return Compris::Valeur(idx);
        }
    }
    // a digit key followed by more words: "2 locataire", "2. locataire"
    let cle_en_tete = match reste {
        [k, _, ..] if k.chars().all(|c| c.is_ascii_digit()) => unique(
            cles.iter()
                .enumerate()
                .filter(|(_, c)| *c == k)
                .map(|(i, _)| i),
        ),
        _ => None,
    };

    let mots_texte = mots(&n);
    let texte_joint = mots_texte.join(" ");
    let etiquettes: Vec<Vec<String>> = options
        .iter()
        .map(|(_, valeur, synonymes)| {
            std::iter::once(*valeur)
                .chain(synonymes.iter().copied())
                .map(|e| mots(&normaliser(e)).join(" "))
                .filter(|e| !e.is_empty())
                .collect()
        })
        .collect();

    // 2. whole answer equals a label
    if !texte_joint.is_empty() {
        let egaux: Vec<usize> = (0..options.len())
            .filter(|&i| etiquettes[i].contains(&texte_joint))
            .collect();
        match egaux.as_slice() {
            [i] => return Compris::Valeur(*i),
            [_, _, ..] => return Compris::Incompris,
            [] => {}
        }
    }
    // 3. don't know
    if ne_sait_pas(texte, &mots_texte) {
        return Compris::NeSaitPas;
    }
    let negations_en_trop = |etiquette: &str| {
        let mots_etiquette: Vec<&str> = etiquette.split(' ').collect();
        mots_texte
            .iter()
            .any(|m| NEGATIONS.contains(m) && !mots_etiquette.contains(m))
            || (mots_texte.contains(&"ne") || mots_texte.contains(&"n"))
                && !mots_etiquette.contains(&"ne")
                && !mots_etiquette.contains(&"n")
                && !mots_etiquette.contains(&"non")
    };
    // 4. a label contained in the answer
    let mut meilleur: Option<(usize, Vec<usize>)> = None;
    for (i, es) in etiquettes.iter().enumerate() {
        for e in es {
            let suite: Vec<&str> = e.split(' ').collect();
            if contient(&mots_texte, &suite) {
                let l = suite.len();
                match &mut meilleur {
                    Some((lm, idx)) if *lm == l => {
                        if !idx.contains(&i) {
                            idx.push(i);
                        }
                    }
                    Some((lm, _)) if *lm > l => {}
                    _ => meilleur = Some((l, vec![i])),
                }
            }
        }
    }
    if let Some((_, idx)) = meilleur {
        return match (idx.as_slice(), cle_en_tete) {
            ([i], Some(k)) if *i != k => Compris::Incompris,
            ([i], _) => {
                let negatif = etiquettes[*i]
                    .iter()
                    .filter(|e| contient(&mots_texte, &e.split(' ').collect::<Vec<_>>()))
                    .all(|e| negations_en_trop(e));
                if negatif {
                    Compris::Incompris
                } else {
                    Compris::Valeur(*i)
                }
            }
            _ => Compris::Incompris,
        };
    }
    if let Some(k) = cle_en_tete {
        return Compris::Valeur(k);
    }
    // 5. a typo
    let longs: Vec<&str> = mots_texte
        .iter()
        .copied()
        .filter(|m| m.chars().count() >= 5)
        .collect();
    if !longs.is_empty() {
        let proches: Vec<usize> = (0..options.len())
            .filter(|&i| {
                etiquettes[i].iter().any(|e| {
                    e.split(' ').any(|me| {
                        me.chars().count() >= 5
                            && longs.iter().any(|m| damerau_levenshtein(m, me) <= 1)
                    }) && !negations_en_trop(e)
                })
            })
            .collect();
        // Several options share the word ("locataire", "locataire HLM"):
        // the one whose whole label the whole answer misspells wins.
        let entieres = proches.iter().copied().filter(|&i| {
            etiquettes[i]
                .iter()
                .any(|e| damerau_levenshtein(&texte_joint, e) <= 1)
        });
        match (proches.as_slice(), unique(entieres)) {
            ([i], _) => return Compris::Valeur(*i),
            ([_, _, ..], Some(i)) => return Compris::Valeur(i),
            ([_, _, ..], None) => return Compris::Incompris,
            ([], _) => {}
        }
    }
    // 6. a prefix
    if texte_joint.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
        let prefixes = (0..options.len())
            .filter(|&i| etiquettes[i].iter().any(|e| e.starts_with(&texte_joint)));
        if let Some(i) = unique(prefixes) {
            return Compris::Valeur(i);
        }
    }
    Compris::Incompris
}

/// The only item of an iterator, if there is exactly one.
fn unique(mut it: impl Iterator<Item = usize>) -> Option<usize> {
    let premier = it.next()?;
    it.next().is_none().then_some(premier)
}

// ---------------------------------------------------------------------------
// Dates of birth
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Amounts as people give them: gross, weekly, a range, the SMIC, a letter O
// ---------------------------------------------------------------------------

/// How an amount was converted from what was typed; the dialogue reads each
/// conversion back to the person ("J'ai compris : 780 € net par mois").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// Said gross: multiplied by the lexicon's net share.
    Brut,
    /// Said per week: times 52, divided by 12.
    Semaine,
    /// Said per year: divided by 12.
    Annee,
    /// A range ("entre 800 et 900"): its midpoint.
    Fourchette(Decimal, Decimal),
    /// "le SMIC": the month's net SMIC.
    Smic,
    /// A letter O typed for a zero ("9OO").
    LettreO,
    /// A rent given with its charges: the flat-rate charges taken off.
    ChargesComprises(Decimal),
    /// Two amounts added ("900 + 300 de complémentaire").
    Somme(Decimal, Decimal),
    /// Said per day (unemployment benefit is paid by the day): times 365, divided by 12.
    Jour,
}

/// An amount per month, and how it was reached from what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MontantLu {
    /// Euros per month.
    pub valeur: Decimal,
    /// Conversions applied, in the order they were applied.
    pub conversions: Vec<Conversion>,
}

/// What amounts depend on besides the text: the lexicon's money words and
/// the figures of the month.
#[derive(Debug, Clone, Copy)]
pub struct ContexteMontant<'a> {
    /// The lexicon's money words.
    pub argent: &'a crate::dialogue::lexique::Argent,
    /// The net monthly SMIC of the month, when known.
    pub smic_net: Option<Decimal>,
    /// The flat-rate charges to take off a rent given with its charges
    /// (`None`: the question is not about a rent).
    pub forfait_charges: Option<Decimal>,
    /// Whether an amount per day makes sense (unemployment benefit).
    pub par_jour: bool,
    /// Whether two amounts may add up (a pension and its complementary part).
    pub somme: bool,
}

static MONTANT_NET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d[\d .,]*\d|\d)\s*(?:€|e|eur|euros?)?\s*nets?\b").expect("a constant pattern")
});
static CHARGES_A_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+|\bet\b|\bplus\b|\bavec\b)?\s*(?:\d+(?:[.,]\d+)?)\s*(?:€|e|euros?)?\s*(?:de |d )?charges?\b|\bcharges?\s*(?:de |: ?)?\d+(?:[.,]\d+)?\s*(?:€|e|euros?)?")
        .expect("a constant pattern")
});

/// Replaces a letter O typed for a zero inside a number ("9OO", "1o5o",
/// "2 0OO") with the digit; says whether it did.
fn lettre_o(normalise: &str) -> (String, bool) {
    let mut sortie = String::with_capacity(normalise.len());
    let mut corrige = false;
    for (i, mot) in normalise.split(' ').enumerate() {
        if i > 0 {
            sortie.push(' ');
        }
        let coeur = mot.trim_end_matches(['€', 'e', '.', ',']);
        let nombre_avec_o = coeur.starts_with(|c: char| c.is_ascii_digit())
            && coeur.contains('o')
            && coeur
                .chars()
                .all(|c| c.is_ascii_digit() || c == 'o' || c == '.' || c == ',');
        if nombre_avec_o {
            corrige = true;
            sortie.push_str(&coeur.replace('o', "0"));
            sortie.push_str(&mot[coeur.len()..]);
        } else {
            sortie.push_str(mot);
        }
    }
    (sortie, corrige)
}

/// Removes from a normalised text every run of words equal to one of `mots`
/// (given in [`crate::dialogue::lexique::forme`]); says whether one was found.
/// Punctuation stuck to a word ("brut," "/semaine") does not hide it.
fn retirer(normalise: &str, mots_a_retirer: &[String]) -> (String, bool) {
    let jetons: Vec<&str> = normalise.split(' ').collect();
    let nus: Vec<String> = jetons
        .iter()
        .map(|j| {
            j.trim_matches(|c: char| !c.is_alphanumeric())
                .replace(['\'', '-'], " ")
        })
        .collect();
    let mut garde = vec![true; jetons.len()];
    let mut trouve = false;
    for m in mots_a_retirer {
        let suite: Vec<&str> = m.split(' ').collect();
        let n = suite.len();
        if n == 0 || n > jetons.len() {
            continue;
        }
        for i in 0..=jetons.len() - n {
            if garde[i..i + n].iter().all(|g| *g) && (0..n).all(|k| nus[i + k] == suite[k]) {
                garde[i..i + n].iter_mut().for_each(|g| *g = false);
                trouve = true;
            }
        }
    }
    let reste: Vec<&str> = jetons
        .iter()
        .zip(&garde)
        .filter(|(_, g)| **g)
        .map(|(j, _)| *j)
        .collect();
    (reste.join(" "), trouve)
}

/// A range of two amounts ("entre 800 et 900", "800 à 900", "800-900",
/// "800 ou 900 ça dépend"): the two ends, when the second is above the
/// first and at most three times it.
fn fourchette(normalise: &str) -> Option<(Decimal, Decimal)> {
    let texte = RANGE_TIRET.replace_all(normalise, "$1 a $2");
    let (jetons, negatif) = lexer(&texte);
    if negatif {
        return None;
    }
    let liaisons = ["entre", "a", "ou", "to", "or", "de", "between", "and", "et"];
    let mots_: Vec<&str> = mots(&texte);
    let lie = mots_.iter().any(|m| liaisons.contains(m));
    // "et" alone adds two amounts ("1200 et 300 de prime"): only "entre … et" is a range.
    let seulement_et = mots_.contains(&"et")
        && !mots_
            .iter()
            .any(|m| ["entre", "a", "ou", "to", "or"].contains(m));
    let seulement_and = mots_.contains(&"and") && !mots_.contains(&"between");
    if !lie || seulement_et || seulement_and {
        return None;
    }
    let trouves: Vec<Decimal> = extraire_nombres(&jetons)
        .into_iter()
        .filter(|t| !t.article)
        .map(|t| t.valeur)
        .collect::<Option<Vec<_>>>()?;
    match trouves.as_slice() {
        [a, b] if a < b && *b <= *a * Decimal::from(3) && !a.is_zero() => Some((*a, *b)),
        _ => None,
    }
}

/// Two amounts to add: joined by "+", or, when `permise` (a pension), by
/// "et" with a word naming the complementary part ("800 et 150 de
/// complémentaire").
fn somme(normalise: &str, permise: bool) -> Option<(Decimal, Decimal)> {
    let (jetons, negatif) = lexer(normalise);
    if negatif {
        return None;
    }
    let m = mots(normalise);
    let plus = normalise.contains('+') || m.contains(&"plus");
    let complementaire = permise
        && m.iter().any(|x| {
            [
                "complementaire",
                "complementaires",
                "agirc",
                "arrco",
                "ircantec",
                "complement",
            ]
            .contains(x)
        });
    if !(plus && permise || complementaire) {
        return None;
    }
    let trouves: Vec<Decimal> = extraire_nombres(&jetons)
        .into_iter()
        .filter(|t| !t.article)
        .map(|t| t.valeur)
        .collect::<Option<Vec<_>>>()?;
    match trouves.as_slice() {
        [a, b] => Some((*a, *b)),
        _ => None,
    }
}

static RANGE_TIRET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d)\s*-\s*(\d)").expect("a constant pattern"));

/// Reads an amount per month as people give it: everything [`montant`]
/// reads, and also a gross amount ("1000 brut", converted to net with the
/// lexicon's rate), a weekly one ("300 par semaine"), a range ("entre 800 et
/// 900": the midpoint), "le SMIC" (the month's net SMIC, half of it for
/// "mi-temps"), a letter O for a zero ("9OO"), and, for a rent, "charges
/// comprises" (the flat-rate charges taken off). Every conversion is listed
/// so that the dialogue can read the result back.
pub fn montant_detaille(texte: &str, ctx: ContexteMontant) -> Compris<MontantLu> {
    // Apostrophes split words here ("à l'année"): no amount holds one.
    let mut n0 = normaliser(texte).replace('\'', " ");
    let loyer = ctx.forfait_charges.is_some();
    if loyer {
        // A rent "after the APL" is not the rent: ask again.
        let m = mots(&n0);
        if m.iter().any(|x| ["apl", "caf", "als", "alf"].contains(x)) {
            return Compris::Incompris;
        }
        // "450 + 50 de charges": the rent is the amount without charges.
        let sans = CHARGES_A_PART.replace_all(&n0, " ").to_string();
        if sans != n0 && sans.chars().any(|c| c.is_ascii_digit()) {
            n0 = sans;
        }
    }
    // "1450 net 1860 brut": the net one.
    if let Some(c) = MONTANT_NET.captures(&n0) {
        if extraire_nombres(&lexer(&n0).0).len() > 1 {
            n0 = c[1].to_string();
        }
    }
    let (n, corrige) = lettre_o(&n0);
    let (n, brut) = retirer(&n, &ctx.argent.brut);
    let (n, semaine) = retirer(&n, &ctx.argent.semaine);
    let (n, smic) = retirer(&n, &ctx.argent.smic);
    let (n, charges) = match ctx.forfait_charges {
        Some(_) => retirer(&n, &ctx.argent.charges_comprises),
        None => (n, false),
    };
    let annuels: Vec<String> = ANNUEL.iter().map(|m| m.to_string()).collect();
    let (n, jour) = if ctx.par_jour {
        retirer(&n, &ctx.argent.jour)
    } else {
        (n, false)
    };
    let (sans_annee, annee) = retirer(&n, &annuels);
    let mut conversions = Vec::new();
    if corrige {
        conversions.push(Conversion::LettreO);
    }
    let mots_n: Vec<String> = mots(&n).iter().map(|m| m.to_string()).collect();
    let moitie = ["mi", "demi", "half"]
        .iter()
        .any(|m| mots_n.iter().any(|x| x == m));
    let mut valeur = match montant(if annee { &sans_annee } else { &n }) {
        Compris::Valeur(v) => v,
        Compris::NeSaitPas => return Compris::NeSaitPas,
        Compris::Incompris => {
            if let Some((a, b)) = somme(if annee { &sans_annee } else { &n }, ctx.somme) {
                conversions.push(Conversion::Somme(a, b));
                a + b
            } else if let Some((a, b)) = fourchette(if annee { &sans_annee } else { &n }) {
                conversions.push(Conversion::Fourchette(a, b));
                ((a + b) / Decimal::TWO)
                    .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            } else if smic
                && extraire_nombres(&lexer(&n).0).is_empty()
                && let Some(s) = ctx.smic_net
            {
                conversions.push(Conversion::Smic);
                if moitie { s / Decimal::TWO } else { s }
            } else {
                return Compris::Incompris;
            }
        }
    };
    if valeur.is_sign_negative() || valeur > MONTANT_MAX {
        return Compris::Incompris;
    }
    if semaine && annee {
        return Compris::Incompris;
    }
    if jour && (semaine || annee) {
        return Compris::Incompris;
    }
    if jour {
        conversions.push(Conversion::Jour);
        valeur = valeur * Decimal::from(365) / Decimal::from(12);
    }
    if semaine {
        conversions.push(Conversion::Semaine);
        valeur = valeur * Decimal::from(52) / Decimal::from(12);
    }
    if annee {
        conversions.push(Conversion::Annee);
        valeur /= Decimal::from(12);
    }
    if brut {
        conversions.push(Conversion::Brut);
        valeur *= ctx.argent.brut_vers_net;
    }
    if charges && let Some(f) = ctx.forfait_charges {
        conversions.push(Conversion::ChargesComprises(valeur));
        valeur = (valeur - f).max(Decimal::ZERO);
    }
    // "smic" typed with a number ("1400 au smic") is just the number.
    let valeur = valeur
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    Compris::Valeur(MontantLu {
        valeur,
        conversions,
    })
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

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn v<T>(x: T) -> Compris<T> {
        Compris::Valeur(x)
    }

    #[test]
    fn normalisation() {
        let cas = [
            ("  Oui ! ", "oui"),
            ("« Éléonore »", "eleonore"),
            ("ÇA VA", "ca va"),
            ("cœur", "coeur"),
            ("Straße", "strasse"),
            ("j’ai  34\u{a0}ans", "j'ai 34 ans"),
            ("1\u{202f}200,50 €", "1 200,50 €"),
            ("e\u{301}te\u{301}", "ete"),
            ("...", ""),
            ("-5", "-5"),
            ("- oui", "oui"),
            ("trente–quatre", "trente-quatre"),
            ("n°2", "n°2"),
            ("nº2", "n°2"),
            ("a\tb\nc", "a b c"),
        ];
        for (entree, attendu) in cas {
            assert_eq!(normaliser(entree), attendu, "{entree:?}");
        }
    }

    #[test]
    fn oui_non_table() {
        let oui = [
            "oui",
            "Oui",
            "OUI !",
            "o",
            "O",
            "ouais",
            "ouai",
            "wi",
            "yes",
            "Y",
            "ok",
            "OK.",
            "d'accord",
            "d’accord",
            "bien sûr",
            "bien sur",
            "exact",
            "absolument",
            "1",
            "oui je suis en couple",
            "ouiiii",
            "oiu",
            "si",
            "Yes please",
            "oui oui",
            "tout à fait",
            "pas de souci",
            "ui",
            "okay",
            "bien sûr que oui",
        ];
        for t in oui {
            assert_eq!(oui_non(t), v(true), "{t:?}");
        }
        let non = [
            "non",
            "NON",
            "n",
            "nn",
            "nan",
            "no",
            "nope",
            "pas du tout",
            "jamais",
            "2",
            "nnon",
            "nonnn",
            "non merci",
            "Non, je vis seul",
            "je ne suis pas en couple",
            "absolument pas",
            "bien sûr que non",
            "pas vraiment",
            "non jamais",
        ];
        for t in non {
            assert_eq!(oui_non(t), v(false), "{t:?}");
        }
        for t in [
            "je sais pas",
            "jsp",
            "?",
            "??",
            "aucune idée",
            "don't know",
            "dunno",
            "peut-être",
            "sais pas",
        ] {
            assert_eq!(oui_non(t), Compris::NeSaitPas, "{t:?}");
        }
        for t in [
            "",
            "...",
            "oui non",
            "3",
            "bonjour",
            "ou",
            "oui mais pas du tout",
            "xyz",
        ] {
            assert_eq!(oui_non(t), Compris::Incompris, "{t:?}");
        }
    }

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

    #[test]
    fn montant_table() {
        let cas: &[(&str, Decimal)] = &[
            ("1200", dec!(1200)),
            ("1 200 €", dec!(1200)),
            ("1\u{202f}200\u{a0}€", dec!(1200)),
            ("1200e", dec!(1200)),
            ("1200 euros", dec!(1200)),
            ("1200€", dec!(1200)),
            ("€1200", dec!(1200)),
            ("1.200,50", dec!(1200.50)),
            ("1,200.50", dec!(1200.50)),
            ("1 200,5", dec!(1200.5)),
            ("1200.5", dec!(1200.5)),
            ("1200,50", dec!(1200.50)),
            ("1.200", dec!(1200)),
            ("1,200", dec!(1200)),
            ("0,50", dec!(0.5)),
            ("12,5", dec!(12.5)),
            ("mille deux cents", dec!(1200)),
            ("mille deux cents euros", dec!(1200)),
            ("2 mille", dec!(2000)),
            ("800 par mois", dec!(800)),
            ("800€/mois", dec!(800)),
            ("rien", dec!(0)),
            ("aucun", dec!(0)),
            ("0", dec!(0)),
            ("pas de salaire", dec!(0)),
            ("je gagne rien", dec!(0)),
            ("1k2", dec!(1200)),
            ("1k", dec!(1000)),
            ("1,5k", dec!(1500)),
            ("12000 par an", dec!(1000)),
            ("12 000 €/an", dec!(1000)),
            ("10000 par an", dec!(833.33)),
            ("100 par an", dec!(8.33)),
            ("1 par an", dec!(0.08)),
            ("0,3 par an", dec!(0.03)),
            ("30 par an", dec!(2.50)),
            ("1000 annuel", dec!(83.33)),
            ("j'ai un salaire de 1500", dec!(1500)),
            ("je touche 1 500 € net par mois", dec!(1500)),
            ("1 000 000", dec!(1000000)),
        ];
        for (t, attendu) in cas {
            assert_eq!(montant(t), v(*attendu), "{t:?}");
        }
        for t in [
            "-50",
            "moins 50",
            "1200 ou 1300",
            "1 000 001",
            "2000000",
            "12,345 6",
            "12,3456",
            "100 par semaine",
            "12 € de l'heure",
            "1200 par mois soit 14400 par an",
            "bonjour",
            "",
            "1.2.3",
        ] {
            assert_eq!(montant(t), Compris::Incompris, "{t:?}");
        }
        for t in ["je sais pas", "?", "jsp"] {
            assert_eq!(montant(t), Compris::NeSaitPas, "{t:?}");
        }
    }

    #[test]
    fn arrondi_annuel_au_demi_cent() {
        // 0.06 / 12 = 0.005 exactly: away from zero gives 0.01.
        assert_eq!(montant("0,06 par an"), v(dec!(0.01)));
        // 1.02 / 12 = 0.085 → 0.09
        assert_eq!(montant("1,02 par an"), v(dec!(0.09)));
    }

    #[test]
    fn code_postal_table() {
        let cas = [
            ("75011", "75011"),
            ("75 011", "75011"),
            ("je suis au 75011", "75011"),
            ("01000", "01000"),
            ("1000 01000", "01000"),
            ("20000", "20000"),
            ("97400", "97400"),
            ("12 rue de la Paix 75002 Paris", "75002"),
            ("75011 paris 11", "75011"),
            ("75011paris", "75011"),
        ];
        for (t, attendu) in cas {
            assert_eq!(code_postal(t), v(attendu.to_string()), "{t:?}");
        }
        for t in [
            "750",
            "1000",
            "1300",
            "750111",
            "0612345678",
            "00100",
            "99000",
            "96000",
            "0100",
            "75011 ou 75012",
            "paris",
            "",
            "75 01 1",
        ] {
            assert_eq!(code_postal(t), Compris::Incompris, "{t:?}");
        }
        assert_eq!(code_postal("je sais pas"), Compris::NeSaitPas);
    }

    const LOGEMENT: &[(&str, &str, &[&str])] = &[
        ("1", "Locataire", &["location", "je loue"]),
        ("2", "Propriétaire", &["proprio"]),
        (
            "3",
            "Hébergé gratuitement",
            &["heberge", "chez mes parents"],
        ),
        ("4", "Sans domicile", &["sdf", "a la rue"]),
    ];
    const NATIONALITE: &[(&str, &str, &[&str])] = &[
        ("1", "Française", &["france", "francais"]),
        ("2", "Européenne", &["UE"]),
        ("3", "Non européenne", &[]),
    ];
    const OUI_NON_NSP: &[(&str, &str, &[&str])] = &[
        ("1", "Oui", &[]),
        ("2", "Non", &[]),
        ("3", "Je ne sais pas", &[]),
    ];

    #[test]
    fn choix_table() {
        let cas: &[(&str, usize)] = &[
            ("1", 0),
            ("2", 1),
            ("2)", 1),
            ("2.", 1),
            ("le 2", 1),
            ("n°2", 1),
            ("nº 2", 1),
            ("no2", 1),
            ("choix 3", 2),
            ("4eme", 3),
            ("Locataire", 0),
            ("LOCATAIRE", 0),
            ("locataire.", 0),
            ("proprietaire", 1),
            ("Propriétaire", 1),
            ("je suis locataire", 0),
            ("je loue un appart", 0),
            ("proprio", 1),
            ("je vis chez mes parents", 2),
            ("locatiare", 0),
            ("propiétaire", 1),
            ("locat", 0),
            ("propri", 1),
            ("2 proprietaire", 1),
            ("sdf", 3),
        ];
        for (t, attendu) in cas {
            assert_eq!(choix(t, LOGEMENT), v(*attendu), "{t:?}");
        }
        for t in [
            "5",
            "0",
            "loc",
            "je ne suis pas locataire",
            "1 proprietaire",
            "locataire ou proprietaire",
            "",
            "bof",
        ] {
            assert_eq!(choix(t, LOGEMENT), Compris::Incompris, "{t:?}");
        }
        assert_eq!(choix("jsp", LOGEMENT), Compris::NeSaitPas);
        assert_eq!(choix("?", LOGEMENT), Compris::NeSaitPas);

        assert_eq!(choix("européenne", NATIONALITE), v(1));
        assert_eq!(choix("non europeenne", NATIONALITE), v(2));
        assert_eq!(choix("française", NATIONALITE), v(0));
        assert_eq!(choix("ue", NATIONALITE), v(1));
        // A misspelling of one option's whole synonym picks it, even though
        // "non européenne" shares the word.
        assert_eq!(choix("europeene", NATIONALITE), v(1));
        assert_eq!(choix("locatiare", LOGEMENT), v(0));

        assert_eq!(choix("je ne sais pas", OUI_NON_NSP), v(2));
        assert_eq!(choix("Je sais pas", OUI_NON_NSP), Compris::NeSaitPas);
        assert_eq!(choix("oui", OUI_NON_NSP), v(0));
        assert_eq!(choix("3", OUI_NON_NSP), v(2));
    }

    #[test]
    fn distance() {
        assert_eq!(damerau_levenshtein("oiu", "oui"), 1);
        assert_eq!(damerau_levenshtein("locatiare", "locataire"), 1);
        assert_eq!(damerau_levenshtein("abc", "abc"), 0);
        assert_eq!(damerau_levenshtein("", "abc"), 3);
        assert_eq!(damerau_levenshtein("chat", "chien"), 3);
    }

    const JOUR: (i32, u8, u8) = (2026, 3, 12);

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

    /// French formatting of a number of cents: grouping with spaces or not,
    /// decimal comma.
    fn format_fr(centimes: u64, groupes: bool, sep: char) -> String {
        let entier = (centimes / 100).to_string();
        let mut s = String::new();
        for (i, c) in entier.chars().enumerate() {
            if groupes && i > 0 && (entier.len() - i) % 3 == 0 {
                s.push(sep);
            }
            s.push(c);
        }
        format!("{s},{:02}", centimes % 100)
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

        #[test]
        fn montant_format_francais(centimes in 0u64..=100_000_000, forme in 0usize..5) {
            let attendu = Decimal::new(centimes as i64, 2);
            let s = match forme {
                0 => format_fr(centimes, true, ' '),
                1 => format!("{} €", format_fr(centimes, false, ' ')),
                2 => format!("{}.{:02}", centimes / 100, centimes % 100),
                3 => format_fr(centimes, true, '\u{202f}'),
                _ => format!("{}€", format_fr(centimes, true, '.')),
            };
            prop_assert_eq!(montant(&s), v(attendu), "{}", s);
        }

        #[test]
        fn rien_ne_panique(s in "\\PC*") {
            let _ = normaliser(&s);
            let _ = oui_non(&s);
            let _ = nombre(&s);
            let _ = montant(&s);
            let _ = code_postal(&s);
            let _ = choix(&s, LOGEMENT);
            let _ = age_depuis_date(&s, JOUR);
            let _ = age_depuis_date(&s, (0, 0, 0));
        }

        #[test]
        fn rien_ne_panique_chiffres(s in "[0-9 ,.k€/\\-a-z]{0,40}") {
            let _ = nombre(&s);
            let _ = montant(&s);
            let _ = code_postal(&s);
            let _ = age_depuis_date(&s, JOUR);
            let _ = choix(&s, NATIONALITE);
        }
    }
}
