//! The SMS providers with real payloads: Twilio (signed form, TwiML reply,
//! status callbacks), Vonage (GET and POST, parts of a long SMS, `sig`),
//! Mtarget (`Keyword=Stop`, `msglong.*`, its secret path or HTTP Basic),
//! and the outbox against a fake provider send API on localhost (success,
//! 500 then success, timeout, STOP while queued, destinations abroad, the
//! global pace). Every webhook is authenticated, as `serve` requires.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::post;
use guichet::channels::sms::ReglagesSms;
use guichet::channels::sms_outbox::{Boite, EtatSortant, Fournisseur};
use guichet::channels::{twilio, vonage};
use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::server::routeur;
use guichet::service::Service;
use guichet::situation::Mois;
use guichet::state::AppState;
use guichet::store::MemoryStore;
use http_body_util::BodyExt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tower::ServiceExt;

const JETON: &str = "6789";
const URL_PUBLIQUE: &str = "https://sms.example.fr";
const SECRET_VONAGE: &str = "sigsecret";
const CHEMIN_MTARGET: &str = "chemin-secret-0123456789";

fn nov_2026() -> Mois {
    Mois {
        annee: 2026,
        mois: 11,
    }
}

struct Banc {
    app: axum::Router,
    service: Arc<Service>,
    boite: Arc<Boite>,
}

fn banc(directe: bool, api_url: &str) -> Banc {
    banc_avec(directe, api_url, ReglagesSms::default())
}

/// A bench whose SMS settings are `r` plus the three providers' secrets.
fn banc_avec(directe: bool, api_url: &str, r: ReglagesSms) -> Banc {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Arc::new(Service::nouveau(
        moteur,
        Box::new(MemoryStore::default()),
        b"t".to_vec(),
    ));
    let f = |nom: &str| {
        (
            nom.to_string(),
            Fournisseur {
                api_url: api_url.to_string(),
                identifiant: "AC123".into(),
                secret: JETON.into(),
                expediteur: "+33939000000".into(),
                url_recus: None,
            },
        )
    };
    let mut b = Boite::avec_delai(
        service.clone(),
        b"t".to_vec(),
        vec![f("twilio"), f("vonage"), f("mtarget")],
        std::time::Duration::from_secs(1),
    );
    b.attente_base = 0;
    let boite = Arc::new(b);
    let app = routeur(
        Arc::new(AppState {
            service: service.clone(),
            mois_courant: nov_2026,
            secret_sms_generique: None,
            sms: ReglagesSms {
                twilio_auth_token: Some(JETON.into()),
                twilio_public_url: URL_PUBLIQUE.into(),
                twilio_reponse_directe: directe,
                vonage_signature_secret: Some(SECRET_VONAGE.into()),
                vonage_methode: Some(vonage::Methode::Md5Hash),
                mtarget_jeton: r.mtarget_jeton.or(Some(CHEMIN_MTARGET.into())),
                ..r
            },
            boite: Some(boite.clone()),
            evaluation: Default::default(),
        }),
        1 << 20,
    );
    Banc {
        app,
        service,
        boite,
    }
}

fn form(params: &[(&str, &str)]) -> (String, Vec<(String, String)>) {
    let p: Vec<(String, String)> = params
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let corps = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(p.iter())
        .finish();
    (corps, p)
}

async fn envoyer(app: &axum::Router, req: Request<Body>) -> (StatusCode, String) {
    let r = app.clone().oneshot(req).await.unwrap();
    let s = r.status();
    let o = r.into_body().collect().await.unwrap().to_bytes();
    (s, String::from_utf8_lossy(&o).into_owned())
}

/// A Twilio inbound SMS (courier's real fixture, with our sender and text).
async fn twilio_sms(
    app: &axum::Router,
    from: &str,
    texte: &str,
    sid: &str,
    signature: Option<String>,
) -> (StatusCode, String) {
    let (corps, p) = form(&[
        ("ToCountry", "FR"),
        ("SmsMessageSid", sid),
        ("NumMedia", "0"),
        ("SmsSid", sid),
        ("SmsStatus", "received"),
        ("Body", texte),
        ("FromCountry", "FR"),
        ("To", "+33939000000"),
        ("NumSegments", "1"),
        ("MessageSid", sid),
        ("AccountSid", "AC123"),
        ("From", from),
        ("ApiVersion", "2010-04-01"),
    ]);
    let sig = signature
        .unwrap_or_else(|| twilio::signature(JETON, &format!("{URL_PUBLIQUE}/sms/twilio"), &p));
    let req = Request::post("/sms/twilio")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", sig)
        .body(Body::from(corps))
        .unwrap();
    envoyer(app, req).await
}

#[tokio::test]
async fn twilio_repond_en_twiml_et_refuse_les_faux() {
    let b = banc(true, "http://127.0.0.1:9");
    let (s, r) = twilio_sms(&b.app, "+33612345678", "Bonjour", "SM1", None).await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert!(
        r.starts_with("<?xml") && r.contains("<Message>Bonjour !"),
        "{r}"
    );
    assert!(r.contains("couple"));
    // Forged: wrong signature; unsigned: no header; both change nothing.
    let (s, _) = twilio_sms(&b.app, "+33612345678", "oui", "SM2", Some("AAAA".into())).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (corps, _) = form(&[
        ("MessageSid", "SM3"),
        ("From", "+33612345678"),
        ("Body", "oui"),
    ]);
    let req = Request::post("/sms/twilio")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(corps))
        .unwrap();
    assert_eq!(envoyer(&b.app, req).await.0, StatusCode::UNAUTHORIZED);
    let c = b
        .service
        .conversation("sms", "+33612345678")
        .unwrap()
        .unwrap();
    assert_eq!(c.posees, 0, "a forged request changed the conversation");
    // A missing field names itself.
    let (corps, p) = form(&[("From", "+33612345678"), ("Body", "oui")]);
    let sig = twilio::signature(JETON, &format!("{URL_PUBLIQUE}/sms/twilio"), &p);
    let req = Request::post("/sms/twilio")
        .header("X-Twilio-Signature", sig)
        .body(Body::from(corps))
        .unwrap();
    let (s, r) = envoyer(&b.app, req).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(r.contains("MessageSid"), "{r}");
}

#[tokio::test]
async fn twilio_dix_livraisons_une_seule_reponse() {
    let b = banc(true, "http://127.0.0.1:9");
    twilio_sms(&b.app, "+33611111111", "Bonjour", "SMa", None).await;
    let (_, premiere) = twilio_sms(&b.app, "+33611111111", "non", "SMb", None).await;
    for _ in 0..9 {
        let (s, r) = twilio_sms(&b.app, "+33611111111", "non", "SMb", None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(r, premiere);
    }
    assert_eq!(
        b.service
            .conversation("sms", "+33611111111")
            .unwrap()
            .unwrap()
            .posees,
        1
    );
}

#[tokio::test]
async fn twilio_stop_puis_silence_puis_start() {
    let b = banc(true, "http://127.0.0.1:9");
    twilio_sms(&b.app, "0622222222", "Bonjour", "S1", None).await;
    let (_, r) = twilio_sms(&b.app, "0622222222", "STOP", "S2", None).await;
    assert_eq!(r.matches("<Message>").count(), 1, "one confirmation: {r}");
    let (_, r) = twilio_sms(&b.app, "+33622222222", "oui", "S3", None).await;
    assert!(r.ends_with("<Response/>"), "{r}");
    let (_, r) = twilio_sms(&b.app, "+33622222222", "START", "S4", None).await;
    assert!(r.contains("<Message>"), "{r}");
}

#[tokio::test]
async fn twilio_erreur_21610_arrete_le_numero() {
    let b = banc(true, "http://127.0.0.1:9");
    twilio_sms(&b.app, "+33633333333", "Bonjour", "T1", None).await;
    let (corps, p) = form(&[
        ("MessageSid", "SMx"),
        ("MessageStatus", "failed"),
        ("ErrorCode", "21610"),
        ("To", "+33633333333"),
    ]);
    let sig = twilio::signature(JETON, &format!("{URL_PUBLIQUE}/sms/twilio/status"), &p);
    let req = Request::post("/sms/twilio/status")
        .header("X-Twilio-Signature", sig)
        .body(Body::from(corps))
        .unwrap();
    assert_eq!(envoyer(&b.app, req).await.0, StatusCode::OK);
    assert!(
        b.service
            .conversation("sms", "+33633333333")
            .unwrap()
            .unwrap()
            .arrete
    );
    let (corps, p) = form(&[("MessageSid", "SMx"), ("MessageStatus", "huh")]);
    let sig = twilio::signature(JETON, &format!("{URL_PUBLIQUE}/sms/twilio/status"), &p);
    let req = Request::post("/sms/twilio/status")
        .header("X-Twilio-Signature", sig)
        .body(Body::from(corps))
        .unwrap();
    let (s, r) = envoyer(&b.app, req).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(r.contains("huh"));
}

#[tokio::test]
async fn vonage_get_post_parties_et_signature() {
    let b = banc(false, "http://127.0.0.1:9");
    // Courier's real GET fixture, with a French number, signed.
    let req = Request::get(format!(
        "/sms/vonage?{}",
        vonage_signe(&[
            ("to", "2020"),
            ("msisdn", "33644444444"),
            ("text", "Bonjour"),
            ("messageId", "external1"),
        ])
    ))
    .body(Body::empty())
    .unwrap();
    let (s, r) = envoyer(&b.app, req).await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(
        b.boite.entrees().unwrap().len(),
        1,
        "the reply is in the outbox"
    );
    // A long answer in two parts, the second first.
    let partie = |texte: &str, n: &str, id: &str| {
        let corps = vonage_signe(&[
            ("msisdn", "33644444444"),
            ("to", "2020"),
            ("messageId", id),
            ("text", texte),
            ("concat", "true"),
            ("concat-ref", "42"),
            ("concat-total", "2"),
            ("concat-part", n),
        ]);
        Request::post("/sms/vonage")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(corps))
            .unwrap()
    };
    let (_, r) = envoyer(&b.app, partie("union libre", "2", "p2")).await;
    assert!(r.contains("partie"), "{r}");
    let (s, _) = envoyer(&b.app, partie("oui, en ", "1", "p1")).await;
    assert_eq!(s, StatusCode::OK);
    let c = b
        .service
        .conversation("sms", "+33644444444")
        .unwrap()
        .unwrap();
    assert_eq!(
        c.situation.couple(),
        Some(true),
        "the assembled text was read"
    );
    // Missing field.
    let req = Request::get(format!(
        "/sms/vonage?{}",
        vonage_signe(&[("msisdn", "33644444444"), ("text", "x")])
    ))
    .body(Body::empty())
    .unwrap();
    let (s, r) = envoyer(&b.app, req).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(r.contains("messageId"));
}

/// The query or form of a Vonage request signed now with [`SECRET_VONAGE`]
/// (`timestamp` and `sig` added, as Vonage does).
fn vonage_signe(params: &[(&str, &str)]) -> String {
    vonage_signe_a(params, guichet::clock::maintenant_secondes())
}

fn vonage_signe_a(params: &[(&str, &str)], quand: u64) -> String {
    let quand = quand.to_string();
    let mut p: Vec<(String, String)> = params
        .iter()
        .map(|(a, c)| (a.to_string(), c.to_string()))
        .collect();
    p.push(("timestamp".into(), quand));
    let sig = vonage::signature(SECRET_VONAGE, vonage::Methode::Md5Hash, &p);
    p.push(("sig".into(), sig));
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(p.iter())
        .finish()
}

#[tokio::test]
async fn vonage_unsigned_forged_stale_or_undated_messages_change_nothing() {
    let b = banc(false, "http://127.0.0.1:9");
    let get = |q: String| {
        Request::get(format!("/sms/vonage?{q}"))
            .body(Body::empty())
            .unwrap()
    };
    let message = [
        ("msisdn", "33655555555"),
        ("text", "STOP"),
        ("messageId", "v1"),
    ];
    // Unsigned: 401.
    let (s, _) = envoyer(
        &b.app,
        get("msisdn=33655555555&text=STOP&messageId=v1".into()),
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // Forged: 403.
    let forge = format!(
        "msisdn=33655555555&text=STOP&messageId=v1&timestamp={}&sig={}",
        guichet::clock::maintenant_secondes(),
        "0".repeat(32)
    );
    assert_eq!(envoyer(&b.app, get(forge)).await.0, StatusCode::FORBIDDEN);
    // Rightly signed, but in 2017: a replay, 401.
    let (s, r) = envoyer(&b.app, get(vonage_signe_a(&message, 1_490_000_000))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{r}");
    assert!(r.contains("24 h"), "{r}");
    // Rightly signed without the time of signing: 401.
    let mut p: Vec<(String, String)> = message
        .iter()
        .map(|(a, c)| (a.to_string(), c.to_string()))
        .collect();
    let sig = vonage::signature(SECRET_VONAGE, vonage::Methode::Md5Hash, &p);
    p.push(("sig".into(), sig));
    let q = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(p.iter())
        .finish();
    assert_eq!(envoyer(&b.app, get(q)).await.0, StatusCode::UNAUTHORIZED);
    assert!(
        b.boite.entrees().unwrap().is_empty(),
        "refused requests queue nothing"
    );
    assert!(
        b.service
            .conversation("sms", "+33655555555")
            .unwrap()
            .is_none(),
        "and stop nobody"
    );
    // Signed now: 200.
    let (s, _) = envoyer(&b.app, get(vonage_signe(&message))).await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn a_message_from_abroad_is_acknowledged_but_neither_read_nor_answered() {
    let b = banc(false, "http://127.0.0.1:9");
    let req = Request::get(format!(
        "/sms/vonage?{}",
        vonage_signe(&[
            ("msisdn", "447700900123"),
            ("text", "Bonjour"),
            ("messageId", "uk1"),
        ])
    ))
    .body(Body::empty())
    .unwrap();
    let (s, r) = envoyer(&b.app, req).await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert!(b.boite.entrees().unwrap().is_empty(), "no SMS to +44");
    assert!(
        b.service
            .conversation("sms", "+447700900123")
            .unwrap()
            .is_none()
    );
}

async fn mtarget(app: &axum::Router, params: &[(&str, &str)]) -> (StatusCode, String) {
    let (corps, _) = form(params);
    envoyer(
        app,
        Request::post(format!("/sms/mtarget/{CHEMIN_MTARGET}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(corps))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn mtarget_stop_et_parties() {
    let b = banc(false, "http://127.0.0.1:9");
    let (s, _) = mtarget(
        &b.app,
        &[
            ("Msisdn", "+33666666666"),
            ("Content", "Bonjour"),
            ("Keyword", "Default"),
            ("MsgId", "m1"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let avant = b.boite.entrees().unwrap().len();
    assert_eq!(avant, 1);
    // The aggregator's own opt-out: stopped, nothing queued.
    mtarget(
        &b.app,
        &[
            ("Msisdn", "+33666666666"),
            ("Content", "Stop"),
            ("Keyword", "Stop"),
        ],
    )
    .await;
    assert!(
        b.service
            .conversation("sms", "+33666666666")
            .unwrap()
            .unwrap()
            .arrete
    );
    mtarget(
        &b.app,
        &[
            ("Msisdn", "+33666666666"),
            ("Content", "oui"),
            ("Keyword", "Default"),
            ("MsgId", "m2"),
        ],
    )
    .await;
    assert_eq!(
        b.boite.entrees().unwrap().len(),
        avant,
        "nothing for a stopped number"
    );
    // START resumes; a two-part message is assembled.
    mtarget(
        &b.app,
        &[
            ("Msisdn", "+33666666666"),
            ("Content", "START"),
            ("Keyword", "Default"),
            ("MsgId", "m3"),
        ],
    )
    .await;
    let (_, r) = mtarget(
        &b.app,
        &[
            ("Msisdn", "+33666666666"),
            ("Content", "ui"),
            ("msglong.id", "L"),
            ("msglong.msgcount", "2"),
            ("msglong.msgref", "2"),
        ],
    )
    .await;
    assert!(r.contains("partie"));
    mtarget(
        &b.app,
        &[
            ("Msisdn", "+33666666666"),
            ("Content", "o"),
            ("msglong.id", "L"),
            ("msglong.msgcount", "2"),
            ("msglong.msgref", "1"),
        ],
    )
    .await;
    assert_eq!(
        b.service
            .conversation("sms", "+33666666666")
            .unwrap()
            .unwrap()
            .situation
            .couple(),
        Some(true)
    );
    let (s, r) = mtarget(&b.app, &[("Content", "x")]).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(r.contains("Msisdn"));
}

/// A fake provider send API: answers with the scripted statuses in turn
/// (then 200), and records the bodies it accepted.
async fn faux_fournisseur(script: Vec<u16>) -> (String, Arc<Mutex<Vec<String>>>, Arc<AtomicUsize>) {
    let recus = Arc::new(Mutex::new(Vec::new()));
    let appels = Arc::new(AtomicUsize::new(0));
    let (r2, a2) = (recus.clone(), appels.clone());
    let script = Arc::new(script);
    let gerer = move |corps: String| {
        let (recus, appels, script) = (r2.clone(), a2.clone(), script.clone());
        async move {
            let n = appels.fetch_add(1, Ordering::SeqCst);
            match script.get(n).copied().unwrap_or(200) {
                200 => {
                    recus.lock().unwrap().push(corps);
                    (
                        StatusCode::CREATED,
                        axum::Json(serde_json::json!({"sid": format!("SM{n}")})),
                    )
                }
                // A provider that never answers in time.
                0 => {
                    tokio::time::sleep(std::time::Duration::from_secs(30)).await;
                    (StatusCode::OK, axum::Json(serde_json::json!({})))
                }
                c => (
                    StatusCode::from_u16(c).unwrap(),
                    axum::Json(serde_json::json!({"message": "erreur"})),
                ),
            }
        }
    };
    let app = axum::Router::new().route("/2010-04-01/Accounts/AC123/Messages.json", post(gerer));
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (url, recus, appels)
}

#[tokio::test]
async fn boite_envoie_reessaie_et_ne_perd_rien() {
    // 500, then success.
    let (url, recus, appels) = faux_fournisseur(vec![500]).await;
    let b = banc(false, &url);
    twilio_sms(&b.app, "+33677777777", "Bonjour", "B1", None).await;
    assert_eq!(b.boite.entrees().unwrap()[0].etat, EtatSortant::AEnvoyer);
    b.boite.tour().await.unwrap();
    assert_eq!(
        b.boite.entrees().unwrap()[0].etat,
        EtatSortant::AEnvoyer,
        "retried after a 500"
    );
    b.boite.tour().await.unwrap();
    let e = &b.boite.entrees().unwrap()[0];
    assert_eq!(e.etat, EtatSortant::Envoye);
    assert_eq!(e.id_fournisseur.as_deref(), Some("SM1"));
    assert!(e.numero.is_empty(), "the number is erased once sent");
    assert_eq!(appels.load(Ordering::SeqCst), 2);
    let corps = recus.lock().unwrap()[0].clone();
    assert!(
        corps.contains("To=%2B33677777777") && corps.contains("Bonjour"),
        "{corps}"
    );
    // Nothing left to send: another round sends nothing twice.
    b.boite.tour().await.unwrap();
    assert_eq!(appels.load(Ordering::SeqCst), 2);
    // The delivery receipt updates it.
    let (corps, p) = form(&[("MessageSid", "SM1"), ("MessageStatus", "delivered")]);
    let sig = twilio::signature(JETON, &format!("{URL_PUBLIQUE}/sms/twilio/status"), &p);
    envoyer(
        &b.app,
        Request::post("/sms/twilio/status")
            .header("X-Twilio-Signature", sig)
            .body(Body::from(corps))
            .unwrap(),
    )
    .await;
    assert_eq!(b.boite.entrees().unwrap()[0].etat, EtatSortant::Livre);
}

#[tokio::test]
async fn boite_delai_depasse_puis_succes() {
    let (url, recus, _) = faux_fournisseur(vec![0]).await;
    let b = banc(false, &url);
    twilio_sms(&b.app, "+33688888888", "Bonjour", "C1", None).await;
    b.boite.tour().await.unwrap();
    assert_eq!(
        b.boite.entrees().unwrap()[0].etat,
        EtatSortant::AEnvoyer,
        "a timeout is retried"
    );
    b.boite.tour().await.unwrap();
    assert_eq!(b.boite.entrees().unwrap()[0].etat, EtatSortant::Envoye);
    assert_eq!(recus.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn rien_ne_part_vers_un_numero_arrete_meme_deja_en_file() {
    let (url, recus, appels) = faux_fournisseur(vec![]).await;
    let b = banc(false, &url);
    twilio_sms(&b.app, "+33699999999", "Bonjour", "D1", None).await;
    // The reply is queued; then the provider reports the opt-out.
    b.service.arreter("sms", "+33699999999").unwrap();
    b.boite.tour().await.unwrap();
    assert_eq!(b.boite.entrees().unwrap()[0].etat, EtatSortant::Bloque);
    assert_eq!(appels.load(Ordering::SeqCst), 0);
    assert!(recus.lock().unwrap().is_empty());
    // A finished entry never tried is purged; nothing pending ever is.
    assert_eq!(b.boite.purger().unwrap(), 1);
    assert!(b.boite.entrees().unwrap().is_empty());
}

#[tokio::test]
async fn une_partie_orpheline_est_purgee() {
    let b = banc(false, "http://127.0.0.1:9");
    mtarget(
        &b.app,
        &[
            ("Msisdn", "+33614141414"),
            ("Content", "ui"),
            ("msglong.id", "Z"),
            ("msglong.msgcount", "2"),
            ("msglong.msgref", "2"),
        ],
    )
    .await;
    assert_eq!(b.service.magasin().entrees("parties").unwrap().len(), 1);
    b.service.purger().unwrap();
    assert_eq!(
        b.service.magasin().entrees("parties").unwrap().len(),
        1,
        "kept for 5 minutes"
    );
}

#[tokio::test]
async fn sans_identifiant_le_meme_texte_repete_est_un_doublon() {
    let b = banc(false, "http://127.0.0.1:9");
    mtarget(
        &b.app,
        &[
            ("Msisdn", "+33612121212"),
            ("Content", "Bonjour"),
            ("Keyword", "Default"),
        ],
    )
    .await;
    let n = b.boite.entrees().unwrap().len();
    let (s, r) = mtarget(
        &b.app,
        &[
            ("Msisdn", "+33612121212"),
            ("Content", "Bonjour"),
            ("Keyword", "Default"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(r.contains("doublon"), "{r}");
    assert_eq!(
        b.boite.entrees().unwrap().len(),
        n,
        "a gateway retry queues nothing"
    );
}

#[tokio::test]
async fn trop_de_messages_un_avertissement_puis_le_silence() {
    let b = banc(true, "http://127.0.0.1:9");
    let mut reponses = Vec::new();
    for i in 0..24 {
        let (_, r) = twilio_sms(
            &b.app,
            "+33613131313",
            "n'importe quoi",
            &format!("F{i}"),
            None,
        )
        .await;
        reponses.push(r);
    }
    assert!(reponses[19].contains("<Message>"));
    assert!(
        reponses[20].contains("attendez une minute"),
        "{}",
        reponses[20]
    );
    assert!(reponses[21..].iter().all(|r| r.ends_with("<Response/>")));
}

#[test]
fn des_depots_simultanes_ne_partagent_jamais_un_identifiant() {
    // The id is the provider reference and the encryption nonce: two
    // webhooks queueing at the same time must get different ones.
    let b = banc(false, "http://127.0.0.1:9");
    std::thread::scope(|s| {
        for t in 0..8 {
            let (boite, service) = (b.boite.clone(), b.service.clone());
            s.spawn(move || {
                for i in 0..20 {
                    let numero = format!("+336000000{t}{i:02}");
                    let cle = service.cle("sms", &numero);
                    boite
                        .deposer("twilio", &numero, &cle, &[format!("{t}-{i}")])
                        .unwrap();
                }
            });
        }
    });
    let entrees = b.boite.entrees().unwrap();
    assert_eq!(entrees.len(), 160);
    let mut ids: Vec<u64> = entrees.iter().map(|e| e.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 160);
}

#[tokio::test]
async fn mtarget_is_served_only_on_its_secret_path() {
    let b = banc(false, "http://127.0.0.1:9");
    let (corps, _) = form(&[
        ("Msisdn", "+33615151515"),
        ("Content", "Stop"),
        ("Keyword", "Stop"),
    ]);
    for chemin in ["/sms/mtarget", "/sms/mtarget/devine-0123456789ab"] {
        let req = Request::post(chemin)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(corps.clone()))
            .unwrap();
        assert_eq!(
            envoyer(&b.app, req).await.0,
            StatusCode::NOT_FOUND,
            "{chemin}"
        );
    }
    assert!(
        b.service
            .conversation("sms", "+33615151515")
            .unwrap()
            .is_none(),
        "a fake STOP silences nobody"
    );
}

#[tokio::test]
async fn mtarget_with_basic_credentials_refuses_a_request_without_them() {
    let b = banc_avec(
        false,
        "http://127.0.0.1:9",
        ReglagesSms {
            mtarget_basic: Some(("mtarget".into(), "mot-de-passe".into())),
            ..Default::default()
        },
    );
    let (corps, _) = form(&[
        ("Msisdn", "+33616161616"),
        ("Content", "Bonjour"),
        ("Keyword", "Default"),
        ("MsgId", "b1"),
    ]);
    let chemin = format!("/sms/mtarget/{CHEMIN_MTARGET}");
    let req = |auth: Option<&str>| {
        let mut r = Request::post(chemin.as_str())
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        r.body(Body::from(corps.clone())).unwrap()
    };
    assert_eq!(envoyer(&b.app, req(None)).await.0, StatusCode::UNAUTHORIZED);
    // "mtarget:faux" in base64.
    assert_eq!(
        envoyer(&b.app, req(Some("Basic bXRhcmdldDpmYXV4"))).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert!(b.boite.entrees().unwrap().is_empty());
    // "mtarget:mot-de-passe" in base64.
    let (s, r) = envoyer(&b.app, req(Some("Basic bXRhcmdldDptb3QtZGUtcGFzc2U="))).await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(b.boite.entrees().unwrap().len(), 1);
}

#[tokio::test]
async fn twilio_without_its_token_is_not_served_unless_insecure() {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Arc::new(Service::nouveau(
        moteur,
        Box::new(MemoryStore::default()),
        b"t".to_vec(),
    ));
    let app = |sms: ReglagesSms| {
        routeur(
            Arc::new(AppState {
                service: service.clone(),
                mois_courant: nov_2026,
                secret_sms_generique: None,
                sms,
                boite: None,
                evaluation: Default::default(),
            }),
            1 << 20,
        )
    };
    let (corps, _) = form(&[
        ("MessageSid", "SMx"),
        ("From", "+33617171717"),
        ("Body", "Bonjour"),
    ]);
    let req = || {
        Request::post("/sms/twilio")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(corps.clone()))
            .unwrap()
    };
    let ferme = app(ReglagesSms {
        twilio_reponse_directe: true,
        ..Default::default()
    });
    assert_eq!(envoyer(&ferme, req()).await.0, StatusCode::NOT_FOUND);
    let ouvert = app(ReglagesSms {
        twilio_reponse_directe: true,
        sans_authentification: true,
        ..Default::default()
    });
    let (s, r) = envoyer(&ouvert, req()).await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert!(r.contains("<Message>"), "{r}");
}

#[tokio::test]
async fn the_outbox_sends_nothing_abroad_and_keeps_its_pace() {
    let (url, recus, appels) = faux_fournisseur(vec![]).await;
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service = Arc::new(Service::nouveau(
        moteur,
        Box::new(MemoryStore::default()),
        b"t".to_vec(),
    ));
    let mut boite = Boite::nouvelle(
        service.clone(),
        b"t".to_vec(),
        vec![(
            "twilio".to_string(),
            Fournisseur {
                api_url: url,
                identifiant: "AC123".into(),
                secret: JETON.into(),
                expediteur: "+33939000000".into(),
                url_recus: None,
            },
        )],
    );
    boite.garde.debit = guichet::channels::sms_guard::Debit::nouveau(2);
    // Queued directly (as a bug or an old entry would): the outbox checks
    // the destination itself before every send.
    let etranger = "+447700900123";
    boite
        .deposer(
            "twilio",
            etranger,
            &service.cle("sms", etranger),
            &["x".into()],
        )
        .unwrap();
    for i in 0..4 {
        let n = format!("+3361800000{i}");
        boite
            .deposer("twilio", &n, &service.cle("sms", &n), &[format!("m{i}")])
            .unwrap();
    }
    boite.tour().await.unwrap();
    let e = boite.entrees().unwrap();
    assert_eq!(e[0].etat, EtatSortant::Echec, "never sent to +44");
    assert!(e[0].numero.is_empty(), "and its number is erased");
    assert_eq!(appels.load(Ordering::SeqCst), 2, "two a minute");
    assert!(!recus.lock().unwrap().iter().any(|c| c.contains("%2B44")));
    let restants = e.iter().filter(|s| s.etat == EtatSortant::AEnvoyer).count();
    assert_eq!(restants, 2, "the rest waits its turn, nothing is dropped");
}
