//! Replies through a provider's send API (Vonage) and through Telegram
//! survive `kill -9`: every message the service acknowledged gets its reply,
//! even when the service dies between the conversation and the outbox.
//!
//! The real binary serves on a local port, with its sled store in a
//! temporary directory; fake provider APIs (local axum servers) record what
//! is sent. Several people text at once; each sends its next message only
//! once the previous one was acknowledged and answered, and sends again
//! (same provider id) what was not acknowledged, as providers do. The
//! service is killed (SIGKILL) ten times at random moments and restarted.
//! A message acknowledged but never answered fails the test.
//!
//! The last test sends the four parts of many long SMS all at once: every
//! part is acknowledged and every message is answered.

use axum::extract::State;
use axum::routing::post;
use guichet::channels::vonage;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Replies received by a fake provider, per recipient.
type Recus = Arc<Mutex<HashMap<String, usize>>>;

fn port_libre() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A fake Vonage SMS API (`POST /sms/json`): counts messages per recipient.
async fn faux_vonage() -> (String, Recus) {
    let recus: Recus = Arc::default();
    async fn envoyer(State(r): State<Recus>, corps: String) -> axum::Json<Value> {
        let p: HashMap<String, String> = form_urlencoded::parse(corps.as_bytes())
            .into_owned()
            .collect();
        *r.lock()
            .unwrap()
            .entry(p.get("to").cloned().unwrap_or_default())
            .or_default() += 1;
        axum::Json(json!({"message-count": "1", "messages": [{"status": "0", "message-id": "m"}]}))
    }
    let app = axum::Router::new()
        .route("/sms/json", post(envoyer))
        .with_state(recus.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (url, recus)
}

/// A fake Telegram Bot API: counts `sendMessage` calls per chat.
async fn faux_telegram() -> (String, Recus) {
    let recus: Recus = Arc::default();
    async fn api(
        State(r): State<Recus>,
        axum::extract::Path((_bot, methode)): axum::extract::Path<(String, String)>,
        corps: String,
    ) -> axum::Json<Value> {
        let v: Value = serde_json::from_str(&corps).unwrap_or(Value::Null);
        if !methode.eq_ignore_ascii_case("sendmessage") {
            return axum::Json(json!({"ok": true, "result": true}));
        }
        let chat = v["chat_id"].as_i64().unwrap_or(0);
        *r.lock().unwrap().entry(chat.to_string()).or_default() += 1;
        axum::Json(json!({"ok": true, "result": {
            "message_id": 7, "date": 1_700_000_000,
            "chat": {"id": chat, "type": "private", "first_name": "Samia"},
            "from": {"id": 42, "is_bot": true, "first_name": "Guichet"},
            "text": v["text"]
        }}))
    }
    let app = axum::Router::new()
        .route("/{bot}/{method}", post(api))
        .with_state(recus.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (url, recus)
}

fn demarrer(port: u16, dossier: &Path, config: &str) -> Child {
    let chemin = dossier.join("config.toml");
    std::fs::write(&chemin, config).unwrap();
    Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--config"])
        .arg(&chemin)
        .arg("--data-dir")
        .arg(dossier.join("data"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn attendre_sante(client: &reqwest::Client, port: u16) {
    let debut = Instant::now();
    while debut.elapsed() < Duration::from_secs(60) {
        if client
            .get(format!("http://127.0.0.1:{port}/health"))
            .send()
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    panic!("le service n'a pas démarré");
}

/// How one channel posts a message: (sender index, message number, text)
/// to a status code, or an error when the service is down.
type Poster = Arc<dyn Fn(usize, u64, String) -> tokio::task::JoinHandle<Option<u16>> + Send + Sync>;

fn poster_vonage(client: reqwest::Client, port: u16) -> Poster {
    Arc::new(move |i, n, texte| {
        let client = client.clone();
        tokio::spawn(async move {
            let maintenant = guichet::clock::maintenant_secondes().to_string();
            let mut p: Vec<(String, String)> = [
                ("msisdn", format!("336100000{i:02}")),
                ("to", "33939000000".to_string()),
                ("messageId", format!("m-{i}-{n}")),
                ("text", texte),
                ("type", "text".to_string()),
                ("timestamp", maintenant),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            let sig = vonage::signature("sig", vonage::Methode::Md5Hash, &p);
            p.push(("sig".into(), sig));
            let r = client
                .post(format!("http://127.0.0.1:{port}/sms/vonage"))
                .form(&p)
                .timeout(Duration::from_secs(10))
                .send()
                .await
                .ok()?;
            Some(r.status().as_u16())
        })
    })
}

fn poster_telegram(client: reqwest::Client, port: u16) -> Poster {
    Arc::new(move |i, n, texte| {
        let client = client.clone();
        tokio::spawn(async move {
            let chat = 5000 + i as i64;
            let update = json!({"update_id": (i as u64) * 100_000 + n, "message": {
                "message_id": n, "date": 1_700_000_000,
                "chat": {"id": chat, "type": "private", "first_name": "Samia"},
                "from": {"id": chat, "is_bot": false, "first_name": "Samia", "language_code": "fr"},
                "text": texte}});
            let r = client
                .post(format!("http://127.0.0.1:{port}/telegram"))
                .header("X-Telegram-Bot-Api-Secret-Token", "secret-de-crash")
                .json(&update)
                .timeout(Duration::from_secs(10))
                .send()
                .await
                .ok()?;
            Some(r.status().as_u16())
        })
    })
}

/// What people type, in turn: any text gets a reply.
const TEXTES: &[&str] = &["Bonjour", "non", "2", "35", "oui", "1", "500", "75011"];

/// A tiny random generator (no need for a crate here).
fn alea(graine: &AtomicU64, max: u64) -> u64 {
    let x = graine
        .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
        .wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (x ^ (x >> 31)) % max
}

/// Ten kills under traffic; returns the failures seen.
async fn dix_kills(
    config: String,
    poster: impl Fn(reqwest::Client, u16) -> Poster,
    recus: Recus,
    destinataire: impl Fn(usize) -> String + Send + Sync + 'static,
    silence: Duration,
) {
    let dossier = tempfile::tempdir().unwrap();
    let port = port_libre();
    let client = reqwest::Client::new();
    let mut service = demarrer(port, dossier.path(), &config);
    attendre_sante(&client, port).await;
    let poster = poster(client.clone(), port);
    let arret = Arc::new(AtomicBool::new(false));
    let echecs: Arc<Mutex<Vec<String>>> = Arc::default();
    let acquittes = Arc::new(AtomicU64::new(0));
    let destinataire = Arc::new(destinataire);
    let personnes: Vec<_> = (0..4)
        .map(|i| {
            let (poster, arret, echecs, recus, acquittes, destinataire) = (
                poster.clone(),
                arret.clone(),
                echecs.clone(),
                recus.clone(),
                acquittes.clone(),
                destinataire.clone(),
            );
            tokio::spawn(async move {
                let qui = destinataire(i);
                let compte = || recus.lock().unwrap().get(&qui).copied().unwrap_or(0);
                let mut n = 0u64;
                while !arret.load(Ordering::SeqCst) {
                    n += 1;
                    let texte = TEXTES[(n as usize - 1) % TEXTES.len()].to_string();
                    let avant = compte();
                    // Sent again until acknowledged, as a provider does.
                    let debut = Instant::now();
                    loop {
                        if let Ok(Some(200)) = poster(i, n, texte.clone()).await {
                            break;
                        }
                        if debut.elapsed() > Duration::from_secs(60) {
                            echecs
                                .lock()
                                .unwrap()
                                .push(format!("{qui} : message {n} jamais acquitté"));
                            return;
                        }
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    acquittes.fetch_add(1, Ordering::SeqCst);
                    // Acknowledged: its reply must come (the service may be
                    // restarting meanwhile), then no more for a while.
                    let debut = Instant::now();
                    while compte() == avant {
                        if debut.elapsed() > Duration::from_secs(30) {
                            echecs
                                .lock()
                                .unwrap()
                                .push(format!("{qui} : message {n} acquitté, jamais répondu"));
                            return;
                        }
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                    let mut vu = compte();
                    let mut calme = Instant::now();
                    while calme.elapsed() < silence {
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        if compte() != vu {
                            vu = compte();
                            calme = Instant::now();
                        }
                    }
                }
            })
        })
        .collect();
    let graine = AtomicU64::new(guichet::clock::maintenant_secondes());
    for _ in 0..10 {
        tokio::time::sleep(Duration::from_millis(200 + alea(&graine, 1200))).await;
        service.kill().unwrap();
        service.wait().unwrap();
        service = demarrer(port, dossier.path(), &config);
        attendre_sante(&client, port).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    arret.store(true, Ordering::SeqCst);
    for p in personnes {
        p.await.unwrap();
    }
    service.kill().unwrap();
    service.wait().unwrap();
    let echecs = echecs.lock().unwrap();
    assert!(echecs.is_empty(), "{echecs:#?}");
    assert!(
        acquittes.load(Ordering::SeqCst) >= 8,
        "too little traffic to prove anything"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vonage_dix_kill_9_chaque_message_acquitte_recoit_sa_reponse() {
    let (api, recus) = faux_vonage().await;
    let config = format!(
        "[conversation]\nsecret = \"crash\"\n[sms]\nflood_per_minute = 0\n[sms.vonage]\napi_key = \"k\"\napi_secret = \"s\"\nfrom = \"guichet\"\napi_url = \"{api}\"\nsignature_secret = \"sig\"\nsignature_method = \"md5hash\"\n"
    );
    dix_kills(
        config,
        poster_vonage,
        recus,
        |i| format!("336100000{i:02}"),
        Duration::from_millis(300),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_dix_kill_9_chaque_update_acquitte_recoit_sa_reponse() {
    let (api, recus) = faux_telegram().await;
    let config = format!(
        "[conversation]\nsecret = \"crash\"\n[sms]\nflood_per_minute = 0\n[telegram]\ntoken = \"1:crash\"\nmode = \"webhook\"\nwebhook_secret = \"secret-de-crash\"\napi_url = \"{api}\"\n"
    );
    // Telegram allows one message a second in a chat: a reply of several
    // messages takes that long to arrive in full.
    dix_kills(
        config,
        poster_telegram,
        recus,
        |i| (5000 + i).to_string(),
        Duration::from_millis(1300),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn les_parties_d_un_long_sms_arrivees_ensemble_ne_se_perdent_pas() {
    let (api, recus) = faux_vonage().await;
    let config = format!(
        "[conversation]\nsecret = \"crash\"\n[sms]\nflood_per_minute = 0\n[sms.vonage]\napi_key = \"k\"\napi_secret = \"s\"\nfrom = \"guichet\"\napi_url = \"{api}\"\nsignature_secret = \"sig\"\nsignature_method = \"md5hash\"\n"
    );
    let dossier = tempfile::tempdir().unwrap();
    let port = port_libre();
    let client = reqwest::Client::new();
    let mut service = demarrer(port, dossier.path(), &config);
    attendre_sante(&client, port).await;
    const PARTIES: [&str; 4] = ["Bon", "jour", " à ", "vous"];
    let mut envois = Vec::new();
    for i in 0..20 {
        for (k, texte) in PARTIES.iter().enumerate() {
            let client = client.clone();
            envois.push(tokio::spawn(async move {
                let mut p: Vec<(String, String)> = [
                    ("msisdn", format!("336200000{i:02}")),
                    ("to", "33939000000".to_string()),
                    ("messageId", format!("p-{i}-{k}")),
                    ("text", texte.to_string()),
                    ("type", "text".to_string()),
                    ("concat", "true".to_string()),
                    ("concat-ref", format!("{}", 10 + i)),
                    ("concat-total", "4".to_string()),
                    ("concat-part", (k + 1).to_string()),
                    (
                        "timestamp",
                        guichet::clock::maintenant_secondes().to_string(),
                    ),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
                let sig = vonage::signature("sig", vonage::Methode::Md5Hash, &p);
                p.push(("sig".into(), sig));
                client
                    .post(format!("http://127.0.0.1:{port}/sms/vonage"))
                    .form(&p)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }));
        }
    }
    for e in envois {
        assert_eq!(e.await.unwrap(), 200);
    }
    let debut = Instant::now();
    let manquants = loop {
        let r = recus.lock().unwrap().clone();
        let manquants: Vec<usize> = (0..20)
            .filter(|i| !r.contains_key(&format!("336200000{i:02}")))
            .collect();
        if manquants.is_empty() || debut.elapsed() > Duration::from_secs(30) {
            break manquants;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    service.kill().unwrap();
    service.wait().unwrap();
    assert!(manquants.is_empty(), "long SMS perdus : {manquants:?}");
}
