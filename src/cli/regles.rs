//! Loading what the commands share: the rule files (built in, or from a
//! folder given on the command line) and the dialogue engine over them.

use guichet::config::Config;
use guichet::rules::{ErreurChargement, RuleSet, Source};

/// Reads every `*.toml` file of a directory (not recursive) and compiles them.
/// The rule engine itself does no I/O: reading files is the command's job.
pub(crate) fn lire_dossier(dossier: &std::path::Path) -> Result<RuleSet, Vec<ErreurChargement>> {
    RuleSet::depuis_sources(&lire_sources(dossier)?)
}

/// Every `*.toml` of a rules directory, in name order.
pub(crate) fn lire_sources(
    dossier: &std::path::Path,
) -> Result<Vec<Source>, Vec<ErreurChargement>> {
    let mut sources = Vec::new();
    let entrees = std::fs::read_dir(dossier).map_err(|e| {
        vec![ErreurChargement {
            fichier: dossier.display().to_string(),
            ligne: 0,
            message: format!("dossier illisible : {e}"),
        }]
    })?;
    let mut chemins: Vec<_> = entrees
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    chemins.sort();
    for p in chemins {
        let texte = std::fs::read_to_string(&p).map_err(|e| {
            vec![ErreurChargement {
                fichier: p.display().to_string(),
                ligne: 0,
                message: format!("fichier illisible : {e}"),
            }]
        })?;
        sources.push(Source {
            nom: p.display().to_string(),
            texte,
        });
    }
    Ok(sources)
}

pub(crate) fn charger_regles(dossier: Option<&std::path::Path>) -> Result<RuleSet, String> {
    let r = match dossier {
        Some(d) => lire_dossier(d),
        None => RuleSet::integre(),
    };
    r.map_err(|erreurs| {
        erreurs
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The conversation engine with the built-in questions and texts.
pub(crate) fn moteur(regles: RuleSet, cfg: &Config) -> Result<guichet::dialogue::Moteur, String> {
    let reglages = guichet::dialogue::Reglages {
        budget_segments: cfg.sms.segment_budget.max(1),
        expiration_jours: cfg.conversation.expiration_jours,
        operateur: cfg.conversation.operateur.clone(),
        contact: cfg.conversation.contact.clone(),
    };
    guichet::dialogue::Moteur::integre(regles, reglages).map_err(|e| e.join("\n"))
}
