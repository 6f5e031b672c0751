//! What several tests share: a fresh PostgreSQL database (`postgres`), and
//! for the tests that compare guichet with OpenFisca, the oracle
//! households and the correspondence of aid names (see `tests/oracle.rs`).

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

pub fn cas() -> Vec<Value> {
    let texte = include_str!("../oracle/foyers_2026.json");
    let v: Value = serde_json::from_str(texte).expect("oracle file is JSON");
    v["cases"].as_array().expect("cases array").clone()
}
