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
//! store's `appels` table.
//!
//! - [`session`]: agents, argon2 passwords, lockout, sessions, CSRF, cookies.
//! - [`pages`]: the HTML (maud), the CSS and the keyboard-shortcut script.
//! - [`envoi`]: the summary by SMS and "your callback was handled".
//! - this file: the routes, and the guard that refuses everything under
//!   `/agent` without a session (a redirect to the login page for pages,
//!   401 for `/agent/api/`).

pub mod envoi;
pub mod pages;
pub mod session;

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
const TEXTE_MAX: usize = 2000;
/// The store's table of calls (call id → [`Appel`]).
const TABLE_APPELS: &str = "appels";
/// A call older than this is forgotten (its conversation expires on its own).
const APPEL_DUREE: u64 = 7 * 86_400;

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
    fn securise(&self, entetes: &HeaderMap) -> bool {
        self.cookie_securise
            || entetes
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.eq_ignore_ascii_case("https"))
    }

    /// A call of this agent (`None` for another agent's call: they get 404).
    fn appel(&self, id: &str, agent: &str) -> Result<Option<Appel>, String> {
        let octets = self
            .service
            .magasin()
            .lire_entree(TABLE_APPELS, id)
            .map_err(|e| e.to_string())?;
        Ok(octets
            .and_then(|o| serde_json::from_slice::<Appel>(&o).ok())
            .filter(|a| a.agent == agent))
    }

    fn garder(&self, id: &str, appel: &Appel) -> Result<(), String> {
        let magasin = self.service.magasin();
        let maintenant = self.gardien.maintenant();
        // Calls older than a week are forgotten, checked at most hourly.
        if maintenant.saturating_sub(self.derniere_purge.swap(maintenant, Ordering::Relaxed)) > 3600
        {
            for (k, v) in magasin.entrees(TABLE_APPELS).map_err(|e| e.to_string())? {
                let vieux = serde_json::from_slice::<Appel>(&v)
                    .map(|a| maintenant.saturating_sub(a.debut) > APPEL_DUREE)
                    .unwrap_or(true);
                if vieux {
                    magasin
                        .supprimer_entree(TABLE_APPELS, &k)
                        .map_err(|e| e.to_string())?;
                }
            }
        }
        let octets = serde_json::to_vec(appel).map_err(|e| e.to_string())?;
        magasin
            .ecrire_entree(TABLE_APPELS, id, &octets)
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

/// A page that says only what went wrong (`id` in `locales/*/agent.ftl`).
fn page_erreur(console: &Console, status: StatusCode, id: &str) -> Response {
    html(status, pages::erreur(console.mots(), &console.mots().t(id)))
}

/// A new call id: 96 bits of a 256-bit hex token (ASCII, so slicing cannot
/// split a character), plenty for an id that only its agent can open.
fn id_appel(console: &Console) -> Result<String, Box<Response>> {
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
fn apres(console: &Console, s: &Session, r: Result<bool, Response>, cible: &str) -> Response {
    match r {
        Ok(true) => Redirect::to(cible).into_response(),
        Ok(false) => html(StatusCode::NOT_FOUND, pages::introuvable(console.mots(), s)),
        Err(r) => r,
    }
}

/// A form whose CSRF token does not match the session's.
fn csrf_refuse(console: &Console) -> Response {
    page_erreur(console, StatusCode::FORBIDDEN, "formulaire-expire")
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
        return page_erreur(console, StatusCode::SERVICE_UNAVAILABLE, "indisponible");
    };
    let mut r = html(status, pages::connexion(console.mots(), &csrf, message));
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
        return csrf_refuse(&console);
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
            Some(&console.mots().t("connexion-refusee")),
        ),
        Ok(Err(Refus::Bloque(s))) => connexion_avec(
            &console,
            &entetes,
            StatusCode::TOO_MANY_REQUESTS,
            Some(&console.mots().a(
                "connexion-bloquee",
                &[("minutes", Arg::Nombre(s.div_ceil(60) as i64))],
            )),
        ),
        Ok(Err(Refus::Indisponible)) | Err(_) => {
            page_erreur(&console, StatusCode::SERVICE_UNAVAILABLE, "indisponible")
        }
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
        return csrf_refuse(&console);
    }
    console.gardien.deconnecter(&j.0);
    let mut r = Redirect::to("/agent/login").into_response();
    let c = session::set_cookie(COOKIE_SESSION, "", console.securise(&entetes), Some(0));
    if let Ok(v) = HeaderValue::from_str(&c) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

async fn accueil(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
) -> Response {
    html(StatusCode::OK, pages::accueil(console.mots(), &s))
}

async fn introuvable(
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
async fn bloquant<T: Send + 'static>(
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

/// One step of a call: the agent's answer, read as an SMS would be.
fn pas(console: &Console, appel: &Appel, texte: &str) -> Result<Sortie, String> {
    console
        .service
        .traiter_cle(
            &appel.cle,
            &Message {
                canal: &appel.canal,
                // The console never knows the person's number: a RAPPEL
                // typed here keeps the contact already sealed, if any.
                expediteur: "",
                texte,
                id: None,
                langue: None,
            },
        )
        .map_err(|e| e.to_string())
}

async fn nouvel_appel(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Form(f): Form<FormSimple>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse(&console);
    }
    let id = match id_appel(&console) {
        Ok(id) => id,
        Err(r) => return *r,
    };
    let c = console.clone();
    let id2 = id.clone();
    let r = bloquant(&console, move || {
        let mut appel = Appel {
            agent: s.login.clone(),
            debut: c.gardien.maintenant(),
            cle: c.service.cle(CANAL, &id2),
            canal: CANAL.to_string(),
            rappel: false,
            messages: Vec::new(),
            note: None,
        };
        // The first message of a conversation opens it in French, as BONJOUR does by SMS.
        appel.messages = pas(&c, &appel, "BONJOUR")?.messages;
        c.garder(&id2, &appel)
    })
    .await;
    match r {
        Ok(()) => Redirect::to(&format!("/agent/appels/{id}")).into_response(),
        Err(r) => r,
    }
}

/// The situation of a conversation as `path = value` lines.
fn lignes_situation(situation: &crate::situation::Situation) -> Vec<(String, String)> {
    let mut lignes = Vec::new();
    if let Ok(v) = serde_json::to_value(situation) {
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

/// Everything the call screen shows.
pub struct VueAppel {
    /// The call id (in URLs).
    pub id: String,
    /// The call.
    pub appel: Appel,
    /// Where the conversation stands: the question waiting, or the results.
    pub tour: Tour,
    /// The answers given so far, each editable.
    pub reponses: Vec<ReponseDonnee>,
    /// The situation so far, field by field.
    pub situation: Vec<(String, String)>,
    /// The callback request, for a call taken from the queue.
    pub demande: Option<DemandeRappel>,
    /// The number to call, for a callback: the SMS sender, or the number
    /// shared on Telegram.
    pub telephone: Option<String>,
    /// The SMS summary that "send by SMS" would send.
    pub recapitulatif: Vec<String>,
    /// Whether SMS can be sent at all.
    pub sms_possible: bool,
    /// Whether the person can be told on their channel that the request is handled.
    pub prevenir_possible: bool,
    /// The person said STOP: the dialogue is silent.
    pub arrete: bool,
    /// The conversation is gone (erased by the person, or expired).
    pub disparue: bool,
    /// The language of the conversation, in which the aids' sentences are
    /// shown: the agent reads them to the person.
    pub langue: Langue,
    /// The sentences of each aid of `tour.aides`, in the same order, in
    /// the conversation's language.
    pub textes_aides: Vec<TextesAide>,
}

/// An aid's own sentences as the call screen shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct TextesAide {
    /// The official name.
    pub libelle: String,
    /// Conditions met or failed, then how the amount is computed.
    pub explication: Vec<String>,
    /// Values assumed for what was not asked.
    pub hypotheses: Vec<String>,
    /// Where or how to apply, in a sentence.
    pub demarche: Option<String>,
    /// The documents to prepare.
    pub documents: Vec<String>,
}

impl TextesAide {
    fn depuis(e: &crate::textes::AideEcrite<'_>) -> TextesAide {
        TextesAide {
            libelle: e.libelle(),
            explication: e.explication(),
            hypotheses: e.hypotheses(),
            demarche: e.demarche_texte(),
            documents: e.documents(),
        }
    }
}

/// The aids of a view, when results are shown.
impl VueAppel {
    /// Every aid's result, once the questions are over.
    pub fn aides(&self) -> Option<&[ResultatAide]> {
        self.tour.aides.as_deref()
    }
    /// The question waiting, if any.
    pub fn invite(&self) -> Option<&Invite> {
        self.tour.invite.as_ref()
    }
}

fn vue(console: &Console, id: &str, agent: &str) -> Result<Option<VueAppel>, String> {
    let Some(mut appel) = console.appel(id, agent)? else {
        return Ok(None);
    };
    let service = &console.service;
    let ecran = service.ecran(&appel.cle).map_err(|e| e.to_string())?;
    let (tour, reponses, situation, arrete, disparue, langue) = match &ecran {
        Some((c, t)) => (
            t.clone(),
            service.moteur.reponses_donnees(c),
            lignes_situation(&c.situation),
            c.arrete,
            false,
            c.langue,
        ),
        None => (
            Tour::default(),
            Vec::new(),
            Vec::new(),
            false,
            true,
            Langue::default(),
        ),
    };
    let moteur = &service.moteur;
    let textes_aides = tour
        .aides
        .iter()
        .flatten()
        .map(|a| TextesAide::depuis(&moteur.textes.aide(langue, &moteur.regles, a)))
        .collect();
    let (demande, telephone, joignable) = if appel.rappel {
        let d = service.rappel(&appel.cle).map_err(|e| e.to_string())?;
        let telephone = d.as_ref().and_then(|d| service.telephone(d));
        let joignable = d.as_ref().is_some_and(|d| d.contact.is_some());
        (d, telephone, joignable)
    } else {
        (None, None, false)
    };
    let recapitulatif = if tour.aides.is_some() {
        service
            .recapitulatif(&appel.cle)
            .map_err(|e| e.to_string())?
    } else {
        Vec::new()
    };
    let prevenir_possible = joignable && console.messagerie.possible(&appel.canal);
    let v = VueAppel {
        id: id.to_string(),
        appel: appel.clone(),
        tour,
        reponses,
        situation,
        demande,
        telephone,
        recapitulatif,
        sms_possible: console.messagerie.sms_possible(),
        prevenir_possible,
        arrete,
        disparue,
        langue,
        textes_aides,
    };
    // A note is shown once.
    if appel.note.take().is_some() {
        console.garder(id, &appel)?;
    }
    Ok(Some(v))
}

async fn appel(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path(id): Path<String>,
) -> Response {
    let (c, login) = (console.clone(), s.login.clone());
    match bloquant(&console, move || vue(&c, &id, &login)).await {
        Ok(Some(v)) => html(StatusCode::OK, pages::appel(console.mots(), &s, &v)),
        Ok(None) => html(
            StatusCode::NOT_FOUND,
            pages::introuvable(console.mots(), &s),
        ),
        Err(r) => r,
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

impl FormReponse {
    /// Typed text wins over a button: pressing Enter in the text field
    /// submits the form with its first button (a choice) too, and what the
    /// agent typed is what they meant. `None` when empty or too long.
    fn texte(self) -> Option<String> {
        let t = self
            .texte
            .filter(|t| !t.trim().is_empty())
            .or(self.reponse)
            .unwrap_or_default();
        (!t.trim().is_empty() && t.chars().count() <= TEXTE_MAX).then_some(t)
    }
}

async fn repondre(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path(id): Path<String>,
    Form(f): Form<FormReponse>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse(&console);
    }
    let retour = format!("/agent/appels/{id}");
    let Some(texte) = f.texte() else {
        return Redirect::to(&retour).into_response();
    };
    let (c, login) = (console.clone(), s.login.clone());
    let r = bloquant(&console, move || {
        let Some(mut a) = c.appel(&id, &login)? else {
            return Ok(false);
        };
        a.messages = pas(&c, &a, &texte)?.messages;
        a.note = None;
        c.garder(&id, &a)?;
        Ok(true)
    })
    .await;
    // Post/redirect/get: reloading the page never answers twice.
    apres(&console, &s, r, &retour)
}

/// The call, the question to answer again, and the answer given before.
fn a_modifier(
    console: &Console,
    id: &str,
    agent: &str,
    question: &str,
) -> Result<Option<(Appel, Invite, String)>, String> {
    let Some(appel) = console.appel(id, agent)? else {
        return Ok(None);
    };
    let service = &console.service;
    let Some(c) = service
        .conversation_cle(&appel.cle)
        .map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    let Some(donnee) = service
        .moteur
        .reponses_donnees(&c)
        .into_iter()
        .find(|d| d.question == question)
    else {
        return Ok(None);
    };
    Ok(service
        .moteur
        .invite_question(&c, question)
        .map(|i| (appel, i, donnee.reponse)))
}

async fn page_modifier(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path((id, question)): Path<(String, String)>,
) -> Response {
    let (c, login, id2) = (console.clone(), s.login.clone(), id.clone());
    match bloquant(&console, move || a_modifier(&c, &id2, &login, &question)).await {
        Ok(Some((_, invite, actuelle))) => html(
            StatusCode::OK,
            pages::modifier(console.mots(), &s, &id, &invite, &actuelle, &[]),
        ),
        Ok(None) => html(
            StatusCode::NOT_FOUND,
            pages::introuvable(console.mots(), &s),
        ),
        Err(r) => r,
    }
}

/// What a correction gave.
enum Corrige {
    Fait,
    Introuvable,
    Incomprise(Invite, String, Vec<String>),
    Refusee(&'static str),
}

async fn modifier(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path((id, question)): Path<(String, String)>,
    Form(f): Form<FormReponse>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse(&console);
    }
    let Some(texte) = f.texte() else {
        return Redirect::to(&format!("/agent/appels/{id}/modifier/{question}")).into_response();
    };
    let (c, login, id2) = (console.clone(), s.login.clone(), id.clone());
    let r = bloquant(&console, move || {
        let Some((mut a, invite, actuelle)) = a_modifier(&c, &id2, &login, &question)? else {
            return Ok(Corrige::Introuvable);
        };
        match c
            .service
            .corriger(&a.cle, &question, &texte)
            .map_err(|e| e.to_string())?
        {
            Ok((sortie, retirees)) => {
                a.messages = sortie.messages;
                a.note = Some(note_correction(&c, &retirees));
                c.garder(&id2, &a)?;
                Ok(Corrige::Fait)
            }
            Err(RefusCorrection::Incomprise(m)) => Ok(Corrige::Incomprise(invite, actuelle, m)),
            Err(RefusCorrection::PasRepondue) => Ok(Corrige::Introuvable),
            Err(RefusCorrection::Ancienne) => Ok(Corrige::Refusee("modifier-ancienne")),
            Err(RefusCorrection::Arretee) => Ok(Corrige::Refusee("modifier-arretee")),
        }
    })
    .await;
    match r {
        Ok(Corrige::Fait) => Redirect::to(&format!("/agent/appels/{id}")).into_response(),
        Ok(Corrige::Introuvable) => html(
            StatusCode::NOT_FOUND,
            pages::introuvable(console.mots(), &s),
        ),
        Ok(Corrige::Incomprise(invite, actuelle, messages)) => html(
            StatusCode::UNPROCESSABLE_ENTITY,
            pages::modifier(console.mots(), &s, &id, &invite, &actuelle, &messages),
        ),
        Ok(Corrige::Refusee(m)) => html(
            StatusCode::CONFLICT,
            pages::erreur(console.mots(), &console.mots().t(m)),
        ),
        Err(r) => r,
    }
}

/// "Answer changed", and which answers were dropped with it.
fn note_correction(console: &Console, retirees: &[ReponseDonnee]) -> String {
    let m = console.mots();
    if retirees.is_empty() {
        return m.t("modifiee");
    }
    let liste: Vec<String> = retirees
        .iter()
        .map(|r| format!("« {} » ({})", r.libelle, r.reponse))
        .collect();
    m.a(
        "modifiee-retirees",
        &[("liste", Arg::Texte(liste.join(", ")))],
    )
}

/// "Send the summary by SMS": the caller's number and their consent.
#[derive(Deserialize)]
struct FormSms {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    numero: String,
    #[serde(default)]
    consentement: Option<String>,
}

async fn envoyer_sms(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path(id): Path<String>,
    Form(f): Form<FormSms>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse(&console);
    }
    let (c, login, id2) = (console.clone(), s.login.clone(), id.clone());
    let r = bloquant(&console, move || {
        let Some(mut a) = c.appel(&id2, &login)? else {
            return Ok(false);
        };
        a.note = Some(envoi_recapitulatif(&c, &a, &f));
        c.garder(&id2, &a)?;
        Ok(true)
    })
    .await;
    apres(&console, &s, r, &format!("/agent/appels/{id}#envoi-sms"))
}

/// Sends the summary; says what happened, for the agent.
fn envoi_recapitulatif(console: &Console, appel: &Appel, f: &FormSms) -> String {
    let m = console.mots();
    if f.consentement.is_none() {
        return m.t("sms-sans-accord");
    }
    let service = &console.service;
    // An empty number on a callback means "the number to call back" (the
    // SMS sender, or the number shared on Telegram).
    let numero = if f.numero.trim().is_empty() && appel.rappel {
        service
            .rappel(&appel.cle)
            .ok()
            .flatten()
            .and_then(|d| service.telephone(&d))
            .unwrap_or_default()
    } else {
        f.numero.clone()
    };
    let Some(e164) = crate::sms::numero::normaliser(&numero) else {
        return m.t("sms-numero-invalide");
    };
    let messages = match service.recapitulatif(&appel.cle) {
        Ok(x) if x.is_empty() => return m.t("sms-rien-a-envoyer"),
        Ok(x) => x,
        Err(e) => return m.a("sms-stockage", &[("erreur", Arg::Texte(e.to_string()))]),
    };
    let masque = crate::sms::numero::masquer(&e164);
    match console.messagerie.envoyer(service, "sms", &e164, &messages) {
        Ok(()) => {
            tracing::info!(agent = %appel.agent, vers = %masque, sms = messages.len(), "console agent : récapitulatif envoyé");
            m.a(
                "sms-envoye",
                &[
                    ("numero", Arg::Texte(masque)),
                    ("n", Arg::Nombre(messages.len() as i64)),
                ],
            )
        }
        Err(e) => m.a("sms-echec", &[("erreur", Arg::Texte(e.message(m)))]),
    }
}

async fn clore(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path(id): Path<String>,
    Form(f): Form<FormSimple>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse(&console);
    }
    let (c, login, id2) = (console.clone(), s.login.clone(), id.clone());
    let r = bloquant(&console, move || {
        let Some(mut a) = c.appel(&id2, &login)?.filter(|a| a.rappel) else {
            return Ok(false);
        };
        a.note = Some(clore_rappel(&c, &a)?);
        c.garder(&id2, &a)?;
        Ok(true)
    })
    .await;
    apres(&console, &s, r, &format!("/agent/appels/{id}"))
}

/// Marks the callback handled, erases the contact, and tells the person on
/// their channel (with the summary, when results were reached).
fn clore_rappel(console: &Console, appel: &Appel) -> Result<String, String> {
    let m = console.mots();
    let service = &console.service;
    let Some(demande) = service
        .clore_rappel(&appel.cle)
        .map_err(|e| e.to_string())?
    else {
        return Ok(m.t("clos-disparue"));
    };
    // The person is told in the language of their conversation.
    let langue = service
        .conversation_cle(&appel.cle)
        .map_err(|e| e.to_string())?
        .map(|c| c.langue)
        .unwrap_or_default();
    let Some(contact) = service.contact(&demande) else {
        return Ok(m.t("clos-injoignable"));
    };
    let mut messages = vec![service.moteur.textes.msg(langue, "rappel-traite", &[])];
    messages.extend(
        service
            .recapitulatif(&appel.cle)
            .map_err(|e| e.to_string())?,
    );
    let canal = Arg::Texte(pages::canal_lisible(m, &appel.canal));
    Ok(
        match console
            .messagerie
            .envoyer(service, &appel.canal, &contact, &messages)
        {
            Ok(()) => m.a("clos-prevenue", &[("canal", canal)]),
            Err(e) => m.a(
                "clos-echec",
                &[("canal", canal), ("erreur", Arg::Texte(e.message(m)))],
            ),
        },
    )
}

async fn imprimer(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Path(id): Path<String>,
) -> Response {
    let (c, login) = (console.clone(), s.login.clone());
    match bloquant(&console, move || vue(&c, &id, &login)).await {
        Ok(Some(v)) => html(StatusCode::OK, pages::impression(console.mots(), &v)),
        Ok(None) => html(
            StatusCode::NOT_FOUND,
            pages::introuvable(console.mots(), &s),
        ),
        Err(r) => r,
    }
}

/// One callback request as the queue shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LigneRappel {
    /// The conversation's key (to take the request).
    pub cle: String,
    /// When it was asked (seconds since 1970).
    pub depuis: u64,
    /// The person's channel.
    pub canal: String,
    /// Handled already.
    pub traitee: bool,
    /// The agent who took it, if any.
    pub prise_par: Option<String>,
    /// How to reach the person, masked (`06 •• •• •• 78`), if kept.
    pub joignable: Option<String>,
    /// The situation so far, as `path = value` lines.
    pub situation: Vec<(String, String)>,
}

fn lignes_rappel(console: &Console) -> Result<Vec<LigneRappel>, String> {
    let service = &console.service;
    let magasin = service.magasin();
    let demandes = magasin.rappels().map_err(|e| e.to_string())?;
    Ok(demandes
        .into_iter()
        .map(|(cle, d)| {
            let situation = match magasin.lire(&cle) {
                Ok(Some(dossier)) => lignes_situation(&dossier.conversation.situation),
                _ => Vec::new(),
            };
            let joignable = match service.telephone(&d) {
                Some(t) => Some(crate::sms::numero::masquer(&t)),
                None if d.contact.is_some() => Some(console.mots().t("rappels-telegram")),
                None => None,
            };
            LigneRappel {
                cle: cle.0,
                depuis: d.depuis,
                canal: d.canal,
                traitee: d.traitee,
                prise_par: d.prise_par,
                joignable,
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
    match bloquant(&console, move || lignes_rappel(&c)).await {
        Ok(l) => html(StatusCode::OK, pages::rappels(console.mots(), &s, &l)),
        Err(r) => r,
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

/// "Take this callback": the request's key.
#[derive(Deserialize)]
struct FormPrendre {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    cle: String,
}

async fn prendre_rappel(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
    Form(f): Form<FormPrendre>,
) -> Response {
    if !session::egaux(&s.csrf, &f.csrf) {
        return csrf_refuse(&console);
    }
    let id = match id_appel(&console) {
        Ok(id) => id,
        Err(r) => return *r,
    };
    let (c, login, id2) = (console.clone(), s.login.clone(), id.clone());
    let r = bloquant(&console, move || {
        let cle = Cle(f.cle);
        let Some(d) = c
            .service
            .prendre_rappel(&cle, &login)
            .map_err(|e| e.to_string())?
        else {
            // Taken by another agent meanwhile (409), or unknown or
            // handled already (404).
            let prise = c
                .service
                .rappel(&cle)
                .map_err(|e| e.to_string())?
                .is_some_and(|d| !d.traitee && d.prise_par.is_some());
            return Ok(if prise {
                Prise::ParUnAutre
            } else {
                Prise::Introuvable
            });
        };
        let appel = Appel {
            agent: login,
            debut: c.gardien.maintenant(),
            cle,
            canal: d.canal,
            rappel: true,
            messages: Vec::new(),
            note: None,
        };
        c.garder(&id2, &appel)?;
        Ok(Prise::Faite)
    })
    .await;
    match r {
        Ok(Prise::ParUnAutre) => page_erreur(&console, StatusCode::CONFLICT, "rappel-deja-pris"),
        r => apres(
            &console,
            &s,
            r.map(|p| p == Prise::Faite),
            &format!("/agent/appels/{id}"),
        ),
    }
}

/// What came of taking a callback request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prise {
    /// Taken by this agent.
    Faite,
    /// Another agent took it first.
    ParUnAutre,
    /// No such request waiting.
    Introuvable,
}
