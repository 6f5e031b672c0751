//! `POST /sms/generic`: the provider-neutral SMS webhook, for gateways we
//! have no adapter for and for tests. One inbound SMS as JSON in (`from`,
//! `text`, optional `id`), signed with `X-Guichet-Signature` (hex
//! HMAC-SHA256 of the body); the replies transliterated to GSM-7 with their
//! encoding and segment count, the question waiting (`prompt`) and, with the
//! results, every aid out. The JSON is a public contract (README): fields
//! are only ever added. Flood control as on every SMS channel.

use super::erreur;
use crate::service::{Flot, Message};
use crate::sms::{gsm7, numero};
use crate::state::AppState;
use crate::textes::Langue;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::Sha256;
use std::sync::Arc;

/// Longest inbound text accepted (a concatenated SMS rarely exceeds 1,000).
const TEXTE_MAX: usize = 2000;

/// The route, mounted only when its secret is set or unauthenticated
/// webhooks were asked for out loud.
pub fn routes(etat: &AppState) -> Router<Arc<AppState>> {
    let r = Router::new();
    if etat.secret_sms_generique.is_some() || etat.sms.sans_authentification {
        r.route("/sms/generic", post(sms_generique))
    } else {
        r
    }
}

/// The body of `POST /sms/generic`.
#[derive(Deserialize)]
struct SmsEntrant {
    from: String,
    text: String,
    #[serde(default)]
    id: Option<String>,
}

/// Checks `X-Guichet-Signature` (hex HMAC-SHA256 of the body, optionally
/// prefixed `sha256=`) in constant time.
pub fn signature_valide(secret: &[u8], corps: &[u8], entete: &str) -> bool {
    let mut attendu = [0u8; 32];
    if hex::decode_to_slice(entete.trim().trim_start_matches("sha256="), &mut attendu).is_err() {
        return false;
    }
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("any key length");
    mac.update(corps);
    mac.verify_slice(&attendu).is_ok()
}

/// Signs a body as `/sms/generic` expects (for clients and tests).
pub fn signer(secret: &[u8], corps: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("any key length");
    mac.update(corps);
    hex::encode(mac.finalize().into_bytes())
}

async fn sms_generique(
    State(etat): State<Arc<AppState>>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    match &etat.secret_sms_generique {
        None => tracing::warn!(
            route = "/sms/generic",
            "webhook accepté SANS authentification (--insecure-webhooks)"
        ),
        Some(secret) => {
            let Some(sig) = entetes
                .get("x-guichet-signature")
                .and_then(|v| v.to_str().ok())
            else {
                return erreur(
                    StatusCode::UNAUTHORIZED,
                    "en-tête X-Guichet-Signature manquant : HMAC-SHA256 du corps en hexadécimal"
                        .to_string(),
                );
            };
            if !signature_valide(secret, &corps, sig) {
                return erreur(
                    StatusCode::UNAUTHORIZED,
                    "signature X-Guichet-Signature incorrecte".to_string(),
                );
            }
        }
    }
    let v: Value = match serde_json::from_slice(&corps) {
        Ok(v) => v,
        Err(e) => {
            return erreur(
                StatusCode::BAD_REQUEST,
                format!("le corps n'est pas du JSON valide : {e}"),
            );
        }
    };
    let entrant: SmsEntrant = match serde_path_to_error::deserialize(v) {
        Ok(e) => e,
        Err(e) => {
            return erreur(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!(
                    "{} : {} (attendu : {{\"from\": \"+33612345678\", \"text\": \"...\", \"id\": \"...\"}})",
                    e.path(),
                    e.inner()
                ),
            );
        }
    };
    let Some(expediteur) = numero::normaliser(&entrant.from) else {
        return erreur(
            StatusCode::UNPROCESSABLE_ENTITY,
            "from : numéro de téléphone illisible (ex. +33612345678 ou 0612345678)".to_string(),
        );
    };
    if entrant.text.chars().count() > TEXTE_MAX {
        return erreur(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("text : plus de {TEXTE_MAX} caractères"),
        );
    }
    if !etat.sms.indicatifs.autorise(&expediteur) {
        return erreur(
            StatusCode::FORBIDDEN,
            format!(
                "from : indicatif non autorisé (acceptés : {} ; voir [sms] allowed_country_codes)",
                etat.sms.indicatifs.liste()
            ),
        );
    }
    // Flood control, as on every SMS channel: one polite warning, then 429
    // until the minute ends (the warning is the reply to send).
    match etat.service.flot("sms", &expediteur) {
        Flot::Normal => {}
        Flot::Avertir => {
            tracing::warn!(de = %numero::masquer(&expediteur), "trop de messages : avertissement");
            let langue = etat
                .service
                .conversation("sms", &expediteur)
                .ok()
                .flatten()
                .map(|c| c.langue)
                .unwrap_or(Langue::Fr);
            let texte = gsm7::translitterer(&etat.service.moteur.textes.msg(langue, "flot", &[]));
            let (encodage, segments) = gsm7::segments(&texte);
            return Json(json!({
                "replies": [{"text": texte, "encoding": encodage, "segments": segments}],
                "prompt": Value::Null,
            }))
            .into_response();
        }
        Flot::Ignorer => {
            let mut r = erreur(
                StatusCode::TOO_MANY_REQUESTS,
                "trop de messages de ce numéro : ignoré jusqu'à la minute suivante".to_string(),
            );
            r.headers_mut().insert(
                header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("60"),
            );
            return r;
        }
    }
    let service = etat.service.clone();
    let traite = tokio::task::spawn_blocking(move || {
        service.traiter_differe(
            &Message {
                canal: "sms",
                expediteur: &expediteur,
                texte: &entrant.text,
                id: entrant.id.as_deref(),
                langue: None,
            },
            None,
            None,
        )
    })
    .await;
    // Answered only once the step is on disk (the flush is shared with
    // other senders; no thread waits for it).
    let traite = match traite {
        Ok(Ok((s, ticket))) => Ok(etat
            .service
            .durable(ticket)
            .await
            .map(|()| s.unwrap_or_default())),
        Ok(Err(e)) => Ok(Err(e)),
        Err(e) => Err(e),
    };
    let sortie = match traite {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            tracing::error!(erreur = %e, "message non traité");
            return erreur(
                StatusCode::SERVICE_UNAVAILABLE,
                "stockage indisponible : réessayez, rien n'a été enregistré".to_string(),
            );
        }
        Err(e) => {
            tracing::error!(erreur = %e, "tâche interrompue");
            return erreur(
                StatusCode::INTERNAL_SERVER_ERROR,
                "erreur interne : réessayez".to_string(),
            );
        }
    };
    let replies: Vec<Value> = sortie
        .messages
        .iter()
        .map(|m| {
            let texte = gsm7::translitterer(m);
            let (encodage, segments) = gsm7::segments(&texte);
            json!({"text": texte, "encoding": encodage, "segments": segments})
        })
        .collect();
    let mut r = json!({
        "replies": replies,
        "prompt": sortie.invite,
    });
    if let Some(aides) = &sortie.aides {
        r["aides"] = serde_json::to_value(aides).unwrap_or(Value::Null);
    }
    if sortie.doublon {
        r["duplicate"] = Value::Bool(true);
    }
    Json(r).into_response()
}
