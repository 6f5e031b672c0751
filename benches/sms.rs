//! Load on `POST /sms/generic`: many people texting at once, every answer
//! stored durably in sled (flushed before the reply), as in production.
//!
//! Requests go through the whole axum router in process (JSON parsing,
//! signature-free generic webhook, per-sender lock, engine step, sled write
//! and flush, JSON reply) but not through a TCP socket. Each of the
//! concurrent senders runs complete conversations to the results. Prints
//! turns per second and latency percentiles; BENCHMARKS.md records them.
//!
//! `cargo bench --bench sms` (options: GUICHET_BENCH_SENDERS, default 64;
//! GUICHET_BENCH_SECONDS, default 10).

use axum::body::Body;
use axum::http::Request;
use guichet::channels::generic::signer;
use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::server::routeur;
use guichet::service::Service;
use guichet::situation::Mois;
use guichet::state::AppState;
use guichet::store::SledStore;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

// The allocator the `guichet` binary uses (see src/main.rs).
#[global_allocator]
static ALLOCATEUR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn nov_2026() -> Mois {
    Mois {
        annee: 2026,
        mois: 11,
    }
}

fn reponse(prompt: &Value, n: usize) -> String {
    // Households vary with the sender: couples, children, tenants or not.
    let champ = prompt["field"].as_str().unwrap_or("");
    let s = match champ {
        _ if prompt["kind"] == "ages" => match prompt["fields"].as_array().map(|f| f.len()) {
            Some(1) => "5",
            Some(2) if champ == "demandeur.age" => "34 36",
            Some(2) => "8 4",
            _ => "12 8 4",
        },
        "couple" => {
            if n % 3 == 0 {
                "oui"
            } else {
                "non"
            }
        }
        "nombre_enfants" => ["0", "1", "2", "3"][n % 4],
        "enfants.0.scolarite" => "je sais pas",
        "enfants.0.handicap" => "non",
        "demandeur.age" | "conjoint.age" => "34",
        "logement.statut" => ["1", "2", "3", "4", "5", "6"][n % 6],
        "logement.loyer" => "550",
        "logement.code_postal" => ["75011", "59100", "13001", "31000"][n % 4],
        "demandeur.activite" | "conjoint.activite" => ["1", "3", "6"][n % 3],
        "demandeur.salaire_net" | "conjoint.salaire_net" => "1 100 €",
        "demandeur.chomage_net" | "conjoint.chomage_net" => "800",
        "demandeur.handicap" | "conjoint.handicap" => "1",
        "demandeur.nationalite" | "conjoint.nationalite" => "1",
        _ if prompt["kind"] == "yes_no" => "non",
        _ => "je sais pas",
    };
    s.to_string()
}

fn main() {
    // `cargo test --all-targets` runs this file without `--bench`: a short
    // smoke run then, so that tests stay fast while the code path is checked.
    let mesure = std::env::args().any(|a| a == "--bench");
    let (defaut_exp, defaut_sec) = if mesure { (64, 10) } else { (4, 1) };
    let expediteurs: usize = std::env::var("GUICHET_BENCH_SENDERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(defaut_exp);
    let secondes: u64 = std::env::var("GUICHET_BENCH_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(defaut_sec);
    let dossier = tempfile::tempdir().unwrap();
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let mut service = Service::nouveau(
        moteur,
        Box::new(SledStore::ouvrir(dossier.path()).unwrap()),
        b"bench".to_vec(),
    );
    // Each simulated sender texts without pause, far above what flood
    // control lets one person send: the benchmark measures the step.
    service.flot_par_minute = 0;
    let app = routeur(
        Arc::new(AppState {
            service: Arc::new(service),
            mois_courant: nov_2026,
            // Signed as in production (the HMAC is part of the cost).
            secret_sms_generique: Some(b"bench".to_vec()),
            sms: Default::default(),
            boite: None,
            evaluation: Default::default(),
        }),
        1 << 20,
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let fin = Instant::now() + Duration::from_secs(secondes);
    let debut = Instant::now();
    let (latences, conversations) = rt.block_on(async {
        let mut taches = Vec::new();
        for n in 0..expediteurs {
            let app = app.clone();
            taches.push(tokio::spawn(async move {
                let from = format!("+3361{n:07}");
                let mut latences = Vec::new();
                let mut conversations = 0u64;
                let mut texte = "Bonjour".to_string();
                let mut k = 0u64;
                while Instant::now() < fin {
                    k += 1;
                    let corps =
                        json!({"from": from, "text": texte, "id": format!("{n}-{k}")}).to_string();
                    let t = Instant::now();
                    let r = app
                        .clone()
                        .oneshot(
                            Request::post("/sms/generic")
                                .header("content-type", "application/json")
                                .header("X-Guichet-Signature", signer(b"bench", corps.as_bytes()))
                                .body(Body::from(corps))
                                .unwrap(),
                        )
                        .await
                        .unwrap();
                    let octets = r.into_body().collect().await.unwrap().to_bytes();
                    latences.push(t.elapsed());
                    let v: Value = serde_json::from_slice(&octets).unwrap();
                    if std::env::var("GUICHET_BENCH_TRACE").is_ok() {
                        eprintln!("{texte:?} -> {}", v["prompt"]["field"]);
                    }
                    texte = if v["prompt"].is_null() {
                        conversations += 1;
                        "RECOMMENCER".into()
                    } else {
                        reponse(&v["prompt"], n + conversations as usize)
                    };
                }
                (latences, conversations)
            }));
        }
        let mut tout = Vec::new();
        let mut conv = 0;
        for t in taches {
            let (l, c) = t.await.unwrap();
            tout.extend(l);
            conv += c;
        }
        (tout, conv)
    });
    let duree = debut.elapsed().as_secs_f64();
    let mut l = latences;
    l.sort();
    let pc = |p: f64| l[((l.len() as f64 * p) as usize).min(l.len() - 1)];
    println!(
        "sms_generic/charge ({expediteurs} expéditeurs simultanés, sled avec flush, {secondes} s)"
    );
    println!(
        "  tours traités      : {} ({:.0} tours/s)",
        l.len(),
        l.len() as f64 / duree
    );
    println!("  conversations finies : {conversations}");
    println!(
        "  latence p50        : {:.2} ms",
        pc(0.50).as_secs_f64() * 1000.0
    );
    println!(
        "  latence p90        : {:.2} ms",
        pc(0.90).as_secs_f64() * 1000.0
    );
    println!(
        "  latence p99        : {:.2} ms",
        pc(0.99).as_secs_f64() * 1000.0
    );
    println!(
        "  latence max        : {:.2} ms",
        l.last().unwrap().as_secs_f64() * 1000.0
    );
}
