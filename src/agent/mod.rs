//! The call-centre console under `/agent`: an agent on the phone follows the
//! same adaptive dialogue as an SMS user, as a keyboard-friendly web page.
//!
//! A call continues one conversation of the service: a new one on the
//! channel `agent`, or, for a request taken from the callback queue, the
//! conversation of the person who texted RAPPEL (by its key: the console
//! never sees a number in clear, except the one sealed with the request).
//! Answers go through [`crate::service::Service::traiter_cle`] exactly as
//! SMS text does, corrections through [`crate::service::Service::corriger`],
//! so the console has no dialogue logic of its own. Calls are kept in the
//! store's `appels` table, sealed and erased with the conversation by the service.
//!
//! - [`session`]: agents, argon2 passwords, lockout, sessions, CSRF, cookies.
//! - [`pages`]: the HTML (maud), the CSS and the keyboard-shortcut script.
//! - [`envoi`]: the summary by SMS and "your callback was handled".
//! - `connexion`: the login and logout pages.
//! - `appels`: one call (questions, answers, corrections, summary, closing).
//! - `rappels`: the callback queue.
//! - this file: the routes, what the handlers share, and the guard that
//!   refuses everything under `/agent` without a session (a redirect to the
//!   login page for pages, 401 for `/agent/api/`).

mod appels;
mod connexion;
pub mod envoi;
pub mod pages;
mod rappels;
pub mod session;

pub use appels::{TextesAide, VueAppel};
use appels::{
    appel, clore, envoyer_sms, imprimer, lignes_situation, modifier, nouvel_appel, page_modifier,
    repondre,
};
use connexion::{connexion, deconnexion, page_connexion};
pub use rappels::LigneRappel;
use rappels::{api_rappels, clore_rappel, prendre_rappel, rappels};

use crate::dialogue::{Invite, Refus as RefusCorrection, ReponseDonnee, Tour};
use crate::rules::ResultatAide;
use crate::service::{Message, Service, Sortie};
use crate::store::{Cle, DemandeRappel};
use crate::textes::{Arg, Langue};
use axum::extract::{Form, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use envoi::Messagerie;
use serde::{Deserialize, Serialize};
use session::{COOKIE_CSRF_CONNEXION, COOKIE_SESSION, Gardien, Horloge, Refus, Session};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The channel name of calls handled in the console.
pub const CANAL: &str = "agent";
/// Longest answer accepted from the free-text field (as for SMS).
pub(super) const TEXTE_MAX: usize = 2000;
/// A call older than this is forgotten (its conversation expires on its own).
pub(super) const APPEL_DUREE: u64 = 7 * 86_400;

/// A call: who took it, whose conversation it continues, and what the
/// service last said. Kept in the store, so a call survives a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Appel {
    /// The agent who started it (other agents do not see it).
    pub agent: String,
    /// When it started (seconds since 1970).
    pub debut: u64,
    /// The conversation it continues: a new one on the channel `agent`, or
    /// that of a person who asked for a callback.
    pub cle: Cle,
    /// That conversation's channel (`agent`, `sms`, `telegram`).
    pub canal: String,
    /// Taken from the callback queue.
    #[serde(default)]
    pub rappel: bool,
    /// The service's replies to the last step (the SMS version).
    #[serde(default)]
    pub messages: Vec<String>,
    /// What the last action did, shown once at the top of the page.
    #[serde(default)]
    pub note: Option<String>,
}

/// What the console's handlers share.
pub struct Console {
    /// The conversation service.
    pub service: Arc<Service>,
    /// Agents and sessions.
    pub gardien: Gardien,
    /// Always mark cookies `Secure`.
    pub cookie_securise: bool,
    /// How to reach the person (SMS outbox, Telegram).
    pub messagerie: Messagerie,
    /// The language of the pages (`[agent] langue`).
    pub langue: Langue,
    /// When old calls were last forgotten.
    derniere_purge: AtomicU64,
}

impl Console {
    /// A console over the service, with the `[agent]` configuration and a clock.
    pub fn nouveau(
        service: Arc<Service>,
        config: &crate::config::Agent,
        horloge: Horloge,
    ) -> Result<Console, String> {
        let gardien = Gardien::nouveau(&config.users, config.session_minutes, horloge)?
            .avec_magasin(service.clone())?;
        Ok(Console {
            service,
            gardien,
            cookie_securise: config.secure_cookie,
            messagerie: Messagerie::default(),
            langue: Langue::depuis_code(&config.langue).ok_or_else(|| {
                format!("[agent] langue : « {} » inconnue (fr ou en)", config.langue)
            })?,
            derniere_purge: AtomicU64::new(0),
        })
    }

    /// The same console, sending through `messagerie`.
    pub fn avec_messagerie(mut self, messagerie: Messagerie) -> Console {
        self.messagerie = messagerie;
        self
    }

    /// The console's words, in its language.
    pub fn mots(&self) -> pages::Mots<'_> {
        pages::Mots {
            textes: &self.service.moteur.textes,
            langue: self.langue,
        }
    }

    /// Whether cookies of this request must be `Secure`: always when
    /// configured so, and when a TLS proxy says the request came over https.
    pub(super) fn securise(&self, entetes: &HeaderMap) -> bool {
        self.cookie_securise
            || entetes
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.eq_ignore_ascii_case("https"))
    }

    /// A call of this agent (`None` for another agent's call: they get 404).
    pub(super) fn appel(&self, id: &str, agent: &str) -> Result<Option<Appel>, String> {
        let json = self.service.appel(id).map_err(|e| e.to_string())?;
        Ok(json
            .and_then(|j| serde_json::from_str::<Appel>(&j).ok())
            .filter(|a| a.agent == agent))
    }

    /// Keeps a call (sealed by the service, erased with its conversation).
    pub(super) fn garder(&self, id: &str, appel: &Appel) -> Result<(), String> {
        let maintenant = self.gardien.maintenant();
        // Calls older than a week are forgotten, checked at most hourly.
        if maintenant.saturating_sub(self.derniere_purge.swap(maintenant, Ordering::Relaxed)) > 3600
        {
            self.service
                .oublier_appels(APPEL_DUREE)
                .map_err(|e| e.to_string())?;
        }
        let json = serde_json::to_string(appel).map_err(|e| e.to_string())?;
        self.service
            .garder_appel(id, &appel.cle, appel.debut, &json)
            .map_err(|e| e.to_string())
    }
}

/// The routes under `/agent`, to merge into the service's router.
pub fn routeur(console: Arc<Console>) -> Router {
    let protege = Router::new()
        .route("/agent", get(accueil))
        .route("/agent/logout", post(deconnexion))
        .route("/agent/appels", post(nouvel_appel))
        .route("/agent/appels/{id}", get(appel).post(repondre))
        .route(
            "/agent/appels/{id}/modifier/{question}",
            get(page_modifier).post(modifier),
        )
        .route("/agent/appels/{id}/sms", post(envoyer_sms))
        .route("/agent/appels/{id}/clore", post(clore))
        .route("/agent/appels/{id}/imprimer", get(imprimer))
        .route("/agent/rappels", get(rappels))
        .route("/agent/rappels/prendre", post(prendre_rappel))
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
pub(super) async fn garde(
    State(console): State<Arc<Console>>,
    mut req: Request,
    next: Next,
) -> Response {
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
pub(super) struct Jeton(String);

pub(super) fn html(status: StatusCode, corps: maud::Markup) -> Response {
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

/// A page that says only what went wrong (`id` in `locales/*/agent.ftl`).
pub(super) fn page_erreur(console: &Console, status: StatusCode, id: &str) -> Response {
    html(status, pages::erreur(console.mots(), &console.mots().t(id)))
}

/// A new call id: 96 bits of a 256-bit hex token (ASCII, so slicing cannot
/// split a character), plenty for an id that only its agent can open.
pub(super) fn id_appel(console: &Console) -> Result<String, Box<Response>> {
    session::jeton()
        .map(|j| j[..24].to_string())
        .ok_or_else(|| {
            Box::new(page_erreur(
                console,
                StatusCode::SERVICE_UNAVAILABLE,
                "indisponible",
            ))
        })
}

/// After a form about a call: back to `cible` (post/redirect/get), or 404
/// when the call is not this agent's.
pub(super) fn apres(
    console: &Console,
    s: &Session,
    r: Result<bool, Response>,
    cible: &str,
) -> Response {
    match r {
        Ok(true) => Redirect::to(cible).into_response(),
        Ok(false) => html(StatusCode::NOT_FOUND, pages::introuvable(console.mots(), s)),
        Err(r) => r,
    }
}

/// A form whose CSRF token does not match the session's.
pub(super) fn csrf_refuse(console: &Console) -> Response {
    page_erreur(console, StatusCode::FORBIDDEN, "formulaire-expire")
}

/// A form that carries only its CSRF token.
#[derive(Deserialize)]
pub(super) struct FormSimple {
    #[serde(default)]
    csrf: String,
}

pub(super) async fn accueil(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
) -> Response {
    html(StatusCode::OK, pages::accueil(console.mots(), &s))
}

pub(super) async fn introuvable(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
) -> Response {
    html(
        StatusCode::NOT_FOUND,
        pages::introuvable(console.mots(), &s),
    )
}

/// Runs blocking work (the store, the engine) off the async runtime. A
/// storage failure becomes a 503 page saying that nothing was saved.
pub(super) async fn bloquant<T: Send + 'static>(
    console: &Console,
    f: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, Response> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(x)) => Ok(x),
        Ok(Err(e)) => {
            tracing::error!(erreur = %e, "console agent : stockage indisponible");
            Err(page_erreur(
                console,
                StatusCode::SERVICE_UNAVAILABLE,
                "stockage-indisponible",
            ))
        }
        Err(_) => Err(page_erreur(
            console,
            StatusCode::INTERNAL_SERVER_ERROR,
            "erreur-interne",
        )),
    }
}
