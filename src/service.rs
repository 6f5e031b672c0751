//! One inbound message from any channel, handled from end to end: key the
//! sender, take their lock, load their conversation, recognise a duplicate,
//! run one engine step, save, and return the replies.
//!
//! This is where the pure engine meets storage and the clock. Messages from
//! one sender are handled one at a time (a lock per key). Everything a step
//! writes (the conversation and its duplicate marker, the outbox entries of
//! its replies through the channel's [`Depot`], a callback request, the
//! long-SMS parts it consumed) is one [`Lot`], applied in one transaction
//! and flushed before the replies are returned: a reply that left the
//! service always matches a state on disk, and a message acknowledged is a
//! message answered. Channels (SMS webhooks, Telegram, the terminal chat)
//! call [`Service::traiter`] or [`Service::traiter_avec`] and only translate
//! wire formats; they never write to the store themselves.

use crate::clock;
use crate::dialogue::{Conversation, Effet, Entrant, Invite, Moteur, Refus, ReponseDonnee, Tour};
use crate::rules::ResultatAide;
use crate::situation::Mois;
use crate::store::{
    Cle, DemandeRappel, Dossier, Lot, PARTIES, RAPPELS, Store, StoreError, empreinte_message,
};
use crate::textes::Langue;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
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

/// The typed outcome of one step: what a channel sends back and does.
/// What is kept of it to answer a duplicate is [`crate::store::Reponse`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sortie {
    /// The replies, in order (not yet transliterated: channels do it).
    pub messages: Vec<String>,
    /// The question waiting, for channels that show buttons or forms.
    pub invite: Option<Invite>,
    /// Whether results were given by this step.
    pub resultats: bool,
    /// What the engine asked the caller to do (erase, callback, stop…);
    /// the service has already written what they mean for the store.
    pub effets: Vec<Effet>,
    /// The conversation's language after the step.
    pub langue: Langue,
    /// True when this message id was already handled: nothing changed.
    pub doublon: bool,
    /// Every aid's result, when results were given (not stored).
    pub aides: Option<Vec<ResultatAide>>,
}

/// Prefix of the id a gateway gives a message that came without one.
const SANS_ID: &str = "\u{1}sans-id:";

/// The id to give a message that came without provider id: the same text
/// from the same sender within [`FENETRE_SANS_ID`] seconds is then a duplicate.
pub fn id_sans_fournisseur(texte: &str) -> String {
    format!("{SANS_ID}{texte}")
}

/// A message without provider id is a duplicate when the same sender sent
/// the same text less than this many seconds ago (a gateway retrying).
pub const FENETRE_SANS_ID: u64 = 10;

/// What flood control says about one more message from a sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flot {
    /// Within the limit.
    Normal,
    /// Just over the limit: one polite warning, and the message is dropped.
    Avertir,
    /// Still over the limit: dropped without a word.
    Ignorer,
}

/// Channels whose sender can be reached again by an agent (a phone
/// number, a Telegram chat); the terminal chat and the console's own calls
/// cannot.
pub const CANAUX_JOIGNABLES: &[&str] = &["sms", "telegram"];

/// The derived-key usage of contacts kept with callback requests.
const USAGE_CONTACT: &str = "rappels/contact";
/// The derived-key usage of long-SMS parts waiting for the others.
const USAGE_PARTIES: &str = "parties";
/// The derived-key usage of the agent console's calls.
const USAGE_APPELS: &str = "appels";

/// The table of the agent console's calls (call id → [`AppelScelle`]).
pub const APPELS: &str = "appels";

/// A call of the agent console at rest. Whose conversation it continues
/// (the keyed hash, so that EFFACER and expiry find it) and when it began
/// (to forget it after a week) are readable; the call itself, with the
/// replies read to the caller, is sealed.
#[derive(Debug, Serialize, Deserialize)]
struct AppelScelle {
    cle: Cle,
    debut: u64,
    scelle: String,
}

/// A channel's outbox: where the replies of a step wait to be sent. Its
/// entries are added to the step's [`Lot`], so they are written in the same
/// transaction as the conversation: a step is on disk with its replies, or
/// not at all.
pub trait Depot {
    /// Adds to `lot` the outbox entries of one step's replies.
    /// `conversation` is the state after the step (`None` once erased).
    fn deposer(
        &self,
        magasin: &dyn Store,
        cle: &Cle,
        sortie: &Sortie,
        conversation: Option<&Conversation>,
        lot: &mut Lot,
    ) -> Result<(), StoreError>;
    /// Adds to `lot` the removal of every entry still kept for `cle` (EFFACER).
    fn effacer(&self, magasin: &dyn Store, cle: &Cle, lot: &mut Lot) -> Result<(), StoreError>;
}

/// One part of a long SMS (concatenated SMS), as the provider numbers it.
#[derive(Debug, Clone, Copy)]
pub struct Partie<'a> {
    /// The provider's reference shared by every part.
    pub reference: &'a str,
    /// This part's number, from 1.
    pub numero: u32,
    /// How many parts there are.
    pub total: u32,
}

/// The reply of a step as channels receive it; `langue` is the
/// conversation's language after the step.
pub fn sortie_de(tour: Tour, langue: Langue) -> Sortie {
    Sortie {
        messages: tour.messages,
        invite: tour.invite,
        resultats: tour.aides.is_some(),
        effets: tour.effets,
        langue,
        doublon: false,
        aides: tour.aides,
    }
}

/// The clock the service reads, replaceable in tests.
pub type Horloge = fn() -> u64;

/// The conversation service shared by every channel.
pub struct Service {
    /// The engine.
    pub moteur: Moteur,
    magasin: Box<dyn Store>,
    secret: Vec<u8>,
    verrous: Mutex<HashMap<Cle, Arc<Mutex<()>>>>,
    /// Messages per sender in the current minute: (minute, count).
    flots: Mutex<HashMap<Cle, (u64, u32)>>,
    /// Most messages one sender may send in a minute (0: no limit).
    pub flot_par_minute: u32,
    /// Seconds after which an idle conversation starts afresh.
    pub expiration_secondes: u64,
    horloge: Horloge,
}

/// The civil date and month in France (Europe/Paris, summer time included)
/// of a time: ages are read and the month's rules chosen as the person's
/// own calendar says.
pub fn date_et_mois(secondes: u64) -> ((i32, u8, u8), Mois) {
    let (a, m, j) = clock::date_en_france(secondes);
    ((a, m, j), Mois { annee: a, mois: m })
}

impl Service {
    /// A service over a store, with the secret of keyed hashes.
    pub fn nouveau(moteur: Moteur, magasin: Box<dyn Store>, secret: Vec<u8>) -> Service {
        let jours = u64::from(moteur.reglages.expiration_jours);
        Service {
            moteur,
            magasin,
            secret,
            verrous: Mutex::new(HashMap::new()),
            flots: Mutex::new(HashMap::new()),
            flot_par_minute: 20,
            expiration_secondes: jours * 86_400,
            horloge: clock::maintenant_secondes,
        }
    }

    /// Replaces the clock (tests, transcripts).
    pub fn avec_horloge(mut self, horloge: Horloge) -> Service {
        self.horloge = horloge;
        self
    }

    /// The store.
    pub fn magasin(&self) -> &dyn Store {
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
    pub fn traiter(&self, m: &Message) -> Result<Sortie, StoreError> {
        self.traiter_cle(&self.cle(m.canal, m.expediteur), m)
    }

    /// [`Service::traiter`] for a channel whose replies go through an
    /// outbox: they are written in the step's transaction.
    pub fn traiter_avec(&self, m: &Message, depot: &dyn Depot) -> Result<Sortie, StoreError> {
        let (s, ticket) = self.traiter_differe(m, Some(depot), None)?;
        self.magasin.rendre_durable(ticket)?;
        Ok(s.unwrap_or_default())
    }

    /// Handles one part of a long SMS: kept (sealed) until every part has
    /// come, then the whole text is one step, whose transaction also removes
    /// the parts. `m.texte` is this part's text and `m.id` the whole
    /// message's id. `None` while parts are missing.
    pub fn traiter_partie(
        &self,
        m: &Message,
        partie: Partie,
        depot: Option<&dyn Depot>,
    ) -> Result<Option<Sortie>, StoreError> {
        let (s, ticket) = self.traiter_differe(m, depot, Some(partie))?;
        self.magasin.rendre_durable(ticket)?;
        Ok(s)
    }

    /// The step of one message (or one part of a long SMS), committed but
    /// perhaps not yet on disk: the caller answers only once
    /// [`Service::durable`] says the ticket is. The sender's lock is not
    /// held meanwhile, and no thread waits for the disk: concurrent senders
    /// share one flush. `None` while parts of a long SMS are missing.
    pub fn traiter_differe(
        &self,
        m: &Message,
        depot: Option<&dyn Depot>,
        partie: Option<Partie>,
    ) -> Result<(Option<Sortie>, u64), StoreError> {
        let cle = self.cle(m.canal, m.expediteur);
        self.sous_verrou(&cle, || match partie {
            None => {
                let (s, t) = self.traiter_seul(&cle, m, depot, Lot::new())?;
                Ok((Some(s), t))
            }
            Some(p) => self.partie_seule(&cle, m, p, depot),
        })
    }

    /// Returns once what `ticket` covers is on disk.
    pub async fn durable(&self, ticket: u64) -> Result<(), StoreError> {
        match self.magasin.vidage() {
            Some(v) => v.suivre(ticket).await,
            None => self.magasin.rendre_durable(ticket),
        }
    }

    fn partie_seule(
        &self,
        cle: &Cle,
        m: &Message,
        partie: Partie,
        depot: Option<&dyn Depot>,
    ) -> Result<(Option<Sortie>, u64), StoreError> {
        if partie.numero == 0 || partie.numero > partie.total || partie.total > 255 {
            return Err(StoreError("numéro de partie hors limites".into()));
        }
        let maintenant = (self.horloge)();
        if let Some(s) = self.doublon(cle, m, maintenant)? {
            return Ok((Some(s), self.magasin.ecrire_lot(Lot::new())?));
        }
        let cle_parties = format!("{}:{}", cle.0, empreinte_message(partie.reference));
        let mut parties: (u64, Vec<Option<String>>) = self
            .magasin
            .lire_entree(PARTIES, &cle_parties)?
            .and_then(|o| String::from_utf8(o).ok())
            .and_then(|s| self.ouvrir(USAGE_PARTIES, &s))
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or((maintenant, Vec::new()));
        if maintenant.saturating_sub(parties.0) > 300 || parties.1.len() != partie.total as usize {
            parties = (maintenant, vec![None; partie.total as usize]);
        }
        parties.1[(partie.numero - 1) as usize] = Some(m.texte.to_string());
        let mut lot = Lot::new();
        if parties.1.iter().all(Option::is_some) {
            lot.supprimer(PARTIES, &cle_parties);
            let texte: String = parties.1.into_iter().flatten().collect();
            let entier = Message {
                texte: &texte,
                ..m.clone()
            };
            let (s, t) = self.traiter_seul(cle, &entier, depot, lot)?;
            return Ok((Some(s), t));
        }
        let scelle = self
            .sceller(USAGE_PARTIES, &serde_json::to_string(&parties)?)
            .ok_or_else(|| StoreError("pas d'aléa pour sceller".into()))?;
        lot.ecrire(PARTIES, &cle_parties, scelle.into_bytes());
        Ok((None, self.magasin.ecrire_lot(lot)?))
    }

    /// [`Service::traiter`] for a conversation known by its key only: an
    /// agent continuing the conversation of someone who asked for a
    /// callback. `m.expediteur` is then only used if the text asks for a
    /// callback again.
    pub fn traiter_cle(&self, cle: &Cle, m: &Message) -> Result<Sortie, StoreError> {
        let (s, ticket) = self.sous_verrou(cle, || self.traiter_seul(cle, m, None, Lot::new()))?;
        self.magasin.rendre_durable(ticket)?;
        Ok(s)
    }

    /// Runs `f` holding the lock of one conversation, inside one store
    /// transaction ([`Store::transaction`]: with PostgreSQL it also holds
    /// the sender's lock across processes). Nothing `f` wrote stays if it
    /// fails.
    fn sous_verrou<T>(
        &self,
        cle: &Cle,
        f: impl FnOnce() -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let verrou = self.verrou(cle);
        let resultat = {
            let _garde = verrou.lock().unwrap_or_else(|p| p.into_inner());
            let mut f = Some(f);
            let mut sortie = None;
            self.magasin
                .transaction(cle, &mut || {
                    let f = f
                        .take()
                        .ok_or_else(|| StoreError("transaction rejouée".into()))?;
                    sortie = Some(f()?);
                    Ok(())
                })
                .and_then(|()| sortie.ok_or_else(|| StoreError("transaction vide".into())))
        };
        drop(verrou);
        self.liberer(cle);
        resultat
    }

    /// The stored conversation of a key, unless it expired.
    fn dossier(&self, cle: &Cle) -> Result<Option<Dossier>, StoreError> {
        let maintenant = (self.horloge)();
        Ok(self
            .magasin
            .lire(cle)?
            .filter(|d| maintenant.saturating_sub(d.maj) <= self.expiration_secondes))
    }

    /// The stored conversation of a key, unless it expired.
    pub fn conversation_cle(&self, cle: &Cle) -> Result<Option<Conversation>, StoreError> {
        Ok(self.dossier(cle)?.map(|d| d.conversation))
    }

    /// Where a conversation stands, without changing it: the question
    /// waiting (in `invite`) or the results (in `aides`). `None` when there
    /// is no conversation (never begun, erased or expired).
    pub fn ecran(&self, cle: &Cle) -> Result<Option<(Conversation, Tour)>, StoreError> {
        let (aujourd_hui, mois) = date_et_mois((self.horloge)());
        Ok(self.dossier(cle)?.map(|d| {
            let entrant = Entrant {
                texte: "",
                aujourd_hui,
                mois,
                langue: None,
            };
            let tour = self.moteur.ecran(&d.conversation, &entrant);
            (d.conversation, tour)
        }))
    }

    /// Corrects an earlier answer of a conversation ([`Moteur::corriger`])
    /// and saves the replayed conversation. The inner error says why the
    /// correction was refused (nothing changed then).
    pub fn corriger(
        &self,
        cle: &Cle,
        question: &str,
        texte: &str,
    ) -> Result<Result<(Sortie, Vec<ReponseDonnee>), Refus>, StoreError> {
        self.sous_verrou(cle, || {
            let maintenant = (self.horloge)();
            let (aujourd_hui, mois) = date_et_mois(maintenant);
            let Some(mut d) = self.dossier(cle)? else {
                return Ok(Err(Refus::PasRepondue));
            };
            let entrant = Entrant {
                texte,
                aujourd_hui,
                mois,
                langue: None,
            };
            match self
                .moteur
                .corriger(d.conversation.clone(), question, texte, &entrant)
            {
                Ok(c) => {
                    let langue = c.conversation.langue;
                    d.conversation = c.conversation;
                    d.maj = maintenant;
                    self.magasin.ecrire(cle, &d)?;
                    Ok(Ok((sortie_de(c.tour, langue), c.retirees)))
                }
                Err(r) => Ok(Err(r)),
            }
        })
    }

    /// The written summary of a conversation's results, as SMS texts
    /// (empty when nothing is granted or the conversation is gone).
    pub fn recapitulatif(&self, cle: &Cle) -> Result<Vec<String>, StoreError> {
        let (_, mois) = date_et_mois((self.horloge)());
        Ok(self
            .dossier(cle)?
            .map(|d| self.moteur.recapitulatif(&d.conversation, mois))
            .unwrap_or_default())
    }

    /// Seals a contact (number, chat id) for `usage` under the service's
    /// secret ([`crate::seal`]), for a table that must keep one.
    pub fn sceller(&self, usage: &str, clair: &str) -> Option<String> {
        crate::seal::sceller(&self.secret, usage, clair)
    }

    /// Opens what [`Service::sceller`] sealed.
    pub fn ouvrir(&self, usage: &str, scelle: &str) -> Option<String> {
        crate::seal::ouvrir(&self.secret, usage, scelle)
    }

    /// A call of the agent console, as [`Service::garder_appel`] kept it
    /// (the console's own JSON), or `None` if unknown, forgotten or erased.
    pub fn appel(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .magasin
            .lire_entree(APPELS, id)?
            .and_then(|v| serde_json::from_slice::<AppelScelle>(&v).ok())
            .and_then(|a| self.ouvrir(USAGE_APPELS, &a.scelle)))
    }

    /// Keeps a call of the agent console (its JSON, sealed), which continues
    /// the conversation `cle` and began at `debut`.
    pub fn garder_appel(
        &self,
        id: &str,
        cle: &Cle,
        debut: u64,
        json: &str,
    ) -> Result<(), StoreError> {
        let scelle = self
            .sceller(USAGE_APPELS, json)
            .ok_or_else(|| StoreError("scellement impossible".into()))?;
        let a = AppelScelle {
            cle: cle.clone(),
            debut,
            scelle,
        };
        let mut lot = Lot::new();
        lot.ecrire(APPELS, id, serde_json::to_vec(&a)?);
        self.magasin.appliquer(lot)
    }

    /// Forgets the console's calls that began more than `duree` seconds ago.
    pub fn oublier_appels(&self, duree: u64) -> Result<(), StoreError> {
        let maintenant = (self.horloge)();
        let mut lot = Lot::new();
        for (k, v) in self.magasin.entrees(APPELS)? {
            let vieux = serde_json::from_slice::<AppelScelle>(&v)
                .map(|a| maintenant.saturating_sub(a.debut) > duree)
                .unwrap_or(true);
            if vieux {
                lot.supprimer(APPELS, &k);
            }
        }
        self.magasin.appliquer(lot)
    }

    /// Adds to `lot` the removal of every call continuing one of `cles`.
    fn effacer_appels(&self, cles: &HashSet<&Cle>, lot: &mut Lot) -> Result<(), StoreError> {
        for (k, v) in self.magasin.entrees(APPELS)? {
            let a = serde_json::from_slice::<AppelScelle>(&v);
            if a.is_ok_and(|a| cles.contains(&a.cle)) {
                lot.supprimer(APPELS, &k);
            }
        }
        Ok(())
    }

    /// The callback request of a conversation, if any.
    pub fn rappel(&self, cle: &Cle) -> Result<Option<DemandeRappel>, StoreError> {
        Ok(self
            .magasin
            .lire_entree(RAPPELS, &cle.0)?
            .and_then(|v| serde_json::from_slice(&v).ok()))
    }

    /// Every callback request, oldest first as the store keeps them.
    pub fn rappels(&self) -> Result<Vec<(Cle, DemandeRappel)>, StoreError> {
        self.magasin.rappels()
    }

    /// The contact kept with a callback request, opened.
    pub fn contact(&self, demande: &DemandeRappel) -> Option<String> {
        demande
            .contact
            .as_deref()
            .and_then(|c| crate::seal::ouvrir(&self.secret, USAGE_CONTACT, c))
    }

    /// Records that `agent` took a callback request still waiting; returns
    /// it, or `None` when there is none (or it was handled already).
    pub fn prendre_rappel(
        &self,
        cle: &Cle,
        agent: &str,
    ) -> Result<Option<DemandeRappel>, StoreError> {
        self.sous_verrou(cle, || {
            // Under the sender's lock: of two agents taking the same request
            // at once, the second sees the first's name and gets nothing.
            let Some(d) = self
                .rappel(cle)?
                .filter(|d| !d.traitee && d.prise_par.as_deref().is_none_or(|a| a == agent))
            else {
                return Ok(None);
            };
            let d = DemandeRappel {
                prise_par: Some(agent.to_string()),
                ..d
            };
            self.magasin.demander_rappel(cle, &d)?;
            Ok(Some(d))
        })
    }

    /// Keeps, sealed, the phone number a person shared for their callback
    /// request (Telegram's "share my number"). Only kept when a request is
    /// waiting: a number is never stored for nothing. Returns whether it was.
    pub fn noter_telephone(&self, cle: &Cle, numero: &str) -> Result<bool, StoreError> {
        self.sous_verrou(cle, || {
            let Some(d) = self.rappel(cle)?.filter(|d| !d.traitee) else {
                return Ok(false);
            };
            let Some(scelle) = crate::seal::sceller(&self.secret, USAGE_CONTACT, numero) else {
                return Ok(false);
            };
            self.magasin.demander_rappel(
                cle,
                &DemandeRappel {
                    telephone: Some(scelle),
                    ..d
                },
            )?;
            Ok(true)
        })
    }

    /// The phone number to call for a callback request, opened: the sender
    /// itself for SMS, the number shared on Telegram otherwise.
    pub fn telephone(&self, demande: &DemandeRappel) -> Option<String> {
        match demande.canal.as_str() {
            "sms" => self.contact(demande),
            _ => demande
                .telephone
                .as_deref()
                .and_then(|c| crate::seal::ouvrir(&self.secret, USAGE_CONTACT, c)),
        }
    }

    /// Marks a callback request handled and erases its contact; returns the
    /// request as it was (with the contact still sealed), to tell the person.
    pub fn clore_rappel(&self, cle: &Cle) -> Result<Option<DemandeRappel>, StoreError> {
        self.sous_verrou(cle, || {
            let Some(d) = self.rappel(cle)? else {
                return Ok(None);
            };
            self.magasin.demander_rappel(
                cle,
                &DemandeRappel {
                    traitee: true,
                    contact: None,
                    telephone: None,
                    ..d.clone()
                },
            )?;
            Ok(Some(d))
        })
    }

    /// The empreinte of a message id and how long it counts as a duplicate.
    fn empreinte(m: &Message) -> Option<(String, u64)> {
        // Without a provider id, a gateway passes `id_sans_fournisseur(texte)`:
        // the same text from the same sender within a few seconds is a retry.
        m.id.map(|id| match id.strip_prefix(SANS_ID) {
            Some(texte) => (format!("t{}", empreinte_message(texte)), FENETRE_SANS_ID),
            None => (empreinte_message(id), crate::store::RECUS_DUREE),
        })
    }

    /// The answer to a message already handled: the same replies, marked
    /// duplicate (nothing is written; its outbox entries were written with it).
    fn doublon(
        &self,
        cle: &Cle,
        m: &Message,
        maintenant: u64,
    ) -> Result<Option<Sortie>, StoreError> {
        let Some((id, fenetre)) = Self::empreinte(m) else {
            return Ok(None);
        };
        let Some(d) = self.dossier(cle)? else {
            return Ok(None);
        };
        Ok(self.reponse_doublon(&d, &id, fenetre, maintenant))
    }

    fn reponse_doublon(
        &self,
        d: &Dossier,
        id: &str,
        fenetre: u64,
        maintenant: u64,
    ) -> Option<Sortie> {
        let r = d.deja_recu_depuis(id, maintenant, fenetre)?;
        let mut s = r
            .reponse
            .as_ref()
            .map(|r| r.sortie(d.conversation.langue))
            .unwrap_or_default();
        s.doublon = true;
        if s.resultats {
            let (_, mois) = date_et_mois(maintenant);
            s.aides = Some(self.moteur.evaluer(&d.conversation, mois).aides);
        }
        Some(s)
    }

    fn traiter_seul(
        &self,
        cle: &Cle,
        m: &Message,
        depot: Option<&dyn Depot>,
        mut lot: Lot,
    ) -> Result<(Sortie, u64), StoreError> {
        let maintenant = (self.horloge)();
        let (aujourd_hui, mois) = date_et_mois(maintenant);
        let dossier = self.dossier(cle)?;
        let empreinte = Self::empreinte(m);
        if let (Some((id, fenetre)), Some(d)) = (&empreinte, &dossier) {
            if let Some(s) = self.reponse_doublon(d, id, *fenetre, maintenant) {
                // Its first handling may still be waiting for its flush.
                return Ok((s, self.magasin.ecrire_lot(Lot::new())?));
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
        let effets = tour.effets.clone();
        let sortie = sortie_de(tour, conversation.langue);
        if effets.contains(&Effet::Effacer) {
            // Everything about this person goes, in the same transaction:
            // the conversation with its key, the callback request, parts of
            // long SMS, replies still waiting in the outbox.
            lot.effacer = Some(cle.clone());
            lot.supprimer(RAPPELS, &cle.0);
            lot.supprimer_prefixe(PARTIES, &format!("{}:", cle.0));
            self.effacer_appels(&HashSet::from([cle]), &mut lot)?;
            if let Some(depot) = depot {
                depot.effacer(&*self.magasin, cle, &mut lot)?;
            }
            let reste = conversation.arrete.then_some(conversation);
            if let Some(depot) = depot {
                depot.deposer(&*self.magasin, cle, &sortie, reste.as_ref(), &mut lot)?;
            }
            if let Some(conversation) = reste {
                // The opt-out outlives the erasure: an empty record that only says STOP.
                lot.dossier = Some((
                    cle.clone(),
                    Dossier {
                        conversation,
                        maj: maintenant,
                        canal: m.canal.to_string(),
                        recus: Vec::new(),
                    },
                ));
            }
            let ticket = self.magasin.ecrire_lot(lot)?;
            return Ok((sortie, ticket));
        }
        let mut d = Dossier {
            conversation,
            maj: maintenant,
            canal: m.canal.to_string(),
            recus,
        };
        if let Some((id, _)) = empreinte {
            d.retenir(id, maintenant, &sortie);
        }
        if effets.contains(&Effet::Rappel) {
            // The number (or chat id) is what the agent needs to call back:
            // kept sealed, and only on channels that can reach the person.
            // An agent's console does not know the person's number: a request
            // made from there keeps the contact already sealed.
            let avant = self.rappel(cle)?;
            let contact = if m.expediteur.is_empty() {
                avant.as_ref().and_then(|d| d.contact.clone())
            } else if CANAUX_JOIGNABLES.contains(&m.canal) {
                crate::seal::sceller(&self.secret, USAGE_CONTACT, m.expediteur)
            } else {
                None
            };
            let demande = DemandeRappel {
                depuis: maintenant,
                canal: m.canal.to_string(),
                traitee: false,
                contact,
                // A number shared for an earlier request still holds.
                telephone: avant.and_then(|d| d.telephone),
                prise_par: None,
            };
            lot.ecrire(RAPPELS, &cle.0, serde_json::to_vec(&demande)?);
        }
        if let Some(depot) = depot {
            depot.deposer(
                &*self.magasin,
                cle,
                &sortie,
                Some(&d.conversation),
                &mut lot,
            )?;
        }
        lot.dossier = Some((cle.clone(), d));
        let ticket = self.magasin.ecrire_lot(lot)?;
        Ok((sortie, ticket))
    }

    /// Counts one more message from a sender against flood control.
    pub fn flot(&self, canal: &str, expediteur: &str) -> Flot {
        if self.flot_par_minute == 0 {
            return Flot::Normal;
        }
        let minute = (self.horloge)() / 60;
        let cle = self.cle(canal, expediteur);
        let mut f = self.flots.lock().unwrap_or_else(|p| p.into_inner());
        if f.len() > 100_000 {
            f.retain(|_, (m, _)| *m == minute);
        }
        let e = f.entry(cle).or_insert((minute, 0));
        if e.0 != minute {
            *e = (minute, 0);
        }
        e.1 += 1;
        match e.1.cmp(&(self.flot_par_minute + 1)) {
            std::cmp::Ordering::Less => Flot::Normal,
            std::cmp::Ordering::Equal => Flot::Avertir,
            std::cmp::Ordering::Greater => Flot::Ignorer,
        }
    }

    /// Marks a sender stopped without a reply: the provider itself reported
    /// the opt-out (Mtarget `Keyword=Stop`, Twilio error 21610, Telegram 403).
    pub fn arreter(&self, canal: &str, expediteur: &str) -> Result<(), StoreError> {
        self.arreter_cle(&self.cle(canal, expediteur), canal)
    }

    /// [`Service::arreter`] by key, when only the key is known (the outbox).
    pub fn arreter_cle(&self, cle: &Cle, canal: &str) -> Result<(), StoreError> {
        self.sous_verrou(cle, || {
            let maintenant = (self.horloge)();
            let mut d = self.magasin.lire(cle)?.unwrap_or(Dossier {
                conversation: Conversation::default(),
                maj: maintenant,
                canal: canal.to_string(),
                recus: Vec::new(),
            });
            d.conversation.arrete = true;
            d.maj = maintenant;
            self.magasin.ecrire(cle, &d)
        })
    }

    /// Whether a conversation is stopped (nothing may be sent to it).
    pub fn est_arrete(&self, cle: &Cle) -> Result<bool, StoreError> {
        Ok(self
            .magasin
            .lire(cle)?
            .is_some_and(|d| d.conversation.arrete))
    }

    /// The stored conversation of a sender, if any (for agents and tests).
    pub fn conversation(
        &self,
        canal: &str,
        expediteur: &str,
    ) -> Result<Option<Conversation>, StoreError> {
        Ok(self
            .magasin
            .lire(&self.cle(canal, expediteur))?
            .map(|d| d.conversation))
    }

    /// Erases conversations idle for longer than the expiry (with their
    /// keys, callback requests and parts of long SMS), and parts of long SMS
    /// whose other parts never came (after 5 minutes); returns how many
    /// conversations were erased.
    pub fn purger(&self) -> Result<usize, StoreError> {
        let maintenant = (self.horloge)();
        for (cle, v) in self.magasin.entrees(PARTIES)? {
            let debut = String::from_utf8(v)
                .ok()
                .and_then(|s| self.ouvrir(USAGE_PARTIES, &s))
                .and_then(|s| serde_json::from_str::<(u64, serde_json::Value)>(&s).ok())
                .map(|(d, _)| d)
                .unwrap_or(0);
            if maintenant.saturating_sub(debut) > 300 {
                self.magasin.supprimer_entree(PARTIES, &cle)?;
            }
        }
        let avant = maintenant.saturating_sub(self.expiration_secondes);
        let mut n = 0;
        for (cle, maj) in self.magasin.mises_a_jour()? {
            if maj >= avant {
                continue;
            }
            // Under the sender's lock: a message arriving now is not erased
            // half-way.
            let efface = self.sous_verrou(&cle, || {
                let encore = self.magasin.lire(&cle)?.map(|d| d.maj);
                if encore.is_some_and(|m| m >= avant) {
                    return Ok(false);
                }
                let mut lot = Lot {
                    effacer: Some(cle.clone()),
                    ..Lot::default()
                };
                lot.supprimer(RAPPELS, &cle.0);
                lot.supprimer_prefixe(PARTIES, &format!("{}:", cle.0));
                self.effacer_appels(&HashSet::from([&cle]), &mut lot)?;
                self.magasin.appliquer(lot)?;
                Ok::<bool, StoreError>(true)
            })?;
            n += usize::from(efface);
        }
        Ok(n)
    }
}
