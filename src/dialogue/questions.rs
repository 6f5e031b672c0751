//! The questions of `dialogues/questions.toml`, read and checked.
//!
//! A question says which situation fields it fills, how its answer is read
//! (its [`Genre`]), when it makes sense (`si`), and which Fluent messages
//! word it. The dialogue engine chooses among them; this module only loads
//! them and reports mistakes as `file:line: message`, like the rule files.

use crate::rules::faits;
use crate::textes::Textes;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

/// The questions built into the binary.
pub const QUESTIONS_INTEGREES: (&str, &str) = (
    "dialogues/questions.toml",
    include_str!("../../dialogues/questions.toml"),
);

/// How an answer is read. It travels as `prompt.kind` in the SMS API
/// under the English names of [`Genre::nom`] (serde gives the same names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Genre {
    /// Yes or no.
    #[serde(rename = "yes_no")]
    OuiNon,
    /// A whole number (a count).
    #[serde(rename = "number")]
    Nombre,
    /// An amount of money per month.
    #[serde(rename = "money")]
    Montant,
    /// An age in years, or a date of birth.
    #[serde(rename = "age")]
    Age,
    /// Several ages at once ("34 36", "12 7 4").
    #[serde(rename = "ages")]
    Ages,
    /// One option of a list.
    #[serde(rename = "choice")]
    Choix,
    /// Where the person lives: a French postal code, or the name of their
    /// commune (read by [`super::lieu`], which may ask which one next).
    #[serde(rename = "postal_code")]
    CodePostal,
    /// One of the communes of the postal code already given.
    #[serde(rename = "commune")]
    Commune,
}

impl Genre {
    /// The name in the `prompt.kind` of the SMS API.
    pub fn nom(self) -> &'static str {
        match self {
            Genre::OuiNon => "yes_no",
            Genre::Nombre => "number",
            Genre::Montant => "money",
            Genre::Age => "age",
            Genre::Ages => "ages",
            Genre::Choix => "choice",
            Genre::CodePostal => "postal_code",
            Genre::Commune => "commune",
        }
    }

    fn depuis(nom: &str) -> Option<Genre> {
        Some(match nom {
            "oui_non" => Genre::OuiNon,
            "nombre" => Genre::Nombre,
            "montant" => Genre::Montant,
            "age" => Genre::Age,
            "ages" => Genre::Ages,
            "choix" => Genre::Choix,
            "code_postal" => Genre::CodePostal,
            "commune" => Genre::Commune,
            _ => return None,
        })
    }
}

/// A comparison in a question's `si`.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparaison {
    /// The field equals one of the values (`?` stands for "unknown").
    Egal(Vec<String>),
    /// The field equals none of the values.
    Different(Vec<String>),
    /// The field is a number above this one.
    Superieur(Decimal),
    /// The field is a number below this one.
    Inferieur(Decimal),
}

/// One test of a `si`: a field and a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    /// Situation path.
    pub champ: String,
    /// What is compared.
    pub comparaison: Comparaison,
}

/// An option of a choice question.
#[derive(Debug, Clone)]
pub struct Choix {
    /// What the person types ("1", "C").
    pub cle: String,
    /// The value of the question's first field.
    pub valeur: Value,
    /// Fluent id of the label.
    pub libelle: String,
    /// Other words meaning this option.
    pub mots: Vec<String>,
    /// Other fields this option settles.
    pub remplit: Vec<(String, Value)>,
    /// Fields this option lets us presume (disclosed with the results).
    pub suppose: Vec<(String, Value)>,
}

/// A question, ready for the dialogue engine.
#[derive(Debug, Clone)]
pub struct Question {
    /// Unique name.
    pub id: String,
    /// Fields it fills; `enfants.*.x` stands for every child.
    pub champs: Vec<String>,
    /// How its answer is read.
    pub genre: Genre,
    /// One answer per child.
    pub liste: bool,
    /// Fluent id of its wording (attributes `aide`, `agent`, `exemple`).
    pub message: String,
    /// When it makes sense: every inner list holds alternatives, all lists must hold.
    pub si: Vec<Vec<Test>>,
    /// Smallest accepted number.
    pub min: Option<Decimal>,
    /// Largest accepted number.
    pub max: Option<Decimal>,
    /// Questions of one group are alternatives (progress counts them once).
    pub groupe: String,
    /// Seldom asked: progress counts it only once its condition holds.
    pub rare: bool,
    /// Fields set by a "yes".
    pub oui: Vec<(String, Value)>,
    /// Fields set by a "no".
    pub non: Vec<(String, Value)>,
    /// Options of a choice.
    pub choix: Vec<Choix>,
    /// For a field the rules presume when unknown (`hypotheses` of
    /// `rules/_commun.toml`): the other value to try. The question is asked
    /// only when that value would change an aid the person gets.
    pub contre_valeur: Option<Value>,
    /// Line in the file, for messages.
    pub ligne: usize,
}

/// Every question, in file order.
#[derive(Debug, Clone)]
pub struct Questions {
    /// The questions.
    pub liste: Vec<Question>,
    fichier: String,
}

/// A mistake in the question file (or in the lexicon, which reports the
/// same way).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErreurQuestion {
    /// File path.
    pub fichier: String,
    /// Line from 1, 0 for the whole file.
    pub ligne: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ErreurQuestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ligne == 0 {
            write!(f, "{}: {}", self.fichier, self.message)
        } else {
            write!(f, "{}:{}: {}", self.fichier, self.ligne, self.message)
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fichier {
    question: Vec<Spanned<DefQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefQuestion {
    id: String,
    champs: Vec<String>,
    genre: String,
    #[serde(default)]
    liste: bool,
    message: String,
    #[serde(default)]
    si: Option<String>,
    #[serde(default)]
    min: Option<toml::Value>,
    #[serde(default)]
    max: Option<toml::Value>,
    #[serde(default)]
    groupe: Option<String>,
    #[serde(default)]
    rare: bool,
    #[serde(default)]
    oui: BTreeMap<String, toml::Value>,
    #[serde(default)]
    non: BTreeMap<String, toml::Value>,
    #[serde(default)]
    choix: Vec<Spanned<DefChoix>>,
    #[serde(default)]
    contre_valeur: Option<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefChoix {
    cle: String,
    valeur: toml::Value,
    libelle: String,
    #[serde(default)]
    mots: Vec<String>,
    #[serde(default)]
    remplit: BTreeMap<String, toml::Value>,
    #[serde(default)]
    suppose: BTreeMap<String, toml::Value>,
}

fn ligne_de(texte: &str, offset: usize) -> usize {
    texte[..offset.min(texte.len())].matches('\n').count() + 1
}

/// Whether a path (with `*` for any child) names a field the rules know.
pub fn champ_valide(chemin: &str) -> bool {
    faits::slot_du_chemin(&chemin.replace(".*.", ".0.")).is_some()
}

fn en_json(v: &toml::Value) -> Option<Value> {
    Some(match v {
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map(Value::Number)?,
        toml::Value::String(s) => Value::String(s.clone()),
        _ => return None,
    })
}

fn nombre_toml(v: &toml::Value) -> Option<Decimal> {
    match v {
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        toml::Value::Float(f) => Decimal::try_from(*f).ok(),
        _ => None,
    }
}

/// Reads one `si`: `champ = a | b`, `champ != a`, `champ > 0`, joined by `||`.
fn lire_si(texte: &str) -> Result<Vec<Test>, String> {
    let mut tests = Vec::new();
    for alternative in texte.split("||") {
        let alternative = alternative.trim();
        let (champ, comparaison) = if let Some((c, v)) = alternative.split_once("!=") {
            (c, Comparaison::Different(valeurs(v)))
        } else if let Some((c, v)) = alternative.split_once('=') {
            (c, Comparaison::Egal(valeurs(v)))
        } else if let Some((c, v)) = alternative.split_once('>') {
            let n: Decimal = v
                .trim()
                .parse()
                .map_err(|_| format!("« {} » n'est pas un nombre", v.trim()))?;
            (c, Comparaison::Superieur(n))
        } else if let Some((c, v)) = alternative.split_once('<') {
            let n: Decimal = v
                .trim()
                .parse()
                .map_err(|_| format!("« {} » n'est pas un nombre", v.trim()))?;
            (c, Comparaison::Inferieur(n))
        } else {
            return Err(format!(
                "condition illisible « {alternative} » : écrivez `champ = valeur`, `champ != valeur`, `champ > nombre` ou `champ < nombre`"
            ));
        };
        let champ = champ.trim().to_string();
        if !champ_valide(&champ) {
            return Err(format!("champ inconnu « {champ} » dans la condition"));
        }
        tests.push(Test { champ, comparaison });
    }
    Ok(tests)
}

fn valeurs(texte: &str) -> Vec<String> {
    texte.split('|').map(|v| v.trim().to_string()).collect()
}

impl Questions {
    /// The questions built into the binary.
    pub fn integrees() -> Result<Questions, Vec<ErreurQuestion>> {
        Questions::depuis_texte(QUESTIONS_INTEGREES.0, QUESTIONS_INTEGREES.1)
    }

    /// Reads and checks a question file.
    pub fn depuis_texte(fichier: &str, texte: &str) -> Result<Questions, Vec<ErreurQuestion>> {
        let erreur = |ligne: usize, message: String| ErreurQuestion {
            fichier: fichier.to_string(),
            ligne,
            message,
        };
        let f: Fichier = toml::from_str(texte).map_err(|e| {
            vec![erreur(
                e.span().map(|s| ligne_de(texte, s.start)).unwrap_or(0),
                e.message().to_string(),
            )]
        })?;
        let mut erreurs = Vec::new();
        let mut liste: Vec<Question> = Vec::new();
        for sq in f.question {
            let ligne = ligne_de(texte, sq.span().start);
            let d = sq.into_inner();
            let messages = std::cell::RefCell::new(Vec::<String>::new());
            let err = |m: String| messages.borrow_mut().push(m);
            if liste.iter().any(|q| q.id == d.id) {
                err("cet id est déjà utilisé".into());
            }
            let Some(genre) = Genre::depuis(&d.genre) else {
                err(format!(
                    "genre « {} » inconnu (oui_non, nombre, montant, age, ages, choix, code_postal, commune)",
                    d.genre
                ));
                for m in messages.take() {
                    erreurs.push(erreur(ligne, format!("question « {} » : {m}", d.id)));
                }
                continue;
            };
            if d.champs.is_empty() {
                err("`champs` est vide".into());
            }
            for c in &d.champs {
                if !champ_valide(c) {
                    err(format!("champ inconnu « {c} »"));
                }
            }
            let mut si = Vec::new();
            if let Some(texte_si) = &d.si {
                for partie in texte_si.split(" et ") {
                    match lire_si(partie) {
                        Ok(t) => si.push(t),
                        Err(m) => err(m),
                    }
                }
            }
            let affectations = |m: &BTreeMap<String, toml::Value>, quoi: &str| {
                let mut v = Vec::new();
                for (c, val) in m {
                    if !champ_valide(c) {
                        err(format!("champ inconnu « {c} » dans `{quoi}`"));
                    }
                    match en_json(val) {
                        Some(j) => v.push((c.clone(), j)),
                        None => err(format!(
                            "valeur de « {c} » dans `{quoi}` : nombre, texte ou booléen attendu"
                        )),
                    }
                }
                v
            };
            let oui = affectations(&d.oui, "oui");
            let non = affectations(&d.non, "non");
            let mut choix = Vec::new();
            for sc in &d.choix {
                let c = sc.get_ref();
                let remplit = affectations(&c.remplit, "remplit");
                let suppose = affectations(&c.suppose, "suppose");
                let Some(valeur) = en_json(&c.valeur) else {
                    err(format!("choix « {} » : valeur incorrecte", c.cle));
                    continue;
                };
                choix.push(Choix {
                    cle: c.cle.clone(),
                    valeur,
                    libelle: c.libelle.clone(),
                    mots: c.mots.clone(),
                    remplit,
                    suppose,
                });
            }
            if genre == Genre::Choix && choix.is_empty() {
                err("une question `choix` a besoin de `[[question.choix]]`".into());
            }
            if genre != Genre::Choix && !choix.is_empty() {
                err("seule une question `choix` a des `[[question.choix]]`".into());
            }
            let nombre = |v: &Option<toml::Value>, quoi: &str| {
                v.as_ref().and_then(|x| {
                    let n = nombre_toml(x);
                    if n.is_none() {
                        err(format!("`{quoi}` doit être un nombre"));
                    }
                    n
                })
            };
            let min = nombre(&d.min, "min");
            let max = nombre(&d.max, "max");
            let contre_valeur = d.contre_valeur.as_ref().and_then(|v| {
                let j = en_json(v);
                if j.is_none() {
                    err("`contre_valeur` : nombre, texte ou booléen attendu".into());
                }
                j
            });
            if contre_valeur.is_some() && d.champs.len() != 1 {
                err("`contre_valeur` ne va qu'avec un seul champ".into());
            }
            for m in messages.take() {
                erreurs.push(erreur(ligne, format!("question « {} » : {m}", d.id)));
            }
            liste.push(Question {
                groupe: d.groupe.clone().unwrap_or_else(|| d.id.clone()),
                rare: d.rare,
                id: d.id,
                champs: d.champs,
                genre,
                liste: d.liste,
                message: d.message,
                si,
                min,
                max,
                oui,
                non,
                choix,
                contre_valeur,
                ligne,
            });
        }
        if erreurs.is_empty() {
            Ok(Questions {
                liste,
                fichier: fichier.to_string(),
            })
        } else {
            Err(erreurs)
        }
    }

    /// Checks that every Fluent message the questions name exists in every
    /// language, with the attributes the dialogue uses.
    pub fn verifier_textes(&self, textes: &Textes) -> Vec<ErreurQuestion> {
        let mut erreurs = Vec::new();
        for q in &self.liste {
            let mut manque = |id: &str, attr: Option<&str>| {
                if !textes.existe(id, attr) {
                    erreurs.push(ErreurQuestion {
                        fichier: self.fichier.clone(),
                        ligne: q.ligne,
                        message: format!(
                            "question « {} » : le message « {id}{} » manque dans locales/",
                            q.id,
                            attr.map(|a| format!(".{a}")).unwrap_or_default()
                        ),
                    });
                }
            };
            manque(&q.message, None);
            for a in ["aide", "agent", "exemple"] {
                manque(&q.message, Some(a));
            }
            for c in &q.choix {
                manque(&c.libelle, None);
            }
        }
        erreurs
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.liste.iter().find(|q| q.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn les_questions_integrees_sont_correctes() {
        let q = Questions::integrees().unwrap_or_else(|e| panic!("{e:?}"));
        let t = Textes::integres().unwrap();
        let e = q.verifier_textes(&t);
        assert!(
            e.is_empty(),
            "{}",
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn un_champ_mal_ecrit_donne_la_ligne() {
        let texte = "[[question]]\nid = \"a\"\nchamps = [\"demandeur.agee\"]\ngenre = \"nombre\"\nmessage = \"q-age\"\n";
        let e = Questions::depuis_texte("q.toml", texte).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "q.toml:1: question « a » : champ inconnu « demandeur.agee »"
        );
    }

    #[test]
    fn une_cle_inconnue_donne_la_ligne() {
        let texte = "[[question]]\nid = \"a\"\nchamps = [\"demandeur.age\"]\ngenre = \"nombre\"\nmesage = \"q-age\"\n";
        let e = Questions::depuis_texte("q.toml", texte).unwrap_err();
        assert!(e[0].to_string().starts_with("q.toml:"), "{}", e[0]);
        assert!(e[0].ligne > 0);
    }

    #[test]
    fn conditions() {
        let t = lire_si("couple = true || nombre_enfants > 0").unwrap();
        assert_eq!(t.len(), 2);
        assert!(lire_si("coupel = true").is_err());
    }
}
