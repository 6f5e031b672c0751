//! The Telegram channel against a fake Bot API on localhost: a whole
//! conversation with keyboards, the webhook secret, duplicates, 429 and 403
//! answers, malformed updates, and long polling.
//!
//! The fake answers teloxide's requests (`POST /bot{token}/{Method}`, method
//! names in PascalCase) and records them; it can be told to answer some
//! sendMessage calls with an error. Updates are posted to the webhook router
//! in-process; the test waits for the send queues to drain
//! ([`Envoyeur::attendre`]) instead of sleeping.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{Request, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use guichet::channels::telegram::envoi::Limites;
use guichet::channels::telegram::{Canal, routeur};
use guichet::dialogue::questions::Genre;
use guichet::dialogue::{Etape, Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::service::Service;
use guichet::store::MemoryStore;
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use teloxide::Bot;
use tower::ServiceExt;

const SECRET: &str = "s3cret_Token-1";
const TOKEN: &str = "123456:TEST-token";

/// What the fake Bot API saw and what it must answer next.
#[derive(Clone, Default)]
struct Fake {
    /// (method, JSON body, answered ok) of every request.
    appels: Arc<Mutex<Vec<(String, Value, bool)>>>,
    /// Answers to give to the next sendMessage calls, before succeeding again.
    erreurs: Arc<Mutex<VecDeque<Value>>>,
    /// Chats that blocked the bot.
    bloques: Arc<Mutex<Vec<i64>>>,
    /// Updates to give to getUpdates (once).
    updates: Arc<Mutex<Vec<Value>>>,
    /// (chat, arrival) of every accepted sendMessage.
    arrivees: Arc<Mutex<Vec<(i64, std::time::Instant)>>>,
}

impl Fake {
    /// The sendMessage bodies Telegram accepted, in order.
    fn envoyes(&self) -> Vec<Value> {
        self.appels
            .lock()
            .unwrap()
            .iter()
            .filter(|(m, _, ok)| m.eq_ignore_ascii_case("sendmessage") && *ok)
            .map(|(_, b, _)| b.clone())
            .collect()
    }

    fn tentatives(&self) -> usize {
        self.appels
            .lock()
            .unwrap()
            .iter()
            .filter(|(m, _, _)| m.eq_ignore_ascii_case("sendmessage"))
            .count()
    }
}

async fn api(
    State(f): State<Fake>,
    Path((_bot, methode)): Path<(String, String)>,
    corps: String,
) -> Json<Value> {
    let v: Value = serde_json::from_str(&corps).unwrap_or(Value::String(corps));
    let (ok, reponse) = match methode.to_ascii_lowercase().as_str() {
        "sendmessage" => {
            let chat = v["chat_id"].as_i64().unwrap_or(0);
            if f.bloques.lock().unwrap().contains(&chat) {
                (
                    false,
                    json!({"ok": false, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}),
                )
            } else if let Some(e) = f.erreurs.lock().unwrap().pop_front() {
                (false, e)
            } else {
                f.arrivees
                    .lock()
                    .unwrap()
                    .push((chat, std::time::Instant::now()));
                (
                    true,
                    json!({"ok": true, "result": {
                        "message_id": 7, "date": 1_700_000_000,
                        "chat": {"id": chat, "type": "private", "first_name": "Samia"},
                        "from": {"id": 42, "is_bot": true, "first_name": "Guichet"},
                        "text": v["text"]
                    }}),
                )
            }
        }
        "getupdates" => {
            let u: Vec<Value> = std::mem::take(&mut *f.updates.lock().unwrap());
            (true, json!({"ok": true, "result": u}))
        }
        "deletewebhook" | "setwebhook" => (true, json!({"ok": true, "result": true})),
        _ => (
            false,
            json!({"ok": false, "error_code": 404, "description": "Not Found: method not found"}),
        ),
    };
    f.appels.lock().unwrap().push((methode, v, ok));
    Json(reponse)
}

async fn fake_api() -> (Fake, String) {
    let fake = Fake::default();
    let app = Router::new()
        .route("/{bot}/{method}", post(api))
        .with_state(fake.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let adresse = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (fake, format!("http://{adresse}"))
}

struct Banc {
    fake: Fake,
    service: Arc<Service>,
    canal: Arc<Canal>,
    app: Router,
    bot: Bot,
    prochain_update: u32,
}

/// Limits without waiting, so that tests run fast; the waits themselves are
/// Telegram's (the 429's retry_after).
fn limites_de_test() -> Limites {
    Limites {
        par_chat: Duration::ZERO,
        global: Duration::ZERO,
        essais_reseau: 2,
        attente_reseau: Duration::from_millis(10),
        inactivite: Duration::from_millis(50),
    }
}

async fn banc() -> Banc {
    let (fake, url) = fake_api().await;
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Arc::new(
        Service::nouveau(moteur, Box::new(MemoryStore::default()), b"t".to_vec())
            .avec_horloge(|| 1_795_435_200),
    );
    let bot = Bot::new(TOKEN).set_api_url(url.parse().unwrap());
    let canal = Canal::nouveau(
        service.clone(),
        bot.clone(),
        Some(SECRET.into()),
        limites_de_test(),
    );
    let app = routeur(canal.clone());
    Banc {
        fake,
        service,
        canal,
        app,
        bot,
        prochain_update: 1,
    }
}

fn update(id: u32, chat: i64, texte: &str) -> Value {
    json!({"update_id": id, "message": {
        "message_id": id, "date": 1_700_000_000,
        "chat": {"id": chat, "type": "private", "first_name": "Samia"},
        "from": {"id": chat, "is_bot": false, "first_name": "Samia", "language_code": "fr"},
        "text": texte}})
}

impl Banc {
    async fn poster(&self, corps: &str, secret: Option<&str>) -> (StatusCode, Value) {
        let mut r = Request::post("/telegram").header("content-type", "application/json");
        if let Some(s) = secret {
            r = r.header("X-Telegram-Bot-Api-Secret-Token", s);
        }
        let rep = self
            .app
            .clone()
            .oneshot(r.body(Body::from(corps.to_string())).unwrap())
            .await
            .unwrap();
        let statut = rep.status();
        let octets = http_body_util::BodyExt::collect(rep.into_body())
            .await
            .unwrap()
            .to_bytes();
        (
            statut,
            serde_json::from_slice(&octets).unwrap_or(Value::Null),
        )
    }

    /// Shares a contact card (of `proprietaire`) in a chat; returns the replies.
    async fn partager(&mut self, chat: i64, proprietaire: i64, numero: &str) -> Vec<Value> {
        let avant = self.fake.envoyes().len();
        let id = self.prochain_update;
        self.prochain_update += 1;
        let mut u = update(id, chat, "");
        let message = u["message"].as_object_mut().unwrap();
        message.remove("text");
        message.insert(
            "contact".into(),
            json!({"phone_number": numero, "first_name": "Samia", "user_id": proprietaire}),
        );
        let (s, r) = self.poster(&u.to_string(), Some(SECRET)).await;
        assert_eq!(s, StatusCode::OK, "{r}");
        self.canal.envoyeur().attendre().await;
        self.fake.envoyes()[avant..].to_vec()
    }

    /// Sends a text from a chat as a new update; waits for the replies to
    /// leave and returns them.
    async fn dire(&mut self, chat: i64, texte: &str) -> Vec<Value> {
        let avant = self.fake.envoyes().len();
        let id = self.prochain_update;
        self.prochain_update += 1;
        let (s, r) = self
            .poster(&update(id, chat, texte).to_string(), Some(SECRET))
            .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        self.canal.envoyeur().attendre().await;
        self.fake.envoyes()[avant..].to_vec()
    }
}

fn boutons(message: &Value) -> Vec<String> {
    message["reply_markup"]["keyboard"]
        .as_array()
        .map(|rangees| {
            rangees
                .iter()
                .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                .map(|b| b["text"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn une_conversation_entiere_avec_claviers_jusqu_aux_resultats() {
    let mut b = banc().await;
    let chat = 1001;
    let mut replies = b.dire(chat, "/start").await;
    assert!(
        replies[0]["text"].as_str().unwrap().starts_with("Bonjour"),
        "{replies:?}"
    );
    let mut questions_a_boutons = 0;
    for _ in 0..40 {
        let conversation = b
            .service
            .conversation("telegram", &chat.to_string())
            .unwrap()
            .unwrap();
        let dernier = replies.last().expect("every answer gets a reply").clone();
        let Etape::Question { id } = &conversation.etape else {
            break;
        };
        let q = b.service.moteur.questions.question(id).unwrap();
        let clavier = boutons(&dernier);
        let reponse = match q.genre {
            Genre::OuiNon | Genre::Choix | Genre::Commune => {
                questions_a_boutons += 1;
                assert_eq!(
                    dernier["reply_markup"]["one_time_keyboard"], true,
                    "{id}: {dernier}"
                );
                assert_eq!(
                    dernier["reply_markup"]["resize_keyboard"], true,
                    "{id}: {dernier}"
                );
                match q.genre {
                    Genre::OuiNon => {
                        assert_eq!(clavier, ["Oui", "Non"], "{id}");
                        "Non".to_string()
                    }
                    Genre::Choix => {
                        assert_eq!(clavier.len(), q.choix.len(), "{id}: {clavier:?}");
                        // Locataire HLM for the housing, the first option otherwise.
                        let hlm = clavier.iter().find(|c| c.contains("HLM"));
                        hlm.unwrap_or(&clavier[0]).clone()
                    }
                    _ => {
                        assert!(!clavier.is_empty(), "{id}");
                        clavier[0].clone()
                    }
                }
            }
            genre => {
                assert_eq!(
                    dernier["reply_markup"]["remove_keyboard"], true,
                    "{id}: {dernier}"
                );
                match genre {
                    Genre::Nombre => "2",
                    Genre::Ages => "7 3",
                    Genre::Age => "31",
                    Genre::CodePostal => "59100",
                    _ => "380",
                }
                .to_string()
            }
        };
        let numero = conversation.posees;
        replies = b.dire(chat, &reponse).await;
        let apres = b
            .service
            .conversation("telegram", &chat.to_string())
            .unwrap()
            .unwrap();
        assert!(
            apres.posees > numero,
            "the button {reponse:?} of {id} was not understood: {replies:?}"
        );
    }
    assert!(questions_a_boutons >= 3, "{questions_a_boutons}");
    let conversation = b
        .service
        .conversation("telegram", &chat.to_string())
        .unwrap()
        .unwrap();
    assert!(
        matches!(conversation.etape, Etape::Resultats { .. }),
        "{:?}",
        conversation.etape
    );
    // The card: names in bold, HTML, apply buttons, phone links; then what to do next.
    let carte = &replies[0];
    assert_eq!(carte["parse_mode"], "HTML", "{carte}");
    let texte = carte["text"].as_str().unwrap();
    assert!(texte.contains("<b>"), "{texte}");
    assert!(texte.contains("href=\"tel:3230\""), "{texte}");
    assert!(texte.chars().count() <= 4096);
    let liens = carte["reply_markup"]["inline_keyboard"]
        .as_array()
        .expect("apply buttons");
    assert!(
        liens
            .iter()
            .all(|r| r[0]["url"].as_str().unwrap().starts_with("http")),
        "{liens:?}"
    );
    assert!(
        liens[0][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Faire la demande")
    );
    let fin = replies.last().unwrap();
    assert!(
        fin["text"].as_str().unwrap().contains("RECOMMENCER"),
        "{fin}"
    );
    assert_eq!(fin["reply_markup"]["remove_keyboard"], true);
    // A number gives the detail, as by SMS: the card's numbers are the engine's.
    let troisieme = texte.split("\n3. ").nth(1).unwrap();
    let montant = troisieme
        .split(" : ")
        .nth(1)
        .unwrap()
        .split(" €")
        .next()
        .unwrap();
    let detail = b.dire(chat, "3").await;
    assert!(
        detail[0]["text"].as_str().unwrap().contains(montant),
        "{montant} {detail:?}"
    );
}

#[tokio::test]
async fn un_mauvais_secret_est_refuse_et_rien_n_est_envoye() {
    let b = banc().await;
    let corps = update(1, 2002, "/start").to_string();
    for secret in [None, Some("mauvais"), Some("s3cret_Token-2"), Some("")] {
        let (s, r) = b.poster(&corps, secret).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "{secret:?}");
        assert!(r["erreur"].as_str().unwrap().contains("Secret-Token"));
    }
    b.canal.envoyeur().attendre().await;
    assert_eq!(b.fake.tentatives(), 0);
    assert!(
        b.service
            .conversation("telegram", "2002")
            .unwrap()
            .is_none(),
        "nothing processed"
    );
}

#[tokio::test]
async fn un_update_illisible_recoit_400_avec_la_raison() {
    let b = banc().await;
    let (s, r) = b.poster("{pas du json", Some(SECRET)).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(r["erreur"].as_str().unwrap().contains("illisible"), "{r}");
    let (s, _) = b.poster(r#"{"message": {}}"#, Some(SECRET)).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(b.fake.tentatives(), 0);
}

#[tokio::test]
async fn un_update_repete_est_traite_et_repondu_une_fois() {
    let b = banc().await;
    let corps = update(77, 3003, "/start").to_string();
    let (s, _) = b.poster(&corps, Some(SECRET)).await;
    assert_eq!(s, StatusCode::OK);
    b.canal.envoyeur().attendre().await;
    let une_fois = b.fake.envoyes().len();
    assert!(une_fois >= 1);
    for _ in 0..3 {
        let (s, _) = b.poster(&corps, Some(SECRET)).await;
        assert_eq!(
            s,
            StatusCode::OK,
            "a repeat is acknowledged, so that Telegram stops"
        );
    }
    b.canal.envoyeur().attendre().await;
    assert_eq!(b.fake.envoyes().len(), une_fois, "answered once");
    let c = b.service.conversation("telegram", "3003").unwrap().unwrap();
    assert_eq!(c.posees, 0, "processed once");
}

#[tokio::test]
async fn un_429_est_reessaye_apres_retry_after_et_rien_n_est_perdu() {
    let mut b = banc().await;
    let chat = 4004;
    let attendu = {
        // The same conversation elsewhere tells what must arrive.
        let mut t = banc().await;
        let mut v = t.dire(chat, "/start").await;
        v.extend(t.dire(chat, "non").await);
        v.into_iter().map(|m| m["text"].clone()).collect::<Vec<_>>()
    };
    b.fake.erreurs.lock().unwrap().push_back(json!({
        "ok": false, "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1}
    }));
    let mut recus = b.dire(chat, "/start").await;
    recus.extend(b.dire(chat, "non").await);
    let textes: Vec<Value> = recus.into_iter().map(|m| m["text"].clone()).collect();
    assert_eq!(textes, attendu, "everything arrives, in order");
    assert_eq!(
        b.fake.tentatives(),
        attendu.len() + 1,
        "one refused attempt, then sent again"
    );
}

#[tokio::test]
async fn un_bot_bloque_arrete_la_conversation() {
    let mut b = banc().await;
    let chat = 5005;
    b.dire(chat, "/start").await;
    b.fake.bloques.lock().unwrap().push(chat);
    let avant = b.fake.tentatives();
    let recus = b.dire(chat, "non").await;
    assert!(recus.is_empty());
    assert_eq!(
        b.fake.tentatives(),
        avant + 1,
        "the queue of a blocked chat is dropped after the first refusal"
    );
    let c = b
        .service
        .conversation("telegram", &chat.to_string())
        .unwrap()
        .unwrap();
    assert!(c.arrete, "blocked = STOP");
    // Unblocked, /start resumes the conversation where it was.
    b.fake.bloques.lock().unwrap().clear();
    let recus = b.dire(chat, "/start").await;
    assert!(!recus.is_empty());
    assert!(
        !b.service
            .conversation("telegram", &chat.to_string())
            .unwrap()
            .unwrap()
            .arrete
    );
}

#[tokio::test]
async fn les_groupes_et_les_modifications_sont_ignores() {
    let b = banc().await;
    let groupe = json!({"update_id": 9, "message": {
        "message_id": 1, "date": 1_700_000_000,
        "chat": {"id": -100, "type": "group", "title": "Famille"},
        "from": {"id": 6006, "is_bot": false, "first_name": "Samia"},
        "text": "/start"}});
    let (s, _) = b.poster(&groupe.to_string(), Some(SECRET)).await;
    assert_eq!(s, StatusCode::OK);
    let mut modif = update(10, 6006, "bonjour");
    modif["edited_message"] = modif["message"].take();
    modif.as_object_mut().unwrap().remove("message");
    let (s, _) = b.poster(&modif.to_string(), Some(SECRET)).await;
    assert_eq!(s, StatusCode::OK);
    b.canal.envoyeur().attendre().await;
    assert_eq!(b.fake.tentatives(), 0);
}

#[tokio::test]
async fn la_langue_de_telegram_choisit_l_anglais() {
    let b = banc().await;
    let mut u = update(1, 7007, "/start");
    u["message"]["from"]["language_code"] = json!("en-GB");
    let (s, _) = b.poster(&u.to_string(), Some(SECRET)).await;
    assert_eq!(s, StatusCode::OK);
    b.canal.envoyeur().attendre().await;
    let envoyes = b.fake.envoyes();
    let dernier = envoyes.last().unwrap();
    assert_eq!(boutons(dernier), ["Yes", "No"], "{dernier}");
}

#[tokio::test]
async fn l_interrogation_traite_les_updates_dans_l_ordre() {
    let b = banc().await;
    *b.fake.updates.lock().unwrap() = vec![update(1, 8008, "/start"), update(2, 8008, "non")];
    let tache = tokio::spawn(guichet::channels::telegram::interroger(
        b.bot.clone(),
        b.canal.clone(),
    ));
    // Wait for the second answer to be stored (polled, not timed).
    let mut n = 0;
    loop {
        let c = b.service.conversation("telegram", "8008").unwrap();
        if c.is_some_and(|c| c.posees == 1) {
            break;
        }
        n += 1;
        assert!(n < 2000, "the polled updates were not handled");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    tache.abort();
    b.canal.envoyeur().attendre().await;
    let appels: Vec<String> = b
        .fake
        .appels
        .lock()
        .unwrap()
        .iter()
        .map(|a| a.0.to_ascii_lowercase())
        .collect();
    assert_eq!(appels[0], "deletewebhook");
    let offsets: Vec<Value> = b
        .fake
        .appels
        .lock()
        .unwrap()
        .iter()
        .filter(|a| a.0.eq_ignore_ascii_case("getupdates"))
        .map(|a| a.1["offset"].clone())
        .collect();
    assert!(
        offsets.iter().skip(1).all(|o| o == 3),
        "confirmed after handling: {offsets:?}"
    );
}

#[tokio::test]
async fn la_configuration_telegram() {
    use guichet::config::{Config, ModeTelegram};
    let c = Config::depuis_texte("[telegram]\ntoken = \"1:a\"\nmode = \"polling\"\n").unwrap();
    assert_eq!(c.telegram.mode, ModeTelegram::Polling);
    assert_eq!(c.telegram.api_url, "https://api.telegram.org");
    assert!(Config::depuis_texte("[telegram]\nmode = \"pigeon\"\n").is_err());
    let b = banc().await;
    // Off without a token.
    let d = guichet::channels::telegram::demarrer(&Config::default().telegram, b.service.clone())
        .await
        .unwrap();
    assert!(d.envoyeur.is_none());
    // A webhook without a secret would accept anyone's updates: refused.
    let mut t = Config::default().telegram;
    t.token = TOKEN.into();
    let e = guichet::channels::telegram::demarrer(&t, b.service.clone())
        .await
        .err()
        .unwrap();
    assert!(e.contains("webhook_secret"), "{e}");
    t.webhook_secret = "pas valide !".into();
    assert!(
        guichet::channels::telegram::demarrer(&t, b.service.clone())
            .await
            .is_err()
    );
    t.webhook_secret = SECRET.into();
    assert!(
        guichet::channels::telegram::demarrer(&t, b.service.clone())
            .await
            .unwrap()
            .envoyeur
            .is_some()
    );
}

#[tokio::test]
async fn les_limites_de_debit_sont_respectees() {
    use guichet::channels::telegram::format::{Clavier, Sortant};
    let (fake, url) = fake_api().await;
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Arc::new(Service::nouveau(
        moteur,
        Box::new(MemoryStore::default()),
        b"t".to_vec(),
    ));
    let limites = Limites {
        par_chat: Duration::from_millis(300),
        global: Duration::from_millis(150),
        ..limites_de_test()
    };
    let envoyeur = guichet::channels::telegram::envoi::Envoyeur::nouveau(
        Bot::new(TOKEN).set_api_url(url.parse().unwrap()),
        service,
        limites,
    );
    let m = |t: &str| Sortant {
        texte: t.into(),
        html: false,
        clavier: Clavier::Aucun,
    };
    let debut = std::time::Instant::now();
    envoyeur.envoyer(1, vec![m("a1"), m("a2"), m("a3")]);
    envoyeur.envoyer(2, vec![m("b1"), m("b2"), m("b3")]);
    envoyeur.attendre().await;
    let arrivees = fake.arrivees.lock().unwrap().clone();
    assert_eq!(arrivees.len(), 6);
    // Lower bounds only: each follows from how sending waits, whatever the load.
    for chat in [1, 2] {
        let a: Vec<_> = arrivees
            .iter()
            .filter(|x| x.0 == chat)
            .map(|x| x.1)
            .collect();
        for w in a.windows(2) {
            assert!(
                w[1] - w[0] >= Duration::from_millis(300),
                "one message per interval in a chat"
            );
        }
    }
    assert!(
        arrivees[5].1 - debut >= Duration::from_millis(5 * 150),
        "overall interval"
    );
    // In order per chat.
    let textes: Vec<String> = fake
        .envoyes()
        .iter()
        .map(|b| b["text"].as_str().unwrap().to_string())
        .collect();
    let a: Vec<&String> = textes.iter().filter(|t| t.starts_with('a')).collect();
    assert_eq!(a, ["a1", "a2", "a3"]);
}

#[tokio::test]
async fn un_rappel_garde_le_chat_scelle_et_la_console_peut_prevenir_la_personne() {
    use guichet::agent::envoi::{EchecEnvoi, Messagerie};
    let mut b = banc().await;
    let chat = 6006;
    b.dire(chat, "/start").await;
    // A contact card before any request: not kept.
    let recus = b.partager(chat, chat, "+33612345678").await;
    assert!(
        recus[0]["text"]
            .as_str()
            .unwrap()
            .contains("n'a pas été gardé"),
        "{recus:?}"
    );
    let recus = b.dire(chat, "/rappel").await;
    // After RAPPEL: a button to share one's own number, with the question's answers.
    let clavier = &recus.last().unwrap()["reply_markup"]["keyboard"];
    let rangees = clavier.as_array().expect("a reply keyboard");
    assert_eq!(
        rangees.last().unwrap()[0]["request_contact"],
        true,
        "{clavier}"
    );
    assert!(rangees.len() >= 2, "the question's answers stay: {clavier}");
    let cle = b.service.cle("telegram", &chat.to_string());
    assert_eq!(b.service.rappel(&cle).unwrap().unwrap().telephone, None);
    // Someone else's contact card is not a number to call this person on.
    b.partager(chat, 999, "+33698765432").await;
    assert_eq!(b.service.rappel(&cle).unwrap().unwrap().telephone, None);
    // Their own number: kept sealed with the request, thanked, masked.
    let recus = b.partager(chat, chat, "33612345678").await;
    let merci = recus[0]["text"].as_str().unwrap();
    assert!(merci.contains("+33 6 •• •• •• 78"), "{merci}");
    assert!(
        recus.len() >= 2,
        "the question waiting is asked again: {recus:?}"
    );
    let demande = b.service.rappel(&cle).unwrap().unwrap();
    assert!(!demande.telephone.clone().unwrap().contains("612345678"));
    assert_eq!(
        b.service.telephone(&demande).as_deref(),
        Some("+33612345678")
    );
    let demande = b.service.rappel(&cle).unwrap().expect("a callback request");
    assert_eq!(demande.canal, "telegram");
    let scelle = demande
        .contact
        .clone()
        .expect("the chat id is kept, sealed");
    assert!(!scelle.contains("6006"));
    assert_eq!(b.service.contact(&demande).as_deref(), Some("6006"));

    // The console tells the person through the same rate-limited queue.
    let messagerie = Messagerie {
        boite: None,
        telegram: Some(b.canal.envoyeur().clone()),
    };
    assert!(messagerie.possible("telegram"));
    assert!(!messagerie.possible("sms"));
    let avant = b.fake.envoyes().len();
    messagerie
        .envoyer(
            &b.service,
            "telegram",
            "6006",
            &["Votre demande est traitée.".into()],
        )
        .unwrap();
    b.canal.envoyeur().attendre().await;
    let envoyes = b.fake.envoyes()[avant..].to_vec();
    assert_eq!(envoyes.len(), 1);
    assert_eq!(envoyes[0]["chat_id"], 6006);
    assert_eq!(envoyes[0]["text"], "Votre demande est traitée.");

    // Not to a chat that said STOP, nor to something that is not a chat id.
    b.dire(chat, "STOP").await;
    assert_eq!(
        messagerie.envoyer(&b.service, "telegram", "6006", &["x".into()]),
        Err(EchecEnvoi::Arrete)
    );
    assert_eq!(
        messagerie.envoyer(&b.service, "telegram", "pas-un-chat", &["x".into()]),
        Err(EchecEnvoi::ContactInvalide)
    );
    assert_eq!(
        messagerie.envoyer(&b.service, "sms", "+33612345678", &["x".into()]),
        Err(EchecEnvoi::NonConfigure)
    );
}

#[tokio::test]
async fn les_reponses_stockees_avant_un_arret_partent_au_redemarrage() {
    use guichet::channels::telegram::envoi::Envoyeur;
    use guichet::channels::telegram::format::{Clavier, Sortant};
    let mut b = banc().await;
    // A whole exchange leaves nothing in the store once sent.
    b.dire(7007, "/start").await;
    b.dire(7007, "non").await;
    assert!(
        b.service
            .magasin()
            .entrees("sortants_telegram")
            .unwrap()
            .is_empty(),
        "sent replies are removed"
    );
    // A run stores replies and dies before sending them.
    let texte = |t: &str| Sortant {
        texte: t.into(),
        html: false,
        clavier: Clavier::Aucun,
    };
    let mort = Envoyeur::nouveau(b.bot.clone(), b.service.clone(), limites_de_test());
    mort.deposer(7007, vec![texte("un"), texte("deux")])
        .unwrap();
    mort.deposer(8008, vec![texte("trois")]).unwrap();
    let stockees = b.service.magasin().entrees("sortants_telegram").unwrap();
    assert_eq!(stockees.len(), 3);
    assert!(
        stockees
            .iter()
            .all(|(_, v)| !String::from_utf8_lossy(v).contains("7007")),
        "chat ids are sealed"
    );
    drop(mort);
    // The next run sends them, in order per chat, and forgets them.
    let avant = b.fake.envoyes().len();
    let suivant = Envoyeur::nouveau(b.bot.clone(), b.service.clone(), limites_de_test());
    assert_eq!(suivant.reprendre().unwrap(), 3);
    suivant.attendre().await;
    let envoyes = b.fake.envoyes()[avant..].to_vec();
    let de = |chat: i64| -> Vec<String> {
        envoyes
            .iter()
            .filter(|m| m["chat_id"] == chat)
            .map(|m| m["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(de(7007), ["un", "deux"]);
    assert_eq!(de(8008), ["trois"]);
    assert!(
        b.service
            .magasin()
            .entrees("sortants_telegram")
            .unwrap()
            .is_empty()
    );
}
