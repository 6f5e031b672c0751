//! How long evaluating every aid takes for one household, complete and partial.
//!
//! The dialogue re-evaluates every aid after each answer, so this is the cost
//! of one SMS turn's thinking (`statuts`: the same without explanations,
//! hypotheses or ways to apply). Explanations are kept as data and written
//! when read (`rules::explication`); `avec_textes_ecrits` adds writing every
//! line of every aid, what showing the full result costs. Figures are
//! recorded in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use guichet::rules::RuleSet;
use guichet::situation::{Mois, Situation};
use std::hint::black_box;

// The allocator the `guichet` binary uses (see src/main.rs), so that this
// measures what the service does.
#[global_allocator]
static ALLOCATEUR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const MOIS: Mois = Mois {
    annee: 2026,
    mois: 11,
};

const COMPLETE: &str = r#"{"mois": "2026-11", "enfants": [{"age": 4}, {"age": 12}],
  "logement": {"statut": "locataire", "code_postal": "92100", "commune": "92012", "loyer": 550},
  "demandeur": {"age": 34, "activite": "salarie", "salaire_net": 1100, "chomage_net": 0,
    "retraite_nette": 0, "handicap": false, "taux_incapacite": 0, "nationalite": "fr"},
  "conjoint": null}"#;

const PARTIELLE: &str = r#"{"demandeur": {"age": 34}, "nombre_enfants": 2,
  "logement": {"statut": "locataire"}}"#;

fn evaluation(c: &mut Criterion) {
    let regles = RuleSet::integre().expect("built-in rules load");
    let complete = Situation::from_json(COMPLETE).expect("valid situation");
    let partielle = Situation::from_json(PARTIELLE).expect("valid situation");
    c.bench_function("toutes_les_aides/foyer_complet", |b| {
        b.iter(|| regles.evaluer(black_box(&complete), MOIS))
    });
    c.bench_function("toutes_les_aides/foyer_partiel", |b| {
        b.iter(|| regles.evaluer(black_box(&partielle), MOIS))
    });
    // Every explanation line written out as well (what the final reply, the
    // agent console and the JSON API do once per result).
    let ecrire_tout = |ev: guichet::rules::Evaluation| -> usize {
        ev.aides
            .iter()
            .flat_map(|a| a.explication.lignes())
            .map(|l| l.len())
            .sum()
    };
    c.bench_function("avec_textes_ecrits/foyer_complet", |b| {
        b.iter(|| ecrire_tout(regles.evaluer(black_box(&complete), MOIS)))
    });
    c.bench_function("avec_textes_ecrits/foyer_partiel", |b| {
        b.iter(|| ecrire_tout(regles.evaluer(black_box(&partielle), MOIS)))
    });
    // Statuses, amounts and missing fields only (no explanation text): what
    // the dialogue needs after each answer.
    c.bench_function("statuts/foyer_complet", |b| {
        b.iter(|| regles.statuts(black_box(&complete), MOIS))
    });
    c.bench_function("statuts/foyer_partiel", |b| {
        b.iter(|| regles.statuts(black_box(&partielle), MOIS))
    });
    c.bench_function("chargement_des_regles", |b| {
        b.iter(|| RuleSet::integre().expect("built-in rules load"))
    });
}

criterion_group!(benches, evaluation);
criterion_main!(benches);
