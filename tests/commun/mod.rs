//! What several tests share: a fresh PostgreSQL database (`postgres`), and
//! for the tests that compare guichet with OpenFisca, the oracle
//! households, the correspondence of aid names, the documented artefacts of
//! the oracle, and the one-year age shift (see `tests/oracle.rs`).

#![allow(dead_code)]

pub mod foyers;
pub mod postgres;

use serde_json::Value;

/// (OpenFisca key, our aid id).
pub const CORRESPONDANCES: &[(&str, &str)] = &[
    ("rsa", "rsa"),
    ("ppa", "prime_activite"),
    ("aide_logement", "aides_logement"),
    ("af", "allocations_familiales"),
    ("cf", "complement_familial"),
    ("asf", "asf"),
    ("paje_base", "paje_base"),
    ("aspa", "aspa"),
    ("aah", "aah"),
];

/// Disagreements explained by how the oracle was produced, not by our rules.
/// The oracle run declared the housing status and the disability for November
/// only, while the prime d'activité looks at August–October and the CSS at the
/// last 12 months; re-running OpenFisca 176.1.8 with a stable history gives the
/// figures quoted. These pairs are reported but left out of the thresholds;
/// the test fails if one of them starts agreeing (then remove it).
pub const ECARTS_DOCUMENTES: &[(&str, &str, &str)] = &[
    (
        "p1-5",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 186.85 €",
    ),
    (
        "p1-6",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 239.36 €",
    ),
    (
        "p1-9",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 90.55 €",
    ),
    (
        "p1-36",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 294.66 €",
    ),
    (
        "p1-48",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 519.66 €",
    ),
    (
        "p1-49",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 321.81 €",
    ),
    (
        "p1-50",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 181.41 €",
    ),
    (
        "p1-52",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 79.15 €",
    ),
    (
        "p1-53",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 0 €",
    ),
    (
        "p1-57",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 186.85 €",
    ),
    (
        "p1-62",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 519.66 €",
    ),
    (
        "p1-64",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 289.49 €",
    ),
    (
        "p1-69",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 162.33 €",
    ),
    (
        "p1-74",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 0 €",
    ),
    (
        "p1-77",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 236.08 €",
    ),
    (
        "p1-91",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 0 €",
    ),
    (
        "p1-96",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 173.46 €",
    ),
    (
        "p1-127",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 307.48 €",
    ),
    (
        "p1-129",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 307.48 €",
    ),
    (
        "p1-131",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 621.08 €",
    ),
    (
        "p1-135",
        "prime_activite",
        "logement déclaré pour novembre seulement : pas de forfait logement sur août-octobre ; OpenFisca avec un historique stable : 429.39 €",
    ),
    (
        "p1-41",
        "prime_activite",
        "handicap déclaré pour novembre seulement : AAH absente d'août-octobre ; OpenFisca avec un historique stable : 244.31 €",
    ),
    (
        "p1-59",
        "prime_activite",
        "handicap déclaré pour novembre seulement : AAH absente d'août-octobre ; OpenFisca avec un historique stable : 0 €",
    ),
    (
        "p1-76",
        "prime_activite",
        "handicap déclaré pour novembre seulement : AAH absente d'août-octobre ; OpenFisca avec un historique stable : 0 €",
    ),
    (
        "p1-119",
        "prime_activite",
        "handicap déclaré pour novembre seulement : AAH absente d'août-octobre ; OpenFisca avec un historique stable : 0 €",
    ),
    (
        "p1-124",
        "prime_activite",
        "handicap déclaré pour novembre seulement : AAH absente d'août-octobre ; OpenFisca avec un historique stable : 0 €",
    ),
    (
        "p1-126",
        "prime_activite",
        "handicap déclaré pour novembre seulement : AAH absente d'août-octobre ; OpenFisca avec un historique stable : 0 €",
    ),
    (
        "p1-31",
        "css",
        "handicap déclaré pour novembre seulement : AAH absente des 12 mois de ressources ; avec elle, ressources au-dessus du plafond (OpenFisca avec un historique stable : non éligible)",
    ),
    (
        "p1-32",
        "css",
        "handicap déclaré pour novembre seulement : AAH absente des 12 mois de ressources ; avec elle, ressources au-dessus du plafond (OpenFisca avec un historique stable : non éligible)",
    ),
    (
        "p1-85",
        "css",
        "handicap déclaré pour novembre seulement : AAH absente des 12 mois de ressources ; avec elle, ressources au-dessus du plafond (OpenFisca avec un historique stable : non éligible)",
    ),
    (
        "p1-107",
        "css",
        "handicap déclaré pour novembre seulement : AAH absente des 12 mois de ressources ; avec elle, ressources au-dessus du plafond (OpenFisca avec un historique stable : non éligible)",
    ),
    (
        "p1-111",
        "css",
        "handicap déclaré pour novembre seulement : AAH absente des 12 mois de ressources ; avec elle, ressources au-dessus du plafond (OpenFisca avec un historique stable : non éligible)",
    ),
    (
        "p1-138",
        "complement_familial",
        "ordre d'évaluation d'OpenFisca : le chômage 2024 sort de la base ressources (CF majoré) ; la loi le compte, et OpenFisca aussi quand le CF est demandé avant le RSA",
    ),
];

pub fn cas() -> Vec<Value> {
    let texte = include_str!("../oracle/cases.json");
    let v: Value = serde_json::from_str(texte).expect("oracle file is JSON");
    v["cases"].as_array().expect("cases array").clone()
}

/// Adds one year to every age: see the module documentation.
pub fn age_vu_par_openfisca(mut s: Value) -> Value {
    fn vieillir(p: &mut Value) {
        if let Some(a) = p.get("age").and_then(|a| a.as_f64()) {
            p["age"] = serde_json::json!(a + 1.0);
        }
    }
    for cle in ["demandeur", "conjoint"] {
        if let Some(p) = s.get_mut(cle) {
            if p.is_object() {
                vieillir(p);
            }
        }
    }
    if let Some(enfants) = s.get_mut("enfants").and_then(|e| e.as_array_mut()) {
        enfants.iter_mut().for_each(vieillir);
    }
    s
}
