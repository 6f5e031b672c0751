//! The `guichet` command: run the service, evaluate situations, check rule
//! files. This file parses the arguments; each command lives in [`cli`].

mod cli;
use cli::chat::chat;
use cli::check::check;
use cli::eval::eval;
use cli::serve::{hash_password, serve};

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

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
