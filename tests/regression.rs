//! The regression corpus: 2,000 situations drawn at random by
//! `tests/regression/generer.py` (complete and partial households, several
//! months), each with the JSON `guichet eval` writes for it, one line per
//! situation in `tests/regression/resultats.jsonl`. Every result must come
//! out byte for byte the same: a change of figure, status, missing field or
//! explanation shows here as the line of the situation it changed.
//!
//! When a change is intended (a rule fixed, a sentence reworded), regenerate
//! with `GUICHET_REGENERER=1 cargo test --test regression` and say in the
//! commit which figures changed and why.

use guichet::rules::RuleSet;
use guichet::situation::{Mois, Situation};
use serde_json::{Value, json};

const NOV_2026: Mois = Mois {
    annee: 2026,
    mois: 11,
};

/// What `guichet eval --mois 2026-11` writes for one situation of an array.
fn resultat(regles: &RuleSet, v: Value) -> String {
    let r = Situation::from_value(v)
        .and_then(|s| regles.verifier_mois(&s, NOV_2026).map(|()| s))
        .map(|s| regles.evaluer(&s, NOV_2026));
    match r {
        Ok(ev) => serde_json::to_string(&ev).expect("results serialize"),
        Err(e) => json!({"erreur": {"champ": e.champ, "message": e.message}}).to_string(),
    }
}

#[test]
fn every_generated_situation_gives_its_recorded_result_byte_for_byte() {
    let dossier = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/regression");
    let situations: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(format!("{dossier}/situations.json")).expect("situations"),
    )
    .expect("situations are JSON");
    assert_eq!(situations.len(), 2000);
    let regles = RuleSet::integre().unwrap_or_else(|e| panic!("{e:?}"));
    let obtenus: Vec<String> = situations
        .into_iter()
        .map(|v| resultat(&regles, v))
        .collect();
    let chemin = format!("{dossier}/resultats.jsonl");
    if std::env::var_os("GUICHET_REGENERER").is_some() {
        let mut texte = obtenus.join("\n");
        texte.push('\n');
        std::fs::write(&chemin, texte).expect("results written");
        return;
    }
    let attendus = std::fs::read_to_string(&chemin).expect("recorded results");
    let attendus: Vec<&str> = attendus.lines().collect();
    assert_eq!(attendus.len(), obtenus.len(), "one line per situation");
    let differents: Vec<usize> = (0..obtenus.len())
        .filter(|&i| obtenus[i] != attendus[i])
        .collect();
    for &i in differents.iter().take(5) {
        // The first aid that differs, to read the change without a diff tool.
        let (a, b): (Value, Value) = (
            serde_json::from_str(attendus[i]).unwrap_or_default(),
            serde_json::from_str(&obtenus[i]).unwrap_or_default(),
        );
        let aides = |v: &Value| v["aides"].as_array().cloned().unwrap_or_default();
        let premiere = aides(&a).into_iter().zip(aides(&b)).find(|(x, y)| x != y);
        eprintln!("situation {i}: {premiere:#?}");
    }
    assert!(
        differents.is_empty(),
        "{} situations sur 2 000 donnent un autre résultat (les premières : {:?}) ; si c'est voulu : GUICHET_REGENERER=1",
        differents.len(),
        &differents[..differents.len().min(20)]
    );
}
