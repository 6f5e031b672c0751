//! `GET /metrics`: a conversation driven through `/sms/generic` shows in the
//! counters and histograms, the page holds no number, key or text, and a
//! configured token is required.
//!
//! The `metrics` crate has one recorder per process, shared by the tests of
//! this file: they compare figures before and after their own traffic, on a
//! channel label none of the others use at the same time.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use guichet::channels::generic::signer;
use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::service::Service;
use guichet::situation::Mois;
use guichet::state::AppState;
use guichet::store::MemoryStore;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::Arc;
use tower::ServiceExt;

const SECRET: &str = "s3cret";
const NUMERO: &str = "+33622222222";

fn nov_2026() -> Mois {
    Mois {
        annee: 2026,
        mois: 11,
    }
}

/// The service's router with `/metrics` mounted as `serve` mounts it.
fn app(jeton: Option<&str>) -> (axum::Router, Arc<Service>) {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Arc::new(
        Service::nouveau(moteur, Box::new(MemoryStore::default()), b"t".to_vec())
            .avec_horloge(|| 1_795_435_200),
    );
    let handle = guichet::metrics::installer().expect("the only recorder of this process");
    let app = guichet::server::routeur(
        Arc::new(AppState {
            service: service.clone(),
            mois_courant: nov_2026,
            secret_sms_generique: Some(SECRET.as_bytes().to_vec()),
            sms: Default::default(),
            boite: None,
            evaluation: Default::default(),
        }),
        1 << 20,
    )
    .merge(guichet::metrics::routeur(handle, jeton.map(String::from)));
    (app, service)
}

async fn sms(app: &axum::Router, texte: &str, id: &str) -> Value {
    let corps = json!({"from": NUMERO, "text": texte, "id": id}).to_string();
    let r = Request::post("/sms/generic")
        .header("content-type", "application/json")
        .header(
            "X-Guichet-Signature",
            signer(SECRET.as_bytes(), corps.as_bytes()),
        )
        .body(Body::from(corps))
        .unwrap();
    let rep = app.clone().oneshot(r).await.unwrap();
    assert_eq!(rep.status(), StatusCode::OK);
    let octets = rep.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&octets).unwrap()
}

async fn page(app: &axum::Router, jeton: Option<&str>) -> (StatusCode, String) {
    let mut r = Request::get("/metrics");
    if let Some(j) = jeton {
        r = r.header("Authorization", format!("Bearer {j}"));
    }
    let rep = app
        .clone()
        .oneshot(r.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let statut = rep.status();
    let octets = rep.into_body().collect().await.unwrap().to_bytes();
    (statut, String::from_utf8(octets.to_vec()).unwrap())
}

/// The value of the sample `nom` carrying every label of `labels` (0 when
/// absent: a counter not yet incremented is not shown).
fn valeur(page: &str, nom: &str, labels: &[(&str, &str)]) -> f64 {
    page.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.rsplit_once(' '))
        .filter(|(serie, _)| {
            serie.split('{').next() == Some(nom)
                && labels
                    .iter()
                    .all(|(k, v)| serie.contains(&format!("{k}=\"{v}\"")))
        })
        .map(|(_, v)| v.parse::<f64>().unwrap())
        .sum()
}

#[tokio::test]
async fn a_conversation_shows_in_the_metrics_and_the_page_names_nobody() {
    let (app, service) = app(None);
    let (_, avant) = page(&app, None).await;
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
    let mut tours = 0;
    let mut dernier = String::new();
    for i in 0..25 {
        let r = sms(&app, &texte, &format!("m{i}")).await;
        tours += 1;
        dernier = texte.clone();
        if r["prompt"].is_null() {
            break;
        }
        texte = reponses(r["prompt"]["field"].as_str().unwrap()).to_string();
    }
    // A provider retrying the last message: a duplicate.
    sms(&app, &dernier, &format!("m{}", tours - 1)).await;
    let tours = f64::from(tours);

    let (statut, apres) = page(&app, None).await;
    assert_eq!(statut, StatusCode::OK);
    let delta = |nom: &str, labels: &[(&str, &str)]| {
        valeur(&apres, nom, labels) - valeur(&avant, nom, labels)
    };
    let sms_ = ("canal", "sms");
    assert_eq!(
        delta("guichet_messages_total", &[sms_, ("issue", "reponse")]),
        tours - 1.0,
        "{apres}"
    );
    assert_eq!(
        delta("guichet_messages_total", &[sms_, ("issue", "resultats")]),
        1.0
    );
    assert_eq!(
        delta("guichet_messages_total", &[sms_, ("issue", "doublon")]),
        1.0
    );
    assert_eq!(
        delta("guichet_turn_seconds_count", &[sms_]),
        tours + 1.0,
        "one latency per step"
    );
    assert!(delta("guichet_turn_seconds_bucket", &[sms_, ("le", "+Inf")]) >= tours);
    assert!(delta("guichet_store_seconds_count", &[("operation", "ecriture")]) >= tours);
    assert!(delta("guichet_store_seconds_count", &[("operation", "lecture")]) >= tours);
    assert!(apres.contains("# TYPE guichet_turn_seconds histogram"));

    // Nothing personal: not the number in any form, not its key, not a word
    // the person wrote.
    let cle = service.cle("sms", NUMERO);
    for secret in [
        "622222222",
        "33622222222",
        cle.0.as_str(),
        cle.court(),
        "Bonjour",
        "je sais pas",
    ] {
        assert!(!apres.contains(secret), "{secret:?} in /metrics");
    }
}

#[tokio::test]
async fn with_a_token_the_metrics_ask_for_it() {
    let (app, _) = app(Some("jeton-de-test"));
    assert_eq!(page(&app, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(page(&app, Some("autre")).await.0, StatusCode::UNAUTHORIZED);
    let (statut, texte) = page(&app, Some("jeton-de-test")).await;
    assert_eq!(statut, StatusCode::OK);
    assert!(!texte.contains("jeton-de-test"));
}
