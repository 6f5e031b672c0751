//! Conversations at rest, behind a small trait so that sled (embedded, one
//! machine) can be joined later by PostgreSQL (several machines).
//!
//! Records are keyed by a keyed hash (HMAC-SHA256 with the service's secret)
//! of the channel and the sender: a phone number or a chat id is never
//! stored, and the key cannot be reversed without the secret. A record holds
//! the conversation, its last update time (to expire it) and the replies to
//! the last message ids received (so that a message delivered twice gets the
//! same replies and changes nothing). Writing a record is one atomic insert
//! followed by a flush to disk: when [`Magasin::ecrire`] returns, the answer
//! survives a crash.

use crate::dialogue::Conversation;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Mutex;

/// How many recent message ids a record remembers: providers redeliver
/// within seconds or minutes, and a longer list would be rewritten (and
/// flushed) with every message.
pub const RECUS_MAX: usize = 8;
/// How long a message id is remembered, in seconds (48 h).
pub const RECUS_DUREE: u64 = 48 * 3600;

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

/// Lowercase hexadecimal.
pub fn hex(octets: &[u8]) -> String {
    const CHIFFRES: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(octets.len() * 2);
    for o in octets {
        s.push(CHIFFRES[(o >> 4) as usize] as char);
        s.push(CHIFFRES[(o & 15) as usize] as char);
    }
    s
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
    /// The replies sent, and whatever the channel needs to answer again.
    pub reponse: serde_json::Value,
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
    pub fn deja_recu(&self, id: &str, maintenant: u64) -> Option<&serde_json::Value> {
        self.deja_recu_depuis(id, maintenant, RECUS_DUREE)
    }

    /// The reply given to a message id received less than `fenetre` seconds ago.
    pub fn deja_recu_depuis(
        &self,
        id: &str,
        maintenant: u64,
        fenetre: u64,
    ) -> Option<&serde_json::Value> {
        self.recus
            .iter()
            .rev()
            .find(|r| r.id == id && maintenant.saturating_sub(r.quand) <= fenetre)
            .map(|r| &r.reponse)
    }

    /// Remembers the reply to a message id, forgetting the oldest.
    pub fn retenir(&mut self, id: String, maintenant: u64, reponse: serde_json::Value) {
        self.recus
            .retain(|r| maintenant.saturating_sub(r.quand) <= RECUS_DUREE);
        self.recus.push(Recu {
            id,
            quand: maintenant,
            reponse,
        });
        if self.recus.len() > RECUS_MAX {
            let trop = self.recus.len() - RECUS_MAX;
            self.recus.drain(..trop);
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
    /// [`crate::coffre`]; erased once the request is handled.
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

/// A storage failure.
#[derive(Debug)]
pub struct ErreurMagasin(pub String);

impl fmt::Display for ErreurMagasin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "stockage : {}", self.0)
    }
}

impl std::error::Error for ErreurMagasin {}

impl From<sled::Error> for ErreurMagasin {
    fn from(e: sled::Error) -> Self {
        ErreurMagasin(e.to_string())
    }
}

impl From<serde_json::Error> for ErreurMagasin {
    fn from(e: serde_json::Error) -> Self {
        ErreurMagasin(format!("enregistrement illisible : {e}"))
    }
}

/// Where conversations live.
pub trait Magasin: Send + Sync {
    /// The record of a key, if any.
    fn lire(&self, cle: &Cle) -> Result<Option<Dossier>, ErreurMagasin>;
    /// Writes a record; durable on disk when this returns.
    fn ecrire(&self, cle: &Cle, dossier: &Dossier) -> Result<(), ErreurMagasin>;
    /// Erases everything about a key (conversation and callback request).
    fn effacer(&self, cle: &Cle) -> Result<(), ErreurMagasin>;
    /// Records a callback request.
    fn demander_rappel(&self, cle: &Cle, demande: &DemandeRappel) -> Result<(), ErreurMagasin>;
    /// Every callback request, oldest first.
    fn rappels(&self) -> Result<Vec<(Cle, DemandeRappel)>, ErreurMagasin>;
    /// Erases records not updated since `avant` (seconds); returns how many.
    fn purger(&self, avant: u64) -> Result<usize, ErreurMagasin>;
    /// Reads an entry of an auxiliary table (`parties` of long SMS,
    /// `sortants` of the SMS outbox).
    fn lire_entree(&self, table: &str, cle: &str) -> Result<Option<Vec<u8>>, ErreurMagasin>;
    /// Writes an entry of an auxiliary table; durable when this returns.
    fn ecrire_entree(&self, table: &str, cle: &str, valeur: &[u8]) -> Result<(), ErreurMagasin>;
    /// Removes an entry of an auxiliary table.
    fn supprimer_entree(&self, table: &str, cle: &str) -> Result<(), ErreurMagasin>;
    /// Every entry of an auxiliary table, in key order.
    fn entrees(&self, table: &str) -> Result<Vec<(String, Vec<u8>)>, ErreurMagasin>;
}

/// The embedded store: a sled database in the data directory.
pub struct MagasinSled {
    db: sled::Db,
    conversations: sled::Tree,
    rappels: sled::Tree,
}

impl MagasinSled {
    /// Opens (or creates) the database in `dossier`.
    pub fn ouvrir(dossier: &Path) -> Result<MagasinSled, ErreurMagasin> {
        std::fs::create_dir_all(dossier)
            .map_err(|e| ErreurMagasin(format!("{} : {e}", dossier.display())))?;
        let db = sled::Config::new()
            .path(dossier.join("guichet.sled"))
            .open()
            .map_err(|e| ErreurMagasin(format!("{} : {e}", dossier.display())))?;
        let conversations = db.open_tree("conversations")?;
        let rappels = db.open_tree("rappels")?;
        Ok(MagasinSled {
            db,
            conversations,
            rappels,
        })
    }
}

impl Magasin for MagasinSled {
    fn lire(&self, cle: &Cle) -> Result<Option<Dossier>, ErreurMagasin> {
        match self.conversations.get(cle.0.as_bytes())? {
            Some(v) => Ok(Some(serde_json::from_slice(&v)?)),
            None => Ok(None),
        }
    }

    fn ecrire(&self, cle: &Cle, dossier: &Dossier) -> Result<(), ErreurMagasin> {
        let octets = serde_json::to_vec(dossier)?;
        self.conversations.insert(cle.0.as_bytes(), octets)?;
        self.db.flush()?;
        Ok(())
    }

    fn effacer(&self, cle: &Cle) -> Result<(), ErreurMagasin> {
        self.conversations.remove(cle.0.as_bytes())?;
        self.rappels.remove(cle.0.as_bytes())?;
        self.db.flush()?;
        Ok(())
    }

    fn demander_rappel(&self, cle: &Cle, demande: &DemandeRappel) -> Result<(), ErreurMagasin> {
        self.rappels
            .insert(cle.0.as_bytes(), serde_json::to_vec(demande)?)?;
        self.db.flush()?;
        Ok(())
    }

    fn rappels(&self) -> Result<Vec<(Cle, DemandeRappel)>, ErreurMagasin> {
        let mut v = Vec::new();
        for e in self.rappels.iter() {
            let (k, val) = e?;
            v.push((
                Cle(String::from_utf8_lossy(&k).into_owned()),
                serde_json::from_slice(&val)?,
            ));
        }
        v.sort_by_key(|(_, d): &(Cle, DemandeRappel)| d.depuis);
        Ok(v)
    }

    fn lire_entree(&self, table: &str, cle: &str) -> Result<Option<Vec<u8>>, ErreurMagasin> {
        Ok(self
            .db
            .open_tree(table)?
            .get(cle.as_bytes())?
            .map(|v| v.to_vec()))
    }

    fn ecrire_entree(&self, table: &str, cle: &str, valeur: &[u8]) -> Result<(), ErreurMagasin> {
        self.db.open_tree(table)?.insert(cle.as_bytes(), valeur)?;
        self.db.flush()?;
        Ok(())
    }

    fn supprimer_entree(&self, table: &str, cle: &str) -> Result<(), ErreurMagasin> {
        self.db.open_tree(table)?.remove(cle.as_bytes())?;
        self.db.flush()?;
        Ok(())
    }

    fn entrees(&self, table: &str) -> Result<Vec<(String, Vec<u8>)>, ErreurMagasin> {
        let mut v = Vec::new();
        for e in self.db.open_tree(table)?.iter() {
            let (k, val) = e?;
            v.push((String::from_utf8_lossy(&k).into_owned(), val.to_vec()));
        }
        Ok(v)
    }

    fn purger(&self, avant: u64) -> Result<usize, ErreurMagasin> {
        let mut n = 0;
        for e in self.conversations.iter() {
            let (k, v) = e?;
            let vieux = match serde_json::from_slice::<Dossier>(&v) {
                Ok(d) => d.maj < avant,
                // An unreadable record cannot be used: erase it too.
                Err(_) => true,
            };
            if vieux {
                self.conversations.remove(&k)?;
                self.rappels.remove(&k)?;
                n += 1;
            }
        }
        self.db.flush()?;
        Ok(n)
    }
}

/// A store in memory, for `guichet chat` and tests.
#[derive(Default)]
pub struct MagasinMemoire {
    conversations: Mutex<HashMap<Cle, Dossier>>,
    rappels: Mutex<HashMap<Cle, DemandeRappel>>,
    tables: Mutex<std::collections::BTreeMap<(String, String), Vec<u8>>>,
}

impl Magasin for MagasinMemoire {
    fn lire(&self, cle: &Cle) -> Result<Option<Dossier>, ErreurMagasin> {
        Ok(self.conversations.lock().map_err(poison)?.get(cle).cloned())
    }

    fn ecrire(&self, cle: &Cle, dossier: &Dossier) -> Result<(), ErreurMagasin> {
        self.conversations
            .lock()
            .map_err(poison)?
            .insert(cle.clone(), dossier.clone());
        Ok(())
    }

    fn effacer(&self, cle: &Cle) -> Result<(), ErreurMagasin> {
        self.conversations.lock().map_err(poison)?.remove(cle);
        self.rappels.lock().map_err(poison)?.remove(cle);
        Ok(())
    }

    fn demander_rappel(&self, cle: &Cle, demande: &DemandeRappel) -> Result<(), ErreurMagasin> {
        self.rappels
            .lock()
            .map_err(poison)?
            .insert(cle.clone(), demande.clone());
        Ok(())
    }

    fn rappels(&self) -> Result<Vec<(Cle, DemandeRappel)>, ErreurMagasin> {
        let mut v: Vec<_> = self
            .rappels
            .lock()
            .map_err(poison)?
            .iter()
            .map(|(k, d)| (k.clone(), d.clone()))
            .collect();
        v.sort_by_key(|(_, d)| d.depuis);
        Ok(v)
    }

    fn lire_entree(&self, table: &str, cle: &str) -> Result<Option<Vec<u8>>, ErreurMagasin> {
        Ok(self
            .tables
            .lock()
            .map_err(poison)?
            .get(&(table.to_string(), cle.to_string()))
            .cloned())
    }

    fn ecrire_entree(&self, table: &str, cle: &str, valeur: &[u8]) -> Result<(), ErreurMagasin> {
        self.tables
            .lock()
            .map_err(poison)?
            .insert((table.to_string(), cle.to_string()), valeur.to_vec());
        Ok(())
    }

    fn supprimer_entree(&self, table: &str, cle: &str) -> Result<(), ErreurMagasin> {
        self.tables
            .lock()
            .map_err(poison)?
            .remove(&(table.to_string(), cle.to_string()));
        Ok(())
    }

    fn entrees(&self, table: &str) -> Result<Vec<(String, Vec<u8>)>, ErreurMagasin> {
        Ok(self
            .tables
            .lock()
            .map_err(poison)?
            .iter()
            .filter(|((t, _), _)| t == table)
            .map(|((_, k), v)| (k.clone(), v.clone()))
            .collect())
    }

    fn purger(&self, avant: u64) -> Result<usize, ErreurMagasin> {
        let mut c = self.conversations.lock().map_err(poison)?;
        let vieux: Vec<Cle> = c
            .iter()
            .filter(|(_, d)| d.maj < avant)
            .map(|(k, _)| k.clone())
            .collect();
        let mut r = self.rappels.lock().map_err(poison)?;
        for k in &vieux {
            c.remove(k);
            r.remove(k);
        }
        Ok(vieux.len())
    }
}

fn poison<T>(_: std::sync::PoisonError<T>) -> ErreurMagasin {
    ErreurMagasin("verrou empoisonné".into())
}

/// The secret of keyed hashes: from the configuration when given, else read
/// from (or created in) `data_dir/cle_secrete`, so that keys stay stable
/// across restarts without anyone having to set one up.
pub fn secret(configure: Option<&str>, data_dir: &Path) -> Result<Vec<u8>, ErreurMagasin> {
    if let Some(s) = configure.filter(|s| !s.is_empty()) {
        return Ok(s.as_bytes().to_vec());
    }
    let chemin = data_dir.join("cle_secrete");
    if let Ok(s) = std::fs::read(&chemin) {
        if s.len() >= 32 {
            return Ok(s);
        }
    }
    std::fs::create_dir_all(data_dir)
        .map_err(|e| ErreurMagasin(format!("{} : {e}", data_dir.display())))?;
    let mut octets = vec![0u8; 32];
    {
        use std::io::Read;
        let mut f = std::fs::File::open("/dev/urandom")
            .map_err(|e| ErreurMagasin(format!("/dev/urandom : {e}")))?;
        f.read_exact(&mut octets)
            .map_err(|e| ErreurMagasin(format!("/dev/urandom : {e}")))?;
    }
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
            .map_err(|e| ErreurMagasin(format!("{} : {e}", chemin.display())))?;
        f.write_all(&s)
            .and_then(|()| f.sync_all())
            .map_err(|e| ErreurMagasin(format!("{} : {e}", chemin.display())))?;
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let d = Dossier {
            conversation: Conversation::default(),
            maj: 100,
            canal: "sms".into(),
            recus: vec![],
        };
        {
            let m = MagasinSled::ouvrir(dir.path()).unwrap();
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
        let m = MagasinSled::ouvrir(dir.path()).unwrap();
        assert_eq!(m.lire(&cle).unwrap(), Some(d));
        assert_eq!(m.rappels().unwrap().len(), 1);
        assert_eq!(m.purger(101).unwrap(), 1);
        assert_eq!(m.lire(&cle).unwrap(), None);
        assert!(m.rappels().unwrap().is_empty());
    }

    #[test]
    fn les_doublons_sont_retenus_48_heures() {
        let mut d = Dossier {
            conversation: Conversation::default(),
            maj: 0,
            canal: "sms".into(),
            recus: vec![],
        };
        d.retenir("a".into(), 1000, serde_json::json!(1));
        assert!(d.deja_recu("a", 1000 + RECUS_DUREE).is_some());
        assert!(d.deja_recu("a", 1001 + RECUS_DUREE).is_none());
        for i in 0..100 {
            d.retenir(format!("m{i}"), 2000, serde_json::json!(i));
        }
        assert_eq!(d.recus.len(), RECUS_MAX);
    }

    #[test]
    fn le_secret_genere_est_stable() {
        let dir = tempfile::tempdir().unwrap();
        let a = secret(None, dir.path()).unwrap();
        let b = secret(None, dir.path()).unwrap();
        assert_eq!(a, b);
        assert_eq!(secret(Some("x"), dir.path()).unwrap(), b"x");
    }
}
