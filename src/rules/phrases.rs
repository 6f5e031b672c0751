//! Every sentence of the rules that a person may read, and the key its
//! translations go by.
//!
//! French is written in the rule files, where policy experts edit it beside
//! the formulas it explains. Another language writes the same sentences in
//! `locales/<langue>/aides.ftl`, one Fluent message each, keyed by the aid
//! and the sentence's place in its file: `asf-libelle`, `asf-condition-2-non`,
//! `asf-explication-1`, `asf-document-3`, `hypothese-foyer-epargne` (see
//! [`cle`]). Places rather than French words make the keys short and
//! stable when a sentence is reworded; `guichet check` notices a reworded
//! or moved sentence because each translation quotes the French it was
//! made from. [`catalogue`] lists every sentence with its file and line for
//! that check. The few sentences the evaluation writes itself are here too,
//! so that they have one home and a key.

use super::load::{ErreurChargement, Source};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// Put before a condition's sentence while the condition cannot be decided
/// yet, when the rule file gives no `inconnu` sentence.
pub const A_VERIFIER: &str = "À vérifier : ";

/// The line added when an aid's amount is below the minimum paid: the texts
/// around the amount computed and the minimum.
pub const GABARIT_MINIMUM: &[&str] = &[
    "Le montant calculé (",
    " €) est inférieur au minimum versé (",
    " €).",
];

/// The line added when an aid's amount comes to nothing.
pub const MONTANT_NUL: &str =
    "Vos ressources dépassent le montant de cette aide : le calcul donne 0 €.";

/// The explanation of an aid whose computation failed (a rule bug).
pub const ECHEC: &str = "Le calcul de cette aide a échoué ; un conseiller peut vous aider.";

/// Key of the sentence put before an undecided condition's sentence
/// (`$phrase`), as [`A_VERIFIER`] does in French.
pub const CLE_A_VERIFIER: &str = "evaluation-a-verifier";
/// Key of [`GABARIT_MINIMUM`] (`$v1` the amount computed, `$v2` the minimum).
pub const CLE_MINIMUM: &str = "evaluation-minimum";
/// Key of [`MONTANT_NUL`].
pub const CLE_MONTANT_NUL: &str = "evaluation-montant-nul";
/// Key of [`ECHEC`].
pub const CLE_ECHEC: &str = "evaluation-echec";
/// Key of a yes value in an explanation line (`oui` in French).
pub const CLE_OUI: &str = "valeur-oui";
/// Key of a no value in an explanation line (`non` in French).
pub const CLE_NON: &str = "valeur-non";

/// Which sentence of an aid's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoi {
    /// `libelle`, the official name.
    Libelle,
    /// `libelle_court`, the name in SMS.
    LibelleCourt,
    /// `description`.
    Description,
    /// A sentence of the `[[conditions]]` at this place (from 0).
    Condition(usize, Cas),
    /// The line of `explications` at this place (from 0).
    Explication(usize),
    /// `[demarche] texte`.
    Demarche,
    /// The document of `[demarche] documents` at this place (from 0).
    Document(usize),
}

/// Which sentence of a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cas {
    /// `oui`, said when it is met.
    Oui,
    /// `non`, said when it is not.
    Non,
    /// `inconnu`, said while it cannot be decided.
    Inconnu,
}

/// The key of a sentence of the aid `aide`. Places count from 1 in keys,
/// as a person counts the conditions of a file.
pub fn cle(aide: &str, quoi: Quoi) -> String {
    match quoi {
        Quoi::Libelle => format!("{aide}-libelle"),
        Quoi::LibelleCourt => format!("{aide}-libelle-court"),
        Quoi::Description => format!("{aide}-description"),
        Quoi::Condition(i, cas) => {
            let cas = match cas {
                Cas::Oui => "oui",
                Cas::Non => "non",
                Cas::Inconnu => "inconnu",
            };
            format!("{aide}-condition-{}-{cas}", i + 1)
        }
        Quoi::Explication(i) => format!("{aide}-explication-{}", i + 1),
        Quoi::Demarche => format!("{aide}-demarche"),
        Quoi::Document(i) => format!("{aide}-document-{}", i + 1),
    }
}

/// The key of the hypothesis on a field, from its pattern in
/// `_commun.toml` (`enfants.*.garde_alternee`) or a field's path
/// (`enfants.2.garde_alternee`): one key for every child.
pub fn cle_hypothese(chemin: &str) -> String {
    let morceaux: Vec<&str> = chemin
        .split('.')
        .filter(|m| *m != "*" && !m.chars().all(|c| c.is_ascii_digit()))
        .collect();
    format!("hypothese-{}", morceaux.join("-"))
}

/// The names of the values of an explanation line with `n` values, as a
/// translation uses them: `v1`, `v2`…
pub fn variables(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("v{i}")).collect()
}

/// The number of values (`{formule}`) in an explanation line, counted as
/// the loader cuts the line.
pub fn nombre_de_valeurs(gabarit: &str) -> usize {
    let mut n = 0;
    let mut reste = gabarit;
    while let Some(ouv) = reste.find('{') {
        let Some(ferm) = reste[ouv..].find('}') else {
            break;
        };
        n += 1;
        reste = &reste[ouv + ferm + 1..];
    }
    n
}

/// A sentence a person may read, as the rules write it in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The key of its translations.
    pub cle: String,
    /// The French, as written (an explanation line with its `{formule}`).
    pub francais: String,
    /// Where it is written (a rule file, or the source of the evaluation).
    pub fichier: String,
    /// Its line, from 1 (0 when not in a rule file).
    pub ligne: usize,
    /// The names of the values a translation must show, each once at least
    /// (`v1`, `v2`… for an explanation line; none for most sentences).
    pub variables: Vec<String>,
}

/// The texts of an aid's file that a person may read.
#[derive(Deserialize)]
struct PhrasesAide {
    id: String,
    libelle: Spanned<String>,
    #[serde(default)]
    libelle_court: Option<Spanned<String>>,
    description: Spanned<String>,
    #[serde(default)]
    conditions: Vec<PhrasesCondition>,
    #[serde(default)]
    explications: Vec<Spanned<super::fichier::DefExplication>>,
    #[serde(default)]
    demarche: PhrasesDemarche,
}

#[derive(Deserialize)]
struct PhrasesCondition {
    oui: Spanned<String>,
    non: Spanned<String>,
    #[serde(default)]
    inconnu: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
struct PhrasesDemarche {
    #[serde(default)]
    texte: Option<Spanned<String>>,
    #[serde(default)]
    documents: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
struct PhrasesCommun {
    #[serde(default)]
    hypotheses: BTreeMap<String, PhraseHypothese>,
}

#[derive(Deserialize)]
struct PhraseHypothese {
    texte: Spanned<String>,
}

/// Every sentence of the rule files `sources` a person may read, with its
/// key, file and line, then the sentences the evaluation writes itself.
/// The files are read only for their texts: [`super::load::charger`]
/// reports any other problem.
pub fn catalogue(sources: &[Source]) -> Result<Vec<Phrase>, Vec<ErreurChargement>> {
    let mut phrases = Vec::new();
    let mut erreurs = Vec::new();
    for src in sources {
        let ligne = |s: &Spanned<String>| {
            src.texte[..s.span().start.min(src.texte.len())]
                .matches('\n')
                .count()
                + 1
        };
        let mut ajouter = |cle: String, s: &Spanned<String>, variables: Vec<String>| {
            phrases.push(Phrase {
                cle,
                francais: s.get_ref().clone(),
                fichier: src.nom.clone(),
                ligne: ligne(s),
                variables,
            })
        };
        let base = src.nom.rsplit(['/', '\\']).next().unwrap_or(&src.nom);
        if base == "_commun.toml" {
            match toml::from_str::<PhrasesCommun>(&src.texte) {
                Ok(c) => {
                    for (motif, h) in &c.hypotheses {
                        ajouter(cle_hypothese(motif), &h.texte, Vec::new());
                    }
                }
                Err(e) => erreurs.push(erreur_toml(src, &e)),
            }
            continue;
        }
        let f = match toml::from_str::<PhrasesAide>(&src.texte) {
            Ok(f) => f,
            Err(e) => {
                erreurs.push(erreur_toml(src, &e));
                continue;
            }
        };
        let id = f.id.as_str();
        ajouter(cle(id, Quoi::Libelle), &f.libelle, Vec::new());
        if let Some(court) = &f.libelle_court {
            ajouter(cle(id, Quoi::LibelleCourt), court, Vec::new());
        }
        ajouter(cle(id, Quoi::Description), &f.description, Vec::new());
        for (i, c) in f.conditions.iter().enumerate() {
            ajouter(cle(id, Quoi::Condition(i, Cas::Oui)), &c.oui, Vec::new());
            ajouter(cle(id, Quoi::Condition(i, Cas::Non)), &c.non, Vec::new());
            if let Some(inconnu) = &c.inconnu {
                ajouter(
                    cle(id, Quoi::Condition(i, Cas::Inconnu)),
                    inconnu,
                    Vec::new(),
                );
            }
        }
        for (i, e) in f.explications.iter().enumerate() {
            // A line under a condition is found at the line of its table.
            let texte = Spanned::new(e.span(), e.get_ref().texte().to_string());
            let n = nombre_de_valeurs(texte.get_ref());
            ajouter(cle(id, Quoi::Explication(i)), &texte, variables(n));
        }
        if let Some(t) = &f.demarche.texte {
            ajouter(cle(id, Quoi::Demarche), t, Vec::new());
        }
        for (i, d) in f.demarche.documents.iter().enumerate() {
            ajouter(cle(id, Quoi::Document(i)), d, Vec::new());
        }
    }
    if !erreurs.is_empty() {
        return Err(erreurs);
    }
    phrases.extend(phrases_de_l_evaluation());
    Ok(phrases)
}

/// The sentences the evaluation writes itself, written as rule files write
/// theirs (`{v1}` for a value).
fn phrases_de_l_evaluation() -> Vec<Phrase> {
    let phrase = |cle: &str, francais: String, variables: &[&str]| Phrase {
        cle: cle.to_string(),
        francais,
        fichier: "src/rules/phrases.rs".to_string(),
        ligne: 0,
        variables: variables.iter().map(|v| v.to_string()).collect(),
    };
    vec![
        phrase(
            CLE_A_VERIFIER,
            format!("{A_VERIFIER}{{phrase}}"),
            &["phrase"],
        ),
        phrase(
            CLE_MINIMUM,
            format!(
                "{}{{v1}}{}{{v2}}{}",
                GABARIT_MINIMUM[0], GABARIT_MINIMUM[1], GABARIT_MINIMUM[2]
            ),
            &["v1", "v2"],
        ),
        phrase(CLE_MONTANT_NUL, MONTANT_NUL.to_string(), &[]),
        phrase(CLE_ECHEC, ECHEC.to_string(), &[]),
        phrase(CLE_OUI, "oui".to_string(), &[]),
        phrase(CLE_NON, "non".to_string(), &[]),
    ]
}

fn erreur_toml(src: &Source, e: &toml::de::Error) -> ErreurChargement {
    ErreurChargement {
        fichier: src.nom.clone(),
        ligne: e
            .span()
            .map(|s| {
                src.texte[..s.start.min(src.texte.len())]
                    .matches('\n')
                    .count()
                    + 1
            })
            .unwrap_or(0),
        message: e.message().replace('\n', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_count_places_from_one() {
        assert_eq!(cle("asf", Quoi::LibelleCourt), "asf-libelle-court");
        assert_eq!(
            cle("asf", Quoi::Condition(1, Cas::Non)),
            "asf-condition-2-non"
        );
        assert_eq!(cle("rsa", Quoi::Explication(0)), "rsa-explication-1");
        assert_eq!(cle("rsa", Quoi::Document(2)), "rsa-document-3");
    }

    #[test]
    fn a_hypothesis_on_every_child_has_one_key() {
        assert_eq!(
            cle_hypothese("enfants.*.garde_alternee"),
            "hypothese-enfants-garde_alternee"
        );
        assert_eq!(
            cle_hypothese("enfants.3.garde_alternee"),
            "hypothese-enfants-garde_alternee"
        );
        assert_eq!(cle_hypothese("foyer.epargne"), "hypothese-foyer-epargne");
    }

    #[test]
    fn values_are_counted_as_the_loader_cuts_lines() {
        assert_eq!(nombre_de_valeurs("Loyer : {a} € ; zone {b.c}."), 2);
        assert_eq!(nombre_de_valeurs("Rien à calculer."), 0);
        assert_eq!(nombre_de_valeurs("{min(a, b)}"), 1);
    }

    #[test]
    fn the_catalogue_gives_each_sentence_its_line() {
        let aide = r#"id = "essai"
libelle = "Aide d'essai"
institution = "CAF"
description = "Pour essayer."
explications = ["Montant : {montant_de_base} €."]

[[conditions]]
formule = "demandeur.age >= 18"
oui = "Vous êtes majeur."
non = "Il faut être majeur."

[demarche]
documents = ["Un RIB"]
"#;
        let commun = "[hypotheses.\"foyer.epargne\"]\nvaleur = 0\ntexte = \"Pas d'épargne.\"\n";
        let p = catalogue(&[
            Source {
                nom: "rules/_commun.toml".into(),
                texte: commun.into(),
            },
            Source {
                nom: "rules/essai.toml".into(),
                texte: aide.into(),
            },
        ])
        .unwrap();
        let trouver = |cle: &str| p.iter().find(|x| x.cle == cle).unwrap();
        assert_eq!(trouver("hypothese-foyer-epargne").ligne, 3);
        assert_eq!(trouver("essai-libelle").ligne, 2);
        assert_eq!(trouver("essai-explication-1").variables, ["v1"]);
        assert_eq!(trouver("essai-condition-1-non").ligne, 10);
        assert_eq!(trouver("essai-document-1").francais, "Un RIB");
        assert!(p.iter().any(|x| x.cle == CLE_MINIMUM));
        assert!(!p.iter().any(|x| x.cle == "essai-libelle-court"));
    }
}
