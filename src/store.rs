//! Conversations at rest, behind a small trait with two backends: sled
//! (embedded, one process, below) and PostgreSQL (several instances on one
//! database, [`postgres`]).
//!
//! Records are keyed by a keyed hash (HMAC-SHA256 with the service's secret)
//! of the channel and the sender: a phone number or a chat id is never
//! stored, and the key cannot be reversed without the secret. A record holds
//! the conversation, its last update time (to expire it) and the replies to
//! the last message ids received (so that a message delivered twice gets the
//! same replies and changes nothing).
//!
//! Everything one step writes (the record, a callback request, the outbox
//! entries of its replies, the parts of a long SMS it consumed) is one
//! [`Lot`], applied in one sled transaction across tables and flushed before
//! [`Store::appliquer`] returns: a crash leaves all of it or none of it.
//! Concurrent senders share their flushes (group commit, [`Vidage`]):
//! nobody is acknowledged before the flush that covers their write.
//!
//! At rest a record is MessagePack (named fields, so that fields added to
//! the conversation keep old records readable) compressed with LZ4, sealed
//! with ChaCha20-Poly1305 under a key of its own: 32 random bytes in a slot
//! of `cles.bin`, mixed with the service secret. Erasing a conversation
//! (EFFACER, expiry) overwrites its slot in place with zeros: the versions
//! sled's log still holds can then never be opened, by anyone.

use crate::dialogue::Conversation;
use crate::service::Sortie;
use chacha20poly1305::aead::{Aead, KeyInit as _, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};

pub mod postgres;
pub use postgres::PgStore;

/// How many recent message ids a record remembers: providers redeliver
/// within seconds or minutes, and a longer list would be rewritten (and
/// flushed) with every message.
pub const RECUS_MAX: usize = 8;
/// How many of those keep their replies (to answer a redelivery the same
/// way); older ones keep only their id, enough to change nothing.
pub const RECUS_AVEC_REPONSE: usize = 2;
/// How long a message id is remembered, in seconds (48 h).
pub const RECUS_DUREE: u64 = 48 * 3600;

/// The table of conversations.
pub const CONVERSATIONS: &str = "conversations";
/// The table of callback requests (JSON of [`DemandeRappel`]).
pub const RAPPELS: &str = "rappels";
/// The table of long-SMS parts waiting for the others.
pub const PARTIES: &str = "parties";

/// The first byte of a stored conversation: its format. A record of another
/// format (the JSON of earlier versions starts with `{`) is treated as absent.
pub const FORMAT: u8 = 1;

/// The key of a conversation: hex HMAC-SHA256 of `channel:sender`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cle(pub String);

impl Cle {
    /// The key of `expediteur` on `canal`, with the service's secret.
    pub fn calculer(secret: &[u8], canal: &str, expediteur: &str) -> Cle {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret)
            .expect("HMAC accepts keys of any length");
        mac.update(canal.as_bytes());
        mac.update(b":");
        mac.update(expediteur.as_bytes());
        Cle(hex(&mac.finalize().into_bytes()))
    }

    /// A short form for logs (the first 12 hex digits).
    pub fn court(&self) -> &str {
        &self.0[..self.0.len().min(12)]
    }
}

impl fmt::Display for Cle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.court())
    }
}

/// Lowercase hexadecimal (the `hex` crate, as everywhere else).
pub fn hex(octets: &[u8]) -> String {
    hex::encode(octets)
}

/// A provider's message id, hashed so records stay small.
pub fn empreinte_message(id: &str) -> String {
    hex(&Sha256::digest(id.as_bytes())[..16])
}

/// The reply given to one received message, kept to answer duplicates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recu {
    /// Hash of the provider's message id.
    pub id: String,
    /// When it was received (seconds since 1970).
    pub quand: u64,
    /// The replies sent, for the most recent ids only.
    #[serde(default)]
    pub reponse: Option<Reponse>,
}

/// A step's reply as kept for duplicates: the question waiting is kept as
/// its JSON text, which is much cheaper to store and read back than a
/// JSON value in MessagePack.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reponse {
    /// The replies.
    pub messages: Vec<String>,
    /// JSON of the question waiting (`null` when none).
    pub invite: String,
    /// Whether results were given.
    pub resultats: bool,
    /// What the engine asked the caller to do.
    pub effets: Vec<String>,
}

impl Reponse {
    /// What is kept of a step's reply.
    pub fn de(s: &Sortie) -> Reponse {
        Reponse {
            messages: s.messages.clone(),
            invite: serde_json::to_string(&s.invite).unwrap_or_else(|_| "null".into()),
            resultats: s.resultats,
            effets: s
                .effets
                .iter()
                .filter_map(|e| serde_json::to_value(e).ok())
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
        }
    }

    /// The reply again, as channels receive it, in the conversation's
    /// `langue`. A question or an effect this version cannot read (written
    /// by a newer one) is left out rather than failing the duplicate.
    pub fn sortie(&self, langue: crate::textes::Langue) -> Sortie {
        Sortie {
            messages: self.messages.clone(),
            invite: serde_json::from_str(&self.invite).unwrap_or(None),
            resultats: self.resultats,
            effets: self
                .effets
                .iter()
                .filter_map(|e| serde_json::from_value(serde_json::Value::String(e.clone())).ok())
                .collect(),
            langue,
            doublon: false,
            aides: None,
        }
    }
}

/// One person's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// The conversation.
    pub conversation: Conversation,
    /// Last update, seconds since 1970.
    pub maj: u64,
    /// The channel (`sms`, `telegram`…), for agents.
    pub canal: String,
    /// Replies to the last message ids.
    #[serde(default)]
    pub recus: Vec<Recu>,
}

impl Dossier {
    /// The reply already given to a message id, if remembered.
    pub fn deja_recu(&self, id: &str, maintenant: u64) -> Option<&Recu> {
        self.deja_recu_depuis(id, maintenant, RECUS_DUREE)
    }

    /// The message id received less than `fenetre` seconds ago, if any.
    pub fn deja_recu_depuis(&self, id: &str, maintenant: u64, fenetre: u64) -> Option<&Recu> {
        self.recus
            .iter()
            .rev()
            .find(|r| r.id == id && maintenant.saturating_sub(r.quand) <= fenetre)
    }

    /// Remembers the reply to a message id, forgetting the oldest ids and
    /// the replies of all but the most recent.
    pub fn retenir(&mut self, id: String, maintenant: u64, reponse: &Sortie) {
        self.recus
            .retain(|r| maintenant.saturating_sub(r.quand) <= RECUS_DUREE);
        self.recus.push(Recu {
            id,
            quand: maintenant,
            reponse: Some(Reponse::de(reponse)),
        });
        if self.recus.len() > RECUS_MAX {
            let trop = self.recus.len() - RECUS_MAX;
            self.recus.drain(..trop);
        }
        let garder = self.recus.len().saturating_sub(RECUS_AVEC_REPONSE);
        for r in &mut self.recus[..garder] {
            r.reponse = None;
        }
    }
}

/// A callback request, for the agents' queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemandeRappel {
    /// When it was asked (seconds since 1970).
    pub depuis: u64,
    /// The channel the person uses.
    pub canal: String,
    /// Handled by an agent.
    #[serde(default)]
    pub traitee: bool,
    /// How to reach the person (phone number or chat id), sealed with
    /// [`crate::seal`]; erased once the request is handled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// A phone number the person shared for the call (Telegram), sealed;
    /// erased once the request is handled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    /// The agent who took it from the queue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prise_par: Option<String>,
}

/// A storage failure, with what went wrong in words (the causes below are
/// turned into text: callers log it or answer 503, none matches on them).
#[derive(Debug, thiserror::Error)]
#[error("stockage : {0}")]
pub struct StoreError(pub String);

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        StoreError(e.to_string())
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError(format!("enregistrement illisible : {e}"))
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError(e.to_string())
    }
}

/// One change of an auxiliary table.
#[derive(Debug, Clone, PartialEq)]
pub enum Operation {
    /// Writes an entry.
    Ecrire {
        table: String,
        cle: String,
        valeur: Vec<u8>,
    },
    /// Removes an entry.
    Supprimer { table: String, cle: String },
    /// Removes every entry whose key starts with `prefixe` (resolved just
    /// before the transaction: callers hold the sender's lock).
    SupprimerPrefixe { table: String, prefixe: String },
}

/// Everything one step writes, applied atomically by [`Store::appliquer`].
#[derive(Debug, Clone, Default)]
pub struct Lot {
    /// A conversation erased, with its key: nothing of it can be read again.
    pub effacer: Option<Cle>,
    /// A conversation written (after the erasure, if both).
    pub dossier: Option<(Cle, Dossier)>,
    /// Auxiliary tables.
    pub operations: Vec<Operation>,
}

impl Lot {
    /// An empty batch.
    pub fn new() -> Lot {
        Lot::default()
    }

    /// Writes an entry.
    pub fn ecrire(&mut self, table: &str, cle: &str, valeur: Vec<u8>) -> &mut Lot {
        self.operations.push(Operation::Ecrire {
            table: table.into(),
            cle: cle.into(),
            valeur,
        });
        self
    }

    /// Removes an entry.
    pub fn supprimer(&mut self, table: &str, cle: &str) -> &mut Lot {
        self.operations.push(Operation::Supprimer {
            table: table.into(),
            cle: cle.into(),
        });
        self
    }

    /// Removes the entries whose key starts with `prefixe`.
    pub fn supprimer_prefixe(&mut self, table: &str, prefixe: &str) -> &mut Lot {
        self.operations.push(Operation::SupprimerPrefixe {
            table: table.into(),
            prefixe: prefixe.into(),
        });
        self
    }

    /// Whether there is nothing to write.
    pub fn est_vide(&self) -> bool {
        self.effacer.is_none() && self.dossier.is_none() && self.operations.is_empty()
    }
}

/// Where conversations live.
pub trait Store: Send + Sync {
    /// The record of a key, if any (an unreadable one counts as none).
    fn lire(&self, cle: &Cle) -> Result<Option<Dossier>, StoreError>;
    /// Commits a batch, all of it or nothing, and returns its ticket: it is
    /// durable once [`Store::rendre_durable`] (or [`Vidage::suivre`]) says
    /// so. Nothing may be acknowledged before.
    fn ecrire_lot(&self, lot: Lot) -> Result<u64, StoreError>;
    /// Blocks until what the ticket covers is on disk.
    fn rendre_durable(&self, ticket: u64) -> Result<(), StoreError>;
    /// The group commit to wait on asynchronously (`None`: everything is
    /// durable as soon as committed).
    fn vidage(&self) -> Option<&Vidage> {
        None
    }
    /// Applies a batch: all of it or nothing, durable on disk when this returns.
    fn appliquer(&self, lot: Lot) -> Result<(), StoreError> {
        let ticket = self.ecrire_lot(lot)?;
        self.rendre_durable(ticket)
    }
    /// A new id, never given before (even across crashes), increasing.
    fn nouvel_id(&self) -> Result<u64, StoreError>;
    /// Reads an entry of an auxiliary table (`parties` of long SMS,
    /// `sortants` of the SMS outbox…).
    fn lire_entree(&self, table: &str, cle: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// Every entry of an auxiliary table, in key order.
    fn entrees(&self, table: &str) -> Result<Vec<(String, Vec<u8>)>, StoreError>;
    /// The keys of conversations and their last update.
    fn mises_a_jour(&self) -> Result<Vec<(Cle, u64)>, StoreError>;

    /// Writes a record; durable on disk when this returns.
    fn ecrire(&self, cle: &Cle, dossier: &Dossier) -> Result<(), StoreError> {
        self.appliquer(Lot {
            dossier: Some((cle.clone(), dossier.clone())),
            ..Lot::default()
        })
    }
    /// Erases a conversation, its key and its callback request.
    fn effacer(&self, cle: &Cle) -> Result<(), StoreError> {
        let mut lot = Lot {
            effacer: Some(cle.clone()),
            ..Lot::default()
        };
        lot.supprimer(RAPPELS, &cle.0);
        self.appliquer(lot)
    }
    /// Records a callback request.
    fn demander_rappel(&self, cle: &Cle, demande: &DemandeRappel) -> Result<(), StoreError> {
        let mut lot = Lot::new();
        lot.ecrire(RAPPELS, &cle.0, serde_json::to_vec(demande)?);
        self.appliquer(lot)
    }
    /// Every callback request, oldest first.
    fn rappels(&self) -> Result<Vec<(Cle, DemandeRappel)>, StoreError> {
        let mut v: Vec<(Cle, DemandeRappel)> = self
            .entrees(RAPPELS)?
            .into_iter()
            .filter_map(|(k, v)| Some((Cle(k), serde_json::from_slice(&v).ok()?)))
            .collect();
        v.sort_by_key(|(_, d)| d.depuis);
        Ok(v)
    }
    /// Writes an entry of an auxiliary table; durable when this returns.
    fn ecrire_entree(&self, table: &str, cle: &str, valeur: &[u8]) -> Result<(), StoreError> {
        let mut lot = Lot::new();
        lot.ecrire(table, cle, valeur.to_vec());
        self.appliquer(lot)
    }
    /// Removes an entry of an auxiliary table.
    fn supprimer_entree(&self, table: &str, cle: &str) -> Result<(), StoreError> {
        let mut lot = Lot::new();
        lot.supprimer(table, cle);
        self.appliquer(lot)
    }
    /// Runs `f` inside one transaction that holds the lock of `cle` across
    /// every process sharing the store: what `f` reads and writes through
    /// this store is one transaction, committed when `f` returns `Ok` and
    /// rolled back otherwise. Embedded stores (one process) need nothing more
    /// than the service's own lock per sender: they just run `f`.
    fn transaction(
        &self,
        _cle: &Cle,
        f: &mut dyn FnMut() -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        f()
    }
    /// Takes an entry of an auxiliary table for `secondes`, so that no other
    /// process works on it meanwhile (an outbox entry being sent). `false`
    /// when another process holds it, or when it is gone. Embedded stores
    /// have no other process: always `true`.
    fn reserver(&self, _table: &str, _cle: &str, _secondes: u64) -> Result<bool, StoreError> {
        Ok(true)
    }
    /// Erases records not updated since `avant` (seconds), with their keys
    /// and callback requests; returns how many.
    fn purger(&self, avant: u64) -> Result<usize, StoreError> {
        let mut n = 0;
        for (cle, maj) in self.mises_a_jour()? {
            if maj < avant {
                self.effacer(&cle)?;
                n += 1;
            }
        }
        Ok(n)
    }
}

/// Group commit. Writers commit their transaction, take a ticket, and wait
/// (blocking, or asynchronously through [`Vidage::suivre`]) until a flush
/// that began after their commit has ended; one thread flushes, for
/// everyone who committed before it began. The thread that computed a step
/// is free while its flush runs.
pub struct Vidage {
    etat: Mutex<EtatVidage>,
    /// Wakes the flusher (new tickets) and blocking waiters (flush ended).
    reveil: Condvar,
    /// Every ticket up to this one is durable (for async waiters).
    faits: tokio::sync::watch::Sender<u64>,
}

#[derive(Default)]
struct EtatVidage {
    /// Tickets handed out: one per commit waiting to be durable.
    demandes: u64,
    /// Every ticket up to this one is durable.
    faits: u64,
    /// The last failed flush: tickets up to this one may not be durable.
    erreur: Option<(u64, String)>,
    /// The store is closing: the flusher stops.
    fin: bool,
}

impl Default for Vidage {
    fn default() -> Self {
        Vidage {
            etat: Mutex::new(EtatVidage::default()),
            reveil: Condvar::new(),
            faits: tokio::sync::watch::channel(0).0,
        }
    }
}

impl Vidage {
    fn etat(&self) -> std::sync::MutexGuard<'_, EtatVidage> {
        self.etat.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A ticket for what the caller committed before calling.
    pub fn ticket(&self) -> u64 {
        let mut e = self.etat();
        e.demandes += 1;
        self.reveil.notify_all();
        e.demandes
    }

    /// The flusher's loop: flushes while tickets wait, until [`Vidage::fermer`].
    pub fn tourner(&self, vider: impl Fn() -> Result<(), StoreError>) {
        let mut e = self.etat();
        loop {
            while e.demandes == e.faits && !e.fin {
                e = self.reveil.wait(e).unwrap_or_else(|p| p.into_inner());
            }
            if e.demandes == e.faits && e.fin {
                return;
            }
            let cible = e.demandes;
            drop(e);
            let r = vider();
            e = self.etat();
            e.faits = cible;
            if let Err(m) = r {
                tracing::error!(erreur = %m, "écriture sur disque impossible");
                e.erreur = Some((cible, m.0));
            }
            self.reveil.notify_all();
            self.faits.send_replace(cible);
        }
    }

    /// Stops the flusher once every ticket is flushed.
    pub fn fermer(&self) {
        self.etat().fin = true;
        self.reveil.notify_all();
    }

    fn verdict(e: &EtatVidage, ticket: u64) -> Result<(), StoreError> {
        match &e.erreur {
            Some((jusqu_a, m)) if *jusqu_a >= ticket => Err(StoreError(m.clone())),
            _ => Ok(()),
        }
    }

    /// Blocks until `ticket` is durable.
    pub fn attendre(&self, ticket: u64) -> Result<(), StoreError> {
        let mut e = self.etat();
        while e.faits < ticket {
            e = self.reveil.wait(e).unwrap_or_else(|p| p.into_inner());
        }
        Vidage::verdict(&e, ticket)
    }

    /// Waits, without blocking a thread, until `ticket` is durable.
    pub async fn suivre(&self, ticket: u64) -> Result<(), StoreError> {
        let mut r = self.faits.subscribe();
        if r.wait_for(|f| *f >= ticket).await.is_err() {
            return Err(StoreError("écriture interrompue".into()));
        }
        Vidage::verdict(&self.etat(), ticket)
    }
}

/// Size of a key slot in `cles.bin`.
const TAILLE_CASE: u64 = 32;

/// The keys of conversations: one 32-byte slot each in a file overwritten
/// in place; an all-zero slot is free.
struct Cles {
    fichier: std::fs::File,
    libres: Vec<u32>,
    /// Slots wiped by a transaction not yet flushed, with its ticket: they
    /// are reused only once it is durable, or a crash could bring back the
    /// erased record pointing to another conversation's key.
    en_quarantaine: Vec<(u64, u32)>,
    nombre: u32,
}

impl Cles {
    fn ouvrir(chemin: &Path) -> Result<Cles, StoreError> {
        #[cfg(unix)]
        use std::os::unix::fs::OpenOptionsExt;
        let mut o = std::fs::OpenOptions::new();
        o.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        o.mode(0o600);
        let fichier = o
            .open(chemin)
            .map_err(|e| StoreError(format!("{} : {e}", chemin.display())))?;
        let nombre = (fichier.metadata()?.len() / TAILLE_CASE) as u32;
        Ok(Cles {
            fichier,
            libres: Vec::new(),
            en_quarantaine: Vec::new(),
            nombre,
        })
    }

    fn lire(&self, case: u32) -> Result<[u8; 32], StoreError> {
        use std::os::unix::fs::FileExt;
        let mut o = [0u8; 32];
        if case < self.nombre {
            self.fichier
                .read_exact_at(&mut o, u64::from(case) * TAILLE_CASE)?;
        }
        Ok(o)
    }

    fn ecrire(&mut self, case: u32, octets: &[u8; 32]) -> Result<(), StoreError> {
        use std::os::unix::fs::FileExt;
        self.fichier
            .write_all_at(octets, u64::from(case) * TAILLE_CASE)?;
        self.nombre = self.nombre.max(case + 1);
        Ok(())
    }

    /// A new key in a free slot; `durables`: every ticket up to it is on disk.
    fn nouvelle(&mut self, durables: u64) -> Result<(u32, [u8; 32]), StoreError> {
        let (prets, attente): (Vec<_>, Vec<_>) = self
            .en_quarantaine
            .drain(..)
            .partition(|(t, _)| *t <= durables);
        self.en_quarantaine = attente;
        self.libres.extend(prets.into_iter().map(|(_, c)| c));
        let cle = nouvelle_cle()?;
        let case = self.libres.pop().unwrap_or(self.nombre);
        self.ecrire(case, &cle)?;
        Ok((case, cle))
    }

    /// Destroys a key: its slot is overwritten with zeros, and free once
    /// `ticket` is durable.
    fn detruire(&mut self, case: u32, ticket: u64) -> Result<(), StoreError> {
        if case < self.nombre {
            self.ecrire(case, &[0u8; 32])?;
            self.en_quarantaine.push((ticket, case));
        }
        Ok(())
    }
}

/// The header of a stored conversation: format, key slot, last update.
const ENTETE: usize = 1 + 4 + 8;
const TAILLE_NONCE: usize = 12;

fn entete(valeur: &[u8]) -> Option<(u32, u64)> {
    if valeur.len() < ENTETE + TAILLE_NONCE || valeur[0] != FORMAT {
        return None;
    }
    let case = u32::from_le_bytes(valeur[1..5].try_into().ok()?);
    let maj = u64::from_le_bytes(valeur[5..13].try_into().ok()?);
    Some((case, maj))
}

/// The embedded store: a sled database and the key slots in the data
/// directory.
pub struct SledStore {
    db: sled::Db,
    conversations: sled::Tree,
    tables: Mutex<HashMap<String, sled::Tree>>,
    cles: Mutex<Cles>,
    /// The key that, mixed with a slot's bytes, seals a conversation.
    secret: Vec<u8>,
    vidage: std::sync::Arc<Vidage>,
    /// The flusher thread (it holds the database open until it ends).
    videur: Option<std::thread::JoinHandle<()>>,
}

impl Drop for SledStore {
    fn drop(&mut self) {
        self.vidage.fermer();
        if let Some(v) = self.videur.take() {
            let _ = v.join();
        }
    }
}

impl SledStore {
    /// Opens (or creates) the database in `dossier`, with the secret kept in
    /// `dossier` ([`secret`]); see [`SledStore::ouvrir_avec`].
    pub fn ouvrir(dossier: &Path) -> Result<SledStore, StoreError> {
        let s = secret(None, None, dossier)?;
        SledStore::ouvrir_avec(dossier, &s)
    }

    /// Opens (or creates) the database in `dossier`; conversations are
    /// sealed with keys mixed with `secret`.
    pub fn ouvrir_avec(dossier: &Path, secret: &[u8]) -> Result<SledStore, StoreError> {
        std::fs::create_dir_all(dossier)
            .map_err(|e| StoreError(format!("{} : {e}", dossier.display())))?;
        let chemin = dossier.join("guichet.sled");
        let db = sled::Config::new()
            .segment_size(taille_segment(&chemin))
            .path(&chemin)
            .open()
            .map_err(|e| StoreError(format!("{} : {e}", dossier.display())))?;
        let conversations = db.open_tree(CONVERSATIONS)?;
        let mut cles = Cles::ouvrir(&dossier.join("cles.bin"))?;
        // A slot no record points to (a crash between the key and its
        // record, an erasure) is wiped; a record without key is removed.
        let mut utilisees = HashSet::new();
        for e in conversations.iter() {
            let (k, v) = e?;
            match entete(&v) {
                Some((case, _)) if cles.lire(case)? != [0u8; 32] => {
                    utilisees.insert(case);
                }
                _ => {
                    conversations.remove(&k)?;
                }
            }
        }
        for case in 0..cles.nombre {
            if !utilisees.contains(&case) {
                if cles.lire(case)? != [0u8; 32] {
                    cles.ecrire(case, &[0u8; 32])?;
                }
                cles.libres.push(case);
            }
        }
        cles.libres.reverse();
        cles.fichier.sync_data()?;
        db.flush()?;
        let vidage = std::sync::Arc::new(Vidage::default());
        let (v, d, f) = (vidage.clone(), db.clone(), cles.fichier.try_clone()?);
        let videur = std::thread::Builder::new()
            .name("guichet-flush".into())
            .spawn(move || {
                v.tourner(|| {
                    // Keys first: a record on disk never points to a key that is not.
                    f.sync_data()?;
                    d.flush()?;
                    Ok(())
                })
            })?;
        Ok(SledStore {
            db,
            conversations,
            tables: Mutex::new(HashMap::new()),
            cles: Mutex::new(cles),
            secret: secret.to_vec(),
            vidage,
            videur: Some(videur),
        })
    }

    fn arbre(&self, table: &str) -> Result<sled::Tree, StoreError> {
        if table == CONVERSATIONS {
            return Ok(self.conversations.clone());
        }
        let mut t = self.tables.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(a) = t.get(table) {
            return Ok(a.clone());
        }
        let a = self.db.open_tree(table)?;
        t.insert(table.to_string(), a.clone());
        Ok(a)
    }

    fn sceller(
        &self,
        cle: &Cle,
        case: u32,
        octets_cle: &[u8; 32],
        d: &Dossier,
    ) -> Result<Vec<u8>, StoreError> {
        let scelle = sceller_dossier(&self.secret, octets_cle, cle, d)?;
        let mut v = Vec::with_capacity(ENTETE + scelle.len());
        v.push(FORMAT);
        v.extend(case.to_le_bytes());
        v.extend(d.maj.to_le_bytes());
        v.extend(scelle);
        Ok(v)
    }

    fn ouvrir_dossier(&self, cle: &Cle, v: &[u8]) -> Result<Option<Dossier>, StoreError> {
        let Some((case, _)) = entete(v) else {
            return Ok(None);
        };
        let octets_cle = self
            .cles
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .lire(case)?;
        if octets_cle == [0u8; 32] {
            return Ok(None);
        }
        Ok(ouvrir_dossier(&self.secret, &octets_cle, cle, &v[ENTETE..]))
    }
}

/// The cipher of one conversation: its own 32 random bytes mixed with the
/// service secret, so that neither alone opens it.
fn chiffreur(secret: &[u8], octets_cle: &[u8; 32]) -> ChaCha20Poly1305 {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("HMAC accepts keys of any length");
    mac.update(b"guichet/conversation/");
    mac.update(octets_cle);
    ChaCha20Poly1305::new(Key::from_slice(&mac.finalize().into_bytes()))
}

/// A record sealed under its conversation's key: a random nonce, then the
/// encrypted [`encoder`] form, bound to the record's key (a record copied
/// under another key does not open).
pub(crate) fn sceller_dossier(
    secret: &[u8],
    octets_cle: &[u8; 32],
    cle: &Cle,
    d: &Dossier,
) -> Result<Vec<u8>, StoreError> {
    let clair = encoder(d)?;
    let mut nonce = [0u8; TAILLE_NONCE];
    getrandom::fill(&mut nonce).map_err(|e| StoreError(format!("aléa : {e}")))?;
    let chiffre = chiffreur(secret, octets_cle)
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &clair,
                aad: cle.0.as_bytes(),
            },
        )
        .map_err(|_| StoreError("chiffrement impossible".into()))?;
    let mut v = Vec::with_capacity(TAILLE_NONCE + chiffre.len());
    v.extend(nonce);
    v.extend(chiffre);
    Ok(v)
}

/// Opens what [`sceller_dossier`] sealed; `None` when it cannot (another
/// key or secret, a damaged or older record).
pub(crate) fn ouvrir_dossier(
    secret: &[u8],
    octets_cle: &[u8; 32],
    cle: &Cle,
    scelle: &[u8],
) -> Option<Dossier> {
    if scelle.len() < TAILLE_NONCE {
        return None;
    }
    let (nonce, chiffre) = scelle.split_at(TAILLE_NONCE);
    let clair = chiffreur(secret, octets_cle)
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: chiffre,
                aad: cle.0.as_bytes(),
            },
        )
        .ok()?;
    decoder(&clair)
}

/// 32 random bytes for a new conversation key (never all zeros: sled's key
/// file reads a zero slot as free).
pub(crate) fn nouvelle_cle() -> Result<[u8; 32], StoreError> {
    let mut cle = [0u8; 32];
    getrandom::fill(&mut cle).map_err(|e| StoreError(format!("aléa : {e}")))?;
    cle[0] |= 1;
    Ok(cle)
}

/// The size of sled's log segments (and of its write buffers) for a new
/// database: records are a few kilobytes, and every flush seals a buffer
/// and allocates the next, so smaller than sled's 512 KiB default saves
/// both memory traffic and disk. A database keeps the size it was created
/// with (sled refuses another), read from its `conf` file.
const TAILLE_SEGMENT: usize = 128 * 1024;

fn taille_segment(chemin: &Path) -> usize {
    // The file ends with a binary checksum: read it as bytes.
    std::fs::read(chemin.join("conf"))
        .ok()
        .and_then(|c| {
            String::from_utf8_lossy(&c)
                .lines()
                .find_map(|l| l.strip_prefix("segment_size: "))
                .and_then(|v| v.trim().parse().ok())
        })
        .unwrap_or(TAILLE_SEGMENT)
}

/// The dictionary records are compressed with: trained by
/// `tests/dictionnaire.rs` on the records of the 600 oracle households'
/// conversations (field names, question ids, the words of the replies), it
/// lets zstd compress a finished conversation's 5 kB of MessagePack to
/// about 600 bytes, where LZ4 alone gave 1,900. **Frozen**: records on disk
/// need the very dictionary they were written with (the test checks its
/// hash). A better one is a new file with a new dictionary id, read
/// beside this one.
pub const DICTIONNAIRE: &[u8] = include_bytes!("store/dictionary_v1.zdict");

/// zstd's level for records: as fast as LZ4 was here (about 10 µs for a
/// finished conversation); higher levels save a tenth more for five times
/// the CPU of every turn.
const NIVEAU_ZSTD: i32 = 3;

/// How a zstd frame begins; LZ4 records (written before the dictionary)
/// begin with their length, which is never this large.
const MAGIE_ZSTD: [u8; 4] = [0x28, 0xB5, 0x2F, 0xFD];

/// Largest record decompressed (a record is a few kilobytes; this bounds
/// what a corrupt or hostile length could make us allocate).
const DOSSIER_MAX: usize = 4 << 20;

fn dictionnaire_compression() -> &'static zstd::dict::EncoderDictionary<'static> {
    static D: std::sync::OnceLock<zstd::dict::EncoderDictionary<'static>> =
        std::sync::OnceLock::new();
    D.get_or_init(|| zstd::dict::EncoderDictionary::copy(DICTIONNAIRE, NIVEAU_ZSTD))
}

fn dictionnaire_decompression() -> &'static zstd::dict::DecoderDictionary<'static> {
    static D: std::sync::OnceLock<zstd::dict::DecoderDictionary<'static>> =
        std::sync::OnceLock::new();
    D.get_or_init(|| zstd::dict::DecoderDictionary::copy(DICTIONNAIRE))
}

/// A conversation record in its stored form, before sealing: MessagePack
/// with field names (fields added to the conversation keep old records
/// readable; `skip_serializing_if` is honoured), compressed by zstd with
/// [`DICTIONNAIRE`].
pub fn encoder(d: &Dossier) -> Result<Vec<u8>, StoreError> {
    // One compression context per thread, reused: making one allocates
    // far more than a record weighs.
    thread_local! {
        static CONTEXTE: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> =
            const { std::cell::RefCell::new(None) };
    }
    let mp = rmp_serde::to_vec_named(d).map_err(|e| StoreError(e.to_string()))?;
    let erreur = |e: std::io::Error| StoreError(format!("zstd : {e}"));
    CONTEXTE.with(|c| {
        let mut c = c.borrow_mut();
        let c = match &mut *c {
            Some(c) => c,
            None => c.insert(
                zstd::bulk::Compressor::with_prepared_dictionary(dictionnaire_compression())
                    .map_err(erreur)?,
            ),
        };
        c.compress(&mp).map_err(erreur)
    })
}

/// Reads what [`encoder`] wrote, or the LZ4 of earlier versions; `None`
/// when it cannot (another format, another dictionary, damaged).
pub fn decoder(octets: &[u8]) -> Option<Dossier> {
    let mp = if octets.starts_with(&MAGIE_ZSTD) {
        let taille = zstd::zstd_safe::get_frame_content_size(octets).ok()??;
        if taille > DOSSIER_MAX as u64 {
            return None;
        }
        thread_local! {
            static CONTEXTE: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
                const { std::cell::RefCell::new(None) };
        }
        CONTEXTE.with(|c| {
            let mut c = c.borrow_mut();
            let c =
                match &mut *c {
                    Some(c) => c,
                    None => c.insert(
                        zstd::bulk::Decompressor::with_prepared_dictionary(
                            dictionnaire_decompression(),
                        )
                        .ok()?,
                    ),
                };
            c.decompress(octets, taille as usize).ok()
        })?
    } else {
        lz4_flex::decompress_size_prepended(octets).ok()?
    };
    rmp_serde::from_slice(&mp).ok()
}

impl Store for SledStore {
    fn lire(&self, cle: &Cle) -> Result<Option<Dossier>, StoreError> {
        match self.conversations.get(cle.0.as_bytes())? {
            Some(v) => self.ouvrir_dossier(cle, &v),
            None => Ok(None),
        }
    }

    fn ecrire_lot(&self, lot: Lot) -> Result<u64, StoreError> {
        use sled::transaction::{ConflictableTransactionError, TransactionError};
        if lot.est_vide() {
            // Nothing new: what was committed before must still be durable
            // before the caller answers (a duplicate of a message whose
            // flush is under way).
            return Ok(self.vidage.ticket());
        }
        // Key slots: the caller holds the sender's lock, so the slot read
        // here is still the record's when the transaction commits.
        let mut a_detruire = None;
        let mut nouvelle_case = None;
        let mut ops: Vec<(String, Vec<u8>, Option<Vec<u8>>)> = Vec::new();
        if let Some(cle) = &lot.effacer {
            if let Some(v) = self.conversations.get(cle.0.as_bytes())? {
                a_detruire = entete(&v).map(|(case, _)| case);
            }
            ops.push((CONVERSATIONS.into(), cle.0.as_bytes().to_vec(), None));
        }
        if let Some((cle, d)) = &lot.dossier {
            let existante = match (&lot.effacer, self.conversations.get(cle.0.as_bytes())?) {
                (Some(e), _) if e == cle => None,
                (_, Some(v)) => match entete(&v) {
                    Some((case, _)) => {
                        let o = self
                            .cles
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .lire(case)?;
                        (o != [0u8; 32]).then_some((case, o))
                    }
                    None => None,
                },
                (_, None) => None,
            };
            let (case, octets) = match existante {
                Some(x) => x,
                None => {
                    let durables = self.vidage.etat().faits;
                    let x = self
                        .cles
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .nouvelle(durables)?;
                    nouvelle_case = Some(x.0);
                    x
                }
            };
            ops.push((
                CONVERSATIONS.into(),
                cle.0.as_bytes().to_vec(),
                Some(self.sceller(cle, case, &octets, d)?),
            ));
        }
        for op in lot.operations {
            match op {
                Operation::Ecrire { table, cle, valeur } => {
                    ops.push((table, cle.into_bytes(), Some(valeur)))
                }
                Operation::Supprimer { table, cle } => ops.push((table, cle.into_bytes(), None)),
                Operation::SupprimerPrefixe { table, prefixe } => {
                    for k in self.arbre(&table)?.scan_prefix(prefixe.as_bytes()).keys() {
                        ops.push((table.clone(), k?.to_vec(), None));
                    }
                }
            }
        }
        let mut noms: Vec<&str> = Vec::new();
        for (t, _, _) in &ops {
            if !noms.contains(&t.as_str()) {
                noms.push(t);
            }
        }
        let arbres: Vec<sled::Tree> = noms
            .iter()
            .map(|n| self.arbre(n))
            .collect::<Result<_, _>>()?;
        let indices: Vec<usize> = ops
            .iter()
            .map(|(t, _, _)| noms.iter().position(|n| n == t).unwrap_or(0))
            .collect();
        use sled::Transactional;
        let r: Result<(), TransactionError<()>> = arbres.as_slice().transaction(|vues| {
            for ((_, k, v), i) in ops.iter().zip(&indices) {
                match v {
                    Some(v) => {
                        vues[*i].insert(k.as_slice(), v.as_slice())?;
                    }
                    None => {
                        vues[*i].remove(k.as_slice())?;
                    }
                }
            }
            Ok::<(), ConflictableTransactionError<()>>(())
        });
        if let Err(e) = r {
            if let Some(case) = nouvelle_case {
                // Never referenced by a record: free at once.
                let _ = self
                    .cles
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .detruire(case, 0);
            }
            return Err(StoreError(match e {
                TransactionError::Storage(e) => e.to_string(),
                TransactionError::Abort(()) => "transaction abandonnée".into(),
            }));
        }
        let ticket = self.vidage.ticket();
        if let Some(case) = a_detruire {
            self.cles
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .detruire(case, ticket)?;
        }
        Ok(ticket)
    }

    fn rendre_durable(&self, ticket: u64) -> Result<(), StoreError> {
        self.vidage.attendre(ticket)
    }

    fn vidage(&self) -> Option<&Vidage> {
        Some(&self.vidage)
    }

    fn nouvel_id(&self) -> Result<u64, StoreError> {
        Ok(self.db.generate_id()?)
    }

    fn lire_entree(&self, table: &str, cle: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.arbre(table)?.get(cle.as_bytes())?.map(|v| v.to_vec()))
    }

    fn entrees(&self, table: &str) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let mut v = Vec::new();
        for e in self.arbre(table)?.iter() {
            let (k, val) = e?;
            v.push((String::from_utf8_lossy(&k).into_owned(), val.to_vec()));
        }
        Ok(v)
    }

    fn mises_a_jour(&self) -> Result<Vec<(Cle, u64)>, StoreError> {
        let mut v = Vec::new();
        for e in self.conversations.iter() {
            let (k, val) = e?;
            // An unreadable record cannot be used: it counts as very old.
            let maj = entete(&val).map(|(_, m)| m).unwrap_or(0);
            v.push((Cle(String::from_utf8_lossy(&k).into_owned()), maj));
        }
        Ok(v)
    }
}

/// A store in memory, for `guichet chat` and tests.
#[derive(Default)]
pub struct MemoryStore {
    interne: Mutex<Memoire>,
    ids: AtomicU64,
}

#[derive(Default)]
struct Memoire {
    conversations: HashMap<Cle, Dossier>,
    tables: BTreeMap<(String, String), Vec<u8>>,
}

impl Store for MemoryStore {
    fn lire(&self, cle: &Cle) -> Result<Option<Dossier>, StoreError> {
        Ok(self
            .interne
            .lock()
            .map_err(poison)?
            .conversations
            .get(cle)
            .cloned())
    }

    fn rendre_durable(&self, _ticket: u64) -> Result<(), StoreError> {
        Ok(())
    }

    fn ecrire_lot(&self, lot: Lot) -> Result<u64, StoreError> {
        let mut m = self.interne.lock().map_err(poison)?;
        if let Some(cle) = &lot.effacer {
            m.conversations.remove(cle);
        }
        if let Some((cle, d)) = lot.dossier {
            m.conversations.insert(cle, d);
        }
        for op in lot.operations {
            match op {
                Operation::Ecrire { table, cle, valeur } => {
                    m.tables.insert((table, cle), valeur);
                }
                Operation::Supprimer { table, cle } => {
                    m.tables.remove(&(table, cle));
                }
                Operation::SupprimerPrefixe { table, prefixe } => {
                    m.tables
                        .retain(|(t, k), _| !(*t == table && k.starts_with(&prefixe)));
                }
            }
        }
        Ok(0)
    }

    fn nouvel_id(&self) -> Result<u64, StoreError> {
        Ok(self.ids.fetch_add(1, Ordering::SeqCst) + 1)
    }

    fn lire_entree(&self, table: &str, cle: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .interne
            .lock()
            .map_err(poison)?
            .tables
            .get(&(table.to_string(), cle.to_string()))
            .cloned())
    }

    fn entrees(&self, table: &str) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        Ok(self
            .interne
            .lock()
            .map_err(poison)?
            .tables
            .iter()
            .filter(|((t, _), _)| t == table)
            .map(|((_, k), v)| (k.clone(), v.clone()))
            .collect())
    }

    fn mises_a_jour(&self) -> Result<Vec<(Cle, u64)>, StoreError> {
        Ok(self
            .interne
            .lock()
            .map_err(poison)?
            .conversations
            .iter()
            .map(|(k, d)| (k.clone(), d.maj))
            .collect())
    }
}

fn poison<T>(_: std::sync::PoisonError<T>) -> StoreError {
    StoreError("verrou empoisonné".into())
}

/// The environment variable that may hold the service secret.
pub const VARIABLE_SECRET: &str = "GUICHET_SECRET";

/// The service secret (keyed hashes of senders, sealing of contacts and of
/// conversation keys), first found of: the configuration's `secret`, the
/// environment variable `GUICHET_SECRET`, the file `secret_file` (kept out
/// of `data_dir`, and so out of its backups), else `data_dir/cle_secrete`,
/// created at first start so that keys stay stable across restarts without
/// anyone having to set one up.
pub fn secret(
    configure: Option<&str>,
    fichier: Option<&Path>,
    data_dir: &Path,
) -> Result<Vec<u8>, StoreError> {
    if let Some(s) = configure.filter(|s| !s.is_empty()) {
        return Ok(s.as_bytes().to_vec());
    }
    if let Ok(s) = std::env::var(VARIABLE_SECRET) {
        if !s.is_empty() {
            return Ok(s.into_bytes());
        }
    }
    if let Some(f) = fichier {
        let s = std::fs::read(f).map_err(|e| StoreError(format!("{} : {e}", f.display())))?;
        let s = s.trim_ascii().to_vec();
        if s.len() < 16 {
            return Err(StoreError(format!(
                "{} : secret trop court (16 octets au moins)",
                f.display()
            )));
        }
        return Ok(s);
    }
    let chemin: PathBuf = data_dir.join("cle_secrete");
    if let Ok(s) = std::fs::read(&chemin) {
        if s.len() >= 32 {
            return Ok(s);
        }
    }
    std::fs::create_dir_all(data_dir)
        .map_err(|e| StoreError(format!("{} : {e}", data_dir.display())))?;
    let mut octets = vec![0u8; 32];
    getrandom::fill(&mut octets).map_err(|e| StoreError(format!("aléa : {e}")))?;
    let s = hex(&octets).into_bytes();
    {
        use std::io::Write;
        #[cfg(unix)]
        use std::os::unix::fs::OpenOptionsExt;
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        o.mode(0o600);
        let mut f = o
            .open(&chemin)
            .map_err(|e| StoreError(format!("{} : {e}", chemin.display())))?;
        f.write_all(&s)
            .and_then(|()| f.sync_all())
            .map_err(|e| StoreError(format!("{} : {e}", chemin.display())))?;
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dossier(maj: u64) -> Dossier {
        Dossier {
            conversation: Conversation::default(),
            maj,
            canal: "sms".into(),
            recus: vec![],
        }
    }

    #[test]
    fn la_cle_ne_contient_pas_le_numero() {
        let c = Cle::calculer(b"secret", "sms", "+33612345678");
        assert_eq!(c.0.len(), 64);
        assert!(!c.0.contains("612345678"));
        assert_ne!(c, Cle::calculer(b"autre", "sms", "+33612345678"));
        assert_ne!(c, Cle::calculer(b"secret", "telegram", "+33612345678"));
    }

    #[test]
    fn sled_relit_ce_qui_est_ecrit_apres_reouverture() {
        let dir = tempfile::tempdir().unwrap();
        let cle = Cle::calculer(b"s", "sms", "+33600000000");
        let d = dossier(100);
        {
            let m = SledStore::ouvrir(dir.path()).unwrap();
            m.ecrire(&cle, &d).unwrap();
            m.demander_rappel(
                &cle,
                &DemandeRappel {
                    depuis: 1,
                    canal: "sms".into(),
                    traitee: false,
                    contact: None,
                    telephone: None,
                    prise_par: None,
                },
            )
            .unwrap();
        }
        let m = SledStore::ouvrir(dir.path()).unwrap();
        assert_eq!(m.lire(&cle).unwrap(), Some(d));
        assert_eq!(m.rappels().unwrap().len(), 1);
        assert_eq!(m.purger(101).unwrap(), 1);
        assert_eq!(m.lire(&cle).unwrap(), None);
        assert!(m.rappels().unwrap().is_empty());
    }

    #[test]
    fn un_lot_ecrit_tout_ou_rien_et_l_effacement_detruit_la_cle() {
        let dir = tempfile::tempdir().unwrap();
        let a = Cle::calculer(b"s", "sms", "+33600000001");
        let b = Cle::calculer(b"s", "sms", "+33600000002");
        {
            let m = SledStore::ouvrir(dir.path()).unwrap();
            let mut lot = Lot {
                dossier: Some((a.clone(), dossier(5))),
                ..Lot::default()
            };
            lot.ecrire("sortants", "1", b"un".to_vec()).ecrire(
                PARTIES,
                &format!("{}:x", a.0),
                b"p".to_vec(),
            );
            m.appliquer(lot).unwrap();
            m.ecrire(&b, &dossier(6)).unwrap();
            let mut lot = Lot {
                effacer: Some(a.clone()),
                ..Lot::default()
            };
            lot.supprimer_prefixe(PARTIES, &a.0);
            m.appliquer(lot).unwrap();
            assert_eq!(m.lire(&a).unwrap(), None);
            assert!(m.entrees(PARTIES).unwrap().is_empty());
            assert_eq!(
                m.lire_entree("sortants", "1").unwrap().as_deref(),
                Some(&b"un"[..])
            );
        }
        let m = SledStore::ouvrir(dir.path()).unwrap();
        assert_eq!(m.lire(&a).unwrap(), None);
        assert_eq!(m.lire(&b).unwrap(), Some(dossier(6)));
        // One slot is in use, the erased one is zero.
        let cles = std::fs::read(dir.path().join("cles.bin")).unwrap();
        let pleines = cles
            .chunks(32)
            .filter(|c| c.iter().any(|o| *o != 0))
            .count();
        assert_eq!(pleines, 1);
    }

    #[test]
    fn un_ancien_enregistrement_json_compte_comme_absent() {
        let dir = tempfile::tempdir().unwrap();
        let cle = Cle::calculer(b"s", "sms", "+33600000000");
        {
            let db = sled::open(dir.path().join("guichet.sled")).unwrap();
            db.open_tree(CONVERSATIONS)
                .unwrap()
                .insert(cle.0.as_bytes(), serde_json::to_vec(&dossier(1)).unwrap())
                .unwrap();
            db.flush().unwrap();
        }
        let m = SledStore::ouvrir(dir.path()).unwrap();
        assert_eq!(m.lire(&cle).unwrap(), None);
        m.ecrire(&cle, &dossier(2)).unwrap();
        assert_eq!(m.lire(&cle).unwrap(), Some(dossier(2)));
    }

    #[test]
    fn un_enregistrement_lz4_d_avant_le_dictionnaire_se_relit() {
        let d = dossier(7);
        let lz4 = lz4_flex::compress_prepend_size(&rmp_serde::to_vec_named(&d).unwrap());
        assert_eq!(decoder(&lz4), Some(d.clone()));
        let zstd = encoder(&d).unwrap();
        assert!(zstd.starts_with(&MAGIE_ZSTD));
        assert_eq!(decoder(&zstd), Some(d));
        // Damaged: nothing read, nothing allocated beyond the bound.
        assert_eq!(decoder(&zstd[..zstd.len() / 2]), None);
        assert_eq!(decoder(&[0x28, 0xB5, 0x2F, 0xFD, 0xFF, 0xFF]), None);
    }

    #[test]
    fn les_doublons_sont_retenus_48_heures() {
        let mut d = dossier(0);
        d.retenir("a".into(), 1000, &Sortie::default());
        assert!(d.deja_recu("a", 1000 + RECUS_DUREE).is_some());
        assert!(d.deja_recu("a", 1001 + RECUS_DUREE).is_none());
        for i in 0..100 {
            d.retenir(format!("m{i}"), 2000, &Sortie::default());
        }
        assert_eq!(d.recus.len(), RECUS_MAX);
        let avec = d.recus.iter().filter(|r| r.reponse.is_some()).count();
        assert_eq!(avec, RECUS_AVEC_REPONSE);
    }

    #[test]
    fn le_secret_genere_est_stable() {
        let dir = tempfile::tempdir().unwrap();
        let a = secret(None, None, dir.path()).unwrap();
        let b = secret(None, None, dir.path()).unwrap();
        assert_eq!(a, b);
        assert_eq!(secret(Some("x"), None, dir.path()).unwrap(), b"x");
        let f = dir.path().join("ailleurs");
        std::fs::write(&f, "0123456789abcdef0123\n").unwrap();
        assert_eq!(
            secret(None, Some(&f), dir.path()).unwrap(),
            b"0123456789abcdef0123"
        );
    }

    #[test]
    fn les_flushs_concurrents_sont_partages() {
        use std::sync::Arc;
        use std::sync::atomic::AtomicUsize;
        let v = Arc::new(Vidage::default());
        let n = Arc::new(AtomicUsize::new(0));
        let videur = {
            let (v, n) = (v.clone(), n.clone());
            std::thread::spawn(move || {
                v.tourner(|| {
                    n.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(2));
                    Ok(())
                })
            })
        };
        let fils: Vec<_> = (0..8)
            .map(|_| {
                let v = v.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        let t = v.ticket();
                        v.attendre(t).unwrap();
                    }
                })
            })
            .collect();
        for f in fils {
            f.join().unwrap();
        }
        v.fermer();
        videur.join().unwrap();
        assert!(
            n.load(Ordering::SeqCst) < 160,
            "{}",
            n.load(Ordering::SeqCst)
        );
        // Waiting asynchronously for a ticket already flushed returns at once.
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(v.suivre(1)).unwrap();
    }
}
