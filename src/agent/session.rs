//! Who may use the console: agents' passwords (argon2 hashes from the
//! configuration), login attempts and lockout, sessions and their CSRF
//! tokens, and the cookies that carry them.
//!
//! Sessions and failure counts live in memory and, once the console is given
//! the service's store ([`Gardien::avec_magasin`]), in its tables too, so
//! that a restart neither logs agents out in the middle of a call nor
//! forgets a lockout. Session tokens are stored only as their SHA-256: the
//! store never holds a token that would open a session. The clock is passed
//! in so that lockout can be tested without waiting.
//!
//! A login attempt is counted as a failure *before* its password is
//! verified, and forgiven only when it turns out right: a burst of
//! concurrent attempts can never get more than [`ECHECS_MAX`] passwords
//! tried before the lock (counting after the slow check let every attempt
//! of a burst pass the check first). Argon2 needs 19 MB and tens of
//! milliseconds per verification, so at most [`ARGON2_SIMULTANES`] run at
//! once; the others wait their turn.

use crate::service::Service;
use argon2::password_hash::PasswordVerifier;
use argon2::password_hash::phc::PasswordHash;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The store's table of sessions (SHA-256 of the token → [`Session`]).
const TABLE_SESSIONS: &str = "agent_sessions";
/// The store's table of failed logins (login → failures).
const TABLE_ECHECS: &str = "agent_echecs";
/// A session's new expiry is written to the store only when it moved by at
/// least this many seconds: not one write per page.
const ECRITURE_EXPIRATION: u64 = 60;

/// Failed attempts after which a login is locked.
pub const ECHECS_MAX: u32 = 5;
/// How long a locked login stays locked, in seconds (15 minutes).
pub const BLOCAGE_SECONDES: u64 = 15 * 60;
/// The session cookie; its path is `/agent` so no other route ever sees it.
pub const COOKIE_SESSION: &str = "guichet_agent";
/// The cookie of the login form's CSRF token (double submit: no session exists yet).
pub const COOKIE_CSRF_CONNEXION: &str = "guichet_agent_csrf";
/// Most argon2 verifications at once (each takes 19 MB of memory).
pub const ARGON2_SIMULTANES: usize = 2;
/// Most seconds a login waits for its turn to verify before it is told to
/// try again (a burst of logins must not queue without end).
const ATTENTE_ARGON2: std::time::Duration = std::time::Duration::from_secs(10);
/// Most login names whose failures are remembered (bounds memory under a
/// flood of invented names; the oldest are forgotten first).
const SUIVIS_MAX: usize = 10_000;

/// A clock in seconds since 1970, replaceable in tests.
pub type Horloge = Arc<dyn Fn() -> u64 + Send + Sync>;

/// A random token of 32 bytes in hex, or `None` when the system has no
/// randomness to give (then nobody is logged in rather than with a weak token).
pub fn jeton() -> Option<String> {
    let mut o = [0u8; 32];
    getrandom::fill(&mut o).ok()?;
    Some(hex::encode(o))
}

/// Compares two secrets in time independent of where they differ.
pub fn egaux(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The value of a cookie in a `Cookie` header.
pub fn cookie<'a>(entete: &'a str, nom: &str) -> Option<&'a str> {
    entete
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(n, _)| *n == nom)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value for the console: HttpOnly, SameSite=Strict, path
/// `/agent`, and `Secure` when served over https. `max_age` 0 erases it.
pub fn set_cookie(nom: &str, valeur: &str, securise: bool, max_age: Option<u64>) -> String {
    let mut c = format!("{nom}={valeur}; Path=/agent; HttpOnly; SameSite=Strict");
    if let Some(s) = max_age {
        c.push_str(&format!("; Max-Age={s}"));
    }
    if securise {
        c.push_str("; Secure");
    }
    c
}

/// A logged-in agent.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    /// The agent's login.
    pub login: String,
    /// The token every form of this session must send back.
    pub csrf: String,
    /// When the session ends unless used again (seconds since 1970).
    pub expire: u64,
    /// The agent has the `superviseur` role: read from the configuration
    /// at each request, never kept with the session.
    #[serde(skip)]
    pub superviseur: bool,
}

/// Why a login was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refus {
    /// Unknown login or wrong password (not told apart, on purpose).
    Identifiants,
    /// Too many failures: locked for this many more seconds.
    Bloque(u64),
    /// No randomness for a token, or too many logins waiting.
    Indisponible,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct Echecs {
    nombre: u32,
    dernier: u64,
    bloque_jusqu_a: u64,
}

/// Agents, attempts and sessions.
pub struct Gardien {
    comptes: HashMap<String, String>,
    /// Logins with the `superviseur` role.
    superviseurs: std::collections::HashSet<String>,
    horloge: Horloge,
    duree: u64,
    /// By SHA-256 of the token.
    sessions: Mutex<HashMap<String, Session>>,
    echecs: Mutex<HashMap<String, Echecs>>,
    /// Where sessions and failures are kept across restarts.
    magasin: Option<Arc<Service>>,
    /// Places for argon2 verifications ([`ARGON2_SIMULTANES`]).
    verifications: Verifications,
}

/// A small counting semaphore for blocking threads (logins are verified
/// off the async runtime).
struct Verifications {
    libres: Mutex<usize>,
    signal: std::sync::Condvar,
}

impl Verifications {
    fn nouvelles(n: usize) -> Verifications {
        Verifications {
            libres: Mutex::new(n),
            signal: std::sync::Condvar::new(),
        }
    }

    /// Waits up to `attente` for a place; `None` when none came.
    fn prendre(&self, attente: std::time::Duration) -> Option<Place<'_>> {
        let libres = self.libres.lock().unwrap_or_else(|p| p.into_inner());
        let (mut libres, _) = self
            .signal
            .wait_timeout_while(libres, attente, |n| *n == 0)
            .unwrap_or_else(|p| p.into_inner());
        if *libres == 0 {
            return None;
        }
        *libres -= 1;
        Some(Place(self))
    }
}

/// A place taken; given back when dropped.
struct Place<'a>(&'a Verifications);

impl Drop for Place<'_> {
    fn drop(&mut self) {
        *self.0.libres.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.0.signal.notify_one();
    }
}

/// The key a session is kept under: the SHA-256 of its token, in hex.
fn empreinte(jeton: &str) -> String {
    hex::encode(Sha256::digest(jeton.as_bytes()))
}

impl Gardien {
    /// Checks every hash of the configuration; an unreadable one is an error
    /// naming its login, given at start-up rather than at the first login.
    pub fn nouveau(
        comptes: &[crate::config::CompteAgent],
        session_minutes: u64,
        horloge: Horloge,
    ) -> Result<Gardien, String> {
        let mut m = HashMap::new();
        let mut superviseurs = std::collections::HashSet::new();
        for c in comptes {
            if let Err(e) = PasswordHash::new(&c.password_hash) {
                return Err(format!(
                    "[[agent.users]] {} : password_hash illisible ({e}) ; créez-le avec `guichet hash-password`",
                    c.login
                ));
            }
            m.insert(c.login.clone(), c.password_hash.clone());
            match c.role.as_str() {
                "agent" => {}
                "superviseur" => {
                    superviseurs.insert(c.login.clone());
                }
                autre => {
                    return Err(format!(
                        "[[agent.users]] {} : role = \"{autre}\" : \"agent\" ou \"superviseur\" attendu",
                        c.login
                    ));
                }
            }
        }
        Ok(Gardien {
            comptes: m,
            superviseurs,
            horloge,
            duree: session_minutes.max(1) * 60,
            sessions: Mutex::new(HashMap::new()),
            echecs: Mutex::new(HashMap::new()),
            magasin: None,
            verifications: Verifications::nouvelles(ARGON2_SIMULTANES),
        })
    }

    /// Keeps sessions and failures in the service's store, and takes back
    /// those a previous run left there (expired ones are dropped).
    pub fn avec_magasin(mut self, service: Arc<Service>) -> Result<Gardien, String> {
        let maintenant = self.maintenant();
        let m = service.magasin();
        let mut sessions = HashMap::new();
        for (k, v) in m.entrees(TABLE_SESSIONS).map_err(|e| e.to_string())? {
            match serde_json::from_slice::<Session>(&v) {
                Ok(s) if s.expire > maintenant && self.comptes.contains_key(&s.login) => {
                    sessions.insert(k, s);
                }
                // Expired, unreadable, or of an agent no longer configured.
                _ => m
                    .supprimer_entree(TABLE_SESSIONS, &k)
                    .map_err(|e| e.to_string())?,
            }
        }
        let mut echecs = HashMap::new();
        for (k, v) in m.entrees(TABLE_ECHECS).map_err(|e| e.to_string())? {
            match serde_json::from_slice::<Echecs>(&v) {
                Ok(x)
                    if maintenant.saturating_sub(x.dernier) <= BLOCAGE_SECONDES
                        || x.bloque_jusqu_a > maintenant =>
                {
                    echecs.insert(k, x);
                }
                _ => m
                    .supprimer_entree(TABLE_ECHECS, &k)
                    .map_err(|e| e.to_string())?,
            }
        }
        self.sessions = Mutex::new(sessions);
        self.echecs = Mutex::new(echecs);
        self.magasin = Some(service);
        Ok(self)
    }

    /// Writes (or with `None` removes) an entry of the store, if any. A
    /// failure is logged: the in-memory state still holds for this run.
    fn garder<T: Serialize>(&self, table: &str, cle: &str, valeur: Option<&T>) {
        let Some(service) = &self.magasin else {
            return;
        };
        let m = service.magasin();
        let r = match valeur.map(serde_json::to_vec) {
            Some(Ok(octets)) => m.ecrire_entree(table, cle, &octets),
            Some(Err(e)) => Err(e.into()),
            None => m.supprimer_entree(table, cle),
        };
        if let Err(e) = r {
            tracing::error!(erreur = %e, table, "console agent : état non enregistré");
        }
    }

    /// The current time.
    pub fn maintenant(&self) -> u64 {
        (self.horloge)()
    }

    /// Checks a login and password; on success opens a session and returns
    /// its token. Slow on purpose (argon2): call it off the async runtime.
    pub fn connecter(&self, login: &str, mot_de_passe: &str) -> Result<String, Refus> {
        let Some(_place) = self.verifications.prendre(ATTENTE_ARGON2) else {
            return Err(Refus::Indisponible);
        };
        let maintenant = self.maintenant();
        // Counted as a failure now, under the lock that checks the lockout:
        // concurrent attempts see each other's count, and the sixth of a
        // burst is refused without its password being tried.
        self.compter_tentative(login, maintenant)?;
        // An unknown login is checked against a real hash too, so that the
        // time taken does not tell which logins exist.
        let hash = self
            .comptes
            .get(login)
            .or_else(|| self.comptes.values().next());
        let bon = match hash.and_then(|h| PasswordHash::new(h).ok()) {
            Some(h) => {
                argon2::Argon2::default()
                    .verify_password(mot_de_passe.as_bytes(), &h)
                    .is_ok()
                    && self.comptes.contains_key(login)
            }
            None => false,
        };
        if !bon {
            return Err(Refus::Identifiants);
        }
        // The right password: the failures counted so far are forgiven.
        if self
            .echecs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(login)
            .is_some()
        {
            self.garder::<Echecs>(TABLE_ECHECS, login, None);
        }
        let (Some(jeton_session), Some(csrf)) = (jeton(), jeton()) else {
            return Err(Refus::Indisponible);
        };
        let session = Session {
            login: login.to_string(),
            csrf,
            expire: maintenant + self.duree,
            superviseur: false,
        };
        let cle = empreinte(&jeton_session);
        let expirees: Vec<String> = {
            let mut s = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
            let expirees = s
                .iter()
                .filter(|(_, x)| x.expire <= maintenant)
                .map(|(k, _)| k.clone())
                .collect();
            s.retain(|_, x| x.expire > maintenant);
            s.insert(cle.clone(), session.clone());
            expirees
        };
        for k in expirees {
            self.garder::<Session>(TABLE_SESSIONS, &k, None);
        }
        self.garder(TABLE_SESSIONS, &cle, Some(&session));
        Ok(jeton_session)
    }

    /// Refuses a locked login, else counts this attempt as a failure (and
    /// locks the login when it is the last one allowed).
    fn compter_tentative(&self, login: &str, maintenant: u64) -> Result<(), Refus> {
        let mut e = self.echecs.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(x) = e.get(login) {
            if x.bloque_jusqu_a > maintenant {
                return Err(Refus::Bloque(x.bloque_jusqu_a - maintenant));
            }
        }
        if e.len() >= SUIVIS_MAX && !e.contains_key(login) {
            if let Some(plus_vieux) = e
                .iter()
                .min_by_key(|(_, x)| x.dernier)
                .map(|(k, _)| k.clone())
            {
                e.remove(&plus_vieux);
            }
        }
        let x = e.entry(login.to_string()).or_default();
        // Failures older than the lockout period are forgotten.
        if maintenant.saturating_sub(x.dernier) > BLOCAGE_SECONDES {
            x.nombre = 0;
        }
        x.nombre += 1;
        x.dernier = maintenant;
        if x.nombre >= ECHECS_MAX {
            x.nombre = 0;
            x.bloque_jusqu_a = maintenant + BLOCAGE_SECONDES;
            tracing::warn!(
                login,
                "console agent : identifiant bloqué après {ECHECS_MAX} échecs"
            );
        }
        let x = *x;
        drop(e);
        // Only logins that exist are written: invented names stay in memory.
        if self.comptes.contains_key(login) {
            self.garder(TABLE_ECHECS, login, Some(&x));
        }
        Ok(())
    }

    /// Whether this agent may see the funnel (`role = "superviseur"`).
    pub fn superviseur(&self, login: &str) -> bool {
        self.superviseurs.contains(login)
    }

    /// The session of a token, extended by this use; `None` when unknown or expired.
    pub fn session(&self, jeton: &str) -> Option<Session> {
        let maintenant = self.maintenant();
        let cle = empreinte(jeton);
        let mut s = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        let (session, ecrire) = match s.get_mut(&cle) {
            Some(x) if x.expire > maintenant => {
                let avant = x.expire;
                x.expire = maintenant + self.duree;
                (Some(x.clone()), x.expire >= avant + ECRITURE_EXPIRATION)
            }
            Some(_) => {
                s.remove(&cle);
                drop(s);
                self.garder::<Session>(TABLE_SESSIONS, &cle, None);
                return None;
            }
            None => return None,
        };
        drop(s);
        if let (Some(x), true) = (&session, ecrire) {
            self.garder(TABLE_SESSIONS, &cle, Some(x));
        }
        session.map(|x| Session {
            superviseur: self.superviseur(&x.login),
            ..x
        })
    }

    /// Ends a session.
    pub fn deconnecter(&self, jeton: &str) {
        let cle = empreinte(jeton);
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&cle);
        self.garder::<Session>(TABLE_SESSIONS, &cle, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_among_others() {
        assert_eq!(
            cookie("a=1; guichet_agent=xyz; b=2", COOKIE_SESSION),
            Some("xyz")
        );
        assert_eq!(cookie("a=1", COOKIE_SESSION), None);
        assert_eq!(cookie("", COOKIE_SESSION), None);
    }

    #[test]
    fn secrets_compare_equal_only_when_identical() {
        assert!(egaux("abc", "abc"));
        assert!(!egaux("abc", "abd"));
        assert!(!egaux("abc", "abcd"));
    }

    #[test]
    fn an_unreadable_hash_is_refused_at_start_up_with_its_login() {
        let e = Gardien::nouveau(
            &[crate::config::CompteAgent {
                login: "camille".into(),
                password_hash: "pas un hash".into(),
                role: "agent".into(),
            }],
            10,
            Arc::new(|| 0),
        )
        .err()
        .unwrap_or_default();
        assert!(e.contains("camille"), "{e}");
    }
}
