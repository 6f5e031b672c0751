//! Reading an answer to the question asked: choices, numbers, amounts, ages
//! and lists, with the lexicon's words, into the fields it fills (or "not
//! understood", or "je ne sais pas"). The kinds of free text themselves are
//! read in [`super::reponse`]; this module knows the questions.

use super::champs::{choix_pour, nombre_json, personne_de, texte_json, valeur_champ};
use super::conversation::Entrant;
use super::extraction;
use super::lexique::{Sens, forme, position_dans, position_mots};
use super::lieu::{self, LieuLu};
use super::moteur::{Moteur, OptionLue, communes_de};
use super::questions::{Choix, Genre, Question};
use super::reponse::{self, Compris, ContexteMontant};
use crate::situation::Situation;
use crate::textes::{Arg, Langue};
use rust_decimal::Decimal;
use serde_json::Value;

static UNITE_COLLEE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(\d)(ans|an|a|yo|y|years|mois|months)\b").expect("a constant pattern")
});

static AN_ABREGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(\d) (?:a|yo|y)\b").expect("a constant pattern")
});

/// What an answer means, once read.
pub(super) enum Lecture {
    /// Fields to set, presumptions, and what to read back to the person
    /// when the answer was converted or inferred rather than typed plainly.
    Comprise(Vec<(String, Value)>, Vec<(String, Value)>, Option<String>),
    NeSaitPas,
    Incomprise(&'static str),
    /// A place read at the postal code question, to record and maybe read back.
    Lieu(lieu::Lieu),
    /// Several places: the next answer chooses.
    LieuAPreciser(lieu::APreciser),
    /// Not a place, and why.
    LieuRefuse(lieu::Refus),
}

/// Reads an age: a number of years ("34", "j'ai 34 ans", "trente-quatre")
/// or a date of birth ("12/03/1990").
pub(super) fn lire_age(texte: &str, aujourd_hui: (i32, u8, u8)) -> Compris<Decimal> {
    match reponse::age_depuis_date(texte, aujourd_hui) {
        Compris::Valeur(a) => Compris::Valeur(Decimal::from(a)),
        Compris::NeSaitPas => Compris::NeSaitPas,
        Compris::Incompris => reponse::nombre(texte),
    }
}

/// Whether an answer about the partner says "the same as me".
pub(super) fn dit_pareil(texte: &str) -> bool {
    let f = forme(texte);
    [
        "comme moi",
        "pareil",
        "pareille",
        "idem",
        "la meme",
        "le meme",
        "same",
        "same as me",
        "me too",
        "moi aussi",
    ]
    .iter()
    .any(|m| position_mots(&f, m).is_some())
}

/// How many years a residence permit has been held: "depuis 2015", "ça
/// fait 8 ans", "depuis 2 ans", "for 6 years".
pub(super) fn duree_en_annees(texte: &str, aujourd_hui: (i32, u8, u8)) -> Option<i32> {
    let f = forme(texte);
    let mots_: Vec<&str> = f.split(' ').collect();
    let nombres: Vec<i32> = mots_.iter().filter_map(|m| m.parse().ok()).collect();
    let [n] = nombres.as_slice() else {
        return None;
    };
    if (1950..=aujourd_hui.0).contains(n) {
        return Some(aujourd_hui.0 - n);
    }
    let ans = mots_
        .iter()
        .any(|m| ["ans", "an", "years", "year"].contains(m));
    (ans && (0..=80).contains(n)).then_some(*n)
}

/// Who in the household has a disability, from an answer to the household
/// question that names them: "oui moi", "oui mon mari", "ma femme a l'AAH",
/// "oui mon fils" (with one child), with a rate when given ("oui moi 80%").
pub(super) fn handicap_de_qui(texte: &str, s: &Situation) -> Option<Vec<(String, Value)>> {
    let f = forme(texte);
    let mots_: Vec<&str> = f.split(' ').collect();
    let dit = |liste: &[&str]| mots_.iter().any(|m| liste.contains(m));
    if dit(&["non", "no", "pas", "aucun", "personne"]) {
        return None;
    }
    let oui = dit(&[
        "oui",
        "yes",
        "ouais",
        "aah",
        "aeeh",
        "rqth",
        "handicape",
        "handicapee",
        "mdph",
        "disabled",
    ]);
    if !oui {
        return None;
    }
    let moi = dit(&["moi", "me", "myself", "j", "je"]);
    let conjoint = dit(&[
        "mari",
        "femme",
        "conjoint",
        "conjointe",
        "compagnon",
        "compagne",
        "husband",
        "wife",
        "partner",
    ]) && s.couple() == Some(true);
    let enfant = dit(&[
        "fils", "fille", "enfant", "petit", "son", "daughter", "child",
    ]) && s.nombre_enfants() == Some(1);
    let personne = match (moi, conjoint, enfant) {
        (true, false, false) => "demandeur",
        (false, true, false) => "conjoint",
        (false, false, true) => "enfants.0",
        _ => return None,
    };
    let mut a = vec![(format!("{personne}.handicap"), Value::Bool(true))];
    let taux: Vec<i64> = mots_
        .iter()
        .filter_map(|m| m.trim_end_matches('%').parse().ok())
        .filter(|t| (10..=100).contains(t))
        .collect();
    if let [t] = taux.as_slice() {
        let tranche = if *t >= 80 {
            80
        } else if *t >= 50 {
            50
        } else {
            0
        };
        a.push((format!("{personne}.taux_incapacite"), Value::from(tranche)));
    }
    Some(a)
}

/// An answer without "bientôt 20" / "bientot 20 ans": the age to come is
/// not the age.
pub(super) fn sans_bientot(texte: &str) -> String {
    let n = reponse::normaliser(texte);
    match n.find("bientot") {
        Some(i) => n[..i].to_string(),
        None => n,
    }
}

/// One child's age given otherwise than in years: in months ("6 mois",
/// "un bébé de 8 mois": under a year), as a newborn, or as a year of birth
/// ("2015"). `None` for a plain number of years.
pub(super) fn age_d_un_morceau(morceau: &str, aujourd_hui: (i32, u8, u8)) -> Option<u32> {
    let f = forme(morceau);
    let mots_: Vec<&str> = f.split(' ').collect();
    let nombres: Vec<u32> = mots_.iter().filter_map(|m| m.parse().ok()).collect();
    if mots_
        .iter()
        .any(|m| ["mois", "month", "months", "moi"].contains(m))
    {
        let sans_unite: String = mots_
            .iter()
            .filter(|m| {
                ![
                    "mois", "month", "months", "moi", "de", "un", "une", "bebe", "baby", "a", "old",
                ]
                .contains(m)
            })
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let n = match nombres.as_slice() {
            [n] => Some(*n),
            [] => reponse::nombre(&sans_unite)
                .valeur()
                .filter(|d| d.fract().is_zero())
                .and_then(|d| u32::try_from(d.trunc().mantissa()).ok()),
            _ => None,
        };
        return n.filter(|n| *n < 12 * 26).map(|n| n / 12);
    }
    if nombres.is_empty()
        && [
            "nouveau ne",
            "nouveau nee",
            "newborn",
            "bebe",
            "baby",
            "nourrisson",
        ]
        .iter()
        .any(|m| position_mots(&f, m).is_some())
    {
        return Some(0);
    }
    if let [n] = nombres.as_slice() {
        if (1900..=aujourd_hui.0 as u32).contains(n) {
            return reponse::age_depuis_annee(morceau, aujourd_hui)
                .or_else(|| reponse::age_depuis_annee(&format!("ne en {n}"), aujourd_hui));
        }
    }
    None
}

/// Ages given with who they belong to ("lui 36 moi 34", "me 28, her 30"),
/// for the question on both partners' ages; `None` when the answer does not
/// say whose age is whose.
pub(super) fn ages_par_personne(texte: &str, champs: &[String]) -> Option<Vec<(String, Value)>> {
    if champs.len() != 2 || champs[0] != "demandeur.age" || champs[1] != "conjoint.age" {
        return None;
    }
    let f = forme(texte);
    let mut moi = None;
    let mut lui = None;
    let mut qui: Option<bool> = None;
    for m in f.split(' ') {
        if ["moi", "me", "i", "je", "j", "myself"].contains(&m) {
            qui = Some(true);
        } else if [
            "lui",
            "elle",
            "him",
            "her",
            "he",
            "she",
            "mari",
            "femme",
            "conjoint",
            "conjointe",
            "husband",
            "wife",
            "partner",
            "copain",
            "copine",
            "compagnon",
            "compagne",
            "boyfriend",
            "girlfriend",
        ]
        .contains(&m)
        {
            qui = Some(false);
        } else if let Ok(n) = m.parse::<u32>() {
            match qui {
                Some(true) if moi.is_none() => moi = Some(n),
                Some(false) if lui.is_none() => lui = Some(n),
                _ => return None,
            }
            qui = None;
        }
    }
    let (moi, lui) = (moi?, lui?);
    let bornes = 14..=120;
    (bornes.contains(&moi) && bornes.contains(&lui)).then(|| {
        vec![
            ("demandeur.age".to_string(), Value::from(moi)),
            ("conjoint.age".to_string(), Value::from(lui)),
        ]
    })
}

/// Reads a choice among options given as owned (key, value, synonyms).
pub(super) fn choix_parmi(texte: &str, options: &[OptionLue]) -> Compris<usize> {
    reponse::choix_prepare(texte, &preparer(options))
}

/// Options folded once, to read many answers against them.
pub(super) fn preparer(options: &[OptionLue]) -> reponse::OptionsPreparees {
    let mots: Vec<Vec<&str>> = options
        .iter()
        .map(|(_, _, m)| m.iter().map(String::as_str).collect())
        .collect();
    let refs: Vec<(&str, &str, &[&str])> = options
        .iter()
        .zip(&mots)
        .map(|((k, v, _), m)| (k.as_str(), v.as_str(), m.as_slice()))
        .collect();
    reponse::OptionsPreparees::nouvelles(&refs)
}

/// What the engine does with a place read at the postal code question.
pub(super) fn lecture_lieu(lu: LieuLu) -> Lecture {
    match lu {
        LieuLu::Trouve(l) => Lecture::Lieu(l),
        LieuLu::APreciser(p) => Lecture::LieuAPreciser(p),
        LieuLu::NeSaitPas => Lecture::NeSaitPas,
        LieuLu::Refuse(r) => Lecture::LieuRefuse(r),
    }
}

/// A label as it reads inside a sentence: "Au chômage" → "au chômage",
/// but "HLM" stays.
pub(super) fn minuscule(libelle: &str) -> String {
    let mut it = libelle.chars();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(libelle.chars().skip(1)).collect()
        }
        _ => libelle.to_string(),
    }
}

/// Splits a list answer ("4, 12 et 15 ans", "C L", "1 4") into its items.
/// A date of birth is not a list item: lists hold ages or letters.
pub(super) fn morceaux(texte: &str) -> Vec<String> {
    let n = reponse::normaliser(texte);
    // "7ans 3ans": a number glued to its unit is two words.
    // "10a 6a", "7yo": a lone unit after a number.
    let separe = UNITE_COLLEE.replace_all(&n, "$1 $2").to_string();
    let n = AN_ABREGE.replace_all(&separe, "$1 ").to_string();
    let n = n
        .replace(" et ", ",")
        .replace(" and ", ",")
        .replace(" ans", " ")
        .replace("ans ", " ")
        .replace(['/', ';', '-', '+'], ",");
    let mut v = Vec::new();
    for partie in n.split(',') {
        let partie = partie.trim();
        if partie.is_empty() {
            continue;
        }
        // "4 12 15" or "c l": split on spaces when each word is an item.
        let mots: Vec<&str> = partie.split_whitespace().collect();
        let est_nombre = |m: &str| {
            m.chars().next().is_some_and(|c| c.is_ascii_digit())
                && m.chars().all(|c| c.is_ascii_digit() || c == '.')
        };
        let chiffres = mots.iter().filter(|m| est_nombre(m)).count();
        let courts = mots.iter().filter(|m| m.len() <= 2).count();
        if mots.len() > 1 && (chiffres == mots.len() || courts == mots.len()) {
            v.extend(mots.iter().map(|m| m.to_string()));
        } else if mots.len() > 1 && chiffres >= 2 {
            // "4 ans 12 ans" after "ans" was dropped keeps only the numbers.
            v.extend(mots.iter().filter(|m| est_nombre(m)).map(|m| m.to_string()));
        } else {
            v.push(partie.to_string());
        }
    }
    v
}

impl Moteur {
    /// Reads an answer to `q` whose unknown fields are `champs`.
    pub(super) fn lire(
        &self,
        q: &Question,
        champs: &[String],
        s: &Situation,
        e: &Entrant,
        langue: Langue,
    ) -> Lecture {
        let texte = e.texte;
        let premier = champs
            .first()
            .cloned()
            .unwrap_or_else(|| q.champs[0].clone());
        let personne = personne_de(q);
        let dans_bornes = |d: Decimal| q.min.is_none_or(|m| d >= m) && q.max.is_none_or(|m| d <= m);
        let nombre = |c: Compris<Decimal>| -> Result<Decimal, Lecture> {
            match c {
                Compris::Valeur(d) if dans_bornes(d) => Ok(d),
                Compris::Valeur(_) => Err(Lecture::Incomprise("incompris-bornes")),
                Compris::NeSaitPas => Err(Lecture::NeSaitPas),
                Compris::Incompris => Err(Lecture::Incomprise("incompris")),
            }
        };
        // A meaning of the lexicon for this question's field, read back.
        let par_lexique = || -> Option<Lecture> {
            let (sens, _) = self.sens_trouve(texte, &q.champs[0], personne)?;
            let a = sens.pour(personne);
            let relu = self.afficher_faits(langue, &a);
            Some(Lecture::Comprise(
                a,
                vec![],
                (!relu.is_empty()).then(|| relu.join(", ")),
            ))
        };
        let json_nombre = nombre_json;
        match q.genre {
            Genre::OuiNon => {
                // "depuis 2015", "ça fait 8 ans": a residence permit held that long.
                if premier.ends_with("titre_sejour_5_ans") {
                    if let Some(ans) = duree_en_annees(texte, e.aujourd_hui) {
                        let v = Value::Bool(ans >= 5);
                        return Lecture::Comprise(
                            vec![(premier, v)],
                            vec![],
                            Some(self.t(langue, "relu-annees", &[("n", Arg::Nombre(ans.into()))])),
                        );
                    }
                }
                // "oui moi", "oui mon mari à 80 %": who, for the household question.
                if q.champs.len() > 1 {
                    if let Some(a) = handicap_de_qui(texte, s) {
                        let relu = self.afficher_faits(langue, &a);
                        return Lecture::Comprise(
                            a,
                            vec![],
                            (!relu.is_empty()).then(|| relu.join(", ")),
                        );
                    }
                }
                let lexique = if q.champs.len() == 1 {
                    self.sens_trouve(texte, &q.champs[0], personne)
                } else {
                    None
                };
                let lu = match reponse::oui_non(texte) {
                    Compris::Incompris => match self.oui_non_lexique(texte) {
                        Some(b) => Compris::Valeur(b),
                        None => Compris::Incompris,
                    },
                    autre => autre,
                };
                if let Some((sens, _)) = lexique {
                    let a = sens.pour(personne);
                    let b = a.first().and_then(|(_, v)| v.as_bool());
                    // The words win over a bare yes or no ("non, on est
                    // pacsés" to "en couple ?" is a couple): they are read
                    // back, so a misreading costs one RETOUR.
                    let _ = b;
                    return match lu {
                        Compris::NeSaitPas => Lecture::NeSaitPas,
                        _ => par_lexique().unwrap_or(Lecture::Incomprise("incompris")),
                    };
                }
                match lu {
                    Compris::Valeur(b) => {
                        let mut a = vec![(premier, Value::Bool(b))];
                        a.extend(if b { q.oui.clone() } else { q.non.clone() });
                        if b && q.champs.len() > 1 && q.oui.is_empty() {
                            // "Yes" to a question that covers several people
                            // settles nothing: the personal questions follow.
                            a.clear();
                        }
                        Lecture::Comprise(a, vec![], None)
                    }
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => Lecture::Incomprise("incompris"),
                }
            }
            Genre::Nombre => {
                // "2, 3 ans et 7 ans": the count and every child's age.
                if premier == "nombre_enfants" {
                    if let Some(a) = self.compte_et_ages(texte) {
                        return Lecture::Comprise(a, vec![], None);
                    }
                }
                let f = forme(texte);
                // "2 ans" is an age, not a count: ask again.
                let unite = f
                    .split(' ')
                    .any(|m| ["ans", "an", "mois", "years", "months", "euros", "e"].contains(&m));
                // "3 dont un bébé": the count comes first.
                let texte_compte = match f.find(" dont ") {
                    Some(i) => f[..i].to_string(),
                    None => texte.to_string(),
                };
                match nombre(reponse::nombre(&texte_compte)) {
                    Ok(_) if unite => Lecture::Incomprise("incompris"),
                    Ok(d) if d.fract().is_zero() => {
                        Lecture::Comprise(vec![(premier, json_nombre(d))], vec![], None)
                    }
                    Ok(_) => Lecture::Incomprise("incompris"),
                    Err(Lecture::NeSaitPas) => Lecture::NeSaitPas,
                    Err(l) => {
                        // "1 fille et 1 garçon": the children counted in the message.
                        let compte = (premier == "nombre_enfants")
                            .then(|| extraction::extraire(texte, &self.lexique))
                            .and_then(|faits| {
                                faits.into_iter().find(|(c, _)| c == "nombre_enfants")
                            });
                        match compte {
                            Some((c, v)) => {
                                let relu = self.afficher(langue, &c, &v);
                                Lecture::Comprise(vec![(c, v)], vec![], relu)
                            }
                            None => par_lexique().unwrap_or(l),
                        }
                    }
                }
            }
            Genre::Montant => {
                let ctx = ContexteMontant {
                    argent: &self.lexique.argent,
                    smic_net: self.smic_net(e.mois),
                    forfait_charges: (premier == "logement.loyer")
                        .then(|| self.forfait_charges(e.mois, s))
                        .flatten(),
                    par_jour: premier.ends_with("chomage_net"),
                    somme: premier.ends_with("retraite_nette"),
                };
                match reponse::montant_detaille(texte, ctx) {
                    Compris::Valeur(m) if dans_bornes(m.valeur) => {
                        let relu =
                            (!m.conversions.is_empty()).then(|| self.afficher_montant(langue, &m));
                        Lecture::Comprise(vec![(premier, json_nombre(m.valeur))], vec![], relu)
                    }
                    Compris::Valeur(_) => Lecture::Incomprise("incompris-bornes"),
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => par_lexique().unwrap_or(Lecture::Incomprise("incompris")),
                }
            }
            Genre::Age => self.lire_un_age(&premier, texte, e, langue, &nombre),
            Genre::Ages => {
                if champs.len() == 1 {
                    return self.lire_un_age(&premier, texte, e, langue, &nombre);
                }
                if let Some(a) = ages_par_personne(texte, champs) {
                    return Lecture::Comprise(a, vec![], None);
                }
                let texte_court = sans_bientot(texte);
                let mut parties = morceaux(&texte_court);
                if parties.len() == 1 && reponse::nombre(texte) == Compris::NeSaitPas {
                    return Lecture::NeSaitPas;
                }
                // "les deux ont 10 ans", "jumeaux de 5 ans": one age for all.
                let f = forme(texte);
                let tous = [
                    "les deux",
                    "tous les deux",
                    "toutes les deux",
                    "jumeaux",
                    "jumelles",
                    "both",
                    "twins",
                ]
                .iter()
                .any(|m| position_mots(&f, m).is_some());
                if tous && parties.len() == 1 {
                    let chiffres: Vec<&str> = f
                        .split(' ')
                        .filter(|m| m.chars().all(|c| c.is_ascii_digit()))
                        .collect();
                    if let [n] = chiffres.as_slice() {
                        parties = vec![n.to_string(); champs.len()];
                    }
                }
                // "34" to "how old are you and your partner": the person's
                // own age; the partner's is asked next. Children's ages must
                // all be there, or we could not tell whose age is whose.
                let partiel = !q.liste && !parties.is_empty() && parties.len() < champs.len();
                if parties.len() != champs.len() && !partiel {
                    return Lecture::Incomprise("incompris-liste");
                }
                let mut a = Vec::new();
                let mut relus = Vec::new();
                for (p, c) in parties.iter().zip(champs) {
                    // A baby's age in months, a year of birth: converted and read back.
                    let (lu, converti) = match age_d_un_morceau(p, e.aujourd_hui) {
                        Some(x) => (Compris::Valeur(Decimal::from(x)), true),
                        None => (reponse::nombre(p), false),
                    };
                    match nombre(lu) {
                        Ok(d) if d.fract().is_zero() => {
                            if converti {
                                relus.extend(self.afficher(langue, c, &json_nombre(d)));
                            }
                            a.push((c.clone(), json_nombre(d)));
                        }
                        Ok(_) => return Lecture::Incomprise("incompris-liste"),
                        Err(Lecture::Incomprise("incompris")) => {
                            return Lecture::Incomprise("incompris-liste");
                        }
                        Err(l) => return l,
                    }
                }
                let relu = (!relus.is_empty()).then(|| relus.join(", "));
                Lecture::Comprise(a, vec![], relu)
            }
            Genre::Choix if q.liste => self.lire_choix_liste(q, champs, texte),
            Genre::Choix => {
                // "comme moi", "pareil": the partner's answer is the person's.
                if personne == "conjoint" && dit_pareil(texte) {
                    let sien = q.champs[0].replacen("conjoint.", "demandeur.", 1);
                    let json = serde_json::to_value(s).unwrap_or(Value::Null);
                    if let Some(v) = valeur_champ(s, &json, &sien) {
                        if let Some(choix) = q.choix.iter().find(|c| c.valeur == v) {
                            let mut a = vec![(premier, choix.valeur.clone())];
                            a.extend(choix.remplit.iter().cloned());
                            let relu = minuscule(&self.t(langue, &choix.libelle, &[]));
                            return Lecture::Comprise(a, choix.suppose.clone(), Some(relu));
                        }
                    }
                }
                if let Some(choix) = self.choix_par_taux(q, texte) {
                    let mut a = vec![(premier, choix.valeur.clone())];
                    a.extend(choix.remplit.iter().cloned());
                    let relu = minuscule(&self.t(langue, &choix.libelle, &[]));
                    return Lecture::Comprise(a, choix.suppose.clone(), Some(relu));
                }
                // A phrase of the lexicon said whole ("je sais pas le taux",
                // "chez ma soeur") is clearer than any single word of it.
                let par_phrase = self
                    .sens_trouve(texte, &q.champs[0], personne)
                    .filter(|(_, mots)| mots.contains(' '))
                    .and_then(|(sens, _)| choix_pour(q, &sens.pour(personne)));
                let lu = match par_phrase {
                    Some(c) => Compris::Valeur(c),
                    None => self.choisir(q, texte),
                };
                match lu {
                    Compris::Valeur(choix) => {
                        let mut a = vec![(premier.clone(), choix.valeur.clone())];
                        a.extend(choix.remplit.iter().cloned());
                        // What a lexicon meaning adds to the choice ("en
                        // colocation": a tenant who shares).
                        if let Some((sens, _)) = self.sens_trouve(texte, &q.champs[0], personne) {
                            for (chemin, v) in sens.pour(personne) {
                                if !a.iter().any(|(c, _)| *c == chemin)
                                    && sens.pour(personne).first().map(|(_, v)| v)
                                        == Some(&choix.valeur)
                                {
                                    a.push((chemin, v));
                                }
                            }
                        }
                        let relu = (!self.dit_le_choix(choix, texte)).then(|| {
                            let mut r = minuscule(&self.t(langue, &choix.libelle, &[]));
                            for (chemin, v) in a.iter().skip(1 + choix.remplit.len()) {
                                if let Some(x) = self.afficher(langue, chemin, v) {
                                    r.push_str(", ");
                                    r.push_str(&x);
                                }
                            }
                            r
                        });
                        Lecture::Comprise(a, choix.suppose.clone(), relu)
                    }
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => Lecture::Incomprise("incompris"),
                }
            }
            Genre::CodePostal => lecture_lieu(lieu::lire(texte)),
            Genre::Commune => {
                let communes = communes_de(s);
                let options: Vec<(String, String, Vec<String>)> = communes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        (
                            (i + 1).to_string(),
                            c.nom.to_string(),
                            vec![c.insee.to_string()],
                        )
                    })
                    .collect();
                match choix_parmi(texte, &options) {
                    Compris::Valeur(i) => Lecture::Comprise(
                        vec![(premier, Value::String(communes[i].insee.into()))],
                        vec![],
                        None,
                    ),
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => Lecture::Incomprise("incompris"),
                }
            }
        }
    }

    /// Reads one age: years ("34", "j'ai 34 ans"), a date of birth, or a
    /// year of birth ("né en 1990", read back since it may be a year off).
    /// A number of children followed by each child's age, as the question
    /// invites ("2, 3 ans et 7 ans", "deux enfants de 4 et 9 ans", "1 de 6
    /// mois"): the count and the ages, or `None` when the ages are not all
    /// there (then the count alone is read, and the ages asked next).
    pub(super) fn compte_et_ages(&self, texte: &str) -> Option<Vec<(String, Value)>> {
        const UNITES: &[&str] = &["ans", "an", "mois", "years", "year", "months", "month"];
        let f = forme(texte);
        let mots: Vec<&str> = f.split(' ').collect();
        if !mots.iter().any(|m| UNITES.contains(m)) {
            return None;
        }
        let nombres: Vec<(u32, Option<&str>)> = mots
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((m.parse::<u32>().ok()?, mots.get(i + 1).copied())))
            .collect();
        let (compte, ages) = match nombres.first() {
            Some((n, unite)) if !unite.is_some_and(|u| UNITES.contains(&u)) => (*n, &nombres[1..]),
            _ => {
                // The count in words: "deux enfants de 4 et 9 ans".
                let n = extraction::extraire(texte, &self.lexique)
                    .into_iter()
                    .find(|(c, _)| c == "nombre_enfants")?
                    .1
                    .as_u64()?;
                (u32::try_from(n).ok()?, &nombres[..])
            }
        };
        if compte == 0 || ages.len() != compte as usize {
            return None;
        }
        let mut a = vec![("nombre_enfants".to_string(), Value::from(compte))];
        for (i, (n, unite)) in ages.iter().enumerate() {
            let age = if unite.is_some_and(|u| u.starts_with("mo")) {
                n / 12
            } else {
                *n
            };
            if age > 30 {
                return None;
            }
            a.push((format!("enfants.{i}.age"), Value::from(age)));
        }
        Some(a)
    }

    pub(super) fn lire_un_age(
        &self,
        premier: &str,
        texte: &str,
        e: &Entrant,
        langue: Langue,
        nombre: &dyn Fn(Compris<Decimal>) -> Result<Decimal, Lecture>,
    ) -> Lecture {
        // A child's age in months ("6 mois": under a year).
        if premier.starts_with("enfants.") {
            if let Some(a) = age_d_un_morceau(texte, e.aujourd_hui) {
                let v = Value::from(a);
                return match nombre(Compris::Valeur(Decimal::from(a))) {
                    Ok(_) => {
                        let relu = self.afficher(langue, premier, &v);
                        Lecture::Comprise(vec![(premier.to_string(), v)], vec![], relu)
                    }
                    Err(l) => l,
                };
            }
        }
        // A year of birth first: "né en 90" is not 90 years old.
        let (lu, relu) = match reponse::age_depuis_annee(texte, e.aujourd_hui) {
            Some(a) => (Compris::Valeur(Decimal::from(a)), true),
            None => (lire_age(&sans_bientot(texte), e.aujourd_hui), false),
        };
        match lu {
            Compris::Valeur(d) => match nombre(Compris::Valeur(d)) {
                Ok(d) if d.fract().is_zero() => {
                    let v = nombre_json(d);
                    let relu = relu.then(|| self.afficher(langue, premier, &v)).flatten();
                    Lecture::Comprise(vec![(premier.to_string(), v)], vec![], relu)
                }
                Ok(_) => Lecture::Incomprise("incompris"),
                Err(l) => l,
            },
            Compris::NeSaitPas => Lecture::NeSaitPas,
            Compris::Incompris => Lecture::Incomprise("incompris"),
        }
    }

    /// The lexicon meaning of a field said in `texte` (longest words win, a
    /// negation just before cancels), with the words found.
    pub(super) fn sens_trouve(
        &self,
        texte: &str,
        champ: &str,
        personne: &str,
    ) -> Option<(&Sens, String)> {
        let f = forme(texte);
        let mots_texte: Vec<&str> = f.split(' ').collect();
        let mut meilleur: Option<(&Sens, String)> = None;
        let mut ex_aequo = false;
        for sens in self.lexique.pour_champ(champ, personne) {
            for m in &sens.mots {
                let Some(i) = position_dans(&mots_texte, m) else {
                    continue;
                };
                let nie = mots_texte[i.saturating_sub(2)..i]
                    .iter()
                    .any(|w| ["pas", "plus", "jamais", "ni", "not", "never"].contains(w));
                if nie {
                    continue;
                }
                let longueur = m.split(' ').count();
                match &meilleur {
                    Some((s2, m2)) if m2.split(' ').count() > longueur => {}
                    Some((s2, m2)) if m2.split(' ').count() == longueur => {
                        if s2.pour(personne) != sens.pour(personne) {
                            ex_aequo = true;
                        }
                    }
                    _ => {
                        meilleur = Some((sens, m.clone()));
                        ex_aequo = false;
                    }
                }
            }
        }
        if ex_aequo { None } else { meilleur }
    }

    /// Yes or no from the lexicon's extra words ("wé", "i am not"): the
    /// side with the longest match, none when both match as long.
    pub(super) fn oui_non_lexique(&self, texte: &str) -> Option<bool> {
        let f = forme(texte);
        let plus_long = |liste: &[String]| {
            liste
                .iter()
                .filter(|m| position_mots(&f, m).is_some())
                .map(|m| m.split(' ').count())
                .max()
                .unwrap_or(0)
        };
        let (oui, non) = (plus_long(&self.lexique.oui), plus_long(&self.lexique.non));
        match oui.cmp(&non) {
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// A disability choice from a rate in the answer ("oui 80%", "oui à
    /// 60", "taux de 50 pour cent"): the option whose rate bracket holds it.
    pub(super) fn choix_par_taux<'q>(&self, q: &'q Question, texte: &str) -> Option<&'q Choix> {
        let avec_taux = |c: &Choix| {
            c.remplit
                .iter()
                .find(|(chemin, _)| chemin.ends_with("taux_incapacite"))
                .and_then(|(_, v)| v.as_i64())
        };
        if !q.choix.iter().any(|c| avec_taux(c).is_some()) {
            return None;
        }
        let f = forme(texte);
        let mots_texte: Vec<&str> = f.split(' ').collect();
        if mots_texte.iter().any(|m| ["non", "no", "pas"].contains(m)) {
            return None;
        }
        let mut taux = None;
        for (i, m) in mots_texte.iter().enumerate() {
            let chiffres = m.trim_end_matches('%');
            let Ok(n) = chiffres.parse::<u32>() else {
                continue;
            };
            let pourcent = m.ends_with('%')
                || mots_texte
                    .get(i + 1)
                    .is_some_and(|s| ["%", "pourcent", "pour", "percent", "pc"].contains(s));
            if (10..=100).contains(&n) || (pourcent && n <= 100) {
                if taux.is_some() {
                    return None;
                }
                taux = Some(n);
            }
        }
        let taux = i64::from(taux?);
        let moins = mots_texte
            .iter()
            .any(|m| ["moins", "less", "under", "sous"].contains(m));
        let tranche = if moins && taux <= 50 {
            0
        } else if taux >= 80 {
            80
        } else if taux >= 50 {
            50
        } else {
            0
        };
        q.choix
            .iter()
            .find(|c| c.valeur == Value::Bool(true) && avec_taux(c) == Some(tranche))
    }

    /// Whether an answer names a choice plainly (its key or its label), so
    /// that there is nothing to read back.
    pub(super) fn dit_le_choix(&self, choix: &Choix, texte: &str) -> bool {
        let f = forme(texte);
        let f = f
            .trim_start_matches("le ")
            .trim_start_matches("choix ")
            .to_string();
        f == forme(&choix.cle)
            || Langue::TOUTES
                .iter()
                .any(|l| forme(&self.t(*l, &choix.libelle, &[])) == f)
            || f == forme(&texte_json(&choix.valeur))
    }

    /// Gathers the words of each option of a choice question.
    pub(super) fn options_calculees(&self, q: &Question) -> Vec<OptionLue> {
        let personne = personne_de(q);
        q.choix
            .iter()
            .map(|c| {
                // Options are recognised by their label in both languages.
                let mut mots = c.mots.clone();
                for l in Langue::TOUTES {
                    mots.push(self.t(l, &c.libelle, &[]));
                }
                // And by the lexicon's words for what they mean.
                for sens in self.lexique.pour_champ(&q.champs[0], personne) {
                    let dit = sens.pour(personne);
                    if choix_pour(q, &dit).is_some_and(|x| std::ptr::eq(x, c)) {
                        mots.extend(sens.mots.iter().cloned());
                    }
                }
                (c.cle.clone(), texte_json(&c.valeur), mots)
            })
            .collect()
    }

    pub(super) fn choisir<'q>(&self, q: &'q Question, texte: &str) -> Compris<&'q Choix> {
        let lu = match self.options_choix.get(&q.id) {
            Some(preparees) => reponse::choix_prepare(texte, preparees),
            None => choix_parmi(texte, &self.options_calculees(q)),
        };
        lu.map(|i| &q.choix[i])
    }

    pub(super) fn lire_choix_liste(&self, q: &Question, champs: &[String], texte: &str) -> Lecture {
        // The children concerned, in order, from the first field's paths.
        let premier = q.champs[0].strip_prefix("enfants.*.").unwrap_or("");
        let enfants: Vec<usize> = champs
            .iter()
            .filter_map(|c| {
                let reste = c.strip_prefix("enfants.")?;
                let (i, champ) = reste.split_once('.')?;
                (champ == premier).then(|| i.parse().ok()).flatten()
            })
            .collect();
        let parties = morceaux(texte);
        let choisis: Vec<Compris<&Choix>> = if parties.len() == enfants.len() {
            parties.iter().map(|p| self.choisir(q, p)).collect()
        } else if parties.len() <= 1 || enfants.len() == 1 {
            match self.choisir(q, texte) {
                // "non" for all the children at once.
                Compris::Valeur(c) if c.valeur == Value::Bool(false) || enfants.len() == 1 => {
                    vec![Compris::Valeur(c); enfants.len()]
                }
                Compris::NeSaitPas => return Lecture::NeSaitPas,
                _ => return Lecture::Incomprise("incompris-liste"),
            }
        } else {
            return Lecture::Incomprise("incompris-liste");
        };
        let mut a = Vec::new();
        for (i, choix) in enfants.iter().zip(choisis) {
            match choix {
                Compris::Valeur(c) => {
                    a.push((format!("enfants.{i}.{premier}"), c.valeur.clone()));
                    for (chemin, v) in &c.remplit {
                        a.push((chemin.replace(".*.", &format!(".{i}.")), v.clone()));
                    }
                }
                Compris::NeSaitPas => return Lecture::NeSaitPas,
                Compris::Incompris => return Lecture::Incomprise("incompris-liste"),
            }
        }
        Lecture::Comprise(a, vec![], None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn morceaux_de_listes() {
        assert_eq!(morceaux("4, 12 et 15 ans"), vec!["4", "12", "15"]);
        assert_eq!(morceaux("4 12"), vec!["4", "12"]);
        assert_eq!(morceaux("4 ans et 12 ans"), vec!["4", "12"]);
        assert_eq!(morceaux("C L"), vec!["c", "l"]);
        assert_eq!(
            morceaux("trente quatre et trente six"),
            vec!["trente quatre", "trente six"]
        );
        assert_eq!(morceaux("34"), vec!["34"]);
        assert_eq!(morceaux("7ans 3ans"), vec!["7", "3"]);
    }
}
