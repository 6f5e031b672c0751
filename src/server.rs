//! The HTTP service: an axum router that mounts the API and the channels.
//!
//! `POST /api/v1/evaluate` lets other simulators share the rule engine: it
//! takes one situation or an array of them and answers as `guichet eval`.
//! `GET /health` answers `ok` for load balancers.

use crate::rules::RuleSet;
use crate::situation::{Mois, Situation};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};
use std::sync::Arc;

/// What every request handler shares.
pub struct Etat {
    /// The compiled rules.
    pub regles: RuleSet,
    /// The month used when a situation names none (the service's current month).
    pub mois_courant: fn() -> Mois,
}

/// Builds the router.
pub fn routeur(etat: Arc<Etat>, max_body_bytes: usize) -> Router {
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/api/v1/evaluate", post(evaluer))
        .layer(DefaultBodyLimit::max(max_body_bytes))
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
    match v {
        Value::Array(items) => {
            let mut sorties = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match Situation::from_value(item)
                    .and_then(|s| etat.regles.verifier_mois(&s, mois).map(|()| s))
                {
                    Ok(s) => sorties.push(etat.regles.evaluer(&s, mois)),
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
            .and_then(|s| etat.regles.verifier_mois(&s, mois).map(|()| s))
        {
            Ok(s) => Json(etat.regles.evaluer(&s, mois)).into_response(),
            Err(e) => erreur(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
        },
    }
}
