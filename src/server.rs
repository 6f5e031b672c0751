//! The HTTP service: an axum router that mounts the API and the channels.
//!
//! - `POST /api/v1/evaluate` lets other simulators share the rule engine: it
//!   takes one situation or an array of them and answers as `guichet eval`.
//! - `POST /sms/generic` is the provider-neutral SMS webhook: one inbound SMS
//!   as JSON in, the replies (transliterated to GSM-7, with their encoding
//!   and segment count), the question waiting and, with the results, every
//!   aid out.
//! - `GET /health` answers `ok` for load balancers.

use crate::rules::RuleSet;
use crate::service::{Message, Service};
use crate::situation::{Mois, Situation};
use crate::sms::{gsm7, numero};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::Sha256;
use std::sync::Arc;

/// Longest inbound text accepted (a concatenated SMS rarely exceeds 1,000).
const TEXTE_MAX: usize = 2000;

/// What every request handler shares.
pub struct Etat {
    /// The conversation service (with the engine and its rules).
    pub service: Arc<Service>,
    /// The month used when a situation names none (the service's current month).
    pub mois_courant: fn() -> Mois,
    /// Secret of `X-Guichet-Signature` on `/sms/generic`, when required.
    pub secret_sms_generique: Option<Vec<u8>>,
    /// Settings of the SMS providers' routes.
    pub sms: crate::sms::routes::ReglagesSms,
    /// The SMS outbox, when a provider's send API is configured.
    pub boite: Option<Arc<crate::sms::envoi::Boite>>,
}

impl Etat {
    fn regles(&self) -> &RuleSet {
        &self.service.moteur.regles
    }
}

/// Builds the router.
pub fn routeur(etat: Arc<Etat>, max_body_bytes: usize) -> Router {
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/api/v1/evaluate", post(evaluer))
        .route("/sms/generic", post(sms_generique))
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .merge(crate::sms::routes::routeur())
        .with_state(etat)
}

fn erreur(status: StatusCode, message: String) -> Response {
    (status, Json(json!({ "erreur": message }))).into_response()
}

async fn evaluer(State(etat): State<Arc<Etat>>, corps: axum::body::Bytes) -> Response {
    let v: Value = match serde_json::from_slice(&corps) {
        Ok(v) => v,
        Err(e) => {
            return erreur(
                StatusCode::BAD_REQUEST,
                format!("le corps n'est pas du JSON valide : {e}"),
            );
        }
    };
    let mois = (etat.mois_courant)();
    let regles = etat.regles();
    match v {
        Value::Array(items) => {
            let mut sorties = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match Situation::from_value(item)
                    .and_then(|s| regles.verifier_mois(&s, mois).map(|()| s))
                {
                    Ok(s) => sorties.push(regles.evaluer(&s, mois)),
                    Err(e) => {
                        return erreur(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            format!("situation {i} : {e}"),
                        );
                    }
                }
            }
            Json(sorties).into_response()
        }
        autre => match Situation::from_value(autre)
            .and_then(|s| regles.verifier_mois(&s, mois).map(|()| s))
        {
            Ok(s) => Json(regles.evaluer(&s, mois)).into_response(),
            Err(e) => erreur(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
        },
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
    let hex = entete.trim().trim_start_matches("sha256=");
    if hex.len() != 64 {
        return false;
    }
    let mut attendu = [0u8; 32];
    for (i, o) in attendu.iter_mut().enumerate() {
        match u8::from_str_radix(hex.get(2 * i..2 * i + 2).unwrap_or("zz"), 16) {
            Ok(v) => *o = v,
            Err(_) => return false,
        }
    }
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("any key length");
    mac.update(corps);
    mac.verify_slice(&attendu).is_ok()
}

/// Signs a body as `/sms/generic` expects (for clients and tests).
pub fn signer(secret: &[u8], corps: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("any key length");
    mac.update(corps);
    crate::store::hex(&mac.finalize().into_bytes())
}

async fn sms_generique(
    State(etat): State<Arc<Etat>>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Some(secret) = &etat.secret_sms_generique {
        let Some(sig) = entetes
            .get("x-guichet-signature")
            .and_then(|v| v.to_str().ok())
        else {
            return erreur(
                StatusCode::UNAUTHORIZED,
                "en-tête X-Guichet-Signature manquant : HMAC-SHA256 du corps en hexadécimal".into(),
            );
        };
        if !signature_valide(secret, &corps, sig) {
            return erreur(
                StatusCode::UNAUTHORIZED,
                "signature X-Guichet-Signature incorrecte".into(),
            );
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
            "from : numéro de téléphone illisible (ex. +33612345678 ou 0612345678)".into(),
        );
    };
    if entrant.text.chars().count() > TEXTE_MAX {
        return erreur(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("text : plus de {TEXTE_MAX} caractères"),
        );
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
                "stockage indisponible : réessayez, rien n'a été enregistré".into(),
            );
        }
        Err(e) => {
            tracing::error!(erreur = %e, "tâche interrompue");
            return erreur(
                StatusCode::INTERNAL_SERVER_ERROR,
                "erreur interne : réessayez".into(),
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
