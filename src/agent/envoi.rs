//! What the console sends to the person on the other end: the written
//! summary of a call by SMS (with their consent), and the word that their
//! callback request was handled, by SMS or Telegram.
//!
//! The console never talks to a provider itself: SMS go into the durable
//! outbox of [`crate::channels::sms_outbox`] (which checks STOP again before every
//! try and keeps the number encrypted), Telegram messages into the
//! rate-limited queue of [`crate::channels::telegram::envoi`].

use crate::channels::sms_outbox::Boite;
use crate::channels::telegram::envoi::Envoyeur;
use crate::channels::telegram::format::{Clavier, Sortant};
use crate::service::Service;
use crate::sms::{gsm7, numero};
use std::sync::Arc;

/// The ways out the service was configured with.
#[derive(Clone, Default)]
pub struct Messagerie {
    /// The SMS outbox, when a provider's send API is configured.
    pub boite: Option<Arc<Boite>>,
    /// The Telegram sender, when a bot token is configured.
    pub telegram: Option<Envoyeur>,
}

/// Why nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EchecEnvoi {
    /// No way to send on that channel is configured.
    NonConfigure,
    /// The number (or chat id) cannot be read.
    ContactInvalide,
    /// The number is outside `[sms] allowed_country_codes`.
    IndicatifRefuse,
    /// The person said STOP on that channel.
    Arrete,
    /// The outbox could not be written.
    Stockage(String),
}

impl EchecEnvoi {
    /// What to tell the agent, in the console's language.
    pub fn message(&self, m: super::pages::Mots) -> String {
        match self {
            EchecEnvoi::NonConfigure => m.t("envoi-non-configure"),
            EchecEnvoi::ContactInvalide => m.t("envoi-contact-invalide"),
            EchecEnvoi::IndicatifRefuse => m.t("envoi-indicatif-refuse"),
            EchecEnvoi::Arrete => m.t("envoi-arrete"),
            EchecEnvoi::Stockage(e) => m.a(
                "envoi-stockage",
                &[("erreur", crate::textes::Arg::Texte(e.clone()))],
            ),
        }
    }
}

impl Messagerie {
    /// Whether SMS can be sent (an outbox with at least one provider).
    pub fn sms_possible(&self) -> bool {
        self.boite
            .as_ref()
            .is_some_and(|b| !b.fournisseurs.is_empty())
    }

    /// Whether this channel can be written to.
    pub fn possible(&self, canal: &str) -> bool {
        match canal {
            "sms" => self.sms_possible(),
            crate::channels::telegram::CANAL => self.telegram.is_some(),
            _ => false,
        }
    }

    /// Sends `messages` to `contact` (a phone number for `sms`, a chat id
    /// for `telegram`), unless that person said STOP there. Durable when
    /// this returns (blocking: call it off the async runtime).
    pub fn envoyer(
        &self,
        service: &Service,
        canal: &str,
        contact: &str,
        messages: &[String],
    ) -> Result<(), EchecEnvoi> {
        if messages.is_empty() {
            return Ok(());
        }
        match canal {
            "sms" => {
                let boite = self.boite.as_ref().ok_or(EchecEnvoi::NonConfigure)?;
                let (fournisseur, _) =
                    boite.fournisseurs.first().ok_or(EchecEnvoi::NonConfigure)?;
                let numero = numero::normaliser(contact).ok_or(EchecEnvoi::ContactInvalide)?;
                if !boite.garde.indicatifs.autorise(&numero) {
                    return Err(EchecEnvoi::IndicatifRefuse);
                }
                let cle = service.cle("sms", &numero);
                if service
                    .est_arrete(&cle)
                    .map_err(|e| EchecEnvoi::Stockage(e.to_string()))?
                {
                    return Err(EchecEnvoi::Arrete);
                }
                let textes: Vec<String> = messages.iter().map(|m| gsm7::translitterer(m)).collect();
                boite
                    .deposer(fournisseur, &numero, &cle, &textes)
                    .map_err(|e| EchecEnvoi::Stockage(e.to_string()))
            }
            crate::channels::telegram::CANAL => {
                let envoyeur = self.telegram.as_ref().ok_or(EchecEnvoi::NonConfigure)?;
                let chat: i64 = contact.parse().map_err(|_| EchecEnvoi::ContactInvalide)?;
                let cle = service.cle(crate::channels::telegram::CANAL, contact);
                if service
                    .est_arrete(&cle)
                    .map_err(|e| EchecEnvoi::Stockage(e.to_string()))?
                {
                    return Err(EchecEnvoi::Arrete);
                }
                let sortants = messages
                    .iter()
                    .map(|m| Sortant {
                        texte: m.clone(),
                        html: false,
                        clavier: Clavier::Aucun,
                    })
                    .collect();
                // Stored first, as the replies to updates are.
                let deposes = envoyeur
                    .deposer(chat, sortants)
                    .map_err(|e| EchecEnvoi::Stockage(e.to_string()))?;
                envoyeur.envoyer_deposes(chat, deposes);
                Ok(())
            }
            _ => Err(EchecEnvoi::NonConfigure),
        }
    }
}
