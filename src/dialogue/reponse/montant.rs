//! Amounts of money per month: [`montant`] reads an amount as typed
//! ("1 200 €", "mille deux cents", "12000 par an"), [`montant_detaille`]
//! also as people give it (gross, per week or per day, a range, "le SMIC",
//! a letter O for a zero, a rent "charges comprises") and lists every
//! conversion so that the dialogue can read the result back.
//!
//! Separate because amounts add periods, conversions and the figures of the
//! month ([`ContexteMontant`]) to the numbers read in `nombre`.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::{Decimal, RoundingStrategy};

use super::nombre::{dit_zero, extraire_nombres, lexer};
use super::{Compris, mots, ne_sait_pas, normaliser};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::reponse::tests::v;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

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
    }
}
