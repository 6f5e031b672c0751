//! `guichet serve`: the HTTP service with its channels, outbox workers and
//! graceful stop; and `guichet hash-password` for the agents' config.

use super::regles::{charger_regles, moteur};
use guichet::clock;
use guichet::config::Config;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// The store `[store] url` names (sled in `data_dir` when empty) and the
/// service secret. With PostgreSQL every instance must derive the same
/// keys: the secret must come from the configuration, `GUICHET_SECRET` or
/// `secret_file`, never from a file each machine would create for itself.
fn ouvrir_magasin(
    cfg: &Config,
) -> Result<(Box<dyn guichet::store::Store>, Vec<u8>), guichet::store::StoreError> {
    use guichet::store::{PgStore, SledStore, StoreError, VARIABLE_SECRET, postgres};
    let data_dir = &cfg.server.data_dir;
    let configure = Some(cfg.conversation.secret.as_str());
    let fichier = cfg.conversation.secret_file.as_deref();
    if cfg.store.url.is_empty() {
        let s = guichet::store::secret(configure, fichier, data_dir)?;
        return Ok((Box::new(SledStore::ouvrir_avec(data_dir, &s)?), s));
    }
    let partage = !cfg.conversation.secret.is_empty()
        || fichier.is_some()
        || std::env::var(VARIABLE_SECRET).is_ok_and(|s| !s.is_empty());
    if !partage {
        return Err(StoreError(format!(
            "[store] url : avec PostgreSQL, toutes les instances doivent avoir le même secret ; \
             donnez-le par [conversation] secret, secret_file ou la variable {VARIABLE_SECRET}"
        )));
    }
    let s = guichet::store::secret(configure, fichier, data_dir)?;
    let reglages = postgres::Reglages {
        url: cfg.store.url.clone(),
        connexions: cfg.store.connections,
    };
    Ok((Box::new(PgStore::ouvrir(&reglages, &s)?), s))
}

/// The SMS providers' settings and, when a send API is configured, the outbox.
type ConfigSms = (
    guichet::channels::sms::ReglagesSms,
    Option<Arc<guichet::channels::sms_outbox::Boite>>,
);

pub(crate) fn serve(
    config: Option<PathBuf>,
    bind: Option<String>,
    data_dir: Option<PathBuf>,
    non_authentifies: bool,
) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let explicite = config.is_some();
    let chemin = config.unwrap_or_else(|| PathBuf::from("config.toml"));
    let mut cfg = match Config::lire(&chemin, explicite) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("configuration : {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(b) = bind {
        cfg.server.bind = b;
    }
    if let Some(d) = data_dir {
        cfg.server.data_dir = d;
    }
    // Which webhooks open, with what authentication: checked before anything
    // else, so that a misconfigured provider stops the start at once.
    let canaux = match guichet::securite::canaux(&cfg, non_authentifies) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("configuration : {e}");
            return ExitCode::from(2);
        }
    };
    let regles = match charger_regles(cfg.rules.dir.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let moteur = match moteur(regles, &cfg) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (magasin, secret) = match ouvrir_magasin(&cfg) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut service = guichet::service::Service::nouveau(moteur, magasin, secret.clone());
    service.flot_par_minute = cfg.sms.flood_per_minute;
    let service = Arc::new(service);
    let (reglages_sms, boite) = match sms(&cfg, &service, &secret, non_authentifies) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("configuration : {e}");
            return ExitCode::from(2);
        }
    };
    let secret_sms = Some(cfg.sms.generic.secret.clone())
        .filter(|s| !s.is_empty())
        .map(String::into_bytes);
    let etat = Arc::new(guichet::state::AppState {
        service: service.clone(),
        mois_courant: clock::mois_courant,
        secret_sms_generique: secret_sms,
        sms: reglages_sms,
        boite: boite.clone(),
        evaluation: guichet::state::LimitesEvaluation::nouvelles(cfg.server.max_situations),
    });
    let console = match guichet::agent::Console::nouveau(
        service.clone(),
        &cfg.agent,
        Arc::new(clock::maintenant_secondes),
    ) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("configuration : {e}");
            return ExitCode::from(2);
        }
    };
    // Steps run on the blocking pool and no longer wait there for the disk
    // (the flush is awaited asynchronously): a few threads keep the CPU
    // busy, and many would each warm their own allocator heap.
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(16)
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("démarrage impossible : {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(&cfg.server.bind).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("impossible d'écouter sur {} : {e}", cfg.server.bind);
                return ExitCode::from(2);
            }
        };
        tracing::info!(adresse = %cfg.server.bind, "guichet écoute");
        guichet::securite::journal(&cfg, &canaux, non_authentifies);
        let boite_console = boite.clone();
        if let Some(b) = boite {
            tokio::spawn(b.tourner());
        }
        // Expired conversations are erased at start-up, then every hour.
        let purge = service.clone();
        tokio::spawn(async move {
            let mut intervalle = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                intervalle.tick().await;
                let s = purge.clone();
                match tokio::task::spawn_blocking(move || s.purger()).await {
                    Ok(Ok(n)) if n > 0 => tracing::info!(n, "conversations expirées effacées"),
                    Ok(Err(e)) => tracing::warn!(erreur = %e, "purge impossible"),
                    _ => {}
                }
            }
        });
        let app = guichet::server::routeur(etat, cfg.server.max_body_bytes);
        let telegram =
            match guichet::channels::telegram::demarrer(&cfg.telegram, service.clone()).await {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            };
        // The console has its own state (agents, sessions, calls) rather than
        // a field of `Etat`, so that the channels' tests need not know it.
        // The console reaches people through the same outbox and bot as
        // the channels (a summary by SMS, "your callback was handled").
        let console = console.avec_messagerie(guichet::agent::envoi::Messagerie {
            boite: boite_console,
            telegram: telegram.envoyeur.clone(),
        });
        let app = app.merge(guichet::agent::routeur(Arc::new(console)));
        let app = app.merge(telegram.routeur);
        // Ctrl-C or SIGTERM (systemd, docker stop, Kubernetes): stop accepting
        // connections, let the requests in flight finish (each writes and
        // flushes its step before it answers), then stop.
        let arret = async {
            signal_d_arret().await;
            tracing::info!(
                "arrêt demandé : plus de nouvelles connexions, fin des requêtes en cours"
            );
        };
        let servi = axum::serve(listener, app)
            .with_graceful_shutdown(arret)
            .await;
        tracing::info!("requêtes en cours terminées");
        // Replies queued for Telegram are stored and would leave at the next
        // start; give them a few seconds to leave now.
        if let Some(envoyeur) = telegram.envoyeur {
            let _ =
                tokio::time::timeout(std::time::Duration::from_secs(10), envoyeur.attendre()).await;
        }
        // Every step is flushed before its answer. The background tasks
        // (outbox, purge) end with the runtime when `serve` returns, and the
        // last reference to the store goes with them: sled flushes on drop.
        // An outbox entry caught in the middle of a send is taken up again
        // at the next start, as after a crash.
        drop(service);
        match servi {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("erreur du service : {e}");
                ExitCode::from(1)
            }
        }
    })
}

/// Waits for Ctrl-C or, on Unix, SIGTERM.
pub(crate) async fn signal_d_arret() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terme) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = terme.recv() => {}
                }
            }
            Err(e) => {
                tracing::warn!(erreur = %e, "SIGTERM non écouté ; Ctrl-C seulement");
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

pub(crate) fn sms(
    cfg: &Config,
    service: &Arc<guichet::service::Service>,
    secret: &[u8],
    non_authentifies: bool,
) -> Result<ConfigSms, String> {
    use guichet::channels::sms_outbox::{Boite, Fournisseur};
    let t = &cfg.sms.twilio;
    let v = &cfg.sms.vonage;
    let m = &cfg.sms.mtarget;
    let non_vide = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
    let directe = match t.mode.as_str() {
        "reply" => true,
        "api" => false,
        autre => {
            return Err(format!(
                "[sms.twilio] mode = \"{autre}\" : \"reply\" ou \"api\" attendu"
            ));
        }
    };
    let methode =
        guichet::channels::vonage::Methode::depuis(&v.signature_method).ok_or_else(|| {
            format!(
                "[sms.vonage] signature_method = \"{}\" : \"md5hash\" ou \"sha256\" attendu",
                v.signature_method
            )
        })?;
    let indicatifs =
        guichet::channels::sms_guard::Indicatifs::nouveaux(cfg.sms.allowed_country_codes.clone());
    let reglages = guichet::channels::sms::ReglagesSms {
        // The token checks signatures only with the URL they cover.
        twilio_auth_token: non_vide(&t.auth_token).filter(|_| !t.public_url.trim().is_empty()),
        twilio_public_url: t.public_url.clone(),
        twilio_reponse_directe: directe,
        vonage_signature_secret: non_vide(&v.signature_secret),
        vonage_methode: Some(methode),
        sans_authentification: non_authentifies,
        mtarget_jeton: non_vide(&m.webhook_token),
        mtarget_basic: non_vide(&m.webhook_username).map(|u| (u, m.webhook_password.clone())),
        indicatifs: indicatifs.clone(),
    };
    let mut fournisseurs = Vec::new();
    if !directe {
        if t.account_sid.is_empty() || t.auth_token.is_empty() {
            return Err("[sms.twilio] mode = \"api\" demande account_sid et auth_token".into());
        }
        fournisseurs.push((
            "twilio".to_string(),
            Fournisseur {
                api_url: t.api_url.clone(),
                identifiant: t.account_sid.clone(),
                secret: t.auth_token.clone(),
                expediteur: t.from.clone(),
                url_recus: non_vide(&t.public_url)
                    .map(|u| format!("{}/sms/twilio/status", u.trim_end_matches('/'))),
            },
        ));
    }
    if !v.api_key.is_empty() {
        fournisseurs.push((
            "vonage".to_string(),
            Fournisseur {
                api_url: v.api_url.clone(),
                identifiant: v.api_key.clone(),
                secret: v.api_secret.clone(),
                expediteur: v.from.clone(),
                url_recus: None,
            },
        ));
    }
    if !m.username.is_empty() {
        fournisseurs.push((
            "mtarget".to_string(),
            Fournisseur {
                api_url: m.api_url.clone(),
                identifiant: m.username.clone(),
                secret: m.password.clone(),
                expediteur: m.sender.clone(),
                url_recus: None,
            },
        ));
    }
    let boite = (!fournisseurs.is_empty()).then(|| {
        let mut b = Boite::nouvelle(service.clone(), secret.to_vec(), fournisseurs);
        b.garde = guichet::channels::sms_guard::GardeSortie {
            indicatifs,
            debit: guichet::channels::sms_guard::Debit::nouveau(cfg.sms.outbound_per_minute),
        };
        Arc::new(b)
    });
    Ok((reglages, boite))
}

/// Prints an argon2id hash (default parameters, random salt) in PHC form.
pub(crate) fn hash_password(password: &str) -> ExitCode {
    use argon2::password_hash::PasswordHasher;
    if password.is_empty() {
        eprintln!("mot de passe vide : donnez le mot de passe de l'agent en argument");
        return ExitCode::from(2);
    }
    match argon2::Argon2::default().hash_password(password.as_bytes()) {
        Ok(h) => {
            println!("{h}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("hachage impossible : {e}");
            ExitCode::from(2)
        }
    }
}
