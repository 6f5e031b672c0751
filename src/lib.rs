//! guichet: find the French social aids a household is entitled to, one short
//! message at a time.
//!
//! # Layout
//!
//! One message travels one way: channel adapter → inbound message → engine
//! step → outbound messages → channel adapter. The modules, each with one job:
//!
//! - [`situation`]: the household facts, JSON format v1, checked with errors naming the field.
//! - [`rules`]: rule files (`rules/*.toml`), the expression language, three-valued
//!   evaluation, explanations. Pure: no I/O, no clock.
//! - [`geo`]: postal code or commune name → communes, département, housing-aid zone (embedded table).
//! - [`config`]: `config.toml` and command-line overrides.
//! - [`server`]: the axum router: `/api/v1/evaluate`, `/health`, and the channels' routes.
//! - [`state`]: what every request handler shares (server and channels depend on it, not on each other).
//! - [`securite`]: which webhooks `serve` opens, with what authentication, and the start-up log of it.
//! - [`clock`]: the clock, kept outside the pure engine.
//! - [`sms`]: GSM-7 transliteration and segment counting, phone numbers: what every SMS shares.
//! - [`dialogue`]: questions as data, answer parsing, the conversation state machine, which
//!   question next, results. Pure.
//! - [`textes`]: the Fluent messages of `locales/` (fr, en), and the aids' own sentences
//!   in the conversation's language (French from `rules/`, others from `locales/<l>/aides.ftl`).
//! - [`store`]: conversations at rest (sled, or PostgreSQL for several instances), keyed by a keyed hash of channel + sender.
//! - [`seal`]: the few contact details kept (for a callback), sealed with a derived key.
//! - [`service`]: one inbound message from any channel → one transaction (state, duplicate
//!   record, outbox, callback) → engine step → typed outcome ([`service::Sortie`]).
//! - [`channels`]: thin adapters, one file per provider (generic, twilio, vonage, mtarget,
//!   telegram, terminal), with the SMS inbound pipeline, outbox and outbound guard. A
//!   step's writes are the service's; the outbox workers only read and mark what it queued.
//! - [`agent`]: the call-centre console under `/agent` (login, call screen, callback queue).
//! - `src/main.rs` and `src/cli/` (binary only): the command line, one file per command
//!   (`serve`, `chat`, `eval`, `check`).
//!
//! # Names
//!
//! Two vocabularies, each where it belongs, so that a name says which side
//! of the service a thing is on:
//!
//! - **The domain is in French**, the words of the law and of the people we
//!   serve: `aide`, `foyer`, `demandeur`, `conjoint`, `loyer`,
//!   `champs_manquants`, `eligible`, `rappel`, `relance`. Rule files, questions,
//!   lexicon and messages use the same words, so a policy expert can follow a
//!   field from `rules/*.toml` to the Rust that reads it.
//! - **Infrastructure is in English**, the words of the tools it is built
//!   with: `server`, `store`, `outbox`, `retry`, `webhook`, `flush`, `config`,
//!   `channel`. Provider wire formats keep the provider's own names.
//! - One name per thing: when a thing has a domain name, infrastructure code
//!   uses it too (`Conversation`, `Sortie`), rather than a synonym.
//!
//! The store's types follow it (`store::Store`, `SledStore`, `StoreError`),
//! as do `seal` and `clock`; a few French infrastructure names remain inside
//! older modules (`Service::traiter`, `Sortie`, `Horloge`): rename them when
//! you next change them, one module per commit.

pub mod agent;
pub mod channels;
pub mod clock;
pub mod config;
pub mod dialogue;
pub mod geo;
pub mod rules;
pub mod seal;
pub mod securite;
pub mod server;
pub mod service;
pub mod situation;
pub mod sms;
pub mod state;
pub mod store;
pub mod textes;
