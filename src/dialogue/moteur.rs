//! The conversation state machine: one inbound message in, the next state
//! and the replies out. Pure: no clock (today arrives with the message), no
//! storage (the caller loads and saves the [`Conversation`]), no network.
//!
//! After each understood answer every aid is evaluated again, and the next
//! question is the one whose fields the most undetermined aids still miss
//! (`champs_manquants`). A question whose fields can no longer change any
//! outcome is never asked. When no question is left, the results are given.
//!
//! Every reply is built from Fluent messages and packed into as few SMS as
//! possible, each within the segment budget after GSM-7 transliteration.

use super::extraction;
use super::lexique::{Lexique, Sens, forme, position_mots};
use super::lieu::{self, LieuLu};
use super::questions::{Choix, Comparaison, Genre, Question, Questions};
use super::reponse::{self, Compris, ContexteMontant, Conversion, MontantLu};
use crate::geo;
use crate::rules::{Evaluation, Periodicite, ResultatAide, RuleSet, Statut};
use crate::situation::{Mois, Situation};
use crate::sms::gsm7;
use crate::textes::{Arg, Langue, Textes, format_euros};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A piece of a turn that asks for a new reply rather than joining the previous one.
const SEPARATION: &str = "\u{0}";

/// Misses on one question after which a callback is offered.
const RATES_AVANT_RAPPEL: u8 = 3;
/// How many answers RETOUR can undo.
const HISTORIQUE_MAX: usize = 20;
/// The questions the greeting promises ("en 10 questions environ"): what
/// the median conversation of the 600 OpenFisca households asks
/// (tests/resultats_honnetes.rs checks it). The progress starts from it.
pub const QUESTIONS_ANNONCEES: u32 = 10;

/// Settings of the conversation that come from `config.toml`.
#[derive(Debug, Clone)]
pub struct Reglages {
    /// Most SMS segments one reply may take.
    pub budget_segments: usize,
    /// Days after which an idle conversation is erased (said in messages).
    pub expiration_jours: u32,
    /// Who runs the service (CONTACT).
    pub operateur: String,
    /// How to reach them (CONTACT).
    pub contact: String,
}

impl Default for Reglages {
    fn default() -> Self {
        Reglages {
            budget_segments: 3,
            expiration_jours: 30,
            operateur: "guichet".into(),
            contact: "France Services ou 39 39".into(),
        }
    }
}

/// What the engine needs: rules, questions, texts and settings.
pub struct Moteur {
    /// The aids.
    pub regles: RuleSet,
    /// The questions.
    pub questions: Questions,
    /// The words.
    pub textes: Textes,
    /// The words people write and what they mean.
    pub lexique: Lexique,
    /// The settings.
    pub reglages: Reglages,
}

/// Where a conversation stands.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "etape", rename_all = "snake_case")]
pub enum Etape {
    /// Nothing said yet.
    #[default]
    Nouvelle,
    /// Waiting for the answer to a question.
    Question {
        /// Its id in `dialogues/`.
        id: String,
    },
    /// Results given; a number asks for the detail of an aid.
    Resultats {
        /// The first aid of the next page (SUITE).
        suite: usize,
    },
}

/// What RETOUR restores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instantane {
    situation: Situation,
    etape: Etape,
    repondues: Vec<String>,
    ignores: Vec<String>,
    supposes: Vec<String>,
    posees: u32,
}

impl Conversation {
    /// The state RETOUR would bring back.
    fn instantane(&self) -> Instantane {
        Instantane {
            situation: self.situation.clone(),
            etape: self.etape.clone(),
            repondues: self.repondues.clone(),
            ignores: self.ignores.clone(),
            supposes: self.supposes.clone(),
            posees: self.posees,
        }
    }

    /// Keeps a state for RETOUR, forgetting the oldest beyond [`HISTORIQUE_MAX`].
    fn memoriser(&mut self, avant: Instantane) {
        self.historique.push(avant);
        if self.historique.len() > HISTORIQUE_MAX {
            self.historique.remove(0);
        }
    }
}

/// Everything we keep about one person's conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    /// What we know of the household.
    pub situation: Situation,
    /// The language of the replies.
    pub langue: Langue,
    /// Where we stand.
    pub etape: Etape,
    /// Questions already answered (never asked again, unless undone).
    pub repondues: Vec<String>,
    /// What the person answered to each of `repondues`, in the same order,
    /// so that an earlier answer can be corrected and the later ones
    /// replayed ([`Moteur::corriger`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reponses: Vec<String>,
    /// Fields the person said they do not know.
    pub ignores: Vec<String>,
    /// Fields we presumed from another answer (disclosed with the results).
    pub supposes: Vec<String>,
    /// Answers given so far (progress).
    pub posees: u32,
    /// Misses on the current question.
    pub rates: u8,
    /// The person sent STOP: no reply until START or BONJOUR.
    pub arrete: bool,
    /// A callback was requested.
    pub rappel: bool,
    /// Earlier states, for RETOUR.
    pub historique: Vec<Instantane>,
    /// The places an answer to the postal code question named ("Saint-Denis",
    /// "Marseille"): the next answer picks one. Cleared by the next answer
    /// to any question, and not restored by RETOUR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lieu_a_preciser: Option<lieu::APreciser>,
    /// Questions answered "je ne sais pas" and asked once more at the end
    /// because the answer still decides an aid: never a third time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relancees: Vec<String>,
    /// The number of questions the progress announced: it may grow, it
    /// never shrinks, so that "5/10" is never followed by "6/9".
    #[serde(default, skip_serializing_if = "is_zero")]
    pub total_annonce: u32,
}

/// Fields with the values they get.
type Affectations = Vec<(String, Value)>;

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// An inbound message with what the engine must know from outside.
#[derive(Debug, Clone)]
pub struct Entrant<'a> {
    /// What the person typed.
    pub texte: &'a str,
    /// Today (year, month, day), to read dates of birth.
    pub aujourd_hui: (i32, u8, u8),
    /// The month whose rules apply.
    pub mois: Mois,
    /// The person's language as the channel knows it, used at first contact.
    pub langue: Option<Langue>,
}

/// Something the caller must do besides sending the replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effet {
    /// Erase everything stored about this person (the state returned is empty).
    Effacer,
    /// Record a callback request for agents.
    Rappel,
    /// The person opted out: send nothing more until they come back.
    Arret,
    /// The person came back after STOP.
    Reprise,
}

/// An option offered with a question, in the SMS API's `prompt.choices`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionInvite {
    /// What to type.
    pub key: String,
    /// The value it gives the field.
    pub value: Value,
    /// Its label in the conversation's language.
    pub label: String,
}

/// The question waiting for an answer, for channels that show buttons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invite {
    /// The situation path the question fills first.
    pub field: String,
    /// Every path the answer fills, in order (several for a list of ages).
    pub fields: Vec<String>,
    /// How the answer is read (`number`, `money`, `yes_no`, `choice`…).
    pub kind: &'static str,
    /// The options of a choice (empty otherwise).
    pub choices: Vec<OptionInvite>,
    /// The question's id in `dialogues/`.
    pub question: String,
    /// The wording an agent reads aloud.
    pub agent: String,
    /// Progress: this question's number.
    pub numero: u32,
    /// Progress: estimated number of questions in all.
    pub total: u32,
}

/// What one inbound message produced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tour {
    /// The replies, each within the segment budget once transliterated.
    pub messages: Vec<String>,
    /// The question now waiting, if any.
    pub invite: Option<Invite>,
    /// Every aid's result, when results were just given.
    pub aides: Option<Vec<ResultatAide>>,
    /// What the caller must do.
    pub effets: Vec<Effet>,
}

/// One answer given, as the console lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReponseDonnee {
    /// The question's id in `dialogues/`.
    pub question: String,
    /// The question as an agent reads it.
    pub libelle: String,
    /// What was answered, as typed.
    pub reponse: String,
}

/// What [`Moteur::corriger`] gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// The conversation replayed with the new answer.
    pub conversation: Conversation,
    /// The last step of the replay: the question now waiting, or the results.
    pub tour: Tour,
    /// Answers dropped because their question is no longer asked.
    pub retirees: Vec<ReponseDonnee>,
}

/// Why an answer cannot be corrected.
#[derive(Debug, Clone, PartialEq)]
pub enum Refus {
    /// That question was not answered.
    PasRepondue,
    /// The conversation began before answers were kept.
    Ancienne,
    /// The person said STOP.
    Arretee,
    /// The new answer is not understood: the replies say why, with an example.
    Incomprise(Vec<String>),
}

/// The language a first message seems to be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LangueLue {
    Francais,
    Anglais,
    /// Another script, or several words none of which we know.
    Inconnue,
    /// Too short to tell: the conversation's language stays.
    Indecise,
}

/// A keyword recognised in any state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MotCle {
    Aide,
    Retour,
    Recommencer,
    Stop,
    Reprendre,
    /// A greeting in a given language: starts the conversation in it.
    Bonjour(Langue),
    Effacer,
    Rappel,
    Langue(Langue),
    Contact,
    Suite,
    /// "merci", "thanks": a kind word back, nothing changes.
    Merci,
    /// "ça va ?", "t'es un robot ?": a short honest answer, nothing changes.
    Bavardage,
}

fn mot_cle(texte: &str) -> Option<MotCle> {
    // A lone "?" asks for help with the question, it does not skip it.
    let brut = texte.trim();
    if !brut.is_empty()
        && brut
            .chars()
            .all(|c| matches!(c, '?' | '¿' | '？') || c.is_whitespace())
    {
        return Some(MotCle::Aide);
    }
    let n = reponse::normaliser(texte);
    let n = n.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    Some(match n.as_str() {
        "aide" | "help" | "aider" | "au secours" | "menu" => MotCle::Aide,
        "retour" | "back" | "precedent" | "precedente" | "revenir" | "annuler" | "undo" => {
            MotCle::Retour
        }
        "recommencer"
        | "restart"
        | "reset"
        | "recommence"
        | "nouvelle simulation"
        | "reprendre a zero" => MotCle::Recommencer,
        "stop" | "arret" | "arreter" | "stop sms" | "unsubscribe" | "stopp" | "desabonner" => {
            MotCle::Stop
        }
        "start" | "bonjour" | "bjr" | "salut" | "coucou" | "bonsoir" | "reprendre" => {
            MotCle::Reprendre
        }
        "hello" | "hi" | "good morning" | "hey" => MotCle::Bonjour(Langue::En),
        "effacer" | "erase" | "delete" | "supprimer" | "effacer mes donnees" | "oublier" => {
            MotCle::Effacer
        }
        "rappel" | "call" | "rappelez moi" | "appelez moi" | "callback" | "call me"
        | "call back" => MotCle::Rappel,
        "langue en" | "language en" | "english" | "langue anglais" | "language english"
        | "en anglais" => MotCle::Langue(Langue::En),
        "langue fr" | "language fr" | "language french" | "langue francais" | "en francais"
        | "in french" => MotCle::Langue(Langue::Fr),
        "contact" | "qui etes vous" | "who are you" | "info" | "infos" => MotCle::Contact,
        "suite" | "more" | "plus" | "next" => MotCle::Suite,
        "merci"
        | "mrc"
        | "mci"
        | "merci beaucoup"
        | "merci bcp"
        | "merci a vous"
        | "ok merci"
        | "d accord merci"
        | "super merci"
        | "merci bien"
        | "thanks"
        | "thank you"
        | "thx"
        | "ok thanks"
        | "thank you very much"
        | "cool merci"
        | "top merci" => MotCle::Merci,
        "ca va" | "comment ca va" | "ca va et vous" | "vous allez bien" | "t es un robot"
        | "tu es un robot" | "vous etes un robot" | "c est un robot" | "robot" | "how are you"
        | "are you a robot" | "are you a bot" | "are you human" | "vous etes humain" => {
            MotCle::Bavardage
        }
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Reading and writing situation fields by path
// ---------------------------------------------------------------------------

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
fn assigner(json: &mut Value, chemin: &str, valeur: &Value) {
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
fn champs_concrets(q: &Question, situation: &Situation, json: &Value) -> Vec<String> {
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

fn texte_json(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn condition_vraie(q: &Question, situation: &Situation, json: &Value) -> bool {
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
fn nombre_de(v: &Option<Value>) -> Option<Decimal> {
    match v.as_ref()? {
        Value::Number(n) => n.as_f64().and_then(|f| Decimal::try_from(f).ok()),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Whether a condition could still become true (its fields are unknown).
fn condition_possible(q: &Question, situation: &Situation, json: &Value) -> bool {
    q.si.iter().all(|alternatives| {
        alternatives
            .iter()
            .any(|t| valeur_champ(situation, json, &t.champ).is_none())
    }) || condition_vraie(q, situation, json)
}

// ---------------------------------------------------------------------------
// Choosing the next question
// ---------------------------------------------------------------------------

impl Moteur {
    /// An engine over `regles` with the questions and texts built into the
    /// binary, checked against each other.
    pub fn integre(regles: RuleSet, reglages: Reglages) -> Result<Moteur, Vec<String>> {
        let questions = Questions::integrees()
            .map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
        let textes =
            Textes::integres().map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
        let erreurs = questions.verifier_textes(&textes);
        if !erreurs.is_empty() {
            return Err(erreurs.iter().map(|e| e.to_string()).collect());
        }
        let lexique =
            Lexique::integre().map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
        Ok(Moteur {
            regles,
            questions,
            textes,
            lexique,
            reglages,
        })
    }
}

struct Candidat<'q> {
    question: &'q Question,
    champs: Vec<String>,
}

impl Moteur {
    /// Evaluates every aid on a conversation's situation.
    pub fn evaluer(&self, conversation: &Conversation, mois: Mois) -> Evaluation {
        self.regles.evaluer(&conversation.situation, mois)
    }

    /// For each undetermined aid, the fields worth asking: its missing
    /// fields the person did not say they ignore, plus the fields that open
    /// a question about them (the partner's activity opens the question on
    /// the partner's salary, which the aid needs).
    fn utiles(
        &self,
        conversation: &Conversation,
        json: &Value,
        eval: &Evaluation,
        mois: Mois,
    ) -> Vec<Vec<String>> {
        let s = &conversation.situation;
        let mut utiles: Vec<Vec<String>> = eval
            .aides
            .iter()
            .filter(|a| a.statut == Statut::Indetermine)
            .map(|a| {
                a.champs_manquants
                    .iter()
                    .filter(|c| !conversation.ignores.iter().any(|i| i == *c))
                    .map(|c| c.to_string())
                    .collect()
            })
            .collect();
        let fermees: Vec<(&Question, Vec<String>)> = self
            .questions
            .liste
            .iter()
            .filter(|q| !conversation.repondues.contains(&q.id))
            .filter(|q| !condition_vraie(q, s, json) && condition_possible(q, s, json))
            .map(|q| (q, champs_concrets(q, s, json)))
            .collect();
        // Two rounds cover a chain of two conditions.
        for _ in 0..2 {
            for manquants in utiles.iter_mut() {
                let mut ajouts = Vec::new();
                for (q, champs) in &fermees {
                    if champs.iter().any(|c| manquants.contains(c)) {
                        for t in q.si.iter().flatten() {
                            if valeur_champ(s, json, &t.champ).is_none()
                                && !conversation.ignores.contains(&t.champ)
                                && !manquants.contains(&t.champ)
                                && !ajouts.contains(&t.champ)
                            {
                                ajouts.push(t.champ.clone());
                            }
                        }
                    }
                }
                manquants.extend(ajouts);
            }
        }
        // A presumed field that would change an aid the person gets counts
        // as one more aid to settle.
        utiles.extend(
            self.presumes_decisifs(conversation, json, eval, mois)
                .into_iter()
                .map(|champ| vec![champ]),
        );
        utiles
    }

    /// The presumed fields (no child support, not pregnant, no student
    /// grant…) whose other value, tried now, would change the status or
    /// the amount of an aid the person gets: those are worth a question.
    fn presumes_decisifs(
        &self,
        conversation: &Conversation,
        json: &Value,
        eval: &Evaluation,
        mois: Mois,
    ) -> Vec<String> {
        let s = &conversation.situation;
        let mut decisifs = Vec::new();
        for q in &self.questions.liste {
            let Some(autre) = &q.contre_valeur else {
                continue;
            };
            let champ = &q.champs[0];
            if conversation.repondues.contains(&q.id)
                || conversation.ignores.contains(champ)
                || decisifs.contains(champ)
                || valeur_champ(s, json, champ).is_some()
                || !condition_vraie(q, s, json)
            {
                continue;
            }
            if self.change_une_aide(
                json,
                champ,
                autre,
                &eval.aides,
                Some(Statut::Eligible),
                mois,
            ) {
                decisifs.push(champ.clone());
            }
        }
        decisifs
    }

    /// Whether giving `champ` the value `autre` changes the status or the
    /// amount of one of `aides` (of those with status `seulement`, if given).
    fn change_une_aide(
        &self,
        json: &Value,
        champ: &str,
        autre: &Value,
        aides: &[ResultatAide],
        seulement: Option<Statut>,
        mois: Mois,
    ) -> bool {
        let mut essai = json.clone();
        assigner(&mut essai, champ, autre);
        let Ok(situation) = serde_json::from_value::<Situation>(essai) else {
            return false;
        };
        let apres = self.regles.statuts(&situation, mois);
        aides
            .iter()
            .filter(|a| seulement.is_none_or(|s| a.statut == s))
            .any(|a| {
                apres
                    .iter()
                    .find(|b| b.id == a.id)
                    .is_none_or(|b| b.statut != a.statut || b.montant != a.montant)
            })
    }

    /// The question to ask next, if any can still change an outcome.
    fn prochaine<'q>(
        &'q self,
        conversation: &Conversation,
        json: &Value,
        eval: &Evaluation,
        mois: Mois,
    ) -> Option<Candidat<'q>> {
        let utiles = self.utiles(conversation, json, eval, mois);
        let s = &conversation.situation;
        let mut meilleur: Option<((usize, usize, i64, i64), Candidat<'q>)> = None;
        for (i, q) in self.questions.liste.iter().enumerate() {
            if conversation.repondues.contains(&q.id) || !condition_vraie(q, s, json) {
                continue;
            }
            let champs: Vec<String> = champs_concrets(q, s, json)
                .into_iter()
                .filter(|c| !conversation.ignores.contains(c))
                .collect();
            if champs.is_empty() {
                continue;
            }
            let aides = utiles
                .iter()
                .filter(|m| m.iter().any(|c| champs.contains(c)))
                .count();
            if aides == 0 {
                continue;
            }
            let couverts = champs
                .iter()
                .filter(|c| utiles.iter().any(|m| m.contains(c)))
                .count();
            let cle = (aides, couverts, -(champs.len() as i64), -(i as i64));
            if meilleur.as_ref().is_none_or(|(k, _)| cle > *k) {
                meilleur = Some((
                    cle,
                    Candidat {
                        question: q,
                        champs,
                    },
                ));
            }
        }
        meilleur.map(|(_, c)| c)
    }

    /// Fields the person said they do not know that still decide an aid
    /// (one of its missing fields), with the answered question that asks
    /// them and has not been asked again yet: in the order they were asked.
    fn a_relancer<'q>(&'q self, c: &Conversation, eval: &Evaluation) -> Vec<&'q Question> {
        let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
        let decisifs: Vec<&str> = eval
            .aides
            .iter()
            .filter(|a| a.statut == Statut::Indetermine)
            .flat_map(|a| a.champs_manquants.iter())
            .filter(|champ| c.ignores.iter().any(|i| i == champ))
            .collect();
        c.repondues
            .iter()
            .filter(|id| !c.relancees.contains(id))
            .filter_map(|id| self.questions.question(id))
            .filter(|q| {
                champs_concrets(q, &c.situation, &json)
                    .iter()
                    .any(|champ| decisifs.contains(&champ.as_str()))
            })
            .collect()
    }

    /// When no new question can change an outcome: the first "je ne sais
    /// pas" that still decides an aid, reopened to be asked once more.
    fn relancer<'q>(
        &'q self,
        c: &mut Conversation,
        json: &Value,
        eval: &Evaluation,
    ) -> Option<Candidat<'q>> {
        let q = *self.a_relancer(c, eval).first()?;
        let champs = champs_concrets(q, &c.situation, json);
        if let Some(i) = c.repondues.iter().position(|id| *id == q.id) {
            c.repondues.remove(i);
            if i < c.reponses.len() {
                c.reponses.remove(i);
            }
        }
        c.ignores.retain(|champ| !champs.contains(champ));
        c.relancees.push(q.id.clone());
        Some(Candidat {
            question: q,
            champs,
        })
    }

    /// Estimated questions still to ask: questions that can still change an
    /// outcome, counting once the questions that fill the same fields
    /// (single and couple ages, household and personal disability) or that
    /// are alternatives (the income question depends on the activity).
    fn restantes(
        &self,
        conversation: &Conversation,
        json: &Value,
        eval: &Evaluation,
        mois: Mois,
    ) -> u32 {
        let utiles = self.utiles(conversation, json, eval, mois);
        let s = &conversation.situation;
        let mut groupes: Vec<&str> = Vec::new();
        let mut champs_comptes: Vec<&str> = Vec::new();
        for q in &self.questions.liste {
            if conversation.repondues.contains(&q.id) || !condition_possible(q, s, json) {
                continue;
            }
            let champs = champs_concrets(q, s, json);
            let utile = champs
                .iter()
                .any(|c| !conversation.ignores.contains(c) && utiles.iter().any(|m| m.contains(c)));
            // A rare question (a residence permit, a commune among several)
            // counts only once it applies.
            if q.rare && !condition_vraie(q, s, json) {
                continue;
            }
            if !utile || groupes.contains(&q.groupe.as_str()) {
                continue;
            }
            if q.champs
                .iter()
                .any(|c| champs_comptes.contains(&c.as_str()))
            {
                continue;
            }
            groupes.push(&q.groupe);
            champs_comptes.extend(q.champs.iter().map(|c| c.as_str()));
        }
        groupes.len().max(1) as u32
    }
}

// ---------------------------------------------------------------------------
// The step
// ---------------------------------------------------------------------------

/// What an answer means, once read.
enum Lecture {
    /// Fields to set, presumptions, and what to read back to the person
    /// when the answer was converted or inferred rather than typed plainly.
    Comprise(Vec<(String, Value)>, Vec<(String, Value)>, Option<String>),
    NeSaitPas,
    Incomprise(&'static str),
    /// A place read at the postal code question, to record and maybe read back.
    Lieu(lieu::Lieu),
    /// Several places: the next answer chooses.
    LieuAPreciser(lieu::APreciser),
    /// Not a place, and why.
    LieuRefuse(lieu::Refus),
}

impl Moteur {
    fn t(&self, langue: Langue, id: &str, args: &[(&str, Arg)]) -> String {
        self.textes.msg(langue, id, args)
    }

    /// Handles one inbound message.
    pub fn pas(&self, etat: Option<Conversation>, entrant: &Entrant) -> (Conversation, Tour) {
        let nouvelle = etat.is_none();
        let mut c = etat.unwrap_or_default();
        if nouvelle {
            if let Some(l) = entrant.langue {
                c.langue = l;
            }
        }
        let mut tour = Tour::default();
        let mut blocs: Vec<String> = Vec::new();
        let mut cle = mot_cle(entrant.texte);
        // "English" to the nationality question is a nationality, not LANGUE EN.
        if let (Some(MotCle::Langue(_)), Etape::Question { id }) = (cle, &c.etape) {
            let nationalite = self
                .questions
                .question(id)
                .is_some_and(|q| q.champs[0].ends_with("nationalite"));
            let mot = forme(entrant.texte);
            if nationalite && !mot.contains(' ') {
                cle = None;
            }
        }
        // A greeting in English resumes like BONJOUR and sets the language
        // of a conversation that has not begun.
        let cle = match cle {
            Some(MotCle::Bonjour(l)) => {
                if nouvelle || c.etape == Etape::Nouvelle {
                    c.langue = l;
                }
                Some(MotCle::Reprendre)
            }
            autre => autre,
        };

        if c.arrete {
            if cle == Some(MotCle::Effacer) {
                // Erased without a word: the person asked for silence. Only
                // the opt-out itself is kept, so that nothing is sent later.
                tour.effets.push(Effet::Effacer);
                return (
                    Conversation {
                        langue: c.langue,
                        arrete: true,
                        ..Default::default()
                    },
                    tour,
                );
            }
            if cle == Some(MotCle::Reprendre) {
                c.arrete = false;
                tour.effets.push(Effet::Reprise);
                blocs.push(self.t(c.langue, "reprise", &[]));
                self.continuer(&mut c, entrant, &mut blocs, &mut tour, false);
                tour.messages = self.emballer(blocs);
            }
            // Otherwise silence: the person said STOP.
            return (c, tour);
        }

        if nouvelle || c.etape == Etape::Nouvelle {
            if let Some(MotCle::Langue(l)) = cle {
                c.langue = l;
            }
            match cle {
                Some(MotCle::Stop) => return self.arreter(c, tour),
                Some(MotCle::Effacer) => return self.effacer(c, tour),
                _ => {}
            }
            if cle.is_none() {
                match self.langue_du_message(entrant.texte) {
                    LangueLue::Inconnue => {
                        // We cannot read it: say, in both languages, how to
                        // go on. The conversation has not begun.
                        tour.messages =
                            self.emballer(vec![self.t(c.langue, "langue-inconnue", &[])]);
                        return (c, tour);
                    }
                    LangueLue::Anglais => c.langue = Langue::En,
                    LangueLue::Francais | LangueLue::Indecise => {}
                }
            }
            blocs.push(self.t(
                c.langue,
                "bienvenue",
                &[("n", Arg::Nombre(QUESTIONS_ANNONCEES.into()))],
            ));
            if cle == Some(MotCle::Rappel) {
                c.rappel = true;
                tour.effets.push(Effet::Rappel);
                blocs.push(self.t(c.langue, "rappel", &[]));
            }
            if cle.is_none() {
                // What the first message says is kept, read back, and not
                // asked again ("maman solo de 3 enfants").
                let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
                let faits = self.faits_du_message(&c, &json, entrant.texte, &[]);
                if !faits.is_empty() {
                    let avant = c.instantane();
                    let (plus, supposes) = self.consequences(&faits);
                    let mut affectations = faits.clone();
                    affectations.extend(plus);
                    if self
                        .appliquer(&mut c, json, &affectations, &supposes)
                        .is_ok()
                    {
                        c.memoriser(avant);
                        blocs.push(self.relu(c.langue, &self.afficher_faits(c.langue, &faits)));
                    }
                }
            }
            self.continuer(&mut c, entrant, &mut blocs, &mut tour, true);
            tour.messages = self.emballer(blocs);
            return (c, tour);
        }

        match cle {
            Some(MotCle::Stop) => return self.arreter(c, tour),
            Some(MotCle::Effacer) => return self.effacer(c, tour),
            Some(MotCle::Reprendre) => {
                blocs.push(self.t(c.langue, "reprise", &[]));
                self.redire(&mut c, entrant, &mut blocs, &mut tour);
            }
            Some(MotCle::Aide) => {
                if let Etape::Question { id } = &c.etape {
                    if let Some(q) = self.questions.question(id) {
                        let args = self.args_question(q, &c);
                        blocs.push(self.textes.texte(c.langue, &q.message, Some("aide"), &args));
                    }
                }
                blocs.push(self.t(c.langue, "aide-mots", &[]));
                self.redire(&mut c, entrant, &mut blocs, &mut tour);
            }
            Some(MotCle::Retour) => match c.historique.pop() {
                Some(i) => {
                    c.situation = i.situation;
                    c.etape = i.etape;
                    c.repondues = i.repondues;
                    c.reponses.truncate(c.repondues.len());
                    c.ignores = i.ignores;
                    c.supposes = i.supposes;
                    c.posees = i.posees;
                    c.rates = 0;
                    blocs.push(self.t(c.langue, "retour", &[]));
                    self.redire(&mut c, entrant, &mut blocs, &mut tour);
                }
                None => {
                    blocs.push(self.t(c.langue, "retour-impossible", &[]));
                    self.redire(&mut c, entrant, &mut blocs, &mut tour);
                }
            },
            Some(MotCle::Recommencer) => {
                let langue = c.langue;
                let rappel = c.rappel;
                c = Conversation {
                    langue,
                    rappel,
                    ..Default::default()
                };
                blocs.push(self.t(langue, "recommencer", &[]));
                self.continuer(&mut c, entrant, &mut blocs, &mut tour, true);
            }
            Some(MotCle::Rappel) => {
                c.rappel = true;
                tour.effets.push(Effet::Rappel);
                blocs.push(self.t(c.langue, "rappel", &[]));
                self.redire(&mut c, entrant, &mut blocs, &mut tour);
            }
            Some(MotCle::Langue(l)) => {
                c.langue = l;
                blocs.push(self.t(l, "langue", &[]));
                self.redire(&mut c, entrant, &mut blocs, &mut tour);
            }
            Some(MotCle::Contact) => {
                blocs.push(self.t(
                    c.langue,
                    "contact",
                    &[
                        ("operateur", Arg::Texte(self.reglages.operateur.clone())),
                        ("contact", Arg::Texte(self.reglages.contact.clone())),
                        ("jours", Arg::Nombre(self.reglages.expiration_jours.into())),
                    ],
                ));
                self.redire(&mut c, entrant, &mut blocs, &mut tour);
            }
            Some(MotCle::Merci) => {
                blocs.push(self.t(c.langue, "merci", &[]));
                if matches!(c.etape, Etape::Resultats { .. }) {
                    blocs.push(self.t(c.langue, "resultats-fin", &[]));
                } else {
                    self.redire(&mut c, entrant, &mut blocs, &mut tour);
                }
            }
            Some(MotCle::Bavardage) => {
                blocs.push(self.t(c.langue, "bavardage", &[]));
                if matches!(c.etape, Etape::Resultats { .. }) {
                    blocs.push(self.t(c.langue, "resultats-fin", &[]));
                } else {
                    self.redire(&mut c, entrant, &mut blocs, &mut tour);
                }
            }
            Some(MotCle::Suite) if matches!(c.etape, Etape::Resultats { .. }) => {
                let eval = self.evaluer(&c, entrant.mois);
                let Etape::Resultats { suite } = c.etape else {
                    unreachable!()
                };
                self.resultats(&mut c, &eval, entrant.mois, suite, &mut blocs, &mut tour);
            }
            _ => match c.etape.clone() {
                Etape::Question { id } => {
                    self.repondre(&mut c, &id, entrant, &mut blocs, &mut tour);
                }
                Etape::Resultats { .. } => {
                    self.detail(&mut c, entrant, &mut blocs, &mut tour);
                }
                Etape::Nouvelle => unreachable!("handled above"),
            },
        }
        tour.messages = self.emballer(blocs);
        (c, tour)
    }

    /// Where a conversation stands, without changing it: the question
    /// waiting (with its prompt) or every aid's result. For a screen that
    /// shows the state rather than answers a message (the agent console).
    pub fn ecran(&self, c: &Conversation, e: &Entrant) -> Tour {
        let mut copie = c.clone();
        let mut blocs = Vec::new();
        let mut tour = Tour::default();
        match c.etape {
            Etape::Resultats { .. } => {
                let eval = self.evaluer(c, e.mois);
                self.resultats(&mut copie, &eval, e.mois, 0, &mut blocs, &mut tour);
            }
            _ => self.continuer(&mut copie, e, &mut blocs, &mut tour, true),
        }
        tour.messages = self.emballer(blocs);
        tour
    }

    /// The answers given so far, in the order they were given, with the
    /// question as an agent reads it (for the console's "edit" list).
    pub fn reponses_donnees(&self, c: &Conversation) -> Vec<ReponseDonnee> {
        c.repondues
            .iter()
            .zip(c.reponses.iter())
            .filter_map(|(id, texte)| {
                let q = self.questions.question(id)?;
                let args = self.args_question(q, c);
                Some(ReponseDonnee {
                    question: id.clone(),
                    libelle: self
                        .textes
                        .texte(c.langue, &q.message, Some("agent"), &args),
                    reponse: texte.clone(),
                })
            })
            .collect()
    }

    /// The question `id` as a prompt (kind, options, agent wording), to
    /// answer it again; `None` when there is no such question.
    pub fn invite_question(&self, c: &Conversation, id: &str) -> Option<Invite> {
        let q = self.questions.question(id)?;
        let args = self.args_question(q, c);
        Some(Invite {
            field: q.champs[0].clone(),
            fields: q.champs.clone(),
            kind: q.genre.nom(),
            choices: self.options_invite(q, c),
            question: q.id.clone(),
            agent: self
                .textes
                .texte(c.langue, &q.message, Some("agent"), &args),
            numero: 0,
            total: 0,
        })
    }

    /// Corrects the answer to an earlier question: the conversation is
    /// replayed from the start with `texte` as the answer to `question` and
    /// every other answer as it was given. An answer whose question is no
    /// longer asked (its condition changed, or it can no longer change any
    /// outcome) is dropped; a question that becomes useful is asked next.
    ///
    /// Replaying rather than patching the one field is what keeps the state
    /// consistent: a choice may have settled or presumed other fields, and
    /// later questions were chosen knowing the old answer.
    pub fn corriger(
        &self,
        etat: Conversation,
        question: &str,
        texte: &str,
        entrant: &Entrant,
    ) -> Result<Correction, Refus> {
        if etat.arrete {
            return Err(Refus::Arretee);
        }
        let Some(position) = etat.repondues.iter().position(|q| q == question) else {
            return Err(Refus::PasRepondue);
        };
        if etat.reponses.len() != etat.repondues.len() {
            // Begun before answers were kept: nothing to replay from.
            return Err(Refus::Ancienne);
        }
        let donnees = self.reponses_donnees(&etat);
        let mut a_rejouer: Vec<(String, String)> = etat
            .repondues
            .iter()
            .cloned()
            .zip(etat.reponses.iter().cloned())
            .collect();
        a_rejouer[position].1 = texte.to_string();
        let mut c = Conversation {
            langue: etat.langue,
            rappel: etat.rappel,
            ..Default::default()
        };
        let mut blocs = Vec::new();
        let mut tour = Tour::default();
        self.continuer(&mut c, entrant, &mut blocs, &mut tour, true);
        // Each replayed answer answers at most one question, so this ends.
        for _ in 0..a_rejouer.len() {
            let Etape::Question { id } = c.etape.clone() else {
                break;
            };
            let Some(i) = a_rejouer.iter().position(|(q, _)| *q == id) else {
                break;
            };
            let (_, reponse) = a_rejouer.remove(i);
            let avant = c.posees;
            blocs.clear();
            tour = Tour::default();
            let e = Entrant {
                texte: &reponse,
                ..entrant.clone()
            };
            self.repondre(&mut c, &id, &e, &mut blocs, &mut tour);
            if c.posees == avant {
                if id == question {
                    return Err(Refus::Incomprise(self.emballer(blocs)));
                }
                // An answer understood before is not any more (the question
                // file changed): the question stays open, asked again.
                break;
            }
        }
        tour.messages = self.emballer(blocs);
        let retirees = a_rejouer
            .into_iter()
            .filter_map(|(q, _)| donnees.iter().find(|d| d.question == q).cloned())
            .collect();
        Ok(Correction {
            conversation: c,
            tour,
            retirees,
        })
    }

    /// A written summary of the results, for the person to keep: every
    /// aid granted with its amount and where to apply, packed into as few
    /// SMS as the segment budget allows. Empty when nothing is granted.
    pub fn recapitulatif(&self, c: &Conversation, mois: Mois) -> Vec<String> {
        let l = c.langue;
        let eval = self.evaluer(c, mois);
        let eligibles = eligibles(&eval.aides);
        if eligibles.is_empty() {
            return Vec::new();
        }
        let mut blocs = vec![self.t(l, "recapitulatif-titre", &[])];
        for (i, a) in eligibles.iter().enumerate() {
            let mut bloc = self.ligne_aide(l, i + 1, a, &eligibles);
            if let Some(d) = &a.demarche {
                let ecrite = self.textes.aide(l, &self.regles, a);
                if let Some(ou) = d.url.clone().or_else(|| ecrite.demarche_texte()) {
                    bloc.push('\n');
                    bloc.push_str(&self.t(l, "detail-demarche", &[("ou", Arg::Texte(ou))]));
                }
                if let Some(t) = &d.telephone {
                    bloc.push(' ');
                    bloc.push_str(&self.t(
                        l,
                        "detail-telephone",
                        &[("telephone", Arg::Texte(t.clone()))],
                    ));
                }
            }
            blocs.push(bloc);
        }
        blocs.push(self.t(
            l,
            "recapitulatif-fin",
            &[("contact", Arg::Texte(self.reglages.contact.clone()))],
        ));
        self.emballer(blocs)
    }

    fn arreter(&self, mut c: Conversation, mut tour: Tour) -> (Conversation, Tour) {
        c.arrete = true;
        tour.effets.push(Effet::Arret);
        tour.messages = self.emballer(vec![self.t(
            c.langue,
            "stop",
            &[("jours", Arg::Nombre(self.reglages.expiration_jours.into()))],
        )]);
        (c, tour)
    }

    fn effacer(&self, c: Conversation, mut tour: Tour) -> (Conversation, Tour) {
        tour.effets.push(Effet::Effacer);
        tour.messages = self.emballer(vec![self.t(c.langue, "effacer", &[])]);
        // Only the language survives, and only in memory for this reply.
        (
            Conversation {
                langue: c.langue,
                ..Default::default()
            },
            tour,
        )
    }

    /// Says again where we are: the current question, or the results menu.
    fn redire(&self, c: &mut Conversation, e: &Entrant, blocs: &mut Vec<String>, tour: &mut Tour) {
        match &c.etape {
            Etape::Resultats { .. } => {
                blocs.push(self.t(c.langue, "resultats-fin", &[]));
            }
            _ => self.continuer(c, e, blocs, tour, true),
        }
    }

    fn repondre(
        &self,
        c: &mut Conversation,
        id: &str,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        let Some(q) = self.questions.question(id) else {
            // The question file changed since this conversation began.
            self.continuer(c, e, blocs, tour, true);
            return;
        };
        let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
        let champs = champs_concrets(q, &c.situation, &json);
        let avant = c.instantane();
        // A choice among places is pending only for the answer that follows.
        let a_preciser = c.lieu_a_preciser.take();
        let lecture = match (&q.genre, &a_preciser) {
            (Genre::CodePostal, Some(p)) => lecture_lieu(lieu::preciser(e.texte, p)),
            _ => self.lire(q, &champs, &c.situation, e, c.langue),
        };
        // What is kept as the answer (for corrections, replayed alone): a
        // place picked from a list is kept as shown ("Marseille 13e (13013)"),
        // since "13" alone would mean something else.
        let mut retenue = e.texte.to_string();
        let lecture = match lecture {
            Lecture::Lieu(l) => {
                if a_preciser.is_some() {
                    retenue = l.affichage.clone();
                }
                let mut a = Vec::new();
                if let Some(cp) = l.code_postal {
                    a.push(("logement.code_postal".to_string(), Value::String(cp)));
                }
                if let Some(insee) = l.commune {
                    a.push(("logement.commune".to_string(), Value::String(insee.into())));
                }
                Lecture::Comprise(a, vec![], l.a_relire.then_some(l.affichage))
            }
            Lecture::LieuAPreciser(p) => {
                self.garder_faits_du_lieu(c, json, q, &champs, e.texte, avant, blocs);
                self.proposer_lieux(c, q, p, e, blocs, tour);
                return;
            }
            Lecture::LieuRefuse(refus) => {
                self.garder_faits_du_lieu(c, json, q, &champs, e.texte, avant, blocs);
                c.lieu_a_preciser = a_preciser;
                self.refuser_lieu(c, q, refus, e, blocs, tour);
                return;
            }
            autre => autre,
        };
        // What the message states besides the answer ("non, je suis seule
        // avec 2 enfants" at the couple question).
        let mut pris: Vec<String> = champs.clone();
        pris.extend(q.champs.iter().cloned());
        if let Lecture::Comprise(a, _, _) = &lecture {
            pris.extend(a.iter().map(|(chemin, _)| chemin.clone()));
        }
        let faits = self.faits_du_message(c, &json, e.texte, &pris);
        match lecture {
            Lecture::Comprise(mut affectations, mut suppositions, mut relu) => {
                // "au chômage, je touche 900": the amount of the activity just named.
                if let Some((champ, montant)) =
                    self.montant_de_l_activite(q, &affectations, e, &json)
                {
                    let v = nombre_json(montant);
                    if let Some(x) = self.afficher(c.langue, &champ, &v) {
                        relu = Some(match relu {
                            Some(r) => format!("{r}, {x}"),
                            None => x,
                        });
                    }
                    affectations.push((champ, v));
                }
                let (plus, supposes) = self.consequences(&faits);
                affectations.extend(faits.iter().cloned());
                affectations.extend(plus);
                suppositions.extend(supposes);
                if self
                    .appliquer(c, json, &affectations, &suppositions)
                    .is_err()
                {
                    return self.rate(c, q, "incompris-bornes", e, blocs, tour);
                }
                c.repondues.push(q.id.clone());
                c.reponses.push(retenue);
                c.posees += 1;
                c.rates = 0;
                c.memoriser(avant);
                let mut relus: Vec<String> = relu.into_iter().collect();
                relus.extend(self.afficher_faits(c.langue, &faits));
                if !relus.is_empty() {
                    blocs.push(self.relu(c.langue, &relus));
                }
                self.continuer(c, e, blocs, tour, false);
            }
            Lecture::NeSaitPas => {
                let (plus, supposes) = self.consequences(&faits);
                let mut affectations = faits.clone();
                affectations.extend(plus);
                if !affectations.is_empty()
                    && self.appliquer(c, json, &affectations, &supposes).is_err()
                {
                    return self.rate(c, q, "incompris", e, blocs, tour);
                }
                c.ignores.extend(champs.iter().cloned());
                c.repondues.push(q.id.clone());
                c.reponses.push(e.texte.to_string());
                c.posees += 1;
                c.rates = 0;
                c.memoriser(avant);
                let relus = self.afficher_faits(c.langue, &faits);
                if !relus.is_empty() {
                    blocs.push(self.relu(c.langue, &relus));
                }
                blocs.push(self.t(c.langue, "ne-sait-pas", &[]));
                self.continuer(c, e, blocs, tour, false);
            }
            Lecture::Incomprise(message) if !faits.is_empty() => {
                // Not an answer to this question, but facts worth keeping:
                // keep them, say so, and ask the question again (not a miss).
                let (plus, supposes) = self.consequences(&faits);
                let mut affectations = faits.clone();
                affectations.extend(plus);
                if self.appliquer(c, json, &affectations, &supposes).is_err() {
                    return self.rate(c, q, message, e, blocs, tour);
                }
                c.memoriser(avant);
                blocs.push(self.relu(c.langue, &self.afficher_faits(c.langue, &faits)));
                self.continuer(c, e, blocs, tour, true);
            }
            Lecture::Incomprise(message) => self.rate(c, q, message, e, blocs, tour),
            // Cannot happen: the match above turned a place into `Comprise`
            // and returned for the other two.
            Lecture::Lieu(_) | Lecture::LieuAPreciser(_) | Lecture::LieuRefuse(_) => {
                unreachable!("a place is read just above")
            }
        }
    }

    /// The language of a first message: English when it holds more of the
    /// lexicon's English words than French ones ("sorry I don't speak
    /// french", "i rent a flat"); unknown when most of its letters are of
    /// another script (Arabic, Cyrillic…) or when it has several words and
    /// none is French or English.
    fn langue_du_message(&self, texte: &str) -> LangueLue {
        let lettres = texte.chars().filter(|c| c.is_alphabetic()).count();
        let latines = texte
            .chars()
            .filter(|c| {
                c.is_alphabetic() && (*c as u32) < 0x0250 || ('\u{1E00}'..='\u{1EFF}').contains(c)
            })
            .count();
        if lettres > 0 && latines * 2 < lettres {
            return LangueLue::Inconnue;
        }
        let f = forme(texte);
        let compte = |liste: &[String]| {
            liste
                .iter()
                .filter(|m| position_mots(&f, m).is_some())
                .count()
        };
        let (en, fr) = (
            compte(&self.lexique.anglais),
            compte(&self.lexique.francais),
        );
        let mots = f
            .split(' ')
            .filter(|m| m.chars().any(char::is_alphabetic))
            .count();
        if en > fr {
            LangueLue::Anglais
        } else if fr > 0 {
            LangueLue::Francais
        } else if mots >= 2
            && self
                .faits_du_message(&Conversation::default(), &Value::Null, texte, &[])
                .is_empty()
        {
            LangueLue::Inconnue
        } else {
            LangueLue::Indecise
        }
    }

    /// The income an answer to the activity question gives with it ("salariée
    /// en CDI, 1200 par mois"): the field of that activity's income and the
    /// amount, when the answer holds exactly one amount of at least 50 €.
    fn montant_de_l_activite(
        &self,
        q: &Question,
        affectations: &[(String, Value)],
        e: &Entrant,
        json: &Value,
    ) -> Option<(String, Decimal)> {
        let premier = q.champs.first()?;
        let personne = premier.strip_suffix(".activite")?;
        let activite = affectations
            .iter()
            .find(|(c, _)| c == premier)?
            .1
            .as_str()?;
        let champ = match activite {
            "salarie" | "independant" | "etudiant" => "salaire_net",
            "chomeur" => "chomage_net",
            "retraite" => "retraite_nette",
            _ => return None,
        };
        let champ = format!("{personne}.{champ}");
        if valeur_champ(&Situation::default(), json, &champ).is_some() {
            return None;
        }
        let m = reponse::montant(e.texte).valeur()?;
        (m >= Decimal::from(50)).then_some((champ, m))
    }

    /// Sets fields and presumptions in the situation, in one go: nothing
    /// changes when the result is not a valid situation.
    fn appliquer(
        &self,
        c: &mut Conversation,
        mut j: Value,
        affectations: &[(String, Value)],
        suppositions: &[(String, Value)],
    ) -> Result<(), ()> {
        for (chemin, v) in affectations {
            assigner(&mut j, chemin, v);
        }
        let mut supposes = Vec::new();
        for (chemin, v) in suppositions {
            // A presumption never overrides what the person said.
            if valeur_champ(&c.situation, &j, chemin).is_none() {
                assigner(&mut j, chemin, v);
                supposes.push(chemin.clone());
            }
        }
        let s = Situation::from_value(j).map_err(|_| ())?;
        c.situation = s;
        c.supposes.extend(supposes);
        Ok(())
    }

    /// The facts a message states clearly that the situation does not hold
    /// yet, leaving out the fields in `pris` (the question's own).
    fn faits_du_message(
        &self,
        c: &Conversation,
        json: &Value,
        texte: &str,
        pris: &[String],
    ) -> Vec<(String, Value)> {
        // Words without a subject are the person's own, except in an
        // answer about someone else: "au chômage" to the partner's activity
        // is not the person's activity too, even when theirs is unknown.
        // ("au chômage, mon mari travaille" still names the partner.)
        let meme_champ = |chemin: &str| {
            pris.iter().any(|p| {
                p == chemin
                    || (chemin.starts_with("demandeur.")
                        && !p.starts_with("demandeur.")
                        && champ_sans_personne(p) == champ_sans_personne(chemin))
            })
        };
        extraction::extraire(texte, &self.lexique)
            .into_iter()
            .filter(|(chemin, _)| !meme_champ(chemin))
            .filter(|(chemin, _)| valeur_champ(&c.situation, json, chemin).is_none())
            // The partner's facts need a partner.
            .filter(|(chemin, _)| {
                !chemin.starts_with("conjoint.") || c.situation.couple() == Some(true)
            })
            .collect()
    }

    /// What facts settle or let us presume besides themselves, as if the
    /// question they answer had been answered with them: "au chômage" is the
    /// activity choice "Au chômage", which presumes no salary.
    fn consequences(&self, faits: &[(String, Value)]) -> (Affectations, Affectations) {
        let mut remplit = Vec::new();
        let mut suppose = Vec::new();
        for (chemin, valeur) in faits {
            for q in &self.questions.liste {
                if q.champs.first() != Some(chemin) {
                    continue;
                }
                match q.genre {
                    Genre::Choix => {
                        if let Some(choix) = choix_pour(q, faits) {
                            remplit.extend(choix.remplit.iter().cloned());
                            suppose.extend(choix.suppose.iter().cloned());
                        }
                    }
                    Genre::OuiNon if q.champs.len() == 1 => {
                        let b = valeur.as_bool().unwrap_or(false);
                        remplit.extend(if b { q.oui.clone() } else { q.non.clone() });
                    }
                    _ => {}
                }
            }
        }
        remplit.retain(|(c, _)| !faits.iter().any(|(f, _)| f == c));
        (remplit, suppose)
    }

    /// "J'ai compris : …. Sinon, RETOUR." with what was understood.
    fn relu(&self, langue: Langue, quoi: &[String]) -> String {
        self.t(langue, "relu", &[("quoi", Arg::Texte(quoi.join(", ")))])
    }

    /// How facts read back: "au chômage", "2 enfants", "seul(e)".
    fn afficher_faits(&self, langue: Langue, faits: &[(String, Value)]) -> Vec<String> {
        faits
            .iter()
            .filter_map(|(chemin, v)| self.afficher(langue, chemin, v))
            .collect()
    }

    /// How one field's value reads back, if it says something on its own.
    fn afficher(&self, langue: Langue, chemin: &str, v: &Value) -> Option<String> {
        let nombre = |v: &Value| v.as_i64().unwrap_or(0);
        let champ = chemin.rsplit('.').next().unwrap_or(chemin);
        Some(match champ {
            "couple" => self.t(
                langue,
                "relu-couple",
                &[("oui", Arg::Nombre(v.as_bool().unwrap_or(false) as i64))],
            ),
            "nombre_enfants" => self.t(langue, "relu-enfants", &[("n", Arg::Nombre(nombre(v)))]),
            "age" => self.t(langue, "relu-age", &[("n", Arg::Nombre(nombre(v)))]),
            "colocation" if v.as_bool() == Some(true) => self.t(langue, "relu-colocation", &[]),
            "colocation" => return None,
            "handicap" => self.t(
                langue,
                "relu-handicap",
                &[("oui", Arg::Nombre(v.as_bool().unwrap_or(false) as i64))],
            ),
            "taux_incapacite" => return None,
            "salaire_net" | "chomage_net" | "retraite_nette" | "loyer" => {
                let d = v
                    .as_f64()
                    .and_then(|f| Decimal::try_from(f).ok())
                    .unwrap_or_default();
                self.t(
                    langue,
                    "relu-par-mois",
                    &[("montant", Arg::Texte(format_euros(d, langue)))],
                )
            }
            _ => {
                let q = self
                    .questions
                    .liste
                    .iter()
                    .find(|q| q.champs.first().map(String::as_str) == Some(chemin))?;
                let choix = q.choix.iter().find(|c| c.valeur == *v)?;
                minuscule(&self.t(langue, &choix.libelle, &[]))
            }
        })
    }

    /// An amount as it reads back, with how it was reached.
    fn afficher_montant(&self, langue: Langue, m: &MontantLu) -> String {
        let montant = self.t(
            langue,
            "relu-par-mois",
            &[("montant", Arg::Texte(format_euros(m.valeur, langue)))],
        );
        let raisons: Vec<String> = m
            .conversions
            .iter()
            .filter_map(|conv| {
                Some(match conv {
                    Conversion::Brut => self.t(
                        langue,
                        "relu-raison-brut",
                        &[(
                            "taux",
                            Arg::Texte(
                                format_euros(self.lexique.argent.brut_vers_net, langue)
                                    .trim_end_matches(" €")
                                    .trim_start_matches('€')
                                    .to_string(),
                            ),
                        )],
                    ),
                    Conversion::Semaine => self.t(langue, "relu-raison-semaine", &[]),
                    Conversion::Annee => self.t(langue, "relu-raison-annee", &[]),
                    Conversion::Fourchette(a, b) => self.t(
                        langue,
                        "relu-raison-fourchette",
                        &[
                            ("de", Arg::Texte(format_euros(*a, langue))),
                            ("a", Arg::Texte(format_euros(*b, langue))),
                        ],
                    ),
                    Conversion::Smic => self.t(langue, "relu-raison-smic", &[]),
                    Conversion::ChargesComprises(avec) => self.t(
                        langue,
                        "relu-raison-charges",
                        &[
                            ("avec", Arg::Texte(format_euros(*avec, langue))),
                            (
                                "charges",
                                Arg::Texte(format_euros(*avec - m.valeur, langue)),
                            ),
                        ],
                    ),
                    Conversion::LettreO => return None,
                    Conversion::Somme(x, y) => format!(
                        "{} € + {} €",
                        format_euros(*x, langue),
                        format_euros(*y, langue)
                    ),
                    Conversion::Jour => self.t(langue, "relu-raison-jour", &[]),
                })
            })
            .collect();
        if raisons.is_empty() {
            montant
        } else {
            format!("{montant} ({})", raisons.join(", "))
        }
    }

    /// The net monthly SMIC of a month, from the rules' dated parameters and
    /// the lexicon's net share.
    fn smic_net(&self, mois: Mois) -> Option<Decimal> {
        let horaire = self.parametre("smic_horaire_brut", mois)?;
        let heures = self.parametre("heures_smic_mensuelles", mois)?;
        Some(
            (horaire * heures * self.lexique.argent.brut_vers_net)
                .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// The flat-rate charges of the housing aid for a household (what a rent
    /// "charges comprises" is estimated to include).
    fn forfait_charges(&self, mois: Mois, s: &Situation) -> Option<Decimal> {
        let base = self.parametre("aides_logement.forfait_charges_base", mois)?;
        let par_personne = self
            .parametre("aides_logement.forfait_charges_par_personne_a_charge", mois)
            .unwrap_or_default();
        let enfants = Decimal::from(s.nombre_enfants().unwrap_or(0) as u64);
        Some(base + par_personne * enfants)
    }

    /// A number parameter of the rules in force in a month.
    fn parametre(&self, nom: &str, mois: Mois) -> Option<Decimal> {
        let p = self.regles.parametres.iter().find(|p| p.nom == nom)?;
        match p.a_la_date(mois.premier_jour())? {
            crate::rules::ValeurParametre::Nombre(d) => Some(*d),
            _ => None,
        }
    }

    /// Keeps the facts a message states besides a place still to choose or
    /// refused ("saint denis, avec mes 2 enfants") and reads them back, as
    /// an answer not understood does.
    #[allow(clippy::too_many_arguments)]
    fn garder_faits_du_lieu(
        &self,
        c: &mut Conversation,
        json: Value,
        q: &Question,
        champs: &[String],
        texte: &str,
        avant: Instantane,
        blocs: &mut Vec<String>,
    ) {
        let mut pris = champs.to_vec();
        pris.extend(q.champs.iter().cloned());
        pris.push("logement.commune".into());
        let faits = self.faits_du_message(c, &json, texte, &pris);
        if faits.is_empty() {
            return;
        }
        let (plus, supposes) = self.consequences(&faits);
        let mut affectations = faits.clone();
        affectations.extend(plus);
        if self.appliquer(c, json, &affectations, &supposes).is_ok() {
            c.memoriser(avant);
            blocs.push(self.relu(c.langue, &self.afficher_faits(c.langue, &faits)));
        }
    }

    /// Asks which of several places: the question stays open and the next
    /// answer is read against them. A list too long for one reply (many
    /// communes close to a misspelt name) asks for the département instead.
    fn proposer_lieux(
        &self,
        c: &mut Conversation,
        q: &Question,
        p: lieu::APreciser,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        let essai = Conversation {
            lieu_a_preciser: Some(p.clone()),
            langue: c.langue,
            ..Default::default()
        };
        let mut texte = format!("99/99 {}", self.libelle_question(q, &essai, &[]));
        for o in p.options() {
            texte.push_str(&format!("\n{} {}", o.cle, o.libelle));
        }
        if !self.tient(&texte) {
            let nom = p.nom().unwrap_or_default().to_string();
            let exemple = match &p {
                lieu::APreciser::Communes { insee, .. } => insee
                    .first()
                    .and_then(|i| geo::commune(i))
                    .map(|c| format!("{} {}", c.nom, c.departement))
                    .unwrap_or_default(),
                _ => nom.clone(),
            };
            return self.refuser_lieu(
                c,
                q,
                lieu::Refus::TropDeCommunes { nom, exemple },
                e,
                blocs,
                tour,
            );
        }
        c.lieu_a_preciser = Some(p);
        self.continuer(c, e, blocs, tour, true);
    }

    /// Says why an answer to the postal code question is not a place, then
    /// asks again, like [`Moteur::rate`].
    fn refuser_lieu(
        &self,
        c: &mut Conversation,
        q: &Question,
        refus: lieu::Refus,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        use lieu::Refus;
        let l = c.langue;
        let texte = |s: &str| Arg::Texte(s.to_string());
        let message = match &refus {
            Refus::Incompris => return self.rate(c, q, "incompris", e, blocs, tour),
            Refus::QuatreChiffres(possibles) => self.t(
                l,
                "lieu-quatre-chiffres",
                &[
                    ("n", Arg::Nombre(possibles.len() as i64)),
                    ("un", texte(possibles.first().map_or("", String::as_str))),
                    ("deux", texte(possibles.get(1).map_or("", String::as_str))),
                ],
            ),
            Refus::PasUnCodePostal => self.t(l, "lieu-pas-un-code-postal", &[]),
            Refus::Departement { code, exemple } => {
                let nom = geo::departements::nom_departement(code).unwrap_or(code);
                self.t(
                    l,
                    "lieu-departement",
                    &[
                        ("departement", Arg::Texte(format!("{nom} ({code})"))),
                        ("exemple", texte(exemple.unwrap_or("75011"))),
                    ],
                )
            }
            Refus::CodeInconnu(code) => self.t(l, "lieu-code-inconnu", &[("code", texte(code))]),
            Refus::Desaccord { code, nom } => self.t(
                l,
                "lieu-desaccord",
                &[("code", texte(code)), ("nom", texte(nom))],
            ),
            Refus::NomInconnu => self.t(l, "lieu-nom-inconnu", &[]),
            Refus::TropDeCommunes { nom, exemple } => self.t(
                l,
                "lieu-trop-de-communes",
                &[("nom", texte(nom)), ("exemple", texte(exemple))],
            ),
            Refus::HorsListe(n) => self.t(l, "lieu-hors-liste", &[("n", Arg::Nombre(*n as i64))]),
        };
        c.rates = c.rates.saturating_add(1);
        blocs.push(message);
        if c.rates >= RATES_AVANT_RAPPEL {
            blocs.push(self.t(l, "incompris-rappel", &[]));
        }
        self.continuer(c, e, blocs, tour, true);
    }

    /// The wording of a question as sent: while places are to choose from
    /// at the postal code question, what to choose ("Plusieurs communes
    /// s'appellent Saint-Denis…"), else the question's own message.
    fn libelle_question(&self, q: &Question, c: &Conversation, args: &[(&str, Arg)]) -> String {
        let Some(p) = c
            .lieu_a_preciser
            .as_ref()
            .filter(|_| q.genre == Genre::CodePostal)
        else {
            return self.textes.texte(c.langue, &q.message, None, args);
        };
        let nom = Arg::Texte(p.nom().unwrap_or_default().to_string());
        match p {
            lieu::APreciser::Communes { nom: Some(_), .. } => {
                self.t(c.langue, "lieu-homonymes", &[("nom", nom)])
            }
            lieu::APreciser::Communes { nom: None, .. } => self.t(c.langue, "lieu-proches", &[]),
            lieu::APreciser::CodesPostaux { .. } => {
                self.t(c.langue, "lieu-codes-postaux", &[("nom", nom)])
            }
            lieu::APreciser::Arrondissement { .. } => self.t(
                c.langue,
                "lieu-arrondissement",
                &[("nom", nom), ("n", Arg::Nombre(p.arrondissements() as i64))],
            ),
        }
    }

    fn rate(
        &self,
        c: &mut Conversation,
        q: &Question,
        message: &str,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        c.rates = c.rates.saturating_add(1);
        let args = self.args_question(q, c);
        let exemple = self
            .textes
            .texte(c.langue, &q.message, Some("exemple"), &args);
        let mut args_msg = vec![("exemple", Arg::Texte(exemple))];
        if let Some((_, Arg::Nombre(n))) = args.iter().find(|(k, _)| *k == "n") {
            args_msg.push(("n", Arg::Nombre(*n)));
        }
        blocs.push(self.t(c.langue, message, &args_msg));
        if c.rates >= RATES_AVANT_RAPPEL {
            blocs.push(self.t(c.langue, "incompris-rappel", &[]));
        }
        self.continuer(c, e, blocs, tour, true);
    }

    /// Reads an answer to `q` whose unknown fields are `champs`.
    fn lire(
        &self,
        q: &Question,
        champs: &[String],
        s: &Situation,
        e: &Entrant,
        langue: Langue,
    ) -> Lecture {
        let texte = e.texte;
        let premier = champs
            .first()
            .cloned()
            .unwrap_or_else(|| q.champs[0].clone());
        let personne = personne_de(q);
        let dans_bornes = |d: Decimal| q.min.is_none_or(|m| d >= m) && q.max.is_none_or(|m| d <= m);
        let nombre = |c: Compris<Decimal>| -> Result<Decimal, Lecture> {
            match c {
                Compris::Valeur(d) if dans_bornes(d) => Ok(d),
                Compris::Valeur(_) => Err(Lecture::Incomprise("incompris-bornes")),
                Compris::NeSaitPas => Err(Lecture::NeSaitPas),
                Compris::Incompris => Err(Lecture::Incomprise("incompris")),
            }
        };
        // A meaning of the lexicon for this question's field, read back.
        let par_lexique = || -> Option<Lecture> {
            let (sens, _) = self.sens_trouve(texte, &q.champs[0], personne)?;
            let a = sens.pour(personne);
            let relu = self.afficher_faits(langue, &a);
            Some(Lecture::Comprise(
                a,
                vec![],
                (!relu.is_empty()).then(|| relu.join(", ")),
            ))
        };
        let json_nombre = nombre_json;
        match q.genre {
            Genre::OuiNon => {
                // "depuis 2015", "ça fait 8 ans": a residence permit held that long.
                if premier.ends_with("titre_sejour_5_ans") {
                    if let Some(ans) = duree_en_annees(texte, e.aujourd_hui) {
                        let v = Value::Bool(ans >= 5);
                        return Lecture::Comprise(
                            vec![(premier, v)],
                            vec![],
                            Some(self.t(langue, "relu-annees", &[("n", Arg::Nombre(ans.into()))])),
                        );
                    }
                }
                // "oui moi", "oui mon mari à 80 %": who, for the household question.
                if q.champs.len() > 1 {
                    if let Some(a) = handicap_de_qui(texte, s) {
                        let relu = self.afficher_faits(langue, &a);
                        return Lecture::Comprise(
                            a,
                            vec![],
                            (!relu.is_empty()).then(|| relu.join(", ")),
                        );
                    }
                }
                let lexique = if q.champs.len() == 1 {
                    self.sens_trouve(texte, &q.champs[0], personne)
                } else {
                    None
                };
                let lu = match reponse::oui_non(texte) {
                    Compris::Incompris => match self.oui_non_lexique(texte) {
                        Some(b) => Compris::Valeur(b),
                        None => Compris::Incompris,
                    },
                    autre => autre,
                };
                if let Some((sens, _)) = lexique {
                    let a = sens.pour(personne);
                    let b = a.first().and_then(|(_, v)| v.as_bool());
                    // The words win over a bare yes or no ("non, on est
                    // pacsés" to "en couple ?" is a couple): they are read
                    // back, so a misreading costs one RETOUR.
                    let _ = b;
                    return match lu {
                        Compris::NeSaitPas => Lecture::NeSaitPas,
                        _ => par_lexique().unwrap_or(Lecture::Incomprise("incompris")),
                    };
                }
                match lu {
                    Compris::Valeur(b) => {
                        let mut a = vec![(premier, Value::Bool(b))];
                        a.extend(if b { q.oui.clone() } else { q.non.clone() });
                        if b && q.champs.len() > 1 && q.oui.is_empty() {
                            // "Yes" to a question that covers several people
                            // settles nothing: the personal questions follow.
                            a.clear();
                        }
                        Lecture::Comprise(a, vec![], None)
                    }
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => Lecture::Incomprise("incompris"),
                }
            }
            Genre::Nombre => {
                // "2, 3 ans et 7 ans": the count and every child's age.
                if premier == "nombre_enfants" {
                    if let Some(a) = self.compte_et_ages(texte) {
                        return Lecture::Comprise(a, vec![], None);
                    }
                }
                let f = forme(texte);
                // "2 ans" is an age, not a count: ask again.
                let unite = f
                    .split(' ')
                    .any(|m| ["ans", "an", "mois", "years", "months", "euros", "e"].contains(&m));
                // "3 dont un bébé": the count comes first.
                let texte_compte = match f.find(" dont ") {
                    Some(i) => f[..i].to_string(),
                    None => texte.to_string(),
                };
                match nombre(reponse::nombre(&texte_compte)) {
                    Ok(_) if unite => Lecture::Incomprise("incompris"),
                    Ok(d) if d.fract().is_zero() => {
                        Lecture::Comprise(vec![(premier, json_nombre(d))], vec![], None)
                    }
                    Ok(_) => Lecture::Incomprise("incompris"),
                    Err(Lecture::NeSaitPas) => Lecture::NeSaitPas,
                    Err(l) => {
                        // "1 fille et 1 garçon": the children counted in the message.
                        let compte = (premier == "nombre_enfants")
                            .then(|| extraction::extraire(texte, &self.lexique))
                            .and_then(|faits| {
                                faits.into_iter().find(|(c, _)| c == "nombre_enfants")
                            });
                        match compte {
                            Some((c, v)) => {
                                let relu = self.afficher(langue, &c, &v);
                                Lecture::Comprise(vec![(c, v)], vec![], relu)
                            }
                            None => par_lexique().unwrap_or(l),
                        }
                    }
                }
            }
            Genre::Montant => {
                let ctx = ContexteMontant {
                    argent: &self.lexique.argent,
                    smic_net: self.smic_net(e.mois),
                    forfait_charges: (premier == "logement.loyer")
                        .then(|| self.forfait_charges(e.mois, s))
                        .flatten(),
                    par_jour: premier.ends_with("chomage_net"),
                    somme: premier.ends_with("retraite_nette"),
                };
                match reponse::montant_detaille(texte, ctx) {
                    Compris::Valeur(m) if dans_bornes(m.valeur) => {
                        let relu =
                            (!m.conversions.is_empty()).then(|| self.afficher_montant(langue, &m));
                        Lecture::Comprise(vec![(premier, json_nombre(m.valeur))], vec![], relu)
                    }
                    Compris::Valeur(_) => Lecture::Incomprise("incompris-bornes"),
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => par_lexique().unwrap_or(Lecture::Incomprise("incompris")),
                }
            }
            Genre::Age => self.lire_un_age(&premier, texte, e, langue, &nombre),
            Genre::Ages => {
                if champs.len() == 1 {
                    return self.lire_un_age(&premier, texte, e, langue, &nombre);
                }
                if let Some(a) = ages_par_personne(texte, champs) {
                    return Lecture::Comprise(a, vec![], None);
                }
                let texte_court = sans_bientot(texte);
                let mut parties = morceaux(&texte_court);
                if parties.len() == 1 && reponse::nombre(texte) == Compris::NeSaitPas {
                    return Lecture::NeSaitPas;
                }
                // "les deux ont 10 ans", "jumeaux de 5 ans": one age for all.
                let f = forme(texte);
                let tous = [
                    "les deux",
                    "tous les deux",
                    "toutes les deux",
                    "jumeaux",
                    "jumelles",
                    "both",
                    "twins",
                ]
                .iter()
                .any(|m| position_mots(&f, m).is_some());
                if tous && parties.len() == 1 {
                    let chiffres: Vec<&str> = f
                        .split(' ')
                        .filter(|m| m.chars().all(|c| c.is_ascii_digit()))
                        .collect();
                    if let [n] = chiffres.as_slice() {
                        parties = vec![n.to_string(); champs.len()];
                    }
                }
                // "34" to "how old are you and your partner": the person's
                // own age; the partner's is asked next. Children's ages must
                // all be there, or we could not tell whose age is whose.
                let partiel = !q.liste && !parties.is_empty() && parties.len() < champs.len();
                if parties.len() != champs.len() && !partiel {
                    return Lecture::Incomprise("incompris-liste");
                }
                let mut a = Vec::new();
                let mut relus = Vec::new();
                for (p, c) in parties.iter().zip(champs) {
                    // A baby's age in months, a year of birth: converted and read back.
                    let (lu, converti) = match age_d_un_morceau(p, e.aujourd_hui) {
                        Some(x) => (Compris::Valeur(Decimal::from(x)), true),
                        None => (reponse::nombre(p), false),
                    };
                    match nombre(lu) {
                        Ok(d) if d.fract().is_zero() => {
                            if converti {
                                relus.extend(self.afficher(langue, c, &json_nombre(d)));
                            }
                            a.push((c.clone(), json_nombre(d)));
                        }
                        Ok(_) => return Lecture::Incomprise("incompris-liste"),
                        Err(Lecture::Incomprise("incompris")) => {
                            return Lecture::Incomprise("incompris-liste");
                        }
                        Err(l) => return l,
                    }
                }
                let relu = (!relus.is_empty()).then(|| relus.join(", "));
                Lecture::Comprise(a, vec![], relu)
            }
            Genre::Choix if q.liste => self.lire_choix_liste(q, champs, texte),
            Genre::Choix => {
                // "comme moi", "pareil": the partner's answer is the person's.
                if personne == "conjoint" && dit_pareil(texte) {
                    let sien = q.champs[0].replacen("conjoint.", "demandeur.", 1);
                    let json = serde_json::to_value(s).unwrap_or(Value::Null);
                    if let Some(v) = valeur_champ(s, &json, &sien) {
                        if let Some(choix) = q.choix.iter().find(|c| c.valeur == v) {
                            let mut a = vec![(premier, choix.valeur.clone())];
                            a.extend(choix.remplit.iter().cloned());
                            let relu = minuscule(&self.t(langue, &choix.libelle, &[]));
                            return Lecture::Comprise(a, choix.suppose.clone(), Some(relu));
                        }
                    }
                }
                if let Some(choix) = self.choix_par_taux(q, texte) {
                    let mut a = vec![(premier, choix.valeur.clone())];
                    a.extend(choix.remplit.iter().cloned());
                    let relu = minuscule(&self.t(langue, &choix.libelle, &[]));
                    return Lecture::Comprise(a, choix.suppose.clone(), Some(relu));
                }
                // A phrase of the lexicon said whole ("je sais pas le taux",
                // "chez ma soeur") is clearer than any single word of it.
                let par_phrase = self
                    .sens_trouve(texte, &q.champs[0], personne)
                    .filter(|(_, mots)| mots.contains(' '))
                    .and_then(|(sens, _)| choix_pour(q, &sens.pour(personne)));
                let lu = match par_phrase {
                    Some(c) => Compris::Valeur(c),
                    None => self.choisir(q, texte),
                };
                match lu {
                    Compris::Valeur(choix) => {
                        let mut a = vec![(premier.clone(), choix.valeur.clone())];
                        a.extend(choix.remplit.iter().cloned());
                        // What a lexicon meaning adds to the choice ("en
                        // colocation": a tenant who shares).
                        if let Some((sens, _)) = self.sens_trouve(texte, &q.champs[0], personne) {
                            for (chemin, v) in sens.pour(personne) {
                                if !a.iter().any(|(c, _)| *c == chemin)
                                    && sens.pour(personne).first().map(|(_, v)| v)
                                        == Some(&choix.valeur)
                                {
                                    a.push((chemin, v));
                                }
                            }
                        }
                        let relu = (!self.dit_le_choix(choix, texte)).then(|| {
                            let mut r = minuscule(&self.t(langue, &choix.libelle, &[]));
                            for (chemin, v) in a.iter().skip(1 + choix.remplit.len()) {
                                if let Some(x) = self.afficher(langue, chemin, v) {
                                    r.push_str(", ");
                                    r.push_str(&x);
                                }
                            }
                            r
                        });
                        Lecture::Comprise(a, choix.suppose.clone(), relu)
                    }
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => Lecture::Incomprise("incompris"),
                }
            }
            Genre::CodePostal => lecture_lieu(lieu::lire(texte)),
            Genre::Commune => {
                let communes = communes_de(s);
                let options: Vec<(String, String, Vec<String>)> = communes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        (
                            (i + 1).to_string(),
                            c.nom.to_string(),
                            vec![c.insee.to_string()],
                        )
                    })
                    .collect();
                match choix_parmi(texte, &options) {
                    Compris::Valeur(i) => Lecture::Comprise(
                        vec![(premier, Value::String(communes[i].insee.into()))],
                        vec![],
                        None,
                    ),
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => Lecture::Incomprise("incompris"),
                }
            }
        }
    }

    /// Reads one age: years ("34", "j'ai 34 ans"), a date of birth, or a
    /// year of birth ("né en 1990", read back since it may be a year off).
    /// A number of children followed by each child's age, as the question
    /// invites ("2, 3 ans et 7 ans", "deux enfants de 4 et 9 ans", "1 de 6
    /// mois"): the count and the ages, or `None` when the ages are not all
    /// there (then the count alone is read, and the ages asked next).
    fn compte_et_ages(&self, texte: &str) -> Option<Vec<(String, Value)>> {
        const UNITES: &[&str] = &["ans", "an", "mois", "years", "year", "months", "month"];
        let f = forme(texte);
        let mots: Vec<&str> = f.split(' ').collect();
        if !mots.iter().any(|m| UNITES.contains(m)) {
            return None;
        }
        let nombres: Vec<(u32, Option<&str>)> = mots
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((m.parse::<u32>().ok()?, mots.get(i + 1).copied())))
            .collect();
        let (compte, ages) = match nombres.first() {
            Some((n, unite)) if !unite.is_some_and(|u| UNITES.contains(&u)) => (*n, &nombres[1..]),
            _ => {
                // The count in words: "deux enfants de 4 et 9 ans".
                let n = extraction::extraire(texte, &self.lexique)
                    .into_iter()
                    .find(|(c, _)| c == "nombre_enfants")?
                    .1
                    .as_u64()?;
                (u32::try_from(n).ok()?, &nombres[..])
            }
        };
        if compte == 0 || ages.len() != compte as usize {
            return None;
        }
        let mut a = vec![("nombre_enfants".to_string(), Value::from(compte))];
        for (i, (n, unite)) in ages.iter().enumerate() {
            let age = if unite.is_some_and(|u| u.starts_with("mo")) {
                n / 12
            } else {
                *n
            };
            if age > 30 {
                return None;
            }
            a.push((format!("enfants.{i}.age"), Value::from(age)));
        }
        Some(a)
    }

    fn lire_un_age(
        &self,
        premier: &str,
        texte: &str,
        e: &Entrant,
        langue: Langue,
        nombre: &dyn Fn(Compris<Decimal>) -> Result<Decimal, Lecture>,
    ) -> Lecture {
        // A child's age in months ("6 mois": under a year).
        if premier.starts_with("enfants.") {
            if let Some(a) = age_d_un_morceau(texte, e.aujourd_hui) {
                let v = Value::from(a);
                return match nombre(Compris::Valeur(Decimal::from(a))) {
                    Ok(_) => {
                        let relu = self.afficher(langue, premier, &v);
                        Lecture::Comprise(vec![(premier.to_string(), v)], vec![], relu)
                    }
                    Err(l) => l,
                };
            }
        }
        // A year of birth first: "né en 90" is not 90 years old.
        let (lu, relu) = match reponse::age_depuis_annee(texte, e.aujourd_hui) {
            Some(a) => (Compris::Valeur(Decimal::from(a)), true),
            None => (lire_age(&sans_bientot(texte), e.aujourd_hui), false),
        };
        match lu {
            Compris::Valeur(d) => match nombre(Compris::Valeur(d)) {
                Ok(d) if d.fract().is_zero() => {
                    let v = nombre_json(d);
                    let relu = relu.then(|| self.afficher(langue, premier, &v)).flatten();
                    Lecture::Comprise(vec![(premier.to_string(), v)], vec![], relu)
                }
                Ok(_) => Lecture::Incomprise("incompris"),
                Err(l) => l,
            },
            Compris::NeSaitPas => Lecture::NeSaitPas,
            Compris::Incompris => Lecture::Incomprise("incompris"),
        }
    }

    /// The lexicon meaning of a field said in `texte` (longest words win, a
    /// negation just before cancels), with the words found.
    fn sens_trouve(&self, texte: &str, champ: &str, personne: &str) -> Option<(&Sens, String)> {
        let f = forme(texte);
        let mots_texte: Vec<&str> = f.split(' ').collect();
        let mut meilleur: Option<(&Sens, String)> = None;
        let mut ex_aequo = false;
        for sens in self.lexique.pour_champ(champ, personne) {
            for m in &sens.mots {
                let Some(i) = position_mots(&f, m) else {
                    continue;
                };
                let nie = mots_texte[i.saturating_sub(2)..i]
                    .iter()
                    .any(|w| ["pas", "plus", "jamais", "ni", "not", "never"].contains(w));
                if nie {
                    continue;
                }
                let longueur = m.split(' ').count();
                match &meilleur {
                    Some((s2, m2)) if m2.split(' ').count() > longueur => {}
                    Some((s2, m2)) if m2.split(' ').count() == longueur => {
                        if s2.pour(personne) != sens.pour(personne) {
                            ex_aequo = true;
                        }
                    }
                    _ => {
                        meilleur = Some((sens, m.clone()));
                        ex_aequo = false;
                    }
                }
            }
        }
        if ex_aequo { None } else { meilleur }
    }

    /// Yes or no from the lexicon's extra words ("wé", "i am not"): the
    /// side with the longest match, none when both match as long.
    fn oui_non_lexique(&self, texte: &str) -> Option<bool> {
        let f = forme(texte);
        let plus_long = |liste: &[String]| {
            liste
                .iter()
                .filter(|m| position_mots(&f, m).is_some())
                .map(|m| m.split(' ').count())
                .max()
                .unwrap_or(0)
        };
        let (oui, non) = (plus_long(&self.lexique.oui), plus_long(&self.lexique.non));
        match oui.cmp(&non) {
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// A disability choice from a rate in the answer ("oui 80%", "oui à
    /// 60", "taux de 50 pour cent"): the option whose rate bracket holds it.
    fn choix_par_taux<'q>(&self, q: &'q Question, texte: &str) -> Option<&'q Choix> {
        let avec_taux = |c: &Choix| {
            c.remplit
                .iter()
                .find(|(chemin, _)| chemin.ends_with("taux_incapacite"))
                .and_then(|(_, v)| v.as_i64())
        };
        if !q.choix.iter().any(|c| avec_taux(c).is_some()) {
            return None;
        }
        let f = forme(texte);
        let mots_texte: Vec<&str> = f.split(' ').collect();
        if mots_texte.iter().any(|m| ["non", "no", "pas"].contains(m)) {
            return None;
        }
        let mut taux = None;
        for (i, m) in mots_texte.iter().enumerate() {
            let chiffres = m.trim_end_matches('%');
            let Ok(n) = chiffres.parse::<u32>() else {
                continue;
            };
            let pourcent = m.ends_with('%')
                || mots_texte
                    .get(i + 1)
                    .is_some_and(|s| ["%", "pourcent", "pour", "percent", "pc"].contains(s));
            if (10..=100).contains(&n) || (pourcent && n <= 100) {
                if taux.is_some() {
                    return None;
                }
                taux = Some(n);
            }
        }
        let taux = i64::from(taux?);
        let moins = mots_texte
            .iter()
            .any(|m| ["moins", "less", "under", "sous"].contains(m));
        let tranche = if moins && taux <= 50 {
            0
        } else if taux >= 80 {
            80
        } else if taux >= 50 {
            50
        } else {
            0
        };
        q.choix
            .iter()
            .find(|c| c.valeur == Value::Bool(true) && avec_taux(c) == Some(tranche))
    }

    /// Whether an answer names a choice plainly (its key or its label), so
    /// that there is nothing to read back.
    fn dit_le_choix(&self, choix: &Choix, texte: &str) -> bool {
        let f = forme(texte);
        let f = f
            .trim_start_matches("le ")
            .trim_start_matches("choix ")
            .to_string();
        f == forme(&choix.cle)
            || Langue::TOUTES
                .iter()
                .any(|l| forme(&self.t(*l, &choix.libelle, &[])) == f)
            || f == forme(&texte_json(&choix.valeur))
    }

    fn options(&self, q: &Question) -> Vec<(String, String, Vec<String>)> {
        let personne = personne_de(q);
        q.choix
            .iter()
            .map(|c| {
                // Options are recognised by their label in both languages.
                let mut mots = c.mots.clone();
                for l in Langue::TOUTES {
                    mots.push(self.t(l, &c.libelle, &[]));
                }
                // And by the lexicon's words for what they mean.
                for sens in self.lexique.pour_champ(&q.champs[0], personne) {
                    let dit = sens.pour(personne);
                    if choix_pour(q, &dit).is_some_and(|x| std::ptr::eq(x, c)) {
                        mots.extend(sens.mots.iter().cloned());
                    }
                }
                (c.cle.clone(), texte_json(&c.valeur), mots)
            })
            .collect()
    }

    fn choisir<'q>(&self, q: &'q Question, texte: &str) -> Compris<&'q Choix> {
        let options = self.options(q);
        choix_parmi(texte, &options).map(|i| &q.choix[i])
    }

    fn lire_choix_liste(&self, q: &Question, champs: &[String], texte: &str) -> Lecture {
        // The children concerned, in order, from the first field's paths.
        let premier = q.champs[0].strip_prefix("enfants.*.").unwrap_or("");
        let enfants: Vec<usize> = champs
            .iter()
            .filter_map(|c| {
                let reste = c.strip_prefix("enfants.")?;
                let (i, champ) = reste.split_once('.')?;
                (champ == premier).then(|| i.parse().ok()).flatten()
            })
            .collect();
        let parties = morceaux(texte);
        let choisis: Vec<Compris<&Choix>> = if parties.len() == enfants.len() {
            parties.iter().map(|p| self.choisir(q, p)).collect()
        } else if parties.len() <= 1 || enfants.len() == 1 {
            match self.choisir(q, texte) {
                // "non" for all the children at once.
                Compris::Valeur(c) if c.valeur == Value::Bool(false) || enfants.len() == 1 => {
                    vec![Compris::Valeur(c); enfants.len()]
                }
                Compris::NeSaitPas => return Lecture::NeSaitPas,
                _ => return Lecture::Incomprise("incompris-liste"),
            }
        } else {
            return Lecture::Incomprise("incompris-liste");
        };
        let mut a = Vec::new();
        for (i, choix) in enfants.iter().zip(choisis) {
            match choix {
                Compris::Valeur(c) => {
                    a.push((format!("enfants.{i}.{premier}"), c.valeur.clone()));
                    for (chemin, v) in &c.remplit {
                        a.push((chemin.replace(".*.", &format!(".{i}.")), v.clone()));
                    }
                }
                Compris::NeSaitPas => return Lecture::NeSaitPas,
                Compris::Incompris => return Lecture::Incomprise("incompris-liste"),
            }
        }
        Lecture::Comprise(a, vec![], None)
    }

    /// Arguments of a question's messages: the number of children and their ages.
    fn args_question(&self, q: &Question, c: &Conversation) -> Vec<(&'static str, Arg)> {
        let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
        let champs = champs_concrets(q, &c.situation, &json);
        let n = if q.liste || q.champs[0].starts_with("enfants.*") {
            let premier = &q.champs[0];
            champs
                .iter()
                .filter(|x| {
                    x.rsplit('.').next() == premier.rsplit('.').next() && x.starts_with("enfants.")
                })
                .count()
        } else {
            champs.len()
        };
        let ages: Vec<String> = c
            .situation
            .enfants
            .iter()
            .flatten()
            .map(|e| {
                e.age
                    .map(|a| a.normalize().to_string())
                    .unwrap_or_else(|| "?".into())
            })
            .collect();
        let et = match c.langue {
            Langue::Fr => " et ",
            Langue::En => " and ",
        };
        let ages = match ages.len() {
            0 => String::new(),
            1 => ages[0].clone(),
            k => format!("{}{et}{}", ages[..k - 1].join(", "), ages[k - 1]),
        };
        vec![
            ("n", Arg::Nombre(n.max(1) as i64)),
            ("ages", Arg::Texte(ages)),
        ]
    }

    /// Asks the next question, or gives the results when none is left.
    fn continuer(
        &self,
        c: &mut Conversation,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
        redire: bool,
    ) {
        let eval = self.evaluer(c, e.mois);
        let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
        // Repeat the current question when asked to and it still applies.
        let courante = match (&c.etape, redire) {
            (Etape::Question { id }, true) => self.questions.question(id).and_then(|q| {
                let champs = champs_concrets(q, &c.situation, &json);
                (!champs.is_empty() && !c.repondues.contains(&q.id)).then_some(Candidat {
                    question: q,
                    champs,
                })
            }),
            _ => None,
        };
        let suivante = courante
            .or_else(|| self.prochaine(c, &json, &eval, e.mois))
            .or_else(|| self.relancer(c, &json, &eval));
        match suivante {
            Some(cand) => {
                let q = cand.question;
                if c.etape != (Etape::Question { id: q.id.clone() }) {
                    c.rates = 0;
                }
                c.etape = Etape::Question { id: q.id.clone() };
                let numero = c.posees + 1;
                let estime = c.posees
                    + self.restantes(c, &json, &eval, e.mois)
                    + self.a_relancer(c, &eval).len() as u32;
                // The first total is at least what the greeting promised;
                // later ones only grow, and only when overtaken.
                let total = estime
                    .max(c.total_annonce)
                    .max(numero)
                    .max(QUESTIONS_ANNONCEES);
                c.total_annonce = total;
                let args = self.args_question(q, c);
                let mut libelle = self.libelle_question(q, c, &args);
                if c.relancees.contains(&q.id) {
                    // Asked again: said differently, with an example.
                    libelle = format!(
                        "{} {} {}",
                        self.t(c.langue, "relance", &[]),
                        self.textes.texte(c.langue, &q.message, Some("aide"), &args),
                        self.t(
                            c.langue,
                            "relance-exemple",
                            &[(
                                "exemple",
                                Arg::Texte(self.textes.texte(
                                    c.langue,
                                    &q.message,
                                    Some("exemple"),
                                    &args
                                ))
                            )]
                        ),
                    );
                    libelle = format!("{libelle}\n{}", self.libelle_question(q, c, &args));
                }
                let mut texte = format!(
                    "{} {}",
                    self.t(
                        c.langue,
                        "progression",
                        &[
                            ("n", Arg::Nombre(numero.into())),
                            ("total", Arg::Nombre(total.into()))
                        ]
                    ),
                    libelle
                );
                let choix = self.options_invite(q, c);
                if !choix.is_empty() {
                    for o in &choix {
                        texte.push('\n');
                        texte.push_str(&o.key);
                        texte.push(' ');
                        texte.push_str(&o.label);
                    }
                }
                blocs.push(texte);
                tour.invite = Some(Invite {
                    field: cand.champs[0].clone(),
                    fields: cand.champs.clone(),
                    kind: q.genre.nom(),
                    choices: choix,
                    question: q.id.clone(),
                    agent: self
                        .textes
                        .texte(c.langue, &q.message, Some("agent"), &args),
                    numero,
                    total,
                });
            }
            None => self.resultats(c, &eval, e.mois, 0, blocs, tour),
        }
    }

    fn options_invite(&self, q: &Question, c: &Conversation) -> Vec<OptionInvite> {
        match q.genre {
            Genre::Choix => q
                .choix
                .iter()
                .map(|o| OptionInvite {
                    key: o.cle.clone(),
                    value: o.valeur.clone(),
                    label: self.t(c.langue, &o.libelle, &[]),
                })
                .collect(),
            Genre::Commune => communes_de(&c.situation)
                .iter()
                .enumerate()
                .map(|(i, com)| OptionInvite {
                    key: (i + 1).to_string(),
                    value: Value::String(com.insee.into()),
                    label: com.nom.to_string(),
                })
                .collect(),
            Genre::CodePostal => c
                .lieu_a_preciser
                .iter()
                .flat_map(lieu::APreciser::options)
                .map(|o| OptionInvite {
                    key: o.cle,
                    value: Value::String(o.valeur),
                    label: o.libelle,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The short name of an aid, for SMS, in the conversation's language.
    fn nom_court(&self, langue: Langue, a: &ResultatAide) -> String {
        self.textes.aide(langue, &self.regles, a).libelle_court()
    }

    /// One line of the results; an aid paid instead of one listed above it
    /// reads "ou, à la place : …" (the RSA or the ASS, not both).
    fn ligne_aide(
        &self,
        langue: Langue,
        n: usize,
        a: &ResultatAide,
        listees: &[&ResultatAide],
    ) -> String {
        let au_lieu = self
            .regles
            .aides
            .iter()
            .find(|d| d.id == a.id)
            .is_some_and(|d| {
                listees[..n.saturating_sub(1).min(listees.len())]
                    .iter()
                    .any(|b| d.exclusive_de.iter().any(|x| x == b.id))
            });
        let ligne = self.ligne_aide_seule(langue, n, a);
        if au_lieu {
            self.t(langue, "resultat-ou", &[("ligne", Arg::Texte(ligne))])
        } else {
            ligne
        }
    }

    fn ligne_aide_seule(&self, langue: Langue, n: usize, a: &ResultatAide) -> String {
        let aide = Arg::Texte(self.nom_court(langue, a));
        match a.montant.filter(|m| *m > Decimal::ZERO) {
            Some(m) => {
                let id = match a.periodicite {
                    Some(Periodicite::Annuelle) | Some(Periodicite::Unique) => "resultat-an",
                    _ => "resultat-mois",
                };
                self.t(
                    langue,
                    id,
                    &[
                        ("n", Arg::Nombre(n as i64)),
                        ("aide", aide),
                        ("montant", Arg::Texte(format_euros(m, langue))),
                    ],
                )
            }
            None => self.t(
                langue,
                "resultat-sans-montant",
                &[("n", Arg::Nombre(n as i64)), ("aide", aide)],
            ),
        }
    }

    /// Gives the results, from aid number `debut` (0 for the first page).
    ///
    /// The first page always says what stays open and what was presumed:
    /// aids that fit come first, and when even one aid leaves no room for
    /// those notes, the notes go in a reply of their own. "No aid found" is
    /// said only when no aid is left undetermined.
    fn resultats(
        &self,
        c: &mut Conversation,
        eval: &Evaluation,
        mois: Mois,
        debut: usize,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        let l = c.langue;
        let eligibles = eligibles(&eval.aides);
        let ouvertes: Vec<&ResultatAide> = eval
            .aides
            .iter()
            .filter(|a| a.statut == Statut::Indetermine)
            .collect();
        tour.aides = Some(eval.aides.clone());
        tour.invite = None;
        if eligibles.is_empty() {
            c.etape = Etape::Resultats { suite: 0 };
            if ouvertes.is_empty() {
                blocs.push(self.t(l, "resultats-rien", &[]));
            } else {
                blocs.push(format!(
                    "{} {}",
                    self.t(l, "resultats-pas-encore", &[]),
                    self.a_verifier(c, &ouvertes)
                ));
            }
            return;
        }
        let debut = if debut >= eligibles.len() { 0 } else { debut };
        // Notes of the first page: what stays open, then what was presumed.
        let mut notes = Vec::new();
        if debut == 0 {
            if let Some(p) = self.presomptions(c, &eval.aides, &eligibles, mois) {
                notes.push(p);
            }
            if !ouvertes.is_empty() {
                notes.push(self.a_verifier(c, &ouvertes));
            }
        }
        // The page must fit in one reply with what precedes it in this turn.
        let deja = blocs.join("\n");
        let detail = self.t(l, "resultats-detail", &[]);
        let suite_txt = self.t(l, "resultats-suite", &[]);
        let page = |lignes: &[String], notes: &[String], reste: bool| {
            let mut pied: Vec<String> = notes.to_vec();
            pied.push(detail.clone());
            if reste {
                pied.push(suite_txt.clone());
            }
            format!("{}\n{}\n{}", deja, lignes.join("\n"), pied.join(" "))
                .trim_start()
                .to_string()
        };
        let lignes_de = |jusqua: usize| {
            let mut lignes = vec![self.t(l, "resultats-titre", &[])];
            lignes.extend(
                (debut..jusqua).map(|i| self.ligne_aide(l, i + 1, eligibles[i], &eligibles)),
            );
            lignes
        };
        // As many aids as fit with the notes; at least one.
        let mut fin = debut + 1;
        while fin < eligibles.len()
            && self.tient(&page(
                &lignes_de(fin + 1),
                &notes,
                fin + 1 < eligibles.len(),
            ))
        {
            fin += 1;
        }
        let reste = fin < eligibles.len();
        let lignes = lignes_de(fin);
        if self.tient(&page(&lignes, &notes, reste)) || notes.is_empty() {
            let mut pied = notes;
            pied.push(detail);
            if reste {
                pied.push(suite_txt);
            }
            blocs.push(format!("{}\n{}", lignes.join("\n"), pied.join(" ")));
        } else {
            // The notes in a reply of their own, after the list.
            let mut pied = vec![detail];
            if reste {
                pied.push(suite_txt);
            }
            blocs.push(format!("{}\n{}", lignes.join("\n"), pied.join(" ")));
            blocs.push(SEPARATION.to_string());
            blocs.push(notes.join(" "));
        }
        c.etape = Etape::Resultats { suite: fin };
    }

    /// "Restent à vérifier : RSA, prime d'activité (selon votre salaire).
    /// RAPPEL : un conseiller vous aide." The aids left undetermined, what
    /// would decide them, and the way to an adviser.
    fn a_verifier(&self, c: &Conversation, ouvertes: &[&ResultatAide]) -> String {
        let l = c.langue;
        let aides = if ouvertes.len() <= 3 {
            ouvertes
                .iter()
                .map(|a| self.nom_court(l, a))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            self.t(
                l,
                "resultats-n-aides",
                &[("n", Arg::Nombre(ouvertes.len() as i64))],
            )
        };
        // What decides them: the subject of the questions that ask their
        // missing fields, the person's "je ne sais pas" first.
        let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
        let mut sujets: Vec<String> = Vec::new();
        let manquants: Vec<&str> = ouvertes
            .iter()
            .flat_map(|a| a.champs_manquants.iter())
            .collect();
        let mut questions: Vec<&Question> = c
            .repondues
            .iter()
            .chain(c.relancees.iter())
            .filter_map(|id| self.questions.question(id))
            .collect();
        questions.extend(self.questions.liste.iter());
        let mut groupes: Vec<&str> = Vec::new();
        for q in questions {
            let champs = champs_concrets(q, &c.situation, &json);
            if !champs.iter().any(|ch| manquants.contains(&ch.as_str()))
                || groupes.contains(&q.groupe.as_str())
            {
                continue;
            }
            groupes.push(&q.groupe);
            let id = format!("sujet-{}", q.id);
            if !self.textes.existe(&id, None) {
                continue;
            }
            let sujet = self.t(l, &id, &[]);
            if !sujets.contains(&sujet) && sujets.len() < 3 {
                sujets.push(sujet);
            }
        }
        let selon = if sujets.is_empty() {
            String::new()
        } else {
            self.t(
                l,
                "resultats-selon",
                &[("sujets", Arg::Texte(sujets.join(", ")))],
            )
        };
        self.t(
            l,
            "resultats-a-verifier",
            &[
                ("n", Arg::Nombre(ouvertes.len() as i64)),
                ("aides", Arg::Texte(aides)),
                ("selon", Arg::Texte(selon)),
            ],
        )
    }

    /// "Calcul fait sans épargne importante, pension alimentaire ni
    /// grossesse." The values presumed rather than asked that the aids
    /// granted rest on, and those an unasked question could open an aid
    /// with (a pregnancy); `None` when nothing was presumed.
    fn presomptions(
        &self,
        c: &Conversation,
        aides: &[ResultatAide],
        eligibles: &[&ResultatAide],
        mois: Mois,
    ) -> Option<String> {
        let l = c.langue;
        // Fields a question could settle are weighed below, not here: the
        // student grant a housing aid reads means nothing to a non-student.
        let par_question = |ch: &str| {
            self.questions
                .liste
                .iter()
                .any(|q| q.contre_valeur.is_some() && q.champs.iter().any(|c| c == ch))
        };
        let mut champs: Vec<String> = eligibles
            .iter()
            .flat_map(|a| a.hypotheses.chemins())
            .filter(|ch| !par_question(ch))
            .map(String::from)
            .collect();
        // A presumption a question could have settled but that was not
        // asked: said when its other value would change any aid (a
        // pregnancy opens the birth grant), not only one granted.
        let json = serde_json::to_value(&c.situation).unwrap_or(Value::Null);
        for q in &self.questions.liste {
            let (Some(autre), [champ]) = (&q.contre_valeur, q.champs.as_slice()) else {
                continue;
            };
            let presume = condition_vraie(q, &c.situation, &json)
                && aides
                    .iter()
                    .any(|a| a.hypotheses.chemins().any(|ch| ch == champ));
            if presume && self.change_une_aide(&json, champ, autre, aides, None, mois) {
                champs.push(champ.clone());
            }
        }
        champs.extend(c.supposes.iter().cloned());
        let mut mots: Vec<String> = Vec::new();
        for ch in &champs {
            let id = format!("sans-{}", champ_sans_personne(ch));
            if !self.textes.existe(&id, None) {
                continue;
            }
            let mot = self.t(l, &id, &[]);
            if !mots.contains(&mot) {
                mots.push(mot);
            }
        }
        let dernier = mots.pop()?;
        let liste = if mots.is_empty() {
            dernier
        } else {
            self.t(
                l,
                "liste-ni",
                &[
                    ("debut", Arg::Texte(mots.join(", "))),
                    ("fin", Arg::Texte(dernier)),
                ],
            )
        };
        Some(self.t(l, "resultats-suppose", &[("liste", Arg::Texte(liste))]))
    }

    /// Detail of one aid, after the results.
    fn detail(&self, c: &mut Conversation, e: &Entrant, blocs: &mut Vec<String>, tour: &mut Tour) {
        let l = c.langue;
        let eval = self.evaluer(c, e.mois);
        let eligibles = eligibles(&eval.aides);
        let n = reponse::nombre(e.texte).valeur();
        let choisi = n
            .filter(|d| d.fract().is_zero() && *d >= Decimal::ONE)
            .and_then(|d| {
                usize::try_from(d.mantissa())
                    .ok()
                    .map(|m| m / 10usize.pow(d.scale()))
            })
            .and_then(|i| eligibles.get(i - 1));
        let Some(a) = choisi else {
            if eligibles.is_empty() {
                blocs.push(self.t(l, "resultats-fin", &[]));
            } else {
                blocs.push(self.t(
                    l,
                    "resultats-numero",
                    &[("n", Arg::Nombre(eligibles.len() as i64))],
                ));
                blocs.push(self.t(l, "resultats-fin", &[]));
            }
            return;
        };
        tour.aides = Some(eval.aides.clone());
        // The aid's own sentences in the conversation's language.
        let ecrite = self.textes.aide(l, &self.regles, a);
        let aide = Arg::Texte(ecrite.libelle_court());
        let tete = match a.montant.filter(|m| *m > Decimal::ZERO) {
            Some(m) => {
                let id = match a.periodicite {
                    Some(Periodicite::Annuelle) | Some(Periodicite::Unique) => "detail-montant-an",
                    _ => "detail-montant-mois",
                };
                self.t(
                    l,
                    id,
                    &[("aide", aide), ("montant", Arg::Texte(format_euros(m, l)))],
                )
            }
            None => self.t(l, "detail-sans-montant", &[("aide", aide)]),
        };
        let mut fixe = Vec::new();
        if let Some(d) = &a.demarche {
            let ou = d.url.clone().or_else(|| ecrite.demarche_texte());
            if let Some(ou) = ou {
                fixe.push(self.t(l, "detail-demarche", &[("ou", Arg::Texte(ou))]));
            }
            if let Some(t) = &d.telephone {
                fixe.push(self.t(
                    l,
                    "detail-telephone",
                    &[("telephone", Arg::Texte(t.clone()))],
                ));
            }
            if !d.documents.is_empty() {
                fixe.push(self.t(
                    l,
                    "detail-documents",
                    &[("documents", Arg::Texte(ecrite.documents().join(", ")))],
                ));
            }
        }
        // Two replies: why and how much, then how to apply. The person asked
        // for the detail; each reply still fits the budget on its own.
        let mut pourquoi = tete;
        for phrase in ecrite.explication() {
            let essai = format!("{pourquoi} {phrase}");
            if self.tient(&essai) {
                pourquoi = essai;
            }
        }
        blocs.push(pourquoi);
        if !fixe.is_empty() {
            blocs.push(SEPARATION.to_string());
            blocs.push(fixe.join("\n"));
        }
    }

    /// Whether a text fits the segment budget once transliterated.
    pub fn tient(&self, texte: &str) -> bool {
        let (_, n) = gsm7::segments(&gsm7::translitterer(texte));
        n <= self.reglages.budget_segments
    }

    /// Packs the pieces of a turn into as few replies as the budget allows,
    /// cutting a piece that alone exceeds it at a word boundary.
    fn emballer(&self, blocs: Vec<String>) -> Vec<String> {
        let mut messages: Vec<String> = Vec::new();
        let mut separer = false;
        for b in blocs {
            if b == SEPARATION {
                separer = true;
                continue;
            }
            let b = if self.tient(&b) { b } else { self.couper(&b) };
            match messages.last_mut() {
                Some(m) if !std::mem::take(&mut separer) && self.tient(&format!("{m}\n{b}")) => {
                    m.push('\n');
                    m.push_str(&b);
                }
                _ => messages.push(b),
            }
        }
        messages
    }

    fn couper(&self, texte: &str) -> String {
        let mut s = String::new();
        for mot in texte.split(' ') {
            let essai = if s.is_empty() {
                mot.to_string()
            } else {
                format!("{s} {mot}")
            };
            if !self.tient(&format!("{essai}...")) {
                break;
            }
            s = essai;
        }
        format!("{s}...")
    }
}

/// The person a question is about: `conjoint` for the partner's questions,
/// `demandeur` otherwise.
/// A field's name without whose it is: `activite` for `conjoint.activite`
/// and `demandeur.activite`, `age` for `enfants.1.age`.
fn champ_sans_personne(chemin: &str) -> &str {
    let reste = chemin
        .strip_prefix("demandeur.")
        .or_else(|| chemin.strip_prefix("conjoint."))
        .unwrap_or(chemin);
    match reste.strip_prefix("enfants.") {
        Some(r) => r.split_once('.').map_or(r, |(_, champ)| champ),
        None => reste,
    }
}

fn personne_de(q: &Question) -> &'static str {
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
fn choix_pour<'q>(q: &'q Question, affectations: &[(String, Value)]) -> Option<&'q Choix> {
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

/// A label as it reads inside a sentence: "Au chômage" → "au chômage",
/// but "HLM" stays.
fn minuscule(libelle: &str) -> String {
    let mut it = libelle.chars();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(libelle.chars().skip(1)).collect()
        }
        _ => libelle.to_string(),
    }
}

/// A decimal as a JSON number (rust_decimal serializes to a string).
fn nombre_json(d: Decimal) -> Value {
    d.normalize()
        .to_string()
        .parse::<serde_json::Number>()
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

/// Reads an age: a number of years ("34", "j'ai 34 ans", "trente-quatre")
/// or a date of birth ("12/03/1990").
fn lire_age(texte: &str, aujourd_hui: (i32, u8, u8)) -> Compris<Decimal> {
    match reponse::age_depuis_date(texte, aujourd_hui) {
        Compris::Valeur(a) => Compris::Valeur(Decimal::from(a)),
        Compris::NeSaitPas => Compris::NeSaitPas,
        Compris::Incompris => reponse::nombre(texte),
    }
}

/// Whether an answer about the partner says "the same as me".
fn dit_pareil(texte: &str) -> bool {
    let f = forme(texte);
    [
        "comme moi",
        "pareil",
        "pareille",
        "idem",
        "la meme",
        "le meme",
        "same",
        "same as me",
        "me too",
        "moi aussi",
    ]
    .iter()
    .any(|m| position_mots(&f, m).is_some())
}

/// How many years a residence permit has been held: "depuis 2015", "ça
/// fait 8 ans", "depuis 2 ans", "for 6 years".
fn duree_en_annees(texte: &str, aujourd_hui: (i32, u8, u8)) -> Option<i32> {
    let f = forme(texte);
    let mots_: Vec<&str> = f.split(' ').collect();
    let nombres: Vec<i32> = mots_.iter().filter_map(|m| m.parse().ok()).collect();
    let [n] = nombres.as_slice() else {
        return None;
    };
    if (1950..=aujourd_hui.0).contains(n) {
        return Some(aujourd_hui.0 - n);
    }
    let ans = mots_
        .iter()
        .any(|m| ["ans", "an", "years", "year"].contains(m));
    (ans && (0..=80).contains(n)).then_some(*n)
}

/// Who in the household has a disability, from an answer to the household
/// question that names them: "oui moi", "oui mon mari", "ma femme a l'AAH",
/// "oui mon fils" (with one child), with a rate when given ("oui moi 80%").
fn handicap_de_qui(texte: &str, s: &Situation) -> Option<Vec<(String, Value)>> {
    let f = forme(texte);
    let mots_: Vec<&str> = f.split(' ').collect();
    let dit = |liste: &[&str]| mots_.iter().any(|m| liste.contains(m));
    if dit(&["non", "no", "pas", "aucun", "personne"]) {
        return None;
    }
    let oui = dit(&[
        "oui",
        "yes",
        "ouais",
        "aah",
        "aeeh",
        "rqth",
        "handicape",
        "handicapee",
        "mdph",
        "disabled",
    ]);
    if !oui {
        return None;
    }
    let moi = dit(&["moi", "me", "myself", "j", "je"]);
    let conjoint = dit(&[
        "mari",
        "femme",
        "conjoint",
        "conjointe",
        "compagnon",
        "compagne",
        "husband",
        "wife",
        "partner",
    ]) && s.couple() == Some(true);
    let enfant = dit(&[
        "fils", "fille", "enfant", "petit", "son", "daughter", "child",
    ]) && s.nombre_enfants() == Some(1);
    let personne = match (moi, conjoint, enfant) {
        (true, false, false) => "demandeur",
        (false, true, false) => "conjoint",
        (false, false, true) => "enfants.0",
        _ => return None,
    };
    let mut a = vec![(format!("{personne}.handicap"), Value::Bool(true))];
    let taux: Vec<i64> = mots_
        .iter()
        .filter_map(|m| m.trim_end_matches('%').parse().ok())
        .filter(|t| (10..=100).contains(t))
        .collect();
    if let [t] = taux.as_slice() {
        let tranche = if *t >= 80 {
            80
        } else if *t >= 50 {
            50
        } else {
            0
        };
        a.push((format!("{personne}.taux_incapacite"), Value::from(tranche)));
    }
    Some(a)
}

/// An answer without "bientôt 20" / "bientot 20 ans": the age to come is
/// not the age.
fn sans_bientot(texte: &str) -> String {
    let n = reponse::normaliser(texte);
    match n.find("bientot") {
        Some(i) => n[..i].to_string(),
        None => n,
    }
}

/// One child's age given otherwise than in years: in months ("6 mois",
/// "un bébé de 8 mois": under a year), as a newborn, or as a year of birth
/// ("2015"). `None` for a plain number of years.
fn age_d_un_morceau(morceau: &str, aujourd_hui: (i32, u8, u8)) -> Option<u32> {
    let f = forme(morceau);
    let mots_: Vec<&str> = f.split(' ').collect();
    let nombres: Vec<u32> = mots_.iter().filter_map(|m| m.parse().ok()).collect();
    if mots_
        .iter()
        .any(|m| ["mois", "month", "months", "moi"].contains(m))
    {
        let sans_unite: String = mots_
            .iter()
            .filter(|m| {
                ![
                    "mois", "month", "months", "moi", "de", "un", "une", "bebe", "baby", "a", "old",
                ]
                .contains(m)
            })
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let n = match nombres.as_slice() {
            [n] => Some(*n),
            [] => reponse::nombre(&sans_unite)
                .valeur()
                .filter(|d| d.fract().is_zero())
                .and_then(|d| u32::try_from(d.trunc().mantissa()).ok()),
            _ => None,
        };
        return n.filter(|n| *n < 12 * 26).map(|n| n / 12);
    }
    if nombres.is_empty()
        && [
            "nouveau ne",
            "nouveau nee",
            "newborn",
            "bebe",
            "baby",
            "nourrisson",
        ]
        .iter()
        .any(|m| position_mots(&f, m).is_some())
    {
        return Some(0);
    }
    if let [n] = nombres.as_slice() {
        if (1900..=aujourd_hui.0 as u32).contains(n) {
            return reponse::age_depuis_annee(morceau, aujourd_hui)
                .or_else(|| reponse::age_depuis_annee(&format!("ne en {n}"), aujourd_hui));
        }
    }
    None
}

/// Ages given with who they belong to ("lui 36 moi 34", "me 28, her 30"),
/// for the question on both partners' ages; `None` when the answer does not
/// say whose age is whose.
fn ages_par_personne(texte: &str, champs: &[String]) -> Option<Vec<(String, Value)>> {
    if champs.len() != 2 || champs[0] != "demandeur.age" || champs[1] != "conjoint.age" {
        return None;
    }
    let f = forme(texte);
    let mut moi = None;
    let mut lui = None;
    let mut qui: Option<bool> = None;
    for m in f.split(' ') {
        if ["moi", "me", "i", "je", "j", "myself"].contains(&m) {
            qui = Some(true);
        } else if [
            "lui",
            "elle",
            "him",
            "her",
            "he",
            "she",
            "mari",
            "femme",
            "conjoint",
            "conjointe",
            "husband",
            "wife",
            "partner",
            "copain",
            "copine",
            "compagnon",
            "compagne",
            "boyfriend",
            "girlfriend",
        ]
        .contains(&m)
        {
            qui = Some(false);
        } else if let Ok(n) = m.parse::<u32>() {
            match qui {
                Some(true) if moi.is_none() => moi = Some(n),
                Some(false) if lui.is_none() => lui = Some(n),
                _ => return None,
            }
            qui = None;
        }
    }
    let (moi, lui) = (moi?, lui?);
    let bornes = 14..=120;
    (bornes.contains(&moi) && bornes.contains(&lui)).then(|| {
        vec![
            ("demandeur.age".to_string(), Value::from(moi)),
            ("conjoint.age".to_string(), Value::from(lui)),
        ]
    })
}

/// The eligible aids, largest monthly amount first (a yearly or one-off
/// amount counts as a twelfth). Results are numbered in this order on every
/// channel: the number a person types for a detail refers to it.
pub fn eligibles(aides: &[ResultatAide]) -> Vec<&ResultatAide> {
    let mut v: Vec<&ResultatAide> = aides
        .iter()
        .filter(|a| a.statut == Statut::Eligible)
        .collect();
    let mensuel = |a: &ResultatAide| -> Decimal {
        let m = a.montant.unwrap_or_default();
        match a.periodicite {
            Some(Periodicite::Annuelle) | Some(Periodicite::Unique) => m / Decimal::from(12),
            _ => m,
        }
    };
    v.sort_by_key(|a| std::cmp::Reverse(mensuel(a)));
    v
}

/// Reads a choice among options given as owned (key, value, synonyms).
fn choix_parmi(texte: &str, options: &[(String, String, Vec<String>)]) -> Compris<usize> {
    let mots: Vec<Vec<&str>> = options
        .iter()
        .map(|(_, _, m)| m.iter().map(String::as_str).collect())
        .collect();
    let refs: Vec<(&str, &str, &[&str])> = options
        .iter()
        .zip(&mots)
        .map(|((k, v, _), m)| (k.as_str(), v.as_str(), m.as_slice()))
        .collect();
    reponse::choix(texte, &refs)
}

/// What the engine does with a place read at the postal code question.
fn lecture_lieu(lu: LieuLu) -> Lecture {
    match lu {
        LieuLu::Trouve(l) => Lecture::Lieu(l),
        LieuLu::APreciser(p) => Lecture::LieuAPreciser(p),
        LieuLu::NeSaitPas => Lecture::NeSaitPas,
        LieuLu::Refuse(r) => Lecture::LieuRefuse(r),
    }
}

/// The communes of the postal code the situation gives.
fn communes_de(s: &Situation) -> Vec<&'static geo::Commune> {
    s.logement
        .as_ref()
        .and_then(|l| l.code_postal.as_deref())
        .map(geo::communes_du_code_postal)
        .unwrap_or_default()
}

static UNITE_COLLEE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(\d)(ans|an|a|yo|y|years|mois|months)\b").expect("a constant pattern")
});

static AN_ABREGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(\d) (?:a|yo|y)\b").expect("a constant pattern")
});

/// Splits a list answer ("4, 12 et 15 ans", "C L", "1 4") into its items.
/// A date of birth is not a list item: lists hold ages or letters.
fn morceaux(texte: &str) -> Vec<String> {
    let n = reponse::normaliser(texte);
    // "7ans 3ans": a number glued to its unit is two words.
    // "10a 6a", "7yo": a lone unit after a number.
    let separe = UNITE_COLLEE.replace_all(&n, "$1 $2").to_string();
    let n = AN_ABREGE.replace_all(&separe, "$1 ").to_string();
    let n = n
        .replace(" et ", ",")
        .replace(" and ", ",")
        .replace(" ans", " ")
        .replace("ans ", " ")
        .replace(['/', ';', '-', '+'], ",");
    let mut v = Vec::new();
    for partie in n.split(',') {
        let partie = partie.trim();
        if partie.is_empty() {
            continue;
        }
        // "4 12 15" or "c l": split on spaces when each word is an item.
        let mots: Vec<&str> = partie.split_whitespace().collect();
        let est_nombre = |m: &str| {
            m.chars().next().is_some_and(|c| c.is_ascii_digit())
                && m.chars().all(|c| c.is_ascii_digit() || c == '.')
        };
        let chiffres = mots.iter().filter(|m| est_nombre(m)).count();
        let courts = mots.iter().filter(|m| m.len() <= 2).count();
        if mots.len() > 1 && (chiffres == mots.len() || courts == mots.len()) {
            v.extend(mots.iter().map(|m| m.to_string()));
        } else if mots.len() > 1 && chiffres >= 2 {
            // "4 ans 12 ans" after "ans" was dropped keeps only the numbers.
            v.extend(mots.iter().filter(|m| est_nombre(m)).map(|m| m.to_string()));
        } else {
            v.push(partie.to_string());
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn morceaux_de_listes() {
        assert_eq!(morceaux("4, 12 et 15 ans"), vec!["4", "12", "15"]);
        assert_eq!(morceaux("4 12"), vec!["4", "12"]);
        assert_eq!(morceaux("4 ans et 12 ans"), vec!["4", "12"]);
        assert_eq!(morceaux("C L"), vec!["c", "l"]);
        assert_eq!(
            morceaux("trente quatre et trente six"),
            vec!["trente quatre", "trente six"]
        );
        assert_eq!(morceaux("34"), vec!["34"]);
        assert_eq!(morceaux("7ans 3ans"), vec!["7", "3"]);
    }

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
