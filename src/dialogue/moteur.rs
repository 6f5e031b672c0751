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

use super::questions::{Choix, Comparaison, Genre, Question, Questions};
use super::reponse::{self, Compris};
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
}

fn mot_cle(texte: &str) -> Option<MotCle> {
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
                Comparaison::Superieur(n) => v
                    .as_ref()
                    .and_then(|v| v.as_f64())
                    .and_then(|f| Decimal::try_from(f).ok())
                    .is_some_and(|x| x > *n),
            }
        })
    })
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
        Ok(Moteur {
            regles,
            questions,
            textes,
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
        utiles
    }

    /// The question to ask next, if any can still change an outcome.
    fn prochaine<'q>(
        &'q self,
        conversation: &Conversation,
        json: &Value,
        eval: &Evaluation,
    ) -> Option<Candidat<'q>> {
        let utiles = self.utiles(conversation, json, eval);
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

    /// Estimated questions still to ask: questions that can still change an
    /// outcome, counting once the questions that fill the same fields
    /// (single and couple ages, household and personal disability) or that
    /// are alternatives (the income question depends on the activity).
    fn restantes(&self, conversation: &Conversation, json: &Value, eval: &Evaluation) -> u32 {
        let utiles = self.utiles(conversation, json, eval);
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
    /// Fields to set, presumptions, and whether something was presumed.
    Comprise(Vec<(String, Value)>, Vec<(String, Value)>),
    NeSaitPas,
    Incomprise(&'static str),
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
        let cle = mot_cle(entrant.texte);
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
            blocs.push(self.t(c.langue, "bienvenue", &[]));
            if cle == Some(MotCle::Rappel) {
                c.rappel = true;
                tour.effets.push(Effet::Rappel);
                blocs.push(self.t(c.langue, "rappel", &[]));
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
            Some(MotCle::Suite) if matches!(c.etape, Etape::Resultats { .. }) => {
                let eval = self.evaluer(&c, entrant.mois);
                let Etape::Resultats { suite } = c.etape else {
                    unreachable!()
                };
                self.resultats(&mut c, &eval, suite, &mut blocs, &mut tour);
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
                self.resultats(&mut copie, &eval, 0, &mut blocs, &mut tour);
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
            let mut bloc = self.ligne_aide(l, i + 1, a);
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
        let avant = Instantane {
            situation: c.situation.clone(),
            etape: c.etape.clone(),
            repondues: c.repondues.clone(),
            ignores: c.ignores.clone(),
            supposes: c.supposes.clone(),
            posees: c.posees,
        };
        match self.lire(q, &champs, &c.situation, e) {
            Lecture::Comprise(affectations, suppositions) => {
                let mut j = json;
                for (chemin, v) in &affectations {
                    assigner(&mut j, chemin, v);
                }
                for (chemin, v) in &suppositions {
                    // A presumption never overrides what the person said.
                    if valeur_champ(&c.situation, &j, chemin).is_none() {
                        assigner(&mut j, chemin, v);
                        c.supposes.push(chemin.clone());
                    }
                }
                match Situation::from_value(j) {
                    Ok(s) => {
                        c.situation = s;
                        c.repondues.push(q.id.clone());
                        c.reponses.push(e.texte.to_string());
                        c.posees += 1;
                        c.rates = 0;
                        c.historique.push(avant);
                        if c.historique.len() > HISTORIQUE_MAX {
                            c.historique.remove(0);
                        }
                        self.continuer(c, e, blocs, tour, false);
                    }
                    Err(_) => self.rate(c, q, "incompris-bornes", e, blocs, tour),
                }
            }
            Lecture::NeSaitPas => {
                c.ignores.extend(champs.iter().cloned());
                c.repondues.push(q.id.clone());
                c.reponses.push(e.texte.to_string());
                c.posees += 1;
                c.rates = 0;
                c.historique.push(avant);
                if c.historique.len() > HISTORIQUE_MAX {
                    c.historique.remove(0);
                }
                blocs.push(self.t(c.langue, "ne-sait-pas", &[]));
                self.continuer(c, e, blocs, tour, false);
            }
            Lecture::Incomprise(message) => self.rate(c, q, message, e, blocs, tour),
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
    fn lire(&self, q: &Question, champs: &[String], s: &Situation, e: &Entrant) -> Lecture {
        let texte = e.texte;
        let premier = champs
            .first()
            .cloned()
            .unwrap_or_else(|| q.champs[0].clone());
        let dans_bornes = |d: Decimal| q.min.is_none_or(|m| d >= m) && q.max.is_none_or(|m| d <= m);
        let nombre = |c: Compris<Decimal>| -> Result<Decimal, Lecture> {
            match c {
                Compris::Valeur(d) if dans_bornes(d) => Ok(d),
                Compris::Valeur(_) => Err(Lecture::Incomprise("incompris-bornes")),
                Compris::NeSaitPas => Err(Lecture::NeSaitPas),
                Compris::Incompris => Err(Lecture::Incomprise("incompris")),
            }
        };
        let json_nombre = nombre_json;
        match q.genre {
            Genre::OuiNon => match reponse::oui_non(texte) {
                Compris::Valeur(b) => {
                    let mut a = vec![(premier, Value::Bool(b))];
                    a.extend(if b { q.oui.clone() } else { q.non.clone() });
                    if b && q.champs.len() > 1 && q.oui.is_empty() {
                        // "Yes" to a question that covers several people
                        // settles nothing: the personal questions follow.
                        a.clear();
                    }
                    Lecture::Comprise(a, vec![])
                }
                Compris::NeSaitPas => Lecture::NeSaitPas,
                Compris::Incompris => Lecture::Incomprise("incompris"),
            },
            Genre::Nombre => match nombre(reponse::nombre(texte)) {
                Ok(d) if d.fract().is_zero() => {
                    Lecture::Comprise(vec![(premier, json_nombre(d))], vec![])
                }
                Ok(_) => Lecture::Incomprise("incompris"),
                Err(l) => l,
            },
            Genre::Montant => match nombre(reponse::montant(texte)) {
                Ok(d) => Lecture::Comprise(vec![(premier, json_nombre(d))], vec![]),
                Err(l) => l,
            },
            Genre::Age => match lire_age(texte, e.aujourd_hui) {
                Compris::Valeur(d) => match nombre(Compris::Valeur(d)) {
                    Ok(d) if d.fract().is_zero() => {
                        Lecture::Comprise(vec![(premier, json_nombre(d))], vec![])
                    }
                    Ok(_) => Lecture::Incomprise("incompris"),
                    Err(l) => l,
                },
                Compris::NeSaitPas => Lecture::NeSaitPas,
                Compris::Incompris => Lecture::Incomprise("incompris"),
            },
            Genre::Ages => {
                if champs.len() == 1 {
                    return match lire_age(texte, e.aujourd_hui) {
                        Compris::Valeur(a) => match nombre(Compris::Valeur(a)) {
                            Ok(d) => Lecture::Comprise(vec![(premier, json_nombre(d))], vec![]),
                            Err(l) => l,
                        },
                        Compris::NeSaitPas => Lecture::NeSaitPas,
                        Compris::Incompris => Lecture::Incomprise("incompris"),
                    };
                }
                let parties = morceaux(texte);
                if parties.len() == 1 && reponse::nombre(texte) == Compris::NeSaitPas {
                    return Lecture::NeSaitPas;
                }
                // "34" to "how old are you and your partner": the person's
                // own age; the partner's is asked next. Children's ages must
                // all be there, or we could not tell whose age is whose.
                let partiel = !q.liste && !parties.is_empty() && parties.len() < champs.len();
                if parties.len() != champs.len() && !partiel {
                    return Lecture::Incomprise("incompris-liste");
                }
                let mut a = Vec::new();
                for (p, c) in parties.iter().zip(champs) {
                    match nombre(reponse::nombre(p)) {
                        Ok(d) if d.fract().is_zero() => a.push((c.clone(), json_nombre(d))),
                        Ok(_) => return Lecture::Incomprise("incompris-liste"),
                        Err(Lecture::Incomprise("incompris")) => {
                            return Lecture::Incomprise("incompris-liste");
                        }
                        Err(l) => return l,
                    }
                }
                Lecture::Comprise(a, vec![])
            }
            Genre::Choix if q.liste => self.lire_choix_liste(q, champs, texte),
            Genre::Choix => match self.choisir(q, texte) {
                Compris::Valeur(choix) => {
                    let mut a = vec![(premier, choix.valeur.clone())];
                    a.extend(choix.remplit.iter().cloned());
                    Lecture::Comprise(a, choix.suppose.clone())
                }
                Compris::NeSaitPas => Lecture::NeSaitPas,
                Compris::Incompris => Lecture::Incomprise("incompris"),
            },
            Genre::CodePostal => match reponse::code_postal(texte) {
                Compris::Valeur(cp) => {
                    let communes = geo::communes_du_code_postal(&cp);
                    if communes.is_empty() {
                        return Lecture::Incomprise("incompris");
                    }
                    let mut a = vec![(premier, Value::String(cp))];
                    if communes.len() == 1 {
                        a.push((
                            "logement.commune".into(),
                            Value::String(communes[0].insee.into()),
                        ));
                    }
                    Lecture::Comprise(a, vec![])
                }
                Compris::NeSaitPas => Lecture::NeSaitPas,
                Compris::Incompris => Lecture::Incomprise("incompris"),
            },
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
                    ),
                    Compris::NeSaitPas => Lecture::NeSaitPas,
                    Compris::Incompris => Lecture::Incomprise("incompris"),
                }
            }
        }
    }

    fn options(&self, q: &Question) -> Vec<(String, String, Vec<String>)> {
        q.choix
            .iter()
            .map(|c| {
                // Options are recognised by their label in both languages.
                let mut mots = c.mots.clone();
                for l in Langue::TOUTES {
                    mots.push(self.t(l, &c.libelle, &[]));
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
        Lecture::Comprise(a, vec![])
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
        match courante.or_else(|| self.prochaine(c, &json, &eval)) {
            Some(cand) => {
                let q = cand.question;
                if c.etape != (Etape::Question { id: q.id.clone() }) {
                    c.rates = 0;
                }
                c.etape = Etape::Question { id: q.id.clone() };
                let numero = c.posees + 1;
                let total = (c.posees + self.restantes(c, &json, &eval)).max(numero);
                let args = self.args_question(q, c);
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
                    self.textes.texte(c.langue, &q.message, None, &args)
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
            None => self.resultats(c, &eval, 0, blocs, tour),
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
            _ => Vec::new(),
        }
    }

    /// The short name of an aid, for SMS, in the conversation's language.
    fn nom_court(&self, langue: Langue, a: &ResultatAide) -> String {
        self.textes.aide(langue, &self.regles, a).libelle_court()
    }

    fn ligne_aide(&self, langue: Langue, n: usize, a: &ResultatAide) -> String {
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
    fn resultats(
        &self,
        c: &mut Conversation,
        eval: &Evaluation,
        debut: usize,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        let l = c.langue;
        let eligibles = eligibles(&eval.aides);
        let a_verifier = eval
            .aides
            .iter()
            .filter(|a| a.statut == Statut::Indetermine)
            .count();
        tour.aides = Some(eval.aides.clone());
        tour.invite = None;
        if eligibles.is_empty() {
            c.etape = Etape::Resultats { suite: 0 };
            blocs.push(self.t(l, "resultats-rien", &[]));
            if a_verifier > 0 {
                blocs.push(self.t(
                    l,
                    "resultats-a-verifier",
                    &[("n", Arg::Nombre(a_verifier as i64))],
                ));
            }
            return;
        }
        let debut = if debut >= eligibles.len() { 0 } else { debut };
        // The page must fit in one reply with what precedes it in this turn.
        let deja = blocs.join("\n");
        let mut pied = vec![self.t(l, "resultats-detail", &[])];
        if debut == 0 {
            // Dropped first when space runs out: the presumption, then the
            // aids left to check (said again on the next page).
            if a_verifier > 0 {
                pied.insert(
                    0,
                    self.t(
                        l,
                        "resultats-a-verifier",
                        &[("n", Arg::Nombre(a_verifier as i64))],
                    ),
                );
            }
            if !c.supposes.is_empty() {
                pied.insert(0, self.t(l, "resultats-suppose", &[]));
            }
        }
        let suite_txt = self.t(l, "resultats-suite", &[]);
        let mut lignes = vec![self.t(l, "resultats-titre", &[])];
        let mut fin = debut;
        for (i, a) in eligibles.iter().enumerate().skip(debut) {
            let ligne = self.ligne_aide(l, i + 1, a);
            let mut essai = lignes.clone();
            essai.push(ligne.clone());
            let reste = i + 1 < eligibles.len();
            let mut p = pied.clone();
            if reste {
                p.push(suite_txt.clone());
            }
            let texte = format!("{}\n{}\n{}", deja, essai.join("\n"), p.join(" "));
            if self.tient(texte.trim_start()) || fin == debut {
                lignes = essai;
                fin = i + 1;
            } else {
                break;
            }
        }
        let mut p = pied;
        if fin < eligibles.len() {
            p.push(suite_txt);
        }
        // Drop footer sentences that do not fit, least useful first.
        while p.len() > 1
            && !self.tient(format!("{}\n{}\n{}", deja, lignes.join("\n"), p.join(" ")).trim_start())
        {
            p.remove(0);
        }
        lignes.push(p.join(" "));
        blocs.push(lignes.join("\n"));
        c.etape = Etape::Resultats { suite: fin };
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

/// The communes of the postal code the situation gives.
fn communes_de(s: &Situation) -> Vec<&'static geo::Commune> {
    s.logement
        .as_ref()
        .and_then(|l| l.code_postal.as_deref())
        .map(geo::communes_du_code_postal)
        .unwrap_or_default()
}

/// Splits a list answer ("4, 12 et 15 ans", "C L", "1 4") into its items.
/// A date of birth is not a list item: lists hold ages or letters.
fn morceaux(texte: &str) -> Vec<String> {
    let n = reponse::normaliser(texte);
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
