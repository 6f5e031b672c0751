//! `POST /sms/generic`: the wire contract (JSON in, replies with encoding and
//! segments out), malformed, forged and unsigned requests, duplicates, flood
//! control, senders abroad, and the route's absence without its secret.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use guichet::channels::generic::signer;
use guichet::channels::sms::ReglagesSms;
use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::server::routeur;
use guichet::service::Service;
use guichet::situation::Mois;
use guichet::state::AppState;
use guichet::store::MemoryStore;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::Arc;
use tower::ServiceExt;

fn nov_2026() -> Mois {
    Mois {
        annee: 2026,
        mois: 11,
    }
}

/// The webhook's secret in these tests.
const SECRET: &str = "s3cret";

fn app() -> axum::Router {
    app_avec(Some(SECRET), ReglagesSms::default())
}

fn app_avec(secret: Option<&str>, sms: ReglagesSms) -> axum::Router {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Service::nouveau(moteur, Box::new(MemoryStore::default()), b"t".to_vec())
        .avec_horloge(|| 1_795_435_200);
    routeur(
        Arc::new(AppState {
            service: Arc::new(service),
            mois_courant: nov_2026,
            secret_sms_generique: secret.map(|s| s.as_bytes().to_vec()),
            sms,
            boite: None,
            evaluation: Default::default(),
        }),
        1 << 20,
    )
}

/// Posts a body with this signature header, or signed with [`SECRET`] as
/// an integrator does when `signature` is `None`.
async fn post(app: &axum::Router, corps: &str, signature: Option<&str>) -> (StatusCode, Value) {
    let signee = signer(SECRET.as_bytes(), corps.as_bytes());
    post_brut(app, corps, Some(signature.unwrap_or(&signee))).await
}

/// Posts a body with exactly this signature header (none when `None`).
async fn post_brut(
    app: &axum::Router,
    corps: &str,
    signature: Option<&str>,
) -> (StatusCode, Value) {
    let mut r = Request::post("/sms/generic").header("content-type", "application/json");
    if let Some(s) = signature {
        r = r.header("X-Guichet-Signature", s);
    }
    let rep = app
        .clone()
        .oneshot(r.body(Body::from(corps.to_string())).unwrap())
        .await
        .unwrap();
    let statut = rep.status();
    let octets = rep.into_body().collect().await.unwrap().to_bytes();
    (
        statut,
        serde_json::from_slice(&octets).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn premier_message_puis_question() {
    let app = app();
    let (s, r) = post(
        &app,
        r#"{"from": "+33612345678", "text": "Bonjour", "id": "a1"}"#,
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let rep = &r["replies"][0];
    assert_eq!(rep["encoding"], "GSM-7");
    assert!(rep["segments"].as_u64().unwrap() <= 3);
    assert!(rep["text"].as_str().unwrap().contains("couple"));
    assert_eq!(r["prompt"]["field"], "couple");
    assert_eq!(r["prompt"]["kind"], "yes_no");
    let (_, r) = post(
        &app,
        r#"{"from": "0612345678", "text": "non", "id": "a2"}"#,
        None,
    )
    .await;
    assert_eq!(
        r["prompt"]["field"], "nombre_enfants",
        "same person whatever the number's shape"
    );
}

#[tokio::test]
async fn un_choix_donne_ses_options() {
    let app = app();
    for (t, id) in [("Bonjour", "1"), ("non", "2"), ("0", "3"), ("34", "4")] {
        post(
            &app,
            &json!({"from": "+33600000009", "text": t, "id": id}).to_string(),
            None,
        )
        .await;
    }
    let (_, r) = post(
        &app,
        &json!({"from": "+33600000009", "text": "1", "id": "5"}).to_string(),
        None,
    )
    .await;
    let p = &r["prompt"];
    assert_eq!(p["kind"], "choice", "{r:#}");
    assert_eq!(p["choices"][0]["key"], "1");
    assert!(p["choices"][0]["value"].is_string());
    assert!(p["choices"][0]["label"].is_string());
}

#[tokio::test]
async fn un_doublon_recoit_la_meme_reponse_et_ne_change_rien() {
    let app = app();
    post(
        &app,
        r#"{"from": "+33611111111", "text": "Bonjour", "id": "d1"}"#,
        None,
    )
    .await;
    let (_, premier) = post(
        &app,
        r#"{"from": "+33611111111", "text": "oui", "id": "d2"}"#,
        None,
    )
    .await;
    for _ in 0..9 {
        let (s, r) = post(
            &app,
            r#"{"from": "+33611111111", "text": "oui", "id": "d2"}"#,
            None,
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(r["replies"], premier["replies"]);
        assert_eq!(r["duplicate"], true);
    }
    // The conversation moved once: the next answer is read by the next question.
    let (_, r) = post(
        &app,
        r#"{"from": "+33611111111", "text": "2", "id": "d3"}"#,
        None,
    )
    .await;
    assert_ne!(r["prompt"]["field"], "nombre_enfants", "{r:#}");
}

#[tokio::test]
async fn requetes_mal_formees() {
    let app = app();
    let (s, r) = post(&app, "{pas du json", None).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(r["erreur"].as_str().unwrap().contains("JSON"));
    let (s, r) = post(&app, r#"{"from": "+33612345678"}"#, None).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r["erreur"].as_str().unwrap().contains("text"), "{r}");
    let (s, r) = post(&app, r#"{"from": "pas un numéro", "text": "oui"}"#, None).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r["erreur"].as_str().unwrap().starts_with("from"), "{r}");
    let (s, _) = post(&app, r#"{"from": 33612345678, "text": "oui"}"#, None).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let long = "a".repeat(5000);
    let (s, _) = post(
        &app,
        &json!({"from": "+33612345678", "text": long}).to_string(),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn signature_exigee_quand_un_secret_est_configure() {
    let app = app();
    let corps = r#"{"from": "+33612345678", "text": "Bonjour", "id": "s1"}"#;
    let (s, _) = post_brut(&app, corps, None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = post(&app, corps, Some(&signer(b"autre", corps.as_bytes()))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = post(&app, corps, Some("zz")).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // A forged request changed nothing: the first real message is a first contact.
    let (s, r) = post(&app, corps, Some(&signer(b"s3cret", corps.as_bytes()))).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        r["replies"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Bonjour")
    );
    assert_eq!(r["duplicate"], Value::Null);
    let sig = format!("sha256={}", signer(b"s3cret", corps.as_bytes()));
    let (s, r) = post(&app, corps, Some(&sig)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(r["duplicate"], true);
}

#[tokio::test]
async fn les_resultats_portent_les_aides() {
    let app = app();
    let mut r = Value::Null;
    let reponses = |champ: &str| -> &str {
        match champ {
            "couple" => "non",
            "nombre_enfants" => "0",
            "demandeur.age" => "45",
            "demandeur.activite" => "6",
            "logement.statut" => "6",
            "demandeur.handicap" => "1",
            "demandeur.nationalite" => "1",
            _ => "je sais pas",
        }
    };
    let mut texte = "Bonjour".to_string();
    for i in 0..20 {
        let (_, x) = post(
            &app,
            &json!({"from": "+33622222222", "text": texte, "id": i.to_string()}).to_string(),
            None,
        )
        .await;
        r = x;
        if r["prompt"].is_null() {
            break;
        }
        texte = reponses(r["prompt"]["field"].as_str().unwrap()).to_string();
    }
    assert!(r["prompt"].is_null(), "{r:#}");
    let aides = r["aides"].as_array().expect("aides with the results");
    let rsa = aides.iter().find(|a| a["id"] == "rsa").unwrap();
    assert_eq!(rsa["statut"], "eligible");
    assert!(r["replies"][0]["text"].as_str().unwrap().contains("RSA"));
}

#[tokio::test]
async fn without_its_secret_the_generic_webhook_is_not_served() {
    // The shipped config.toml: no secret, no --insecure-webhooks.
    let app = app_avec(None, ReglagesSms::default());
    let corps = r#"{"from": "+33612345678", "text": "Bonjour", "id": "n1"}"#;
    let (s, _) = post_brut(&app, corps, None).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn insecure_webhooks_accept_an_unsigned_message_for_local_trials() {
    let app = app_avec(
        None,
        ReglagesSms {
            sans_authentification: true,
            ..Default::default()
        },
    );
    let corps = r#"{"from": "+33612345678", "text": "Bonjour", "id": "i1"}"#;
    let (s, r) = post_brut(&app, corps, None).await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["prompt"]["field"], "couple");
}

#[tokio::test]
async fn a_sender_abroad_is_refused_and_nothing_is_stored() {
    let app = app();
    let (s, r) = post(
        &app,
        r#"{"from": "+447700900123", "text": "Bonjour", "id": "uk1"}"#,
        None,
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{r}");
    assert!(r["erreur"].as_str().unwrap().contains("+33"), "{r}");
    // Overseas France is France.
    let (s, _) = post(
        &app,
        r#"{"from": "+262692123456", "text": "Bonjour", "id": "re1"}"#,
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn too_many_messages_get_one_warning_then_429_until_the_minute_ends() {
    let app = app();
    // The service's clock stands still: every message is in the same minute.
    for i in 0..20 {
        let corps = json!({"from": "+33633333333", "text": "aide", "id": format!("f{i}")});
        let (s, _) = post(&app, &corps.to_string(), None).await;
        assert_eq!(s, StatusCode::OK, "message {i}");
    }
    let corps = json!({"from": "+33633333333", "text": "aide", "id": "f20"}).to_string();
    let (s, r) = post(&app, &corps, None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(r["replies"].as_array().unwrap().len(), 1, "{r}");
    assert!(r["prompt"].is_null());
    let corps = json!({"from": "+33633333333", "text": "aide", "id": "f21"}).to_string();
    let (s, r) = post(&app, &corps, None).await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "{r}");
    // Another sender is not held back.
    let corps = json!({"from": "+33644444444", "text": "Bonjour", "id": "g1"}).to_string();
    assert_eq!(post(&app, &corps, None).await.0, StatusCode::OK);
}
