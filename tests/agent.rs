//! The call-centre console over HTTP: nothing under `/agent` without a
//! session, login with argon2 hashes, CSRF on every form, lockout, logout,
//! a whole call for a typical household, the print view and the callback queue.

use argon2::password_hash::PasswordHasher;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use guichet::agent::envoi::Messagerie;
use guichet::agent::{Console, routeur};
use guichet::channels::sms_outbox::{Boite, Fournisseur};
use guichet::config::{Agent, CompteAgent};
use guichet::rules::RuleSet;
use guichet::service::{Message, Service};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tower::ServiceExt;

const MOT_DE_PASSE: &str = "correct horse battery staple";

/// A cheap argon2id hash (the test does not need a slow one; production
/// hashes come from `guichet hash-password` with the default cost).
fn hash(mot_de_passe: &str) -> String {
    let params = argon2::Params::new(8, 1, 1, None).unwrap();
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password(mot_de_passe.as_bytes())
        .unwrap()
        .to_string()
}

struct Banc {
    app: axum::Router,
    service: Arc<Service>,
    heure: Arc<AtomicU64>,
    config: Agent,
    /// The SMS outbox, when the bench sends SMS (nothing leaves: no worker runs).
    boite: Option<Arc<Boite>>,
}

fn banc() -> Banc {
    banc_avec(false)
}

/// A bench whose console sends SMS through an outbox (Twilio, never called:
/// the messages stay queued, where the test reads them).
fn banc_sms() -> Banc {
    banc_avec(true)
}

fn banc_avec(sms: bool) -> Banc {
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
        users: vec![
            CompteAgent {
                login: "camille".into(),
                password_hash: hash(MOT_DE_PASSE),
                role: "agent".into(),
            },
            CompteAgent {
                login: "dominique".into(),
                password_hash: hash("autre mot de passe"),
                // A supervisor is an agent who also sees the funnel.
                role: "superviseur".into(),
            },
        ],
        ..Agent::default()
    };
    let heure = Arc::new(AtomicU64::new(1_795_000_000));
    let h = heure.clone();
    let console = Console::nouveau(
        service.clone(),
        &config,
        Arc::new(move || h.load(Ordering::SeqCst)),
    )
    .expect("valid configuration");
    let boite = sms.then(|| {
        Arc::new(Boite::nouvelle(
            service.clone(),
            b"test".to_vec(),
            vec![("twilio".into(), Fournisseur::default())],
        ))
    });
    let console = console.avec_messagerie(Messagerie {
        boite: boite.clone(),
        telegram: None,
    });
    Banc {
        app: routeur(Arc::new(console)),
        service,
        heure,
        config,
        boite,
    }
}

struct Reponse {
    status: StatusCode,
    location: String,
    cookies: Vec<String>,
    corps: String,
}

async fn envoyer(app: &axum::Router, req: Request<Body>) -> Reponse {
    let r = app.clone().oneshot(req).await.unwrap();
    let status = r.status();
    let location = r
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let cookies = r
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(String::from))
        .collect();
    let corps =
        String::from_utf8_lossy(&r.into_body().collect().await.unwrap().to_bytes()).into_owned();
    Reponse {
        status,
        location,
        cookies,
        corps,
    }
}

async fn get(app: &axum::Router, chemin: &str, cookie: &str) -> Reponse {
    let mut r = Request::get(chemin);
    if !cookie.is_empty() {
        r = r.header(header::COOKIE, cookie);
    }
    envoyer(app, r.body(Body::empty()).unwrap()).await
}

fn encoder(champs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(champs)
        .finish()
}

async fn post(app: &axum::Router, chemin: &str, cookie: &str, champs: &[(&str, &str)]) -> Reponse {
    let mut r =
        Request::post(chemin).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if !cookie.is_empty() {
        r = r.header(header::COOKIE, cookie);
    }
    envoyer(app, r.body(Body::from(encoder(champs))).unwrap()).await
}

/// The value of `name="csrf"` in a page.
fn csrf(page: &str) -> String {
    let debut =
        page.find(r#"name="csrf" value=""#).expect("a CSRF field") + r#"name="csrf" value=""#.len();
    page[debut..].split('"').next().unwrap().to_string()
}

/// `nom=valeur` of a `Set-Cookie` header.
fn paire(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

/// Opens the login page and posts the form; returns the response and the
/// login CSRF cookie used.
async fn essayer(app: &axum::Router, login: &str, mdp: &str) -> Reponse {
    let page = get(app, "/agent/login", "").await;
    let cookie = paire(&page.cookies[0]);
    post(
        app,
        "/agent/login",
        &cookie,
        &[
            ("login", login),
            ("password", mdp),
            ("csrf", &csrf(&page.corps)),
        ],
    )
    .await
}

/// Logs in; returns the session cookie (`nom=valeur`).
async fn connecter(app: &axum::Router, login: &str, mdp: &str) -> String {
    let r = essayer(app, login, mdp).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.corps);
    paire(&r.cookies[0])
}

#[tokio::test]
async fn pages_without_a_session_redirect_to_the_login_page() {
    let b = banc();
    for chemin in [
        "/agent",
        "/agent/rappels",
        "/agent/appels/abc",
        "/agent/appels/abc/imprimer",
        "/agent/nimporte",
    ] {
        let r = get(&b.app, chemin, "").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{chemin}");
        assert_eq!(r.location, "/agent/login", "{chemin}");
    }
    let r = post(&b.app, "/agent/appels", "", &[("csrf", "x")]).await;
    assert_eq!(r.location, "/agent/login");
    let r = get(&b.app, "/agent", "guichet_agent=jeton-invente").await;
    assert_eq!(r.location, "/agent/login");
}

#[tokio::test]
async fn the_api_without_a_session_answers_401() {
    let b = banc();
    let r = get(&b.app, "/agent/api/rappels", "").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.corps.contains("session requise"), "{}", r.corps);
}

#[tokio::test]
async fn the_login_page_is_labelled_and_carries_a_csrf_token_in_form_and_cookie() {
    let b = banc();
    let r = get(&b.app, "/agent/login", "").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.corps.contains(r#"<label for="login">"#));
    assert!(r.corps.contains(r#"<label for="password">"#));
    assert!(r.corps.contains(r#"<main id="contenu""#));
    let jeton = csrf(&r.corps);
    assert_eq!(paire(&r.cookies[0]), format!("guichet_agent_csrf={jeton}"));
    assert!(r.cookies[0].contains("HttpOnly") && r.cookies[0].contains("SameSite=Strict"));
}

#[tokio::test]
async fn the_right_password_opens_a_session_with_an_httponly_strict_cookie() {
    let b = banc();
    let r = essayer(&b.app, "camille", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location, "/agent");
    let c = &r.cookies[0];
    assert!(c.starts_with("guichet_agent="), "{c}");
    assert!(
        c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Path=/agent"),
        "{c}"
    );
    assert!(!c.contains("Secure"), "plain http in tests: {c}");
    let accueil = get(&b.app, "/agent", &paire(c)).await;
    assert_eq!(accueil.status, StatusCode::OK);
    assert!(accueil.corps.contains("Commencer un appel"));
    assert!(accueil.corps.contains("camille"));
}

#[tokio::test]
async fn behind_an_https_proxy_the_cookie_is_secure() {
    let b = banc();
    let page = get(&b.app, "/agent/login", "").await;
    let req = Request::post("/agent/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, paire(&page.cookies[0]))
        .header("x-forwarded-proto", "https")
        .body(Body::from(encoder(&[
            ("login", "camille"),
            ("password", MOT_DE_PASSE),
            ("csrf", &csrf(&page.corps)),
        ])))
        .unwrap();
    let r = envoyer(&b.app, req).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.cookies[0].contains("; Secure"), "{}", r.cookies[0]);
}

#[tokio::test]
async fn a_wrong_password_or_unknown_login_is_refused_alike() {
    let b = banc();
    let r = essayer(&b.app, "camille", "mauvais").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.corps.contains("Identifiant ou mot de passe incorrect"));
    assert!(r.cookies.iter().all(|c| !c.starts_with("guichet_agent=")));
    let r = essayer(&b.app, "personne", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.corps.contains("Identifiant ou mot de passe incorrect"));
}

#[tokio::test]
async fn a_login_without_the_matching_csrf_token_is_refused() {
    let b = banc();
    let page = get(&b.app, "/agent/login", "").await;
    let cookie = paire(&page.cookies[0]);
    let sans = post(
        &b.app,
        "/agent/login",
        &cookie,
        &[("login", "camille"), ("password", MOT_DE_PASSE)],
    )
    .await;
    assert_eq!(sans.status, StatusCode::FORBIDDEN);
    let faux = post(
        &b.app,
        "/agent/login",
        &cookie,
        &[
            ("login", "camille"),
            ("password", MOT_DE_PASSE),
            ("csrf", "faux"),
        ],
    )
    .await;
    assert_eq!(faux.status, StatusCode::FORBIDDEN);
    let sans_cookie = post(
        &b.app,
        "/agent/login",
        "",
        &[
            ("login", "camille"),
            ("password", MOT_DE_PASSE),
            ("csrf", &csrf(&page.corps)),
        ],
    )
    .await;
    assert_eq!(sans_cookie.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn five_failures_lock_the_login_for_fifteen_minutes_even_with_the_right_password() {
    let b = banc();
    for _ in 0..5 {
        assert_eq!(
            essayer(&b.app, "camille", "mauvais").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let r = essayer(&b.app, "camille", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        r.corps.contains("bloqué pendant encore 15 min"),
        "{}",
        r.corps
    );
    // Another agent is not locked out.
    connecter(&b.app, "dominique", "autre mot de passe").await;
    b.heure.fetch_add(14 * 60, Ordering::SeqCst);
    assert_eq!(
        essayer(&b.app, "camille", MOT_DE_PASSE).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    b.heure.fetch_add(60, Ordering::SeqCst);
    connecter(&b.app, "camille", MOT_DE_PASSE).await;
}

#[tokio::test]
async fn logout_needs_the_csrf_token_and_ends_the_session() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let accueil = get(&b.app, "/agent", &s).await;
    assert_eq!(
        post(&b.app, "/agent/logout", &s, &[("csrf", "faux")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(get(&b.app, "/agent", &s).await.status, StatusCode::OK);
    let r = post(
        &b.app,
        "/agent/logout",
        &s,
        &[("csrf", &csrf(&accueil.corps))],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location, "/agent/login");
    assert!(r.cookies[0].contains("Max-Age=0"));
    assert_eq!(get(&b.app, "/agent", &s).await.location, "/agent/login");
}

#[tokio::test]
async fn an_idle_session_expires() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    b.heure.fetch_add(481 * 60, Ordering::SeqCst);
    assert_eq!(get(&b.app, "/agent", &s).await.location, "/agent/login");
}

/// Starts a call; returns its page path.
async fn commencer(app: &axum::Router, s: &str) -> String {
    let accueil = get(app, "/agent", s).await;
    let r = post(app, "/agent/appels", s, &[("csrf", &csrf(&accueil.corps))]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.corps);
    assert!(r.location.starts_with("/agent/appels/"));
    r.location
}

fn attribut<'a>(page: &'a str, nom: &str) -> Option<&'a str> {
    let motif = format!(r#"{nom}=""#);
    let debut = page.find(&motif)? + motif.len();
    page[debut..].split('"').next()
}

#[tokio::test]
async fn starting_a_call_without_the_csrf_token_is_refused() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    assert_eq!(
        post(&b.app, "/agent/appels", &s, &[]).await.status,
        StatusCode::FORBIDDEN
    );
}

/// Answers, by question id, the questions of Samia's call
/// (tests/transcripts/02_mere_seule.txt) as they come, through buttons and
/// free text; returns the last page and the questions seen.
async fn samia(app: &axum::Router, s: &str, appel: &str) -> (Reponse, Vec<String>) {
    let reponses = [
        ("couple", ("reponse", "N")),
        ("nombre_enfants", ("texte", "2")),
        ("activite", ("reponse", "1")),
        ("ages_enfants", ("texte", "7 et 3 ans")),
        ("salaire", ("texte", "900€")),
        ("handicap_foyer", ("reponse", "N")),
        ("age", ("texte", "31")),
        ("logement", ("reponse", "2")),
        ("loyer", ("texte", "380")),
        ("code_postal", ("texte", "59100")),
        ("commune", ("reponse", "1")),
        ("pension_alimentaire", ("texte", "0")),
        ("enceinte", ("reponse", "N")),
    ];
    let mut page = get(app, appel, s).await;
    let mut vues = Vec::new();
    for _ in 0..30 {
        assert_eq!(page.status, StatusCode::OK);
        let Some(question) = attribut(&page.corps, "data-question").map(String::from) else {
            break;
        };
        assert!(
            page.corps.contains(r#"class="lire""#),
            "the agent wording is shown"
        );
        assert!(page.corps.contains("<progress"), "progress is shown");
        let (champ, valeur) = reponses
            .iter()
            .find(|(q, _)| *q == question)
            .map(|(_, r)| *r)
            .unwrap_or_else(|| panic!("unexpected question {question}: {}", page.corps));
        vues.push(question);
        let r = post(
            app,
            appel,
            s,
            &[("csrf", &csrf(&page.corps)), (champ, valeur)],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.corps);
        page = get(app, appel, s).await;
    }
    (page, vues)
}

#[tokio::test]
async fn a_call_for_a_single_mother_ends_with_her_aids_amounts_and_how_to_apply() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let (page, vues) = samia(&b.app, &s, &appel).await;
    assert!(vues.len() >= 8, "{vues:?}");
    let c = &page.corps;
    assert!(c.contains("Résultats"), "{c}");
    assert!(c.contains("Allocation de soutien familial"), "{c}");
    assert!(c.contains("403,57 € par mois"), "{c}");
    assert!(c.contains("Aide au logement"), "{c}");
    assert!(c.contains("Comment faire la demande"), "{c}");
    assert!(
        c.contains("Situation déclarée") && c.contains("59100"),
        "{c}"
    );

    let imprimer = get(&b.app, &format!("{appel}/imprimer"), &s).await;
    assert_eq!(imprimer.status, StatusCode::OK);
    assert!(
        imprimer.corps.contains("Allocation de soutien familial"),
        "{}",
        imprimer.corps
    );
    assert!(
        !imprimer.corps.contains(r#"name="csrf""#),
        "no form in the print view"
    );
}

#[tokio::test]
async fn in_an_english_call_the_aids_sentences_are_in_english_and_the_console_in_its_own() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let page = get(&b.app, &appel, &s).await;
    let r = post(
        &b.app,
        &appel,
        &s,
        &[("csrf", &csrf(&page.corps)), ("texte", "LANGUE EN")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.corps);
    let (page, _) = samia(&b.app, &s, &appel).await;
    let c = &page.corps;
    // The console's words stay in the agent's language.
    assert!(c.contains("Résultats"), "{c}");
    assert!(c.contains("Comment faire la demande"), "{c}");
    // What the agent reads to the person is in the person's language,
    // marked as such.
    assert!(
        c.contains(r#"<h3 lang="en">Family support allowance (ASF)</h3>"#),
        "{c}"
    );
    assert!(c.contains("You raise your children alone."), "{c}");
    assert!(c.contains("Bank details (RIB)"), "{c}");
    assert!(!c.contains("Allocation de soutien familial"), "{c}");
    assert!(!c.contains("Vous élevez seul(e) vos enfants."), "{c}");
}

#[tokio::test]
async fn back_returns_to_the_previous_question() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let page = get(&b.app, &appel, &s).await;
    let premiere = attribut(&page.corps, "data-question").unwrap().to_string();
    assert!(
        page.corps.contains(r#"data-touche="O""#),
        "yes/no buttons have shortcuts"
    );
    post(
        &b.app,
        &appel,
        &s,
        &[("csrf", &csrf(&page.corps)), ("reponse", "N")],
    )
    .await;
    let page = get(&b.app, &appel, &s).await;
    assert_ne!(attribut(&page.corps, "data-question").unwrap(), premiere);
    post(
        &b.app,
        &appel,
        &s,
        &[("csrf", &csrf(&page.corps)), ("reponse", "RETOUR")],
    )
    .await;
    let page = get(&b.app, &appel, &s).await;
    assert_eq!(attribut(&page.corps, "data-question").unwrap(), premiere);
}

#[tokio::test]
async fn answering_without_the_csrf_token_changes_nothing() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let avant = get(&b.app, &appel, &s).await;
    let r = post(&b.app, &appel, &s, &[("reponse", "N")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let apres = get(&b.app, &appel, &s).await;
    assert_eq!(
        attribut(&avant.corps, "data-question"),
        attribut(&apres.corps, "data-question")
    );
}

#[tokio::test]
async fn another_agent_cannot_see_a_call() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let autre = connecter(&b.app, "dominique", "autre mot de passe").await;
    assert_eq!(
        get(&b.app, &appel, &autre).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&b.app, &format!("{appel}/imprimer"), &autre)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_callback_queue_lists_rappel_requests_with_their_situation() {
    let b = banc();
    for texte in ["bonjour", "oui", "RAPPEL"] {
        b.service
            .traiter(&Message {
                canal: "sms",
                expediteur: "+33612345678",
                texte,
                id: None,
                langue: None,
            })
            .unwrap();
    }
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let page = get(&b.app, "/agent/rappels", &s).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.corps
            .contains("Une demande, les plus anciennes d'abord"),
        "{}",
        page.corps
    );
    assert!(page.corps.contains("SMS"), "{}", page.corps);
    assert!(
        page.corps.contains("+33 6 •• •• •• 78"),
        "the number is shown masked: {}",
        page.corps
    );
    assert!(page.corps.contains("en attente"));
    assert!(
        page.corps.contains("couple"),
        "the situation so far: {}",
        page.corps
    );
    assert!(
        !page.corps.contains("612345678"),
        "the queue never shows a number in full"
    );
    let api = get(&b.app, "/agent/api/rappels", &s).await;
    assert_eq!(api.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&api.corps).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["canal"], "sms");
}

#[tokio::test]
async fn typed_text_wins_over_the_button_sent_along_by_enter() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let page = get(&b.app, &appel, &s).await;
    assert_eq!(attribut(&page.corps, "data-question"), Some("couple"));
    // Enter in the text field submits the first button's value as well.
    post(
        &b.app,
        &appel,
        &s,
        &[
            ("csrf", &csrf(&page.corps)),
            ("reponse", "O"),
            ("texte", "non"),
        ],
    )
    .await;
    let page = get(&b.app, &appel, &s).await;
    assert!(
        page.corps
            .contains("<td><code>couple</code></td><td>false</td>"),
        "{}",
        page.corps
    );
}

#[tokio::test]
async fn the_login_page_keeps_the_csrf_token_the_browser_already_holds() {
    // A second tab, or a request the browser makes by itself, must not
    // invalidate the form already on screen.
    let b = banc();
    let premiere = get(&b.app, "/agent/login", "").await;
    let cookie = paire(&premiere.cookies[0]);
    let seconde = get(&b.app, "/agent/login", &cookie).await;
    assert!(seconde.cookies.is_empty());
    assert_eq!(csrf(&seconde.corps), csrf(&premiere.corps));
    let invente = get(&b.app, "/agent/login", "guichet_agent_csrf=court").await;
    assert_eq!(invente.cookies.len(), 1, "a malformed token is replaced");
}

#[tokio::test]
async fn every_page_forbids_caching_framing_and_foreign_scripts() {
    let b = banc();
    let r = b
        .app
        .clone()
        .oneshot(Request::get("/agent/login").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let h = r.headers();
    assert_eq!(h[header::CACHE_CONTROL], "no-store");
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("script-src 'sha256-"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
}

/// The amount shown for an aid on a results page, e.g. "349 € par mois".
fn montant_affiche(page: &str, aide: &str) -> String {
    let debut = page
        .find(aide)
        .unwrap_or_else(|| panic!("{aide} absent: {page}"));
    let reste = &page[debut..];
    let m = reste.find(r#"class="montant">"#).unwrap() + r#"class="montant">"#.len();
    reste[m..].split('<').next().unwrap().to_string()
}

#[tokio::test]
async fn any_earlier_answer_can_be_changed_and_the_results_follow() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let (page, _) = samia(&b.app, &s, &appel).await;
    assert!(page.corps.contains("Réponses données"), "{}", page.corps);
    let lien = format!("{appel}/modifier/loyer");
    assert!(
        page.corps.contains(&format!(r#"href="{lien}""#)),
        "{}",
        page.corps
    );
    let avant = montant_affiche(&page.corps, "Aide personnalisée au logement");

    let edition = get(&b.app, &lien, &s).await;
    assert_eq!(edition.status, StatusCode::OK);
    assert!(
        edition.corps.contains("Réponse actuelle"),
        "{}",
        edition.corps
    );
    assert!(edition.corps.contains("380"));
    assert_eq!(attribut(&edition.corps, "data-question"), Some("loyer"));

    // Not understood: said on the same page, nothing changed.
    let r = post(
        &b.app,
        &lien,
        &s,
        &[("csrf", &csrf(&edition.corps)), ("texte", "beaucoup")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.corps.contains("Exemple"), "{}", r.corps);
    assert!(r.corps.contains(r#"role="alert""#));

    // Without the CSRF token: refused.
    let r = post(&b.app, &lien, &s, &[("texte", "500")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let r = post(
        &b.app,
        &lien,
        &s,
        &[("csrf", &csrf(&edition.corps)), ("texte", "500")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.corps);
    assert_eq!(r.location, appel);
    let page = get(&b.app, &appel, &s).await;
    assert!(page.corps.contains("Réponse modifiée"), "{}", page.corps);
    let apres = montant_affiche(&page.corps, "Aide personnalisée au logement");
    assert_ne!(avant, apres, "a higher rent changes the housing aid");
    assert!(page.corps.contains("<td>500</td>"), "{}", page.corps);
    // The note is shown once.
    let encore = get(&b.app, &appel, &s).await;
    assert!(!encore.corps.contains("Réponse modifiée"));

    // Owner now: the rent answer is dropped, no housing aid.
    let r = post(
        &b.app,
        &format!("{appel}/modifier/logement"),
        &s,
        &[("csrf", &csrf(&page.corps)), ("reponse", "4")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.corps);
    let page = get(&b.app, &appel, &s).await;
    assert!(page.corps.contains("sont retirées"), "{}", page.corps);
    assert!(
        !page.corps.contains(&lien),
        "the rent is no longer an answer"
    );

    // A question never answered cannot be "changed"; another agent gets nothing.
    assert_eq!(
        get(&b.app, &format!("{appel}/modifier/titre_sejour"), &s)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let autre = connecter(&b.app, "dominique", "autre mot de passe").await;
    assert_eq!(
        get(&b.app, &format!("{appel}/modifier/logement"), &autre)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_summary_goes_by_sms_only_with_the_callers_consent() {
    let b = banc_sms();
    let boite = b.boite.clone().unwrap();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let (page, _) = samia(&b.app, &s, &appel).await;
    assert!(
        page.corps.contains("Envoyer le récapitulatif par SMS"),
        "{}",
        page.corps
    );
    assert!(page.corps.contains(r#"id="consentement""#));
    let action = format!("{appel}/sms");
    let jeton = csrf(&page.corps);

    // No consent ticked: nothing queued, and the agent is told why.
    let r = post(
        &b.app,
        &action,
        &s,
        &[("csrf", &jeton), ("numero", "06 12 34 56 78")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(boite.entrees().unwrap().is_empty());
    let p = get(&b.app, &appel, &s).await;
    assert!(p.corps.contains("cochez la case"), "{}", p.corps);

    // A number that cannot be read.
    post(
        &b.app,
        &action,
        &s,
        &[("csrf", &jeton), ("numero", "12"), ("consentement", "oui")],
    )
    .await;
    assert!(boite.entrees().unwrap().is_empty());
    let p = get(&b.app, &appel, &s).await;
    assert!(p.corps.contains("numéro non reconnu"), "{}", p.corps);

    // With consent: queued in the outbox, the number encrypted there.
    post(
        &b.app,
        &action,
        &s,
        &[
            ("csrf", &jeton),
            ("numero", "06 12 34 56 78"),
            ("consentement", "oui"),
        ],
    )
    .await;
    let sortants = boite.entrees().unwrap();
    assert!(!sortants.is_empty());
    let tout: String = sortants.iter().map(|x| x.texte.clone()).collect();
    assert!(tout.contains("Récapitulatif"), "{tout}");
    assert!(tout.contains("403,57"), "{tout}");
    assert!(sortants.iter().all(|x| !x.numero.contains("612345678")));
    assert_eq!(sortants[0].cle, b.service.cle("sms", "+33612345678"));
    let p = get(&b.app, &appel, &s).await;
    assert!(
        p.corps
            .contains("Récapitulatif envoyé par SMS au +33 6 •• •• •• 78"),
        "{}",
        p.corps
    );

    // Someone who texted STOP to the service gets nothing, consent or not.
    b.service.arreter("sms", "+33698765432").unwrap();
    let n = boite.entrees().unwrap().len();
    post(
        &b.app,
        &action,
        &s,
        &[
            ("csrf", &jeton),
            ("numero", "+33698765432"),
            ("consentement", "oui"),
        ],
    )
    .await;
    assert_eq!(boite.entrees().unwrap().len(), n);
    let p = get(&b.app, &appel, &s).await;
    assert!(p.corps.contains("STOP"), "{}", p.corps);
}

#[tokio::test]
async fn without_an_sms_provider_the_console_says_so() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let (page, _) = samia(&b.app, &s, &appel).await;
    assert!(
        page.corps.contains("L'envoi de SMS n'est pas configuré"),
        "{}",
        page.corps
    );
    let r = post(
        &b.app,
        &format!("{appel}/sms"),
        &s,
        &[
            ("csrf", &csrf(&page.corps)),
            ("numero", "0612345678"),
            ("consentement", "oui"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let p = get(&b.app, &appel, &s).await;
    assert!(p.corps.contains("SMS non envoyé"), "{}", p.corps);
}

fn sms(service: &Service, numero: &str, texte: &str) -> Vec<String> {
    service
        .traiter(&Message {
            canal: "sms",
            expediteur: numero,
            texte,
            id: None,
            langue: None,
        })
        .unwrap()
        .messages
}

#[tokio::test]
async fn an_agent_takes_a_callback_continues_that_conversation_and_the_person_is_told() {
    let b = banc_sms();
    let boite = b.boite.clone().unwrap();
    let numero = "+33612345678";
    // Samia starts by SMS, answers two questions, then asks to be called.
    sms(&b.service, numero, "Bonjour");
    sms(&b.service, numero, "non");
    sms(&b.service, numero, "2");
    sms(&b.service, numero, "RAPPEL");
    assert!(boite.entrees().unwrap().is_empty());

    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let file = get(&b.app, "/agent/rappels", &s).await;
    assert!(file.corps.contains("Prendre"), "{}", file.corps);
    // The request's key is in the form (`name="cle" value="…"`).
    let d = file.corps.find(r#"name="cle" value=""#).unwrap() + r#"name="cle" value=""#.len();
    let cle = file.corps[d..].split('"').next().unwrap().to_string();
    assert_eq!(cle, b.service.cle("sms", numero).0);
    // Without the CSRF token: refused.
    assert_eq!(
        post(&b.app, "/agent/rappels/prendre", &s, &[("cle", &cle)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // An unknown key: nothing to take.
    assert_eq!(
        post(
            &b.app,
            "/agent/rappels/prendre",
            &s,
            &[("csrf", &csrf(&file.corps)), ("cle", "00")]
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let r = post(
        &b.app,
        "/agent/rappels/prendre",
        &s,
        &[("csrf", &csrf(&file.corps)), ("cle", &cle)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.corps);
    let appel = r.location;
    let page = get(&b.app, &appel, &s).await;
    assert!(
        page.corps.contains("Numéro à appeler") && page.corps.contains("06 12 34 56 78"),
        "{}",
        page.corps
    );
    // Her two answers are there, and the dialogue goes on where she stopped.
    assert!(page.corps.contains("Réponses données"), "{}", page.corps);
    assert_ne!(attribut(&page.corps, "data-question"), Some("couple"));
    let file = get(&b.app, "/agent/rappels", &s).await;
    assert!(file.corps.contains("prise par camille"), "{}", file.corps);

    // The agent completes the call; her own conversation moves.
    let (fin, vues) = samia(&b.app, &s, &appel).await;
    assert!(!vues.contains(&"couple".to_string()), "{vues:?}");
    assert!(fin.corps.contains("403,57 € par mois"), "{}", fin.corps);
    let conversation = b.service.conversation("sms", numero).unwrap().unwrap();
    assert!(matches!(
        conversation.etape,
        guichet::dialogue::Etape::Resultats { .. }
    ));
    // Nothing was texted to her while the agent answered.
    assert!(boite.entrees().unwrap().is_empty());

    // Closing the request tells her by SMS, with the summary.
    let r = post(
        &b.app,
        &format!("{appel}/clore"),
        &s,
        &[("csrf", &csrf(&fin.corps))],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let sortants = boite.entrees().unwrap();
    let tout: String = sortants.iter().map(|x| x.texte.clone()).collect();
    assert!(
        tout.contains("un conseiller a traité votre demande"),
        "{tout}"
    );
    assert!(tout.contains("403,57"), "{tout}");
    assert!(sortants.iter().all(|x| x.cle.0 == cle));
    let page = get(&b.app, &appel, &s).await;
    assert!(
        page.corps.contains("La personne est prévenue par SMS"),
        "{}",
        page.corps
    );
    // Handled: the contact is erased, the queue says so.
    let demande = b
        .service
        .rappel(&guichet::store::Cle(cle.clone()))
        .unwrap()
        .unwrap();
    assert!(demande.traitee);
    assert_eq!(demande.contact, None);
    let file = get(&b.app, "/agent/rappels", &s).await;
    assert!(file.corps.contains("traitée"), "{}", file.corps);
    assert!(!file.corps.contains("•• 78"), "{}", file.corps);
}

#[tokio::test]
async fn a_call_survives_a_restart_of_the_console() {
    let b = banc();
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let appel = commencer(&b.app, &s).await;
    let page = get(&b.app, &appel, &s).await;
    post(
        &b.app,
        &appel,
        &s,
        &[("csrf", &csrf(&page.corps)), ("reponse", "N")],
    )
    .await;
    let avant = get(&b.app, &appel, &s).await;
    // A new console over the same store: the agent is still logged in,
    // the call is where it was, and the same CSRF token still works.
    let app = redemarrer(&b);
    let apres = get(&app, &appel, &s).await;
    assert_eq!(apres.status, StatusCode::OK, "{}", apres.corps);
    assert_eq!(
        attribut(&apres.corps, "data-question"),
        attribut(&avant.corps, "data-question")
    );
    assert_eq!(csrf(&apres.corps), csrf(&avant.corps));
    // Logging out there ends the session for good, even after another restart.
    post(&app, "/agent/logout", &s, &[("csrf", &csrf(&apres.corps))]).await;
    let app = redemarrer(&b);
    assert_eq!(get(&app, &appel, &s).await.status, StatusCode::SEE_OTHER);
}

/// A new console over the same store, as after a restart.
fn redemarrer(b: &Banc) -> axum::Router {
    let h = b.heure.clone();
    let console = Console::nouveau(
        b.service.clone(),
        &b.config,
        Arc::new(move || h.load(Ordering::SeqCst)),
    )
    .unwrap();
    routeur(Arc::new(console))
}

#[tokio::test]
async fn a_lockout_survives_a_restart_and_the_store_holds_no_session_token() {
    let b = banc();
    for _ in 0..5 {
        essayer(&b.app, "camille", "faux").await;
    }
    let app = redemarrer(&b);
    let r = essayer(&app, "camille", MOT_DE_PASSE).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.corps);
    b.heure.fetch_add(15 * 60 + 1, Ordering::SeqCst);
    let app = redemarrer(&b);
    let s = connecter(&app, "camille", MOT_DE_PASSE).await;
    let jeton = s.split('=').nth(1).unwrap();
    let stockees = b.service.magasin().entrees("agent_sessions").unwrap();
    assert_eq!(stockees.len(), 1);
    assert_ne!(stockees[0].0, jeton);
    assert!(!String::from_utf8_lossy(&stockees[0].1).contains(jeton));
    // An expired session is not taken back.
    b.heure.fetch_add(481 * 60, Ordering::SeqCst);
    let app = redemarrer(&b);
    assert_eq!(get(&app, "/agent", &s).await.status, StatusCode::SEE_OTHER);
    assert!(
        b.service
            .magasin()
            .entrees("agent_sessions")
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_console_speaks_the_configured_language_and_refuses_an_unknown_one() {
    let b = banc();
    let en = Agent {
        langue: "en".into(),
        ..b.config.clone()
    };
    let console = Console::nouveau(b.service.clone(), &en, Arc::new(|| 1_795_000_000)).unwrap();
    let app = routeur(Arc::new(console));
    let page = get(&app, "/agent/login", "").await;
    assert!(page.corps.contains(r#"<html lang="en">"#), "{}", page.corps);
    assert!(page.corps.contains("Password"), "{}", page.corps);
    let fr = get(&b.app, "/agent/login", "").await;
    assert!(fr.corps.contains("Mot de passe"), "{}", fr.corps);
    let inconnue = Agent {
        langue: "de".into(),
        ..b.config.clone()
    };
    let erreur = Console::nouveau(b.service.clone(), &inconnue, Arc::new(|| 0))
        .err()
        .unwrap();
    assert!(erreur.contains("[agent] langue"), "{erreur}");
}

#[tokio::test]
async fn a_telegram_callback_shows_the_number_the_person_shared() {
    let b = banc();
    for texte in ["bonjour", "RAPPEL"] {
        b.service
            .traiter(&Message {
                canal: "telegram",
                expediteur: "6006",
                texte,
                id: None,
                langue: None,
            })
            .unwrap();
    }
    let cle = b.service.cle("telegram", "6006");
    let s = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let file = get(&b.app, "/agent/rappels", &s).await;
    assert!(file.corps.contains("par Telegram"), "{}", file.corps);
    assert!(b.service.noter_telephone(&cle, "+33612345678").unwrap());
    let file = get(&b.app, "/agent/rappels", &s).await;
    assert!(file.corps.contains("+33 6 •• •• •• 78"), "{}", file.corps);
    let r = post(
        &b.app,
        "/agent/rappels/prendre",
        &s,
        &[("csrf", &csrf(&file.corps)), ("cle", &cle.0)],
    )
    .await;
    let page = get(&b.app, &r.location, &s).await;
    assert!(
        page.corps.contains("Numéro à appeler") && page.corps.contains("06 12 34 56 78"),
        "{}",
        page.corps
    );
    // Without a bot configured, closing says the person could not be told.
    post(
        &b.app,
        &format!("{}/clore", r.location),
        &s,
        &[("csrf", &csrf(&page.corps))],
    )
    .await;
    let page = get(&b.app, &r.location, &s).await;
    assert!(
        page.corps.contains("n'a pas pu être prévenue par Telegram"),
        "{}",
        page.corps
    );
    let demande = b.service.rappel(&cle).unwrap().unwrap();
    assert_eq!((demande.contact, demande.telephone), (None, None));
}

/// The hidden `cle` of the first "take" form of the callback queue.
fn cle_rappel(page: &str) -> String {
    let motif = r#"name="cle" value=""#;
    let debut = page.find(motif).expect("a take form") + motif.len();
    page[debut..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn two_agents_cannot_take_the_same_callback() {
    let b = banc();
    for texte in ["bonjour", "RAPPEL"] {
        b.service
            .traiter(&Message {
                canal: "sms",
                expediteur: "+33612345678",
                texte,
                id: None,
                langue: None,
            })
            .unwrap();
    }
    let camille = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let dominique = connecter(&b.app, "dominique", "autre mot de passe").await;
    // Both open the queue before either takes the request.
    let page_c = get(&b.app, "/agent/rappels", &camille).await.corps;
    let page_d = get(&b.app, "/agent/rappels", &dominique).await.corps;
    let cle = cle_rappel(&page_c);
    let r = post(
        &b.app,
        "/agent/rappels/prendre",
        &camille,
        &[("csrf", &csrf(&page_c)), ("cle", &cle)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.corps);
    let r = post(
        &b.app,
        "/agent/rappels/prendre",
        &dominique,
        &[("csrf", &csrf(&page_d)), ("cle", &cle)],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.corps);
    assert!(r.corps.contains("un autre agent"), "{}", r.corps);
}

#[test]
fn a_burst_of_concurrent_logins_never_gets_more_than_five_passwords_tried() {
    use guichet::agent::session::{ECHECS_MAX, Gardien, Refus};
    // A hash of the production cost: each verification takes long enough
    // for the burst to overlap, as it would against the real service.
    let vrai = argon2::Argon2::default()
        .hash_password(MOT_DE_PASSE.as_bytes())
        .unwrap()
        .to_string();
    let gardien = Gardien::nouveau(
        &[CompteAgent {
            login: "camille".into(),
            password_hash: vrai,
            role: "agent".into(),
        }],
        60,
        Arc::new(|| 1_795_000_000),
    )
    .unwrap();
    let n = 20;
    let depart = std::sync::Barrier::new(n);
    let resultats: Vec<Result<String, Refus>> = std::thread::scope(|s| {
        let taches: Vec<_> = (0..n)
            .map(|_| {
                let (gardien, depart) = (&gardien, &depart);
                s.spawn(move || {
                    depart.wait();
                    gardien.connecter("camille", "devine")
                })
            })
            .collect();
        taches.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let essayes = resultats
        .iter()
        .filter(|r| matches!(r, Err(Refus::Identifiants)))
        .count();
    let bloques = resultats
        .iter()
        .filter(|r| matches!(r, Err(Refus::Bloque(_))))
        .count();
    assert_eq!(
        (essayes, bloques),
        (ECHECS_MAX as usize, n - ECHECS_MAX as usize),
        "passwords tried and refused unchecked in one burst: {resultats:?}"
    );
    // The right password, right after the burst: locked out like any other.
    assert!(matches!(
        gardien.connecter("camille", MOT_DE_PASSE),
        Err(Refus::Bloque(_))
    ));
}

#[tokio::test]
async fn the_funnel_shows_supervisors_aggregate_figures_and_nobody_in_particular() {
    let b = banc();
    // Léa reaches her results; Samia stops at the second question and
    // asks to be called back; Marc only says hello.
    for texte in [
        "salut",
        "non",
        "0",
        "j'ai 20 ans",
        "étudiante",
        "non",
        "meublé",
        "450 euros",
        "69007",
        "300",
        "oui",
    ] {
        sms(&b.service, "+33600000001", texte);
    }
    for texte in ["Bonjour", "non", "RAPPEL"] {
        sms(&b.service, "+33600000002", texte);
    }
    sms(&b.service, "+33600000003", "Bonjour");

    let agent = connecter(&b.app, "camille", MOT_DE_PASSE).await;
    let interdit = get(&b.app, "/agent/entonnoir", &agent).await;
    assert_eq!(interdit.status, StatusCode::FORBIDDEN);
    assert!(
        !get(&b.app, "/agent", &agent)
            .await
            .corps
            .contains("/agent/entonnoir")
    );

    let superviseur = connecter(&b.app, "dominique", "autre mot de passe").await;
    assert!(
        get(&b.app, "/agent", &superviseur)
            .await
            .corps
            .contains("/agent/entonnoir")
    );
    let p = get(&b.app, "/agent/entonnoir", &superviseur).await;
    assert_eq!(p.status, StatusCode::OK);
    let ligne = |titre: &str| -> String {
        let debut = p
            .corps
            .find(titre)
            .unwrap_or_else(|| panic!("{titre}: {}", p.corps));
        let reste = &p.corps[debut..];
        let td = reste.find("<td>").unwrap() + 4;
        reste[td..td + reste[td..].find("</td>").unwrap()].to_string()
    };
    // The first period (7 days) comes first on the page.
    assert_eq!(ligne("Conversations commencées</th>"), "3");
    assert_eq!(ligne("Arrivées aux résultats</th>"), "1");
    assert_eq!(ligne("Aides trouvées</th>"), "4");
    assert_eq!(
        ligne("Montant mensuel total des aides trouvées</th>"),
        "256 €"
    );
    assert_eq!(
        ligne("Nombre médian de réponses avant les résultats</th>"),
        "10"
    );
    assert_eq!(ligne("En attente</th>"), "1");
    // Two conversations wait at a question: a chart and its table.
    assert!(p.corps.contains("<svg"), "{}", p.corps);
    assert!(p.corps.contains(r#"role="img""#));
    // Nobody in particular: no number, no key, no answer typed.
    for cle in ["+33600000001", "+33600000002", "33600000003"] {
        let k = b.service.cle("sms", cle);
        assert!(!p.corps.contains(&k.0) && !p.corps.contains(k.court()));
    }
    for secret in [
        "0600000001",
        "00000002",
        "69007",
        "450 euros",
        "étudiante",
        "20 ans",
    ] {
        assert!(!p.corps.contains(secret), "{secret:?} on the funnel page");
    }
}
