//! Follow-ups, with a clock the tests move: consent given → exactly one
//! nudge a day after the person went quiet, at a working hour, and one
//! question a week after the results; without consent, after STOP, or at
//! night → nothing; a restart in between sends once.
//!
//! The person writes by SMS through a provider's send API (the outbox); the
//! tests read what the follow-up worker queued there, as the outbox worker
//! would send it.

mod commun;

use guichet::agent::envoi::Messagerie;
use guichet::channels::sms_outbox::{Boite, DepotSms, Fournisseur};
use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::service::{Message, Service};
use guichet::store::{PgStore, SledStore, Store};
use guichet::suivi::Relanceur;
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

thread_local! {
    /// Each test's own clock (tests run on their own threads).
    static MAINTENANT: Cell<u64> = const { Cell::new(0) };
}

fn horloge() -> u64 {
    MAINTENANT.with(Cell::get)
}

fn a(t: u64) {
    MAINTENANT.with(|m| m.set(t));
}

const HEURE: u64 = 3600;
const JOUR: u64 = 86_400;
/// Monday 2026-11-23 10:00 in Paris (09:00 UTC).
const LUNDI_10H: u64 = 1_795_424_400;
const NUMERO: &str = "+33612345678";
const SECRET: &[u8] = b"secret des tests de suivi";

struct Banc {
    service: Arc<Service>,
    boite: Arc<Boite>,
    relanceur: Relanceur,
    /// The provider's message ids.
    numero: AtomicU64,
}

fn banc(magasin: Box<dyn Store>) -> Banc {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    let service =
        Arc::new(Service::nouveau(moteur, magasin, SECRET.to_vec()).avec_horloge(horloge));
    let fournisseur = Fournisseur {
        api_url: "http://127.0.0.1:9".into(),
        identifiant: "AC".into(),
        secret: "s".into(),
        expediteur: "+33700000000".into(),
        url_recus: None,
    };
    let boite = Arc::new(Boite::nouvelle(
        service.clone(),
        SECRET.to_vec(),
        vec![("twilio".into(), fournisseur)],
    ));
    let relanceur = Relanceur::nouveau(
        service.clone(),
        Messagerie {
            boite: Some(boite.clone()),
            telegram: None,
        },
        Default::default(),
        Arc::new(horloge),
    );
    // Ids differ across restarts too (a provider never reuses one).
    let debut = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    Banc {
        service,
        boite,
        relanceur,
        numero: AtomicU64::new(debut),
    }
}

fn banc_en_memoire() -> Banc {
    banc(Box::new(guichet::store::MemoryStore::default()))
}

impl Banc {
    /// The person sends an SMS at the current time; the replies.
    fn sms(&self, texte: &str) -> Vec<String> {
        let id = format!("m{}", self.numero.fetch_add(1, Ordering::SeqCst));
        let m = Message {
            canal: "sms",
            expediteur: NUMERO,
            texte,
            id: Some(&id),
            langue: None,
        };
        let depot = DepotSms {
            boite: &self.boite,
            fournisseur: "twilio",
            numero: NUMERO,
        };
        self.service.traiter_avec(&m, &depot).unwrap().messages
    }

    /// Answers every question until the results; their replies.
    fn jusqu_aux_resultats(&self) -> Vec<String> {
        let mut r = self.sms("Bonjour");
        for _ in 0..30 {
            let cle = self.service.cle("sms", NUMERO);
            let (_, tour) = self.service.ecran(&cle).unwrap().unwrap();
            let Some(invite) = tour.invite else {
                return r;
            };
            r = self.sms(reponse(&invite.field));
        }
        panic!("no results after 30 answers: {r:?}");
    }

    /// What the outbox holds, in order.
    fn file(&self) -> Vec<String> {
        self.boite
            .entrees()
            .unwrap()
            .into_iter()
            .map(|s| s.texte)
            .collect()
    }

    /// A round of the follow-up worker at `t`: what it queued.
    fn relances_a(&self, t: u64) -> Vec<String> {
        a(t);
        let avant = self.file().len();
        let n = self.relanceur.tour().unwrap();
        let apres = self.file();
        assert_eq!(apres.len() - avant, n, "one SMS per follow-up");
        apres[avant..].to_vec()
    }
}

fn reponse(champ: &str) -> &'static str {
    match champ {
        "couple" => "non",
        "nombre_enfants" => "0",
        "demandeur.age" => "45",
        "demandeur.activite" => "6",
        "logement.statut" => "6",
        "demandeur.handicap" => "1",
        "demandeur.nationalite" => "1",
        _ => "je sais pas",
    }
}

#[test]
fn with_consent_a_quiet_person_gets_one_nudge_a_day_later_and_never_a_second() {
    let b = banc_en_memoire();
    a(LUNDI_10H);
    b.sms("Bonjour");
    b.sms("non");
    // A day of silence: consent was never asked, so it is asked, once.
    assert!(b.relances_a(LUNDI_10H + 23 * HEURE).is_empty());
    let q = b.relances_a(LUNDI_10H + 24 * HEURE);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].contains("relancer une fois ? Répondez OUI"), "{q:?}");
    assert!(b.relances_a(LUNDI_10H + 30 * HEURE).is_empty());

    // OUI: consent, and the conversation goes on where it was.
    let t1 = LUNDI_10H + 31 * HEURE;
    a(t1);
    let r = b.sms("oui").join("\n");
    assert!(r.contains("C'est noté"), "{r}");
    assert!(r.contains("enfant"), "the question waiting: {r}");

    // A day later, at a working hour: the nudge, once.
    assert!(b.relances_a(t1 + 24 * HEURE - 60).is_empty());
    let n = b.relances_a(t1 + 24 * HEURE);
    assert_eq!(
        n,
        vec!["Vous pouvez reprendre où vous en étiez : répondez SUITE".to_string()]
    );
    for j in 2..10 {
        assert!(b.relances_a(t1 + j * JOUR).is_empty(), "day {j}");
    }
    a(t1 + 3 * JOUR);
    let r = b.sms("SUITE").join("\n");
    assert!(r.contains("enfant"), "SUITE asks the question again: {r}");
}

#[test]
fn with_consent_at_the_results_one_question_comes_a_week_later_on_a_working_hour() {
    let b = banc_en_memoire();
    // Saturday 2026-11-28 20:00 in Paris (19:00 UTC).
    let samedi_20h = LUNDI_10H + 5 * JOUR + 10 * HEURE;
    a(samedi_20h);
    let r = b.jusqu_aux_resultats().join("\n");
    assert!(
        r.contains("dans 7 jours"),
        "the results ask for consent: {r}"
    );
    let r = b.sms("OUI").join("\n");
    assert!(r.contains("C'est noté"), "{r}");

    // Day 7 falls on Saturday 20:00: not at night, not on Sunday, Monday 9:00.
    let j7 = samedi_20h + 7 * JOUR;
    assert!(b.relances_a(j7 - HEURE).is_empty());
    assert!(b.relances_a(j7).is_empty(), "20:00");
    assert!(b.relances_a(j7 + 16 * HEURE).is_empty(), "Sunday noon");
    assert!(
        b.relances_a(j7 + 36 * HEURE + 59 * 60).is_empty(),
        "Monday 08:59"
    );
    let q = b.relances_a(j7 + 37 * HEURE);
    assert_eq!(
        q,
        vec!["Avez-vous fait la demande ? 1 Oui 2 Pas encore 3 J'ai besoin d'aide".to_string()]
    );
    assert!(b.relances_a(j7 + 38 * HEURE).is_empty(), "never twice");

    // 3: a callback request, and nothing more is sent.
    a(j7 + 40 * HEURE);
    let r = b.sms("3").join("\n");
    assert!(r.contains("conseiller va vous rappeler"), "{r}");
    let cle = b.service.cle("sms", NUMERO);
    let rappel = b.service.rappel(&cle).unwrap().expect("a callback request");
    assert!(!rappel.traitee);
    assert!(
        b.service.echeance(&cle).unwrap().is_none(),
        "nothing left to send"
    );
    for j in 2..20 {
        assert!(b.relances_a(j7 + j * JOUR).is_empty(), "day {j}");
    }
}

#[test]
fn without_consent_nothing_is_sent_and_the_contact_is_not_kept() {
    let b = banc_en_memoire();
    a(LUNDI_10H);
    b.jusqu_aux_resultats();
    b.sms("non");
    let cle = b.service.cle("sms", NUMERO);
    assert!(b.service.echeance(&cle).unwrap().is_none());
    for h in (1..24 * 10).map(|h| h * HEURE) {
        assert!(b.relances_a(LUNDI_10H + h).is_empty(), "after {h} s");
    }
}

#[test]
fn after_stop_nothing_is_ever_sent_even_with_consent_given_before() {
    let b = banc_en_memoire();
    a(LUNDI_10H);
    b.jusqu_aux_resultats();
    b.sms("oui");
    a(LUNDI_10H + HEURE);
    b.sms("STOP");
    let cle = b.service.cle("sms", NUMERO);
    assert!(
        b.service.echeance(&cle).unwrap().is_none(),
        "contact dropped"
    );
    a(LUNDI_10H + 2 * JOUR);
    b.sms("START");
    for h in (1..24 * 12).map(|h| h * HEURE) {
        assert!(b.relances_a(LUNDI_10H + h).is_empty(), "after {h} s");
    }
}

/// Consent at the results, then the round of day 7 with restarts before
/// and after it: the question leaves once.
fn une_seule_fois_malgre_les_redemarrages(ouvrir: &dyn Fn() -> Box<dyn Store>) {
    {
        let b = banc(ouvrir());
        a(LUNDI_10H);
        b.jusqu_aux_resultats();
        b.sms("oui");
    }
    let j7 = LUNDI_10H + 7 * JOUR + HEURE;
    {
        // Restarted before day 7: the schedule survived.
        let b = banc(ouvrir());
        assert_eq!(b.relances_a(j7).len(), 1);
    }
    {
        // Restarted after it was queued: not again.
        let b = banc(ouvrir());
        assert!(b.relances_a(j7 + HEURE).is_empty());
        assert!(b.relances_a(j7 + 2 * JOUR).is_empty());
        let demandes = b
            .file()
            .iter()
            .filter(|t| t.starts_with("Avez-vous fait la demande"))
            .count();
        assert_eq!(demandes, 1);
    }
}

#[test]
fn a_restart_between_two_rounds_sends_the_follow_up_once_on_sled() {
    let dossier = tempfile::tempdir().unwrap();
    une_seule_fois_malgre_les_redemarrages(&|| {
        Box::new(SledStore::ouvrir_avec(dossier.path(), SECRET).unwrap())
    });
}

#[test]
fn a_restart_between_two_rounds_sends_the_follow_up_once_on_postgresql() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    une_seule_fois_malgre_les_redemarrages(&|| {
        Box::new(
            PgStore::ouvrir(
                &guichet::store::postgres::Reglages {
                    url: url.clone(),
                    connexions: 2,
                },
                SECRET,
            )
            .unwrap(),
        )
    });
}

#[test]
fn a_stop_reported_by_the_provider_stops_the_follow_ups_and_drops_the_contact() {
    let b = banc_en_memoire();
    a(LUNDI_10H);
    b.jusqu_aux_resultats();
    b.sms("oui");
    let cle = b.service.cle("sms", NUMERO);
    assert!(b.service.echeance(&cle).unwrap().is_some());
    // Twilio error 21610 or Mtarget's Keyword=Stop: no step, no reply.
    b.service.arreter("sms", NUMERO).unwrap();
    for j in 1..12 {
        assert!(b.relances_a(LUNDI_10H + j * JOUR).is_empty(), "day {j}");
    }
    assert!(b.service.echeance(&cle).unwrap().is_none());
}
