//! The Telegram channel: updates in (webhook `POST /telegram` or long
//! polling), the same conversation engine as SMS, replies out with keyboards
//! and links.
//!
//! An update is handled before it is acknowledged: the webhook answers 200
//! only once [`Service::traiter_differe`] has written the conversation and its
//! replies to disk (one transaction), and
//! polling asks for the next updates (which confirms the previous ones) only
//! after handling them. If the service stops in between, Telegram delivers
//! the update again and the per-sender duplicate check (on `update_id`)
//! makes it count once. Updates of one chat are handled one at a time and
//! their replies queued in that order ([`envoi`]).
//!
//! We use teloxide for the Bot API client and types, not for its webhook
//! listener: that listener answers 200 before the update is processed and
//! compares the secret token with `!=`; ours checks the secret in constant
//! time and acknowledges after the update is stored.
//!
//! Chat ids are given to the service, which keeps only their keyed hash;
//! logs show the hash's short form.

pub mod envoi;
pub mod format;

use crate::service::{Message, Service, Sortie};
use crate::store::StoreError;
use crate::textes::{Arg, Langue};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use envoi::{Envoyeur, Limites};
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use teloxide::Bot;
use teloxide::payloads::{GetUpdatesSetters, SetWebhookSetters};
use teloxide::prelude::Requester;
use teloxide::types::{Update, UpdateKind};

/// The channel name given to the service (part of the storage key).
pub const CANAL: &str = "telegram";

/// The webhook's path.
pub const CHEMIN: &str = "/telegram";

/// Longest text handled; a Telegram message is at most 4,096 characters.
const TEXTE_MAX: usize = 4096;

/// Largest update body accepted (a text update is a few kilobytes).
const CORPS_MAX: usize = 256 * 1024;

/// The Telegram channel: the service, the sender, the webhook secret.
pub struct Canal {
    service: Arc<Service>,
    envoyeur: Envoyeur,
    secret: Option<Vec<u8>>,
    /// One lock per chat being handled, so that its replies are queued in
    /// the order its updates were handled.
    ordre: Mutex<HashMap<i64, Arc<tokio::sync::Mutex<()>>>>,
}

/// Why an update was not handled.
#[derive(Debug)]
pub enum ErreurTelegram {
    /// Storage failed: nothing was recorded, Telegram should send it again.
    Store(StoreError),
    /// The handling task failed.
    Interne(String),
}

impl std::fmt::Display for ErreurTelegram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErreurTelegram::Store(e) => write!(f, "stockage : {e}"),
            ErreurTelegram::Interne(e) => write!(f, "erreur interne : {e}"),
        }
    }
}

/// What we take from an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entrant {
    /// The chat (a private chat's id is the person's user id).
    pub chat: i64,
    /// The text for the engine, commands already turned into keywords.
    pub texte: String,
    /// The update id, for duplicates.
    pub id: String,
    /// The person's language as Telegram knows it.
    pub langue: Option<Langue>,
    /// The person's own phone number, shared with the "share my number"
    /// button offered after RAPPEL (E.164); the text is then empty.
    pub numero: Option<String>,
}

impl Canal {
    /// A channel over a service, sending through `bot`. `secret` is the
    /// webhook secret token (`None`: polling only, the webhook refuses all).
    pub fn nouveau(
        service: Arc<Service>,
        bot: Bot,
        secret: Option<String>,
        limites: Limites,
    ) -> Arc<Canal> {
        Arc::new(Canal {
            envoyeur: Envoyeur::nouveau(bot, service.clone(), limites),
            service,
            secret: secret.filter(|s| !s.is_empty()).map(String::into_bytes),
            ordre: Mutex::new(HashMap::new()),
        })
    }

    /// The sender (to wait for queued messages).
    pub fn envoyeur(&self) -> &Envoyeur {
        &self.envoyeur
    }

    /// Handles one update: stores the step, then queues the replies. Returns
    /// once the conversation is on disk; the replies leave afterwards.
    pub async fn recevoir(&self, update: &Update) -> Result<(), ErreurTelegram> {
        let Some(entrant) = lire_update(update) else {
            return Ok(());
        };
        let verrou = {
            let mut o = self.ordre.lock().unwrap_or_else(|p| p.into_inner());
            o.entry(entrant.chat).or_default().clone()
        };
        let resultat = {
            let _garde = verrou.lock().await;
            self.traiter(&entrant).await
        };
        drop(verrou);
        {
            let mut o = self.ordre.lock().unwrap_or_else(|p| p.into_inner());
            if o.get(&entrant.chat)
                .is_some_and(|v| Arc::strong_count(v) == 1)
            {
                o.remove(&entrant.chat);
            }
        }
        resultat
    }

    async fn traiter(&self, e: &Entrant) -> Result<(), ErreurTelegram> {
        // Flood control, as for SMS: one polite warning, then silence until
        // the minute ends.
        match self.service.flot(CANAL, &e.chat.to_string()) {
            crate::service::Flot::Normal => {}
            crate::service::Flot::Avertir => {
                let conversation = self
                    .service
                    .conversation(CANAL, &e.chat.to_string())
                    .ok()
                    .flatten();
                // A chat that sent STOP gets nothing, not even this.
                if conversation.as_ref().is_some_and(|c| c.arrete) {
                    return Ok(());
                }
                let langue = conversation
                    .map(|c| c.langue)
                    .or(e.langue)
                    .unwrap_or_default();
                let texte = self.service.moteur.textes.msg(langue, "flot", &[]);
                self.envoyeur.envoyer(
                    e.chat,
                    vec![format::Sortant {
                        texte,
                        html: false,
                        clavier: format::Clavier::Aucun,
                    }],
                );
                return Ok(());
            }
            crate::service::Flot::Ignorer => return Ok(()),
        }
        let service = self.service.clone();
        let envoyeur = self.envoyeur.clone();
        let entrant = e.clone();
        let fait =
            tokio::task::spawn_blocking(move || repondre(&service, &envoyeur, &entrant)).await;
        // Acknowledged, and sent, only once the step is on disk.
        let fait = match fait {
            Ok(Ok((sortie, deposes, ticket))) => Ok(self
                .service
                .durable(ticket)
                .await
                .map(|()| (sortie, deposes))),
            Ok(Err(e)) => Ok(Err(e)),
            Err(e) => Err(e),
        };
        let cle = self.service.cle(CANAL, &e.chat.to_string());
        match fait {
            Ok(Ok((sortie, deposes))) => {
                tracing::debug!(
                    chat = cle.court(),
                    doublon = sortie.doublon,
                    replies = deposes.len(),
                    "update Telegram traité"
                );
                self.envoyeur.envoyer_deposes(e.chat, deposes);
                Ok(())
            }
            Ok(Err(err)) => {
                tracing::error!(chat = cle.court(), erreur = %err, "update Telegram non traité");
                Err(ErreurTelegram::Store(err))
            }
            Err(err) => Err(ErreurTelegram::Interne(err.to_string())),
        }
    }

    /// Whether the webhook's secret header is right, compared in constant
    /// time (the length is not secret).
    fn secret_valide(&self, entetes: &HeaderMap) -> bool {
        let Some(attendu) = &self.secret else {
            return false;
        };
        let Some(recu) = entetes.get("x-telegram-bot-api-secret-token") else {
            return false;
        };
        let recu = recu.as_bytes();
        recu.len() == attendu.len()
            && recu
                .iter()
                .zip(attendu)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// One update handled: the service's step, whose transaction also writes
/// the messages that answer it; returns them to be queued once the ticket
/// is durable.
fn repondre(
    service: &Service,
    envoyeur: &Envoyeur,
    entrant: &Entrant,
) -> Result<(Sortie, Vec<envoi::EnFile>, u64), crate::store::StoreError> {
    let expediteur = entrant.chat.to_string();
    if let Some(numero) = &entrant.numero {
        let (sortie, sortants) = numero_partage(service, &expediteur, numero)?;
        return Ok((sortie, envoyeur.deposer(entrant.chat, sortants)?, 0));
    }
    let depot = envoi::DepotTelegram {
        envoyeur,
        chat: entrant.chat,
        langue: entrant.langue,
        deposes: Default::default(),
    };
    let (sortie, ticket) = service.traiter_differe(
        &Message {
            canal: CANAL,
            expediteur: &expediteur,
            texte: &entrant.texte,
            id: Some(&entrant.id),
            langue: entrant.langue,
        },
        Some(&depot),
        None,
    )?;
    // A duplicate was answered when it first came: nothing new to send.
    Ok((
        sortie.unwrap_or_default(),
        depot.deposes.into_inner(),
        ticket,
    ))
}

/// A number shared after RAPPEL: kept sealed with the callback request (and
/// only then), thanked, and the conversation goes on where it was.
fn numero_partage(
    service: &Service,
    expediteur: &str,
    numero: &str,
) -> Result<(Sortie, Vec<format::Sortant>), crate::store::StoreError> {
    let cle = service.cle(CANAL, expediteur);
    let garde = service.noter_telephone(&cle, numero)?;
    let Some((c, tour)) = service.ecran(&cle)? else {
        return Ok((Sortie::default(), Vec::new()));
    };
    let merci = if garde {
        service.moteur.textes.msg(
            c.langue,
            "tg-numero-garde",
            &[("numero", Arg::Texte(crate::sms::numero::masquer(numero)))],
        )
    } else {
        service
            .moteur
            .textes
            .msg(c.langue, "tg-numero-inutile", &[])
    };
    let mut sortie = crate::service::sortie_de(tour, c.langue);
    sortie.messages.insert(0, merci);
    let suppose = !c.supposes.is_empty();
    let sortants = format::composer(&service.moteur, &sortie, c.langue, suppose);
    Ok((sortie, sortants))
}

/// The text, chat and language of an update the conversation answers:
/// messages of private chats. Anything else (edits, groups, channels,
/// member changes) is acknowledged and ignored.
pub fn lire_update(update: &Update) -> Option<Entrant> {
    let UpdateKind::Message(m) = &update.kind else {
        return None;
    };
    if !m.chat.is_private() {
        return None;
    }
    // Their own number, shared with the button offered after RAPPEL. A
    // contact card of someone else is not a number to call them on.
    let expediteur = m.from.as_ref().map(|u| u.id);
    let numero = m
        .contact()
        .filter(|c| c.user_id.is_some() && c.user_id == expediteur)
        .and_then(|c| crate::sms::numero::normaliser(&c.phone_number));
    // A photo or a sticker gives no text: the engine answers that it did not understand.
    let brut = m.text().or(m.caption()).unwrap_or("");
    let brut: String = brut.chars().take(TEXTE_MAX).collect();
    Some(Entrant {
        chat: m.chat.id.0,
        texte: commande(&brut),
        id: update.id.0.to_string(),
        langue: m
            .from
            .as_ref()
            .and_then(|u| u.language_code.as_deref())
            .and_then(Langue::depuis_code),
        numero,
    })
}

/// Telegram commands as the engine's keywords; other texts unchanged.
pub fn commande(texte: &str) -> String {
    let t = texte.trim();
    let Some(reste) = t.strip_prefix('/') else {
        return texte.to_string();
    };
    // "/start", "/start@guichet_bot", "/start payload"
    let nom = reste.split_whitespace().next().unwrap_or("");
    let nom = nom.split('@').next().unwrap_or("").to_lowercase();
    let mot = match nom.as_str() {
        "start" | "bonjour" => "BONJOUR",
        "aide" | "help" => "AIDE",
        "recommencer" | "restart" => "RECOMMENCER",
        "retour" | "back" => "RETOUR",
        "stop" => "STOP",
        "effacer" | "delete" => "EFFACER",
        "rappel" | "callback" => "RAPPEL",
        "contact" => "CONTACT",
        "suite" | "more" => "SUITE",
        _ => return texte.to_string(),
    };
    mot.to_string()
}

/// The router of `POST /telegram`, to merge into the service's router.
pub fn routeur(canal: Arc<Canal>) -> Router {
    Router::new()
        .route(CHEMIN, post(webhook))
        .layer(DefaultBodyLimit::max(CORPS_MAX))
        .with_state(canal)
}

fn erreur(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "erreur": message }))).into_response()
}

async fn webhook(
    State(canal): State<Arc<Canal>>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if !canal.secret_valide(&entetes) {
        return erreur(
            StatusCode::UNAUTHORIZED,
            "en-tête X-Telegram-Bot-Api-Secret-Token manquant ou incorrect",
        );
    }
    let update: Update = match serde_json::from_slice(&corps) {
        Ok(u) => u,
        Err(e) => {
            return erreur(
                StatusCode::BAD_REQUEST,
                &format!("update Telegram illisible : {e}"),
            );
        }
    };
    match canal.recevoir(&update).await {
        Ok(()) => (StatusCode::OK, Json(json!({}))).into_response(),
        // Not stored: a non-2xx answer makes Telegram deliver it again.
        Err(ErreurTelegram::Store(_)) => erreur(
            StatusCode::SERVICE_UNAVAILABLE,
            "stockage indisponible : rien n'a été enregistré",
        ),
        Err(ErreurTelegram::Interne(_)) => {
            erreur(StatusCode::INTERNAL_SERVER_ERROR, "erreur interne")
        }
    }
}

/// The channel once started: what to mount, and what to wait for at shutdown.
pub struct Demarre {
    /// The routes to merge into the service's router (empty in polling mode
    /// or without a token).
    pub routeur: Router,
    /// The sender, whose queued replies are worth waiting for at shutdown.
    pub envoyeur: Option<Envoyeur>,
}

/// Starts the Telegram channel as configured: nothing without a token; in
/// webhook mode, the router of `POST /telegram` (and the webhook registered
/// when `public_url` is set); in polling mode, the polling task.
pub async fn demarrer(
    cfg: &crate::config::Telegram,
    service: Arc<Service>,
) -> Result<Demarre, String> {
    use crate::config::ModeTelegram;
    if cfg.token.is_empty() {
        return Ok(Demarre {
            routeur: Router::new(),
            envoyeur: None,
        });
    }
    let api = url::Url::parse(&cfg.api_url).map_err(|e| format!("[telegram] api_url : {e}"))?;
    let bot = Bot::new(cfg.token.clone()).set_api_url(api);
    match cfg.mode {
        ModeTelegram::Webhook => {
            let s = &cfg.webhook_secret;
            let valide = (1..=256).contains(&s.len())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !valide {
                return Err("[telegram] webhook_secret : requis en mode webhook, 1 à 256 caractères parmi A-Z a-z 0-9 _ -".into());
            }
            let canal = Canal::nouveau(service, bot.clone(), Some(s.clone()), Limites::telegram());
            reprendre(canal.envoyeur()).await;
            if cfg.public_url.is_empty() {
                tracing::info!(
                    "Telegram : webhook sur {CHEMIN} (public_url vide : setWebhook à faire à part)"
                );
            } else {
                let (public_url, secret) = (cfg.public_url.clone(), s.clone());
                tokio::spawn(async move {
                    match declarer_webhook(&bot, &public_url, &secret).await {
                        Ok(()) => tracing::info!("Telegram : webhook déclaré"),
                        Err(e) => tracing::error!(erreur = %e, "Telegram : webhook non déclaré"),
                    }
                });
            }
            Ok(Demarre {
                envoyeur: Some(canal.envoyeur().clone()),
                routeur: routeur(canal),
            })
        }
        ModeTelegram::Polling => {
            let canal = Canal::nouveau(service, bot.clone(), None, Limites::telegram());
            reprendre(canal.envoyeur()).await;
            tracing::info!("Telegram : interrogation (getUpdates)");
            let envoyeur = Some(canal.envoyeur().clone());
            tokio::spawn(interroger(bot, canal));
            Ok(Demarre {
                routeur: Router::new(),
                envoyeur,
            })
        }
    }
}

/// Queues again the replies a previous run stored and did not send.
async fn reprendre(envoyeur: &Envoyeur) {
    let e = envoyeur.clone();
    match tokio::task::spawn_blocking(move || e.reprendre()).await {
        Ok(Ok(0)) => {}
        Ok(Ok(n)) => tracing::info!(n, "Telegram : réponses d'avant l'arrêt remises en file"),
        Ok(Err(e)) => tracing::error!(erreur = %e, "Telegram : file d'avant l'arrêt illisible"),
        Err(e) => tracing::error!(erreur = %e, "Telegram : reprise interrompue"),
    }
}

/// Registers the webhook `{public_url}/telegram` with its secret.
pub async fn declarer_webhook(bot: &Bot, public_url: &str, secret: &str) -> Result<(), String> {
    let url = format!("{}{CHEMIN}", public_url.trim_end_matches('/'));
    let url = url::Url::parse(&url).map_err(|e| format!("public_url : {e}"))?;
    bot.set_webhook(url)
        .secret_token(secret.to_string())
        .await
        .map(|_| ())
        .map_err(|e| format!("setWebhook : {e}"))
}

/// Long polling, for development: asks Telegram for updates and handles
/// them in order; runs until the task is dropped. The next request confirms
/// the updates handled; one that failed is asked for again.
pub async fn interroger(bot: Bot, canal: Arc<Canal>) {
    if let Err(e) = bot.delete_webhook().await {
        tracing::warn!(erreur = %e, "deleteWebhook a échoué (getUpdates refusera si un webhook est actif)");
    }
    let mut decalage: i32 = 0;
    loop {
        let updates = match bot.get_updates().offset(decalage).timeout(25).await {
            Ok(u) => u,
            Err(e) => {
                tracing::warn!(erreur = %e, "getUpdates a échoué, nouvel essai");
                tokio::time::sleep(Duration::from_secs(2)).await;
                continue;
            }
        };
        for u in updates {
            if let Err(e) = canal.recevoir(&u).await {
                // Not confirmed: Telegram gives it again with the next request.
                tracing::error!(erreur = %e, "update Telegram non traité, nouvel essai");
                tokio::time::sleep(Duration::from_secs(2)).await;
                break;
            }
            decalage = i32::try_from(u.id.0).unwrap_or(i32::MAX).saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commandes() {
        assert_eq!(commande("/start"), "BONJOUR");
        assert_eq!(commande("/start@guichet_bot abc"), "BONJOUR");
        assert_eq!(commande("/Aide"), "AIDE");
        assert_eq!(commande("/recommencer"), "RECOMMENCER");
        assert_eq!(commande("/retour"), "RETOUR");
        assert_eq!(commande("/stop"), "STOP");
        assert_eq!(commande("/effacer"), "EFFACER");
        assert_eq!(commande("/rappel"), "RAPPEL");
        assert_eq!(commande("/inconnue"), "/inconnue");
        assert_eq!(commande("34 ans"), "34 ans");
        assert_eq!(commande("/"), "/");
    }
}
