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
//!
//! One file per kind of answer, each reading the text with the helpers
//! kept here ([`normaliser`], the word splitting, "je ne sais pas", the
//! negation words and the typo distance):
//! - `oui_non`: yes and no, in French, English and SMS spellings;
//! - `nombre`: numbers in digits ("1 200,50", "1k2") and in French or
//!   English words ("quatre-vingt-dix", "forty five"), and the "none" words;
//! - `montant`: an amount per month ([`montant()`]) and an amount as people
//!   give it, gross, weekly, a range, the SMIC, charges included
//!   ([`montant_detaille`]);
//! - `code_postal`: a French postal code;
//! - `choix`: one option among several, by number, name, typo or prefix;
//! - `age`: an age from a date of birth or from a year of birth.
//!
//! The functions are re-exported here, so callers write `reponse::nombre`.

mod age;
mod choix;
mod code_postal;
mod montant;
mod nombre;
mod oui_non;

pub use age::{age_depuis_annee, age_depuis_date};
pub use choix::{OptionsPreparees, choix, choix_prepare};
pub use code_postal::code_postal;
pub use montant::{ContexteMontant, Conversion, MontantLu, montant, montant_detaille};
pub use nombre::nombre;
pub use oui_non::oui_non;

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
// Words shared by several kinds of answer
// ---------------------------------------------------------------------------

/// Words that make a sentence negative ("je ne suis pas en couple").
/// `oui_non` reads such a sentence as a no; `choix` refuses an option whose
/// label does not share the negation ("je ne suis pas locataire").
const NEGATIONS: &[&str] = &["pas", "plus", "jamais", "aucun", "aucune", "ni"];

/// Damerau-Levenshtein distance (optimal string alignment) between two words.
/// `oui_non` and `choix` forgive one typo with it ("oiu", "locatiare").
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Short for [`Compris::Valeur`] in the tables of every kind of answer.
    pub(super) fn v<T>(x: T) -> Compris<T> {
        Compris::Valeur(x)
    }

    // Options and a day shared by the tables of `choix` and `age` and by the
    // properties below, which feed every parser.
    pub(super) const LOGEMENT: &[(&str, &str, &[&str])] = &[
        ("1", "Locataire", &["location", "je loue"]),
        ("2", "Propriétaire", &["proprio"]),
        (
            "3",
            "Hébergé gratuitement",
            &["heberge", "chez mes parents"],
        ),
        ("4", "Sans domicile", &["sdf", "a la rue"]),
    ];
    pub(super) const NATIONALITE: &[(&str, &str, &[&str])] = &[
        ("1", "Française", &["france", "francais"]),
        ("2", "Européenne", &["UE"]),
        ("3", "Non européenne", &[]),
    ];

    pub(super) const JOUR: (i32, u8, u8) = (2026, 3, 12);

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
    fn distance() {
        assert_eq!(damerau_levenshtein("oiu", "oui"), 1);
        assert_eq!(damerau_levenshtein("locatiare", "locataire"), 1);
        assert_eq!(damerau_levenshtein("abc", "abc"), 0);
        assert_eq!(damerau_levenshtein("", "abc"), 3);
        assert_eq!(damerau_levenshtein("chat", "chien"), 3);
    }

    proptest! {
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
