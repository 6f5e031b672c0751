//! Killed with `kill -9` at any moment and restarted, the service has lost
//! no answer that got a reply.
//!
//! The real binary serves on a local port with its sled store in a temporary
//! directory. Five people text `/sms/generic` without pause; the service is
//! killed (SIGKILL, no shutdown) after a random delay, three times. After
//! each restart, every person sends again the last message that got a
//! reply, with the same provider id: the service must recognise it (same
//! replies, `duplicate: true`), which proves that the answer and its reply
//! were on disk. Then the conversations go on where they stood.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn port_libre() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn demarrer(port: u16, donnees: &Path) -> Child {
    let config = donnees.join("config.toml");
    // The generic webhook is signed, as serve requires; five people texting
    // without pause are far above flood control, which is not tested here.
    std::fs::write(
        &config,
        "[conversation]\nsecret = \"crash-test\"\n[sms]\nflood_per_minute = 0\n[sms.generic]\nsecret = \"crash-generic\"\n",
    )
    .unwrap();
    let mut enfant = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--config"])
        .arg(&config)
        .arg("--data-dir")
        .arg(donnees.join("data"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let debut = Instant::now();
    while debut.elapsed() < Duration::from_secs(30) {
        if requete(port, "GET", "/health", "").is_ok() {
            return enfant;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = enfant.kill();
    let _ = enfant.wait();
    panic!("le service n'a pas démarré");
}

/// A bare HTTP/1.1 request: status and body. The body is signed for
/// `/sms/generic` (`X-Guichet-Signature`).
fn requete(port: u16, methode: &str, chemin: &str, corps: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))?;
    let signature = guichet::channels::generic::signer(b"crash-generic", corps.as_bytes());
    write!(
        s,
        "{methode} {chemin} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Guichet-Signature: {signature}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{corps}",
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

fn sms(port: u16, from: &str, text: &str, id: &str) -> std::io::Result<Value> {
    let (statut, corps) = requete(
        port,
        "POST",
        "/sms/generic",
        &json!({"from": from, "text": text, "id": id}).to_string(),
    )?;
    if statut != 200 {
        return Err(std::io::Error::other(format!("{statut} {corps}")));
    }
    serde_json::from_str(&corps).map_err(std::io::Error::other)
}

/// What a tenant with one child answers to each question.
fn reponse(prompt: &Value) -> String {
    let champ = prompt["field"].as_str().unwrap_or("");
    match champ {
        "couple" => "non",
        "nombre_enfants" => "1",
        "enfants.0.age" => "5",
        "demandeur.age" => "30",
        "logement.statut" => "1",
        "logement.loyer" => "500",
        "logement.code_postal" => "75011",
        "demandeur.activite" => "1",
        "demandeur.salaire_net" => "1000",
        "demandeur.handicap" => "non",
        "demandeur.nationalite" => "1",
        "enfants.0.scolarite" => "P",
        _ => "je sais pas",
    }
    .to_string()
}

/// The last message of a person that got a reply: (id, text, reply).
type Dernier = Option<(String, String, Value)>;

#[test]
fn un_kill_9_ne_perd_aucune_reponse_donnee() {
    let dossier = tempfile::tempdir().unwrap();
    let port = port_libre();
    let personnes: Vec<String> = (0..5).map(|i| format!("+336000000{i:02}")).collect();
    let derniers: Arc<Mutex<Vec<Dernier>>> = Arc::new(Mutex::new(vec![None; personnes.len()]));
    let compteur = Arc::new(Mutex::new(0u64));
    let mut verifies = 0;
    for cycle in 0..3 {
        let mut service = demarrer(port, dossier.path());
        // After a restart: the last replied message of each person is known.
        for (i, from) in personnes.iter().enumerate() {
            let dernier = derniers.lock().unwrap()[i].clone();
            if let Some((id, texte, reponse)) = dernier {
                let r = sms(port, from, &texte, &id).unwrap();
                assert_eq!(
                    r["duplicate"], true,
                    "cycle {cycle}, {from}: {id} perdu : {r}"
                );
                assert_eq!(r["replies"], reponse["replies"], "cycle {cycle}, {from}");
                verifies += 1;
            }
        }
        // Everyone texts as fast as they can; the service dies under them.
        let fils: Vec<_> = personnes
            .iter()
            .enumerate()
            .map(|(i, from)| {
                let from = from.clone();
                let derniers = derniers.clone();
                let compteur = compteur.clone();
                std::thread::spawn(move || {
                    loop {
                        let dernier = derniers.lock().unwrap()[i].clone();
                        let texte = match &dernier {
                            Some((_, _, r)) if !r["prompt"].is_null() => reponse(&r["prompt"]),
                            // Results given (or nothing yet): start again.
                            Some(_) => "RECOMMENCER".to_string(),
                            None => "Bonjour".to_string(),
                        };
                        let id = {
                            let mut c = compteur.lock().unwrap();
                            *c += 1;
                            format!("m{}", *c)
                        };
                        match sms(port, &from, &texte, &id) {
                            Ok(r) => derniers.lock().unwrap()[i] = Some((id, texte, r)),
                            Err(_) => return,
                        }
                    }
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(300 + 200 * cycle));
        service.kill().unwrap(); // SIGKILL
        service.wait().unwrap();
        for f in fils {
            f.join().unwrap();
        }
    }
    let mut service = demarrer(port, dossier.path());
    for (i, from) in personnes.iter().enumerate() {
        let (id, texte, reponse) = derniers.lock().unwrap()[i]
            .clone()
            .expect("au moins une réponse");
        let r = sms(port, from, &texte, &id).unwrap();
        assert_eq!(r["duplicate"], true, "{from}: {id} perdu");
        assert_eq!(r["replies"], reponse["replies"]);
        verifies += 1;
        // The conversation goes on from the stored question.
        if !reponse["prompt"].is_null() {
            let suite = sms(port, from, &self::reponse(&reponse["prompt"]), "apres").unwrap();
            assert_ne!(
                suite["replies"], reponse["replies"],
                "{from}: la conversation n'avance pas"
            );
        }
    }
    service.kill().unwrap();
    service.wait().unwrap();
    assert!(verifies >= 15, "{verifies} vérifications");
    assert!(
        *compteur.lock().unwrap() > 30,
        "trop peu de messages envoyés"
    );
}
