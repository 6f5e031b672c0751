//! Every aid's detail, as a person reads it after typing the aid's number,
//! reads as plain words: the amount first, then why in a few short
//! sentences that all fit the first reply, then how to apply; no formula,
//! no acronym without its meaning, no link too long to type; the warnings
//! that matter where they apply (the minimum old-age pension taken back
//! from a homeowner's estate, the MSA for farm workers, declaring a change
//! of income). The details are rendered through the engine, in French and
//! English, for the 600 oracle households, the older oracle set and a few
//! households chosen for aids the oracle rarely reaches (retired
//! homeowner or tenants, a large family, a student, a young person without
//! work, a disabled person, a single mother with a baby, a homeless person).
//!
//! `GUICHET_DETAILS=afficher cargo test --test details -- --nocapture`
//! prints every distinct detail, to read them as a person would.

use guichet::dialogue::moteur::eligibles;
use guichet::dialogue::{Conversation, Entrant, Etape, Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::situation::{Mois, Situation};
use guichet::textes::Langue;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The longest link a detail may show: a person copies it by hand from a
/// basic phone.
const LIEN_MAX: usize = 60;

/// Words and signs that make a sentence read like a formula or a legal
/// text, in either language.
const INTERDITS: &[&str] = &[
    "=",
    " * ",
    " × ",
    "multiplié par 1",
    "multiplied by 1",
    "BMAF",
    "CRDS",
    "forfaitaire",
    "lump-sum amount",
    "base amount",
    "forfait logement",
    "housing flat rate",
    "housing deduction",
    "PMSS",
    "SMIC",
    "RFR",
    "quotient",
    "coefficient",
    "abattement",
    "allowance for earned income",
    "prorata",
    "montant forfaitaire",
    "unité(s) de consommation",
    "points de charge",
    "en zone",
    "ARIPA",
];

/// Acronyms a detail may use only if it also says what they mean (or
/// names the aid in words), in French or English. "CAF" is common
/// knowledge, and "RIB" is what every bank calls it.
const SIGLES: &[(&str, &[&str])] = &[
    (
        "RSA",
        &["revenu de solidarité active", "active solidarity income"],
    ),
    (
        "ASS",
        &[
            "allocation de solidarité spécifique",
            "specific solidarity allowance",
        ],
    ),
    (
        "AAH",
        &[
            "allocation aux adultes handicapés",
            "disabled adult allowance",
        ],
    ),
    (
        "ASI",
        &[
            "allocation supplémentaire d'invalidité",
            "supplementary disability allowance",
        ],
    ),
    (
        "ASPA",
        &[
            "minimum vieillesse",
            "old-age minimum",
            "minimum old-age pension",
        ],
    ),
    (
        "AEEH",
        &[
            "allocation d'éducation de l'enfant handicapé",
            "disabled child education allowance",
        ],
    ),
    (
        "PAJE",
        &[
            "prestation d'accueil du jeune enfant",
            "young child benefit",
        ],
    ),
    (
        "MDPH",
        &[
            "maison départementale des personnes handicapées",
            "departmental centre for disabled people",
        ],
    ),
    (
        "CCAS",
        &["centre communal d'action sociale", "town social services"],
    ),
    (
        "CEJ",
        &[
            "contrat d'engagement jeune",
            "youth contract",
            "youth commitment contract",
        ],
    ),
    (
        "LEP",
        &["livret d'épargne populaire", "popular savings account"],
    ),
];

const NOV_2026: Mois = Mois {
    annee: 2026,
    mois: 11,
};

/// Households the oracle sets rarely reach, written as the situation
/// format has them.
const FOYERS_CHOISIS: &[&str] = &[
    // A retired homeowner living alone: ASPA, with the estate warning.
    r#"{"couple": false, "demandeur": {"age": 70, "activite": "retraite", "retraite_nette": 600, "nationalite": "fr"},
        "enfants": [], "logement": {"statut": "proprietaire", "loyer": 0, "code_postal": "23000"}}"#,
    // A retired couple renting.
    r#"{"couple": true, "demandeur": {"age": 68, "activite": "retraite", "retraite_nette": 500, "nationalite": "fr"},
        "conjoint": {"age": 66, "activite": "retraite", "retraite_nette": 300, "nationalite": "fr"},
        "enfants": [], "logement": {"statut": "locataire", "loyer": 450, "code_postal": "75011"}}"#,
    // A worker with three children (the situation does not say whether
    // the work is agricultural).
    r#"{"couple": true, "demandeur": {"age": 40, "activite": "salarie", "salaire_net": 1300, "nationalite": "fr"},
        "conjoint": {"age": 38, "activite": "inactif", "nationalite": "fr"},
        "enfants": [{"age": 15}, {"age": 12}, {"age": 1}], "logement": {"statut": "locataire", "loyer": 500, "code_postal": "24000"}}"#,
    // A student.
    r#"{"couple": false, "demandeur": {"age": 20, "activite": "etudiant", "nationalite": "fr"},
        "enfants": [], "logement": {"statut": "locataire", "loyer": 400, "code_postal": "35000"}}"#,
    // A young person without work.
    r#"{"couple": false, "demandeur": {"age": 19, "activite": "inactif", "nationalite": "fr"},
        "enfants": [], "logement": {"statut": "heberge", "code_postal": "93200"}}"#,
    // A disabled person living alone.
    r#"{"couple": false, "demandeur": {"age": 45, "activite": "inactif", "handicap": true, "taux_incapacite": 80, "nationalite": "fr"},
        "enfants": [], "logement": {"statut": "locataire", "loyer": 420, "code_postal": "13001"}}"#,
    // A single mother with a baby, without work.
    r#"{"couple": false, "demandeur": {"age": 27, "activite": "inactif", "nationalite": "fr"},
        "enfants": [{"age": 0}, {"age": 4}, {"age": 9}], "logement": {"statut": "locataire_hlm", "loyer": 350, "code_postal": "59100"}}"#,
    // Homeless.
    r#"{"couple": false, "demandeur": {"age": 50, "activite": "chomeur", "chomage_net": 0, "nationalite": "fr"},
        "enfants": [], "logement": {"statut": "sans_domicile", "code_postal": "75010"}}"#,
];

fn situations() -> Vec<Situation> {
    let mut v = Vec::new();
    for texte in [
        include_str!("oracle/foyers_2026.json"),
        include_str!("oracle/tenus_a_part_7.json"),
    ] {
        let json: Value = serde_json::from_str(texte).expect("oracle file is JSON");
        for cas in json["cases"].as_array().expect("cases array") {
            if let Ok(s) = Situation::from_json(&cas["situation"].to_string()) {
                v.push(s);
            }
        }
    }
    for texte in FOYERS_CHOISIS {
        v.push(choisi(texte));
    }
    v
}

/// A chosen household, each adult's income not written being none (so
/// that its aids are decided, not left to ask about).
fn choisi(texte: &str) -> Situation {
    let mut json: Value = serde_json::from_str(texte).unwrap_or_else(|e| panic!("{e:?}\n{texte}"));
    for cle in ["demandeur", "conjoint"] {
        if let Some(p) = json.get_mut(cle).and_then(|p| p.as_object_mut()) {
            for (champ, defaut) in [
                ("salaire_net", Value::from(0)),
                ("chomage_net", Value::from(0)),
                ("retraite_nette", Value::from(0)),
                ("pension_invalidite", Value::from(0)),
                ("handicap", Value::from(false)),
                ("taux_incapacite", Value::from(0)),
            ] {
                p.entry(champ).or_insert(defaut);
            }
        }
    }
    Situation::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e:?}\n{texte}"))
}

/// (aid, language) → the distinct details, each its replies.
type Details = BTreeMap<(String, String), Vec<Vec<String>>>;

/// Every detail of every eligible aid of every household, in both
/// languages. Rendered once for all the tests of this file.
fn details() -> &'static Details {
    static DETAILS: OnceLock<Details> = OnceLock::new();
    DETAILS.get_or_init(rendre_les_details)
}

fn rendre_les_details() -> Details {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let mut tous = Details::new();
    for situation in situations() {
        for langue in [Langue::Fr, Langue::En] {
            let c = Conversation {
                situation: situation.clone(),
                langue,
                etape: Etape::Resultats { suite: 0 },
                ..Conversation::default()
            };
            let eval = moteur.evaluer(&c, NOV_2026);
            let ids: Vec<String> = eligibles(&eval.aides)
                .iter()
                .map(|a| a.id.to_string())
                .collect();
            for (i, id) in ids.iter().enumerate() {
                let numero = (i + 1).to_string();
                let entrant = Entrant {
                    texte: &numero,
                    aujourd_hui: (2026, 11, 23),
                    mois: NOV_2026,
                    langue: Some(langue),
                    joignable: false,
                };
                let (_, tour) = moteur.pas(Some(c.clone()), &entrant);
                let liste = tous.entry((id.clone(), langue.to_string())).or_default();
                if !liste.contains(&tour.messages) {
                    liste.push(tour.messages);
                }
            }
        }
    }
    if std::env::var("GUICHET_DETAILS").as_deref() == Ok("afficher") {
        for ((id, langue), liste) in &tous {
            println!("===== {id} ({langue}) : {} détails", liste.len());
            for d in liste.iter().take(4) {
                for m in d {
                    println!("< {}", m.replace('\n', "\n  "));
                }
                println!();
            }
        }
    }
    tous
}

#[test]
fn every_detail_reads_without_formulas_or_unexplained_jargon() {
    let tous = details();
    assert!(tous.len() > 30, "too few aids reached: {:?}", tous.keys());
    let mut fautes = Vec::new();
    for ((id, langue), liste) in tous {
        for d in liste {
            for m in d {
                for mot in INTERDITS {
                    if m.contains(mot) {
                        fautes.push(format!("{id} ({langue}) « {mot} » : {m}"));
                    }
                }
            }
        }
    }
    fautes.sort();
    fautes.dedup();
    assert!(fautes.is_empty(), "{}", fautes.join("\n"));
}

/// Every explanation line the budget left out of a detail's first reply,
/// as (aid, language, line).
fn lignes_laissees() -> Vec<String> {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let mut laissees = Vec::new();
    for situation in situations() {
        for langue in [Langue::Fr, Langue::En] {
            let c = Conversation {
                situation: situation.clone(),
                langue,
                etape: Etape::Resultats { suite: 0 },
                ..Conversation::default()
            };
            let eval = moteur.evaluer(&c, NOV_2026);
            for (i, a) in eligibles(&eval.aides).iter().enumerate() {
                let numero = (i + 1).to_string();
                let entrant = Entrant {
                    texte: &numero,
                    aujourd_hui: (2026, 11, 23),
                    mois: NOV_2026,
                    langue: Some(langue),
                    joignable: false,
                };
                let (_, tour) = moteur.pas(Some(c.clone()), &entrant);
                let ecrite = moteur.textes.aide(langue, &moteur.regles, a);
                for ligne in ecrite.pourquoi() {
                    if !tour.messages[0].contains(&ligne) {
                        laissees.push(format!("{} ({langue}) : {ligne}", a.id));
                    }
                }
            }
        }
    }
    laissees.sort();
    laissees.dedup();
    laissees
}

#[test]
fn every_explanation_line_fits_in_the_first_reply_of_a_detail() {
    let laissees = lignes_laissees();
    assert!(laissees.is_empty(), "{}", laissees.join("\n"));
}

#[test]
fn every_acronym_in_a_detail_comes_with_its_meaning() {
    let tous = details();
    let mut fautes = Vec::new();
    for ((id, langue), liste) in tous {
        for d in liste {
            let texte = d.join("\n");
            let minuscules = texte.to_lowercase();
            let mots: Vec<&str> = texte
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .collect();
            for (sigle, sens) in SIGLES {
                let present = mots.iter().any(|m| {
                    m == sigle || m.strip_prefix("l'").or(m.strip_prefix("d'")) == Some(sigle)
                });
                if present && !sens.iter().any(|s| minuscules.contains(&s.to_lowercase())) {
                    fautes.push(format!("{id} ({langue}) : {sigle} sans son sens\n{texte}"));
                }
            }
        }
    }
    fautes.sort();
    fautes.dedup();
    assert!(fautes.is_empty(), "{}", fautes.join("\n\n"));
}

#[test]
fn every_link_a_detail_shows_is_short_enough_to_type() {
    let tous = details();
    let mut longs = Vec::new();
    for ((id, _), liste) in tous {
        for d in liste {
            for m in d {
                for mot in m.split_whitespace() {
                    let lien = mot.trim_end_matches(['.', ',', ';', ')']);
                    let est_un_lien = lien.starts_with("http")
                        || lien.starts_with("www.")
                        || lien.contains(".fr/")
                        || lien.contains(".gouv.fr");
                    if est_un_lien && lien.chars().count() > LIEN_MAX {
                        longs.push(format!("{id} : {lien} ({})", lien.chars().count()));
                    }
                }
            }
        }
    }
    longs.sort();
    longs.dedup();
    assert!(longs.is_empty(), "{}", longs.join("\n"));
}

/// The detail of aid `id` for the household `json`, in French.
fn detail_de(json: &str, id: &str) -> Vec<String> {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let c = Conversation {
        situation: choisi(json),
        etape: Etape::Resultats { suite: 0 },
        ..Conversation::default()
    };
    let eval = moteur.evaluer(&c, NOV_2026);
    let rang = eligibles(&eval.aides)
        .iter()
        .position(|a| a.id == id)
        .unwrap_or_else(|| panic!("{id} is not granted to {json}"));
    let numero = (rang + 1).to_string();
    let entrant = Entrant {
        texte: &numero,
        aujourd_hui: (2026, 11, 23),
        mois: NOV_2026,
        langue: None,
        joignable: false,
    };
    moteur.pas(Some(c), &entrant).1.messages
}

#[test]
fn a_homeowner_is_told_the_minimum_pension_can_be_taken_back_from_the_estate() {
    let proprietaire = detail_de(FOYERS_CHOISIS[0], "aspa");
    assert!(
        proprietaire[0].contains("succession") && proprietaire[0].contains("108 000"),
        "{proprietaire:#?}"
    );
    let locataires = detail_de(FOYERS_CHOISIS[1], "aspa");
    assert!(
        !locataires.iter().any(|m| m.contains("succession")),
        "{locataires:#?}"
    );
}

#[test]
fn a_detail_of_an_aid_paid_by_the_caf_points_farm_workers_to_the_msa() {
    let famille = detail_de(FOYERS_CHOISIS[2], "allocations_familiales");
    assert!(
        famille
            .iter()
            .any(|m| m.contains("agricole") && m.contains("msa.fr")),
        "{famille:#?}"
    );
}

#[test]
fn a_detail_gives_the_amount_first_and_says_to_declare_a_change_of_income() {
    let rsa = detail_de(FOYERS_CHOISIS[6], "rsa");
    assert!(rsa[0].starts_with("RSA : environ "), "{rsa:#?}");
    assert!(rsa[0].contains("recalculé"), "{rsa:#?}");
}
