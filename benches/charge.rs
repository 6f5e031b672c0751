//! Load test of the real service over TCP: `POST /sms/generic` from many
//! senders at once, every turn durable (transaction and flush before the
//! reply), against a bare axum handler measured in the same run.
//!
//! The `guichet` binary is started on a free local port with its data in a
//! temporary directory and `[sms.generic] secret` set (requests are signed,
//! `X-Guichet-Signature`). Keep-alive connections each carry the turns of
//! many senders in turn; a sender answers whatever question it is asked
//! (households vary by sender), and after its results starts again
//! (RECOMMENCER). Phases, printed as a table:
//!
//! 1. size at rest: 1,000 senders each finish one conversation; then `du`
//!    of `data_dir` divided by 1,000;
//! 2. the bare axum handler (parses the JSON body, answers a small JSON):
//!    turns per second with the same client;
//! 3. the service, as fast as it goes: turns per second and latency;
//! 4. the service at a fixed rate (GUICHET_CHARGE_RYTHME turns per second,
//!    default 2,000): latency measured from
//!    when each request was due (so a stall counts for every request it
//!    delays).
//!
//! 5. with GUICHET_CHARGE_POSTGRES set to a PostgreSQL server's URL (for
//!    example `postgres://postgres@127.0.0.1:5432/postgres`): the service
//!    on PostgreSQL (a fresh database), one instance, then two sharing the
//!    database with the connections spread over both, as fast as it goes.
//!
//! `cargo bench --bench charge` (GUICHET_CHARGE_SECONDS per phase, default
//! 10; GUICHET_CHARGE_CONNEXIONS, default 64; GUICHET_CHARGE_DETAIL prints
//! `du -ab` of the data directory; GUICHET_BIN runs another build of the
//! binary). Under `cargo test --all-targets` it runs a short smoke version.

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SECRET: &[u8] = b"charge";

fn port_libre() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn signer(corps: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(SECRET).unwrap();
    mac.update(corps);
    guichet::store::hex(&mac.finalize().into_bytes())
}

/// What a sender answers to a question (households vary with `n`).
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
    }
}

/// One keep-alive HTTP/1.1 connection.
struct Connexion {
    flux: TcpStream,
    tampon: Vec<u8>,
}

impl Connexion {
    async fn ouvrir(port: u16) -> Connexion {
        let flux = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        flux.set_nodelay(true).unwrap();
        Connexion {
            flux,
            tampon: Vec::with_capacity(16 * 1024),
        }
    }

    /// Posts `corps` to `chemin`; the status and the body.
    async fn poster(&mut self, chemin: &str, corps: &[u8]) -> (u16, Vec<u8>) {
        let tete = format!(
            "POST {chemin} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Guichet-Signature: {}\r\nContent-Length: {}\r\n\r\n",
            signer(corps),
            corps.len()
        );
        let mut requete = tete.into_bytes();
        requete.extend_from_slice(corps);
        self.flux.write_all(&requete).await.unwrap();
        loop {
            if let Some(fin) = self.tampon.windows(4).position(|w| w == b"\r\n\r\n") {
                let tete = String::from_utf8_lossy(&self.tampon[..fin]).to_ascii_lowercase();
                let statut: u16 = tete
                    .split(' ')
                    .nth(1)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                let longueur: usize = tete
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                let total = fin + 4 + longueur;
                while self.tampon.len() < total {
                    self.lire().await;
                }
                let corps = self.tampon[fin + 4..total].to_vec();
                self.tampon.drain(..total);
                return (statut, corps);
            }
            self.lire().await;
        }
    }

    async fn lire(&mut self) {
        let mut morceau = [0u8; 16 * 1024];
        let n = self.flux.read(&mut morceau).await.unwrap();
        assert!(n > 0, "connexion fermée par le serveur");
        self.tampon.extend_from_slice(&morceau[..n]);
    }
}

/// A person texting: their number, what they send next, how many turns.
struct Expediteur {
    n: usize,
    numero: String,
    texte: &'static str,
    tours: u64,
    finies: u64,
}

impl Expediteur {
    fn nouveau(n: usize) -> Expediteur {
        Expediteur {
            n,
            numero: format!("+3361{n:07}"),
            texte: "Bonjour",
            tours: 0,
            finies: 0,
        }
    }

    fn corps(&self) -> Vec<u8> {
        json!({"from": self.numero, "text": self.texte, "id": format!("{}-{}", self.n, self.tours)})
            .to_string()
            .into_bytes()
    }

    fn suite(&mut self, reponse_http: &[u8]) {
        let v: Value = serde_json::from_slice(reponse_http).unwrap_or(Value::Null);
        self.tours += 1;
        self.texte = if v["prompt"].is_null() {
            self.finies += 1;
            "RECOMMENCER"
        } else {
            reponse(&v["prompt"], self.n + self.finies as usize)
        };
    }
}

/// What one phase measured.
struct Mesure {
    tours: usize,
    duree: f64,
    latences: Vec<Duration>,
}

impl Mesure {
    fn debit(&self) -> f64 {
        self.tours as f64 / self.duree
    }

    fn centile(&mut self, p: f64) -> f64 {
        self.latences.sort();
        let i = ((self.latences.len() as f64 * p) as usize).min(self.latences.len() - 1);
        self.latences[i].as_secs_f64() * 1000.0
    }
}

/// Runs `connexions` connections for `duree`, each carrying `par_connexion`
/// senders in turn; `rythme` turns per second in all (`None`: as fast as
/// possible). `chemin` is the route; with `bare` the reply is not read.
async fn phase(
    ports: &[u16],
    chemin: &'static str,
    connexions: usize,
    par_connexion: usize,
    duree: Duration,
    rythme: Option<f64>,
    premier: usize,
) -> Mesure {
    let debut = Instant::now();
    let fin = debut + duree;
    let mut taches = Vec::new();
    for c in 0..connexions {
        // Connections spread over the instances (a load balancer's round robin).
        let port = ports[c % ports.len()];
        taches.push(tokio::spawn(async move {
            let mut connexion = Connexion::ouvrir(port).await;
            let mut expediteurs: Vec<Expediteur> = (0..par_connexion)
                .map(|i| Expediteur::nouveau(premier + c * par_connexion + i))
                .collect();
            let intervalle = rythme.map(|r| Duration::from_secs_f64(connexions as f64 / r));
            // Connections start spread over one interval.
            let mut du = debut
                + intervalle
                    .map(|i| i * c as u32 / connexions as u32)
                    .unwrap_or_default();
            let mut latences = Vec::new();
            let mut k = 0;
            while Instant::now() < fin {
                if intervalle.is_some() {
                    tokio::time::sleep_until(du.into()).await;
                }
                let envoi = Instant::now();
                let depart = if intervalle.is_some() { du } else { envoi };
                let e = &mut expediteurs[k % par_connexion];
                let (statut, corps) = connexion.poster(chemin, &e.corps()).await;
                assert_eq!(statut, 200, "{}", String::from_utf8_lossy(&corps));
                latences.push(depart.elapsed());
                e.suite(&corps);
                k += 1;
                if let Some(i) = intervalle {
                    du += i;
                }
            }
            latences
        }));
    }
    let mut latences = Vec::new();
    for t in taches {
        latences.extend(t.await.unwrap());
    }
    Mesure {
        tours: latences.len(),
        duree: debut.elapsed().as_secs_f64(),
        latences,
    }
}

/// Every sender of `premier..premier + nombre` finishes one conversation.
async fn finir_conversations(port: u16, connexions: usize, nombre: usize, premier: usize) -> u64 {
    let tours = Arc::new(AtomicU64::new(0));
    let mut taches = Vec::new();
    for c in 0..connexions {
        let tours = tours.clone();
        taches.push(tokio::spawn(async move {
            let mut connexion = Connexion::ouvrir(port).await;
            for n in (c..nombre).step_by(connexions) {
                let mut e = Expediteur::nouveau(premier + n);
                while e.finies == 0 && e.tours < 60 {
                    let (statut, corps) = connexion.poster("/sms/generic", &e.corps()).await;
                    assert_eq!(statut, 200, "{}", String::from_utf8_lossy(&corps));
                    e.suite(&corps);
                }
                assert_eq!(e.finies, 1, "sender {n} never reached the results");
                tours.fetch_add(e.tours, Ordering::Relaxed);
            }
        }));
    }
    for t in taches {
        t.await.unwrap();
    }
    tours.load(Ordering::Relaxed)
}

/// Starts the service; on PostgreSQL when `postgres` names a database.
fn demarrer(port: u16, dossier: &Path, postgres: Option<&str>) -> Child {
    std::fs::create_dir_all(dossier).unwrap();
    let config = dossier.join("config.toml");
    let mut texte = "[sms]\nflood_per_minute = 0\n[sms.generic]\nsecret = \"charge\"\n[conversation]\nsecret = \"charge-bench\"\n".to_string();
    if let Some(url) = postgres {
        texte.push_str(&format!("[store]\nurl = \"{url}\"\n"));
    }
    std::fs::write(&config, texte).unwrap();
    // GUICHET_BIN: another build of the binary, to compare two versions
    // with the same client.
    let binaire =
        std::env::var("GUICHET_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_guichet").into());
    let enfant = Command::new(binaire)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--config"])
        .arg(&config)
        .arg("--data-dir")
        .arg(dossier.join("data"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let debut = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            debut.elapsed() < Duration::from_secs(60),
            "le service n'a pas démarré"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    enfant
}

/// A new empty database on the PostgreSQL server at `serveur`; its URL.
async fn base_neuve(serveur: &str) -> String {
    let (client, connexion) = tokio_postgres::connect(serveur, tokio_postgres::NoTls)
        .await
        .expect("GUICHET_CHARGE_POSTGRES answers");
    tokio::spawn(connexion);
    let nom = format!("guichet_charge_{}", guichet::clock::maintenant_secondes());
    let nom = format!("{nom}_{}", std::process::id() ^ (port_libre() as u32));
    client
        .batch_execute(&format!("CREATE DATABASE {nom}"))
        .await
        .unwrap();
    let mut u = url::Url::parse(serveur).unwrap();
    u.set_path(&nom);
    u.to_string()
}

/// Disk usage of a directory in bytes (`du -sk`, blocks actually used).
fn du(dossier: &Path) -> u64 {
    let sortie = Command::new("du").arg("-sk").arg(dossier).output().unwrap();
    String::from_utf8_lossy(&sortie.stdout)
        .split_whitespace()
        .next()
        .and_then(|k| k.parse::<u64>().ok())
        .unwrap_or(0)
        * 1024
}

/// CPU time (user + system) of a process so far, in seconds.
fn cpu(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let champs: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, r)| r.split_whitespace().collect())
        .unwrap_or_default();
    // Fields 14 and 15 of stat (utime, stime), in clock ticks of 1/100 s.
    let tic = |i: usize| {
        champs
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (tic(11) + tic(12)) / 100.0
}

/// The bare axum handler: parses the JSON body, answers a small JSON.
fn axum_nu(port: u16) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let app = axum::Router::new().route(
                "/sms/generic",
                axum::routing::post(|corps: axum::body::Bytes| async move {
                    let v: Value = serde_json::from_slice(&corps).unwrap_or(Value::Null);
                    axum::Json(json!({"replies": [{"text": v["text"]}], "prompt": null}))
                }),
            );
            let l = tokio::net::TcpListener::bind(("127.0.0.1", port))
                .await
                .unwrap();
            axum::serve(l, app).await.unwrap();
        });
    })
}

fn main() {
    let mesure = std::env::args().any(|a| a == "--bench");
    let secondes: u64 = std::env::var("GUICHET_CHARGE_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if mesure { 10 } else { 1 });
    let connexions: usize = std::env::var("GUICHET_CHARGE_CONNEXIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if mesure { 64 } else { 4 });
    let taille = if mesure { 1000 } else { 20 };
    let rythme: f64 = std::env::var("GUICHET_CHARGE_RYTHME")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if mesure { 2000.0 } else { 200.0 });
    let duree = Duration::from_secs(secondes);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();

    // 1. Size at rest of finished conversations.
    let dossier = tempfile::tempdir().unwrap();
    let port = port_libre();
    let mut service = demarrer(port, dossier.path(), None);
    let tours_taille = rt.block_on(finir_conversations(port, connexions.min(64), taille, 0));
    service.kill().unwrap();
    service.wait().unwrap();
    let octets = du(&dossier.path().join("data"));
    if std::env::var("GUICHET_CHARGE_DETAIL").is_ok() {
        let _ = Command::new("du")
            .arg("-ab")
            .arg(dossier.path().join("data"))
            .status();
    }

    // 2. The bare axum handler.
    let port_nu = port_libre();
    let _nu = axum_nu(port_nu);
    while std::net::TcpStream::connect(("127.0.0.1", port_nu)).is_err() {
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut nu = rt.block_on(phase(
        &[port_nu],
        "/sms/generic",
        connexions,
        16,
        duree,
        None,
        0,
    ));

    // 3 and 4. The service, on a fresh data directory.
    let dossier = tempfile::tempdir().unwrap();
    let port = port_libre();
    let mut service = demarrer(port, dossier.path(), None);
    let cpu_avant = cpu(service.id());
    let mut max = rt.block_on(phase(
        &[port],
        "/sms/generic",
        connexions,
        16,
        duree,
        None,
        100_000,
    ));
    let cpu_par_tour = (cpu(service.id()) - cpu_avant) / max.tours as f64;
    let mut fixe = rt.block_on(phase(
        &[port],
        "/sms/generic",
        connexions,
        16,
        duree,
        Some(rythme),
        200_000,
    ));
    service.kill().unwrap();
    service.wait().unwrap();

    // 5. PostgreSQL (when GUICHET_CHARGE_POSTGRES names a server): one
    // instance, then two sharing the database, each on a fresh database.
    let postgres: Vec<(usize, Mesure)> = match std::env::var("GUICHET_CHARGE_POSTGRES") {
        Ok(serveur) if !serveur.is_empty() => [1usize, 2]
            .into_iter()
            .map(|instances| {
                let url = rt.block_on(base_neuve(&serveur));
                let dossier = tempfile::tempdir().unwrap();
                let ports: Vec<u16> = (0..instances).map(|_| port_libre()).collect();
                let mut enfants: Vec<Child> = ports
                    .iter()
                    .enumerate()
                    .map(|(i, p)| demarrer(*p, &dossier.path().join(i.to_string()), Some(&url)))
                    .collect();
                let m = rt.block_on(phase(
                    &ports,
                    "/sms/generic",
                    connexions,
                    16,
                    duree,
                    None,
                    300_000,
                ));
                for e in &mut enfants {
                    e.kill().unwrap();
                    e.wait().unwrap();
                }
                (instances, m)
            })
            .collect(),
        _ => Vec::new(),
    };

    println!("charge ({connexions} connexions, 16 expéditeurs chacune, {secondes} s par phase)");
    println!("| mesure | tours/s | p50 | p99 |");
    println!("|---|---|---|---|");
    println!(
        "| axum nu (JSON lu, JSON rendu) | {:.0} | {:.2} ms | {:.2} ms |",
        nu.debit(),
        nu.centile(0.5),
        nu.centile(0.99)
    );
    println!(
        "| /sms/generic, au plus vite | {:.0} ({:.0} % d'axum nu) | {:.2} ms | {:.2} ms |",
        max.debit(),
        100.0 * max.debit() / nu.debit(),
        max.centile(0.5),
        max.centile(0.99)
    );
    println!(
        "| /sms/generic, rythme fixe de {rythme:.0} tours/s | {:.0} | {:.2} ms | {:.2} ms |",
        fixe.debit(),
        fixe.centile(0.5),
        fixe.centile(0.99)
    );
    for (instances, mut m) in postgres {
        println!(
            "| /sms/generic sur PostgreSQL, {instances} instance(s), au plus vite | {:.0} | {:.2} ms | {:.2} ms |",
            m.debit(),
            m.centile(0.5),
            m.centile(0.99)
        );
    }
    println!(
        "CPU du service par tour (au plus vite) : {:.0} µs",
        cpu_par_tour * 1e6
    );
    println!(
        "taille : {taille} conversations finies ({tours_taille} tours) : {} octets dans data_dir, {:.0} octets par conversation",
        octets,
        octets as f64 / taille as f64
    );
}
