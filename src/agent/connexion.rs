//! Logging in and out of the console: the login page, the password check
//! (through [`super::session::Gardien`], which counts failures before argon2
//! runs), the session and CSRF cookies.

use super::*;

pub(super) async fn page_connexion(
    State(console): State<Arc<Console>>,
    entetes: HeaderMap,
) -> Response {
    connexion_avec(&console, &entetes, StatusCode::OK, None)
}

/// The login page with a fresh CSRF token in both the form and a cookie.
pub(super) fn connexion_avec(
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
pub(super) struct FormConnexion {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

pub(super) async fn connexion(
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

pub(super) async fn deconnexion(
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
