//! End-to-end test of the agent console in headless Chromium, keyboard only:
//! log in, complete a call for a typical household, check the aids shown,
//! run axe-core (no serious or critical WCAG 2 A/AA violation) and save a
//! screenshot as a test artifact.
//!
//! It speaks the W3C WebDriver protocol to `chromedriver` with reqwest (already
//! a dependency), so no browser-automation crate is needed. It runs only when
//! `GUICHET_CHROMEDRIVER` (path of chromedriver) and `GUICHET_AXE` (path of
//! `axe.min.js` from the npm package `axe-core`) are set; otherwise it says so
//! and passes, so that a machine without Chromium still runs the other tests.

use argon2::password_hash::PasswordHasher;
use base64::Engine;
use guichet::agent::{Console, routeur};
use guichet::config::{Agent, CompteAgent};
use guichet::rules::RuleSet;
use guichet::service::Service;
use serde_json::{Value, json};
use std::sync::Arc;

/// Ends the browser and chromedriver however the test ends: a failed
/// assertion would otherwise leave Chromium running without its driver.
struct Pilote {
    processus: std::process::Child,
    port: u16,
    session: Option<String>,
}

impl Drop for Pilote {
    fn drop(&mut self) {
        if let Some(session) = &self.session {
            // Plain blocking HTTP: Drop cannot await, and one request is enough.
            use std::io::{Read, Write};
            if let Ok(mut flux) = std::net::TcpStream::connect(("127.0.0.1", self.port)) {
                let _ = flux.set_read_timeout(Some(std::time::Duration::from_secs(10)));
                let _ = write!(
                    flux,
                    "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
                    self.port
                );
                // One read: the reply's first bytes mean the browser is closed
                // (chromedriver may keep the connection open after it).
                let _ = flux.read(&mut [0u8; 1024]);
            }
        }
        let _ = self.processus.kill();
        let _ = self.processus.wait();
    }
}

struct Navigateur {
    http: reqwest::Client,
    base: String,
}

impl Navigateur {
    async fn appeler(&self, methode: reqwest::Method, chemin: &str, corps: Option<Value>) -> Value {
        let mut r = self.http.request(methode, format!("{}{chemin}", self.base));
        if let Some(c) = corps {
            r = r.json(&c);
        }
        let v: Value = r
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .expect("JSON");
        assert!(v["value"].get("error").is_none(), "WebDriver {chemin}: {v}");
        v["value"].clone()
    }

    async fn script(&self, session: &str, code: &str) -> Value {
        self.appeler(
            reqwest::Method::POST,
            &format!("/session/{session}/execute/sync"),
            Some(json!({"script": code, "args": []})),
        )
        .await
    }

    /// Types keys on whatever has the focus, as a person would.
    async fn taper(&self, session: &str, texte: &str) {
        let mut actions = Vec::new();
        for c in texte.chars() {
            actions.push(json!({"type": "keyDown", "value": c.to_string()}));
            actions.push(json!({"type": "keyUp", "value": c.to_string()}));
        }
        self.appeler(
            reqwest::Method::POST,
            &format!("/session/{session}/actions"),
            Some(json!({"actions": [{"type": "key", "id": "clavier", "actions": actions}]})),
        )
        .await;
    }

    /// Waits (bounded number of polls, no time assertion) until the page at
    /// `chemin_different_de` has been replaced and is fully loaded.
    async fn attendre_page(&self, session: &str, ancienne: &str) -> String {
        for _ in 0..200 {
            let v = self
                .script(session, "return document.readyState + ' ' + location.pathname + location.search + ' ' + (document.querySelector('form[data-question]')||{dataset:{}}).dataset.question;")
                .await;
            let s = v.as_str().unwrap_or("").to_string();
            if s.starts_with("complete ") && s != ancienne {
                return s;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let texte = self
            .script(
                session,
                "return (document.activeElement||{}).id + ' | ' + document.body.innerText;",
            )
            .await;
        panic!("the page did not change from {ancienne}: {texte}");
    }
}

fn hash(mot_de_passe: &str) -> String {
    let params = argon2::Params::new(8, 1, 1, None).unwrap();
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password(mot_de_passe.as_bytes())
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_completes_a_call_with_the_keyboard_only_and_the_page_passes_axe() {
    let (Ok(chromedriver), Ok(axe)) = (
        std::env::var("GUICHET_CHROMEDRIVER"),
        std::env::var("GUICHET_AXE"),
    ) else {
        // CI (.ci/run) installs Chromium and axe-core and sets both: there the
        // test must run, never skip.
        assert!(
            std::env::var("CI").is_err(),
            "CI must set GUICHET_CHROMEDRIVER and GUICHET_AXE (see .ci/run)"
        );
        eprintln!("browser test skipped: set GUICHET_CHROMEDRIVER and GUICHET_AXE to run it");
        return;
    };
    let axe = std::fs::read_to_string(&axe).expect("axe.min.js readable");

    let moteur = guichet::dialogue::Moteur::integre(
        RuleSet::integre().expect("built-in rules load"),
        guichet::dialogue::Reglages::default(),
    )
    .expect("built-in questions and texts load");
    let service = Arc::new(
        Service::nouveau(
            moteur,
            Box::new(guichet::store::MemoryStore::default()),
            b"test".to_vec(),
        )
        .avec_horloge(|| 1_795_000_000),
    );
    let config = Agent {
        users: vec![CompteAgent {
            login: "camille".into(),
            password_hash: hash("mot de passe"),
            // A supervisor: the funnel page is checked at the end.
            role: "superviseur".into(),
        }],
        ..Agent::default()
    };
    // Someone texted RAPPEL: the queue has one request to take.
    for texte in ["Bonjour", "non", "RAPPEL"] {
        service
            .traiter(&guichet::service::Message {
                canal: "sms",
                expediteur: "+33612345678",
                texte,
                id: None,
                langue: None,
            })
            .unwrap();
    }
    let console = Console::nouveau(
        service.clone(),
        &config,
        // The service's own day (the funnel counts the last 7 and 30 days).
        Arc::new(|| 1_795_000_600),
    )
    .unwrap();
    let ecoute = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let adresse = ecoute.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(ecoute, routeur(Arc::new(console))).await });

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut pilote = Pilote {
        port,
        session: None,
        processus: std::process::Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    };
    let nav = Navigateur {
        http: reqwest::Client::new(),
        base: format!("http://127.0.0.1:{port}"),
    };
    let mut pret = false;
    for _ in 0..200 {
        if let Ok(r) = nav.http.get(format!("{}/status", nav.base)).send().await {
            if r.json::<Value>()
                .await
                .is_ok_and(|v| v["value"]["ready"] == true)
            {
                pret = true;
                break;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(pret, "chromedriver never became ready");
    let binaire = std::env::var("GUICHET_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let s = nav
        .appeler(
            reqwest::Method::POST,
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
                "binary": binaire,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1024"]
            }}}})),
        )
        .await;
    let session = s["sessionId"].as_str().expect("a session id").to_string();
    pilote.session = Some(session.clone());
    let axe_sans_violation = |nom: &'static str| {
        let (nav, session, axe) = (&nav, session.clone(), axe.clone());
        async move {
            nav.script(&session, &format!("{axe}\n;return true;")).await;
            let v = nav
                .appeler(
                    reqwest::Method::POST,
                    &format!("/session/{session}/execute/async"),
                    Some(json!({"script": "var fini = arguments[arguments.length - 1]; axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']}).then(function (r) { fini(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.html; }).join(' | '); })); });", "args": []})),
                )
                .await;
            assert_eq!(v, json!([]), "axe on the {nom} page");
        }
    };

    nav.appeler(
        reqwest::Method::POST,
        &format!("/session/{session}/url"),
        Some(json!({"url": format!("http://{adresse}/agent/login")})),
    )
    .await;
    let mut etat = nav.attendre_page(&session, "").await;
    axe_sans_violation("login").await;
    // The login field has the focus: login, Tab, password, Enter.
    nav.taper(&session, "camille\u{E004}mot de passe\u{E007}")
        .await;
    etat = nav.attendre_page(&session, &etat).await;
    assert!(etat.contains(" /agent "), "{etat}");
    // "Commencer un appel" has the focus.
    nav.taper(&session, "\u{E007}").await;
    etat = nav.attendre_page(&session, &etat).await;
    axe_sans_violation("question").await;

    // The answers of tests/transcripts/02_mere_seule.txt: shortcuts for
    // buttons, typed text then Enter otherwise.
    let reponses = [
        ("couple", "N"),
        ("nombre_enfants", "2\u{E007}"),
        ("activite", "1"),
        ("ages_enfants", "7 et 3 ans\u{E007}"),
        ("salaire", "900\u{E007}"),
        ("handicap_foyer", "N"),
        ("age", "31\u{E007}"),
        ("logement", "2"),
        ("loyer", "380\u{E007}"),
        ("code_postal", "59100\u{E007}"),
        ("commune", "1"),
        ("pension_alimentaire", "0\u{E007}"),
        ("enceinte", "N"),
    ];
    for _ in 0..30 {
        let question = etat.rsplit(' ').next().unwrap_or("").to_string();
        if question == "undefined" {
            break;
        }
        let touches = reponses
            .iter()
            .find(|(q, _)| *q == question)
            .map(|(_, t)| *t)
            .unwrap_or_else(|| panic!("unexpected question {question}"));
        nav.taper(&session, touches).await;
        etat = nav.attendre_page(&session, &etat).await;
    }
    let texte = nav
        .script(&session, "return document.body.innerText;")
        .await;
    let texte = texte.as_str().unwrap_or("");
    assert!(texte.contains("Allocation de soutien familial"), "{texte}");
    assert!(texte.contains("403,57 € par mois"), "{texte}");
    assert!(texte.contains("Comment faire la demande"), "{texte}");
    axe_sans_violation("results").await;
    // The Content-Security-Policy lets the page's own style through (the
    // shortcuts above show its script runs too).
    let marge = nav
        .script(
            &session,
            "return getComputedStyle(document.body).marginTop;",
        )
        .await;
    assert_eq!(marge, "0px", "the inline style is applied");

    let capturer = |nom: &'static str| {
        let (nav, session) = (&nav, session.clone());
        async move {
            let png = nav
                .appeler(
                    reqwest::Method::GET,
                    &format!("/session/{session}/screenshot"),
                    None,
                )
                .await;
            let octets = base64::engine::general_purpose::STANDARD
                .decode(png.as_str().unwrap_or(""))
                .expect("a base64 PNG");
            let chemin = match std::env::var("GUICHET_CAPTURE") {
                Ok(c) if nom == "resultats" => c,
                _ => format!(
                    "{}/target/agent-console{}.png",
                    env!("CARGO_MANIFEST_DIR"),
                    if nom == "resultats" {
                        String::new()
                    } else {
                        format!("-{nom}")
                    }
                ),
            };
            std::fs::write(&chemin, octets).expect("screenshot written");
            eprintln!("screenshot: {chemin}");
        }
    };
    capturer("resultats").await;

    // Change an earlier answer with the keyboard: Tab to the rent's
    // "Modifier" link (bounded), Enter, type the new rent, Enter.
    let mut trouve = false;
    for _ in 0..120 {
        nav.taper(&session, "\u{E004}").await;
        let href = nav
            .script(
                &session,
                "return document.activeElement.getAttribute('href') || '';",
            )
            .await;
        if href.as_str().unwrap_or("").ends_with("/modifier/loyer") {
            trouve = true;
            break;
        }
    }
    assert!(trouve, "the rent's Modifier link is reachable with Tab");
    nav.taper(&session, "\u{E007}").await;
    etat = nav.attendre_page(&session, &etat).await;
    assert!(etat.ends_with(" loyer"), "{etat}");
    axe_sans_violation("edit").await;
    capturer("modifier").await;
    nav.taper(&session, "520\u{E007}").await;
    etat = nav.attendre_page(&session, &etat).await;
    let texte = nav
        .script(&session, "return document.body.innerText;")
        .await;
    let texte = texte.as_str().unwrap_or("");
    assert!(texte.contains("Réponse modifiée"), "{texte}");
    assert!(texte.contains("520"), "{texte}");
    assert!(texte.contains("403,57 € par mois"), "{texte}");

    // The print view and the callback queue pass axe too.
    let appel = etat.split(' ').nth(1).unwrap_or("").to_string();
    for (chemin, nom) in [
        (format!("{appel}/imprimer"), "print"),
        ("/agent/rappels".to_string(), "callback queue"),
    ] {
        nav.appeler(
            reqwest::Method::POST,
            &format!("/session/{session}/url"),
            Some(json!({"url": format!("http://{adresse}{chemin}")})),
        )
        .await;
        etat = nav.attendre_page(&session, &etat).await;
        axe_sans_violation(nom).await;
    }
    capturer("rappels").await;
    // Take the request with the keyboard: Tab to "Prendre", Enter.
    let mut trouve = false;
    for _ in 0..60 {
        nav.taper(&session, "\u{E004}").await;
        let texte = nav
            .script(&session, "return document.activeElement.innerText || '';")
            .await;
        if texte.as_str().unwrap_or("").starts_with("Prendre") {
            trouve = true;
            break;
        }
    }
    assert!(trouve, "the Prendre button is reachable with Tab");
    nav.taper(&session, "\u{E007}").await;
    etat = nav.attendre_page(&session, &etat).await;
    assert!(etat.contains(" /agent/appels/"), "{etat}");
    let texte = nav
        .script(&session, "return document.body.innerText;")
        .await;
    let texte = texte.as_str().unwrap_or("");
    assert!(
        texte.contains("Numéro à appeler : 06 12 34 56 78"),
        "{texte}"
    );
    assert!(texte.contains("Réponses données"), "{texte}");
    axe_sans_violation("callback call").await;
    capturer("rappel").await;

    // The funnel: the conversations of this test as aggregate figures,
    // charts drawn as SVG on the server.
    nav.appeler(
        reqwest::Method::POST,
        &format!("/session/{session}/url"),
        Some(json!({"url": format!("http://{adresse}/agent/entonnoir")})),
    )
    .await;
    etat = nav.attendre_page(&session, &etat).await;
    assert!(etat.contains(" /agent/entonnoir "), "{etat}");
    let texte = nav
        .script(&session, "return document.body.innerText;")
        .await;
    let texte = texte.as_str().unwrap_or("");
    assert!(texte.contains("Conversations commencées\t2"), "{texte}");
    assert!(texte.contains("Arrivées aux résultats\t1"), "{texte}");
    assert!(texte.contains("En attente\t"), "{texte}");
    let graphiques = nav
        .script(
            &session,
            "return document.querySelectorAll('svg[role=img] rect').length;",
        )
        .await;
    assert!(graphiques.as_u64().unwrap_or(0) >= 2, "{graphiques}");
    axe_sans_violation("funnel").await;
    capturer("entonnoir").await;
    // `pilote` closes the browser session and chromedriver when dropped.
    drop(pilote);
}
