//! The callback queue: the requests of people who texted RAPPEL, taking
//! one (a second agent gets 409), and telling the person it was handled.

use super::*;

/// Marks the callback handled, erases the contact, and tells the person on
/// their channel (with the summary, when results were reached).
pub(super) fn clore_rappel(console: &Console, appel: &Appel) -> Result<String, String> {
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

pub(super) fn lignes_rappel(console: &Console) -> Result<Vec<LigneRappel>, String> {
    let service = &console.service;
    let demandes = service.rappels().map_err(|e| e.to_string())?;
    Ok(demandes
        .into_iter()
        .map(|(cle, d)| {
            let situation = match service.conversation_cle(&cle) {
                Ok(Some(c)) => lignes_situation(&c.situation),
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

pub(super) async fn rappels(
    State(console): State<Arc<Console>>,
    Extension(s): Extension<Session>,
) -> Response {
    let c = console.clone();
    match bloquant(&console, move || lignes_rappel(&c)).await {
        Ok(l) => html(StatusCode::OK, pages::rappels(console.mots(), &s, &l)),
        Err(r) => r,
    }
}

pub(super) async fn api_rappels(State(console): State<Arc<Console>>) -> Response {
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
pub(super) struct FormPrendre {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    cle: String,
}

pub(super) async fn prendre_rappel(
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
pub(super) enum Prise {
    /// Taken by this agent.
    Faite,
    /// Another agent took it first.
    ParUnAutre,
    /// No such request waiting.
    Introuvable,
}
