//! Every aid's detail, as a person reads it after typing the aid's number,
//! reads as plain words: no formula, no acronym left unexplained, and no
//! link too long to type. The details are rendered through the engine, in
//! French and English, for the 600 oracle households, the older oracle
//! set and a few households chosen for aids the oracle rarely reaches
//! (a retired homeowner, a farm worker, a student, a family with a baby).
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
        include_str!("oracle/cases.json"),
    ] {
        let json: Value = serde_json::from_str(texte).expect("oracle file is JSON");
        for cas in json["cases"].as_array().expect("cases array") {
            if let Ok(s) = Situation::from_json(&cas["situation"].to_string()) {
                v.push(s);
            }
        }
    }
    for texte in FOYERS_CHOISIS {
        v.push(Situation::from_json(texte).unwrap_or_else(|e| panic!("{e:?}\n{texte}")));
    }
    v
}

/// Every detail of every eligible aid of every household, in both
/// languages: (aid, language) → the distinct replies.
fn details() -> BTreeMap<(String, String), Vec<Vec<String>>> {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let mut tous: BTreeMap<(String, String), Vec<Vec<String>>> = BTreeMap::new();
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
    for ((id, langue), liste) in &tous {
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

#[test]
fn every_link_a_detail_shows_is_short_enough_to_type() {
    let tous = details();
    let mut longs = Vec::new();
    for ((id, _), liste) in &tous {
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

#[test]
fn a_homeowner_is_told_the_minimum_pension_can_be_taken_back_from_the_estate() {
    let tous = details();
    let aspa = &tous[&("aspa".to_string(), "fr".to_string())];
    assert!(
        aspa.iter().flatten().any(|m| m.contains("succession")),
        "{aspa:#?}"
    );
}
