//! The HTTP service: an axum router that mounts the API and the channels.
//!
//! - `POST /api/v1/evaluate` lets other simulators share the rule engine: it
//!   takes one situation or an array of at most `[server] max_situations`
//!   (a longer array is counted without being kept, then refused), and
//!   answers as `guichet eval`. The evaluation runs on the blocking pool,
//!   a few requests at a time, so that a big request never holds the async
//!   workers (and `/health`) back.
//! - `POST /sms/generic` is the provider-neutral SMS webhook: one inbound SMS
//!   as JSON in, the replies (transliterated to GSM-7, with their encoding
//!   and segment count), the question waiting and, with the results, every
//!   aid out. Mounted only when its HMAC secret is set (or under
//!   `--insecure-webhooks`); flood control as on every SMS channel.
//! - `GET /health` answers `ok` for load balancers.

use crate::situation::Situation;
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Value, json};
use std::sync::Arc;

/// Builds the router. `/sms/generic` is mounted only when its secret is
/// set or unauthenticated webhooks were asked for; likewise each provider's
/// routes ([`crate::channels::sms::routeur`]).
pub fn routeur(etat: Arc<AppState>, max_body_bytes: usize) -> Router {
    let mut r = Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/api/v1/evaluate", post(evaluer));
    r = r.merge(crate::channels::generic::routes(&etat));
    r.layer(DefaultBodyLimit::max(max_body_bytes))
        .merge(crate::channels::sms::routeur(&etat.sms))
        .with_state(etat)
}

fn erreur(status: StatusCode, message: String) -> Response {
    (status, Json(json!({ "erreur": message }))).into_response()
}

/// The body of `/api/v1/evaluate` as read: one situation, an array of them,
/// or an array too long, of which only the length was kept.
enum Corps {
    Une(Value),
    Plusieurs(Vec<Value>),
    Trop(usize),
}

/// Reads the body keeping at most `max` situations: the elements past it
/// are skipped (parsed, not stored), so a huge array costs no memory.
struct Lecteur {
    max: usize,
}

impl<'de> DeserializeSeed<'de> for Lecteur {
    type Value = Corps;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Corps, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Lecteur {
    type Value = Corps;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("une situation ou un tableau de situations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Corps, A::Error> {
        let mut v = Vec::new();
        while v.len() < self.max {
            match seq.next_element::<Value>()? {
                Some(x) => v.push(x),
                None => return Ok(Corps::Plusieurs(v)),
            }
        }
        let mut n = v.len();
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(if n > self.max {
            Corps::Trop(n)
        } else {
            Corps::Plusieurs(v)
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Corps, A::Error> {
        Value::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Corps::Une)
    }

    // Anything else is one (invalid) situation: `Situation::from_value`
    // says what is wrong with it, as before.
    fn visit_bool<E>(self, b: bool) -> Result<Corps, E> {
        Ok(Corps::Une(Value::Bool(b)))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Corps, E> {
        Ok(Corps::Une(Value::from(n)))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Corps, E> {
        Ok(Corps::Une(Value::from(n)))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Corps, E> {
        Ok(Corps::Une(Value::from(n)))
    }
    fn visit_str<E>(self, t: &str) -> Result<Corps, E> {
        Ok(Corps::Une(Value::from(t)))
    }
    fn visit_unit<E>(self) -> Result<Corps, E> {
        Ok(Corps::Une(Value::Null))
    }
}

async fn evaluer(State(etat): State<Arc<AppState>>, corps: axum::body::Bytes) -> Response {
    // A few requests at a time, each read and evaluated on the blocking
    // pool: the async workers keep answering other requests (and /health),
    // and memory holds at most that many bodies' worth of situations.
    let Ok(_permis) = etat.evaluation.calculs.clone().acquire_owned().await else {
        return erreur(
            StatusCode::SERVICE_UNAVAILABLE,
            "service en cours d'arrêt".into(),
        );
    };
    let e = etat.clone();
    match tokio::task::spawn_blocking(move || lire_et_evaluer(&e, &corps)).await {
        Ok(r) => r,
        Err(err) => {
            tracing::error!(erreur = %err, "évaluation interrompue");
            erreur(
                StatusCode::INTERNAL_SERVER_ERROR,
                "erreur interne : réessayez".into(),
            )
        }
    }
}

fn lire_et_evaluer(etat: &AppState, corps: &[u8]) -> Response {
    let max = etat.evaluation.max_situations;
    let mut d = serde_json::Deserializer::from_slice(corps);
    let lu = Lecteur { max }
        .deserialize(&mut d)
        .and_then(|c| d.end().map(|()| c));
    match lu {
        Ok(Corps::Trop(n)) => erreur(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{n} situations dans une requête : au plus {max} ([server] max_situations) ; envoyez-les en plusieurs fois"
            ),
        ),
        Ok(Corps::Plusieurs(items)) => evaluer_plusieurs(etat, items),
        Ok(Corps::Une(v)) => evaluer_une(etat, v),
        Err(e) => erreur(
            StatusCode::BAD_REQUEST,
            format!("le corps n'est pas du JSON valide : {e}"),
        ),
    }
}

fn evaluer_plusieurs(etat: &AppState, items: Vec<Value>) -> Response {
    let mois = (etat.mois_courant)();
    let regles = etat.regles();
    let mut sorties = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        match Situation::from_value(item).and_then(|s| regles.verifier_mois(&s, mois).map(|()| s)) {
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

fn evaluer_une(etat: &AppState, v: Value) -> Response {
    let mois = (etat.mois_courant)();
    let regles = etat.regles();
    match Situation::from_value(v).and_then(|s| regles.verifier_mois(&s, mois).map(|()| s)) {
        Ok(s) => Json(regles.evaluer(&s, mois)).into_response(),
        Err(e) => erreur(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
    }
}
