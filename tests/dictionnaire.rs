//! The dictionary the store compresses records with
//! (`src/store/dictionary_v1.zdict`): frozen, and still doing its job.
//!
//! Records on disk can only be read with the dictionary they were written
//! with, so the file must never change: its hash is checked here. It was
//! trained on what the store really writes, the record after every turn of
//! the 600 oracle households' conversations; run
//! `GUICHET_DICTIONNAIRE=ecrire cargo test --release --test dictionnaire`
//! to train a new one into `target/store_dictionary_new.zdict` (a new
//! version is a new file and a new dictionary id, read beside v1; see
//! `src/store.rs`).

mod commun;
use commun::foyers;

use guichet::service::{Message, Service};
use guichet::store::{DICTIONNAIRE, Dossier, MemoryStore, decoder, encoder};
use sha2::{Digest, Sha256};

/// SHA-256 of `src/store/dictionary_v1.zdict`.
const EMPREINTE_V1: &str = "969ea690e87bbab545054996ad8b5ad8f5014b7ec8157277f0343da1ef8c1b77";

/// The records of a household's conversation, after each turn, as the
/// store would write them (with provider message ids, as by SMS).
fn dossiers(s: &Service, i: usize, foyer: &serde_json::Value) -> Vec<Dossier> {
    let expediteur = format!("+336{i:08}");
    let cle = s.cle("sms", &expediteur);
    let mut texte = "Bonjour".to_string();
    let mut v = Vec::new();
    for n in 0..40 {
        let id = format!("SM{i:06}{n:03}0f3c9a7e21b4d58c");
        let r = s
            .traiter(&Message {
                canal: "sms",
                expediteur: &expediteur,
                texte: &texte,
                id: Some(&id),
                langue: None,
            })
            .unwrap();
        v.push(s.magasin().lire(&cle).unwrap().unwrap());
        let Some(invite) = &r.invite else { break };
        texte = foyers::reponse(&foyer["situation"], &serde_json::to_value(invite).unwrap());
    }
    v
}

fn service() -> Service {
    Service::nouveau(
        foyers::moteur(),
        Box::new(MemoryStore::default()),
        b"dictionnaire".to_vec(),
    )
}

#[test]
fn the_dictionary_of_records_on_disk_never_changes() {
    if std::env::var("GUICHET_DICTIONNAIRE").as_deref() == Ok("ecrire") {
        let s = service();
        let mut echantillons = Vec::new();
        for (i, foyer) in foyers::cas_2026().iter().enumerate() {
            for d in dossiers(&s, i, foyer) {
                echantillons.push(rmp_serde::to_vec_named(&d).unwrap());
            }
        }
        let dico = zstd::dict::from_samples(&echantillons, 16 * 1024).unwrap();
        let sortie = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/target/store_dictionary_new.zdict"
        );
        std::fs::write(sortie, &dico).unwrap();
        eprintln!(
            "{} échantillons ; dictionnaire écrit dans {sortie}",
            echantillons.len()
        );
        return;
    }
    assert_eq!(
        hex::encode(Sha256::digest(DICTIONNAIRE)),
        EMPREINTE_V1,
        "src/store/dictionary_v1.zdict changed: records already on disk could no \
         longer be read. Put it back; a new dictionary is a new file (see src/store.rs)."
    );
}

#[test]
fn a_finished_conversation_compresses_to_well_under_a_kilobyte() {
    // Every fifth household, finished; the figure was 600 bytes when the
    // dictionary was trained. If the record's fields or the replies change
    // so much that it no longer helps, it is time for a v2.
    let s = service();
    let foyers = foyers::cas_2026();
    let mut total = 0;
    let mut n = 0;
    for (i, foyer) in foyers.iter().enumerate().step_by(5) {
        let fin = dossiers(&s, i, foyer).pop().unwrap();
        let octets = encoder(&fin).unwrap();
        assert_eq!(decoder(&octets).as_ref(), Some(&fin), "round trip");
        total += octets.len();
        n += 1;
    }
    let moyenne = total / n;
    eprintln!("{n} finished conversations: {moyenne} bytes on average");
    assert!(moyenne < 900, "{moyenne} bytes on average");
}
