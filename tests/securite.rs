//! The real binary, as an operator starts it: with the shipped
//! `config.toml` every webhook is off and unsigned messages get 4xx; a
//! provider configured without its authentication stops `serve` unless
//! `--insecure-webhooks` (which warns on every request); 20,000 situations
//! sent to `/api/v1/evaluate` are refused without the memory the reviewer
//! saw; SIGTERM stops the service cleanly.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::time::{Duration, Instant};

fn port_libre() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Service {
    enfant: Child,
    port: u16,
    journal: PathBuf,
    _dossier: tempfile::TempDir,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.enfant.kill();
        let _ = self.enfant.wait();
    }
}

/// Starts `guichet serve` with this configuration text (the shipped file
/// when `None`) and extra flags; its log goes to a file.
fn lancer(config: Option<&str>, drapeaux: &[&str]) -> (Child, u16, PathBuf, tempfile::TempDir) {
    let dossier = tempfile::tempdir().unwrap();
    let chemin = match config {
        Some(texte) => {
            let c = dossier.path().join("config.toml");
            std::fs::write(&c, texte).unwrap();
            c
        }
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml"),
    };
    let port = port_libre();
    let journal = dossier.path().join("journal.txt");
    let enfant = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--config"])
        .arg(&chemin)
        .arg("--data-dir")
        .arg(dossier.path().join("data"))
        .args(drapeaux)
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        // The log goes to stdout, errors before start-up to stderr: both
        // into the file.
        .stdout(std::fs::File::create(&journal).unwrap())
        .stderr(std::fs::File::create(journal.with_extension("err")).unwrap())
        .spawn()
        .unwrap();
    (enfant, port, journal, dossier)
}

/// Starts the service and waits until `/health` answers.
fn demarrer(config: Option<&str>, drapeaux: &[&str]) -> Service {
    let (mut enfant, port, journal, dossier) = lancer(config, drapeaux);
    let debut = Instant::now();
    while debut.elapsed() < Duration::from_secs(30) {
        if requete(port, "GET", "/health", "", "").is_ok() {
            return Service {
                enfant,
                port,
                journal,
                _dossier: dossier,
            };
        }
        if let Ok(Some(s)) = enfant.try_wait() {
            panic!("le service s'est arrêté ({s}) : {}", lire_journal(&journal));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("le service n'a pas démarré");
}

/// What the service wrote, log and errors.
fn lire_journal(journal: &Path) -> String {
    let mut t = std::fs::read_to_string(journal).unwrap_or_default();
    t.push_str(&std::fs::read_to_string(journal.with_extension("err")).unwrap_or_default());
    t
}

/// A bare HTTP/1.1 request: status and body.
fn requete(
    port: u16,
    methode: &str,
    chemin: &str,
    type_corps: &str,
    corps: &str,
) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(
        s,
        "{methode} {chemin} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {type_corps}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{corps}",
        corps.len()
    )?;
    let mut r = String::new();
    s.read_to_string(&mut r)?;
    let statut = r
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other("réponse incomplète"))?;
    let corps = r
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((statut, corps))
}

const FORM: &str = "application/x-www-form-urlencoded";

/// The peak resident memory of a process, in MB (`VmHWM`).
fn memoire_max_mo(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let ko: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap();
    ko / 1024
}

/// Sends SIGTERM and waits for the exit.
fn terminer(s: &mut Service) -> ExitStatus {
    let ok = Command::new("kill")
        .args(["-TERM", &s.enfant.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    attendre_sortie(s)
}

/// Waits for the exit after SIGTERM.
fn attendre_sortie(s: &mut Service) -> ExitStatus {
    let debut = Instant::now();
    while debut.elapsed() < Duration::from_secs(30) {
        if let Some(statut) = s.enfant.try_wait().unwrap() {
            return statut;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("toujours en marche 30 s après SIGTERM");
}

#[test]
fn with_the_shipped_config_every_unsigned_webhook_gets_a_4xx_and_nothing_is_stored() {
    let s = demarrer(None, &[]);
    let p = s.port;
    // The reviewer's requests: read someone's results by sending her
    // number, a fake STOP, a paid SMS to +44.
    let essais = [
        (
            "POST",
            "/sms/generic",
            "application/json",
            r#"{"from": "+33612345678", "text": "Bonjour", "id": "x1"}"#,
        ),
        (
            "POST",
            "/sms/mtarget",
            FORM,
            "Msisdn=%2B33612345678&Content=Stop&Keyword=Stop",
        ),
        (
            "GET",
            "/sms/vonage?msisdn=447700900123&to=2020&text=Bonjour&messageId=v1",
            FORM,
            "",
        ),
        (
            "POST",
            "/sms/twilio",
            FORM,
            "MessageSid=SM1&From=%2B447700900123&To=%2B33939000000&Body=Bonjour",
        ),
    ];
    for (methode, chemin, type_corps, corps) in essais {
        let (statut, r) = requete(p, methode, chemin, type_corps, corps).unwrap();
        assert!(
            (400..500).contains(&statut),
            "{methode} {chemin}: {statut} {r}"
        );
    }
    let journal = lire_journal(&s.journal);
    assert!(
        journal.contains("désactivé") && journal.contains("[sms.generic] secret"),
        "start-up says which channels are off and what to set: {journal}"
    );
    assert!(journal.contains("+33 +262"), "{journal}");
}

#[test]
fn a_provider_configured_without_its_authentication_stops_serve_unless_insecure() {
    let config = "[sms.vonage]\napi_key = \"cle\"\napi_secret = \"secret\"\napi_url = \"http://127.0.0.1:9\"\n";
    let (mut enfant, _, journal, _dossier) = lancer(Some(config), &[]);
    let statut = enfant.wait().unwrap();
    assert_eq!(statut.code(), Some(2));
    let e = lire_journal(&journal);
    assert!(
        e.contains("signature_secret") && e.contains("--insecure-webhooks"),
        "{e}"
    );
    // Asked for explicitly: served, with a warning at start-up and on every
    // request.
    let s = demarrer(Some(config), &["--insecure-webhooks"]);
    let (statut, r) = requete(
        s.port,
        "GET",
        "/sms/vonage?msisdn=33612345678&to=2020&text=Bonjour&messageId=v1",
        FORM,
        "",
    )
    .unwrap();
    assert_eq!(statut, 200, "{r}");
    let journal = lire_journal(&s.journal);
    assert!(journal.contains("--insecure-webhooks : "), "{journal}");
    assert!(
        journal.contains("webhook accepté SANS authentification"),
        "{journal}"
    );
}

#[test]
fn twenty_thousand_situations_are_refused_and_memory_stays_under_400_mb() {
    let s = demarrer(None, &[]);
    let corps = format!("[{}]", vec!["{}"; 20_000].join(","));
    // Two at once, as in the review, and /health meanwhile.
    let (a, b) = std::thread::scope(|t| {
        let a = t.spawn(|| {
            requete(
                s.port,
                "POST",
                "/api/v1/evaluate",
                "application/json",
                &corps,
            )
            .unwrap()
        });
        let b = t.spawn(|| {
            requete(
                s.port,
                "POST",
                "/api/v1/evaluate",
                "application/json",
                &corps,
            )
            .unwrap()
        });
        assert_eq!(requete(s.port, "GET", "/health", "", "").unwrap().0, 200);
        (a.join().unwrap(), b.join().unwrap())
    });
    for (statut, r) in [a, b] {
        assert_eq!(statut, 413, "{r}");
        assert!(r.contains("au plus 100"), "{r}");
    }
    let mo = memoire_max_mo(s.enfant.id());
    assert!(mo < 400, "peak resident memory {mo} MB");
}

#[test]
fn sigterm_lets_the_service_finish_and_exit_cleanly() {
    let mut s = demarrer(None, &[]);
    assert_eq!(requete(s.port, "GET", "/health", "", "").unwrap().0, 200);
    let statut = terminer(&mut s);
    assert!(statut.success(), "{statut}");
    let journal = lire_journal(&s.journal);
    assert!(journal.contains("arrêt demandé"), "{journal}");
    assert!(journal.contains("requêtes en cours terminées"), "{journal}");
}

#[test]
fn sigterm_waits_for_a_request_half_sent_and_json_logs_name_nobody() {
    let config = "[server]\nlogs = \"json\"\nmetrics_token = \"jeton-metriques\"\n";
    let mut s = demarrer(Some(config), &["--insecure-webhooks"]);
    let corps = r#"{"from": "+33612345678", "text": "Bonjour", "id": "j1"}"#;
    let (statut, _) = requete(s.port, "POST", "/sms/generic", "application/json", corps).unwrap();
    assert_eq!(statut, 200);
    assert_eq!(requete(s.port, "GET", "/metrics", "", "").unwrap().0, 401);

    // A request whose body is half sent when SIGTERM comes: the service
    // waits for it and answers it before it exits.
    let corps = r#"{"from": "+33612345678", "text": "non", "id": "j2"}"#;
    let mut flux = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    flux.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        flux,
        "POST /sms/generic HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
        corps.len(),
        &corps[..10]
    )
    .unwrap();
    flux.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let ok = Command::new("kill")
        .args(["-TERM", &s.enfant.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        s.enfant.try_wait().unwrap().is_none(),
        "exited with a request in flight"
    );
    flux.write_all(corps[10..].as_bytes()).unwrap();
    let mut r = String::new();
    flux.read_to_string(&mut r).unwrap();
    assert!(r.starts_with("HTTP/1.1 200"), "{r}");
    assert!(r.contains("nombre_enfants"), "the step was answered: {r}");
    let statut = attendre_sortie(&mut s);
    assert!(statut.success(), "{statut}");

    let journal = std::fs::read_to_string(&s.journal).unwrap();
    assert!(journal.contains("requêtes en cours terminées"), "{journal}");
    for ligne in journal.lines() {
        let v: serde_json::Value =
            serde_json::from_str(ligne).unwrap_or_else(|e| panic!("{e}: {ligne}"));
        assert!(v["level"].is_string() && v["fields"].is_object(), "{ligne}");
        for secret in ["612345678", "Bonjour", "jeton-metriques"] {
            assert!(!ligne.contains(secret), "{secret:?} in the log: {ligne}");
        }
    }
}
