//! What every request handler shares: the service, the month of reference,
//! the channels' settings and the bounds of the API. Its own module so that
//! the server (which mounts the routes) and the channels (which serve them)
//! both depend on it, and never on each other.

use crate::rules::RuleSet;
use crate::service::Service;
use crate::situation::Mois;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// What every request handler shares.
pub struct AppState {
    /// The conversation service (with the engine and its rules).
    pub service: Arc<Service>,
    /// The month used when a situation names none (the service's current month).
    pub mois_courant: fn() -> Mois,
    /// Secret of `X-Guichet-Signature` on `/sms/generic`, when required.
    pub secret_sms_generique: Option<Vec<u8>>,
    /// Settings of the SMS providers' routes.
    pub sms: crate::channels::sms::ReglagesSms,
    /// The SMS outbox, when a provider's send API is configured.
    pub boite: Option<Arc<crate::channels::sms_outbox::Boite>>,
    /// How much work one `/api/v1/evaluate` request may ask for.
    pub evaluation: LimitesEvaluation,
}

/// The bounds of `/api/v1/evaluate`: situations per request, and how many
/// requests evaluate at once (the others wait their turn, off the workers).
#[derive(Debug, Clone)]
pub struct LimitesEvaluation {
    /// Most situations in one request (`[server] max_situations`).
    pub max_situations: usize,
    pub(crate) calculs: Arc<Semaphore>,
}

impl LimitesEvaluation {
    /// At most `max_situations` a request; as many requests evaluating at
    /// once as the machine has cores.
    pub fn nouvelles(max_situations: usize) -> LimitesEvaluation {
        let coeurs = std::thread::available_parallelism().map_or(2, |n| n.get());
        LimitesEvaluation {
            max_situations: max_situations.max(1),
            calculs: Arc::new(Semaphore::new(coeurs)),
        }
    }
}

impl Default for LimitesEvaluation {
    fn default() -> Self {
        LimitesEvaluation::nouvelles(crate::config::Server::default().max_situations)
    }
}

impl AppState {
    pub fn regles(&self) -> &RuleSet {
        &self.service.moteur.regles
    }
}
