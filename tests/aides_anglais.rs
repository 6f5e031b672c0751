//! An English conversation says everything about the aids in English:
//! names, the explanation of each result (conditions met, failed or still
//! to check, how the amount is computed), the hypotheses made, how to apply
//! and the documents to prepare.
//!
//! Two angles. Every aid's result for the 150 oracle households, whole and
//! with one part left out (so that conditions are met, failed and unknown),
//! is written in English and compared, sentence by sentence, with the same
//! result in French: none may be left in French. Then whole conversations
//! held in English, from "Hello" to the detail of every aid found: no reply
//! may quote a French sentence of the rules, and every reply stays GSM-7
//! within three segments.

use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::{ResultatAide, RuleSet};
use guichet::service::{Message, Service};
use guichet::situation::{Mois, Situation};
use guichet::sms::gsm7;
use guichet::store::MemoryStore;
use guichet::textes::{Langue, Textes};

mod commun;

const NOV_2026: Mois = Mois {
    annee: 2026,
    mois: 11,
};

/// Names said the same way in both languages.
const NOMS_COMMUNS: &[&str] = &["Pass'Sport"];

/// Every piece of an aid's result a person may read, as (what, text).
fn morceaux(t: &Textes, l: Langue, regles: &RuleSet, r: &ResultatAide) -> Vec<(String, String)> {
    let e = t.aide(l, regles, r);
    let mut m = vec![
        ("libelle".to_string(), e.libelle()),
        ("libelle_court".to_string(), e.libelle_court()),
        ("description".to_string(), e.description()),
    ];
    m.extend(
        e.explication()
            .into_iter()
            .enumerate()
            .map(|(i, x)| (format!("explication {}", i + 1), x)),
    );
    m.extend(
        e.hypotheses()
            .into_iter()
            .enumerate()
            .map(|(i, x)| (format!("hypothèse {}", i + 1), x)),
    );
    m.extend(e.demarche_texte().map(|x| ("démarche".to_string(), x)));
    m.extend(
        e.documents()
            .into_iter()
            .enumerate()
            .map(|(i, x)| (format!("document {}", i + 1), x)),
    );
    m
}

#[test]
fn every_sentence_of_every_result_of_the_oracle_households_is_in_english() {
    let regles = RuleSet::integre().unwrap();
    let textes = Textes::integres().unwrap();
    let mut situations = Vec::new();
    for c in commun::cas() {
        let complete = c["situation"].clone();
        situations.push(complete.clone());
        for cle in complete.as_object().unwrap().keys() {
            let mut partielle = complete.clone();
            partielle.as_object_mut().unwrap().remove(cle);
            situations.push(partielle);
        }
    }
    // A single parent whose child support leaves less of the ASF than
    // the smallest amount paid.
    situations.push(serde_json::json!({
        "couple": false,
        "demandeur": {"age": 30},
        "enfants": [{"age": 5}],
        "foyer": {"pension_alimentaire_recue": 190}
    }));
    let mut ecarts = Vec::new();
    let mut lignes_vues = 0;
    // The evaluation's own sentences and a hypothesis, met at least once.
    let mut propres = [
        ("below the smallest amount paid", false),
        ("the calculation gives 0 €", false),
        ("To check: You", false),
        ("We assume you do not have large savings.", false),
    ];
    for s in &situations {
        let s = Situation::from_value(s.clone()).unwrap();
        let ev = regles.evaluer(&s, NOV_2026);
        for r in &ev.aides {
            let fr = morceaux(&textes, Langue::Fr, &regles, r);
            let en = morceaux(&textes, Langue::En, &regles, r);
            assert_eq!(fr.len(), en.len(), "{}: {fr:?} / {en:?}", r.id);
            // French is the rules' own text, unchanged.
            let lignes: Vec<String> = r.explication.lignes().map(|l| l.into_owned()).collect();
            let explication_fr: Vec<String> = fr
                .iter()
                .filter(|(q, _)| q.starts_with("explication"))
                .map(|(_, t)| t.clone())
                .collect();
            assert_eq!(explication_fr, lignes, "{}", r.id);
            for ((quoi, f), (_, e)) in fr.iter().zip(&en) {
                lignes_vues += 1;
                for (p, vue) in &mut propres {
                    *vue |= e.contains(*p);
                }
                if f == e && !NOMS_COMMUNS.contains(&e.as_str()) {
                    ecarts.push(format!("{} {quoi}: « {e} »", r.id));
                }
                if !gsm7::caracteres_perdus(e).is_empty() {
                    ecarts.push(format!("{} {quoi}: pas GSM-7 : « {e} »", r.id));
                }
            }
        }
    }
    ecarts.sort();
    ecarts.dedup();
    for (p, vue) in propres {
        assert!(vue, "« {p} » never seen: the households no longer cover it");
    }
    assert!(
        ecarts.is_empty(),
        "{} morceau(x) en français sur {lignes_vues} :\n{}",
        ecarts.len(),
        ecarts.join("\n")
    );
}

/// The French sentences of the rules, and the fixed pieces of their
/// explanation lines long enough to be telling, that no English reply may
/// quote.
fn francais_des_regles() -> Vec<String> {
    let phrases = guichet::rules::phrases::catalogue(&guichet::rules::sources_integrees()).unwrap();
    let mut morceaux = Vec::new();
    for p in phrases {
        if p.variables.is_empty() {
            if !NOMS_COMMUNS.contains(&p.francais.as_str()) && p.francais.chars().count() > 3 {
                morceaux.push(p.francais);
            }
            continue;
        }
        // The texts between the values (`{…}`).
        let mut reste = p.francais.as_str();
        loop {
            let (avant, apres) = match reste.find('{') {
                Some(i) => (&reste[..i], Some(&reste[i..])),
                None => (reste, None),
            };
            let avant = avant.trim();
            if avant.chars().count() >= 12 {
                morceaux.push(avant.to_string());
            }
            match apres.and_then(|a| a.find('}').map(|j| &a[j + 1..])) {
                Some(a) => reste = a,
                None => break,
            }
        }
    }
    morceaux
}

/// 2026-11-23 12:00 UTC.
fn horloge() -> u64 {
    1_795_435_200
}

/// Each a person's messages, by number where there is a choice: from
/// "Hello" to the results, then the detail of several aids.
const CONVERSATIONS: &[(&str, &[&str])] = &[
    (
        "single mother, two children, social housing in Roubaix, part-time job",
        &[
            "Hello", "no", "2", "1", "7 3", "900", "no", "31", "2", "380", "59100", "1", "2", "3",
            "4", "5", "6", "7",
        ],
    ),
    (
        "student, 20, furnished studio in Lyon, small job",
        &[
            "Hello", "no", "0", "20", "4", "no", "3", "450", "69007", "300", "1", "2", "3", "4",
        ],
    ),
    (
        "homeless man, 45, in Paris, no income",
        &["Hello", "no", "0", "45", "6", "6", "no", "1", "1", "2", "3"],
    ),
    (
        "retired couple, owners in Guéret",
        &[
            "Hello", "yes", "0", "68 66", "5", "850", "5", "600", "no", "4", "1", "1", "2", "3",
        ],
    ),
];

#[test]
fn english_conversations_give_results_and_details_in_english() {
    let francais = francais_des_regles();
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Service::nouveau(moteur, Box::new(MemoryStore::default()), b"t".to_vec())
        .avec_horloge(horloge);
    let mut ecarts = Vec::new();
    for (n, (qui, messages)) in CONVERSATIONS.iter().enumerate() {
        let expediteur = format!("+3361234567{n}");
        let mut resultats = false;
        for m in *messages {
            let sortie = service
                .traiter(&Message {
                    canal: "sms",
                    expediteur: &expediteur,
                    texte: m,
                    id: None,
                    langue: None,
                })
                .unwrap();
            for r in &sortie.messages {
                resultats |= r.starts_with("You may be entitled to");
                let t = gsm7::translitterer(r);
                let (enc, segments) = gsm7::segments(&t);
                if enc != gsm7::Encodage::Gsm7 || segments > 3 {
                    ecarts.push(format!("{qui}, > {m}: {enc:?}, {segments} segments : {t}"));
                }
                for f in &francais {
                    if r.contains(f.as_str()) {
                        ecarts.push(format!("{qui}, > {m}: « {f} » en français dans : {r}"));
                    }
                }
            }
        }
        assert!(resultats, "{qui}: the conversation never reached results");
    }
    assert!(ecarts.is_empty(), "{}", ecarts.join("\n"));
}
