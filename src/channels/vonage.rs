//! The Vonage (Nexmo) channel: its routes (`/sms/vonage`,
//! `/sms/vonage/status`) and its wire format: inbound SMS by GET query or POST
//! form or JSON, long messages in parts (`concat-*`), delivery receipts,
//! and the optional signature (`sig`) Vonage adds when a signature secret is
//! set on the account.
//!
//! Vonage signs the sorted parameters written `&key=value` (with `&` and `=`
//! inside values replaced by `_`): `md5hash` appends the secret and takes
//! MD5; the HMAC methods key the hash with the secret. Both are hex.

use super::erreur;
use super::sms::{AGE_MAX_SIGNE, recu, traiter_par_api};
use super::sms::{ReglagesSms, params_de, sans_verification};
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::Method;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::Response;
use axum::routing::any;
use hmac::{Hmac, KeyInit, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;
use std::sync::Arc;

/// How the signature is computed (`[sms.vonage] signature_method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Methode {
    /// MD5 of the parameters followed by the secret (Vonage's default).
    Md5Hash,
    /// HMAC-SHA256 of the parameters.
    HmacSha256,
}

impl Methode {
    /// Reads the configuration value.
    pub fn depuis(nom: &str) -> Option<Methode> {
        match nom {
            "md5hash" | "" => Some(Methode::Md5Hash),
            "sha256" | "hmac-sha256" => Some(Methode::HmacSha256),
            _ => None,
        }
    }
}

fn chaine_signee(params: &[(String, String)]) -> String {
    let mut tries: Vec<&(String, String)> = params.iter().filter(|(k, _)| k != "sig").collect();
    tries.sort();
    let mut s = String::new();
    for (k, v) in tries {
        s.push('&');
        s.push_str(k);
        s.push('=');
        s.push_str(&v.replace(['&', '='], "_"));
    }
    s
}

/// The signature Vonage computes.
pub fn signature(secret: &str, methode: Methode, params: &[(String, String)]) -> String {
    let chaine = chaine_signee(params);
    match methode {
        Methode::Md5Hash => {
            let mut h = Md5::new();
            h.update(chaine.as_bytes());
            h.update(secret.as_bytes());
            hex::encode(h.finalize())
        }
        Methode::HmacSha256 => {
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
                .expect("HMAC accepts keys of any length");
            mac.update(chaine.as_bytes());
            hex::encode(mac.finalize().into_bytes())
        }
    }
}

/// Whether the `sig` parameter is right (hex compared without regard to
/// case, in constant time).
pub fn signature_valide(secret: &str, methode: Methode, params: &[(String, String)]) -> bool {
    let Some(sig) = champ(params, "sig") else {
        return false;
    };
    let attendu = signature(secret, methode, params);
    let recu = sig.to_ascii_lowercase();
    attendu.len() == recu.len()
        && attendu
            .bytes()
            .zip(recu.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// When a signed message was signed, in seconds since 1970: the `timestamp`
/// parameter Vonage adds to signed requests (Unix seconds), or else its
/// `message-timestamp` (`2020-01-01 12:04:05`, UTC). `None` when neither
/// can be read.
pub fn horodatage(params: &[(String, String)]) -> Option<u64> {
    if let Some(t) = champ(params, "timestamp") {
        return t.trim().parse().ok();
    }
    let t = champ(params, "message-timestamp")?;
    let civil: jiff::civil::DateTime = t.trim().replace(' ', "T").parse().ok()?;
    let secondes = jiff::tz::TimeZone::UTC
        .to_timestamp(civil)
        .ok()?
        .as_second();
    u64::try_from(secondes).ok()
}

pub use super::champ;

pub use super::Partie;

/// An inbound SMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entrant {
    /// `messageId`.
    pub id: String,
    /// `msisdn`, the sender.
    pub de: String,
    /// `text`.
    pub texte: String,
    /// Set when this is one part of a long message.
    pub partie: Option<Partie>,
}

/// Reads an inbound SMS; the error names the missing or wrong field.
pub fn lire_entrant(params: &[(String, String)]) -> Result<Entrant, String> {
    let requis = |nom: &str| {
        champ(params, nom)
            .filter(|v| !v.is_empty())
            .map(String::from)
            .ok_or_else(|| format!("champ « {nom} » manquant"))
    };
    let partie = if champ(params, "concat") == Some("true") {
        Some(Partie::lire(
            params,
            &requis("concat-ref")?,
            "concat-part",
            "concat-total",
        )?)
    } else {
        None
    };
    Ok(Entrant {
        id: requis("messageId")?,
        de: requis("msisdn")?,
        texte: champ(params, "text").unwrap_or("").to_string(),
        partie,
    })
}

/// A delivery receipt: (our message's provider id, delivered, failed).
pub fn lire_recu(params: &[(String, String)]) -> Result<(String, &'static str), String> {
    let id = champ(params, "messageId")
        .filter(|v| !v.is_empty())
        .ok_or("champ « messageId » manquant")?;
    let statut = match champ(params, "status").unwrap_or("") {
        "delivered" => "livre",
        "accepted" | "buffered" => "envoye",
        "failed" | "expired" | "rejected" => "echec",
        "unknown" | "" => "envoye",
        autre => return Err(format!("statut inconnu « {autre} »")),
    };
    Ok((id.to_string(), statut))
}

// ---- HTTP routes ----

/// Vonage's routes, when its signature secret is set (or under `--insecure-webhooks`).
pub(super) fn routes(r: &ReglagesSms) -> Router<Arc<AppState>> {
    let routes = Router::new();
    if r.vonage_signature_secret.is_some() || r.sans_authentification {
        routes
            .route("/sms/vonage", any(vonage_entrant))
            .route("/sms/vonage/status", any(vonage_statut))
    } else {
        routes
    }
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

fn verifier_vonage(
    etat: &AppState,
    uri: &Uri,
    params: &[(String, String)],
) -> Result<(), Response> {
    let Some(secret) = &etat.sms.vonage_signature_secret else {
        return sans_verification(etat, uri.path());
    };
    let methode = etat.sms.vonage_methode.unwrap_or(Methode::Md5Hash);
    if champ(params, "sig").is_none() {
        return Err(erreur(StatusCode::UNAUTHORIZED, "paramètre sig manquant"));
    }
    if !signature_valide(secret, methode, params) {
        return Err(erreur(StatusCode::FORBIDDEN, "signature sig incorrecte"));
    }
    // The signature covers the time of signing: a request captured once
    // must not be replayable for ever.
    let Some(signe_a) = horodatage(params) else {
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

async fn vonage_entrant(
    State(etat): State<Arc<AppState>>,
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
    let e = match lire_entrant(&params) {
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

async fn vonage_statut(
    State(etat): State<Arc<AppState>>,
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
    match lire_recu(&params) {
        Ok((id, e)) => recu(&etat, &id, e),
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
    fn the_time_of_signing_is_read_from_timestamp_or_message_timestamp() {
        assert_eq!(
            horodatage(&p(&[("timestamp", "1490000000")])),
            Some(1_490_000_000)
        );
        assert_eq!(
            horodatage(&p(&[("message-timestamp", "2017-03-20 08:53:20")])),
            Some(1_490_000_000)
        );
        assert_eq!(horodatage(&p(&[("message-timestamp", "hier")])), None);
        assert_eq!(horodatage(&p(&[("text", "x")])), None);
    }

    #[test]
    fn entrant_reel() {
        let e = lire_entrant(&p(&[
            ("to", "2020"),
            ("msisdn", "2349067554729"),
            ("text", "Join"),
            ("messageId", "external1"),
        ]))
        .unwrap();
        assert_eq!(
            (e.id.as_str(), e.de.as_str(), e.texte.as_str()),
            ("external1", "2349067554729", "Join")
        );
        assert!(
            lire_entrant(&p(&[("msisdn", "1"), ("text", "x")]))
                .unwrap_err()
                .contains("messageId")
        );
    }

    #[test]
    fn parties() {
        let e = lire_entrant(&p(&[
            ("msisdn", "33612345678"),
            ("text", "b"),
            ("messageId", "m2"),
            ("concat", "true"),
            ("concat-ref", "7"),
            ("concat-part", "2"),
            ("concat-total", "2"),
        ]))
        .unwrap();
        assert_eq!(
            e.partie,
            Some(Partie {
                reference: "7".into(),
                numero: 2,
                total: 2
            })
        );
        assert!(
            lire_entrant(&p(&[
                ("msisdn", "1"),
                ("messageId", "m"),
                ("concat", "true"),
                ("concat-ref", "7"),
                ("concat-part", "3"),
                ("concat-total", "2")
            ]))
            .is_err()
        );
    }

    #[test]
    fn signatures() {
        let mut params = p(&[
            ("msisdn", "33612345678"),
            ("text", "a=b&c"),
            ("messageId", "m1"),
            ("timestamp", "1700000000"),
        ]);
        for m in [Methode::Md5Hash, Methode::HmacSha256] {
            let sig = signature("s3cret", m, &params);
            let mut signes = params.clone();
            signes.push(("sig".into(), sig.to_uppercase()));
            assert!(signature_valide("s3cret", m, &signes));
            assert!(!signature_valide("autre", m, &signes));
            params.push(("x".into(), "y".into()));
            signes.push(("x".into(), "y".into()));
            assert!(
                !signature_valide("s3cret", m, &signes),
                "a parameter added after signing"
            );
            params.pop();
        }
        assert_eq!(
            chaine_signee(&p(&[("b", "2"), ("a", "x&y=z")])),
            "&a=x_y_z&b=2"
        );
    }
}
