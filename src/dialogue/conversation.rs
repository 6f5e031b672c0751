//! What a conversation keeps between two messages (the situation so far,
//! the questions answered, what RETOUR can undo) and what one step gives
//! back to its caller (the replies, the question waiting, the effects). These
//! are the engine's data, read and written by the service; the step itself
//! is in [`super::moteur`].

use super::lieu;
use crate::rules::ResultatAide;
use crate::situation::{Mois, Situation};
use crate::textes::Langue;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How many answers RETOUR can undo.
pub(super) const HISTORIQUE_MAX: usize = 20;

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
    pub(super) situation: Situation,
    pub(super) etape: Etape,
    pub(super) repondues: Vec<String>,
    pub(super) ignores: Vec<String>,
    pub(super) supposes: Vec<String>,
    pub(super) posees: u32,
}

impl Conversation {
    /// The state RETOUR would bring back.
    pub(super) fn instantane(&self) -> Instantane {
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
    pub(super) fn memoriser(&mut self, avant: Instantane) {
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
pub(super) type Affectations = Vec<(String, Value)>;

pub(super) fn is_zero(n: &u32) -> bool {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionInvite {
    /// What to type.
    pub key: String,
    /// The value it gives the field.
    pub value: Value,
    /// Its label in the conversation's language.
    pub label: String,
}

/// The question waiting for an answer, for channels that show buttons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    /// The situation path the question fills first.
    pub field: String,
    /// Every path the answer fills, in order (several for a list of ages).
    pub fields: Vec<String>,
    /// How the answer is read (`number`, `money`, `yes_no`, `choice`…).
    pub kind: super::questions::Genre,
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
