//! `guichet chat`: a conversation in the terminal, through the same service
//! as SMS (the channel `chat`, [`guichet::channels::terminal`]).

use super::regles::moteur;
use guichet::config::Config;
use guichet::rules::RuleSet;
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) fn chat(data_dir: Option<PathBuf>, budget: usize, debug: bool) -> ExitCode {
    use guichet::service::Service;
    use guichet::store::{MemoryStore, SledStore, Store};
    let mut cfg = Config::default();
    cfg.sms.segment_budget = budget;
    let moteur = match RuleSet::integre()
        .map_err(|e| {
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .and_then(|r| moteur(r, &cfg))
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (magasin, secret): (Box<dyn Store>, Vec<u8>) = match &data_dir {
        Some(d) => {
            let ouvert = guichet::store::secret(None, None, d)
                .and_then(|s| Ok((SledStore::ouvrir_avec(d, &s)?, s)));
            match ouvert {
                Ok((m, s)) => (Box::new(m), s),
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            }
        }
        None => (Box::new(MemoryStore::default()), b"chat".to_vec()),
    };
    let service = Service::nouveau(moteur, magasin, secret);
    eprintln!("guichet chat : écrivez comme par SMS (Ctrl-D pour quitter).");
    eprint!("> ");
    let stdin = std::io::stdin();
    match guichet::channels::terminal::converser(
        &service,
        stdin.lock(),
        std::io::stdout(),
        std::io::stderr(),
        debug,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
