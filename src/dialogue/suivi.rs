//! Follow-ups, on the engine's side: asking once whether guichet may write
//! again, reading the answer (OUI / YES), the answer to the question of day
//! 7, and which follow-up a conversation may still receive.
//!
//! Pure like the rest of the engine: when a follow-up is due (a day of
//! silence, a week after the results, between 9:00 and 19:00) is the
//! service's business ([`crate::suivi`]), which keeps the schedule and the
//! contact; the engine only says what may be sent and records that it was,
//! in the conversation, so that nothing is ever sent twice.

use super::conversation::{
    AttenteSuivi, Conversation, Demarche, Effet, Entrant, EnvoiSuivi, Etape, Tour,
};
use super::moteur::Moteur;
use super::mots_cles::MotCle;
use super::reponse;
use super::resultats::eligibles;

impl Moteur {
    /// Reads a message as the answer to a follow-up question, if one is
    /// waiting. Returns whether it was one (the step is then done); any
    /// other message lets the question lapse: it is never asked again.
    pub(super) fn repondre_suivi(
        &self,
        c: &mut Conversation,
        cle: Option<MotCle>,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &mut Tour,
    ) -> bool {
        let Some(attente) = c.suivi.attente.take() else {
            return false;
        };
        if cle.is_some() {
            // A keyword (STOP, RAPPEL, AIDE…) keeps its meaning.
            return false;
        }
        match attente {
            AttenteSuivi::Consentement => {
                // A word, not a digit: "1" right after the results asks
                // for the first aid's detail, whatever yes/no questions
                // accept elsewhere.
                let chiffre = e.texte.chars().any(|c| c.is_ascii_digit());
                if chiffre || reponse::oui_non(e.texte).valeur() != Some(true) {
                    return false;
                }
                c.suivi.consentement = true;
                blocs.push(self.t(c.langue, "suivi-oui", &[]));
                self.redire(c, e, blocs, tour);
                true
            }
            AttenteSuivi::Demarche => {
                let choix = match reponse::normaliser(e.texte).trim() {
                    "1" => Demarche::Faite,
                    "2" => Demarche::PasEncore,
                    "3" => Demarche::Aide,
                    _ => return false,
                };
                c.suivi.demarche = Some(choix);
                match choix {
                    Demarche::Faite => blocs.push(self.t(c.langue, "suivi-demarche-faite", &[])),
                    Demarche::PasEncore => {
                        blocs.push(self.t(c.langue, "suivi-demarche-pas-encore", &[]))
                    }
                    Demarche::Aide => {
                        c.rappel = true;
                        tour.effets.push(Effet::Rappel);
                        blocs.push(self.t(c.langue, "rappel", &[]));
                    }
                }
                true
            }
        }
    }

    /// With the first results that find an aid, on a channel that can
    /// write later: asks, once, whether the person agrees to follow-ups.
    pub(super) fn demander_suivi(
        &self,
        c: &mut Conversation,
        e: &Entrant,
        blocs: &mut Vec<String>,
        tour: &Tour,
    ) {
        // Only when an aid was found: the question of day 7 asks whether
        // the person applied for it.
        let resultats = tour
            .aides
            .as_ref()
            .is_some_and(|a| !eligibles(a).is_empty())
            && matches!(c.etape, Etape::Resultats { .. });
        if e.joignable && resultats && !c.suivi.demande && !c.arrete {
            c.suivi.demande = true;
            c.suivi.attente = Some(AttenteSuivi::Consentement);
            blocs.push(self.t(c.langue, "suivi-question", &[]));
        }
    }

    /// The follow-up this conversation may still receive once its delay
    /// has passed, or `None`: nothing after STOP, nothing without consent
    /// (but the consent question itself, once, mid-conversation), each at
    /// most once.
    pub fn suivi_du(&self, c: &Conversation) -> Option<EnvoiSuivi> {
        if c.arrete {
            return None;
        }
        let s = &c.suivi;
        match c.etape {
            Etape::Question { .. } if s.consentement && !s.reprise_envoyee => {
                Some(EnvoiSuivi::Reprise)
            }
            Etape::Question { .. } if !s.demande => Some(EnvoiSuivi::Consentement),
            Etape::Resultats { .. } if s.consentement && !s.demarche_envoyee => {
                Some(EnvoiSuivi::Demarche)
            }
            _ => None,
        }
    }

    /// The messages of a follow-up, recording in the conversation that it
    /// was sent (to be saved in the same transaction as the outbox entry).
    /// Empty when that follow-up is not (or no longer) due.
    pub fn ecrire_suivi(&self, c: &mut Conversation, r: EnvoiSuivi) -> Vec<String> {
        if self.suivi_du(c) != Some(r) {
            return Vec::new();
        }
        let id = match r {
            EnvoiSuivi::Consentement => {
                c.suivi.demande = true;
                c.suivi.attente = Some(AttenteSuivi::Consentement);
                "suivi-question-pause"
            }
            EnvoiSuivi::Reprise => {
                c.suivi.reprise_envoyee = true;
                c.suivi.attente = None;
                "suivi-reprise"
            }
            EnvoiSuivi::Demarche => {
                c.suivi.demarche_envoyee = true;
                c.suivi.attente = Some(AttenteSuivi::Demarche);
                "suivi-demarche"
            }
        };
        self.emballer(vec![self.t(c.langue, id, &[])])
    }
}
