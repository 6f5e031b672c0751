//! One call: starting it, the question page an agent reads aloud, an
//! answer, a correction of an earlier answer, the summary by SMS, closing
//! it, and the printable page. Every answer goes through the service as an
//! SMS would.

use super::*;

pub(super) async fn nouvel_appel(
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

/// One step of a call: the agent's answer, read as an SMS would be.
pub(super) fn pas(console: &Console, appel: &Appel, texte: &str) -> Result<Sortie, String> {
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

/// The situation of a conversation as `path = value` lines.
pub(super) fn lignes_situation(situation: &crate::situation::Situation) -> Vec<(String, String)> {
    let mut lignes = Vec::new();
    if let Ok(v) = serde_json::to_value(situation) {
        aplatir("", &v, &mut lignes);
    }
    lignes
}

pub(super) fn aplatir(prefixe: &str, v: &serde_json::Value, lignes: &mut Vec<(String, String)>) {
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

pub(super) fn vue(console: &Console, id: &str, agent: &str) -> Result<Option<VueAppel>, String> {
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

pub(super) async fn appel(
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
pub(super) struct FormReponse {
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

pub(super) async fn repondre(
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
pub(super) fn a_modifier(
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

pub(super) async fn page_modifier(
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
pub(super) enum Corrige {
    Fait,
    Introuvable,
    Incomprise(Invite, String, Vec<String>),
    Refusee(&'static str),
}

pub(super) async fn modifier(
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
pub(super) fn note_correction(console: &Console, retirees: &[ReponseDonnee]) -> String {
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
pub(super) struct FormSms {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    numero: String,
    #[serde(default)]
    consentement: Option<String>,
}

pub(super) async fn envoyer_sms(
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
pub(super) fn envoi_recapitulatif(console: &Console, appel: &Appel, f: &FormSms) -> String {
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

pub(super) async fn clore(
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

pub(super) async fn imprimer(
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
