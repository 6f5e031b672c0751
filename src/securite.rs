//! What `guichet serve` checks before it opens a webhook, and what it says
//! about it at start-up.
//!
//! A webhook that accepts unauthenticated requests lets anyone read a
//! person's results by sending her number, change or erase her answers,
//! make the service send paid SMS anywhere, or silence someone with a fake
//! STOP. So the rule is: a channel's routes are mounted only with their
//! authentication, and a provider that is configured (any of its keys set)
//! without its authentication stops the service at start-up, unless the
//! operator explicitly asked for `--insecure-webhooks` (development only).
//!
//! "Configured", per channel:
//! - generic (`/sms/generic`): `[sms.generic] secret` set; its only key, so
//!   with the shipped `config.toml` the channel is simply off (and the log
//!   says what to set).
//! - Twilio: any of `auth_token`, `account_sid`, `from`, `public_url` set,
//!   or `mode = "api"`; it then needs `auth_token` and `public_url` (the
//!   signature covers the URL Twilio calls).
//! - Vonage: any of `api_key`, `api_secret`, `from`, `signature_secret`;
//!   it then needs `signature_secret`.
//! - Mtarget: any of `username`, `password`, `sender`, `webhook_token`,
//!   `webhook_username`; it then needs `webhook_token` (a secret path
//!   segment) or `webhook_username` and `webhook_password` (HTTP Basic).
//! - Telegram: `token` set; webhook mode already requires its secret
//!   ([`crate::channels::telegram::demarrer`]).

use crate::config::Config;

/// Why `serve` refuses to start.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ErreurSecurite {
    /// A provider is configured without what authenticates its webhook.
    #[error(
        "[sms.{fournisseur}] est configuré sans {manque} : sans cela, n'importe qui pourrait envoyer de faux SMS à guichet (lire ou effacer les réponses d'une personne, faire envoyer des SMS payants, simuler un STOP). Définissez {manque}, ou, pour un essai local seulement, lancez `guichet serve --insecure-webhooks`."
    )]
    AuthentificationManquante {
        /// `twilio`, `vonage` or `mtarget`.
        fournisseur: &'static str,
        /// The keys to set.
        manque: &'static str,
    },
    /// The Mtarget path secret is too short or not URL-safe.
    #[error(
        "[sms.mtarget] webhook_token : au moins 16 caractères parmi A-Z a-z 0-9 _ - (c'est un secret dans l'adresse)"
    )]
    JetonMtarget,
    /// Only one of the two HTTP Basic keys is set.
    #[error(
        "[sms.mtarget] webhook_username et webhook_password vont ensemble : définissez les deux"
    )]
    BasicIncomplet,
    /// A configured country code is not one.
    #[error(
        "[sms] allowed_country_codes : « {0} » n'est pas un indicatif (1 à 3 chiffres, ex. \"33\")"
    )]
    Indicatif(String),
}

/// What start-up says about one channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EtatCanal {
    /// On, with what is checked on every request.
    Verifie(String),
    /// On without authentication (`--insecure-webhooks`).
    NonAuthentifie,
    /// Off, with why and what to set to turn it on.
    Eteint(String),
}

/// One channel's line in the start-up log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canal {
    /// `generic`, `twilio`, `vonage`, `mtarget`, `telegram`.
    pub nom: &'static str,
    /// Its routes.
    pub routes: String,
    /// On or off, and why.
    pub etat: EtatCanal,
}

fn rempli(s: &str) -> bool {
    !s.trim().is_empty()
}

/// Decides, from the configuration, which channels are on and what each
/// checks; an error when a configured provider lacks its authentication
/// (and `non_authentifies`, the `--insecure-webhooks` flag, is off).
pub fn canaux(cfg: &Config, non_authentifies: bool) -> Result<Vec<Canal>, ErreurSecurite> {
    for code in &cfg.sms.allowed_country_codes {
        let c = code.trim().trim_start_matches('+');
        if c.is_empty() || c.len() > 3 || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErreurSecurite::Indicatif(code.clone()));
        }
    }
    let sms = &cfg.sms;
    let sans = |fournisseur: &'static str, manque: &'static str, configure: bool| {
        if non_authentifies {
            Ok(EtatCanal::NonAuthentifie)
        } else if configure {
            Err(ErreurSecurite::AuthentificationManquante {
                fournisseur,
                manque,
            })
        } else {
            Ok(EtatCanal::Eteint(format!(
                "aucune clé [sms.{fournisseur}] ; pour l'ouvrir, définissez {manque}"
            )))
        }
    };
    let mut v = Vec::new();

    let generique = if rempli(&sms.generic.secret) {
        EtatCanal::Verifie("X-Guichet-Signature (HMAC-SHA256 du corps) exigée".into())
    } else if non_authentifies {
        EtatCanal::NonAuthentifie
    } else {
        EtatCanal::Eteint(
            "[sms.generic] secret vide ; définissez-le pour recevoir des SMS par ce webhook".into(),
        )
    };
    v.push(Canal {
        nom: "generic",
        routes: "POST /sms/generic".into(),
        etat: generique,
    });

    let t = &sms.twilio;
    let twilio = if rempli(&t.auth_token) && rempli(&t.public_url) {
        EtatCanal::Verifie(format!(
            "X-Twilio-Signature exigée (URL signée : {}/sms/twilio)",
            t.public_url.trim_end_matches('/')
        ))
    } else {
        let configure = [&t.auth_token, &t.account_sid, &t.from, &t.public_url]
            .iter()
            .any(|s| rempli(s))
            || t.mode == "api";
        sans("twilio", "auth_token et public_url", configure)?
    };
    v.push(Canal {
        nom: "twilio",
        routes: "POST /sms/twilio, /sms/twilio/status".into(),
        etat: twilio,
    });

    let g = &sms.vonage;
    let vonage = if rempli(&g.signature_secret) {
        EtatCanal::Verifie(format!(
            "paramètre sig ({}) exigé, messages signés de plus de 24 h refusés",
            g.signature_method
        ))
    } else {
        let configure = [&g.api_key, &g.api_secret, &g.from]
            .iter()
            .any(|s| rempli(s));
        sans("vonage", "signature_secret", configure)?
    };
    v.push(Canal {
        nom: "vonage",
        routes: "GET|POST /sms/vonage, /sms/vonage/status".into(),
        etat: vonage,
    });

    let m = &sms.mtarget;
    if rempli(&m.webhook_username) != rempli(&m.webhook_password) {
        return Err(ErreurSecurite::BasicIncomplet);
    }
    if rempli(&m.webhook_token)
        && (m.webhook_token.len() < 16
            || !m
                .webhook_token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
    {
        return Err(ErreurSecurite::JetonMtarget);
    }
    let basic = rempli(&m.webhook_username);
    let (routes_mtarget, mtarget) = if rempli(&m.webhook_token) {
        (
            "POST /sms/mtarget/{webhook_token}, /sms/mtarget/{webhook_token}/status",
            EtatCanal::Verifie(if basic {
                "chemin secret et HTTP Basic exigés".into()
            } else {
                "chemin secret exigé".into()
            }),
        )
    } else if basic {
        (
            "POST /sms/mtarget, /sms/mtarget/status",
            EtatCanal::Verifie("HTTP Basic exigé".into()),
        )
    } else {
        let configure = [&m.username, &m.password, &m.sender]
            .iter()
            .any(|s| rempli(s));
        (
            "POST /sms/mtarget, /sms/mtarget/status",
            sans(
                "mtarget",
                "webhook_token (ou webhook_username et webhook_password)",
                configure,
            )?,
        )
    };
    v.push(Canal {
        nom: "mtarget",
        routes: routes_mtarget.into(),
        etat: mtarget,
    });

    let tg = &cfg.telegram;
    let telegram = if !rempli(&tg.token) {
        EtatCanal::Eteint("[telegram] token vide".into())
    } else if tg.mode == crate::config::ModeTelegram::Polling {
        EtatCanal::Verifie("mode polling : aucune route, guichet interroge Telegram".into())
    } else {
        EtatCanal::Verifie("X-Telegram-Bot-Api-Secret-Token exigé".into())
    };
    v.push(Canal {
        nom: "telegram",
        routes: "POST /telegram".into(),
        etat: telegram,
    });
    Ok(v)
}

/// Says at start-up which channels are on, what each checks, and what else
/// protects the service.
pub fn journal(cfg: &Config, canaux: &[Canal], non_authentifies: bool) {
    if non_authentifies {
        tracing::warn!(
            "--insecure-webhooks : les webhooks sans secret configuré acceptent des requêtes NON AUTHENTIFIÉES ; n'importe qui peut lire ou changer une conversation et faire envoyer des SMS. Jamais en production."
        );
    }
    for c in canaux {
        match &c.etat {
            EtatCanal::Verifie(quoi) => {
                tracing::info!(canal = c.nom, routes = %c.routes, "activé : {quoi}")
            }
            EtatCanal::NonAuthentifie => tracing::warn!(
                canal = c.nom,
                routes = %c.routes,
                "activé SANS authentification (--insecure-webhooks)"
            ),
            EtatCanal::Eteint(pourquoi) => {
                tracing::info!(canal = c.nom, "désactivé : {pourquoi}")
            }
        }
    }
    let indicatifs =
        crate::channels::sms_guard::Indicatifs::nouveaux(cfg.sms.allowed_country_codes.clone());
    tracing::info!(
        indicatifs = %indicatifs.liste(),
        envoi_par_minute = cfg.sms.outbound_per_minute,
        flot_par_expediteur = cfg.sms.flood_per_minute,
        "SMS : seuls ces indicatifs sont lus et servis ; envois limités par minute (tous numéros) ; messages par expéditeur et par minute limités"
    );
    tracing::info!(
        max_situations = cfg.server.max_situations,
        max_body_bytes = cfg.server.max_body_bytes,
        "POST /api/v1/evaluate : situations par requête limitées, calcul hors des workers"
    );
    tracing::info!(
        agents = cfg.agent.users.len(),
        "console /agent : {} échecs bloquent un identifiant {} min (comptés avant la vérification), {} vérifications argon2 à la fois",
        crate::agent::session::ECHECS_MAX,
        crate::agent::session::BLOCAGE_SECONDES / 60,
        crate::agent::session::ARGON2_SIMULTANES
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(texte: &str) -> Config {
        Config::depuis_texte(texte).unwrap()
    }

    fn etat<'a>(c: &'a [Canal], nom: &str) -> &'a EtatCanal {
        &c.iter().find(|c| c.nom == nom).unwrap().etat
    }

    #[test]
    fn the_shipped_config_starts_with_every_webhook_off() {
        let c = canaux(&cfg(include_str!("../config.toml")), false).unwrap();
        for nom in ["generic", "twilio", "vonage", "mtarget", "telegram"] {
            assert!(
                matches!(etat(&c, nom), EtatCanal::Eteint(_)),
                "{nom}: {c:?}"
            );
        }
    }

    #[test]
    fn a_provider_configured_without_its_authentication_stops_the_start() {
        let e = canaux(&cfg("[sms.vonage]\napi_key = \"k\"\n"), false).unwrap_err();
        assert!(e.to_string().contains("signature_secret"), "{e}");
        let e = canaux(&cfg("[sms.mtarget]\nusername = \"u\"\n"), false).unwrap_err();
        assert!(e.to_string().contains("webhook_token"), "{e}");
        let e = canaux(&cfg("[sms.twilio]\nauth_token = \"t\"\n"), false).unwrap_err();
        assert!(e.to_string().contains("public_url"), "{e}");
        // Unless the operator asked for it, loudly.
        let c = canaux(&cfg("[sms.vonage]\napi_key = \"k\"\n"), true).unwrap();
        assert_eq!(etat(&c, "vonage"), &EtatCanal::NonAuthentifie);
        assert_eq!(etat(&c, "generic"), &EtatCanal::NonAuthentifie);
    }

    #[test]
    fn each_authentication_turns_its_channel_on() {
        let c = canaux(
            &cfg(
                "[sms.generic]\nsecret = \"s\"\n[sms.twilio]\nauth_token = \"t\"\npublic_url = \"https://x.fr\"\n[sms.vonage]\nsignature_secret = \"v\"\n[sms.mtarget]\nwebhook_username = \"u\"\nwebhook_password = \"p\"\n",
            ),
            false,
        )
        .unwrap();
        for nom in ["generic", "twilio", "vonage", "mtarget"] {
            assert!(
                matches!(etat(&c, nom), EtatCanal::Verifie(_)),
                "{nom}: {c:?}"
            );
        }
    }

    #[test]
    fn a_short_mtarget_path_secret_or_half_basic_credentials_are_refused() {
        assert_eq!(
            canaux(&cfg("[sms.mtarget]\nwebhook_token = \"court\"\n"), false),
            Err(ErreurSecurite::JetonMtarget)
        );
        assert_eq!(
            canaux(&cfg("[sms.mtarget]\nwebhook_username = \"u\"\n"), false),
            Err(ErreurSecurite::BasicIncomplet)
        );
        assert_eq!(
            canaux(&cfg("[sms]\nallowed_country_codes = [\"France\"]\n"), false),
            Err(ErreurSecurite::Indicatif("France".into()))
        );
    }
}
