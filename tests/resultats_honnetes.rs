//! Honest results on the 600 OpenFisca households (issue 20): a person who
//! answers "je ne sais pas" to one question never loses an aid OpenFisca
//! grants, and is never told that no aid was found while one is still
//! undetermined; the progress shown never goes back and its total seldom
//! moves.
//!
//! Run with `-- --nocapture` for the figures.

mod commun;
use commun::CORRESPONDANCES;
use commun::foyers::{cas_2026, converser, moteur};
use serde_json::Value;

fn statut<'a>(aides: &'a [guichet::rules::ResultatAide], id: &str) -> &'a str {
    aides
        .iter()
        .find(|a| a.id == id)
        .map(|a| match a.statut {
            guichet::rules::Statut::Eligible => "eligible",
            guichet::rules::Statut::NonEligible => "non_eligible",
            guichet::rules::Statut::Indetermine => "indetermine",
        })
        .unwrap_or("absent")
}

#[test]
fn un_je_ne_sais_pas_ne_fait_perdre_aucune_aide() {
    let m = moteur();
    let mut perdues = Vec::new();
    let mut rien_mais_ouvert = Vec::new();
    let mut conversations = 0;
    for (i, c) in cas_2026().into_iter().enumerate() {
        let id = c["id"].as_str().unwrap();
        let s = &c["situation"];
        let complete = converser(&m, s, None);
        let n = complete.invites.len();
        let accord = |aide: &str| statut(complete.tour.aides.as_ref().unwrap(), aide) == "eligible";
        // Every household once, at a question that moves from household to
        // household: every question of the file is met many times (the
        // whole cross product takes minutes in a debug build).
        for k in [i % n, (i * 7 + 3) % n] {
            let d = converser(&m, s, Some(k));
            conversations += 1;
            let aides = d.tour.aides.as_ref().expect("résultats");
            for (cle, aide) in CORRESPONDANCES {
                let eux = c["openfisca"][cle].as_f64().unwrap_or(0.0) > 0.0;
                if eux
                    && accord(aide)
                    && c["ambigu"].get(*cle).is_none()
                    && statut(aides, aide) == "non_eligible"
                {
                    perdues.push(format!(
                        "{id} jsp à {k} : {aide} ({})",
                        d.historique.join(", ")
                    ));
                }
            }
            let ouvertes = aides
                .iter()
                .filter(|a| a.statut == guichet::rules::Statut::Indetermine)
                .count();
            let fin = d.fin.join("\n");
            if ouvertes > 0 && fin.contains("je ne trouve pas d'aide") {
                rien_mais_ouvert.push(format!("{id} jsp à {k}: {fin}"));
            }
        }
    }
    println!(
        "{conversations} conversations, {} aides perdues, {} « rien » avec aides ouvertes",
        perdues.len(),
        rien_mais_ouvert.len()
    );
    for p in perdues.iter().take(30) {
        println!("  {p}");
    }
    for p in rien_mais_ouvert.iter().take(5) {
        println!("  {p}");
    }
    assert!(perdues.is_empty());
    assert!(rien_mais_ouvert.is_empty());
}

#[test]
fn la_progression_ne_recule_jamais_et_son_total_bouge_peu() {
    let m = moteur();
    let mut recule = Vec::new();
    let mut changements: Vec<usize> = Vec::new();
    for c in cas_2026() {
        let id = c["id"].as_str().unwrap();
        let d = converser(&m, &c["situation"], None);
        let paires: Vec<(u64, u64)> = d
            .invites
            .iter()
            .map(|i: &Value| (i["numero"].as_u64().unwrap(), i["total"].as_u64().unwrap()))
            .collect();
        for w in paires.windows(2) {
            if w[1].0 <= w[0].0 {
                recule.push(format!("{id}: {paires:?}"));
                break;
            }
        }
        changements.push(paires.windows(2).filter(|w| w[1].1 != w[0].1).count());
    }
    changements.sort();
    let p90 = changements[(changements.len() * 9).div_ceil(10) - 1];
    println!(
        "changements du total : médiane {}, 90e centile {p90}, max {}",
        changements[changements.len() / 2],
        changements.last().unwrap()
    );
    for r in recule.iter().take(10) {
        println!("  {r}");
    }
    assert!(recule.is_empty());
    assert!(p90 <= 2, "le total change {p90} fois au 90e centile");
}
