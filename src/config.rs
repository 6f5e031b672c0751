//! Service configuration: `config.toml`, then command-line flags on top.
//!
//! Every key is optional and has a default that runs the service on one
//! machine with no other server (embedded storage under `data/`). The keys are
//! documented in the repository's `config.toml`, which is also the file read
//! by default.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// `[server]`: where the service listens and keeps its data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Server {
    /// Address and port, e.g. `127.0.0.1:8080`.
    pub bind: String,
    /// Directory of the embedded database.
    pub data_dir: PathBuf,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Most situations one `POST /api/v1/evaluate` may carry; a longer
    /// array is refused (413) before anything is evaluated.
    pub max_situations: usize,
}

impl Default for Server {
    fn default() -> Self {
        Server {
            bind: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("data"),
            max_body_bytes: 4 * 1024 * 1024,
            max_situations: 100,
        }
    }
}

/// `[store]`: where conversations live.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Store {
    /// Empty: the embedded database (sled) in `[server] data_dir`, for one
    /// process. `postgres://user:password@host:port/database`: PostgreSQL,
    /// shared by every instance behind a load balancer.
    pub url: String,
    /// Connections to PostgreSQL per instance.
    pub connections: usize,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            url: String::new(),
            connections: 16,
        }
    }
}

/// `[rules]`: which rule files to use.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Rules {
    /// A directory of rule files to load instead of the ones built into the binary.
    pub dir: Option<PathBuf>,
}

/// `[conversation]`: how conversations are kept and who runs the service.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Conversation {
    /// Secret of the keyed hash that turns a sender into a storage key.
    /// Empty: the environment variable `GUICHET_SECRET`, else `secret_file`,
    /// else a random secret created once in `data_dir/cle_secrete`.
    pub secret: String,
    /// A file holding the secret, kept out of `data_dir` (and its backups).
    pub secret_file: Option<std::path::PathBuf>,
    /// Days after which an idle conversation is erased.
    pub expiration_jours: u32,
    /// Who runs the service (the CONTACT keyword).
    pub operateur: String,
    /// How to reach them (the CONTACT keyword).
    pub contact: String,
}

impl Default for Conversation {
    fn default() -> Self {
        Conversation {
            secret: String::new(),
            secret_file: None,
            expiration_jours: 30,
            operateur: "guichet".into(),
            contact: "France Services ou Allô Service Public 39 39".into(),
        }
    }
}

/// `[sms.generic]`: the provider-neutral JSON webhook.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct SmsGeneric {
    /// When set, requests must carry `X-Guichet-Signature`: the hex
    /// HMAC-SHA256 of the body with this secret.
    pub secret: String,
}

/// `[sms.twilio]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Twilio {
    /// Auth token: signatures are checked when set, and it signs API calls.
    pub auth_token: String,
    /// The public base URL Twilio calls (signatures cover it), e.g. `https://sms.example.fr`.
    pub public_url: String,
    /// Account SID (send API).
    pub account_sid: String,
    /// Sender number or short code (send API).
    pub from: String,
    /// Send API base URL.
    pub api_url: String,
    /// `reply`: replies in the TwiML response; `api`: through the Messages API and the outbox.
    pub mode: String,
}

impl Default for Twilio {
    fn default() -> Self {
        Twilio {
            auth_token: String::new(),
            public_url: String::new(),
            account_sid: String::new(),
            from: String::new(),
            api_url: "https://api.twilio.com".into(),
            mode: "reply".into(),
        }
    }
}

/// `[sms.vonage]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Vonage {
    /// API key (send API).
    pub api_key: String,
    /// API secret (send API).
    pub api_secret: String,
    /// Sender number or name.
    pub from: String,
    /// Send API base URL.
    pub api_url: String,
    /// Signature secret: the `sig` parameter is required and checked when set.
    pub signature_secret: String,
    /// `md5hash` (Vonage's default) or `sha256` (HMAC-SHA256).
    pub signature_method: String,
}

impl Default for Vonage {
    fn default() -> Self {
        Vonage {
            api_key: String::new(),
            api_secret: String::new(),
            from: String::new(),
            api_url: "https://rest.nexmo.com".into(),
            signature_secret: String::new(),
            signature_method: "md5hash".into(),
        }
    }
}

/// `[sms.mtarget]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Mtarget {
    /// Account user name.
    pub username: String,
    /// Account password.
    pub password: String,
    /// Sender (short code or name).
    pub sender: String,
    /// Send API base URL.
    pub api_url: String,
    /// Mtarget signs nothing: when set, the inbound routes are
    /// `/sms/mtarget/{webhook_token}` and `/sms/mtarget/{webhook_token}/status`
    /// (a secret only Mtarget knows), and the fixed paths are not mounted.
    pub webhook_token: String,
    /// HTTP Basic credentials Mtarget must send (`https://user:pass@host/...`
    /// in its console); both or neither.
    pub webhook_username: String,
    /// See `webhook_username`.
    pub webhook_password: String,
}

impl Default for Mtarget {
    fn default() -> Self {
        Mtarget {
            username: String::new(),
            password: String::new(),
            sender: String::new(),
            api_url: "https://api-public.mtarget.fr".into(),
            webhook_token: String::new(),
            webhook_username: String::new(),
            webhook_password: String::new(),
        }
    }
}

/// France's country calling codes: metropolitan France (33), La Réunion and
/// Mayotte (262), Saint-Pierre-et-Miquelon (508), Guadeloupe, Saint-Martin
/// and Saint-Barthélemy (590), Guyane (594), Martinique (596),
/// Wallis-et-Futuna (681), Nouvelle-Calédonie (687), Polynésie (689).
pub const INDICATIFS_FRANCE: [&str; 9] =
    ["33", "262", "508", "590", "594", "596", "681", "687", "689"];

/// `[sms]`: what every SMS channel shares.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sms {
    /// Most segments one reply may take (each segment is billed).
    pub segment_budget: usize,
    /// Most messages one sender may send in a minute (then one polite warning).
    pub flood_per_minute: u32,
    /// Country calling codes (E.164, without `+`) SMS may come from and be
    /// sent to; others are ignored and never written to. France and its
    /// overseas departments and territories by default.
    pub allowed_country_codes: Vec<String>,
    /// Most SMS the outbox sends in a minute, every number together (the
    /// rest waits its turn in the outbox). 0: no limit.
    pub outbound_per_minute: u32,
    /// The generic webhook.
    pub generic: SmsGeneric,
    /// Twilio.
    pub twilio: Twilio,
    /// Vonage.
    pub vonage: Vonage,
    /// Mtarget.
    pub mtarget: Mtarget,
}

impl Default for Sms {
    fn default() -> Self {
        Sms {
            segment_budget: 3,
            flood_per_minute: 20,
            allowed_country_codes: INDICATIFS_FRANCE.iter().map(|s| s.to_string()).collect(),
            outbound_per_minute: 300,
            generic: SmsGeneric::default(),
            twilio: Twilio::default(),
            vonage: Vonage::default(),
            mtarget: Mtarget::default(),
        }
    }
}

/// How Telegram updates reach the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ModeTelegram {
    /// Telegram posts each update to `POST /telegram` (production).
    #[default]
    Webhook,
    /// The service asks Telegram for updates (development: no public address needed).
    Polling,
}

/// `[telegram]`: the Telegram bot. Disabled while `token` is empty.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Telegram {
    /// The bot token given by @BotFather; empty: Telegram disabled.
    pub token: String,
    /// The Bot API server (another one for a local Bot API server or tests).
    pub api_url: String,
    /// Secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` with each
    /// update (1–256 characters among `A-Z a-z 0-9 _ -`). Required in webhook mode.
    pub webhook_secret: String,
    /// The service's public address, e.g. `https://guichet.example.fr`: when
    /// set, the webhook `{public_url}/telegram` is registered at start-up.
    pub public_url: String,
    /// `webhook` or `polling`.
    pub mode: ModeTelegram,
}

impl Default for Telegram {
    fn default() -> Self {
        Telegram {
            token: String::new(),
            api_url: "https://api.telegram.org".into(),
            webhook_secret: String::new(),
            public_url: String::new(),
            mode: ModeTelegram::Webhook,
        }
    }
}

/// One call-centre agent allowed on the console.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompteAgent {
    /// The name typed on the login page.
    pub login: String,
    /// An argon2 hash in PHC form (`$argon2id$v=19$...`), as printed by
    /// `guichet hash-password`. The password itself is never stored.
    pub password_hash: String,
}

/// `[agent]`: the call-centre console under `/agent`. Nobody can log in
/// while `users` is empty.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Agent {
    /// The agents (`[[agent.users]]`).
    pub users: Vec<CompteAgent>,
    /// Always mark the session cookie `Secure`. It is also marked so when a
    /// request says `X-Forwarded-Proto: https` (a TLS proxy in front).
    pub secure_cookie: bool,
    /// Minutes of inactivity after which a session ends.
    pub session_minutes: u64,
    /// The language of the console's pages (`fr` or `en`; the texts are
    /// in `locales/<langue>/agent.ftl`).
    pub langue: String,
}

impl Default for Agent {
    fn default() -> Self {
        Agent {
            users: Vec::new(),
            secure_cookie: false,
            session_minutes: 480,
            langue: "fr".into(),
        }
    }
}

/// The whole configuration.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Listening and storage.
    pub server: Server,
    /// The database: embedded, or PostgreSQL.
    pub store: Store,
    /// Rule files.
    pub rules: Rules,
    /// Conversations.
    pub conversation: Conversation,
    /// SMS channels.
    pub sms: Sms,
    /// The Telegram bot.
    pub telegram: Telegram,
    /// The call-centre console.
    pub agent: Agent,
}

impl Config {
    /// Reads a configuration file. A missing default file is not an error;
    /// a missing file named explicitly is.
    pub fn lire(chemin: &Path, explicite: bool) -> Result<Config, String> {
        match std::fs::read_to_string(chemin) {
            Ok(texte) => {
                Config::depuis_texte(&texte).map_err(|e| format!("{}: {e}", chemin.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicite => {
                Ok(Config::default())
            }
            Err(e) => Err(format!("{}: {e}", chemin.display())),
        }
    }

    /// Parses configuration text.
    pub fn depuis_texte(texte: &str) -> Result<Config, String> {
        toml::from_str(texte).map_err(|e| {
            let ligne = e
                .span()
                .map(|s| texte[..s.start].matches('\n').count() + 1)
                .unwrap_or(0);
            format!("line {ligne}: {}", e.message().trim())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_config_parses() {
        let c = Config::depuis_texte(include_str!("../config.toml")).unwrap();
        assert!(!c.server.bind.is_empty());
        assert!(c.store.url.is_empty(), "sled stays the default");
    }

    #[test]
    fn the_store_url_selects_postgresql() {
        let c = Config::depuis_texte(
            "[store]\nurl = \"postgres://guichet@127.0.0.1:5432/guichet\"\nconnections = 8\n",
        )
        .unwrap();
        assert_eq!(c.store.url, "postgres://guichet@127.0.0.1:5432/guichet");
        assert_eq!(c.store.connections, 8);
    }

    #[test]
    fn agent_users_are_read_as_an_array_of_tables() {
        let c = Config::depuis_texte(
            "[agent]\nsession_minutes = 60\n[[agent.users]]\nlogin = \"a\"\npassword_hash = \"$argon2id$x\"\n",
        )
        .unwrap();
        assert_eq!(c.agent.users.len(), 1);
        assert_eq!(c.agent.users[0].login, "a");
        assert_eq!(c.agent.session_minutes, 60);
    }

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        let e = Config::depuis_texte("[server]\nbindd = \"x\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }
}
