//! Yes/no answers: "oui", "ouais", "yes", "ok", "bien sûr", "non", "nan",
//! "pas du tout", "1"/"2" for the numbered choices, and a negative sentence
//! with no yes/no word in it ("je suis pas en couple").
//!
//! Separate because yes/no has its own vocabulary and its own traps: a lone
//! letter counts only as the whole answer, and a yes together with a no is
//! not understood.

use super::{Compris, NEGATIONS, contient, damerau_levenshtein, mots, ne_sait_pas, normaliser};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogue::reponse::tests::v;

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
}
