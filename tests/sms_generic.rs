//! `POST /sms/generic`: the wire contract (JSON in, replies with encoding and
//! segments out), malformed and forged requests, duplicates.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::server::{Etat, routeur, signer};
use guichet::service::Service;
use guichet::situation::Mois;
use guichet::store::MagasinMemoire;
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

fn app(secret: Option<&str>) -> axum::Router {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Service::nouveau(moteur, Box::new(MagasinMemoire::default()), b"t".to_vec())
        .avec_horloge(|| 1_795_435_200);
    routeur(
        Arc::new(Etat {
            service: Arc::new(service),
            mois_courant: nov_2026,
            secret_sms_generique: secret.map(|s| s.as_bytes().to_vec()),
            sms: Default::default(),
            boite: None,
        }),
        1 << 20,
    )
}

async fn post(app: &axum::Router, corps: &str, signature: Option<&str>) -> (StatusCode, Value) {
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
    let app = app(None);
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
    let app = app(None);
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
    let app = app(None);
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
    let app = app(None);
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
    let app = app(Some("s3cret"));
    let corps = r#"{"from": "+33612345678", "text": "Bonjour", "id": "s1"}"#;
    let (s, _) = post(&app, corps, None).await;
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
    let app = app(None);
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
