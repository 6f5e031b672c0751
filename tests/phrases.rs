//! The phrasing corpus: `tests/phrases/*.txt`, answers written the way people
//! really write by SMS, each with what guichet must understand.
//!
//! A line is `question | what the person writes | what we understand | context`
//! (the context is optional). `#` starts a comment line; blank lines are
//! ignored.
//!
//! - `question`: a question id of `dialogues/questions.toml`, or `premier` for
//!   the first message of a new conversation (before any question).
//! - what we understand, separated by `;`:
//!   - `champ=valeur`: the field has exactly this value (`couple=false`,
//!     `demandeur.salaire_net=1200`, `logement.statut=heberge`);
//!   - `champ~valeur`: a number within 3 % of this one (a converted amount);
//!   - `-champ`: the field stays unknown (nothing was said about it);
//!   - `?` alone: the person says they do not know (the question's fields are
//!     set aside, not asked again);
//!   - `incompris` alone: not understood, nothing changes, the question is
//!     asked again;
//!   - ` (relu)` at the end: the answer was corrected, converted or inferred,
//!     so the reply reads it back: its first line starts with "J'ai compris"
//!     (French) or "I understood" (English). `(relu)` may stand alone.
//! - context: fields known before the answer, `champ=valeur` separated by `;`
//!   (`couple=true` for the partner's questions, `nombre_enfants=2` before the
//!   children's ages, `demandeur.activite=salarie` before the salary). A
//!   question whose condition (`si` in questions.toml) the context does not
//!   meet is a mistake in the corpus.
//!
//! Files whose name ends in `en.txt` are in English. Every line of a file is
//! played on the real engine (no server, today is 2026-11-23), every failing
//! line is reported, and the test fails when a file's pass rate falls under
//! its threshold in [`SEUILS`]. A malformed line always fails the test, with
//! `file:line` and what is wrong. The full report is also written to
//! `target/tmp/phrases-rapport.txt`; `cargo test --test phrases -- --nocapture`
//! prints it.

use guichet::dialogue::moteur::valeur_champ;
use guichet::dialogue::questions::{Comparaison, Question};
use guichet::dialogue::{Conversation, Entrant, Etape, Moteur, Reglages, Tour};
use guichet::rules::RuleSet;
use guichet::situation::{Mois, Situation};
use guichet::textes::Langue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// Minimum pass rate of each file, in percent. The issue asks 95 % of
/// real-world phrasings understood, measured on phrasings the parser was not
/// written against: `tenue_*.txt` were written by someone who did not read
/// the lexicon and are never used to tune it. `fr.txt` and `en.txt` are the
/// working corpus. When the corpus was written (87c3985) the rates were fr
/// 59 %, en 49 %, held-out fr 56 %, en 48 %.
const SEUILS: &[(&str, f64)] = &[
    ("fr.txt", 95.0),
    ("en.txt", 95.0),
    ("tenue_fr.txt", 95.0),
    ("tenue_en.txt", 95.0),
];

/// Threshold of a file not listed in [`SEUILS`] (a new file someone added):
/// its lines must be well formed and are reported, but no rate is required.
const SEUIL_AUTRES: f64 = 0.0;

/// The test's today, for dates of birth.
const AUJOURD_HUI: (i32, u8, u8) = (2026, 11, 23);
const MOIS: Mois = Mois {
    annee: 2026,
    mois: 11,
};

/// Tolerance of `~`, relative.
const TOLERANCE: f64 = 0.03;

// ---------------------------------------------------------------------------
// Fields a line may name
// ---------------------------------------------------------------------------

/// What kind of value a field holds, to catch typos in the corpus.
#[derive(Clone, Copy, PartialEq)]
enum Sorte {
    Booleen,
    Nombre,
    CodePostal,
    Insee,
    Valeurs(&'static [&'static str]),
}

const ACTIVITES: &[&str] = &[
    "salarie",
    "independant",
    "chomeur",
    "etudiant",
    "retraite",
    "inactif",
];
const NATIONALITES: &[&str] = &["fr", "ue", "hors_ue"];
const STATUTS: &[&str] = &[
    "locataire",
    "locataire_hlm",
    "locataire_meuble",
    "proprietaire",
    "heberge",
    "sans_domicile",
];
const SCOLARITES: &[&str] = &["primaire", "college", "lycee", "superieur", "aucune"];

fn sorte_personne(champ: &str) -> Option<Sorte> {
    Some(match champ {
        "age" | "salaire_net" | "chomage_net" | "retraite_nette" | "pension_invalidite"
        | "taux_incapacite" => Sorte::Nombre,
        "handicap" | "titre_sejour_5_ans" | "enceinte" | "boursier" => Sorte::Booleen,
        "activite" => Sorte::Valeurs(ACTIVITES),
        "nationalite" => Sorte::Valeurs(NATIONALITES),
        _ => return None,
    })
}

/// The kind of a situation path, or why the path is not one.
fn sorte(chemin: &str) -> Result<Sorte, String> {
    let parties: Vec<&str> = chemin.split('.').collect();
    let inconnu = || {
        Err(format!(
            "unknown field `{chemin}` (fields look like couple, nombre_enfants, \
             demandeur.age, conjoint.salaire_net, enfants.0.age, logement.statut, foyer.epargne)"
        ))
    };
    let s = match parties.as_slice() {
        ["couple"] => Sorte::Booleen,
        ["nombre_enfants"] => Sorte::Nombre,
        ["demandeur" | "conjoint", champ] => match sorte_personne(champ) {
            Some(s) => s,
            None => return inconnu(),
        },
        ["enfants", i, champ] => {
            match i.parse::<usize>() {
                Ok(i) if i < 12 => {}
                _ => {
                    return Err(format!(
                        "`{chemin}`: children are numbered from 0 (eldest) to 11"
                    ));
                }
            }
            match *champ {
                "age" | "taux_incapacite" => Sorte::Nombre,
                "handicap" | "garde_alternee" => Sorte::Booleen,
                "scolarite" => Sorte::Valeurs(SCOLARITES),
                _ => return inconnu(),
            }
        }
        ["logement", champ] => match *champ {
            "statut" => Sorte::Valeurs(STATUTS),
            "loyer" => Sorte::Nombre,
            "code_postal" => Sorte::CodePostal,
            "commune" => Sorte::Insee,
            "colocation" => Sorte::Booleen,
            _ => return inconnu(),
        },
        ["foyer", champ] => match *champ {
            "pension_alimentaire_recue"
            | "epargne"
            | "autres_revenus"
            | "revenu_fiscal_reference" => Sorte::Nombre,
            _ => return inconnu(),
        },
        _ => return inconnu(),
    };
    Ok(s)
}

/// Checks a value written bare against the field's kind; gives it as JSON.
fn valeur(chemin: &str, brut: &str) -> Result<Value, String> {
    let s = sorte(chemin)?;
    let faux = |attendu: &str| Err(format!("`{chemin}={brut}`: expected {attendu}"));
    match s {
        Sorte::Booleen => match brut {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => faux("true or false"),
        },
        Sorte::Nombre => match brut.parse::<serde_json::Number>() {
            Ok(x) if !brut.starts_with('+') => Ok(Value::Number(x)),
            _ => faux("a number written with a dot (1200 or 1200.5)"),
        },
        Sorte::CodePostal => {
            if brut.len() == 5 && brut.chars().all(|c| c.is_ascii_digit()) {
                Ok(Value::String(brut.into()))
            } else {
                faux("a postal code of 5 digits (59100)")
            }
        }
        Sorte::Insee => {
            if brut.len() == 5 && brut.chars().all(|c| c.is_ascii_alphanumeric()) {
                Ok(Value::String(brut.into()))
            } else {
                faux("an INSEE code of 5 characters (59512)")
            }
        }
        Sorte::Valeurs(vs) => {
            if vs.contains(&brut) {
                Ok(Value::String(brut.into()))
            } else {
                faux(&format!("one of {}", vs.join(", ")))
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Reading the corpus
// ---------------------------------------------------------------------------

enum Assertion {
    /// `champ=valeur`
    Egal(String, Value),
    /// `champ~valeur`
    Environ(String, f64),
    /// `-champ`
    Inconnu(String),
}

enum Attendu {
    NeSaitPas,
    Incompris,
    Champs {
        assertions: Vec<Assertion>,
        relu: bool,
    },
}

struct Ligne {
    numero: usize,
    question: String,
    texte: String,
    attendu_brut: String,
    attendu: Attendu,
    contexte: Vec<(String, Value)>,
}

fn lire_assertion(morceau: &str) -> Result<Assertion, String> {
    if let Some(chemin) = morceau.strip_prefix('-') {
        let chemin = chemin.trim();
        sorte(chemin)?;
        return Ok(Assertion::Inconnu(chemin.to_string()));
    }
    if let Some((chemin, v)) = morceau.split_once('~') {
        let (chemin, v) = (chemin.trim(), v.trim());
        if sorte(chemin)? != Sorte::Nombre {
            return Err(format!("`{morceau}`: `~` is for numbers only; use `=`"));
        }
        let x: f64 = v
            .parse()
            .map_err(|_| format!("`{morceau}`: `~` needs a number written with a dot"))?;
        return Ok(Assertion::Environ(chemin.to_string(), x));
    }
    if let Some((chemin, v)) = morceau.split_once('=') {
        let (chemin, v) = (chemin.trim(), v.trim());
        return Ok(Assertion::Egal(chemin.to_string(), valeur(chemin, v)?));
    }
    Err(format!(
        "`{morceau}`: write `champ=valeur`, `champ~valeur`, `-champ`, `?` or `incompris`"
    ))
}

fn lire_attendu(texte: &str) -> Result<Attendu, String> {
    let texte = texte.trim();
    let (texte, relu) = match texte.strip_suffix("(relu)") {
        Some(t) => (t.trim(), true),
        None => (texte, false),
    };
    match texte {
        "?" | "incompris" if relu => Err(format!("`{texte}` cannot be read back: remove `(relu)`")),
        "?" => Ok(Attendu::NeSaitPas),
        "incompris" => Ok(Attendu::Incompris),
        "" if relu => Ok(Attendu::Champs {
            assertions: vec![],
            relu,
        }),
        "" => Err("nothing expected: write what we understand, `?` or `incompris`".into()),
        _ => {
            let mut assertions = Vec::new();
            for m in texte.split(';').map(str::trim) {
                if m.is_empty() {
                    return Err("an empty expectation between two `;`".into());
                }
                if m == "?" || m == "incompris" {
                    return Err(format!("`{m}` must stand alone"));
                }
                assertions.push(lire_assertion(m)?);
            }
            Ok(Attendu::Champs { assertions, relu })
        }
    }
}

fn lire_contexte(texte: &str) -> Result<Vec<(String, Value)>, String> {
    let mut v = Vec::new();
    for m in texte.split(';').map(str::trim).filter(|m| !m.is_empty()) {
        let Some((chemin, brut)) = m.split_once('=') else {
            return Err(format!("context `{m}`: write `champ=valeur`"));
        };
        let chemin = chemin.trim();
        v.push((chemin.to_string(), valeur(chemin, brut.trim())?));
    }
    Ok(v)
}

fn lire_fichier(texte: &str, moteur: &Moteur) -> (Vec<Ligne>, Vec<(usize, String)>) {
    let mut lignes = Vec::new();
    let mut erreurs = Vec::new();
    for (i, l) in texte.lines().enumerate() {
        let numero = i + 1;
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let colonnes: Vec<&str> = t.split('|').map(str::trim).collect();
        if colonnes.len() < 3 || colonnes.len() > 4 {
            erreurs.push((
                numero,
                format!(
                    "{} columns; a line is `question | what the person writes | what we understand | context (optional)`",
                    colonnes.len()
                ),
            ));
            continue;
        }
        let question = colonnes[0].to_string();
        if question != "premier" && moteur.questions.question(&question).is_none() {
            erreurs.push((
                numero,
                format!(
                    "unknown question `{question}` (an id of dialogues/questions.toml, or premier)"
                ),
            ));
            continue;
        }
        if colonnes[1].is_empty() {
            erreurs.push((numero, "what the person writes is empty".into()));
            continue;
        }
        let attendu = match lire_attendu(colonnes[2]) {
            Ok(a) => a,
            Err(e) => {
                erreurs.push((numero, e));
                continue;
            }
        };
        let contexte = match lire_contexte(colonnes.get(3).copied().unwrap_or("")) {
            Ok(c) => c,
            Err(e) => {
                erreurs.push((numero, e));
                continue;
            }
        };
        if question == "premier" && !contexte.is_empty() {
            erreurs.push((numero, "a first message has no context".into()));
            continue;
        }
        lignes.push(Ligne {
            numero,
            question,
            texte: colonnes[1].to_string(),
            attendu_brut: colonnes[2].to_string(),
            attendu,
            contexte,
        });
    }
    (lignes, erreurs)
}

// ---------------------------------------------------------------------------
// Building the context
// ---------------------------------------------------------------------------

/// Sets a path in the JSON form of a situation, as the engine does:
/// `couple` also sets or removes `conjoint`, `nombre_enfants` sizes `enfants`.
fn assigner(json: &mut Value, chemin: &str, v: &Value) -> Result<(), String> {
    match chemin {
        "couple" => {
            let b = v.as_bool().unwrap_or(false);
            json["couple"] = Value::Bool(b);
            json["conjoint"] = if b {
                Value::Object(Map::new())
            } else {
                Value::Null
            };
            return Ok(());
        }
        "nombre_enfants" => {
            let n = v.as_f64().unwrap_or(0.0).max(0.0) as usize;
            json["nombre_enfants"] = Value::from(n);
            json["enfants"] = Value::Array(vec![Value::Object(Map::new()); n]);
            return Ok(());
        }
        _ => {}
    }
    let parties: Vec<&str> = chemin.split('.').collect();
    if parties[0] == "conjoint" && !json["conjoint"].is_object() {
        return Err(format!("context `{chemin}` needs `couple=true` before it"));
    }
    if parties[0] == "enfants" {
        let i: usize = parties[1].parse().unwrap_or(0);
        let n = json["enfants"].as_array().map_or(0, |a| a.len());
        if i >= n {
            return Err(format!(
                "context `{chemin}` needs `nombre_enfants={}` (or more) before it",
                i + 1
            ));
        }
        json["enfants"][i][parties[2]] = v.clone();
        return Ok(());
    }
    if !json[parties[0]].is_object() {
        json[parties[0]] = Value::Object(Map::new());
    }
    json[parties[0]][parties[1]] = v.clone();
    Ok(())
}

fn situation_du_contexte(contexte: &[(String, Value)]) -> Result<Situation, String> {
    let mut json = Value::Object(Map::new());
    for (chemin, v) in contexte {
        assigner(&mut json, chemin, v)?;
    }
    Situation::from_value(json).map_err(|e| format!("context is not a valid situation: {e}"))
}

/// The fields of `q` still unknown in `s`, with `enfants.*.x` one per child.
fn champs_concrets(q: &Question, s: &Situation) -> Vec<String> {
    let json = serde_json::to_value(s).unwrap_or(Value::Null);
    let n = s.nombre_enfants().unwrap_or(0);
    let mut v = Vec::new();
    for c in &q.champs {
        let chemins: Vec<String> = match c.strip_prefix("enfants.*.") {
            Some(reste) => (0..n).map(|i| format!("enfants.{i}.{reste}")).collect(),
            None => vec![c.clone()],
        };
        v.extend(
            chemins
                .into_iter()
                .filter(|p| valeur_champ(s, &json, p).is_none()),
        );
    }
    v
}

fn texte_valeur(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        autre => autre.to_string(),
    }
}

/// Why the context does not meet the question's condition, if it does not.
fn condition_manquee(q: &Question, s: &Situation) -> Option<String> {
    let json = serde_json::to_value(s).unwrap_or(Value::Null);
    for alternatives in &q.si {
        let tenue = alternatives.iter().any(|t| {
            let v = valeur_champ(s, &json, &t.champ);
            match &t.comparaison {
                Comparaison::Egal(vs) => match &v {
                    None => vs.iter().any(|x| x == "?"),
                    Some(v) => vs.contains(&texte_valeur(v)),
                },
                Comparaison::Different(vs) => match &v {
                    None => !vs.iter().any(|x| x == "?"),
                    Some(v) => !vs.contains(&texte_valeur(v)),
                },
                Comparaison::Superieur(n) => v
                    .as_ref()
                    .and_then(|v| texte_valeur(v).parse::<f64>().ok())
                    .is_some_and(|x| x > n.to_string().parse::<f64>().unwrap_or(0.0)),
                Comparaison::Inferieur(n) => v
                    .as_ref()
                    .and_then(|v| texte_valeur(v).parse::<f64>().ok())
                    .is_some_and(|x| x < n.to_string().parse::<f64>().unwrap_or(0.0)),
            }
        });
        if !tenue {
            let dit: Vec<String> = alternatives
                .iter()
                .map(|t| match &t.comparaison {
                    Comparaison::Egal(vs) => format!("{}={}", t.champ, vs.join("|")),
                    Comparaison::Different(vs) => {
                        format!("{} other than {}", t.champ, vs.join("|"))
                    }
                    Comparaison::Superieur(n) => format!("{} above {n}", t.champ),
                    Comparaison::Inferieur(n) => format!("{} below {n}", t.champ),
                })
                .collect();
            return Some(format!(
                "question `{}` is only asked when {}: add it to the context (4th column)",
                q.id,
                dit.join(" or ")
            ));
        }
    }
    if champs_concrets(q, s).is_empty() {
        return Some(format!(
            "the context already knows every field of question `{}`",
            q.id
        ));
    }
    None
}

// ---------------------------------------------------------------------------
// Playing a line
// ---------------------------------------------------------------------------

fn nombre(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn egaux(attendu: &Value, obtenu: &Value) -> bool {
    match (attendu, obtenu) {
        (Value::Number(_), _) => match (nombre(attendu), nombre(obtenu)) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            _ => false,
        },
        _ => attendu == obtenu,
    }
}

/// Every known leaf of a situation, `chemin=valeur`, with the derived
/// `couple` and `nombre_enfants`.
fn feuilles(s: &Situation) -> BTreeMap<String, String> {
    fn parcourir(prefixe: &str, v: &Value, out: &mut BTreeMap<String, String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let p = if prefixe.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefixe}.{k}")
                    };
                    parcourir(&p, x, out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    parcourir(&format!("{prefixe}.{i}"), x, out);
                }
            }
            Value::Null => {}
            autre => {
                out.insert(prefixe.to_string(), texte_valeur(autre));
            }
        }
    }
    let mut out = BTreeMap::new();
    let json = serde_json::to_value(s).unwrap_or(Value::Null);
    parcourir("", &json, &mut out);
    out.remove("nombre_enfants");
    if let Some(b) = s.couple() {
        out.insert("couple".into(), b.to_string());
    }
    if let Some(n) = s.nombre_enfants() {
        out.insert("nombre_enfants".into(), n.to_string());
    }
    out
}

fn premiere_ligne(tour: &Tour) -> String {
    tour.messages
        .first()
        .and_then(|m| m.lines().next())
        .unwrap_or("")
        .replace('’', "'")
}

struct Echec {
    numero: usize,
    question: String,
    texte: String,
    attendu: String,
    pourquoi: Vec<String>,
    obtenu: String,
    reponse: String,
}

/// Plays one line; `Err` with what went wrong.
fn jouer(moteur: &Moteur, langue: Langue, l: &Ligne) -> Result<(), Echec> {
    let echec = |pourquoi: Vec<String>, obtenu: String, reponse: String| Echec {
        numero: l.numero,
        question: l.question.clone(),
        texte: l.texte.clone(),
        attendu: l.attendu_brut.clone(),
        pourquoi,
        obtenu,
        reponse,
    };
    let avant = situation_du_contexte(&l.contexte).expect("checked before playing");
    let (etat, champs) = if l.question == "premier" {
        (None, Vec::new())
    } else {
        let q = moteur.questions.question(&l.question).expect("checked");
        let champs = champs_concrets(q, &avant);
        let c = Conversation {
            situation: avant.clone(),
            langue,
            etape: Etape::Question {
                id: l.question.clone(),
            },
            ..Default::default()
        };
        (Some(c), champs)
    };
    let ignores_avant = etat.as_ref().map(|c| c.ignores.clone()).unwrap_or_default();
    let entrant = Entrant {
        texte: &l.texte,
        aujourd_hui: AUJOURD_HUI,
        mois: MOIS,
        langue: Some(langue),
        joignable: false,
    };
    let resultat = catch_unwind(AssertUnwindSafe(|| moteur.pas(etat, &entrant)));
    let (apres, tour) = match resultat {
        Ok(r) => r,
        Err(e) => {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            return Err(echec(
                vec![format!("the engine panicked: {msg}")],
                String::new(),
                String::new(),
            ));
        }
    };
    let json = serde_json::to_value(&apres.situation).unwrap_or(Value::Null);
    let f_avant = feuilles(&avant);
    let f_apres = feuilles(&apres.situation);
    let mut changes: Vec<String> = f_apres
        .iter()
        .filter(|(k, v)| f_avant.get(*k) != Some(v))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    changes.extend(
        f_avant
            .keys()
            .filter(|k| !f_apres.contains_key(*k))
            .map(|k| format!("-{k}")),
    );
    let repondue = apres.repondues.contains(&l.question);
    let ignores: Vec<&String> = apres
        .ignores
        .iter()
        .filter(|i| !ignores_avant.contains(i))
        .collect();
    let mut obtenu = if changes.is_empty() {
        "nothing set".to_string()
    } else {
        changes.join("; ")
    };
    if !ignores.is_empty() {
        let _ = write!(
            obtenu,
            " [don't know: {}]",
            ignores
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if l.question != "premier" {
        obtenu.push_str(if repondue {
            " [answered]"
        } else {
            " [asked again]"
        });
    }
    let reponse = tour
        .messages
        .first()
        .map(|m| m.replace('\n', " / "))
        .unwrap_or_default();
    let mut pourquoi = Vec::new();
    match &l.attendu {
        Attendu::NeSaitPas => {
            let manquants: Vec<&String> = champs
                .iter()
                .filter(|c| !apres.ignores.contains(c))
                .collect();
            if !manquants.is_empty() || champs.is_empty() {
                pourquoi.push("not taken as \"I don't know\"".into());
            }
        }
        Attendu::Incompris => {
            let meme_question = apres.etape
                == Etape::Question {
                    id: l.question.clone(),
                };
            if apres.situation != avant
                || !ignores.is_empty()
                || repondue
                || (l.question != "premier" && !meme_question)
            {
                pourquoi
                    .push("should not be understood (nothing set, question asked again)".into());
            }
        }
        Attendu::Champs { assertions, relu } => {
            for a in assertions {
                match a {
                    Assertion::Egal(chemin, v) => {
                        match valeur_champ(&apres.situation, &json, chemin) {
                            Some(o) if egaux(v, &o) => {}
                            Some(o) => pourquoi.push(format!(
                                "{chemin}: expected {}, got {}",
                                texte_valeur(v),
                                texte_valeur(&o)
                            )),
                            None => pourquoi.push(format!(
                                "{chemin}: expected {}, still unknown",
                                texte_valeur(v)
                            )),
                        }
                    }
                    Assertion::Environ(chemin, x) => {
                        match valeur_champ(&apres.situation, &json, chemin) {
                            Some(o) => match nombre(&o) {
                                Some(y) if (y - x).abs() <= TOLERANCE * x.abs() + 1e-9 => {}
                                _ => pourquoi.push(format!(
                                    "{chemin}: expected about {x}, got {}",
                                    texte_valeur(&o)
                                )),
                            },
                            None => pourquoi
                                .push(format!("{chemin}: expected about {x}, still unknown")),
                        }
                    }
                    Assertion::Inconnu(chemin) => {
                        if let Some(o) = valeur_champ(&apres.situation, &json, chemin) {
                            pourquoi.push(format!(
                                "{chemin}: should stay unknown, got {}",
                                texte_valeur(&o)
                            ));
                        }
                    }
                }
            }
            if *relu {
                let debut = match langue {
                    Langue::Fr => "J'ai compris",
                    Langue::En => "I understood",
                };
                if !premiere_ligne(&tour).starts_with(debut) {
                    pourquoi.push(format!("no read-back (\"{debut}…\")"));
                }
            }
        }
    }
    if pourquoi.is_empty() {
        Ok(())
    } else {
        Err(echec(pourquoi, obtenu, reponse))
    }
}

// ---------------------------------------------------------------------------
// Files, report, thresholds
// ---------------------------------------------------------------------------

fn dossier() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/phrases")
}

fn moteur() -> Moteur {
    Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap()
}

fn tronquer(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Plays one corpus file; panics with every malformed line, or with every
/// failing line when the pass rate is under `seuil`.
fn verifier_fichier(moteur: &Moteur, nom: &str, seuil: f64) {
    let chemin = dossier().join(nom);
    let texte = std::fs::read_to_string(&chemin)
        .unwrap_or_else(|e| panic!("tests/phrases/{nom}: cannot read it: {e}"));
    let langue = if nom.ends_with("en.txt") {
        Langue::En
    } else {
        Langue::Fr
    };
    let (lignes, mut erreurs) = lire_fichier(&texte, moteur);
    let mut jouables = Vec::new();
    for l in lignes {
        if l.question != "premier" {
            let q = moteur.questions.question(&l.question).expect("checked");
            match situation_du_contexte(&l.contexte) {
                Ok(s) => {
                    if let Some(e) = condition_manquee(q, &s) {
                        erreurs.push((l.numero, e));
                        continue;
                    }
                }
                Err(e) => {
                    erreurs.push((l.numero, e));
                    continue;
                }
            }
        }
        jouables.push(l);
    }
    if !erreurs.is_empty() {
        erreurs.sort_by_key(|(n, _)| *n);
        let mut m = format!(
            "tests/phrases/{nom}: {} malformed line(s); the format is at the top of tests/phrases.rs\n",
            erreurs.len()
        );
        for (n, e) in &erreurs {
            let _ = writeln!(m, "  tests/phrases/{nom}:{n}: {e}");
        }
        panic!("{m}");
    }
    assert!(
        !jouables.is_empty(),
        "tests/phrases/{nom} has no line to play"
    );

    let mut echecs = Vec::new();
    let mut par_question: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for l in &jouables {
        let r = jouer(moteur, langue, l);
        let e = par_question.entry(l.question.clone()).or_default();
        e.1 += 1;
        match r {
            Ok(()) => e.0 += 1,
            Err(x) => echecs.push(x),
        }
    }
    let total = jouables.len();
    let reussies = total - echecs.len();
    let taux = 100.0 * reussies as f64 / total as f64;

    let mut rapport = format!(
        "tests/phrases/{nom}: {reussies}/{total} lines pass ({taux:.1} %, threshold {seuil:.1} %)\n"
    );
    for (q, (ok, n)) in &par_question {
        let _ = writeln!(rapport, "  {q:<24} {ok:>4}/{n:<4}");
    }
    if !echecs.is_empty() {
        let _ = writeln!(rapport, "Failing lines:");
    }
    for e in &echecs {
        let _ = writeln!(
            rapport,
            "tests/phrases/{nom}:{} [{}] {:?}\n    expected: {}\n    why:      {}\n    got:      {}\n    reply:    {}",
            e.numero,
            e.question,
            e.texte,
            e.attendu,
            e.pourquoi.join(" | "),
            e.obtenu,
            tronquer(&e.reponse, 200)
        );
    }
    println!("{rapport}");
    let sortie = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("phrases-rapport-{}", nom.replace('/', "_")));
    let _ = std::fs::write(&sortie, &rapport);
    assert!(
        taux + 1e-9 >= seuil,
        "tests/phrases/{nom}: pass rate {taux:.1} % is under the threshold {seuil:.1} % \
         (SEUILS in tests/phrases.rs)\n{rapport}"
    );
}

fn seuil(nom: &str) -> f64 {
    SEUILS
        .iter()
        .find(|(n, _)| *n == nom)
        .map(|(_, s)| *s)
        .expect("every file of SEUILS has a test")
}

#[test]
fn the_french_phrasings_are_understood() {
    verifier_fichier(&moteur(), "fr.txt", seuil("fr.txt"));
}

#[test]
fn the_english_phrasings_are_understood() {
    verifier_fichier(&moteur(), "en.txt", seuil("en.txt"));
}

#[test]
fn the_held_out_french_phrasings_are_understood() {
    verifier_fichier(&moteur(), "tenue_fr.txt", seuil("tenue_fr.txt"));
}

#[test]
fn the_held_out_english_phrasings_are_understood() {
    verifier_fichier(&moteur(), "tenue_en.txt", seuil("tenue_en.txt"));
}

/// A file someone added to tests/phrases is played too: it must be well
/// formed; give it a threshold in SEUILS and a test above once it settles.
#[test]
fn any_other_phrasing_file_is_well_formed() {
    let moteur = moteur();
    let mut noms: Vec<String> = std::fs::read_dir(dossier())
        .expect("tests/phrases exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && !SEUILS.iter().any(|(s, _)| s == n))
        .collect();
    noms.sort();
    for nom in noms {
        verifier_fichier(&moteur, &nom, SEUIL_AUTRES);
    }
}
