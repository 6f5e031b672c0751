//! Rule test cases written by policy experts: `tests/regles/*.toml`.
//!
//! Each file holds `[[cas]]` entries, the way OpenFisca's YAML tests do:
//!
//! ```toml
//! [[cas]]
//! nom = "RSA, personne seule sans ressources, hébergée"
//! source = "OpenFisca S-RSA-01"          # where the expected figure comes from
//! tolerance = 0.01                       # € (default 0.01)
//! situation = { mois = "2026-06", couple = false, nombre_enfants = 0, demandeur = { age = 36, salaire_net = 0 }, logement = { statut = "heberge" } }
//! [cas.attendu]
//! rsa = 573.49                  # eligible with this amount (€ per period)
//! aah = "non_eligible"          # a status: eligible, non_eligible, indetermine
//! css = { statut = "eligible", participation = 0 }
//! asf = { champs_manquants = ["nombre_enfants"] }
//! ```
//!
//! Every failure is reported with its file and case name.

use guichet::rules::{Evaluation, RuleSet, Statut};
use guichet::situation::{Mois, Situation};
use rust_decimal::Decimal;
use std::str::FromStr;

fn vers_json(v: &toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => serde_json::Value::String(s.clone()),
        toml::Value::Integer(i) => serde_json::Value::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        toml::Value::Boolean(b) => serde_json::Value::Bool(*b),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(a) => serde_json::Value::Array(a.iter().map(vers_json).collect()),
        toml::Value::Table(t) => {
            serde_json::Value::Object(t.iter().map(|(k, v)| (k.clone(), vers_json(v))).collect())
        }
    }
}

fn decimal(v: &toml::Value) -> Option<Decimal> {
    match v {
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        toml::Value::Float(f) => Decimal::from_str(&f.to_string()).ok(),
        _ => None,
    }
}

fn statut(s: &str) -> Option<Statut> {
    match s {
        "eligible" => Some(Statut::Eligible),
        "non_eligible" => Some(Statut::NonEligible),
        "indetermine" => Some(Statut::Indetermine),
        _ => None,
    }
}

fn verifier(ev: &Evaluation, aide: &str, attendu: &toml::Value, tolerance: Decimal) -> Vec<String> {
    let mut e = Vec::new();
    let Some(r) = ev.aide(aide) else {
        return vec![format!("aide inconnue « {aide} »")];
    };
    let verifier_montant = |cle: &str,
                            obtenu: Option<Decimal>,
                            voulu: Decimal,
                            e: &mut Vec<String>| {
        match obtenu {
            Some(m) if (m - voulu).abs() <= tolerance => {}
            _ => e.push(format!(
                "{aide}.{cle} : attendu {voulu}, obtenu {:?} (statut {:?}, erreur {:?}, explication {:?})",
                obtenu.map(|m| m.round_dp(2)),
                r.statut,
                r.erreur,
                r.explication
            )),
        }
    };
    match attendu {
        toml::Value::String(s) => match statut(s) {
            Some(st) if st == r.statut => {}
            Some(st) => e.push(format!(
                "{aide} : statut attendu {st:?}, obtenu {:?} (montant {:?}, manquants {:?}, explication {:?})",
                r.statut, r.montant, r.champs_manquants, r.explication
            )),
            None => e.push(format!("{aide} : statut inconnu « {s} »")),
        },
        v if decimal(v).is_some() => {
            let voulu = decimal(v).unwrap();
            if voulu.is_zero() {
                if r.statut != Statut::NonEligible {
                    e.push(format!("{aide} : attendu non éligible (0), obtenu {:?} {:?}", r.statut, r.montant));
                }
            } else {
                verifier_montant("montant", r.montant, voulu, &mut e);
            }
        }
        toml::Value::Table(t) => {
            for (cle, v) in t {
                match cle.as_str() {
                    "statut" => match v.as_str().and_then(statut) {
                        Some(st) if st == r.statut => {}
                        _ => e.push(format!("{aide} : statut attendu {v}, obtenu {:?} ({:?})", r.statut, r.explication)),
                    },
                    "montant" => match decimal(v) {
                        Some(d) => verifier_montant("montant", r.montant, d, &mut e),
                        None => e.push(format!("{aide}.montant : nombre attendu")),
                    },
                    "champs_manquants" => {
                        let voulus: Vec<String> = v
                            .as_array()
                            .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
                            .unwrap_or_default();
                        if !voulus.iter().eq(r.champs_manquants.iter()) {
                            e.push(format!(
                                "{aide}.champs_manquants : attendu {voulus:?}, obtenu {:?}",
                                r.champs_manquants
                            ));
                        }
                    }
                    sortie => match decimal(v) {
                        Some(d) => {
                            let obtenu = r.sorties.iter().find(|(k, _)| k == sortie).map(|(_, x)| *x);
                            let obtenu = obtenu.or(if r.statut == Statut::Eligible { Some(Decimal::ZERO) } else { None });
                            verifier_montant(sortie, obtenu, d, &mut e)
                        }
                        None => e.push(format!("{aide}.{sortie} : nombre attendu")),
                    },
                }
            }
        }
        autre => e.push(format!("{aide} : attendu illisible {autre}")),
    }
    e
}

#[test]
fn rule_test_cases_pass() {
    let regles = RuleSet::integre().unwrap_or_else(|e| panic!("{e:?}"));
    let dossier = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regles");
    let mut fichiers: Vec<_> = std::fs::read_dir(&dossier)
        .expect("tests/regles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    fichiers.sort();
    let mut echecs = Vec::new();
    let mut nombre = 0;
    for f in &fichiers {
        let texte = std::fs::read_to_string(f).unwrap();
        let doc: toml::Table =
            toml::from_str(&texte).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let cas = doc
            .get("cas")
            .and_then(|c| c.as_array())
            .unwrap_or_else(|| panic!("{}: pas de [[cas]]", f.display()));
        for c in cas {
            nombre += 1;
            let nom = c
                .get("nom")
                .and_then(|n| n.as_str())
                .unwrap_or("(sans nom)");
            let tolerance = c
                .get("tolerance")
                .and_then(decimal)
                .unwrap_or(Decimal::new(1, 2));
            let situation = match c.get("situation") {
                Some(s) => Situation::from_value(vers_json(s)),
                None => {
                    echecs.push(format!("{} « {nom} » : pas de situation", f.display()));
                    continue;
                }
            };
            let situation = match situation {
                Ok(s) => s,
                Err(e) => {
                    echecs.push(format!(
                        "{} « {nom} » : situation invalide : {e}",
                        f.display()
                    ));
                    continue;
                }
            };
            let ev = regles.evaluer(
                &situation,
                Mois {
                    annee: 2026,
                    mois: 11,
                },
            );
            let Some(attendus) = c.get("attendu").and_then(|a| a.as_table()) else {
                echecs.push(format!("{} « {nom} » : pas de [cas.attendu]", f.display()));
                continue;
            };
            for (aide, attendu) in attendus {
                for e in verifier(&ev, aide, attendu, tolerance) {
                    echecs.push(format!("{} « {nom} » : {e}", f.display()));
                }
            }
        }
    }
    println!("{nombre} cas dans {} fichiers", fichiers.len());
    assert!(nombre > 0, "aucun cas de test de règles");
    assert!(
        echecs.is_empty(),
        "{} échec(s) :\n{}",
        echecs.len(),
        echecs.join("\n")
    );
}
