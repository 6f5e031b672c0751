//! Two `guichet serve` processes (the real binary) on one PostgreSQL
//! database, as behind a load balancer: every message of every person goes
//! to either instance at random, and is posted again (same id, to either
//! instance) until one acknowledges it, as a provider does.
//!
//! Each person's transcript is first played on an in-process service (in
//! memory): the texts they send and the replies each must get. Played on
//! the two instances, every acknowledged reply must be that one, in order:
//! an acknowledged message lost, applied twice, or applied out of order
//! would change the next reply, and the results at the end.
//!
//! - one instance is killed (SIGKILL) half-way and not restarted;
//! - PostgreSQL is restarted (immediate stop, crash recovery) half-way;
//! - replies through the Vonage outbox: each reply is sent once, though
//!   both instances' workers read the same outbox.
//!
//! Needs `GUICHET_TEST_POSTGRES` (and, for the restart,
//! `GUICHET_TEST_POSTGRES_PG_CTL`), set by `.ci/run`; skipped locally
//! without them.

mod commun;

use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::service::{Message, Service};
use guichet::store::MemoryStore;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The scenarios restart the shared test cluster or load it: one at a time.
static UN_A_LA_FOIS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Each person's conversation: (text sent, replies expected) in order.
type Transcripts = Arc<Vec<Vec<(String, Vec<String>)>>>;

const SECRET_SMS: &str = "secret-sms-instances";
const PERSONNES: usize = 8;

fn port_libre() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn config(url: &str, vonage: Option<&str>) -> String {
    let mut c = format!(
        "[store]\nurl = \"{url}\"\nconnections = 8\n[conversation]\nsecret = \"secret-partage-des-instances\"\n\
         [sms]\nflood_per_minute = 0\n[sms.generic]\nsecret = \"{SECRET_SMS}\"\n"
    );
    if let Some(api) = vonage {
        c.push_str(&format!(
            "[sms.vonage]\napi_key = \"k\"\napi_secret = \"s\"\nfrom = \"guichet\"\napi_url = \"{api}\"\n\
             signature_secret = \"sig\"\nsignature_method = \"md5hash\"\n"
        ));
    }
    c
}

fn demarrer(port: u16, dossier: &Path, config: &str) -> Child {
    std::fs::create_dir_all(dossier).unwrap();
    let chemin = dossier.join("config.toml");
    std::fs::write(&chemin, config).unwrap();
    Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--config"])
        .arg(&chemin)
        .arg("--data-dir")
        .arg(dossier.join("data"))
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
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

/// What a person answers to a question (households vary with `n`).
fn reponse(prompt: &Value, n: usize) -> &'static str {
    let champ = prompt["field"].as_str().unwrap_or("");
    match champ {
        _ if prompt["kind"] == "ages" => match prompt["fields"].as_array().map(|f| f.len()) {
            Some(1) => "5",
            Some(2) if champ == "demandeur.age" => "34 36",
            Some(2) => "8 4",
            _ => "12 8 4",
        },
        "couple" => ["oui", "non", "non"][n % 3],
        "nombre_enfants" => ["0", "1", "2", "3"][n % 4],
        "demandeur.age" | "conjoint.age" => "34",
        "logement.statut" => ["1", "2", "3", "4", "5", "6"][n % 6],
        "logement.loyer" => "550",
        "logement.code_postal" => ["75011", "59100", "13001", "31000"][n % 4],
        "demandeur.activite" | "conjoint.activite" => ["1", "3", "6"][n % 3],
        "demandeur.salaire_net" | "conjoint.salaire_net" => "1 100 €",
        "demandeur.chomage_net" | "conjoint.chomage_net" => "800",
        _ if prompt["kind"] == "yes_no" => "non",
        _ => "je sais pas",
    }
}

fn numero(n: usize) -> String {
    format!("+3367{n:07}")
}

/// A person's whole conversation on one service in memory: (text sent,
/// replies expected), from "Bonjour" to the results.
fn transcript(n: usize) -> Vec<(String, Vec<String>)> {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let s = Service::nouveau(moteur, Box::new(MemoryStore::default()), b"ref".to_vec());
    let num = numero(n);
    let mut texte = "Bonjour".to_string();
    let mut t = Vec::new();
    for k in 0..60 {
        let id = format!("{n}-{k}");
        let sortie = s
            .traiter(&Message {
                canal: "sms",
                expediteur: &num,
                texte: &texte,
                id: Some(&id),
                langue: None,
            })
            .unwrap();
        let replies = sortie
            .messages
            .iter()
            .map(|m| guichet::sms::gsm7::translitterer(m))
            .collect();
        t.push((texte.clone(), replies));
        let invite = serde_json::to_value(&sortie.invite).unwrap();
        if invite.is_null() {
            return t;
        }
        texte = reponse(&invite, n).to_string();
    }
    panic!("person {n} never reached the results");
}

/// A tiny random generator (no need for a crate here).
fn alea(graine: &AtomicU64, max: u64) -> u64 {
    let x = graine
        .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
        .wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (x ^ (x >> 31)) % max
}

/// How a person's message reaches the instances.
#[derive(Clone, Copy, PartialEq)]
enum Canal {
    /// `/sms/generic`: the replies come back in the response.
    Generique,
    /// `/sms/vonage`: the replies go through the outbox.
    Vonage,
}

/// Posts one message to one instance: the status and the body (`None`
/// when the instance does not answer).
async fn poster(
    client: &reqwest::Client,
    canal: Canal,
    port: u16,
    n: usize,
    k: usize,
    texte: &str,
) -> Option<(u16, Value)> {
    let r = match canal {
        Canal::Generique => {
            let corps =
                json!({"from": numero(n), "text": texte, "id": format!("{n}-{k}")}).to_string();
            client
                .post(format!("http://127.0.0.1:{port}/sms/generic"))
                .header("Content-Type", "application/json")
                .header(
                    "X-Guichet-Signature",
                    guichet::channels::generic::signer(SECRET_SMS.as_bytes(), corps.as_bytes()),
                )
                .body(corps)
        }
        Canal::Vonage => {
            let mut p: Vec<(String, String)> = [
                ("msisdn", numero(n).trim_start_matches('+').to_string()),
                ("to", "33939000000".to_string()),
                ("messageId", format!("v-{n}-{k}")),
                ("text", texte.to_string()),
                ("type", "text".to_string()),
                (
                    "timestamp",
                    guichet::clock::maintenant_secondes().to_string(),
                ),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            let sig = guichet::channels::vonage::signature(
                "sig",
                guichet::channels::vonage::Methode::Md5Hash,
                &p,
            );
            p.push(("sig".into(), sig));
            client
                .post(format!("http://127.0.0.1:{port}/sms/vonage"))
                .form(&p)
        }
    };
    let r = r.timeout(Duration::from_secs(20)).send().await.ok()?;
    let statut = r.status().as_u16();
    Some((statut, r.json().await.unwrap_or(Value::Null)))
}

/// Plays every person's transcript on the instances at `ports`; calls
/// `milieu` once half the messages are acknowledged. Returns the failures
/// and how many posts were not acknowledged (and so sent again).
async fn jouer(
    ports: Vec<u16>,
    canal: Canal,
    transcripts: Transcripts,
    milieu: impl FnOnce() + Send + 'static,
) -> (Vec<String>, usize) {
    let client = reqwest::Client::new();
    let total: usize = transcripts.iter().map(Vec::len).sum();
    let acquittes = Arc::new(AtomicUsize::new(0));
    let echecs: Arc<Mutex<Vec<String>>> = Arc::default();
    let refus = Arc::new(AtomicUsize::new(0));
    let graine = Arc::new(AtomicU64::new(guichet::clock::maintenant_secondes()));
    let mut taches = Vec::new();
    for n in 0..transcripts.len() {
        let refus = refus.clone();
        let (client, ports, transcripts, acquittes, echecs, graine) = (
            client.clone(),
            ports.clone(),
            transcripts.clone(),
            acquittes.clone(),
            echecs.clone(),
            graine.clone(),
        );
        taches.push(tokio::spawn(async move {
            for (k, (texte, attendu)) in transcripts[n].iter().enumerate() {
                let debut = Instant::now();
                loop {
                    let port = ports[alea(&graine, ports.len() as u64) as usize];
                    if let Some((200, corps)) = poster(&client, canal, port, n, k, texte).await {
                        if canal == Canal::Generique {
                            let recu: Vec<String> = corps["replies"]
                                .as_array()
                                .map(|r| {
                                    r.iter()
                                        .map(|m| m["text"].as_str().unwrap_or("").to_string())
                                        .collect()
                                })
                                .unwrap_or_default();
                            if recu != *attendu {
                                echecs.lock().unwrap().push(format!(
                                    "personne {n}, message {k} ({texte:?}) : réponse {recu:?}, attendue {attendu:?}"
                                ));
                                return;
                            }
                        }
                        break;
                    }
                    refus.fetch_add(1, Ordering::SeqCst);
                    if debut.elapsed() > Duration::from_secs(90) {
                        echecs
                            .lock()
                            .unwrap()
                            .push(format!("personne {n}, message {k} jamais acquitté"));
                        return;
                    }
                    tokio::time::sleep(Duration::from_millis(30)).await;
                }
                acquittes.fetch_add(1, Ordering::SeqCst);
            }
        }));
    }
    let mut milieu = Some(milieu);
    while taches.iter().any(|t| !t.is_finished()) {
        if milieu.is_some() && acquittes.load(Ordering::SeqCst) >= total / 2 {
            (milieu.take().unwrap())();
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    for t in taches {
        t.await.unwrap();
    }
    assert!(milieu.is_none(), "le milieu n'a jamais été atteint");
    let e = echecs.lock().unwrap().clone();
    (e, refus.load(Ordering::SeqCst))
}

fn transcripts() -> Transcripts {
    Arc::new((0..PERSONNES).map(transcript).collect())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn une_instance_tuee_a_mi_chemin_chaque_conversation_finit_avec_les_bons_resultats() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    let _un = UN_A_LA_FOIS.lock().await;
    let dossier = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let ports = [port_libre(), port_libre()];
    let c = config(&url, None);
    let mut a = demarrer(ports[0], &dossier.path().join("a"), &c);
    let mut b = demarrer(ports[1], &dossier.path().join("b"), &c);
    attendre_sante(&client, ports[0]).await;
    attendre_sante(&client, ports[1]).await;
    let pid_a = a.id();
    let (echecs, refus) = jouer(ports.to_vec(), Canal::Generique, transcripts(), move || {
        // SIGKILL: no chance to finish anything under way.
        let _ = Command::new("kill")
            .args(["-9", &pid_a.to_string()])
            .status();
    })
    .await;
    let _ = a.wait();
    b.kill().unwrap();
    b.wait().unwrap();
    assert!(echecs.is_empty(), "{echecs:#?}");
    assert!(
        refus > 0,
        "the killed instance refused nothing: was it killed?"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgresql_redemarre_sous_le_trafic_aucun_message_acquitte_n_est_perdu() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    let Some(pg_ctl) = std::env::var("GUICHET_TEST_POSTGRES_PG_CTL")
        .ok()
        .filter(|v| !v.is_empty())
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "GUICHET_TEST_POSTGRES_PG_CTL doit être défini en CI"
        );
        eprintln!("GUICHET_TEST_POSTGRES_PG_CTL absent : test sauté");
        return;
    };
    let _un = UN_A_LA_FOIS.lock().await;
    let dossier = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let ports = [port_libre(), port_libre()];
    let c = config(&url, None);
    let a = demarrer(ports[0], &dossier.path().join("a"), &c);
    let b = demarrer(ports[1], &dossier.path().join("b"), &c);
    attendre_sante(&client, ports[0]).await;
    attendre_sante(&client, ports[1]).await;
    let redemarrage = Arc::new(Mutex::new(None));
    let r = redemarrage.clone();
    let (echecs, refus) = jouer(ports.to_vec(), Canal::Generique, transcripts(), move || {
        // Immediate stop: like a crash of the database, then its recovery.
        *r.lock().unwrap() = Some(std::thread::spawn(move || {
            let debut = Instant::now();
            let fait = Command::new("sh")
                .arg("-c")
                .arg(format!("{pg_ctl} restart -m immediate -w >/dev/null"))
                .status()
                .unwrap();
            eprintln!("PostgreSQL redémarré en {:?}", debut.elapsed());
            fait
        }));
    })
    .await;
    let fait = redemarrage.lock().unwrap().take().unwrap().join().unwrap();
    for mut i in [a, b] {
        i.kill().unwrap();
        i.wait().unwrap();
    }
    assert!(fait.success(), "pg_ctl restart a échoué");
    assert!(echecs.is_empty(), "{echecs:#?}");
    eprintln!("{refus} envois refusés pendant le redémarrage, puis acquittés");
}

/// A fake Vonage SMS API (`POST /sms/json`): counts messages per
/// (recipient, text).
async fn faux_vonage() -> (String, Arc<Mutex<HashMap<String, usize>>>) {
    use axum::extract::State;
    type Recus = Arc<Mutex<HashMap<String, usize>>>;
    let recus: Recus = Arc::default();
    async fn envoyer(State(r): State<Recus>, corps: String) -> axum::Json<Value> {
        let p: HashMap<String, String> = form_urlencoded::parse(corps.as_bytes())
            .into_owned()
            .collect();
        let cle = format!(
            "{}|{}",
            p.get("to").cloned().unwrap_or_default(),
            p.get("text").cloned().unwrap_or_default()
        );
        *r.lock().unwrap().entry(cle).or_default() += 1;
        axum::Json(json!({"message-count": "1", "messages": [{"status": "0", "message-id": "m"}]}))
    }
    let app = axum::Router::new()
        .route("/sms/json", axum::routing::post(envoyer))
        .with_state(recus.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (url, recus)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deux_instances_partagent_la_boite_d_envoi_et_chaque_reponse_part_une_fois() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    let _un = UN_A_LA_FOIS.lock().await;
    let (api, recus) = faux_vonage().await;
    let dossier = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let ports = [port_libre(), port_libre()];
    let c = config(&url, Some(&api));
    let a = demarrer(ports[0], &dossier.path().join("a"), &c);
    let b = demarrer(ports[1], &dossier.path().join("b"), &c);
    attendre_sante(&client, ports[0]).await;
    attendre_sante(&client, ports[1]).await;
    let t = transcripts();
    // Every reply text, per recipient, as often as the transcript has it.
    let mut attendu: HashMap<String, usize> = HashMap::new();
    for (n, tr) in t.iter().enumerate() {
        for (_, replies) in tr {
            for r in replies {
                let cle = format!("{}|{r}", numero(n).trim_start_matches('+'));
                *attendu.entry(cle).or_default() += 1;
            }
        }
    }
    // Each person sends their next message once the previous one is
    // acknowledged: the transcript's order is then the service's.
    let (echecs, _) = jouer(ports.to_vec(), Canal::Vonage, t, || {}).await;
    assert!(echecs.is_empty(), "{echecs:#?}");
    let total: usize = attendu.values().sum();
    let debut = Instant::now();
    while recus.lock().unwrap().values().sum::<usize>() < total
        && debut.elapsed() < Duration::from_secs(60)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Both workers had time to send anything twice.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for mut i in [a, b] {
        i.kill().unwrap();
        i.wait().unwrap();
    }
    let recus = recus.lock().unwrap().clone();
    let manquants: Vec<_> = attendu
        .iter()
        .filter(|(k, n)| recus.get(*k).copied().unwrap_or(0) < **n)
        .collect();
    let doubles: Vec<_> = recus
        .iter()
        .filter(|(k, n)| **n > attendu.get(*k).copied().unwrap_or(0))
        .collect();
    assert!(
        manquants.is_empty(),
        "réponses jamais envoyées : {manquants:#?}"
    );
    assert!(
        doubles.is_empty(),
        "réponses envoyées deux fois : {doubles:#?}"
    );
}
