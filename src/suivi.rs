//! The follow-up worker: sends, at the right moment, the follow-ups people
//! agreed to, through each channel's outbox.
//!
//! What may be sent is the engine's ([`crate::dialogue::Moteur::suivi_du`]),
//! when and to whom is kept by the service in the `suivis` table
//! ([`crate::service::Echeance`], written in each step's transaction). This
//! worker reads that table every minute and, for each follow-up whose delay
//! has passed (a day of silence mid-conversation, a week after the results)
//! and only on a working hour in France (Monday to Saturday, 9:00 to 19:00
//! by default), has the service write it to the channel's outbox together
//! with the mark that it was sent ([`crate::service::Service::envoyer_suivi`]).
//! A crash or a restart in between sends it once: either both are on disk
//! or neither is. The outboxes then check STOP again before every try.
//!
//! The clock is injected, so that tests can move a week in a line.

use crate::agent::envoi::Messagerie;
use crate::channels::sms_outbox::DepotSms;
use crate::channels::telegram::envoi::DepotTelegram;
use crate::dialogue::EnvoiSuivi;
use crate::service::{Echeance, Service};
use crate::store::{Cle, StoreError};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The clock the worker reads (seconds since 1970).
pub type Horloge = Arc<dyn Fn() -> u64 + Send + Sync>;

/// The follow-up worker.
pub struct Relanceur {
    service: Arc<Service>,
    messagerie: Messagerie,
    reglages: crate::config::Suivi,
    horloge: Horloge,
    arret: AtomicBool,
    reveil: tokio::sync::Notify,
}

impl Relanceur {
    /// A worker over the service, sending through `messagerie`.
    pub fn nouveau(
        service: Arc<Service>,
        messagerie: Messagerie,
        reglages: crate::config::Suivi,
        horloge: Horloge,
    ) -> Relanceur {
        Relanceur {
            service,
            messagerie,
            reglages,
            horloge,
            arret: AtomicBool::new(false),
            reveil: tokio::sync::Notify::new(),
        }
    }

    /// When the follow-up `envoi` of a schedule is due (seconds since 1970),
    /// before the working-hours window is applied; `maj` is the time of the
    /// person's last message.
    pub fn echeance(&self, envoi: EnvoiSuivi, e: &Echeance, maj: u64) -> u64 {
        match envoi {
            EnvoiSuivi::Consentement | EnvoiSuivi::Reprise => {
                maj.saturating_add(self.reglages.delai_reprise_heures * 3600)
            }
            EnvoiSuivi::Demarche => e
                .resultats
                .unwrap_or(maj)
                .saturating_add(self.reglages.delai_demarche_jours * 86_400),
        }
    }

    /// One round: queues every follow-up due now; returns how many.
    /// Blocking (reads and writes the store).
    pub fn tour(&self) -> Result<usize, StoreError> {
        let maintenant = (self.horloge)();
        let r = &self.reglages;
        if !crate::clock::heure_ouvrable(maintenant, r.heure_debut, r.heure_fin) {
            return Ok(0);
        }
        let mut n = 0;
        for (cle, e) in self.service.echeances()? {
            if self.arret.load(Ordering::SeqCst) {
                break;
            }
            let vue = self.service.conversation_et_maj(&cle)?;
            let Some((envoi, maj)) =
                vue.and_then(|(c, maj)| Some((self.service.moteur.suivi_du(&c)?, maj)))
            else {
                // Gone, stopped, or nothing left to send: the contact goes.
                self.service.oublier_suivi(&cle)?;
                continue;
            };
            if maintenant < self.echeance(envoi, &e, maj) {
                continue;
            }
            match self.envoyer(&cle, envoi, &e, maj) {
                Ok(true) => {
                    n += 1;
                    crate::metrics::relance(&e.canal, sorte(envoi));
                }
                Ok(false) => {}
                // One person's failure does not hold the others back; the
                // next round tries again.
                Err(err) => tracing::warn!(cle = cle.court(), erreur = %err, "relance non envoyée"),
            }
        }
        Ok(n)
    }

    /// Queues one follow-up through its channel's outbox.
    fn envoyer(
        &self,
        cle: &Cle,
        envoi: EnvoiSuivi,
        e: &Echeance,
        maj: u64,
    ) -> Result<bool, StoreError> {
        let Some(adresse) = self.service.contact_suivi(e) else {
            return Ok(false);
        };
        match e.canal.as_str() {
            "sms" => {
                let Some(boite) = &self.messagerie.boite else {
                    return Ok(false);
                };
                let depot = DepotSms {
                    boite,
                    fournisseur: &e.fournisseur,
                    numero: &adresse,
                };
                let envoye = self.service.envoyer_suivi(cle, envoi, maj, &depot)?;
                if envoye {
                    boite.reveiller();
                }
                Ok(envoye)
            }
            crate::channels::telegram::CANAL => {
                let (Some(envoyeur), Ok(chat)) = (&self.messagerie.telegram, adresse.parse())
                else {
                    return Ok(false);
                };
                let depot = DepotTelegram {
                    envoyeur,
                    chat,
                    langue: None,
                    deposes: Default::default(),
                };
                let envoye = self.service.envoyer_suivi(cle, envoi, maj, &depot)?;
                if envoye {
                    envoyeur.envoyer_deposes(chat, depot.deposes.into_inner());
                }
                Ok(envoye)
            }
            _ => Ok(false),
        }
    }

    /// Asks the worker to stop after the follow-up under way.
    pub fn arreter(&self) {
        self.arret.store(true, Ordering::SeqCst);
        self.reveil.notify_one();
    }

    /// Runs until [`Relanceur::arreter`]: a round every minute.
    pub async fn tourner(self: Arc<Self>) {
        while !self.arret.load(Ordering::SeqCst) {
            let r = self.clone();
            match tokio::task::spawn_blocking(move || r.tour()).await {
                Ok(Ok(n)) if n > 0 => tracing::info!(n, "relances mises en file"),
                Ok(Err(e)) => tracing::warn!(erreur = %e, "relances"),
                _ => {}
            }
            let _ = tokio::time::timeout(Duration::from_secs(60), self.reveil.notified()).await;
        }
    }
}

/// The metrics label of a follow-up.
fn sorte(envoi: EnvoiSuivi) -> &'static str {
    match envoi {
        EnvoiSuivi::Consentement => "consentement",
        EnvoiSuivi::Reprise => "reprise",
        EnvoiSuivi::Demarche => "demarche",
    }
}
