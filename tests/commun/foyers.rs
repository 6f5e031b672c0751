//! The 600 households of the oracle set (`tests/oracle/foyers_2026.json`,
//! copied from `../shared/oracle/cases.json`) as people answering questions:
//! what a person living in a household types to each prompt, and a driver
//! that runs a whole conversation on the engine itself (no HTTP, no store),
//! for the tests that go over every household many times.

use guichet::dialogue::{Conversation, Entrant, Moteur, Reglages, Tour};
use guichet::rules::RuleSet;
use guichet::situation::Mois;
use serde_json::Value;

pub fn cas_2026() -> Vec<Value> {
    let texte = include_str!("../oracle/foyers_2026.json");
    let v: Value = serde_json::from_str(texte).expect("oracle file is JSON");
    v["cases"].as_array().expect("cases array").clone()
}

pub fn nov_2026() -> Mois {
    Mois {
        annee: 2026,
        mois: 11,
    }
}

pub fn moteur() -> Moteur {
    Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap()
}

pub fn lire(s: &Value, chemin: &str) -> Value {
    let mut v = s;
    for p in chemin.split('.') {
        v = match v {
            Value::Object(m) => m.get(p).unwrap_or(&Value::Null),
            Value::Array(a) => p
                .parse::<usize>()
                .ok()
                .and_then(|i| a.get(i))
                .unwrap_or(&Value::Null),
            _ => &Value::Null,
        };
    }
    v.clone()
}

fn texte(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "je sais pas".into(),
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => {
            format!("{}", n.as_f64().unwrap() as i64)
        }
        autre => autre.to_string(),
    }
}

fn taux_vers_cle(handicap: bool, taux: f64) -> &'static str {
    match (handicap, taux) {
        (false, _) => "1",
        (true, t) if t >= 80.0 => "4",
        (true, t) if t >= 50.0 => "3",
        _ => "2",
    }
}

/// What a person living in household `s` answers to `prompt` (the
/// `/sms/generic` prompt, or the engine's `Invite` as JSON). What the oracle
/// does not say is answered as OpenFisca assumed it (README of the oracle):
/// no disabled child, no child support, nobody pregnant, no student grant,
/// no ASS (OpenFisca's `ass_precondition_remplie` is false unless given).
pub fn reponse(s: &Value, prompt: &Value) -> String {
    let question = prompt["question"].as_str().unwrap();
    let champ = prompt["field"].as_str().unwrap();
    let champs: Vec<&str> = prompt["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    match question {
        "couple" => if s["conjoint"].is_object() {
            "oui"
        } else {
            "non"
        }
        .into(),
        // The question asks the ages too: "2 : 7 ans et 3 ans".
        "nombre_enfants" => {
            let ages: Vec<String> = s["enfants"]
                .as_array()
                .map(|e| {
                    e.iter()
                        .map(|e| format!("{} ans", texte(&e["age"])))
                        .collect()
                })
                .unwrap_or_default();
            match ages.len() {
                0 => "0".into(),
                n => format!("{n} : {}", ages.join(" et ")),
            }
        }
        "handicap_foyer" => {
            let un = ["demandeur", "conjoint"]
                .iter()
                .any(|p| s[p]["handicap"].as_bool() == Some(true));
            if un { "oui" } else { "non" }.into()
        }
        "handicap" | "handicap_conjoint" => {
            let p = champ.split('.').next().unwrap();
            taux_vers_cle(
                s[p]["handicap"].as_bool().unwrap_or(false),
                s[p]["taux_incapacite"].as_f64().unwrap_or(0.0),
            )
            .into()
        }
        // OpenFisca's children are not disabled; their school follows
        // from their age, as for most children.
        "handicap_enfants" => "non".into(),
        "scolarite_enfants" => s["enfants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| match e["age"].as_f64().unwrap_or(0.0) as u32 {
                0..=2 => "A",
                3..=10 => "P",
                11..=14 => "C",
                15..=17 => "L",
                _ => "S",
            })
            .collect::<Vec<_>>()
            .join(" "),
        "pension_alimentaire" => "rien".into(),
        // OpenFisca gives EU citizens no right of residence (a permit held
        // for 0 years).
        "ass_travail"
        | "boursier"
        | "enceinte"
        | "droit_sejour_ue"
        | "droit_sejour_ue_conjoint" => "non".into(),
        "commune" => {
            let insee = lire(s, "logement.commune");
            prompt["choices"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["value"] == insee)
                .map(|c| c["key"].as_str().unwrap().to_string())
                .unwrap_or_else(|| "je sais pas".into())
        }
        _ if prompt["kind"] == "choice" => {
            let v = lire(s, champ);
            prompt["choices"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["value"] == v)
                // People often type the label rather than the number.
                .map(|c| c["label"].as_str().unwrap().to_lowercase())
                .unwrap_or_else(|| "je sais pas".into())
        }
        _ if prompt["kind"] == "yes_no" => match lire(s, champ).as_bool() {
            Some(true) => "oui".into(),
            Some(false) => "non".into(),
            None => "je sais pas".into(),
        },
        _ if prompt["kind"] == "money" => {
            let v = lire(s, champ);
            match v.as_f64() {
                Some(m) if m >= 1000.0 => {
                    format!("{} {:03} €", (m as i64) / 1000, (m as i64) % 1000)
                }
                Some(m) => format!("{m}"),
                None => "je sais pas".into(),
            }
        }
        _ if prompt["kind"] == "age" && champs.len() == 1 => {
            format!("{} ans", texte(&lire(s, champ)))
        }
        _ => champs
            .iter()
            .map(|c| texte(&lire(s, c)))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A message typed on 2026-11-23, under November 2026's rules.
pub fn entrant(texte: &str) -> Entrant<'_> {
    Entrant {
        texte,
        aujourd_hui: (2026, 11, 23),
        mois: nov_2026(),
        langue: None,
        joignable: false,
    }
}

/// One conversation of a household on the engine, to its results.
pub struct Deroule {
    /// "question -> answer", in order.
    pub historique: Vec<String>,
    /// Every turn's prompt, as JSON (progress, question).
    pub invites: Vec<Value>,
    /// Every reply sent, in order.
    pub messages: Vec<String>,
    /// The replies of the last turn (the results).
    pub fin: Vec<String>,
    /// The last turn.
    pub tour: Tour,
    pub conversation: Conversation,
}

/// Runs a household's conversation from "Bonjour" to its results; the
/// answer to the prompt number `jsp` (0 for the first question), if any, is
/// "je sais pas" instead of the household's.
pub fn converser(m: &Moteur, s: &Value, jsp: Option<usize>) -> Deroule {
    let (mut c, mut tour) = m.pas(None, &entrant("Bonjour"));
    let mut d = Deroule {
        historique: Vec::new(),
        invites: Vec::new(),
        messages: tour.messages.clone(),
        fin: Vec::new(),
        tour: Tour::default(),
        conversation: Conversation::default(),
    };
    let mut n = 0;
    while let Some(invite) = &tour.invite {
        assert!(n < 40, "plus de 40 questions : {:#?}", d.historique);
        let prompt = serde_json::to_value(invite).unwrap();
        let rep = if jsp == Some(n) {
            "je sais pas".to_string()
        } else {
            reponse(s, &prompt)
        };
        d.historique
            .push(format!("{} -> {rep}", prompt["question"].as_str().unwrap()));
        d.invites.push(prompt);
        let (c2, t2) = m.pas(Some(c), &entrant(&rep));
        c = c2;
        tour = t2;
        d.messages.extend(tour.messages.iter().cloned());
        n += 1;
    }
    d.fin = tour.messages.clone();
    d.tour = tour;
    d.conversation = c;
    d
}
