//! Correcting an earlier answer (the agent console's "modifier") and the
//! written summary sent by SMS, on the engine itself: the conversation is
//! replayed with the new answer, answers that no longer apply are dropped,
//! and an answer that no longer fits is asked again.

use guichet::dialogue::{Conversation, Entrant, Etape, Moteur, Refus, Reglages};
use guichet::rules::{RuleSet, Statut};
use guichet::situation::Mois;
use guichet::sms::gsm7;

const NOV_2026: Mois = Mois {
    annee: 2026,
    mois: 11,
};

fn moteur() -> Moteur {
    Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap()
}

fn entrant(texte: &str) -> Entrant<'_> {
    Entrant {
        texte,
        aujourd_hui: (2026, 11, 23),
        mois: NOV_2026,
        langue: None,
        joignable: false,
    }
}

/// Samia's call (tests/transcripts/02_mere_seule.txt): answers by question,
/// given in whatever order the engine asks.
const SAMIA: &[(&str, &str)] = &[
    ("couple", "non"),
    ("nombre_enfants", "2"),
    ("activite", "je travaille en cdi a temps partiel"),
    ("ages_enfants", "7 et 3 ans"),
    ("salaire", "900€"),
    ("handicap_foyer", "non"),
    ("age", "31"),
    ("logement", "hlm"),
    ("loyer", "380"),
    ("code_postal", "59100"),
    ("pension_alimentaire", "rien, il ne paie pas"),
    ("enceinte", "non"),
];

fn samia(m: &Moteur) -> Conversation {
    let (mut c, _) = m.pas(None, &entrant("Bonjour"));
    for _ in 0..30 {
        let Etape::Question { id } = c.etape.clone() else {
            return c;
        };
        let reponse = SAMIA
            .iter()
            .find(|(q, _)| *q == id)
            .unwrap_or_else(|| panic!("question inattendue : {id}"))
            .1;
        c = m.pas(Some(c), &entrant(reponse)).0;
    }
    panic!("pas de résultats");
}

fn montant(c: &Conversation, m: &Moteur, aide: &str) -> Option<String> {
    m.evaluer(c, NOV_2026)
        .aides
        .iter()
        .find(|a| a.id == aide && a.statut == Statut::Eligible)
        .and_then(|a| a.montant)
        .map(|d| d.to_string())
}

#[test]
fn every_answer_is_kept_beside_its_question() {
    let m = moteur();
    let c = samia(&m);
    assert!(matches!(c.etape, Etape::Resultats { .. }));
    assert_eq!(c.reponses.len(), c.repondues.len());
    let donnees = m.reponses_donnees(&c);
    assert_eq!(donnees.len(), 12);
    let logement = donnees.iter().find(|d| d.question == "logement").unwrap();
    assert_eq!(logement.reponse, "hlm");
    assert!(!logement.libelle.is_empty());
    // RETOUR forgets the undone answer too.
    let (c2, _) = m.pas(Some(c), &entrant("RETOUR"));
    assert_eq!(c2.reponses.len(), c2.repondues.len());
    assert_eq!(c2.repondues.len(), 11);
}

#[test]
fn correcting_an_amount_changes_the_results_and_keeps_the_other_answers() {
    let m = moteur();
    let c = samia(&m);
    let avant = montant(&c, &m, "prime_activite").expect("prime d'activité");
    let r = m
        .corriger(c.clone(), "salaire", "1 300 €", &entrant(""))
        .unwrap();
    assert!(r.retirees.is_empty(), "{:?}", r.retirees);
    assert!(matches!(r.conversation.etape, Etape::Resultats { .. }));
    assert!(r.tour.aides.is_some(), "the replay ends on the results");
    let apres = montant(&r.conversation, &m, "prime_activite").expect("prime d'activité");
    assert_ne!(avant, apres);
    assert_eq!(
        r.conversation
            .situation
            .demandeur
            .as_ref()
            .unwrap()
            .salaire_net,
        Some(rust_decimal::Decimal::from(1300))
    );
    // Nothing else moved: same answers, one changed.
    let textes: Vec<_> = m
        .reponses_donnees(&r.conversation)
        .into_iter()
        .map(|d| (d.question, d.reponse))
        .collect();
    assert!(textes.contains(&("salaire".into(), "1 300 €".into())));
    assert!(textes.contains(&("loyer".into(), "380".into())));
    assert_eq!(textes.len(), 12);
}

#[test]
fn an_answer_that_no_longer_applies_is_dropped() {
    let m = moteur();
    let c = samia(&m);
    // Owner instead of HLM tenant: neither the rent nor the postal code
    // (which only sets the housing-aid zone) can change anything now.
    let r = m
        .corriger(c, "logement", "proprietaire", &entrant(""))
        .unwrap();
    let retirees: Vec<_> = r.retirees.iter().map(|d| d.question.as_str()).collect();
    assert_eq!(retirees, ["loyer", "code_postal"]);
    assert_eq!(r.retirees[0].reponse, "380");
    assert!(!r.conversation.repondues.contains(&"loyer".to_string()));
    // The owner's choice itself settles the rent at zero; the 380 € is gone.
    assert_eq!(
        r.conversation.situation.logement.as_ref().unwrap().loyer,
        Some(rust_decimal::Decimal::ZERO)
    );
    assert_eq!(montant(&r.conversation, &m, "aides_logement"), None);
}

#[test]
fn an_answer_that_no_longer_fits_is_asked_again() {
    let m = moteur();
    let c = samia(&m);
    // Three children now, but two ages were given: the ages are asked again.
    let r = m.corriger(c, "nombre_enfants", "3", &entrant("")).unwrap();
    let invite = r.tour.invite.expect("a question is waiting");
    assert_eq!(invite.question, "ages_enfants");
    assert_eq!(
        r.conversation.etape,
        Etape::Question {
            id: "ages_enfants".into()
        }
    );
    assert!(r.tour.messages.iter().any(|t| t.contains('3')));
}

#[test]
fn a_correction_not_understood_changes_nothing_and_says_why() {
    let m = moteur();
    let c = samia(&m);
    match m.corriger(c.clone(), "loyer", "beaucoup trop", &entrant("")) {
        Err(Refus::Incomprise(messages)) => {
            assert!(messages.join(" ").contains("Exemple"), "{messages:?}")
        }
        autre => panic!("{autre:?}"),
    }
    assert_eq!(
        m.corriger(c.clone(), "titre_sejour", "oui", &entrant("")),
        Err(Refus::PasRepondue)
    );
    let mut ancienne = c;
    ancienne.reponses.clear();
    assert_eq!(
        m.corriger(ancienne, "loyer", "400", &entrant("")),
        Err(Refus::Ancienne)
    );
}

#[test]
fn the_summary_lists_every_aid_with_where_to_apply_within_the_budget() {
    let m = moteur();
    let c = samia(&m);
    let sms = m.recapitulatif(&c, NOV_2026);
    assert!(!sms.is_empty());
    let tout = sms.join("\n");
    assert!(tout.starts_with("Récapitulatif"), "{tout}");
    assert!(tout.contains("403,57 €/mois"), "{tout}");
    assert!(tout.contains("Tél. 3230"), "{tout}");
    assert!(tout.contains("caf.fr"), "{tout}");
    for s in &sms {
        let t = gsm7::translitterer(s);
        assert!(gsm7::est_gsm7(&t), "{t}");
        assert!(gsm7::segments(&t).1 <= 3, "{t}");
    }
    // Nothing granted: nothing to send.
    assert!(
        m.recapitulatif(&Conversation::default(), NOV_2026)
            .is_empty()
    );
}
