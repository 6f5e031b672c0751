//! The Mtarget channel (a French SMS aggregator): its routes (under a secret
//! path segment, or HTTP Basic) and its wire format: inbound SMS as a form
//! (`Msisdn`, `Content`, `Keyword`, `MsgId`), the aggregator's own opt-out
//! signal `Keyword=Stop`, long messages in parts (`msglong.id`,
//! `msglong.msgcount`, `msglong.msgref`) and delivery receipts.
//! Mtarget signs nothing: the route is mounted under a secret path segment
//! (`[sms.mtarget] webhook_token`) or checks HTTP Basic credentials.

pub use super::champ;

pub use super::Partie;
use super::erreur;
use super::sms::{ReglagesSms, params_de, sans_verification};
use super::sms::{accepte, recu, traiter_par_api};
use crate::agent::session::egaux;
use crate::sms::numero;
use crate::state::AppState;
use axum::extract::Path;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::json;
use std::sync::Arc;

/// An inbound SMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entrant {
    /// `MsgId`, when given.
    pub id: Option<String>,
    /// `Msisdn`.
    pub de: String,
    /// `Content`.
    pub texte: String,
    /// `Keyword=Stop`: the aggregator recognised an opt-out.
    pub arret: bool,
    /// Set when this is one part of a long message.
    pub partie: Option<Partie>,
}

/// Reads an inbound SMS; the error names the missing or wrong field.
pub fn lire_entrant(params: &[(String, String)]) -> Result<Entrant, String> {
    let de = champ(params, "Msisdn")
        .filter(|v| !v.is_empty())
        .ok_or("champ « Msisdn » manquant")?
        .to_string();
    let partie = match champ(params, "msglong.id") {
        Some(reference) if !reference.is_empty() => Some(Partie::lire(
            params,
            reference,
            "msglong.msgref",
            "msglong.msgcount",
        )?),
        _ => None,
    };
    Ok(Entrant {
        id: champ(params, "MsgId")
            .filter(|v| !v.is_empty())
            .map(String::from),
        de,
        texte: champ(params, "Content").unwrap_or("").to_string(),
        arret: champ(params, "Keyword").is_some_and(|k| k.eq_ignore_ascii_case("stop")),
        partie,
    })
}

/// A delivery receipt: (ticket, state).
pub fn lire_recu(params: &[(String, String)]) -> Result<(String, &'static str), String> {
    let id = champ(params, "MsgId")
        .filter(|v| !v.is_empty())
        .ok_or("champ « MsgId » manquant")?;
    let statut = match champ(params, "Status").unwrap_or("") {
        "0" | "1" | "2" => "envoye",
        "3" => "livre",
        "4" | "6" => "echec",
        autre => return Err(format!("statut inconnu « {autre} »")),
    };
    Ok((id.to_string(), statut))
}

// ---- HTTP routes ----

/// Mtarget's routes: under a secret path segment when one is set, else
/// with HTTP Basic credentials (or none under `--insecure-webhooks`).
pub(super) fn routes(r: &ReglagesSms) -> Router<Arc<AppState>> {
    let routes = Router::new();
    if r.mtarget_jeton.is_some() {
        // The secret is a path parameter compared in constant time, rather
        // than a literal route, so that routing time tells nothing of it.
        routes
            .route("/sms/mtarget/{jeton}", post(mtarget_entrant_secret))
            .route("/sms/mtarget/{jeton}/status", post(mtarget_statut_secret))
    } else if r.mtarget_basic.is_some() || r.sans_authentification {
        routes
            .route("/sms/mtarget", post(mtarget_entrant))
            .route("/sms/mtarget/status", post(mtarget_statut))
    } else {
        routes
    }
}

/// Checks Mtarget's secret path segment (`jeton`, when the route has one)
/// and HTTP Basic credentials, whichever are configured.
fn verifier_mtarget(
    etat: &AppState,
    jeton: Option<&str>,
    entetes: &HeaderMap,
) -> Result<(), Response> {
    let r = &etat.sms;
    if let Some(attendu) = &r.mtarget_jeton {
        if !jeton.is_some_and(|j| egaux(j, attendu)) {
            // As for any unknown address: the path is the secret.
            return Err(erreur(StatusCode::NOT_FOUND, "adresse inconnue"));
        }
    }
    if let Some((utilisateur, mot_de_passe)) = &r.mtarget_basic {
        let attendu = base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            format!("{utilisateur}:{mot_de_passe}"),
        );
        let recu = entetes
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Basic "))
            .map(str::trim);
        if !recu.is_some_and(|b| egaux(b, &attendu)) {
            return Err((
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Basic realm=\"guichet\"")],
                Json(json!({ "erreur": "identifiants HTTP Basic manquants ou incorrects" })),
            )
                .into_response());
        }
    }
    if r.mtarget_jeton.is_none() && r.mtarget_basic.is_none() {
        return sans_verification(etat, "/sms/mtarget");
    }
    Ok(())
}

async fn mtarget_entrant(
    State(etat): State<Arc<AppState>>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Err(r) = verifier_mtarget(&etat, None, &entetes) {
        return r;
    }
    mtarget_message(&etat, &corps).await
}

async fn mtarget_entrant_secret(
    State(etat): State<Arc<AppState>>,
    Path(jeton): Path<String>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Err(r) = verifier_mtarget(&etat, Some(&jeton), &entetes) {
        return r;
    }
    mtarget_message(&etat, &corps).await
}

async fn mtarget_message(etat: &Arc<AppState>, corps: &[u8]) -> Response {
    let params = params_de(corps);
    let e = match lire_entrant(&params) {
        Ok(e) => e,
        Err(m) => return erreur(StatusCode::BAD_REQUEST, m),
    };
    if e.arret {
        // The aggregator recognised the opt-out and confirms it itself.
        let Some(n) = numero::normaliser(&e.de) else {
            return erreur(StatusCode::BAD_REQUEST, "numéro de l'expéditeur illisible");
        };
        if !etat.sms.indicatifs.autorise(&n) {
            return accepte("ignoré (indicatif non autorisé)");
        }
        let service = etat.service.clone();
        return match tokio::task::spawn_blocking(move || service.arreter("sms", &n)).await {
            Ok(Ok(())) => accepte("arrêt enregistré"),
            _ => erreur(StatusCode::SERVICE_UNAVAILABLE, "stockage indisponible"),
        };
    }
    let (id, partie) = match &e.partie {
        None => (e.id.clone(), None),
        Some(p) => (
            Some(format!("msglong-{}", p.reference)),
            Some((p.reference.clone(), p.numero, p.total)),
        ),
    };
    traiter_par_api(etat, "mtarget", &e.de, e.texte, id, partie).await
}

async fn mtarget_statut(
    State(etat): State<Arc<AppState>>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Err(r) = verifier_mtarget(&etat, None, &entetes) {
        return r;
    }
    mtarget_recu(&etat, &corps)
}

async fn mtarget_statut_secret(
    State(etat): State<Arc<AppState>>,
    Path(jeton): Path<String>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Err(r) = verifier_mtarget(&etat, Some(&jeton), &entetes) {
        return r;
    }
    mtarget_recu(&etat, &corps)
}

fn mtarget_recu(etat: &AppState, corps: &[u8]) -> Response {
    match lire_recu(&params_de(corps)) {
        Ok((id, e)) => recu(etat, &id, e),
        Err(m) => erreur(StatusCode::BAD_REQUEST, m),
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn charges_reelles() {
        let e = lire_entrant(&p(&[
            ("Msisdn", "+923161909799"),
            ("Content", "hello world"),
            ("Keyword", "Default"),
            ("MsgId", "foo"),
        ]))
        .unwrap();
        assert_eq!(e.texte, "hello world");
        assert!(!e.arret);
        let e = lire_entrant(&p(&[
            ("Msisdn", "+923161909799"),
            ("Content", "Stop"),
            ("Keyword", "Stop"),
        ]))
        .unwrap();
        assert!(e.arret);
        let e = lire_entrant(&p(&[
            ("Msisdn", "+33612345678"),
            ("Content", "world"),
            ("msglong.id", "longmsg"),
            ("msglong.msgcount", "2"),
            ("msglong.msgref", "2"),
        ]))
        .unwrap();
        assert_eq!(e.partie.unwrap().numero, 2);
        assert!(
            lire_entrant(&p(&[("Content", "x")]))
                .unwrap_err()
                .contains("Msisdn")
        );
    }
}
