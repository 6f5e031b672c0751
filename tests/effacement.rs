//! EFFACER really erases: after it and a restart, nothing of the
//! conversation can be found in `data_dir`, not even in the versions sled's
//! log still holds, because the key that sealed them is gone.
//!
//! The real binary runs with its secret in the environment (kept out of
//! `data_dir`, as the README advises); a person answers a few questions with
//! a distinctive text, asks for a callback, then sends EFFACER. The raw
//! bytes of every file under `data_dir` are then searched for the answer
//! and for the phone number, and the key slots must all be wiped.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SECRET: &str = "un-secret-hors-du-dossier-de-donnees";

fn port_libre() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn demarrer(port: u16, dossier: &Path) -> Child {
    let config = dossier.join("config.toml");
    std::fs::write(
        &config,
        "[sms]\nflood_per_minute = 0\n[sms.generic]\nsecret = \"s\"\n",
    )
    .unwrap();
    let mut enfant = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--config"])
        .arg(&config)
        .arg("--data-dir")
        .arg(dossier.join("data"))
        .env("GUICHET_SECRET", SECRET)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let debut = Instant::now();
    while debut.elapsed() < Duration::from_secs(60) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return enfant;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    let _ = enfant.kill();
    let _ = enfant.wait();
    panic!("le service n'a pas démarré");
}

fn sms(port: u16, texte: &str, id: &str) -> Value {
    let corps = json!({"from": "+33612345678", "text": texte, "id": id}).to_string();
    let signature = guichet::channels::generic::signer(b"s", corps.as_bytes());
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "POST /sms/generic HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Guichet-Signature: {signature}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{corps}",
        corps.len()
    )
    .unwrap();
    let mut r = String::new();
    s.read_to_string(&mut r).unwrap();
    assert!(r.starts_with("HTTP/1.1 200"), "{r}");
    serde_json::from_str(r.split_once("\r\n\r\n").unwrap().1).unwrap()
}

/// Every file under `dossier`, read whole.
fn octets(dossier: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dossier).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(octets(&p));
        } else {
            v.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    v
}

fn contient(meule: &[u8], aiguille: &[u8]) -> bool {
    meule.windows(aiguille.len()).any(|w| w == aiguille)
}

#[test]
fn apres_effacer_et_un_redemarrage_rien_ne_se_retrouve_dans_data_dir() {
    let dossier = tempfile::tempdir().unwrap();
    let port = port_libre();
    let mut service = demarrer(port, dossier.path());
    let mut r = sms(port, "Bonjour", "e1");
    // A tenant with one child; the rent is answered with a distinctive
    // text (answers are kept as typed, to be corrected later).
    let mut loyer = false;
    for i in 0..25 {
        let champ = r["prompt"]["field"].as_str().unwrap_or("").to_string();
        let texte = match champ.as_str() {
            "couple" => "non",
            "nombre_enfants" => "1",
            "demandeur.age" => "31",
            "logement.statut" => "1",
            "logement.loyer" => "Zanzibar 612 euros",
            "logement.code_postal" => "75011",
            "demandeur.activite" => "1",
            "demandeur.salaire_net" => "1000",
            "demandeur.nationalite" => "1",
            c if c.ends_with(".age") => "5",
            c if c.ends_with(".scolarite") => "P",
            "" => break,
            _ => "non",
        };
        loyer |= champ == "logement.loyer";
        r = sms(port, texte, &format!("e{}", i + 2));
    }
    assert!(loyer, "the rent question was never asked");
    sms(port, "RAPPEL", "e40");
    let r = sms(port, "EFFACER", "e41");
    assert!(!r["replies"].as_array().unwrap().is_empty());
    service.kill().unwrap();
    service.wait().unwrap();
    let mut service = demarrer(port, dossier.path());
    service.kill().unwrap();
    service.wait().unwrap();
    let donnees = dossier.path().join("data");
    assert!(
        !donnees.join("cle_secrete").exists(),
        "the secret came from the environment: nothing in data_dir"
    );
    for (fichier, contenu) in octets(&donnees) {
        for cherche in [
            &b"Zanzibar"[..],
            b"zanzibar",
            b"612 euros",
            b"33612345678",
            b"612345678",
            b"Bonjour",
        ] {
            assert!(
                !contient(&contenu, cherche),
                "{fichier} contient {:?}",
                String::from_utf8_lossy(cherche)
            );
        }
    }
    // Whatever versions the log keeps, their key is gone: every slot is zero.
    let cles = std::fs::read(donnees.join("cles.bin")).unwrap();
    assert!(cles.iter().all(|o| *o == 0), "a conversation key survived");
}
