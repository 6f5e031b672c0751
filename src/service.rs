//! One inbound message from any channel, handled from end to end: key the
//! sender, take their lock, load their conversation, recognise a duplicate,
//! run one engine step, save, and return the replies.
//!
//! This is where the pure engine meets storage and the clock. Messages from
//! one sender are handled one at a time (a lock per key); the record is
//! written and flushed before the replies are returned, so a reply that left
//! the service always matches a state on disk. Channels (SMS webhooks,
//! Telegram, the terminal chat) call [`Service::traiter`] and only translate
//! wire formats.

use crate::dialogue::{Conversation, Effet, Entrant, Moteur};
use crate::horloge;
use crate::rules::ResultatAide;
use crate::situation::Mois;
use crate::store::{Cle, DemandeRappel, Dossier, ErreurMagasin, Magasin, empreinte_message};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A message as a channel received it.
#[derive(Debug, Clone)]
pub struct Message<'a> {
    /// The channel (`sms`, `telegram`, `chat`): the same number on two
    /// channels is two conversations.
    pub canal: &'a str,
    /// Who sent it (a phone number in E.164, a chat id): hashed, never stored.
    pub expediteur: &'a str,
    /// What they typed.
    pub texte: &'a str,
    /// The provider's message id, to recognise a second delivery.
    pub id: Option<&'a str>,
    /// The language the channel knows the person uses (Telegram's
    /// `language_code`), for a first contact.
    pub langue: Option<crate::textes::Langue>,
}

/// What a channel sends back, and what is kept to answer a duplicate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sortie {
    /// The replies, in order (not yet transliterated: channels do it).
    pub messages: Vec<String>,
    /// The question waiting (JSON of [`crate::dialogue::Invite`]), or null.
    pub invite: serde_json::Value,
    /// Whether results were given by this step.
    pub resultats: bool,
    /// What the engine asked the caller to do.
    pub effets: Vec<String>,
    /// True when this message id was already handled: nothing changed.
    #[serde(default)]
    pub doublon: bool,
    /// Every aid's result, when results were given (not stored).
    #[serde(skip)]
    pub aides: Option<Vec<ResultatAide>>,
}

/// The clock the service reads, replaceable in tests.
pub type Horloge = fn() -> u64;

/// The conversation service shared by every channel.
pub struct Service {
    /// The engine.
    pub moteur: Moteur,
    magasin: Box<dyn Magasin>,
    secret: Vec<u8>,
    verrous: Mutex<HashMap<Cle, Arc<Mutex<()>>>>,
    /// Seconds after which an idle conversation starts afresh.
    pub expiration_secondes: u64,
    horloge: Horloge,
}

/// The civil date and month in France of a time (UTC+1 is close enough to
/// read ages and choose the month's rules).
pub fn date_et_mois(secondes: u64) -> ((i32, u8, u8), Mois) {
    let jours = ((secondes + 3600) / 86_400) as i64;
    let (a, m, j) = horloge::date_civile(jours);
    ((a, m, j), Mois { annee: a, mois: m })
}

impl Service {
    /// A service over a store, with the secret of keyed hashes.
    pub fn nouveau(moteur: Moteur, magasin: Box<dyn Magasin>, secret: Vec<u8>) -> Service {
        let jours = u64::from(moteur.reglages.expiration_jours);
        Service {
            moteur,
            magasin,
            secret,
            verrous: Mutex::new(HashMap::new()),
            expiration_secondes: jours * 86_400,
            horloge: horloge::maintenant_secondes,
        }
    }

    /// Replaces the clock (tests, transcripts).
    pub fn avec_horloge(mut self, horloge: Horloge) -> Service {
        self.horloge = horloge;
        self
    }

    /// The store.
    pub fn magasin(&self) -> &dyn Magasin {
        &*self.magasin
    }

    /// The key of a sender on a channel.
    pub fn cle(&self, canal: &str, expediteur: &str) -> Cle {
        Cle::calculer(&self.secret, canal, expediteur)
    }

    fn verrou(&self, cle: &Cle) -> Arc<Mutex<()>> {
        let mut v = self.verrous.lock().unwrap_or_else(|p| p.into_inner());
        v.entry(cle.clone()).or_default().clone()
    }

    fn liberer(&self, cle: &Cle) {
        let mut v = self.verrous.lock().unwrap_or_else(|p| p.into_inner());
        if v.get(cle).is_some_and(|a| Arc::strong_count(a) == 1) {
            v.remove(cle);
        }
    }

    /// Handles one message. On a storage error nothing was answered and the
    /// channel should make the provider retry (HTTP 503).
    pub fn traiter(&self, m: &Message) -> Result<Sortie, ErreurMagasin> {
        let cle = self.cle(m.canal, m.expediteur);
        let verrou = self.verrou(&cle);
        let resultat = {
            let _garde = verrou.lock().unwrap_or_else(|p| p.into_inner());
            self.traiter_seul(&cle, m)
        };
        drop(verrou);
        self.liberer(&cle);
        resultat
    }

    fn traiter_seul(&self, cle: &Cle, m: &Message) -> Result<Sortie, ErreurMagasin> {
        let maintenant = (self.horloge)();
        let (aujourd_hui, mois) = date_et_mois(maintenant);
        let dossier = self
            .magasin
            .lire(cle)?
            .filter(|d| maintenant.saturating_sub(d.maj) <= self.expiration_secondes);
        let empreinte = m.id.map(empreinte_message);
        if let (Some(id), Some(d)) = (&empreinte, &dossier) {
            if let Some(r) = d.deja_recu(id, maintenant) {
                let mut s: Sortie = serde_json::from_value(r.clone())?;
                s.doublon = true;
                if s.resultats {
                    s.aides = Some(self.moteur.evaluer(&d.conversation, mois).aides);
                }
                return Ok(s);
            }
        }
        let (recus, etat) = match dossier {
            Some(d) => (d.recus, Some(d.conversation)),
            None => (Vec::new(), None),
        };
        let entrant = Entrant {
            texte: m.texte,
            aujourd_hui,
            mois,
            langue: m.langue,
        };
        let (conversation, tour) = self.moteur.pas(etat, &entrant);
        let sortie = Sortie {
            messages: tour.messages,
            invite: serde_json::to_value(&tour.invite)?,
            resultats: tour.aides.is_some(),
            effets: tour
                .effets
                .iter()
                .map(|e| serde_json::to_value(e).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default())
                .collect(),
            doublon: false,
            aides: tour.aides,
        };
        if tour.effets.contains(&Effet::Effacer) {
            self.magasin.effacer(cle)?;
            if conversation.arrete {
                // The opt-out outlives the erasure: an empty record that only says STOP.
                self.magasin.ecrire(
                    cle,
                    &Dossier {
                        conversation,
                        maj: maintenant,
                        canal: m.canal.to_string(),
                        recus: Vec::new(),
                    },
                )?;
            }
            return Ok(sortie);
        }
        let mut d = Dossier {
            conversation,
            maj: maintenant,
            canal: m.canal.to_string(),
            recus,
        };
        if let Some(id) = empreinte {
            d.retenir(id, maintenant, serde_json::to_value(&sortie)?);
        }
        if tour.effets.contains(&Effet::Rappel) {
            self.magasin.demander_rappel(
                cle,
                &DemandeRappel {
                    depuis: maintenant,
                    canal: m.canal.to_string(),
                    traitee: false,
                },
            )?;
        }
        self.magasin.ecrire(cle, &d)?;
        Ok(sortie)
    }

    /// The stored conversation of a sender, if any (for agents and tests).
    pub fn conversation(&self, canal: &str, expediteur: &str) -> Result<Option<Conversation>, ErreurMagasin> {
        Ok(self
            .magasin
            .lire(&self.cle(canal, expediteur))?
            .map(|d| d.conversation))
    }

    /// Erases conversations idle for longer than the expiry; returns how many.
    pub fn purger(&self) -> Result<usize, ErreurMagasin> {
        let maintenant = (self.horloge)();
        self.magasin
            .purger(maintenant.saturating_sub(self.expiration_secondes))
    }
}
