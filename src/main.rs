//! The `guichet` command: run the service, evaluate situations, check rule files.

use clap::{Parser, Subcommand};
use guichet::config::Config;
use guichet::horloge;
use guichet::rules::{ErreurChargement, RuleSet, Source};
use guichet::situation::{Mois, Situation};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// mimalloc rather than the system allocator: evaluating every aid for a
/// household makes about 80 small allocations (results, explanation lines),
/// and glibc's malloc and free were 6.7 % of a complete household's
/// instructions (201.3k with glibc, 187.9k with mimalloc, freeing the
/// result included). The benchmarks use the same allocator, so that they
/// measure what this binary does.
#[global_allocator]
static ALLOCATEUR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "guichet",
    version,
    about = "Trouver les aides sociales auxquelles un foyer a droit."
)]
struct Cli {
    #[command(subcommand)]
    commande: Commande,
}

#[derive(Subcommand)]
enum Commande {
    /// Run the HTTP service (API and channels).
    Serve {
        /// Configuration file (default: ./config.toml when present).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Address and port to listen on, overriding [server] bind.
        #[arg(long)]
        bind: Option<String>,
        /// Data directory, overriding [server] data_dir.
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Development only: open webhooks whose authentication is not
        /// configured, and accept unauthenticated requests on them (each is
        /// logged as a warning). Anyone could then read or change a
        /// conversation and make the service send SMS.
        #[arg(long)]
        insecure_webhooks: bool,
    },
    /// Evaluate every aid for one situation or a JSON array of situations.
    Eval {
        /// JSON file, or `-` for standard input.
        fichier: String,
        /// Rule directory to use instead of the built-in rules.
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Month to apply when a situation names none (AAAA-MM; default: this month).
        #[arg(long)]
        mois: Option<String>,
        /// Indent the JSON output.
        #[arg(long)]
        pretty: bool,
    },
    /// Check rule files, questions and texts; prints `file:line: message` for each problem.
    Check {
        /// Rule directory (default: ./rules).
        #[arg(long, default_value = "rules")]
        rules: PathBuf,
        /// Question file (default: ./dialogues/questions.toml).
        #[arg(long, default_value = "dialogues/questions.toml")]
        questions: PathBuf,
        /// Lexicon file (default: ./dialogues/lexique.toml).
        #[arg(long, default_value = "dialogues/lexique.toml")]
        lexique: PathBuf,
        /// Fluent directory, one sub-directory per language (default: ./locales).
        #[arg(long, default_value = "locales")]
        locales: PathBuf,
    },
    /// Print the argon2 hash of a password, for `[[agent.users]] password_hash`.
    HashPassword {
        /// The agent's password (prefer typing it at a prompt-less shell
        /// with history off: it is not stored anywhere by guichet).
        password: String,
    },
    /// Talk to guichet in the terminal, as by SMS (for development and demos).
    Chat {
        /// Keep the conversation in this data directory (default: in memory only).
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Segment budget of each reply.
        #[arg(long, default_value_t = 3)]
        budget: usize,
        /// Show the field and kind of each question.
        #[arg(long)]
        debug: bool,
    },
}

/// Reads every `*.toml` file of a directory (not recursive) and compiles them.
/// The rule engine itself does no I/O: reading files is the command's job.
fn lire_dossier(dossier: &std::path::Path) -> Result<RuleSet, Vec<ErreurChargement>> {
    RuleSet::depuis_sources(&lire_sources(dossier)?)
}

/// Every `*.toml` of a rules directory, in name order.
fn lire_sources(dossier: &std::path::Path) -> Result<Vec<Source>, Vec<ErreurChargement>> {
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

fn charger_regles(dossier: Option<&std::path::Path>) -> Result<RuleSet, String> {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.commande {
        Commande::Check {
            rules,
            questions,
            lexique,
            locales,
        } => check(&rules, &questions, &lexique, &locales),
        Commande::Chat {
            data_dir,
            budget,
            debug,
        } => chat(data_dir, budget, debug),
        Commande::Eval {
            fichier,
            rules,
            mois,
            pretty,
        } => eval(&fichier, rules.as_deref(), mois.as_deref(), pretty),
        Commande::Serve {
            config,
            bind,
            data_dir,
            insecure_webhooks,
        } => serve(config, bind, data_dir, insecure_webhooks),
        Commande::HashPassword { password } => hash_password(&password),
    }
}

/// Prints an argon2id hash (default parameters, random salt) in PHC form.
fn hash_password(password: &str) -> ExitCode {
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

fn check(
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
fn lire_locales(dossier: &std::path::Path) -> Result<guichet::textes::Textes, Vec<String>> {
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

/// The conversation engine with the built-in questions and texts.
fn moteur(regles: RuleSet, cfg: &Config) -> Result<guichet::dialogue::Moteur, String> {
    let reglages = guichet::dialogue::Reglages {
        budget_segments: cfg.sms.segment_budget.max(1),
        expiration_jours: cfg.conversation.expiration_jours,
        operateur: cfg.conversation.operateur.clone(),
        contact: cfg.conversation.contact.clone(),
    };
    guichet::dialogue::Moteur::integre(regles, reglages).map_err(|e| e.join("\n"))
}

/// The SMS providers' settings and, when a send API is configured, the outbox.
type ConfigSms = (
    guichet::sms::routes::ReglagesSms,
    Option<Arc<guichet::sms::envoi::Boite>>,
);

fn sms(
    cfg: &Config,
    service: &Arc<guichet::service::Service>,
    secret: &[u8],
    non_authentifies: bool,
) -> Result<ConfigSms, String> {
    use guichet::sms::envoi::{Boite, Fournisseur};
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
    let methode = guichet::sms::vonage::Methode::depuis(&v.signature_method).ok_or_else(|| {
        format!(
            "[sms.vonage] signature_method = \"{}\" : \"md5hash\" ou \"sha256\" attendu",
            v.signature_method
        )
    })?;
    let indicatifs =
        guichet::sms::garde::Indicatifs::nouveaux(cfg.sms.allowed_country_codes.clone());
    let reglages = guichet::sms::routes::ReglagesSms {
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
        b.garde = guichet::sms::garde::GardeSortie {
            indicatifs,
            debit: guichet::sms::garde::Debit::nouveau(cfg.sms.outbound_per_minute),
        };
        Arc::new(b)
    });
    Ok((reglages, boite))
}

fn chat(data_dir: Option<PathBuf>, budget: usize, debug: bool) -> ExitCode {
    use guichet::service::{Message, Service};
    use guichet::sms::gsm7;
    use guichet::store::{Magasin, MagasinMemoire, MagasinSled};
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
    let (magasin, secret): (Box<dyn Magasin>, Vec<u8>) = match &data_dir {
        Some(d) => {
            let ouvert = guichet::store::secret(None, None, d)
                .and_then(|s| Ok((MagasinSled::ouvrir_avec(d, &s)?, s)));
            match ouvert {
                Ok((m, s)) => (Box::new(m), s),
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            }
        }
        None => (Box::new(MagasinMemoire::default()), b"chat".to_vec()),
    };
    let service = Service::nouveau(moteur, magasin, secret);
    eprintln!("guichet chat : écrivez comme par SMS (Ctrl-D pour quitter).");
    let stdin = std::io::stdin();
    let mut ligne = String::new();
    loop {
        ligne.clear();
        eprint!("> ");
        match stdin.read_line(&mut ligne) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let texte = ligne.trim_end_matches(['\n', '\r']);
        match service.traiter(&Message {
            canal: "chat",
            expediteur: "terminal",
            texte,
            id: None,
            langue: None,
        }) {
            Ok(s) => {
                for m in &s.messages {
                    let t = gsm7::translitterer(m);
                    let (enc, n) = gsm7::segments(&t);
                    for (i, l) in t.lines().enumerate() {
                        println!("{} {l}", if i == 0 { "<" } else { " " });
                    }
                    if debug {
                        println!("  [{enc:?}, {n} segment(s)]");
                    }
                }
                if debug && !s.invite.is_null() {
                    println!("  [{} : {}]", s.invite["field"], s.invite["kind"]);
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    ExitCode::SUCCESS
}

fn eval(
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
        None => horloge::mois_courant(),
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
const TAILLE_MORCEAU: usize = 64;

/// A finished chunk of a batch: its index, its serialized results
/// (comma-separated), and its errors with their index in the batch.
type Morceau = (
    usize,
    Vec<u8>,
    Vec<(usize, guichet::situation::SituationError)>,
);

/// Evaluates a batch on every core (situations are independent) and writes
/// the JSON array to `sortie` as chunks finish, in the batch's order. Returns
/// the number of situations in error, each also reported on stderr.
fn evaluer_en_flux(
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
fn evaluer_morceau(
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
            // Compact output, the common case, goes through the faster writer
            // (same bytes as serde_json).
            Ok(ev) if !pretty => guichet::rules::json::ecrire(&mut octets, &ev),
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

fn ecrire_json<T: serde::Serialize>(
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

fn serve(
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
    let data_dir = cfg.server.data_dir.clone();
    let ouvert = guichet::store::secret(
        Some(&cfg.conversation.secret),
        cfg.conversation.secret_file.as_deref(),
        &data_dir,
    )
    .and_then(|s| Ok((guichet::store::MagasinSled::ouvrir_avec(&data_dir, &s)?, s)));
    let (magasin, secret) = match ouvert {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut service = guichet::service::Service::nouveau(moteur, Box::new(magasin), secret.clone());
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
    let etat = Arc::new(guichet::server::Etat {
        service: service.clone(),
        mois_courant: horloge::mois_courant,
        secret_sms_generique: secret_sms,
        sms: reglages_sms,
        boite: boite.clone(),
        evaluation: guichet::server::LimitesEvaluation::nouvelles(cfg.server.max_situations),
    });
    let console = match guichet::agent::Console::nouveau(
        service.clone(),
        &cfg.agent,
        Arc::new(horloge::maintenant_secondes),
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
        let telegram = match guichet::telegram::demarrer(&cfg.telegram, service.clone()).await {
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
async fn signal_d_arret() {
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
