//! Facts a message states clearly, whatever question it answers.
//!
//! People say several things at once: "BONJOUR JE SUIS AU CHOMAGE AVEC 2
//! ENFANTS", "non je suis seule avec mes 3 gosses". Asking again what was
//! just said costs an SMS and patience, so every message is read for the
//! facts it states, and the questions those facts answer are skipped. The
//! other half of the rule matters as much: a value is never taken from a
//! message that did not state it. So only the lexicon's `partout` words, a
//! number of children ("2 gosses") and an age said in the first person
//! ("j'ai 34 ans") are read here; a negation just before ("je suis pas au
//! chômage") or another person as the subject ("mon mari est au chômage",
//! "ma sœur a 3 enfants") cancels them, and two facts that disagree cancel
//! each other. Pure: the caller decides what to keep and reads it back.

use super::lexique::{Lexique, forme};
use super::reponse::{self, Compris};
use rust_decimal::Decimal;
use serde_json::Value;

/// Words that cancel a fact when they come just before it.
const NEGATIONS: &[&str] = &[
    "pas", "plus", "jamais", "ni", "ne", "n", "not", "never", "no",
];

/// Pronouns naming someone else as the subject of what follows.
const AUTRES_PRONOMS: &[&str] = &["il", "elle", "ils", "elles", "he", "she", "they"];

/// People who, after a possessive ("mon mari", "ma sœur"), are the subject
/// of what follows rather than the person writing.
const AUTRES_PERSONNES: &[&str] = &[
    "mari",
    "femme",
    "epoux",
    "epouse",
    "conjoint",
    "conjointe",
    "compagnon",
    "compagne",
    "copain",
    "copine",
    "fils",
    "fille",
    "soeur",
    "frere",
    "mere",
    "pere",
    "maman",
    "papa",
    "parents",
    "enfant",
    "enfants",
    "husband",
    "wife",
    "partner",
    "son",
    "daughter",
    "sister",
    "brother",
    "mother",
    "father",
    "mum",
    "mom",
    "dad",
    "boyfriend",
    "girlfriend",
    "children",
];

/// Subjects that bring the sentence back to the person writing.
const PREMIERE_PERSONNE: &[&str] = &[
    "je", "j", "jai", "chui", "jsuis", "moi", "on", "nous", "i", "im", "we", "me", "mes", "nos",
    "notre", "our", "my",
];

/// Possessives before one of [`AUTRES_PERSONNES`].
const POSSESSIFS: &[&str] = &[
    "mon", "ma", "mes", "sa", "son", "ses", "notre", "my", "his", "her",
];

/// Words around a number that make it an age said by the person writing.
const AGE_AVANT: &[&[&str]] = &[
    &["j", "ai"],
    &["jai"],
    &["g"],
    &["moi"],
    &["i", "m"],
    &["im"],
    &["i", "am"],
    &["age", "de"],
    &["agee", "de"],
    &["aged"],
];

/// Nouns of children that add up when several are given ("2 garçons et 2 filles").
const FILS_ET_FILLES: &[&str] = &[
    "fils",
    "fille",
    "filles",
    "garcon",
    "garcons",
    "son",
    "sons",
    "daughter",
    "daughters",
    "boy",
    "boys",
    "girl",
    "girls",
];

/// Words for a parent before "de 2" / "of 2".
const PARENTS: &[&str] = &[
    "maman", "mere", "papa", "pere", "parent", "mum", "mom", "mother", "dad", "father",
];

/// Amounts named by what they are, in the words of [`mots_de`].
static MONTANTS_NOMMES: std::sync::LazyLock<Vec<(regex::Regex, &'static str)>> =
    std::sync::LazyLock::new(|| {
        let r = |m: &str| regex::Regex::new(m).expect("a constant pattern");
        vec![
            (
                r(
                    r"\b(?:je gagne|j gagne|salaire de|i earn|i make)(?: environ| about)? (\d{3,5})\b",
                ),
                "demandeur.salaire_net",
            ),
            (
                r(r"\b(\d{3,5})(?: e| euros?| eur)? (?:de salaire|net par mois de salaire)\b"),
                "demandeur.salaire_net",
            ),
            (
                r(r"\b(\d{2,5})(?: e| euros?| eur)? (?:de loyer|of rent)\b"),
                "logement.loyer",
            ),
            (
                r(r"\b(?:loyer de|loyer|rent of|rent is) (\d{2,5})\b"),
                "logement.loyer",
            ),
            (
                r(r"\b(\d{2,5})(?: e| euros?| eur)? (?:de chomage|d are|of unemployment)\b"),
                "demandeur.chomage_net",
            ),
            (r(r"\b(?:chomage de) (\d{2,5})\b"), "demandeur.chomage_net"),
            (
                r(r"\b(\d{2,5})(?: e| euros?| eur)? (?:de retraite|de pension|of pension)\b"),
                "demandeur.retraite_nette",
            ),
            (
                r(r"\b(?:retraite de|pension de|pension of) (\d{2,5})\b"),
                "demandeur.retraite_nette",
            ),
        ]
    });

/// Adjectives that may sit between a number and a noun of children ("3 petits enfants" is not one).
const ADJECTIFS_ENFANTS: &[&str] = &["jeunes", "beaux", "belles", "little", "young", "small"];

/// The words of a message in [`forme`], with digits and letters split
/// apart ("34ans" → "34 ans", "2enfants" → "2 enfants").
fn mots_de(texte: &str) -> Vec<String> {
    let f = forme(texte);
    let mut sortie = Vec::new();
    for m in f.split(' ').filter(|m| !m.is_empty()) {
        let mut courant = String::new();
        let mut chiffre: Option<bool> = None;
        for c in m.chars() {
            let d = c.is_ascii_digit();
            if chiffre.is_some_and(|p| p != d) && !courant.is_empty() {
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

/// Whether the words before position `i` cancel what starts there.
fn annule(mots: &[String], i: usize) -> bool {
    let debut = i.saturating_sub(3);
    let avant = &mots[debut..i];
    if avant.iter().any(|m| NEGATIONS.contains(&m.as_str())) {
        return true;
    }
    // The nearest subject before the words decides: "mon mari est au
    // chômage" is about him, "avec ma femme, on a 2 petits" about us.
    let debut_sujet = i.saturating_sub(5);
    for j in (debut_sujet..i).rev() {
        let m = mots[j].as_str();
        if PREMIERE_PERSONNE.contains(&m) {
            return false;
        }
        if AUTRES_PRONOMS.contains(&m)
            || (AUTRES_PERSONNES.contains(&m)
                && j > 0
                && POSSESSIFS.contains(&mots[j - 1].as_str()))
        {
            return true;
        }
    }
    false
}

/// A whole number written in one word ("3", "trois", "une").
fn nombre_mot(m: &str) -> Option<u32> {
    if m.len() > 3 && m.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match reponse::nombre(m) {
        Compris::Valeur(d) if d.fract().is_zero() && d >= Decimal::ZERO => {
            u32::try_from(d.trunc().mantissa()).ok()
        }
        _ => None,
    }
}

/// Where the words of `motif` first follow one another among `mots`
/// ([`super::lexique::position_mots`] on words already split: a message is read against
/// every word of the lexicon, so it is split once).
fn position_jetons(mots: &[String], motif: &[&str]) -> Option<usize> {
    if motif.is_empty() || motif.len() > mots.len() {
        return None;
    }
    (0..=mots.len() - motif.len()).find(|&i| {
        mots[i..i + motif.len()]
            .iter()
            .zip(motif)
            .all(|(a, b)| a == b)
    })
}

/// The facts a message states clearly about the person writing and their
/// household, as (situation path, value): `demandeur.*` for the person, and
/// `couple`, `nombre_enfants`, `logement.*` for the household. Facts that
/// disagree with one another are left out.
pub fn extraire(texte: &str, lexique: &Lexique) -> Vec<(String, Value)> {
    let mots = mots_de(texte);
    let mut faits: Vec<(String, Value)> = Vec::new();
    // The lexicon's clear words.
    for sens in lexique.partout() {
        let trouve = sens.mots.iter().any(|m| {
            let motif: Vec<&str> = m.split(' ').collect();
            let mut depart = 0;
            // Every occurrence: "pas au chomage … au chomage" keeps the second.
            while let Some(p) = position_jetons(&mots[depart..], &motif) {
                let i = depart + p;
                if !annule(&mots, i) {
                    return true;
                }
                depart = i + 1;
                if depart >= mots.len() {
                    break;
                }
            }
            false
        });
        if trouve {
            faits.extend(sens.pour("demandeur"));
        }
    }
    // A number of children: "2 gosses", "avec mes trois enfants"; sons and
    // daughters add up ("2 garçons et 2 filles").
    let mut generiques: Vec<u32> = Vec::new();
    let mut precis: Vec<u32> = Vec::new();
    for i in 0..mots.len() {
        let Some(n) = nombre_mot(&mots[i]) else {
            continue;
        };
        let mut j = i + 1;
        if mots
            .get(j)
            .is_some_and(|m| ADJECTIFS_ENFANTS.contains(&m.as_str()))
        {
            j += 1;
        }
        // "3 petits enfants" are grandchildren; "3 petits" alone are children.
        let petits_enfants = mots.get(j).is_some_and(|m| m == "petits" || m == "petites")
            && mots.get(j + 1).is_some_and(|m| m.starts_with("enfant"));
        if petits_enfants {
            continue;
        }
        if mots.get(j).is_some_and(|m| lexique.enfants.contains(m)) && !annule(&mots, i) && n <= 12
        {
            if mots
                .get(j)
                .is_some_and(|m| FILS_ET_FILLES.contains(&m.as_str()))
            {
                precis.push(n);
            } else {
                generiques.push(n);
            }
        }
    }
    // "maman de 2", "single mum of 3".
    for i in 1..mots.len().saturating_sub(1) {
        if PARENTS.contains(&mots[i - 1].as_str()) && (mots[i] == "de" || mots[i] == "of") {
            if let Some(n) = nombre_mot(&mots[i + 1]).filter(|n| (1..=12).contains(n)) {
                let unite = mots.get(i + 2).map(String::as_str);
                if !matches!(unite, Some("ans" | "an" | "mois" | "years")) {
                    generiques.push(n);
                }
            }
        }
    }
    match (generiques.as_slice(), precis.is_empty()) {
        ([], false) => faits.push((
            "nombre_enfants".into(),
            Value::from(precis.iter().sum::<u32>()),
        )),
        ([], true) => {}
        (g, _) => faits.extend(
            g.iter()
                .map(|n| ("nombre_enfants".to_string(), Value::from(*n))),
        ),
    }
    // Amounts named by what they are: "je gagne 1200", "450 de loyer",
    // "je touche 900 de chômage", "retraite de 800".
    for (motif, champ) in MONTANTS_NOMMES.iter() {
        for c in motif.captures_iter(&mots.join(" ")) {
            if let Ok(v) = c[1].parse::<u32>() {
                let debut = c.get(0).map(|m| m.start()).unwrap_or(0);
                let i = mots.join(" ")[..debut]
                    .split(' ')
                    .filter(|m| !m.is_empty())
                    .count();
                if !annule(&mots, i) {
                    faits.push((champ.to_string(), Value::from(v)));
                }
            }
        }
    }
    // "handicapée à 80 %": the rate with the disability.
    if faits
        .iter()
        .any(|(c, v)| c == "demandeur.handicap" && *v == Value::Bool(true))
    {
        let taux: Vec<u32> = mots
            .iter()
            .filter_map(|m| m.strip_suffix('%'))
            .filter_map(|m| m.parse().ok())
            .collect();
        if let [t] = taux.as_slice() {
            let tranche = if *t >= 80 {
                80
            } else if *t >= 50 {
                50
            } else {
                0
            };
            faits.push(("demandeur.taux_incapacite".into(), Value::from(tranche)));
        }
    }
    // An age given alone in years ("retraitée, 75 ans"), not a child's
    // ("un enfant de 6 ans"), not a duration ("en France depuis 20 ans").
    for i in 0..mots.len() {
        let Some(n) = nombre_mot(&mots[i]) else {
            continue;
        };
        if !(16..=120).contains(&n) || mots.get(i + 1).is_none_or(|m| m != "ans") {
            continue;
        }
        let avant = &mots[i.saturating_sub(3)..i];
        let d_un_autre = avant.iter().any(|m| {
            lexique.enfants.contains(m)
                || [
                    "depuis", "pendant", "dans", "ont", "a", "il", "y", "fait", "plus", "moins",
                    "for", "since",
                ]
                .contains(&m.as_str())
        });
        if !d_un_autre && !annule(&mots, i) {
            faits.push(("demandeur.age".into(), Value::from(n)));
        }
    }
    // An age in the first person: "j'ai 34 ans", "I'm 34".
    for avant in AGE_AVANT {
        let mut depart = 0;
        while let Some(p) = position_jetons(&mots[depart..], avant) {
            let i = depart + p + avant.len();
            depart = i;
            let Some(n) = mots.get(i).and_then(|m| nombre_mot(m)) else {
                continue;
            };
            let suivant = mots.get(i + 1).map(String::as_str);
            let anglais = avant.iter().any(|m| ["i", "im", "aged"].contains(m));
            let annonce_age = matches!(suivant, Some("ans" | "an" | "years" | "year"))
                || (anglais && suivant.is_none_or(|s| !lexique.enfants.iter().any(|e| e == s)));
            if annonce_age && (14..=120).contains(&n) {
                faits.push(("demandeur.age".into(), Value::from(n)));
            }
            if depart >= mots.len() {
                break;
            }
        }
    }
    // Facts that disagree cancel each other; repeated ones count once.
    let mut sortie: Vec<(String, Value)> = Vec::new();
    let mut en_conflit: Vec<String> = Vec::new();
    for (c, v) in faits {
        match sortie.iter().find(|(c2, _)| *c2 == c) {
            Some((_, v2)) if *v2 != v => en_conflit.push(c),
            Some(_) => {}
            None => sortie.push((c, v)),
        }
    }
    sortie.retain(|(c, _)| !en_conflit.contains(c));
    sortie
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn faits(texte: &str) -> Vec<(String, Value)> {
        let mut f = extraire(texte, &Lexique::integre().unwrap());
        f.sort_by(|a, b| a.0.cmp(&b.0));
        f
    }

    fn v(paires: &[(&str, Value)]) -> Vec<(String, Value)> {
        let mut f: Vec<(String, Value)> = paires
            .iter()
            .map(|(c, v)| (c.to_string(), v.clone()))
            .collect();
        f.sort_by(|a, b| a.0.cmp(&b.0));
        f
    }

    #[test]
    fn un_premier_message_donne_ce_qu_il_dit() {
        assert_eq!(
            faits("BONJOUR JE SUIS AU CHOMAGE AVEC 2 ENFANTS"),
            v(&[
                ("demandeur.activite", json!("chomeur")),
                ("nombre_enfants", json!(2))
            ])
        );
        assert_eq!(
            faits("maman solo de 3 enfants"),
            v(&[("couple", json!(false)), ("nombre_enfants", json!(3))])
        );
        assert_eq!(
            faits("chui seule avec mes 2 gosses"),
            v(&[("couple", json!(false)), ("nombre_enfants", json!(2))])
        );
        assert_eq!(faits("j'ai 34 ans"), v(&[("demandeur.age", json!(34))]));
    }

    #[test]
    fn rien_n_est_pris_d_un_message_qui_ne_le_dit_pas() {
        assert_eq!(faits("bonjour"), vec![]);
        assert_eq!(faits("je suis pas au chomage"), vec![]);
        assert_eq!(faits("mon mari est au chomage"), vec![]);
        assert_eq!(faits("ma soeur a 3 enfants"), vec![]);
        assert_eq!(faits("mes enfants ont 7 et 3 ans"), vec![]);
        assert_eq!(faits("j'ai 3 petits enfants"), vec![]);
        // Two opposite facts: neither is kept.
        assert_eq!(faits("celibataire mais mariee"), vec![]);
    }
}
