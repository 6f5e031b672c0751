//! `guichet check`: every rule, question, lexicon and locale file checked,
//! each mistake reported as `file:line: what is wrong`.

use super::regles::lire_sources;
use guichet::rules::RuleSet;
use std::process::ExitCode;

pub(crate) fn check(
    dossier: &std::path::Path,
    questions: &std::path::Path,
    lexique: &std::path::Path,
    locales: &std::path::Path,
) -> ExitCode {
    let mut erreurs: Vec<String> = Vec::new();
    match std::fs::read_to_string(lexique) {
        Ok(t) => match guichet::dialogue::lexique::Lexique::depuis_texte(
            &lexique.display().to_string(),
            &t,
        ) {
            Ok(l) => println!(
                "{}: {} sens, {} mots : aucune erreur",
                lexique.display(),
                l.sens.len(),
                l.sens.iter().map(|s| s.mots.len()).sum::<usize>()
            ),
            Err(e) => erreurs.extend(e.iter().map(|e| e.to_string())),
        },
        Err(e) => erreurs.push(format!("{}: lecture impossible : {e}", lexique.display())),
    }
    let sources = lire_sources(dossier);
    let regles = sources
        .as_ref()
        .map_err(|e| e.clone())
        .and_then(|s| RuleSet::depuis_sources(s));
    match &regles {
        Ok(rs) => println!(
            "{}: {} aides, {} paramètres, {} variables : aucune erreur",
            dossier.display(),
            rs.aides.len(),
            rs.parametres.len(),
            rs.variables.len()
        ),
        Err(e) => erreurs.extend(e.iter().map(|e| e.to_string())),
    }
    let textes = lire_locales(locales);
    let qs = match std::fs::read_to_string(questions) {
        Ok(t) => guichet::dialogue::questions::Questions::depuis_texte(
            &questions.display().to_string(),
            &t,
        )
        .map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>()),
        Err(e) => Err(vec![format!(
            "{}: lecture impossible : {e}",
            questions.display()
        )]),
    };
    match (&qs, &textes) {
        (Ok(q), Ok(t)) => {
            let e = q.verifier_textes(t);
            if e.is_empty() {
                println!(
                    "{}: {} questions ; {}: {} messages par langue : aucune erreur",
                    questions.display(),
                    q.liste.len(),
                    locales.display(),
                    t.ids().len()
                );
            }
            erreurs.extend(e.iter().map(|e| e.to_string()));
            // The aids' sentences in every language but French (whose
            // sentences are the rule files'), once the rules are right.
            if let (Ok(sources), Ok(_)) = (&sources, &regles) {
                match guichet::rules::phrases::catalogue(sources) {
                    Ok(phrases) => {
                        let e = t.verifier_aides(&phrases);
                        if e.is_empty() {
                            println!(
                                "{}: {} phrases des aides, traduites : aucune erreur",
                                locales.display(),
                                phrases.len()
                            );
                        }
                        erreurs.extend(e.iter().map(|e| e.to_string()));
                    }
                    Err(e) => erreurs.extend(e.iter().map(|e| e.to_string())),
                }
            }
        }
        _ => {
            if let Err(e) = &qs {
                erreurs.extend(e.iter().cloned());
            }
            if let Err(e) = &textes {
                erreurs.extend(e.iter().cloned());
            }
        }
    }
    if erreurs.is_empty() {
        ExitCode::SUCCESS
    } else {
        for e in &erreurs {
            eprintln!("{e}");
        }
        eprintln!("{} erreur(s)", erreurs.len());
        ExitCode::from(1)
    }
}

/// Reads every `*.ftl` of `locales/<langue>/`.
pub(crate) fn lire_locales(
    dossier: &std::path::Path,
) -> Result<guichet::textes::Textes, Vec<String>> {
    use guichet::textes::{Langue, Textes};
    let mut sources = Vec::new();
    for langue in Langue::TOUTES {
        let d = dossier.join(langue.code());
        let entrees = std::fs::read_dir(&d)
            .map_err(|e| vec![format!("{}: dossier illisible : {e}", d.display())])?;
        let mut chemins: Vec<_> = entrees
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        chemins.sort();
        for p in chemins {
            let t = std::fs::read_to_string(&p)
                .map_err(|e| vec![format!("{}: lecture impossible : {e}", p.display())])?;
            sources.push((langue, p.display().to_string(), t));
        }
    }
    Textes::depuis_sources(&sources).map_err(|e| e.iter().map(|e| e.to_string()).collect())
}
