//! The store's contract, run against both backends: sled (embedded, in a
//! temporary directory) and PostgreSQL (a fresh database in the cluster of
//! `GUICHET_TEST_POSTGRES`, see `tests/commun/postgres.rs`). Each test is
//! written once, as a function of a [`Banc`], and instantiated for each
//! backend by `suite!`. The tests after the suite are about what only
//! PostgreSQL has: several processes on one database.

mod commun;

use guichet::dialogue::{Conversation, Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::service::{Message, Service};
use guichet::store::postgres::Reglages as ReglagesPg;
use guichet::store::{
    Cle, DemandeRappel, Dossier, Lot, PARTIES, PgStore, RAPPELS, SledStore, Store,
};
use std::sync::Arc;

const SECRET: &[u8] = b"secret-de-test-du-stockage";

/// Where a test's store lives: it can be opened again (a restart).
trait Banc {
    fn ouvrir(&self) -> Box<dyn Store>;
}

struct BancSled(tempfile::TempDir);

impl Banc for BancSled {
    fn ouvrir(&self) -> Box<dyn Store> {
        Box::new(SledStore::ouvrir_avec(self.0.path(), SECRET).unwrap())
    }
}

struct BancPg(String);

impl Banc for BancPg {
    fn ouvrir(&self) -> Box<dyn Store> {
        Box::new(pg(&self.0))
    }
}

fn pg(url: &str) -> PgStore {
    PgStore::ouvrir(
        &ReglagesPg {
            url: url.to_string(),
            connexions: 4,
        },
        SECRET,
    )
    .unwrap()
}

fn sled() -> Option<BancSled> {
    Some(BancSled(tempfile::tempdir().unwrap()))
}

fn postgresql() -> Option<BancPg> {
    commun::postgres::base_neuve().map(BancPg)
}

/// One test per backend: `suite!(name);` runs `name(&banc)` on each.
macro_rules! suite {
    ($($nom:ident),* $(,)?) => {
        mod sur_sled {
            $(#[test] fn $nom() { if let Some(b) = super::sled() { super::$nom(&b) } })*
        }
        mod sur_postgresql {
            $(#[test] fn $nom() { if let Some(b) = super::postgresql() { super::$nom(&b) } })*
        }
    };
}

suite!(
    ce_qui_est_ecrit_se_relit_apres_redemarrage,
    un_lot_ecrit_tout_ou_rien_et_l_effacement_ne_laisse_rien,
    les_ids_croissent_et_ne_reviennent_jamais,
    les_entrees_se_lisent_dans_l_ordre_des_cles,
    la_purge_efface_les_conversations_anciennes_seulement,
    un_message_redelivre_recoit_la_meme_reponse_sans_rien_changer,
    effacer_ne_laisse_ni_conversation_ni_rappel_ni_parties,
    une_entree_prise_par_le_seul_processus_reste_a_lui,
);

fn dossier(maj: u64) -> Dossier {
    Dossier {
        conversation: Conversation::default(),
        maj,
        canal: "sms".into(),
        recus: vec![],
    }
}

fn demande(depuis: u64) -> DemandeRappel {
    DemandeRappel {
        depuis,
        canal: "sms".into(),
        traitee: false,
        contact: None,
        telephone: None,
        prise_par: None,
    }
}

fn ce_qui_est_ecrit_se_relit_apres_redemarrage(b: &dyn Banc) {
    let cle = Cle::calculer(SECRET, "sms", "+33600000000");
    let mut d = dossier(100);
    d.conversation.arrete = true;
    {
        let m = b.ouvrir();
        assert_eq!(m.lire(&cle).unwrap(), None);
        m.ecrire(&cle, &d).unwrap();
        m.demander_rappel(&cle, &demande(1)).unwrap();
        m.ecrire_entree("sortants", "00000000000000000001", b"un")
            .unwrap();
    }
    let m = b.ouvrir();
    assert_eq!(m.lire(&cle).unwrap(), Some(d.clone()));
    assert_eq!(m.rappels().unwrap(), vec![(cle.clone(), demande(1))]);
    assert_eq!(
        m.lire_entree("sortants", "00000000000000000001")
            .unwrap()
            .as_deref(),
        Some(&b"un"[..])
    );
    // Written again: the same record, updated in place.
    d.maj = 200;
    m.ecrire(&cle, &d).unwrap();
    assert_eq!(m.lire(&cle).unwrap(), Some(d));
    assert_eq!(m.mises_a_jour().unwrap(), vec![(cle, 200)]);
}

fn un_lot_ecrit_tout_ou_rien_et_l_effacement_ne_laisse_rien(b: &dyn Banc) {
    let a = Cle::calculer(SECRET, "sms", "+33600000001");
    let autre = Cle::calculer(SECRET, "sms", "+33600000002");
    let m = b.ouvrir();
    let mut lot = Lot {
        dossier: Some((a.clone(), dossier(5))),
        ..Lot::default()
    };
    lot.ecrire("sortants", "1", b"un".to_vec())
        .ecrire(PARTIES, &format!("{}:x", a.0), b"p".to_vec())
        .ecrire(PARTIES, &format!("{}:y", a.0), b"q".to_vec())
        .ecrire(PARTIES, &format!("{}:z", autre.0), b"r".to_vec());
    m.appliquer(lot).unwrap();
    m.ecrire(&autre, &dossier(6)).unwrap();
    assert_eq!(m.lire(&a).unwrap(), Some(dossier(5)));
    assert_eq!(m.entrees(PARTIES).unwrap().len(), 3);
    let mut lot = Lot {
        effacer: Some(a.clone()),
        ..Lot::default()
    };
    lot.supprimer_prefixe(PARTIES, &format!("{}:", a.0))
        .supprimer("sortants", "1");
    m.appliquer(lot).unwrap();
    assert_eq!(m.lire(&a).unwrap(), None);
    assert_eq!(
        m.entrees(PARTIES).unwrap(),
        vec![(format!("{}:z", autre.0), b"r".to_vec())]
    );
    assert_eq!(m.lire_entree("sortants", "1").unwrap(), None);
    drop(m);
    let m = b.ouvrir();
    assert_eq!(m.lire(&a).unwrap(), None);
    assert_eq!(m.lire(&autre).unwrap(), Some(dossier(6)));
    // A conversation begun again after its erasure gets a new key.
    m.ecrire(&a, &dossier(7)).unwrap();
    assert_eq!(m.lire(&a).unwrap(), Some(dossier(7)));
}

fn les_ids_croissent_et_ne_reviennent_jamais(b: &dyn Banc) {
    let mut vus = Vec::new();
    for _ in 0..2 {
        let m = b.ouvrir();
        for _ in 0..5 {
            vus.push(m.nouvel_id().unwrap());
        }
    }
    let mut tries = vus.clone();
    tries.sort();
    tries.dedup();
    assert_eq!(tries, vus, "increasing and never twice");
}

fn les_entrees_se_lisent_dans_l_ordre_des_cles(b: &dyn Banc) {
    let m = b.ouvrir();
    for id in [30u64, 4, 1000, 7] {
        m.ecrire_entree("sortants", &format!("{id:020}"), &id.to_le_bytes())
            .unwrap();
    }
    m.ecrire_entree("autre", "0", b"x").unwrap();
    let cles: Vec<String> = m
        .entrees("sortants")
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let attendu: Vec<String> = [4u64, 7, 30, 1000]
        .iter()
        .map(|id| format!("{id:020}"))
        .collect();
    assert_eq!(cles, attendu);
    m.supprimer_entree("sortants", &format!("{:020}", 7))
        .unwrap();
    assert_eq!(m.entrees("sortants").unwrap().len(), 3);
}

fn la_purge_efface_les_conversations_anciennes_seulement(b: &dyn Banc) {
    let m = b.ouvrir();
    let vieille = Cle::calculer(SECRET, "sms", "+33600000003");
    let recente = Cle::calculer(SECRET, "sms", "+33600000004");
    m.ecrire(&vieille, &dossier(10)).unwrap();
    m.demander_rappel(&vieille, &demande(10)).unwrap();
    m.ecrire(&recente, &dossier(1000)).unwrap();
    assert_eq!(m.purger(500).unwrap(), 1);
    assert_eq!(m.lire(&vieille).unwrap(), None);
    assert!(m.rappels().unwrap().is_empty());
    assert_eq!(m.lire(&recente).unwrap(), Some(dossier(1000)));
}

fn moteur() -> Moteur {
    Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap()
}

fn service(m: Box<dyn Store>) -> Service {
    Service::nouveau(moteur(), m, SECRET.to_vec())
}

fn sms<'a>(expediteur: &'a str, texte: &'a str, id: &'a str) -> Message<'a> {
    Message {
        canal: "sms",
        expediteur,
        texte,
        id: Some(id),
        langue: None,
    }
}

fn un_message_redelivre_recoit_la_meme_reponse_sans_rien_changer(b: &dyn Banc) {
    let s = service(b.ouvrir());
    let n = "+33611111111";
    let premier = s.traiter(&sms(n, "Bonjour", "m1")).unwrap();
    let deuxieme = s.traiter(&sms(n, "non", "m2")).unwrap();
    let avant = s.conversation("sms", n).unwrap();
    let encore = s.traiter(&sms(n, "Bonjour", "m1")).unwrap();
    assert!(encore.doublon);
    assert_eq!(encore.messages, premier.messages);
    assert_eq!(s.conversation("sms", n).unwrap(), avant);
    assert!(!deuxieme.doublon);
}

fn effacer_ne_laisse_ni_conversation_ni_rappel_ni_parties(b: &dyn Banc) {
    let s = service(b.ouvrir());
    let n = "+33622222222";
    s.traiter(&sms(n, "Bonjour", "e1")).unwrap();
    s.traiter(&sms(n, "RAPPEL", "e2")).unwrap();
    let cle = s.cle("sms", n);
    assert!(s.rappel(&cle).unwrap().is_some());
    s.traiter_partie(
        &sms(n, "deb", "e3"),
        guichet::service::Partie {
            reference: "r",
            numero: 1,
            total: 2,
        },
        None,
    )
    .unwrap();
    assert_eq!(s.magasin().entrees(PARTIES).unwrap().len(), 1);
    s.traiter(&sms(n, "EFFACER", "e4")).unwrap();
    assert_eq!(s.conversation("sms", n).unwrap(), None);
    assert_eq!(s.rappel(&cle).unwrap(), None);
    assert!(s.magasin().entrees(PARTIES).unwrap().is_empty());
    assert!(s.magasin().entrees(RAPPELS).unwrap().is_empty());
}

fn une_entree_prise_par_le_seul_processus_reste_a_lui(b: &dyn Banc) {
    let m = b.ouvrir();
    m.ecrire_entree("sortants", "1", b"un").unwrap();
    assert!(m.reserver("sortants", "1", 60).unwrap());
    // Taking it again (the next try of the same worker) is allowed.
    assert!(m.reserver("sortants", "1", 60).unwrap());
}

// What only PostgreSQL has: several processes (here, several stores) on
// one database.

#[test]
fn deux_processus_ne_traitent_jamais_le_meme_expediteur_en_meme_temps() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    let magasins: Vec<Arc<PgStore>> = (0..2).map(|_| Arc::new(pg(&url))).collect();
    let cle = Cle::calculer(SECRET, "sms", "+33633333333");
    // Each step reads a counter and writes it plus one, in the sender's
    // transaction: without a lock across processes, increments get lost.
    let fils: Vec<_> = (0..4)
        .map(|i| {
            let m = magasins[i % 2].clone();
            let cle = cle.clone();
            std::thread::spawn(move || {
                for _ in 0..25 {
                    m.transaction(&cle, &mut || {
                        let n: u64 = m
                            .lire_entree("compteur", "n")?
                            .map(|v| String::from_utf8_lossy(&v).parse().unwrap_or(0))
                            .unwrap_or(0);
                        std::thread::yield_now();
                        m.ecrire_entree("compteur", "n", (n + 1).to_string().as_bytes())
                    })
                    .unwrap();
                }
            })
        })
        .collect();
    for f in fils {
        f.join().unwrap();
    }
    assert_eq!(
        magasins[0].lire_entree("compteur", "n").unwrap().as_deref(),
        Some(&b"100"[..])
    );
}

#[test]
fn une_etape_qui_echoue_n_ecrit_rien() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    let m = pg(&url);
    let cle = Cle::calculer(SECRET, "sms", "+33644444444");
    let r = m.transaction(&cle, &mut || {
        m.ecrire(&cle, &dossier(1))?;
        m.ecrire_entree("sortants", "1", b"un")?;
        Err(guichet::store::StoreError(
            "la suite de l'étape échoue".into(),
        ))
    });
    assert!(r.is_err());
    assert_eq!(m.lire(&cle).unwrap(), None);
    assert_eq!(m.lire_entree("sortants", "1").unwrap(), None);
}

#[test]
fn une_entree_prise_par_un_processus_ne_l_est_pas_par_l_autre_avant_la_fin_du_bail() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    let (a, b) = (pg(&url), pg(&url));
    a.ecrire_entree("sortants", "1", b"un").unwrap();
    assert!(a.reserver("sortants", "1", 1).unwrap());
    assert!(!b.reserver("sortants", "1", 60).unwrap());
    assert!(a.reserver("sortants", "1", 1).unwrap());
    // The lease ends (a process killed while sending): the other takes over.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert!(b.reserver("sortants", "1", 60).unwrap());
    assert!(!a.reserver("sortants", "1", 60).unwrap());
    // An entry that is gone cannot be taken.
    assert!(!a.reserver("sortants", "2", 60).unwrap());
}

#[test]
fn une_instance_avec_un_autre_secret_refuse_de_demarrer() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    drop(pg(&url));
    let e = PgStore::ouvrir(
        &ReglagesPg {
            url: url.clone(),
            connexions: 2,
        },
        b"un-autre-secret",
    )
    .err()
    .expect("refused");
    assert!(e.0.contains("secret"), "{e}");
}

#[test]
fn ni_numero_ni_texte_en_clair_dans_la_base_et_l_effacement_supprime_la_cle() {
    let Some(url) = commun::postgres::base_neuve() else {
        return;
    };
    let s = service(Box::new(pg(&url)));
    let n = "+33655555555";
    s.traiter(&sms(n, "Bonjour", "c1")).unwrap();
    s.traiter(&sms(n, "RAPPEL", "c2")).unwrap();
    let tout = commun::postgres::requete(
        &url,
        "SELECT encode(valeur, 'escape') FROM conversations
         UNION ALL SELECT encode(valeur, 'escape') FROM entrees
         UNION ALL SELECT cle FROM conversations",
    );
    let texte = format!("{tout:?}");
    assert!(!texte.contains("655555555"), "number in clear");
    assert!(!texte.contains("Bonjour"), "text in clear");
    let compte = |sql: &str| commun::postgres::requete(&url, sql)[0][0].clone();
    assert_eq!(
        compte("SELECT count(*) FROM cles_conversations").as_deref(),
        Some("1")
    );
    s.traiter(&sms(n, "EFFACER", "c3")).unwrap();
    assert_eq!(
        compte("SELECT count(*) FROM cles_conversations").as_deref(),
        Some("0")
    );
    assert_eq!(
        compte("SELECT count(*) FROM conversations").as_deref(),
        Some("0")
    );
}
