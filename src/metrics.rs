//! What operators watch: counters and histograms in the Prometheus text
//! format, served at `GET /metrics`.
//!
//! The figures are recorded where things happen (the service, the outboxes,
//! the follow-up worker) through the `metrics` crate's macros, and exposed
//! by `metrics-exporter-prometheus` (its recorder only, no HTTP listener of
//! its own: the route is ours, behind the optional `[server] metrics_token`).
//! Labels are closed sets of words chosen here (a channel, a provider, an
//! outcome, a store operation): never a phone number, a chat id, a key or
//! a text, so the page holds nothing personal.
//!
//! The recorder is process-wide (the `metrics` crate has one global
//! recorder): [`installer`] sets it once and returns its handle; later
//! calls return the same handle. Without it the macros record nothing.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Messages received, by `canal` and `issue` (`reponse`, `resultats`,
/// `doublon`, `partie`, `limite`, `erreur`).
pub const MESSAGES: &str = "guichet_messages_total";
/// Seconds one step takes (engine and store writes, before the flush), by `canal`.
pub const DUREE_TOUR: &str = "guichet_turn_seconds";
/// Seconds one store operation takes, by `operation` (`lecture`, `ecriture`, `vidage`).
pub const DUREE_STORE: &str = "guichet_store_seconds";
/// Messages waiting in an outbox, by `provider`.
pub const PROFONDEUR_OUTBOX: &str = "guichet_outbox_depth";
/// Messages an outbox sent, by `provider`.
pub const ENVOIS: &str = "guichet_outbox_sent_total";
/// Failed sends, by `provider` and `error` (`reessai`, `refus`, `limite`, `bloque`, `reseau`).
pub const ERREURS_ENVOI: &str = "guichet_outbox_send_errors_total";
/// Follow-ups queued for sending, by `canal` and `sorte` (`consentement`, `reprise`, `demarche`).
pub const RELANCES: &str = "guichet_followups_sent_total";

/// Histogram buckets in seconds: a step takes milliseconds, a flush can
/// take tens of them on a slow disk, PostgreSQL a network round trip.
const SECONDES: &[f64] = &[
    0.000_5, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0,
];

/// Installs the process-wide recorder once and returns its handle.
pub fn installer() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let construit = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), SECONDES)
                .and_then(|b| b.install_recorder());
            match construit {
                Ok(h) => {
                    decrire();
                    Some(h)
                }
                Err(e) => {
                    // Another recorder is installed (an embedding program):
                    // the service runs, without /metrics of its own.
                    tracing::warn!(erreur = %e, "métriques indisponibles");
                    None
                }
            }
        })
        .clone()
}

/// The `# HELP` lines.
fn decrire() {
    ::metrics::describe_counter!(MESSAGES, "Messages received, by channel and outcome.");
    ::metrics::describe_histogram!(
        DUREE_TOUR,
        ::metrics::Unit::Seconds,
        "Time of one conversation step, before the flush."
    );
    ::metrics::describe_histogram!(
        DUREE_STORE,
        ::metrics::Unit::Seconds,
        "Time of one store operation."
    );
    ::metrics::describe_gauge!(PROFONDEUR_OUTBOX, "Messages waiting in an outbox.");
    ::metrics::describe_counter!(ENVOIS, "Messages an outbox handed to its provider.");
    ::metrics::describe_counter!(ERREURS_ENVOI, "Sends that failed, by provider and error.");
    ::metrics::describe_counter!(RELANCES, "Follow-ups queued, by channel and kind.");
}

/// Counts one message received.
pub fn message(canal: &str, issue: &'static str) {
    ::metrics::counter!(MESSAGES, "canal" => canal_connu(canal), "issue" => issue).increment(1);
}

/// Records how long a step took.
pub fn duree_tour(canal: &str, duree: Duration) {
    ::metrics::histogram!(DUREE_TOUR, "canal" => canal_connu(canal)).record(duree.as_secs_f64());
}

/// Records how long a store operation took.
pub fn duree_store(operation: &'static str, duree: Duration) {
    ::metrics::histogram!(DUREE_STORE, "operation" => operation).record(duree.as_secs_f64());
}

/// Sets how many messages wait in a provider's outbox.
pub fn profondeur(fournisseur: &str, n: usize) {
    ::metrics::gauge!(PROFONDEUR_OUTBOX, "provider" => fournisseur_connu(fournisseur))
        .set(n as f64);
}

/// Counts one message handed to a provider.
pub fn envoi(fournisseur: &str) {
    ::metrics::counter!(ENVOIS, "provider" => fournisseur_connu(fournisseur)).increment(1);
}

/// Counts one failed send.
pub fn erreur_envoi(fournisseur: &str, erreur: &'static str) {
    ::metrics::counter!(ERREURS_ENVOI, "provider" => fournisseur_connu(fournisseur), "error" => erreur)
        .increment(1);
}

/// Counts one follow-up queued.
pub fn relance(canal: &str, sorte: &'static str) {
    ::metrics::counter!(RELANCES, "canal" => canal_connu(canal), "sorte" => sorte).increment(1);
}

/// A channel name as a label: the known ones, else `autre`, so that a
/// label never carries what a caller passed through.
fn canal_connu(canal: &str) -> &'static str {
    match canal {
        "sms" => "sms",
        "telegram" => "telegram",
        "chat" => "chat",
        "agent" => "agent",
        _ => "autre",
    }
}

/// A provider name as a label, from the closed set of providers.
fn fournisseur_connu(fournisseur: &str) -> &'static str {
    match fournisseur {
        "twilio" => "twilio",
        "vonage" => "vonage",
        "mtarget" => "mtarget",
        "telegram" => "telegram",
        _ => "autre",
    }
}

/// What `GET /metrics` needs: the recorder's handle and the token, if any.
struct Page {
    handle: PrometheusHandle,
    jeton: Option<String>,
}

/// The `/metrics` route. With a token, requests must carry
/// `Authorization: Bearer <token>` (401 otherwise).
pub fn routeur(handle: PrometheusHandle, jeton: Option<String>) -> Router {
    let page = Arc::new(Page {
        handle,
        jeton: jeton.filter(|j| !j.is_empty()),
    });
    Router::new()
        .route("/metrics", get(afficher))
        .with_state(page)
}

async fn afficher(State(page): State<Arc<Page>>, entetes: HeaderMap) -> Response {
    if let Some(jeton) = &page.jeton {
        let donne = entetes
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !crate::agent::session::egaux(donne, jeton) {
            return (
                StatusCode::UNAUTHORIZED,
                "jeton manquant ou faux : Authorization: Bearer <[server] metrics_token>\n",
            )
                .into_response();
        }
    }
    // Histograms' buckets are kept since start-up; the exporter's upkeep
    // drains them into the output, as its own listener would.
    page.handle.run_upkeep();
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        page.handle.render(),
    )
        .into_response()
}
