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

use crate::rules::RuleSet;
use crate::service::{Flot, Message, Service};
use crate::situation::{Mois, Situation};
use crate::sms::{gsm7, numero};
use crate::textes::Langue;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Value, json};
use sha2::Sha256;
use std::sync::Arc;
use tokio::sync::Semaphore;

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
    pub sms: crate::channels::sms::ReglagesSms,
    /// The SMS outbox, when a provider's send API is configured.
    pub boite: Option<Arc<crate::channels::sms_outbox::Boite>>,
    /// How much work one `/api/v1/evaluate` request may ask for.
    pub evaluation: LimitesEvaluation,
}

/// The bounds of `/api/v1/evaluate`: situations per request, and how many
/// requests evaluate at once (the others wait their turn, off the workers).
#[derive(Debug, Clone)]
pub struct LimitesEvaluation {
    /// Most situations in one request (`[server] max_situations`).
    pub max_situations: usize,
    calculs: Arc<Semaphore>,
}

impl LimitesEvaluation {
    /// At most `max_situations` a request; as many requests evaluating at
    /// once as the machine has cores.
    pub fn nouvelles(max_situations: usize) -> LimitesEvaluation {
        let coeurs = std::thread::available_parallelism().map_or(2, |n| n.get());
        LimitesEvaluation {
            max_situations: max_situations.max(1),
            calculs: Arc::new(Semaphore::new(coeurs)),
        }
    }
}

impl Default for LimitesEvaluation {
    fn default() -> Self {
        LimitesEvaluation::nouvelles(crate::config::Server::default().max_situations)
    }
}

impl Etat {
    fn regles(&self) -> &RuleSet {
        &self.service.moteur.regles
    }
}

/// Builds the router. `/sms/generic` is mounted only when its secret is
/// set or unauthenticated webhooks were asked for; likewise each provider's
/// routes ([`crate::channels::sms::routeur`]).
pub fn routeur(etat: Arc<Etat>, max_body_bytes: usize) -> Router {
    let mut r = Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/api/v1/evaluate", post(evaluer));
    if etat.secret_sms_generique.is_some() || etat.sms.sans_authentification {
        r = r.route("/sms/generic", post(sms_generique));
    }
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

async fn evaluer(State(etat): State<Arc<Etat>>, corps: axum::body::Bytes) -> Response {
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

fn lire_et_evaluer(etat: &Etat, corps: &[u8]) -> Response {
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

fn evaluer_plusieurs(etat: &Etat, items: Vec<Value>) -> Response {
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

fn evaluer_une(etat: &Etat, v: Value) -> Response {
    let mois = (etat.mois_courant)();
    let regles = etat.regles();
    match Situation::from_value(v).and_then(|s| regles.verifier_mois(&s, mois).map(|()| s)) {
        Ok(s) => Json(regles.evaluer(&s, mois)).into_response(),
        Err(e) => erreur(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
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
    State(etat): State<Arc<Etat>>,
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
                        .into(),
                );
            };
            if !signature_valide(secret, &corps, sig) {
                return erreur(
                    StatusCode::UNAUTHORIZED,
                    "signature X-Guichet-Signature incorrecte".into(),
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
            "from : numéro de téléphone illisible (ex. +33612345678 ou 0612345678)".into(),
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
                "trop de messages de ce numéro : ignoré jusqu'à la minute suivante".into(),
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
