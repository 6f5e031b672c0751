//! The call-centre console under `/agent`: an agent on the phone follows the
//! same adaptive dialogue as an SMS user, as a keyboard-friendly web page.
//!
//! A call is a conversation on the channel `agent` whose sender is a random
//! call id: answers go through [`crate::service::Service::traiter`] exactly
//! as SMS text does, so the console needs no dialogue logic of its own.
//!
//! - [`session`]: agents, argon2 passwords, lockout, sessions, CSRF, cookies.
//! - [`pages`]: the HTML (maud), the CSS and the keyboard-shortcut script.
//! - this file: the routes, and the guard that refuses everything under
//!   `/agent` without a session (a redirect to the login page for pages,
//!   401 for `/agent/api/`).

pub mod pages;
pub mod session;

use crate::service::{Message, Service, Sortie};
use axum::extract::{Form, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use session::{COOKIE_CSRF_CONNEXION, COOKIE_SESSION, Gardien, Horloge, Refus, Session};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The channel name of calls handled in the console.
pub const CANAL: &str = "agent";
/// Longest answer accepted from the free-text field (as for SMS).
const TEXTE_MAX: usize = 2000;
/// Most calls kept in memory per console (the oldest are forgotten first).
const APPELS_MAX: usize = 10_000;

/// A call in progress: who took it and what the service last answered.
#[derive(Debug, Clone)]
pub struct Appel {
    /// The agent who started it (other agents do not see it).
    pub agent: String,
    /// When it started.
    pub debut: u64,
    /// The last step's output: the question waiting, or the results.
    pub derniere: Sortie,
}

/// What the console's handlers share.
pub struct Console {
    /// The conversation service.
    pub service: Arc<Service>,
    /// Agents and sessions.
    pub gardien: Gardien,
    /// Always mark cookies `Secure`.
    pub cookie_securise: bool,
    appels: Mutex<HashMap<String, Appel>>,
}

impl Console {
    /// A console over the service, with the `[agent]` configuration and a clock.
    pub fn nouveau(
        service: Arc<Service>,
        config: &crate::config::Agent,
        horloge: Horloge,
    ) -> Result<Console, String> {
        Ok(Console {
            service,
            gardien: Gardien::nouveau(&config.users, config.session_minutes, horloge)?,
            cookie_securise: config.secure_cookie,
            appels: Mutex::new(HashMap::new()),
        })
    }

    /// Whether cookies of this request must be `Secure`: always when
    /// configured so, and when a TLS proxy says the request came over https.
    fn securise(&self, entetes: &HeaderMap) -> bool {
        self.cookie_securise
            || entetes
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.eq_ignore_ascii_case("https"))
    }

    fn appel(&self, id: &str, agent: &str) -> Option<Appel> {
        let a = self.appels.lock().unwrap_or_else(|p| p.into_inner());
        a.get(id).filter(|x| x.agent == agent).cloned()
    }

    fn garder(&self, id: &str, appel: Appel) {
        let mut a = self.appels.lock().unwrap_or_else(|p| p.into_inner());
        if a.len() >= APPELS_MAX && !a.contains_key(id) {
            if let Some(k) = a
                .iter()
                .min_by_key(|(_, x)| x.debut)
                .map(|(k, _)| k.clone())
            {
                a.remove(&k);
            }
        }
        a.insert(id.to_string(), appel);
    }
}

/// The routes under `/agent`, to merge into the service's router.
pub fn routeur(console: Arc<Console>) -> Router {
    let protege = Router::new()
        .route("/agent", get(accueil))
        .route("/agent/logout", post(deconnexion))
        .route("/agent/appels", post(nouvel_appel))
        .route("/agent/appels/{id}", get(appel).post(repondre))
        .route("/agent/appels/{id}/imprimer", get(imprimer))
        .route("/agent/rappels", get(rappels))
        .route("/agent/api/rappels", get(api_rappels))
        .route("/agent/{*reste}", get(introuvable))
        .layer(middleware::from_fn_with_state(console.clone(), garde));
    Router::new()
        .route("/agent/login", get(page_connexion).post(connexion))
        .merge(protege)
        .with_state(console)
}

/// Refuses a request without a valid session: 401 for the API, a redirect
/// to the login page otherwise. Passes the session to the handler.
async fn garde(State(console): State<Arc<Console>>, mut req: Request, next: Next) -> Response {
    let session = req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| session::cookie(c, COOKIE_SESSION))
        .and_then(|j| console.gardien.session(j).map(|s| (j.to_string(), s)));
    match session {
        Some((jeton, s)) => {
            req.extensions_mut().insert(Jeton(jeton));
            req.extensions_mut().insert(s);
            next.run(req).await
        }
        None if req.uri().path().starts_with("/agent/api/") => (
            StatusCode::UNAUTHORIZED,
            Json(
                serde_json::json!({"erreur": "session requise : connectez-vous sur /agent/login"}),
            ),
        )
            .into_response(),
        None => Redirect::to("/agent/login").into_response(),
    }
}

/// The session token of the request (for logout).
#[derive(Clone)]
struct Jeton(String);

fn html(status: StatusCode, corps: maud::Markup) -> Response {
    let mut r = (status, Html(corps.into_string())).into_response();
    // The console shows personal data: never cache it, never frame it.
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(pages::politique_securite()),
    );
    r
}

/// A form whose CSRF token does not match the session's.
fn csrf_refuse() -> Response {
    html(
        StatusCode::FORBIDDEN,
        pages::erreur("Formulaire expiré : rechargez la page et recommencez."),
    )
}

async fn page_connexion(State(console): State<Arc<Console>>, entetes: HeaderMap) -> Response {
    connexion_avec(&console, &entetes, StatusCode::OK, None)
}

/// The login page with a fresh CSRF token in both the form and a cookie.
fn connexion_avec(
    console: &Console,
    entetes: &HeaderMap,
    status: StatusCode,
    message: Option<&str>,
) -> Response {
    // A token the browser already holds is kept: a second tab, or a request
    // the browser makes on its own, must not invalidate the form on screen.
    let existant = entetes
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| session::cookie(c, COOKIE_CSRF_CONNEXION))
        .filter(|j| j.len() == 64 && j.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(String::from);
    let nouveau = existant.is_none();
    let Some(csrf) = existant.or_else(session::jeton) else {
        return html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::erreur("Service indisponible : réessayez."),
        );
    };
    let mut r = html(status, pages::connexion(&csrf, message));
    if nouveau {
        let c = session::set_cookie(
            COOKIE_CSRF_CONNEXION,
            &csrf,
            console.securise(entetes),
            None,
        );
        if let Ok(v) = HeaderValue::from_str(&c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    r
}

/// The login form.
#[derive(Deserialize)]
struct FormConnexion {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

async fn connexion(
    State(console): State<Arc<Console>>,
    entetes: HeaderMap,
    Form(f): Form<FormConnexion>,
) -> Response {
    let attendu = entetes
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| session::cookie(c, COOKIE_CSRF_CONNEXION));
    if !attendu.is_some_and(|a| !f.csrf.is_empty() && session::egaux(a, &f.csrf)) {
        return csrf_refuse();
    }
    let c = console.clone();
    let (login, mdp) = (f.login.clone(), f.password);
    let r = tokio::task::spawn_blocking(move || c.gardien.connecter(&login, &mdp)).await;
    match r {
        Ok(Ok(jeton)) => {
            tracing::info!(login = %f.login, "console agent : connexion");
            let mut r = Redirect::to("/agent").into_response();
            let c = session::set_cookie(COOKIE_SESSION, &jeton, console.securise(&entetes), None);
            if let Ok(v) = HeaderValue::from_str(&c) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
        Ok(Err(Refus::Identifiants)) => connexion_avec(
            &console,
            &entetes,
            StatusCode::UNAUTHORIZED,
            Some("Identifiant ou mot de passe incorrect."),
        ),
        Ok(Err(Refus::Bloque(s))) => connexion_avec(
            &console,
            &entetes,
            StatusCode::TOO_MANY_REQUESTS,
            Some(&format!(
                "Trop d'essais : cet identifiant est bloqué pendant encore {} min.",
                s.div_ceil(60)
            )),
        ),
        Ok(Err(Refus::Indisponible)) | Err(_) => html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::erreur("Service indisponible : réessayez."),
        ),
    }
}

/// A form that carries only its CSRF token.
#[derive(Deserialize)]
struct FormSimple {
    #[serde(default)]
    csrf: String,
}

async fn deconnexion(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Extension(j): Extension<Jeton>,
    entetes: HeaderMap,
    Form(f): Form<FormSimple>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse();
    }
    console.gardien.deconnecter(&j.0);
    let mut r = Redirect::to("/agent/login").into_response();
    let c = session::set_cookie(COOKIE_SESSION, "", console.securise(&entetes), Some(0));
    if let Ok(v) = HeaderValue::from_str(&c) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

async fn accueil(Extension(s): Extension<Session>) -> Response {
    html(StatusCode::OK, pages::accueil(&s))
}

async fn introuvable(Extension(s): Extension<Session>) -> Response {
    html(StatusCode::NOT_FOUND, pages::introuvable(&s))
}

/// Runs one step of a call off the async runtime.
async fn pas(console: &Arc<Console>, id: &str, texte: &str) -> Result<Sortie, Response> {
    let (service, id2, texte) = (console.service.clone(), id.to_string(), texte.to_string());
    let r = tokio::task::spawn_blocking(move || {
        service.traiter(&Message {
            canal: CANAL,
            expediteur: &id2,
            texte: &texte,
            id: None,
            langue: None,
        })
    })
    .await;
    match r {
        Ok(Ok(s)) => Ok(s),
        Ok(Err(e)) => {
            tracing::error!(erreur = %e, "console agent : étape non enregistrée");
            Err(html(
                StatusCode::SERVICE_UNAVAILABLE,
                pages::erreur("Stockage indisponible : rien n'a été enregistré, réessayez."),
            ))
        }
        Err(_) => Err(html(
            StatusCode::INTERNAL_SERVER_ERROR,
            pages::erreur("Erreur interne : réessayez."),
        )),
    }
}

async fn nouvel_appel(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Form(f): Form<FormSimple>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse();
    }
    // 96 bits of the 256-bit hex token (ASCII, so slicing cannot split a
    // character) are plenty for a call id that only its agent can open.
    let Some(id) = session::jeton().map(|j| j[..24].to_string()) else {
        return html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::erreur("Service indisponible : réessayez."),
        );
    };
    // The first message of a conversation opens it in French, as BONJOUR does by SMS.
    let sortie = match pas(&console, &id, "BONJOUR").await {
        Ok(x) => x,
        Err(r) => return r,
    };
    console.garder(
        &id,
        Appel {
            agent: s.login.clone(),
            debut: console.gardien.maintenant(),
            derniere: sortie,
        },
    );
    Redirect::to(&format!("/agent/appels/{id}")).into_response()
}

/// The situation so far of a call, as `path = value` lines.
fn situation(console: &Console, id: &str) -> Vec<(String, String)> {
    let Ok(Some(c)) = console.service.conversation(CANAL, id) else {
        return Vec::new();
    };
    let mut lignes = Vec::new();
    if let Ok(v) = serde_json::to_value(&c.situation) {
        aplatir("", &v, &mut lignes);
    }
    lignes
}

fn aplatir(prefixe: &str, v: &serde_json::Value, lignes: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = if prefixe.is_empty() {
                    k.clone()
                } else {
                    format!("{prefixe}.{k}")
                };
                aplatir(&p, x, lignes);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                aplatir(&format!("{prefixe}[{}]", i + 1), x, lignes);
            }
        }
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => lignes.push((prefixe.to_string(), s.clone())),
        autre => lignes.push((prefixe.to_string(), autre.to_string())),
    }
}

async fn appel(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path(id): Path<String>,
) -> Response {
    match console.appel(&id, &s.login) {
        Some(a) => html(
            StatusCode::OK,
            pages::appel(&s, &id, &a, &situation(&console, &id)),
        ),
        None => html(StatusCode::NOT_FOUND, pages::introuvable(&s)),
    }
}

/// An answer: a button's key, or the free text typed as an SMS would be.
#[derive(Deserialize)]
struct FormReponse {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reponse: Option<String>,
    #[serde(default)]
    texte: Option<String>,
}

async fn repondre(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path(id): Path<String>,
    Form(f): Form<FormReponse>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse();
    }
    let Some(mut a) = console.appel(&id, &s.login) else {
        return html(StatusCode::NOT_FOUND, pages::introuvable(&s));
    };
    // Typed text wins over a button: pressing Enter in the text field
    // submits the form with its first button (a choice) too, and what the
    // agent typed is what they meant.
    let texte = f
        .texte
        .filter(|t| !t.trim().is_empty())
        .or(f.reponse)
        .unwrap_or_default();
    if texte.trim().is_empty() || texte.chars().count() > TEXTE_MAX {
        return Redirect::to(&format!("/agent/appels/{id}")).into_response();
    }
    match pas(&console, &id, &texte).await {
        Ok(sortie) => {
            a.derniere = sortie;
            console.garder(&id, a);
            // Post/redirect/get: reloading the page never answers twice.
            Redirect::to(&format!("/agent/appels/{id}")).into_response()
        }
        Err(r) => r,
    }
}

async fn imprimer(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path(id): Path<String>,
) -> Response {
    match console.appel(&id, &s.login) {
        Some(a) => html(
            StatusCode::OK,
            pages::impression(&a, &situation(&console, &id)),
        ),
        None => html(StatusCode::NOT_FOUND, pages::introuvable(&s)),
    }
}

/// One callback request as the queue shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LigneRappel {
    /// When it was asked (seconds since 1970).
    pub depuis: u64,
    /// The person's channel.
    pub canal: String,
    /// Handled already.
    pub traitee: bool,
    /// The situation so far, as `path = value` lines.
    pub situation: Vec<(String, String)>,
}

fn lignes_rappel(console: &Console) -> Result<Vec<LigneRappel>, String> {
    let magasin = console.service.magasin();
    let demandes = magasin.rappels().map_err(|e| e.to_string())?;
    Ok(demandes
        .into_iter()
        .map(|(cle, d)| {
            let mut situation = Vec::new();
            if let Ok(Some(dossier)) = magasin.lire(&cle) {
                if let Ok(v) = serde_json::to_value(&dossier.conversation.situation) {
                    aplatir("", &v, &mut situation);
                }
            }
            LigneRappel {
                depuis: d.depuis,
                canal: d.canal,
                traitee: d.traitee,
                situation,
            }
        })
        .collect())
}

async fn rappels(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
) -> Response {
    let c = console.clone();
    match tokio::task::spawn_blocking(move || lignes_rappel(&c)).await {
        Ok(Ok(l)) => html(StatusCode::OK, pages::rappels(&s, &l)),
        _ => html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::erreur("Stockage indisponible : réessayez."),
        ),
    }
}

async fn api_rappels(State(console): State<Arc<Console>>) -> Response {
    let c = console.clone();
    match tokio::task::spawn_blocking(move || lignes_rappel(&c)).await {
        Ok(Ok(l)) => Json(l).into_response(),
        _ => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"erreur": "stockage indisponible : réessayez"})),
        )
            .into_response(),
    }
}
