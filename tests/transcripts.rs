//! Golden conversation transcripts: `tests/transcripts/*.txt`.
//!
//! Each file is a conversation as a person would have it by SMS: `> ` lines
//! are what the person types, `< ` lines start a reply from guichet (as sent,
//! after GSM-7 transliteration), and lines indented by two spaces continue
//! that reply. `#` lines are comments. Blank lines are ignored. The test
//! replays every `>` line through the service (in-memory store, clock fixed
//! on 2026-11-23, an SMS channel that can write later, so the results ask
//! for consent to follow-ups) and compares the replies with the file, reply
//! by reply.
//!
//! After a deliberate change of wording or of question order, rewrite the
//! files with `GUICHET_TRANSCRIPTS=ecrire cargo test --test transcripts`,
//! then read the diff as a user would before committing it.

use guichet::dialogue::Conversation;
use guichet::dialogue::{Moteur, Reglages};
use guichet::rules::RuleSet;
use guichet::service::{Depot, Message, Service, Sortie};
use guichet::sms::gsm7;
use guichet::store::{Cle, Lot, MemoryStore, Store, StoreError};
use std::path::Path;

/// 2026-11-23 12:00 UTC.
fn horloge() -> u64 {
    1_795_435_200
}

fn service() -> Service {
    let moteur = Moteur::integre(RuleSet::integre().unwrap(), Reglages::default()).unwrap();
    Service::nouveau(moteur, Box::new(MemoryStore::default()), b"test".to_vec())
        .avec_horloge(horloge)
}

/// The replay is an SMS channel through a provider's send API, which can
/// write to the person later: the results ask for consent to follow-ups.
/// Its outbox keeps nothing (the replies are compared, not sent).
struct EnvoiPossible;

impl Depot for EnvoiPossible {
    fn deposer(
        &self,
        _: &dyn Store,
        _: &Cle,
        _: &Sortie,
        _: Option<&Conversation>,
        _: &mut Lot,
    ) -> Result<(), StoreError> {
        Ok(())
    }
    fn effacer(&self, _: &dyn Store, _: &Cle, _: &mut Lot) -> Result<(), StoreError> {
        Ok(())
    }
    fn contact(&self) -> Option<(&str, String)> {
        Some(("twilio", "+33612345678".into()))
    }
}

/// One turn: what the person typed and the replies expected.
struct Tour {
    ligne: usize,
    texte: String,
    replies: Vec<String>,
}

fn lire(texte: &str) -> (Vec<String>, Vec<Tour>) {
    let mut entete = Vec::new();
    let mut tours: Vec<Tour> = Vec::new();
    for (i, l) in texte.lines().enumerate() {
        if let Some(t) = l.strip_prefix("> ") {
            tours.push(Tour {
                ligne: i + 1,
                texte: t.to_string(),
                replies: Vec::new(),
            });
        } else if l == ">" {
            tours.push(Tour {
                ligne: i + 1,
                texte: String::new(),
                replies: Vec::new(),
            });
        } else if let Some(r) = l.strip_prefix("< ") {
            if let Some(t) = tours.last_mut() {
                t.replies.push(r.to_string());
            }
        } else if let Some(suite) = l.strip_prefix("  ") {
            if let Some(r) = tours.last_mut().and_then(|t| t.replies.last_mut()) {
                r.push('\n');
                r.push_str(suite);
            }
        } else if tours.is_empty() && l.starts_with('#') {
            entete.push(l.to_string());
        }
    }
    (entete, tours)
}

fn ecrire(entete: &[String], tours: &[(String, Vec<String>)]) -> String {
    let mut s = String::new();
    for l in entete {
        s.push_str(l);
        s.push('\n');
    }
    for (texte, replies) in tours {
        s.push('\n');
        s.push_str(&format!("> {texte}\n"));
        for r in replies {
            for (i, l) in r.lines().enumerate() {
                s.push_str(if i == 0 { "< " } else { "  " });
                s.push_str(l);
                s.push('\n');
            }
        }
    }
    s
}

#[test]
fn les_transcriptions_sont_rejouees_a_l_identique() {
    let dossier = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts");
    let mut fichiers: Vec<_> = std::fs::read_dir(&dossier)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    fichiers.sort();
    assert!(fichiers.len() >= 6, "au moins six vies typiques");
    let reecrire = std::env::var("GUICHET_TRANSCRIPTS").as_deref() == Ok("ecrire");
    let mut ecarts = Vec::new();
    for f in &fichiers {
        let texte = std::fs::read_to_string(f).unwrap();
        let (entete, tours) = lire(&texte);
        assert!(!tours.is_empty(), "{}: aucune ligne `> `", f.display());
        let s = service();
        let mut obtenus = Vec::new();
        for t in &tours {
            let sortie = s
                .traiter_avec(
                    &Message {
                        canal: "sms",
                        expediteur: "+33612345678",
                        texte: &t.texte,
                        id: None,
                        langue: None,
                    },
                    &EnvoiPossible,
                )
                .unwrap();
            let replies: Vec<String> = sortie
                .messages
                .iter()
                .map(|m| gsm7::translitterer(m))
                .collect();
            for r in &replies {
                let (enc, n) = gsm7::segments(r);
                assert_eq!(
                    enc,
                    gsm7::Encodage::Gsm7,
                    "{}:{}: {r}",
                    f.display(),
                    t.ligne
                );
                assert!(n <= 3, "{}:{}: {n} segments : {r}", f.display(), t.ligne);
            }
            if !reecrire && replies != t.replies {
                ecarts.push(format!(
                    "{}:{}: > {}\n  attendu : {:#?}\n  obtenu  : {:#?}",
                    f.display(),
                    t.ligne,
                    t.texte,
                    t.replies,
                    replies
                ));
            }
            obtenus.push((t.texte.clone(), replies));
        }
        if reecrire {
            std::fs::write(f, ecrire(&entete, &obtenus)).unwrap();
        }
    }
    assert!(
        ecarts.is_empty(),
        "{} réponse(s) différente(s) ; après un changement voulu : GUICHET_TRANSCRIPTS=ecrire cargo test --test transcripts\n{}",
        ecarts.len(),
        ecarts.join("\n")
    );
}
