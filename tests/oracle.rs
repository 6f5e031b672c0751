//! The 150 households of `tests/oracle/cases.json` (copied from
//! `shared/oracle/`) with what OpenFisca-France 176.1.8 computes for
//! November 2026. For every aid OpenFisca gives a figure for, our eligibility
//! must agree in at least 98 % of households, and when both say eligible the
//! amount must be within 1 € in at least 95 %.
//!
//! Run with `cargo test --test oracle -- --nocapture` to see the table and
//! every disagreement.
//!
//! **Ages.** The OpenFisca run behind the oracle set each person's birth date in
//! year `2025 - age`, so in November 2026 OpenFisca saw everyone one year older
//! than `age` says (a "2-year-old" never opens the PAJE, a "24-year-old" gets
//! the RSA, a "19-year-old" child is 20 for the AF). The rules apply the law to
//! the age they are given; this test gives them the age OpenFisca used, by
//! adding one year to every person before evaluating.

use guichet::rules::{RuleSet, Statut};
use guichet::situation::{Mois, Situation};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value;

const NOV_2026: Mois = Mois {
    annee: 2026,
    mois: 11,
};

/// (OpenFisca key, our aid id).
const CORRESPONDANCES: &[(&str, &str)] = &[
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

struct Bilan {
    aide: String,
    accord: usize,
    total: usize,
    proches: usize,
    tous_deux_eligibles: usize,
    ecarts: Vec<String>,
}

fn cas() -> Vec<Value> {
    let texte = include_str!("oracle/cases.json");
    let v: Value = serde_json::from_str(texte).expect("oracle file is JSON");
    v["cases"].as_array().expect("cases array").clone()
}

/// Adds one year to every age: see the module documentation.
fn age_vu_par_openfisca(mut s: Value) -> Value {
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

#[test]
fn oracle_households_agree_with_openfisca() {
    let regles = RuleSet::integre().unwrap_or_else(|e| panic!("{e:?}"));
    let cas = cas();
    assert_eq!(cas.len(), 150);
    let mut bilans: Vec<Bilan> = CORRESPONDANCES
        .iter()
        .map(|(_, id)| Bilan {
            aide: id.to_string(),
            accord: 0,
            total: 0,
            proches: 0,
            tous_deux_eligibles: 0,
            ecarts: Vec::new(),
        })
        .chain(std::iter::once(Bilan {
            aide: "css".into(),
            accord: 0,
            total: 0,
            proches: 0,
            tous_deux_eligibles: 0,
            ecarts: Vec::new(),
        }))
        .collect();
    for c in &cas {
        let id = c["id"].as_str().unwrap();
        let situation = Situation::from_value(age_vu_par_openfisca(c["situation"].clone()))
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        let ev = regles.evaluer(&situation, NOV_2026);
        let of = &c["openfisca"];
        for (k, (cle, aide)) in CORRESPONDANCES.iter().enumerate() {
            let attendu = of[cle].as_f64().unwrap_or(0.0);
            let r = ev
                .aide(aide)
                .unwrap_or_else(|| panic!("aid {aide} missing"));
            let b = &mut bilans[k];
            b.total += 1;
            let nous = r.statut == Statut::Eligible;
            let eux = attendu > 0.0;
            if nous == eux && r.statut != Statut::Indetermine {
                b.accord += 1;
            } else {
                b.ecarts.push(format!(
                    "{id}: OpenFisca {attendu:.2}, guichet {:?} {:?} manquants {:?}",
                    r.statut,
                    r.montant.map(|m| m.round_dp(2)),
                    r.champs_manquants
                ));
            }
            if nous && eux {
                b.tous_deux_eligibles += 1;
                let m = r.montant.and_then(|m| m.to_f64()).unwrap_or(0.0);
                if (m - attendu).abs() <= 1.0 {
                    b.proches += 1;
                } else {
                    b.ecarts.push(format!(
                        "{id}: montant OpenFisca {attendu:.2}, guichet {m:.2}"
                    ));
                }
            }
        }
        // CSS: free, paying (with its participation), or none.
        let gratuite = of["css_gratuite"].as_bool().unwrap_or(false);
        let participation = of["css_participation_forfaitaire"].as_f64().unwrap_or(0.0);
        let r = ev.aide("css").expect("css aid");
        let b = bilans.last_mut().unwrap();
        b.total += 1;
        let eux = gratuite || participation > 0.0;
        let nous = r.statut == Statut::Eligible;
        let notre_part = r
            .sorties
            .iter()
            .find(|(k, _)| k == "participation")
            .map(|(_, d)| *d)
            .unwrap_or(Decimal::ZERO)
            .to_f64()
            .unwrap_or(0.0);
        if nous == eux && r.statut != Statut::Indetermine {
            b.accord += 1;
        } else {
            b.ecarts.push(format!(
                "{id}: OpenFisca gratuite={gratuite} participation={participation}, guichet {:?} manquants {:?}",
                r.statut, r.champs_manquants
            ));
        }
        if nous && eux {
            b.tous_deux_eligibles += 1;
            if (notre_part - participation).abs() <= 1.0 {
                b.proches += 1;
            } else {
                b.ecarts.push(format!(
                    "{id}: participation OpenFisca {participation:.2}, guichet {notre_part:.2}"
                ));
            }
        }
    }
    let mut echecs = Vec::new();
    println!("aide                     éligibilité     montant ±1 €");
    for b in &bilans {
        let taux = b.accord as f64 / b.total as f64;
        let taux_montant = if b.tous_deux_eligibles == 0 {
            1.0
        } else {
            b.proches as f64 / b.tous_deux_eligibles as f64
        };
        println!(
            "{:<24} {:>3}/{:<3} {:>5.1} %   {:>3}/{:<3} {:>5.1} %",
            b.aide,
            b.accord,
            b.total,
            taux * 100.0,
            b.proches,
            b.tous_deux_eligibles,
            taux_montant * 100.0
        );
        for e in &b.ecarts {
            println!("    {e}");
        }
        if taux < 0.98 || taux_montant < 0.95 {
            echecs.push(format!(
                "{}: éligibilité {:.1} %, montants {:.1} %",
                b.aide,
                taux * 100.0,
                taux_montant * 100.0
            ));
        }
    }
    assert!(echecs.is_empty(), "sous les seuils : {echecs:?}");
}
