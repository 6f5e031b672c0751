//! Who may use the console: agents' passwords (argon2 hashes from the
//! configuration), login attempts and lockout, sessions and their CSRF
//! tokens, and the cookies that carry them.
//!
//! Everything is kept in memory: a restart logs every agent out, which is
//! acceptable for a console used in working hours and avoids storing session
//! secrets on disk. The clock is passed in so that lockout can be tested
//! without waiting.

use argon2::password_hash::PasswordVerifier;
use argon2::password_hash::phc::PasswordHash;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Failed attempts after which a login is locked.
pub const ECHECS_MAX: u32 = 5;
/// How long a locked login stays locked, in seconds (15 minutes).
pub const BLOCAGE_SECONDES: u64 = 15 * 60;
/// The session cookie; its path is `/agent` so no other route ever sees it.
pub const COOKIE_SESSION: &str = "guichet_agent";
/// The cookie of the login form's CSRF token (double submit: no session exists yet).
pub const COOKIE_CSRF_CONNEXION: &str = "guichet_agent_csrf";
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
    Some(crate::store::hex(&o))
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
#[derive(Debug, Clone)]
pub struct Session {
    /// The agent's login.
    pub login: String,
    /// The token every form of this session must send back.
    pub csrf: String,
    /// When the session ends unless used again (seconds since 1970).
    pub expire: u64,
}

/// Why a login was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refus {
    /// Unknown login or wrong password (not told apart, on purpose).
    Identifiants,
    /// Too many failures: locked for this many more seconds.
    Bloque(u64),
    /// No randomness for a token.
    Indisponible,
}

#[derive(Debug, Clone, Copy, Default)]
struct Echecs {
    nombre: u32,
    dernier: u64,
    bloque_jusqu_a: u64,
}

/// Agents, attempts and sessions.
pub struct Gardien {
    comptes: HashMap<String, String>,
    horloge: Horloge,
    duree: u64,
    sessions: Mutex<HashMap<String, Session>>,
    echecs: Mutex<HashMap<String, Echecs>>,
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
        for c in comptes {
            if let Err(e) = PasswordHash::new(&c.password_hash) {
                return Err(format!(
                    "[[agent.users]] {} : password_hash illisible ({e}) ; créez-le avec `guichet hash-password`",
                    c.login
                ));
            }
            m.insert(c.login.clone(), c.password_hash.clone());
        }
        Ok(Gardien {
            comptes: m,
            horloge,
            duree: session_minutes.max(1) * 60,
            sessions: Mutex::new(HashMap::new()),
            echecs: Mutex::new(HashMap::new()),
        })
    }

    /// The current time.
    pub fn maintenant(&self) -> u64 {
        (self.horloge)()
    }

    /// Checks a login and password; on success opens a session and returns
    /// its token. Slow on purpose (argon2): call it off the async runtime.
    pub fn connecter(&self, login: &str, mot_de_passe: &str) -> Result<String, Refus> {
        let maintenant = self.maintenant();
        {
            let e = self.echecs.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(x) = e.get(login) {
                if x.bloque_jusqu_a > maintenant {
                    return Err(Refus::Bloque(x.bloque_jusqu_a - maintenant));
                }
            }
        }
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
            self.echec(login, maintenant);
            return Err(Refus::Identifiants);
        }
        self.echecs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(login);
        let (Some(jeton_session), Some(csrf)) = (jeton(), jeton()) else {
            return Err(Refus::Indisponible);
        };
        let mut s = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        s.retain(|_, x| x.expire > maintenant);
        s.insert(
            jeton_session.clone(),
            Session {
                login: login.to_string(),
                csrf,
                expire: maintenant + self.duree,
            },
        );
        Ok(jeton_session)
    }

    fn echec(&self, login: &str, maintenant: u64) {
        let mut e = self.echecs.lock().unwrap_or_else(|p| p.into_inner());
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
    }

    /// The session of a token, extended by this use; `None` when unknown or expired.
    pub fn session(&self, jeton: &str) -> Option<Session> {
        let maintenant = self.maintenant();
        let mut s = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        match s.get_mut(jeton) {
            Some(x) if x.expire > maintenant => {
                x.expire = maintenant + self.duree;
                Some(x.clone())
            }
            Some(_) => {
                s.remove(jeton);
                None
            }
            None => None,
        }
    }

    /// Ends a session.
    pub fn deconnecter(&self, jeton: &str) {
        self.sessions
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(jeton);
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
            }],
            10,
            Arc::new(|| 0),
        )
        .err()
        .unwrap_or_default();
        assert!(e.contains("camille"), "{e}");
    }
}
