//! One option among several: by its number ("2", "le 2", "n°2", "2eme"),
//! its name or a synonym ("je suis locataire"), a typo ("locatiare") or a
//! prefix ("locat").
//!
//! Separate because the options come from the question (`questions.toml`,
//! the places of `lieu`), and the answer is matched against them in a
//! fixed order of steps, each of which refuses to guess between two.

use super::{Compris, NEGATIONS, contient, damerau_levenshtein, mots, ne_sait_pas, normaliser};

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
    choix_prepare(texte, &OptionsPreparees::nouvelles(options))
}

/// Options prepared once for [`choix_prepare`]: their keys and their
/// labels and synonyms, folded as answers are (a question's options are the
/// same for every answer; folding hundreds of lexicon words each time was
/// a seventh of a conversation turn).
#[derive(Debug, Clone, Default)]
pub struct OptionsPreparees {
    cles: Vec<String>,
    etiquettes: Vec<Vec<String>>,
}

impl OptionsPreparees {
    /// Prepares `(key, value, synonyms)` options.
    pub fn nouvelles(options: &[(&str, &str, &[&str])]) -> OptionsPreparees {
        OptionsPreparees {
            cles: options
                .iter()
                .map(|o| mots(&normaliser(o.0)).join(" "))
                .collect(),
            etiquettes: options
                .iter()
                .map(|(_, valeur, synonymes)| {
                    std::iter::once(*valeur)
                        .chain(synonymes.iter().copied())
                        .map(|e| mots(&normaliser(e)).join(" "))
                        .filter(|e| !e.is_empty())
                        .collect()
                })
                .collect(),
        }
    }
}

/// [`choix`] with options prepared beforehand.
pub fn choix_prepare(texte: &str, options: &OptionsPreparees) -> Compris<usize> {
    let n = normaliser(texte);
    let separes = mots_separes(&n);
    let mut reste: &[String] = &separes;
    while reste.len() > 1 && AVANT_NUMERO.contains(&reste[0].as_str()) {
        reste = &reste[1..];
    }
    let cles = &options.cles;
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
    let etiquettes = &options.etiquettes;

    // 2. whole answer equals a label
    if !texte_joint.is_empty() {
        let egaux: Vec<usize> = (0..etiquettes.len())
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
        let proches: Vec<usize> = (0..etiquettes.len())
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
        let prefixes = (0..etiquettes.len())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::reponse::tests::{LOGEMENT, NATIONALITE, v};

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
}
