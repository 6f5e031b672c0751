//! Twilio in send-API mode: the service is killed (SIGKILL) while a reply
//! is on its way to the provider; after restart the reply is neither lost
//! nor sent twice.
//!
//! A fake Twilio Messages API runs in the test: it records a message as soon
//! as it receives it, then answers slowly, so the kill lands after Twilio has
//! the message but before guichet knows. On restart the outbox finds the
//! entry still `en_cours`, looks the message up at Twilio, and marks it sent
//! instead of sending it again.

use axum::extract::{Query, State};
use axum::routing::get;
use guichet::channels::twilio;
use std::collections::HashMap;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type Recus = Arc<Mutex<Vec<(String, String, String)>>>; // (sid, to, body)

async fn faux_twilio() -> (String, Recus) {
    let recus: Recus = Arc::new(Mutex::new(Vec::new()));
    async fn creer(State(r): State<Recus>, corps: String) -> axum::Json<serde_json::Value> {
        let p: HashMap<String, String> = form_urlencoded::parse(corps.as_bytes())
            .into_owned()
            .collect();
        let sid = {
            let mut r = r.lock().unwrap();
            let sid = format!("SM{}", r.len());
            r.push((sid.clone(), p["To"].clone(), p["Body"].clone()));
            sid
        };
        // Twilio has the message; its answer is slow to come back.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        axum::Json(serde_json::json!({ "sid": sid }))
    }
    async fn lister(
        State(r): State<Recus>,
        Query(q): Query<HashMap<String, String>>,
    ) -> axum::Json<serde_json::Value> {
        let maintenant = chrono_rfc2822();
        let messages: Vec<_> = r
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, to, _)| Some(to) == q.get("To"))
            .map(|(sid, to, body)| serde_json::json!({"sid": sid, "to": to, "body": body, "date_created": maintenant}))
            .collect();
        axum::Json(serde_json::json!({ "messages": messages }))
    }
    let app = axum::Router::new()
        .route(
            "/2010-04-01/Accounts/AC1/Messages.json",
            get(lister).post(creer),
        )
        .with_state(recus.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (url, recus)
}

/// Now, as Twilio writes dates.
fn chrono_rfc2822() -> String {
    let s = guichet::clock::maintenant_secondes();
    let (a, m, j) = guichet::clock::date_civile((s / 86_400) as i64);
    let mois = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][m as usize - 1];
    let r = s % 86_400;
    format!(
        "Mon, {j:02} {mois} {a} {:02}:{:02}:{:02} +0000",
        r / 3600,
        (r / 60) % 60,
        r % 60
    )
}

fn demarrer(port: u16, dossier: &std::path::Path, api: &str) -> Child {
    let config = dossier.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[conversation]\nsecret = \"k\"\n[sms.twilio]\nauth_token = \"tok\"\npublic_url = \"https://sms.example.fr\"\nmode = \"api\"\naccount_sid = \"AC1\"\nfrom = \"+33939000000\"\napi_url = \"{api}\"\n"
        ),
    )
    .unwrap();
    Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--config"])
        .arg(&config)
        .arg("--data-dir")
        .arg(dossier.join("data"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn attendre_sante(client: &reqwest::Client, port: u16) {
    let debut = Instant::now();
    while debut.elapsed() < Duration::from_secs(30) {
        if client
            .get(format!("http://127.0.0.1:{port}/health"))
            .send()
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("le service n'a pas démarré");
}

async fn sms(client: &reqwest::Client, port: u16, texte: &str, sid: &str) -> u16 {
    let params: Vec<(String, String)> = [
        ("MessageSid", sid),
        ("From", "+33612345678"),
        ("To", "+33939000000"),
        ("Body", texte),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let sig = twilio::signature("tok", "https://sms.example.fr/sms/twilio", &params);
    client
        .post(format!("http://127.0.0.1:{port}/sms/twilio"))
        .header("X-Twilio-Signature", sig)
        .form(&params)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn attendre_nombre(recus: &Recus, n: usize) {
    let debut = Instant::now();
    while recus.lock().unwrap().len() < n && debut.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn un_kill_9_pendant_l_envoi_ne_perd_ni_ne_double() {
    let (api, recus) = faux_twilio().await;
    let dossier = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = reqwest::Client::new();
    let mut service = demarrer(port, dossier.path(), &api);
    attendre_sante(&client, port).await;
    assert_eq!(sms(&client, port, "Bonjour", "SMin1").await, 200);
    // The reply reaches the fake Twilio, whose answer is slow: kill now.
    attendre_nombre(&recus, 1).await;
    service.kill().unwrap();
    service.wait().unwrap();
    assert_eq!(recus.lock().unwrap().len(), 1);
    let mut service = demarrer(port, dossier.path(), &api);
    attendre_sante(&client, port).await;
    // Give the outbox time for several rounds: nothing is sent again.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(recus.lock().unwrap().len(), 1, "the reply was sent twice");
    // The conversation goes on.
    assert_eq!(sms(&client, port, "non", "SMin2").await, 200);
    attendre_nombre(&recus, 2).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    service.kill().unwrap();
    service.wait().unwrap();
    let r = recus.lock().unwrap();
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(r[0].2.starts_with("Bonjour"), "{}", r[0].2);
    assert!(r[1].2.contains("enfants"), "{}", r[1].2);
    assert!(r.iter().all(|(_, to, _)| to == "+33612345678"));
}
