//! `POST /api/v1/evaluate`: the HTTP face of the rule engine.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use guichet::rules::RuleSet;
use guichet::server::{Etat, routeur};
use guichet::situation::Mois;
use http_body_util::BodyExt;
use std::sync::Arc;
use tower::ServiceExt;

fn nov_2026() -> Mois {
    Mois {
        annee: 2026,
        mois: 11,
    }
}

fn app() -> axum::Router {
    let moteur = guichet::dialogue::Moteur::integre(
        RuleSet::integre().expect("built-in rules load"),
        guichet::dialogue::Reglages::default(),
    )
    .expect("built-in questions and texts load");
    let service = guichet::service::Service::nouveau(
        moteur,
        Box::new(guichet::store::MagasinMemoire::default()),
        b"test".to_vec(),
    );
    let etat = Arc::new(Etat {
        service: Arc::new(service),
        mois_courant: nov_2026,
        secret_sms_generique: None,
        sms: Default::default(),
        boite: None,
        evaluation: Default::default(),
    });
    routeur(etat, 1 << 20)
}

async fn post(corps: &str) -> (StatusCode, serde_json::Value) {
    let r = app()
        .oneshot(
            Request::post("/api/v1/evaluate")
                .header("content-type", "application/json")
                .body(Body::from(corps.to_string()))
                .unwrap(),
        )
        .await
        .unwrap();
    let status = r.status();
    let octets = r.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&octets).unwrap_or(serde_json::Value::Null),
    )
}

#[tokio::test]
async fn one_situation_gets_every_aid() {
    let (status, v) = post(r#"{"demandeur": {"age": 30}}"#).await;
    assert_eq!(status, StatusCode::OK);
    let aides = v["aides"].as_array().unwrap();
    assert!(aides.len() >= 15);
    for a in aides {
        assert!(
            ["eligible", "non_eligible", "indetermine"].contains(&a["statut"].as_str().unwrap())
        );
    }
}

#[tokio::test]
async fn an_array_gets_an_array() {
    let (status, v) = post(r#"[{}, {"couple": false}]"#).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn malformed_json_is_a_400_with_a_reason() {
    let (status, v) = post(r#"{"demandeur": "#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(v["erreur"].as_str().unwrap().contains("JSON"));
}

#[tokio::test]
async fn a_wrong_type_is_a_422_naming_the_field() {
    let (status, v) = post(r#"{"demandeur": {"age": "trente"}}"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        v["erreur"].as_str().unwrap().starts_with("demandeur.age"),
        "{v}"
    );
    let (status, v) = post(r#"[{}, {"logement": {"statut": "chateau"}}]"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(v["erreur"].as_str().unwrap().contains("situation 1"), "{v}");
}

#[tokio::test]
async fn health_answers_ok() {
    let r = app()
        .oneshot(Request::get("/health").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_month_before_the_rules_cover_is_a_422_naming_mois() {
    let (status, v) = post(r#"{"mois": "2020-01"}"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(v["erreur"].as_str().unwrap().starts_with("mois"), "{v}");
}
