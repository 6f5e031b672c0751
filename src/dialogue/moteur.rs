//! The conversation state machine: one inbound message in, the next state
//! and the replies out. Pure: no clock (today arrives with the message), no
//! storage (the caller loads and saves the [`Conversation`]), no network.
//!
//! This file holds the step itself ([`Moteur::pas`]): keywords, the answer
//! to the question waiting, what a message states besides it, and packing
//! the replies into SMS. Its parts live beside it, each an `impl Moteur` of
//! its own: the state kept ([`super::conversation`]), keywords
//! ([`super::mots_cles`]), fields by path ([`super::champs`]), which question
//! next ([`super::prochaine`]), reading an answer ([`super::lecture`]),
//! read-back ([`super::relecture`]) and results ([`super::resultats`]).
//!
//! Every reply is built from Fluent messages and packed into as few SMS as
//! possible, each within the segment budget after GSM-7 transliteration.

pub use super::champs::valeur_champ;
use super::champs::{assigner, champ_sans_personne, champs_concrets, choix_pour, nombre_json};
use super::conversation::{Affectations, Instantane};
pub use super::conversation::{
    Conversation, Correction, Effet, Entrant, Etape, Invite, OptionInvite, Refus, ReponseDonnee,
    Tour,
};
use super::extraction;
use super::lecture::{Lecture, lecture_lieu, preparer};
use super::lexique::{Lexique, forme, position_mots};
use super::lieu;
use super::mots_cles::{MotCle, mot_cle};
use super::prochaine::Candidat;
use super::questions::{Genre, Question, Questions};
use super::reponse;
pub use super::resultats::eligibles;
use crate::geo;
use crate::rules::{Evaluation, RuleSet};
use crate::situation::{Mois, Situation};
use crate::sms::gsm7;
use crate::textes::{Arg, Langue, Textes};
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::HashMap;

/// A piece of a turn that asks for a new reply rather than joining the previous one.
pub(super) const SEPARATION: &str = "\u{0}";

/// Misses on one question after which a callback is offered.
pub(super) const RATES_AVANT_RAPPEL: u8 = 3;
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
    /// Each choice question's options as answers are read against them
    /// (keys, labels and words, folded), by question id.
    pub(super) options_choix: HashMap<String, reponse::OptionsPreparees>,
}

/// A choice as an answer is read against it: its key, its value, the words
/// that name it.
pub(super) type OptionLue = (String, String, Vec<String>);

/// The language a first message seems to be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LangueLue {
    Francais,
    Anglais,
    /// Another script, or several words none of which we know.
    Inconnue,
    /// Too short to tell: the conversation's language stays.
    Indecise,
}

// ---------------------------------------------------------------------------
// Reading and writing situation fields by path
// ---------------------------------------------------------------------------

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
        let mut moteur = Moteur {
            regles,
            questions,
            textes,
            lexique,
            reglages,
            options_choix: HashMap::new(),
        };
        // Every choice's words, from the file, both languages' labels and
        // the lexicon: the same for every answer, gathered once (reading
        // an answer used to rebuild them, a sixth of a turn).
        moteur.options_choix = moteur
            .questions
            .liste
            .iter()
            .filter(|q| !q.choix.is_empty())
            .map(|q| (q.id.clone(), preparer(&moteur.options_calculees(q))))
            .collect();
        Ok(moteur)
    }
}

impl Moteur {
    /// Evaluates every aid on a conversation's situation.
    pub fn evaluer(&self, conversation: &Conversation, mois: Mois) -> Evaluation {
        self.regles.evaluer(&conversation.situation, mois)
    }
}

// ---------------------------------------------------------------------------
// The step
// ---------------------------------------------------------------------------

impl Moteur {
    pub(super) fn t(&self, langue: Langue, id: &str, args: &[(&str, Arg)]) -> String {
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
                    blocs.push(self.fin_des_resultats(&c, entrant.mois));
                } else {
                    self.redire(&mut c, entrant, &mut blocs, &mut tour);
                }
            }
            Some(MotCle::Bavardage) => {
                blocs.push(self.t(c.langue, "bavardage", &[]));
                if matches!(c.etape, Etape::Resultats { .. }) {
                    blocs.push(self.fin_des_resultats(&c, entrant.mois));
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
            kind: q.genre,
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

    pub(super) fn arreter(&self, mut c: Conversation, mut tour: Tour) -> (Conversation, Tour) {
        c.arrete = true;
        tour.effets.push(Effet::Arret);
        tour.messages = self.emballer(vec![self.t(
            c.langue,
            "stop",
            &[("jours", Arg::Nombre(self.reglages.expiration_jours.into()))],
        )]);
        (c, tour)
    }

    pub(super) fn effacer(&self, c: Conversation, mut tour: Tour) -> (Conversation, Tour) {
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
    pub(super) fn redire(
        &self,
        c: &mut Conversation,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) {
        match &c.etape {
            Etape::Resultats { .. } => {
                blocs.push(self.t(c.langue, "resultats-fin", &[]));
            }
            _ => self.continuer(c, e, blocs, tour, true),
        }
    }

    pub(super) fn repondre(
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
    pub(super) fn langue_du_message(&self, texte: &str) -> LangueLue {
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
    pub(super) fn montant_de_l_activite(
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
    pub(super) fn appliquer(
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
    pub(super) fn faits_du_message(
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
    pub(super) fn consequences(&self, faits: &[(String, Value)]) -> (Affectations, Affectations) {
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

    /// The net monthly SMIC of a month, from the rules' dated parameters and
    /// the lexicon's net share.
    pub(super) fn smic_net(&self, mois: Mois) -> Option<Decimal> {
        let horaire = self.parametre("smic_horaire_brut", mois)?;
        let heures = self.parametre("heures_smic_mensuelles", mois)?;
        Some(
            (horaire * heures * self.lexique.argent.brut_vers_net)
                .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// The flat-rate charges of the housing aid for a household (what a rent
    /// "charges comprises" is estimated to include).
    pub(super) fn forfait_charges(&self, mois: Mois, s: &Situation) -> Option<Decimal> {
        let base = self.parametre("aides_logement.forfait_charges_base", mois)?;
        let par_personne = self
            .parametre("aides_logement.forfait_charges_par_personne_a_charge", mois)
            .unwrap_or_default();
        let enfants = Decimal::from(s.nombre_enfants().unwrap_or(0) as u64);
        Some(base + par_personne * enfants)
    }

    /// A number parameter of the rules in force in a month.
    pub(super) fn parametre(&self, nom: &str, mois: Mois) -> Option<Decimal> {
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
    pub(super) fn garder_faits_du_lieu(
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
    pub(super) fn proposer_lieux(
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
    pub(super) fn refuser_lieu(
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
    pub(super) fn libelle_question(
        &self,
        q: &Question,
        c: &Conversation,
        args: &[(&str, Arg)],
    ) -> String {
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

    pub(super) fn rate(
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

    /// Arguments of a question's messages: the number of children and their ages.
    pub(super) fn args_question(&self, q: &Question, c: &Conversation) -> Vec<(&'static str, Arg)> {
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
    pub(super) fn continuer(
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
        // Evaluated once for the choice and the progress: what is worth
        // asking tries other values of presumed fields (an evaluation each).
        let mut utiles = self.utiles(c, &json, &eval, e.mois);
        let suivante = match courante.or_else(|| self.prochaine(c, &json, &utiles)) {
            Some(cand) => Some(cand),
            None => {
                let relance = self.relancer(c, &json, &eval);
                if relance.is_some() {
                    // The reopened answer is no longer "not known".
                    utiles = self.utiles(c, &json, &eval, e.mois);
                }
                relance
            }
        };
        match suivante {
            Some(cand) => {
                let q = cand.question;
                if c.etape != (Etape::Question { id: q.id.clone() }) {
                    c.rates = 0;
                }
                c.etape = Etape::Question { id: q.id.clone() };
                let numero = c.posees + 1;
                let estime = c.posees
                    + self.restantes(c, &json, &utiles)
                    + self.a_relancer(c, &json, &eval).len() as u32;
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
                    kind: q.genre,
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

    pub(super) fn options_invite(&self, q: &Question, c: &Conversation) -> Vec<OptionInvite> {
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

    /// Whether a text fits the segment budget once transliterated.
    pub fn tient(&self, texte: &str) -> bool {
        let (_, n) = gsm7::segments(&gsm7::translitterer(texte));
        n <= self.reglages.budget_segments
    }

    /// Packs the pieces of a turn into as few replies as the budget allows,
    /// cutting a piece that alone exceeds it at a word boundary.
    pub(super) fn emballer(&self, blocs: Vec<String>) -> Vec<String> {
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

    pub(super) fn couper(&self, texte: &str) -> String {
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

/// The communes of the postal code the situation gives.
pub(super) fn communes_de(s: &Situation) -> Vec<&'static geo::Commune> {
    s.logement
        .as_ref()
        .and_then(|l| l.code_postal.as_deref())
        .map(geo::communes_du_code_postal)
        .unwrap_or_default()
}
