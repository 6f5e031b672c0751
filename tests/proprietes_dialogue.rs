//! Property tests of the conversation: whatever a person types, in any
//! order (answers, keywords, gibberish, emoji), the service never panics,
//! every reply is GSM-7 within three segments, the stored state reads back
//! as it was written, and after STOP nothing is sent until START/BONJOUR.

use guichet::dialogue::{Conversation, Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::service::{Message, Service};
use guichet::sms::gsm7;
use guichet::store::MemoryStore;
use proptest::prelude::*;
use std::sync::OnceLock;

fn horloge() -> u64 {
    1_795_435_200
}

fn regles() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| RuleSet::integre().unwrap())
}

fn service() -> Service {
    let moteur = Moteur::integre(regles().clone(), Reglages::default()).unwrap();
    Service::nouveau(moteur, Box::new(MemoryStore::default()), b"p".to_vec()).avec_horloge(horloge)
}

const PLAUSIBLES: &[&str] = &[
    "Bonjour",
    "oui",
    "non",
    "ouais",
    "nn",
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "12",
    "34",
    "j'ai 34 ans",
    "1 200 €",
    "1.200,50",
    "mille deux cents",
    "75011",
    "97400",
    "locataire",
    "je sais pas",
    "4 12",
    "P C",
    "12/03/1990",
    "retour",
    "RETOUR",
    "aide",
    "STOP",
    "START",
    "RAPPEL",
    "EFFACER",
    "RECOMMENCER",
    "LANGUE EN",
    "LANGUE FR",
    "CONTACT",
    "SUITE",
    "hello",
    "étudiante",
    "retraité",
    "🙂",
    "",
    "   ",
    "-5",
    "99999999999",
    "oui non",
    "1 et 2",
];

fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PLAUSIBLES).prop_map(String::from),
        1 => ".{0,60}",
        1 => "[0-9 ,.€]{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn toute_suite_de_messages_recoit_des_sms_valides(messages in proptest::collection::vec(message(), 1..40)) {
        let s = service();
        for m in &messages {
            let sortie = s.traiter(&Message { canal: "sms", expediteur: "+33600000000", texte: m, id: None, langue: None }).unwrap();
            for r in &sortie.messages {
                let t = gsm7::translitterer(r);
                let (enc, n) = gsm7::segments(&t);
                prop_assert_eq!(enc, gsm7::Encodage::Gsm7);
                prop_assert!(n <= 3, "{} segments : {}", n, t);
                prop_assert!(!t.trim().is_empty());
            }
            if let Some(c) = s.conversation("sms", "+33600000000").unwrap() {
                let json = serde_json::to_string(&c).unwrap();
                let relu: Conversation = serde_json::from_str(&json).unwrap();
                prop_assert_eq!(relu, c);
            }
        }
    }

    #[test]
    fn apres_stop_le_silence(messages in proptest::collection::vec(message(), 0..15)) {
        let s = service();
        let envoyer = |t: &str| s.traiter(&Message { canal: "sms", expediteur: "+33600000001", texte: t, id: None, langue: None }).unwrap();
        envoyer("Bonjour");
        let stop = envoyer("STOP");
        prop_assert_eq!(stop.messages.len(), 1);
        for m in &messages {
            let n = guichet::dialogue::reponse::normaliser(m);
            if ["start", "bonjour", "bjr", "salut", "coucou", "bonsoir", "reprendre", "hello", "hi", "good morning", "hey"]
                .contains(&n.trim_matches(|c: char| !c.is_alphanumeric()))
            {
                break;
            }
            let r = envoyer(m);
            prop_assert!(r.messages.is_empty(), "réponse après STOP à {:?} : {:?}", m, r.messages);
        }
    }
}

#[test]
fn effacer_apres_stop_efface_sans_rien_envoyer_et_garde_le_stop() {
    let s = service();
    let envoyer = |t: &str| {
        s.traiter(&Message {
            canal: "sms",
            expediteur: "+33600000002",
            texte: t,
            id: None,
            langue: None,
        })
        .unwrap()
    };
    envoyer("Bonjour");
    envoyer("oui");
    envoyer("STOP");
    assert!(envoyer("EFFACER").messages.is_empty());
    let c = s.conversation("sms", "+33600000002").unwrap().unwrap();
    assert!(c.arrete);
    assert_eq!(c.situation, Default::default());
    assert!(envoyer("2").messages.is_empty());
    let r = envoyer("START");
    assert!(r.messages[0].contains("1/"), "{:?}", r.messages);
}
