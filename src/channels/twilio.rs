//! The Twilio channel: its routes (`/sms/twilio`, `/sms/twilio/status`) and
//! its wire format: form-encoded inbound SMS and status callbacks,
//! `X-Twilio-Signature`, and TwiML replies.
//!
//! Twilio signs each webhook with base64(HMAC-SHA1(auth token, URL + every
//! POST parameter as key then value, keys sorted)). The URL is the public
//! one Twilio called, which behind a reverse proxy differs from what the
//! service sees: it comes from `[sms.twilio] public_url`.

use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// The HMAC over what Twilio signs: the URL, then each parameter's key and
/// value, keys sorted.
fn mac(auth_token: &str, url: &str, params: &[(String, String)]) -> Hmac<Sha1> {
    let mut tries: Vec<&(String, String)> = params.iter().collect();
    tries.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut mac = <Hmac<Sha1> as KeyInit>::new_from_slice(auth_token.as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(url.as_bytes());
    for (k, v) in tries {
        mac.update(k.as_bytes());
        mac.update(v.as_bytes());
    }
    mac
}

/// The signature Twilio computes for a request.
pub fn signature(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    base64::engine::general_purpose::STANDARD
        .encode(mac(auth_token, url, params).finalize().into_bytes())
}

/// Whether `entete` is Twilio's signature of the request (constant time).
pub fn signature_valide(
    auth_token: &str,
    url: &str,
    params: &[(String, String)],
    entete: &str,
) -> bool {
    let Ok(recue) = base64::engine::general_purpose::STANDARD.decode(entete.trim()) else {
        return false;
    };
    mac(auth_token, url, params).verify_slice(&recue).is_ok()
}

/// An inbound SMS, as Twilio posts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entrant {
    /// `MessageSid`, the provider's id.
    pub id: String,
    /// `From`, the sender.
    pub de: String,
    /// `Body`, the text (empty when absent).
    pub texte: String,
}

pub use super::champ;
use super::erreur;
use super::sms::{Issue, ReglagesSms, params_de, recevoir, sans_verification, textes_sms};
use crate::sms::numero;
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use std::sync::Arc;

/// Reads an inbound SMS; the error names the missing field.
pub fn lire_entrant(params: &[(String, String)]) -> Result<Entrant, String> {
    let requis = |nom: &str| {
        champ(params, nom)
            .filter(|v| !v.is_empty())
            .map(String::from)
            .ok_or_else(|| format!("champ « {nom} » manquant"))
    };
    Ok(Entrant {
        id: requis("MessageSid")?,
        de: requis("From")?,
        texte: champ(params, "Body").unwrap_or("").to_string(),
    })
}

/// What a status callback says about a message we sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Etat {
    /// Accepted or on its way.
    Envoye,
    /// Delivered to the phone.
    Livre,
    /// Failed; `arret` when Twilio says the number opted out (error 21610).
    Echec {
        /// The recipient unsubscribed.
        arret: bool,
    },
}

/// Reads a status callback: (our message's provider id, its state).
pub fn lire_statut(params: &[(String, String)]) -> Result<(String, Etat), String> {
    let sid = champ(params, "MessageSid")
        .filter(|v| !v.is_empty())
        .ok_or("champ « MessageSid » manquant")?;
    let statut = champ(params, "MessageStatus").ok_or("champ « MessageStatus » manquant")?;
    let arret = champ(params, "ErrorCode") == Some("21610");
    let etat = match statut {
        "accepted" | "queued" | "sending" | "sent" | "scheduled" => Etat::Envoye,
        "delivered" | "read" => Etat::Livre,
        "failed" | "undelivered" | "canceled" => Etat::Echec { arret },
        autre => return Err(format!("statut inconnu « {autre} »")),
    };
    Ok((
        sid.to_string(),
        if arret {
            Etat::Echec { arret: true }
        } else {
            etat
        },
    ))
}

fn echapper_xml(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The TwiML answer: one `<Message>` per reply, `<Response/>` when silent.
pub fn twiml(messages: &[String]) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    if messages.is_empty() {
        s.push_str("<Response/>");
        return s;
    }
    s.push_str("<Response>");
    for m in messages {
        s.push_str("<Message>");
        s.push_str(&echapper_xml(m));
        s.push_str("</Message>");
    }
    s.push_str("</Response>");
    s
}

// ---- HTTP routes ----

/// Twilio's routes, when its auth token is set (or under `--insecure-webhooks`).
pub(super) fn routes(r: &ReglagesSms) -> Router<Arc<AppState>> {
    let routes = Router::new();
    if r.twilio_auth_token.is_some() || r.sans_authentification {
        routes
            .route("/sms/twilio", post(twilio_entrant))
            .route("/sms/twilio/status", post(twilio_statut))
    } else {
        routes
    }
}

fn reponse_twiml(corps: String) -> Response {
    ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], corps).into_response()
}

fn verifier_twilio(
    etat: &AppState,
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
    if signature_valide(jeton, &url, params, sig) {
        Ok(())
    } else {
        Err(erreur(
            StatusCode::FORBIDDEN,
            "signature X-Twilio-Signature incorrecte (vérifiez [sms.twilio] auth_token et public_url)",
        ))
    }
}

async fn twilio_entrant(
    State(etat): State<Arc<AppState>>,
    entetes: HeaderMap,
    uri: Uri,
    corps: axum::body::Bytes,
) -> Response {
    let params = params_de(&corps);
    if let Err(r) = verifier_twilio(&etat, &entetes, &uri, &params) {
        return r;
    }
    let e = match lire_entrant(&params) {
        Ok(e) => e,
        Err(m) => return erreur(StatusCode::BAD_REQUEST, m),
    };
    let directe = etat.sms.twilio_reponse_directe;
    let fournisseur = (!directe).then_some("twilio");
    match recevoir(&etat, &e.de, e.texte, Some(e.id), None, fournisseur).await {
        Ok(Issue::Traite(s)) if directe => reponse_twiml(twiml(&textes_sms(&s))),
        Ok(_) => reponse_twiml(twiml(&[])),
        Err(r) => r,
    }
}

async fn twilio_statut(
    State(etat): State<Arc<AppState>>,
    entetes: HeaderMap,
    uri: Uri,
    corps: axum::body::Bytes,
) -> Response {
    let params = params_de(&corps);
    if let Err(r) = verifier_twilio(&etat, &entetes, &uri, &params) {
        return r;
    }
    let (sid, e) = match lire_statut(&params) {
        Ok(x) => x,
        Err(m) => return erreur(StatusCode::BAD_REQUEST, m),
    };
    let etat_sortant = match e {
        Etat::Envoye => "envoye",
        Etat::Livre => "livre",
        Etat::Echec { .. } => "echec",
    };
    if let Etat::Echec { arret: true } = e {
        if let Some(n) = champ(&params, "To").and_then(numero::normaliser) {
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
    reponse_twiml(twiml(&[]))
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
    fn vecteur_de_la_documentation_twilio() {
        let params = p(&[
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+14158675309"),
            ("Digits", "1234"),
            ("From", "+14158675309"),
            ("To", "+18005551212"),
        ]);
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assert_eq!(
            signature("12345", url, &params),
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        );
        assert!(signature_valide(
            "12345",
            url,
            &params,
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ));
        assert!(!signature_valide(
            "12345",
            url,
            &params,
            "RSOYDt4T1cUTdK1PDd93/VVr8B9="
        ));
        assert!(!signature_valide(
            "54321",
            url,
            &params,
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ));
        assert!(!signature_valide("12345", url, &params, "pas du base64 !"));
    }

    #[test]
    fn statuts() {
        assert_eq!(
            lire_statut(&p(&[("MessageSid", "SM1"), ("MessageStatus", "delivered")]))
                .unwrap()
                .1,
            Etat::Livre
        );
        assert_eq!(
            lire_statut(&p(&[
                ("MessageSid", "SM1"),
                ("MessageStatus", "failed"),
                ("ErrorCode", "21610")
            ]))
            .unwrap()
            .1,
            Etat::Echec { arret: true }
        );
        assert!(
            lire_statut(&p(&[("MessageSid", "SM1"), ("MessageStatus", "huh")]))
                .unwrap_err()
                .contains("huh")
        );
    }

    #[test]
    fn twiml_echappe() {
        assert_eq!(
            twiml(&[]),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"
        );
        assert!(twiml(&["a < b & c".into()]).contains("<Message>a &lt; b &amp; c</Message>"));
    }
}
