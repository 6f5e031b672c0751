//! `guichet eval`: situations in, every aid's result out as JSON, a batch
//! evaluated in chunks on every core while finished chunks are written in order.

use super::regles::charger_regles;
use guichet::clock;
use guichet::rules::RuleSet;
use guichet::situation::{Mois, Situation};
use std::io::{Read, Write};
use std::process::ExitCode;

/// A finished chunk of a batch: its index, its serialized results
/// (comma-separated), and its errors with their index in the batch.
type Morceau = (
    usize,
    Vec<u8>,
    Vec<(usize, guichet::situation::SituationError)>,
);

pub(crate) fn eval(
    fichier: &str,
    regles: Option<&std::path::Path>,
    mois: Option<&str>,
    pretty: bool,
) -> ExitCode {
    let rs = match charger_regles(regles) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mois: Mois = match mois {
        Some(m) => match m.parse() {
            Ok(m) => m,
            Err(e) => {
                eprintln!("--mois : {e}");
                return ExitCode::from(2);
            }
        },
        None => clock::mois_courant(),
    };
    let mut texte = String::new();
    let lu = if fichier == "-" {
        std::io::stdin().read_to_string(&mut texte).map(|_| ())
    } else {
        std::fs::read_to_string(fichier).map(|t| texte = t)
    };
    if let Err(e) = lu {
        eprintln!("{fichier}: lecture impossible : {e}");
        return ExitCode::from(2);
    }
    let valeur: serde_json::Value = match serde_json::from_str(&texte) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{fichier}: JSON illisible : {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut sortie = std::io::BufWriter::new(stdout.lock());
    let ecrire = |sortie: &mut dyn Write, v: &serde_json::Value| -> std::io::Result<()> {
        if pretty {
            serde_json::to_writer_pretty(&mut *sortie, v)?;
        } else {
            serde_json::to_writer(&mut *sortie, v)?;
        }
        writeln!(sortie)
    };
    match valeur {
        serde_json::Value::Array(items) => {
            // Threads evaluate and serialize chunks of the array while this
            // thread writes the finished chunks, in order: writing overlaps
            // computing, and memory holds only the chunks not yet written.
            match evaluer_en_flux(&rs, items, mois, pretty, &mut sortie, fichier) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(1),
                Err(_) => ExitCode::from(2),
            }
        }
        autre => match Situation::from_value(autre)
            .and_then(|s| rs.verifier_mois(&s, mois).map(|()| s))
        {
            Ok(s) => {
                let ev = rs.evaluer(&s, mois);
                let v = serde_json::to_value(ev).unwrap_or_default();
                if ecrire(&mut sortie, &v).is_err() {
                    return ExitCode::from(2);
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{fichier}: {e}");
                ExitCode::from(1)
            }
        },
    }
}

/// Situations per chunk of a batch: enough to amortize the hand-over
/// between threads, few enough that writing starts early and memory stays low
/// (about 16 kB of JSON per situation).
pub(crate) const TAILLE_MORCEAU: usize = 64;

/// Evaluates a batch on every core (situations are independent) and writes
/// the JSON array to `sortie` as chunks finish, in the batch's order. Returns
/// the number of situations in error, each also reported on stderr.
pub(crate) fn evaluer_en_flux(
    rs: &RuleSet,
    items: Vec<serde_json::Value>,
    mois: Mois,
    pretty: bool,
    sortie: &mut dyn Write,
    fichier: &str,
) -> std::io::Result<usize> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let coeurs = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8);
    let mut morceaux: Vec<Mutex<Vec<serde_json::Value>>> = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        morceaux.push(Mutex::new(items.by_ref().take(TAILLE_MORCEAU).collect()));
    }
    let suivant = AtomicUsize::new(0);
    let (envoi, reception) = std::sync::mpsc::channel::<Morceau>();
    std::thread::scope(|scope| {
        for _ in 0..coeurs {
            let envoi = envoi.clone();
            let (morceaux, suivant) = (&morceaux, &suivant);
            scope.spawn(move || {
                loop {
                    let k = suivant.fetch_add(1, Ordering::Relaxed);
                    let Some(morceau) = morceaux.get(k) else {
                        break;
                    };
                    let situations =
                        std::mem::take(&mut *morceau.lock().unwrap_or_else(|e| e.into_inner()));
                    let (octets, erreurs) =
                        evaluer_morceau(rs, situations, k * TAILLE_MORCEAU, mois, pretty);
                    // The receiver only stops early when writing failed.
                    if envoi.send((k, octets, erreurs)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(envoi);
        // Chunks arrive in any order; each is written once those before it are.
        let mut en_attente: Vec<Option<Morceau>> = Vec::new();
        en_attente.resize_with(morceaux.len(), || None);
        let mut a_ecrire = 0;
        let mut erreurs = 0;
        let mut premier = true;
        sortie.write_all(b"[")?;
        for m in reception {
            let k = m.0;
            en_attente[k] = Some(m);
            while let Some((_, octets, errs)) = en_attente.get_mut(a_ecrire).and_then(Option::take)
            {
                a_ecrire += 1;
                for (i, e) in errs {
                    erreurs += 1;
                    eprintln!("{fichier}: situation {i} : {e}");
                }
                if octets.is_empty() {
                    continue;
                }
                if !premier {
                    sortie.write_all(b",")?;
                }
                premier = false;
                sortie.write_all(&octets)?;
            }
        }
        sortie.write_all(b"]\n")?;
        sortie.flush()?;
        Ok(erreurs)
    })
}

/// Evaluates and serializes one chunk; `debut` is the index of its first
/// situation in the batch. Returns the results, comma-separated, and the
/// errors with their index in the batch.
pub(crate) fn evaluer_morceau(
    rs: &RuleSet,
    situations: Vec<serde_json::Value>,
    debut: usize,
    mois: Mois,
    pretty: bool,
) -> (Vec<u8>, Vec<(usize, guichet::situation::SituationError)>) {
    let mut octets = Vec::with_capacity(situations.len() * 20_000);
    let mut erreurs = Vec::new();
    for (j, v) in situations.into_iter().enumerate() {
        let r = Situation::from_value(v)
            .and_then(|s| rs.verifier_mois(&s, mois).map(|()| s))
            .map(|s| rs.evaluer(&s, mois));
        if !octets.is_empty() {
            octets.push(b',');
        }
        let ecrit = match r {
            Ok(ev) => ecrire_json(&mut octets, &ev, pretty),
            Err(e) => {
                let v = serde_json::json!({"erreur": {"champ": e.champ, "message": e.message}});
                erreurs.push((debut + j, e));
                ecrire_json(&mut octets, &v, pretty)
            }
        };
        // Writing to a Vec cannot fail; serializing our own types neither.
        debug_assert!(ecrit.is_ok());
    }
    (octets, erreurs)
}

pub(crate) fn ecrire_json<T: serde::Serialize>(
    sortie: &mut Vec<u8>,
    v: &T,
    pretty: bool,
) -> serde_json::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(sortie, v)
    } else {
        serde_json::to_writer(sortie, v)
    }
}
