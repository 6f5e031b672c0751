//! HTTP routes of the SMS providers: Twilio, Vonage and Mtarget inbound
//! webhooks and delivery receipts.
//!
//! A route is mounted only when its provider's authentication is configured
//! (Twilio's auth token, Vonage's signature secret, Mtarget's secret path or
//! HTTP Basic credentials), or when the operator asked for unauthenticated
//! webhooks (`serve --insecure-webhooks`, development only: every such
//! request is logged as a warning). Each handler checks the provider's
//! signature (forged or unsigned → 401/403/404, nothing processed; a signed
//! Vonage message more than 24 h old → 401), ignores senders outside
//! `[sms] allowed_country_codes`, reads the provider's
//! fields (missing → 400 naming the field), reassembles long messages,
//! applies flood control, then hands the message to the service like every
//! channel. Replies go back in the webhook response (Twilio `mode = "reply"`)
//! or into the outbox ([`super::envoi`]), in the transaction of the step,
//! before the webhook is acknowledged.
//! A duplicate delivery gets the same answer and queues nothing.

// Helpers return the early HTTP answer as their error: a cold path, not worth boxing.
#![allow(clippy::result_large_err)]

use super::sms_outbox::DepotSms;
use super::sms_guard::Indicatifs;
use super::{mtarget, twilio, vonage};
use crate::sms::{gsm7, numero};
use crate::agent::session::egaux;
use crate::server::Etat;
use crate::service::{Depot, Flot, Message, Partie, Sortie, id_sans_fournisseur};
use crate::textes::Langue;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, post};
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
pub fn routeur(r: &ReglagesSms) -> Router<Arc<Etat>> {
    let mut routes = Router::new();
    if r.twilio_auth_token.is_some() || r.sans_authentification {
        routes = routes
            .route("/sms/twilio", post(twilio_entrant))
            .route("/sms/twilio/status", post(twilio_statut));
    }
    if r.vonage_signature_secret.is_some() || r.sans_authentification {
        routes = routes
            .route("/sms/vonage", any(vonage_entrant))
            .route("/sms/vonage/status", any(vonage_statut));
    }
    if r.mtarget_jeton.is_some() {
        // The secret is a path parameter compared in constant time, rather
        // than a literal route, so that routing time tells nothing of it.
        routes = routes
            .route("/sms/mtarget/{jeton}", post(mtarget_entrant_secret))
            .route("/sms/mtarget/{jeton}/status", post(mtarget_statut_secret));
    } else if r.mtarget_basic.is_some() || r.sans_authentification {
        routes = routes
            .route("/sms/mtarget", post(mtarget_entrant))
            .route("/sms/mtarget/status", post(mtarget_statut));
    }
    routes.layer(DefaultBodyLimit::max(CORPS_MAX))
}

/// A request on a route whose authentication is not configured: accepted,
/// with a warning, only under `--insecure-webhooks`.
fn sans_verification(etat: &Etat, route: &str) -> Result<(), Response> {
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

fn erreur(statut: StatusCode, message: impl Into<String>) -> Response {
    (statut, Json(json!({ "erreur": message.into() }))).into_response()
}

fn params_de(corps: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(corps)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// What became of an inbound SMS.
enum Issue {
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
async fn recevoir(
    etat: &Arc<Etat>,
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
                invite: serde_json::Value::Null,
                resultats: false,
                effets: vec![],
                doublon: false,
                aides: None,
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

fn textes_sms(s: &Sortie) -> Vec<String> {
    s.messages.iter().map(|m| gsm7::translitterer(m)).collect()
}

fn twiml(corps: String) -> Response {
    ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], corps).into_response()
}

fn verifier_twilio(
    etat: &Etat,
    entetes: &HeaderMap,
    uri: &Uri,
    params: &[(String, String)],
) -> Result<(), Response> {
    let Some(jeton) = &etat.sms.twilio_auth_token else {
        return sans_verification(etat, uri.path());
    };
    let Some(sig) = entetes
        .get("x-twilio-signature")
        .and_then(|v| v.to_str().ok())
    else {
        return Err(erreur(
            StatusCode::UNAUTHORIZED,
            "en-tête X-Twilio-Signature manquant",
        ));
    };
    let chemin = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let url = format!(
        "{}{chemin}",
        etat.sms.twilio_public_url.trim_end_matches('/')
    );
    if twilio::signature_valide(jeton, &url, params, sig) {
        Ok(())
    } else {
        Err(erreur(
            StatusCode::FORBIDDEN,
            "signature X-Twilio-Signature incorrecte (vérifiez [sms.twilio] auth_token et public_url)",
        ))
    }
}

async fn twilio_entrant(
    State(etat): State<Arc<Etat>>,
    entetes: HeaderMap,
    uri: Uri,
    corps: axum::body::Bytes,
) -> Response {
    let params = params_de(&corps);
    if let Err(r) = verifier_twilio(&etat, &entetes, &uri, &params) {
        return r;
    }
    let e = match twilio::lire_entrant(&params) {
        Ok(e) => e,
        Err(m) => return erreur(StatusCode::BAD_REQUEST, m),
    };
    let directe = etat.sms.twilio_reponse_directe;
    let fournisseur = (!directe).then_some("twilio");
    match recevoir(&etat, &e.de, e.texte, Some(e.id), None, fournisseur).await {
        Ok(Issue::Traite(s)) if directe => twiml(twilio::twiml(&textes_sms(&s))),
        Ok(_) => twiml(twilio::twiml(&[])),
        Err(r) => r,
    }
}

async fn twilio_statut(
    State(etat): State<Arc<Etat>>,
    entetes: HeaderMap,
    uri: Uri,
    corps: axum::body::Bytes,
) -> Response {
    let params = params_de(&corps);
    if let Err(r) = verifier_twilio(&etat, &entetes, &uri, &params) {
        return r;
    }
    let (sid, e) = match twilio::lire_statut(&params) {
        Ok(x) => x,
        Err(m) => return erreur(StatusCode::BAD_REQUEST, m),
    };
    let etat_sortant = match e {
        twilio::Etat::Envoye => "envoye",
        twilio::Etat::Livre => "livre",
        twilio::Etat::Echec { .. } => "echec",
    };
    if let twilio::Etat::Echec { arret: true } = e {
        if let Some(n) = twilio::champ(&params, "To").and_then(numero::normaliser) {
            let service = etat.service.clone();
            let r = tokio::task::spawn_blocking(move || service.arreter("sms", &n)).await;
            if !matches!(r, Ok(Ok(()))) {
                return erreur(StatusCode::SERVICE_UNAVAILABLE, "stockage indisponible");
            }
        }
    }
    if let Some(b) = &etat.boite {
        if let Err(e) = b.recu(&sid, etat_sortant) {
            return erreur(StatusCode::SERVICE_UNAVAILABLE, e.to_string());
        }
    }
    twiml(twilio::twiml(&[]))
}

/// Vonage parameters: the query of a GET, the form or JSON body of a POST.
fn params_vonage(
    methode: &Method,
    uri: &Uri,
    entetes: &HeaderMap,
    corps: &[u8],
) -> Result<Vec<(String, String)>, Response> {
    let mut p = params_de(uri.query().unwrap_or("").as_bytes());
    if *methode == Method::POST {
        let json = entetes
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("application/json"));
        if json {
            let v: serde_json::Value = serde_json::from_slice(corps)
                .map_err(|e| erreur(StatusCode::BAD_REQUEST, format!("JSON illisible : {e}")))?;
            let Some(o) = v.as_object() else {
                return Err(erreur(StatusCode::BAD_REQUEST, "un objet JSON est attendu"));
            };
            for (k, v) in o {
                let v = match v {
                    serde_json::Value::String(s) => s.clone(),
                    autre => autre.to_string(),
                };
                p.push((k.clone(), v));
            }
        } else {
            p.extend(params_de(corps));
        }
    }
    Ok(p)
}

fn verifier_vonage(etat: &Etat, uri: &Uri, params: &[(String, String)]) -> Result<(), Response> {
    let Some(secret) = &etat.sms.vonage_signature_secret else {
        return sans_verification(etat, uri.path());
    };
    let methode = etat.sms.vonage_methode.unwrap_or(vonage::Methode::Md5Hash);
    if vonage::champ(params, "sig").is_none() {
        return Err(erreur(StatusCode::UNAUTHORIZED, "paramètre sig manquant"));
    }
    if !vonage::signature_valide(secret, methode, params) {
        return Err(erreur(StatusCode::FORBIDDEN, "signature sig incorrecte"));
    }
    // The signature covers the time of signing: a request captured once
    // must not be replayable for ever.
    let Some(signe_a) = vonage::horodatage(params) else {
        return Err(erreur(
            StatusCode::UNAUTHORIZED,
            "paramètre timestamp manquant dans un message signé",
        ));
    };
    let maintenant = crate::clock::maintenant_secondes();
    if maintenant.abs_diff(signe_a) > AGE_MAX_SIGNE {
        return Err(erreur(
            StatusCode::UNAUTHORIZED,
            "message signé il y a plus de 24 h (ou daté du futur) : refusé",
        ));
    }
    Ok(())
}

fn accepte(message: &str) -> Response {
    Json(json!({ "message": message })).into_response()
}

async fn vonage_entrant(
    State(etat): State<Arc<Etat>>,
    methode: Method,
    uri: Uri,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    let params = match params_vonage(&methode, &uri, &entetes, &corps) {
        Ok(p) => p,
        Err(r) => return r,
    };
    if let Err(r) = verifier_vonage(&etat, &uri, &params) {
        return r;
    }
    let e = match vonage::lire_entrant(&params) {
        Ok(e) => e,
        Err(m) => return erreur(StatusCode::BAD_REQUEST, m),
    };
    let (id, partie) = match &e.partie {
        None => (e.id.clone(), None),
        Some(p) => (
            format!("concat-{}", p.reference),
            Some((p.reference.clone(), p.numero, p.total)),
        ),
    };
    traiter_par_api(&etat, "vonage", &e.de, e.texte, Some(id), partie).await
}

async fn traiter_par_api(
    etat: &Arc<Etat>,
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

async fn vonage_statut(
    State(etat): State<Arc<Etat>>,
    methode: Method,
    uri: Uri,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    let params = match params_vonage(&methode, &uri, &entetes, &corps) {
        Ok(p) => p,
        Err(r) => return r,
    };
    if let Err(r) = verifier_vonage(&etat, &uri, &params) {
        return r;
    }
    match vonage::lire_recu(&params) {
        Ok((id, e)) => recu(&etat, &id, e),
        Err(m) => erreur(StatusCode::BAD_REQUEST, m),
    }
}

fn recu(etat: &Etat, id: &str, e: &str) -> Response {
    match &etat.boite {
        Some(b) => match b.recu(id, e) {
            Ok(true) => accepte("reçu enregistré"),
            Ok(false) => accepte("message inconnu, ignoré"),
            Err(e) => erreur(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
        },
        None => accepte("ignoré"),
    }
}

/// Checks Mtarget's secret path segment (`jeton`, when the route has one)
/// and HTTP Basic credentials, whichever are configured.
fn verifier_mtarget(etat: &Etat, jeton: Option<&str>, entetes: &HeaderMap) -> Result<(), Response> {
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
    State(etat): State<Arc<Etat>>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Err(r) = verifier_mtarget(&etat, None, &entetes) {
        return r;
    }
    mtarget_message(&etat, &corps).await
}

async fn mtarget_entrant_secret(
    State(etat): State<Arc<Etat>>,
    Path(jeton): Path<String>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Err(r) = verifier_mtarget(&etat, Some(&jeton), &entetes) {
        return r;
    }
    mtarget_message(&etat, &corps).await
}

async fn mtarget_message(etat: &Arc<Etat>, corps: &[u8]) -> Response {
    let params = params_de(corps);
    let e = match mtarget::lire_entrant(&params) {
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
    State(etat): State<Arc<Etat>>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Err(r) = verifier_mtarget(&etat, None, &entetes) {
        return r;
    }
    mtarget_recu(&etat, &corps)
}

async fn mtarget_statut_secret(
    State(etat): State<Arc<Etat>>,
    Path(jeton): Path<String>,
    entetes: HeaderMap,
    corps: axum::body::Bytes,
) -> Response {
    if let Err(r) = verifier_mtarget(&etat, Some(&jeton), &entetes) {
        return r;
    }
    mtarget_recu(&etat, &corps)
}

fn mtarget_recu(etat: &Etat, corps: &[u8]) -> Response {
    match mtarget::lire_recu(&params_de(corps)) {
        Ok((id, e)) => recu(etat, &id, e),
        Err(m) => erreur(StatusCode::BAD_REQUEST, m),
    }
}
