//! The service around the engine: privacy at rest, expiry, callbacks,
//! erasure.

use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::service::{Message, Service};
use guichet::store::SledStore;
use std::sync::atomic::{AtomicU64, Ordering};

static MAINTENANT: AtomicU64 = AtomicU64::new(1_795_435_200);

fn horloge() -> u64 {
    MAINTENANT.load(Ordering::SeqCst)
}

fn service(dossier: &std::path::Path) -> Service {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    Service::nouveau(
        moteur,
        Box::new(SledStore::ouvrir(dossier).unwrap()),
        b"secret-de-test".to_vec(),
    )
    .avec_horloge(horloge)
}

fn sms<'a>(texte: &'a str) -> Message<'a> {
    Message {
        canal: "sms",
        expediteur: "+33612345678",
        texte,
        id: None,
        langue: None,
    }
}

fn octets_du_dossier(d: &std::path::Path) -> Vec<u8> {
    let mut tout = Vec::new();
    for e in walk(d) {
        tout.extend(std::fs::read(e).unwrap_or_default());
    }
    tout
}

fn walk(d: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(d).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            v.extend(walk(&p))
        } else {
            v.push(p)
        }
    }
    v
}

#[test]
fn le_numero_n_est_jamais_ecrit_sur_le_disque() {
    let d = tempfile::tempdir().unwrap();
    {
        let s = service(d.path());
        for t in ["Bonjour", "non", "0", "34", "RAPPEL"] {
            s.traiter(&sms(t)).unwrap();
        }
        assert_eq!(s.magasin().rappels().unwrap().len(), 1);
    }
    let octets = octets_du_dossier(d.path());
    assert!(!octets.is_empty());
    for forme in ["612345678", "+33612345678", "0612345678"] {
        assert!(
            !octets.windows(forme.len()).any(|w| w == forme.as_bytes()),
            "{forme} trouvé dans les fichiers de données"
        );
    }
}

#[test]
fn une_conversation_expiree_recommence_et_est_purgee() {
    let d = tempfile::tempdir().unwrap();
    let s = service(d.path());
    s.traiter(&sms("Bonjour")).unwrap();
    s.traiter(&sms("oui")).unwrap();
    assert!(s.conversation("sms", "+33612345678").unwrap().is_some());
    // 29 days later it is still there; 31 days later it is gone.
    MAINTENANT.fetch_add(29 * 86_400, Ordering::SeqCst);
    assert_eq!(s.purger().unwrap(), 0);
    MAINTENANT.fetch_add(2 * 86_400, Ordering::SeqCst);
    let r = s.traiter(&sms("2")).unwrap();
    assert!(r.messages[0].starts_with("Bonjour"), "{:?}", r.messages);
    MAINTENANT.fetch_add(31 * 86_400, Ordering::SeqCst);
    assert_eq!(s.purger().unwrap(), 1);
    assert!(s.conversation("sms", "+33612345678").unwrap().is_none());
}

#[test]
fn effacer_supprime_la_conversation_et_le_rappel() {
    let d = tempfile::tempdir().unwrap();
    let s = service(d.path());
    for t in ["Bonjour", "non", "RAPPEL"] {
        s.traiter(&sms(t)).unwrap();
    }
    assert_eq!(s.magasin().rappels().unwrap().len(), 1);
    let r = s.traiter(&sms("EFFACER")).unwrap();
    assert!(r.messages[0].contains("effacées"));
    assert!(s.conversation("sms", "+33612345678").unwrap().is_none());
    assert!(s.magasin().rappels().unwrap().is_empty());
}

#[test]
fn an_agents_call_is_sealed_at_rest_and_goes_with_effacer() {
    let d = tempfile::tempdir().unwrap();
    let s = service(d.path());
    for t in ["Bonjour", "non", "RAPPEL"] {
        s.traiter(&sms(t)).unwrap();
    }
    // An agent takes the callback: the call, with the replies read to the
    // caller, is kept by the service.
    let cle = s.cle("sms", "+33612345678");
    let appel = r#"{"agent":"camille","messages":["Loyer de Madame Zorglub-Appel"]}"#;
    s.garder_appel("appel-1", &cle, horloge(), appel).unwrap();
    assert_eq!(s.appel("appel-1").unwrap().as_deref(), Some(appel));
    let brut = s
        .magasin()
        .lire_entree("appels", "appel-1")
        .unwrap()
        .unwrap();
    assert!(!String::from_utf8_lossy(&brut).contains("Zorglub"));
    // The person erases everything: the call goes in the same step.
    s.traiter(&sms("EFFACER")).unwrap();
    assert_eq!(s.appel("appel-1").unwrap(), None);
    assert!(s.magasin().entrees("appels").unwrap().is_empty());
}

#[test]
fn l_arret_survit_au_redemarrage() {
    // A fixed clock: the expiry test moves the shared one.
    let service = |d: &std::path::Path| service(d).avec_horloge(|| 1_795_435_200);
    let d = tempfile::tempdir().unwrap();
    {
        let s = service(d.path());
        s.traiter(&sms("Bonjour")).unwrap();
        s.traiter(&sms("STOP")).unwrap();
    }
    let s = service(d.path());
    assert!(s.est_arrete(&s.cle("sms", "+33612345678")).unwrap());
    assert!(s.traiter(&sms("oui")).unwrap().messages.is_empty());
    assert!(!s.traiter(&sms("START")).unwrap().messages.is_empty());
    assert!(!s.est_arrete(&s.cle("sms", "+33612345678")).unwrap());
}
