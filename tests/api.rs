//! `POST /api/v1/evaluate`: the HTTP face of the rule engine.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use guichet::rules::RuleSet;
use guichet::server::routeur;
use guichet::situation::Mois;
use guichet::state::AppState;
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
    app_max(guichet::config::Server::default().max_situations)
}

/// The API with at most `max` situations a request.
fn app_max(max: usize) -> axum::Router {
    let moteur = guichet::dialogue::Moteur::integre(
        RuleSet::integre().expect("built-in rules load"),
        guichet::dialogue::Reglages::default(),
    )
    .expect("built-in questions and texts load");
    let service = guichet::service::Service::nouveau(
        moteur,
        Box::new(guichet::store::MemoryStore::default()),
        b"test".to_vec(),
    );
    let etat = Arc::new(AppState {
        service: Arc::new(service),
        mois_courant: nov_2026,
        secret_sms_generique: None,
        sms: Default::default(),
        boite: None,
        evaluation: guichet::state::LimitesEvaluation::nouvelles(max),
    });
    routeur(etat, 1 << 20)
}

async fn post(corps: &str) -> (StatusCode, serde_json::Value) {
    post_a(app(), corps).await
}

async fn post_a(app: axum::Router, corps: &str) -> (StatusCode, serde_json::Value) {
    let r = app
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

#[tokio::test]
async fn an_array_longer_than_max_situations_is_refused_with_its_count() {
    let (status, v) = post_a(app_max(3), "[{}, {}, {}, {}]").await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    let e = v["erreur"].as_str().unwrap();
    assert!(e.contains("4 situations") && e.contains("au plus 3"), "{e}");
    let (status, v) = post_a(app_max(3), "[{}, {}, {}]").await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v.as_array().map(Vec::len), Some(3));
}

#[tokio::test]
async fn twenty_thousand_situations_are_refused_before_any_is_evaluated() {
    // The reviewer's request: 20,000 empty situations (60 kB) used to
    // answer 582 MB. Now the array is only counted.
    let corps = format!("[{}]", vec!["{}"; 20_000].join(","));
    let (status, v) = post(&corps).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        v["erreur"].as_str().unwrap().contains("20000 situations"),
        "{v}"
    );
}

#[tokio::test]
async fn a_long_array_is_still_read_to_its_end_so_bad_json_is_a_400() {
    let (status, v) = post_a(app_max(1), "[{}, {}, ]").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
    let (status, _) = post_a(app_max(1), "[{}] trailing").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
