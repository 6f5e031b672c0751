//! Reading and writing a situation's fields by path (`demandeur.age`,
//! `enfants.*.scolarite`), and the `si` conditions of questions: the small
//! vocabulary shared by the step, the choice of the next question and the
//! reading of answers.

use super::questions::{Choix, Comparaison, Question};
use crate::situation::Situation;
use rust_decimal::Decimal;
use serde_json::Value;

/// The value of a path in a situation (with `couple` and `nombre_enfants`
/// derived as the rules derive them); `None` when unknown.
pub fn valeur_champ(situation: &Situation, json: &Value, chemin: &str) -> Option<Value> {
    match chemin {
        "couple" => situation.couple().map(Value::Bool),
        "nombre_enfants" => situation.nombre_enfants().map(Value::from),
        _ => {
            let mut v = json;
            for partie in chemin.split('.') {
                v = match v {
                    Value::Object(m) => m.get(partie)?,
                    Value::Array(a) => a.get(partie.parse::<usize>().ok()?)?,
                    _ => return None,
                };
            }
            if v.is_null() { None } else { Some(v.clone()) }
        }
    }
}

/// Sets a path in the JSON form of a situation, creating what is missing.
/// `couple` also sets `conjoint`; `nombre_enfants` sizes `enfants`;
/// `enfants.*.x` sets every child.
pub(super) fn assigner(json: &mut Value, chemin: &str, valeur: &Value) {
    if !json.is_object() {
        *json = Value::Object(Default::default());
    }
    match chemin {
        "couple" => {
            let b = valeur.as_bool().unwrap_or(false);
            json["couple"] = Value::Bool(b);
            if b {
                if !json["conjoint"].is_object() {
                    json["conjoint"] = Value::Object(Default::default());
                }
            } else {
                json["conjoint"] = Value::Null;
            }
            return;
        }
        "nombre_enfants" => {
            let n = valeur
                .as_u64()
                .or_else(|| valeur.as_str().and_then(|s| s.parse().ok()))
                .unwrap_or(0) as usize;
            json["nombre_enfants"] = Value::from(n);
            let mut enfants = json["enfants"].as_array().cloned().unwrap_or_default();
            enfants.resize(n, Value::Object(Default::default()));
            json["enfants"] = Value::Array(enfants);
            return;
        }
        _ => {}
    }
    // A partner's field means nothing unless the person said they live as a couple.
    if chemin.starts_with("conjoint.") && !json["conjoint"].is_object() {
        return;
    }
    if let Some(reste) = chemin.strip_prefix("enfants.*.") {
        let n = json["enfants"].as_array().map(|a| a.len()).unwrap_or(0);
        for i in 0..n {
            assigner(json, &format!("enfants.{i}.{reste}"), valeur);
        }
        return;
    }
    let parties: Vec<&str> = chemin.split('.').collect();
    let mut v = json;
    for (i, partie) in parties.iter().enumerate() {
        let dernier = i + 1 == parties.len();
        if let Ok(index) = partie.parse::<usize>() {
            let Some(a) = v.as_array_mut() else { return };
            if index >= a.len() {
                return;
            }
            v = &mut a[index];
        } else {
            if !v.is_object() {
                *v = Value::Object(Default::default());
            }
            let m = v.as_object_mut().expect("just made an object");
            if dernier {
                m.insert(partie.to_string(), valeur.clone());
                return;
            }
            v = m
                .entry(partie.to_string())
                .or_insert_with(|| Value::Object(Default::default()));
        }
    }
    *v = valeur.clone();
}

/// The concrete fields of a question: `enfants.*.x` becomes one path per
/// child; only fields still unknown are kept.
pub(super) fn champs_concrets(q: &Question, situation: &Situation, json: &Value) -> Vec<String> {
    let mut v = Vec::new();
    let n = situation.nombre_enfants().unwrap_or(0);
    for c in &q.champs {
        if let Some(reste) = c.strip_prefix("enfants.*.") {
            for i in 0..n {
                let p = format!("enfants.{i}.{reste}");
                if valeur_champ(situation, json, &p).is_none() {
                    v.push(p);
                }
            }
        } else if valeur_champ(situation, json, c).is_none() {
            v.push(c.clone());
        }
    }
    v
}

pub(super) fn texte_json(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub(super) fn condition_vraie(q: &Question, situation: &Situation, json: &Value) -> bool {
    q.si.iter().all(|alternatives| {
        alternatives.iter().any(|t| {
            let v = valeur_champ(situation, json, &t.champ);
            match &t.comparaison {
                Comparaison::Egal(vs) => match &v {
                    None => vs.iter().any(|x| x == "?"),
                    Some(v) => vs.contains(&texte_json(v)),
                },
                Comparaison::Different(vs) => match &v {
                    None => !vs.iter().any(|x| x == "?"),
                    Some(v) => !vs.contains(&texte_json(v)),
                },
                Comparaison::Superieur(n) => nombre_de(&v).is_some_and(|x| x > *n),
                Comparaison::Inferieur(n) => nombre_de(&v).is_some_and(|x| x < *n),
            }
        })
    })
}

/// A field's number, whether the situation's JSON holds it as a number or,
/// as `Decimal` serialises, as a string.
pub(super) fn nombre_de(v: &Option<Value>) -> Option<Decimal> {
    match v.as_ref()? {
        Value::Number(n) => n.as_f64().and_then(|f| Decimal::try_from(f).ok()),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Whether a condition could still become true (its fields are unknown).
pub(super) fn condition_possible(q: &Question, situation: &Situation, json: &Value) -> bool {
    q.si.iter().all(|alternatives| {
        alternatives
            .iter()
            .any(|t| valeur_champ(situation, json, &t.champ).is_none())
    }) || condition_vraie(q, situation, json)
}

/// The person a question is about: `conjoint` for the partner's questions,
/// `demandeur` otherwise.
/// A field's name without whose it is: `activite` for `conjoint.activite`
/// and `demandeur.activite`, `age` for `enfants.1.age`.
pub(super) fn champ_sans_personne(chemin: &str) -> &str {
    let reste = chemin
        .strip_prefix("demandeur.")
        .or_else(|| chemin.strip_prefix("conjoint."))
        .unwrap_or(chemin);
    match reste.strip_prefix("enfants.") {
        Some(r) => r.split_once('.').map_or(r, |(_, champ)| champ),
        None => reste,
    }
}

pub(super) fn personne_de(q: &Question) -> &'static str {
    if q.champs[0].starts_with("conjoint.") {
        "conjoint"
    } else {
        "demandeur"
    }
}

/// The option of a choice question that fields say: its value for the
/// question's first field, and none of the fields it settles contradicted.
/// Among several (disability options all say "yes"), the one whose settled
/// fields the facts state most, then the one that settles fewest: "80 %"
/// is "Oui, 80 % ou plus", a bare "RQTH" is "Oui, taux inconnu".
pub(super) fn choix_pour<'q>(
    q: &'q Question,
    affectations: &[(String, Value)],
) -> Option<&'q Choix> {
    let premier = q.champs.first()?;
    let dit = |chemin: &str| {
        affectations
            .iter()
            .find(|(c, _)| c == chemin)
            .map(|(_, v)| v)
    };
    q.choix
        .iter()
        .filter(|c| dit(premier) == Some(&c.valeur))
        .filter(|c| c.remplit.iter().all(|(r, v)| dit(r).is_none_or(|x| x == v)))
        .max_by_key(|c| {
            let confirmes = c.remplit.iter().filter(|(r, _)| dit(r).is_some()).count();
            (confirmes, std::cmp::Reverse(c.remplit.len()))
        })
}

/// A decimal as a JSON number (rust_decimal serializes to a string).
pub(super) fn nombre_json(d: Decimal) -> Value {
    d.normalize()
        .to_string()
        .parse::<serde_json::Number>()
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assigner_cree_ce_qui_manque() {
        let mut j = serde_json::json!({});
        assigner(&mut j, "demandeur.age", &Value::from(34));
        assigner(&mut j, "couple", &Value::Bool(true));
        assigner(&mut j, "nombre_enfants", &Value::from(2));
        assigner(&mut j, "enfants.1.age", &Value::from(4));
        assigner(&mut j, "enfants.*.handicap", &Value::Bool(false));
        assert_eq!(
            j,
            serde_json::json!({"demandeur": {"age": 34}, "couple": true, "conjoint": {},
                "nombre_enfants": 2, "enfants": [{"handicap": false}, {"age": 4, "handicap": false}]})
        );
        assigner(&mut j, "couple", &Value::Bool(false));
        assert_eq!(j["conjoint"], Value::Null);
    }
}
