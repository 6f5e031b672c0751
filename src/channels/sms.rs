//! What the SMS providers' channels share: the inbound pipeline every SMS
//! goes through, whichever provider carried it, and the router that mounts
//! the providers' routes ([`super::twilio`], [`super::vonage`],
//! [`super::mtarget`]).
//!
//! A route is mounted only when its provider's authentication is configured
//! (Twilio's auth token, Vonage's signature secret, Mtarget's secret path or
//! HTTP Basic credentials), or when the operator asked for unauthenticated
//! webhooks (`serve --insecure-webhooks`, development only: every such
//! request is logged as a warning). Each provider's handler checks its
//! signature (forged or unsigned → 401/403/404, nothing processed; a signed
//! Vonage message more than 24 h old → 401) and reads its fields (missing →
//! 400 naming the field); then [`recevoir`] ignores senders outside
//! `[sms] allowed_country_codes`, reassembles long messages, applies flood
//! control and hands the message to the service like every channel. Replies
//! go back in the webhook response (Twilio `mode = "reply"`) or into the
//! outbox ([`super::sms_outbox`]), in the transaction of the step, before
//! the webhook is acknowledged. A duplicate delivery gets the same answer
//! and queues nothing.

// Helpers return the early HTTP answer as their error: a cold path, not worth boxing.
#![allow(clippy::result_large_err)]

use super::erreur;
use super::sms_guard::Indicatifs;
use super::sms_outbox::DepotSms;
use super::{mtarget, twilio, vonage};
use crate::service::{Depot, Flot, Message, Partie, Sortie, id_sans_fournisseur};
use crate::sms::{gsm7, numero};
use crate::state::AppState;
use crate::textes::Langue;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde_json::json;
use std::sync::Arc;

/// Largest SMS webhook body (a long SMS with provider fields is a few kB).
const CORPS_MAX: usize = 64 * 1024;

/// A signed Vonage message older than this (or this far in the future) is
/// refused: a captured request cannot be replayed a day later.
pub const AGE_MAX_SIGNE: u64 = 24 * 3600;

/// The SMS settings the routes need, from `[sms.*]`.
#[derive(Debug, Clone, Default)]
pub struct ReglagesSms {
    /// `serve --insecure-webhooks`: routes whose authentication is not
    /// configured are mounted anyway and accept unauthenticated requests,
    /// each logged as a warning. Never in production.
    pub sans_authentification: bool,
    /// Mtarget's secret path segment (`/sms/mtarget/{jeton}`).
    pub mtarget_jeton: Option<String>,
    /// The HTTP Basic credentials Mtarget must send (user, password).
    pub mtarget_basic: Option<(String, String)>,
    /// The country codes SMS may come from (others are ignored).
    pub indicatifs: Indicatifs,
    /// Twilio auth token (signatures checked when set).
    pub twilio_auth_token: Option<String>,
    /// The public base URL Twilio calls (`https://sms.example.fr`).
    pub twilio_public_url: String,
    /// Replies in the TwiML response (true) or through the Messages API.
    pub twilio_reponse_directe: bool,
    /// Vonage signature secret (the `sig` parameter checked when set).
    pub vonage_signature_secret: Option<String>,
    /// How Vonage signs.
    pub vonage_methode: Option<vonage::Methode>,
}

/// The routes of the providers whose authentication is configured (all of
/// them under `--insecure-webhooks`), merged into the service's router.
pub fn routeur(r: &ReglagesSms) -> Router<Arc<AppState>> {
    Router::new()
        .merge(twilio::routes(r))
        .merge(vonage::routes(r))
        .merge(mtarget::routes(r))
        .layer(DefaultBodyLimit::max(CORPS_MAX))
}

/// A request on a route whose authentication is not configured: accepted,
/// with a warning, only under `--insecure-webhooks`.
pub(super) fn sans_verification(etat: &AppState, route: &str) -> Result<(), Response> {
    if etat.sms.sans_authentification {
        tracing::warn!(
            route,
            "webhook accepté SANS authentification (--insecure-webhooks)"
        );
        Ok(())
    } else {
        Err(erreur(
            StatusCode::UNAUTHORIZED,
            "authentification de ce webhook non configurée",
        ))
    }
}

pub(super) fn params_de(corps: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(corps)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// What became of an inbound SMS.
pub(super) enum Issue {
    /// Handled: the replies (already in the outbox in API mode).
    Traite(Sortie),
    /// One part of a long SMS, kept until the others come.
    Partie,
    /// Dropped by flood control.
    Ignore,
}

/// Hands one SMS (or one part of a long SMS) to the service. With
/// `fournisseur`, replies go through that provider's send API: the service
/// writes them to the outbox in the step's transaction.
pub(super) async fn recevoir(
    etat: &Arc<AppState>,
    de: &str,
    texte: String,
    id: Option<String>,
    partie: Option<(String, u32, u32)>,
    fournisseur: Option<&'static str>,
) -> Result<Issue, Response> {
    let Some(numero) = numero::normaliser(de) else {
        return Err(erreur(
            StatusCode::BAD_REQUEST,
            "numéro de l'expéditeur illisible",
        ));
    };
    if !etat.sms.indicatifs.autorise(&numero) {
        // Acknowledged (the provider must not retry) but neither processed
        // nor answered: an answer there would be billed abroad.
        tracing::warn!(
            de = %numero::masquer(&numero),
            "SMS ignoré : indicatif hors de [sms] allowed_country_codes"
        );
        return Ok(Issue::Ignore);
    }
    let boite = match fournisseur {
        Some(_) => match &etat.boite {
            Some(b) => Some(b.clone()),
            None => {
                return Err(erreur(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "envoi par API non configuré",
                ));
            }
        },
        None => None,
    };
    // A long SMS counts once against flood control, with its first part.
    let compte = partie.as_ref().is_none_or(|(_, n, _)| *n == 1);
    match if compte {
        etat.service.flot("sms", &numero)
    } else {
        Flot::Normal
    } {
        Flot::Normal => {}
        Flot::Avertir => {
            tracing::warn!(de = %numero::masquer(&numero), "trop de messages : avertissement");
            let conversation = etat.service.conversation("sms", &numero).ok().flatten();
            // Someone who sent STOP gets nothing, not even this.
            if conversation.as_ref().is_some_and(|c| c.arrete) {
                return Ok(Issue::Ignore);
            }
            let langue = conversation.map(|c| c.langue).unwrap_or(Langue::Fr);
            let sortie = Sortie {
                messages: vec![etat.service.moteur.textes.msg(langue, "flot", &[])],
                langue,
                ..Sortie::default()
            };
            if let (Some(boite), Some(f)) = (&boite, fournisseur) {
                let cle = etat.service.cle("sms", &numero);
                boite
                    .deposer(f, &numero, &cle, &textes_sms(&sortie))
                    .map_err(|e| erreur(StatusCode::SERVICE_UNAVAILABLE, e.to_string()))?;
            }
            return Ok(Issue::Traite(sortie));
        }
        Flot::Ignorer => return Ok(Issue::Ignore),
    }
    let service = etat.service.clone();
    let id = id.unwrap_or_else(|| id_sans_fournisseur(&texte));
    let b = boite.clone();
    let traite = tokio::task::spawn_blocking(move || {
        let m = Message {
            canal: "sms",
            expediteur: &numero,
            texte: &texte,
            id: Some(&id),
            langue: None,
        };
        let depot = match (&b, fournisseur) {
            (Some(boite), Some(fournisseur)) => Some(DepotSms {
                boite,
                fournisseur,
                numero: &numero,
            }),
            _ => None,
        };
        let depot = depot.as_ref().map(|d| d as &dyn Depot);
        let partie = partie.as_ref().map(|(reference, n, total)| Partie {
            reference,
            numero: *n,
            total: *total,
        });
        service.traiter_differe(&m, depot, partie)
    })
    .await;
    // Acknowledged only once the step is on disk.
    let traite = match traite {
        Ok(Ok((s, ticket))) => Ok(etat.service.durable(ticket).await.map(|()| s)),
        Ok(Err(e)) => Ok(Err(e)),
        Err(e) => Err(e),
    };
    match traite {
        Ok(Ok(Some(s))) => {
            if let Some(b) = boite {
                b.reveiller();
            }
            Ok(Issue::Traite(s))
        }
        Ok(Ok(None)) => Ok(Issue::Partie),
        Ok(Err(e)) => {
            tracing::error!(erreur = %e, "SMS non traité");
            Err(erreur(
                StatusCode::SERVICE_UNAVAILABLE,
                "stockage indisponible : réessayez",
            ))
        }
        Err(e) => Err(erreur(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("erreur interne : {e}"),
        )),
    }
}

pub(super) fn textes_sms(s: &Sortie) -> Vec<String> {
    s.messages.iter().map(|m| gsm7::translitterer(m)).collect()
}

pub(super) fn accepte(message: &str) -> Response {
    Json(json!({ "message": message })).into_response()
}

pub(super) async fn traiter_par_api(
    etat: &Arc<AppState>,
    fournisseur: &'static str,
    de: &str,
    texte: String,
    id: Option<String>,
    partie: Option<(String, u32, u32)>,
) -> Response {
    match recevoir(etat, de, texte, id, partie, Some(fournisseur)).await {
        Ok(Issue::Traite(s)) => accepte(if s.doublon {
            "doublon ignoré"
        } else {
            "message accepté"
        }),
        Ok(Issue::Partie) => accepte("partie reçue"),
        Ok(Issue::Ignore) => accepte("ignoré (trop de messages)"),
        Err(r) => r,
    }
}

pub(super) fn recu(etat: &AppState, id: &str, e: &str) -> Response {
    match &etat.boite {
        Some(b) => match b.recu(id, e) {
            Ok(true) => accepte("reçu enregistré"),
            Ok(false) => accepte("message inconnu, ignoré"),
            Err(e) => erreur(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
        },
        None => accepte("ignoré"),
    }
}
